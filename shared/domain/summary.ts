// 年度工作总结: figures (a number or word taken from one area's records, with last year's beside it and where it comes
// from), paragraph templates whose placeholders name figures, and the records the screens show. Pure: the draft's text
// is rendered from a template and a figures snapshot the same way in main (export) and in the renderer (editor).
import { z } from 'zod';
import { idSchema, isoDateSchema, yearSchema } from './files';

// ---------------------------------------------------------------------------------------------------------------
// Figures

const figureValueSchema = z.union([z.number(), z.string()]).nullable();
type FigureValue = z.infer<typeof figureValueSchema>;

const figureSchema = z.object({
  value: figureValueSchema,
  /** The same figure for the year before, or null when there is none (no records that year). */
  previous: figureValueSchema,
  /** Short Chinese description of where it comes from ("实施方案任务中状态为已完成的"). */
  source: z.string(),
});
export type Figure = z.infer<typeof figureSchema>;
export type Figures = Record<string, Figure>;

export const figuresSchema = z.record(z.string(), figureSchema);

/**
 * How a figure is named in printed tables, with its unit. Figures not listed here print their source; per-栏目 and
 * per-渠道 figures are named after the 栏目/渠道.
 */
const FIGURE_LABELS: Record<string, [string, string]> = {
  'points.documents': ['上级政务公开工作要点文件', '份'],
  'plan.tasks': ['实施方案重点任务', '项'],
  'plan.done': ['其中：已完成', '项'],
  'plan.inProgress': ['其中：进行中', '项'],
  'plan.notStarted': ['其中：未开始', '项'],
  'plan.notApplicable': ['其中：不适用', '项'],
  'plan.overdue': ['逾期未完成任务', '项'],
  'plan.unfinished': ['尚未完成任务', '项'],
  'plan.completionRate': ['任务完成率', '%'],
  'plan.sections': ['任务涉及的工作方面', '个'],
  'plan.departments': ['牵头科室', '个'],
  'plan.progressEntries': ['任务进展记录', '条'],
  'plan.evidence': ['佐证材料', '份'],
  'training.count': ['举办政务公开培训', '次'],
  'training.special': ['其中：政务公开专题培训', '次'],
  'training.hours': ['培训学时', '学时'],
  'training.attendance': ['参训', '人次'],
  'training.people': ['参训人员', '人'],
  'training.planned': ['计划中的培训', '次'],
  'ab.posts': ['政务公开AB岗位', '个'],
  'ab.postsFilled': ['A岗、B岗配齐的岗位', '个'],
  'ab.holders': ['在岗A岗、B岗人员', '人'],
  'ab.absences': ['不在岗登记', '人次'],
  'ab.changes': ['岗位人员变动', '人次'],
  'ab.filed': ['人员变动已备案', '人次'],
  'ab.filedOnTime': ['人员变动按时备案', '人次'],
  'ab.unfiled': ['人员变动未备案', '人次'],
  'disclosure.published': ['主动公开政府信息', '条'],
  'disclosure.interpretations': ['政策解读', '篇'],
  'disclosure.normativeIssued': ['制发行政规范性文件', '件'],
  'disclosure.requestsReceived': ['收到政府信息公开申请', '件'],
  'disclosure.requestsAnswered': ['办结答复申请', '件'],
  'disclosure.requestsDisclosed': ['其中：予以公开', '件'],
  'disclosure.requestsCarried': ['上年结转申请', '件'],
  'disclosure.reviews': ['行政复议', '件'],
  'disclosure.lawsuits': ['行政诉讼', '件'],
  'disclosure.lateAnswers': ['超期答复', '件'],
  'selfcheck.score': ['自查自评得分', '分'],
  'selfcheck.maxScore': ['自查满分', '分'],
  'selfcheck.deducted': ['自查扣分', '分'],
  'selfcheck.deductedItems': ['扣分指标', '项'],
  'rectification.opened': ['登记整改事项', '项'],
  'rectification.closed': ['已完成整改', '项'],
  'rectification.open': ['正在整改', '项'],
  'lookback.unfinished': ['“回头看”未落实的上年任务', '项'],
};

/** "主动公开政府信息（条）" for a table row. */
export function figureLabel(name: string, f: Figure): string {
  const known = FIGURE_LABELS[name];
  if (known) return `${known[0]}（${known[1]}）`;
  const column = /^disclosure\.(column|channel)\.(.+)$/.exec(name);
  if (column) return `${column[1] === 'column' ? '栏目' : '渠道'}：${column[2]}（条）`;
  return f.source || name;
}

/** Whether a figure exists and has a value the text may quote. */
export function hasFigure(figures: Figures, name: string): boolean {
  const f = figures[name];
  return f !== undefined && f.value !== null && f.value !== '';
}

export function numberOf(figures: Figures, name: string): number | null {
  const v = figures[name]?.value;
  return typeof v === 'number' ? v : null;
}

/** As printed: whole numbers plainly, others with one decimal ("1.5"). */
export function formatFigureValue(v: FigureValue): string {
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  return Number.isInteger(v) ? String(v) : (Math.round(v * 10) / 10).toFixed(1).replace(/\.0$/, '');
}

/** "较上年增加2次" / "较上年减少1次" / "与上年持平"; empty when there is no number for either year. */
export function compareWithPrevious(f: Figure | undefined, unit: string): string {
  if (!f || typeof f.value !== 'number' || typeof f.previous !== 'number') return '';
  const d = Math.round((f.value - f.previous) * 10) / 10;
  if (d === 0) return '与上年持平';
  return `较上年${d > 0 ? '增加' : '减少'}${formatFigureValue(Math.abs(d))}${unit}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Templates: text with {{name}} (the value) and {{name|比上年|单位}} ("，较上年增加2次", or nothing) placeholders.

const PLACEHOLDER = /\{\{([^{}|]+)(?:\|(比上年)\|([^{}|]*))?\}\}/g;

/** Puts a figure's value in a template: `{{name}}`. Names may hold any character except braces and "|". */
export function ph(name: string): string {
  return `{{${name}}}`;
}

/** "，较上年增加N<unit>" when both years have the figure, else nothing. */
export function phCompare(name: string, unit: string): string {
  return `{{${name}|比上年|${unit}}}`;
}

type TextSegment = { text: string } | { text: string; figure: string; source: string; changedFrom?: FigureValue };

export interface FigureChange {
  name: string;
  source: string;
  from: FigureValue;
  to: FigureValue;
}

/** The template as segments: plain text and figures (with the value they had before a refresh when it changed). */
export function renderSegments(
  template: string,
  figures: Figures,
  changes: readonly FigureChange[] = [],
): TextSegment[] {
  const out: TextSegment[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index > last) out.push({ text: template.slice(last, m.index) });
    last = m.index + m[0].length;
    const name = m[1];
    const f = figures[name];
    const text = m[2]
      ? compareWithPrevious(f, m[3] ?? '')
        ? `，${compareWithPrevious(f, m[3] ?? '')}`
        : ''
      : formatFigureValue(f?.value ?? null);
    if (!text) continue;
    const change = changes.find((c) => c.name === name);
    out.push({
      text,
      figure: name,
      source: f?.source ?? '数据中已没有这项数字',
      ...(change ? { changedFrom: change.from } : {}),
    });
  }
  if (last < template.length) out.push({ text: template.slice(last) });
  return out;
}

export function renderTemplate(template: string, figures: Figures): string {
  return renderSegments(template, figures)
    .map((s) => s.text)
    .join('');
}

/** The figure names a template quotes. */
export function figuresUsed(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/** What changed between two snapshots among the given names (a figure appearing or disappearing counts). */
export function diffFigures(before: Figures, after: Figures, names: readonly string[]): FigureChange[] {
  const out: FigureChange[] = [];
  for (const name of names) {
    const a = before[name];
    const b = after[name];
    const from = a?.value ?? null;
    const to = b?.value ?? null;
    if (from !== to || (a?.previous ?? null) !== (b?.previous ?? null))
      out.push({ name, source: (b ?? a)?.source ?? name, from, to });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Lists the draft quotes besides figures (each optional: an area that is absent simply contributes nothing)

interface SelfcheckProblem {
  indicator: string;
  reason: string;
  deducted: number;
}
interface OpenRectification {
  problem: string;
  measure: string;
  deadline: string | null;
  state: string;
}
export interface SectionProgress {
  title: string;
  tasks: number;
  done: number;
  inProgress: number;
  overdue: number;
}
export interface NotableProgress {
  task: string;
  section: string;
  date: string;
  text: string;
}
export interface UnfinishedTask {
  title: string;
  section: string;
  dueDate: string | null;
  overdue: boolean;
}

export interface SummaryLists {
  /** The plan's sections with their task counts (the figures plan.section.<标题>.* carry the same numbers). */
  sections?: SectionProgress[];
  notableProgress?: NotableProgress[];
  unfinishedTasks?: UnfinishedTask[];
  /** Titles of next year's top-level 要点, once imported. */
  nextYearPoints?: string[];
  /** The year's held trainings, newest first. */
  trainings?: { date: string; title: string; kind: string; form: string; hours: number }[];
  selfcheckProblems?: SelfcheckProblem[];
  openRectifications?: OpenRectification[];
}

// ---------------------------------------------------------------------------------------------------------------
// Records

const SUMMARY_KINDS = ['年度', '半年'] as const;
export const summaryKindSchema = z.enum(SUMMARY_KINDS, '请选择总结类型');
export type SummaryKind = z.infer<typeof summaryKindSchema>;

const figureChangeSchema = z.object({
  name: z.string(),
  source: z.string(),
  from: figureValueSchema,
  to: figureValueSchema,
});

const summaryParagraphSchema = z.object({
  id: idSchema,
  key: z.string(),
  level: z.number().int(),
  /** The heading as printed (the user's when rewritten). */
  heading: z.string(),
  /** The generated text with placeholders (empty for a heading). */
  template: z.string(),
  /** The user's own text when they rewrote the paragraph, else null (the text is the rendered template). */
  userText: z.string().nullable(),
  edited: z.boolean(),
  /** The user's paragraph whose data changed since: a newer generated version waits for their decision. */
  pending: z.object({ heading: z.string(), template: z.string() }).nullable(),
  /** Figures of this paragraph that changed at the last 刷新数据. */
  changes: z.array(figureChangeSchema),
  /** The generated paragraph no longer exists in the data (kept because the user wrote it). */
  orphan: z.boolean(),
});
export type SummaryParagraph = z.infer<typeof summaryParagraphSchema>;

export const summarySchema = z.object({
  id: idSchema,
  year: yearSchema,
  kind: summaryKindSchema,
  title: z.string(),
  addressee: z.string(),
  signatureOrg: z.string(),
  signatureDate: isoDateSchema,
  publicNote: z.boolean(),
  withTables: z.boolean(),
  withCharts: z.boolean(),
  figures: figuresSchema,
  refreshedAt: z.string(),
  paragraphs: z.array(summaryParagraphSchema),
  /** Characters of the body as it stands (汉字 and punctuation, no spaces). */
  length: z.number().int(),
});
export type Summary = z.infer<typeof summarySchema>;

export const summaryMetaInputSchema = z.object({
  title: z.string().trim().min(1, '请填写标题').max(100, '标题不能超过100个字'),
  addressee: z.string().trim().max(60, '主送机关不能超过60个字').default(''),
  signatureOrg: z.string().trim().min(1, '请填写落款单位').max(60, '落款单位不能超过60个字'),
  signatureDate: isoDateSchema,
  publicNote: z.boolean().default(true),
  withTables: z.boolean().default(true),
  withCharts: z.boolean().default(false),
});
export type SummaryMetaInput = z.input<typeof summaryMetaInputSchema>;

export const paragraphInputSchema = z.object({
  id: idSchema,
  heading: z.string().trim().max(100, '小标题不能超过100个字').default(''),
  text: z.string().trim().max(5000, '一段文字不能超过5000个字'),
});

export const refreshResultSchema = z.object({
  summary: summarySchema,
  /** Every figure whose value changed. */
  changed: z.array(figureChangeSchema),
  /** Paragraphs brought up to date automatically. */
  updated: z.number().int(),
  /** The user's paragraphs whose data changed: left as they are, waiting for a decision. */
  waiting: z.number().int(),
});
export type RefreshResult = z.infer<typeof refreshResultSchema>;

/** The text of a paragraph as it stands. */
export function paragraphText(p: Pick<SummaryParagraph, 'template' | 'userText'>, figures: Figures): string {
  return p.userText ?? renderTemplate(p.template, figures);
}

/** Body length as an office counts it: characters without spaces and line breaks. */
export function textLength(s: string): number {
  return [...s.replace(/\s+/g, '')].length;
}

export function defaultSummaryTitle(year: number, kind: SummaryKind, bureauName: string): string {
  return `${bureauName}${year}年${kind === '半年' ? '上半年' : ''}政务公开工作总结`;
}

export function summaryFileName(year: number, kind: SummaryKind): string {
  return `${year}年${kind === '半年' ? '上半年' : ''}政务公开工作总结.docx`;
}
