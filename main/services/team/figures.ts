// The 政务公开队伍 area's figures for the 工作总结 and every other reader of figures, for a period: trainings dated in it
// (held ones: count, 专题, hours, attendance; planned ones), and the AB岗 (posts and holders at the period's end,
// changes, absences and 备案 dated in it).
import { todayOf } from '../../../shared/domain/dates';
import type { Period } from '../../../shared/domain/period';
import { SPECIAL_TRAINING_KIND, hoursFromTenths } from '../../../shared/domain/training';
import { trainingRequirement } from './training';
import { abRolesOn } from './left';
import { countedProvider, pairFigures, type FigureProvider, type ListProvider } from '../summary/provider';
import { previousPeriod } from '../../../shared/domain/period';
import type { AppContext } from '../workstation';

async function trainingPeriod(ctx: AppContext, period: Period): Promise<Record<string, number> | null> {
  const rows = await ctx.db
    .selectFrom('training')
    .select(['id', 'kind', 'status', 'hours_tenths'])
    .where('date', '>=', period.from)
    .where('date', '<=', period.to)
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

/** A training register with nothing dated in the period. */
const NO_TRAININGS: Record<string, number> = {
  'training.count': 0,
  'training.special': 0,
  'training.hours': 0,
  'training.attendance': 0,
  'training.people': 0,
  'training.planned': 0,
};

/**
 * A period with no training records at all gives no figures (rather than a "0次" nobody recorded), except a year
 * with a training requirement set: its 0 trainings are what the requirement is measured against, and the 总结 must
 * say the requirement was not met (the 培训台账 says so from the same verdict).
 */
export const trainingFigures: FigureProvider = async (ctx, period) => {
  // The year's requirement (专题培训次数, 人均学时 in 设置) is annual: the training screen's own verdict.
  const req = period.kind === 'year' ? await trainingRequirement(ctx, period.year) : null;
  const required = !!req && (req.minSpecial > 0 || req.minHours > 0);
  const cur = (await trainingPeriod(ctx, period)) ?? (required ? NO_TRAININGS : null);
  if (!cur) return {};
  const out = pairFigures(period, cur, await trainingPeriod(ctx, previousPeriod(period)));
  if (req) {
    // What the requirement is, too: a 总结 names only the parts that are set (no 人均学时 check when there is none).
    Object.assign(
      out,
      pairFigures(
        period,
        {
          'training.requirementMet': req.met ? '已达到' : '未达到',
          'training.requiredSpecial': req.minSpecial,
          'training.requiredHours': req.minHours,
          'training.shortOfHours': req.shortOfHours.length,
        },
        null,
      ),
    );
  }
  return out;
};

export const trainingLists: ListProvider = async (ctx, period) => {
  const rows = await ctx.db
    .selectFrom('training')
    .select(['date', 'title', 'kind', 'form', 'hours_tenths'])
    .where('status', '=', '已举办')
    .where('date', '>=', period.from)
    .where('date', '<=', period.to)
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

async function abPeriod(ctx: AppContext, period: Period): Promise<Record<string, number> | null> {
  // Holders on the period's last day: someone marked 离岗 without a 交接 no longer fills a post (./left.ts).
  const roles = await abRolesOn(ctx, period.to);
  if (!roles) return null;
  const { holders } = roles;
  const filled = roles.posts - new Set(roles.gaps.map((g) => g.post)).size;
  const changes = await ctx.db
    .selectFrom('ab_change')
    .select(['filing_due', 'filed_date'])
    .where('change_date', '>=', period.from)
    .where('change_date', '<=', period.to)
    .execute();
  const absences = await ctx.db
    .selectFrom('ab_absence')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('start_date', '>=', period.from)
    .where('start_date', '<=', period.to)
    .executeTakeFirstOrThrow();
  const filedBy = (r: { filed_date: string | null }) => r.filed_date !== null && r.filed_date <= period.to;
  // A 备案 not yet made is late only once its time limit has passed (by the period's end, and not after today).
  const today = todayOf(ctx);
  const asOf = period.to < today ? period.to : today;
  return {
    'ab.posts': roles.posts,
    'ab.postsFilled': filled,
    'ab.holders': new Set(holders.map((h) => h.staffId)).size,
    'ab.absences': Number(absences.n),
    'ab.changes': changes.length,
    'ab.filed': changes.filter(filedBy).length,
    'ab.filedOnTime': changes.filter((r) => filedBy(r) && r.filed_date! <= r.filing_due).length,
    'ab.unfiled': changes.filter((r) => !filedBy(r)).length,
    'ab.filedLate': changes.filter((r) => filedBy(r) && r.filed_date! > r.filing_due).length,
    'ab.filingOverdue': changes.filter((r) => !filedBy(r) && r.filing_due < asOf).length,
    'ab.filingPending': changes.filter((r) => !filedBy(r) && r.filing_due >= asOf).length,
  };
}

export const abFigures = countedProvider(abPeriod);

/** The roles nobody on duty holds at the period's end (vacant, or held by someone who has left), post by post. */
export const abLists: ListProvider = async (ctx, period) => {
  const roles = await abRolesOn(ctx, period.to);
  return roles?.gaps.length ? { abGaps: roles.gaps } : {};
};
