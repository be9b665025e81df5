// The home dashboard's 整改 chart: the working year's items not yet 销号 (this year's ledger only: the card says so;
// the 整改事项 card counts every year's), one bar per state with the overdue part in red. A segment opens the 整改台账
// filtered to that state (or to the overdue ones). Its sentence quotes the registry's figures rectification.open and
// rectification.overdue, the ones the 总结 quotes.
import { Button, Card, Typography } from 'antd';
import { useMemo } from 'react';
import { CHART_COLORS } from '../../../shared/domain/charts';
import { call } from '../../api/call';
import { useYear } from '../../app-context';
import { EChart, type ChartOption } from '../../components/EChart';
import { EmptyHint } from '../../components/EmptyHint';
import { navigate, useLoad } from '../../hooks';
import { figureNumber, loadDashboard } from '../summary/dashboard/data';
import { ledgerRoute } from './routes';

const BARS = [
  { state: '未开始', label: '未开始' },
  { state: '整改中', label: '整改中' },
  { state: '已完成', label: '已完成待销号' },
] as const;

/** The card's reads (also asked ahead on a cold start: HomeCard.prefetch). */
export async function loadRectChart(year: number) {
  const [items, dash] = await Promise.all([call('rectification.list', { year, openOnly: true }), loadDashboard(year)]);
  return {
    items,
    open: figureNumber(dash, 'rectification.open'),
    overdue: figureNumber(dash, 'rectification.overdue'),
  };
}

export function RectChartCard() {
  const year = useYear();
  const d = useLoad(() => loadRectChart(year), [year]);
  const items = d.data?.items;
  const bars = useMemo(
    () =>
      BARS.map((b) => {
        const of = (items ?? []).filter((r) => r.state === b.state);
        return { ...b, overdue: of.filter((r) => r.overdue).length, other: of.filter((r) => !r.overdue).length };
      }),
    [items],
  );
  const overdue = d.data?.overdue ?? bars.reduce((a, b) => a + b.overdue, 0);
  const open = d.data?.open ?? items?.length ?? 0;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, itemWidth: 12, itemHeight: 10 },
      grid: { left: 90, right: 16, top: 28, bottom: 20 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.label), axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          name: '已逾期',
          stack: 'all',
          color: CHART_COLORS.overdue,
          barMaxWidth: 18,
          data: bars.map((b) => b.overdue),
        },
        {
          type: 'bar',
          name: '未逾期',
          stack: 'all',
          color: CHART_COLORS.inProgress,
          barMaxWidth: 18,
          data: bars.map((b) => b.other),
        },
      ],
    }),
    [bars],
  );
  return (
    <Card
      title={`整改进度（${year}年度）`}
      style={{ height: '100%' }}
      extra={
        <Button type="link" onClick={() => navigate(ledgerRoute())}>
          打开整改台账
        </Button>
      }
      loading={d.loading}
    >
      {d.error && <Typography.Text type="danger">{d.error}</Typography.Text>}
      {items && items.length === 0 && (
        <EmptyHint
          title={`${year}年度台账中没有未销号的整改事项`}
          hint="自查评分中扣分的指标可一键列入整改；上级督查、回头看发现的问题也可在整改台账中新增。"
          action={<Button onClick={() => navigate(ledgerRoute())}>打开整改台账</Button>}
        />
      )}
      {items && items.length > 0 && (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {year}年度台账中未销号 {open} 项{overdue ? `，其中逾期 ${overdue} 项` : '，没有逾期'}
            （其他年度的见“整改事项”）。点击色块查看对应事项。
          </Typography.Text>
          <EChart
            label={`整改事项按状态：${bars.map((b) => `${b.label}${b.overdue + b.other}项`).join('，')}，逾期${overdue}项`}
            option={option}
            height={150}
            onPick={(p) => {
              const b = bars[p.dataIndex];
              if (b) navigate(ledgerRoute({ filter: p.seriesName === '已逾期' ? '逾期' : b.state }));
            }}
          />
        </>
      )}
    </Card>
  );
}
