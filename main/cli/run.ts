// The command tables and runner behind main/cli.ts (kept apart so tests can import them without running anything).
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import { AREAS, areaServices } from '../areas';
import { busyError, isBusyError } from '../db/errors';
import { printError, type CliArgs, type CliCommand } from './types';

type Load = () => Promise<Record<string, CliCommand>>;

/**
 * Which area's module answers each command, from the areas' manifests (main/areas/index.ts). An area's module loads only
 * when one of its commands runs, so a quick command such as parse-points does not pay for the database, Word and
 * Excel code (a test checks every listed command exists and every area's module lists only its own).
 */
export const COMMAND_AREAS: Record<string, Load> = Object.fromEntries(
  AREAS.flatMap(({ cli }) => (cli ? cli.commands.map((c) => [c, cli.load] as const) : [])),
);

async function allCommands(): Promise<Record<string, CliCommand>> {
  return Object.assign({}, ...(await Promise.all([...new Set(Object.values(COMMAND_AREAS))].map((load) => load()))));
}

/** Splits argv into positional words and --flags (a flag followed by a value takes it; otherwise it is true). */
function parseArgs(argv: string[]): { command?: string; args: CliArgs } {
  const [command, ...rest] = argv;
  const args: CliArgs = { positional: [], flags: {}, areas: areaServices };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a.startsWith('--')) {
      const next = rest[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        args.flags[a.slice(2)] = next;
        i++;
      } else args.flags[a.slice(2)] = true;
    } else args.positional.push(a);
  }
  return { command, args };
}

async function usage(): Promise<string> {
  const rows = Object.values(await allCommands()).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `政务公开工作台 命令行\n用法：npm run cli -- <命令> [选项]\n\n${rows.join('\n')}\n`;
}

export async function runCli(argv: string[]): Promise<number> {
  const { command, args } = parseArgs(argv);
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(await usage());
    return command ? 0 : 1;
  }
  const area = Object.hasOwn(COMMAND_AREAS, command) ? COMMAND_AREAS[command] : undefined;
  if (!area) {
    printError('UNKNOWN_COMMAND', `未知命令“${command}”。\n${await usage()}`);
    return 1;
  }
  try {
    return await (await area())[command].run(args);
  } catch (e) {
    if (e instanceof AppError) printError(e.code, e.message);
    else if (isBusyError(e)) {
      // Another program held the file for the whole wait: that is the situation, not a bug.
      const busy = busyError();
      printError(busy.code, busy.message);
    } else printError(ErrorCode.INTERNAL, `程序内部错误：${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
