// Importing the registers from .xlsx: headers found by name under a title row, other columns ignored, duplicates
// reported instead of added twice, every unusable row named with its row number and reason; the readers are pure.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDateText } from '../../../main/import/sheet';
import { readPublicationsXlsx } from '../../../main/import/disclosure/publications';
import { parseApplicantType, parseResultText, readRequestsXlsx } from '../../../main/import/disclosure/requests';
import type { AppError } from '../../../shared/ipc/result';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';

let t: TestWorkstation | null = null;
afterEach(() => {
  t?.cleanup();
  t = null;
});

async function xlsx(rows: (string | number | Date | null)[][], title?: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  if (title) ws.addRow([title]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const upload = (fileName: string, data: Buffer) => ({ fileName, dataBase64: data.toString('base64') });

describe('readers', () => {
  it('read dates as offices write them', () => {
    expect(parseDateText('2026-03-05')).toBe('2026-03-05');
    expect(parseDateText('2026/3/5 10:21:00')).toBe('2026-03-05');
    expect(parseDateText('2026年3月5日')).toBe('2026-03-05');
    expect(parseDateText('2026.03.05')).toBe('2026-03-05');
    // Typed with spaces between its parts (a 台账 kept in a text column); a number with spaces is no date.
    expect(parseDateText('2026 03 18')).toBe('2026-03-18');
    expect(parseDateText('2026 3 5')).toBe('2026-03-05');
    expect(parseDateText('2026 13 05')).toBeNull();
    expect(parseDateText('12 03 18')).toBeNull();
    expect(parseDateText('46086')).toBe('2026-03-05');
    expect(parseDateText('2026-02-30')).toBeNull();
    expect(parseDateText('三月五日')).toBeNull();
    // Typed as digits into a text cell, with full-width digits, or without the year (the sheet's year is given).
    expect(parseDateText('20260305')).toBe('2026-03-05');
    expect(parseDateText('２０２６年３月５日')).toBe('2026-03-05');
    expect(parseDateText('3月5日', 2025)).toBe('2025-03-05');
    expect(parseDateText('3月5日')).toBeNull();
    expect(parseDateText('2月29日', 2026)).toBeNull();
  });

  it('read results with or without their category, and applicant types', () => {
    expect(parseResultText('不予公开-属于国家秘密')).toBe('三.三.1');
    expect(parseResultText('属于国家秘密')).toBe('三.三.1');
    expect(parseResultText('（一）予以公开')).toBe('三.一');
    expect(parseResultText('部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe('三.二');
    expect(parseResultText('无法提供—1.本机关不掌握相关政府信息')).toBe('三.四.1');
    expect(parseResultText('危及“三安全一稳定”')).toBe('三.三.3');
    expect(parseResultText('不予处理/重复申请')).toBe('三.五.2');
    expect(parseResultText('其他处理-其他')).toBe('三.六.3');
    expect(parseResultText('不予公开-重复申请')).toBeNull();
    expect(parseResultText('看情况')).toBeNull();
    expect(parseApplicantType('法人或其他组织-商业企业')).toBe('商业企业');
    expect(parseApplicantType('律师事务所')).toBe('法律服务机构');
    expect(parseApplicantType('公民')).toBe('自然人');
    expect(parseApplicantType('外星人')).toBeNull();
  });

  it('find the header under a title row, ignore other columns and name bad rows', async () => {
    const buf = await xlsx(
      [
        ['序号', '所属栏目', '信息标题', '点击量', '发布时间', '链接', '来源'],
        [1, '工作动态', '县科技局召开会议', 12, '2026-03-02 09:30:00', 'http://x/1', '县科技局'],
        [2, '通知公告', '', 3, '2026-03-03', '', ''],
        [3, '通知公告', '关于申报的通知', 5, '三月', '', ''],
        [4, '', '县科技局开展宣传', 8, new Date(Date.UTC(2026, 2, 9)), '', ''],
      ],
      '某县科学技术局信息发布统计表',
    );
    const s = await readPublicationsXlsx(buf, '网站导出.xlsx');
    expect(s.sheets).toEqual([{ name: 'Sheet1', headerRow: 2 }]);
    expect(s.rows.map((r) => [r.row, r.title, r.publishedDate, r.column, r.link])).toEqual([
      [3, '县科技局召开会议', '2026-03-02', '工作动态', 'http://x/1'],
      [6, '县科技局开展宣传', '2026-03-09', '', ''],
    ]);
    expect(s.problems).toEqual([
      { sheet: 'Sheet1', row: 4, column: '信息标题', message: '标题为空' },
      {
        sheet: 'Sheet1',
        row: 5,
        column: '发布时间',
        message: '“三月”不是有效日期，请写成“2026-03-05”或“2026年3月5日”的样子',
      },
    ]);
  });

  it('refuse what is not a register, naming the file', async () => {
    await expect(
      readPublicationsXlsx(
        await xlsx([
          ['姓名', '科室'],
          ['张三', '办公室'],
        ]),
        '人员.xlsx',
      ),
    ).rejects.toMatchObject({
      code: 'IMPORT_ROWS_INVALID',
      message: expect.stringContaining('“人员.xlsx”中没有找到信息发布登记的表头'),
    });
    // Text named .xlsx is text, not a damaged workbook.
    await expect(readRequestsXlsx(Buffer.from('not a zip at all'), '登记.xlsx')).rejects.toMatchObject({
      code: 'FILE_TYPE_MISMATCH',
      message: expect.stringContaining('“登记.xlsx”的内容是文本'),
    });
    await expect(readRequestsXlsx(Buffer.alloc(0), '空.xlsx')).rejects.toMatchObject({ code: 'FILE_EMPTY' });
  });
});

describe('import services', () => {
  it('add publications, skip duplicates in the file and already registered, ask before a new 栏目, and refuse when nothing is usable', async () => {
    t = await openTestWorkstation({ now: () => new Date(2026, 5, 1) });
    const buf = await xlsx([
      ['标题', '发布日期', '栏目', '文号'],
      ['县科技局召开会议', '2026-03-02', '工作动态', ''],
      ['县科技局召开会议', '2026-03-02', '工作动态', ''],
      ['科普基地名单', '2026-04-01', '科普工作', '县科发〔2026〕2号'],
      ['坏日期', '2026-13-01', '工作动态', ''],
      ['明天的消息', '2026-06-02', '工作动态', ''],
      ['上年的通知', '2025-12-30', '通知公告', ''],
    ]);
    const columnsBefore = await t.call('disclosure.columns');
    // A 栏目 the 公开目录 does not know: nothing stored, the 栏目 offered for a choice.
    const asked = await t.call('disclosure.importPublications', { upload: upload('发布.xlsx', buf) });
    expect(asked.unknownColumns).toEqual([{ name: '科普工作', rows: 1 }]);
    expect(asked.added).toEqual([]);
    expect(await t.call('disclosure.publications', { year: 2026 })).toHaveLength(0);
    expect(await t.call('disclosure.columns')).toEqual(columnsBefore);

    // Created on purpose.
    const out = await t.call('disclosure.importPublications', {
      upload: upload('发布.xlsx', buf),
      columns: [{ name: '科普工作', columnId: null }],
    });
    expect(out.added.map((a) => a.row)).toEqual([2, 4, 7]);
    expect(out.skipped).toEqual([{ row: 3, reason: '重复：2026-03-02“县科技局召开会议”在文件中出现多次' }]);
    expect(out.refused).toEqual([
      { row: 5, reason: '“发布日期”列：“2026-13-01”不是有效日期，请写成“2026-03-05”或“2026年3月5日”的样子' },
      { row: 6, reason: '发布日期（2026-06-02）在今天（2026-06-01）之后：只能登记已经发布的信息。' },
    ]);
    expect(out.newColumns).toEqual(['科普工作']);
    expect(out.byYear).toEqual([
      { year: 2025, count: 1 },
      { year: 2026, count: 2 },
    ]);
    const list = await t.call('disclosure.publications', { year: 2026 });
    expect(list.find((p) => p.title === '科普基地名单')).toMatchObject({
      columnName: '科普工作',
      docNumber: '县科发〔2026〕2号',
      channel: '门户网站',
    });
    // Importing the same file again adds nothing: an error naming the rows, carrying every row for the screen.
    const again = await t
      .call('disclosure.importPublications', { upload: upload('发布.xlsx', buf) })
      .catch((e: AppError) => e);
    expect(again).toMatchObject({ code: 'IMPORT_ROWS_INVALID' });
    expect((again as Error).message).toContain('第2行：重复：2026-03-02“县科技局召开会议”已登记');
    expect((again as Error).message).toContain('第5行');
    const details = (again as AppError).details as { outcome: { skipped: unknown[]; refused: unknown[] } };
    expect(details.outcome.skipped).toHaveLength(4);
    expect(details.outcome.refused).toHaveLength(2);
    expect(await t.call('disclosure.publications', { year: 2026 })).toHaveLength(2);
  });

  it('map an unknown 栏目 to an existing one and remember it for the next import; never create one unasked', async () => {
    t = await openTestWorkstation({ now: () => new Date(2026, 5, 1) });
    const file = (title: string) =>
      xlsx([
        ['标题', '发布日期', '所属栏目'],
        [title, '2026-05-06', '部门动态'],
        [`${title}（无栏目）`, '2026-05-07', ''],
      ]);
    const first = await t.call('disclosure.importPublications', { upload: upload('一.xlsx', await file('甲')) });
    expect(first.unknownColumns).toEqual([
      { name: '部门动态', rows: 1 },
      { name: '', rows: 1 },
    ]);
    const columns = await t.call('disclosure.columns');
    const news = columns.find((c) => c.name === '工作动态')!.id;
    const other = columns.find((c) => c.name === '其他')!.id;
    // A row without a 栏目 cannot become a new 栏目: it is still asked about.
    const refusedNew = await t.call('disclosure.importPublications', {
      upload: upload('一.xlsx', await file('甲')),
      columns: [
        { name: '部门动态', columnId: news },
        { name: '', columnId: null },
      ],
    });
    expect(refusedNew.unknownColumns).toEqual([{ name: '', rows: 1 }]);
    const out = await t.call('disclosure.importPublications', {
      upload: upload('一.xlsx', await file('甲')),
      columns: [
        { name: '部门动态', columnId: news },
        { name: '', columnId: other },
      ],
    });
    expect(out.newColumns).toEqual([]);
    expect(out.added).toHaveLength(2);
    // The next file with the same 栏目 names is taken without asking.
    const next = await t.call('disclosure.importPublications', { upload: upload('二.xlsx', await file('乙')) });
    expect(next.unknownColumns).toEqual([]);
    const list = await t.call('disclosure.publications', { year: 2026 });
    expect(list.map((p) => [p.title, p.columnName]).sort()).toEqual([
      ['乙', '工作动态'],
      ['乙（无栏目）', '其他'],
      ['甲', '工作动态'],
      ['甲（无栏目）', '其他'],
    ]);
    // No 栏目 was added to the 公开目录, so none the user did not confirm can reach the 年报.
    expect((await t.call('disclosure.columns')).map((c) => c.name)).toEqual(columns.map((c) => c.name));
  });

  it('add requests with results written either way, refusing bad rows by row and column', async () => {
    t = await openTestWorkstation({ now: () => new Date(2026, 5, 1) });
    const buf = await xlsx([
      ['序号', '收到日期', '申请人', '申请人类型', '申请方式', '申请内容', '答复日期', '办理结果', '经办人'],
      [1, '2026-01-05', '张三', '自然人', '信函', '项目名单', '2026-01-20', '不予公开-属于国家秘密', '李四'],
      [2, '2026/2/3', '某公司', '企业', '网上申请', '补贴名单', '2026-02-20', '部分公开', ''],
      [3, '2026-03-01', '王五', '个体户', '当面', '某信息', '', '', ''],
      [4, '2026-03-02', '赵六', '自然人', '当面', '某信息', '2026-03-01', '予以公开', ''],
      [5, '2026-03-03', '钱七', '自然人', '当面', '某信息', '2026-03-10', '看情况', ''],
      [6, '2026-04-01', '孙八', '', '', '另一信息', '', '', ''],
    ]);
    const out = await t.call('disclosure.importRequests', { upload: upload('申请.xlsx', buf) });
    expect(out.added.map((a) => a.row)).toEqual([2, 3, 7]);
    expect(out.refused).toEqual([
      {
        row: 4,
        reason:
          '“申请人类型”列：“个体户”不是年报的申请人类型（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）',
      },
      { row: 5, reason: '“答复日期”列：答复日期 2026-03-01 早于收到日期 2026-03-02' },
      {
        row: 6,
        reason:
          '“办理结果”列：“看情况”不是年报表三的21种办理结果之一，请写作年报表三的办理结果，如“予以公开”“部分公开”“不予公开—属于国家秘密”“无法提供—本机关不掌握相关政府信息”“不予处理—重复申请”“其他处理—其他”',
      },
    ]);
    const list = await t.call('disclosure.requests', { year: 2026 });
    expect(list.map((r) => [r.applicant, r.applicantType, r.method, r.result])).toEqual([
      ['孙八', '自然人', '其他', null],
      ['某公司', '商业企业', '网络平台', '三.二'],
      ['张三', '自然人', '邮寄', '三.三.1'],
    ]);
    const report = await t.call('disclosure.reportFigures', { year: 2026 });
    expect(report.requests.rows.find((r) => r.key === '三.三.1')!.values).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });
});
