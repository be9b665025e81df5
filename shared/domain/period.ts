// The period a figure or a document counts: the whole year or its first half (1 January–30 June). Every figure the documents, screens and charts quote is counted for one of these, so the 上半年总结 never
// quotes a record from July and a 年报 counts exactly its statistic year.
import type { IsoDate } from './working-days';

type PeriodKind = 'year' | 'half';

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
