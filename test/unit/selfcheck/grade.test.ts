// 按等次评分 (issue 21): a 细则 whose points are grade columns 优(10) | 良(8) | 一般(6) | 差(0) imports as grade rules;
// rating a leaf means choosing a level and scores its points, unrated counts nothing; editing the levels carries a
// chosen level to its new points (or back to 未评 when it is gone); the exports print the level; the CLI's contracts
// keep their keys. Everything through the real dispatch on a real SQLite file, the files built here and read back.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SelfcheckView } from '../../../shared/domain/selfcheck';
import { AppError } from '../../../shared/ipc/result';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { importTemplateFile } from './import-template';
import { readDocx } from '../export/read-docx';
import { asXlsx } from '../grid/build-table';
import { GRADE_HEADS as HEADS, GRADE_LEAVES as LEAVES, GRADE_TABLE as SPEC } from './build-files';

const ROOT = path.resolve(__dirname, '../../..');
const NOW = new Date(2026, 10, 30, 10, 0, 0);

const levelsOf = (i: number) => HEADS.map(([label, points], k) => ({ label, points, criteria: LEAVES[i].words[k] }));
const pointsOf = (label: string) => HEADS.find(([l]) => l === label)![1];

let t: TestWorkstation;
beforeEach(async () => {
  t = await openTestWorkstation({ year: 2026, now: () => NOW });
});
afterEach(() => t.cleanup());

async function importGrades(ws = t): Promise<SelfcheckView> {
  return importTemplateFile(ws, 2026, '等次细则.xlsx', await asXlsx(SPEC));
}
const row = (v: SelfcheckView, name: string) => v.rows.find((r) => r.name === name)!;

async function refused(work: Promise<unknown>): Promise<AppError> {
  const e = await work.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('a 细则 with 优/良/一般/差 columns', () => {
  it('imports as grade rules: the levels as written, best first, the 分值 the best level', async () => {
    const data = await asXlsx(SPEC);
    const preview = await t.call('selfcheck.previewFile', {
      upload: { fileName: '等次细则.xlsx', dataBase64: data.toString('base64') },
    });
    expect(preview.title).toBe('某县2026年政务公开工作考核评分细则');
    // 3 leaves × the best level's 10 points.
    expect(preview.total).toBe(LEAVES.length * 10);
    expect(preview.indicators.map((n) => [n.name, n.points])).toEqual([
      ['制度建设', null],
      ['平台建设', null],
    ]);
    const leaves = preview.indicators.flatMap((n) => n.children);
    expect(leaves.map((n) => n.name)).toEqual(LEAVES.map((l) => l.name));
    leaves.forEach((n, i) => {
      expect(n.points).toBe(10);
      expect(n.rule).toEqual({ kind: 'grade', levels: levelsOf(i) });
    });
    const v = await importGrades();
    expect([v.maxBase, v.leaves, v.scoredLeaves, v.total, v.grade]).toEqual([30, 3, 0, 0, null]);
    // Saved without 等次 (as the command line saves it): 90/80/60 of 100 become the same shares of its 满分 30.
    expect(v.template!.grades.map((g) => g.min)).toEqual([0.9, 0.8, 0.6, 0].map((s) => s * 30));
    expect(row(v, '信息公开制度').ruleLabel).toBe(
      '按等次评分：优10分（制度健全）；良8分（制度较健全）；一般6分（有制度）；差0分（无制度）',
    );
  });

  it('rating a level scores its points; an unrated leaf counts nothing; 改为未评 takes it back', async () => {
    const v0 = await importGrades();
    await t.call('selfcheck.saveEntry', { indicatorId: row(v0, '信息公开制度').id, level: '良' });
    const v1 = await t.call('selfcheck.get', { year: 2026 });
    expect(row(v1, '信息公开制度')).toMatchObject({ score: 8, deducted: 2, scored: true });
    expect(row(v1, '信息公开制度').entry).toMatchObject({ rated: true, score: 8 });
    // Only the rated leaf counts: the other two are 未评, lose nothing, and there is no grade yet.
    expect([v1.total, v1.scoredLeaves, v1.grade]).toEqual([pointsOf('良'), 1, null]);
    expect(row(v1, '保密审查制度')).toMatchObject({ score: 0, deducted: 0, scored: false });
    expect(row(v1, '制度建设')).toMatchObject({ score: 8, deducted: 2, ratedLeaves: 1, leafCount: 2 });

    await t.call('selfcheck.saveEntry', { indicatorId: row(v0, '保密审查制度').id, level: '优' });
    await t.call('selfcheck.saveEntry', { indicatorId: row(v0, '政府网站专栏').id, level: '差' });
    const v2 = await t.call('selfcheck.get', { year: 2026 });
    const expected = pointsOf('良') + pointsOf('优') + pointsOf('差');
    expect([v2.total, v2.complete, v2.scoredLeaves]).toEqual([expected, true, 3]);
    expect(v2.grade).not.toBeNull();

    await t.call('selfcheck.saveEntry', { indicatorId: row(v0, '政府网站专栏').id, level: null });
    const v3 = await t.call('selfcheck.get', { year: 2026 });
    expect([v3.total, v3.scoredLeaves, v3.grade]).toEqual([pointsOf('良') + pointsOf('优'), 2, null]);
    // The audit says which level was chosen.
    const audit = await t.ws
      .context()
      .db.selectFrom('audit_log')
      .select('summary')
      .where('entity', '=', 'sc_entry')
      .execute();
    expect(audit.map((a) => a.summary)).toContain('自评：制度建设 / 信息公开制度（等次：良，8分）');
  });

  it('refuses a 自评分 typed for a grade leaf, a level it does not have, a level for a group; nothing saved', async () => {
    const v = await importGrades();
    const leaf = row(v, '信息公开制度').id;
    const a = await refused(t.call('selfcheck.saveEntry', { indicatorId: leaf, score: 8 }));
    expect(a.message).toBe(
      '自评分：“制度建设 / 信息公开制度”按等次评分，请选择等次（优10分、良8分、一般6分、差0分），不直接填自评分。',
    );
    const b = await refused(t.call('selfcheck.saveEntry', { indicatorId: leaf, level: '较好' }));
    expect(b.message).toBe('等次：“制度建设 / 信息公开制度”没有“较好”这个等次，请从“优”、“良”、“一般”、“差”中选择。');
    const c = await refused(t.call('selfcheck.saveEntry', { indicatorId: row(v, '制度建设').id, level: '优' }));
    expect(c.message).toContain('有下级指标，得分由下级汇总');
    const entries = await t.ws.context().db.selectFrom('sc_entry').selectAll().execute();
    expect(entries).toEqual([]);
  });

  it('editing the levels: a chosen level keeps its label at its new points, a removed one leaves 未评', async () => {
    const v = await importGrades();
    const r = row(v, '信息公开制度');
    await t.call('selfcheck.saveEntry', { indicatorId: r.id, level: '良' });
    const patch = (levels: { label: string; points: number; criteria?: string }[]) =>
      t.call('selfcheck.updateIndicator', {
        id: r.id,
        name: r.name,
        points: null,
        weight: null,
        criteria: r.criteria,
        rule: { kind: 'grade', levels },
      });
    // Two levels at the same points cannot say which one was chosen: refused, nothing changed.
    const dup = await refused(
      patch([
        { label: '优', points: 10 },
        { label: '良', points: 10 },
      ]),
    );
    expect(dup.message).toContain('有两个等次都是10分');
    // 良 8 → 7, written worst first: kept best first; the rating follows the label.
    await patch([
      { label: '差', points: 0 },
      { label: '良', points: 7, criteria: '制度较健全' },
      { label: '优', points: 12, criteria: '制度健全' },
    ]);
    const v1 = await t.call('selfcheck.get', { year: 2026 });
    expect(row(v1, '信息公开制度').rule).toEqual({
      kind: 'grade',
      levels: [
        { label: '优', points: 12, criteria: '制度健全' },
        { label: '良', points: 7, criteria: '制度较健全' },
        { label: '差', points: 0 },
      ],
    });
    expect(row(v1, '信息公开制度')).toMatchObject({ points: 12, score: 7, deducted: 5, scored: true });
    expect(v1.maxBase).toBe(32);
    // 良 gone: the leaf is 未评 again.
    await patch([
      { label: '优', points: 10 },
      { label: '合格', points: 6 },
      { label: '差', points: 0 },
    ]);
    const v2 = await t.call('selfcheck.get', { year: 2026 });
    expect(row(v2, '信息公开制度')).toMatchObject({ points: 10, score: 0, scored: false });
    expect(row(v2, '信息公开制度').entry.rated).toBe(false);
  });

  it('the 建议分 from the records does not apply to a grade leaf: the records are shown, nothing proposed or refused', async () => {
    const v = await importGrades();
    const leaf = row(v, '政府网站专栏').id;
    await t.call('selfcheck.setMeasure', { indicatorId: leaf, recordMeasure: 'latePublications' });
    const p = await t.call('selfcheck.proposal', { indicatorId: leaf, recordMeasure: 'latePublications' });
    expect(p).toMatchObject({ entry: null, score: null, count: 0 });
    expect(p!.summary).toBe('记录中有超期发布的信息0条；本项按等次评分，请对照各等次的评分标准选择等次。');
    const accept = await refused(
      t.call('selfcheck.acceptProposal', { indicatorId: leaf, recordMeasure: 'latePublications' }),
    );
    expect(accept.message).toContain('没有可采用的建议分');
    // Rated by a level with the measure chosen: saved as typed, nothing to look at.
    await t.call('selfcheck.saveEntry', { indicatorId: leaf, level: '良' });
    const after = row(await t.call('selfcheck.get', { year: 2026 }), '政府网站专栏');
    expect(after).toMatchObject({
      score: 8,
      decision: 'entered',
      proposalAlert: null,
      recordMeasure: 'latePublications',
    });
  });
});

describe('the exports and the CLI', () => {
  async function rateAll(): Promise<SelfcheckView> {
    const v = await importGrades();
    await t.call('selfcheck.saveEntry', { indicatorId: row(v, '信息公开制度').id, level: '良', reason: '' });
    await t.call('selfcheck.saveEntry', { indicatorId: row(v, '保密审查制度').id, level: '优' });
    await t.call('selfcheck.saveEntry', { indicatorId: row(v, '政府网站专栏').id, level: '一般' });
    return t.call('selfcheck.get', { year: 2026 });
  }

  it('自查评分表 and 自查报告 print the level chosen: “等次：良，8分”', async () => {
    const v = await rateAll();
    expect(v.total).toBe(pointsOf('良') + pointsOf('优') + pointsOf('一般'));
    await t.call('selfcheck.export', { kind: 'selfcheck-xlsx', year: 2026 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.delivered.at(-1)!.data as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(3).values as unknown[]).slice(1) as string[];
    const col = (h: string) => header.indexOf(h);
    const rows: unknown[][] = [];
    for (let r = 4; r <= ws.rowCount; r++) rows.push((ws.getRow(r).values as unknown[]).slice(1));
    const printed = (name: string) => rows.find((x) => x[col('二级指标')] === name)!;
    expect(printed('信息公开制度')[col('自评分')]).toBe('等次：良，8分');
    expect(printed('保密审查制度')[col('自评分')]).toBe('等次：优，10分');
    expect(printed('政府网站专栏')[col('自评分')]).toBe('等次：一般，6分');
    expect(printed('信息公开制度')[col('扣分')]).toBe(2);
    // The rule in words after the criteria, every level with its words (what the round trip reads back).
    expect(printed('信息公开制度')[col('评分标准')]).toBe(
      '（按等次评分：优10分（制度健全）；良8分（制度较健全）；一般6分（有制度）；差0分（无制度））',
    );
    // The 一级 rows and the 合计 still print numbers that add up to the app's total.
    expect(rows.at(-1)![col('自评分')]).toBe(v.total);
    expect(rows.filter((x) => x[col('一级指标')]).reduce((a, x) => a + (x[col('自评分')] as number), 0)).toBe(v.total);

    await t.call('selfcheck.export', { kind: 'selfcheck-docx', year: 2026 });
    const doc = (await readDocx(t.delivered.at(-1)!.data)).document.replace(/<[^>]+>/g, '');
    expect(doc).toContain('等次：良，8分');
    expect(doc).toContain('等次：一般，6分');
    // The problems name the level when no reason was written.
    expect(doc).toContain('1.制度建设—信息公开制度：自评等次为“良”（8分）（扣2分）。');
    expect(doc).toContain('信息公开制度评为“良”，扣2分');
  });

  it('selfcheck --json keeps its keys and counts the levels; parse-indicators prints the levels in `rule`', async () => {
    const v = await rateAll();
    const file = path.join(t.dir, '等次细则.xlsx');
    fs.writeFileSync(file, await asXlsx(SPEC));
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'main/cli.ts', ...args], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    const r = cli('selfcheck', '--db', t.dbPath, '--year', '2026', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).slice(0, 6)).toEqual(['template', 'total', 'maxTotal', 'grade', 'vetoed', 'indicators']);
    expect(out).toMatchObject({ total: v.total, maxTotal: 30, rated: 3, leaves: 3, complete: true });
    expect(Object.keys(out.indicators[0]).slice(0, 5)).toEqual(['path', 'points', 'score', 'deducted', 'children']);
    expect(out.indicators[0].children[0]).toMatchObject({
      path: '制度建设 / 信息公开制度',
      points: 10,
      score: 8,
      deducted: 2,
      rated: 1,
      leaves: 1,
    });

    const p = cli('parse-indicators', file);
    expect(p.status, p.stderr).toBe(0);
    const parsed = JSON.parse(p.stdout);
    expect(Object.keys(parsed.indicators[0].children[0])).toEqual([
      'level',
      'name',
      'points',
      'weight',
      'criteria',
      'rule',
      'children',
    ]);
    expect(parsed.indicators[0].children[0]).toMatchObject({
      name: '信息公开制度',
      points: 10,
      rule: { kind: 'grade', levels: levelsOf(0) },
    });
  }, 120_000);
});
