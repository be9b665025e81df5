import { Button, Card, List, Typography } from 'antd';
import { call } from '../../api/call';
import { useYear } from '../../app-context';
import { navigate, useLoad } from '../../hooks';
import { LightTag, taskHref } from './common';
import { formatChineseDate } from '../../../shared/domain/date-text';

/** The card's reads (also asked ahead on a cold start: HomeCard.prefetch). */
export const loadPlanDue = (year: number) => call('tasks.due', { year });

/** Home screen card: overdue tasks and tasks due this week, each one click from the task. */
export function PlanDueCard() {
  const year = useYear();
  const due = useLoad(() => loadPlanDue(year), [year]);
  const d = due.data;
  const rows = d ? [...d.overdue, ...d.thisWeek] : [];
  return (
    <Card
      title="重点任务提醒"
      extra={
        <Button type="link" onClick={() => navigate('plan')}>
          打开任务
        </Button>
      }
      loading={due.loading}
    >
      {due.error && <Typography.Text type="danger">{due.error}</Typography.Text>}
      {d && rows.length === 0 && (
        <Typography.Text type="secondary">没有逾期任务，本周也没有到期的任务。</Typography.Text>
      )}
      {d && rows.length > 0 && (
        <>
          <Typography.Text type="secondary">
            逾期 {d.overdue.length} 项，本周到期 {d.thisWeek.length} 项
          </Typography.Text>
          <List
            size="small"
            aria-label="重点任务提醒"
            dataSource={rows.slice(0, 10)}
            renderItem={(t) => (
              <List.Item
                extra={<LightTag light={t.light} daysLeft={t.workingDaysLeft} calendarWarning={t.calendarWarning} />}
              >
                <div>
                  <a href={taskHref(t.id)}>{t.title}</a>
                  <div style={{ color: 'rgba(0,0,0,0.5)', fontSize: 12 }}>
                    {t.periodLabel ? `${t.periodLabel} · ` : ''}到期{t.dueDate ? formatChineseDate(t.dueDate) : ''}
                    {t.lead ? ` · ${t.lead}` : ''}
                    {t.owner ? ` · ${t.owner}` : ''}
                  </div>
                </div>
              </List.Item>
            )}
          />
          {rows.length > 10 && (
            <Typography.Text type="secondary">
              另有 {rows.length - 10} 项，请在“实施方案与任务”中按预警筛选查看。
            </Typography.Text>
          )}
        </>
      )}
    </Card>
  );
}
