import { ProfileOutlined } from '@ant-design/icons';
import { lazyScreen, type RendererArea } from '../../area';
import { loadPlanDue, PlanDueCard } from './DueCard';

export const planArea: RendererArea = {
  name: 'plan',
  routes: [
    {
      path: 'plan',
      label: '实施方案与任务',
      icon: <ProfileOutlined />,
      order: 20,
      Screen: lazyScreen(() => import('./PlanScreen'), 'PlanScreen'),
    },
  ],
  homeCards: [{ key: 'plan', size: 'third', order: 20, render: () => <PlanDueCard />, prefetch: loadPlanDue }],
};
