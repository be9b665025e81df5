// Migration 36 on a file made before 未评 existed: what the old screen counted as scored stays rated (its stored score
// and counts untouched), rows holding only defaults become 未评, and the self-check reads the file accordingly.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrateDatabase } from '../../../main/db/migrate';
import { MIGRATIONS } from '../../../main/db/migrations';
import { openDatabase } from '../../../main/db/open';
import { getSelfcheck } from '../../../main/services/selfcheck/scores';
import { Workstation } from '../../../main/services/workstation';
import { makeTempDir } from '../../helpers/workstation';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

it('keeps scored rows rated and turns rows of defaults into 未评', async () => {
  const dir = makeTempDir();
  dirs.push(dir);
  const file = path.join(dir, 'old.sqlite');
  const db = openDatabase(file);
  migrateDatabase(
    db,
    file,
    () => '',
    MIGRATIONS.filter((m) => m.version <= 35),
  );
  const now = '2026-11-01 09:00:00';
  db.prepare(
    `INSERT INTO sc_template (id, year, title, total, grades_json, source, created_at, updated_at)
     VALUES (1, 2026, '细则', 100, '[]', 'manual', ?, ?)`,
  ).run(now, now);
  const leaf = db.prepare(
    `INSERT INTO sc_indicator (id, template_id, parent_id, sort_order, level, name, points, rule_json)
     VALUES (?, 1, NULL, ?, 1, ?, 10, ?)`,
  );
  const rows: [number, string, string, Record<string, unknown>][] = [
    [1, '有分', '{"kind":"manual"}', { score: 7 }],
    [2, '有次数', '{"kind":"perItem","deduct":1,"unit":"条"}', { occurrences: 0 }],
    [3, '未达到', '{"kind":"fixed","absentDeduct":2}', { flag: 1 }],
    [4, '只写了原因', '{"kind":"manual"}', { reason: '局务会研究2次' }],
    [5, '只写了措施', '{"kind":"manual"}', { measure: '建立提醒' }],
    [6, '全是默认', '{"kind":"fixed","absentDeduct":null}', {}],
    [7, '全角空格原因', '{"kind":"manual"}', { reason: '\u3000 ' }],
  ];
  const entry = db.prepare(
    `INSERT INTO sc_entry (indicator_id, score, occurrences, flag, ceiling, reason, measure, updated_at)
     VALUES (@id, @score, @occurrences, @flag, 0, @reason, @measure, @now)`,
  );
  for (const [id, name, rule, e] of rows) {
    leaf.run(id, id, name, rule);
    entry.run({ id, score: null, occurrences: null, flag: 0, reason: '', measure: '', now, ...e });
  }
  db.close();

  const upgraded = openDatabase(file);
  migrateDatabase(upgraded, file, () => 'backup');
  const after = upgraded
    .prepare('SELECT indicator_id, rated, decision, score, occurrences, flag, reason, measure FROM sc_entry ORDER BY 1')
    .all() as Record<string, unknown>[];
  expect(after.map((r) => [r.indicator_id, r.rated, r.decision])).toEqual([
    [1, 1, 'entered'],
    [2, 1, 'entered'],
    [3, 1, 'entered'],
    [4, 1, 'entered'],
    [5, 0, null],
    [6, 0, null],
    [7, 0, null],
  ]);
  // Stored scores stay scores: nothing but the new columns changed.
  expect(after.map((r) => [r.score, r.occurrences, r.flag])).toEqual([
    [7, null, 0],
    [null, 0, 0],
    [null, null, 1],
    [null, null, 0],
    [null, null, 0],
    [null, null, 0],
    [null, null, 0],
  ]);
  expect(upgraded.prepare('SELECT provisional FROM sc_template').get()).toEqual({ provisional: 0 });
  expect(upgraded.prepare('SELECT count(*) AS n FROM sc_indicator WHERE record_measure IS NOT NULL').get()).toEqual({
    n: 0,
  });
  upgraded.close();

  // Read by the self-check: the four rated rows count as the old screen showed them (a rated 直接评分 leaf without a
  // score was "不填按满分计" then: 10), the three others count nothing.
  const ws = new Workstation({
    dbPath: file,
    host: 'cli',
    autoBackup: false,
    now: () => new Date(2026, 10, 30, 9, 0, 0),
    files: { deliver: async (fileName) => ({ fileName, status: 'saved' }) },
  }).open();
  try {
    const v = await getSelfcheck(ws.context(), 2026);
    expect(v.rows.map((r) => [r.name, r.scored, r.score])).toEqual([
      ['有分', true, 7],
      ['有次数', true, 10],
      ['未达到', true, 8],
      ['只写了原因', true, 10],
      ['只写了措施', false, 0],
      ['全是默认', false, 0],
      ['全角空格原因', false, 0],
    ]);
    expect([v.total, v.scoredLeaves, v.leaves, v.grade]).toEqual([35, 4, 7, null]);
  } finally {
    ws.close();
  }
});
