// 年度总结: the year's 工作总结 drafted from every area's figures, and the home dashboard's data.
import { defineArea } from './define';

export const summaryArea = defineArea({
  name: 'summary',
  handlers: () => import('../services/summary/handlers').then((m) => m.summaryHandlers),
  exporters: () => import('../services/summary/exports').then((m) => m.summaryExporters),
  demo: () => import('../services/summary/demo').then((m) => m.summaryDemoStep),
  cli: { commands: ['summary'], load: () => import('../cli/summary').then((m) => m.summaryCommands) },
});
