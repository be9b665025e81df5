// The scoring engine alone: every rule type by itself and combined, totals worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { EMPTY_ENTRY, type Rule, type ScoreEntry } from '../../../shared/domain/selfcheck';
import {
  flattenScored,
  scoreLeaf,
  scoreTemplate,
  templateProblems,
  type ScoringNode,
} from '../../../shared/domain/selfcheck-score';

let seq = 0;
function node(
  name: string,
  opts: Partial<Omit<ScoringNode, 'key' | 'name' | 'children'>> = {},
  children: ScoringNode[] = [],
): ScoringNode {
  return {
    key: `${name}#${++seq}`,
    name,
    points: null,
    weight: null,
    basis: null,
    rule: { kind: 'manual' },
    capped: true,
    ceilingRatio: null,
    children,
    ...opts,
  };
}
const perItem = (deduct: number): Rule => ({ kind: 'perItem', deduct, unit: '条' });
const major = (deduct: number): Rule => ({ kind: 'major', deduct, unit: '次' });
const bonus = (perItemPts: number | null, threshold: number | null, inclusive = true): Rule => ({
  kind: 'bonus',
  perItem: perItemPts,
  threshold,
  inclusive,
  unit: '次',
});
/** Rated entries for the leaves named (a leaf not listed is 未评). */
function entries(pairs: [ScoringNode, Partial<ScoreEntry>][]): Map<string, ScoreEntry> {
  return new Map(pairs.map(([n, e]) => [n.key, { ...EMPTY_ENTRY, rated: true, ...e }]));
}
const find = (r: ReturnType<typeof scoreTemplate>, name: string) =>
  flattenScored(r.indicators).find((n) => n.name === name)!;

describe('each rule alone', () => {
  it('manual: the entered 自评分', () => {
    const a = node('政务公开培训', { points: 10 });
    const b = node('保密审查', { points: 5 });
    const top = node('组织保障', { points: 15 }, [a, b]);
    const r = scoreTemplate(
      [top],
      entries([
        [a, { score: 8 }],
        [b, { score: 5 }],
      ]),
      { total: 15 },
    );
    // 8 + 5 = 13 of 15
    expect(r.total).toBe(13);
    expect(r.maxTotal).toBe(15);
    expect(find(r, '组织保障').deducted).toBe(2);
    expect([r.leaves, r.scoredLeaves, r.complete]).toEqual([2, 2, true]);
  });

  it('perItem: 每条扣5分 on a 10-point item stops at 0 (扣完为止)', () => {
    const leaf = node('政府信息公开年度报告', { points: 10, rule: perItem(5) });
    const other = node('依申请公开', { points: 6, rule: perItem(3) });
    const r = scoreTemplate(
      [node('主动公开', { points: 16 }, [leaf, other])],
      entries([
        [leaf, { count: 5 }],
        [other, { count: 1 }],
      ]),
      { total: 16 },
    );
    // 10 − 25 → 0 (capped); 6 − 3 = 3; total 3
    expect(find(r, '政府信息公开年度报告').score).toBe(0);
    expect(find(r, '政府信息公开年度报告').deducted).toBe(10);
    expect(r.total).toBe(3);
  });

  it('fixed: 有得10分/无扣2分', () => {
    const met = node('人员管理制度', { points: 10, rule: { kind: 'fixed', absentDeduct: 2 } });
    const notMet = node('相关制度', { points: 10, rule: { kind: 'fixed', absentDeduct: 2 } });
    const none = node('上会部署', { points: 10, rule: { kind: 'fixed', absentDeduct: null } });
    const r = scoreTemplate(
      [node('制度建设', { points: 30 }, [met, notMet, none])],
      entries([
        [met, { flag: false }],
        [notMet, { flag: true }],
        [none, { flag: true }],
      ]),
      { total: 30 },
    );
    // 10 + (10 − 2) + 0 = 18
    expect(r.total).toBe(18);
  });

  it('veto: the grade is 不合格 whatever the points', () => {
    const v = node('严重错别字、虚假或错误信息', { points: 0, rule: { kind: 'veto' } });
    const leaf = node('信息更新', { points: 100 });
    const r = scoreTemplate(
      [node('单项否决', { points: 0 }, [v]), node('日常', { points: 100 }, [leaf])],
      entries([
        [v, { flag: true }],
        [leaf, { score: 95 }],
      ]),
      { total: 100 },
    );
    expect(r.total).toBe(95);
    expect(r.vetoed).toBe(true);
    expect(r.grade).toBe('不合格');
    expect(r.vetoedBy).toEqual(['严重错别字、虚假或错误信息']);
    // Without the veto the same 95 points are 优秀.
    const x = node('x', { points: 100 });
    expect(
      scoreTemplate([node('日常', { points: 100 }, [x])], entries([[x, { score: 95 }]]), { total: 100 }).grade,
    ).toBe('优秀');
  });

  it('bonus counts only above the threshold, and never beyond its cap', () => {
    const build = (baseScore: number, count: number, inclusive: boolean) => {
      const base = node('扣分指标项', { points: 100 });
      const b = node('创新亮点', { points: 20, rule: bonus(2, 80, inclusive) });
      return scoreTemplate(
        [
          node('扣分指标', { points: 100 }, [base]),
          node('加分指标', { points: 20, rule: bonus(null, 80, inclusive) }, [b]),
        ],
        entries([
          [base, { score: baseScore }],
          [b, { count }],
        ]),
        { total: 100 },
      );
    };
    // ">80 才计加分": 80 is not enough, 3 × 2 = 6 not counted → 80
    const below = build(80, 3, false);
    expect(below.total).toBe(80);
    expect(below.indicators[1].gatedOut).toBe(true);
    // 81 > 80: 81 + 6 = 87
    expect(build(81, 3, false).total).toBe(87);
    // "≥44" style (inclusive): 80 ≥ 80 → 80 + 6 = 86
    expect(build(80, 3, true).total).toBe(86);
    // 15 × 2 = 30 but the bonus is capped at 20: 90 + 20 = 110 of 120
    const capped = build(90, 15, false);
    expect(capped.total).toBe(110);
    expect(capped.maxTotal).toBe(120);
    expect(capped.bonus).toBe(20);
  });

  it('ceiling: 本栏目不高于及格分, then the deductions', () => {
    const leaf = node('规范性文件', { points: 10, rule: perItem(2), ceilingRatio: 0.6 });
    const group = (e: Partial<ScoreEntry>) =>
      scoreTemplate([node('政策文件', { points: 10 }, [leaf])], entries([[leaf, e]]), { total: 10 });
    // without the precondition failing: 10 − 2 = 8; with it: 6 − 2 = 4
    expect(group({ count: 1 }).total).toBe(8);
    expect(group({ count: 1, ceiling: true }).total).toBe(4);
    expect(find(group({ count: 1, ceiling: true }), '规范性文件').ceiling).toBe(true);
  });

  it('a 75-point part scaled ×4/3 (无办事服务职能 部门)', () => {
    const a = node('信息发布', { points: 45, rule: perItem(1) });
    const b = node('互动交流', { points: 30, rule: perItem(1) });
    const part = node('扣分指标', { points: 100, basis: 75 }, [a, b]);
    const r = scoreTemplate(
      [part],
      entries([
        [a, { count: 9 }],
        [b, { count: 6 }],
      ]),
      { total: 100 },
    );
    // (45 − 9) + (30 − 6) = 60 of 75; × 100/75 = 80
    expect(r.total).toBe(80);
    expect(find(r, '扣分指标').deducted).toBe(20);
  });

  it('composite weights: 工作考核 70% + 专业评价 30%, each scored out of 100', () => {
    const w1 = node('工作考核项', { points: 100 });
    const w2 = node('专业评价项', { points: 100 });
    const r = scoreTemplate(
      [node('工作考核', { weight: 70, basis: 100 }, [w1]), node('专业评价', { weight: 30, basis: 100 }, [w2])],
      entries([
        [w1, { score: 90 }],
        [w2, { score: 80 }],
      ]),
      { total: 100 },
    );
    // 90 × 0.7 + 80 × 0.3 = 63 + 24 = 87
    expect(r.indicators.map((n) => n.points)).toEqual([70, 30]);
    expect(r.total).toBe(87);
    expect(r.grade).toBe('良好');
  });

  it('percent weights down the tree (绩溪: 保障运营10% = 工作保障5 + 制度保障5)', () => {
    const a = node('工作保障', { weight: 50 });
    const b = node('制度保障', { weight: 50 });
    const c = node('法定主动公开', { weight: 90 });
    const r = scoreTemplate(
      [node('保障运营', { weight: 10 }, [a, b]), c],
      entries([
        [a, { score: 4 }],
        [b, { score: 5 }],
        [c, { score: 85.5 }],
      ]),
      { total: 100 },
    );
    // points: 10 → 5 + 5; 90. Score 4 + 5 + 85.5 = 94.5
    expect(flattenScored(r.indicators).map((n) => n.points)).toEqual([10, 5, 5, 90]);
    expect(r.total).toBe(94.5);
  });

  it('grade bands are configurable', () => {
    const leaf = node('x', { points: 100 });
    const grades = [
      { name: '优秀', min: 90 },
      { name: '合格', min: 70 },
      { name: '不合格', min: 0 },
    ];
    const at = (s: number) =>
      scoreTemplate([node('y', { points: 100 }, [leaf])], entries([[leaf, { score: s }]]), { total: 100, grades })
        .grade;
    expect([at(90), at(89.99), at(70), at(69.5)]).toEqual(['优秀', '合格', '合格', '不合格']);
  });
});

describe('rules combined', () => {
  it('caps by level with an uncapped 重大扣分 in the same tree (运城 减分制)', () => {
    // 一级 A (30): A1 10 (二级 may exceed its own points) 每次扣4 × 4 → −6; A2 20 entered 18; A3 重大扣分 3 × 2 = 6.
    //   base = −6 + 18 = 12 (within 0…30), score = 12 − 6 = 6, deducted = 30 − 12 + 6 = 24.
    // 一级 B (20): B1 20 每次扣5 × 6 → −10 → base capped at 0 (一级 loses at most its own points);
    //   B2 重大扣分 2 × 1 = 2 taken after the cap → −2.
    // 一级 C (50): full 50. 一级 D: 重大扣分 每次10 × 1 → −10.
    // total = 6 − 2 + 50 − 10 = 44 of 100.
    const a1 = node('A1', { points: 10, rule: perItem(4), capped: false });
    const a2 = node('A2', { points: 20, capped: false });
    const a3 = node('A3', { rule: major(3) });
    const b1 = node('B1', { points: 20, rule: perItem(5), capped: false });
    const b2 = node('B2', { rule: major(2) });
    const c1 = node('C1', { points: 50 });
    const d = node('D', { rule: major(10) });
    const tree = [
      node('A', { points: 30 }, [a1, a2, a3]),
      node('B', { points: 20 }, [b1, b2]),
      node('C', { points: 50 }, [c1]),
      d,
    ];
    const r = scoreTemplate(
      tree,
      entries([
        [a1, { count: 4 }],
        [a2, { score: 18 }],
        [a3, { count: 2 }],
        [b1, { count: 6 }],
        [b2, { count: 1 }],
        [c1, { score: 50 }],
        [d, { count: 1 }],
      ]),
      { total: 100 },
    );
    expect(find(r, 'A1').score).toBe(-6);
    expect(find(r, 'A').score).toBe(6);
    expect(find(r, 'A').deducted).toBe(24);
    expect(find(r, 'B').score).toBe(-2);
    expect(find(r, 'D').score).toBe(-10);
    expect(find(r, 'D').deducted).toBe(10);
    expect(r.total).toBe(44);
    expect(r.maxTotal).toBe(100);
    expect(r.major).toBe(18);
    expect(r.grade).toBe('不合格');
  });

  it('a 扣分项 with a cap (每次扣2分，最高扣5分) takes at most its cap; scoreLeaf agrees with the tree', () => {
    // 基础 100 entered 96. 扣分项 通报批评 每次2 × 4 = 8 → capped at 5; 约谈 (重大扣分, uncapped) 每次3 × 2 = 6.
    // total = 96 − 5 − 6 = 85 of 100.
    const base = node('基础工作', { points: 100 });
    const capped = node('通报批评', { rule: { kind: 'major', deduct: 2, unit: '次', cap: 5 } });
    const open = node('约谈', { rule: major(3) });
    const r = scoreTemplate(
      [base, node('扣分项', {}, [capped, open])],
      entries([
        [base, { score: 96 }],
        [capped, { count: 4 }],
        [open, { count: 2 }],
      ]),
      { total: 100 },
    );
    expect(find(r, '通报批评').deducted).toBe(5);
    expect(find(r, '约谈').deducted).toBe(6);
    expect(r.major).toBe(11);
    expect(r.total).toBe(85);
    expect(r.maxTotal).toBe(100);
    expect(scoreLeaf(capped, 0, { ...EMPTY_ENTRY, rated: true, count: 4 }).score).toBe(-5);
    // Below the cap it is occurrences × k.
    expect(scoreLeaf(capped, 0, { ...EMPTY_ENTRY, rated: true, count: 2 }).score).toBe(-4);
  });

  it('all rule types in one 108-point tree', () => {
    // 制度建设 30: fixed 10 met, fixed 10 not met (−2) → 8, manual 10 entered 7.           → 25
    // 平台管理 30: perItem 8 (每条1, 3条) → 5; ceiling leaf 10 (perItem 2 × 1, ceiling on) → 6 − 2 = 4; 12 untouched → 21
    // 网站扣分 40 (basis 30 = 20 + 10): 20 − 2×3 = 14, 10 full → 24 of 30 × 40/30 = 32
    // 加分 8 (threshold 60, inclusive): 3 × 2 = 6 → base 25 + 21 + 32 = 78 ≥ 60 → +6
    // 重大扣分 每次5 × 1 → −5
    // total = 78 + 6 − 5 = 79; max = 100 + 8 = 108; grade 合格 (60…80)
    const f1 = node('人员管理', { points: 10, rule: { kind: 'fixed', absentDeduct: 2 } });
    const f2 = node('相关制度', { points: 10, rule: { kind: 'fixed', absentDeduct: 2 } });
    const m1 = node('上会部署', { points: 10 });
    const p1 = node('信息总量', { points: 8, rule: perItem(1) });
    const p2 = node('栏目完整', { points: 10, rule: perItem(2), ceilingRatio: 0.6 });
    const p3 = node('信息质量', { points: 12 });
    const w1 = node('信息发布', { points: 20, rule: perItem(2) });
    const w2 = node('互动', { points: 10 });
    const b1 = node('表彰', { points: 8, rule: bonus(2, null) });
    const v = node('否决', { points: 0, rule: { kind: 'veto' } });
    const mj = node('重大失误', { rule: major(5) });
    const tree = [
      node('制度建设', { points: 30 }, [f1, f2, m1]),
      node('平台管理', { points: 30 }, [p1, p2, p3]),
      node('网站扣分', { points: 40, basis: 30 }, [w1, w2, v]),
      node('加分', { points: 8, rule: bonus(null, 60) }, [b1]),
      node('重大扣分', { points: null, rule: major(5) }, [mj]),
    ];
    const r = scoreTemplate(
      tree,
      entries([
        [f1, { flag: false }],
        [f2, { flag: true }],
        [m1, { score: 7 }],
        [p1, { count: 3 }],
        [p2, { count: 1, ceiling: true }],
        [p3, { score: 12 }],
        [w1, { count: 3 }],
        [w2, { score: 10 }],
        [v, { flag: false }],
        [b1, { count: 3 }],
        [mj, { count: 1 }],
      ]),
      { total: 100 },
    );
    expect(r.indicators.map((n) => n.score)).toEqual([25, 21, 32, 6, -5]);
    expect(r.total).toBe(79);
    expect(r.maxTotal).toBe(108);
    // 满分 as base and bonus apart: 100＋加分8.
    expect([r.maxBase, r.maxBonus]).toEqual([100, 8]);
    expect(r.complete).toBe(true);
    expect(r.grade).toBe('合格');
    expect(r.vetoed).toBe(false);
  });
});

describe('未评', () => {
  const tree = () => {
    const a = node('领导重视', { points: 4, rule: { kind: 'fixed', absentDeduct: 2 } });
    const b = node('工作制度', { points: 3, rule: perItem(1) });
    const c = node('重点领域信息', { points: 7 });
    const d = node('工作任务落实', { points: 6, rule: perItem(1) });
    const e = node('信息被采用', { points: 4, rule: bonus(1, null) });
    const t = [
      node('组织保障', { points: 7 }, [a, b]),
      node('主动公开', { points: 13 }, [c, d]),
      node('加分项', { points: 4, rule: bonus(null, null) }, [e]),
    ];
    return { a, b, c, d, e, t };
  };

  it('a tree nobody rated: 已评 0/5, total 0, no deduction, no grade; 满分 stays base and bonus apart', () => {
    const { t } = tree();
    const r = scoreTemplate(t, new Map(), { total: 20 });
    expect([r.total, r.scoredLeaves, r.leaves, r.complete, r.grade]).toEqual([0, 0, 5, false, null]);
    expect([r.maxBase, r.maxBonus, r.maxTotal]).toEqual([20, 4, 24]);
    expect(flattenScored(r.indicators).every((n) => n.deducted === 0 && !n.scored)).toBe(true);
    // The band it would reach is kept for the 暂定 switch, but is not the grade.
    expect(r.band).toBe('不合格');
  });

  it('rating some leaves counts only those; the group loses only what its rated leaves lost', () => {
    const { a, d, t } = tree();
    const r = scoreTemplate(
      t,
      entries([
        [a, { flag: true }],
        [d, { count: 2 }],
      ]),
      { total: 20 },
    );
    // 组织保障: 领导重视 4 − 2 = 2 (工作制度 未评); 主动公开: 任务落实 6 − 2 = 4 (重点领域 未评). Total 6.
    expect(r.total).toBe(6);
    expect(find(r, '组织保障').score).toBe(2);
    expect(find(r, '组织保障').deducted).toBe(2);
    expect(find(r, '主动公开').deducted).toBe(2);
    expect(find(r, '工作制度').deducted).toBe(0);
    expect([find(r, '组织保障').ratedLeaves, find(r, '组织保障').leafCount]).toEqual([1, 2]);
    expect([r.scoredLeaves, r.leaves, r.grade, r.provisional]).toEqual([2, 5, null, false]);
  });

  it('暂定 shows the grade before every leaf is rated, and says so; complete or vetoed needs no 暂定', () => {
    const { a, b, c, d, e, t } = tree();
    const some = entries([
      [a, { flag: false }],
      [b, { count: 0 }],
      [c, { score: 7 }],
    ]);
    expect(scoreTemplate(t, some, { total: 20 }).grade).toBeNull();
    const provisional = scoreTemplate(t, some, { total: 20, provisional: true });
    // 4 + 3 + 7 = 14 → 不合格 under the default bands (60 and up for 合格)
    expect([provisional.grade, provisional.provisional]).toEqual(['不合格', true]);
    const all = scoreTemplate(
      t,
      entries([
        [a, { flag: false }],
        [b, { count: 0 }],
        [c, { score: 7 }],
        [d, { count: 0 }],
        [e, { count: 0 }],
      ]),
      {
        total: 20,
        provisional: true,
        grades: [
          { name: '优秀', min: 18 },
          { name: '合格', min: 0 },
        ],
      },
    );
    expect([all.total, all.grade, all.provisional, all.complete]).toEqual([20, '优秀', false, true]);
    const v = node('否决', { points: 0, rule: { kind: 'veto' } });
    const vetoed = scoreTemplate([...t, node('单项否决', { points: 0 }, [v])], entries([[v, { flag: true }]]), {
      total: 20,
    });
    expect([vetoed.complete, vetoed.grade]).toEqual([false, '不合格']);
  });

  it('an entry that is not rated counts nothing whatever it holds (a planned measure, a stale count)', () => {
    const { d, t } = tree();
    const r = scoreTemplate(t, new Map([[d.key, { ...EMPTY_ENTRY, count: 3, measure: '加强督办' }]]), { total: 20 });
    expect([r.total, r.scoredLeaves, find(r, '工作任务落实').deducted]).toEqual([0, 0, 0]);
  });

  it('scoreLeaf is the engine: the same entry gives the same score alone as in the tree', () => {
    const { d, t } = tree();
    for (const count of [0, 2, 6, 9]) {
      const e = { ...EMPTY_ENTRY, rated: true, count };
      expect(scoreLeaf(d, 6, e).score).toBe(
        find(scoreTemplate(t, new Map([[d.key, e]]), { total: 20 }), '工作任务落实').score,
      );
    }
  });
});

describe('按等次评分 (grade)', () => {
  const levels = (...xs: [string, number][]): Rule => ({
    kind: 'grade',
    levels: xs.map(([label, points]) => ({ label, points })),
  });
  const tree = () => {
    // 制度建设 优10/良8/一般6/差0 (no 分值 of its own: the best level is it), 平台建设 优5/良4/差0, 公开 a plain item.
    const a = node('制度建设', { rule: levels(['优', 10], ['良', 8], ['一般', 6], ['差', 0]) });
    const b = node('平台建设', { points: 99, rule: levels(['优', 5], ['良', 4], ['差', 0]) });
    const c = node('主动公开', { points: 5 });
    return { a, b, c, t: [node('基础工作', {}, [a, b, c])] };
  };

  it('the 分值 is the best level; rating a level scores its points and loses the rest', () => {
    const { a, b, c, t } = tree();
    const r = scoreTemplate(
      t,
      entries([
        [a, { score: 8 }],
        [b, { score: 5 }],
        [c, { score: 5 }],
      ]),
      { total: 20 },
    );
    // 10 + 5 + 5 = 20 points (the stated 99 is not 平台建设's: its best level is); 良 8 + 优 5 + 5 = 18.
    expect([find(r, '制度建设').points, find(r, '平台建设').points, r.maxBase]).toEqual([10, 5, 20]);
    expect([find(r, '制度建设').score, find(r, '制度建设').deducted]).toEqual([8, 2]);
    expect([find(r, '平台建设').score, find(r, '平台建设').deducted]).toEqual([5, 0]);
    expect([r.total, r.complete, r.scoredLeaves]).toEqual([18, true, 3]);
  });

  it('未评 until a level is chosen: nothing counted, nothing lost; a score that names no level is no rating', () => {
    const { a, b, c, t } = tree();
    const none = scoreTemplate(t, entries([[c, { score: 5 }]]), { total: 20 });
    expect([none.total, none.scoredLeaves, none.leaves, none.grade]).toEqual([5, 1, 3, null]);
    expect([find(none, '制度建设').scored, find(none, '制度建设').deducted]).toEqual([false, 0]);
    // 7 is no level of 制度建设 (say its levels were edited since): 未评, like an entry never made.
    const stale = scoreTemplate(
      t,
      entries([
        [a, { score: 7 }],
        [b, { score: 0 }],
        [c, { score: 5 }],
      ]),
      { total: 20 },
    );
    expect([stale.total, stale.scoredLeaves, find(stale, '制度建设').scored]).toEqual([5, 2, false]);
    expect(find(stale, '平台建设')).toMatchObject({ score: 0, deducted: 5, scored: true });
  });

  it('caps and the ceiling apply as to any leaf; scoreLeaf gives what the tree does', () => {
    const { a, t } = tree();
    const capped = { ...a, ceilingRatio: 0.6 };
    const e = { ...EMPTY_ENTRY, rated: true, score: 8, ceiling: true };
    // 良 8, then the ceiling takes 10 × 0.4 = 4 off: 4.
    expect(scoreLeaf(capped, 10, e).score).toBe(4);
    const r = scoreTemplate([{ ...t[0], children: [capped, ...t[0].children.slice(1)] }], new Map([[a.key, e]]), {
      total: 20,
    });
    expect(find(r, '制度建设').score).toBe(4);
    expect(scoreLeaf(a, 10, { ...EMPTY_ENTRY, rated: true, score: 0 }).score).toBe(0);
  });
});

describe('template problems', () => {
  it('names a child sum above its parent, a leaf without points and 一级 not adding up', () => {
    const t = [
      node('组织保障', { points: 6 }, [node('负责人', { points: 4 }), node('制度', { points: 4 }), node('经办人员')]),
    ];
    const p = templateProblems(t, 100).map((x) => x.message);
    expect(p).toContain('“组织保障”的下级分值合计 8 分，超过其分值 6 分');
    expect(p).toContain('“组织保障 / 经办人员”没有分值或权重，请补上');
    expect(p).toContain('一级指标分值合计 6 分，与满分 100 分不一致');
  });
});
