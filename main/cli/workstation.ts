import path from 'node:path';
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import { resolveDbPath } from '../services/paths';
import { writeFileAtomic } from '../services/write-file';
import { getSetting, SettingKey } from '../services/settings';
import { Workstation, type AppContext } from '../services/workstation';
import { flag, type CliArgs } from './types';

/**
 * A workstation for one CLI command. Files the services produce go to --out (written atomically);
 * the CLI never makes the daily automatic backup as a side effect. While another copy of the workstation (the app,
 * another PC) writes the file, the command opens it read-only: commands that only read work, and one that would
 * write is refused with the writer named (withContext, restore) before anything changes.
 */
export function openCliWorkstation(args: CliArgs): Workstation {
  const ws = makeCliWorkstation(args).open();
  if (ws.failure?.state === 'locked') ws.open({ readOnly: true });
  return ws;
}

function makeCliWorkstation(args: CliArgs): Workstation {
  const out = flag(args, 'out');
  return new Workstation({
    dbPath: resolveDbPath(flag(args, 'db')),
    host: 'cli',
    autoBackup: false,
    areas: args.areas,
    files: {
      async deliver(fileName, data) {
        if (!out) throw new AppError(ErrorCode.VALIDATION, `请用 --out 指定输出文件，例如 --out "${fileName}"`);
        const target = path.resolve(out);
        writeFileAtomic(target, data);
        return { fileName, status: 'saved', path: target };
      },
    },
  });
}

/** The year a command is about: --year, else the working year; a clear message when neither is a usable year. */
export async function yearArg(ctx: AppContext, args: CliArgs): Promise<number> {
  const raw = flag(args, 'year') ?? (await getSetting(ctx, SettingKey.currentYear)) ?? '';
  const year = Number(raw);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new AppError(ErrorCode.VALIDATION, '请用 --year 指定年度，例如 --year 2026。');
  return year;
}

/**
 * Runs fn on the open database of --db and closes it whatever happens. Commands that write (imports) require --db,
 * so a forgotten flag never fills the default data file by accident.
 */
export async function withContext<T>(
  args: CliArgs,
  fn: (ctx: AppContext) => Promise<T>,
  opts: { requireDb?: boolean } = {},
): Promise<T> {
  if (opts.requireDb && !flag(args, 'db'))
    throw new AppError(ErrorCode.VALIDATION, '请用 --db 指定数据文件，例如 --db 工作台.sqlite。');
  const ws = openCliWorkstation(args);
  try {
    if (!ws.ready) throw ws.failure!.error;
    return await fn(ws.context());
  } catch (e) {
    throw (e instanceof AppError ? null : ws.explainDatabaseError(e, 'cli')) ?? e;
  } finally {
    ws.close();
  }
}
