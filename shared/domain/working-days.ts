// 工作日历: mainland China working days (法定节假日 + 调休上班日) for deadlines such as "5个工作日内".
//
// Data comes from the `chinese-days` package (State Council notices, 2004-2026 in 1.5.7). That package answers
// any date, even for years it has no data for (it then treats every Mon-Fri as a working day), so coverage is
// checked explicitly: a year counts as known when the package has its 元旦 holiday, or when the user entered that
// year's notice as overrides. Overrides always win over the package.
//
// All dates are ISO `YYYY-MM-DD` strings. Arithmetic is done on UTC day numbers, so the result never depends on the
// computer's time zone (see packageYears below for why the package's own date functions are not used).
//
// Usage:
//   const cal = createWorkingDayCalendar(overrides);   // overrides from settings; [] when none
//   addWorkingDays('2025-01-24', 5, cal)               // '2025-02-07' (skips 春节, counts 调休 Sunday 01-26)
//   countWorkingDays('2025-01-24', '2025-02-07', cal)  // 5: days in (from, to]
//   isWorkingDay('2025-02-08', cal)                    // true: 调休 Saturday
//   nextWorkingDay('2024-09-30', cal)                  // '2024-10-08'
//   uncoveredYears([2026, 2027], cal)                  // [2027] unless the user entered 2027
//   calendarGapNote('2026-12-20', '2027-01-18', cal)   // a sentence for the record: 2027 counted as weekdays only
import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { z } from 'zod';

export type IsoDate = string;

const WORKING_DAY_OVERRIDE_KINDS = ['workday', 'holiday'] as const;
type WorkingDayOverrideKind = (typeof WORKING_DAY_OVERRIDE_KINDS)[number];

export const workingDayOverrideSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  kind: z.enum(WORKING_DAY_OVERRIDE_KINDS),
  /** What the day is, e.g. "春节" or "春节调休上班". */
  note: z.string().max(40).optional(),
});
/** A day the user sets by hand: a holiday (放假) or a working day (上班, e.g. an adjusted Saturday). */
export type WorkingDayOverride = z.infer<typeof workingDayOverrideSchema>;

/** The calendar the functions below take. Build it with createWorkingDayCalendar(); treat it as read-only. */
export interface WorkingDayCalendar {
  readonly overrides: ReadonlyMap<IsoDate, WorkingDayOverride>;
  /** Years the user entered at least one holiday for (their notice is taken as complete). */
  readonly overrideYears: ReadonlySet<number>;
  /** Memo: per year, the running count of working days (index = day of year, 0-based). Internal. */
  readonly runningCounts: Map<number, Uint16Array>;
}

const DAY_MS = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number (days since 1970-01-01) of an ISO date; throws on malformed or impossible dates. */
export function toDayNumber(date: IsoDate): number {
  const m = ISO_RE.exec(date);
  if (!m) throw new RangeError(`日期格式应为 YYYY-MM-DD：${date}`);
  const y = Number(m[1]),
    mo = Number(m[2]),
    d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`不存在的日期：${date}`);
  }
  return Math.round(t / DAY_MS);
}

function fromDayNumber(n: number): IsoDate {
  const d = new Date(n * DAY_MS);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** Adds calendar days. */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** The package's special days of one year: holidays (weekday or weekend) and weekend working days, with names. */
interface YearData {
  holidays: Map<IsoDate, string>;
  workdays: Map<IsoDate, string>;
}

/** Chinese name from the package's "English,中文,n" detail text. */
function chineseName(name: string): string {
  const parts = name.split(',');
  return parts.length >= 2 ? parts[1] : name;
}

// The package's published data file, not its date functions: those build their tables by parsing "2025-1-28" as
// UTC and reading it back in local time, which shifts every holiday by a day on a computer west of Greenwich.
const packageYears: ReadonlyMap<number, YearData> = (() => {
  const years = new Map<number, YearData>();
  const get = (y: number) => {
    let d = years.get(y);
    if (!d) years.set(y, (d = { holidays: new Map(), workdays: new Map() }));
    return d;
  };
  const data = chineseDaysData as { holidays: Record<string, string>; workdays: Record<string, string> };
  for (const [date, name] of Object.entries(data.holidays)) get(yearOf(date)).holidays.set(date, chineseName(name));
  for (const [date, name] of Object.entries(data.workdays))
    get(yearOf(date)).workdays.set(date, `${chineseName(name)}调休上班`);
  // A year counts as known only when its notice is in: every notice makes 1月1日 a holiday.
  for (const [y, d] of [...years]) if (!d.holidays.has(`${y}-01-01`)) years.delete(y);
  return years;
})();

function packageYear(year: number): YearData | null {
  return packageYears.get(year) ?? null;
}

/** The years the bundled package has holiday data for, ascending. */
export function packageDataYears(): number[] {
  return [...packageYears.keys()].sort((a, b) => a - b);
}

/** Builds a calendar from the user's overrides (later entries for the same date win). */
export function createWorkingDayCalendar(overrides: readonly WorkingDayOverride[] = []): WorkingDayCalendar {
  const map = new Map<IsoDate, WorkingDayOverride>();
  const years = new Set<number>();
  for (const o of overrides) {
    toDayNumber(o.date);
    map.set(o.date, o);
  }
  for (const o of map.values()) if (o.kind === 'holiday') years.add(yearOf(o.date));
  return { overrides: map, overrideYears: years, runningCounts: new Map() };
}

const defaultCalendar = createWorkingDayCalendar();

/** Whether the date is a working day: override, else the package's holidays and 调休, else Monday-Friday. */
export function isWorkingDay(date: IsoDate, cal: WorkingDayCalendar = defaultCalendar): boolean {
  const o = cal.overrides.get(date);
  if (o) return o.kind === 'workday';
  const n = toDayNumber(date);
  const data = packageYear(yearOf(date));
  if (data) {
    if (data.holidays.has(date)) return false;
    if (data.workdays.has(date)) return true;
  }
  const wd = (((n + 4) % 7) + 7) % 7;
  return wd !== 0 && wd !== 6;
}

/** What kind of day it is, for display: 工作日 / 周末 / a holiday name / "春节调休上班" / the user's note. */
export function describeDay(
  date: IsoDate,
  cal: WorkingDayCalendar = defaultCalendar,
): { working: boolean; name: string } {
  const o = cal.overrides.get(date);
  if (o) return { working: o.kind === 'workday', name: o.note || (o.kind === 'workday' ? '调休上班' : '放假') };
  const data = packageYear(yearOf(date));
  const h = data?.holidays.get(date);
  if (h) return { working: false, name: h };
  const w = data?.workdays.get(date);
  if (w) return { working: true, name: w };
  const working = isWorkingDay(date, cal);
  return { working, name: working ? '工作日' : '周末' };
}

/**
 * The n-th working day after `date` (the date itself is not counted); n < 0 counts backwards; n = 0 returns the date.
 * "变动后5个工作日内备案" for a change on 2025-01-24 gives addWorkingDays('2025-01-24', 5) = '2025-02-07'.
 */
export function addWorkingDays(date: IsoDate, n: number, cal: WorkingDayCalendar = defaultCalendar): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`工作日数应为整数：${n}`);
  let day = toDayNumber(date);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let guard = 0;
  while (left > 0) {
    day += step;
    if (isWorkingDay(fromDayNumber(day), cal)) left--;
    if (++guard > 100_000) throw new RangeError('工作日计算超出范围');
  }
  return fromDayNumber(day);
}

/**
 * Working days in the half-open range (from, to]: countWorkingDays(d, addWorkingDays(d, n)) === n.
 * Negative when `to` is before `from` (then it counts (to, from] and negates).
 */
export function countWorkingDays(from: IsoDate, to: IsoDate, cal: WorkingDayCalendar = defaultCalendar): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  if (b < a) return -countWorkingDays(to, from, cal);
  // Running counts per year make this O(years) rather than O(days): task lists compute it for every task.
  const origin = new Date(a * DAY_MS).getUTCFullYear();
  return workingDaysThrough(b, origin, cal) - workingDaysThrough(a, origin, cal);
}

const YEAR_START = new Map<number, number>();
function yearStart(year: number): number {
  let n = YEAR_START.get(year);
  if (n === undefined) YEAR_START.set(year, (n = Math.round(Date.UTC(year, 0, 1) / DAY_MS)));
  return n;
}

function runningCounts(year: number, cal: WorkingDayCalendar): Uint16Array {
  let counts = cal.runningCounts.get(year);
  if (!counts) {
    const start = yearStart(year);
    const days = yearStart(year + 1) - start;
    counts = new Uint16Array(days);
    let c = 0;
    for (let i = 0; i < days; i++) {
      if (isWorkingDay(fromDayNumber(start + i), cal)) c++;
      counts[i] = c;
    }
    cal.runningCounts.set(year, counts);
  }
  return counts;
}

/** Working days from 1 January of `originYear` through day n inclusive. */
function workingDaysThrough(n: number, originYear: number, cal: WorkingDayCalendar): number {
  const year = new Date(n * DAY_MS).getUTCFullYear();
  let total = 0;
  for (let y = originYear; y < year; y++) {
    const counts = runningCounts(y, cal);
    total += counts[counts.length - 1];
  }
  return total + runningCounts(year, cal)[n - yearStart(year)];
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate, cal: WorkingDayCalendar = defaultCalendar): IsoDate {
  return addWorkingDays(date, 1, cal);
}

/** `date` itself when it is a working day, else the next one (a deadline falling on a holiday moves to it). */
export function workingDayOnOrAfter(date: IsoDate, cal: WorkingDayCalendar = defaultCalendar): IsoDate {
  return isWorkingDay(date, cal) ? date : nextWorkingDay(date, cal);
}

type YearCoverage = 'package' | 'overrides' | 'none';

/** Where a year's holidays come from: the bundled package, the user's overrides, or nowhere (only weekends known). */
export function yearCoverage(year: number, cal: WorkingDayCalendar = defaultCalendar): YearCoverage {
  if (cal.overrideYears.has(year)) return 'overrides';
  return packageYear(year) ? 'package' : 'none';
}

/** The years among `years` whose holidays are unknown (sorted, without repeats). */
export function uncoveredYears(years: Iterable<number>, cal: WorkingDayCalendar = defaultCalendar): number[] {
  return [...new Set(years)].filter((y) => yearCoverage(y, cal) === 'none').sort((a, b) => a - b);
}

/** A Chinese warning for the user when any of the years lacks holiday data, else null. */
export function coverageWarning(years: Iterable<number>, cal: WorkingDayCalendar = defaultCalendar): string | null {
  const missing = uncoveredYears(years, cal);
  if (!missing.length) return null;
  return (
    `工作日历缺少${missing.map((y) => `${y}年`).join('、')}的法定节假日安排，期间只按周一至周五计算工作日。` +
    '请在“设置 → 工作日历”中录入国务院办公厅当年的放假通知（放假日期和调休上班日期）。'
  );
}

/**
 * The note a time limit carries when the days it counts run through a year without holiday data: the dates are then
 * computed as if every Monday–Friday were a working day, and may be a few days early. `from`/`to` in either order;
 * null when every year between them is known.
 */
export function calendarGapNote(from: IsoDate, to: IsoDate, cal: WorkingDayCalendar = defaultCalendar): string | null {
  const [a, b] = from <= to ? [yearOf(from), yearOf(to)] : [yearOf(to), yearOf(from)];
  const years: number[] = [];
  for (let y = a; y <= b; y++) years.push(y);
  const missing = uncoveredYears(years, cal);
  if (!missing.length) return null;
  return (
    `工作日历缺少${missing.map((y) => `${y}年`).join('、')}的放假安排，此期限暂按周一至周五计算，可能不准。` +
    '请在“设置 → 工作日历”中录入当年的放假安排。'
  );
}

/**
 * Reads overrides from a small text file or pasted text, one day per line: `2027-01-01 休 元旦` or
 * `2027-02-07 班 春节调休上班` (休/放假/holiday and 班/上班/workday are accepted; a range `2027-02-10~2027-02-16 休`
 * too). Blank lines and lines starting with # are skipped. Errors name the line.
 */
export function parseWorkingDayOverrides(text: string): { overrides: WorkingDayOverride[]; errors: string[] } {
  const overrides: WorkingDayOverride[] = [];
  const errors: string[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      const m =
        /^(\d{4}-\d{1,2}-\d{1,2})(?:\s*[~～至-]{1,2}\s*(\d{4}-\d{1,2}-\d{1,2}))?[\s,，]+(休|放假|holiday|班|上班|workday)(?:[\s,，]+(.*))?$/.exec(
          line,
        );
      if (!m) {
        errors.push(`第${i + 1}行无法识别：“${line}”。格式示例：2027-01-01 休 元旦；2027-02-07 班 春节调休上班`);
        return;
      }
      const norm = (s: string) =>
        s
          .split('-')
          .map((p, k) => (k === 0 ? p : p.padStart(2, '0')))
          .join('-');
      try {
        const from = toDayNumber(norm(m[1]));
        const to = m[2] ? toDayNumber(norm(m[2])) : from;
        if (to < from || to - from > 31) throw new RangeError('日期范围不对');
        const kind: WorkingDayOverrideKind = /休|放假|holiday/.test(m[3]) ? 'holiday' : 'workday';
        const note = m[4]?.trim().slice(0, 40) || undefined;
        for (let n = from; n <= to; n++)
          overrides.push(note ? { date: fromDayNumber(n), kind, note } : { date: fromDayNumber(n), kind });
      } catch {
        errors.push(`第${i + 1}行的日期不对：“${line}”`);
      }
    });
  return { overrides, errors };
}
