// 核对: the check across a year's documents (年报, 总结, 自查报告, 整改台账与报告) and records before anything is filed.
// Its own area because it reads every other one (their documents' texts and the figure registry) and belongs to none;
// it has no tables, no exports and no demo of its own.
import { defineArea } from './define';

export const yearcheckArea = defineArea({
  name: 'yearcheck',
  handlers: () => import('../services/yearcheck/handlers').then((m) => m.yearcheckHandlers),
  cli: { commands: ['check-year'], load: () => import('../cli/yearcheck').then((m) => m.yearcheckCommands) },
});
