// 政务公开队伍: AB岗 with handovers and filing, and the training ledger.
import { defineArea } from './define';

export const teamArea = defineArea({
  name: 'team',
  handlers: () => import('../services/team/handlers').then((m) => m.teamHandlers),
  exporters: () => import('../services/team/exports').then((m) => m.teamExporters),
  demo: () => import('../services/team/demo').then((m) => m.teamDemoStep),
  summary: () =>
    import('../services/team/figures').then((m) => ({
      figures: [m.trainingFigures, m.abFigures],
      lists: [m.trainingLists, m.abLists],
    })),
  calendarFollower: () => import('../services/team/ab').then((m) => m.recountFilingDues),
});
