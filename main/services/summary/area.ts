// 年度总结: the year's 工作总结 drafted from every area's figures, and the home dashboard's data.
import { defineArea } from '../../area';

export const summaryArea = defineArea({
  name: 'summary',
  handlers: () => import('./handlers').then((m) => m.summaryHandlers),
  exporters: () => import('./exports').then((m) => m.summaryExporters),
  demo: () => import('./demo').then((m) => m.summaryDemoStep),
  cli: { commands: ['summary'], load: () => import('../../cli/summary').then((m) => m.summaryCommands) },
});
