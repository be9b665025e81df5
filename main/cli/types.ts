import type { AreaServices } from '../services/area-services';

export interface CliArgs {
  /** Positional words after the command name. */
  positional: string[];
  flags: Record<string, string | true>;
  /** Every area's exporters, demo steps and figures, from the composition root (run.ts) for the workstation. */
  areas: AreaServices;
}

export interface CliCommand {
  usage: string;
  summary: string;
  run(args: CliArgs): Promise<number>;
}

/** Prints an error the way the CLI contract says: Chinese message with a stable code, on stderr. */
export function printError(code: string, message: string): void {
  process.stderr.write(`错误[${code}]：${message}\n`);
}

export function flag(args: CliArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
}
