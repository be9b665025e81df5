// 实施方案与任务: the bureau's plan, its tasks, progress and the working-day lights.
import { defineArea } from './define';

export const planArea = defineArea({
  name: 'plan',
  handlers: () => import('../services/plan/handlers').then((m) => m.planHandlers),
  exporters: () => import('../services/plan/exports').then((m) => m.planExporters),
  demo: () => import('../services/demo/plan').then((m) => m.planDemoStep),
  summary: () => import('../services/plan/figures').then((m) => ({ figures: [m.planFigures], lists: [m.planLists] })),
  cli: { commands: ['plan'], load: () => import('../cli/plan').then((m) => m.planCommands) },
});
