// The scoring engine: an indicator tree and the entries of its leaves in, every node's points, score and deduction,
// the total, the grade and any veto out. Pure (no database), so the rules are tested alone (test/unit/selfcheck).
//
// How the rules combine (domain-yearend.md A.1.7):
// - Points: a grade leaf's best level; otherwise a node's 分值, or its 权重 (%) of the parent's points (of the parent's 折算基数 when it has one); a group
//   with neither takes the sum of its ordinary children.
// - 未评: a leaf nobody rated counts nothing (not full marks) and loses nothing; its points stay in the 满分. A group
//   counts what its rated leaves give. The grade is given only when every leaf is rated, when the self-check is
//   marked 暂定 (then it is labelled so), or when a 单项否决 happened (that decides the result whatever is unrated).
// - Rated leaf: manual → the entered 自评分 (a rated entry without one, kept from files made before 未评 existed,
//   counts full as the screen then promised); fixed → full or 分值 − absentDeduct; perItem → 分值 − count × k (at most
//   its cap); deductions (分项扣分) → 分值 − each finding's deduction (once, or count × k up to the finding's cap), all
//   of them at most the rule's cap; a rule that caps itself so never goes below 0;
//   veto → 分值, and the whole result is 不合格 when it happened; grade → the chosen level's points (an entry whose
//   score names no level of the rule, e.g. after the levels were edited, is 未评).
// - Ceiling (本栏目不高于及格分): when its precondition failed the node starts at ratio × 分值 and the lost points are
//   then taken off ("然后再计算如下分值").
// - Caps: a capped node (扣完为止) never goes below 0; an uncapped one may (运城: 二/三级 may exceed their own points,
//   their 一级 caps them).
// - 折算: a node with a 折算基数 scores (sum of children) × 分值 / 基数 (a 75-point part scaled ×4/3; 70% + 30%).
// - major (重大扣分): count × k off this node and every ancestor after their caps, so no cap absorbs it.
// - bonus (加分): added after the parent's cap, up to the bonus node's points, and only when the parent's base
//   score reaches the threshold.
// - Grade: the highest band whose lower limit the total reaches; a veto makes it the lowest band.
import {
  capsItself,
  GRADE_DEFAULTS,
  gradePoints,
  levelOf,
  type GradeBand,
  type Rule,
  type ScoreEntry,
  type SelfcheckRow,
} from './selfcheck';

export interface ScoringNode {
  key: string;
  name: string;
  points: number | null;
  weight: number | null;
  basis: number | null;
  rule: Rule;
  capped: boolean;
  ceilingRatio: number | null;
  children: ScoringNode[];
}

export interface ScoredNode {
  key: string;
  name: string;
  level: number;
  /** "1.2.3" */
  number: string;
  /** 一级名 / 二级名 / 三级名 */
  path: string;
  kind: Rule['kind'];
  /** The most this node can count (bonus nodes: the bonus cap; major items: 0). */
  points: number;
  score: number;
  /** Points lost here (major items: their whole deduction; bonus items: 0). */
  deducted: number;
  /** Uncapped 重大扣分 taken inside this subtree. */
  major: number;
  /** Bonus gained inside this node (after gates and caps). */
  bonus: number;
  vetoed: boolean;
  /** A bonus whose threshold was not reached (shown, not counted). */
  gatedOut: boolean;
  /** The ceiling was applied. */
  ceiling: boolean;
  /** Leaves: rated. Groups: every leaf beneath is rated. */
  scored: boolean;
  /** Rated leaves beneath (a leaf: 0 or 1) and how many leaves there are (a leaf: 1). */
  ratedLeaves: number;
  leafCount: number;
  children: ScoredNode[];
}

export interface ScoreResult {
  /** What the rated leaves give (未评 leaves count nothing). */
  total: number;
  /** 满分 = maxBase + maxBonus: the ordinary points and the 加分 on top ("100＋加分8"). */
  maxTotal: number;
  maxBase: number;
  maxBonus: number;
  /** Total of ordinary points (without bonus, before major deductions). */
  base: number;
  bonus: number;
  major: number;
  /** The grade, or null while some leaf is 未评 (unless 暂定 or vetoed). */
  grade: string | null;
  /** The band the total reaches, whatever is rated (for the 暂定 switch to say what it would show). */
  band: string;
  /** Every leaf is rated. */
  complete: boolean;
  /** The grade is shown before every leaf is rated because the self-check is marked 暂定. */
  provisional: boolean;
  vetoed: boolean;
  /** Names of the veto items that happened, as the 细则 names them ("发生泄密或发布严重错误信息", not its path). */
  vetoedBy: string[];
  leaves: number;
  scoredLeaves: number;
  indicators: ScoredNode[];
}

/** Two decimals, as scores are printed; float noise (0.1 + 0.2) never shows. */
export function round2(n: number): number {
  return Math.round((n + Number.EPSILON) * 100) / 100;
}

const isOrdinary = (n: ScoringNode) => n.rule.kind !== 'bonus' && n.rule.kind !== 'major';

/** Points of every node (key → points), resolving weights top-down and empty groups bottom-up. */
export function resolvePoints(nodes: readonly ScoringNode[], total: number): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (n: ScoringNode, parentInner: number | null): number => {
    let p: number | null =
      gradePoints(n.rule) ??
      n.points ??
      (n.weight !== null && parentInner !== null ? (parentInner * n.weight) / 100 : null);
    if (n.rule.kind === 'major') p = p ?? 0;
    // Children's weights refer to this node's 折算基数 when it has one, else to its points.
    const inner = n.basis ?? p;
    const childPoints = n.children.map((c) => ({ c, p: walk(c, inner) }));
    if (p === null)
      p = childPoints.filter((x) => isOrdinary(x.c) || n.rule.kind === 'bonus').reduce((a, x) => a + x.p, 0);
    out.set(n.key, p);
    return p;
  };
  for (const n of nodes) walk(n, total);
  return out;
}

function gradeOf(total: number, grades: readonly GradeBand[], vetoed: boolean): string {
  const bands = [...(grades.length ? grades : GRADE_DEFAULTS)].sort((a, b) => b.min - a.min);
  if (vetoed) return bands[bands.length - 1].name;
  return (bands.find((b) => total >= b.min - 1e-9) ?? bands[bands.length - 1]).name;
}

function bonusGate(rule: Rule, base: number): boolean {
  if (rule.kind !== 'bonus' || rule.threshold === null) return true;
  return rule.inclusive ? base >= rule.threshold - 1e-9 : base > rule.threshold + 1e-9;
}

interface Raw {
  /** Ordinary score after this node's caps, without bonus and majors: what parents sum, cap and gate on. */
  base: number;
  /** What `base` would be with every rated leaf at full points: deducted = full − base (未评 loses nothing). */
  full: number;
  /** base + bonus − major: what the node shows. */
  score: number;
  major: number;
  bonus: number;
  vetoed: boolean;
  ceiling: boolean;
  scored: boolean;
}

/**
 * Whether an entry rates its leaf (a missing entry, or one still at its defaults, is 未评; under a grade rule, one
 * whose score is no level's points).
 */
function isRated(e: ScoreEntry | undefined, rule: Rule): e is ScoreEntry {
  if (!e?.rated) return false;
  if (rule.kind === 'grade') return levelOf(rule, e.score) !== null;
  // 分项扣分: a count for every finding (counts kept from other findings rate nothing).
  if (rule.kind === 'deductions') return e.counts?.length === rule.items.length;
  return true;
}

/** One finding's part of a deduction: how often it happened and what it takes off after its own cap. */
interface DeductionPart {
  /** The finding's name ('' for a 按次扣分 rule, which names none). */
  finding: string;
  count: number;
  /** What is counted (次 for a finding deducted once). */
  unit: string;
  /** Deducted once whatever the count. */
  once: boolean;
  deducted: number;
  /** The finding's own cap when it was reached (该项最多扣2分). */
  capReached: number | null;
}

/** What a counted rule (按次扣分, 分项扣分) takes off for an entry: per finding, and in all before and after its cap. */
interface Deduction {
  parts: DeductionPart[];
  /** The findings' deductions added up. */
  sum: number;
  /** After the rule's written cap (not yet the item's points). */
  total: number;
  /** The rule's written cap when it was reached (累计最多扣3分). */
  capReached: number | null;
}

/** The deduction a 按次扣分, 扣分项 or 分项扣分 rule gives for the counts of an entry; null for other rules or no counts. */
function ruleDeduction(rule: Rule, e: Pick<ScoreEntry, 'count' | 'counts'>): Deduction | null {
  let parts: DeductionPart[];
  let cap: number | undefined;
  if (rule.kind === 'perItem' || rule.kind === 'major') {
    if (e.count === null) return null;
    const raw = e.count * rule.deduct;
    parts = [{ finding: '', count: e.count, unit: rule.unit, once: false, deducted: raw, capReached: null }];
    cap = rule.cap;
  } else if (rule.kind === 'deductions') {
    if (!e.counts || e.counts.length !== rule.items.length) return null;
    const counts = e.counts;
    parts = rule.items.map((x, i) => {
      const count = counts[i];
      if (x.unit === undefined)
        return {
          finding: x.finding,
          count,
          unit: '次',
          once: true,
          deducted: count > 0 ? x.deduct : 0,
          capReached: null,
        };
      const raw = count * x.deduct;
      const over = x.cap !== undefined && raw > x.cap + 1e-9;
      return {
        finding: x.finding,
        count,
        unit: x.unit,
        once: false,
        deducted: over ? x.cap! : raw,
        capReached: over ? x.cap! : null,
      };
    });
    cap = rule.cap;
  } else return null;
  const sum = parts.reduce((a, x) => a + x.deducted, 0);
  const over = cap !== undefined && sum > cap + 1e-9;
  return { parts, sum, total: over ? cap! : sum, capReached: over ? cap! : null };
}

/**
 * The deduction as an office writes it beside the score: "未按时公开1次，扣1分；内容不完整2处，扣1分", "6处，扣3分；
 * 累计最多扣2分，计扣2分", "…；扣完本项5分为止". Empty when nothing was found (or the rule counts nothing).
 */
export function deductionText(rule: Rule, e: Pick<ScoreEntry, 'count' | 'counts'>, points: number): string {
  const d = ruleDeduction(rule, e);
  if (!d) return '';
  const n = (x: number) => String(round2(x));
  const found = d.parts.filter((x) => x.count > 0);
  if (!found.length) return '';
  const lines = found.map(
    (x) =>
      `${x.finding}${x.count}${x.unit}，扣${n(x.deducted)}分${x.capReached !== null ? `（该项最多扣${n(x.capReached)}分）` : ''}`,
  );
  if (d.capReached !== null) lines.push(`累计最多扣${n(d.capReached)}分，计扣${n(d.total)}分`);
  else if (rule.kind !== 'major' && d.total > points + 1e-9) lines.push(`扣完本项${n(points)}分为止`);
  return lines.join('；');
}

/**
 * Whether a rule's deduction is told in words (deductionText): 分项扣分, a 按次扣分 with a cap of its own and a 扣分项
 * (without a cap, a 按次扣分's 扣分 over its 每次扣分 is the count, and the person's reason says the rest).
 */
export const toldInWords = (rule: Rule) => capsItself(rule) || rule.kind === 'major';

/** What a rated leaf's counted rule took off, for the 自查评分表 and 自查报告 (see toldInWords). */
export function deductionWords(r: Pick<SelfcheckRow, 'isLeaf' | 'entry' | 'rule' | 'points'>): string {
  if (!r.isLeaf || !r.entry.rated || !toldInWords(r.rule)) return '';
  return deductionText(r.rule, r.entry, r.points);
}

/**
 * The score one rated ordinary leaf (not a 加分 or 重大扣分 item) gets under its rule: the engine uses it for every
 * such leaf, and the 建议分 from the records is this function applied to the proposed entry, so the two never differ.
 */
export function scoreLeaf(
  n: Pick<ScoringNode, 'rule' | 'capped' | 'ceilingRatio'>,
  points: number,
  e: ScoreEntry,
): { score: number; vetoed: boolean; ceiling: boolean } {
  const p = points;
  const r = n.rule;
  const count = e.count ?? 0;
  let s: number;
  let vetoed = false;
  switch (r.kind) {
    case 'fixed':
      s = e.flag ? p - (r.absentDeduct ?? p) : p;
      break;
    case 'perItem':
      s = p - Math.min(count * r.deduct, r.cap ?? Infinity);
      break;
    case 'deductions':
      s = p - (ruleDeduction(r, e)?.total ?? 0);
      break;
    case 'veto':
      s = p;
      vetoed = e.flag;
      break;
    case 'major':
      return { score: -Math.min(count * r.deduct, r.cap ?? Infinity), vetoed: false, ceiling: false };
    case 'bonus':
      return { score: Math.min(Math.max(e.score ?? count * (r.perItem ?? 0), 0), p), vetoed: false, ceiling: false };
    case 'grade':
      s = levelOf(r, e.score)?.points ?? 0;
      break;
    default:
      s = e.score ?? p;
  }
  let ceiling = false;
  if (n.ceilingRatio !== null && e.ceiling) {
    s -= p * (1 - n.ceilingRatio);
    ceiling = true;
  }
  s = n.capped || capsItself(r) ? Math.min(Math.max(s, 0), p) : Math.min(s, p);
  return { score: s, vetoed, ceiling };
}

export function scoreTemplate(
  indicators: readonly ScoringNode[],
  entries: ReadonlyMap<string, ScoreEntry>,
  opts: { total: number; grades?: readonly GradeBand[]; provisional?: boolean },
): ScoreResult {
  const points = resolvePoints(indicators, opts.total);
  const vetoedBy: string[] = [];
  let leaves = 0;
  let scoredLeaves = 0;

  type Kid = { node: ScoringNode; raw: Raw; scored: ScoredNode };
  /** A group's (or the root's) ordinary base with 折算, ceiling and cap; bonus children gated on it; majors taken. */
  const combine = (
    own: { points: number; basis: number | null; capped: boolean; ceilingRatio: number | null; ceilingOn: boolean },
    kids: Kid[],
  ) => {
    const ordinary = kids.filter((k) => isOrdinary(k.node));
    let base = ordinary.reduce((a, k) => a + k.raw.base, 0);
    if (own.basis) base = (base * own.points) / own.basis;
    let ceiling = false;
    if (own.ceilingRatio !== null && own.ceilingOn) {
      base -= own.points * (1 - own.ceilingRatio);
      ceiling = true;
    }
    base = own.capped ? Math.min(Math.max(base, 0), own.points) : Math.min(base, own.points);
    // The most the rated part could give: every rated leaf full, no ceiling (a ceiling is a loss).
    let full = ordinary.reduce((a, k) => a + k.raw.full, 0);
    if (own.basis) full = (full * own.points) / own.basis;
    full = Math.min(Math.max(full, 0), own.points);
    let bonus = ordinary.reduce((a, k) => a + k.raw.bonus, 0);
    for (const k of kids.filter((x) => x.node.rule.kind === 'bonus')) {
      if (bonusGate(k.node.rule, base)) bonus += k.raw.score;
      else k.scored.gatedOut = true;
    }
    const major = kids.reduce((a, k) => a + k.raw.major, 0);
    return { base, full, bonus, major, score: base + bonus - major, ceiling };
  };

  const walk = (n: ScoringNode, level: number, number: string, path: string, inBonus: boolean): Kid => {
    const p = points.get(n.key) ?? 0;
    const e = entries.get(n.key);
    const scored: ScoredNode = {
      key: n.key,
      name: n.name,
      level,
      number,
      path,
      kind: n.rule.kind,
      points: round2(p),
      score: 0,
      deducted: 0,
      major: 0,
      bonus: 0,
      vetoed: false,
      gatedOut: false,
      ceiling: false,
      scored: false,
      ratedLeaves: 0,
      leafCount: 0,
      children: [],
    };
    const bonusLike = inBonus || n.rule.kind === 'bonus';
    let raw: Raw;
    if (!n.children.length) {
      leaves++;
      scored.leafCount = 1;
      const unrated: Raw = {
        base: 0,
        full: 0,
        score: 0,
        major: 0,
        bonus: 0,
        vetoed: false,
        ceiling: false,
        scored: false,
      };
      if (!isRated(e, n.rule)) raw = unrated;
      else {
        scoredLeaves++;
        scored.ratedLeaves = 1;
        const r = n.rule;
        if (r.kind === 'major') {
          const major = Math.min((e.count ?? 0) * r.deduct, r.cap ?? Infinity);
          raw = { ...unrated, score: -major, major, scored: true };
        } else if (bonusLike) {
          // Inside a 加分 item: what was entered (points, or occurrences × 每次加分), up to the item's points.
          const v = Math.min(Math.max(e.score ?? (e.count ?? 0) * (r.kind === 'bonus' ? (r.perItem ?? 0) : 0), 0), p);
          raw = { ...unrated, base: v, score: v, scored: true };
        } else {
          const l = scoreLeaf(n, p, e);
          if (l.vetoed) vetoedBy.push(n.name);
          raw = {
            ...unrated,
            base: l.score,
            full: p,
            score: l.score,
            vetoed: l.vetoed,
            ceiling: l.ceiling,
            scored: true,
          };
        }
      }
    } else {
      const kids = n.children.map((c, i) => walk(c, level + 1, `${number}.${i + 1}`, `${path} / ${c.name}`, bonusLike));
      scored.children = kids.map((k) => k.scored);
      scored.ratedLeaves = kids.reduce((a, k) => a + k.scored.ratedLeaves, 0);
      scored.leafCount = kids.reduce((a, k) => a + k.scored.leafCount, 0);
      const vetoed = kids.some((k) => k.raw.vetoed);
      const allScored = kids.every((k) => k.raw.scored);
      if (bonusLike) {
        // A 加分 group: what its items gained, up to the group's points.
        const v = Math.min(
          kids.reduce((a, k) => a + Math.max(0, k.raw.score), 0),
          p,
        );
        raw = { base: v, full: 0, score: v, major: 0, bonus: 0, vetoed, ceiling: false, scored: allScored };
      } else {
        const c = combine(
          { points: p, basis: n.basis, capped: n.capped, ceilingRatio: n.ceilingRatio, ceilingOn: !!e?.ceiling },
          kids,
        );
        raw = {
          base: c.base,
          // Fully rated: measured against the node's own points, as before 未评 existed.
          full: allScored ? p : c.full,
          score: c.score,
          major: c.major,
          bonus: c.bonus,
          vetoed,
          ceiling: c.ceiling,
          scored: allScored,
        };
      }
    }
    scored.score = round2(raw.score);
    scored.major = round2(raw.major);
    scored.bonus = round2(raw.bonus);
    scored.vetoed = raw.vetoed;
    scored.ceiling = raw.ceiling;
    scored.scored = raw.scored;
    // Lost here: ordinary points the rated part did not reach plus the 重大扣分 inside (a major item has no ordinary
    // points; an unrated leaf has lost nothing yet).
    if (n.rule.kind === 'major') scored.points = 0;
    scored.deducted = bonusLike
      ? 0
      : round2((n.rule.kind === 'major' ? 0 : Math.max(0, raw.full - raw.base)) + raw.major);
    return { node: n, raw, scored };
  };

  const top = indicators.map((n, i) => walk(n, 1, String(i + 1), n.name, false));
  // The root: ordinary 一级 summed (capped at nothing but their own caps), bonus 一级 gated on that sum, majors taken.
  const rootPoints = top.filter((t) => isOrdinary(t.node)).reduce((a, t) => a + (points.get(t.node.key) ?? 0), 0);
  const root = combine({ points: rootPoints, basis: null, capped: true, ceilingRatio: null, ceilingOn: false }, top);
  const maxTotal =
    rootPoints +
    top.filter((t) => t.node.rule.kind === 'bonus').reduce((a, t) => a + (points.get(t.node.key) ?? 0), 0) +
    sumInnerBonus(indicators, points);
  const vetoed = top.some((t) => t.raw.vetoed);
  const total = round2(root.score);
  const band = gradeOf(total, opts.grades ?? GRADE_DEFAULTS, vetoed);
  const complete = scoredLeaves === leaves;
  // A grade only for a finished self-check; 暂定 shows it earlier, labelled; a veto decides it whatever is unrated.
  const provisional = !complete && !vetoed && !!opts.provisional;
  return {
    total,
    maxTotal: round2(maxTotal),
    maxBase: round2(rootPoints),
    maxBonus: round2(maxTotal - rootPoints),
    base: round2(root.base),
    bonus: round2(root.bonus),
    major: round2(root.major),
    grade: complete || vetoed || provisional ? band : null,
    band,
    complete,
    provisional,
    vetoed,
    vetoedBy,
    leaves,
    scoredLeaves,
    indicators: top.map((t) => t.scored),
  };
}

/** Bonus points available inside ordinary groups (a 加分 item under a 一级 indicator raises the maximum too). */
function sumInnerBonus(nodes: readonly ScoringNode[], points: Map<string, number>): number {
  let s = 0;
  const walk = (n: ScoringNode) => {
    for (const c of n.children) {
      if (c.rule.kind === 'bonus') s += points.get(c.key) ?? 0;
      else walk(c);
    }
  };
  for (const n of nodes) if (n.rule.kind !== 'bonus') walk(n);
  return s;
}

/** Every scored node, depth first. */
export function flattenScored(nodes: readonly ScoredNode[]): ScoredNode[] {
  const out: ScoredNode[] = [];
  const walk = (n: ScoredNode) => {
    out.push(n);
    n.children.forEach(walk);
  };
  nodes.forEach(walk);
  return out;
}

/** Where a file's indicators and its 合计 row are ("工作表“评分细则”第3行"): node key → row, for the messages. */
export interface ProblemPlaces {
  total: string | null;
  nodes: Readonly<Record<string, string>>;
}

/**
 * Problems of a template a person should look at before saving (nothing here stops saving). `places`: the rows of
 * a file just read, named in the messages so the person finds the figures that disagree.
 */
export function templateProblems(
  indicators: readonly ScoringNode[],
  total: number,
  places?: ProblemPlaces,
): { key: string | null; message: string }[] {
  const points = resolvePoints(indicators, total);
  const out: { key: string | null; message: string }[] = [];
  const walk = (n: ScoringNode, path: string, inBonus: boolean) => {
    const p = points.get(n.key) ?? 0;
    const at = places?.nodes[n.key] ? `（${places.nodes[n.key]}）` : '';
    if (!n.children.length) {
      if (
        n.points === null &&
        n.weight === null &&
        n.rule.kind !== 'major' &&
        n.rule.kind !== 'veto' &&
        n.rule.kind !== 'grade'
      ) {
        out.push({ key: n.key, message: `“${path}”${at}没有分值或权重，请补上` });
      }
    } else {
      const ordinary = n.children.filter((c) => n.rule.kind === 'bonus' || isOrdinary(c));
      const sum = round2(ordinary.reduce((a, c) => a + (points.get(c.key) ?? 0), 0));
      const inner = n.basis ?? p;
      const weighted = n.children.filter((c) => c.points === null && c.weight !== null);
      const of = `其${n.basis ? '折算基数' : '分值'} ${round2(inner)} 分`;
      if (sum > round2(inner) + 1e-9)
        out.push({ key: n.key, message: `“${path}”${at}的下级分值合计 ${sum} 分，超过${of}` });
      // Ordinary items adding up to less: the rest of the points can never be scored (weights are checked on their
      // own below; 加分 and 重大扣分 items count apart from the points).
      else if (
        sum < round2(inner) - 1e-9 &&
        weighted.length < n.children.length &&
        !inBonus &&
        isOrdinary(n) &&
        n.children.every(isOrdinary)
      )
        out.push({
          key: n.key,
          message: `“${path}”${at}的下级分值合计 ${sum} 分，少于${of}（本项最多只能得 ${round2((sum * p) / inner)} 分）`,
        });
      if (weighted.length === n.children.length) {
        const w = round2(weighted.reduce((a, c) => a + (c.weight ?? 0), 0));
        if (Math.abs(w - 100) > 0.01)
          out.push({ key: n.key, message: `“${path}”${at}的下级权重合计 ${w}%，不是 100%` });
      }
    }
    n.children.forEach((c) => walk(c, `${path} / ${c.name}`, inBonus || n.rule.kind === 'bonus'));
  };
  indicators.forEach((n) => walk(n, n.name, false));
  const sum = round2(indicators.filter(isOrdinary).reduce((a, n) => a + (points.get(n.key) ?? 0), 0));
  if (Math.abs(sum - total) > 0.01)
    out.push({
      key: null,
      message: `一级指标分值合计 ${sum} 分，与满分 ${total} 分${places?.total ? `（${places.total}“合计”）` : ''}不一致`,
    });
  return out;
}
