// Commands that span every area (the foundation owns them): the example year and every document.
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import { EXPORT_DOCUMENTS, findingLine, findingsForExport } from '../../shared/domain/yearcheck';
import { loadDemo } from '../services/demo';
import { runExport } from '../services/exports';
import { flag, type CliCommand } from './types';
import { withContext, yearArg } from './workstation';

export const allAreaCommands: Record<string, CliCommand> = {
  demo: {
    usage: 'demo --db <文件>',
    summary: '在空白数据文件中生成完整的示例年度（科室、人员、上级要点、实施方案、进展、AB岗、培训等）',
    async run(args) {
      if (!flag(args, 'db'))
        throw new AppError(
          ErrorCode.VALIDATION,
          '请用 --db 指定一个新的数据文件，例如 --db 示例.sqlite（示例数据只能载入空白数据文件）。',
        );
      const { summary } = await withContext(args, loadDemo);
      process.stdout.write(`已生成示例数据：\n${summary.map((s) => `  ${s}`).join('\n')}\n`);
      return 0;
    },
  },
  export: {
    usage:
      'export <种类> --db <文件> --year <年度> --out <文件> [--id N] [--from 日期 --to 日期] [--date 截至日期]（种类见 export 不带参数时的列表）',
    summary: '导出文档（实施方案、重点任务分解表、工作台账、AB岗设置表、培训台账等）',
    async run(args) {
      const exporters = await args.areas.exporters();
      const kind = args.positional[0];
      if (!kind || !Object.hasOwn(exporters, kind)) {
        throw new AppError(
          ErrorCode.VALIDATION,
          `请指定导出类型：${Object.entries(exporters)
            .map(([k, e]) => `${k}（${e.label}）`)
            .join('、')}`,
        );
      }
      if (!flag(args, 'out')) throw new AppError(ErrorCode.VALIDATION, '请用 --out 指定输出文件。');
      return withContext(args, async (ctx) => {
        const id = flag(args, 'id');
        const year = await yearArg(ctx, args);
        // A year document with open 核对 findings is still exported (a draft may be needed), but they are named first.
        const { checkYear } = await import('../services/yearcheck/check');
        const open = EXPORT_DOCUMENTS[kind] ? findingsForExport(await checkYear(ctx, year), kind) : [];
        if (open.length)
          process.stderr.write(
            `注意：${year}年${EXPORT_DOCUMENTS[kind]}有 ${open.length} 项核对问题尚未解决（仍照常导出，可作草稿）：\n${open.map((f) => `  ${findingLine(f)}`).join('\n')}\n`,
          );
        const exportArgs = {
          year,
          id: id === undefined ? undefined : Number(id),
          from: flag(args, 'from'),
          to: flag(args, 'to'),
          date: flag(args, 'date'),
        };
        const notice = await exporters[kind].notice?.(ctx, exportArgs);
        if (notice) process.stderr.write(`注意：${notice}\n`);
        const delivered = await runExport(ctx, kind, exportArgs);
        process.stdout.write(`已导出：${delivered.path ?? delivered.fileName}\n`);
        return 0;
      });
    },
  },
};
