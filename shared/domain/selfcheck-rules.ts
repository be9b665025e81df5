// Reading a scoring rule from the words of a 细则 ("每条扣1分，扣完为止", "有得10分/无扣2分", "单项否决",
// "本栏目不高于及格分", "每发现一处扣0.5分，最多扣2分", "未按时公开的扣1分；内容不完整的每处扣0.5分"). Pure; the importer
// uses it for every leaf and the person corrects it in the preview.
// A grade rule (优10分 / 良8分 / 一般6分 / 差0分) and a 分项扣分 rule are written and read back here too, so the words the
// 自查评分表 prints and the reader that takes them back in are one pair.
import { parseChineseNumeral } from './point-numbering';
import type { DeductionItem, GradeLevel, Rule } from './selfcheck';

interface InferredRule {
  rule: Rule;
  capped: boolean;
  ceilingRatio: number | null;
}

const NUM = '(\\d+(?:\\.\\d+)?)';
const UNIT = '(条|件|次|例|个月|个|项|处|篇|月|家|期|人次|份|则|起|天)';
/** What is found, missing or late before the unit: "每发现一处", "每缺一项", "每逾期一天". */
const FINDING = '发现|有|出现|缺少|缺失|缺|少|遗漏|漏|逾期|超期';

/** 全角 digits and point as ASCII: "４分" → "4分", "０．５" → "0.5" (a 细则 typed with a Chinese IME). */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Points embedded in a name: "制度建设（30分）", "保障运营10%" → the number and the name without it. */
export function splitPointsFromName(written: string): { name: string; points: number | null; weight: number | null } {
  const name = asciiDigits(written);
  const m =
    // "（10分）", "（占比10%）", and a 加分 group's cap: "（最高加8分）", "（加分不超过5分）".
    /[（(]\s*(?:占比|(?:最高|最多)?加?分?(?:不超过|最高|最多)?)\s*(\d+(?:\.\d+)?)\s*(分|%|％)\s*[)）]\s*$/.exec(name) ??
    /\s*(\d+(?:\.\d+)?)\s*(分|%|％)\s*$/.exec(name);
  if (!m) return { name: written, points: null, weight: null };
  const rest = written.slice(0, m.index).trim();
  if (!rest) return { name: written, points: null, weight: null };
  const v = Number(m[1]);
  return m[2] === '分' ? { name: rest, points: v, weight: null } : { name: rest, points: null, weight: v };
}

/** "零点五" → 0.5, "两" → 2, "半" → 0.5, "十" → 10: the points of a rule written in Chinese numerals. */
function chineseAmount(s: string): number | null {
  if (s === '半') return 0.5;
  const [int, frac] = s.replace(/两/g, '二').split('点');
  const whole = parseChineseNumeral(int);
  if (whole === null || (frac !== undefined && !/^[零〇一二三四五六七八九]+$/.test(frac))) return null;
  if (frac === undefined) return whole;
  return Number(`${whole}.${[...frac].map((c) => parseChineseNumeral(c) ?? 0).join('')}`);
}

/**
 * The words with their amounts as digits: 全角 "０.５" → "0.5", "扣一分" → "扣1分", "扣零点五分" → "扣0.5分" (only a
 * numeral that is an amount of points: "一票否决", "每一处" stay as written).
 */
function plainAmounts(text: string): string {
  return asciiDigits(text).replace(
    /([扣得加])([零〇一二两三四五六七八九十百半点]+)分/g,
    (all, verb: string, n: string) => {
      const v = chineseAmount(n);
      return v === null ? all : `${verb}${v}分`;
    },
  );
}

/** Words that leave the amount to the person scoring: 酌情, a range (扣1-3分), 视情况. */
const DISCRETION = new RegExp(`酌情|视情|视具体|根据情况|扣${NUM}?[-~～—至到]${NUM}分`);
/** The item's points lost whole, as "不得分" says: "扣全分", "扣除该项全部分值". */
const ALL_LOST = /.扣(?:除)?(?:该项|本项|此项)?(?:全部|全)(?:分值|分数|分)/;
/** A cap on the deductions: "最多扣10分", "累计扣分不超过10分", "扣分上限5分". */
const DEDUCT_CAP = new RegExp(
  `(?:最多|最高|至多)(?:扣|扣除|可扣)${NUM}分|扣分?(?:总分|总计|合计)?(?:不超过|不得超过|不高于|最多|最高|上限为?|以)${NUM}分|扣完${NUM}分为止`,
);

/**
 * A cap on deductions in one stretch of words (between commas): "最多扣2分", "累计扣分不超过3分", "扣分上限5分".
 * Group 1, 3 or 5 says it caps the whole item (累计, 合计, 本项, 扣完20分为止); bare "最多扣2分" caps the finding just
 * before it.
 */
const CAP_WORDS = new RegExp(
  `(累计|合计|总计|共计|本项|总共|总)?(?:(?:最多|最高|至多)(?:扣|扣除|可扣)${NUM}分|扣分?(总分|总计|合计)?(?:不超过|不得超过|不高于|最多|最高|上限为?|以)${NUM}分|(扣完)${NUM}分)(?:为限|为止)?`,
);
/** The per-occurrence words before a deduction: "每发现一处", "每缺一项", "发现一次", "一处" (at the end). */
const PER_WORDS = [
  new RegExp(`每(?<verb>${FINDING})?(?:一|1)?(?<unit>${UNIT})`),
  new RegExp(`(?<verb>发现|出现)(?:一|1)(?<unit>${UNIT})`),
  new RegExp(`(?:一|1)(?<unit>${UNIT})$`),
];

/** A finding's words as a name: "对未按时公开的" → "未按时公开"; a list's numbering ("1.", "（2）", "③") is not part of it. */
function findingName(words: string): string {
  return words
    .replace(/^[，,、：:]+|[，,、：:]+$/g, '')
    .replace(/^\s*(?:\d{1,2}\s*[.．、]|[（(]\s*\d{1,2}\s*[)）]|[①-⑳])\s*/, '')
    .replace(/^(?:对于|对|凡|如|若|其中)/, '')
    .replace(/(?:的|者|时)+$/, '')
    .slice(0, 40);
}

/**
 * One deduction in a stretch of words with exactly one "扣N分": "内容不完整的每处扣0.5分" → per 处; "未制定扣2分" →
 * once; "每条扣5分" after "公文提前或超期公开，" (`before`) → that finding. Null when words follow the deduction that
 * say something else ("扣1分以上").
 */
function readOneDeduction(words: string, before: string): DeductionItem | null {
  const m = new RegExp(`扣${NUM}分(?:[/／]每?${UNIT})?`).exec(words);
  if (!m) return null;
  if (!/^[的。]*$/.test(words.slice(m.index + m[0].length))) return null;
  let lead = words.slice(0, m.index);
  let unit = m[2];
  let verb = '';
  if (!unit) {
    for (const re of PER_WORDS) {
      const p = re.exec(lead);
      if (!p?.groups) continue;
      unit = p.groups.unit;
      verb = p.groups.verb && !/^(?:发现|出现|有)$/.test(p.groups.verb) ? p.groups.verb : '';
      lead = lead.slice(0, p.index) + lead.slice(p.index + p[0].length);
      break;
    }
  }
  // "每缺一项扣1分": the verb is the finding (缺项); otherwise the words before it.
  const finding = findingName(lead) || (verb ? `${verb}${verb.length === 1 ? unit : ''}` : '') || findingName(before);
  return { finding, deduct: Number(m[1]), ...(unit ? { unit } : {}) };
}

/**
 * Two or more deductions for different findings in one cell ("未按时公开的扣1分；内容不完整的每处扣0.5分", "未设置专栏
 * 扣2分，栏目空白的每个扣1分，扣完为止", "未制定扣2分，未按要求报送扣1分"), with their caps: 分项扣分. Null when the words
 * hold fewer than two, or anything the rule cannot keep (不得分, a deduction it cannot place, a finding named twice).
 */
function readDeductionWords(t: string, points: number | null): Rule | null {
  if (/不得分|得\d/.test(t) || ALL_LOST.test(t)) return null;
  const items: DeductionItem[] = [];
  let total: number | null = null;
  for (const clause of t.split(/[；;。]/)) {
    let before = '';
    let last: DeductionItem | null = null;
    for (const piece of clause.split(/[，,]/)) {
      const words = piece.replace(/扣完(?:本项分值)?为止/, '');
      if (!words) continue;
      const cap = CAP_WORDS.exec(words);
      let rest = words;
      let capAt: number | null = null;
      let capsAll = false;
      if (cap) {
        capAt = Number(cap[2] ?? cap[4] ?? cap[6]);
        capsAll = !!(cap[1] || cap[3] || cap[5]);
        rest = words.slice(0, cap.index) + words.slice(cap.index + cap[0].length);
      }
      const deductions = [...rest.matchAll(new RegExp(`扣${NUM}分`, 'g'))];
      if (deductions.length > 1) return null;
      if (deductions.length === 1) {
        const item = readOneDeduction(rest, before);
        if (!item) return null;
        items.push(item);
        last = item;
        before = '';
      } else if (cap && findingName(rest)) {
        return null;
      } else if (!cap) {
        before = before ? `${before}，${words}` : words;
      }
      if (capAt !== null) {
        // "每处扣0.5分，最多扣2分" caps that finding; "累计扣分不超过3分" (or a cap after a finding deducted once) all.
        if (!capsAll && last?.unit) last.cap = Math.min(last.cap ?? Infinity, capAt);
        else total = Math.min(total ?? Infinity, capAt);
      }
    }
  }
  if (items.length < 2) return null;
  items.forEach((x, i) => {
    if (!x.finding) x.finding = `扣分情形${i + 1}`;
  });
  if (new Set(items.map((x) => x.finding)).size < items.length) return null;
  // A cap at or above the item's points is the item's own (扣完为止).
  const cap = total !== null && (points === null || total < points - 1e-9) ? { cap: total } : {};
  return { kind: 'deductions', items, ...cap };
}

/**
 * The rule the words of a 细则 leaf describe. `points` (the item's own, when known) tells whether a written cap on
 * the deductions ("最多扣5分") is the item's (扣完为止) or less (kept as the rule's cap).
 */
export function inferRule(text: string, context = '', points: number | null = null): InferredRule {
  const t = plainAmounts(text.replace(/\s+/g, ''));
  const all = `${context}${t}`;
  const ceilingRatio = /不高于及格分|不超过及格分/.test(t) ? 0.6 : null;
  const capped = !/可突破|不设上限/.test(t) || /扣完为止/.test(t);
  if (/单项否决|一票否决/.test(all)) return { rule: { kind: 'veto' }, capped: true, ceilingRatio: null };
  // A 扣分项 outside the scored items: 重大扣分 (不设上限), 倒扣, or — said by the caller in `context`, as only it knows
  // the item has no points of its own — a 扣分项. "最高扣5分" caps it; a 重大扣分项 is never capped.
  if (/重大扣分|倒扣/.test(all) || /扣分项/.test(context) || /不设上限/.test(t)) {
    const m = new RegExp(`每${UNIT}?[^，。；]*?扣${NUM}分`).exec(t) ?? new RegExp(`扣${NUM}分`).exec(t);
    const deduct = m ? Number(m[m.length - 1]) : 0;
    const unit = m && m.length > 2 && m[1] ? m[1] : '次';
    const c = /不设上限/.test(t) ? null : DEDUCT_CAP.exec(t);
    const cap = c ? Number(c[1] ?? c[2] ?? c[3]) : null;
    return {
      rule: { kind: 'major', deduct, unit, ...(cap !== null && cap > 0 ? { cap } : {}) },
      capped: false,
      ceilingRatio: null,
    };
  }
  if (/加分/.test(context) || /^加分|每[^扣]{0,12}加\d/.test(t)) {
    const per = new RegExp(`每${UNIT}?[^，。；扣]*?加${NUM}分`).exec(t);
    const th =
      /(?:得分|基础分|总分|扣分指标|满分)?[^，。；]*?(达到|超过|高于|不低于|以上|≥|>)\s*(\d+(?:\.\d+)?)\s*分?(以上)?[^，。；]*?(?:方可|才|进入|计入|计算)/.exec(
        t,
      );
    const threshold = th ? Number(th[2]) : null;
    const inclusive = th ? !/超过|高于|>/.test(th[1]) : true;
    return {
      rule: { kind: 'bonus', perItem: per ? Number(per[2]) : null, threshold, inclusive, unit: per?.[1] ?? '次' },
      capped: true,
      ceilingRatio: null,
    };
  }
  const manual: InferredRule = { rule: { kind: 'manual' }, capped, ceilingRatio };
  if (DISCRETION.test(t)) return manual;
  const several = readDeductionWords(t, points);
  if (several) return { rule: several, capped: true, ceilingRatio };
  // Per occurrence: "每发现一处…扣0.5分", "每缺1项扣1分", "…的，每件扣1分", "发现一次…扣1分", "一处扣0.2分", "扣1分/件".
  const per =
    new RegExp(`每(?:${FINDING})?(?:一|1)?${UNIT}[^，。；]*?扣${NUM}分`).exec(t) ??
    new RegExp(`${UNIT}[^，。；]{0,4}每${UNIT}?扣${NUM}分`).exec(t) ??
    new RegExp(`(?:发现|出现)(?:一|1)${UNIT}[^，。；]*?扣${NUM}分`).exec(t) ??
    new RegExp(`(?:一|1)${UNIT}扣${NUM}分`).exec(t);
  const slash = new RegExp(`扣${NUM}分[/／](?:每)?${UNIT}`).exec(t);
  if (per || slash) {
    const deduct = per ? Number(per[per.length - 1]) : Number(slash![1]);
    const unit = per ? (per[1] ?? '次') : slash![2];
    const cap = DEDUCT_CAP.exec(t);
    const capAt = cap ? Number(cap[1] ?? cap[2] ?? cap[3]) : null;
    // Another outcome beside it that 分项扣分 could not read ("…不得分"): scored by hand.
    const own = [per ?? slash!, cap].filter((m) => m !== null).map((m) => [m.index, m.index + m[0].length]);
    const other = [...t.matchAll(new RegExp(`扣${NUM}分`, 'g'))].some(
      (m) => !own.some(([from, to]) => m.index >= from && m.index < to),
    );
    if (other || /不得分/.test(t) || ALL_LOST.test(t)) return manual;
    // "最多扣2分" of a 5-point item: a cap below the item's points, kept (at or above them it is 扣完为止).
    if (capAt !== null && (points === null || capAt < points - 1e-9))
      return { rule: { kind: 'perItem', deduct, unit, cap: capAt }, capped: true, ceilingRatio };
    return { rule: { kind: 'perItem', deduct, unit }, capped, ceilingRatio };
  }
  // 有得N分，无扣M分 / …的得3分；否则扣3分: full points when met, M off when not.
  const fixed = new RegExp(`得${NUM}分[^。]*?(?:无|没有|未|否则|不)[^，。；]*?扣${NUM}分`).exec(t);
  if (fixed) return { rule: { kind: 'fixed', absentDeduct: Number(fixed[2]) }, capped, ceilingRatio };
  // "…的得4分，未听取的不得分", "未开展的不得分", "出现泄密的，本项不得分": the item's points lost when it happens.
  // Beside another deduction ("未发布不得分，内容不全扣2分") two outcomes: scored by hand.
  if (t.indexOf('不得分') > 0 || ALL_LOST.test(t))
    return /扣\d/.test(t) ? manual : { rule: { kind: 'fixed', absentDeduct: null }, capped, ceilingRatio };
  // "未听取汇报的扣4分", "被通报批评的扣2分": one deduction when it happens (two different ones are scored by hand).
  const once = [...t.matchAll(new RegExp(`扣${NUM}分`, 'g'))];
  if (once.length === 1 && /[^，。；]/.test(t.slice(0, once[0].index)) && !DEDUCT_CAP.test(t))
    return { rule: { kind: 'fixed', absentDeduct: Number(once[0][1]) }, capped, ceilingRatio };
  return manual;
}

// ---------------------------------------------------------------------------------------------------------------
// Grade rules: 按等次评分

const GRADE_TEXT = '按等次评分：';

/**
 * The levels of a grade rule as they are kept: best first (by points; levels of equal rank keep the table's order),
 * the labels as written, a level's words only when there are some. Null when they make no grade rule: fewer than
 * two levels, a label or points given twice (a score must name exactly one level).
 */
export function gradeLevels(levels: readonly GradeLevel[]): GradeLevel[] | null {
  const out = levels
    .map((l) => ({
      label: l.label.trim(),
      points: l.points,
      ...(l.criteria?.trim() ? { criteria: l.criteria.trim() } : {}),
    }))
    .sort((a, b) => b.points - a.points);
  if (out.length < 2 || out.some((l) => !l.label)) return null;
  if (new Set(out.map((l) => l.label)).size < out.length) return null;
  if (new Set(out.map((l) => l.points)).size < out.length) return null;
  return out;
}

/** "按等次评分：优10分（制度健全）；良8分（制度较健全）；一般6分；差0分": the rule in words, read back by readGradeRuleText. */
export function gradeRuleText(levels: readonly GradeLevel[]): string {
  return (
    GRADE_TEXT +
    levels
      .map((l) => `${l.label}${Math.round(l.points * 100) / 100}分${l.criteria ? `（${l.criteria}）` : ''}`)
      .join('；')
  );
}

/** The levels of "按等次评分：优10分（…）；良8分；…" (the whole text), or null when it does not read so. */
export function readGradeRuleText(text: string): GradeLevel[] | null {
  const t = text.trim();
  if (!t.startsWith(GRADE_TEXT)) return null;
  const levels: GradeLevel[] = [];
  let i = GRADE_TEXT.length;
  while (i < t.length) {
    const head = /^([^（）；\d]{1,10}?)\s*(\d+(?:\.\d+)?)\s*分/.exec(t.slice(i));
    if (!head) return null;
    i += head[0].length;
    let criteria = '';
    if (t[i] === '（') {
      // The level's words, up to the bracket that closes this one (the words may hold brackets of their own).
      let depth = 0;
      let j = i;
      for (; j < t.length; j++) {
        if (t[j] === '（') depth++;
        else if (t[j] === '）' && --depth === 0) break;
      }
      if (j >= t.length) return null;
      criteria = t.slice(i + 1, j);
      i = j + 1;
    }
    levels.push({ label: head[1].trim(), points: Number(head[2]), ...(criteria ? { criteria } : {}) });
    if (i >= t.length) break;
    if (t[i] !== '；') return null;
    i++;
  }
  return gradeLevels(levels);
}

// ---------------------------------------------------------------------------------------------------------------
// Capped and several deductions: their words as the 自查评分表 prints them, read back exactly

const DEDUCTIONS_TEXT = '分项扣分：';
const n2 = (n: number) => String(Math.round(n * 100) / 100);

/** "每处扣0.5分，最多扣2分": a per-occurrence rule with a cap below the item's points. */
export function perItemText(rule: { deduct: number; unit: string; cap?: number }): string {
  return `每${rule.unit}扣${n2(rule.deduct)}分${rule.cap !== undefined ? `，最多扣${n2(rule.cap)}分` : ''}`;
}

/** "未按时公开的扣1分" / "内容不完整的每处扣0.5分，最多扣2分": one finding of a 分项扣分 rule. */
function deductionItemText(x: DeductionItem): string {
  if (x.unit === undefined) return `${x.finding}的扣${n2(x.deduct)}分`;
  return `${x.finding}的${perItemText({ deduct: x.deduct, unit: x.unit, cap: x.cap })}`;
}

/**
 * "分项扣分：未按时公开的扣1分；内容不完整的每处扣0.5分，最多扣2分；累计最多扣3分" (or "…；扣完为止" when the item's
 * points cap them): the rule in words, read back by readDeductionsRuleText.
 */
export function deductionsRuleText(rule: { items: readonly DeductionItem[]; cap?: number }): string {
  const end = rule.cap !== undefined ? `累计最多扣${n2(rule.cap)}分` : '扣完为止';
  return `${DEDUCTIONS_TEXT}${[...rule.items.map(deductionItemText), end].join('；')}`;
}

/** The findings and cap of "分项扣分：…；扣完为止" (the whole text), or null when it does not read so. */
export function readDeductionsRuleText(text: string): { items: DeductionItem[]; cap?: number } | null {
  const t = text.trim();
  if (!t.startsWith(DEDUCTIONS_TEXT)) return null;
  const parts = t.slice(DEDUCTIONS_TEXT.length).split('；');
  const end = parts.pop() ?? '';
  const capped = new RegExp(`^累计最多扣${NUM}分$`).exec(end);
  if (end !== '扣完为止' && !capped) return null;
  const items: DeductionItem[] = [];
  for (const part of parts) {
    const per = new RegExp(`^(.+)的每(.{1,4}?)扣${NUM}分(?:，最多扣${NUM}分)?$`).exec(part);
    const once = per ? null : new RegExp(`^(.+)的扣${NUM}分$`).exec(part);
    if (per)
      items.push({
        finding: per[1],
        deduct: Number(per[3]),
        unit: per[2],
        ...(per[4] !== undefined ? { cap: Number(per[4]) } : {}),
      });
    else if (once) items.push({ finding: once[1], deduct: Number(once[2]) });
    else return null;
  }
  if (!items.length || new Set(items.map((x) => x.finding)).size < items.length) return null;
  return { items, ...(capped ? { cap: Number(capped[1]) } : {}) };
}
