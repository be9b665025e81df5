// More registers offices keep (信息发布登记 / 依申请公开登记), each a neighbour a real user sent that the importers
// misread: a 信息类别 or 主题分类 column beside the 栏目 column, a 办结期限 beside the 实际办结日期, results written
// with their sub-reason in brackets, dates carrying a time or a weekday as a website exports them. Each file is built
// here with exceljs and imported through the real services into a real SQLite data file.
import { afterEach, describe, expect, it } from 'vitest';
import { parseResultText } from '../../../main/import/disclosure/requests';
import { type Cell, type SheetSpec, workbook, upload } from '../../helpers/ledger-book';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';

let t: TestWorkstation | null = null;
afterEach(() => {
  t?.cleanup();
  t = null;
});

const NOW = () => new Date(2026, 11, 10, 10, 0, 0);

async function storedPublications(tw: TestWorkstation) {
  return tw.ws
    .context()
    .db.selectFrom('publication as p')
    .innerJoin('publication_column as c', 'c.id', 'p.column_id')
    .select(['p.title', 'p.published_date', 'c.name as column', 'p.normative'])
    .orderBy('p.id')
    .execute();
}

describe('信息发布登记: the 栏目 comes from the column that names it', () => {
  it('takes 公开栏目 over a 信息类别 before it, and reads 规范性文件 from the 信息类别', async () => {
    t = await openTestWorkstation({ now: NOW });
    const rows: Cell[][] = [
      ['2026年政府信息主动公开登记表'],
      ['序号', '信息标题', '信息类别', '公开栏目', '发布日期'],
      [1, '关于印发科技特派员管理办法的通知', '规范性文件', '政策文件', '2026-03-05'],
      [2, '科技特派员管理办法政策解读', '政策解读', '政策解读', '2026-03-05'],
      [3, '党组会议', '其他', '工作动态', '2026-03-06'],
    ];
    const out = await t.call('disclosure.importPublications', {
      upload: upload('登记.xlsx', await workbook([{ name: '登记', rows, merges: [[1, 1, 1, 5]] }])),
    });
    expect(out.unknownColumns).toEqual([]);
    expect(out.added).toHaveLength(3);
    expect(await storedPublications(t)).toEqual([
      { title: '关于印发科技特派员管理办法的通知', published_date: '2026-03-05', column: '政策文件', normative: 1 },
      { title: '科技特派员管理办法政策解读', published_date: '2026-03-05', column: '政策解读', normative: 0 },
      { title: '党组会议', published_date: '2026-03-06', column: '工作动态', normative: 0 },
    ]);
  });

  it('takes a website catalogue’s 所属栏目, not its 主题分类', async () => {
    t = await openTestWorkstation({ now: NOW });
    const rows: Cell[][] = [
      ['索引号', '主题分类', '发布机构', '成文日期', '标题', '文号', '所属栏目', '发布日期'],
      [
        '11331122MB0000000A/2026-00012',
        '科技',
        '县科学技术局',
        '2026-03-01',
        '关于开展科技活动周的通知',
        '檀科〔2026〕5号',
        '通知公告',
        '2026-03-05',
      ],
      [
        '11331122MB0000000A/2026-00013',
        '科技',
        '县科学技术局',
        '2026-03-02',
        '县科技局召开党组会议',
        '',
        '工作动态',
        '2026-03-06',
      ],
    ];
    const out = await t.call('disclosure.importPublications', {
      upload: upload('网站导出.xlsx', await workbook([{ name: 'Sheet1', rows }])),
    });
    expect(out.unknownColumns).toEqual([]);
    expect((await storedPublications(t)).map((p) => [p.title, p.column])).toEqual([
      ['关于开展科技活动周的通知', '通知公告'],
      ['县科技局召开党组会议', '工作动态'],
    ]);
  });

  it('still takes a 信息类别 for the 栏目 when no column names one', async () => {
    t = await openTestWorkstation({ now: NOW });
    const rows: Cell[][] = [
      ['信息标题', '信息类别', '发布日期'],
      ['党组会议', '工作动态', '2026-03-06'],
    ];
    const out = await t.call('disclosure.importPublications', {
      upload: upload('登记.xlsx', await workbook([{ name: 'Sheet1', rows }])),
    });
    expect(out.added).toHaveLength(1);
    expect((await storedPublications(t)).map((p) => p.column)).toEqual(['工作动态']);
  });
});

async function storedRequests(tw: TestWorkstation) {
  return tw.ws
    .context()
    .db.selectFrom('request')
    .select(['received_date', 'applicant', 'answered_date', 'result'])
    .orderBy('id')
    .execute();
}

describe('信息发布登记 grouped under heading rows instead of a 栏目 column', () => {
  it('takes each row’s 栏目 from the heading above it; a month heading groups by time and names no 栏目', async () => {
    t = await openTestWorkstation({ now: NOW });
    const rows: Cell[][] = [
      ['2026年信息公开登记表'],
      ['序号', '信息标题', '发布日期', '发布渠道', '备注'],
      ['一、通知公告'],
      [1, '科技活动周通知', '2026-03-05', '门户网站', ''],
      [2, '项目申报通知', '2026-03-20', '门户网站', ''],
      ['（二）工作动态'],
      [1, '党组会议', '2026-03-06', '门户网站', ''],
      ['制表：张三　　　审核：李四'],
    ];
    const merges: [number, number, number, number][] = [
      [1, 1, 1, 5],
      [3, 1, 3, 5],
      [6, 1, 6, 5],
      [8, 1, 8, 5],
    ];
    const out = await t.call('disclosure.importPublications', {
      upload: upload('登记.xlsx', await workbook([{ name: 'Sheet1', rows, merges }])),
    });
    expect([out.unknownColumns, out.refused]).toEqual([[], []]);
    expect((await storedPublications(t)).map((p) => [p.title, p.column])).toEqual([
      ['科技活动周通知', '通知公告'],
      ['项目申报通知', '通知公告'],
      ['党组会议', '工作动态'],
    ]);

    // A register kept by month in one sheet: "三月份" is no 栏目; the rows have none (the import then asks for it).
    t.cleanup();
    t = await openTestWorkstation({ now: NOW });
    const byMonth = await t.call('disclosure.importPublications', {
      upload: upload(
        '登记.xlsx',
        await workbook([
          {
            name: 'Sheet1',
            rows: [rows[1], ['三月份'], rows[3], rows[4]],
            merges: [[2, 1, 2, 5]],
          },
        ]),
      ),
    });
    expect(byMonth.unknownColumns.map((c) => c.name)).toEqual(['']);
  });
});

describe('依申请公开登记: the 答复日期 is the date the answer went out', () => {
  it('reads 实际办结日期, never the 办结期限 before it', async () => {
    t = await openTestWorkstation({ now: NOW });
    const rows: Cell[][] = [
      ['序号', '受理日期', '申请人', '申请内容', '办结期限', '实际办结日期', '办理结果'],
      [1, '2026-03-02', '张三', '某文件', '2026-03-30', '2026-03-10', '予以公开'],
      [2, '2026-04-01', '李四', '某名单', '2026-04-29', '2026-04-08', '部分公开'],
    ];
    const out = await t.call('disclosure.importRequests', {
      upload: upload('申请台账.xlsx', await workbook([{ name: 'Sheet1', rows }])),
    });
    expect(out.refused).toEqual([]);
    expect(await storedRequests(t)).toEqual([
      { received_date: '2026-03-02', applicant: '张三', answered_date: '2026-03-10', result: '三.一' },
      { received_date: '2026-04-01', applicant: '李四', answered_date: '2026-04-08', result: '三.二' },
    ]);
  });

  it('reads 回复日期 / 回复时间 and 回复结果 as the answer', async () => {
    t = await openTestWorkstation({ now: NOW });
    for (const [i, dateHeader] of ['回复日期', '回复时间'].entries()) {
      const rows: Cell[][] = [
        ['序号', '申请日期', '申请人', '申请内容', '答复时限', dateHeader, '回复结果'],
        [1, `2026-03-0${i + 2}`, '张三', `某文件${i}`, '2026-03-31', `2026-03-1${i}`, '予以公开'],
      ];
      const out = await t.call('disclosure.importRequests', {
        upload: upload(`申请${i}.xlsx`, await workbook([{ name: 'Sheet1', rows }])),
      });
      expect(out.refused).toEqual([]);
    }
    expect((await storedRequests(t)).map((r) => r.answered_date)).toEqual(['2026-03-10', '2026-03-11']);
  });
});

describe('依申请公开登记: 办理结果 as registers write them', () => {
  // [as written, table 三 row]
  const results: [string, string][] = [
    ['不予公开（国家秘密）', '三.三.1'],
    ['不予公开（商业秘密）', '三.三.4'],
    ['非本机关职责范围', '三.四.1'],
    ['已主动公开', '三.一'],
    ['不予处理（信访举报投诉类申请）', '三.五.1'],
    // A bracket that only explains the result is still left off.
    ['部分公开（涉及商业秘密）', '三.二'],
  ];

  it('reads the sub-reason in a bracket and the common wordings, and says how to write one it cannot read', async () => {
    t = await openTestWorkstation({ now: NOW });
    const rows: Cell[][] = [
      ['2026年政府信息公开申请登记表'],
      ['序号', '申请人', '申请方式', '申请时间', '申请内容', '答复时间', '答复结果'],
      ...results.map(([result], i) => [
        i + 1,
        `申请人${i + 1}`,
        '信函',
        `2026-0${i + 1}-05`,
        `申请内容${i + 1}`,
        `2026-0${i + 1}-20`,
        result,
      ]),
      [results.length + 1, '申请人甲', '信函', '2026-09-01', '某文件', '2026-09-10', '不予公开（看情况）'],
      [results.length + 2, '申请人乙', '信函', '2026-09-02', '某文件', '2026-09-11', '看情况'],
    ];
    const out = await t.call('disclosure.importRequests', {
      upload: upload('申请.xlsx', await workbook([{ name: '依申请', rows, merges: [[1, 1, 1, 7]] }])),
    });
    expect((await storedRequests(t)).map((r) => r.result)).toEqual(results.map((r) => r[1]));
    expect(out.refused.map((r) => r.row)).toEqual([3 + results.length, 4 + results.length]);
    // In a group: that group's wordings; else examples of the table's.
    expect(out.refused[0].reason).toContain('“不予公开（看情况）”不是年报表三的21种办理结果之一');
    expect(out.refused[0].reason).toContain('“不予公开—属于国家秘密”');
    expect(out.refused[0].reason).toContain('“不予公开—属于行政查询事项”');
    expect(out.refused[0].reason).not.toContain('无法提供');
    expect(out.refused[1].reason).toContain('“予以公开”');
    expect(out.refused[1].reason).toContain('“无法提供—本机关不掌握相关政府信息”');
  });

  it('reads 逾期未补正 (stored only with its 补正告知, so read here)', () => {
    expect(parseResultText('逾期未补正')).toBe('三.六.1');
    expect(parseResultText('其他处理（逾期未补正）')).toBe('三.六.1');
  });
});

describe('dates as websites and offices write them, read by the one date reader of every register', () => {
  // [as written, stored]
  const dates: [string, string][] = [
    ['2026-03-05 14:23:11.0', '2026-03-05'],
    ['2026-03-06 09:00:00.000', '2026-03-06'],
    ['2026/3/9 下午 2:23:11', '2026-03-09'],
    ['2026年03月11日 14时23分', '2026-03-11'],
    ['2026年3月13日（星期五）', '2026-03-13'],
    ['2026年3月16日 星期一', '2026-03-16'],
    ['2026—3—17', '2026-03-17'],
  ];

  it('信息发布登记: drops the time and the weekday, keeps the date', async () => {
    t = await openTestWorkstation({ now: NOW });
    const rows: Cell[][] = [
      ['标题', '栏目', '发布时间'],
      ...dates.map(([d], i) => [`信息${i + 1}`, '工作动态', d]),
      ['信息待定', '工作动态', '下午 2:23'],
    ];
    const out = await t.call('disclosure.importPublications', {
      upload: upload('网站导出.xlsx', await workbook([{ name: 'Sheet1', rows }])),
    });
    expect(out.added.map((a) => a.date)).toEqual(dates.map((d) => d[1]));
    // A time with no date is still no date.
    expect(out.refused).toEqual([
      { row: dates.length + 2, reason: expect.stringContaining('“下午 2:23”不是有效日期') as string },
    ]);
  });

  it('依申请公开登记: the same in 收到日期 and 答复日期', async () => {
    t = await openTestWorkstation({ now: NOW });
    const rows: Cell[][] = [
      ['收到日期', '申请人', '申请内容', '答复日期', '办理结果'],
      ['2026/3/9 下午 2:23:11', '张三', '某文件', '2026年3月16日 星期一', '予以公开'],
    ];
    const out = await t.call('disclosure.importRequests', {
      upload: upload('申请.xlsx', await workbook([{ name: 'Sheet1', rows }])),
    });
    expect(out.refused).toEqual([]);
    expect(await storedRequests(t)).toEqual([
      { received_date: '2026-03-09', applicant: '张三', answered_date: '2026-03-16', result: '三.一' },
    ]);
  });
});

describe('a register kept one sheet per month', () => {
  const month = (m: number, items: [string, string, string][]): SheetSpec => ({
    name: `${m}月`,
    rows: [
      [`2026年${m}月信息发布登记`],
      ['序号', '标题', '栏目', '发布日期'],
      ...items.map(([title, column, date], i) => [i + 1, title, column, date]),
    ],
    merges: [[1, 1, 1, 4]],
  });

  it('信息发布登记: reads every month’s sheet, an empty first month too, and names the sheet of each row', async () => {
    t = await openTestWorkstation({ now: NOW });
    const file = await workbook([
      { name: '填表说明', rows: [['填表说明'], ['1. 发布日期填写如2026年3月5日']] },
      month(1, []),
      month(2, [
        ['二月信息A', '工作动态', '2026-02-05'],
        ['二月信息B', '通知公告', '待定'],
      ]),
      month(3, [
        ['三月信息A', '工作动态', '3月5日'],
        ['二月信息A', '工作动态', '2026-02-05'],
      ]),
    ]);
    const out = await t.call('disclosure.importPublications', { upload: upload('按月登记.xlsx', file) });
    expect(out.sheets).toEqual(['1月', '2月', '3月']);
    expect(out.added).toEqual([
      { sheet: '2月', row: 3, title: '二月信息A', date: '2026-02-05' },
      { sheet: '3月', row: 3, title: '三月信息A', date: '2026-03-05' },
    ]);
    expect(out.skipped).toEqual([
      { sheet: '3月', row: 4, reason: expect.stringContaining('在文件中出现多次') as string },
    ]);
    expect(out.refused).toEqual([
      { sheet: '2月', row: 4, reason: expect.stringContaining('“待定”不是有效日期') as string },
    ]);
    expect((await storedPublications(t)).map((p) => p.title)).toEqual(['二月信息A', '三月信息A']);
  });

  it('依申请公开登记: reads every month’s sheet; nothing to import names each sheet and row', async () => {
    t = await openTestWorkstation({ now: NOW });
    const sheet = (m: number, rows: Cell[][]): SheetSpec => ({
      name: `${m}月`,
      rows: [['申请时间', '申请人', '申请内容', '答复时间', '答复结果'], ...rows],
    });
    const file = await workbook([
      sheet(3, [['2026-03-02', '张三', '某文件', '2026-03-10', '予以公开']]),
      sheet(5, [['2026-05-06', '李四', '某名单', '2026-05-20', '部分公开']]),
    ]);
    const out = await t.call('disclosure.importRequests', { upload: upload('申请.xlsx', file) });
    expect(out.added.map((a) => [a.sheet, a.row, a.date])).toEqual([
      ['3月', 2, '2026-03-02'],
      ['5月', 2, '2026-05-06'],
    ]);
    await expect(t.call('disclosure.importRequests', { upload: upload('申请.xlsx', file) })).rejects.toMatchObject({
      message: expect.stringContaining(
        '“申请.xlsx”中没有可以导入的新申请（工作表“3月”“5月”）：工作表“3月”第2行：重复',
      ) as string,
    });
  });
});

describe('lines under a register are not records', () => {
  it('skips 制表：…　审核：… and 单位（盖章）：… lines merged across the table', async () => {
    t = await openTestWorkstation({ now: NOW });
    const rows: Cell[][] = [
      ['2026年信息公开登记表'],
      ['序号', '信息标题', '栏目', '发布日期'],
      [1, '科技活动周通知', '通知公告', '2026-03-05'],
      [2, '党组会议', '工作动态', '2026-03-06'],
      ['制表：张三　　　审核：李四'],
      ['单位（盖章）：县科学技术局　　　　2027年1月5日'],
      ['负责人（签字）：王五'],
    ];
    const out = await t.call('disclosure.importPublications', {
      upload: upload(
        '登记.xlsx',
        await workbook([
          {
            name: 'Sheet1',
            rows,
            merges: [
              [1, 1, 1, 4],
              [5, 1, 5, 4],
              [6, 1, 6, 4],
              [7, 1, 7, 4],
            ],
          },
        ]),
      ),
    });
    expect(out.added.map((a) => a.row)).toEqual([3, 4]);
    expect(out.refused).toEqual([]);
  });
});
