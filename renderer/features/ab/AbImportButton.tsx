import { Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AbImportPreview, AbImportRow } from '../../../shared/domain/ab';
import { call } from '../../api/call';
import { DateField, todayIso } from '../../components/DateField';
import { XlsxImportButton } from '../../components/XlsxImportButton';

/**
 * "从 Excel 导入": an AB岗设置表 (.xlsx, as 导出设置表（Excel）makes it) → preview naming every problem by row → import
 * of posts, duties and holders from one 任职开始日期 (the table's 截至 date unless changed), only when every row is usable.
 */
export function AbImportButton({ onImported }: { onImported: () => void }) {
  const [startDate, setStartDate] = useState<string | null>(null);
  return (
    <XlsxImportButton<AbImportPreview, AbImportRow>
      dialogTitle="从 Excel 导入AB岗设置表"
      width={1000}
      hint={
        <>
          选择用“导出设置表（Excel）”得到的AB岗设置表（或有“岗位名称”“岗位职责”“A岗人员”“B岗人员”等列的表格）。
          表中的人员要先在“单位与人员”中添加或导入；已有的岗位会沿用表中的职责，并在空缺处设置表中的人员。
        </>
      }
      dropText="点击选择或把AB岗设置表（.xlsx）拖到这里"
      read={(upload) => call('ab.importPreview', upload)}
      onRead={(p) => setStartDate(p.asOf ?? todayIso())}
      rowsOf={(p) => p.rows}
      countText={(rows) => `共 ${rows.length} 个岗位`}
      what="岗位"
      ready={!!startDate}
      extra={(p) => (
        <Space>
          <label htmlFor="ab-import-start">任职开始日期</label>
          <DateField id="ab-import-start" value={startDate} onChange={setStartDate} />
          <Typography.Text type="secondary">
            {p.asOf ? `表中写明“截至 ${p.asOf}”` : '表中没有写截至日期'}
          </Typography.Text>
        </Space>
      )}
      commit={async (upload) => {
        const r = await call('ab.importCommit', { ...upload, startDate: startDate! });
        return `已导入：新增岗位 ${r.posts} 个，设置A岗、B岗人员 ${r.holders} 人次`;
      }}
      commitLabel={(rows) => `导入 ${rows.length} 个岗位`}
      columns={[
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
      ]}
      onImported={onImported}
    />
  );
}
