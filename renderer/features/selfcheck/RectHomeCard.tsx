import { Button, Card, List, Tag, Typography } from 'antd';
import { call } from '../../api/call';
import { useYear } from '../../app-context';
import { navigate, useLoad } from '../../hooks';
import { LightTag } from '../plan/common';
import { figureNumber, loadDashboard } from '../summary/dashboard/data';
import { rectStateLabel } from '../../../shared/domain/rectification-label';
import { ALL_YEARS_OPEN, ALL_YEARS_OVERDUE, ledgerRoute } from './routes';
import { formatChineseDate } from '../../../shared/domain/date-text';

const loadOpenRectifications = () => call('rectification.list', { openOnly: true });

/** The card's reads, its own and the dashboard's figures it quotes (HomeCard.prefetch: asked ahead). */
export const prefetchRectHome = (year: number) => Promise.all([loadOpenRectifications(), loadDashboard(year)]);

/**
 * Home screen card: 整改 items not yet 销号 of every year (another scope than the 整改进度 chart, which counts the
 * working year's ledger: the card says so in words), overdue and nearest deadlines first. Each link opens what it names:
 * the counts and 打开整改台账 the ledger's every-year views, an item its own year's ledger with the item marked.
 */
export function RectHomeCard() {
  const year = useYear();
  const open = useLoad(loadOpenRectifications, []);
  const dash = useLoad(() => loadDashboard(year), [year]);
  const thisYear = figureNumber(dash.data, 'rectification.open');
  // ISO dates order as plain text (not localeCompare: its first call builds a collator, ≈ 10 ms of a cold start).
  const due = (r: { deadline: string | null }) => r.deadline ?? '9999';
  const items = [...(open.data ?? [])].sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || (due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : 0),
  );
  const overdue = items.filter((r) => r.overdue).length;
  return (
    <Card
      title="整改事项（各年度）"
      extra={
        <Button type="link" onClick={() => navigate(ledgerRoute({ filter: ALL_YEARS_OPEN }))}>
          打开整改台账
        </Button>
      }
      loading={open.loading}
    >
      {open.error && <Typography.Text type="danger">{open.error}</Typography.Text>}
      {open.data && items.length === 0 && (
        <Typography.Text type="secondary">各年度都没有未销号的整改事项。</Typography.Text>
      )}
      {items.length > 0 && (
        <>
          <Typography.Text type="secondary">
            <a onClick={() => navigate(ledgerRoute({ filter: ALL_YEARS_OPEN }))}>
              各年度未销号 {figureNumber(dash.data, 'rectification.openAllYears') ?? items.length} 项
            </a>
            {thisYear !== null ? `（其中${year}年度 ${thisYear} 项）` : ''}
            {overdue ? '，' : ''}
            {overdue ? (
              <a onClick={() => navigate(ledgerRoute({ filter: ALL_YEARS_OVERDUE }))}>逾期 {overdue} 项</a>
            ) : null}
          </Typography.Text>
          <List
            size="small"
            aria-label="整改事项"
            dataSource={items.slice(0, 6)}
            renderItem={(r) => (
              <List.Item
                extra={
                  r.state === '已完成' ? (
                    <Tag color="success">待销号</Tag>
                  ) : (
                    <LightTag light={r.light} daysLeft={r.workingDaysLeft} calendarWarning={r.calendarWarning} />
                  )
                }
              >
                <div>
                  <a onClick={() => navigate(ledgerRoute({ year: r.year, id: r.id }))}>{r.problem.slice(0, 40)}</a>
                  <div style={{ color: 'rgba(0,0,0,0.5)', fontSize: 12 }}>
                    {r.year}年 · {rectStateLabel(r)}
                    {r.deadline ? ` · 时限${formatChineseDate(r.deadline)}` : ''}
                    {r.departmentName ? ` · ${r.departmentName}` : ''}
                  </div>
                </div>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
