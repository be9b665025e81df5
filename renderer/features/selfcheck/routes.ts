// The 自查整改 screen's routes (#/selfcheck/<tab>/…) and the links into its 整改台账, apart from the screen so the menu
// and the home cards that link there do not load the screen's code.
import type { RECT_STATES } from '../../../shared/domain/selfcheck';

/** The screen's tabs, in order (the first is where it opens the first time). */
export const SELFCHECK_TABS = ['score', 'lookback', 'ledger', 'report'] as const;

// Written out, not imported: shared/domain/selfcheck.ts and its schemas are not start-up code (the home card links here).
const STATES = ['未开始', '整改中', '已完成', '已销号'] as const satisfies typeof RECT_STATES;

/** The 整改台账's filters: a state or 逾期 within the year shown. */
export const FILTERS: string[] = ['全部', ...STATES, '逾期'];
/** Views over every year's items not yet 销号 (the home card counts them so, and links here). */
export const ALL_YEARS_OPEN = '各年度未销号';
export const ALL_YEARS_OVERDUE = '各年度逾期';
export const ALL_YEARS: string[] = [ALL_YEARS_OPEN, ALL_YEARS_OVERDUE];

/**
 * Where a link opens the ledger: #/selfcheck/ledger/<filter> (a state, 逾期 or an every-year view, from the dashboard
 * and the home card), #/selfcheck/ledger/<year> (that year's ledger), #/selfcheck/ledger/<year>/<id> (that year's
 * ledger with the item marked and scrolled into view).
 */
export function ledgerRoute(to: { filter?: string; year?: number; id?: number } = {}): string {
  if (to.year !== undefined) return `selfcheck/ledger/${to.year}${to.id !== undefined ? `/${to.id}` : ''}`;
  return to.filter ? `selfcheck/ledger/${encodeURIComponent(to.filter)}` : 'selfcheck/ledger';
}

/** The route's parts after "ledger" (already decoded), read as ledgerRoute wrote them. */
export function readLedgerRoute(parts: string[]): { filter?: string; year?: number; id?: number } {
  const [first, second] = parts;
  if (first !== undefined && /^\d{4}$/.test(first))
    return { year: Number(first), id: second !== undefined && /^\d+$/.test(second) ? Number(second) : undefined };
  return first !== undefined && (FILTERS.includes(first) || ALL_YEARS.includes(first)) ? { filter: first } : {};
}
