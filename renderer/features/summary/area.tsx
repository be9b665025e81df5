// The summary area's screens and home cards, in the shapes of renderer/routes.tsx and features/home/widgets.tsx.
import { FileTextOutlined } from '@ant-design/icons';
import type { RouteDef } from '../../routes';
import type { HomeWidget } from '../home/widgets';
import { PlanProgressCard } from './dashboard/PlanProgressCard';
import { TaskLightsCard } from './dashboard/TaskLightsCard';
import { TrainingChartCard } from './dashboard/TrainingChartCard';
import { UpcomingCard } from './dashboard/UpcomingCard';
import { SummaryScreen } from './SummaryScreen';

export const summaryRoutes: RouteDef[] = [
  { path: 'summary', label: '年度总结', icon: <FileTextOutlined />, render: () => <SummaryScreen /> },
];

/** The dashboard's charts (first row) and the dates coming up. Other areas add their chart cards the same way. */
export const summaryChartWidgets: HomeWidget[] = [
  { key: 'summary.planProgress', size: 'third', render: () => <PlanProgressCard /> },
  { key: 'summary.taskLights', size: 'third', render: () => <TaskLightsCard /> },
  { key: 'summary.trainings', size: 'third', render: () => <TrainingChartCard /> },
];

export const summaryHomeWidgets: HomeWidget[] = [
  { key: 'summary.upcoming', size: 'third', render: () => <UpcomingCard /> },
];
