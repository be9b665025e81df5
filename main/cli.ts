// Command-line entry (plain Node, no Electron): npm run cli -- <command> [--db <file>] ...
import { AppError } from '../shared/ipc/result';
import { ErrorCode } from '../shared/ipc/errors';
import { foundationCommands } from './cli/foundation';
import { planCommands } from './cli/plan';
import { pointsCommands } from './cli/points';
import { teamCommands } from './cli/team';
import { printError, type CliArgs, type CliCommand } from './cli/types';

const commands: Record<string, CliCommand> = { ...foundationCommands, ...pointsCommands, ...planCommands, ...teamCommands };

/** Splits argv into positional words and --flags (a flag followed by a value takes it; otherwise it is true). */
export function parseArgs(argv: string[]): { command?: string; args: CliArgs } {
  const [command, ...rest] = argv;
  const args: CliArgs = { positional: [], flags: {} };
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

function usage(): string {
  const rows = Object.values(commands).map((c) => `  ${c.usage.padEnd(64)} ${c.summary}`);
  return `政务公开工作台 命令行\n用法：npm run cli -- <命令> [选项]\n\n${rows.join('\n')}\n`;
}

async function main(): Promise<number> {
  const { command, args } = parseArgs(process.argv.slice(2));
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(usage());
    return command ? 0 : 1;
  }
  const cmd = commands[command];
  if (!cmd) {
    printError('UNKNOWN_COMMAND', `未知命令“${command}”。\n${usage()}`);
    return 1;
  }
  try {
    return await cmd.run(args);
  } catch (e) {
    if (e instanceof AppError) printError(e.code, e.message);
    else printError(ErrorCode.INTERNAL, `程序内部错误：${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

main().then((code) => { process.exitCode = code; });
