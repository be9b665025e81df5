import type { Migration } from './index';

// 上级文件 (source_document) and its 工作要点 (work_point). The plan area reads these to build the year's plan,
// so rows are never deleted while something uses them (ON DELETE RESTRICT).
export const m0010Points: Migration = {
  version: 10,
  name: '上级要点：上级文件与工作要点',
  sql: `
CREATE TABLE source_document (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  title TEXT NOT NULL,
  doc_number TEXT,
  issuer TEXT,
  issued_date TEXT,
  source_kind TEXT NOT NULL CHECK (source_kind IN ('docx', 'xlsx', 'txt', 'paste')),
  -- the original file as imported, kept with the document
  attachment_id INTEGER REFERENCES attachment(id) ON DELETE RESTRICT,
  imported_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX source_document_year ON source_document(year);
CREATE TABLE work_point (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES source_document(id) ON DELETE RESTRICT,
  seq INTEGER NOT NULL,
  parent_id INTEGER REFERENCES work_point(id) ON DELETE RESTRICT,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  label TEXT NOT NULL,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  -- JSON arrays of unit names (牵头 / 配合)
  lead_json TEXT NOT NULL DEFAULT '[]',
  support_json TEXT NOT NULL DEFAULT '[]',
  deadline TEXT,
  deadline_text TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX work_point_document ON work_point(document_id, seq);
CREATE INDEX work_point_parent ON work_point(parent_id);
`,
};
