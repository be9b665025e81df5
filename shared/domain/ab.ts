// AB岗: posts with an A holder and a B backup, 交接 and 备案 of holder changes, 不在岗登记, and the warnings computed
// from them. Entity shapes, input schemas and the pure calculations live here so the services, the renderer and the
// tests share one definition.
import { z } from 'zod';
import { formatChineseDate, formatChineseDateRange } from './dates';
import { optionalText, text } from './fields';
import { idSchema, isoDateSchema } from './files';
import {
  addWorkingDays,
  calendarGapNote,
  countWorkingDays,
  type IsoDate,
  type WorkingDayCalendar,
} from './working-days';

/** A 备案 is "due soon" within this many working days. */
const FILING_DUE_SOON_WORKING_DAYS = 3;

const AB_ROLES = ['A', 'B'] as const;
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

const holderSchema = z.object({
  holdingId: idSchema,
  staffId: idSchema,
  name: z.string(),
  departmentName: z.string().nullable(),
  title: z.string(),
  phone: z.string(),
  staffStatus: z.enum(['在岗', '离岗']),
  startDate: isoDateSchema,
  /** The last day held when the holder steps down on or after the date read (vacant from the next day). */
  endDate: isoDateSchema.nullable(),
  /** Set when the holder is away today: the absence kind and its last day. */
  awayUntil: isoDateSchema.nullable(),
  awayKind: z.string().nullable(),
});
export type Holder = z.infer<typeof holderSchema>;

/** A holder who takes over later than the date the post is read at (a change dated in the future): 待生效. */
const pendingHolderSchema = z.object({
  holdingId: idSchema,
  staffId: idSchema,
  name: z.string(),
  startDate: isoDateSchema,
});
export type PendingHolder = z.infer<typeof pendingHolderSchema>;

/** A post as of one date (`asOf`): who holds A and B on that day, and who takes over after it. */
export const postSchema = z.object({
  id: idSchema,
  name: z.string(),
  duties: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  asOf: isoDateSchema,
  a: holderSchema.nullable(),
  b: holderSchema.nullable(),
  aNext: pendingHolderSchema.nullable(),
  bNext: pendingHolderSchema.nullable(),
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

/** Correcting a mistyped 任职开始日期 of a holding period (recorded in the audit trail). */
export const correctHoldingInputSchema = z.object({
  holdingId: idSchema,
  startDate: isoDateSchema,
  reason: optionalText('更正原因', 200),
});
export type CorrectHoldingInput = z.input<typeof correctHoldingInputSchema>;

const handoverInputSchema = z.object({
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
  /** Set when the 备案 limit's working days run through a year without holiday data (filingCalendarWarning). */
  calendarWarning: z.string().nullable(),
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

/**
 * The note a change's 备案 limit carries (calendarGapNote) when the working days it counts run through a year without
 * holiday data: from the change date to the due date, and while it is not filed, today's count of what is left.
 */
export function filingCalendarWarning(
  c: { changeDate: IsoDate; filingDue: IsoDate; filedDate: IsoDate | null },
  today: IsoDate,
  cal?: WorkingDayCalendar,
): string | null {
  const dates = [c.changeDate, c.filingDue, ...(c.filedDate ? [] : [today])].sort();
  return calendarGapNote(dates[0], dates[dates.length - 1], cal);
}

/**
 * The 备案 due date of a change once the calendar changes (the user entered a year's 放假安排): the same number of
 * working days after the change date, counted on the new calendar. The stored date was counted on the old one.
 */
export function refiledDueDate(
  c: { changeDate: IsoDate; filingDue: IsoDate },
  before: WorkingDayCalendar,
  after: WorkingDayCalendar,
): IsoDate {
  return addWorkingDays(c.changeDate, countWorkingDays(c.changeDate, c.filingDue, before), after);
}

const WARNING_KINDS = [
  'noA',
  'noB',
  'sameAB',
  'holderLeft',
  'bothAway',
  'filingOverdue',
  'filingDueSoon',
  'filingPending',
] as const;
export const teamWarningSchema = z.object({
  kind: z.enum(WARNING_KINDS),
  severity: z.enum(['error', 'warning', 'info']),
  postId: idSchema.nullable(),
  changeId: idSchema.nullable(),
  message: z.string(),
  /** A 备案 warning whose working days run through a year without holiday data: the change's calendarWarning. */
  calendarWarning: z.string().nullable(),
});
export type TeamWarning = z.infer<typeof teamWarningSchema>;

interface WarningInput {
  today: IsoDate;
  posts: Post[];
  /** Absences ending today or later. */
  absences: Absence[];
  /** Changes not yet filed. */
  unfiled: Change[];
  cal?: WorkingDayCalendar;
}

/** The day range both absences cover, or null. */
function overlap(
  a: { startDate: IsoDate; endDate: IsoDate },
  b: { startDate: IsoDate; endDate: IsoDate },
): { from: IsoDate; to: IsoDate } | null {
  const from = a.startDate > b.startDate ? a.startDate : b.startDate;
  const to = a.endDate < b.endDate ? a.endDate : b.endDate;
  return from <= to ? { from, to } : null;
}

/** Everything on the AB screen and the home screen that needs someone's attention, most urgent first. */
export function computeTeamWarnings(input: WarningInput): TeamWarning[] {
  const out: TeamWarning[] = [];
  const { today } = input;
  const postWarn = (kind: TeamWarning['kind'], severity: TeamWarning['severity'], postId: number, message: string) =>
    out.push({ kind, severity, postId, changeId: null, message, calendarWarning: null });
  for (const p of input.posts) {
    if (!p.active) continue;
    if (!p.a) postWarn('noA', 'error', p.id, `“${p.name}”没有A岗人员，请设置。`);
    if (!p.b) postWarn('noB', 'error', p.id, `“${p.name}”没有B岗人员，请设置。`);
    if (p.a && p.b && p.a.staffId === p.b.staffId) {
      postWarn('sameAB', 'error', p.id, `“${p.name}”的A岗和B岗是同一人（${p.a.name}），B岗应由另一人担任。`);
    }
    for (const h of [p.a, p.b]) {
      if (h && h.staffStatus === '离岗') {
        postWarn(
          'holderLeft',
          'error',
          p.id,
          `“${p.name}”的${h === p.a ? 'A' : 'B'}岗人员${h.name}已离岗，请办理人员变动和交接。`,
        );
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
            const span = formatChineseDateRange(o.from, o.to);
            postWarn(
              'bothAway',
              'error',
              p.id,
              `“${p.name}”的A岗${p.a.name}与B岗${p.b.name}在${span}同时不在岗，请调整安排。`,
            );
          }
        }
      }
    }
  }
  for (const c of input.unfiled) {
    const who = `“${c.postName}”${c.role}岗由${c.fromName ?? '（空缺）'}变更为${c.toName}`;
    if (c.filingDue < today) {
      out.push({
        kind: 'filingOverdue',
        severity: 'error',
        postId: c.postId,
        changeId: c.id,
        message: `${who}，备案已逾期（应于${formatChineseDate(c.filingDue)}前备案）。`,
        calendarWarning: c.calendarWarning,
      });
    } else {
      const left = countWorkingDays(today, c.filingDue, input.cal);
      const soon = left <= FILING_DUE_SOON_WORKING_DAYS;
      out.push({
        kind: soon ? 'filingDueSoon' : 'filingPending',
        severity: soon ? 'warning' : 'info',
        postId: c.postId,
        changeId: c.id,
        message: `${who}，待备案，截止${formatChineseDate(c.filingDue)}（${left === 0 ? '今天到期' : `还剩${left}个工作日`}）。`,
        calendarWarning: c.calendarWarning,
      });
    }
  }
  return out.sort((x, y) => KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind));
}

/** Most pressing first: time limits already missed, people gone, gaps in cover, then what is merely due or missing. */
const KIND_ORDER: readonly TeamWarning['kind'][] = [
  'filingOverdue',
  'holderLeft',
  'bothAway',
  'sameAB',
  'filingDueSoon',
  'filingPending',
  'noA',
  'noB',
];

/** One row of an AB岗设置表 being imported: what it would do, and why it cannot (errors block the import). */
const abImportRowSchema = z.object({
  row: z.number().int(),
  post: z.string(),
  duties: z.string(),
  /** "张三（办公室 主任）", null when the role is vacant in the table. */
  a: z.string().nullable(),
  b: z.string().nullable(),
  /** 新增岗位 / 已有岗位 (its holders set where vacant, its duties taken from the table). */
  action: z.enum(['新增岗位', '已有岗位']),
  errors: z.array(z.string()),
});
export type AbImportRow = z.infer<typeof abImportRowSchema>;

export const abImportPreviewSchema = z.object({
  fileName: z.string(),
  sheetName: z.string(),
  /** The day the table was as of ("截至…"), offered as the holders' 任职开始日期. */
  asOf: z.string().nullable(),
  rows: z.array(abImportRowSchema),
  validCount: z.number().int(),
  errorCount: z.number().int(),
});
export type AbImportPreview = z.infer<typeof abImportPreviewSchema>;

/**
 * What a person marked 离岗 leaves behind in the AB岗 (the posts as read today, `ab.posts`): "杨帆仍是“政务公开联络员”的
 * A岗、“网站与政务新媒体管理员”的B岗，请到“AB岗”办理交接。", or '' when they hold none. A role whose successor is already
 * registered (a change dated later: aNext/bNext) is not named — its 交接 is arranged.
 */
export function handoverNotice(staffId: number, name: string, posts: readonly Post[]): string {
  const held = posts
    .filter((p) => p.active)
    .map((p) => {
      const roles = [
        p.a?.staffId === staffId && !p.aNext ? 'A' : null,
        p.b?.staffId === staffId && !p.bNext ? 'B' : null,
      ].filter((r) => r !== null);
      return roles.length ? `“${p.name}”的${roles.join('岗和')}岗` : null;
    })
    .filter((t) => t !== null);
  return held.length ? `${name}仍是${held.join('、')}，请到“AB岗”办理交接。` : '';
}

/**
 * A role of an active post that nobody on duty holds on a day (a period's end): vacant, or still held by someone
 * marked 离岗 in 人员 without a 交接 (main/services/team/left.ts). The 总结's lists carry them (`abGaps`).
 */
export interface AbGap {
  post: string;
  role: AbRole;
  /** The holder who has left without a 交接, or null when the role is vacant. */
  leftName: string | null;
}

const quotedPost = (s: string) => `“${s}”`;

/** "“甲”“乙”", or "“甲”“乙”等5个岗位" past three. */
function postsPhrase(posts: readonly string[]): string {
  return posts.length > 3
    ? `${posts.slice(0, 2).map(quotedPost).join('')}等${posts.length}个岗位`
    : posts.map(quotedPost).join('');
}

/** Each post with the roles of it in `gaps` ("A岗、B岗"), in the order first met. */
function rolesByPost(gaps: readonly AbGap[]): Map<string, string> {
  const out = new Map<string, string[]>();
  for (const g of gaps) out.set(g.post, [...(out.get(g.post) ?? []), `${g.role}岗`]);
  return new Map([...out].map(([post, roles]) => [post, roles.join('、')]));
}

/** The people gone, each with what they still hold: "“政务公开工作负责人”B岗、“信息发布审核员”A岗等4个岗位". */
function leftHoldings(gaps: readonly AbGap[]): { name: string; held: string; count: number }[] {
  const names = [...new Set(gaps.map((g) => g.leftName).filter((n) => n !== null))];
  return names.map((name) => {
    const items = [...rolesByPost(gaps.filter((g) => g.leftName === name))].map(([post, roles]) => `“${post}”${roles}`);
    return {
      name,
      held: items.length > 3 ? `${items.slice(0, 2).join('、')}等${items.length}个岗位` : items.join('、'),
      count: items.length,
    };
  });
}

/**
 * The gaps in words, for a 总结: "“保密审查员”尚未配备B岗", "吴志刚已离岗，所任“政务公开工作负责人”B岗、“信息发布审核员”A岗等
 * 4个岗位尚待办理交接"; '' without gaps.
 */
export function abGapsText(gaps: readonly AbGap[]): string {
  const byLabel = new Map<string, string[]>();
  for (const [post, roles] of rolesByPost(gaps.filter((g) => g.leftName === null)))
    byLabel.set(roles, [...(byLabel.get(roles) ?? []), post]);
  return [
    ...[...byLabel].map(([roles, posts]) => `${postsPhrase(posts)}尚未配备${roles}`),
    ...leftHoldings(gaps).map((l) => `${l.name}已离岗，所任${l.held}尚待办理交接`),
  ].join('，');
}

/** What the 下一步 does about the gaps: "为“保密审查员”配备B岗人员；为吴志刚所任的4个岗位另行确定人员，办理交接和备案". */
export function abGapsPlan(gaps: readonly AbGap[]): string {
  const byLabel = new Map<string, string[]>();
  for (const [post, roles] of rolesByPost(gaps.filter((g) => g.leftName === null)))
    byLabel.set(roles, [...(byLabel.get(roles) ?? []), post]);
  return [
    ...[...byLabel].map(([roles, posts]) => `为${postsPhrase(posts)}配备${roles}人员`),
    ...leftHoldings(gaps).map(
      (l) => `为${l.name}所任${l.count > 1 ? `的${l.count}个岗位` : l.held}另行确定人员，办理交接和备案`,
    ),
  ].join('；');
}
