import type { ReactNode } from 'react';
import { AbHomeCard } from '../ab/AbHomeCard';
import { PlanDueCard } from '../plan/DueCard';
import { TrainingHomeCard } from '../training/TrainingHomeCard';
import { selfcheckHomeWidgets } from '../selfcheck/area';

/**
 * Cards other areas put on the home screen (due tasks, AB post warnings, training requirement ...).
 * Each area adds one entry here; the home screen shows them in this order.
 */
export interface HomeWidget {
  key: string;
  render: () => ReactNode;
}

export const HOME_WIDGETS: HomeWidget[] = [
  { key: 'plan', render: () => <PlanDueCard /> },
  { key: 'ab', render: () => <AbHomeCard /> },
  { key: 'training', render: () => <TrainingHomeCard /> },
  ...selfcheckHomeWidgets,
];
