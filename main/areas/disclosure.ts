// 信息公开: 信息发布登记, 依申请公开 with its time limits, 复议诉讼, and the statutory annual report.
import { defineArea } from './define';

export const disclosureArea = defineArea({
  name: 'disclosure',
  handlers: () => import('../services/disclosure/handlers').then((m) => m.disclosureHandlers),
  exporters: () => import('../services/disclosure/exports').then((m) => m.disclosureExporters),
  demo: () => import('../services/disclosure/demo').then((m) => m.disclosureDemoStep),
  summary: () =>
    import('../services/disclosure/figures').then((m) => ({
      figures: [m.disclosureFigures],
      lists: [m.disclosureLists],
    })),
  cli: {
    commands: ['import-publications', 'import-requests', 'annual-report'],
    load: () => import('../cli/disclosure').then((m) => m.disclosureCommands),
  },
});
