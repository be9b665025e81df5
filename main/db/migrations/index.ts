import { m0001Foundation } from './0001_foundation';
import { m0010Points } from './0010_points';
import { m0020Plan } from './0020_plan';
import { m0030Team } from './0030_team';
import { m0031Disclosure } from './0031_disclosure';
import { m0032Selfcheck } from './0032_selfcheck';
import { m0033Summary } from './0033_summary';
import { m0034UnitMappingAll } from './0034_unit_mapping_all';
import { m0035RectEvidence } from './0035_rect_evidence';
import { m0036SelfcheckRating } from './0036_selfcheck_rating';
import { m0037YearCheck } from './0037_year_check';
import { m0038FindingCounts } from './0038_finding_counts';

export interface Migration {
  version: number;
  name: string;
  /** Raw SQL frozen in time: never edit a released migration, add a new one. */
  sql: string;
}

// ONE global sequence, whatever the area: the runner applies every migration numbered above the file's
// user_version, so a new migration must be numbered above every released one (the next is the highest released
// number plus one). A number below would be skipped on every file already past it. Released: 1, 10, 20, 30, 31-37
// (test/unit/foundation/migrations.test.ts pins them, their names and their SQL). Keep the list strictly increasing.
export const MIGRATIONS: readonly Migration[] = [
  m0001Foundation,
  m0010Points,
  m0020Plan,
  m0030Team,
  m0031Disclosure,
  m0032Selfcheck,
  m0033Summary,
  m0034UnitMappingAll,
  m0035RectEvidence,
  m0036SelfcheckRating,
  m0037YearCheck,
  m0038FindingCounts,
];
