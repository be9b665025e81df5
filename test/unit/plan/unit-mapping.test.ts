// 单位对应 "全部科室" is a stored choice: it can be made for any unit, undone for a "各科室" unit, is kept when the
// plan is generated again, and the dialog's data shows it. Files saved before it existed keep their "各科室" rows
// applied as every 科室 (migration 34).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../../main/db/migrate';
import { MIGRATIONS } from '../../../main/db/migrations';
import { openDatabase } from '../../../main/db/open';
import type { PlanTask } from '../../../shared/domain/plan';
import { SAMPLES_DIR, makeTempDir, openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';

const open: TestWorkstation[] = [];
const dirs: string[] = [];
afterEach(() => {
  while (open.length) open.pop()!.cleanup();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function workstation(): Promise<TestWorkstation> {
  const t = await openTestWorkstation({ year: 2026, now: () => new Date('2026-05-11T09:00:00') });
  open.push(t);
  for (const name of ['办公室', '政策法规科', '高新技术科']) await t.call('departments.create', { name });
  return t;
}

/** The county sample (its 牵头/配合 notes name 办公室, 各科室, 财务科, 知识产权局 …) as this year's document. */
async function importCounty(t: TestWorkstation): Promise<number> {
  const text = fs
    .readFileSync(path.join(SAMPLES_DIR, 'county-plan-2023-scraped.txt'), 'utf8')
    .replace(/2023年/g, '2026年');
  const preview = await t.call('points.preview', { source: { upload: null, pastedText: text }, year: 2026 });
  const saved = await t.call('points.save', {
    previewId: preview.previewId,
    replaceDocumentId: null,
    items: preview.parsed.items,
    meta: {
      title: preview.parsed.title || '县科技局政务公开实施方案',
      docNumber: preview.parsed.docNumber,
      issuer: preview.parsed.issuer,
      issuedDate: preview.parsed.issuedDate,
      year: 2026,
    },
  });
  if (saved.status !== 'saved') throw new Error('expected a new document');
  return saved.document.id;
}

/** The tasks whose points name the unit, with the ids of their 科室. */
async function naming(t: TestWorkstation, docId: number, unit: string): Promise<{ task: PlanTask; depts: number[] }[]> {
  const items = (await t.call('points.document', { id: docId })).items;
  const names = new Map(items.map((p) => [p.id, [...p.lead, ...p.support]]));
  const tasks = await t.call('tasks.list', { year: 2026 });
  return tasks
    .filter((x) => x.points.some((p) => names.get(p.id)!.includes(unit)))
    .map((task) => ({ task, depts: [...task.lead, ...task.support].map((d) => d.id).sort((a, b) => a - b) }));
}

describe('单位对应: 全部科室 as a stored choice', () => {
  it('is chosen for any unit, undone for 各科室, kept on regenerating, and shown as saved', async () => {
    const t = await workstation();
    const all = (await t.call('departments.list')).map((d) => d.id).sort((a, b) => a - b);
    const docId = await importCounty(t);
    const first = await t.call('plan.unitMappings', { documentIds: [docId] });
    // "各科室" is suggested as 全部科室; 知识产权局 (another body) is not.
    expect(first.find((m) => m.unit === '各科室')).toMatchObject({
      saved: false,
      allDepartments: true,
      departmentId: null,
      ignored: false,
    });
    expect(first.find((m) => m.unit === '知识产权局')).toMatchObject({
      saved: false,
      allDepartments: false,
      departmentId: null,
    });

    // The user turns it round: 知识产权局 → 全部科室, 各科室 → 未对应.
    await t.call('plan.generate', {
      year: 2026,
      documentIds: [docId],
      mappings: [
        { unit: '知识产权局', departmentId: null, ignored: false, allDepartments: true },
        { unit: '各科室', departmentId: null, ignored: false, allDepartments: false },
      ],
    });
    const ip = await naming(t, docId, '知识产权局');
    expect(ip.length).toBeGreaterThan(0);
    for (const x of ip) {
      expect(x.depts).toEqual(all);
      expect(x.task.unmappedUnits).not.toContain('知识产权局');
    }
    const every = await naming(t, docId, '各科室');
    expect(every.length).toBeGreaterThan(0);
    for (const x of every) expect(x.task.unmappedUnits).toContain('各科室');
    const saved = await t.call('plan.unitMappings', { documentIds: [docId] });
    expect(saved.find((m) => m.unit === '知识产权局')).toMatchObject({
      saved: true,
      allDepartments: true,
      departmentId: null,
      ignored: false,
    });
    expect(saved.find((m) => m.unit === '各科室')).toMatchObject({
      saved: true,
      allDepartments: false,
      departmentId: null,
      ignored: false,
    });

    // After generation the dialog sets 各科室 back to 全部科室: its tasks get every 科室 and no longer list it.
    const r = await t.call('plan.applyUnitMappings', {
      year: 2026,
      mappings: [{ unit: '各科室', departmentId: null, ignored: false, allDepartments: true }],
    });
    expect(r.resolved).toBe(every.length);
    for (const x of await naming(t, docId, '各科室')) {
      expect(x.depts).toEqual(all);
      expect(x.task.unmappedUnits).not.toContain('各科室');
    }

    // Generating again without sending choices keeps both stored choices.
    await t.call('plan.generate', { year: 2026, documentIds: [docId], replace: true });
    for (const unit of ['知识产权局', '各科室']) {
      for (const x of await naming(t, docId, unit)) {
        expect(x.depts, unit).toEqual(all);
        expect(x.task.unmappedUnits, unit).not.toContain(unit);
      }
    }
    const again = await t.call('plan.unitMappings', { documentIds: [docId] });
    expect(
      again
        .filter((m) => m.allDepartments)
        .map((m) => m.unit)
        .sort(),
    ).toEqual(['各科室', '知识产权局']);

    // A 科室 or 不涉及 replaces 全部科室.
    await t.call('plan.saveUnitMappings', {
      mappings: [
        { unit: '知识产权局', departmentId: all[0], ignored: false, allDepartments: true },
        { unit: '各科室', departmentId: null, ignored: true, allDepartments: true },
      ],
    });
    const last = await t.call('plan.unitMappings', { documentIds: [docId] });
    expect(last.find((m) => m.unit === '知识产权局')).toMatchObject({ departmentId: all[0], allDepartments: false });
    expect(last.find((m) => m.unit === '各科室')).toMatchObject({ ignored: true, allDepartments: false });
  });

  it('marks rows saved before migration 34 for "各科室" names as 全部科室, and no other row', () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const file = path.join(dir, 'old.sqlite');
    const old = openDatabase(file);
    migrateDatabase(
      old,
      file,
      () => '',
      MIGRATIONS.filter((m) => m.version <= 33),
    );
    const insert = old.prepare(
      'INSERT INTO unit_mapping (unit, department_id, ignored, updated_at) VALUES (?, NULL, ?, ?)',
    );
    for (const [unit, ignored] of [
      ['各科室', 0],
      ['局机关各处室', 0],
      ['各有关科室', 0],
      ['省司法厅', 0],
      ['各处室', 1],
      ['各级政府部门', 0],
    ] as const)
      insert.run(unit, ignored, '2026-03-01 09:00:00');
    old.close();
    const db = openDatabase(file);
    migrateDatabase(db, file, () => 'backup');
    const rows = db.prepare('SELECT unit, all_departments AS a FROM unit_mapping ORDER BY unit').all() as {
      unit: string;
      a: number;
    }[];
    expect(Object.fromEntries(rows.map((r) => [r.unit, r.a]))).toEqual({
      各科室: 1,
      局机关各处室: 1,
      各有关科室: 1,
      省司法厅: 0,
      各处室: 0,
      各级政府部门: 0,
    });
    expect(() => db.prepare("UPDATE unit_mapping SET all_departments = 2 WHERE unit = '各科室'").run()).toThrow(
      /CHECK/,
    );
    db.close();
  });
});
