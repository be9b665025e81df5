// 自查整改: indicator templates, the scored self-check, 回头看 and the 整改台账.
import { defineArea } from '../../area';

export const selfcheckArea = defineArea({
  name: 'selfcheck',
  handlers: () => import('./handlers').then((m) => m.selfcheckHandlers),
  exporters: () => import('./exports').then((m) => m.selfcheckExporters),
  demo: () => import('./demo').then((m) => m.selfcheckDemoStep),
  summary: () => import('./figures').then((m) => ({ figures: [m.selfcheckFigures], lists: [m.selfcheckLists] })),
  cli: {
    commands: ['parse-indicators', 'import-indicators', 'selfcheck'],
    load: () => import('../../cli/selfcheck').then((m) => m.selfcheckCommands),
  },
});
