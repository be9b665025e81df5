// 政务公开队伍: AB岗 (posts with an A holder and a B backup), 交接 and 备案 of holder changes, 不在岗登记, and the
// 培训台账 with its yearly requirement. Entity shapes, input schemas and the pure calculations (warnings, filing due
// date, requirement) live here so the services, the renderer and the tests share one definition.
import { z } from 'zod';
import { idSchema, isoDateSchema } from './files';
import { addWorkingDays, countWorkingDays, toDayNumber, type IsoDate, type WorkingDayCalendar } from './working-days';

const text = (label: string, max = 100) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`);
const optionalText = (label: string, max = 100) => z.string().trim().max(max, `${label}不能超过${max}个字`).default('');

// ---------------------------------------------------------------------------------------------------------------
// Settings

export const TEAM_SETTING = {
  /** 备案 due: N working days after the change date. */
  filingWorkingDays: 'team.filingWorkingDays',
  /** At least this many held 政务公开专题培训 a year. */
  minSpecialTrainings: 'team.training.minSpecial',
  /** Hours each team member (current A/B holder) should have in the year; 0 = no hours requirement. */
  minHoursPerPerson: 'team.training.minHours',
} as const;

export const TEAM_DEFAULTS = { filingWorkingDays: 5, minSpecialTrainings: 1, minHoursPerPerson: 0 } as const;

/** A 备案 is "due soon" within this many working days. */
export const FILING_DUE_SOON_WORKING_DAYS = 3;

export interface TeamSettings {
  filingWorkingDays: number;
  minSpecialTrainings: number;
  minHoursPerPerson: number;
}

export const teamSettingsSchema = z.object({
  filingWorkingDays: z.number().int('备案工作日数应为整数').min(1, '备案工作日数至少为1').max(60, '备案工作日数不能超过60'),
  minSpecialTrainings: z.number().int('专题培训次数应为整数').min(0, '专题培训次数不能为负').max(24, '专题培训次数不能超过24'),
  minHoursPerPerson: z.number().min(0, '学时不能为负').max(500, '学时不能超过500'),
});

/** Reads the settings from the key/value table, with defaults for missing or unreadable values. */
export function readTeamSettings(values: Record<string, string | undefined>): TeamSettings {
  const num = (key: string, def: number) => {
    const v = values[key];
    const n = v === undefined || v.trim() === '' ? NaN : Number(v);
    return Number.isFinite(n) && n >= 0 ? n : def;
  };
  return {
    filingWorkingDays: Math.max(1, Math.round(num(TEAM_SETTING.filingWorkingDays, TEAM_DEFAULTS.filingWorkingDays))),
    minSpecialTrainings: Math.round(num(TEAM_SETTING.minSpecialTrainings, TEAM_DEFAULTS.minSpecialTrainings)),
    minHoursPerPerson: num(TEAM_SETTING.minHoursPerPerson, TEAM_DEFAULTS.minHoursPerPerson),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// AB岗

export const AB_ROLES = ['A', 'B'] as const;
export const abRoleSchema = z.enum(AB_ROLES);
export type AbRole = z.infer<typeof abRoleSchema>;

/** The posts a new workstation starts with (the user can rename, edit duties, add and deactivate). */
export const DEFAULT_POSTS: readonly { name: string; duties: string }[] = [
  { name: '政务公开分管领导', duties: '分管本单位政务公开工作，审定年度实施方案、年度报告和重要信息的发布。' },
  { name: '政务公开工作负责人', duties: '组织实施本单位政务公开工作，统筹任务分解、督促落实和考核自查。' },
  { name: '政务公开联络员', duties: '承担与上级政务公开工作机构的日常联络，报送信息和材料，跟踪工作要点落实。' },
  { name: '信息发布审核员', duties: '对拟公开的政府信息进行发布前审核，落实“先审后发”。' },
  { name: '网站与政务新媒体管理员', duties: '负责政府网站栏目和政务新媒体的内容维护、更新和日常巡查。' },
  { name: '依申请公开办理员', duties: '受理、登记、办理政府信息公开申请，按期答复并归档。' },
  { name: '保密审查员', duties: '对拟公开信息进行保密审查，防止泄露国家秘密、工作秘密和个人隐私。' },
];

export const postInputSchema = z.object({
  name: text('岗位名称', 40),
  duties: optionalText('岗位职责', 1000),
});
export type PostInput = z.input<typeof postInputSchema>;

export const holderSchema = z.object({
  holdingId: idSchema,
  staffId: idSchema,
  name: z.string(),
  departmentName: z.string().nullable(),
  title: z.string(),
  phone: z.string(),
  staffStatus: z.enum(['在岗', '离岗']),
  startDate: isoDateSchema,
  /** Set when the holder is away today: the absence kind and its last day. */
  awayUntil: isoDateSchema.nullable(),
  awayKind: z.string().nullable(),
});
export type Holder = z.infer<typeof holderSchema>;

export const postSchema = z.object({
  id: idSchema,
  name: z.string(),
  duties: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  a: holderSchema.nullable(),
  b: holderSchema.nullable(),
});
export type Post = z.infer<typeof postSchema>;

/** One period a person held a role of a post (history is kept as periods, never overwritten). */
export const holdingSchema = z.object({
  id: idSchema,
  postId: idSchema,
  role: abRoleSchema,
  staffId: idSchema,
  name: z.string(),
  startDate: isoDateSchema,
  /** Last day held; null while current. */
  endDate: isoDateSchema.nullable(),
  changeId: idSchema.nullable(),
});
export type Holding = z.infer<typeof holdingSchema>;

export const assignInputSchema = z.object({
  postId: idSchema,
  role: abRoleSchema,
  staffId: idSchema,
  startDate: isoDateSchema,
});
export type AssignInput = z.input<typeof assignInputSchema>;

export const handoverInputSchema = z.object({
  date: isoDateSchema,
  items: text('交接事项', 2000),
  transitionEnd: isoDateSchema.nullable().default(null),
  note: optionalText('交接备注', 1000),
});

export const changeInputSchema = z.object({
  postId: idSchema,
  role: abRoleSchema,
  toStaffId: idSchema,
  changeDate: isoDateSchema,
  reason: optionalText('变动原因', 200),
  handover: handoverInputSchema,
});
export type ChangeInput = z.input<typeof changeInputSchema>;

export const filingInputSchema = z.object({
  changeId: idSchema,
  filedDate: isoDateSchema,
  filedTo: text('备案单位', 100),
  docNumber: optionalText('备案文号', 60),
});
export type FilingInput = z.input<typeof filingInputSchema>;

export const changeSchema = z.object({
  id: idSchema,
  postId: idSchema,
  postName: z.string(),
  role: abRoleSchema,
  changeDate: isoDateSchema,
  fromStaffId: idSchema.nullable(),
  fromName: z.string().nullable(),
  toStaffId: idSchema,
  toName: z.string(),
  reason: z.string(),
  handoverDate: isoDateSchema,
  handoverItems: z.string(),
  transitionEnd: isoDateSchema.nullable(),
  handoverNote: z.string(),
  filingDue: isoDateSchema,
  filedDate: isoDateSchema.nullable(),
  filedTo: z.string(),
  filedDocNumber: z.string(),
});
export type Change = z.infer<typeof changeSchema>;

export const ABSENCE_KINDS = ['出差', '开会', '学习', '培训', '休假', '病假', '事假', '其他'] as const;
export const absenceInputSchema = z.object({
  staffId: idSchema,
  kind: z.enum(ABSENCE_KINDS, '请选择不在岗类型'),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  note: optionalText('备注', 200),
});
export type AbsenceInput = z.input<typeof absenceInputSchema>;

export const absenceSchema = z.object({
  id: idSchema,
  staffId: idSchema,
  name: z.string(),
  kind: z.string(),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  note: z.string(),
});
export type Absence = z.infer<typeof absenceSchema>;

/** 备案 due date: the change date plus N working days on the working-day calendar. */
export function filingDueDate(changeDate: IsoDate, workingDays: number, cal?: WorkingDayCalendar): IsoDate {
  return addWorkingDays(changeDate, workingDays, cal);
}

export const WARNING_KINDS = ['noA', 'noB', 'sameAB', 'holderLeft', 'bothAway', 'filingOverdue', 'filingDueSoon', 'filingPending'] as const;
export const teamWarningSchema = z.object({
  kind: z.enum(WARNING_KINDS),
  severity: z.enum(['error', 'warning', 'info']),
  postId: idSchema.nullable(),
  changeId: idSchema.nullable(),
  message: z.string(),
});
export type TeamWarning = z.infer<typeof teamWarningSchema>;

export interface WarningInput {
  today: IsoDate;
  posts: Post[];
  /** Absences ending today or later. */
  absences: Absence[];
  /** Changes not yet filed. */
  unfiled: Change[];
  cal?: WorkingDayCalendar;
}

/** The day range both absences cover, or null. */
function overlap(a: { startDate: IsoDate; endDate: IsoDate }, b: { startDate: IsoDate; endDate: IsoDate }): { from: IsoDate; to: IsoDate } | null {
  const from = a.startDate > b.startDate ? a.startDate : b.startDate;
  const to = a.endDate < b.endDate ? a.endDate : b.endDate;
  return from <= to ? { from, to } : null;
}

/** Everything on the AB screen and the home screen that needs someone's attention, most urgent first. */
export function computeTeamWarnings(input: WarningInput): TeamWarning[] {
  const out: TeamWarning[] = [];
  const { today } = input;
  const postWarn = (kind: TeamWarning['kind'], severity: TeamWarning['severity'], postId: number, message: string) =>
    out.push({ kind, severity, postId, changeId: null, message });
  for (const p of input.posts) {
    if (!p.active) continue;
    if (!p.a) postWarn('noA', 'error', p.id, `“${p.name}”没有A岗人员，请设置。`);
    if (!p.b) postWarn('noB', 'error', p.id, `“${p.name}”没有B岗人员，请设置。`);
    if (p.a && p.b && p.a.staffId === p.b.staffId) {
      postWarn('sameAB', 'error', p.id, `“${p.name}”的A岗和B岗是同一人（${p.a.name}），B岗应由另一人担任。`);
    }
    for (const h of [p.a, p.b]) {
      if (h && h.staffStatus === '离岗') {
        postWarn('holderLeft', 'error', p.id, `“${p.name}”的${h === p.a ? 'A' : 'B'}岗人员${h.name}已离岗，请办理人员变动和交接。`);
      }
    }
    if (p.a && p.b && p.a.staffId !== p.b.staffId) {
      const aAway = input.absences.filter((x) => x.staffId === p.a!.staffId && x.endDate >= today);
      const bAway = input.absences.filter((x) => x.staffId === p.b!.staffId && x.endDate >= today);
      let found = false;
      for (const x of aAway) {
        for (const y of bAway) {
          const o = overlap(x, y);
          if (o && !found) {
            found = true;
            const span = o.from === o.to ? o.from : `${o.from} 至 ${o.to}`;
            postWarn('bothAway', 'error', p.id, `“${p.name}”的A岗${p.a.name}与B岗${p.b.name}在 ${span} 同时不在岗，请调整安排。`);
          }
        }
      }
    }
  }
  for (const c of input.unfiled) {
    const who = `“${c.postName}”${c.role}岗由${c.fromName ?? '（空缺）'}变更为${c.toName}`;
    if (c.filingDue < today) {
      out.push({ kind: 'filingOverdue', severity: 'error', postId: c.postId, changeId: c.id, message: `${who}，备案已逾期（应于 ${c.filingDue} 前备案）。` });
    } else {
      const left = countWorkingDays(today, c.filingDue, input.cal);
      const soon = left <= FILING_DUE_SOON_WORKING_DAYS;
      out.push({
        kind: soon ? 'filingDueSoon' : 'filingPending', severity: soon ? 'warning' : 'info', postId: c.postId, changeId: c.id,
        message: `${who}，待备案，截止 ${c.filingDue}（${left === 0 ? '今天到期' : `还剩${left}个工作日`}）。`,
      });
    }
  }
  return out.sort((x, y) => KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind));
}

/** Most pressing first: time limits already missed, people gone, gaps in cover, then what is merely due or missing. */
const KIND_ORDER: readonly TeamWarning['kind'][] = ['filingOverdue', 'holderLeft', 'bothAway', 'sameAB', 'filingDueSoon', 'filingPending', 'noA', 'noB'];

/**
 * For the home screen: every time-limited item on its own line, the vacancies folded into one line so that a new
 * installation (seven posts, none filled) does not bury a 备案 that is due.
 */
export function summariseWarnings(warnings: TeamWarning[], posts: { id: number; name: string }[]): { severity: TeamWarning['severity']; message: string }[] {
  const vacant = new Set(warnings.filter((w) => w.kind === 'noA' || w.kind === 'noB').map((w) => w.postId));
  const out: { severity: TeamWarning['severity']; message: string }[] = warnings.filter((w) => w.kind !== 'noA' && w.kind !== 'noB')
    .map((w) => ({ severity: w.severity, message: w.message }));
  if (vacant.size) {
    const names = posts.filter((p) => vacant.has(p.id)).map((p) => p.name);
    out.push({ severity: 'error', message: `${names.length}个岗位尚未配齐A岗和B岗：${names.join('、')}。` });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// 培训

export const TRAINING_KINDS = ['政务公开专题培训', '业务学习', '参加上级培训', '其他'] as const;
export const TRAINING_FORMS = ['集中授课', '会议', '视频', '线上', '自学'] as const;
export const TRAINING_STATUSES = ['已举办', '计划'] as const;
export const SPECIAL_TRAINING_KIND = TRAINING_KINDS[0];

/** Hours as a number with at most one decimal (stored as tenths so sums are exact). */
const hoursSchema = z.number('请填写学时').gt(0, '学时必须大于0').max(200, '学时不能超过200')
  .refine((h) => Math.abs(Math.round(h * 10) - h * 10) < 1e-9, '学时最多保留一位小数');

export const attendeeInputSchema = z.object({ staffId: idSchema, present: z.boolean().default(true) });

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

export const attendeeSchema = z.object({
  staffId: idSchema,
  name: z.string(),
  departmentName: z.string().nullable(),
  title: z.string(),
  staffStatus: z.enum(['在岗', '离岗']),
  present: z.boolean(),
});
export type Attendee = z.infer<typeof attendeeSchema>;

export const trainingFileSchema = z.object({
  attachmentId: idSchema,
  fileName: z.string(),
  sizeBytes: z.number().int(),
  kind: z.enum(['材料', '照片']),
});
export type TrainingFile = z.infer<typeof trainingFileSchema>;

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

export const personHoursSchema = z.object({
  staffId: idSchema,
  name: z.string(),
  departmentName: z.string().nullable(),
  inTeam: z.boolean(),
  trainings: z.number().int(),
  hours: z.number(),
  met: z.boolean().nullable(),
});
export type PersonHours = z.infer<typeof personHoursSchema>;

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

export interface RequirementInput {
  year: number;
  settings: Pick<TeamSettings, 'minSpecialTrainings' | 'minHoursPerPerson'>;
  /** Held trainings of the year with their attendees. */
  trainings: { kind: string; status: string; hoursTenths: number; attendees: { staffId: number; present: boolean }[] }[];
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
      staffId: p.staffId, name: p.name, departmentName: p.departmentName, inTeam: p.inTeam,
      trainings: counts.get(p.staffId) ?? 0, hours: hoursFromTenths(t),
      met: minTenths > 0 && p.inTeam ? t >= minTenths : null,
    };
  });
  const shortOfHours = people.filter((p) => p.met === false).map((p) => p.name);
  const minSpecial = input.settings.minSpecialTrainings;
  const specialOk = specialHeld >= minSpecial;
  const met = specialOk && shortOfHours.length === 0;
  const parts: string[] = [];
  parts.push(specialOk
    ? `${input.year}年已开展政务公开专题培训${specialHeld}次（要求至少${minSpecial}次），已达到要求。`
    : `${input.year}年已开展政务公开专题培训${specialHeld}次，要求至少${minSpecial}次，尚未达到要求。`);
  if (minTenths > 0) {
    parts.push(shortOfHours.length
      ? `队伍成员每人学时不少于${minHours}学时，${shortOfHours.join('、')}未达到。`
      : `队伍成员每人学时均不少于${minHours}学时。`);
  }
  return { year: input.year, minSpecial, specialHeld, minHours, shortOfHours, met, message: parts.join(''), people };
}

/** Whether a date lies after today (a training in the future cannot be marked 已举办). */
export function isAfter(date: IsoDate, today: IsoDate): boolean {
  return toDayNumber(date) > toDayNumber(today);
}

/** Whole-day ISO date of a local clock time. */
export function localIsoDate(d: Date): IsoDate {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
