// 培训台账 with its yearly requirement: entity shapes, input schemas and the requirement calculation.
import { z } from 'zod';
import { optionalText, text } from './fields';
import { idSchema, isoDateSchema } from './files';
import type { TeamSettings } from './team-settings';

export const TRAINING_KINDS = ['政务公开专题培训', '业务学习', '参加上级培训', '其他'] as const;
export const TRAINING_FORMS = ['集中授课', '会议', '视频', '线上', '自学'] as const;
export const TRAINING_STATUSES = ['已举办', '计划'] as const;
export const SPECIAL_TRAINING_KIND = TRAINING_KINDS[0];

/** Hours as a number with at most one decimal (stored as tenths so sums are exact). */
const hoursSchema = z
  .number('请填写学时')
  .gt(0, '学时必须大于0')
  .max(200, '学时不能超过200')
  .refine((h) => Math.abs(Math.round(h * 10) - h * 10) < 1e-9, '学时最多保留一位小数');

const attendeeInputSchema = z.object({ staffId: idSchema, present: z.boolean().default(true) });

export const trainingInputSchema = z.object({
  date: isoDateSchema,
  title: text('培训名称', 100),
  kind: z.enum(TRAINING_KINDS, '请选择培训类别'),
  form: z.enum(TRAINING_FORMS, '请选择培训形式'),
  status: z.enum(TRAINING_STATUSES).default('已举办'),
  organiser: optionalText('主办单位', 100),
  trainer: optionalText('授课人', 60),
  place: optionalText('地点', 100),
  hours: hoursSchema,
  summary: optionalText('内容摘要', 4000),
  attendees: z.array(attendeeInputSchema).max(500).default([]),
});
export type TrainingInput = z.input<typeof trainingInputSchema>;

const attendeeSchema = z.object({
  staffId: idSchema,
  name: z.string(),
  departmentName: z.string().nullable(),
  title: z.string(),
  staffStatus: z.enum(['在岗', '离岗']),
  present: z.boolean(),
});

const trainingFileSchema = z.object({
  attachmentId: idSchema,
  fileName: z.string(),
  sizeBytes: z.number().int(),
  kind: z.enum(['材料', '照片']),
});

export const trainingSchema = z.object({
  id: idSchema,
  date: isoDateSchema,
  title: z.string(),
  kind: z.enum(TRAINING_KINDS),
  form: z.enum(TRAINING_FORMS),
  status: z.enum(TRAINING_STATUSES),
  organiser: z.string(),
  trainer: z.string(),
  place: z.string(),
  hours: z.number(),
  summary: z.string(),
  attendees: z.array(attendeeSchema),
  files: z.array(trainingFileSchema),
});
export type Training = z.infer<typeof trainingSchema>;

const personHoursSchema = z.object({
  staffId: idSchema,
  name: z.string(),
  departmentName: z.string().nullable(),
  inTeam: z.boolean(),
  trainings: z.number().int(),
  hours: z.number(),
  met: z.boolean().nullable(),
});
type PersonHours = z.infer<typeof personHoursSchema>;

export const trainingRequirementSchema = z.object({
  year: z.number().int(),
  minSpecial: z.number().int(),
  specialHeld: z.number().int(),
  minHours: z.number(),
  /** Team members below the hours requirement (empty when there is none). */
  shortOfHours: z.array(z.string()),
  met: z.boolean(),
  message: z.string(),
  people: z.array(personHoursSchema),
});
export type TrainingRequirement = z.infer<typeof trainingRequirementSchema>;

/** Hours from tenths, as shown ("1.5"). */
export function hoursFromTenths(t: number): number {
  return Math.round(t) / 10;
}
export function hoursToTenths(h: number): number {
  return Math.round(h * 10);
}

interface RequirementInput {
  year: number;
  /** The year is over (today is after 31 December): a requirement not met is 未达到, no longer 尚未达到. */
  ended?: boolean;
  settings: Pick<TeamSettings, 'minSpecialTrainings' | 'minHoursPerPerson'>;
  /** Held trainings of the year with their attendees. */
  trainings: {
    kind: string;
    status: string;
    hoursTenths: number;
    attendees: { staffId: number; present: boolean }[];
  }[];
  /** The people to list: team members (current A/B holders) and everyone who attended. */
  people: { staffId: number; name: string; departmentName: string | null; inTeam: boolean }[];
}

/** Whether the year's training requirement is met, and each person's hours (summed in tenths, exact). */
export function computeTrainingRequirement(input: RequirementInput): TrainingRequirement {
  const held = input.trainings.filter((t) => t.status === '已举办');
  const specialHeld = held.filter((t) => t.kind === SPECIAL_TRAINING_KIND).length;
  const tenths = new Map<number, number>();
  const counts = new Map<number, number>();
  for (const t of held) {
    for (const a of t.attendees) {
      if (!a.present) continue;
      tenths.set(a.staffId, (tenths.get(a.staffId) ?? 0) + t.hoursTenths);
      counts.set(a.staffId, (counts.get(a.staffId) ?? 0) + 1);
    }
  }
  const minHours = input.settings.minHoursPerPerson;
  const minTenths = hoursToTenths(minHours);
  const people: PersonHours[] = input.people.map((p) => {
    const t = tenths.get(p.staffId) ?? 0;
    return {
      staffId: p.staffId,
      name: p.name,
      departmentName: p.departmentName,
      inTeam: p.inTeam,
      trainings: counts.get(p.staffId) ?? 0,
      hours: hoursFromTenths(t),
      met: minTenths > 0 && p.inTeam ? t >= minTenths : null,
    };
  });
  const shortOfHours = people.filter((p) => p.met === false).map((p) => p.name);
  const minSpecial = input.settings.minSpecialTrainings;
  const specialOk = specialHeld >= minSpecial;
  const met = specialOk && shortOfHours.length === 0;
  const parts: string[] = [];
  // None held is said as such ("未开展"), never "已开展…0次"; no requirement set is not "要求至少0次".
  const done = specialHeld ? `已开展政务公开专题培训${specialHeld}次` : '未开展政务公开专题培训';
  parts.push(
    minSpecial <= 0
      ? `${input.year}年${done}（未设置专题培训次数要求）。`
      : specialOk
        ? `${input.year}年${done}（要求至少${minSpecial}次），已达到要求。`
        : `${input.year}年${done}，要求至少${minSpecial}次，${input.ended ? '未' : '尚未'}达到要求。`,
  );
  if (minTenths > 0) {
    parts.push(
      shortOfHours.length
        ? `队伍成员每人学时不少于${minHours}学时，${shortOfHours.join('、')}未达到。`
        : `队伍成员每人学时均不少于${minHours}学时。`,
    );
  }
  return { year: input.year, minSpecial, specialHeld, minHours, shortOfHours, met, message: parts.join(''), people };
}

// ---- 培训台账 read in from Excel (training.importPreview / training.importCommit) ----

/**
 * A 类别 as an office writes it, as one of the ledger's; '' (no 类别 column, or blank) is judged from the 培训名称.
 * `guessed` says the words did not name one of the ledger's 类别 exactly (the preview says so).
 */
export function trainingKindOf(
  written: string,
  title: string,
): { kind: (typeof TRAINING_KINDS)[number]; guessed: boolean } {
  const w = written.replace(/\s/g, '');
  const exact = TRAINING_KINDS.find((k) => k === w);
  if (exact) return { kind: exact, guessed: false };
  const t = w || title;
  if (/上级|省|市|参加|参训/.test(w) || (!w && /^参加/.test(title))) return { kind: '参加上级培训', guessed: true };
  if (/(政务公开|信息公开|政府信息)/.test(t) && /培训|专题|讲座|辅导/.test(t))
    return { kind: '政务公开专题培训', guessed: true };
  if (/学习|业务/.test(t)) return { kind: '业务学习', guessed: true };
  return { kind: '其他', guessed: true };
}

/** A 形式 as written, as one of the ledger's ('' is 集中授课, the usual one); `guessed` as for trainingKindOf. */
export function trainingFormOf(written: string): { form: (typeof TRAINING_FORMS)[number]; guessed: boolean } {
  const w = written.replace(/\s/g, '');
  const exact = TRAINING_FORMS.find((f) => f === w);
  if (exact) return { form: exact, guessed: false };
  if (/视频/.test(w)) return { form: '视频', guessed: true };
  if (/线上|网络|网上|在线|直播/.test(w)) return { form: '线上', guessed: true };
  if (/自学/.test(w)) return { form: '自学', guessed: true };
  if (/会/.test(w)) return { form: '会议', guessed: true };
  return { form: '集中授课', guessed: true };
}

/** One row of a 培训台账 being imported: what it becomes, what was judged for it, and what keeps it out. */
const trainingImportRowSchema = z.object({
  row: z.number().int(),
  date: z.string(),
  title: z.string(),
  kind: z.string(),
  form: z.string(),
  hours: z.number(),
  status: z.enum(TRAINING_STATUSES),
  /** "实到3人：张三、李四、王五；缺席：赵六", or what the sheet says instead. */
  people: z.string(),
  /** 新增, or 已在台账中 (the same date and 培训名称 is already kept: skipped, so a file can be imported again). */
  action: z.enum(['新增', '已在台账中']),
  /** What was judged for the row (类别 from the name, 参训人数 and the names disagreeing): imported as shown. */
  notes: z.array(z.string()),
  errors: z.array(z.string()),
});
export type TrainingImportRow = z.infer<typeof trainingImportRowSchema>;

export const trainingImportPreviewSchema = z.object({
  fileName: z.string(),
  sheetName: z.string(),
  /** Whether the sheet names who attended (else the trainings are imported without attendees). */
  hasNames: z.boolean(),
  rows: z.array(trainingImportRowSchema),
  newCount: z.number().int(),
  validCount: z.number().int(),
  errorCount: z.number().int(),
});
export type TrainingImportPreview = z.infer<typeof trainingImportPreviewSchema>;
