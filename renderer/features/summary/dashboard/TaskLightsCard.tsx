import { Button, Card, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useYear } from '../../../app-context';
import { CHART_COLORS, EChart, type ChartOption } from '../../../components/EChart';
import { EmptyHint } from '../../../components/EmptyHint';
import { navigate, useLoad } from '../../../hooks';
import { loadDashboard, planListRoute } from './data';
import { LIGHTS, LIGHT_LABELS, type Light } from '../../../../shared/domain/lights';

const COLOR: Record<Light, string> = {
  overdue: CHART_COLORS.overdue,
  dueSoon: CHART_COLORS.dueSoon,
  onTrack: CHART_COLORS.inProgress,
  done: CHART_COLORS.done,
  none: CHART_COLORS.none,
};

/** Tasks by light (the task list's own warning): a slice, or the link under the chart, opens those tasks. */
export function TaskLightsCard() {
  const year = useYear();
  const d = useLoad(() => loadDashboard(year), [year]);
  const lights = d.data?.lights;
  const present = LIGHTS.filter((l) => (lights?.[l] ?? 0) > 0);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c}项（{d}%）' },
      series: [
        {
          type: 'pie',
          radius: ['42%', '70%'],
          center: ['50%', '52%'],
          avoidLabelOverlap: true,
          label: { formatter: '{b}\n{c}项', fontSize: 11 },
          data: present.map((l) => ({ name: LIGHT_LABELS[l], value: lights![l], itemStyle: { color: COLOR[l] } })),
        },
      ],
    }),
    [lights, present.join()],
  );
  return (
    <Card
      title="任务预警"
      style={{ height: '100%' }}
      extra={
        <Button type="link" onClick={() => navigate(planListRoute({ light: 'overdue' }))}>
          查看逾期任务
        </Button>
      }
      loading={d.loading}
    >
      {d.error && <Typography.Text type="danger">{d.error}</Typography.Text>}
      {d.data && !present.length && (
        <EmptyHint
          title="本年度还没有任务"
          hint="编制实施方案、分解任务后，这里按预警显示任务分布。"
          action={<Button onClick={() => navigate('plan')}>去编制实施方案</Button>}
        />
      )}
      {present.length > 0 && (
        <>
          <EChart
            label="任务按预警分布"
            option={option}
            height={176}
            onPick={(p) => navigate(planListRoute({ light: present[p.dataIndex] }))}
          />
          <Space wrap size={[12, 0]} style={{ fontSize: 12 }}>
            {present.map((l) => (
              <a
                key={l}
                onClick={() => navigate(planListRoute({ light: l }))}
                style={{ color: COLOR[l] === CHART_COLORS.none ? undefined : COLOR[l] }}
              >
                {LIGHT_LABELS[l]} {lights![l]}
              </a>
            ))}
          </Space>
        </>
      )}
    </Card>
  );
}
