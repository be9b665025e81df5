// People marked 离岗 in 人员 who still hold an AB岗 (no 人员变动 recorded): from which day they are off duty. The staff
// status is today's, so the day comes from the record's 修改记录 (the last change of its 状态 to 离岗); a record whose
// trail does not say (changed outside the workstation) is taken as 离岗 from today. A holding handed over (ended by a
// 人员变动) keeps its own dates: only a holding still open is affected.
import { todayOf } from '../../../shared/domain/dates';
import type { AbGap, AbRole } from '../../../shared/domain/ab';
import type { AppContext } from '../workstation';

/** 离岗 people, each with the first day they count as gone. */
export async function leftStaff(ctx: AppContext): Promise<Map<number, string>> {
  const left = await ctx.db.selectFrom('staff').select('id').where('status', '=', '离岗').execute();
  const out = new Map<number, string>();
  if (!left.length) return out;
  const today = todayOf(ctx);
  const trail = await ctx.db
    .selectFrom('audit_log')
    .select(['entity_id', 'at', 'changes'])
    .where('entity', '=', 'staff')
    .where(
      'entity_id',
      'in',
      left.map((s) => s.id),
    )
    .where('changes', 'like', '%"status"%')
    .orderBy('id')
    .execute();
  for (const s of left) out.set(s.id, today);
  for (const t of trail) {
    try {
      const to = (JSON.parse(t.changes ?? '{}') as { status?: { to?: unknown } }).status?.to;
      if (to === '离岗' && t.at.slice(0, 10) < today) out.set(t.entity_id!, t.at.slice(0, 10));
    } catch {
      // A trail entry that is not ours to read leaves the default.
    }
  }
  return out;
}

/** Whether an open holding's holder is gone on `day` (离岗 by then, the holding never handed over). */
export function goneOn(left: ReadonlyMap<number, string>, staffId: number, day: string): boolean {
  const since = left.get(staffId);
  return since !== undefined && since <= day;
}

/** The active posts' roles on `day`: who holds them on duty, and the gaps (vacant, or held by someone gone). */
export async function abRolesOn(
  ctx: AppContext,
  day: string,
): Promise<{ posts: number; holders: { postId: number; role: AbRole; staffId: number }[]; gaps: AbGap[] } | null> {
  const posts = await ctx.db
    .selectFrom('ab_post')
    .select(['id', 'name'])
    .where('active', '=', 1)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  if (!posts.length) return null;
  const holdings = await ctx.db
    .selectFrom('ab_holding as h')
    .innerJoin('staff as s', 's.id', 'h.staff_id')
    .select(['h.post_id', 'h.role', 'h.staff_id', 'h.end_date', 's.name'])
    .where('h.start_date', '<=', day)
    .where((eb) => eb.or([eb('h.end_date', 'is', null), eb('h.end_date', '>', day)]))
    .where(
      'h.post_id',
      'in',
      posts.map((p) => p.id),
    )
    .execute();
  // A day before anyone held a post has nothing to say (the year before the AB岗 were set up).
  if (!holdings.length) return null;
  const left = await leftStaff(ctx);
  const gone = (h: (typeof holdings)[number]) => h.end_date === null && goneOn(left, h.staff_id, day);
  const holders = holdings
    .filter((h) => !gone(h))
    .map((h) => ({ postId: h.post_id, role: h.role, staffId: h.staff_id }));
  const gaps: AbGap[] = [];
  for (const p of posts)
    for (const role of ['A', 'B'] as const) {
      if (holders.some((h) => h.postId === p.id && h.role === role)) continue;
      const goneHolder = holdings.find((h) => h.post_id === p.id && h.role === role && gone(h));
      gaps.push({ post: p.name, role, leftName: goneHolder?.name ?? null });
    }
  return { posts: posts.length, holders, gaps };
}
