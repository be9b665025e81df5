import { Button, Card, List, Tag, Typography } from 'antd';
import { rectStateLabel } from '../../../shared/domain/selfcheck';
import { call } from '../../api/call';
import { navigate, useLoad } from '../../hooks';
import { LightTag } from '../plan/common';

/** Home screen card: 整改 items not yet 销号 (any year), overdue and nearest deadlines first. */
export function RectHomeCard() {
  const open = useLoad(() => call('rectification.list', { openOnly: true }), []);
  const items = [...(open.data ?? [])].sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'),
  );
  const overdue = items.filter((r) => r.overdue).length;
  return (
    <Card
      title="整改事项"
      extra={
        <Button type="link" onClick={() => navigate('selfcheck/ledger')}>
          打开整改台账
        </Button>
      }
      loading={open.loading}
    >
      {open.error && <Typography.Text type="danger">{open.error}</Typography.Text>}
      {open.data && items.length === 0 && <Typography.Text type="secondary">没有未销号的整改事项。</Typography.Text>}
      {items.length > 0 && (
        <>
          <Typography.Text type="secondary">
            未销号 {items.length} 项{overdue ? `，其中逾期 ${overdue} 项` : ''}
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
                    <LightTag light={r.light} daysLeft={r.workingDaysLeft} />
                  )
                }
              >
                <div>
                  <a onClick={() => navigate('selfcheck/ledger')}>{r.problem.slice(0, 40)}</a>
                  <div style={{ color: 'rgba(0,0,0,0.5)', fontSize: 12 }}>
                    {r.year}年 · {rectStateLabel(r)}
                    {r.deadline ? ` · 时限 ${r.deadline}` : ''}
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
