// `summary --db F --year YYYY --json`: the figures the 工作总结 draft uses, as one JSON object
// {"year", "figures": {"<name>": {"value", "previous", "source"}}} (a contract other tools depend on). Without --json
// the same figures as a readable list. The .docx is `export summary-docx` (main/services/summary/exports.ts).
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import { formatFigureValue } from '../../shared/domain/summary';
import { getSetting, SettingKey } from '../services/settings';
import { collectFigures } from '../services/summary/summaries';
import { openCliWorkstation } from './workstation';
import { flag, type CliCommand } from './types';

export const summaryCommands: Record<string, CliCommand> = {
  summary: {
    usage: 'summary --db <文件> --year <年度> [--json]',
    summary: '列出工作总结引用的各项数字（本年、上年、来源）；--json 输出一个 JSON 对象',
    async run(args) {
      const ws = openCliWorkstation(args);
      try {
        if (!ws.ready) throw ws.failure!.error;
        const ctx = ws.context();
        const raw = flag(args, 'year') ?? (await getSetting(ctx, SettingKey.currentYear)) ?? '';
        const year = Number(raw);
        if (!Number.isInteger(year) || year < 2000 || year > 2100)
          throw new AppError(ErrorCode.VALIDATION, `年度“${raw}”无效，请用 --year 指定，例如 --year 2026。`);
        const figures = await collectFigures(ctx, year);
        if (args.flags.json === true) {
          process.stdout.write(`${JSON.stringify({ year, figures })}\n`);
        } else {
          const lines = Object.entries(figures).map(
            ([k, f]) =>
              `  ${f.source || k}：${formatFigureValue(f.value)}（上年 ${formatFigureValue(f.previous)}）  [${k}]`,
          );
          process.stdout.write(
            `${year}年工作总结引用的数字（共 ${lines.length} 项）：\n${lines.join('\n') || '  （该年度还没有任何记录）'}\n`,
          );
        }
        return 0;
      } finally {
        ws.close();
      }
    },
  },
};
