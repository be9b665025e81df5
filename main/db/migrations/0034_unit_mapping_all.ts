import type { Migration } from './index';

// 单位对应 "全部科室": a unit of the higher level (各处室, 各有关科室, 局机关各科室…) may stand for every 科室 of the
// bureau. That is a choice of its own, beside one 科室, 不涉及 and 未对应, and the table could not hold it (department_id
// references a real 科室, ignored is 0 or 1), so it was inferred from the name each time and could neither be chosen
// for another unit nor undone. Rows saved before, with no 科室 and not 不涉及, for a name of the 各科室 kind were
// applied as every 科室: they are marked so, and keep working as before.
export const m0034UnitMappingAll: Migration = {
  version: 34,
  name: '单位对应：可对应全部科室',
  sql: `
ALTER TABLE unit_mapping ADD COLUMN all_departments INTEGER NOT NULL DEFAULT 0 CHECK (all_departments IN (0, 1));
WITH
  prefix(x) AS (VALUES (''), ('局机关'), ('局'), ('机关'), ('本局')),
  every(x) AS (VALUES ('各'), ('全体'), ('所有')),
  related(x) AS (VALUES (''), ('有关')),
  kind(x) AS (VALUES ('科室'), ('处室'), ('股室'), ('科'), ('处'), ('内设机构'), ('业务科室'))
UPDATE unit_mapping SET all_departments = 1
WHERE department_id IS NULL AND ignored = 0
  AND unit IN (SELECT prefix.x || every.x || related.x || kind.x FROM prefix, every, related, kind);
`,
};
