import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTempDir, SAMPLES_DIR } from '../../helpers/workstation';
import { readSample, SAMPLE_NAMES } from './variants';
import { scoreItems } from './score';
import { buildDocx } from './variants';

// The CLI contract other tools rely on: one JSON object on stdout and exit 0, or 错误[CODE]：message on stderr
// and exit 1; parse-points never touches a database.

const ROOT = path.resolve(__dirname, '../../..');
let dir: string;
beforeAll(() => {
  dir = makeTempDir('zwgk-points-cli-');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'main/cli.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

it('parse-points 输出恰好一个 JSON 对象，字段与约定一致，且不创建数据文件', async () => {
  const name = SAMPLE_NAMES.find((n) => n.startsWith('county'))!;
  const file = path.join(dir, `${name}.docx`);
  const { expected } = readSample(name);
  const items = JSON.parse(cli('parse-points', path.join(SAMPLES_DIR, `${name}.txt`)).stdout).items;
  fs.writeFileSync(file, await buildDocx({ title: '县科技局政务公开实施方案', docNumber: null, items }, 'auto'));
  const db = path.join(dir, 'not-created.sqlite');
  const r = cli('parse-points', file, '--db', db);
  expect(r.code).toBe(0);
  expect(r.stderr).not.toMatch(/错误/);
  const out = JSON.parse(r.stdout);
  expect(Object.keys(out)).toEqual(['title', 'docNumber', 'year', 'items']);
  expect(out.title).toBe('县科技局政务公开实施方案');
  expect(out.year).toBe(2023);
  for (const it of out.items)
    expect(Object.keys(it)).toEqual(['level', 'label', 'title', 'text', 'lead', 'support', 'deadline', 'deadlineText']);
  expect(scoreItems(out.items, expected)).toEqual([]);
  expect(fs.existsSync(db)).toBe(false);
});

it('--year 决定“9月底前”等时限的年度', () => {
  const file = path.join(dir, 'no-year.txt');
  fs.writeFileSync(file, '一、加强公开\n1.9月底前完成清单编制。（办公室负责）\n');
  const out = JSON.parse(cli('parse-points', file, '--year', '2021').stdout);
  expect(out.year).toBe(2021);
  expect(out.items[1]).toMatchObject({ deadline: '2021-09-30', deadlineText: '9月底前', lead: ['办公室'] });
});

it('无法使用的文件：stderr 输出“错误[代码]：中文说明”，退出码 1，stdout 为空', () => {
  const file = path.join(dir, 'junk.txt');
  fs.writeFileSync(file, crypto.randomBytes(4096));
  const r = cli('parse-points', file);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^错误\[FILE_TYPE_MISMATCH\]：文件“junk\.txt”不是文本文件/m);
  const big = path.join(dir, 'big.docx');
  fs.writeFileSync(big, Buffer.alloc(50 * 1024 * 1024));
  const r2 = cli('parse-points', big);
  expect(r2.code).toBe(1);
  expect(r2.stderr).toMatch(/^错误\[FILE_TOO_LARGE\]：/m);
});

it('import-points 保存文件和条目；再次导入需 --replace', () => {
  const db = path.join(dir, 'z.sqlite');
  const file = path.join(SAMPLES_DIR, 'work-points-province-2020.txt');
  const r = cli('import-points', file, '--db', db);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/已导入.*42 条/);
  const again = cli('import-points', file, '--db', db);
  expect(again.code).toBe(1);
  expect(again.stderr).toMatch(/^错误\[CONFLICT\]：已导入过同一文件/m);
  expect(cli('import-points', file, '--db', db, '--replace').code).toBe(0);
});
