// 细则 .xlsx neighbours of the sample 细则 that an office hides parts of: a hidden 备注 column, a hidden 序号 column
// under a merged title, a hidden row of an old indicator, a filtered sheet, a merged 一级 cell starting in a hidden row,
// a #REF! 分值. Each must read as the same file without what is hidden (what Excel shows and prints) and say what was
// left out, through the real reader, the service preview and the CLI (stderr; stdout JSON as before).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIndicatorsFile } from '../../../main/import/selfcheck';
import { makeTempDir, openTestWorkstation } from '../../helpers/workstation';
import { buildXlsx, SAMPLE_HEADER, SAMPLE_ROWS, type Row } from './build-files';

const TITLE = '某县2026年政务公开考核评分细则';
const FILE = '细则.xlsx';
/** The title is row 1, the header row 2: SAMPLE_ROWS[k] is on sheet row FIRST + k. */
const FIRST = 3;
const WHERE = `“${FILE}”中的工作表“评分细则”`;
const UNHIDE = '请在 Excel 中选中整个表格，右键“取消隐藏”（筛选过的表格点“清除筛选”）后保存，再重新导入。';

const build = (rows: Row[], edit?: (ws: ExcelJS.Worksheet) => void, header = SAMPLE_HEADER) =>
  buildXlsx({ title: TITLE, header, rows, edit });
const read = async (buf: Buffer) => parseIndicatorsFile(FILE, buf);
/** What the contract and the preview's tree hold (rows named in `places` move with hidden rows). */
const tree = (p: Awaited<ReturnType<typeof read>>) => ({ title: p.title, total: p.total, indicators: p.indicators });

/** An indicator the office dropped this year, kept in the sheet on a hidden row under 制度建设 (its 一级 merged). */
const OLD: Row = ['', null, '政务公开日', '组织开展政务公开日活动', 5, '未开展的扣5分'];
const withOldRow = (): Row[] => [SAMPLE_ROWS[0], SAMPLE_ROWS[1], OLD, ...SAMPLE_ROWS.slice(2)];
/** Sheet row of SAMPLE_ROWS' 栏目更新时效 (its 分值 in column E). */
const TIMELY = FIRST + SAMPLE_ROWS.findIndex((r) => r[3] === '栏目更新时效');

describe('隐藏的行和列不读，公式错误值按空白读，并提示', () => {
  it('无隐藏：没有提示', async () => {
    expect((await read(await build(SAMPLE_ROWS))).warnings).toEqual([]);
  });

  it('隐藏的“备注”列：不读，提示列名', async () => {
    const base = await read(await build(SAMPLE_ROWS));
    const header = [...SAMPLE_HEADER, '备注'];
    const rows = SAMPLE_ROWS.map((r) => [...r, '内部：去年此项扣过分']);
    const p = await read(await build(rows, (ws) => (ws.getColumn(header.length).hidden = true), header));
    expect(tree(p)).toEqual(tree(base));
    expect(p.warnings).toEqual([
      `${WHERE}隐藏的G列（备注）有内容，没有读取（和 Excel 显示、打印的一样）。如果其中有要导入的指标，${UNHIDE}`,
    ]);
  });

  it('隐藏的“序号”列在合并的标题下：标题照样读出，提示 A 列', async () => {
    const base = await read(await build(SAMPLE_ROWS));
    const p = await read(await build(SAMPLE_ROWS, (ws) => (ws.getColumn(1).hidden = true)));
    expect(p.title).toBe(TITLE);
    expect(tree(p)).toEqual(tree(base));
    expect(p.warnings).toEqual([
      `${WHERE}隐藏的A列（序号）有内容，没有读取（和 Excel 显示、打印的一样）。如果其中有要导入的指标，${UNHIDE}`,
    ]);
  });

  it('隐藏的一行旧指标：不读，提示行号；不隐藏时它是一项指标', async () => {
    const base = await read(await build(SAMPLE_ROWS));
    const oldRow = FIRST + 2;
    const shown = await read(await build(withOldRow()));
    expect(shown.indicators[0].children.map((c) => c.name)).toContain('政务公开日');
    const p = await read(await build(withOldRow(), (ws) => (ws.getRow(oldRow).hidden = true)));
    expect(tree(p)).toEqual(tree(base));
    expect(p.warnings).toEqual([
      `${WHERE}隐藏的第${oldRow}行有内容，没有读取（和 Excel 显示、打印的一样）。如果其中有要导入的指标，${UNHIDE}`,
    ]);
  });

  it('筛选过的表格：筛掉的行不读，提示“清除筛选”', async () => {
    // Filtered to leave out 重大扣分项 and 加分项 (the last two rows).
    const kept = SAMPLE_ROWS.length - 2;
    const base = await read(await build(SAMPLE_ROWS.slice(0, kept)));
    const p = await read(
      await build(SAMPLE_ROWS, (ws) => {
        ws.autoFilter = `A2:F${FIRST + SAMPLE_ROWS.length - 1}`;
        for (let k = kept; k < SAMPLE_ROWS.length; k++) ws.getRow(FIRST + k).hidden = true;
      }),
    );
    expect(tree(p)).toEqual(tree(base));
    expect(p.warnings).toEqual([
      `${WHERE}筛选后没有显示的第${FIRST + kept}–${FIRST + SAMPLE_ROWS.length - 1}行有内容，没有读取（和 Excel 显示、打印的一样）。如果其中有要导入的指标，请在 Excel 中点“数据”—“清除筛选”后保存，再重新导入。`,
    ]);
  });

  it('合并的一级指标从隐藏的行开始：下面看得见的行仍属于它', async () => {
    const base = await read(await build(SAMPLE_ROWS));
    // The 一级 cell merged from the hidden old row down over 制度建设's three rows.
    const rows: Row[] = [
      ['', SAMPLE_ROWS[0][1], '旧制度', '已废止的指标', 5, '旧标准'],
      [SAMPLE_ROWS[0][0], null, ...SAMPLE_ROWS[0].slice(2)],
      ...SAMPLE_ROWS.slice(1),
    ];
    const p = await read(await build(rows, (ws) => (ws.getRow(FIRST).hidden = true)));
    expect(tree(p)).toEqual(tree(base));
    expect(p.indicators[0].children.map((c) => c.name)).toEqual(['人员管理制度', '相关制度', '上会部署']);
    expect(p.warnings).toEqual([
      `${WHERE}隐藏的第${FIRST}行有内容，没有读取（和 Excel 显示、打印的一样）。如果其中有要导入的指标，${UNHIDE}`,
    ]);
    // A hidden row holding nothing but the merged cell's value: all of it shows below, nothing to say.
    const only: Row[] = [['', SAMPLE_ROWS[0][1], '', '', '', ''], rows[1], ...rows.slice(2)];
    const q = await read(await build(only, (ws) => (ws.getRow(FIRST).hidden = true)));
    expect(tree(q)).toEqual(tree(base));
    expect(q.warnings).toEqual([]);
  });

  it('分值是 #REF!：按空白读，提示行、列和错误值', async () => {
    const blank = await read(await build(SAMPLE_ROWS, (ws) => (ws.getCell(TIMELY, 5).value = null)));
    const p = await read(
      await build(SAMPLE_ROWS, (ws) => {
        ws.getCell(TIMELY, 5).value = { formula: "'[分值表.xlsx]Sheet1'!B5", result: { error: '#REF!' } };
      }),
    );
    expect(tree(p)).toEqual(tree(blank));
    expect(p.indicators[1].children[0].children[1]).toMatchObject({ name: '栏目更新时效', points: null });
    expect(p.warnings).toEqual([
      `${WHERE}第${TIMELY}行E列（分值）的“#REF!”是公式的错误值，按空白读取。请在 Excel 中改正公式（或把该列复制后“选择性粘贴—数值”）后重新导入，或在预览中补上这些内容。`,
    ]);
  });

  it('分值列隐藏：分值不读（只有名称里的分值），提示隐藏的分值列', async () => {
    const p = await read(await build(SAMPLE_ROWS, (ws) => (ws.getColumn(5).hidden = true)));
    expect(p.indicators[0]).toMatchObject({ name: '制度建设', points: 30 });
    expect(p.indicators[0].children[0].children[0]).toMatchObject({
      name: '主要领导负责、分管领导抓落实',
      points: null,
    });
    expect(p.warnings).toEqual([
      `${WHERE}隐藏的E列（分值）有内容，没有读取（和 Excel 显示、打印的一样）。如果其中有要导入的指标，${UNHIDE}`,
    ]);
  });
  it('隐藏了列时，错误信息里的列号和字母仍是 Excel 里的', async () => {
    const rows = SAMPLE_ROWS.map((r, k) => (k === 0 ? [...r.slice(0, 4), '十分', r[5]] : r));
    const buf = await build(rows, (ws) => (ws.getColumn(1).hidden = true));
    await expect(read(buf)).rejects.toThrow(`第${FIRST}行第5列（E列“分值”）的“十分”不是分值数字`);
  });
});

describe('导入预览', () => {
  it('预览带着提示，指标和不隐藏的文件一样', async () => {
    const t = await openTestWorkstation({ year: 2026 });
    try {
      const upload = (buf: Buffer) => ({ fileName: FILE, dataBase64: buf.toString('base64') });
      const base = await t.call('selfcheck.previewFile', { upload: upload(await build(SAMPLE_ROWS)) });
      expect(base.warnings).toEqual([]);
      const buf = await build(withOldRow(), (ws) => {
        ws.getRow(FIRST + 2).hidden = true;
        ws.getCell(TIMELY + 1, 5).value = { formula: 'E99/0', result: { error: '#DIV/0!' } };
      });
      const p = await t.call('selfcheck.previewFile', { upload: upload(buf) });
      expect(p.warnings).toEqual([
        `${WHERE}隐藏的第${FIRST + 2}行有内容，没有读取（和 Excel 显示、打印的一样）。如果其中有要导入的指标，${UNHIDE}`,
        `${WHERE}第${TIMELY + 1}行E列（分值）的“#DIV/0!”是公式的错误值，按空白读取。请在 Excel 中改正公式（或把该列复制后“选择性粘贴—数值”）后重新导入，或在预览中补上这些内容。`,
      ]);
      expect(p.indicators[0].children.map((c) => c.name)).toEqual(base.indicators[0].children.map((c) => c.name));
      // The blank 分值 is a problem to look at, as any leaf without points.
      expect(p.problems.map((x) => x.message).join('\n')).toContain('栏目更新时效');
    } finally {
      t.cleanup();
    }
  });
});

describe('parse-indicators', () => {
  const ROOT = path.resolve(__dirname, '../../..');
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir('zwgk-selfcheck-hidden-');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const cli = (file: string) => {
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'main/cli.ts', 'parse-indicators', file],
      { cwd: ROOT, encoding: 'utf8' },
    );
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('标准输出的 JSON 与不隐藏的文件相同，标准错误输出“提示：”说出隐藏的行', async () => {
    const baseFile = path.join(dir, '原表.xlsx');
    fs.writeFileSync(baseFile, await build(SAMPLE_ROWS));
    const file = path.join(dir, FILE);
    fs.writeFileSync(file, await build(withOldRow(), (ws) => (ws.getRow(FIRST + 2).hidden = true)));
    const base = cli(baseFile);
    const r = cli(file);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(base.stdout));
    expect(base.stderr).not.toContain('隐藏');
    expect(r.stderr.split('\n')).toContain(
      `提示：${WHERE}隐藏的第${FIRST + 2}行有内容，没有读取（和 Excel 显示、打印的一样）。如果其中有要导入的指标，${UNHIDE}`,
    );
  });
});
