import { Alert, Button, Card, List, Space } from 'antd';
import { call } from '../../api/call';
import { navigate, useLoad } from '../../hooks';
import type { DeadlineState } from '../../../shared/domain/disclosure';
import { DeadlineTag } from './DeadlineTag';
import { formatChineseDate, formatChineseDateTime } from '../../../shared/domain/date-text';

/** The card's reads (also asked ahead on a cold start: HomeCard.prefetch). */
export const loadDisclosureHome = () => call('disclosure.home');

/** Home screen card: last year's annual report due (from 1 January) and the open applications with their lights. */
export function DisclosureHomeCard() {
  const r = useLoad(loadDisclosureHome, []);
  const d = r.data;
  const urgent = d?.open.filter((o) => o.state === '逾期' || o.state === '即将到期') ?? [];
  return (
    <Card
      title="信息公开"
      loading={r.loading}
      extra={
        <Button type="link" onClick={() => navigate('disclosure/requests')}>
          打开依申请公开
        </Button>
      }
    >
      {r.error && <Alert type="error" showIcon message={r.error} />}
      {d?.report && (
        <Alert
          style={{ marginBottom: 8 }}
          showIcon
          type={
            d.report.exportedAt
              ? 'success'
              : d.report.daysLeft < 0
                ? 'error'
                : d.report.daysLeft <= 10
                  ? 'warning'
                  : 'info'
          }
          message={
            d.report.exportedAt
              ? `${d.report.year}年政府信息公开工作年度报告已导出（${formatChineseDateTime(d.report.exportedAt)}）`
              : `${d.report.year}年政府信息公开工作年度报告应于${formatChineseDate(d.report.due).replace(/^\d{4}年/, '')}前报送并公布`
          }
          description={
            d.report.exportedAt
              ? undefined
              : d.report.daysLeft < 0
                ? `已超过报送日期${-d.report.daysLeft}天。`
                : `还有${d.report.daysLeft}天。`
          }
          action={
            <Button size="small" onClick={() => navigate('disclosure/report')}>
              编制年报
            </Button>
          }
        />
      )}
      {d &&
        (d.open.length === 0 ? (
          <Alert type="success" showIcon message="没有办理中的政府信息公开申请。" />
        ) : (
          <>
            {urgent.length > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 8 }}
                message={`${urgent.length} 件申请即将到期或已逾期，请及时答复。`}
              />
            )}
            <List
              size="small"
              dataSource={d.open.slice(0, 5)}
              renderItem={(o) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Space size={4}>
                        <DeadlineTag state={o.state as DeadlineState} calendarWarning={o.calendarWarning} />
                        <span>{o.applicant}</span>
                      </Space>
                    }
                    description={`${formatChineseDate(o.receivedDate)}收到 · ${o.dueDate ? `答复期限${formatChineseDate(o.dueDate)}${o.remaining !== null && o.remaining >= 0 ? `（剩${o.remaining}个工作日）` : ''}` : '等待补正或第三方意见，暂停计时'}`}
                  />
                </List.Item>
              )}
            />
          </>
        ))}
    </Card>
  );
}
