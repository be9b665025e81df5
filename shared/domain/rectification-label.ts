// A 整改 item's state as lists show it (apart from selfcheck.ts and its schemas: the home card is start-up code).
import type { Rectification } from './selfcheck';

/** The state as the ledger prints it (逾期 shown next to the stored state). */
export function rectStateLabel(r: Pick<Rectification, 'state' | 'overdue'>): string {
  return r.overdue ? `${r.state}（逾期）` : r.state;
}
