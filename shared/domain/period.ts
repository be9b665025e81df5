// The period a figure or a document counts: the whole year, its first half (1 January–30 June), or the year up to a
// date. Every figure the documents, screens and charts quote is counted for one of these, so the 上半年总结 never
// quotes a record from July and a 年报 counts exactly its statistic year.
import type { IsoDate } from './working-days';

export type PeriodKind = 'year' | 'half' | 'asOf';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** First day counted (inclusive). */
  from: IsoDate;
  /** Last day counted (inclusive). */
  to: IsoDate;
}

export function yearPeriod(year: number): Period {
  return { kind: 'year', year, from: `${year}-01-01`, to: `${year}-12-31` };
}

/** 上半年: 1 January to 30 June. */
export function halfPeriod(year: number): Period {
  return { kind: 'half', year, from: `${year}-01-01`, to: `${year}-06-30` };
}

/** From 1 January of the date's year up to and including the date. */
export function periodUpTo(date: IsoDate): Period {
  const year = Number(date.slice(0, 4));
  return { kind: 'asOf', year, from: `${year}-01-01`, to: date };
}

/** The same period one year earlier (the "上年" beside a figure). */
export function previousPeriod(p: Period): Period {
  const shift = (d: IsoDate) => `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`;
  // 29 February has no twin in the year before: count to 28 February.
  const to = p.to.endsWith('-02-29') ? `${p.year - 1}-02-28` : shift(p.to);
  return { kind: p.kind, year: p.year - 1, from: shift(p.from), to };
}

/** Whether an ISO date lies in the period. */
export function inPeriod(p: Period, date: IsoDate | null | undefined): boolean {
  return !!date && date >= p.from && date <= p.to;
}

/** How a sentence names the period: 全年, 上半年, or 1月1日至6月15日. */
export function periodLabel(p: Period): string {
  if (p.kind === 'year') return '全年';
  if (p.kind === 'half') return '上半年';
  return `1月1日至${Number(p.to.slice(5, 7))}月${Number(p.to.slice(8, 10))}日`;
}
