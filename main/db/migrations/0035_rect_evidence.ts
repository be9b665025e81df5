import type { Migration } from './index';

// 整改进展的佐证材料: a progress entry of an 整改 item may carry several files and links (the office files the
// notice, the screenshot and the signed 整改报告 together), as a task's progress does (plan_evidence). Until now an
// entry held one file or link in its own columns; those are copied here and from now on only this table is read.
// The old columns stay (a released table is never rebuilt) and are cleared when their evidence is removed.
export const m0035RectEvidence: Migration = {
  version: 35,
  name: '自查整改：整改进展的多项佐证材料',
  sql: `
CREATE TABLE rectification_evidence (
  id INTEGER PRIMARY KEY,
  progress_id INTEGER NOT NULL REFERENCES rectification_progress(id) ON DELETE CASCADE,
  title TEXT NOT NULL DEFAULT '',
  attachment_id INTEGER REFERENCES attachment(id) ON DELETE RESTRICT,
  url TEXT,
  created_at TEXT NOT NULL,
  CHECK (attachment_id IS NOT NULL OR url IS NOT NULL)
);
CREATE INDEX rectification_evidence_progress ON rectification_evidence(progress_id);
INSERT INTO rectification_evidence (progress_id, title, attachment_id, url, created_at)
  SELECT id, evidence_title, attachment_id, url, created_at FROM rectification_progress WHERE attachment_id IS NOT NULL OR url IS NOT NULL;
`,
};
