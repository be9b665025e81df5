import { App as AntApp, InputNumber, Space, Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useYear } from '../../app-context';
import { PageTitle } from '../../components/PageTitle';
import { navigate } from '../../hooks';
import { PublicationsTab } from './PublicationsTab';
import { ReportTab } from './ReportTab';
import { RequestsTab } from './RequestsTab';

const TABS = [
  { key: 'publications', label: '信息发布登记' },
  { key: 'requests', label: '依申请公开' },
  { key: 'report', label: '年度报告' },
] as const;

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** 信息公开: the two registers and the annual report, one tab each (#/disclosure/<tab>). */
export function DisclosureScreen({ params }: { params: string[] }) {
  const working = useYear();
  const tab = TABS.some((t) => t.key === params[0]) ? params[0] : 'publications';
  // A dashboard chart opens a register filtered: #/disclosure/publications/month/3, …/column/<栏目>, #/disclosure/requests/state/<状态>.
  const filterValue = params[2] === undefined ? undefined : safeDecode(params[2]);
  // In January the report being written is last year's.
  const [year, setYear] = useState(working);
  useEffect(() => setYear(working), [working]);
  const { modal } = AntApp.useApp();
  // The report's texts and table 二 figures are typed by hand: ask before a tab or year change throws them away.
  const [dirty, setDirty] = useState(false);
  const onDirty = useCallback((d: boolean) => setDirty(d), []);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const guard = (go: () => void) => {
    if (!dirty) return go();
    modal.confirm({
      title: '年度报告有未保存的修改，放弃吗？',
      content: '点“继续编辑”回到年度报告，再点“保存”。',
      okText: '放弃修改',
      cancelText: '继续编辑',
      onOk: () => {
        setDirty(false);
        go();
      },
    });
  };
  return (
    <div>
      <PageTitle
        title="信息公开"
        extra={
          <Space>
            统计年度
            <InputNumber
              aria-label="统计年度"
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => v && guard(() => setYear(v))}
              addonAfter="年"
              style={{ width: 120 }}
            />
          </Space>
        }
      >
        主动公开的信息发布登记、依申请公开办理（按工作日计算答复期限）和政府信息公开工作年度报告。
      </PageTitle>
      <Tabs
        activeKey={tab}
        onChange={(k) => guard(() => navigate(`disclosure/${k}`))}
        destroyOnHidden
        items={TABS.map((t) => ({
          key: t.key,
          label: t.label,
          children:
            t.key === 'publications' ? (
              <PublicationsTab
                year={year}
                filter={
                  params[1] === 'month'
                    ? { month: Number(filterValue) }
                    : params[1] === 'column'
                      ? { column: filterValue }
                      : undefined
                }
              />
            ) : t.key === 'requests' ? (
              <RequestsTab year={year} state={params[1] === 'state' ? filterValue : undefined} />
            ) : (
              <ReportTab year={year} onDirty={onDirty} />
            ),
        }))}
      />
    </div>
  );
}
