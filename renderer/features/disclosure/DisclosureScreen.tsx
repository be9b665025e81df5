import { Button, Space, Tabs, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useYear } from '../../app-context';
import { PageTitle } from '../../components/PageTitle';
import { YearInput } from '../../components/YearInput';
import { requestLeave, useRouteTab } from '../../hooks';
import { PublicationsTab } from './PublicationsTab';
import { ReportTab } from './ReportTab';
import { RequestsTab } from './RequestsTab';
import { DISCLOSURE_TAB_KEYS, DISCLOSURE_TABS, type DisclosureTab } from './routes';

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
  const [tab, openTab] = useRouteTab('disclosure', DISCLOSURE_TAB_KEYS, params);
  // A dashboard chart opens a register filtered: #/disclosure/publications/month/3, …/column/<栏目>, #/disclosure/requests/state/<状态>.
  const filterValue = params[2] === undefined ? undefined : safeDecode(params[2]);
  // In January the report being written is last year's.
  const [year, setYear] = useState(working);
  useEffect(() => setYear(working), [working]);
  // The report's unsaved texts ask through the app's one leave guard (ReportTab's useUnsavedLeave): a tab, the menu,
  // back/forward, the header's year and this screen's own year all ask the same question.
  const changeYear = (v: number) => requestLeave(() => setYear(v));
  return (
    <div>
      <PageTitle
        title="信息公开"
        extra={
          <Space>
            统计年度
            <YearInput label="统计年度" year={year} onChange={changeYear} />
            {year !== working && (
              <Tooltip title={`页头的工作年度是${working}年；本页按${year}年统计和登记。`}>
                <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                  不是工作年度（{working}年）
                </Tag>
              </Tooltip>
            )}
            {year !== working && (
              <Button size="small" onClick={() => changeYear(working)}>
                回到{working}年
              </Button>
            )}
          </Space>
        }
      >
        主动公开的信息发布登记、依申请公开办理（按工作日计算答复期限）和政府信息公开工作年度报告。
      </PageTitle>
      <Tabs
        activeKey={tab}
        onChange={(k) => openTab(k as DisclosureTab)}
        destroyOnHidden
        items={DISCLOSURE_TABS.map((t) => ({
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
              <ReportTab year={year} />
            ),
        }))}
      />
    </div>
  );
}
