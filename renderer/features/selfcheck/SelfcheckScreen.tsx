import { Alert, App as AntApp, Tabs } from 'antd';
import { useCallback, useState } from 'react';
import { call } from '../../api/call';
import { useYear } from '../../app-context';
import { PageTitle } from '../../components/PageTitle';
import { navigate, useLoad } from '../../hooks';
import { LedgerTab } from './LedgerTab';
import { LookbackTab } from './LookbackTab';
import { ReportTab } from './ReportTab';
import { ScoreTab } from './ScoreTab';

const TABS = ['score', 'lookback', 'ledger', 'report'] as const;

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
  const { modal } = AntApp.useApp();
  const tab = (TABS as readonly string[]).includes(params[0]) ? params[0] : 'score';
  const view = useLoad(() => call('selfcheck.get', { year }), [year]);
  const [reportDirty, setReportDirty] = useState(false);
  const onDirty = useCallback((d: boolean) => setReportDirty(d), []);
  const go = (key: string) => {
    if (tab === 'report' && reportDirty && key !== 'report') {
      modal.confirm({
        title: '报告文字尚未保存，离开将放弃修改？',
        okText: '放弃修改',
        cancelText: '留在此页',
        onOk: () => {
          setReportDirty(false);
          navigate(`selfcheck/${key}`);
        },
      });
      return;
    }
    navigate(`selfcheck/${key}`);
  };
  return (
    <div>
      <PageTitle title="自查整改">对照考核评分细则自查评分，对上年度方案“回头看”，整改问题逐项销号。</PageTitle>
      {view.error && <Alert type="error" showIcon message={view.error} />}
      <Tabs
        activeKey={tab}
        onChange={go}
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
                year={year}
                onChanged={view.reload}
                initialFilter={params[1] === undefined ? undefined : safeDecode(params[1])}
              />
            ),
          },
          {
            key: 'report',
            label: '自查报告',
            children: <ReportTab year={year} hasTemplate={!!view.data?.template} onDirty={onDirty} />,
          },
        ]}
      />
    </div>
  );
}
