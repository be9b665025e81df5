import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AbImportPreview, AbImportRow } from '../../../shared/domain/ab';
import type { Upload as UploadShape } from '../../../shared/domain/files';
import { call, toUpload } from '../../api/call';
import { FileDrop } from '../../components/FileDrop';
import { DateField, todayIso } from '../../components/DateField';
import { DIALOG_BODY_STYLE, DIALOG_TOP } from '../../components/FormDialog';
import { useBusyAction } from '../../hooks';

/**
 * "从 Excel 导入": an AB岗设置表 (.xlsx, as 导出设置表（Excel）makes it) → preview naming every problem by row → import
 * of posts, duties and holders from one 任职开始日期 (the table's 截至 date unless changed), only when every row is usable.
 */
export function AbImportButton({ onImported }: { onImported: () => void }) {
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<UploadShape | null>(null);
  const [preview, setPreview] = useState<AbImportPreview | null>(null);
  const [startDate, setStartDate] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, run] = useBusyAction<'read' | 'import'>();

  const reset = () => {
    setFile(null);
    setPreview(null);
    setStartDate(null);
    setError(null);
  };
  const close = () => {
    setOpen(false);
    reset();
  };

  const read = (picked: File) => {
    reset();
    return run(
      'read',
      async () => {
        const upload = await toUpload(picked);
        const p = await call('ab.importPreview', upload);
        setFile(upload);
        setPreview(p);
        setStartDate(p.asOf ?? todayIso());
      },
      { onError: setError },
    );
  };

  const clean = preview !== null && preview.errorCount === 0 && !!startDate;
  const commit = () =>
    run(
      'import',
      async () => {
        if (!file || !clean || !startDate) return;
        const r = await call('ab.importCommit', { ...file, startDate });
        close();
        onImported();
        return `已导入：新增岗位 ${r.posts} 个，设置A岗、B岗人员 ${r.holders} 人次`;
      },
      { onError: setError },
    );

  return (
    <>
      <Button
        icon={<FileExcelOutlined />}
        onClick={() => {
          reset();
          setOpen(true);
        }}
      >
        从 Excel 导入
      </Button>
      <Modal
        title="从 Excel 导入AB岗设置表"
        open={open}
        width={1000}
        onCancel={close}
        style={{ top: DIALOG_TOP }}
        styles={{ body: DIALOG_BODY_STYLE }}
        destroyOnHidden
        footer={
          <Space>
            <Button onClick={close}>取消</Button>
            {preview && <Button onClick={reset}>重新选择文件</Button>}
            <Button type="primary" disabled={!clean} loading={busy === 'import'} onClick={commit}>
              {preview && clean ? `导入 ${preview.rows.length} 个岗位` : '导入'}
            </Button>
          </Space>
        }
      >
        {!preview && (
          <Space direction="vertical" style={{ width: '100%' }} size={12}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              选择用“导出设置表（Excel）”得到的AB岗设置表（或有“岗位名称”“岗位职责”“A岗人员”“B岗人员”等列的表格）。
              表中的人员要先在“单位与人员”中添加或导入；已有的岗位会沿用表中的职责，并在空缺处设置表中的人员。
            </Typography.Paragraph>
            <FileDrop
              accept=".xlsx"
              disabled={busy === 'read'}
              onFile={(f) => void read(f)}
              text={busy === 'read' ? '正在读取…' : '点击选择或把AB岗设置表（.xlsx）拖到这里'}
            />
          </Space>
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12, whiteSpace: 'pre-line' }}
            title="无法导入"
            description={error}
          />
        )}
        {preview && (
          <Space direction="vertical" style={{ width: '100%' }} size={12}>
            {preview.errorCount > 0 ? (
              <Alert
                type="warning"
                showIcon
                title={`共 ${preview.rows.length} 行，其中 ${preview.errorCount} 行有问题，请处理后重新选择文件（尚未导入任何岗位）。`}
              />
            ) : (
              <Alert
                type="success"
                showIcon
                title={`共 ${preview.rows.length} 个岗位，全部可以导入（工作表“${preview.sheetName}”）。`}
              />
            )}
            <Space>
              <label htmlFor="ab-import-start">任职开始日期</label>
              <DateField id="ab-import-start" value={startDate} onChange={setStartDate} />
              <Typography.Text type="secondary">
                {preview.asOf ? `表中写明“截至 ${preview.asOf}”` : '表中没有写截至日期'}
              </Typography.Text>
            </Space>
            <Table<AbImportRow>
              rowKey="row"
              size="small"
              dataSource={preview.rows}
              pagination={{ pageSize: 100, hideOnSinglePage: true }}
              scroll={{ y: 340 }}
              onRow={(r) => ({ style: r.errors.length ? { background: '#fff1f0' } : undefined })}
              columns={[
                { title: '行号', dataIndex: 'row', width: 70, render: (n: number) => `第 ${n} 行` },
                {
                  title: '岗位',
                  dataIndex: 'post',
                  width: 170,
                  render: (v: string, r) => (
                    <Space size={4}>
                      <span>{v}</span>
                      {v && <Tag color={r.action === '新增岗位' ? 'green' : 'default'}>{r.action}</Tag>}
                    </Space>
                  ),
                },
                { title: 'A岗', dataIndex: 'a', width: 180, render: (v: string | null) => v ?? '（空缺）' },
                { title: 'B岗', dataIndex: 'b', width: 180, render: (v: string | null) => v ?? '（空缺）' },
                {
                  title: '问题',
                  dataIndex: 'errors',
                  render: (errors: string[]) =>
                    errors.length ? <Typography.Text type="danger">{errors.join('；')}</Typography.Text> : '可以导入',
                },
              ]}
            />
          </Space>
        )}
      </Modal>
    </>
  );
}
