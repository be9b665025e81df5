// 自查整改: indicator templates, the scored self-check, 回头看 and the 整改台账.
import { defineArea } from './define';

export const selfcheckArea = defineArea({
  name: 'selfcheck',
  handlers: () => import('../services/selfcheck/handlers').then((m) => m.selfcheckHandlers),
  exporters: () => import('../services/selfcheck/exports').then((m) => m.selfcheckExporters),
  demo: () => import('../services/selfcheck/demo').then((m) => m.selfcheckDemoStep),
  summary: () =>
    import('../services/selfcheck/figures').then((m) => ({ figures: [m.selfcheckFigures], lists: [m.selfcheckLists] })),
  cli: {
    commands: ['parse-indicators', 'import-indicators', 'selfcheck'],
    load: () => import('../cli/selfcheck').then((m) => m.selfcheckCommands),
  },
});
