// 实施方案与任务: entities, input schemas and the pure calculations (deadline words, due dates per period, lights).
import { z } from 'zod';
import { idSchema, isoDateSchema, yearSchema } from './files';
import { LIGHTS, type Light } from './lights';
import { parseDeadlineCell } from './point-deadlines';
import {
  addWorkingDays,
  calendarGapNote,
  countWorkingDays,
  toDayNumber,
  type IsoDate,
  type WorkingDayCalendar,
} from './working-days';

export const TASK_STATUSES = ['未开始', '进行中', '已完成', '不适用'] as const;
const taskStatusSchema = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

/**
 * 完成时限 kinds: a date (X月底前), 年底前, recurring (每月/每季度/每半年/每年), 持续推进, or N working days after an event
 * (e.g. "信息形成或变更之日起20个工作日内").
 */
export const DEADLINE_KINDS = ['date', 'yearEnd', 'recurring', 'ongoing', 'afterEvent'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export const RECURRENCES = ['monthly', 'quarterly', 'halfYearly', 'yearly'] as const;
export type Recurrence = (typeof RECURRENCES)[number];
export const RECURRENCE_LABELS: Record<Recurrence, string> = {
  monthly: '每月',
  quarterly: '每季度',
  halfYearly: '每半年',
  yearly: '每年',
};

const deadlineSchema = z
  .object({
    kind: z.enum(DEADLINE_KINDS),
    /** kind 'date': the last day. */
    date: isoDateSchema.nullable().default(null),
    recurrence: z.enum(RECURRENCES).nullable().default(null),
    /** kind 'afterEvent': working days allowed after the event. */
    days: z.number().int().min(1).max(365).nullable().default(null),
    /** The words as the higher level wrote them, or the event for 'afterEvent' ("人员变动后"). */
    text: z.string().max(100).default(''),
  })
  .superRefine((d, ctx) => {
    if (d.kind === 'date' && !d.date) ctx.addIssue({ code: 'custom', message: '请填写完成日期', path: ['date'] });
    if (d.kind === 'recurring' && !d.recurrence)
      ctx.addIssue({ code: 'custom', message: '请选择周期', path: ['recurrence'] });
    if (d.kind === 'afterEvent' && !d.days) ctx.addIssue({ code: 'custom', message: '请填写工作日数', path: ['days'] });
  });
export type Deadline = z.output<typeof deadlineSchema>;

/** The one definition of an overdue task, used by the task list, the 首页 card, exports and the demo summary. */
export function isOverdue(t: { light: Light }): boolean {
  return t.light === 'overdue';
}

const RECURRENCE_WORDS: Record<Recurrence, RegExp> = {
  monthly: /每\s*个?\s*月|按月|月度/,
  quarterly: /每\s*个?\s*季度?|按季|季度/,
  halfYearly: /每\s*个?\s*半年|半年一次/,
  yearly: /每\s*个?\s*年|年度/,
};
/** An open time limit the higher level gave: the task runs through the year or on, and is never overdue. */
const ONGOING_WORDS = /持续|长期|常态|全年|即时|随时/;
/** An open time limit that names no time yet (按上级要求, 按时间节点): the document's words, still 未定时限. */
const UNDATED_WORDS = /(?:按照?|根据|依照).{0,8}(?:要求|部署|安排|节点|规定)/;

/**
 * The words a 持续推进 task keeps when its form is saved: the document's own open words (全年, 长期坚持), else 持续推进,
 * the office's confirmation that the task has no due date.
 */
export function ongoingText(words: string): string {
  return ONGOING_WORDS.test(words) ? words : '持续推进';
}

/**
 * "2026年6月30日前" etc., as printed in the task table. The document's own words are kept ("9月底前", "每个季度",
 * "长期坚持") as long as they still say what the task's deadline says (a date edited afterwards prints the date).
 */
export function deadlineLabel(d: Deadline, eventDate?: string | null): string {
  const words = d.text.trim();
  switch (d.kind) {
    case 'date': {
      const [y, m, day] = (d.date ?? '').split('-').map(Number);
      if (!d.date) return '';
      // The words as long as they still mean this date (上半年, 第三季度末, 9月份, 2026年6月—12月 …).
      if (words && words.length <= 30 && parseDeadlineCell(words, y).deadline === d.date) return words;
      return `${y}年${m}月${day}日前`;
    }
    case 'yearEnd':
      return words && /年底|年末|年内/.test(words) && words.length <= 20 ? words : '年底前';
    case 'recurring':
      if (!d.recurrence) return words || '定期';
      return words && words.length <= 30 && RECURRENCE_WORDS[d.recurrence].test(words)
        ? words
        : RECURRENCE_LABELS[d.recurrence];
    case 'ongoing':
      return words && (ONGOING_WORDS.test(words) || UNDATED_WORDS.test(words)) && words.length <= 20
        ? words
        : '持续推进';
    case 'afterEvent': {
      const base = `${d.text || '事项发生'}后${d.days ?? ''}个工作日内`;
      return eventDate ? `${base}（${eventDate.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}起算）` : base;
    }
  }
}

/**
 * Whether the deadline is one somebody gave: a task read from a point without any time limit is stored as 持续推进
 * without words, and the screens mark it "未定时限" until the user sets one (or confirms 持续推进).
 */
export function hasRealDeadline(d: Pick<Deadline, 'kind' | 'text'>): boolean {
  return d.kind !== 'ongoing' || ONGOING_WORDS.test(d.text);
}

/** Reads a deadline from a work point's date and words (issue 3 gives an ISO date for absolute ones, else words). */
export function deadlineFromPoint(year: number, deadline: string | null, words: string | null): Deadline {
  const text = (words ?? '').trim().slice(0, 100);
  if (deadline) {
    if (deadline === `${year}-12-31` && /年底|年末|年内/.test(text))
      return { kind: 'yearEnd', date: null, recurrence: null, days: null, text };
    return { kind: 'date', date: deadline, recurrence: null, days: null, text };
  }
  // 每半年 before 每年, 每个季度 before 季度 words inside other phrases.
  for (const recurrence of ['halfYearly', 'monthly', 'quarterly', 'yearly'] as const) {
    if (RECURRENCE_WORDS[recurrence].test(text)) return { kind: 'recurring', date: null, recurrence, days: null, text };
  }
  const rel = /(\d+)\s*个?工作日/.exec(text);
  if (rel) return { kind: 'afterEvent', date: null, recurrence: null, days: Math.min(365, Number(rel[1])), text: '' };
  if (/年底|年末|年内/.test(text)) return { kind: 'yearEnd', date: null, recurrence: null, days: null, text };
  return { kind: 'ongoing', date: null, recurrence: null, days: null, text };
}

interface Period {
  start: IsoDate;
  end: IsoDate;
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthEnd = (y: number, m: number) => `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;

/** The periods of a recurring task within the plan year; each period's end is its due date. */
function periodsOfYear(recurrence: Recurrence, year: number): Period[] {
  const span = { monthly: 1, quarterly: 3, halfYearly: 6, yearly: 12 }[recurrence];
  const out: Period[] = [];
  for (let m = 1; m <= 12; m += span) {
    const endMonth = m + span - 1;
    const label =
      recurrence === 'monthly'
        ? `${m}月`
        : recurrence === 'quarterly'
          ? `第${'一二三四'[(m - 1) / 3]}季度`
          : recurrence === 'halfYearly'
            ? m === 1
              ? '上半年'
              : '下半年'
            : `${year}年`;
    out.push({ start: `${year}-${pad(m)}-01`, end: monthEnd(year, endMonth), label });
  }
  return out;
}

interface LightInput {
  status: TaskStatus;
  deadline: Deadline;
  /** For 'afterEvent': when the event happened (null: not yet). */
  eventDate?: string | null;
  /** Dates of the task's progress entries (for recurring tasks: a period with an entry counts as done). */
  progressDates: readonly string[];
}

interface LightResult {
  light: Light;
  /** The date the light is about: the next due date, or the missed one. */
  dueDate: IsoDate | null;
  /** For recurring tasks: which period the due date belongs to. */
  periodLabel?: string;
  /** Working days from today to the due date (negative when overdue). */
  workingDaysLeft?: number;
  /** Set when those working days run through a year without holiday data (see calendarGapNote). */
  calendarWarning?: string;
}

/**
 * The task's light on `today`: 已完成/不适用 tasks and open-ended ones have no warning; otherwise overdue once the
 * due date has passed, due soon when it is at most `dueSoonDays` working days away, else on track. Recurring tasks
 * are due at the end of every period of the plan year; a period with a progress entry dated in it is met, and a task
 * with every period met is on track. Only a task whose status is 已完成 has the light 已完成.
 */
export function computeLight(
  t: LightInput,
  year: number,
  today: IsoDate,
  dueSoonDays: number,
  cal?: WorkingDayCalendar,
): LightResult {
  if (t.status === '已完成') return { light: 'done', dueDate: null };
  if (t.status === '不适用') return { light: 'none', dueDate: null };
  const judge = (due: IsoDate, periodLabel?: string, from: IsoDate = today): LightResult => {
    const left = countWorkingDays(today, due, cal);
    // The days counted: from the event (a due date N working days after it) or today, to the due date.
    const gap = calendarGapNote(from < today ? from : today, due > today ? due : today, cal);
    const base = {
      dueDate: due,
      workingDaysLeft: left,
      ...(periodLabel ? { periodLabel } : {}),
      ...(gap ? { calendarWarning: gap } : {}),
    };
    if (toDayNumber(due) < toDayNumber(today)) return { light: 'overdue', ...base };
    return { light: left <= dueSoonDays ? 'dueSoon' : 'onTrack', ...base };
  };
  const d = t.deadline;
  switch (d.kind) {
    case 'date':
      return d.date ? judge(d.date) : { light: 'none', dueDate: null };
    case 'yearEnd':
      return judge(`${year}-12-31`);
    case 'ongoing':
      return { light: 'none', dueDate: null };
    case 'afterEvent':
      return t.eventDate && d.days
        ? judge(addWorkingDays(t.eventDate, d.days, cal), undefined, t.eventDate)
        : { light: 'none', dueDate: null };
    case 'recurring': {
      if (!d.recurrence) return { light: 'none', dueDate: null };
      const periods = periodsOfYear(d.recurrence, year);
      const met = (p: Period) => t.progressDates.some((x) => x >= p.start && x <= p.end);
      // The first period not met that has begun (a missed one makes the task overdue), else the next period.
      const todayN = toDayNumber(today);
      const open =
        periods.find((p) => toDayNumber(p.start) <= todayN && !met(p)) ??
        periods.find((p) => toDayNumber(p.start) > todayN);
      // Every period of the year met: nothing is due, so no warning, but not 已完成 either. The task stays 进行中 until
      // the office says otherwise, and the lights' 已完成 must be the tasks whose status is 已完成: the home screen
      // puts the lights' chart beside the plan card's "已完成 N 项".
      return open ? judge(open.end, open.label) : { light: 'onTrack', dueDate: null };
    }
  }
}

/**
 * A task's 状态 as the 重点任务分解表 prints it on the day it is filed: the status, marked 已逾期 when the screen's light
 * says so (an unfinished task past its deadline, by the same working-day rules), and naming the next year's plan the
 * task was carried into (回头看's 转入本年度方案). 不适用 prints its reason.
 */
export function taskStatusText(
  t: { status: TaskStatus; statusReason: string; light: Light },
  carriedIntoYear?: number | null,
): string {
  if (t.status === '不适用') return t.statusReason ? `不适用（${t.statusReason}）` : t.status;
  const notes = [
    ...(isOverdue(t) ? ['已逾期'] : []),
    ...(carriedIntoYear ? [`已转入${carriedIntoYear}年实施方案`] : []),
  ];
  return notes.length ? `${t.status}（${notes.join('，')}）` : t.status;
}

// ---- records the screens show ----

const unitRefSchema = z.object({ id: idSchema, name: z.string() });

export const progressEntrySchema = z.object({
  id: idSchema,
  taskId: idSchema,
  date: isoDateSchema,
  text: z.string(),
  percent: z.number().int().min(0).max(100).nullable(),
  evidence: z.array(
    z.object({
      id: idSchema,
      title: z.string(),
      attachmentId: idSchema.nullable(),
      link: z.string().nullable(),
      size: z.number().int().nullable(),
    }),
  ),
  createdAt: z.string(),
});
export type ProgressEntry = z.infer<typeof progressEntrySchema>;

export const pointRefSchema = z.object({
  id: idSchema,
  label: z.string(),
  title: z.string(),
  documentTitle: z.string(),
});
export type PointRef = z.infer<typeof pointRefSchema>;

export const taskSchema = z.object({
  id: idSchema,
  planId: idSchema,
  sectionId: idSchema,
  sectionTitle: z.string(),
  /** 1-based number within the plan, as printed. */
  seq: z.number().int(),
  title: z.string(),
  measures: z.string(),
  deadline: deadlineSchema,
  deadlineLabel: z.string(),
  eventDate: isoDateSchema.nullable(),
  status: taskStatusSchema,
  statusReason: z.string(),
  completedOn: isoDateSchema.nullable(),
  owner: unitRefSchema.nullable(),
  lead: z.array(unitRefSchema),
  support: z.array(unitRefSchema),
  /** Units named by the higher level that map to no 科室 yet (kept so nothing is dropped). */
  unmappedUnits: z.array(z.string()),
  points: z.array(pointRefSchema),
  light: z.enum(LIGHTS),
  dueDate: isoDateSchema.nullable(),
  periodLabel: z.string().nullable(),
  workingDaysLeft: z.number().int().nullable(),
  /** The light counts days of a year without holiday data (weekdays only): say so beside it. */
  calendarWarning: z.string().nullable(),
  latestProgress: z.string(),
  latestPercent: z.number().int().nullable(),
  progressCount: z.number().int(),
});
export type PlanTask = z.infer<typeof taskSchema>;

export const closingSectionSchema = z.object({ heading: z.string().max(60), text: z.string().max(5000) });
export type ClosingSection = z.infer<typeof closingSectionSchema>;

const planSectionSchema = z.object({
  id: idSchema,
  title: z.string(),
  sortOrder: z.number().int(),
  taskCount: z.number().int(),
});

/** How the plan is issued (Word export): 版头, 加盖印章的落款, 附注, 版记. */
export const planIssueSchema = z.object({
  /** 发文机关标志 with the 发文字号 under it (only printed with a 文号). */
  head: z.boolean().default(true),
  sealed: z.boolean().default(false),
  /** 附注 without parentheses, e.g. 此件主动公开. */
  note: z.string().trim().max(40, '附注不能超过40个字').default(''),
  /** 版记的印发机关, e.g. 某县科学技术局办公室; empty: no 版记. */
  imprintIssuer: z.string().trim().max(60, '印发机关不能超过60个字').default(''),
});
export type PlanIssue = z.output<typeof planIssueSchema>;
export const DEFAULT_PLAN_ISSUE: PlanIssue = { head: true, sealed: false, note: '', imprintIssuer: '' };

export const planSchema = z.object({
  id: idSchema,
  year: yearSchema,
  title: z.string(),
  docNumber: z.string(),
  docDate: isoDateSchema.nullable(),
  intro: z.string(),
  closing: z.array(closingSectionSchema),
  signatureOrg: z.string(),
  issue: planIssueSchema,
  sections: z.array(planSectionSchema),
  sourceDocumentIds: z.array(idSchema),
});
export type Plan = z.infer<typeof planSchema>;

export const planInputSchema = z.object({
  title: z.string().trim().min(1, '请填写方案标题').max(100),
  docNumber: z.string().trim().max(40).default(''),
  docDate: isoDateSchema.nullable().default(null),
  intro: z.string().max(10000).default(''),
  closing: z.array(closingSectionSchema).max(20).default([]),
  signatureOrg: z.string().trim().max(60).default(''),
  issue: planIssueSchema.default(DEFAULT_PLAN_ISSUE),
});

export const taskInputSchema = z
  .object({
    sectionId: idSchema,
    title: z.string().trim().min(1, '请填写工作任务').max(200, '工作任务不能超过200个字'),
    measures: z.string().max(5000, '具体措施不能超过5000个字').default(''),
    deadline: deadlineSchema,
    eventDate: isoDateSchema.nullable().default(null),
    status: taskStatusSchema.default('未开始'),
    statusReason: z.string().trim().max(500).default(''),
    completedOn: isoDateSchema.nullable().default(null),
    ownerId: idSchema.nullable().default(null),
    leadIds: z.array(idSchema).default([]),
    supportIds: z.array(idSchema).default([]),
    pointIds: z.array(idSchema).default([]),
  })
  .superRefine((t, ctx) => {
    if (t.status === '不适用' && !t.statusReason)
      ctx.addIssue({ code: 'custom', message: '标为“不适用”时请写明原因', path: ['statusReason'] });
    if (t.status === '已完成' && !t.completedOn)
      ctx.addIssue({ code: 'custom', message: '标为“已完成”时请填写完成日期', path: ['completedOn'] });
  });
export type TaskInput = z.input<typeof taskInputSchema>;

/** 完成比例 as typed: a whole percentage 0–100; a larger one is refused, never quietly turned into 100. */
const percentSchema = z
  .number('完成比例应为数字')
  .int('完成比例应为整数')
  .min(0, '完成比例不能小于0')
  .max(100, '完成比例不能超过100%')
  .nullable()
  .default(null);
const evidenceLinkSchema = z.object({
  title: z.string().trim().max(200, '链接名称不能超过200个字').default(''),
  url: z.string().trim().min(1, '请填写佐证链接').max(1000, '佐证链接不能超过1000个字'),
});
const evidenceFileSchema = z.object({
  fileName: z.string().min(1, '缺少文件名').max(255, '文件名过长'),
  dataBase64: z.string(),
});

export const progressInputSchema = z.object({
  taskId: idSchema,
  date: isoDateSchema,
  text: z.string().trim().min(1, '请填写进展情况').max(5000, '进展情况不能超过5000个字'),
  percent: percentSchema,
  files: z.array(evidenceFileSchema).max(20, '佐证材料一次最多20个').default([]),
  links: z.array(evidenceLinkSchema).max(20, '佐证链接一次最多20个').default([]),
});
export type ProgressInput = z.input<typeof progressInputSchema>;

/** Correcting a progress entry: its date, words and percentage; evidence added or removed (by evidence id). */
export const progressUpdateSchema = z.object({
  id: idSchema,
  date: isoDateSchema,
  text: z.string().trim().min(1, '请填写进展情况').max(5000, '进展情况不能超过5000个字'),
  percent: percentSchema,
  addFiles: z.array(evidenceFileSchema).max(20, '佐证材料一次最多20个').default([]),
  addLinks: z.array(evidenceLinkSchema).max(20, '佐证链接一次最多20个').default([]),
  removeEvidenceIds: z.array(idSchema).max(100).default([]),
});
export type ProgressUpdate = z.input<typeof progressUpdateSchema>;

export const unitMappingSchema = z.object({
  unit: z.string(),
  /** null: not yet mapped; the task keeps the unit's name and it is listed as unmapped. */
  departmentId: idSchema.nullable(),
  departmentName: z.string().nullable(),
  /** The unit is not the bureau's business (e.g. 各县〔市、区〕政府): ignored when generating. */
  ignored: z.boolean(),
  /** How many points of the chosen documents name it. */
  count: z.number().int(),
  /** Whether this is the user's remembered choice (else a suggestion to confirm). */
  saved: z.boolean(),
  /** 全部科室: the unit stands for every 科室 (saved as such, or suggested for "各科室/各处室"). */
  allDepartments: z.boolean().default(false),
});
export type UnitMapping = z.infer<typeof unitMappingSchema>;

export const taskFilterSchema = z.object({
  year: yearSchema,
  departmentId: idSchema.optional(),
  ownerId: idSchema.optional(),
  status: taskStatusSchema.optional(),
  light: z.enum(LIGHTS).optional(),
  search: z.string().max(50).optional(),
});
export type TaskFilter = z.infer<typeof taskFilterSchema>;

/** The section of a plan that holds last year's unfinished tasks (回头看's 结转, and 沿用上年方案). */
export const CARRY_SECTION = '上年度结转任务';

/** 《…》 and 〔…〕: a document's title or 文号, which names one document and never moves with the year. */
const CITED_PART = /《[^》]*》|〔[^〕]*〕|[（(][^）)]*〔[^〕]*〕[^）)]*[）)]/g;

/**
 * Last year's words for the new year: a year written as the plan year ("2026年科技工作要点") or the year before
 * ("2025年度政府信息公开工作年度报告"), or a date of the year after ("2027年1月31日前"), moves by the years between;
 * other years, and any year inside a cited title or
 * 文号 (《…》, 〔…〕), stay as they are (no document is invented). Returns the text and how many years moved.
 */
export function shiftPlanYears(text: string, fromYear: number, toYear: number): { text: string; moved: number } {
  const by = toYear - fromYear;
  let moved = 0;
  const shift = (part: string) =>
    part.replace(/(?<!\d)(\d{4})(?=\s*年(\s*\d{1,2}\s*月)?)/g, (y, _y, month?: string) => {
      const n = Number(y);
      // The year after the plan year only as a date early in it ("2027年1月31日前公开2026年度报告").
      if (n !== fromYear && n !== fromYear - 1 && !(n === fromYear + 1 && month)) return y;
      moved++;
      return String(n + by);
    });
  let out = '';
  let last = 0;
  for (const m of text.matchAll(CITED_PART)) {
    out += shift(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  out += shift(text.slice(last));
  return { text: out, moved };
}

/** Default plan title: "{年度}年{单位全称}政务公开工作实施方案" (a document the bureau issues names it in full). */
export function defaultPlanTitle(year: number, bureauName: string): string {
  return `${year}年${bureauName}政务公开工作实施方案`;
}

/** Default export file names. */
export const PLAN_EXPORT_NAMES = {
  'plan-docx': (y: number) => `${y}年政务公开工作实施方案.docx`,
  'tasks-xlsx': (y: number) => `${y}年政务公开重点任务分解表.xlsx`,
  'tasks-docx': (y: number) => `${y}年政务公开重点任务分解表.docx`,
  'ledger-xlsx': (y: number) => `${y}年政务公开工作台账.xlsx`,
} as const;
export type PlanExportKind = keyof typeof PLAN_EXPORT_NAMES;
