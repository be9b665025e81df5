import { Checkbox, Select, Space, Typography } from 'antd';
import type { Department } from '../../../shared/domain/org';
import type { UnitMapping } from '../../../shared/domain/plan';
import { ScrollTable } from '../../components/ScrollTable';

/** The Select's value for 全部科室 (科室 ids are positive). */
const ALL = -1;

/** What the services store for a row: one 科室, 全部科室, 不涉及, or none (未对应). */
export function mappingChoice(m: UnitMapping): {
  unit: string;
  departmentId: number | null;
  ignored: boolean;
  allDepartments: boolean;
} {
  return {
    unit: m.unit,
    departmentId: m.departmentId,
    ignored: m.ignored,
    allDepartments: m.allDepartments && m.departmentId === null && !m.ignored,
  };
}

/** The higher level's unit names → the bureau's 科室, 全部科室, or 不涉及. Suggestions are marked until saved. */
export function MappingTable({
  mappings,
  departments,
  onChange,
}: {
  mappings: UnitMapping[];
  departments: Department[];
  onChange: (m: UnitMapping[]) => void;
}) {
  const deptOptions = [
    { value: ALL, label: '全部科室' },
    ...departments.filter((d) => d.active).map((d) => ({ value: d.id, label: d.name })),
  ];
  const set = (unit: string, patch: Partial<UnitMapping>) =>
    onChange(mappings.map((m) => (m.unit === unit ? { ...m, ...patch } : m)));
  return (
    <ScrollTable
      size="small"
      rowKey="unit"
      pagination={false}
      maxHeight={420}
      dataSource={mappings}
      aria-label="单位对应"
      columns={[
        {
          title: '上级文件中的单位',
          dataIndex: 'unit',
          render: (u: string, m) => (
            <Space>
              {u}
              {!m.saved && (m.departmentId !== null || m.ignored || m.allDepartments) && (
                <Typography.Text type="secondary">（建议）</Typography.Text>
              )}
            </Space>
          ),
        },
        { title: '要点数', dataIndex: 'count', width: 70 },
        {
          title: '本单位科室',
          width: 220,
          render: (_, m) => (
            <Select
              aria-label={`${m.unit}对应科室`}
              style={{ width: '100%' }}
              allowClear
              showSearch
              optionFilterProp="label"
              disabled={m.ignored}
              placeholder="未对应"
              value={m.departmentId ?? (m.allDepartments ? ALL : undefined)}
              options={deptOptions}
              onChange={(v?: number) =>
                set(
                  m.unit,
                  v === ALL
                    ? { departmentId: null, allDepartments: true }
                    : { departmentId: v ?? null, allDepartments: false },
                )
              }
            />
          ),
        },
        {
          title: '不涉及',
          width: 70,
          render: (_, m) => (
            <Checkbox
              aria-label={`${m.unit}不涉及`}
              checked={m.ignored}
              onChange={(e) => set(m.unit, { ignored: e.target.checked })}
            />
          ),
        },
      ]}
    />
  );
}
