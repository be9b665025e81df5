// CLI contracts: parse-indicators prints one JSON object and touches no database (and loads no Word/Excel/database
// code); import-indicators + selfcheck --json give the service's figures; the exports run through `export`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/workstation';
import { buildXlsx, DEDUCTION_HEADER, DEDUCTION_ROWS, SAMPLE_HEADER, SAMPLE_ROWS } from './build-files';

const ROOT = path.resolve(__dirname, '../../..');
let dir: string;
beforeAll(() => {
  dir = makeTempDir('zwgk-selfcheck-cli-');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'main/cli.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

it('parse-indicators: one JSON object with the contract keys, no database created', async () => {
  const file = path.join(dir, '细则.xlsx');
  fs.writeFileSync(
    file,
    await buildXlsx({ title: '某县2026年政务公开考核评分细则', header: SAMPLE_HEADER, rows: SAMPLE_ROWS }),
  );
  const db = path.join(dir, 'never.sqlite');
  const r = cli('parse-indicators', file, '--db', db);
  expect(r.code, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(Object.keys(out)).toEqual(['title', 'total', 'indicators']);
  expect([out.title, out.total]).toEqual(['某县2026年政务公开考核评分细则', 100]);
  const walk = (n: Record<string, unknown>, level: number) => {
    expect(Object.keys(n)).toEqual(['level', 'name', 'points', 'weight', 'criteria', 'rule', 'children']);
    expect(n.level).toBe(level);
    (n.children as Record<string, unknown>[]).forEach((c) => walk(c, level + 1));
  };
  out.indicators.forEach((n: Record<string, unknown>) => walk(n, 1));
  expect(out.indicators[0]).toMatchObject({ name: '制度建设', points: 30, weight: null, rule: { kind: 'manual' } });
  expect(out.indicators[1].children[0].children[1]).toMatchObject({
    name: '栏目更新时效',
    points: 12,
    rule: { kind: 'perItem', deduct: 1, unit: '个' },
  });
  expect(fs.existsSync(db)).toBe(false);
});

it('parse-indicators: a cap below the points and several findings are printed as rules, other kinds as before', async () => {
  const file = path.join(dir, '分项扣分细则.xlsx');
  fs.writeFileSync(
    file,
    await buildXlsx({ title: '某县2026年政务公开考核评分细则', header: DEDUCTION_HEADER, rows: DEDUCTION_ROWS }),
  );
  const r = cli('parse-indicators', file);
  expect(r.code, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(Object.keys(out)).toEqual(['title', 'total', 'indicators']);
  const leaves = out.indicators.flatMap((g: { children: Record<string, unknown>[] }) => g.children);
  for (const l of leaves)
    expect(Object.keys(l)).toEqual(['level', 'name', 'points', 'weight', 'criteria', 'rule', 'children']);
  expect(leaves.map((l: { rule: unknown }) => l.rule)).toEqual([
    {
      kind: 'deductions',
      items: [
        { finding: '未按时公开', deduct: 1 },
        { finding: '内容不完整', deduct: 0.5, unit: '处' },
      ],
    },
    {
      kind: 'deductions',
      items: [
        { finding: '未设置专栏', deduct: 2 },
        { finding: '栏目空白', deduct: 1, unit: '个' },
      ],
    },
    { kind: 'perItem', deduct: 0.5, unit: '处', cap: 2 },
    { kind: 'perItem', deduct: 1, unit: '项', cap: 3 },
    { kind: 'manual' },
    {
      kind: 'deductions',
      items: [
        { finding: '未制定', deduct: 2 },
        { finding: '未按要求报送', deduct: 1 },
      ],
      cap: 2.5,
    },
  ]);
  // A 按次扣分 without a cap prints exactly the keys it always had.
  const sample = path.join(dir, '细则2.xlsx');
  fs.writeFileSync(sample, await buildXlsx({ header: SAMPLE_HEADER, rows: SAMPLE_ROWS }));
  const plain = JSON.parse(cli('parse-indicators', sample).stdout);
  expect(Object.keys(plain.indicators[1].children[0].children[1].rule)).toEqual(['kind', 'deduct', 'unit']);
});

it('parse-indicators stays light: the bundle chunk it runs imports no database, docx or exceljs code', () => {
  // The reader's module graph, statically: none of these may be reachable from the command.
  const seen = new Set<string>();
  const heavy: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const src = fs.readFileSync(file, 'utf8');
    for (const m of src.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)) {
      const spec = m[1];
      if (!spec.startsWith('.')) {
        if (/^(docx|exceljs|better-sqlite3|kysely|jszip)$/.test(spec))
          heavy.push(`${path.relative(ROOT, file)} → ${spec}`);
        continue;
      }
      const base = path.resolve(path.dirname(file), spec);
      const target = [`${base}.ts`, `${base}/index.ts`].find((f) => fs.existsSync(f));
      if (target) visit(target);
    }
  };
  visit(path.join(ROOT, 'main/cli/selfcheck.ts'));
  expect(heavy).toEqual([]);
  expect([...seen].some((f) => f.includes('services'))).toBe(false);
});

it('bad files: Chinese message on stderr with the place, exit 1, nothing on stdout', async () => {
  const file = path.join(dir, '坏细则.xlsx');
  fs.writeFileSync(file, await buildXlsx({ header: ['一级指标', '分值'], rows: [['组织保障', 'abc']] }));
  const r = cli('parse-indicators', file);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(
    /^错误\[IMPORT_ROWS_INVALID\]：文件“坏细则\.xlsx”工作表“评分细则”第2行第2列（B列“分值”）的“abc”不是分值数字/m,
  );
});

it('import-indicators, selfcheck --json and the exports', async () => {
  const file = path.join(dir, '细则2.xlsx');
  fs.writeFileSync(
    file,
    await buildXlsx({ title: '某县2026年政务公开考核评分细则', header: SAMPLE_HEADER, rows: SAMPLE_ROWS }),
  );
  const db = path.join(dir, 'work.sqlite');
  expect(cli('demo', '--db', db).code).toBe(0);
  // The demo already holds a template for its year: a second import needs --replace.
  const year = String(new Date().getFullYear());
  const refused = cli('import-indicators', file, '--db', db, '--year', year);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/已有考核细则.*确认替换/);
  const imp = cli('import-indicators', file, '--db', db, '--year', year, '--replace');
  expect(imp.code, imp.stderr).toBe(0);
  expect(imp.stdout).toContain('满分100分，各级分值合计 100 / 100 / 100');
  const r = cli('selfcheck', '--db', db, '--year', year, '--json');
  expect(r.code, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout);
  // The contract's keys first and in order; the added ones after them.
  expect(Object.keys(out).slice(0, 6)).toEqual(['template', 'total', 'maxTotal', 'grade', 'vetoed', 'indicators']);
  // Freshly imported, nothing rated: 已评 0/M (M = the file's rows, every row a leaf), total 0, no grade.
  const leaves = SAMPLE_ROWS.length;
  expect(out).toMatchObject({
    template: '某县2026年政务公开考核评分细则',
    total: 0,
    maxTotal: 108,
    grade: null,
    vetoed: false,
    rated: 0,
    leaves,
    complete: false,
    provisional: false,
    maxBase: 100,
    maxBonus: 8,
  });
  expect(Object.keys(out.indicators[0]).slice(0, 5)).toEqual(['path', 'points', 'score', 'deducted', 'children']);
  expect(out.indicators[1].children[0].children[1]).toMatchObject({
    path: '平台管理与信息更新 / 信息更新 / 栏目更新时效',
    points: 12,
    score: 0,
    deducted: 0,
    rated: 0,
    leaves: 1,
  });
  const text = cli('selfcheck', '--db', db, '--year', year);
  expect(text.code, text.stderr).toBe(0);
  expect(text.stdout).toContain(`已评 0/${leaves}，已评指标得分 0 分（满分 100＋加分8 分），等次：评完全部指标后确定`);
  for (const kind of ['selfcheck-xlsx', 'selfcheck-docx', 'rectification-xlsx', 'rectification-docx']) {
    const outFile = path.join(dir, `${kind}.${kind.endsWith('xlsx') ? 'xlsx' : 'docx'}`);
    const e = cli('export', kind, '--db', db, '--year', year, '--out', outFile);
    expect(e.code, e.stderr).toBe(0);
    expect(fs.statSync(outFile).size).toBeGreaterThan(5000);
  }
}, 400_000);
