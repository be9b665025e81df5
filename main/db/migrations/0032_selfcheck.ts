import type { Migration } from './index';

// 自查整改: indicator templates (one per year, a tree of indicators), the year's self-check entries with 佐证材料
// (kept generic: kind + referenced id, an attachment or a link, so new kinds need no new table), the drafted 自查报告,
// 回头看 notes on last year's tasks, and the 整改台账 with dated progress. Templates own their indicators and the
// entries on them (CASCADE); people, 科室, tasks and files are only referenced (RESTRICT / SET NULL for the link back).
export const m0032Selfcheck: Migration = {
  version: 32,
  name: '自查整改：考核细则、自查评分、佐证材料、回头看、整改台账',
  sql: `
CREATE TABLE sc_template (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL UNIQUE,
  title TEXT NOT NULL,
  total REAL NOT NULL CHECK (total > 0),
  grades_json TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('import', 'builtin', 'copy', 'manual')),
  attachment_id INTEGER REFERENCES attachment(id) ON DELETE RESTRICT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE sc_indicator (
  id INTEGER PRIMARY KEY,
  template_id INTEGER NOT NULL REFERENCES sc_template(id) ON DELETE CASCADE,
  parent_id INTEGER REFERENCES sc_indicator(id) ON DELETE CASCADE,
  sort_order INTEGER NOT NULL,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 6),
  name TEXT NOT NULL,
  points REAL CHECK (points IS NULL OR points >= 0),
  weight REAL CHECK (weight IS NULL OR (weight >= 0 AND weight <= 100)),
  basis REAL CHECK (basis IS NULL OR basis > 0),
  criteria TEXT NOT NULL DEFAULT '',
  rule_json TEXT NOT NULL,
  capped INTEGER NOT NULL DEFAULT 1 CHECK (capped IN (0, 1)),
  ceiling_ratio REAL CHECK (ceiling_ratio IS NULL OR (ceiling_ratio > 0 AND ceiling_ratio <= 1)),
  source TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sc_indicator_template ON sc_indicator(template_id, sort_order);
CREATE INDEX sc_indicator_parent ON sc_indicator(parent_id);
-- One entry per indicator (leaves; a group only for its ceiling flag).
CREATE TABLE sc_entry (
  indicator_id INTEGER PRIMARY KEY REFERENCES sc_indicator(id) ON DELETE CASCADE,
  score REAL CHECK (score IS NULL OR score >= 0),
  occurrences INTEGER CHECK (occurrences IS NULL OR occurrences >= 0),
  flag INTEGER NOT NULL DEFAULT 0 CHECK (flag IN (0, 1)),
  ceiling INTEGER NOT NULL DEFAULT 0 CHECK (ceiling IN (0, 1)),
  reason TEXT NOT NULL DEFAULT '',
  measure TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);
CREATE TABLE sc_evidence (
  id INTEGER PRIMARY KEY,
  indicator_id INTEGER NOT NULL REFERENCES sc_indicator(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  ref_id INTEGER,
  attachment_id INTEGER REFERENCES attachment(id) ON DELETE RESTRICT,
  url TEXT,
  title TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  CHECK (ref_id IS NOT NULL OR attachment_id IS NOT NULL OR url IS NOT NULL)
);
CREATE INDEX sc_evidence_indicator ON sc_evidence(indicator_id);
-- The drafted 自查报告 of a year: its four parts as edited text.
CREATE TABLE sc_report (
  year INTEGER PRIMARY KEY,
  sections_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE rectification (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('自查', '回头看', '上级测评通报', '第三方评估', '审计', '其他')),
  indicator_id INTEGER REFERENCES sc_indicator(id) ON DELETE SET NULL,
  task_id INTEGER REFERENCES plan_task(id) ON DELETE SET NULL,
  origin TEXT NOT NULL DEFAULT '',
  problem TEXT NOT NULL,
  measure TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('立行立改', '限期整改', '长期坚持')),
  leader TEXT NOT NULL DEFAULT '',
  department_id INTEGER REFERENCES department(id) ON DELETE RESTRICT,
  owner_staff_id INTEGER REFERENCES staff(id) ON DELETE RESTRICT,
  deadline TEXT,
  state TEXT NOT NULL DEFAULT '未开始' CHECK (state IN ('未开始', '整改中', '已完成', '已销号')),
  completed_on TEXT,
  closed_on TEXT,
  closed_by TEXT NOT NULL DEFAULT '',
  explanation INTEGER NOT NULL DEFAULT 0 CHECK (explanation IN (0, 1)),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (state <> '已销号' OR (closed_on IS NOT NULL AND closed_by <> ''))
);
CREATE INDEX rectification_year ON rectification(year, id);
CREATE INDEX rectification_indicator ON rectification(indicator_id);
CREATE INDEX rectification_task ON rectification(task_id);
CREATE TABLE rectification_progress (
  id INTEGER PRIMARY KEY,
  rectification_id INTEGER NOT NULL REFERENCES rectification(id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  text TEXT NOT NULL,
  attachment_id INTEGER REFERENCES attachment(id) ON DELETE RESTRICT,
  url TEXT,
  evidence_title TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX rectification_progress_item ON rectification_progress(rectification_id, date);
-- 回头看: why a task of last year's plan ended as it did, and where an unfinished one went.
CREATE TABLE lookback_note (
  task_id INTEGER PRIMARY KEY REFERENCES plan_task(id) ON DELETE CASCADE,
  reason TEXT NOT NULL DEFAULT '',
  carried_task_id INTEGER REFERENCES plan_task(id) ON DELETE SET NULL,
  updated_at TEXT NOT NULL
);
`,
};
