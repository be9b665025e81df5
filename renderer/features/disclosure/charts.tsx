// The 信息公开 charts on the home dashboard: publications per month and per 栏目 (信息发布登记), and the year's
// applications by deadline state with the ones due soon (依申请公开). Each bar or slice opens the register filtered to it.
import { Button, Card, Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { CHART_COLORS } from '../../../shared/domain/charts';
import type { DeadlineState } from '../../../shared/domain/disclosure';
import { call } from '../../api/call';
import { useYear } from '../../app-context';
import { CalendarGapTag } from '../../components/CalendarGapTag';
import { EChart, type ChartOption } from '../../components/EChart';
import { EmptyHint } from '../../components/EmptyHint';
import { navigate, useLoad } from '../../hooks';
import { figureNumber, loadDashboard } from '../summary/dashboard/data';
import { formatChineseDate } from '../../../shared/domain/date-text';

const loadPublicationStats = (year: number) => call('disclosure.publicationStats', { year });
const loadRequests = (year: number) => call('disclosure.requests', { year });

/** Each chart card's reads, its own and the dashboard's figures it quotes (HomeCard.prefetch: asked ahead). */
export const prefetchPublicationsChart = (year: number) =>
  Promise.all([loadPublicationStats(year), loadDashboard(year)]);
export const prefetchRequestsChart = (year: number) => Promise.all([loadRequests(year), loadDashboard(year)]);

/** The register's list filtered: #/disclosure/publications/month/3, #/disclosure/publications/column/<栏目>. */
function publicationsRoute(filter: { month?: number; column?: string } = {}): string {
  if (filter.month) return `disclosure/publications/month/${filter.month}`;
  if (filter.column) return `disclosure/publications/column/${encodeURIComponent(filter.column)}`;
  return 'disclosure/publications';
}

/** The applications list filtered by deadline state: #/disclosure/requests/state/<state>. */
function requestsRoute(state?: DeadlineState): string {
  return state ? `disclosure/requests/state/${encodeURIComponent(state)}` : 'disclosure/requests';
}

/** The most 栏目 the chart names one by one; the rest are added up as 其他栏目. */
const COLUMN_BARS = 5;

export function PublicationsChartCard() {
  const year = useYear();
  const d = useLoad(() => loadPublicationStats(year), [year]);
  const s = d.data;
  // The sentence quotes the registry's figures (the 总结 and the 年报 say the same numbers).
  const dash = useLoad(() => loadDashboard(year), [year]);
  const published = figureNumber(dash.data, 'disclosure.published') ?? s?.total ?? 0;
  const interpretations = figureNumber(dash.data, 'disclosure.interpretations') ?? 0;
  const late = figureNumber(dash.data, 'disclosure.publishedLate') ?? 0;
  const columns = useMemo(() => {
    const sorted = [...(s?.byColumn ?? [])].sort((a, b) => b.count - a.count);
    return sorted.slice(0, COLUMN_BARS);
  }, [s]);
  // A long 栏目 name wraps to a second line (never cut with "…"): such rows get the room.
  const longNames = columns.some((c) => [...c.name].length > 6);
  const monthOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', formatter: '{b}：{c}条' },
      grid: { left: 28, right: 8, top: 10, bottom: 22 },
      xAxis: {
        type: 'category',
        data: Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
        axisLabel: { fontSize: 10, interval: 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: '发布条数', color: CHART_COLORS.inProgress, barMaxWidth: 14, data: s?.byMonth ?? [] },
      ],
    }),
    [s],
  );
  const columnOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: '{b}：{c}条' },
      grid: { left: 84, right: 28, top: 4, bottom: 4 },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        inverse: true,
        data: columns.map((c) => c.name),
        axisTick: { show: false },
        axisLabel: { fontSize: 11, width: 76, overflow: 'break', lineHeight: 13 },
      },
      series: [
        {
          type: 'bar',
          name: '发布条数',
          color: CHART_COLORS.done,
          barMaxWidth: 12,
          label: { show: true, position: 'right', fontSize: 11 },
          data: columns.map((c) => c.count),
        },
      ],
    }),
    [columns],
  );
  return (
    <Card
      title="信息发布"
      style={{ height: '100%' }}
      extra={
        <Button type="link" onClick={() => navigate(publicationsRoute())}>
          打开发布登记
        </Button>
      }
      loading={d.loading}
    >
      {d.error && <Typography.Text type="danger">{d.error}</Typography.Text>}
      {s && s.total === 0 && (
        <EmptyHint
          title={`${year}年还没有发布登记`}
          hint="在“信息公开”中逐条登记，或从门户网站导出的信息列表导入。"
          action={<Button onClick={() => navigate(publicationsRoute())}>去登记发布信息</Button>}
        />
      )}
      {s && s.total > 0 && (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            本年发布 {published} 条，其中政策解读 {interpretations} 篇{late ? `，超过20个工作日才公开 ${late} 条` : ''}
            。点击柱条查看对应信息。
          </Typography.Text>
          <EChart
            label={`各月发布条数：共${s.total}条`}
            option={monthOption}
            height={130}
            onPick={(p) => navigate(publicationsRoute({ month: p.dataIndex + 1 }))}
          />
          <Flex justify="space-between" style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
            <span>发布最多的栏目</span>
            {s.byColumn.length > COLUMN_BARS && <span>共 {s.byColumn.length} 个栏目</span>}
          </Flex>
          <EChart
            label={`按栏目发布条数：${columns.map((c) => `${c.name}${c.count}条`).join('，')}`}
            option={columnOption}
            height={8 + columns.length * (longNames ? 30 : 22)}
            onPick={(p) => {
              const c = columns[p.dataIndex];
              if (c) navigate(publicationsRoute({ column: c.name }));
            }}
          />
        </>
      )}
    </Card>
  );
}

const STATE_COLORS: Record<DeadlineState, string> = {
  逾期: CHART_COLORS.overdue,
  即将到期: CHART_COLORS.dueSoon,
  正常: CHART_COLORS.inProgress,
  暂停计时: '#722ed1',
  按期办结: CHART_COLORS.done,
  逾期办结: '#d4380d',
};
const STATE_ORDER: DeadlineState[] = ['逾期', '即将到期', '正常', '暂停计时', '按期办结', '逾期办结'];

export function RequestsChartCard() {
  const year = useYear();
  const d = useLoad(() => loadRequests(year), [year]);
  const list = d.data;
  const counts = useMemo(
    () =>
      STATE_ORDER.map((state) => ({
        state,
        count: (list ?? []).filter((r) => r.deadline.state === state).length,
      })).filter((x) => x.count > 0),
    [list],
  );
  // Open ones with a running clock, nearest answer date first.
  const due = useMemo(
    () =>
      (list ?? [])
        .filter((r) => r.deadline.state === '逾期' || r.deadline.state === '即将到期')
        // ISO dates order as plain text (localeCompare's first call builds a collator: ≈ 10 ms of a cold start).
        .sort((a, b) => {
          const [x, y] = [a.deadline.dueDate ?? '', b.deadline.dueDate ?? ''];
          return x < y ? -1 : x > y ? 1 : 0;
        }),
    [list],
  );
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c}件（{d}%）' },
      series: [
        {
          type: 'pie',
          radius: ['40%', '68%'],
          center: ['50%', '50%'],
          avoidLabelOverlap: true,
          label: { formatter: '{b}\n{c}件', fontSize: 11 },
          data: counts.map((c) => ({ name: c.state, value: c.count, itemStyle: { color: STATE_COLORS[c.state] } })),
        },
      ],
    }),
    [counts],
  );
  const open = counts
    .filter((c) => ['逾期', '即将到期', '正常', '暂停计时'].includes(c.state))
    .reduce((a, c) => a + c.count, 0);
  // The year's register also holds applications received last year and answered (or still open) this year: 新收 and
  // 上年结转 as the registry counts them (表三 一 and 二, the figures the 总结 and the 年报 quote).
  const dash = useLoad(() => loadDashboard(year), [year]);
  const received = figureNumber(dash.data, 'disclosure.requestsReceived');
  const carried = figureNumber(dash.data, 'disclosure.requestsCarriedIn') ?? 0;
  return (
    <Card
      title="依申请公开"
      style={{ height: '100%' }}
      extra={
        <Button type="link" onClick={() => navigate(requestsRoute())}>
          打开申请登记
        </Button>
      }
      loading={d.loading}
    >
      {d.error && <Typography.Text type="danger">{d.error}</Typography.Text>}
      {list && list.length === 0 && (
        <EmptyHint
          title={`${year}年还没有政府信息公开申请`}
          hint="收到申请后在“信息公开—依申请公开”中登记，工作台按工作日计算答复期限。"
          action={<Button onClick={() => navigate(requestsRoute())}>去登记申请</Button>}
        />
      )}
      {list && list.length > 0 && (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            本年新收 {received ?? list.length - carried} 件{carried ? `，上年结转 ${carried} 件` : ''}，尚未答复 {open}{' '}
            件{due.length ? `，其中 ${due.length} 件即将到期或已逾期` : ''}。点击扇区查看对应申请。
          </Typography.Text>
          <EChart
            label={`申请按办理期限状态：${counts.map((c) => `${c.state}${c.count}件`).join('，')}`}
            option={option}
            height={170}
            onPick={(p) => {
              const c = counts[p.dataIndex];
              if (c) navigate(requestsRoute(c.state));
            }}
          />
          {due.slice(0, 3).map((r) => (
            <div key={r.id} style={{ fontSize: 12, lineHeight: 1.8 }}>
              <a
                onClick={() => navigate(requestsRoute(r.deadline.state))}
                style={{ color: STATE_COLORS[r.deadline.state] }}
              >
                {r.deadline.state === '逾期' ? '已逾期' : `剩${r.deadline.remaining}个工作日`}
              </a>
              <span style={{ marginLeft: 6 }}>
                {r.applicant} · 期限{r.deadline.dueDate ? formatChineseDate(r.deadline.dueDate) : ''}
              </span>
              {r.deadline.calendarWarning && (
                <span style={{ marginLeft: 6 }}>
                  <CalendarGapTag warning={r.deadline.calendarWarning} />
                </span>
              )}
            </div>
          ))}
        </>
      )}
    </Card>
  );
}
