// 实施方案与任务: the bureau's plan, its tasks, progress and the working-day lights.
import { defineArea } from '../../area';

export const planArea = defineArea({
  name: 'plan',
  handlers: () => import('./handlers').then((m) => m.planHandlers),
  exporters: () => import('./exports').then((m) => m.planExporters),
  demo: () => import('../demo/plan').then((m) => m.planDemoStep),
  summary: () => import('./figures').then((m) => ({ figures: [m.planFigures], lists: [m.planLists] })),
  cli: { commands: ['plan'], load: () => import('../../cli/plan').then((m) => m.planCommands) },
});
