import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import { generatePlan } from '../services/plan/generate';
import { listDocumentRefs } from '../services/points/documents';
import type { CliCommand } from './types';
import { withContext, yearArg } from './workstation';

export const planCommands: Record<string, CliCommand> = {
  plan: {
    usage: 'plan generate --db <文件> --year <年度> [--replace]',
    summary: '用该年度已导入的全部上级文件生成实施方案（单位按已保存的对应关系）',
    async run(args) {
      if (args.positional[0] !== 'generate')
        throw new AppError(ErrorCode.VALIDATION, '用法：plan generate --db <文件> --year <年度>');
      return withContext(args, async (ctx) => {
        const year = await yearArg(ctx, args);
        const docs = await listDocumentRefs(ctx, { year });
        if (!docs.length)
          throw new AppError(ErrorCode.NOT_FOUND, `${year}年还没有导入上级文件。请先用 import-points 导入工作要点。`);
        const r = await generatePlan(ctx, {
          year,
          documentIds: docs.map((d) => d.id),
          replace: args.flags.replace === true,
        });
        const lines = [`已生成${year}年实施方案：${r.sections} 个章节、${r.tasks} 项任务`];
        if (r.unmappedUnits.length)
          lines.push(
            `未对应到科室的单位（已保留在任务上，请在界面中确认对应关系）：${r.unmappedUnits.map((u) => `${u.unit}（${u.tasks}项）`).join('、')}`,
          );
        if (r.tasksWithoutUnit) lines.push(`没有责任单位的任务：${r.tasksWithoutUnit} 项`);
        // The same warning as the plan screen: a task without a 牵头科室 prints with that column blank.
        if (r.tasksWithoutLead)
          lines.push(`还没有牵头科室的任务：${r.tasksWithoutLead} 项，导出前请在“实施方案与任务”中设置牵头科室`);
        process.stdout.write(lines.join('\n') + '\n');
        return 0;
      });
    },
  },
};
