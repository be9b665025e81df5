// The command-line contracts other tools rely on: annual-report --json prints exactly one JSON object in the issue's
// shape; import-publications / import-requests print added, skipped and refused rows, and exit 1 with 错误[CODE]
// when nothing could be used.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMAND_AREAS, runCli } from '../../../main/cli/run';
import { saveBureau } from '../../../main/services/org/bureau';
import { Workstation } from '../../../main/services/workstation';
import { makeTempDir } from '../../helpers/workstation';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true });
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
  return { out: () => out.join(''), err: () => err.join('') };
}

async function xlsx(file: string, rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('登记');
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

describe('CLI contracts of 信息公开', () => {
  it('imports, reports and exports through the commands', async () => {
    expect(Object.keys(COMMAND_AREAS)).toEqual(
      expect.arrayContaining(['import-publications', 'import-requests', 'annual-report']),
    );
    const dir = makeTempDir();
    dirs.push(dir);
    const db = path.join(dir, 'w.sqlite');
    let io = capture();
    expect(await runCli(['check', '--db', db])).toBeTypeOf('number');
    vi.restoreAllMocks();

    const pubs = path.join(dir, 'pubs.xlsx');
    await xlsx(pubs, [
      ['标题', '发布时间', '所属栏目'],
      ['甲通知', '2025-12-30', '通知公告'],
      ['乙动态', '2026-01-05', '工作动态'],
      ['乙动态', '2026-01-05', '工作动态'],
      ['', '2026-01-06', '工作动态'],
    ]);
    io = capture();
    expect(await runCli(['import-publications', pubs, '--db', db])).toBe(0);
    expect(io.out()).toBe(
      '工作表“登记”（行号为该工作表中的行号）\n已导入 2 条：第2行、第3行\n按年度：2025年1条、2026年1条\n跳过 1 条：\n  第4行：重复：2026-01-05“乙动态”在文件中出现多次\n无法导入 1 条：\n  第5行：“标题”列：标题为空\n',
    );
    vi.restoreAllMocks();
    io = capture();
    expect(await runCli(['import-publications', pubs, '--db', db])).toBe(1);
    expect(io.err()).toMatch(
      /^错误\[IMPORT_ROWS_INVALID\]：“pubs\.xlsx”中没有可以导入的新记录（工作表“登记”）：第5行：“标题”列：标题为空；第2行：重复/,
    );
    vi.restoreAllMocks();

    // A 栏目 the 公开目录 does not know is created only when the command says so.
    const unknown = path.join(dir, 'unknown.xlsx');
    await xlsx(unknown, [
      ['标题', '发布时间', '所属栏目'],
      ['丙通知', '2026-02-03', '科普工作'],
    ]);
    io = capture();
    expect(await runCli(['import-publications', unknown, '--db', db])).toBe(1);
    expect(io.err()).toContain(
      '错误[VALIDATION]：“unknown.xlsx”中有公开目录里没有的栏目：科普工作（1条），没有导入任何记录。',
    );
    vi.restoreAllMocks();
    io = capture();
    expect(await runCli(['import-publications', unknown, '--db', db, '--new-columns'])).toBe(0);
    expect(io.out()).toBe(
      '工作表“登记”（行号为该工作表中的行号）\n已导入 1 条：第2行\n按年度：2026年1条\n新增栏目：科普工作\n跳过 0 条\n无法导入 0 条\n',
    );
    vi.restoreAllMocks();

    const reqs = path.join(dir, 'reqs.xlsx');
    await xlsx(reqs, [
      ['收到日期', '申请人', '申请人类型', '申请内容', '答复日期', '办理结果'],
      ['2025-12-28', '张三', '自然人', '甲信息', '2026-01-08', '予以公开'],
      ['2026-03-02', '某律所', '法律服务机构', '乙信息', '2026-03-20', '不予公开-属于国家秘密'],
      ['2026-11-30', '李四', '商业企业', '丙信息', '', ''],
      ['2026-04-01', '王五', '法人', '丁信息', '', ''],
    ]);
    io = capture();
    expect(await runCli(['import-requests', reqs, '--db', db])).toBe(0);
    expect(io.out()).toContain('已导入 3 件：第2行、第3行、第4行');
    expect(io.out()).toContain('  第5行：“申请人类型”列：“法人”不是年报的申请人类型');
    vi.restoreAllMocks();

    // Nothing to import: the sheet is named, and a reason's own full stop is not doubled.
    const noStep = path.join(dir, 'no-step.xlsx');
    await xlsx(noStep, [
      ['收到日期', '申请人', '申请内容', '答复日期', '办理结果'],
      ['2026-05-06', '赵六', '戊信息', '2026-05-20', '逾期不补正'],
    ]);
    io = capture();
    expect(await runCli(['import-requests', noStep, '--db', db])).toBe(1);
    expect(io.err()).toContain(
      '“no-step.xlsx”中没有可以导入的新申请（工作表“登记”）：第2行：办理结果“逾期不补正”需要先登记补正告知。',
    );
    expect(io.err()).not.toContain('。。');
    vi.restoreAllMocks();

    io = capture();
    expect(await runCli(['annual-report', '--db', db, '--year', '2026', '--json'])).toBe(0);
    const text = io.out();
    vi.restoreAllMocks();
    expect(text.trim().split('\n')).toHaveLength(1);
    const j = JSON.parse(text);
    expect(Object.keys(j)).toEqual(['year', 'active', 'requests', 'reviews', 'problems']);
    expect(j.year).toBe(2026);
    expect(Object.keys(j.active)).toEqual([
      'rules',
      'normativeDocuments',
      'licensing',
      'punishment',
      'enforcement',
      'feesWan',
    ]);
    expect(Object.keys(j.active.rules)).toEqual(['issued', 'repealed', 'inForce']);
    expect(j.requests.columns).toEqual([
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
    ]);
    const keys = [
      '一',
      '二',
      '三.一',
      '三.二',
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `三.三.${i}`),
      ...[1, 2, 3].map((i) => `三.四.${i}`),
      ...[1, 2, 3, 4, 5].map((i) => `三.五.${i}`),
      ...[1, 2, 3].map((i) => `三.六.${i}`),
      '三.七',
      '四',
    ];
    expect(j.requests.rows.map((r: { key: string }) => r.key)).toEqual(keys);
    for (const r of j.requests.rows) {
      expect(Object.keys(r)).toEqual(['key', 'label', 'values']);
      expect(r.values).toHaveLength(7);
      expect(r.values.every((v: unknown) => Number.isInteger(v))).toBe(true);
    }
    const v = (k: string) => j.requests.rows.find((r: { key: string }) => r.key === k).values;
    // Worked out from the imported rows: 2025-12-28 → 二 and 三.一 of 2026; the 律所 → 一 and 三.三.1; 李四 → 一 and 四.
    expect(v('一')).toEqual([0, 1, 0, 0, 1, 0, 2]);
    expect(v('二')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(v('三.一')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(v('三.三.1')).toEqual([0, 0, 0, 0, 1, 0, 1]);
    expect(v('三.七')).toEqual([1, 0, 0, 0, 1, 0, 2]);
    expect(v('四')).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(j.reviews.columns).toHaveLength(15);
    expect(j.reviews.columns[14]).toMatch(/总计$/);
    expect(j.reviews.values).toEqual(new Array(15).fill(0));
    expect(Array.isArray(j.problems)).toBe(true);

    // Letters carry a contact line: the bureau's 联系人 and 联系电话 (a file with no bureau gets no letter).
    const ws = new Workstation({
      dbPath: db,
      host: 'cli',
      autoBackup: false,
      files: { deliver: async (fileName) => ({ fileName, status: 'saved' as const }) },
    }).open();
    await saveBureau(ws.context(), {
      fullName: '某县科学技术局',
      shortName: '县科技局',
      contact: '李静',
      phone: '0851-1234567',
    });
    ws.close();
    io = capture();
    const out = path.join(dir, '年报.docx');
    expect(await runCli(['export', 'annual-report-docx', '--db', db, '--year', '2026', '--out', out])).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    expect(
      await runCli([
        'export',
        'request-answer-docx',
        '--db',
        db,
        '--year',
        '2026',
        '--id',
        '2',
        '--out',
        path.join(dir, '答复书.docx'),
      ]),
    ).toBe(0);
    expect(
      await runCli([
        'export',
        'request-answer-docx',
        '--db',
        db,
        '--year',
        '2026',
        '--id',
        '3',
        '--out',
        path.join(dir, 'x.docx'),
      ]),
    ).toBe(1);
    expect(io.err()).toContain('错误[VALIDATION]：这件申请还没有答复');
    expect(await runCli(['import-requests', path.join(dir, 'missing.xlsx'), '--db', db])).toBe(1);
    expect(io.err()).toContain('错误[FILE_READ_FAILED]：无法读取文件');
  }, 60_000);
});
