// Calendar dates as the office reads them: ISO `YYYY-MM-DD` text on the local clock. Every "today" in the
// workstation comes from here, so screens, services, exports and the demo agree on the day.
import { toDayNumber, type IsoDate } from './working-days';

/** Whole-day ISO date of a local clock time. */
export function localIsoDate(d: Date): IsoDate {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Today on the workstation's clock (the service context's `now()`, which tests can pin). */
export function todayOf(clock: { now(): Date }): IsoDate {
  return localIsoDate(clock.now());
}

/** Whether a date lies after another (e.g. after today). */
export function isAfter(date: IsoDate, other: IsoDate): boolean {
  return toDayNumber(date) > toDayNumber(other);
}

// The forms of dates in running text live in date-text.ts (no imports: the home screen's start-up code uses them).
export { formatChineseDate, formatChineseDateRange, formatChineseDateTime } from './date-text';
