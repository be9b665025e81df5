import type { Migration } from './index';

// 年度工作总结: one draft per year and kind (年度/半年) with the figures snapshot its text was rendered from, and its
// paragraphs. A paragraph keeps the generated template (with figure placeholders) and, once the user rewrites it, the
// user's text beside it; a refresh that would change a rewritten paragraph parks the new version in pending_* until
// the user decides. Deleting a draft deletes its paragraphs (they belong to nothing else).
export const m0033Summary: Migration = {
  version: 33,
  name: '年度工作总结：草稿、段落与数据快照',
  sql: `
CREATE TABLE summary (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('年度', '半年')),
  title TEXT NOT NULL,
  addressee TEXT NOT NULL DEFAULT '',
  signature_org TEXT NOT NULL,
  signature_date TEXT NOT NULL,
  public_note INTEGER NOT NULL DEFAULT 1 CHECK (public_note IN (0, 1)),
  with_tables INTEGER NOT NULL DEFAULT 1 CHECK (with_tables IN (0, 1)),
  with_charts INTEGER NOT NULL DEFAULT 0 CHECK (with_charts IN (0, 1)),
  figures_json TEXT NOT NULL,
  lists_json TEXT NOT NULL DEFAULT '{}',
  refreshed_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (year, kind)
);
CREATE TABLE summary_paragraph (
  id INTEGER PRIMARY KEY,
  summary_id INTEGER NOT NULL REFERENCES summary(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  level INTEGER NOT NULL CHECK (level IN (0, 1, 2)),
  heading TEXT NOT NULL DEFAULT '',
  template TEXT NOT NULL DEFAULT '',
  user_heading TEXT,
  user_text TEXT,
  edited_at TEXT,
  pending_heading TEXT,
  pending_template TEXT,
  orphan INTEGER NOT NULL DEFAULT 0 CHECK (orphan IN (0, 1)),
  changes_json TEXT NOT NULL DEFAULT '[]',
  UNIQUE (summary_id, key)
);
CREATE INDEX summary_paragraph_order ON summary_paragraph(summary_id, sort_order);
`,
};
