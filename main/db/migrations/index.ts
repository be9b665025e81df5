import { m0001Foundation } from './0001_foundation';
import { m0010Points } from './0010_points';
import { m0020Plan } from './0020_plan';
import { m0030Team } from './0030_team';
import { m0033Selfcheck } from './0033_selfcheck';

export interface Migration {
  version: number;
  name: string;
  /** Raw SQL frozen in time: never edit a released migration, add a new one. */
  sql: string;
}

// Numbers are reserved per area so parallel work does not collide: 1-9 foundation, 10-19 points,
// 20-29 plan, 30-39 team. Keep the list sorted.
export const MIGRATIONS: readonly Migration[] = [m0001Foundation, m0010Points, m0020Plan, m0030Team, m0033Selfcheck];
