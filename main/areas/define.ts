// What an area declares about itself on the Node side: one manifest per area (main/areas/<area>.ts), listed once in
// main/areas/index.ts. Everything but the names is loaded on first use, so a quick command such as
// parse-points does not pay for the database, Word and Excel code of every area (about 0.2 s on an office PC).
import type { CliCommand } from '../cli/types';
import type { CalendarFollower } from '../services/calendar';
import type { AreaHandlers } from '../services/handler-types';
import type { DemoStep } from '../services/demo/types';
import type { Exporter } from '../services/exporter';
import type { SummaryContribution } from '../services/summary/provider';

export interface NodeArea<C = unknown, K extends string = string> {
  /** Code name, the same as the renderer's area (renderer/areas.tsx); a test holds the two lists together. */
  name: string;
  /** The methods of the area's contract block (shared/ipc/contracts/<area>.ts). */
  handlers: () => Promise<AreaHandlers<C>>;
  /** The area's documents, by export kind: the UI's export methods and the CLI's `export <kind>` use them. */
  exporters?: () => Promise<Record<K, Exporter>>;
  /** Its part of the example year (`demo`, 载入示例数据); steps run in AREAS order, in one transaction. */
  demo?: () => Promise<DemoStep>;
  /** Its command-line commands: the names, and the module that runs them (loaded only when one runs). */
  cli?: { commands: readonly string[]; load: () => Promise<Record<string, CliCommand>> };
  /** Its figures (and lists) for the 年度工作总结 and the dashboard; absent areas simply leave their sentences out. */
  summary?: () => Promise<SummaryContribution>;
  /** Counts the dates it stored on the working-day calendar again when the user changes the calendar (设置). */
  calendarFollower?: () => Promise<CalendarFollower>;
}

/** Declares an area; the generic parameters come from the loaders, so the manifest stays a plain object. */
export function defineArea<C, K extends string = never>(area: NodeArea<C, K>): NodeArea<C, K> {
  return area;
}
