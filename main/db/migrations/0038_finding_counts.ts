import type { Migration } from './index';

// 分项扣分 (a 考核细则 item with several findings, each deducted once or per occurrence): the count of each finding the
// person entered, as a JSON list in the rule's order ("[1,2]"). sc_entry.occurrences keeps the one count of the other
// counted rules (按次扣分, 重大扣分, 加分).
export const m0038FindingCounts: Migration = {
  version: 38,
  name: '自评：分项扣分各项的次数',
  sql: `
ALTER TABLE sc_entry ADD COLUMN finding_counts TEXT CHECK (finding_counts IS NULL OR json_valid(finding_counts));
`,
};
