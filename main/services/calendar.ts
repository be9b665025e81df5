// The working-day calendar every area counts its time limits on (tasks, 备案, 依申请 answers, 整改), with the user's
// 放假/调休 overrides and the due-soon threshold of the lights, read from the setting table. Most limits are counted
// when read; a date an area stored (the 备案 due date of an AB change) is counted again by the area's follower when the
// user changes the calendar, in the same transaction.
import type { Transaction } from 'kysely';
import { z } from 'zod';
import {
  coverageWarning,
  createWorkingDayCalendar,
  packageDataYears,
  workingDayOverrideSchema,
  yearCoverage,
  type WorkingDayCalendar,
  type WorkingDayOverride,
} from '../../shared/domain/working-days';
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import { recordAudit } from './audit';
import { getSetting, SettingKey } from './settings';
import type { Database } from '../db/schema';
import type { AppContext } from './workstation';

/**
 * What an area does when the calendar changes (NodeArea.calendarFollower): counts the dates it stored on the old
 * calendar again on the new one, in the save's transaction (with its own audit entries), and returns one sentence per
 * date it moved, for the user.
 */
export type CalendarFollower = (
  trx: Transaction<Database>,
  ctx: AppContext,
  calendars: { before: WorkingDayCalendar; after: WorkingDayCalendar },
) => Promise<string[]>;

export const DEFAULT_DUE_SOON_DAYS = 5;

function parseOverrides(raw: string | null): WorkingDayOverride[] {
  if (!raw) return [];
  try {
    const parsed = z.array(workingDayOverrideSchema).safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

async function readOverrides(ctx: AppContext): Promise<WorkingDayOverride[]> {
  return parseOverrides(await getSetting(ctx, SettingKey.calendarOverrides));
}

// The calendar memoises running counts per year; keep one per distinct overrides text so lists reuse it.
let cached: { raw: string; cal: WorkingDayCalendar } | null = null;

/** The calendar for the stored overrides text (the setting's raw value). */
export function calendarFor(raw: string | null): WorkingDayCalendar {
  const key = raw ?? '';
  if (cached?.raw !== key) cached = { raw: key, cal: createWorkingDayCalendar(parseOverrides(raw)) };
  return cached.cal;
}

export async function loadCalendar(ctx: AppContext): Promise<WorkingDayCalendar> {
  return calendarFor(await getSetting(ctx, SettingKey.calendarOverrides));
}

export async function dueSoonDays(ctx: AppContext): Promise<number> {
  const n = Number(await getSetting(ctx, SettingKey.planDueSoonDays));
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_DUE_SOON_DAYS;
}

interface CalendarSettings {
  overrides: WorkingDayOverride[];
  dueSoonDays: number;
  packageYears: number[];
  /** The working year and the next: where their holidays come from. */
  coverage: { year: number; source: 'package' | 'overrides' | 'none' }[];
  warning: string | null;
}

export async function getCalendarSettings(ctx: AppContext, year: number): Promise<CalendarSettings> {
  const overrides = await readOverrides(ctx);
  const cal = createWorkingDayCalendar(overrides);
  const years = [year, year + 1];
  const pkg = packageDataYears();
  return {
    overrides,
    dueSoonDays: await dueSoonDays(ctx),
    packageYears: [pkg[0], pkg[pkg.length - 1]],
    coverage: years.map((y) => ({ year: y, source: yearCoverage(y, cal) })),
    warning: coverageWarning([year], cal),
  };
}

/** Saves the calendar; returns a sentence for every stored date the areas counted again on it (CalendarFollower). */
export async function saveCalendarSettings(
  ctx: AppContext,
  input: { overrides: WorkingDayOverride[]; dueSoonDays: number },
): Promise<string[]> {
  if (!Number.isInteger(input.dueSoonDays) || input.dueSoonDays < 1 || input.dueSoonDays > 60) {
    throw new AppError(ErrorCode.VALIDATION, '“即将到期”的提前工作日数应为1到60之间的整数。');
  }
  const sorted = [...new Map(input.overrides.map((o) => [o.date, o])).values()].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  let after: WorkingDayCalendar;
  try {
    after = createWorkingDayCalendar(sorted);
  } catch (e) {
    throw new AppError(ErrorCode.VALIDATION, `工作日历中有无效日期：${(e as Error).message}`);
  }
  const followers = await ctx.areas.calendarFollowers();
  return ctx.db.transaction().execute(async (trx) => {
    const stored = await trx
      .selectFrom('setting')
      .select('value')
      .where('key', '=', SettingKey.calendarOverrides)
      .executeTakeFirst();
    const before = createWorkingDayCalendar(parseOverrides(stored?.value ?? null));
    for (const [key, value] of [
      [SettingKey.calendarOverrides, JSON.stringify(sorted)],
      [SettingKey.planDueSoonDays, String(input.dueSoonDays)],
    ]) {
      await trx
        .insertInto('setting')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    }
    const recounted: string[] = [];
    for (const follow of followers) recounted.push(...(await follow(trx, ctx, { before, after })));
    await recordAudit(trx, ctx, {
      entity: 'calendar',
      entityId: null,
      action: 'update',
      summary:
        `更新工作日历：${sorted.length} 个自定日期，提前 ${input.dueSoonDays} 个工作日提醒` +
        (recounted.length ? `；按新日历重算${recounted.length}项日期` : ''),
    });
    return recounted;
  });
}
