// Records of the year a 佐证材料 link can point at, for the pickers (newest first, at most 200).
import type { EvidenceKind } from '../../../shared/domain/selfcheck';
import type { AppContext } from '../workstation';

export async function evidenceOptions(
  ctx: AppContext,
  year: number,
  kind: EvidenceKind,
): Promise<{ id: number; title: string }[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  switch (kind) {
    case 'task':
      return (
        await ctx.db
          .selectFrom('plan_task as t')
          .innerJoin('plan as p', 'p.id', 't.plan_id')
          .select(['t.id', 't.title', 't.status'])
          .where('p.year', '=', year)
          .orderBy('t.sort_order')
          .limit(200)
          .execute()
      ).map((t) => ({ id: t.id, title: `${t.title}（${t.status}）` }));
    case 'progress':
      return (
        await ctx.db
          .selectFrom('plan_progress as g')
          .innerJoin('plan_task as t', 't.id', 'g.task_id')
          .select(['g.id', 'g.date', 'g.text', 't.title'])
          .where('g.date', '>=', from)
          .where('g.date', '<=', to)
          .orderBy('g.date', 'desc')
          .limit(200)
          .execute()
      ).map((g) => ({ id: g.id, title: `${g.date} ${g.title}：${g.text.slice(0, 30)}` }));
    case 'training':
      return (
        await ctx.db
          .selectFrom('training')
          .select(['id', 'date', 'title'])
          .where('date', '>=', from)
          .where('date', '<=', to)
          .orderBy('date', 'desc')
          .limit(200)
          .execute()
      ).map((t) => ({ id: t.id, title: `${t.date} ${t.title}` }));
    case 'ab_change':
      return (
        await ctx.db
          .selectFrom('ab_change as c')
          .innerJoin('ab_post as p', 'p.id', 'c.post_id')
          .select(['c.id', 'c.change_date', 'c.filed_date', 'p.name'])
          .where('c.change_date', '>=', from)
          .where('c.change_date', '<=', to)
          .orderBy('c.change_date', 'desc')
          .limit(200)
          .execute()
      ).map((c) => ({ id: c.id, title: `${c.change_date} ${c.name}${c.filed_date ? '（已备案）' : '（未备案）'}` }));
    default:
      // 信息发布登记 (publication) gets its picker when that area lands; files and links are not picked from a list.
      return [];
  }
}
