// 分工表 read from any source: pasted from a web page or WPS (tab-separated), an .xlsx whose first column groups the
// rows (merged cells) with the numbered tasks inside the 具体要求 cell and no 序号 column; and the notes, titles and
// years seen in such documents. Every fixture is built here.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePointsFile, parsePointsText } from '../../../main/import/points';
import { tabSeparatedRows } from '../../../main/import/points/pasted-table';
import { numberedEntries } from '../../../main/import/grid/cells';

const brief = (
  items: {
    level: number;
    label: string;
    text: string;
    lead: string[];
    support: string[];
    deadlineText: string | null;
  }[],
) =>
  items.map((i) => [
    i.level,
    i.label,
    i.text.slice(0, 12),
    i.lead.join('、'),
    i.support.join('、'),
    i.deadlineText ?? '',
  ]);

describe('pasted 分工表 (tab-separated)', () => {
  it('a table with a 序号 column pasted from WPS: quoted multi-line cells, units from "办公室牵头，各科室配合"', () => {
    const text = [
      '2026年政务公开重点任务分工表',
      '序号\t工作任务\t具体要求\t责任单位\t完成时限',
      '1\t加强政策解读\t"做好重要政策文件解读。\n解读材料与文件同步发布。"\t办公室牵头，各科室配合\t年底前',
      '2\t规范依申请公开\t按时答复申请\t政策法规科\t2026年6月底前',
    ].join('\n');
    const p = parsePointsText(text, { fallbackYear: 2025 });
    expect(brief(p.items)).toEqual([
      [3, '1', '加强政策解读。做好重要政', '办公室', '各科室', '年底前'],
      [3, '2', '规范依申请公开。按时答复', '政策法规科', '', '2026年6月底前'],
    ]);
    expect(p.items[0].text).toContain('解读材料与文件同步发布');
    expect(p.year).toBe(2026);
  });

  it('a table copied from a web page whose first column groups the rows: blank group cells continue the one above', () => {
    const text = [
      '工作任务\t具体要求\t责任科室\t时限',
      '一、加强政策解读\t1.做好重要政策文件解读。2.开展政策吹风会。\t办公室牵头，各科室配合\t年底前',
      '\t3.每季度更新政策问答库。\t法规科\t每个季度',
      // A browser breaks the row at a line break inside a cell.
      '二、规范依申请公开\t1.严格按时答复。',
      '办理过程留痕。\t政策法规科\t持续推进',
    ].join('\n');
    const p = parsePointsText(text, { fallbackYear: 2026 });
    expect(brief(p.items)).toEqual(
      [
        [1, '一', '加强政策解读', '', '', ''],
        [3, '1', '做好重要政策文件解读。', '办公室', '各科室', '年底前'],
        [3, '2', '开展政策吹风会。', '办公室', '各科室', '年底前'],
        [3, '3', '每季度更新政策问答库。', '法规科', '', '每个季度'],
        [1, '二', '规范依申请公开', '', '', ''],
        [3, '1', '严格按时答复。\n办理过程留痕', '政策法规科', '', '持续推进'],
      ].map((r) => [r[0], r[1], String(r[2]).slice(0, 12), r[3], r[4], r[5]]),
    );
  });

  it('reads quoted cells and wrapped lines into rows; plain text is not a table', () => {
    expect(tabSeparatedRows('a\tb\n"x\ny"\t"say ""hi"""')).toEqual([
      ['a', 'b'],
      ['x\ny', 'say "hi"'],
    ]);
    expect(tabSeparatedRows('一、总体要求\n1.加强领导。')).toBeNull();
    expect(tabSeparatedRows('a\tb\tc\nd\te(1)\ne(2)\tf')).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e(1)\ne(2)', 'f'],
    ]);
    expect(numberedEntries('1.公开目录。2.更新指南；3.培训')).toEqual([
      { level: 3, label: '1', value: 1, text: '公开目录。' },
      { level: 3, label: '2', value: 2, text: '更新指南；' },
      { level: 3, label: '3', value: 3, text: '培训' },
    ]);
    // A cell starts with its own number as written (the document's 5 stays 5).
    expect(numberedEntries('5.落实解读。6.回应关切。')?.map((e) => e.label)).toEqual(['5', '6']);
    // One line of a hundred thousand tabs does not make every short line below it a fragment to join.
    const rows = tabSeparatedRows(`x${'\t'.repeat(100_000)}\n${'a\tb\n'.repeat(100_000)}`)!;
    expect(rows[0]).toHaveLength(100_001);
    expect(rows.slice(1).every((r) => r.length <= 64)).toBe(true);
    expect(rows.slice(1).reduce((n, r) => n + r.length - 1, 0)).toBe(100_000);
    // "2.5万元" or numbers not counting from 1 are no list.
    expect(numberedEntries('投入2.5万元建设平台')).toBeNull();
  });
});

describe('.xlsx 分工表 with a group column (merged cells) and no 序号 column', () => {
  it('the group is the upper level, the numbered tasks inside the cells the lower level, units and 时限 to each', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('分工');
    ws.addRow(['某县2023年政务公开工作任务分工']);
    ws.addRow(['工作任务', '具体要求', '责任单位', '完成时限']);
    ws.addRow([
      '一、推进决策公开',
      '1.公开重大决策事项目录。\n2.做好决策预公开。',
      '办公室牵头，各科室配合',
      '2023年6月底前',
    ]);
    ws.addRow([null, '3.落实政策解读。', '政策法规科', '每季度']);
    ws.addRow(['二、加强平台建设', '1.规范政府网站信息发布。', '办公室', '持续推进']);
    ws.mergeCells('A3:A4');
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const p = await parsePointsFile('分工表.xlsx', buf, { fallbackYear: 2026 });
    expect(brief(p.items)).toEqual([
      [1, '一', '推进决策公开', '', '', ''],
      [3, '1', '公开重大决策事项目录。', '办公室', '各科室', '2023年6月底前'],
      [3, '2', '做好决策预公开。', '办公室', '各科室', '2023年6月底前'],
      [3, '3', '落实政策解读。', '政策法规科', '', '每季度'],
      [1, '二', '加强平台建设', '', '', ''],
      [3, '1', '规范政府网站信息发布。', '办公室', '', '持续推进'],
    ]);
    // The year is the title's, not the working year.
    expect(p.year).toBe(2023);
    expect(p.items[1].deadline).toBe('2023-06-30');
  });
});

describe('notes, titles and years as documents write them', () => {
  it('"(法规科)" is a responsibility note; the closing sentence of a note is not a unit', () => {
    const text = [
      '2026年政务公开工作要点',
      '一、加强政策解读',
      '1.做好政策解读工作。(法规科)',
      '2.规范公开目录。(办公室牵头，各科室配合。以下工作均需各科室落实，不再列出)',
      '3.依据《条例》办理。(国务院令第711号)',
    ].join('\n');
    const p = parsePointsText(text, { fallbackYear: 2026 });
    expect(p.items.map((i) => [i.lead, i.support])).toEqual([
      [[], []],
      [['法规科'], []],
      [['办公室'], ['各科室']],
      [[], []],
    ]);
    expect(p.items[3].text).toContain('(国务院令第711号)');
  });

  it('a title set over two lines is one title; the year comes from the 文号 before the date', () => {
    const text = [
      '某县人民政府办公室',
      '某政办发〔2023〕37号',
      '2023年全县政务公开',
      '工作要点',
      '一、加强政策解读',
      '1.做好政策解读。',
      '某县人民政府办公室',
      '2024年1月5日',
    ].join('\n');
    const p = parsePointsText(text, { fallbackYear: 2026 });
    expect(p.title).toBe('2023年全县政务公开工作要点');
    expect(p.docNumber).toBe('某政办发〔2023〕37号');
    expect(p.year).toBe(2023);
    const untitled = parsePointsText(
      ['某政办发〔2022〕5号', '一、加强政策解读', '1.做好政策解读。', '2023年1月5日'].join('\n'),
      { fallbackYear: 2026 },
    );
    expect(untitled.year).toBe(2022);
  });
});

describe('.xlsx 分工表 with real dates in 完成时限', () => {
  it('a date cell reads as the date written out in Chinese, whatever its number format', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('分工');
    ws.addRow(['序号', '工作任务', '责任单位', '完成时限']);
    ws.addRow([1, '完成本部门政策文件库更新', '办公室', new Date(Date.UTC(2026, 5, 30))]);
    ws.addRow([2, '完成网站栏目调整', '办公室', new Date(Date.UTC(2026, 8, 1))]);
    ws.addRow([3, '开展政策解读', '法规科', new Date(Date.UTC(2026, 11, 31))]);
    ws.getCell('D2').numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell('D3').numFmt = 'yyyy-mm-dd';
    ws.getCell('D4').numFmt = 'm"月"d"日"';
    // Typed as words, the same date.
    ws.addRow([4, '报送年度报告', '办公室', '2026年10月31日']);
    const p = await parsePointsFile('分工表.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), { fallbackYear: 2026 });
    expect(p.items.map((i) => [i.label, i.deadlineText, i.deadline])).toEqual([
      ['1', '2026年6月30日', '2026-06-30'],
      ['2', '2026年9月1日', '2026-09-01'],
      ['3', '2026年12月31日', '2026-12-31'],
      ['4', '2026年10月31日', '2026-10-31'],
    ]);
  });
});

describe('a table with more rows than one import takes', () => {
  const rows = 3_100;
  const task = (i: number) => [i, `第${i}项任务：完成本部门政策文件库更新`, '县政府办', '2026年6月底前'];

  it('the message names the sheet and its rows, and says what to do', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('分工');
    ws.addRow(['序号', '工作任务', '责任单位', '完成时限']);
    for (let i = 1; i <= rows; i++) ws.addRow(task(i));
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const err = await parsePointsFile('分工表.xlsx', buf, { fallbackYear: 2026 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'TOO_MANY_ITEMS' });
    const message = (err as Error).message;
    expect(message).toContain('“分工表.xlsx”中的工作表“分工”');
    expect(message).toContain(`有 ${rows} 行`);
    expect(message).toContain('上限 3000');
    expect(message).toMatch(/拆成.*分别导入/);
  });

  it('pasted, the same', () => {
    const text = [
      '序号\t工作任务\t责任单位\t完成时限',
      ...Array.from({ length: rows }, (_, i) => task(i + 1).join('\t')),
    ];
    let message = '';
    try {
      parsePointsText(text.join('\n'), { fallbackYear: 2026 });
    } catch (e) {
      expect(e).toMatchObject({ code: 'TOO_MANY_ITEMS' });
      message = (e as Error).message;
    }
    expect(message).toContain('“粘贴文本”中的表格');
    expect(message).toContain(`有 ${rows} 行`);
  });
});
