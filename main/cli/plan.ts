import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import { loadDemo } from '../services/demo';
import { EXPORTERS, exporterNames, runExport } from '../services/exports';
import { generatePlan } from '../services/plan/generate';
import { listDocumentRefs } from '../services/points/documents';
import { getSetting, SettingKey } from '../services/settings';
import type { AppContext } from '../services/workstation';
import { openCliWorkstation } from './workstation';
import { flag, type CliArgs, type CliCommand } from './types';

async function yearArg(ctx: AppContext, args: CliArgs): Promise<number> {
  const raw = flag(args, 'year') ?? (await getSetting(ctx, SettingKey.currentYear)) ?? '';
  const year = Number(raw);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError(ErrorCode.VALIDATION, '请用 --year 指定年度，例如 --year 2026。');
  return year;
}

async function withContext<T>(args: CliArgs, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ws = openCliWorkstation(args);
  try {
    if (!ws.ready) throw ws.failure!.error;
    return await fn(ws.context());
  } finally {
    ws.close();
  }
}

export const planCommands: Record<string, CliCommand> = {
  demo: {
    usage: 'demo --db <文件>',
    summary: '在空白数据文件中生成完整的示例年度（科室、人员、上级要点、实施方案、进展）',
    async run(args) {
      if (!flag(args, 'db')) throw new AppError(ErrorCode.VALIDATION, '请用 --db 指定一个新的数据文件，例如 --db 示例.sqlite（示例数据只能载入空白数据文件）。');
      const { summary } = await withContext(args, loadDemo);
      process.stdout.write(`已生成示例数据：\n${summary.map((s) => `  ${s}`).join('\n')}\n`);
      return 0;
    },
  },
  plan: {
    usage: 'plan generate --db <文件> --year <年度> [--replace]',
    summary: '用该年度已导入的全部上级文件生成实施方案（单位按已保存的对应关系）',
    async run(args) {
      if (args.positional[0] !== 'generate') throw new AppError(ErrorCode.VALIDATION, '用法：plan generate --db <文件> --year <年度>');
      return withContext(args, async (ctx) => {
        const year = await yearArg(ctx, args);
        const docs = await listDocumentRefs(ctx, { year });
        if (!docs.length) throw new AppError(ErrorCode.NOT_FOUND, `${year}年还没有导入上级文件。请先用 import-points 导入工作要点。`);
        const r = await generatePlan(ctx, { year, documentIds: docs.map((d) => d.id), replace: args.flags.replace === true });
        const lines = [`已生成${year}年实施方案：${r.sections} 个章节、${r.tasks} 项任务`];
        if (r.unmappedUnits.length) lines.push(`未对应到科室的单位（已保留在任务上，请在界面中确认对应关系）：${r.unmappedUnits.map((u) => `${u.unit}（${u.tasks}项）`).join('、')}`);
        if (r.tasksWithoutUnit) lines.push(`没有责任单位的任务：${r.tasksWithoutUnit} 项`);
        process.stdout.write(lines.join('\n') + '\n');
        return 0;
      });
    },
  },
  export: {
    usage: `export <${exporterNames().join('|')}> --db <文件> --year <年度> --out <文件> [--id N] [--from 日期 --to 日期]`,
    summary: '导出文档（实施方案、重点任务分解表、工作台账等）',
    async run(args) {
      const name = args.positional[0];
      if (!name || !EXPORTERS[name]) {
        throw new AppError(ErrorCode.VALIDATION, `请指定导出类型：${Object.entries(EXPORTERS).map(([k, e]) => `${k}（${e.label}）`).join('、')}`);
      }
      if (!flag(args, 'out')) throw new AppError(ErrorCode.VALIDATION, '请用 --out 指定输出文件。');
      return withContext(args, async (ctx) => {
        const id = flag(args, 'id');
        const delivered = await runExport(ctx, name, {
          year: await yearArg(ctx, args), id: id === undefined ? undefined : Number(id), from: flag(args, 'from'), to: flag(args, 'to'),
        });
        process.stdout.write(`已导出：${delivered.path ?? delivered.fileName}\n`);
        return 0;
      });
    },
  },
};
