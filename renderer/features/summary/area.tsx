// 年度总结: the year's summary drafted from every area's data, and the home dashboard's charts.
import { FileTextOutlined } from '@ant-design/icons';
import { lazyScreen, type RendererArea } from '../../area';
import { PlanProgressCard } from './dashboard/PlanProgressCard';
import { TaskLightsCard } from './dashboard/TaskLightsCard';
import { TrainingChartCard } from './dashboard/TrainingChartCard';
import { loadDashboard } from './dashboard/data';
import { UpcomingCard } from './dashboard/UpcomingCard';

export const summaryArea: RendererArea = {
  name: 'summary',
  routes: [
    {
      path: 'summary',
      label: '年度总结',
      icon: <FileTextOutlined />,
      order: 70,
      Screen: lazyScreen(() => import('./SummaryScreen'), 'SummaryScreen'),
    },
  ],
  // The dashboard's charts lead the home screen; the dates coming up sit among the areas' due cards.
  homeCards: [
    {
      key: 'summary.planProgress',
      size: 'third',
      order: 10,
      render: () => <PlanProgressCard />,
      prefetch: loadDashboard,
    },
    { key: 'summary.taskLights', size: 'third', order: 11, render: () => <TaskLightsCard />, prefetch: loadDashboard },
    {
      key: 'summary.trainings',
      size: 'third',
      order: 12,
      render: () => <TrainingChartCard />,
      prefetch: loadDashboard,
    },
    { key: 'summary.upcoming', size: 'third', order: 35, render: () => <UpcomingCard />, prefetch: loadDashboard },
  ],
};
