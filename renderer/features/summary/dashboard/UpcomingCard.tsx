import { Card, List, Tag, Typography } from 'antd';
import { useYear } from '../../../app-context';
import { CalendarGapTag } from '../../../components/CalendarGapTag';
import { useLoad } from '../../../hooks';
import { formatChineseDate } from '../../../../shared/domain/date-text';
import { loadDashboard } from './data';

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

/** Dates coming up: 备案 of holder changes, the 年度报告 … (each opens where it is dealt with). */
export function UpcomingCard() {
  const year = useYear();
  const d = useLoad(() => loadDashboard(year), [year]);
  const rows = d.data?.upcoming ?? [];
  return (
    <Card title="近期时间节点" style={{ height: '100%' }} loading={d.loading}>
      {d.error && <Typography.Text type="danger">{d.error}</Typography.Text>}
      {d.data && !rows.length && <Typography.Text type="secondary">近期没有需要关注的时间节点。</Typography.Text>}
      {rows.length > 0 && (
        <List
          size="small"
          dataSource={rows}
          renderItem={(r) => {
            const left = daysBetween(d.data!.today, r.date);
            return (
              <List.Item
                extra={
                  <Tag color={r.overdue ? 'red' : left <= 7 ? 'orange' : 'default'}>
                    {r.overdue ? `已逾期${-left}天` : left === 0 ? '今天' : `还有${left}天`}
                  </Tag>
                }
              >
                <div>
                  {r.route ? <a href={`#/${r.route}`}>{r.title}</a> : <span>{r.title}</span>}
                  <div style={{ color: 'rgba(0,0,0,0.5)', fontSize: 12 }}>
                    {formatChineseDate(r.date)} · {r.detail}
                  </div>
                  <CalendarGapTag warning={r.calendarWarning} />
                </div>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
