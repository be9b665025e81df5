import type { Migration } from './index';

// 未评 and 建议分 for the self-check. Until now a leaf without a stored entry, or with an entry left at its defaults,
// counted as full marks; from now on only a rated leaf counts. `rated` says so explicitly (a 有得全分 leaf has no
// other way to say "达到" apart from "not answered yet"). Files made before keep what their screen showed as 已评:
// a row with a 自评分, a count, a ticked flag or ceiling, or a written reason is rated (those the old screen counted
// as scored); rows holding only defaults (e.g. a planned 整改措施 typed on an unscored leaf) become 未评.
// `decision` says how the score came about: typed in, the 建议分 computed from the records accepted, or that 建议分
// overridden with `override_reason`; `proposal_count` keeps how many records the 建议分 rested on at that moment, so
// the screen can say when the records have changed since.
// On the indicator, `record_measure` is the person's choice of what the records measure for it (逾期任务, 超期发布…;
// 'none' = not measured from the records; NULL = not chosen yet). It is validated in code (the list grows without a
// table rebuild). On the template, `provisional` marks the self-check 暂定: its grade is shown, labelled 暂定,
// before every indicator is rated.
export const m0036SelfcheckRating: Migration = {
  version: 36,
  name: '自查整改：未评、暂定与由记录计算的建议分',
  sql: `
ALTER TABLE sc_entry ADD COLUMN rated INTEGER NOT NULL DEFAULT 0 CHECK (rated IN (0, 1));
ALTER TABLE sc_entry ADD COLUMN decision TEXT CHECK (decision IS NULL OR decision IN ('entered', 'accepted', 'override'));
ALTER TABLE sc_entry ADD COLUMN override_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE sc_entry ADD COLUMN proposal_count INTEGER CHECK (proposal_count IS NULL OR proposal_count >= 0);
ALTER TABLE sc_indicator ADD COLUMN record_measure TEXT;
ALTER TABLE sc_template ADD COLUMN provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1));
UPDATE sc_entry SET rated = 1, decision = 'entered'
  WHERE score IS NOT NULL OR occurrences IS NOT NULL OR flag = 1 OR ceiling = 1
     OR trim(reason, char(32, 9, 10, 13, 12288)) <> '';
`,
};
