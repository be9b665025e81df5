import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import type { Upload as UploadShape } from '../../shared/domain/files';
import { toUpload } from '../api/call';
import { useBusyAction } from '../hooks';
import { FileDrop, FileRefusal } from './FileDrop';
import { DIALOG_BODY_STYLE, DIALOG_TOP } from './FormDialog';

/** A row of an import preview: its row number in the sheet and what keeps it from being imported. */
export interface PreviewRow {
  row: number;
  errors: string[];
}

/**
 * "从 Excel 导入" for a list the workstation also exports (人员名单, AB岗设置表): pick or drop an .xlsx → a preview
 * naming every problem by row → import only when every row is usable, in one call. A refusal of the file stays in the
 * dialog beside the file, so a long explanation can be read. The list's own choices (a date, 科室 to create) go in
 * `extra` and may add problems to rows through `rowsOf`.
 */
export function XlsxImportButton<P extends { sheetName: string; rows: PreviewRow[] }, R extends PreviewRow>(props: {
  dialogTitle: string;
  width: number;
  /** What the file must look like, above the drop box; `below` under it (a template to download). */
  hint: ReactNode;
  dropText: string;
  below?: ReactNode;
  read: (upload: UploadShape) => Promise<P>;
  /** Sets the list's own choices from a preview just read. */
  onRead?: (preview: P) => void;
  /** The rows as the preview shows them, with problems the list's own choices add. */
  rowsOf: (preview: P) => R[];
  /** "共 8 个岗位" / "共 3 行": the count in the sentence saying all rows can be imported. */
  countText: (rows: R[]) => string;
  /** What is not yet imported while some row has a problem: 人员, 岗位. */
  what: string;
  extra?: (preview: P) => ReactNode;
  /** False while a choice of the list's own is missing. */
  ready?: boolean;
  /** Imports the file; resolves to the sentence saying what was imported. */
  commit: (upload: UploadShape) => Promise<string>;
  commitLabel: (rows: R[]) => string;
  columns: ColumnsType<R>;
  onImported: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<UploadShape | null>(null);
  const [preview, setPreview] = useState<P | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [busy, run] = useBusyAction<'read' | 'import'>();

  const reset = () => {
    setFile(null);
    setPreview(null);
    setError(null);
    setOnlyProblems(false);
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
        const p = await props.read(upload);
        props.onRead?.(p);
        setFile(upload);
        setPreview(p);
        // A long file with problems opens on them (the file's own problems: the list's choices are not set yet).
        setOnlyProblems(p.rows.length > 20 && p.rows.some((r) => r.errors.length > 0));
      },
      { onError: setError },
    );
  };

  const rows = preview ? props.rowsOf(preview) : [];
  const problemRows = rows.filter((r) => r.errors.length > 0);
  const clean = preview !== null && problemRows.length === 0 && props.ready !== false;
  const commit = () =>
    run(
      'import',
      async () => {
        if (!file || !clean) return;
        const done = await props.commit(file);
        close();
        props.onImported();
        return done;
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
        title={props.dialogTitle}
        open={open}
        width={props.width}
        onCancel={close}
        style={{ top: DIALOG_TOP }}
        styles={{ body: DIALOG_BODY_STYLE }}
        destroyOnHidden
        footer={
          <Space>
            <Button onClick={close}>取消</Button>
            {preview && <Button onClick={reset}>重新选择文件</Button>}
            <Button type="primary" disabled={!clean} loading={busy === 'import'} onClick={commit}>
              {clean ? props.commitLabel(rows) : '导入'}
            </Button>
          </Space>
        }
      >
        {!preview && (
          <Space direction="vertical" style={{ width: '100%' }} size={12}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {props.hint}
            </Typography.Paragraph>
            <FileDrop
              accept=".xlsx"
              disabled={busy === 'read'}
              onFile={(f) => void read(f)}
              text={busy === 'read' ? '正在读取…' : props.dropText}
            />
            {props.below}
          </Space>
        )}
        {error && <FileRefusal message={error} />}
        {preview && (
          <Space direction="vertical" style={{ width: '100%' }} size={12}>
            {problemRows.length > 0 ? (
              <Alert
                type="warning"
                showIcon
                title={`共 ${rows.length} 行，其中 ${problemRows.length} 行有问题，请按各行的问题处理后重新选择文件（尚未导入任何${props.what}）。`}
              />
            ) : (
              <Alert
                type="success"
                showIcon
                title={`${props.countText(rows)}，全部可以导入（工作表“${preview.sheetName}”）。`}
              />
            )}
            {props.extra?.(preview)}
            {problemRows.length > 0 && (
              <Space>
                <Switch size="small" checked={onlyProblems} onChange={setOnlyProblems} aria-label="只看有问题的行" />
                只看有问题的行
              </Space>
            )}
            <Table<R>
              rowKey="row"
              size="small"
              dataSource={onlyProblems ? problemRows : rows}
              pagination={{ pageSize: 100, hideOnSinglePage: true }}
              scroll={{ y: 340 }}
              onRow={(r) => ({ style: r.errors.length ? { background: '#fff1f0' } : undefined })}
              columns={[
                { title: '行号', dataIndex: 'row', width: 70, render: (n: number) => `第 ${n} 行` },
                ...props.columns,
                {
                  title: '检查结果',
                  dataIndex: 'errors',
                  render: (errors: string[]) =>
                    errors.length ? (
                      <Typography.Text type="danger">{errors.join('；')}</Typography.Text>
                    ) : (
                      <Typography.Text type="success">可以导入</Typography.Text>
                    ),
                },
              ]}
            />
          </Space>
        )}
      </Modal>
    </>
  );
}
