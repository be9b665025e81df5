import { Card, Col, Row, Typography } from 'antd';
import { Suspense, useEffect } from 'react';
import { call } from '../../api/call';
import { useAppStatus } from '../../app-context';
import { ChartWidthOnHost, preloadCharts } from '../../components/EChart';
import { PageTitle } from '../../components/PageTitle';
import { useLoad, whenLoadsSettle } from '../../hooks';
import { lazyPart, preloadScreens } from '../../area';
import { HOME_CARDS } from '../../areas';

// The first steps of a bureau with no departments or staff yet: rarely shown, so not start-up code.
const GettingStarted = lazyPart(() => import('./GettingStarted'), 'GettingStarted');

// The cards' charts: fetched while the cards wait for their data (the chart chunk is not needed for the first paint).
void preloadCharts().catch(() => undefined);

/** Whether the bureau has departments and staff yet (the 从这里开始 steps). */
async function loadOrgCounts() {
  const [departments, staff] = await Promise.all([call('departments.list'), call('staff.list')]);
  return { departments: departments.length, staff: staff.length };
}

/** Everything the home screen reads on opening: a cold start asks for it while the window is built (main.tsx). */
export function loadHome(year: number): Promise<unknown> {
  return Promise.all([loadOrgCounts(), ...HOME_CARDS.map((c) => c.prefetch?.(year))]);
}

/**
 * A card's chart width on the office screen (1366 px wide: the menu 190, the page's padding 48, a scrollbar 15, the gaps
 * between cards 16, the card's own padding 48), for the charts the host draws (ChartWidthOnHost).
 */
const HOST_CHART_WIDTH = { third: 312, half: 500, full: 1065 };

export function HomeScreen() {
  const { status } = useAppStatus();
  const org = useLoad(loadOrgCounts, []);
  const gettingStarted = org.data && (org.data.departments === 0 || org.data.staff === 0);
  // The other screens' code, fetched once every card has its data and the window has nothing else to do (not while
  // the cards still wait: that delayed them), so a screen's first opening does not wait for its code.
  useEffect(() => {
    let idle = 0;
    let gone = false;
    whenLoadsSettle(() => {
      if (!gone) idle = requestIdleCallback(preloadScreens, { timeout: 3000 });
    });
    return () => {
      gone = true;
      cancelIdleCallback(idle);
    };
  }, []);

  return (
    <div>
      <PageTitle title="首页">
        {status?.bureau?.fullName} · {status?.year} 年度
      </PageTitle>
      {gettingStarted && (
        <Suspense fallback={null}>
          <GettingStarted departments={org.data!.departments} />
        </Suspense>
      )}
      <Row gutter={[16, 16]}>
        {HOME_CARDS.map((w) => (
          <Col
            key={w.key}
            xs={24}
            lg={w.size === 'full' ? 24 : 12}
            xl={w.size === 'third' ? 8 : w.size === 'full' ? 24 : 12}
          >
            <ChartWidthOnHost.Provider value={HOST_CHART_WIDTH[w.size ?? 'half']}>
              {w.render()}
            </ChartWidthOnHost.Provider>
          </Col>
        ))}
      </Row>
      {HOME_CARDS.length === 0 && !gettingStarted && (
        <Card>
          <Typography.Text type="secondary">本年度暂无待办提醒。</Typography.Text>
        </Card>
      )}
    </div>
  );
}
