// `summary --db F --year YYYY [--half] --json`: the registry's figures (figuresFor) for the year, or with --half for
// 1 January–30 June, as one JSON object {"year", "figures": {"<name>": {"value", "previous", "source"}}} (a contract
// other tools depend on; --half keeps the shape, "previous" is then the first half of the year before). Without --json
// the same figures as a readable list. The .docx is `export summary-docx` (main/services/summary/exports.ts).
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import { getSetting, SettingKey } from '../services/settings';
import { halfPeriod, yearPeriod } from '../../shared/domain/period';
import { periodName, formatFigureValue } from '../../shared/domain/summary-figures';
import { figuresFor } from '../services/summary/figures';
import { openCliWorkstation } from './workstation';
import { flag, type CliCommand } from './types';

export const summaryCommands: Record<string, CliCommand> = {
  summary: {
    usage: 'summary --db <文件> --year <年度> [--half] [--json]',
    summary:
      '列出工作总结引用的各项数字（本期、上年同期、来源）；--half 只计1月1日至6月30日；--json 输出一个 JSON 对象',
    async run(args) {
      const ws = openCliWorkstation(args);
      try {
        if (!ws.ready) throw ws.failure!.error;
        const ctx = ws.context();
        const raw = flag(args, 'year') ?? (await getSetting(ctx, SettingKey.currentYear)) ?? '';
        const year = Number(raw);
        if (!Number.isInteger(year) || year < 2000 || year > 2100)
          throw new AppError(ErrorCode.VALIDATION, `年度“${raw}”无效，请用 --year 指定，例如 --year 2026。`);
        const period = args.flags.half === true ? halfPeriod(year) : yearPeriod(year);
        const figures = await figuresFor(ctx, period);
        if (args.flags.json === true) {
          process.stdout.write(`${JSON.stringify({ year, figures })}\n`);
        } else {
          const lines = Object.entries(figures).map(
            ([k, f]) =>
              `  ${f.source || k}：${formatFigureValue(f.value)}（上年同期 ${formatFigureValue(f.previous)}）  [${k}]`,
          );
          process.stdout.write(
            `${periodName(period)}工作总结引用的数字（共 ${lines.length} 项）：\n${lines.join('\n') || '  （该期间还没有任何记录）'}\n`,
          );
        }
        return 0;
      } finally {
        ws.close();
      }
    },
  },
};
