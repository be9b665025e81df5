import type { ReactNode } from 'react';
import { AbHomeCard } from '../ab/AbHomeCard';
import { PlanDueCard } from '../plan/DueCard';
import { TrainingHomeCard } from '../training/TrainingHomeCard';
import { summaryChartWidgets, summaryHomeWidgets } from '../summary/area';

/**
 * Cards other areas put on the home screen (due tasks, AB post warnings, training requirement ...).
 * Each area adds one entry here; the home screen shows them in this order.
 */
export interface HomeWidget {
  key: string;
  /** Width on a wide screen: a third (chart cards, so three sit side by side at 1366 px), half (default) or full. */
  size?: 'third' | 'half' | 'full';
  render: () => ReactNode;
}

export const HOME_WIDGETS: HomeWidget[] = [
  ...summaryChartWidgets,
  { key: 'plan', size: 'third', render: () => <PlanDueCard /> },
  { key: 'ab', size: 'third', render: () => <AbHomeCard /> },
  ...summaryHomeWidgets,
  { key: 'training', size: 'third', render: () => <TrainingHomeCard /> },
];
