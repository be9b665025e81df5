// 信息公开: 信息发布登记, 依申请公开 and the statutory 政府信息公开工作年度报告.
import { FolderOpenOutlined } from '@ant-design/icons';
import { lazyPart, lazyScreen, type RendererArea } from '../../area';
import { prefetchPublicationsChart, prefetchRequestsChart, PublicationsChartCard, RequestsChartCard } from './charts';
import { DisclosureHomeCard, loadDisclosureHome } from './HomeCard';
import { DISCLOSURE_TAB_KEYS } from './routes';

const DisclosureSettingsCard = lazyPart(() => import('./SettingsCard'), 'DisclosureSettingsCard');

export const disclosureArea: RendererArea = {
  name: 'disclosure',
  routes: [
    {
      path: 'disclosure',
      label: '信息公开',
      icon: <FolderOpenOutlined />,
      order: 50,
      tabs: DISCLOSURE_TAB_KEYS,
      Screen: lazyScreen(() => import('./DisclosureScreen'), 'DisclosureScreen'),
    },
  ],
  homeCards: [
    // Charts beside the plan's and the trainings' (orders 10-12 are 年度总结's dashboard charts).
    {
      key: 'disclosure.publications',
      size: 'third',
      order: 13,
      render: () => <PublicationsChartCard />,
      prefetch: prefetchPublicationsChart,
    },
    {
      key: 'disclosure.requests',
      size: 'third',
      order: 14,
      render: () => <RequestsChartCard />,
      prefetch: prefetchRequestsChart,
    },
    { key: 'disclosure', render: () => <DisclosureHomeCard />, prefetch: loadDisclosureHome },
  ],
  settingsCards: [{ key: 'disclosure', render: () => <DisclosureSettingsCard /> }],
};
