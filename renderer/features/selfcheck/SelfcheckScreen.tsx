import { Alert, Tabs } from 'antd';
import { call } from '../../api/call';
import { useYear } from '../../app-context';
import { PageTitle } from '../../components/PageTitle';
import { useLoad, useRouteTab } from '../../hooks';
import { LedgerTab } from './LedgerTab';
import { LookbackTab } from './LookbackTab';
import { ReportTab } from './ReportTab';
import { SELFCHECK_TABS } from './routes';
import { ScoreTab } from './ScoreTab';

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** 自查整改: 自查评分 against the year's 细则, 回头看 of last year's plan, the 整改台账 and the 自查报告. */
export function SelfcheckScreen({ params }: { params: string[] }) {
  const year = useYear();
  // The report's unsaved text asks through the app's one leave guard (ReportTab's useUnsavedLeave) on a tab change too.
  const [tab, go] = useRouteTab('selfcheck', SELFCHECK_TABS, params);
  const view = useLoad(() => call('selfcheck.get', { year }), [year]);
  return (
    <div>
      <PageTitle title="自查整改">对照考核评分细则自查评分，对上年度方案“回头看”，整改问题逐项销号。</PageTitle>
      {view.error && <Alert type="error" showIcon message={view.error} />}
      <Tabs
        activeKey={tab}
        onChange={(k) => go(k as (typeof SELFCHECK_TABS)[number])}
        destroyOnHidden
        items={[
          {
            key: 'score',
            label: '自查评分',
            children: view.data && <ScoreTab year={year} view={view.data} reload={view.reload} />,
          },
          { key: 'lookback', label: '回头看', children: <LookbackTab year={year} /> },
          {
            key: 'ledger',
            label: '整改台账',
            children: (
              <LedgerTab
                // A link to another year, item or filter opens the ledger afresh with what it names.
                key={params.slice(1).join('/')}
                year={year}
                onChanged={view.reload}
                route={params.slice(1).map(safeDecode)}
              />
            ),
          },
          {
            key: 'report',
            label: '自查报告',
            children: <ReportTab year={year} hasTemplate={!!view.data?.template} />,
          },
        ]}
      />
    </div>
  );
}
