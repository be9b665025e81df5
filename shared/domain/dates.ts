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

/**
 * A date as documents and running text print it: year in full, no leading zeros (2024-03-05 → 2024年3月5日), the
 * form of the 成文日期 (GB/T 9704) and of every date a sentence quotes. Text that is not an ISO date is returned as is.
 */
export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}
