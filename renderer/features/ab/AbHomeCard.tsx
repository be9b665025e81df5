import { Button, Card, Typography } from 'antd';
import { call } from '../../api/call';
import { navigate, useLoad } from '../../hooks';
import { WarningList } from './WarningList';
import { summariseWarnings } from '../../../shared/domain/ab-warnings';

/** The card's reads (also asked ahead on a cold start: HomeCard.prefetch). */
export async function loadAbHome() {
  const [warnings, posts] = await Promise.all([call('team.warnings'), call('ab.posts')]);
  return summariseWarnings(warnings, posts);
}

/** Home screen card: what needs doing about the AB posts (备案 due or overdue, holders who left, vacancies …). */
export function AbHomeCard() {
  const w = useLoad(loadAbHome, []);
  const list = w.data ?? [];
  return (
    <Card
      title="AB岗与备案"
      extra={
        <Button type="link" onClick={() => navigate('ab')}>
          打开AB岗
        </Button>
      }
      loading={w.loading}
    >
      {w.error && <Typography.Text type="danger">{w.error}</Typography.Text>}
      {!w.error && list.length === 0 && (
        <Typography.Text type="secondary">各岗位A岗、B岗齐全，没有待办的备案。</Typography.Text>
      )}
      <WarningList warnings={list.slice(0, 8)} compact />
      {list.length > 8 && (
        <Typography.Text type="secondary">另有 {list.length - 8} 条，请在“AB岗”中查看。</Typography.Text>
      )}
    </Card>
  );
}
