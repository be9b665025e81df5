// The foundation: app status and setup, bureau, settings, 科室与人员, backups, audit; and the all-area commands
// (demo, export) that run every area's steps and documents.
import { defineArea } from './define';

export const foundationArea = defineArea({
  name: 'foundation',
  handlers: () => import('../services/foundation-handlers').then((m) => m.foundationHandlers),
  exporters: () => import('../services/foundation/exports').then((m) => m.foundationExporters),
  demo: () => import('../services/demo/foundation').then((m) => m.foundationDemoStep),
  cli: {
    commands: ['info', 'check', 'backup', 'restore', 'demo', 'export'],
    load: () =>
      Promise.all([import('../cli/foundation'), import('../cli/all-areas')]).then(([f, all]) => ({
        ...f.foundationCommands,
        ...all.allAreaCommands,
      })),
  },
});
