// 自查整改: score the year against the indicators, look back at last year, and track every 整改 to 销号.
import { AuditOutlined } from '@ant-design/icons';
import { lazyScreen, type RendererArea } from '../../area';
import { loadRectChart, RectChartCard } from './RectChartCard';
import { prefetchRectHome, RectHomeCard } from './RectHomeCard';
import { SELFCHECK_TABS } from './routes';

export const selfcheckArea: RendererArea = {
  name: 'selfcheck',
  routes: [
    {
      path: 'selfcheck',
      label: '自查整改',
      icon: <AuditOutlined />,
      order: 60,
      tabs: SELFCHECK_TABS,
      Screen: lazyScreen(() => import('./SelfcheckScreen'), 'SelfcheckScreen'),
    },
  ],
  homeCards: [
    // The chart sits with the dashboard's other charts; the list of items with their deadlines among the due cards.
    {
      key: 'selfcheck.rectChart',
      size: 'third',
      order: 15,
      render: () => <RectChartCard />,
      prefetch: loadRectChart,
    },
    {
      key: 'selfcheck',
      size: 'third',
      order: 45,
      render: () => <RectHomeCard />,
      prefetch: prefetchRectHome,
    },
  ],
};
