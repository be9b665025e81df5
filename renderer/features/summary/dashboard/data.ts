import type { Dashboard } from '../../../../shared/ipc/contracts/summary';
import { call, writeCount } from '../../../api/call';

// The dashboard's cards share one answer: the first card to ask fetches it, the others reuse it for a moment, and
// never once anything may have been written since it was asked for (a save, then 首页 at once, shows the save).
let cache: { year: number; at: number; writes: number; promise: Promise<Dashboard> } | null = null;

export function loadDashboard(year: number): Promise<Dashboard> {
  if (cache && cache.year === year && cache.writes === writeCount() && Date.now() - cache.at < 3000)
    return cache.promise;
  const promise = call('summary.dashboard', { year });
  cache = { year, at: Date.now(), writes: writeCount(), promise };
  promise.catch(() => {
    cache = null;
  });
  return promise;
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
