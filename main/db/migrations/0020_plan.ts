import type { Migration } from './index';

// 实施方案与任务: one plan per year, its sections and tasks, task ↔ 科室 and task ↔ 工作要点 links, progress entries
// with evidence, and the remembered mapping from the higher level's unit names to the bureau's 科室.
// A task owns its links and progress (CASCADE); 科室, 人员, 要点 and attachments are only referenced (RESTRICT).
export const m0020Plan: Migration = {
  version: 20,
  name: '实施方案：方案、章节、任务、进展、单位对应',
  sql: `
CREATE TABLE plan (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL UNIQUE,
  title TEXT NOT NULL,
  doc_number TEXT NOT NULL DEFAULT '',
  doc_date TEXT,
  intro TEXT NOT NULL DEFAULT '',
  closing_json TEXT NOT NULL DEFAULT '[]',
  signature_org TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE plan_source (
  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES source_document(id) ON DELETE RESTRICT,
  PRIMARY KEY (plan_id, document_id)
);
CREATE TABLE plan_section (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  sort_order INTEGER NOT NULL,
  title TEXT NOT NULL
);
CREATE INDEX plan_section_plan ON plan_section(plan_id, sort_order);
CREATE TABLE plan_task (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  section_id INTEGER NOT NULL REFERENCES plan_section(id) ON DELETE RESTRICT,
  sort_order INTEGER NOT NULL,
  title TEXT NOT NULL,
  measures TEXT NOT NULL DEFAULT '',
  deadline_kind TEXT NOT NULL CHECK (deadline_kind IN ('date', 'yearEnd', 'recurring', 'ongoing', 'afterEvent')),
  deadline_date TEXT,
  deadline_recurrence TEXT CHECK (deadline_recurrence IN ('monthly', 'quarterly', 'halfYearly', 'yearly')),
  deadline_days INTEGER,
  deadline_text TEXT NOT NULL DEFAULT '',
  event_date TEXT,
  status TEXT NOT NULL DEFAULT '未开始' CHECK (status IN ('未开始', '进行中', '已完成', '不适用')),
  status_reason TEXT NOT NULL DEFAULT '',
  completed_on TEXT,
  owner_staff_id INTEGER REFERENCES staff(id) ON DELETE RESTRICT,
  -- unit names from the work points that map to no 科室 yet: kept and listed, never dropped
  unmapped_units_json TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX plan_task_plan ON plan_task(plan_id, sort_order);
CREATE INDEX plan_task_section ON plan_task(section_id);
CREATE INDEX plan_task_owner ON plan_task(owner_staff_id);
CREATE TABLE plan_task_department (
  task_id INTEGER NOT NULL REFERENCES plan_task(id) ON DELETE CASCADE,
  department_id INTEGER NOT NULL REFERENCES department(id) ON DELETE RESTRICT,
  role TEXT NOT NULL CHECK (role IN ('lead', 'support')),
  sort_order INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (task_id, role, department_id)
);
CREATE INDEX plan_task_department_dept ON plan_task_department(department_id);
CREATE TABLE plan_task_point (
  task_id INTEGER NOT NULL REFERENCES plan_task(id) ON DELETE CASCADE,
  work_point_id INTEGER NOT NULL REFERENCES work_point(id) ON DELETE RESTRICT,
  PRIMARY KEY (task_id, work_point_id)
);
CREATE INDEX plan_task_point_point ON plan_task_point(work_point_id);
CREATE TABLE plan_progress (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES plan_task(id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  text TEXT NOT NULL,
  percent INTEGER CHECK (percent BETWEEN 0 AND 100),
  created_at TEXT NOT NULL
);
CREATE INDEX plan_progress_task ON plan_progress(task_id, date);
CREATE TABLE plan_evidence (
  id INTEGER PRIMARY KEY,
  progress_id INTEGER NOT NULL REFERENCES plan_progress(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  attachment_id INTEGER REFERENCES attachment(id) ON DELETE RESTRICT,
  link TEXT,
  CHECK (attachment_id IS NOT NULL OR link IS NOT NULL)
);
CREATE INDEX plan_evidence_progress ON plan_evidence(progress_id);
-- 责任单位 as the higher level names it → the bureau's 科室; remembered for next year's plan.
CREATE TABLE unit_mapping (
  unit TEXT PRIMARY KEY,
  department_id INTEGER REFERENCES department(id) ON DELETE RESTRICT,
  ignored INTEGER NOT NULL DEFAULT 0 CHECK (ignored IN (0, 1)),
  updated_at TEXT NOT NULL
);
`,
};
