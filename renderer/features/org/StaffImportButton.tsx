import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Typography } from 'antd';
import { useState } from 'react';
import type { StaffImportPreview, StaffImportRow } from '../../../shared/domain/org';
import { call } from '../../api/call';
import { XlsxImportButton } from '../../components/XlsxImportButton';
import { produceFile, useBusyAction, useDeliver } from '../../hooks';

/** "从 Excel 导入" of the 人员名单: 科室 the file names that do not exist yet are created only when ticked. */
export function StaffImportButton({ onImported }: { onImported: () => void }) {
  const [create, setCreate] = useState<string[]>([]);
  const [busy, run] = useBusyAction<'template'>();
  // Rows whose new 科室 is not ticked for creation cannot be imported either; say so on the row.
  const rowsOf = (p: StaffImportPreview): StaffImportRow[] =>
    p.rows.map((r) =>
      r.department && p.unknownDepartments.includes(r.department) && !create.includes(r.department)
        ? { ...r, errors: [...r.errors, `科室“${r.department}”不存在，且未勾选新建`] }
        : r,
    );
  return (
    <XlsxImportButton<StaffImportPreview, StaffImportRow>
      dialogTitle="从 Excel 导入人员"
      width={980}
      hint={
        <>
          表格需有“姓名”列，可选“科室”（或“所在科室”“部门”）、“职务”、“电话”（或“联系电话”“手机”）列；表头可以不在第一行。
          导入前会先显示预览，有问题的行会标出行号和原因，全部无误后才能导入。
        </>
      }
      dropText="点击选择或把 Excel 文件（.xlsx）拖到这里"
      below={
        <Button
          type="link"
          icon={<DownloadOutlined />}
          style={{ paddingInline: 0 }}
          loading={busy === 'template'}
          onClick={() => void run('template', () => produceFile(() => call('staff.importTemplate')))}
        >
          下载导入模板
        </Button>
      }
      read={(upload) => call('staff.importPreview', upload)}
      onRead={(p) => setCreate(p.unknownDepartments)}
      rowsOf={rowsOf}
      countText={(rows) => {
        const listed = rows.filter((r) => r.existing && !r.leaving).length;
        const leaving = rows.filter((r) => r.leaving).length;
        const fresh = rows.filter((r) => !r.existing).length;
        return `共 ${rows.length} 行${listed || leaving ? `（${[listed && `已有，跳过 ${listed} 人`, leaving && `已有，改为离岗 ${leaving} 人`, `新增 ${fresh} 人`].filter(Boolean).join('；')}）` : ''}`;
      }}
      what="人员"
      extra={(p) => (
        <>
          {p.notes.length > 0 && (
            <Alert
              type="info"
              showIcon
              title={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {p.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              }
            />
          )}
          {p.unknownDepartments.length > 0 && (
            <div>
              <Typography.Text>以下科室还没有，勾选的将在导入时新建：</Typography.Text>
              <Checkbox.Group
                style={{ marginLeft: 8 }}
                value={create}
                onChange={(v) => setCreate(v as string[])}
                options={p.unknownDepartments.map((d) => ({ value: d, label: `新建“${d}”` }))}
              />
            </div>
          )}
        </>
      )}
      commit={async (upload) => {
        const r = await call('staff.importCommit', { ...upload, createDepartments: create });
        return [
          r.imported || !r.left ? `已导入 ${r.imported} 人` : '',
          r.createdDepartments ? `新建科室 ${r.createdDepartments} 个` : '',
          r.left ? `${r.left} 人改为离岗` : '',
          r.skipped ? `已有 ${r.skipped} 人跳过` : '',
        ]
          .filter(Boolean)
          .join('，');
      }}
      commitLabel={(rows) => {
        const leaving = rows.filter((r) => r.leaving).length;
        const fresh = rows.filter((r) => !r.existing).length;
        return fresh || !leaving
          ? `导入 ${fresh} 人${leaving ? `，${leaving} 人改为离岗` : ''}`
          : `将 ${leaving} 人改为离岗`;
      }}
      columns={[
        {
          title: '姓名',
          dataIndex: 'name',
          width: 110,
          render: (v: string) => v || <Typography.Text type="secondary">（空）</Typography.Text>,
        },
        { title: '科室', dataIndex: 'department', width: 130 },
        { title: '职务', dataIndex: 'title', width: 120 },
        { title: '电话', dataIndex: 'phone', width: 130 },
        {
          title: '状态',
          dataIndex: 'status',
          width: 150,
          render: (v: string, r: StaffImportRow) =>
            r.leaving ? (
              <>
                <Typography.Text type="warning">已有，改为离岗</Typography.Text>
                {r.statusReason && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {r.statusReason}
                  </Typography.Text>
                )}
              </>
            ) : r.existing ? (
              <Typography.Text type="secondary">已有，跳过</Typography.Text>
            ) : (
              <>
                {v === '离岗' ? <Typography.Text type="warning">离岗</Typography.Text> : v}
                {r.statusReason && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {r.statusReason}
                  </Typography.Text>
                )}
              </>
            ),
        },
      ]}
      onImported={onImported}
    />
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
