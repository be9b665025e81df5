// The 上级要点 area's part of the 工作总结: how many higher-level documents the year's plan answers (a record of the
// period's year), and once next year's 要点 are imported, their top-level titles for 三、下一步工作打算 (whole-year
// summaries only: a half-year summary plans the second half of the same year).
import { countedProvider, type ListProvider } from '../summary/provider';
import type { AppContext } from '../workstation';

async function documentCount(ctx: AppContext, year: number): Promise<number> {
  const r = await ctx.db
    .selectFrom('source_document')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export const pointsFigures = countedProvider(async (ctx, period) => {
  const n = await documentCount(ctx, period.year);
  return n ? { 'points.documents': n } : null;
});

export const pointsLists: ListProvider = async (ctx, period) => {
  if (period.kind !== 'year') return {};
  const rows = await ctx.db
    .selectFrom('work_point as w')
    .innerJoin('source_document as d', 'd.id', 'w.document_id')
    .select(['w.title', 'w.text'])
    .where('d.year', '=', period.year + 1)
    .where('w.parent_id', 'is', null)
    .orderBy('d.id')
    .orderBy('w.seq')
    .limit(12)
    .execute();
  const titles = rows.map((r) => (r.title || r.text).trim()).filter(Boolean);
  return titles.length ? { nextYearPoints: titles } : {};
};
