import { DIALOG_BODY_STYLE, DIALOG_TOP } from '../../components/FormDialog';
import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Modal, Space, Switch, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Upload as UploadShape } from '../../../shared/domain/files';
import type { StaffImportPreview, StaffImportRow } from '../../../shared/domain/org';
import { call, toUpload } from '../../api/call';
import { FileDrop } from '../../components/FileDrop';
import { produceFile, useBusyAction, useDeliver } from '../../hooks';

/** "从 Excel 导入": pick or drop an .xlsx → preview with every problem named by row → import only when clean. */
export function StaffImportButton({ onImported }: { onImported: () => void }) {
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<UploadShape | null>(null);
  const [preview, setPreview] = useState<StaffImportPreview | null>(null);
  const [create, setCreate] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, run] = useBusyAction<'read' | 'import' | 'template'>();
  const [onlyProblems, setOnlyProblems] = useState(false);

  const reset = () => {
    setFile(null);
    setPreview(null);
    setCreate([]);
    setError(null);
    setOnlyProblems(false);
  };

  // A refusal of the file stays in the dialog (setError) beside the file, so a long explanation can be read.
  const read = (picked: File) => {
    reset();
    return run(
      'read',
      async () => {
        const upload = await toUpload(picked);
        const p = await call('staff.importPreview', upload);
        setFile(upload);
        setPreview(p);
        setCreate(p.unknownDepartments);
        setOnlyProblems(p.errorCount > 0 && p.rows.length > 20);
      },
      { onError: setError },
    );
  };

  // Rows whose new 科室 is not ticked for creation cannot be imported either; say so on the row.
  const rows = useMemo<StaffImportRow[]>(
    () =>
      (preview?.rows ?? []).map((r) =>
        r.department && preview!.unknownDepartments.includes(r.department) && !create.includes(r.department)
          ? { ...r, errors: [...r.errors, `科室“${r.department}”不存在，且未勾选新建`] }
          : r,
      ),
    [preview, create],
  );
  const problemRows = rows.filter((r) => r.errors.length > 0);
  const clean = preview !== null && problemRows.length === 0;

  const commit = () =>
    run(
      'import',
      async () => {
        if (!file || !clean) return;
        const r = await call('staff.importCommit', { ...file, createDepartments: create });
        setOpen(false);
        reset();
        onImported();
        return `已导入 ${r.imported} 人${r.createdDepartments ? `，新建科室 ${r.createdDepartments} 个` : ''}`;
      },
      { onError: setError },
    );

  const downloadTemplate = () => run('template', () => produceFile(() => call('staff.importTemplate')));

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
        title="从 Excel 导入人员"
        open={open}
        width={980}
        onCancel={() => {
          setOpen(false);
          reset();
        }}
        style={{ top: DIALOG_TOP }}
        styles={{ body: DIALOG_BODY_STYLE }}
        destroyOnHidden
        footer={
          <Space>
            <Button
              onClick={() => {
                setOpen(false);
                reset();
              }}
            >
              取消
            </Button>
            {preview && <Button onClick={reset}>重新选择文件</Button>}
            <Button type="primary" disabled={!clean} loading={busy === 'import'} onClick={commit}>
              {preview && clean ? `导入 ${rows.length} 人` : '导入'}
            </Button>
          </Space>
        }
      >
        {!preview && (
          <Space direction="vertical" style={{ width: '100%' }} size={12}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              表格需有“姓名”列，可选“科室”（或“所在科室”“部门”）、“职务”、“电话”（或“联系电话”“手机”）列；表头可以不在第一行。
              导入前会先显示预览，有问题的行会标出行号和原因，全部无误后才能导入。
            </Typography.Paragraph>
            <FileDrop
              accept=".xlsx"
              disabled={busy === 'read'}
              onFile={(f) => void read(f)}
              text={busy === 'read' ? '正在读取…' : '点击选择或把 Excel 文件（.xlsx）拖到这里'}
            />
            <Button
              type="link"
              icon={<DownloadOutlined />}
              style={{ paddingInline: 0 }}
              loading={busy === 'template'}
              onClick={downloadTemplate}
            >
              下载导入模板
            </Button>
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
            {problemRows.length > 0 ? (
              <Alert
                type="warning"
                showIcon
                title={`共 ${rows.length} 行，其中 ${problemRows.length} 行有问题，请修改表格后重新选择文件（尚未导入任何人员）。`}
              />
            ) : (
              <Alert
                type="success"
                showIcon
                title={`共 ${rows.length} 行，全部可以导入（工作表“${preview.sheetName}”）。`}
              />
            )}
            {preview.unknownDepartments.length > 0 && (
              <div>
                <Typography.Text>以下科室还没有，勾选的将在导入时新建：</Typography.Text>
                <Checkbox.Group
                  style={{ marginLeft: 8 }}
                  value={create}
                  onChange={(v) => setCreate(v as string[])}
                  options={preview.unknownDepartments.map((d) => ({ value: d, label: `新建“${d}”` }))}
                />
              </div>
            )}
            {problemRows.length > 0 && (
              <Space>
                <Switch size="small" checked={onlyProblems} onChange={setOnlyProblems} aria-label="只看有问题的行" />
                只看有问题的行
              </Space>
            )}
            <Table<StaffImportRow>
              rowKey="row"
              size="small"
              dataSource={onlyProblems ? problemRows : rows}
              pagination={{ pageSize: 100, hideOnSinglePage: true }}
              scroll={{ y: 380 }}
              onRow={(r) => ({ style: r.errors.length ? { background: '#fff1f0' } : undefined })}
              columns={[
                { title: '行号', dataIndex: 'row', width: 70, render: (n: number) => `第 ${n} 行` },
                {
                  title: '姓名',
                  dataIndex: 'name',
                  width: 110,
                  render: (v: string) => v || <Typography.Text type="secondary">（空）</Typography.Text>,
                },
                { title: '科室', dataIndex: 'department', width: 130 },
                { title: '职务', dataIndex: 'title', width: 120 },
                { title: '电话', dataIndex: 'phone', width: 140 },
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

/** "导出名单": the 人员名单 .xlsx with every person, which "从 Excel 导入" reads back in another data file. */
export function StaffExportButton() {
  const deliver = useDeliver();
  return (
    <Button icon={<DownloadOutlined />} onClick={() => void deliver(() => call('staff.export'))}>
      导出名单
    </Button>
  );
}
