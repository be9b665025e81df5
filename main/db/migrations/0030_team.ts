import type { Migration } from './index';

// 政务公开队伍: AB岗 posts, holder periods (history as rows with start/end dates, never overwritten), changes with their
// 交接 and 备案, absences, and the 培训台账. People and files are referenced with ON DELETE RESTRICT so records that
// history needs cannot disappear.
export const m0030Team: Migration = {
  version: 30,
  name: '政务公开队伍：AB岗、交接备案、不在岗登记、培训台账',
  sql: `
CREATE TABLE ab_post (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  duties TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
);
-- A change of holder: who left, who took over, the 交接 record and the 备案 (filing) with the higher level.
CREATE TABLE ab_change (
  id INTEGER PRIMARY KEY,
  post_id INTEGER NOT NULL REFERENCES ab_post(id) ON DELETE RESTRICT,
  role TEXT NOT NULL CHECK (role IN ('A', 'B')),
  change_date TEXT NOT NULL,
  from_staff_id INTEGER REFERENCES staff(id) ON DELETE RESTRICT,
  to_staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE RESTRICT,
  reason TEXT NOT NULL DEFAULT '',
  handover_date TEXT NOT NULL,
  handover_items TEXT NOT NULL DEFAULT '',
  transition_end TEXT,
  handover_note TEXT NOT NULL DEFAULT '',
  filing_due TEXT NOT NULL,
  filed_date TEXT,
  filed_to TEXT NOT NULL DEFAULT '',
  filed_doc_number TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX ab_change_post ON ab_change(post_id);
-- Holder periods: end_date is the last day held, NULL while current. At most one current holder per post and role.
CREATE TABLE ab_holding (
  id INTEGER PRIMARY KEY,
  post_id INTEGER NOT NULL REFERENCES ab_post(id) ON DELETE RESTRICT,
  role TEXT NOT NULL CHECK (role IN ('A', 'B')),
  staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE RESTRICT,
  start_date TEXT NOT NULL,
  end_date TEXT CHECK (end_date IS NULL OR end_date >= start_date),
  change_id INTEGER REFERENCES ab_change(id) ON DELETE RESTRICT,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ab_holding_current ON ab_holding(post_id, role) WHERE end_date IS NULL;
CREATE INDEX ab_holding_staff ON ab_holding(staff_id);
CREATE TABLE ab_absence (
  id INTEGER PRIMARY KEY,
  staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE RESTRICT,
  kind TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL CHECK (end_date >= start_date),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX ab_absence_staff ON ab_absence(staff_id);
-- Hours are stored in tenths so yearly sums are exact.
CREATE TABLE training (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  form TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT '已举办' CHECK (status IN ('已举办', '计划')),
  organiser TEXT NOT NULL DEFAULT '',
  trainer TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',
  hours_tenths INTEGER NOT NULL CHECK (hours_tenths > 0),
  summary TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX training_date ON training(date);
CREATE TABLE training_attendee (
  training_id INTEGER NOT NULL REFERENCES training(id) ON DELETE CASCADE,
  staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE RESTRICT,
  present INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1)),
  PRIMARY KEY (training_id, staff_id)
);
CREATE INDEX training_attendee_staff ON training_attendee(staff_id);
CREATE TABLE training_file (
  training_id INTEGER NOT NULL REFERENCES training(id) ON DELETE CASCADE,
  attachment_id INTEGER NOT NULL REFERENCES attachment(id) ON DELETE RESTRICT,
  kind TEXT NOT NULL CHECK (kind IN ('材料', '照片')),
  PRIMARY KEY (training_id, attachment_id)
);
INSERT INTO ab_post (name, duties, sort_order, created_at) VALUES
  ('政务公开分管领导', '分管本单位政务公开工作，审定年度实施方案、年度报告和重要信息的发布。', 1, datetime('now', 'localtime')),
  ('政务公开工作负责人', '组织实施本单位政务公开工作，统筹任务分解、督促落实和考核自查。', 2, datetime('now', 'localtime')),
  ('政务公开联络员', '承担与上级政务公开工作机构的日常联络，报送信息和材料，跟踪工作要点落实。', 3, datetime('now', 'localtime')),
  ('信息发布审核员', '对拟公开的政府信息进行发布前审核，落实“先审后发”。', 4, datetime('now', 'localtime')),
  ('网站与政务新媒体管理员', '负责政府网站栏目和政务新媒体的内容维护、更新和日常巡查。', 5, datetime('now', 'localtime')),
  ('依申请公开办理员', '受理、登记、办理政府信息公开申请，按期答复并归档。', 6, datetime('now', 'localtime')),
  ('保密审查员', '对拟公开信息进行保密审查，防止泄露国家秘密、工作秘密和个人隐私。', 7, datetime('now', 'localtime'));
`,
};
