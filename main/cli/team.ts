import type { CliCommand } from './types';

// The team area's documents are in the shared export registry (main/services/exports.ts ← services/team/exports.ts),
// so `export ab-xlsx|ab-docx|filing-docx|handover-docx|training-xlsx|signin-docx|training-docx` is the one `export`
// command; its example data is the team step of `demo` (services/team/demo.ts). No commands of its own.
export const teamCommands: Record<string, CliCommand> = {};
