// 考核细则 whose points are not in a 分值 column (issue 21): in the name, under 得分/合计得分 with "2分" cells, in
// 考评细项 sub-rows under a 考核项目 row, as grade columns 优(10)/良(8)/一般(6)/差(0). Each built here as pasted text
// (a .txt of the table), an .xlsx with merged cells and a Word table; the tree written by hand.
import { describe, expect, it } from 'vitest';
import { parseIndicatorsFile } from '../../../main/import/selfcheck';
import type { ParsedIndicators } from '../../../main/import/selfcheck/table';
import type { IndicatorOutput } from '../../../shared/domain/selfcheck';
import { asDocx, asPasted, asXlsx, type TableSpec } from './build-table';

interface Node {
  name: string;
  points: number | null;
  children?: Node[];
}

const tree = (xs: IndicatorOutput[]): Node[] =>
  xs.map((n) => ({ name: n.name, points: n.points, ...(n.children.length ? { children: tree(n.children) } : {}) }));

async function allThree(spec: TableSpec): Promise<[string, ParsedIndicators][]> {
  return [
    ['粘贴（.txt）', await parseIndicatorsFile('细则.txt', Buffer.from(asPasted(spec)))],
    ['.xlsx', await parseIndicatorsFile('细则.xlsx', await asXlsx(spec))],
    ['.docx', await parseIndicatorsFile('细则.docx', await asDocx(spec))],
  ];
}

async function expectTree(spec: TableSpec, expected: Node[], total: number): Promise<ParsedIndicators[]> {
  const out: ParsedIndicators[] = [];
  for (const [form, p] of await allThree(spec)) {
    expect({ form, tree: tree(p.indicators), total: p.total }).toEqual({ form, tree: expected, total });
    out.push(p);
  }
  return out;
}

describe('points outside a 分值 column', () => {
  it('in the name: "3、政策解读情况(10)"; no 合计 row, so the total is the sum', async () => {
    const results = await expectTree(
      {
        before: ['某县2026年度政务公开考核细则'],
        rows: [
          ['考核内容', '评分标准'],
          ['1、主动公开情况(20)', '应公开未公开的，每条扣2分。'],
          ['2、依申请公开办理(10)', '超期答复的，每件扣5分。'],
          ['3、政策解读情况(10)', '重要政策未解读的，每件扣2分。'],
        ],
      },
      [
        { name: '主动公开情况', points: 20 },
        { name: '依申请公开办理', points: 10 },
        { name: '政策解读情况', points: 10 },
      ],
      40,
    );
    for (const p of results) {
      expect(p.title).toBe('某县2026年度政务公开考核细则');
      expect(p.indicators[0]).toMatchObject({
        criteria: '应公开未公开的，每条扣2分。',
        rule: { kind: 'perItem', deduct: 2, unit: '条' },
      });
    }
  });

  it('under 得分 with "2分" cells, and a 合计得分 column for each 类别', async () => {
    await expectTree(
      {
        rows: [
          ['类别', '考核内容', '得分', '合计得分'],
          [{ text: '组织保障', rowSpan: 3 }, '负责人和承办科室', '2分', { text: '6分', rowSpan: 3 }],
          [null, '经办人员', '2分', null],
          [null, '工作制度', '2分', null],
          [{ text: '载体建设', rowSpan: 2 }, '门户网站', '6分', { text: '9分', rowSpan: 2 }],
          [null, '新闻发布会', '3分', null],
        ],
      },
      [
        {
          name: '组织保障',
          points: 6,
          children: [
            { name: '负责人和承办科室', points: 2 },
            { name: '经办人员', points: 2 },
            { name: '工作制度', points: 2 },
          ],
        },
        {
          name: '载体建设',
          points: 9,
          children: [
            { name: '门户网站', points: 6 },
            { name: '新闻发布会', points: 3 },
          ],
        },
      ],
      15,
    );
  });

  it('考评细项 sub-rows, each with points, under a 考核项目 row "（21分）"', async () => {
    await expectTree(
      {
        rows: [
          ['考核项目', '考评细项', '分值', '评分标准'],
          [{ text: '一、政务公开工作（21分）', rowSpan: 3 }, '1.领导重视', 5, '主要领导每年听取汇报。'],
          [null, '2.制度建设', 6, '制度不健全的扣3分。'],
          [null, '3.平台建设', 10, '栏目空白的每个扣1分。'],
          ['二、依申请公开（10分）', '', '', ''],
          ['', '1.按时答复', 10, '超期答复的每件扣2分。'],
          ['合计', '', 31, ''],
        ],
      },
      [
        {
          name: '政务公开工作',
          points: 21,
          children: [
            { name: '领导重视', points: 5 },
            { name: '制度建设', points: 6 },
            { name: '平台建设', points: 10 },
          ],
        },
        { name: '依申请公开', points: 10, children: [{ name: '按时答复', points: 10 }] },
      ],
      31,
    );
  });

  it('one name column numbered 一、 and 1.: the 1. rows with their points are items of the 一、 row "（21分）"', async () => {
    await expectTree(
      {
        rows: [
          ['考核项目', '分值', '评分标准'],
          ['一、政务公开工作（21分）', '', ''],
          ['1.领导重视', 5, '主要领导每年听取汇报。'],
          ['2.制度建设', 6, '制度不健全的扣3分。'],
          ['3.平台建设', 10, '栏目空白的每个扣1分。'],
          ['二、依申请公开（10分）', '', ''],
          ['1.按时答复', 10, '超期答复的每件扣2分。'],
        ],
      },
      [
        {
          name: '政务公开工作',
          points: 21,
          children: [
            { name: '领导重视', points: 5 },
            { name: '制度建设', points: 6 },
            { name: '平台建设', points: 10 },
          ],
        },
        { name: '依申请公开', points: 10, children: [{ name: '按时答复', points: 10 }] },
      ],
      31,
    );
  });

  it('grade columns 优(10) | 良(8) | 一般(6) | 差(0) under 评分等次: a grade rule, the best level is the points', async () => {
    const results = await expectTree(
      {
        rows: [
          [{ text: '考核指标', rowSpan: 2 }, { text: '评分等次', colSpan: 4 }, null, null, null],
          [null, '优(10)', '良(8)', '一般(6)', '差(0)'],
          ['信息公开制度', '制度健全', '制度较健全', '有制度', '无制度'],
          ['公开平台建设', '栏目齐全', '个别栏目空白', '多个栏目空白', '没有专栏'],
        ],
      },
      [
        { name: '信息公开制度', points: 10 },
        { name: '公开平台建设', points: 10 },
      ],
      20,
    );
    for (const p of results) {
      // The levels as the table writes them, best first, each with its words; nothing left in the criteria.
      expect(p.indicators[0]).toMatchObject({
        criteria: '',
        rule: {
          kind: 'grade',
          levels: [
            { label: '优', points: 10, criteria: '制度健全' },
            { label: '良', points: 8, criteria: '制度较健全' },
            { label: '一般', points: 6, criteria: '有制度' },
            { label: '差', points: 0, criteria: '无制度' },
          ],
        },
      });
      expect(p.indicators[1].rule).toEqual({
        kind: 'grade',
        levels: [
          { label: '优', points: 10, criteria: '栏目齐全' },
          { label: '良', points: 8, criteria: '个别栏目空白' },
          { label: '一般', points: 6, criteria: '多个栏目空白' },
          { label: '差', points: 0, criteria: '没有专栏' },
        ],
      });
      expect(p.tables[0].roles).toEqual(['group', 'grade', 'grade', 'grade', 'grade']);
    }
  });

  it('grades named by letter or rank with their points (A(5) | B(3) …, 甲（10分）…): grade rules too', async () => {
    const results = await expectTree(
      {
        rows: [
          ['序号', '考核项目', 'A(5)', 'B(3)', 'C(1)', 'D(0)'],
          ['1', '网站栏目维护', '好', '较好', '一般', '差'],
          ['2', '依申请办理', '好', '较好', '一般', '差'],
        ],
      },
      [
        { name: '网站栏目维护', points: 5 },
        { name: '依申请办理', points: 5 },
      ],
      10,
    );
    for (const p of results)
      expect(p.indicators[0].rule).toEqual({
        kind: 'grade',
        levels: [
          { label: 'A', points: 5, criteria: '好' },
          { label: 'B', points: 3, criteria: '较好' },
          { label: 'C', points: 1, criteria: '一般' },
          { label: 'D', points: 0, criteria: '差' },
        ],
      });
    const [rank] = await expectTree(
      {
        rows: [
          ['考核项目', '甲（10分）', '乙（6分）', '丙（0分）'],
          ['信息公开', '全面', '基本', '缺失'],
        ],
      },
      [{ name: '信息公开', points: 10 }],
      10,
    );
    expect(rank.indicators[0].rule).toMatchObject({
      kind: 'grade',
      levels: [{ label: '甲' }, { label: '乙' }, { label: '丙' }],
    });
  });

  it('one 评分等次 column listing the levels in each cell: "优(10)、良(8)、一般(6)、差(0)"; other words stay criteria', async () => {
    const results = await expectTree(
      {
        rows: [
          ['考核项目', '评分等次'],
          ['政策解读', '优(10)、良(8)、一般(6)、差(0)'],
          ['信息更新', '优10分；良8分；差0分'],
          ['信息发布', '按时发布得满分'],
        ],
      },
      [
        { name: '政策解读', points: 10 },
        { name: '信息更新', points: 10 },
        { name: '信息发布', points: null },
      ],
      20,
    );
    for (const p of results) {
      expect(p.indicators[0].rule).toEqual({
        kind: 'grade',
        levels: [
          { label: '优', points: 10 },
          { label: '良', points: 8 },
          { label: '一般', points: 6 },
          { label: '差', points: 0 },
        ],
      });
      expect(p.indicators[1].rule).toMatchObject({
        kind: 'grade',
        levels: [{ points: 10 }, { points: 8 }, { points: 0 }],
      });
      expect(p.indicators[2]).toMatchObject({
        rule: { kind: 'manual' },
        criteria: expect.stringContaining('按时发布得满分'),
      });
    }
  });

  it('grade columns whose points are in the cells, written worst first, under a 分值 column and a 评分标准', async () => {
    // 差 | 一般 | 良好 | 优秀 with each row's own points ("8分"): the levels come out best first, labels as written;
    // a blank cell is no level when the header gives no points.
    const results = await expectTree(
      {
        rows: [
          ['考核项目', '分值', '评分标准', '差', '一般', '良好', '优秀'],
          ['信息发布', 5, '按时发布', '0分', '2分', '4分', '5分'],
          ['政策解读', 10, '解读及时', '0', '5', '8', '10'],
          ['回应关切', 4, '及时回应', '', '1', '3', '4'],
        ],
      },
      [
        { name: '信息发布', points: 5 },
        { name: '政策解读', points: 10 },
        { name: '回应关切', points: 4 },
      ],
      19,
    );
    for (const p of results) {
      expect(p.indicators.map((n) => n.rule)).toEqual([
        {
          kind: 'grade',
          levels: [
            { label: '优秀', points: 5 },
            { label: '良好', points: 4 },
            { label: '一般', points: 2 },
            { label: '差', points: 0 },
          ],
        },
        {
          kind: 'grade',
          levels: [
            { label: '优秀', points: 10 },
            { label: '良好', points: 8 },
            { label: '一般', points: 5 },
            { label: '差', points: 0 },
          ],
        },
        {
          kind: 'grade',
          levels: [
            { label: '优秀', points: 4 },
            { label: '良好', points: 3 },
            { label: '一般', points: 1 },
          ],
        },
      ]);
      expect(p.indicators[1].criteria).toBe('解读及时');
    }
  });

  it('grade columns that name no points, or the same points twice, stay words in the criteria (scored by hand)', async () => {
    const results = await expectTree(
      {
        rows: [
          ['考核指标', '分值', '好', '较好', '差'],
          ['信息公开制度', 10, '制度健全', '制度较健全', '无制度'],
          ['公开平台建设', 6, '6', '6', '0'],
        ],
      },
      [
        { name: '信息公开制度', points: 10 },
        { name: '公开平台建设', points: 6 },
      ],
      16,
    );
    for (const p of results) {
      expect(p.indicators[0]).toMatchObject({
        rule: { kind: 'manual' },
        criteria: '按等次评分：好（制度健全）；较好（制度较健全）；差（无制度）',
      });
      expect(p.indicators[1]).toMatchObject({
        rule: { kind: 'manual' },
        criteria: '按等次评分：好6分；较好6分；差0分',
      });
    }
  });
});

describe('scoring rules as 细则 word them', () => {
  // One 评分标准 per row, each a wording seen in county 细则; the rule each should be read as, by hand. A cap below the
  // item's points is kept with 按次扣分; two or more deductions for different findings are 分项扣分; what the scoring
  // has no kind for (a threshold that takes everything, 酌情, a range) stays 直接评分.
  const cases: [string, number, object, boolean?][] = [
    ['每发现一处信息未按目录归类扣0.5分，扣完为止。', 10, { kind: 'perItem', deduct: 0.5, unit: '处' }],
    ['每发现1处信息未按目录归类扣0.5分，扣完为止。', 10, { kind: 'perItem', deduct: 0.5, unit: '处' }],
    ['每出现1次扣0.5分。', 5, { kind: 'perItem', deduct: 0.5, unit: '次' }],
    ['每缺一项扣1分，扣完为止。', 6, { kind: 'perItem', deduct: 1, unit: '项' }],
    ['每少一个栏目扣两分。', 8, { kind: 'perItem', deduct: 2, unit: '个' }],
    ['发现一次未同步发布扣1分，最多扣10分。', 10, { kind: 'perItem', deduct: 1, unit: '次' }],
    ['发现问题的，每处扣0.5分，累计扣分不超过10分。', 10, { kind: 'perItem', deduct: 0.5, unit: '处' }],
    ['错别字一处扣0.2分。', 2, { kind: 'perItem', deduct: 0.2, unit: '处' }],
    ['每发现一处问题扣一分，扣完为止。', 10, { kind: 'perItem', deduct: 1, unit: '处' }],
    ['每发现一处扣零点五分。', 4, { kind: 'perItem', deduct: 0.5, unit: '处' }],
    ['未同步发布的扣1分/件，扣完为止。', 10, { kind: 'perItem', deduct: 1, unit: '件' }],
    ['扣0.5分/处。', 3, { kind: 'perItem', deduct: 0.5, unit: '处' }],
    ['政策文件与解读材料未同步发布的，每件扣1分，扣完为止。', 10, { kind: 'perItem', deduct: 1, unit: '件' }],
    ['每发现一处扣０.５分。', 4, { kind: 'perItem', deduct: 0.5, unit: '处' }],
    ['未听取汇报的扣4分。', 4, { kind: 'fixed', absentDeduct: 4 }],
    ['未建立工作制度的，扣三分。', 5, { kind: 'fixed', absentDeduct: 3 }],
    ['被上级通报批评的扣2分。', 5, { kind: 'fixed', absentDeduct: 2 }],
    ['年内组织开展政务公开专题培训的得3分，未开展的不得分。', 3, { kind: 'fixed', absentDeduct: null }],
    ['主要负责同志年内听取政务公开工作汇报1次以上的得4分，未听取的不得分。', 4, { kind: 'fixed', absentDeduct: null }],
    ['未开展的不得分。', 3, { kind: 'fixed', absentDeduct: null }],
    ['出现泄密事件的，本项不得分。', 6, { kind: 'fixed', absentDeduct: null }],
    ['明确分管领导和工作机构的得3分；否则扣3分。', 3, { kind: 'fixed', absentDeduct: 3 }],
    ['有得10分/无扣2分', 10, { kind: 'fixed', absentDeduct: 2 }],
    ['未按要求开展的扣该项全部分值。', 6, { kind: 'fixed', absentDeduct: null }],
    ['每超期1天扣0.5分。', 6, { kind: 'perItem', deduct: 0.5, unit: '天' }],
    ['未在规定时间内完成的，扣2分/次。', 6, { kind: 'perItem', deduct: 2, unit: '次' }],
    ['每发现一处扣0.5分，最多扣5分。', 10, { kind: 'perItem', deduct: 0.5, unit: '处', cap: 5 }],
    ['每缺一项扣1分，累计扣分不超过3分。', 5, { kind: 'perItem', deduct: 1, unit: '项', cap: 3 }],
    [
      '未及时备案扣5分；未按要素撰写扣3分。',
      10,
      {
        kind: 'deductions',
        items: [
          { finding: '未及时备案', deduct: 5 },
          { finding: '未按要素撰写', deduct: 3 },
        ],
      },
    ],
    [
      '未设置政务公开专栏的扣5分；栏目设置不规范的，每个扣1分。',
      10,
      {
        kind: 'deductions',
        items: [
          { finding: '未设置政务公开专栏', deduct: 5 },
          { finding: '栏目设置不规范', deduct: 1, unit: '个' },
        ],
      },
    ],
    [
      '每个月低于40条的扣5分；空白月每月扣10分。',
      40,
      {
        kind: 'deductions',
        items: [
          { finding: '低于40条', deduct: 5, unit: '个月' },
          { finding: '空白月', deduct: 10, unit: '月' },
        ],
      },
    ],
    [
      '未按时公开的扣1分，内容不完整的每处扣0.5分，累计扣分不超过3分。',
      5,
      {
        kind: 'deductions',
        items: [
          { finding: '未按时公开', deduct: 1 },
          { finding: '内容不完整', deduct: 0.5, unit: '处' },
        ],
        cap: 3,
      },
    ],
    // No kind fits: said so by staying 直接评分 (the words stay in the criteria for the person scoring).
    ['每发现一处扣1分，超过5处的不得分。', 10, { kind: 'manual' }],
    ['未开展的不得分，开展不到位的酌情扣分。', 4, { kind: 'manual' }],
    ['视情况酌情扣1分。', 4, { kind: 'manual' }],
    ['根据完成情况扣1-3分。', 4, { kind: 'manual' }],
    ['每半个月更新一次。', 4, { kind: 'manual' }],
  ];

  it('每发现1处 / 每缺一项 / 发现一次…最多扣 / 扣一分 / 扣1分/件 / …的扣4分 / 未…的不得分 / …得3分；否则扣3分', async () => {
    const spec: TableSpec = {
      rows: [['考核内容', '分值', '评分标准'], ...cases.map(([words, points], i) => [`指标${i + 1}`, points, words])],
    };
    for (const [form, p] of await allThree(spec)) {
      const got = p.indicators.map((n) => ({ form, criteria: n.criteria, rule: n.rule }));
      expect(got).toEqual(cases.map(([criteria, , rule]) => ({ form, criteria, rule })));
      // 扣完为止 (and a cap at the item's own points) keeps the score within the item.
      expect(p.indicators.every((n) => n.capped)).toBe(true);
    }
  });
});

describe('全角 digits', () => {
  it('in 分值 cells ("４分", "３", "２.５分", "０．５"), in a name "（１０分）" and in the 合计 row: numbers', async () => {
    await expectTree(
      {
        rows: [
          ['一级指标', '二级指标', '分值', '评分标准'],
          [{ text: '组织保障（１０分）', rowSpan: 4 }, '领导重视', '４分', '未听取汇报的扣4分。'],
          [null, '机构人员', '３', '未明确工作机构的扣3分。'],
          [null, '保密审查', '２.５分', '未审查的不得分。'],
          [null, '工作台账', '０．５', '未建立的不得分。'],
          ['依申请公开（５分）', '按时答复', '５', '超期答复的每件扣1分。'],
          ['合计', '', '１５', ''],
        ],
      },
      [
        {
          name: '组织保障',
          points: 10,
          children: [
            { name: '领导重视', points: 4 },
            { name: '机构人员', points: 3 },
            { name: '保密审查', points: 2.5 },
            { name: '工作台账', points: 0.5 },
          ],
        },
        { name: '依申请公开', points: 5, children: [{ name: '按时答复', points: 5 }] },
      ],
      15,
    );
  });

  it('in names where no column gives points: "主动公开（２０分）", "政策解读(１０)"', async () => {
    await expectTree(
      {
        rows: [
          ['考核内容', '评分标准'],
          ['1、主动公开（２０分）', '应公开未公开的，每条扣2分。'],
          ['2、政策解读(１０)', '重要政策未解读的，每件扣2分。'],
        ],
      },
      [
        { name: '主动公开', points: 20 },
        { name: '政策解读', points: 10 },
      ],
      30,
    );
  });
});
