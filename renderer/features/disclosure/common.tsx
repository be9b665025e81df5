import { App as AntApp, Button, Modal, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { DeadlineState } from '../../../shared/domain/disclosure';
import type { DisclosureExportKind } from '../../../shared/ipc/contracts/disclosure';
import { call, toUpload } from '../../api/call';
import { useDeliver } from '../../hooks';

export function useDisclosureExport() {
  const save = useDeliver();
  return (kind: DisclosureExportKind, args: { id?: number; year?: number } = {}) => save(() => call('disclosure.export', { kind, ...args }));
}

const STATE_COLOR: Record<DeadlineState, string> = { 正常: 'green', 即将到期: 'orange', 逾期: 'red', 暂停计时: 'blue', 按期办结: 'default', 逾期办结: 'volcano' };
export function DeadlineTag({ state }: { state: DeadlineState }) {
  return <Tag color={STATE_COLOR[state]}>{state}</Tag>;
}

interface Outcome { added: { row: number }[]; skipped: { row: number; reason: string }[]; refused: { row: number; reason: string }[]; newColumns: string[] }

/** An .xlsx import button: shows what was added, skipped and refused (with row numbers) after the import. */
export function ImportButton({ label, method, unit, onDone }: { label: string; method: 'disclosure.importPublications' | 'disclosure.importRequests'; unit: string; onDone: () => void }) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Outcome | null>(null);
  const run = async (file: File) => {
    setBusy(true);
    try {
      setResult(await call(method, { upload: await toUpload(file) }));
      onDone();
    } catch (e) {
      message.error((e as Error).message, 8);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => { void run(f); return false; }}>
        <Button icon={<UploadOutlined />} loading={busy}>{label}</Button>
      </Upload>
      {result && (
        <Modal open title="导入结果" onOk={() => setResult(null)} onCancel={() => setResult(null)} cancelButtonProps={{ style: { display: 'none' } }} okText="知道了">
          <Typography.Paragraph>已导入 {result.added.length} {unit}{result.newColumns.length ? `，新增栏目：${result.newColumns.join('、')}` : ''}。</Typography.Paragraph>
          {result.skipped.length > 0 && <Typography.Paragraph>跳过 {result.skipped.length} {unit}（重复）：<br />{result.skipped.slice(0, 20).map((s) => <span key={s.row}>第{s.row}行：{s.reason}<br /></span>)}</Typography.Paragraph>}
          {result.refused.length > 0 && <Typography.Paragraph type="danger">无法导入 {result.refused.length} {unit}：<br />{result.refused.slice(0, 20).map((s) => <span key={s.row}>第{s.row}行：{s.reason}<br /></span>)}</Typography.Paragraph>}
        </Modal>
      )}
    </>
  );
}
