// The 政务公开队伍 area's figures for the 工作总结: trainings (held ones: count, 专题, hours, attendance) and the AB岗
// (posts, who holds them, changes in the year and whether their 备案 was on time).
import { SPECIAL_TRAINING_KIND, hoursFromTenths } from '../../../shared/domain/training';
import { trainingRequirement } from './training';
import { pairFigures, type FigureProvider, type ListProvider } from '../summary/provider';
import type { AppContext } from '../workstation';

const range = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

async function trainingYear(ctx: AppContext, year: number): Promise<Record<string, number> | null> {
  const [from, to] = range(year);
  const rows = await ctx.db
    .selectFrom('training')
    .select(['id', 'kind', 'status', 'hours_tenths'])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
  if (!rows.length) return null;
  const held = rows.filter((r) => r.status === '已举办');
  const present = held.length
    ? await ctx.db
        .selectFrom('training_attendee')
        .select(['staff_id'])
        .where('present', '=', 1)
        .where(
          'training_id',
          'in',
          held.map((r) => r.id),
        )
        .execute()
    : [];
  return {
    'training.count': held.length,
    'training.special': held.filter((r) => r.kind === SPECIAL_TRAINING_KIND).length,
    'training.hours': hoursFromTenths(held.reduce((a, r) => a + r.hours_tenths, 0)),
    'training.attendance': present.length,
    'training.people': new Set(present.map((p) => p.staff_id)).size,
    'training.planned': rows.length - held.length,
  };
}

const TRAINING_SOURCES: Record<string, string> = {
  'training.count': '培训台账中已举办的培训',
  'training.special': '已举办的培训中类别为“政务公开专题培训”的',
  'training.hours': '已举办培训的学时合计',
  'training.attendance': '已举办培训的实到人次（签到为出席的）',
  'training.people': '参加过已举办培训的人数（同一人只计一次）',
  'training.planned': '培训台账中状态为“计划”的培训',
};

/** A year with no training records at all gives no figures (rather than a "0次" nobody recorded). */
export const trainingFigures: FigureProvider = async (ctx, year) => {
  const cur = await trainingYear(ctx, year);
  if (!cur) return {};
  const out = pairFigures(cur, await trainingYear(ctx, year - 1), TRAINING_SOURCES);
  // Whether the year's requirement (专题培训次数, 人均学时 in 设置) is met: the training screen's own verdict.
  const req = await trainingRequirement(ctx, year);
  out['training.requirementMet'] = {
    value: req.met ? '已达到' : '未达到',
    previous: null,
    source: '年度培训要求（设置中的专题培训次数和人均学时）是否达到',
  };
  return out;
};

export const trainingLists: ListProvider = async (ctx, year) => {
  const [from, to] = range(year);
  const rows = await ctx.db
    .selectFrom('training')
    .select(['date', 'title', 'kind', 'form', 'hours_tenths'])
    .where('status', '=', '已举办')
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .orderBy('id')
    .execute();
  return rows.length
    ? {
        trainings: rows.map((r) => ({
          date: r.date,
          title: r.title,
          kind: r.kind,
          form: r.form,
          hours: hoursFromTenths(r.hours_tenths),
        })),
      }
    : {};
};

async function changesOfYear(ctx: AppContext, year: number): Promise<Record<string, number>> {
  const [from, to] = range(year);
  const rows = await ctx.db
    .selectFrom('ab_change')
    .select(['filing_due', 'filed_date'])
    .where('change_date', '>=', from)
    .where('change_date', '<=', to)
    .execute();
  const absences = await ctx.db
    .selectFrom('ab_absence')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('start_date', '>=', from)
    .where('start_date', '<=', to)
    .executeTakeFirstOrThrow();
  return {
    'ab.absences': Number(absences.n),
    'ab.changes': rows.length,
    'ab.filed': rows.filter((r) => r.filed_date !== null).length,
    'ab.filedOnTime': rows.filter((r) => r.filed_date !== null && r.filed_date <= r.filing_due).length,
    'ab.unfiled': rows.filter((r) => r.filed_date === null).length,
  };
}

const AB_SOURCES: Record<string, string> = {
  'ab.posts': 'AB岗设置中启用的岗位（当前）',
  'ab.postsFilled': '当前A岗、B岗都有人的岗位',
  'ab.holders': '当前担任A岗或B岗的人数（同一人只计一次）',
  'ab.absences': '该年度开始的不在岗登记（出差、休假等）',
  'ab.changes': '该年度的岗位人员变动记录',
  'ab.filed': '该年度人员变动中已备案的',
  'ab.filedOnTime': '该年度人员变动中在备案时限内备案的',
  'ab.unfiled': '该年度人员变动中尚未备案的',
};

/** Posts and holders are today's (history has no per-year snapshot of posts); changes and 备案 are per year. */
export const abFigures: FigureProvider = async (ctx, year) => {
  const posts = await ctx.db.selectFrom('ab_post').select(['id']).where('active', '=', 1).execute();
  if (!posts.length) return {};
  const holdings = await ctx.db
    .selectFrom('ab_holding')
    .select(['post_id', 'role', 'staff_id'])
    .where('end_date', 'is', null)
    .where(
      'post_id',
      'in',
      posts.map((p) => p.id),
    )
    .execute();
  const filled = posts.filter(
    (p) =>
      holdings.some((h) => h.post_id === p.id && h.role === 'A') &&
      holdings.some((h) => h.post_id === p.id && h.role === 'B'),
  );
  // Last year counts only when the posts were already held then.
  const heldBefore = await ctx.db
    .selectFrom('ab_holding')
    .select('id')
    .where('start_date', '<=', `${year - 1}-12-31`)
    .limit(1)
    .executeTakeFirst();
  const current = {
    'ab.posts': posts.length,
    'ab.postsFilled': filled.length,
    'ab.holders': new Set(holdings.map((h) => h.staff_id)).size,
    ...(await changesOfYear(ctx, year)),
  };
  return pairFigures(current, heldBefore ? await changesOfYear(ctx, year - 1) : null, AB_SOURCES);
};
