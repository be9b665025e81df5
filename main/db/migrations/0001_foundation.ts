import type { Migration } from './index';

export const m0001Foundation: Migration = {
  version: 1,
  name: '基础数据：单位、设置、科室、人员、附件、操作记录',
  sql: `
CREATE TABLE bureau (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  full_name TEXT NOT NULL,
  short_name TEXT NOT NULL,
  region TEXT NOT NULL DEFAULT '',
  head TEXT NOT NULL DEFAULT '',
  leader TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);
CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE department (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  sort_order INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
);
CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  department_id INTEGER REFERENCES department(id) ON DELETE RESTRICT,
  title TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT '在岗' CHECK (status IN ('在岗', '离岗')),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX staff_department ON staff(department_id);
-- Files live inside the one SQLite file, so a backup or a copy to a new PC carries everything.
CREATE TABLE attachment (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  mime TEXT NOT NULL DEFAULT 'application/octet-stream',
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  data BLOB NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  os_user TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER,
  action TEXT NOT NULL,
  summary TEXT NOT NULL,
  changes TEXT
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
`,
};
