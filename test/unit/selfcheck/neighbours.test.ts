// 细则 as county offices write them, beside the layouts readers.test.ts covers: notes under the 合计, groups numbered
// in the 序号 column, points in a group's name beside a 分值 column, a 加分 group without points of its own, weights
// written as shares of the whole. Each is read from a real .xlsx, .docx and pasted text where the layout allows.
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseIndicatorsFile } from '../../../main/import/selfcheck';
import { templateProblems } from '../../../shared/domain/selfcheck-score';
import { toScoringNodes } from '../../../shared/domain/selfcheck-tree';
import { buildDocx, buildXlsx, type Row } from './build-files';

interface Node {
  name: string;
  points: number | null;
  weight: number | null;
  rule: { kind: string };
  children: Node[];
}

/** "组织保障 10 [领导重视 5, 工作机构 5]": the tree as a person reads it. */
const tree = (xs: Node[]): string[] =>
  xs.map(
    (x) =>
      `${x.name} ${x.points ?? (x.weight === null ? '—' : `${x.weight}%`)}${x.children.length ? ` [${tree(x.children).join(', ')}]` : ''}`,
  );

const txt = (header: string[], rows: Row[]) =>
  Buffer.from([header, ...rows].map((r) => r.map((v) => v ?? '').join('\t')).join('\n'), 'utf8');

/** The same table as a sheet, a Word table and pasted text. */
async function threeWays(header: string[], rows: Row[]) {
  return {
    xlsx: await parseIndicatorsFile('细则.xlsx', await buildXlsx({ header, rows })),
    docx: await parseIndicatorsFile('细则.docx', await buildDocx({ title: '考核评分细则', header, rows })),
    txt: await parseIndicatorsFile('细则.txt', txt(header, rows)),
  };
}

describe('细则 neighbours', () => {
  it('notes under the 合计 are not indicators, not even one that says 一票否决', async () => {
    const header = ['考核项目', '考核内容', '标准分', '扣分标准'];
    const rows: Row[] = [
      ['组织领导', '领导重视', 5, '未听取汇报的扣5分。'],
      [null, '工作机构', 5, '未明确机构的扣5分。'],
      ['平台建设', '网站栏目', 10, '空白栏目每个扣2分，最多扣6分。'],
      [null, '新媒体', 10, '每超期1天未更新扣0.5分。'],
      ['合计', '', 30, ''],
      ['注：1. 本细则满分30分，另设加分项5分。', '', '', ''],
      ['2. 出现单项否决情形的，考核等次直接定为不合格。', '', '', ''],
    ];
    for (const [how, p] of Object.entries(await threeWays(header, rows))) {
      expect(tree(p.indicators as Node[]), how).toEqual([
        '组织领导 — [领导重视 5, 工作机构 5]',
        '平台建设 — [网站栏目 10, 新媒体 10]',
      ]);
      expect(p.total, how).toBe(30);
    }
    // A 说明 merged across the table, in a sheet.
    const merged = await parseIndicatorsFile(
      '细则.xlsx',
      await buildXlsx({
        header,
        rows: [
          ['组织领导', '领导重视', 5, '未听取汇报的扣5分。'],
          ['合计', '', 5, ''],
          ['说明：考核实行百分制，出现泄密等情形的实行一票否决。', '', '', ''],
        ],
        merges: ['A4:D4'],
      }),
    );
    expect(tree(merged.indicators as Node[])).toEqual(['组织领导 — [领导重视 5]']);
  });

  it('a short heading after the 合计 is still a section: 加分项 written below the total', async () => {
    const p = await parseIndicatorsFile(
      '细则.docx',
      await buildDocx({
        title: '考核评分细则',
        header: ['考核项目', '考核内容', '分值', '评分标准'],
        rows: [
          ['组织领导', '领导重视', 10, '未听取汇报的扣10分。'],
          ['合计', '', 10, ''],
          { section: '加分项（最高加3分）' },
          ['创新做法', '经验被推广', 3, '被市级以上推广的加3分。'],
        ],
      }),
    );
    expect(tree(p.indicators as Node[])).toEqual(['组织领导 — [领导重视 10]', '加分项 3 [创新做法 — [经验被推广 3]]']);
    expect(p.indicators[1].rule.kind).toBe('bonus');
  });

  it('groups numbered “一、” or “一” in the 序号 column hold the items numbered “1” or “（一）” under them', async () => {
    const header = ['序号', '考核内容', '分值', '评分标准'];
    const rows: Row[] = [
      ['一、', '组织保障', 10, ''],
      ['1', '领导重视', 5, '未听取汇报的扣5分。'],
      ['2', '工作机构', 5, '未明确机构的扣5分。'],
      ['二、', '主动公开', 20, ''],
      ['1', '信息发布', 10, '每发现一处扣1分。'],
      ['2', '政策解读', 10, '每缺一项扣2分。'],
      ['合计', '', 30, ''],
    ];
    const expected = ['组织保障 10 [领导重视 5, 工作机构 5]', '主动公开 20 [信息发布 10, 政策解读 10]'];
    for (const [how, p] of Object.entries(await threeWays(header, rows))) {
      expect(tree(p.indicators as Node[]), how).toEqual(expected);
      expect(templateProblems(toScoringNodes(p.indicators), p.total), how).toEqual([]);
    }
    const cn = rows.map((r) => [
      r[0] === '一、' ? '一' : r[0] === '二、' ? '二' : r[0] === '1' ? '（一）' : r[0] === '2' ? '（二）' : r[0],
      ...r.slice(1),
    ]);
    const p = await parseIndicatorsFile('细则.xlsx', await buildXlsx({ header, rows: cn }));
    expect(tree(p.indicators as Node[])).toEqual(expected);
    // Numbered 1, 2, 3 all through: a flat list, as before.
    const flat = await parseIndicatorsFile(
      '细则.xlsx',
      await buildXlsx({
        header,
        rows: [
          ['1', '领导重视', 5, ''],
          ['2', '工作机构', 5, ''],
          ['合计', '', 10, ''],
        ],
      }),
    );
    expect(tree(flat.indicators as Node[])).toEqual(['领导重视 5', '工作机构 5']);
  });

  it('points in a group’s name (“组织保障(20)”) count where the 分值 column leaves the group blank', async () => {
    const header = ['一级指标', '二级指标', '三级指标', '分值', '评分标准'];
    const rows: Row[] = [
      ['一、组织保障(20)', '（一）组织领导(10)', '1.领导重视', 5, '未听取汇报的扣5分。'],
      [null, null, '2.机构人员', 5, '未明确的扣5分。'],
      [null, '（二）制度建设(10)', '3.保密审查', 10, '未审查的不得分。'],
      ['二、主动公开(10)', '（一）信息发布(10)', '4.按时发布', 10, '每发现一处超期发布扣1分。'],
      ['总分', '', '', 30, ''],
    ];
    for (const [how, p] of Object.entries(await threeWays(header, rows)))
      expect(tree(p.indicators as Node[]), how).toEqual([
        '组织保障 20 [组织领导 10 [领导重视 5, 机构人员 5], 制度建设 10 [保密审查 10]]',
        '主动公开 10 [信息发布 10 [按时发布 10]]',
      ]);
  });

  it('a 合计 of 108 with a 加分 group of 5 + 3 and no points of its own is 100 plus 8 加分', async () => {
    const header = ['一级指标', '二级指标', '分值', '评分标准'];
    const rows: Row[] = [
      ['基础指标', '信息发布', 60, '每发现一处扣1分。'],
      [null, '依申请公开', 40, '每件超期扣5分。'],
      ['加分项', '创新做法', 5, '经验做法被市级以上刊物采用的，每篇加1分，最高加5分。'],
      [null, '获得表彰', 3, '获得市级以上表彰的加3分。'],
      ['合计', '', 108, ''],
    ];
    for (const [how, p] of Object.entries(await threeWays(header, rows))) {
      expect(p.total, how).toBe(100);
      expect(templateProblems(toScoringNodes(p.indicators), p.total), how).toEqual([]);
    }
    // The cap written in the group's name: “加分指标（最高加8分）”.
    const named = await parseIndicatorsFile(
      '细则.xlsx',
      await buildXlsx({
        header,
        rows: rows.map((r) => (r[0] === '加分项' ? ['加分指标（最高加8分）', ...r.slice(1)] : r)),
      }),
    );
    expect(tree(named.indicators as Node[])[1]).toBe('加分指标 8 [创新做法 5, 获得表彰 3]');
    expect(named.total).toBe(100);
  });

  it('weights written as shares of the whole (10% = 5% + 5%) are read as shares of their group', async () => {
    const header = ['一级指标', '权重', '二级指标', '权重', '评分标准'];
    const rows: Row[] = [
      ['保障运营', '10%', '工作保障', '5%', '未落实的扣5分。'],
      [null, null, '制度保障', '5%', '未建立的不得分。'],
      ['法定主动公开', '90%', '规划信息', '45%', '每发现一处扣1分。'],
      [null, null, '财政信息', '45%', '每缺一项扣2分。'],
    ];
    const p = await parseIndicatorsFile('细则.xlsx', await buildXlsx({ header, rows }));
    expect(tree(p.indicators as Node[])).toEqual([
      '保障运营 10% [工作保障 50%, 制度保障 50%]',
      '法定主动公开 90% [规划信息 50%, 财政信息 50%]',
    ]);
    expect(templateProblems(toScoringNodes(p.indicators), p.total)).toEqual([]);
    // Shares of the group already (50% + 50%): kept.
    const own = await parseIndicatorsFile(
      '细则.xlsx',
      await buildXlsx({
        header,
        rows: rows.map((r) => (r[3] === '5%' ? [...r.slice(0, 3), '50%', r[4]] : r)).slice(0, 2),
      }),
    );
    expect(tree(own.indicators as Node[])).toEqual(['保障运营 10% [工作保障 50%, 制度保障 50%]']);
  });

  it('加分 and 单项否决 items in tables or sheets of their own are 加分 and 否决, not lost and not in the 满分', async () => {
    const scored = [
      ['一级指标', '二级指标', '分值', '评分标准'],
      ['组织保障', '领导重视', '50', '未听取汇报的扣50分。'],
      ['主动公开', '信息发布', '50', '每发现一处扣1分。'],
      ['合计', '', '100', ''],
    ];
    const bonus = [
      ['考核项目', '分值', '评分标准'],
      ['创新做法', '3', '被市级以上推广的，每次加1分，最高加3分。'],
      ['获得表彰', '2', '获得市级以上表彰的加2分。'],
    ];
    const veto = [
      ['考核项目', '评分标准'],
      ['泄密事件', '发生泄密事件的，实行一票否决。'],
    ];
    const table = (rows: string[][]) =>
      new Table({
        rows: rows.map(
          (r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) }),
        ),
      });
    const docx = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph('某县2026年度政务公开考核评分细则'),
              new Paragraph('一、扣分指标（100分）'),
              table(scored),
              new Paragraph('二、加分指标（最高5分）'),
              table(bonus),
              new Paragraph('三、单项否决指标'),
              table(veto),
            ],
          },
        ],
      }),
    );
    const wb = new ExcelJS.Workbook();
    for (const [name, rows] of [
      ['扣分指标', scored],
      ['加分指标', bonus],
      ['单项否决', veto],
    ] as const)
      wb.addWorksheet(name).addRows(rows.map((r) => r.map((c) => (/^\d+$/.test(c) ? Number(c) : c))));
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    for (const p of [await parseIndicatorsFile('细则.docx', docx), await parseIndicatorsFile('细则.xlsx', xlsx)]) {
      const [, , plus, no] = p.indicators;
      expect(p.indicators.map((n) => n.name).slice(0, 2)).toEqual(['组织保障', '主动公开']);
      expect(plus.name).toMatch(/^加分/);
      expect(plus.children.map((c) => [c.name, c.points, c.rule.kind])).toEqual([
        ['创新做法', 3, 'bonus'],
        ['获得表彰', 2, 'bonus'],
      ]);
      expect(no.children.map((c) => [c.name, c.rule.kind])).toEqual([['泄密事件', 'veto']]);
      expect(p.total).toBe(100);
      expect(templateProblems(toScoringNodes(p.indicators), p.total)).toEqual([]);
    }
    // The Word title's cap is the group's: 加分指标（最高5分）.
    expect((await parseIndicatorsFile('细则.docx', docx)).indicators[2]).toMatchObject({ name: '加分指标', points: 5 });
  });

  it('a 扣分项 without points takes off the total, at most its written cap; a scored item saying 扣分项 keeps its points', async () => {
    const header = ['类别', '考核内容', '分值', '评分标准'];
    const rows: Row[] = [
      ['基础工作', '信息发布', 60, '每发现一处扣1分，扣完为止。'],
      [null, '依申请公开', 40, '此项为扣分项，超期答复的每件扣5分，最多扣20分。'],
      ['扣分项', '被通报批评', null, '被上级通报批评的每次扣2分，最高扣5分。'],
      [null, '发生重大失误', null, '每次扣10分，不设上限。'],
      ['合计', '', 100, ''],
    ];
    for (const [how, p] of Object.entries(await threeWays(header, rows))) {
      const [base, outside] = p.indicators;
      expect(base.children[1].rule, how).toEqual({ kind: 'perItem', deduct: 5, unit: '件', cap: 20 });
      expect(
        outside.children.map((c) => c.rule),
        how,
      ).toEqual([
        { kind: 'major', deduct: 2, unit: '次', cap: 5 },
        { kind: 'major', deduct: 10, unit: '次' },
      ]);
      expect(p.total, how).toBe(100);
      expect(templateProblems(toScoringNodes(p.indicators), p.total), how).toEqual([]);
    }
    // The cap written in the 分值 column as a negative number, the words saying only how much each time.
    const negative = await parseIndicatorsFile(
      '细则.xlsx',
      await buildXlsx({
        header,
        rows: [rows[0], ['倒扣分', '被通报批评', '-5', '被上级通报批评的每次扣2分。'], ['合计', '', 60, '']],
      }),
    );
    expect(negative.indicators[1].children[0].rule).toEqual({ kind: 'major', deduct: 2, unit: '次', cap: 5 });
  });

  it('a 评分标准 cell a browser broke over two lines, copied from a web page, stays one cell of its row', async () => {
    const text = [
      '一级指标\t二级指标\t分值\t评分标准',
      '组织保障（10分）\t领导重视\t5\t主要负责同志未听取汇报的扣5分。',
      '\t机构人员\t5\t未明确机构的扣5分。',
      '主动公开（20分）\t信息发布\t10\t1.每发现一处错别字扣0.5分；',
      '2.每发现一处超期发布扣1分。',
      '\t政策解读\t10\t未同步解读的每件扣2分，扣完为止。',
      '合计\t\t30\t',
    ].join('\n');
    const p = await parseIndicatorsFile('细则.txt', Buffer.from(text, 'utf8'));
    expect(tree(p.indicators as Node[])).toEqual([
      '组织保障 10 [领导重视 5, 机构人员 5]',
      '主动公开 20 [信息发布 10, 政策解读 10]',
    ]);
    // Each numbered line a finding of its own, without its number.
    expect(p.indicators[1].children[0].rule).toEqual({
      kind: 'deductions',
      items: [
        { finding: '错别字', deduct: 0.5, unit: '处' },
        { finding: '超期发布', deduct: 1, unit: '处' },
      ],
    });
    expect(templateProblems(toScoringNodes(p.indicators), p.total)).toEqual([]);
  });
});
