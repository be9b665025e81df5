// 信息公开: 信息发布登记, 依申请公开 with its time limits, 复议诉讼, and the statutory annual report.
import { defineArea } from '../../area';

export const disclosureArea = defineArea({
  name: 'disclosure',
  handlers: () => import('./handlers').then((m) => m.disclosureHandlers),
  exporters: () => import('./exports').then((m) => m.disclosureExporters),
  demo: () => import('./demo').then((m) => m.disclosureDemoStep),
  summary: () => import('./figures').then((m) => ({ figures: [m.disclosureFigures], lists: [m.disclosureLists] })),
  cli: {
    commands: ['import-publications', 'import-requests', 'annual-report'],
    load: () => import('../../cli/disclosure').then((m) => m.disclosureCommands),
  },
});
