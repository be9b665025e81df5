import { Alert, Button, Card } from 'antd';
import { call } from '../../api/call';
import { useYear } from '../../app-context';
import { navigate, useLoad } from '../../hooks';

/** The card's reads (also asked ahead on a cold start: HomeCard.prefetch). */
export const loadTrainingHome = (year: number) => call('training.requirement', { year });

/** Home screen card: whether this year's training requirement is met. */
export function TrainingHomeCard() {
  const year = useYear();
  const r = useLoad(() => loadTrainingHome(year), [year]);
  return (
    <Card
      title="年度培训"
      extra={
        <Button type="link" onClick={() => navigate('training')}>
          打开培训台账
        </Button>
      }
      loading={r.loading}
    >
      {r.error && <Alert type="error" showIcon message={r.error} />}
      {r.data && (
        <Alert
          type={r.data.met ? 'success' : 'warning'}
          showIcon
          message={r.data.met ? '年度培训要求已达到' : '年度培训要求未达到'}
          description={r.data.message}
        />
      )}
    </Card>
  );
}
