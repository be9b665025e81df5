// Shared pieces of the 信息公开 area: today, the working-day calendar (the plan area's, with the user's overrides),
// the report due date setting, and how a failed constraint becomes a Chinese message.
import type { WorkingDayCalendar } from '../../../shared/domain/working-days';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { dueSoonDays, loadCalendar } from '../calendar';
import { todayOf } from '../../../shared/domain/dates';
import { getSetting, workingYear } from '../settings';
import type { AppContext } from '../workstation';

export { todayOf, workingYear };

export const DISCLOSURE_SETTING = {
  /** MM-DD of the internal due date for last year's report (default 01-31, 条例第四十九条). */
  reportDue: 'disclosure.reportDue',
  /** JSON { "<a website's 栏目 name>": <publication_column id> }: the 栏目 mapping chosen on earlier imports. */
  columnMap: 'disclosure.columnMap',
} as const;

export async function calendarAndSoon(ctx: AppContext): Promise<{ cal: WorkingDayCalendar; soon: number }> {
  return { cal: await loadCalendar(ctx), soon: await dueSoonDays(ctx) };
}

export async function reportDueMonthDay(ctx: AppContext): Promise<string> {
  const v = await getSetting(ctx, DISCLOSURE_SETTING.reportDue);
  return v && /^01-(0[1-9]|[12]\d|3[01])$/.test(v) ? v : '01-31';
}

export async function bureauName(ctx: AppContext): Promise<string> {
  const b = await ctx.db.selectFrom('bureau').select(['full_name']).executeTakeFirst();
  return b?.full_name || '本单位';
}

/** A unique or foreign-key failure as the user's sentence; anything else is rethrown. */
export function constraintError(e: unknown, what: { unique?: string; inUse?: string }): never {
  const code = (e as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_CONSTRAINT_UNIQUE') && what.unique) throw new AppError(ErrorCode.CONFLICT, what.unique);
  // ON DELETE RESTRICT fires as a trigger: SQLite reports it as SQLITE_CONSTRAINT_TRIGGER, not _FOREIGNKEY.
  const fk =
    code === 'SQLITE_CONSTRAINT_FOREIGNKEY' ||
    (code === 'SQLITE_CONSTRAINT_TRIGGER' && /FOREIGN KEY/i.test((e as Error).message));
  if (fk && what.inUse) throw new AppError(ErrorCode.IN_USE, what.inUse);
  throw e;
}

export function yearRange(year: number): [string, string] {
  return [`${year}-01-01`, `${year}-12-31`];
}
