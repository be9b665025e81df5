// 年度工作总结: figures (a number or word taken from one area's records, with last year's beside it and where it comes
// from), paragraph templates whose placeholders name figures, and the records the screens show. Pure: the draft's text
// is rendered from a template and a figures snapshot the same way in main (export) and in the renderer (editor).
import { z } from 'zod';
import { idSchema, isoDateSchema, yearSchema } from './files';
import { halfPeriod, yearPeriod, type Period } from './period';
import { FIGURE_CATALOG, FIGURE_FAMILIES, formatFigureValue } from './summary-figures';
import { formatChineseDate } from './date-text';
import type { DateIssue } from './disclosure-dates';
import type { AbGap } from './ab';

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

/** "主动公开政府信息（条）" for a table row: the catalogue's name (shared/domain/summary-figures.ts), else its source. */
export function figureLabel(name: string, f: Figure): string {
  const known = FIGURE_CATALOG[name];
  if (known) return known.unit ? `${known.label}（${known.unit}）` : known.label;
  for (const fam of FIGURE_FAMILIES) {
    const m = fam.pattern.exec(name);
    if (m) return `${fam.label(m)}（${fam.unit}）`;
  }
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

/**
 * "较上年增加2次" / "较上年减少1次" / "与上年持平"; empty when there is no number for either year. `samePeriod` for
 * figures counted to a day before the period's end, compared with the same days a year earlier: "较上年同期增加2次".
 */
export function compareWithPrevious(f: Figure | undefined, unit: string, samePeriod = false): string {
  if (!f || typeof f.value !== 'number' || typeof f.previous !== 'number') return '';
  const d = Math.round((f.value - f.previous) * 10) / 10;
  const last = samePeriod ? '上年同期' : '上年';
  if (d === 0) return `与${last}持平`;
  return `较${last}${d > 0 ? '增加' : '减少'}${formatFigureValue(Math.abs(d))}${unit}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Templates: text with {{name}} (the value) and {{name|比上年|单位}} ("，较上年增加2次", or nothing) placeholders;
// {{name|比上年同期|单位}} says "较上年同期" (figures counted to a day before the period's end).

const PLACEHOLDER = /\{\{([^{}|]+)(?:\|(比上年(?:同期)?)\|([^{}|]*))?\}\}/g;

/** Puts a figure's value in a template: `{{name}}`. Names may hold any character except braces and "|". */
export function ph(name: string): string {
  return `{{${name}}}`;
}

/** "，较上年增加N<unit>" (or "，较上年同期…" with `samePeriod`) when both years have the figure, else nothing. */
export function phCompare(name: string, unit: string, samePeriod = false): string {
  return `{{${name}|${samePeriod ? '比上年同期' : '比上年'}|${unit}}}`;
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
    const compared = m[2] ? compareWithPrevious(f, m[3] ?? '', m[2] === '比上年同期') : '';
    const text = m[2] ? (compared ? `，${compared}` : '') : formatFigureValue(f?.value ?? null);
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
  /** A 单项否决 indicator that was triggered (it takes no points but decides the grade), with its planned measure. */
  vetoed?: boolean;
  measure?: string;
}
/** An 整改 item still to be worked on at the period's end (neither 已完成 nor 已销号). */
export interface OpenRectification {
  problem: string;
  measure: string;
  deadline: string | null;
  state: string;
}
export interface SectionProgress {
  title: string;
  tasks: number;
  /** Done by the period's end. */
  done: number;
  /** Today's 进行中 tasks while the period runs; null once it has ended (no status history is kept). */
  inProgress: number | null;
  /** Not done by the period's end (不适用 left out). */
  unfinished: number;
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
export interface DoneTask {
  title: string;
  section: string;
  completedOn: string | null;
}
export interface PublishedItem {
  title: string;
  date: string;
  column: string;
  normative: boolean;
  docNumber: string;
}
export interface InterpretationItem {
  title: string;
  date: string;
  /** The document it interprets (发布登记's link), or null when none is linked. */
  documentTitle: string | null;
  /** Working days the 解读 came out after its document (0 = same day), null without a linked document. */
  workingDaysAfter: number | null;
  /** Later than INTERPRETATION_LIMIT_WORKING_DAYS after its document: not 同步. */
  late: boolean;
}
export interface LatePublication {
  title: string;
  formedDate: string;
  publishedDate: string;
  workingDays: number;
}

/** What the text quotes besides figures, each list counted for the summary's period like its figures. */
export interface SummaryLists {
  /** The plan's sections with their task counts (the figures plan.section.<标题>.* carry the same numbers). */
  sections?: SectionProgress[];
  /** Progress notes of tasks done by the period's end, dated in the period. */
  notableProgress?: NotableProgress[];
  /** Tasks done by the period's end, by name. */
  doneTasks?: DoneTask[];
  /** Tasks not done at the period's end. */
  unfinishedTasks?: UnfinishedTask[];
  /** Titles of next year's top-level 要点, once imported (whole-year summaries only). */
  nextYearPoints?: string[];
  /** The period's held trainings, oldest first. */
  trainings?: { date: string; title: string; kind: string; form: string; hours: number }[];
  selfcheckProblems?: SelfcheckProblem[];
  openRectifications?: OpenRectification[];
  /** 整改 items 销号 in the period. */
  closedRectifications?: { problem: string; closedOn: string }[];
  /** Key documents published in the period: 规范性文件, documents with a 文号, documents a 解读 interprets. */
  keyPublications?: PublishedItem[];
  /** 政策解读 published in the period, each with the document it interprets. */
  interpretations?: InterpretationItem[];
  /** Items published in the period more than 20 working days after they were formed. */
  latePublications?: LatePublication[];
  /**
   * Self-check findings and 整改 problems of the year that name a 栏目 not kept up to date, empty or incomplete;
   * resolved when the 整改 was 销号 by the period's end.
   */
  columnFindings?: { text: string; resolved: boolean }[];
  /**
   * The longest run of whole months of the period (to its end, or to the day counted) with nothing published
   * (longestQuietMonths): 各栏目信息更新及时 is not said across a quarter without any update.
   */
  quietMonths?: number;
  /** The AB岗 roles nobody on duty holds at the period's end: vacant, or held by someone 离岗 without a 交接. */
  abGaps?: AbGap[];
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

/** The days a summary counts: the whole year, or 1 January–30 June for the 上半年总结. */
export function summaryPeriod(year: number, kind: SummaryKind): Period {
  return kind === '半年' ? halfPeriod(year) : yearPeriod(year);
}

/**
 * The days a summary counted on `day`: its period, or while the period runs, 1 January to that day. A 年度总结 made on
 * 7 December quotes 1 January–7 December and compares it with 1 January–7 December of the year before (上年同期), not
 * with a whole year.
 */
export function summaryPeriodOn(year: number, kind: SummaryKind, day: string): Period {
  const p = summaryPeriod(year, kind);
  return day >= p.from && day < p.to ? { ...p, to: day } : p;
}

/**
 * The day a summary's figures were counted (its last 刷新数据) when it falls before its period's end, else null: its
 * counts are then 今年以来's, compared with 上年同期, and its period-end states are that day's.
 */
export function countedBeforeEnd(s: Pick<Summary, 'refreshedAt' | 'year' | 'kind'>): string | null {
  const day = s.refreshedAt.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && day < summaryPeriod(s.year, s.kind).to ? day : null;
}

/**
 * The last day a summary's figures count (its 数据截止日): the day of its last 刷新数据 while its period ran, else the
 * period's end. Its 成文日期 is never earlier: a 总结 dated 1 December whose figures count to 7 December quotes what
 * could not be known on the day it says it was written.
 */
export function figuresCountedTo(s: Pick<Summary, 'refreshedAt' | 'year' | 'kind'>): string {
  return countedBeforeEnd(s) ?? summaryPeriod(s.year, s.kind).to;
}

/**
 * What is wrong with a 成文日期 (落款日期) for a summary counted as `s` is: one rule, so the 标题与落款 dialog shows
 * beside the field what the service refuses (summary.saveMeta).
 */
export function summaryDateIssues(
  v: { signatureDate?: string | null },
  s: Pick<Summary, 'refreshedAt' | 'year' | 'kind'>,
): DateIssue[] {
  const date = v.signatureDate;
  const counted = figuresCountedTo(s);
  if (!date || date >= counted) return [];
  const d = formatChineseDate(date);
  const c = formatChineseDate(counted);
  return [
    {
      field: ['signatureDate'],
      level: 'error',
      message: `成文日期${d}早于总结中数字统计到的${c}：落款不能早于数字统计到的日期。请把成文日期改为${c}或之后的日期；如改为今天，可先点“刷新数据”，使数字统计到今天。`,
    },
  ];
}

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
  /** The 落款日期 moved because it was before the day the figures now count to (its old and new date), or null. */
  signatureDate: z.object({ from: isoDateSchema, to: isoDateSchema }).nullable(),
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
