// 自查 / 回头看 / 整改: indicator templates (a tree of 一级/二级/三级 指标 with 分值 or 权重, 评分标准 and a scoring rule),
// the year's self-check entries, 整改 items and their states. Shapes and input schemas shared by services, renderer
// and tests; the pure scoring engine is in selfcheck-score.ts, the reading of rule words in selfcheck-rules.ts.
import { z } from 'zod';
import { idSchema, isoDateSchema, uploadSchema, yearSchema } from './files';
import { measureChoiceSchema, proposalSchema, RECORD_MEASURES } from './selfcheck-measures';
import { deductionsRuleText, gradeLevels, gradeRuleText, perItemText } from './selfcheck-rules';
import { tableColumnsSchema } from './table-columns';
import { LIGHTS } from './lights';

// ---------------------------------------------------------------------------------------------------------------
// Scoring rules (union of what real 细则 use; domain-yearend.md A.1.7)

/**
 * - manual: the 自评分 is entered directly (0 … 分值).
 * - fixed: 有得N分 — full points when met, otherwise 分值 − absentDeduct (absentDeduct null: 0 points) ("有得10分/无扣2分").
 * - perItem: 每条/每件/每次 扣k分 — occurrences × k off the node's points; with `cap` (最多扣2分, below the node's
 *   points) never more than the cap in all.
 * - major: 扣分项 outside the scored items — occurrences × k off every level above; a 重大扣分项 is never capped
 *   (运城: "不设上限"), a 扣分项 may say at most how much it takes ("每次扣2分，最高扣5分": `cap`).
 * - veto: 单项否决 — when it happened the result is 不合格 whatever the points.
 * - bonus: 加分 — entered points or occurrences × perItem, capped at the node's points, counted only when the parent's
 *   base score reaches the threshold (≥ threshold, or > threshold when not inclusive).
 * - grade: 按等次评分 (优10分 / 良8分 / 一般6分 / 差0分) — the person chooses a level and the score is its points; the
 *   分值 is the best level's points. Levels best first, labels as the 细则 writes them, each label and points once.
 * - deductions: 分项扣分 — several findings in one cell, each deducted once when it happened (未制定扣2分) or per
 *   occurrence (内容不完整的每处扣0.5分, optionally 最多扣2分); the person counts each finding, the deductions add up
 *   to at most the written `cap` (累计扣分不超过3分) and never below 0 (扣完为止). Findings are named once each: the
 *   counts are kept by finding.
 */
export const RULE_KINDS = ['manual', 'fixed', 'perItem', 'major', 'veto', 'bonus', 'grade', 'deductions'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export const RULE_LABELS: Record<RuleKind, string> = {
  manual: '直接评分',
  fixed: '有得全分',
  perItem: '按次扣分',
  major: '扣分项（从总分中扣）',
  veto: '单项否决',
  bonus: '加分',
  grade: '按等次评分',
  deductions: '分项扣分',
};

const amount = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .min(0, `${label}不能为负数`)
    .max(1000, `${label}不能超过1000`);
const unit = z.string().trim().max(4, '计数单位不能超过4个字').default('次');

const gradeLevelSchema = z.object({
  label: z
    .string({ error: '请填写等次名称' })
    .trim()
    .min(1, '请填写等次名称')
    .max(10, '等次名称不能超过10个字')
    .describe('等次名称'),
  points: amount('等次分值').describe('等次分值'),
  criteria: z.string().trim().max(1000, '等次的评分标准不能超过1000个字').optional().describe('等次的评分标准'),
});
/** One level of a grade rule: 优, 10 points, "制度健全". */
export type GradeLevel = z.output<typeof gradeLevelSchema>;

const gradeLevelsSchema = z
  .array(gradeLevelSchema)
  .min(2, '按等次评分至少要有两个等次')
  .max(10, '等次不能超过10个')
  .superRefine((levels, ctx) => {
    const twice = (key: 'label' | 'points') => levels.find((l, i) => levels.findIndex((m) => m[key] === l[key]) !== i);
    const label = twice('label');
    if (label) ctx.addIssue({ code: 'custom', message: `等次“${label.label}”写了两次，每个等次只写一次` });
    const points = twice('points');
    if (points)
      ctx.addIssue({
        code: 'custom',
        message: `有两个等次都是${points.points}分：每个等次的分值应不同（自评分要能看出是哪个等次）`,
      });
  })
  // Best first, labels as written, empty words dropped (the checks above leave gradeLevels nothing to refuse).
  .transform((levels) => gradeLevels(levels) ?? levels)
  .describe('评分等次');

/** A written cap on deductions ("最多扣2分"): absent when the 细则 gives none (the item's points then cap them). */
const capSchema = (label: string) => amount(label).optional();

/** The words of a finding may not hold what the rule's written form uses to separate findings (；). */
const findingSchema = z
  .string({ error: '请填写扣分情形' })
  .trim()
  .min(1, '请填写扣分情形')
  .max(40, '扣分情形不能超过40个字')
  .refine((s) => !/[；;]/.test(s), '扣分情形中不能有分号（每个情形单独一行）')
  .describe('扣分情形');

const deductionItemSchema = z.object({
  finding: findingSchema,
  deduct: amount('扣分').describe('扣分'),
  /** Per occurrence (每处扣0.5分): the unit counted. Absent: deducted once when the finding happened. */
  unit: z.string().trim().min(1, '请填写计数单位').max(4, '计数单位不能超过4个字').optional().describe('计数单位'),
  /** 该项最多扣N分 (per-occurrence findings only). */
  cap: capSchema('该项最多扣分').describe('该项最多扣分'),
});
/** One finding of a 分项扣分 rule: "内容不完整的每处扣0.5分，最多扣2分". */
export type DeductionItem = z.output<typeof deductionItemSchema>;

const deductionItemsSchema = z
  .array(deductionItemSchema)
  .min(1, '分项扣分至少要有一个扣分情形')
  .max(10, '扣分情形不能超过10个')
  .superRefine((items, ctx) => {
    const twice = items.find((x, i) => items.findIndex((y) => y.finding === x.finding) !== i);
    if (twice) ctx.addIssue({ code: 'custom', message: `扣分情形“${twice.finding}”写了两次，每个情形只写一次` });
  })
  // Only a counted finding has a cap of its own; kept so, the rule reads the same however it was given.
  .transform((items): DeductionItem[] =>
    items.map(({ cap, ...x }) => (x.unit !== undefined && cap !== undefined ? { ...x, cap } : x)),
  )
  .describe('扣分情形');

export const ruleSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('manual') }),
    z.object({ kind: z.literal('fixed'), absentDeduct: amount('未达到时扣分').nullable().default(null) }),
    z.object({
      kind: z.literal('perItem'),
      deduct: amount('每次扣分'),
      unit,
      cap: capSchema('最多扣分').describe('最多扣分'),
    }),
    z.object({
      kind: z.literal('major'),
      deduct: amount('每次扣分'),
      unit,
      cap: capSchema('最多扣分').describe('最多扣分'),
    }),
    z.object({ kind: z.literal('veto') }),
    z.object({
      kind: z.literal('bonus'),
      perItem: amount('每次加分').nullable().default(null),
      threshold: amount('加分门槛').nullable().default(null),
      inclusive: z.boolean().default(true),
      unit,
    }),
    z.object({ kind: z.literal('grade'), levels: gradeLevelsSchema }),
    z.object({
      kind: z.literal('deductions'),
      items: deductionItemsSchema,
      cap: capSchema('累计最多扣分').describe('累计最多扣分'),
    }),
  ],
  { error: '评分规则类型不对' },
);
export type Rule = z.output<typeof ruleSchema>;
type RuleInput = z.input<typeof ruleSchema>;

/** "每条扣1分（扣完为止）" etc.: how a rule reads in tables and reports. */
export function ruleLabel(rule: Rule, capped = true): string {
  switch (rule.kind) {
    case 'manual':
      return '直接评分';
    case 'fixed':
      return rule.absentDeduct === null ? '达到得全分，未达到不得分' : `达到得全分，未达到扣${rule.absentDeduct}分`;
    case 'perItem':
      return rule.cap !== undefined
        ? perItemText(rule)
        : `每${rule.unit}扣${rule.deduct}分${capped ? '，扣完为止' : '（可突破本项分值）'}`;
    case 'major':
      return rule.cap !== undefined
        ? `扣分项，每${rule.unit}扣${rule.deduct}分，最多扣${rule.cap}分`
        : `重大扣分项，每${rule.unit}扣${rule.deduct}分，不设上限`;
    case 'veto':
      return '单项否决';
    case 'bonus': {
      const parts = [rule.perItem !== null ? `每${rule.unit}加${rule.perItem}分` : '加分'];
      if (rule.threshold !== null) parts.push(`基础得分${rule.inclusive ? '达到' : '超过'}${rule.threshold}分方可计入`);
      return parts.join('，');
    }
    case 'grade':
      return gradeRuleText(rule.levels);
    case 'deductions':
      return deductionsRuleText(rule);
  }
}

/** The 分值 of a grade rule: its best level's points (null: not a grade rule). */
export function gradePoints(rule: Rule): number | null {
  return rule.kind === 'grade' ? Math.max(...rule.levels.map((l) => l.points)) : null;
}

/** The level a score stands for under a grade rule; null when it names none (or the rule is not a grade rule). */
export function levelOf(rule: Rule, score: number | null): GradeLevel | null {
  if (rule.kind !== 'grade' || score === null) return null;
  return rule.levels.find((l) => Math.abs(l.points - score) < 1e-9) ?? null;
}

/** "等次：良，8分": how a rated grade indicator's score is printed. */
export function levelText(level: GradeLevel): string {
  return `等次：${level.label}，${Math.round(level.points * 100) / 100}分`;
}

/** Whether the rule bounds its own deductions (a written 最多扣N分, or 分项扣分): never below 0 then (扣完为止). */
export function capsItself(rule: Rule): boolean {
  return (rule.kind === 'perItem' && rule.cap !== undefined) || rule.kind === 'deductions';
}

/**
 * A grade rule's 分值 is its best level's: the stored points follow the levels and no weight is kept beside them. A
 * rule that bounds its deductions is 扣完为止, so it reads back the same from the words the 自查评分表 prints.
 */
function withGradePoints<T extends { rule: Rule; points: number | null; weight: number | null; capped: boolean }>(
  n: T,
): T {
  const m = capsItself(n.rule) && !n.capped ? { ...n, capped: true } : n;
  const best = gradePoints(m.rule);
  return best === null ? m : { ...m, points: best, weight: null };
}

// ---------------------------------------------------------------------------------------------------------------
// Templates

export const GRADE_DEFAULTS = [
  { name: '优秀', min: 90 },
  { name: '良好', min: 80 },
  { name: '合格', min: 60 },
  { name: '不合格', min: 0 },
] as const;

/**
 * The default 等次 of a 细则 whose 满分 is `total`: the same shares of it as 90/80/60 of 100 (rounded to half points),
 * so a 30-point 细则 does not start with an 优秀 no score can reach.
 */
export function defaultGrades(total: number | null): GradeBand[] {
  const scale = total && total > 0 ? total / 100 : 1;
  return GRADE_DEFAULTS.map((g) => ({ name: g.name, min: Math.round(g.min * scale * 2) / 2 }));
}

const gradeBandSchema = z.object({
  name: z.string().trim().min(1, '请填写等次名称').max(10, '等次名称不能超过10个字'),
  min: z.number({ error: '等次下限应为数字' }).min(0, '等次下限不能为负数').max(10000),
});
export type GradeBand = z.infer<typeof gradeBandSchema>;

const optionalNumber = (label: string, max = 10000) =>
  z
    .number({ error: `${label}应为数字` })
    .min(0, `${label}不能为负数`)
    .max(max, `${label}不能超过${max}`)
    .nullable()
    .default(null);

/** One indicator as edited and saved (children nested). Levels follow from the nesting. */
export interface IndicatorInput {
  name: string;
  points?: number | null;
  weight?: number | null;
  basis?: number | null;
  criteria?: string;
  rule?: RuleInput;
  capped?: boolean;
  ceilingRatio?: number | null;
  source?: string;
  children?: IndicatorInput[];
}

export const indicatorInputSchema: z.ZodType<IndicatorOutput, IndicatorInput> = z.lazy(() =>
  z
    .object({
      name: z.string().trim().min(1, '指标名称不能为空').max(300, '指标名称不能超过300个字'),
      points: optionalNumber('分值'),
      weight: optionalNumber('权重', 100),
      basis: optionalNumber('折算基数'),
      criteria: z.string().max(5000, '评分标准不能超过5000个字').default(''),
      rule: ruleSchema.default({ kind: 'manual' }),
      capped: z.boolean().default(true),
      ceilingRatio: z.number().gt(0, '封顶比例应大于0').max(1, '封顶比例不能超过1').nullable().default(null),
      source: z.string().max(300).default(''),
      children: z.array(indicatorInputSchema).max(200, '同一级下的指标不能超过200项').default([]),
    })
    .transform(withGradePoints),
);
export interface IndicatorOutput {
  name: string;
  points: number | null;
  weight: number | null;
  basis: number | null;
  criteria: string;
  rule: Rule;
  capped: boolean;
  ceilingRatio: number | null;
  source: string;
  children: IndicatorOutput[];
}

export const templateInputSchema = z.object({
  year: yearSchema,
  title: z.string().trim().min(1, '请填写细则名称').max(200, '细则名称不能超过200个字'),
  total: z.number({ error: '满分应为数字' }).gt(0, '满分应大于0').max(10000),
  grades: z
    .array(gradeBandSchema)
    .min(1, '至少要有一个等次')
    .max(10)
    // None given (the command line's import): defaultGrades of the 满分.
    .optional(),
  indicators: z.array(indicatorInputSchema).min(1, '细则中至少要有一项指标').max(200),
  /** Where the template came from: an imported file (kept as an attachment), the built-in starter, a copy, or typed. */
  source: z.enum(['import', 'builtin', 'copy', 'manual']).default('manual'),
  upload: uploadSchema.nullable().default(null),
  /** Replace an existing template of the same year (its scores are dropped). */
  replace: z.boolean().default(false),
});
export type TemplateInput = z.input<typeof templateInputSchema>;

/** An indicator as stored: with its id and the points resolved from weights. */
export interface Indicator extends Omit<IndicatorOutput, 'children'> {
  id: number;
  parentId: number | null;
  level: number;
  /** "1.2.3", the position in the tree. */
  number: string;
  children: Indicator[];
}

const indicatorSchema: z.ZodType<Indicator> = z.lazy(() =>
  z.object({
    id: idSchema,
    parentId: idSchema.nullable(),
    level: z.number().int(),
    number: z.string(),
    name: z.string(),
    points: z.number().nullable(),
    weight: z.number().nullable(),
    basis: z.number().nullable(),
    criteria: z.string(),
    rule: ruleSchema,
    capped: z.boolean(),
    ceilingRatio: z.number().nullable(),
    source: z.string(),
    children: z.array(indicatorSchema),
  }),
);

export interface Template {
  id: number;
  year: number;
  title: string;
  total: number;
  grades: GradeBand[];
  source: string;
  attachmentId: number | null;
  indicators: Indicator[];
  updatedAt: string;
  provisional: boolean;
}

// Editing a saved template on the screen (main/services/selfcheck/template-edit.ts).

const nodePoints = (label: string, max: number) =>
  z
    .number({ error: `${label}应为数字` })
    .min(0, `${label}不能为负数`)
    .max(max, `${label}不能超过${max}`)
    .nullable();

/** The fields of one indicator a person edits (levels and order follow from where it sits). */
const indicatorFieldsSchema = z
  .object({
    name: z.string({ error: '请填写指标名称' }).trim().min(1, '指标名称不能为空').max(300, '指标名称不能超过300个字'),
    points: nodePoints('分值', 10000).default(null),
    weight: nodePoints('权重', 100).default(null),
    criteria: z.string().max(5000, '评分标准不能超过5000个字').default(''),
    rule: ruleSchema.default({ kind: 'manual' }),
    capped: z.boolean().default(true),
    ceilingRatio: z
      .number({ error: '封顶比例应为数字' })
      .gt(0, '封顶比例应大于0')
      .max(1, '封顶比例不能超过1')
      .nullable()
      .default(null),
  })
  .superRefine((n, ctx) => {
    if (n.points !== null && n.weight !== null && n.rule.kind !== 'grade')
      ctx.addIssue({ code: 'custom', message: '分值和权重只填一项：填了分值就不要再填权重', path: ['weight'] });
  })
  .transform(withGradePoints);

export const indicatorPatchSchema = indicatorFieldsSchema.and(z.object({ id: idSchema }));
export const indicatorAddSchema = indicatorFieldsSchema.and(
  z.object({
    year: yearSchema,
    /** null: a new 一级指标. */
    parentId: idSchema.nullable().describe('上级指标'),
  }),
);
export const indicatorRemoveSchema = z.object({
  id: idSchema,
  /** The person confirmed that the scores, evidence and links below it go too. */
  confirmed: z.boolean().default(false).describe('确认删除'),
});
export const gradesInputSchema = z.object({
  year: yearSchema,
  grades: z.array(gradeBandSchema).min(2, '至少要有两个等次').max(10, '等次不能超过10个'),
});

// ---------------------------------------------------------------------------------------------------------------
// Self-check entries and evidence

/** 佐证材料 kinds: records the workstation holds (by id), an uploaded file, or a web link. New kinds go here. */
export const EVIDENCE_KINDS = [
  'task',
  'progress',
  'training',
  'ab_change',
  'publication',
  'attachment',
  'link',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_LABELS: Record<EvidenceKind, string> = {
  task: '任务',
  progress: '任务进展',
  training: '培训',
  ab_change: 'AB岗备案',
  publication: '信息发布',
  attachment: '文件',
  link: '网页链接',
};

const evidenceSchema = z.object({
  id: idSchema,
  kind: z.enum(EVIDENCE_KINDS),
  refId: idSchema.nullable(),
  attachmentId: idSchema.nullable(),
  url: z.string().nullable(),
  title: z.string(),
  /** False when the referenced record no longer exists. */
  exists: z.boolean(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const evidenceInputSchema = z
  .object({
    indicatorId: idSchema,
    kind: z.enum(EVIDENCE_KINDS, { error: '佐证材料类型不对' }),
    refId: idSchema.nullable().default(null),
    upload: uploadSchema.nullable().default(null),
    url: z.string().trim().max(1000, '链接不能超过1000个字符').nullable().default(null),
    title: z.string().trim().max(200, '名称不能超过200个字').default(''),
  })
  .superRefine((e, ctx) => {
    if (e.kind === 'link' && !(e.url && /^https?:\/\/\S+$/i.test(e.url)))
      ctx.addIssue({ code: 'custom', message: '请填写以 http:// 或 https:// 开头的网页链接', path: ['url'] });
    if (e.kind === 'attachment' && !e.upload)
      ctx.addIssue({ code: 'custom', message: '请选择要上传的文件', path: ['upload'] });
    if (e.kind !== 'link' && e.kind !== 'attachment' && !e.refId)
      ctx.addIssue({ code: 'custom', message: '请选择要关联的记录', path: ['refId'] });
  });
export type EvidenceInput = z.input<typeof evidenceInputSchema>;

/**
 * One leaf's self-assessment. What the rule asks for rates the leaf: 自评分 (manual), 扣分次数 (per occurrence), the
 * count of every finding (分项扣分: all of them, 0 for one not found), 加分 or 加分次数 (bonus), the chosen 等次 (grade: its label; it is stored as the level's points, which name exactly one level),
 * or an answer to 达到/未达到 and 发生/未发生 (`flag` true/false; null = not answered). Left empty the leaf is 未评 (the
 * reason, measure and evidence are kept). When the indicator's score is measured from the records
 * (a 记录口径 is chosen) and the rating differs from the 建议分, `overrideReason` is required.
 */
export const scoreInputSchema = z.object({
  indicatorId: idSchema,
  /** 自评分 for manual/bonus rules. */
  score: z.number({ error: '自评分应为数字' }).min(0, '自评分不能为负数').max(10000).nullable().default(null),
  /** 分项扣分: how often each finding happened, in the rule's order (0: not found). */
  counts: z
    .array(
      z
        .number({ error: '各情形的次数应为数字' })
        .int('各情形的次数应为整数')
        .min(0, '各情形的次数不能为负数')
        .max(100000, '各情形的次数不能超过100000'),
    )
    .max(10, '扣分情形不能超过10个')
    .nullable()
    .default(null)
    .describe('各情形次数'),
  /** Occurrences for per-occurrence rules. */
  count: z
    .number({ error: '扣分次数应为数字' })
    .int('扣分次数应为整数')
    .min(0, '扣分次数不能为负数')
    .max(100000)
    .nullable()
    .default(null),
  /** fixed: not met; veto: happened; null: not answered (未评). */
  flag: z.boolean().nullable().default(null).describe('是否达到'),
  /** grade: the label of the chosen level (null: not chosen, 未评). */
  level: z.string().trim().max(10, '等次名称不能超过10个字').nullable().default(null).describe('等次'),
  /** The ceiling's precondition failed (本栏目不高于及格分). */
  ceiling: z.boolean().default(false),
  reason: z.string().max(2000, '扣分原因不能超过2000个字').default(''),
  measure: z.string().max(2000, '整改措施不能超过2000个字').default(''),
  /** Why the rating departs from the 建议分 the records give (required then). */
  overrideReason: z.string().trim().max(1000, '修改理由不能超过1000个字').default('').describe('修改理由'),
});
export type ScoreInput = z.input<typeof scoreInputSchema>;

export interface ScoreEntry {
  /** False: 未评, the leaf counts nothing whatever else is stored. */
  rated: boolean;
  score: number | null;
  count: number | null;
  /** 分项扣分: each finding's count, in the rule's order. */
  counts: number[] | null;
  flag: boolean;
  ceiling: boolean;
  reason: string;
  measure: string;
}
export const EMPTY_ENTRY: ScoreEntry = {
  rated: false,
  score: null,
  count: null,
  counts: null,
  flag: false,
  ceiling: false,
  reason: '',
  measure: '',
};

/** How a rating came about: typed in, the 建议分 accepted, or the 建议分 overridden with a reason. */
const DECISIONS = ['entered', 'accepted', 'override'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, string> = {
  entered: '直接评分',
  accepted: '采用建议分',
  override: '修改建议分',
};

/** "100" or "100＋加分8": the 满分 with the bonus apart, never one sum beside the base. */
export function maxLabel(maxBase: number, maxBonus: number): string {
  const n = (x: number) => String(Math.round(x * 100) / 100);
  return maxBonus > 0 ? `${n(maxBase)}＋加分${n(maxBonus)}` : n(maxBase);
}

/** "已评 12/15" */
export function ratedLabel(rated: number, leaves: number): string {
  return `已评 ${rated}/${leaves}`;
}

/** The grade as printed: "优秀", "优秀（暂定）", or null while 未评完. */
export function gradeText(v: { grade: string | null; provisional: boolean }): string | null {
  return v.grade === null ? null : v.provisional ? `${v.grade}（暂定）` : v.grade;
}

// ---------------------------------------------------------------------------------------------------------------
// 整改台账

export const RECT_SOURCES = ['自查', '回头看', '上级测评通报', '第三方评估', '审计', '其他'] as const;
export const RECT_KINDS = ['立行立改', '限期整改', '长期坚持'] as const;
export const RECT_STATES = ['未开始', '整改中', '已完成', '已销号'] as const;
export type RectState = (typeof RECT_STATES)[number];

const rtext = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}个字`).default('');

export const rectificationInputSchema = z
  .object({
    year: yearSchema,
    source: z.enum(RECT_SOURCES, { error: '请选择问题来源' }).default('自查'),
    indicatorId: idSchema.nullable().default(null),
    taskId: idSchema.nullable().default(null),
    origin: rtext('关联指标或任务', 300),
    problem: z.string().trim().min(1, '请填写问题描述').max(2000, '问题描述不能超过2000个字'),
    measure: rtext('整改措施', 2000),
    kind: z.enum(RECT_KINDS, { error: '请选择整改类型' }).default('限期整改'),
    leader: rtext('责任领导', 40),
    departmentId: idSchema.nullable().default(null),
    ownerId: idSchema.nullable().default(null),
    deadline: isoDateSchema.nullable().default(null).describe('整改时限'),
    state: z.enum(RECT_STATES).default('未开始'),
    completedOn: isoDateSchema.nullable().default(null),
    /** A 情况说明 is the fix (nothing to publish because nothing occurred). */
    explanation: z.boolean().default(false),
    note: rtext('备注', 2000),
  })
  .superRefine((r, ctx) => {
    if (r.kind === '限期整改' && !r.deadline)
      ctx.addIssue({ code: 'custom', message: '限期整改请填写整改时限', path: ['deadline'] });
    if (r.state === '已完成' && !r.completedOn)
      ctx.addIssue({ code: 'custom', message: '标为“已完成”时请填写完成日期', path: ['completedOn'] });
    if (r.state === '已销号')
      ctx.addIssue({ code: 'custom', message: '销号请用“销号”操作（需填写销号日期和复核人）', path: ['state'] });
  });
export type RectificationInput = z.input<typeof rectificationInputSchema>;

const rectProgressSchema = z.object({
  id: idSchema,
  date: isoDateSchema,
  text: z.string(),
  evidence: z.array(
    z.object({ id: idSchema, title: z.string(), attachmentId: idSchema.nullable(), url: z.string().nullable() }),
  ),
});
export type RectProgress = z.infer<typeof rectProgressSchema>;

export const rectificationSchema = z.object({
  id: idSchema,
  year: yearSchema,
  /** 1-based number in the year's ledger. */
  seq: z.number().int(),
  source: z.enum(RECT_SOURCES),
  indicatorId: idSchema.nullable(),
  taskId: idSchema.nullable(),
  origin: z.string(),
  problem: z.string(),
  measure: z.string(),
  kind: z.enum(RECT_KINDS),
  leader: z.string(),
  departmentId: idSchema.nullable(),
  departmentName: z.string().nullable(),
  ownerId: idSchema.nullable(),
  ownerName: z.string().nullable(),
  deadline: isoDateSchema.nullable(),
  state: z.enum(RECT_STATES),
  /** 逾期 is derived: past the deadline and not yet done. */
  overdue: z.boolean(),
  light: z.enum(LIGHTS),
  workingDaysLeft: z.number().int().nullable(),
  /** The light counts days of a year without holiday data (weekdays only): said beside it (calendarGapNote). */
  calendarWarning: z.string().nullable(),
  completedOn: isoDateSchema.nullable(),
  closedOn: isoDateSchema.nullable(),
  closedBy: z.string(),
  explanation: z.boolean(),
  note: z.string(),
  progress: z.array(rectProgressSchema),
});
export type Rectification = z.infer<typeof rectificationSchema>;

/** The fields of an item that an update takes: everything but those derived from it (lights, names, 销号). */
export function rectificationInputOf(r: Rectification): RectificationInput {
  const {
    id: _i,
    seq: _s,
    overdue: _o,
    light: _l,
    workingDaysLeft: _w,
    calendarWarning: _g,
    departmentName: _d,
    ownerName: _n,
    closedOn: _c,
    closedBy: _b,
    progress: _p,
    ...rest
  } = r;
  return rest;
}

// ---------------------------------------------------------------------------------------------------------------
// 回头看

const LOOKBACK_OUTCOMES = ['按期完成', '逾期完成', '未完成', '不适用'] as const;
type LookbackOutcome = (typeof LOOKBACK_OUTCOMES)[number];

/** How a task of last year's plan ended: done by its due date, done late, or not done. */
export function lookbackOutcome(t: {
  status: string;
  completedOn: string | null;
  dueDate: string | null;
}): LookbackOutcome {
  if (t.status === '不适用') return '不适用';
  if (t.status !== '已完成') return '未完成';
  if (t.dueDate && t.completedOn && t.completedOn > t.dueDate) return '逾期完成';
  return '按期完成';
}

export const lookbackTaskSchema = z.object({
  taskId: idSchema,
  seq: z.number().int(),
  title: z.string(),
  section: z.string(),
  lead: z.string(),
  deadlineLabel: z.string(),
  dueDate: isoDateSchema.nullable(),
  completedOn: isoDateSchema.nullable(),
  outcome: z.enum(LOOKBACK_OUTCOMES),
  reason: z.string(),
  /** What was done with an unfinished task: turned into an 整改 item, or carried into this year's plan. */
  rectificationId: idSchema.nullable(),
  carriedTaskId: idSchema.nullable(),
});
export type LookbackTask = z.infer<typeof lookbackTaskSchema>;

// ---------------------------------------------------------------------------------------------------------------
// The self-check as the screen shows it: the template's rows in tree order with the engine's figures.

export const templateInfoSchema = z.object({
  id: idSchema,
  year: yearSchema,
  title: z.string(),
  total: z.number(),
  grades: z.array(gradeBandSchema),
  source: z.string(),
  attachmentId: idSchema.nullable(),
  updatedAt: z.string(),
  /** Marked 暂定: the grade is shown, so labelled, before every indicator is rated. */
  provisional: z.boolean(),
});
export type TemplateInfo = z.infer<typeof templateInfoSchema>;

const entryViewSchema = z.object({
  rated: z.boolean(),
  score: z.number().nullable(),
  count: z.number().int().nullable(),
  counts: z.array(z.number().int()).nullable(),
  flag: z.boolean(),
  ceiling: z.boolean(),
  reason: z.string(),
  measure: z.string(),
});

const selfcheckRowSchema = z.object({
  id: idSchema,
  parentId: idSchema.nullable(),
  level: z.number().int(),
  number: z.string(),
  path: z.string(),
  name: z.string(),
  isLeaf: z.boolean(),
  points: z.number(),
  /** The 分值 as the 细则 gives it (null: from 权重, or a group summing its children). */
  ownPoints: z.number().nullable(),
  weight: z.number().nullable(),
  criteria: z.string(),
  rule: ruleSchema,
  ruleLabel: z.string(),
  capped: z.boolean(),
  ceilingRatio: z.number().nullable(),
  source: z.string(),
  score: z.number(),
  deducted: z.number(),
  bonus: z.number(),
  vetoed: z.boolean(),
  gatedOut: z.boolean(),
  ceilingApplied: z.boolean(),
  /** Leaf: rated; group: every leaf beneath rated. 未评 leaves count nothing. */
  scored: z.boolean(),
  ratedLeaves: z.number().int(),
  leafCount: z.number().int(),
  entry: entryViewSchema,
  /** What the records measure for it, as chosen (null: not chosen; 'none': chosen not to). */
  recordMeasure: measureChoiceSchema.nullable(),
  /** What its words point to (shown pre-selected until a choice is made). */
  suggestedMeasure: z.enum(RECORD_MEASURES).nullable(),
  /** The 建议分 from the chosen measure's records (leaves with a chosen measure only). */
  proposal: proposalSchema.nullable(),
  decision: z.enum(DECISIONS).nullable(),
  overrideReason: z.string(),
  /** How many records the 建议分 rested on when it was accepted or overridden. */
  proposalCount: z.number().int().nullable(),
  /** Something to look at: rated apart from the 建议分 without a reason, or the records changed since the decision. */
  proposalAlert: z.string().nullable(),
  evidence: z.array(evidenceSchema),
  rectificationIds: z.array(idSchema),
  /** 一级 only: last year's score of the 一级 indicator with the same name. */
  previousScore: z.number().nullable(),
});
export type SelfcheckRow = z.infer<typeof selfcheckRowSchema>;

export const selfcheckViewSchema = z.object({
  year: yearSchema,
  template: templateInfoSchema.nullable(),
  /** What the rated leaves give. */
  total: z.number(),
  maxTotal: z.number(),
  /** 满分 as base and bonus apart (maxLabel). */
  maxBase: z.number(),
  maxBonus: z.number(),
  base: z.number(),
  bonus: z.number(),
  major: z.number(),
  /** Null while some leaf is 未评 (unless 暂定 or vetoed). */
  grade: z.string().nullable(),
  /** The grade shown is 暂定 (marked so, not every leaf rated). */
  provisional: z.boolean(),
  complete: z.boolean(),
  /** The band the total reaches now (what 暂定 would show). */
  band: z.string(),
  vetoed: z.boolean(),
  vetoedBy: z.array(z.string()),
  leaves: z.number().int(),
  scoredLeaves: z.number().int(),
  rows: z.array(selfcheckRowSchema),
  problems: z.array(z.string()),
  previous: z
    .object({
      year: yearSchema,
      total: z.number(),
      grade: z.string().nullable(),
      provisional: z.boolean(),
      complete: z.boolean(),
    })
    .nullable(),
});
export type SelfcheckView = z.infer<typeof selfcheckViewSchema>;

/** The preview of an imported 细则 before saving: the tree and what to look at. */
export const indicatorPreviewSchema = z.object({
  title: z.string(),
  total: z.number(),
  indicators: z.array(z.custom<IndicatorOutput>()),
  problems: z.array(z.object({ number: z.string().nullable(), message: z.string() })),
  /** Points summed per level (一级, 二级, …). */
  levelSums: z.array(z.number()),
  /** The file's tables with the role of each column, for the preview's selects (none for the built-in template). */
  tables: z.array(tableColumnsSchema).optional(),
  /** The rows of the file each indicator and the 合计 are on, so the problems the preview keeps up name them. */
  places: z.object({ total: z.string().nullable(), nodes: z.record(z.string(), z.string()) }).optional(),
  /** What the reader left out or read as blank (a sheet's hidden rows and columns, formula errors), in words. */
  warnings: z.array(z.string()).optional(),
});
export type IndicatorPreview = z.infer<typeof indicatorPreviewSchema>;

/** An evidence candidate found in the workstation's data (e.g. a 培训 leaf → the year's trainings). */
export const evidenceSuggestionSchema = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  refId: idSchema,
  title: z.string(),
  why: z.string(),
});
export type EvidenceSuggestion = z.infer<typeof evidenceSuggestionSchema>;

export const reportSectionsSchema = z.object({
  intro: z.string().max(5000, '开头不能超过5000个字'),
  situation: z.string().max(20000, '自查情况不能超过20000个字'),
  problems: z.string().max(20000, '存在的问题不能超过20000个字'),
  measures: z.string().max(20000, '整改措施不能超过20000个字'),
  next: z.string().max(10000, '下一步工作打算不能超过10000个字'),
});
export type ReportSections = z.infer<typeof reportSectionsSchema>;

/** A claim in a text that the year's records contradict (main/services/selfcheck/contradictions.ts). */
export const contradictionSchema = z.object({
  where: z.string(),
  claim: z.string(),
  basis: z.string(),
  records: z.array(z.string()),
  message: z.string(),
});
export type Contradiction = z.infer<typeof contradictionSchema>;
