import { App as AntApp, Button, Modal, Tag, Typography, Upload, type FormInstance } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { DeadlineState } from '../../../shared/domain/disclosure';
import type { DisclosureExportKind } from '../../../shared/ipc/contracts/disclosure';
import { call, toUpload } from '../../api/call';
import { useCheckedDeliver } from '../../components/CheckedExport';
import { useBusyAction } from '../../hooks';

/** The area's exports; the 年报's name its open 核对 findings first (useCheckedDeliver), letters go straight. */
export function useDisclosureExport() {
  const save = useCheckedDeliver();
  return (kind: DisclosureExportKind, args: { id?: number; year?: number } = {}) =>
    save(kind, args.year ?? 0, () => call('disclosure.export', { kind, ...args }));
}

const STATE_COLOR: Record<DeadlineState, string> = {
  正常: 'green',
  即将到期: 'orange',
  逾期: 'red',
  暂停计时: 'blue',
  按期办结: 'default',
  逾期办结: 'volcano',
};
export function DeadlineTag({ state }: { state: DeadlineState }) {
  return <Tag color={STATE_COLOR[state]}>{state}</Tag>;
}

interface Outcome {
  added: { row: number }[];
  skipped: { row: number; reason: string }[];
  refused: { row: number; reason: string }[];
  newColumns: string[];
}

/** An .xlsx import button: shows what was added, skipped and refused (with row numbers) after the import. */
export function ImportButton({
  label,
  method,
  unit,
  onDone,
}: {
  label: string;
  method: 'disclosure.importPublications' | 'disclosure.importRequests';
  unit: string;
  onDone: () => void;
}) {
  const [busy, run] = useBusyAction<'import'>();
  const [result, setResult] = useState<Outcome | null>(null);
  // A refusal may name the file's columns or rows: it stays longer than a passing message.
  const importFile = (file: File) =>
    run(
      'import',
      async () => {
        setResult(await call(method, { upload: await toUpload(file) }));
        onDone();
      },
      { errorSeconds: 8 },
    );
  return (
    <>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(f) => {
          void importFile(f);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy === 'import'}>
          {label}
        </Button>
      </Upload>
      {result && (
        <Modal
          open
          title="导入结果"
          onOk={() => setResult(null)}
          onCancel={() => setResult(null)}
          cancelButtonProps={{ style: { display: 'none' } }}
          okText="知道了"
        >
          <Typography.Paragraph>
            已导入 {result.added.length} {unit}
            {result.newColumns.length ? `，新增栏目：${result.newColumns.join('、')}` : ''}。
          </Typography.Paragraph>
          {result.skipped.length > 0 && (
            <Typography.Paragraph>
              跳过 {result.skipped.length} {unit}（重复）：
              <br />
              {result.skipped.slice(0, 20).map((s) => (
                <span key={s.row}>
                  第{s.row}行：{s.reason}
                  <br />
                </span>
              ))}
            </Typography.Paragraph>
          )}
          {result.refused.length > 0 && (
            <Typography.Paragraph type="danger">
              无法导入 {result.refused.length} {unit}：<br />
              {result.refused.slice(0, 20).map((s) => (
                <span key={s.row}>
                  第{s.row}行：{s.reason}
                  <br />
                </span>
              ))}
            </Typography.Paragraph>
          )}
        </Modal>
      )}
    </>
  );
}

/**
 * 取消 in a register's dialog: closes at once when nothing was touched, otherwise asks whether to drop the edits
 * (放弃 / 继续编辑).
 */
export function useCancelEdit(form: FormInstance, onClose: () => void): () => void {
  const { modal } = AntApp.useApp();
  return () => {
    if (!form.isFieldsTouched()) return onClose();
    modal.confirm({ title: '放弃未保存的修改？', okText: '放弃', cancelText: '继续编辑', onOk: onClose });
  };
}
