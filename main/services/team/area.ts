// 政务公开队伍: AB岗 with handovers and filing, and the training ledger.
import { defineArea } from '../../area';

export const teamArea = defineArea({
  name: 'team',
  handlers: () => import('./handlers').then((m) => m.teamHandlers),
  exporters: () => import('./exports').then((m) => m.teamExporters),
  demo: () => import('./demo').then((m) => m.teamDemoStep),
  summary: () =>
    import('./figures').then((m) => ({ figures: [m.trainingFigures, m.abFigures], lists: [m.trainingLists] })),
});
