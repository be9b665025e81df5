import { Space, Tag, Typography } from 'antd';
import type { TrainingImportPreview, TrainingImportRow } from '../../../shared/domain/training';
import { call } from '../../api/call';
import { XlsxImportButton } from '../../components/XlsxImportButton';

/**
 * "从 Excel 导入": a 培训台账 (.xlsx, as 导出培训台账 makes it or as an office kept it) → preview saying what each row becomes
 * (类别 and 形式 as judged, the people matched to the staff list) and naming every problem by row → import of the new
 * trainings, only when every row is usable. Rows the ledger already has (same date and 培训名称) are left as they are.
 */
export function TrainingImportButton({ onImported }: { onImported: () => void }) {
  return (
    <XlsxImportButton<TrainingImportPreview, TrainingImportRow>
      dialogTitle="从 Excel 导入培训台账"
      width={1200}
      hint={
        <>
          选择以前用 Excel
          记的培训台账，或用“导出培训台账”得到的表格：需要有“日期”“培训名称”“学时”列，可以有“类别”“形式”“主办单位”
          “授课人”“地点”“参训人员”“缺席人员”“内容摘要”等列。参训人员写姓名（用顿号分开），要先在“单位与人员”中添加或导入；
          台账中已有的培训（日期和名称相同）不会重复导入。
        </>
      }
      dropText="点击选择或把培训台账（.xlsx）拖到这里"
      read={(upload) => call('training.importPreview', upload)}
      rowsOf={(p) => p.rows}
      countText={(rows) => `共 ${rows.length} 次培训`}
      what="培训"
      extra={(p) =>
        p.hasNames ? null : (
          <Typography.Text type="warning">
            表中没有“参训人员”名单（只有参训人数的，人数不能对应到人）：导入后请在每次培训中勾选参训人员，个人学时才能统计。
          </Typography.Text>
        )
      }
      commit={async (upload) => {
        const r = await call('training.importCommit', upload);
        if (r.created === 0) return `没有新的培训：表中 ${r.skipped} 次培训都已在台账中`;
        return `已导入培训 ${r.created} 次${r.skipped ? `，另有 ${r.skipped} 次已在台账中，未重复导入` : ''}`;
      }}
      commitLabel={(rows) => {
        const fresh = rows.filter((r) => r.action === '新增').length;
        return fresh ? `导入 ${fresh} 次培训` : '没有新的培训';
      }}
      columns={[
        { title: '日期', dataIndex: 'date', width: 100 },
        {
          title: '培训名称',
          dataIndex: 'title',
          width: 230,
          render: (v: string, r) => (
            <Space size={4} wrap>
              <span>{v}</span>
              {v && <Tag color={r.action === '新增' ? 'green' : 'default'}>{r.action}</Tag>}
            </Space>
          ),
        },
        {
          title: '类别 / 形式',
          width: 150,
          render: (_: unknown, r) => (r.kind ? `${r.kind} / ${r.form}` : ''),
        },
        { title: '学时', dataIndex: 'hours', width: 60, render: (h: number, r) => (r.title ? h : '') },
        { title: '参训人员', dataIndex: 'people', width: 220 },
        {
          title: '说明',
          dataIndex: 'notes',
          width: 200,
          render: (notes: string[], r) => (
            <Typography.Text type="secondary">
              {[r.title && r.status === '计划' ? '日期未到，记为“计划”' : '', ...notes].filter(Boolean).join('；')}
            </Typography.Text>
          ),
        },
      ]}
      onImported={onImported}
    />
  );
}
