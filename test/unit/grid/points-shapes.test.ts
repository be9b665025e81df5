// 分工表 shapes that real published tables take (issue 21), each built here as pasted text, as an .xlsx with merged
// cells and as a Word table, with the items written by hand: labels as written ("" where the document has none),
// levels from the numerals' style or, without numerals, from the columns.
import { describe, expect, it } from 'vitest';
import { parsePointsFile, parsePointsText } from '../../../main/import/points';
import type { ParsedPoints } from '../../../shared/domain/points';
import { asDocx, asPasted, asXlsx, type TableSpec } from './build-table';

type Brief = [level: number, label: string, text: string, lead: string, support: string, deadline: string];

const brief = (p: ParsedPoints): Brief[] =>
  p.items.map((i) => [i.level, i.label, i.text, i.lead.join('、'), i.support.join('、'), i.deadlineText ?? '']);

async function allThree(spec: TableSpec): Promise<[string, ParsedPoints][]> {
  return [
    ['粘贴', parsePointsText(asPasted(spec), { fallbackYear: 2026 })],
    ['.xlsx', await parsePointsFile('分工表.xlsx', await asXlsx(spec), { fallbackYear: 2026 })],
    ['.docx', await parsePointsFile('分工表.docx', await asDocx(spec), { fallbackYear: 2026 })],
  ];
}

async function expectItems(spec: TableSpec, expected: Brief[]): Promise<ParsedPoints[]> {
  const out: ParsedPoints[] = [];
  for (const [form, p] of await allThree(spec)) {
    expect({ form, items: brief(p) }).toEqual({ form, items: expected });
    out.push(p);
  }
  return out;
}

describe('a header cell spanning two columns', () => {
  it('“工作任务” over the group column and an unnamed 序号 column: the 序号 is the label, numbered across groups', async () => {
    const spec: TableSpec = {
      before: ['2026年某县政务公开重点任务分工表'],
      rows: [
        [{ text: '工作任务', colSpan: 2 }, null, '具体要求', '责任单位', '完成时限'],
        [{ text: '一、推进决策公开', rowSpan: 2 }, '1', '公开重大决策事项目录。', '办公室', '2026年6月底前'],
        [null, '2', '做好决策预公开。', '办公室', '持续推进'],
        [{ text: '二、加强政策解读', rowSpan: 2 }, '3', '落实政策解读。', '政策法规科', '年底前'],
        [null, '4', '回应社会关切。', '政策法规科牵头，各科室配合', '每季度'],
      ],
    };
    const [pasted] = await expectItems(spec, [
      [1, '一', '推进决策公开', '', '', ''],
      [3, '1', '公开重大决策事项目录。', '办公室', '', '2026年6月底前'],
      [3, '2', '做好决策预公开。', '办公室', '', '持续推进'],
      [1, '二', '加强政策解读', '', '', ''],
      [3, '3', '落实政策解读。', '政策法规科', '', '年底前'],
      [3, '4', '回应社会关切。', '政策法规科', '各科室', '每季度'],
    ]);
    expect(pasted.title).toBe('2026年某县政务公开重点任务分工表');
    expect(pasted.tables[0]).toMatchObject({
      found: true,
      roles: ['group', 'seq', 'text', 'lead', 'deadline'],
      basis: ['content', 'content', 'header', 'header', 'header'],
    });
  });

  it('“具体要求” over a 序号 column and the text column: the text is the requirement, not "1", "2"', async () => {
    await expectItems(
      {
        rows: [
          ['工作任务', { text: '具体要求', colSpan: 2 }, null, '责任科室', '时限要求'],
          [{ text: '加强政策解读', rowSpan: 2 }, '1', '做好重要政策文件解读。', '办公室', '年底前'],
          [null, '2', '开展政策吹风会。', '办公室', '2026年9月底前'],
          ['规范依申请公开', '3', '严格按时答复。', '政策法规科', '持续推进'],
        ],
      },
      [
        [1, '', '加强政策解读', '', '', ''],
        [3, '1', '做好重要政策文件解读。', '办公室', '', '年底前'],
        [3, '2', '开展政策吹风会。', '办公室', '', '2026年9月底前'],
        [1, '', '规范依申请公开', '', '', ''],
        [3, '3', '严格按时答复。', '政策法规科', '', '持续推进'],
      ],
    );
  });
});

describe('rows of a group after its first', () => {
  it('a blank (merged) group cell continues the group; "2." at the start of 具体要求 is the label; prose stays out', async () => {
    const spec: TableSpec = {
      before: ['各科室：', '现将2026年政务公开重点任务分工印发给你们，请认真抓好落实。'],
      rows: [
        ['工作任务', '具体要求', '责任单位', '完成时限'],
        [{ text: '一、加强政策解读', rowSpan: 3 }, '1.做好重要政策文件解读。', '办公室牵头，各科室配合', '年底前'],
        [null, '2.开展政策吹风会。', '办公室', '2026年6月底前'],
        [null, '3、更新政策问答库。', '法规科', '每季度'],
        [{ text: '二、规范依申请公开', rowSpan: 2 }, '1.严格按时答复。', '政策法规科', '持续推进'],
        [null, '2.办理过程留痕。', '政策法规科', '持续推进'],
      ],
      after: ['某县科学技术局办公室', '2026年3月2日'],
    };
    const results = await expectItems(spec, [
      [1, '一', '加强政策解读', '', '', ''],
      [3, '1', '做好重要政策文件解读。', '办公室', '各科室', '年底前'],
      [3, '2', '开展政策吹风会。', '办公室', '', '2026年6月底前'],
      [3, '3', '更新政策问答库。', '法规科', '', '每季度'],
      [1, '二', '规范依申请公开', '', '', ''],
      [3, '1', '严格按时答复。', '政策法规科', '', '持续推进'],
      [3, '2', '办理过程留痕。', '政策法规科', '', '持续推进'],
    ]);
    for (const p of results) {
      expect(p.issuedDate).toBe('2026-03-02');
      expect(p.items.some((i) => /印发|某县科学技术局/.test(i.text))).toBe(false);
    }
  });
});

describe('two group columns before the numbered rows', () => {
  it('一、… and （一）… are two levels above the 1. rows', async () => {
    await expectItems(
      {
        rows: [
          [{ text: '工作任务', colSpan: 2 }, null, '具体要求', '牵头单位', '配合单位', '完成时限'],
          [
            { text: '一、深化决策公开', rowSpan: 3 },
            { text: '（一）推进决策预公开', rowSpan: 2 },
            '1.公开重大决策事项目录。',
            '办公室',
            '各科室',
            '2026年6月底前',
          ],
          [null, null, '2.做好决策草案征求意见。', '办公室', '各科室', '持续推进'],
          [null, '（二）做好结果公开', '3.及时公开决策结果。', '办公室', '法规科', '年底前'],
          ['二、加强平台建设', '（一）规范政府网站', '1.规范信息发布。', '信息中心', '办公室', '每季度'],
        ],
      },
      [
        [1, '一', '深化决策公开', '', '', ''],
        [2, '一', '推进决策预公开', '', '', ''],
        [3, '1', '公开重大决策事项目录。', '办公室', '各科室', '2026年6月底前'],
        [3, '2', '做好决策草案征求意见。', '办公室', '各科室', '持续推进'],
        [2, '二', '做好结果公开', '', '', ''],
        [3, '3', '及时公开决策结果。', '办公室', '法规科', '年底前'],
        [1, '二', '加强平台建设', '', '', ''],
        [2, '一', '规范政府网站', '', '', ''],
        [3, '1', '规范信息发布。', '信息中心', '办公室', '每季度'],
      ],
    );
  });
});

describe('no numbering at all', () => {
  it('groups and rows as plain text: no invented labels, levels from the columns', async () => {
    await expectItems(
      {
        rows: [
          ['工作任务', '具体要求', '责任单位', '完成时限'],
          [{ text: '推进决策公开', rowSpan: 2 }, '公开重大决策事项目录。', '办公室', '年底前'],
          [null, '做好决策预公开。', '办公室', '持续推进'],
          ['加强政策解读', '落实政策解读。', '政策法规科', '每季度'],
        ],
      },
      [
        [1, '', '推进决策公开', '', '', ''],
        [2, '', '公开重大决策事项目录。', '办公室', '', '年底前'],
        [2, '', '做好决策预公开。', '办公室', '', '持续推进'],
        [1, '', '加强政策解读', '', '', ''],
        [2, '', '落实政策解读。', '政策法规科', '', '每季度'],
      ],
    );
  });

  it('two plain group columns: three levels', async () => {
    await expectItems(
      {
        rows: [
          ['类别', '工作任务', '具体要求', '责任单位'],
          [{ text: '决策公开', rowSpan: 3 }, { text: '预公开', rowSpan: 2 }, '公开决策事项目录。', '办公室'],
          [null, null, '征求公众意见。', '办公室'],
          [null, '结果公开', '公开决策结果。', '法规科'],
        ],
      },
      [
        [1, '', '决策公开', '', '', ''],
        [2, '', '预公开', '', '', ''],
        [3, '', '公开决策事项目录。', '办公室', '', ''],
        [3, '', '征求公众意见。', '办公室', '', ''],
        [2, '', '结果公开', '', '', ''],
        [3, '', '公开决策结果。', '法规科', '', ''],
      ],
    );
  });
});

describe('rows that are no task: 合计, 总计, 小计', () => {
  const header = ['序号', '工作任务', '责任单位', '完成时限'];
  const tasks = [
    ['1', '及时发布政策文件并同步解读', '县政府办', '长期坚持'],
    ['2', '完成本部门政策文件库更新', '各乡镇、县直各部门', '2026年6月底前'],
    ['3', '完成网站栏目调整', '县政府办牵头，县数据局配合', '9月底前'],
  ];
  const items: Brief[] = [
    [3, '1', '及时发布政策文件并同步解读', '县政府办', '', '长期坚持'],
    [3, '2', '完成本部门政策文件库更新', '各乡镇、县直各部门', '', '2026年6月底前'],
    [3, '3', '完成网站栏目调整', '县政府办', '县数据局', '9月底前'],
  ];

  it('a last row of 合计 or 总计 with words or numbers in other columns is left out; the tasks stay', async () => {
    for (const total of [
      ['合计', '3项', '', ''],
      ['总计', '3项', '', ''],
      ['合  计', '3', '3', '3'],
      ['', '合计：3项', '', ''],
      ['', '总计（共3项）', '2个单位', ''],
    ])
      await expectItems({ rows: [header, ...tasks, total] }, items);
  });

  it('a 小计 row in the middle and a 合计 row at the end of a table with group columns', async () => {
    await expectItems(
      {
        rows: [
          ['类别', '工作任务', '责任单位', '完成时限'],
          [{ text: '一、决策公开', rowSpan: 2 }, '1.公开重大决策事项目录。', '办公室', '年底前'],
          [null, '2.做好决策预公开。', '办公室', '持续推进'],
          ['小计', '2项', '', ''],
          ['二、政策解读', '1.落实政策解读。', '法规科', '每季度'],
          ['合计', '3项', '2个科室', ''],
        ],
      },
      [
        [1, '一', '决策公开', '', '', ''],
        [3, '1', '公开重大决策事项目录。', '办公室', '', '年底前'],
        [3, '2', '做好决策预公开。', '办公室', '', '持续推进'],
        [1, '二', '政策解读', '', '', ''],
        [3, '1', '落实政策解读。', '法规科', '', '每季度'],
      ],
    );
  });

  it('an unnumbered row among numbered ones is an item beside them, not a level above that swallows the table', async () => {
    await expectItems({ rows: [header, ...tasks, ['其他', '完成上级交办的其他任务', '县政府办', '年底前']] }, [
      ...items,
      [3, '', '完成上级交办的其他任务', '县政府办', '', '年底前'],
    ]);
  });
});

describe('a row numbered above every row before it', () => {
  it('"一" after 1, 2 stays beside them: the rows before it are not lost', async () => {
    const last: Brief = [3, '一', '完成上级交办的其他工作', '县政府办', '', '年底前'];
    await expectItems(
      {
        rows: [
          ['序号', '工作任务', '责任单位', '完成时限'],
          ['1', '及时发布政策文件', '县政府办', '长期坚持'],
          ['2', '完成文件库更新', '各乡镇', '2026年6月底前'],
          ['一', '完成上级交办的其他工作', '县政府办', '年底前'],
        ],
      },
      [
        [3, '1', '及时发布政策文件', '县政府办', '', '长期坚持'],
        [3, '2', '完成文件库更新', '各乡镇', '', '2026年6月底前'],
        last,
      ],
    );
    await expectItems(
      {
        rows: [
          ['工作任务', '责任单位', '完成时限'],
          ['1.及时发布政策文件', '县政府办', '长期坚持'],
          ['2.完成文件库更新', '各乡镇', '2026年6月底前'],
          ['一、完成上级交办的其他工作', '县政府办', '年底前'],
        ],
      },
      [
        [3, '1', '及时发布政策文件', '县政府办', '', '长期坚持'],
        [3, '2', '完成文件库更新', '各乡镇', '', '2026年6月底前'],
        last,
      ],
    );
  });
});

describe('a 序号 column before the group column', () => {
  const header = ['序号', '工作任务', '具体要求', '责任单位', '完成时限'];
  const expected: Brief[] = [
    [1, '', '加强政策发布解读', '', '', ''],
    [3, '1', '及时发布政策文件并同步解读', '县政府办', '', '长期坚持'],
    [3, '2', '完成本部门政策文件库更新', '各乡镇、县直各部门', '', '2026年6月底前'],
    [1, '', '做好依申请公开', '', '', ''],
    [3, '3', '每季度开展一次答复文书质量自查', '县政府办', '', '每季度'],
    [3, '4', '报送上半年工作情况', '县直各部门', '', '6月30日前'],
  ];
  const rows = (first: (t: string) => Parameters<typeof expectItems>[0]['rows'][number][number], later: string) => [
    header,
    ['1', first('加强政策发布解读'), '及时发布政策文件并同步解读', '县政府办', '长期坚持'],
    [
      '2',
      later === '=' ? '加强政策发布解读' : later === '' ? '' : null,
      '完成本部门政策文件库更新',
      '各乡镇、县直各部门',
      '2026年6月底前',
    ],
    ['3', first('做好依申请公开'), '每季度开展一次答复文书质量自查', '县政府办', '每季度'],
    ['4', later === '=' ? '做好依申请公开' : later === '' ? '' : null, '报送上半年工作情况', '县直各部门', '6月30日前'],
  ];

  it('工作任务 merged over its rows is a group above them; the 具体要求 are the items', async () => {
    await expectItems({ rows: rows((text) => ({ text, rowSpan: 2 }), 'merged') }, expected);
  });

  it('工作任务 left blank under its first row, or written out in every row: the same', async () => {
    await expectItems({ rows: rows((text) => text, '') }, expected);
    await expectItems({ rows: rows((text) => text, '=') }, expected);
  });

  it('a 序号 merged with its 工作任务 over two rows is one task written in two rows, not a group', async () => {
    await expectItems(
      {
        rows: [
          header,
          [
            { text: '1', rowSpan: 2 },
            { text: '加强政策发布解读', rowSpan: 2 },
            '及时发布政策文件。',
            { text: '县政府办', rowSpan: 2 },
            { text: '长期坚持', rowSpan: 2 },
          ],
          [null, null, '同步做好解读。', null, null],
          ['2', '做好依申请公开', '报送上半年工作情况', '县直各部门', '6月30日前'],
        ],
      },
      [
        [3, '1', '加强政策发布解读。及时发布政策文件。\n同步做好解读。', '县政府办', '', '长期坚持'],
        [3, '2', '做好依申请公开。报送上半年工作情况', '县直各部门', '', '6月30日前'],
      ],
    );
  });

  it('a different 工作任务 in every row still joins its 具体要求', async () => {
    await expectItems(
      {
        rows: [
          header,
          ['1', '加强政策发布解读', '及时发布政策文件并同步解读', '县政府办', '长期坚持'],
          ['2', '做好依申请公开', '报送上半年工作情况', '县直各部门', '6月30日前'],
        ],
      },
      [
        [3, '1', '加强政策发布解读。及时发布政策文件并同步解读', '县政府办', '', '长期坚持'],
        [3, '2', '做好依申请公开。报送上半年工作情况', '县直各部门', '', '6月30日前'],
      ],
    );
  });
});
