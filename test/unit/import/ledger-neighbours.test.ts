// The ledgers county bureaus really keep, not only the workstation's own exports: a title row and a blank row over
// the header, a header over two rows (a merged group such as “审核情况” over 拟稿人/审核人/签发人), columns in another
// order with others we do not use, other wordings of the column names, dates typed every way (2026.3.5, 2026/3/5,
// 2026年3月5日, 3月5日 under a titled year, 20260305 as text, full-width digits), a 栏目/科室 merged down a block of
// rows, a 说明 sheet before the data, a 合计 row and a 填表人 line under the table, trailing formatted empty rows.
// Each file is built here with exceljs and imported through the real services into a real SQLite data file; what
// is stored is compared with what the file holds, row by row, counted from the fixture itself.
import { afterEach, describe, expect, it } from 'vitest';
import { type Cell, type SheetSpec, workbook, upload } from '../../helpers/ledger-book';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';

const explanation: SheetSpec = {
  name: '说明',
  rows: [['填表说明'], ['1. 发布日期请填写如“2026年3月5日”。'], ['2. 标题请填写信息的完整标题，栏目按网站栏目填写。']],
};

let t: TestWorkstation | null = null;
afterEach(() => {
  t?.cleanup();
  t = null;
});

const NOW = () => new Date(2026, 11, 10, 10, 0, 0);

describe('信息发布登记 as an office keeps it', () => {
  // [title as typed, 栏目 (null: merged from above), date as typed, stored title, stored date]
  const entries: [string, string | null, Cell, string, string][] = [
    [
      '县科技局召开2026年度工作会议',
      '工作动态',
      new Date(Date.UTC(2026, 0, 8)),
      '县科技局召开2026年度工作会议',
      '2026-01-08',
    ],
    ['  关于开展科技活动周的通知　', '通知公告', '2026.3.5', '关于开展科技活动周的通知', '2026-03-05'],
    ['科技特派员名单公示', null, '2026/3/6', '科技特派员名单公示', '2026-03-06'],
    ['２０２６年科普工作要点', '工作动态', '2026年3月9日', '２０２６年科普工作要点', '2026-03-09'],
    ['春耕科技服务进村', '工作动态', '3月10日', '春耕科技服务进村', '2026-03-10'],
    ['县科技局召开安全生产会议', '工作动态', '20260311', '县科技局召开安全生产会议', '2026-03-11'],
    ['科技企业座谈会', '工作动态', '２０２６年３月１２日', '科技企业座谈会', '2026-03-12'],
    ['高新技术企业认定工作', '工作动态', ' 2026 年 4 月 1 日 ', '高新技术企业认定工作', '2026-04-01'],
  ];
  const ledger = (): SheetSpec => {
    const rows: Cell[][] = [
      ['2026年信息发布登记台账'],
      [],
      ['序号', '信息标题', '公开栏目', '发布日期', '审核情况', null, null, '备注', '经办人电话'],
      [null, null, null, null, '拟稿人', '审核人', '签发人', null, null],
      ...entries.map(([title, column, date], i) => [
        i + 1,
        title,
        column,
        date,
        '张三',
        '李四',
        '王局长',
        '',
        '0571-8888',
      ]),
      [entries.length + 1, '时间待定的信息', '工作动态', '待定', '张三', '李四', '王局长', '', ''],
      ['合计', null, null, `共${entries.length + 1}条`],
    ];
    const first = 5;
    const merged = entries.findIndex((e) => e[1] === null);
    return {
      name: '2026年',
      rows,
      merges: [
        [1, 1, 1, 9],
        ...[1, 2, 3, 4, 8, 9].map((c) => [3, c, 4, c] as [number, number, number, number]),
        [3, 5, 3, 7],
        // The 栏目 of the row above is merged down over the row with no 栏目.
        [first + merged - 1, 3, first + merged, 3],
        [rows.length, 1, rows.length, 3],
      ],
      textCells: entries.map((e, i) => (e[2] === '20260311' ? `${first + i},4` : '')).filter(Boolean),
      emptyRows: 15,
    };
  };

  it('imports every readable row with its own title, date, 栏目 and 三审, and names the unreadable one', async () => {
    t = await openTestWorkstation({ now: NOW });
    const file = await workbook([explanation, ledger()]);
    const out = await t.call('disclosure.importPublications', { upload: upload('2026年发布台账.xlsx', file) });
    expect(out.unknownColumns).toEqual([]);
    // Past the 说明 sheet: the row numbers are those of the sheet the user keeps.
    expect(out.sheet).toBe('2026年');
    expect(out.added.map((a) => [a.title, a.date])).toEqual(entries.map((e) => [e[3], e[4]]));
    // The unreadable date: its row and column named, and what to write instead; the 合计 row is not a record.
    expect(out.refused).toHaveLength(1);
    expect(out.refused[0].row).toBe(5 + entries.length);
    expect(out.refused[0].reason).toContain('“发布日期”列');
    expect(out.refused[0].reason).toContain('“待定”');
    expect(out.refused[0].reason).toMatch(/2026年3月5日/);
    const stored = await t.ws
      .context()
      .db.selectFrom('publication as p')
      .innerJoin('publication_column as c', 'c.id', 'p.column_id')
      .select(['p.title', 'p.published_date', 'c.name as column', 'p.drafter', 'p.reviewer', 'p.approver', 'p.note'])
      .orderBy('p.published_date')
      .execute();
    let column = '';
    const expected = entries.map(([, col, , title, date]) => {
      column = col ?? column;
      return { title, published_date: date, column, drafter: '张三', reviewer: '李四', approver: '王局长', note: '' };
    });
    expect(stored).toEqual(expected);
  });

  it('takes other wordings of the columns, in another order', async () => {
    t = await openTestWorkstation({ now: NOW });
    const variants: [string, string, string][] = [
      ['文件名称', '公开日期', '栏目'],
      ['标题', '发布时间', '所属栏目'],
      ['信息名称', '上网日期', '公开栏目'],
    ];
    for (const [i, [titleH, dateH, columnH]] of variants.entries()) {
      const rows: Cell[][] = [
        [`${2026}年政府信息主动公开登记表`],
        [dateH, '经办人', columnH, titleH, '备注'],
        ['2026-05-0' + (i + 1), '张三', '工作动态', `第${i + 1}种写法的信息`, '无'],
      ];
      const out = await t.call('disclosure.importPublications', {
        upload: upload(`写法${i + 1}.xlsx`, await workbook([{ name: 'Sheet1', rows }])),
      });
      expect(out.added).toEqual([{ row: 3, title: `第${i + 1}种写法的信息`, date: `2026-05-0${i + 1}` }]);
    }
  });
});

describe('依申请公开登记 as an office keeps it', () => {
  // [收到 as typed, 申请人, 类型, 内容, 办结 as typed, 结果, stored 收到, stored 办结]
  const entries: [Cell, string, string, string, Cell, string, string, string | null][] = [
    ['2026年1月5日', '张三', '公民', '某项目批复文件', '2026.1.20', '予以公开', '2026-01-05', '2026-01-20'],
    ['2026/2/3', ' 某科技有限公司 ', '企业', '补贴发放名单', '2026/2/25', '部分公开', '2026-02-03', '2026-02-25'],
    ['3月2日', '王五', '自然人', '某会议纪要', '3月20日', '信息不存在', '2026-03-02', '2026-03-20'],
    [new Date(Date.UTC(2026, 3, 1)), '赵六', '自然人', '某规划文本', null, '办理中', '2026-04-01', null],
  ];
  const ledger = (): SheetSpec => {
    const rows: Cell[][] = [
      ['2026年依申请公开登记台账'],
      [],
      ['序号', '申请日期', '申请人情况', null, null, '申请内容', '办理情况', null, '经办人', '经办人电话', '备注'],
      [null, null, '申请人姓名', '申请人类型', '联系电话', null, '办结日期', '办理结果', null, null, null],
      ...entries.map(([rec, who, type, content, ans, result], i) => [
        i + 1,
        rec,
        who,
        type,
        '13800000000',
        content,
        ans,
        result,
        '李四',
        '0571-8888',
        '',
      ]),
      [entries.length + 1, '4月31日', '钱七', '自然人', '', '某信息', '', '', '李四', '', ''],
      ['小计', null, `${entries.length + 1}件`],
    ];
    return {
      name: '登记',
      rows,
      merges: [
        [1, 1, 1, 11],
        ...[1, 2, 6, 9, 10, 11].map((c) => [3, c, 4, c] as [number, number, number, number]),
        [3, 3, 3, 5],
        [3, 7, 3, 8],
      ],
      emptyRows: 10,
    };
  };

  it('imports every readable application with its own dates, applicant and result, and names the unreadable one', async () => {
    t = await openTestWorkstation({ now: NOW });
    const out = await t.call('disclosure.importRequests', {
      upload: upload('依申请台账.xlsx', await workbook([explanation, ledger()])),
    });
    expect(out.sheet).toBe('登记');
    expect(out.added.map((a) => a.date)).toEqual(entries.map((e) => e[6]));
    expect(out.refused).toHaveLength(1);
    expect(out.refused[0].row).toBe(5 + entries.length);
    expect(out.refused[0].reason).toContain('“申请日期”列');
    expect(out.refused[0].reason).toContain('“4月31日”');
    const stored = await t.ws
      .context()
      .db.selectFrom('request')
      .select(['received_date', 'applicant', 'applicant_type', 'content', 'answered_date', 'contact', 'handler'])
      .orderBy('received_date')
      .execute();
    const types: Record<string, string> = { 公民: '自然人', 企业: '商业企业', 自然人: '自然人' };
    expect(stored).toEqual(
      entries.map((e) => ({
        received_date: e[6],
        applicant: e[1].trim(),
        applicant_type: types[e[2]],
        content: e[3],
        answered_date: e[7],
        contact: '13800000000',
        handler: '李四',
      })),
    );
  });

  it('takes other wordings of the columns', async () => {
    t = await openTestWorkstation({ now: NOW });
    const rows: Cell[][] = [
      ['受理日期', '申请人', '所需信息', '答复时间', '答复结果', '承办人', '经办人电话'],
      ['2026-06-01', '孙八', '某统计数据', '2026-06-10', '予以公开', '李四', '0571-8888'],
    ];
    const out = await t.call('disclosure.importRequests', {
      upload: upload('申请.xlsx', await workbook([{ name: 'Sheet1', rows }])),
    });
    expect(out.added).toHaveLength(1);
    const stored = await t.ws.context().db.selectFrom('request').select(['handler', 'answered_date']).execute();
    expect(stored).toEqual([{ handler: '李四', answered_date: '2026-06-10' }]);
  });

  it('never takes a 经办人电话 for the 经办人', async () => {
    t = await openTestWorkstation({ now: NOW });
    const rows: Cell[][] = [
      ['申请时间', '申请人姓名', '申请内容', '经办人电话'],
      ['2026-06-01', '孙八', '某统计数据', '0571-8888'],
    ];
    const out = await t.call('disclosure.importRequests', {
      upload: upload('申请.xlsx', await workbook([{ name: 'Sheet1', rows }])),
    });
    expect(out.added).toHaveLength(1);
    const stored = await t.ws.context().db.selectFrom('request').select(['handler', 'applicant']).execute();
    expect(stored).toEqual([{ handler: '', applicant: '孙八' }]);
  });
});

describe('人员名单 as an office keeps it', () => {
  const people: [string, string | null, string, Cell, string, string, string][] = [
    // [姓名 as typed, 科室 (null: merged from above), 职务, 电话 as typed, stored 姓名, 科室, 电话]
    ['张　三', '办公室', '主任', '１３８００００００１１', '张三', '办公室', '13800000011'],
    [' 李四 ', null, '科员', '13800000012', '李四', '办公室', '13800000012'],
    ['王五', '高新科', '科长', 13800000013, '王五', '高新科', '13800000013'],
  ];
  it('reads the people under a title, past a 说明 sheet, skipping the 合计 and 填表人 lines', async () => {
    t = await openTestWorkstation({ now: NOW });
    const rows: Cell[][] = [
      ['某县科学技术局工作人员名单'],
      [],
      ['序号', '姓名', '性别', '所在科室', '现任职务', '联系电话', '备注'],
      ...people.map(([name, dept, title, phone], i) => [i + 1, name, '男', dept, title, phone, '']),
      ['合计', null, `${people.length}人`],
      ['填表人：李四　　　审核人：王局长'],
    ];
    const file = upload(
      '人员.xlsx',
      await workbook([
        explanation,
        {
          name: '人员名单',
          rows,
          merges: [
            [1, 1, 1, 7],
            [4, 4, 5, 4],
            [rows.length - 1, 1, rows.length - 1, 2],
            [rows.length, 1, rows.length, 7],
          ],
          emptyRows: 10,
        },
      ]),
    );
    const preview = await t.call('staff.importPreview', file);
    expect(preview.rows.map((r) => [r.name, r.department, r.phone, r.errors])).toEqual(
      people.map((p) => [p[4], p[5], p[6], []]),
    );
    await t.call('staff.importCommit', { ...file, createDepartments: preview.unknownDepartments });
    const stored = await t.ws
      .context()
      .db.selectFrom('staff as s')
      .leftJoin('department as d', 'd.id', 's.department_id')
      .select(['s.name', 'd.name as department', 's.title', 's.phone'])
      .orderBy('s.id')
      .execute();
    expect(stored).toEqual(people.map((p) => ({ name: p[4], department: p[5], title: p[2], phone: p[6] })));
  });
});

describe('AB岗设置表 as an office keeps it', () => {
  it('reads A岗/B岗 groups over 姓名/科室及职务/联系电话, full-width letters, and no 填表人 line as a post', async () => {
    t = await openTestWorkstation({ now: NOW });
    const office = await t.call('departments.create', { name: '办公室' });
    for (const name of ['张三', '李四', '王五'])
      await t.call('staff.create', {
        name,
        departmentId: office.id,
        title: '科员',
        phone: '',
        status: '在岗',
        note: '',
      });
    const posts: [string, string, string, string | null][] = [
      // [岗位, 职责, A, B]
      ['信息发布', '负责门户网站信息发布', '张三', '李四'],
      ['依申请公开办理', '受理和答复政府信息公开申请', '王五', null],
    ];
    for (const group of ['A岗', 'Ａ岗']) {
      const rows: Cell[][] = [
        ['某县科学技术局政务公开AB岗设置表'],
        ['截至2026年12月1日'],
        [
          '序号',
          '岗位名称',
          '岗位职责',
          group,
          null,
          null,
          group.replace(/[AＡ]/, (a) => (a === 'A' ? 'B' : 'Ｂ')),
          null,
          null,
          '备注',
        ],
        [null, null, null, '姓名', '科室及职务', '联系电话', '姓名', '科室及职务', '联系电话', null],
        ...posts.map(([post, duties, a, b], i) => [
          i + 1,
          post,
          duties,
          a,
          '办公室 科员',
          '13800000000',
          b ?? '（空缺）',
          b ? '办公室 科员' : '',
          '',
          '',
        ]),
        ['填表人：张三　　　审核人：王局长'],
      ];
      const file = upload(
        `AB岗${group}.xlsx`,
        await workbook([
          {
            name: 'AB岗',
            rows,
            merges: [
              [1, 1, 1, 10],
              ...[1, 2, 3, 10].map((c) => [3, c, 4, c] as [number, number, number, number]),
              [3, 4, 3, 6],
              [3, 7, 3, 9],
              [rows.length, 1, rows.length, 10],
            ],
          },
        ]),
      );
      const preview = await t.call('ab.importPreview', file);
      expect(preview.asOf).toBe('2026-12-01');
      expect(preview.rows.map((r) => [r.post, r.a, r.b, r.errors])).toEqual(
        posts.map(([post, , a, b]) => [post, `${a}（办公室 科员）`, b && `${b}（办公室 科员）`, []]),
      );
    }
  });
});

describe('what cannot be read is said, not guessed', () => {
  it('a date with no year and no year in the title takes the 工作年度, never another year', async () => {
    t = await openTestWorkstation({ now: NOW });
    await t.call('app.setYear', { year: 2025 });
    const rows: Cell[][] = [['信息发布登记'], ['标题', '发布日期', '栏目'], ['无年份的信息', '11月3日', '工作动态']];
    const out = await t.call('disclosure.importPublications', {
      upload: upload('登记.xlsx', await workbook([{ name: 'Sheet1', rows }])),
    });
    expect(out.added).toEqual([{ row: 3, title: '无年份的信息', date: '2025-11-03' }]);
  });
});
