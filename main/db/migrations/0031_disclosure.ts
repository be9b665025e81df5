import type { Migration } from './index';

// 信息公开: the 信息发布登记 (publication, with the bureau's 公开目录 as publication_column), the 依申请公开 register
// (request with its dated steps: 补正 / 征求意见 / 延期), 复议/诉讼 linked to an application (review), and per year the
// table 二 inputs and the report's editable texts (disclosure_year_input). Results are stored as table 三's row keys
// ('三.三.1' …) so the report is a count, never a translation.
export const m0031Disclosure: Migration = {
  version: 31,
  name: '信息公开：信息发布登记、依申请公开、复议诉讼、年度报告',
  sql: `
CREATE TABLE publication_column (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  sort_order INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
);
CREATE TABLE publication (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  published_date TEXT NOT NULL,
  formed_date TEXT,
  column_id INTEGER NOT NULL REFERENCES publication_column(id) ON DELETE RESTRICT,
  channel TEXT NOT NULL,
  doc_number TEXT NOT NULL DEFAULT '',
  link TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  normative INTEGER NOT NULL DEFAULT 0 CHECK (normative IN (0, 1)),
  interpretation INTEGER NOT NULL DEFAULT 0 CHECK (interpretation IN (0, 1)),
  interprets_id INTEGER REFERENCES publication(id) ON DELETE RESTRICT,
  drafter TEXT NOT NULL DEFAULT '',
  drafted_date TEXT,
  reviewer TEXT NOT NULL DEFAULT '',
  reviewed_date TEXT,
  approver TEXT NOT NULL DEFAULT '',
  approved_date TEXT,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX publication_date ON publication(published_date);
CREATE UNIQUE INDEX publication_title_date ON publication(title, published_date);
CREATE TABLE request (
  id INTEGER PRIMARY KEY,
  received_date TEXT NOT NULL,
  applicant TEXT NOT NULL,
  applicant_type TEXT NOT NULL CHECK (applicant_type IN ('自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他')),
  method TEXT NOT NULL,
  content TEXT NOT NULL,
  handler TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  answered_date TEXT CHECK (answered_date IS NULL OR answered_date >= received_date),
  result TEXT,
  fee_yuan INTEGER NOT NULL DEFAULT 0 CHECK (fee_yuan >= 0),
  answer_note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((answered_date IS NULL) = (result IS NULL))
);
CREATE INDEX request_received ON request(received_date);
CREATE TABLE request_step (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES request(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('补正', '征求意见', '延期')),
  start_date TEXT NOT NULL,
  end_date TEXT,
  days INTEGER,
  party TEXT NOT NULL DEFAULT '',
  told_date TEXT,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX request_step_request ON request_step(request_id);
CREATE TABLE review (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES request(id) ON DELETE RESTRICT,
  kind TEXT NOT NULL CHECK (kind IN ('行政复议', '未经复议直接起诉', '复议后起诉')),
  filed_date TEXT NOT NULL,
  organ TEXT NOT NULL DEFAULT '',
  case_number TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL CHECK (result IN ('维持', '纠正', '其他', '尚未审结')),
  decided_date TEXT,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX review_request ON review(request_id);
-- One row per report year: table 二 inputs (in-force counts NULL = derived), the report's texts (NULL = drafted from
-- the registers), and when it was last exported with its 结转下年度 row (JSON) for next year's cross-check.
CREATE TABLE disclosure_year_input (
  year INTEGER PRIMARY KEY,
  rules_issued INTEGER NOT NULL DEFAULT 0,
  rules_repealed INTEGER NOT NULL DEFAULT 0,
  rules_in_force INTEGER,
  norm_issued INTEGER NOT NULL DEFAULT 0,
  norm_repealed INTEGER NOT NULL DEFAULT 0,
  norm_in_force INTEGER,
  licensing INTEGER NOT NULL DEFAULT 0,
  punishment INTEGER NOT NULL DEFAULT 0,
  enforcement INTEGER NOT NULL DEFAULT 0,
  fees_wan_e4 INTEGER NOT NULL DEFAULT 0,
  texts TEXT NOT NULL DEFAULT '{}',
  exported_at TEXT,
  exported_carry TEXT,
  updated_at TEXT NOT NULL
);
INSERT INTO publication_column (name, sort_order, created_at) VALUES
  ('机构职能', 1, datetime('now', 'localtime')), ('政策文件', 2, datetime('now', 'localtime')),
  ('政策解读', 3, datetime('now', 'localtime')), ('规划计划', 4, datetime('now', 'localtime')),
  ('财政预决算', 5, datetime('now', 'localtime')), ('工作动态', 6, datetime('now', 'localtime')),
  ('通知公告', 7, datetime('now', 'localtime')), ('人事信息', 8, datetime('now', 'localtime')),
  ('建议提案办理', 9, datetime('now', 'localtime')), ('其他', 10, datetime('now', 'localtime'));
`,
};
