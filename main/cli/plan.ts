import type { CliCommand } from './types';

// Commands of this area; see foundation.ts for the pattern.
export const planCommands: Record<string, CliCommand> = {};
