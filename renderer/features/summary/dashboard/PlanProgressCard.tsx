import { Button, Card, Typography } from 'antd';
import { useMemo } from 'react';
import { bareTitle } from '../../../../shared/domain/summary-draft';
import { useYear } from '../../../app-context';
import { CHART_COLORS, EChart, type ChartOption } from '../../../components/EChart';
import { EmptyHint } from '../../../components/EmptyHint';
import { navigate, useLoad } from '../../../hooks';
import { loadDashboard, planListRoute } from './data';

const SERIES = [
  { key: 'done', name: '已完成', status: '已完成', color: CHART_COLORS.done },
  { key: 'inProgress', name: '进行中', status: '进行中', color: CHART_COLORS.inProgress },
  { key: 'notStarted', name: '未开始', status: '未开始', color: CHART_COLORS.notStarted },
] as const;

/** 实施方案 progress by section: one stacked bar per section; a segment opens that section's tasks of that status. */
export function PlanProgressCard() {
  const year = useYear();
  const d = useLoad(() => loadDashboard(year), [year]);
  const sections = d.data?.sections ?? [];
  const option = useMemo<ChartOption>(() => {
    // Fixed room for the section names, cut to fit; the tooltip has the whole name.
    const names = sections.map((s) => bareTitle(s.title));
    const short = (t: string) => {
      const x = t.replace(/^(围绕|聚焦|关于)/, '');
      return [...x].length > 8 ? `${[...x].slice(0, 8).join('')}…` : x;
    };
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, itemWidth: 12, itemHeight: 10 },
      grid: { left: 112, right: 16, top: 28, bottom: 22 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { fontSize: 11, formatter: short } },
      series: SERIES.map((x) => ({ type: 'bar', name: x.name, stack: 'all', color: x.color, barMaxWidth: 18, data: sections.map((s) => s[x.key]) })),
    };
  }, [sections]);
  const done = sections.reduce((a, s) => a + s.done, 0);
  const total = sections.reduce((a, s) => a + s.tasks, 0);
  return (
    <Card title="实施方案进度" style={{ height: '100%' }} extra={<Button type="link" onClick={() => navigate('plan')}>打开任务</Button>} loading={d.loading}>
      {d.error && <Typography.Text type="danger">{d.error}</Typography.Text>}
      {d.data && !sections.length && (
        <EmptyHint title="本年度还没有实施方案" hint="导入上级要点后生成实施方案，这里按章节显示进度。" action={<Button onClick={() => navigate('plan')}>去编制实施方案</Button>} />
      )}
      {sections.length > 0 && (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{total} 项任务，已完成 {done} 项（{total ? Math.round((done / total) * 100) : 0}%）。点击色块查看对应任务。</Typography.Text>
          <EChart
            label={`各章节任务进度：共${total}项，已完成${done}项`}
            option={option}
            height={Math.max(170, 30 + sections.length * 28)}
            onPick={(p) => {
              const s = sections[p.dataIndex];
              const x = SERIES.find((v) => v.name === p.seriesName);
              if (s && x) navigate(planListRoute({ section: s.id, status: x.status }));
            }}
          />
        </>
      )}
    </Card>
  );
}
