// The figure registry: every figure a document, screen or chart quotes, counted for one period by the area that owns
// the records, under one exact name (shared/domain/summary-figures.ts says what each counts; docs/DEVELOPING.md lists
// them). Other areas call figuresFor / listsFor, never the providers or the tables.
import { yearPeriod, type Period } from '../../../shared/domain/period';
import type { Figures, SummaryLists } from '../../../shared/domain/summary';
import type { AppContext } from '../workstation';

/**
 * Every area's figures for the period, each with the same figure for the period a year earlier (previousPeriod) and
 * where it comes from. Names are prefixed by area, so they never collide.
 */
export async function figuresFor(ctx: AppContext, period: Period): Promise<Figures> {
  const out: Figures = {};
  for (const c of await ctx.areas.summary())
    for (const provide of c.figures) Object.assign(out, await provide(ctx, period));
  return out;
}

/** The lists the 总结's text quotes (trainings, tasks, publications …), counted for the period like the figures. */
export async function listsFor(ctx: AppContext, period: Period): Promise<SummaryLists> {
  const out: SummaryLists = {};
  for (const c of await ctx.areas.summary())
    for (const provide of c.lists ?? []) Object.assign(out, await provide(ctx, period));
  return out;
}

/** The year's figures (`summary --json`'s contract): figuresFor the whole year. */
export function collectFigures(ctx: AppContext, year: number): Promise<Figures> {
  return figuresFor(ctx, yearPeriod(year));
}
