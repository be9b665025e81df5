// 由记录计算: what the workstation's own records say about an indicator. A person picks, per indicator, which records
// measure it (逾期任务, 超期发布的信息 …; a suggestion comes from the indicator's words, never applied by itself); the
// service counts those records and the indicator's rule turns the count into a 建议分 (scoreLeaf in
// selfcheck-score.ts, the engine's own code). The person accepts it or overrides it with a reason.
import { z } from 'zod';
import { idSchema } from './files';
import type { Rule, ScoreEntry } from './selfcheck';

export const RECORD_MEASURES = [
  'overdueTasks',
  'latePublications',
  'unreviewedPublications',
  'lateAnswers',
  'training',
  'abFiling',
  'annualReportLate',
] as const;
export type RecordMeasure = (typeof RECORD_MEASURES)[number];
/** A stored choice: a measure, or 'none' (the person chose not to measure this indicator from the records). */
export const MEASURE_CHOICES = [...RECORD_MEASURES, 'none'] as const;
export type MeasureChoice = (typeof MEASURE_CHOICES)[number];
export const measureChoiceSchema = z.enum(MEASURE_CHOICES, { error: '记录口径不对' });

export const RECORD_MEASURE_LABELS: Record<RecordMeasure, string> = {
  overdueTasks: '逾期任务',
  latePublications: '超期发布的信息',
  unreviewedPublications: '未经审核或签发的信息',
  lateAnswers: '超期答复的依申请公开',
  training: '未达到的年度培训要求',
  abFiling: '未按时备案的AB岗变动',
  annualReportLate: '年度报告逾期发布',
};

/** The counting unit of each measure, as the 建议分 sentence prints it. */
export const RECORD_MEASURE_UNITS: Record<RecordMeasure, string> = {
  overdueTasks: '项',
  latePublications: '条',
  unreviewedPublications: '条',
  lateAnswers: '件',
  training: '项',
  abFiling: '人次',
  annualReportLate: '项',
};

/** What each measure counts, said in full in the scoring drawer. */
export const RECORD_MEASURE_HELP: Record<RecordMeasure, string> = {
  overdueTasks: '本年度实施方案中已过完成时限仍未完成的任务（与任务列表中“已逾期”的任务相同）',
  latePublications: '本年度发布的信息中，形成或变更后超过20个工作日才发布的',
  unreviewedPublications: '本年度发布的信息中，没有登记审核（审核人和日期）或签发（签发人和日期）的',
  lateAnswers: '超过答复期限才答复，或已过答复期限仍未答复的政府信息公开申请',
  training: '政务公开专题培训比要求少的次数，以及学时未达到要求的队伍成员',
  abFiling: '本年度AB岗人员变动中，晚于备案期限才备案或已过期限仍未备案的',
  annualReportLate:
    '上一年度政府信息公开工作年度报告晚于本年度报告期限（默认1月31日）发布的（以信息发布登记为准，没有登记时以年度报告最近一次导出的日期为准）',
};

/** The select's option text: "由记录计算：逾期任务". */
export function measureOptionLabel(m: MeasureChoice): string {
  return m === 'none' ? '不由记录计算' : `由记录计算：${RECORD_MEASURE_LABELS[m]}`;
}

// Most specific first: a 年报 indicator speaks of 及时 too, a 依申请 one of 期限.
const SUGGESTIONS: [RecordMeasure, RegExp][] = [
  ['annualReportLate', /年度报告|年报/],
  ['lateAnswers', /依申请|超期办理|超期答复|期限内答复|按期答复/],
  ['abFiling', /AB岗|A\s*[、/]?\s*B\s*岗|AB角/i],
  ['training', /培训/],
  ['unreviewedPublications', /先审后发|三审|审核签发|审签/],
  // Not a bare 时效: "栏目更新时效" is about 栏目 updates, which no register here records.
  ['latePublications', /公开时效|发布时效|及时公开|超期公开|按时公开|逾期公开|超期发布/],
  ['overdueTasks', /任务落实|工作任务|重点任务|任务分解|要点落实|实施方案/],
];

/**
 * The measure an indicator's words point to (its name first, then its 评分标准), or null. Only a suggestion: the
 * drawer shows it pre-selected and nothing is saved until the person accepts or chooses.
 */
export function suggestMeasure(name: string, criteria: string): RecordMeasure | null {
  for (const text of [name, criteria]) {
    const hit = SUGGESTIONS.find(([, re]) => re.test(text));
    if (hit) return hit[0];
  }
  return null;
}

/**
 * The entry a rule gives when the records show `n` occurrences: per-occurrence rules count them, 有得全分 is not met
 * and 单项否决 happened when there is at least one, a directly scored item is full only when there are none. Null
 * when no score follows from a count (加分 items; a directly scored item with occurrences: the person scores it; a
 * grade item: which level the records amount to is the person's judgement, the records are shown beside the levels;
 * a 分项扣分 item: one count of records cannot say which of its findings they are).
 */
export function proposedEntry(
  rule: Rule,
  points: number,
  n: number,
): Pick<ScoreEntry, 'score' | 'count' | 'flag'> | null {
  switch (rule.kind) {
    case 'perItem':
    case 'major':
      return { score: null, count: n, flag: false };
    case 'fixed':
    case 'veto':
      return { score: null, count: null, flag: n > 0 };
    case 'manual':
      return n === 0 ? { score: points, count: null, flag: false } : null;
    case 'bonus':
    case 'grade':
    case 'deductions':
      return null;
  }
}

const measureRecordSchema = z.object({
  /** What the record is, for the list's tag: 任务, 信息发布, 依申请公开, 培训要求, AB岗变动, 年度报告. */
  kind: z.string(),
  refId: idSchema.nullable(),
  title: z.string(),
  /** Why it counts, in words ("应于2026年6月30日前完成，现为“进行中”"). */
  detail: z.string(),
});
export type MeasureRecord = z.infer<typeof measureRecordSchema>;

export const proposalSchema = z.object({
  measure: z.enum(RECORD_MEASURES),
  label: z.string(),
  /** Occurrences found in the records (null: the records cannot say, e.g. no 年报 recorded). */
  count: z.number().int().nullable(),
  unit: z.string(),
  records: z.array(measureRecordSchema),
  /** What the count rests on or why there is none. */
  note: z.string(),
  /** The proposed rating (null: no score follows from the count; the person scores it). */
  entry: z.object({ score: z.number().nullable(), count: z.number().int().nullable(), flag: z.boolean() }).nullable(),
  /** The 建议分: the indicator's rule applied to the proposed entry. */
  score: z.number().nullable(),
  /** One sentence: "逾期任务7项，按“每项扣1分，扣完为止”计，建议得0分（满分6分）". */
  summary: z.string(),
});
export type Proposal = z.infer<typeof proposalSchema>;

/** Whether a rating is the proposal's (the inputs the rule reads are the same). */
export function matchesProposal(
  rule: Rule,
  entry: Pick<ScoreEntry, 'score' | 'count' | 'flag' | 'rated'>,
  proposal: Pick<Proposal, 'entry'>,
): boolean {
  const p = proposal.entry;
  if (!p || !entry.rated) return false;
  switch (rule.kind) {
    case 'perItem':
    case 'major':
      return (entry.count ?? 0) === p.count;
    case 'fixed':
    case 'veto':
      return entry.flag === p.flag;
    case 'manual':
      return entry.score === p.score;
    case 'bonus':
    case 'grade':
    case 'deductions':
      return false;
  }
}
