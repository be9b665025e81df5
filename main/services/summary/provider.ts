// What an area gives the 工作总结 and every other reader of figures: its figures for a period (with the same figure
// for the period one year earlier beside each), and optionally lists the text quotes (trainings, tasks, publications …).
// Each area keeps its providers in its own service folder (figures.ts) and names them in its manifest's `summary`
// field (main/areas/define.ts); figuresFor (./figures.ts) merges them. Names and what they count: shared/domain/summary-figures.ts.
import { previousPeriod, type Period } from '../../../shared/domain/period';
import { FIGURE_CATALOG, figureSource } from '../../../shared/domain/summary-figures';
import type { Figure, SummaryLists } from '../../../shared/domain/summary';
import type { AppContext } from '../workstation';

/** An area's figures for `period`: `{ value, previous (same period a year earlier, or null), source }`. */
export type FigureProvider = (ctx: AppContext, period: Period) => Promise<Record<string, Figure>>;

/** Lists for the text, counted for the period like the figures; every field optional. */
export type ListProvider = (ctx: AppContext, period: Period) => Promise<Partial<SummaryLists>>;

/** An area's part of the 工作总结. */
export interface SummaryContribution {
  figures: FigureProvider[];
  lists?: ListProvider[];
}

type Values = Record<string, number | string | null>;

/**
 * Pairs this period's and the previous period's values; the source is the catalogue's, for this period. A figure of
 * today's state (scope `current`) has no value a year earlier: its previous is null.
 */
export function pairFigures(period: Period, current: Values, previous: Values | null): Record<string, Figure> {
  const out: Record<string, Figure> = {};
  for (const [key, value] of Object.entries(current)) {
    const dated = FIGURE_CATALOG[key]?.scope !== 'current';
    out[key] = {
      value,
      previous: dated && previous && key in previous ? previous[key] : null,
      source: figureSource(key, period),
    };
  }
  return out;
}

/**
 * A provider from a counting function: counts the period and the one a year earlier (null = no records then, so the
 * figures are left out, or "previous" is null).
 */
export function countedProvider(count: (ctx: AppContext, period: Period) => Promise<Values | null>): FigureProvider {
  return async (ctx, period) => {
    const now = await count(ctx, period);
    if (!now) return {};
    return pairFigures(period, now, await count(ctx, previousPeriod(period)));
  };
}
