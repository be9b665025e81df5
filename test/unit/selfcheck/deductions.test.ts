// Deductions capped below the item's points (每发现一处扣0.5分，最多扣2分) and several deductions for different
// findings in one cell (分项扣分: 未按时公开的扣1分；内容不完整的每处扣0.5分): read from the words, scored exactly,
// stored and edited on a real SQLite file, and printed in the 自查评分表 and 自查报告 as an office writes them.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_ENTRY, ruleLabel, ruleSchema, type Rule, type ScoreEntry } from '../../../shared/domain/selfcheck';
import {
  deductionsRuleText,
  inferRule,
  perItemText,
  readDeductionsRuleText,
} from '../../../shared/domain/selfcheck-rules';
import { deductionText, scoreLeaf, scoreTemplate, type ScoringNode } from '../../../shared/domain/selfcheck-score';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { importTemplateFile } from './import-template';
import { readDocx } from '../export/read-docx';
import { canRender, linesOf, renderPages } from '../export/render-helpers';
import { buildXlsx, DEDUCTION_HEADER, DEDUCTION_ROWS } from './build-files';
import { rateRest } from './rate';

const TIMELY: Rule = {
  kind: 'deductions',
  items: [
    { finding: '未按时公开', deduct: 1 },
    { finding: '内容不完整', deduct: 0.5, unit: '处' },
  ],
};
const COLUMN: Rule = {
  kind: 'deductions',
  items: [
    { finding: '未设置专栏', deduct: 2 },
    { finding: '栏目空白', deduct: 1, unit: '个' },
  ],
};
const FILING: Rule = {
  kind: 'deductions',
  items: [
    { finding: '未制定', deduct: 2 },
    { finding: '未按要求报送', deduct: 1 },
  ],
  cap: 2.5,
};

describe('reading the words', () => {
  // [words, the item's points, the rule read by hand]
  const cases: [string, number | null, Rule][] = [
    // a. per occurrence, capped below the item's points
    ['每发现一处扣0.5分，最多扣2分', 5, { kind: 'perItem', deduct: 0.5, unit: '处', cap: 2 }],
    ['每缺一项扣1分，累计扣分不超过3分', 5, { kind: 'perItem', deduct: 1, unit: '项', cap: 3 }],
    ['错别字每处扣0.2分，扣分上限1分', 2, { kind: 'perItem', deduct: 0.2, unit: '处', cap: 1 }],
    ['每件扣2分，扣完20分为止', 30, { kind: 'perItem', deduct: 2, unit: '件', cap: 20 }],
    // …a cap at or above the item's points is the item's own (扣完为止): no cap kept
    ['每发现一处扣0.5分，最多扣5分', 5, { kind: 'perItem', deduct: 0.5, unit: '处' }],
    ['每件扣2分，扣完20分为止', 20, { kind: 'perItem', deduct: 2, unit: '件' }],
    // …points from a weight are not known yet: the written cap is kept
    ['每发现一处扣0.5分，最多扣2分', null, { kind: 'perItem', deduct: 0.5, unit: '处', cap: 2 }],
    // b. several findings, each once or per occurrence
    ['未按时公开的扣1分；内容不完整的每处扣0.5分', 5, TIMELY],
    ['未设置专栏扣2分，栏目空白的每个扣1分，扣完为止', 5, COLUMN],
    [
      '未制定扣2分，未按要求报送扣1分',
      3,
      {
        kind: 'deductions',
        items: [
          { finding: '未制定', deduct: 2 },
          { finding: '未按要求报送', deduct: 1 },
        ],
      },
    ],
    ['未制定扣2分，未按要求报送扣1分，累计最多扣2.5分', 5, FILING],
    ['未按时公开的扣一分；内容不完整的，每处扣零点五分，累计扣分不超过3分。', 5, { ...TIMELY, cap: 3 }],
    [
      '每缺一项扣1分，最多扣3分；未公开的扣2分',
      10,
      {
        kind: 'deductions',
        items: [
          { finding: '缺项', deduct: 1, unit: '项', cap: 3 },
          { finding: '未公开', deduct: 2 },
        ],
      },
    ],
    [
      '公文提前或超期公开每条扣5分；标题、索引号等要素未规范录入每条扣1分；正文不能正常显示每条扣1分',
      10,
      {
        kind: 'deductions',
        items: [
          { finding: '公文提前或超期公开', deduct: 5, unit: '条' },
          { finding: '标题、索引号等要素未规范录入', deduct: 1, unit: '条' },
          { finding: '正文不能正常显示', deduct: 1, unit: '条' },
        ],
      },
    ],
    [
      '标题不完整的扣0.5分/处；未上传附件的扣1分/个，扣完20分为止',
      30,
      {
        kind: 'deductions',
        items: [
          { finding: '标题不完整', deduct: 0.5, unit: '处' },
          { finding: '未上传附件', deduct: 1, unit: '个' },
        ],
        cap: 20,
      },
    ],
    // Neighbours the person must score by hand: 酌情, a range, 视情况, a threshold that takes everything
    ['未按时公开的扣1分；内容不完整的酌情扣分', 5, { kind: 'manual' }],
    ['未按时公开的扣1-3分；内容不完整的每处扣0.5分', 5, { kind: 'manual' }],
    ['未按时公开的扣1至3分，内容不完整的每处扣0.5分', 5, { kind: 'manual' }],
    ['视情况扣分，最多扣2分', 5, { kind: 'manual' }],
    ['未设置专栏的视情况扣1分；栏目空白的每个扣1分', 5, { kind: 'manual' }],
    ['每发现一处扣1分，超过5处的不得分', 10, { kind: 'manual' }],
    ['未发布的不得分，内容不全的扣2分', 5, { kind: 'manual' }],
    ['根据完成情况扣1-3分', 4, { kind: 'manual' }],
    // …and what was read before stays as it was
    ['未听取汇报的扣4分', 4, { kind: 'fixed', absentDeduct: 4 }],
    ['有得10分/无扣2分', 10, { kind: 'fixed', absentDeduct: 2 }],
    ['每发现一处扣0.5分，扣完为止', 10, { kind: 'perItem', deduct: 0.5, unit: '处' }],
  ];

  it.each(cases)('%s（%s分）', (words, points, rule) => {
    const r = inferRule(words, '', points);
    expect(r.rule).toEqual(rule);
    // What is read is a rule the data file takes as it is (the schema changes nothing).
    expect(ruleSchema.parse(r.rule)).toEqual(r.rule);
    // A rule that caps its own deductions never goes below 0.
    if (r.rule.kind === 'deductions' || (r.rule.kind === 'perItem' && r.rule.cap !== undefined))
      expect(r.capped).toBe(true);
  });
});

describe('the rule in words, read back', () => {
  it('按次扣分 with a cap and 分项扣分 print as the office writes them and read back the same', () => {
    expect(ruleLabel({ kind: 'perItem', deduct: 0.5, unit: '处', cap: 2 })).toBe('每处扣0.5分，最多扣2分');
    expect(perItemText({ deduct: 0.5, unit: '处', cap: 2 })).toBe('每处扣0.5分，最多扣2分');
    expect(ruleLabel(TIMELY)).toBe('分项扣分：未按时公开的扣1分；内容不完整的每处扣0.5分；扣完为止');
    expect(ruleLabel(FILING)).toBe('分项扣分：未制定的扣2分；未按要求报送的扣1分；累计最多扣2.5分');
    const capped: Rule = {
      kind: 'deductions',
      items: [
        { finding: '栏目（专栏）空白', deduct: 1, unit: '个', cap: 3 },
        { finding: '目的不明的', deduct: 0.5 },
      ],
      cap: 4,
    };
    expect(ruleLabel(capped)).toBe(
      '分项扣分：栏目（专栏）空白的每个扣1分，最多扣3分；目的不明的的扣0.5分；累计最多扣4分',
    );
    for (const r of [TIMELY, COLUMN, FILING, capped]) {
      if (r.kind !== 'deductions') continue;
      expect({ kind: 'deductions', ...readDeductionsRuleText(deductionsRuleText(r)) }).toEqual(r);
    }
    expect(readDeductionsRuleText('分项扣分：未制定扣2分')).toBeNull();
    expect(readDeductionsRuleText('未制定的扣2分；扣完为止')).toBeNull();
  });

  it('rules stored before read the same: no new key on an old 按次扣分, and the labels are unchanged', () => {
    for (const old of [
      { kind: 'perItem', deduct: 1, unit: '条' },
      { kind: 'major', deduct: 5, unit: '次' },
      { kind: 'fixed', absentDeduct: 2 },
      { kind: 'manual' },
    ]) {
      const parsed = ruleSchema.parse(JSON.parse(JSON.stringify(old)));
      expect(JSON.stringify(parsed)).toBe(JSON.stringify(old));
    }
    expect(ruleLabel({ kind: 'perItem', deduct: 1, unit: '条' })).toBe('每条扣1分，扣完为止');
    expect(ruleLabel({ kind: 'perItem', deduct: 1, unit: '条' }, false)).toBe('每条扣1分（可突破本项分值）');
  });

  it('refuses findings named twice or holding a semicolon, in Chinese; a finding deducted once has no cap', () => {
    const twice = ruleSchema.safeParse({
      kind: 'deductions',
      items: [
        { finding: '未公开', deduct: 1 },
        { finding: '未公开', deduct: 2 },
      ],
    });
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0].message).toBe('扣分情形“未公开”写了两次，每个情形只写一次');
    const semi = ruleSchema.safeParse({ kind: 'deductions', items: [{ finding: '未公开；未更新', deduct: 1 }] });
    expect(semi.error?.issues[0].message).toBe('扣分情形中不能有分号（每个情形单独一行）');
    expect(ruleSchema.parse({ kind: 'deductions', items: [{ finding: '未制定', deduct: 2, cap: 1 }] })).toEqual({
      kind: 'deductions',
      items: [{ finding: '未制定', deduct: 2 }],
    });
  });
});

describe('scoring', () => {
  const leaf = (rule: Rule, capped = true) => ({ rule, capped, ceilingRatio: null });
  const entry = (e: Partial<ScoreEntry>): ScoreEntry => ({ ...EMPTY_ENTRY, rated: true, ...e });

  it('分项扣分: each finding once or per occurrence, added up, within the item (never below 0 nor above)', () => {
    // 5 − 1 (未按时公开, once) − 2 × 0.5 (内容不完整) = 3
    expect(scoreLeaf(leaf(TIMELY), 5, entry({ counts: [1, 2] })).score).toBe(3);
    expect(deductionText(TIMELY, { count: null, counts: [1, 2] }, 5)).toBe(
      '未按时公开1次，扣1分；内容不完整2处，扣1分',
    );
    // Deducted once whatever the count: 5 − 1 = 4.
    expect(scoreLeaf(leaf(TIMELY), 5, entry({ counts: [3, 0] })).score).toBe(4);
    expect(deductionText(TIMELY, { count: null, counts: [3, 0] }, 5)).toBe('未按时公开3次，扣1分');
    // Nothing found: full points, no words.
    expect(scoreLeaf(leaf(TIMELY), 5, entry({ counts: [0, 0] })).score).toBe(5);
    expect(deductionText(TIMELY, { count: null, counts: [0, 0] }, 5)).toBe('');
    // 2 + 7 × 1 = 9 > 5: 0, not −4, even where the item was set to go below 0.
    for (const capped of [true, false])
      expect(scoreLeaf(leaf(COLUMN, capped), 5, entry({ counts: [1, 7] })).score).toBe(0);
    expect(deductionText(COLUMN, { count: null, counts: [1, 7] }, 5)).toBe(
      '未设置专栏1次，扣2分；栏目空白7个，扣7分；扣完本项5分为止',
    );
    // The written cap: 2 + 1 = 3, at most 2.5 → 5 − 2.5 = 2.5.
    expect(scoreLeaf(leaf(FILING), 5, entry({ counts: [1, 1] })).score).toBe(2.5);
    expect(deductionText(FILING, { count: null, counts: [1, 1] }, 5)).toBe(
      '未制定1次，扣2分；未按要求报送1次，扣1分；累计最多扣2.5分，计扣2.5分',
    );
    // A finding's own cap: 10 × 1 = 10, at most 3; + 2 → 10 − 5 = 5.
    const own: Rule = {
      kind: 'deductions',
      items: [
        { finding: '缺项', deduct: 1, unit: '项', cap: 3 },
        { finding: '未公开', deduct: 2 },
      ],
    };
    expect(scoreLeaf(leaf(own), 10, entry({ counts: [10, 1] })).score).toBe(5);
    expect(deductionText(own, { count: null, counts: [10, 1] }, 10)).toBe(
      '缺项10项，扣3分（该项最多扣3分）；未公开1次，扣2分',
    );
  });

  it('按次扣分 with a cap: count × k, at most the cap', () => {
    const rule: Rule = { kind: 'perItem', deduct: 0.5, unit: '处', cap: 2 };
    // 3 × 0.5 = 1.5 → 3.5; 6 × 0.5 = 3, at most 2 → 3.
    expect(scoreLeaf(leaf(rule), 5, entry({ count: 3 })).score).toBe(3.5);
    expect(scoreLeaf(leaf(rule), 5, entry({ count: 6 })).score).toBe(3);
    expect(deductionText(rule, { count: 6, counts: null }, 5)).toBe('6处，扣3分；累计最多扣2分，计扣2分');
    // Without a cap nothing changed: 10 − 25 → 0 (扣完为止), or −15 where it may go below 0.
    const plain: Rule = { kind: 'perItem', deduct: 5, unit: '条' };
    expect(scoreLeaf(leaf(plain), 10, entry({ count: 5 })).score).toBe(0);
    expect(scoreLeaf(leaf(plain, false), 10, entry({ count: 5 })).score).toBe(-15);
  });

  it('in a tree: counts of every finding rate the leaf; counts that do not fit the findings leave it 未评', () => {
    const node = (key: string, rule: Rule, points: number): ScoringNode => ({
      key,
      name: key,
      points,
      weight: null,
      basis: null,
      rule,
      capped: true,
      ceilingRatio: null,
      children: [],
    });
    const a = node('公开时效', TIMELY, 5);
    const b = node('制度报送', FILING, 5);
    const top: ScoringNode = { ...node('政府信息公开', { kind: 'manual' }, 10), children: [a, b] };
    const r = scoreTemplate(
      [top],
      new Map([
        ['公开时效', entry({ counts: [1, 2] })],
        ['制度报送', entry({ counts: [1] })],
      ]),
      { total: 10 },
    );
    // 公开时效 3 (lost 2); 制度报送 has one count for two findings: 未评, nothing counted or lost.
    expect([r.scoredLeaves, r.leaves, r.total]).toEqual([1, 2, 3]);
    expect(r.indicators[0].children.map((c) => [c.score, c.deducted, c.scored])).toEqual([
      [3, 2, true],
      [0, 0, false],
    ]);
  });
});

describe('on a data file', () => {
  let t: TestWorkstation;
  afterEach(() => t?.cleanup());

  async function importDeductions() {
    t = await openTestWorkstation({ year: 2026, now: () => new Date(2026, 10, 30, 10, 0, 0) });
    const buf = await buildXlsx({
      title: '某县2026年政务公开考核评分细则',
      header: DEDUCTION_HEADER,
      rows: DEDUCTION_ROWS,
    });
    return importTemplateFile(t, 2026, '细则.xlsx', buf);
  }
  type View = Awaited<ReturnType<typeof importDeductions>>;
  const row = (v: View, name: string) => v.rows.find((r) => r.name === name)!;
  const stored = (id: number) =>
    t.ws
      .context()
      .raw.prepare('SELECT rated, occurrences, finding_counts FROM sc_entry WHERE indicator_id = ?')
      .get(id) as {
      rated: number;
      occurrences: number | null;
      finding_counts: string | null;
    };

  it('imports the wordings as their rules; the counts of each finding are saved and scored', async () => {
    let v = await importDeductions();
    expect(v.template?.total).toBe(30);
    expect(row(v, '公开时效').rule).toEqual(TIMELY);
    expect(row(v, '专栏建设').rule).toEqual(COLUMN);
    expect(row(v, '信息质量').rule).toEqual({ kind: 'perItem', deduct: 0.5, unit: '处', cap: 2 });
    expect(row(v, '要素规范').rule).toEqual({ kind: 'perItem', deduct: 1, unit: '项', cap: 3 });
    expect(row(v, '政策解读').rule).toEqual({ kind: 'manual' });
    expect(row(v, '制度报送').rule).toEqual(FILING);
    expect(row(v, '公开时效').ruleLabel).toBe('分项扣分：未按时公开的扣1分；内容不完整的每处扣0.5分；扣完为止');

    await t.call('selfcheck.saveEntry', { indicatorId: row(v, '公开时效').id, counts: [1, 2], reason: '见台账' });
    await t.call('selfcheck.saveEntry', { indicatorId: row(v, '专栏建设').id, counts: [1, 7] });
    await t.call('selfcheck.saveEntry', { indicatorId: row(v, '信息质量').id, count: 6 });
    await t.call('selfcheck.saveEntry', { indicatorId: row(v, '制度报送').id, counts: [0, 1] });
    v = await t.call('selfcheck.get', { year: 2026 });
    // 5 − 1 − 1 = 3; 5 − (2 + 7) → 0; 5 − min(3, 2) = 3; 5 − 1 = 4.
    expect(['公开时效', '专栏建设', '信息质量', '制度报送'].map((n) => [row(v, n).score, row(v, n).deducted])).toEqual([
      [3, 2],
      [0, 5],
      [3, 2],
      [4, 1],
    ]);
    expect(row(v, '公开时效').entry).toMatchObject({ rated: true, counts: [1, 2], count: null });
    expect([v.scoredLeaves, v.total]).toEqual([4, 3 + 0 + 3 + 4]);
    // Each finding's count is kept as a list in finding_counts (migration 38), the one count of other rules in
    // occurrences; the file stays sound.
    expect(stored(row(v, '公开时效').id)).toEqual({ rated: 1, occurrences: null, finding_counts: '[1,2]' });
    expect(stored(row(v, '信息质量').id)).toEqual({ rated: 1, occurrences: 6, finding_counts: null });
    const raw = t.ws.context().raw;
    expect(raw.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    // The audit says which counts changed.
    const audit = raw
      .prepare(`SELECT changes FROM audit_log WHERE entity = 'sc_entry' AND entity_id = ? ORDER BY id DESC`)
      .pluck()
      .get(row(v, '公开时效').id) as string;
    expect(JSON.parse(audit)).toMatchObject({ counts: { from: null, to: [1, 2] } });
  });

  it('refuses counts that do not fit the rule, in Chinese, and saves nothing', async () => {
    const v = await importDeductions();
    const id = row(v, '公开时效').id;
    const refused = async (input: object, message: string) => {
      await expect(t.call('selfcheck.saveEntry', { indicatorId: id, ...input })).rejects.toThrow(message);
    };
    await refused({ counts: [1] }, '“政府信息公开 / 公开时效”有2个扣分情形（“未按时公开”、“内容不完整”），填了1个次数');
    await refused({ count: 3 }, '请分别填写“未按时公开”、“内容不完整”的次数（没有的填0）');
    await refused({ score: 4 }, '请填写各扣分情形的次数，不直接填自评分');
    await refused({ counts: [1, -1] }, '各情形的次数不能为负数');
    await expect(t.call('selfcheck.saveEntry', { indicatorId: row(v, '信息质量').id, counts: [1, 2] })).rejects.toThrow(
      '没有分项扣分情形，请不要填写各情形次数',
    );
    expect(t.ws.context().raw.prepare('SELECT count(*) FROM sc_entry').pluck().get()).toBe(0);
    // Counts left empty: 未评, the reason kept.
    await t.call('selfcheck.saveEntry', { indicatorId: id, counts: null, reason: '待核实' });
    const after = await t.call('selfcheck.get', { year: 2026 });
    expect(row(after, '公开时效').entry).toMatchObject({ rated: false, reason: '待核实' });
  });

  it('转为整改 without a reason written: the 整改 item says what each finding took off', async () => {
    const v = await importDeductions();
    await t.call('selfcheck.saveEntry', { indicatorId: row(v, '公开时效').id, counts: [1, 2] });
    const item = await t.call('selfcheck.rectify', { indicatorId: row(v, '公开时效').id });
    expect(item.problem).toBe('公开时效：未按时公开1次，扣1分；内容不完整2处，扣1分');
    // A reason written is the problem, as before.
    await t.call('selfcheck.saveEntry', {
      indicatorId: row(v, '制度报送').id,
      counts: [1, 0],
      reason: '未制定报送制度',
    });
    expect((await t.call('selfcheck.rectify', { indicatorId: row(v, '制度报送').id })).problem).toBe('未制定报送制度');
  });

  it('编辑细则: the counts follow their findings by name; a new finding leaves the leaf 未评', async () => {
    let v = await importDeductions();
    const r = row(v, '公开时效');
    await t.call('selfcheck.saveEntry', { indicatorId: r.id, counts: [1, 2] });
    const fields = { name: r.name, points: 5, weight: null, criteria: r.criteria, capped: true, ceilingRatio: null };
    // Amounts changed and the findings swapped: 5 − 2 × 1 − 2 = 1.
    await t.call('selfcheck.updateIndicator', {
      id: r.id,
      ...fields,
      rule: {
        kind: 'deductions',
        items: [
          { finding: '内容不完整', deduct: 1, unit: '处' },
          { finding: '未按时公开', deduct: 2 },
        ],
      },
    });
    v = await t.call('selfcheck.get', { year: 2026 });
    expect(row(v, '公开时效')).toMatchObject({ score: 1, entry: { rated: true, counts: [2, 1] } });
    // A finding added: the old counts cannot say how often it happened.
    await t.call('selfcheck.updateIndicator', {
      id: r.id,
      ...fields,
      rule: {
        kind: 'deductions',
        items: [
          { finding: '内容不完整', deduct: 1, unit: '处' },
          { finding: '未按时公开', deduct: 2 },
          { finding: '未提供下载', deduct: 1 },
        ],
        cap: 4,
      },
    });
    v = await t.call('selfcheck.get', { year: 2026 });
    expect(row(v, '公开时效')).toMatchObject({ score: 0, deducted: 0, entry: { rated: false, counts: null } });
    const summary = t.ws
      .context()
      .raw.prepare(`SELECT summary FROM audit_log WHERE entity = 'sc_indicator' ORDER BY id DESC`)
      .pluck()
      .get();
    expect(summary).toContain('（增加了扣分情形，原自评改为未评）');
    // A group cannot deduct by findings.
    await expect(
      t.call('selfcheck.updateIndicator', {
        id: row(v, '政府信息公开').id,
        name: '政府信息公开',
        points: 25,
        rule: TIMELY,
      }),
    ).rejects.toThrow('不能按“分项扣分”计分');
  });

  it('自查评分表 and 自查报告 print the rule’s words and what each finding took off', async () => {
    let v = await importDeductions();
    await t.call('selfcheck.saveEntry', {
      indicatorId: row(v, '公开时效').id,
      counts: [1, 2],
      reason: '3月份2条信息内容不完整',
    });
    await t.call('selfcheck.saveEntry', { indicatorId: row(v, '信息质量').id, count: 6 });
    await t.call('selfcheck.saveEntry', { indicatorId: row(v, '制度报送').id, counts: [1, 1] });
    v = await rateRest(t, 2026);
    await t.call('selfcheck.export', { kind: 'selfcheck-xlsx', year: 2026 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.delivered.at(-1)!.data as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(3).values as unknown[]).slice(1) as string[];
    const col = (h: string) => header.indexOf(h);
    const rows: unknown[][] = [];
    for (let i = 4; i <= ws.rowCount; i++) rows.push((ws.getRow(i).values as unknown[]).slice(1));
    const line = (name: string) => rows.find((x) => x[col('二级指标')] === name)!;
    expect(line('公开时效')[col('评分标准')]).toBe(
      '未按时公开的扣1分；内容不完整的每处扣0.5分。（分项扣分：未按时公开的扣1分；内容不完整的每处扣0.5分；扣完为止）',
    );
    expect([line('公开时效')[col('自评分')], line('公开时效')[col('扣分')], line('公开时效')[col('失分原因')]]).toEqual(
      [3, 2, '未按时公开1次，扣1分；内容不完整2处，扣1分\n3月份2条信息内容不完整'],
    );
    expect(line('信息质量')[col('评分标准')]).toBe('每发现一处扣0.5分，最多扣2分。（每处扣0.5分，最多扣2分）');
    expect(line('信息质量')[col('失分原因')]).toBe('6处，扣3分；累计最多扣2分，计扣2分');
    expect(line('制度报送')[col('失分原因')]).toBe(
      '未制定1次，扣2分；未按要求报送1次，扣1分；累计最多扣2.5分，计扣2.5分',
    );
    // Scored by hand: the words only, nothing appended.
    expect(line('政策解读')[col('评分标准')]).toBe('未解读的扣1-3分；形式单一的酌情扣分。');
    // 30 − 2 − 2 − 2.5 = 23.5, as the screen has it.
    expect(v.total).toBe(23.5);
    expect(rows.at(-1)![col('自评分')]).toBe(v.total);

    await t.call('selfcheck.export', { kind: 'selfcheck-docx', year: 2026 });
    const doc = (await readDocx(t.delivered.at(-1)!.data)).document.replace(/<[^>]+>/g, '');
    expect(doc).toContain('公开时效扣2分（未按时公开1次，扣1分；内容不完整2处，扣1分），原因是3月份2条信息内容不完整');
    // A problem without a reason written says what was found.
    expect(doc).toContain('政府信息公开—信息质量：6处，扣3分；累计最多扣2分，计扣2分。');
    expect(doc).toContain('未按时公开1次，扣1分；内容不完整2处，扣1分');
  });

  it.skipIf(!canRender)(
    'the printed 自查评分表 (LibreOffice) shows the rule’s words and each finding’s deduction',
    async () => {
      const v = await importDeductions();
      const id = (name: string) => row(v, name).id;
      await t.call('selfcheck.saveEntry', { indicatorId: id('公开时效'), counts: [1, 2] });
      await t.call('selfcheck.saveEntry', { indicatorId: id('专栏建设'), counts: [1, 7] });
      await rateRest(t, 2026);
      await t.call('selfcheck.export', { kind: 'selfcheck-xlsx', year: 2026 });
      const pages = renderPages(t.dir, { 'sheet.xlsx': t.delivered.at(-1)!.data })['sheet.xlsx'];
      // A wrapped cell's lines start at its left edge: the words of one column, top to bottom, read as its text.
      const columns = pages.flatMap((page) => {
        const byLeft = new Map<number, typeof page>();
        for (const w of page) {
          const x = [...byLeft.keys()].find((k) => Math.abs(k - w.x1) < 0.6) ?? w.x1;
          byLeft.set(x, [...(byLeft.get(x) ?? []), w]);
        }
        return [...byLeft.values()].map((ws) =>
          linesOf(ws)
            .map((l) => l.text)
            .join(''),
        );
      });
      for (const words of [
        '未按时公开的扣1分；内容不完整的每处扣0.5分。（分项扣分：未按时公开的扣1分；内容不完整的每处扣0.5分；扣完为止）',
        '未按时公开1次，扣1分；内容不完整2处，扣1分',
        '未设置专栏1次，扣2分；栏目空白7个，扣7分；扣完本项5分为止',
        '每发现一处扣0.5分，最多扣2分。（每处扣0.5分，最多扣2分）',
      ])
        expect(
          columns.some((c) => c.includes(words)),
          words,
        ).toBe(true);
    },
    300_000,
  );
});
