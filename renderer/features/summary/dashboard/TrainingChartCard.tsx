import { Button, Card, Typography } from 'antd';
import { useMemo } from 'react';
import { useYear } from '../../../app-context';
import { CHART_COLORS, EChart, type ChartOption } from '../../../components/EChart';
import { navigate, useLoad } from '../../../hooks';
import { loadDashboard } from './data';

/** Trainings held per month (count and hours); a bar opens the training ledger. */
export function TrainingChartCard() {
  const year = useYear();
  const d = useLoad(() => loadDashboard(year), [year]);
  const t = d.data?.trainings;
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, itemWidth: 12, itemHeight: 10 },
    grid: { left: 28, right: 8, top: 28, bottom: 22 },
    xAxis: { type: 'category', data: (t?.months ?? []).map((m) => `${m.month}月`), axisLabel: { fontSize: 10, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: '次数', color: CHART_COLORS.inProgress, barMaxWidth: 12, data: (t?.months ?? []).map((m) => m.count) },
      { type: 'bar', name: '学时', color: CHART_COLORS.done, barMaxWidth: 12, data: (t?.months ?? []).map((m) => m.hours) },
    ],
  }), [t]);
  return (
    <Card title="培训与学时" style={{ height: '100%' }} extra={<Button type="link" onClick={() => navigate('training')}>打开培训台账</Button>} loading={d.loading}>
      {d.error && <Typography.Text type="danger">{d.error}</Typography.Text>}
      {t && (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t.count ? `已举办 ${t.count} 次（专题培训 ${t.special} 次），共 ${t.hours} 学时，参训 ${t.attendance} 人次。` : '本年度还没有已举办的培训，可在“培训”中登记。'}
          </Typography.Text>
          <EChart label={`各月培训：共${t.count}次、${t.hours}学时`} option={option} height={176} onPick={() => navigate('training')} />
        </>
      )}
    </Card>
  );
}
