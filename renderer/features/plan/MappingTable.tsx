import { Checkbox, Select, Space, Table, Typography } from 'antd';
import type { Department } from '../../../shared/domain/org';
import type { UnitMapping } from '../../../shared/domain/plan';

/** The higher level's unit names → the bureau's 科室, or 不涉及. Suggestions are marked until saved. */
export function MappingTable({ mappings, departments, onChange }: { mappings: UnitMapping[]; departments: Department[]; onChange: (m: UnitMapping[]) => void }) {
  const deptOptions = departments.filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }));
  const set = (unit: string, patch: Partial<UnitMapping>) => onChange(mappings.map((m) => (m.unit === unit ? { ...m, ...patch } : m)));
  return (
    <Table
      size="small"
      rowKey="unit"
      pagination={false}
      scroll={{ y: 380 }}
      dataSource={mappings}
      aria-label="单位对应"
      columns={[
        {
          title: '上级文件中的单位', dataIndex: 'unit',
          render: (u: string, m) => <Space>{u}{!m.saved && (m.departmentId !== null || m.ignored || m.allDepartments) && <Typography.Text type="secondary">（建议）</Typography.Text>}</Space>,
        },
        { title: '要点数', dataIndex: 'count', width: 70 },
        {
          title: '本单位科室', width: 220,
          render: (_, m) => (
            <Select
              aria-label={`${m.unit}对应科室`}
              style={{ width: '100%' }}
              allowClear
              showSearch
              optionFilterProp="label"
              disabled={m.ignored}
              placeholder={m.allDepartments ? '全部科室' : '未对应'}
              value={m.departmentId ?? undefined}
              options={deptOptions}
              onChange={(v) => set(m.unit, { departmentId: v ?? null })}
            />
          ),
        },
        { title: '不涉及', width: 70, render: (_, m) => <Checkbox aria-label={`${m.unit}不涉及`} checked={m.ignored} onChange={(e) => set(m.unit, { ignored: e.target.checked })} /> },
      ]}
    />
  );
}
