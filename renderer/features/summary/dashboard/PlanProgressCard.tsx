import { Button, Card, Typography } from 'antd';
import { useMemo } from 'react';
import { PLAN_PROGRESS_SERIES, planProgressHeight, planProgressOption } from '../../../../shared/domain/charts';
import { useYear } from '../../../app-context';
import { EChart, type ChartOption } from '../../../components/EChart';
import { EmptyHint } from '../../../components/EmptyHint';
import { navigate, useLoad } from '../../../hooks';
import { figureNumber, loadDashboard, planListRoute } from './data';
import { formatFigureValue } from '../../../../shared/domain/summary-figures';

/** 实施方案 progress by section: one stacked bar per section; a segment opens that section's tasks of that status. */
export function PlanProgressCard() {
  const year = useYear();
  const d = useLoad(() => loadDashboard(year), [year]);
  const sections = d.data?.sections ?? [];
  // The same chart as the 工作总结's 附件 picture (shared/domain/charts.ts).
  const option = useMemo(() => planProgressOption(sections) as ChartOption, [sections]);
  // The sentence quotes the registry's figures (the 总结 says the same); the bars are the task list's statuses.
  const total = figureNumber(d.data, 'plan.tasks') ?? 0;
  const done = figureNumber(d.data, 'plan.done') ?? 0;
  const rate = figureNumber(d.data, 'plan.completionRate');
  return (
    <Card
      title="实施方案进度"
      style={{ height: '100%' }}
      extra={
        <Button type="link" onClick={() => navigate('plan')}>
          打开任务
        </Button>
      }
      loading={d.loading}
    >
      {d.error && <Typography.Text type="danger">{d.error}</Typography.Text>}
      {d.data && !sections.length && (
        <EmptyHint
          title="本年度还没有实施方案"
          hint="导入上级要点后生成实施方案，这里按章节显示进度。"
          action={<Button onClick={() => navigate('plan')}>去编制实施方案</Button>}
        />
      )}
      {sections.length > 0 && (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {total} 项任务，已完成 {done} 项
            {rate !== null ? `，完成率 ${formatFigureValue(rate)}%（不含不适用的任务）` : ''}
            。点击色块查看对应任务。
          </Typography.Text>
          <EChart
            label={`各章节任务进度：共${total}项，已完成${done}项`}
            option={option}
            height={planProgressHeight(sections)}
            onPick={(p) => {
              const s = sections[p.dataIndex];
              const x = PLAN_PROGRESS_SERIES[p.seriesIndex ?? -1];
              if (s && x) navigate(planListRoute({ section: s.id, status: x.name }));
            }}
          />
        </>
      )}
    </Card>
  );
}
