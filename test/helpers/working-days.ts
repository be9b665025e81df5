// Working days counted straight from chinese-days, day by day, so a test can check the workstation's own calendar
// arithmetic (shared/domain/working-days.ts) against an independent count.
import { isWorkday } from 'chinese-days';

/** Working days in (from, to]: the days after `from` up to and including `to` that are working days. */
export function workingDaysAfter(from: string, to: string): number {
  let n = 0;
  const d = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  for (d.setUTCDate(d.getUTCDate() + 1); d <= end; d.setUTCDate(d.getUTCDate() + 1)) {
    if (isWorkday(d.toISOString().slice(0, 10))) n++;
  }
  return n;
}

/** 解读 of [from, to] published more than `limit` working days after the document they interpret. */
export function lateInterpretations(
  raw: { prepare(sql: string): { all(...args: unknown[]): unknown[] } },
  from: string,
  to: string,
  limit = 3,
): number {
  const rows = raw
    .prepare(
      `SELECT i.published_date AS i, d.published_date AS d FROM publication i JOIN publication d ON d.id = i.interprets_id
       WHERE i.published_date BETWEEN ? AND ?`,
    )
    .all(from, to) as { i: string; d: string }[];
  return rows.filter((r) => workingDaysAfter(r.d, r.i) > limit).length;
}
