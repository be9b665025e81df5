import type { Migration } from './index';

// 核对与文书 (issue 18): what the year's documents need that the records did not hold yet.
// - 单位: 地址, 邮政编码 and 网站 (公开专栏) for the 年报's 引言 and the letters; the letters' 文号 form ('' means the
//   default made from the 简称, so a changed 简称 still gives a sensible number).
// - 年报: the 成文日期 chosen for the year (null: the default, a working day before the January due date), and the
//   reason why 现行有效 differs from last year's + 制发 − 废止 (without one the 核对 lists the difference).
// - 答复: how the information is provided (载体形式, 获取方式, 时间) and, for 部分公开, the 不予公开 category the withheld
//   part rests on (a table 三 key), so the letter cites every article.
// - The 文号 given to each letter, numbered per year (and per kind when the form names the kind): a letter exported
//   again keeps its number.
export const m0037YearCheck: Migration = {
  version: 37,
  name: '核对与文书：单位地址邮编网站和文书文号、年报成文日期、答复的提供方式、文书编号',
  sql: `
ALTER TABLE bureau ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE bureau ADD COLUMN postcode TEXT NOT NULL DEFAULT '';
ALTER TABLE bureau ADD COLUMN website TEXT NOT NULL DEFAULT '';
ALTER TABLE bureau ADD COLUMN letter_number_form TEXT NOT NULL DEFAULT '';
ALTER TABLE disclosure_year_input ADD COLUMN report_date TEXT;
ALTER TABLE disclosure_year_input ADD COLUMN in_force_note TEXT NOT NULL DEFAULT '';
ALTER TABLE request ADD COLUMN provide_medium TEXT NOT NULL DEFAULT '';
ALTER TABLE request ADD COLUMN provide_way TEXT NOT NULL DEFAULT '';
ALTER TABLE request ADD COLUMN provide_date TEXT;
ALTER TABLE request ADD COLUMN withheld_reason TEXT;
CREATE TABLE letter_number (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES request(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  year INTEGER NOT NULL,
  series TEXT NOT NULL,
  seq INTEGER NOT NULL CHECK (seq > 0),
  doc_number TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (request_id, kind),
  UNIQUE (year, series, seq)
);
`,
};
