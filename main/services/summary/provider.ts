// What an area gives the 工作总结: its figures for a year (with the year before beside each), and optionally lists
// the text quotes (sections, unfinished tasks, self-check deductions …). Each area keeps its providers in its own
// service folder (figures.ts) and names them in its manifest's `summary` field (main/area.ts).
import type { Figure, SummaryLists } from '../../../shared/domain/summary';
import type { AppContext } from '../workstation';

/** An area's figures for `year`: `{ value, previous (year-1, or null when that year has no records), source }`. */
export type FigureProvider = (ctx: AppContext, year: number) => Promise<Record<string, Figure>>;

/** Lists for the text (二、存在的问题 and 三、下一步工作打算 start from them); every field optional. */
export type ListProvider = (ctx: AppContext, year: number) => Promise<Partial<SummaryLists>>;

/** An area's part of the 工作总结. */
export interface SummaryContribution {
  figures: FigureProvider[];
  lists?: ListProvider[];
}

/** Pairs this year's and last year's values under one source; a key missing this year is left out. */
export function pairFigures(
  current: Record<string, number | string | null>,
  previous: Record<string, number | string | null> | null,
  sources: Record<string, string>,
  fallbackSource: (key: string) => string = () => '',
): Record<string, Figure> {
  const out: Record<string, Figure> = {};
  for (const [key, value] of Object.entries(current)) {
    out[key] = {
      value,
      previous: previous && key in previous ? previous[key] : null,
      source: sources[key] ?? fallbackSource(key),
    };
  }
  return out;
}
