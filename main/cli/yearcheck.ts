// `check-year --db F --year Y [--json]`: the 核对 of a year (a contract other tools rely on). With --json stdout holds
// exactly one JSON object {"year", "findings": [{"kind", "documents", "message"}]}; without, one Chinese line per
// finding. Exit code 1 when there is any finding, 0 when none.
import fs from 'node:fs';
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import { findingLine } from '../../shared/domain/yearcheck';
import { resolveDbPath } from '../services/paths';
import { checkYear, yearHasRecords } from '../services/yearcheck/check';
import { flag, type CliCommand } from './types';
import { withContext, yearArg } from './workstation';

export const yearcheckCommands: Record<string, CliCommand> = {
  'check-year': {
    usage: 'check-year --db <文件> --year <年度> [--json]',
    summary: '核对该年度各文档与记录是否一致（数字、表述、人员、占位文字、表二、结转），有问题时退出码为 1',
    async run(args) {
      const file = resolveDbPath(flag(args, 'db'));
      if (!flag(args, 'db') || !fs.existsSync(file))
        throw new AppError(ErrorCode.NOT_FOUND, `数据文件不存在：${file}。请用 --db 指定要核对的数据文件。`);
      return withContext(args, async (ctx) => {
        const year = await yearArg(ctx, args);
        const findings = await checkYear(ctx, year);
        if (args.flags.json === true) {
          const out = {
            year,
            findings: findings.map((f) => ({ kind: f.kind, documents: f.documents, message: f.message })),
          };
          process.stdout.write(`${JSON.stringify(out)}\n`);
        } else if (findings.length) {
          process.stdout.write(`${findings.map(findingLine).join('\n')}\n`);
        } else if (!(await yearHasRecords(ctx, year))) {
          process.stdout.write(`${year}年还没有可核对的登记和文档。\n`);
        } else process.stdout.write(`${year}年各文档与记录核对一致，没有发现问题。\n`);
        return findings.length ? 1 : 0;
      });
    },
  },
};
