import { Card } from 'antd';
import { EmptyHint } from '../../components/EmptyHint';
import { PageTitle } from '../../components/PageTitle';

/** An area that is not built yet says so honestly, and what it will do. */
export function ComingSoon({ title, what }: { title: string; what: string }) {
  return (
    <div>
      <PageTitle title={title} />
      <Card>
        <EmptyHint title="此功能正在建设中" hint={what} />
      </Card>
    </div>
  );
}
