import type { Dashboard } from '../../../../shared/ipc/contracts/summary';
import { call } from '../../../api/call';

/**
 * The dashboard's figures for a year: most home cards quote them, and share one request (renderer/api/call.ts shares a
 * read asked for again while it is on its way, and never one asked for before a write).
 */
export function loadDashboard(year: number): Promise<Dashboard> {
  return call('summary.dashboard', { year });
}

/** The plan screen's list for a filter: #/plan/filter/<query> (section, status, light). */
export function planListRoute(filter: { section?: number; status?: string; light?: string }): string {
  const q = new URLSearchParams();
  if (filter.section !== undefined) q.set('section', String(filter.section));
  if (filter.status) q.set('status', filter.status);
  if (filter.light) q.set('light', filter.light);
  return `plan/filter/${encodeURIComponent(q.toString())}`;
}

/**
 * A figure of the year as the registry counts it (figuresFor: the same number the 总结 and the 年报 quote), or null
 * when the year has no such figure. Cards quote these by name rather than counting again.
 */
export function figureNumber(d: Dashboard | undefined, name: string): number | null {
  const v = d?.figures[name]?.value;
  return typeof v === 'number' ? v : null;
}
