// AB岗: posts, holder periods, changes with 交接 and 备案, absences, and the warnings computed from them.
// Every user action is one transaction with its audit entry; history lives in ab_holding as dated periods.
import { sql, type Transaction } from 'kysely';
import {
  absenceInputSchema,
  assignInputSchema,
  changeInputSchema,
  computeTeamWarnings,
  correctHoldingInputSchema,
  filingCalendarWarning,
  filingDueDate,
  filingInputSchema,
  refiledDueDate,
  postInputSchema,
  type Absence,
  type AbsenceInput,
  type AbRole,
  type AssignInput,
  type Change,
  type ChangeInput,
  type CorrectHoldingInput,
  type FilingInput,
  type Holder,
  type Holding,
  type PendingHolder,
  type Post,
  type PostInput,
  type TeamWarning,
} from '../../../shared/domain/ab';
import { addDays, toDayNumber, type WorkingDayCalendar } from '../../../shared/domain/working-days';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import type { Database } from '../../db/schema';
import { diffRecords, nowText, recordAudit } from '../audit';
import { assertNameFree } from '../unique-name';
import type { CalendarFollower } from '../calendar';
import type { AppContext } from '../workstation';
import { getTeamSettings, workingDayCalendar } from './common';
import { formatChineseDate, todayOf } from '../../../shared/domain/dates';
import { validateInput } from '../validate';

type Db = AppContext['db'] | Transaction<Database>;

function invalid(message: string): AppError {
  return new AppError(ErrorCode.VALIDATION, message);
}

function assertRealDate(date: string, label: string): void {
  try {
    toDayNumber(date);
  } catch {
    throw invalid(`${label}“${date}”不是有效日期。`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Posts

/**
 * The posts as of one date (today unless asked): the A and B holder whose period covers that day, and the holder
 * who takes over after it (a change dated later shows as 待生效 with its date, not as already in post).
 */
export async function listPosts(
  ctx: AppContext,
  opts: { includeInactive?: boolean; today?: string } = {},
): Promise<Post[]> {
  const asOf = opts.today ?? todayOf(ctx);
  assertRealDate(asOf, '截至日期');
  let q = ctx.db.selectFrom('ab_post').selectAll();
  if (!opts.includeInactive) q = q.where('active', '=', 1);
  const posts = await q.orderBy('sort_order').orderBy('id').execute();
  const holdings = await ctx.db
    .selectFrom('ab_holding as h')
    .innerJoin('staff as s', 's.id', 'h.staff_id')
    .leftJoin('department as d', 'd.id', 's.department_id')
    .select([
      'h.id',
      'h.post_id',
      'h.role',
      'h.staff_id',
      'h.start_date',
      'h.end_date',
      's.name',
      's.title',
      's.phone',
      's.status',
      'd.name as department_name',
    ])
    .where((eb) => eb.or([eb('h.end_date', 'is', null), eb('h.end_date', '>=', asOf)]))
    .orderBy('h.start_date')
    .execute();
  const away = await ctx.db
    .selectFrom('ab_absence')
    .select(['staff_id', 'kind', 'end_date'])
    .where('start_date', '<=', asOf)
    .where('end_date', '>=', asOf)
    .orderBy('end_date', 'desc')
    .execute();
  const awayOf = new Map<number, { kind: string; end: string }>();
  for (const a of away) if (!awayOf.has(a.staff_id)) awayOf.set(a.staff_id, { kind: a.kind, end: a.end_date });
  const holderOf = (postId: number, role: AbRole): Holder | null => {
    const h = holdings.find((x) => x.post_id === postId && x.role === role && x.start_date <= asOf);
    if (!h) return null;
    const aw = awayOf.get(h.staff_id);
    return {
      holdingId: h.id,
      staffId: h.staff_id,
      name: h.name,
      departmentName: h.department_name ?? null,
      title: h.title,
      phone: h.phone,
      staffStatus: h.status,
      startDate: h.start_date,
      endDate: h.end_date,
      awayUntil: aw?.end ?? null,
      awayKind: aw?.kind ?? null,
    };
  };
  const nextOf = (postId: number, role: AbRole): PendingHolder | null => {
    const h = holdings.find((x) => x.post_id === postId && x.role === role && x.start_date > asOf);
    return h ? { holdingId: h.id, staffId: h.staff_id, name: h.name, startDate: h.start_date } : null;
  };
  return posts.map((p) => ({
    id: p.id,
    name: p.name,
    duties: p.duties,
    sortOrder: p.sort_order,
    active: p.active === 1,
    asOf,
    a: holderOf(p.id, 'A'),
    b: holderOf(p.id, 'B'),
    aNext: nextOf(p.id, 'A'),
    bNext: nextOf(p.id, 'B'),
  }));
}

/** The last, still open period of a role (whatever its start date): the one a change or a stepping down ends. */
async function openHolding(
  db: Db,
  postId: number,
  role: AbRole,
): Promise<{ holdingId: number; staffId: number; name: string; startDate: string } | null> {
  const h = await db
    .selectFrom('ab_holding as h')
    .innerJoin('staff as s', 's.id', 'h.staff_id')
    .select(['h.id', 'h.staff_id', 's.name', 'h.start_date'])
    .where('h.post_id', '=', postId)
    .where('h.role', '=', role)
    .where('h.end_date', 'is', null)
    .executeTakeFirst();
  return h ? { holdingId: h.id, staffId: h.staff_id, name: h.name, startDate: h.start_date } : null;
}

/** One person cannot be both A and B of a post at the same time: B stands in when A is away. */
async function assertNotOtherRole(
  db: Db,
  postName: string,
  postId: number,
  role: AbRole,
  staffId: number,
  startDate: string,
  exceptHoldingId?: number,
): Promise<void> {
  const other: AbRole = role === 'A' ? 'B' : 'A';
  let q = db
    .selectFrom('ab_holding as h')
    .innerJoin('staff as s', 's.id', 'h.staff_id')
    .select(['s.name', 'h.start_date', 'h.end_date'])
    .where('h.post_id', '=', postId)
    .where('h.role', '=', other)
    .where('h.staff_id', '=', staffId)
    .where((eb) => eb.or([eb('h.end_date', 'is', null), eb('h.end_date', '>=', startDate)]));
  if (exceptHoldingId !== undefined) q = q.where('h.id', '!=', exceptHoldingId);
  const clash = await q.executeTakeFirst();
  if (clash) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `${clash.name}已是“${postName}”的${other}岗（${clash.start_date} 起${clash.end_date ? `，至 ${clash.end_date}` : ''}），同一岗位的A岗和B岗须由不同人员担任，请另选人员。`,
    );
  }
}

async function getPost(ctx: AppContext, id: number): Promise<Post> {
  const p = (await listPosts(ctx, { includeInactive: true })).find((x) => x.id === id);
  if (!p) throw new AppError(ErrorCode.NOT_FOUND, '找不到该岗位，可能已被删除，请刷新后重试。');
  return p;
}

export async function createPost(ctx: AppContext, raw: PostInput): Promise<Post> {
  const input = validateInput(postInputSchema, raw);
  await assertNameFree(ctx, 'ab_post', '岗位', input.name);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const max = await trx
      .selectFrom('ab_post')
      .select(sql<number>`coalesce(max(sort_order), 0)`.as('m'))
      .executeTakeFirstOrThrow();
    const r = await trx
      .insertInto('ab_post')
      .values({ name: input.name, duties: input.duties, sort_order: max.m + 1, active: 1, created_at: nowText(ctx) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'ab_post',
      entityId: r.id,
      action: 'create',
      summary: `新增岗位：${input.name}`,
    });
    return r.id;
  });
  return getPost(ctx, id);
}

export async function updatePost(ctx: AppContext, id: number, raw: PostInput): Promise<Post> {
  const input = validateInput(postInputSchema, raw);
  const before = await getPost(ctx, id);
  await assertNameFree(ctx, 'ab_post', '岗位', input.name, id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('ab_post').set({ name: input.name, duties: input.duties }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      entity: 'ab_post',
      entityId: id,
      action: 'update',
      summary: `修改岗位：${input.name}`,
      changes: diffRecords(before, input, ['name', 'duties']),
    });
  });
  return getPost(ctx, id);
}

/** Posts are never deleted once they have history; a post no longer used is deactivated (its history stays). */
export async function setPostActive(ctx: AppContext, id: number, active: boolean): Promise<Post> {
  const before = await getPost(ctx, id);
  if (!active && (before.a || before.b || before.aNext || before.bNext)) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `岗位“${before.name}”还有在任的A岗或B岗人员，请先办理人员变动或卸任后再停用。`,
    );
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('ab_post')
      .set({ active: active ? 1 : 0 })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'ab_post',
      entityId: id,
      action: 'update',
      summary: `${active ? '启用' : '停用'}岗位：${before.name}`,
    });
  });
  return getPost(ctx, id);
}

// ---------------------------------------------------------------------------------------------------------------
// Holders

export async function listHoldings(ctx: AppContext, postId?: number): Promise<Holding[]> {
  let q = ctx.db
    .selectFrom('ab_holding as h')
    .innerJoin('staff as s', 's.id', 'h.staff_id')
    .select(['h.id', 'h.post_id', 'h.role', 'h.staff_id', 's.name', 'h.start_date', 'h.end_date', 'h.change_id']);
  if (postId !== undefined) q = q.where('h.post_id', '=', postId);
  const rows = await q.orderBy('h.post_id').orderBy('h.role').orderBy('h.start_date').orderBy('h.id').execute();
  return rows.map((r) => ({
    id: r.id,
    postId: r.post_id,
    role: r.role,
    staffId: r.staff_id,
    name: r.name,
    startDate: r.start_date,
    endDate: r.end_date,
    changeId: r.change_id,
  }));
}

async function staffRow(db: Db, id: number): Promise<{ id: number; name: string; status: '在岗' | '离岗' }> {
  const s = await db.selectFrom('staff').select(['id', 'name', 'status']).where('id', '=', id).executeTakeFirst();
  if (!s) throw new AppError(ErrorCode.NOT_FOUND, '所选人员不存在，请刷新后重选。');
  return s;
}

/** Periods of this post and role must not overlap: a new period starts after every earlier one ended. */
async function assertNoOverlap(
  db: Db,
  postName: string,
  postId: number,
  role: AbRole,
  startDate: string,
): Promise<void> {
  const clash = await db
    .selectFrom('ab_holding as h')
    .innerJoin('staff as s', 's.id', 'h.staff_id')
    .select(['s.name', 'h.start_date', 'h.end_date'])
    .where('h.post_id', '=', postId)
    .where('h.role', '=', role)
    .where((eb) => eb.or([eb('h.end_date', 'is', null), eb('h.end_date', '>=', startDate)]))
    .orderBy('h.start_date', 'desc')
    .executeTakeFirst();
  if (clash) {
    const period = clash.end_date ? `${clash.start_date} 至 ${clash.end_date}` : `${clash.start_date} 起至今`;
    throw new AppError(
      ErrorCode.CONFLICT,
      `“${postName}”${role}岗在 ${startDate} 已由${clash.name}担任（${period}），任职时间不能重叠。` +
        (clash.end_date ? '请把开始日期改到该任期结束之后。' : '更换人员请使用“人员变动”，并填写交接和备案信息。'),
    );
  }
}

/** Sets the holder of a vacant role (first setup, or after a holder stepped down without a successor). */
export async function assignHolder(ctx: AppContext, raw: AssignInput): Promise<Post> {
  const input = validateInput(assignInputSchema, raw);
  assertRealDate(input.startDate, '任职开始日期');
  const post = await getPost(ctx, input.postId);
  if (!post.active) throw new AppError(ErrorCode.CONFLICT, `岗位“${post.name}”已停用，请先启用。`);
  await ctx.db.transaction().execute(async (trx) => {
    const s = await staffRow(trx, input.staffId);
    if (s.status === '离岗') throw new AppError(ErrorCode.CONFLICT, `${s.name}已离岗，不能担任岗位，请选择在岗人员。`);
    await assertNoOverlap(trx, post.name, post.id, input.role, input.startDate);
    await assertNotOtherRole(trx, post.name, post.id, input.role, s.id, input.startDate);
    const r = await trx
      .insertInto('ab_holding')
      .values({
        post_id: post.id,
        role: input.role,
        staff_id: s.id,
        start_date: input.startDate,
        end_date: null,
        change_id: null,
        created_at: nowText(ctx),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'ab_post',
      entityId: post.id,
      action: 'update',
      summary: `设置“${post.name}”${input.role}岗：${s.name}（${input.startDate} 起）`,
    });
    return r.id;
  });
  return getPost(ctx, post.id);
}

/** A holder steps down without a successor (the role becomes vacant from the day after `endDate`). */
export async function endHolding(
  ctx: AppContext,
  input: { postId: number; role: AbRole; endDate: string },
): Promise<Post> {
  assertRealDate(input.endDate, '卸任日期');
  const post = await getPost(ctx, input.postId);
  const h = await openHolding(ctx.db, post.id, input.role);
  if (!h) throw new AppError(ErrorCode.CONFLICT, `“${post.name}”${input.role}岗目前空缺，无需卸任。`);
  if (input.endDate < h.startDate) throw invalid(`卸任日期不能早于任职开始日期 ${h.startDate}。`);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('ab_holding').set({ end_date: input.endDate }).where('id', '=', h.holdingId).execute();
    await recordAudit(trx, ctx, {
      entity: 'ab_post',
      entityId: post.id,
      action: 'update',
      summary: `“${post.name}”${input.role}岗${h.name}卸任（任至 ${input.endDate}）`,
    });
  });
  return getPost(ctx, post.id);
}

/**
 * Corrects a mistyped 任职开始日期. For a first holder (entered with 设置A岗/B岗) only the period moves; for a holder
 * who took over in a 人员变动 the change's date moves with it: the predecessor's period then ends the day before and an
 * unfiled change gets its 备案 due date again. History stays continuous; the audit trail keeps both dates.
 */
export async function correctHolding(ctx: AppContext, raw: CorrectHoldingInput): Promise<Holding> {
  const input = validateInput(correctHoldingInputSchema, raw);
  assertRealDate(input.startDate, '任职开始日期');
  const h = await ctx.db
    .selectFrom('ab_holding as h')
    .innerJoin('ab_post as p', 'p.id', 'h.post_id')
    .innerJoin('staff as s', 's.id', 'h.staff_id')
    .select([
      'h.id',
      'h.post_id',
      'h.role',
      'h.staff_id',
      'h.start_date',
      'h.end_date',
      'h.change_id',
      'p.name as post_name',
      's.name',
    ])
    .where('h.id', '=', input.holdingId)
    .executeTakeFirst();
  if (!h) throw new AppError(ErrorCode.NOT_FOUND, '找不到该任职记录，可能已被删除，请刷新后重试。');
  if (h.start_date === input.startDate) throw invalid(`任职开始日期已经是 ${input.startDate}，无需更正。`);
  if (h.end_date && input.startDate > h.end_date)
    throw invalid(`任职开始日期（${input.startDate}）不能晚于该任期的最后一天（${h.end_date}）。`);
  const [settings, cal] = await Promise.all([getTeamSettings(ctx), workingDayCalendar(ctx)]);
  await ctx.db.transaction().execute(async (trx) => {
    const prev = await trx
      .selectFrom('ab_holding as x')
      .innerJoin('staff as s', 's.id', 'x.staff_id')
      .select(['x.id', 'x.start_date', 'x.end_date', 's.name'])
      .where('x.post_id', '=', h.post_id)
      .where('x.role', '=', h.role)
      .where('x.id', '!=', h.id)
      .where('x.start_date', '<', h.start_date)
      .orderBy('x.start_date', 'desc')
      .executeTakeFirst();
    let changeNote = '';
    if (h.change_id !== null) {
      if (prev && input.startDate <= prev.start_date) {
        throw new AppError(
          ErrorCode.CONFLICT,
          `变动日期须晚于前任${prev.name}的任职开始日期（${prev.start_date}），否则任职时间会重叠。`,
        );
      }
      const change = await trx
        .selectFrom('ab_change')
        .select(['change_date', 'filed_date', 'filing_due'])
        .where('id', '=', h.change_id)
        .executeTakeFirstOrThrow();
      if (change.filed_date && change.filed_date < input.startDate) {
        throw new AppError(ErrorCode.CONFLICT, `该变动已于 ${change.filed_date} 备案，变动日期不能晚于备案日期。`);
      }
      if (prev)
        await trx
          .updateTable('ab_holding')
          .set({ end_date: addDays(input.startDate, -1) })
          .where('id', '=', prev.id)
          .execute();
      const due = change.filed_date
        ? change.filing_due
        : filingDueDate(input.startDate, settings.filingWorkingDays, cal);
      await trx
        .updateTable('ab_change')
        .set({ change_date: input.startDate, filing_due: due })
        .where('id', '=', h.change_id)
        .execute();
      changeNote = `，人员变动日期随之更正${prev ? `，前任${prev.name}任至 ${addDays(input.startDate, -1)}` : ''}${change.filed_date ? '' : `，备案截止 ${due}`}`;
    } else if (prev && (prev.end_date === null || input.startDate <= prev.end_date)) {
      throw new AppError(ErrorCode.CONFLICT, `前任${prev.name}任至 ${prev.end_date ?? '今'}，任职开始日期须晚于该日。`);
    }
    await assertNotOtherRole(trx, h.post_name, h.post_id, h.role, h.staff_id, input.startDate);
    await trx.updateTable('ab_holding').set({ start_date: input.startDate }).where('id', '=', h.id).execute();
    await recordAudit(trx, ctx, {
      entity: 'ab_post',
      entityId: h.post_id,
      action: 'update',
      summary: `更正“${h.post_name}”${h.role}岗${h.name}任职开始日期：${h.start_date} → ${input.startDate}${changeNote}${input.reason ? `（${input.reason}）` : ''}`,
      changes: { startDate: { from: h.start_date, to: input.startDate } },
    });
  });
  return (await listHoldings(ctx, h.post_id)).find((x) => x.id === h.id)!;
}

function toChange(
  r: {
    id: number;
    post_id: number;
    post_name: string;
    role: AbRole;
    change_date: string;
    from_staff_id: number | null;
    from_name: string | null;
    to_staff_id: number;
    to_name: string;
    reason: string;
    handover_date: string;
    handover_items: string;
    transition_end: string | null;
    handover_note: string;
    filing_due: string;
    filed_date: string | null;
    filed_to: string;
    filed_doc_number: string;
  },
  today: string,
  cal: WorkingDayCalendar,
): Change {
  const dates = { changeDate: r.change_date, filingDue: r.filing_due, filedDate: r.filed_date };
  return {
    id: r.id,
    postId: r.post_id,
    postName: r.post_name,
    role: r.role,
    changeDate: r.change_date,
    fromStaffId: r.from_staff_id,
    fromName: r.from_name,
    toStaffId: r.to_staff_id,
    toName: r.to_name,
    reason: r.reason,
    handoverDate: r.handover_date,
    handoverItems: r.handover_items,
    transitionEnd: r.transition_end,
    handoverNote: r.handover_note,
    filingDue: r.filing_due,
    filedDate: r.filed_date,
    filedTo: r.filed_to,
    filedDocNumber: r.filed_doc_number,
    calendarWarning: filingCalendarWarning(dates, today, cal),
  };
}

export async function listChanges(
  ctx: AppContext,
  filter: { postId?: number; unfiledOnly?: boolean; id?: number } = {},
): Promise<Change[]> {
  let q = ctx.db
    .selectFrom('ab_change as c')
    .innerJoin('ab_post as p', 'p.id', 'c.post_id')
    .innerJoin('staff as t', 't.id', 'c.to_staff_id')
    .leftJoin('staff as f', 'f.id', 'c.from_staff_id')
    .select([
      'c.id',
      'c.post_id',
      'p.name as post_name',
      'c.role',
      'c.change_date',
      'c.from_staff_id',
      'f.name as from_name',
      'c.to_staff_id',
      't.name as to_name',
      'c.reason',
      'c.handover_date',
      'c.handover_items',
      'c.transition_end',
      'c.handover_note',
      'c.filing_due',
      'c.filed_date',
      'c.filed_to',
      'c.filed_doc_number',
    ]);
  if (filter.postId !== undefined) q = q.where('c.post_id', '=', filter.postId);
  if (filter.unfiledOnly) q = q.where('c.filed_date', 'is', null);
  if (filter.id !== undefined) q = q.where('c.id', '=', filter.id);
  const rows = await q.orderBy('c.change_date', 'desc').orderBy('c.id', 'desc').execute();
  const [today, cal] = [todayOf(ctx), await workingDayCalendar(ctx)];
  return rows.map((r) => toChange({ ...r, from_name: r.from_name ?? null }, today, cal));
}

export async function getChange(ctx: AppContext, id: number): Promise<Change> {
  const c = (await listChanges(ctx, { id }))[0];
  if (!c) throw new AppError(ErrorCode.NOT_FOUND, `找不到编号为 ${id} 的人员变动记录。`);
  return c;
}

/**
 * 人员变动 as one step: the current holder's period ends the day before the change date, the successor's starts on
 * it, the 交接 record is kept, and the 备案 due date is the change date plus N working days (setting).
 */
export async function changeHolder(ctx: AppContext, raw: ChangeInput): Promise<Change> {
  const input = validateInput(changeInputSchema, raw);
  assertRealDate(input.changeDate, '变动日期');
  assertRealDate(input.handover.date, '交接日期');
  if (input.handover.transitionEnd) {
    assertRealDate(input.handover.transitionEnd, '过渡期截止日期');
    if (input.handover.transitionEnd < input.changeDate)
      throw invalid(`过渡期截止日期（${input.handover.transitionEnd}）不能早于变动日期（${input.changeDate}）。`);
  }
  const post = await getPost(ctx, input.postId);
  if (!post.active) throw new AppError(ErrorCode.CONFLICT, `岗位“${post.name}”已停用，请先启用。`);
  const current = await openHolding(ctx.db, post.id, input.role);
  const settings = await getTeamSettings(ctx);
  const cal = await workingDayCalendar(ctx);
  const due = filingDueDate(input.changeDate, settings.filingWorkingDays, cal);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const to = await staffRow(trx, input.toStaffId);
    if (to.status === '离岗') throw new AppError(ErrorCode.CONFLICT, `${to.name}已离岗，不能接任，请选择在岗人员。`);
    if (current && current.staffId === to.id)
      throw new AppError(ErrorCode.CONFLICT, `${to.name}已经是“${post.name}”的${input.role}岗，无需变动。`);
    if (current) {
      if (input.changeDate <= current.startDate) {
        throw new AppError(
          ErrorCode.CONFLICT,
          `变动日期（${input.changeDate}）必须晚于${current.name}任职开始日期（${current.startDate}），否则任职时间会重叠。`,
        );
      }
      await trx
        .updateTable('ab_holding')
        .set({ end_date: addDays(input.changeDate, -1) })
        .where('id', '=', current.holdingId)
        .execute();
    }
    await assertNoOverlap(trx, post.name, post.id, input.role, input.changeDate);
    await assertNotOtherRole(trx, post.name, post.id, input.role, to.id, input.changeDate);
    const c = await trx
      .insertInto('ab_change')
      .values({
        post_id: post.id,
        role: input.role,
        change_date: input.changeDate,
        from_staff_id: current?.staffId ?? null,
        to_staff_id: to.id,
        reason: input.reason,
        handover_date: input.handover.date,
        handover_items: input.handover.items,
        transition_end: input.handover.transitionEnd,
        handover_note: input.handover.note,
        filing_due: due,
        filed_date: null,
        filed_to: '',
        filed_doc_number: '',
        created_at: nowText(ctx),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('ab_holding')
      .values({
        post_id: post.id,
        role: input.role,
        staff_id: to.id,
        start_date: input.changeDate,
        end_date: null,
        change_id: c.id,
        created_at: nowText(ctx),
      })
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'ab_post',
      entityId: post.id,
      action: 'update',
      summary: `人员变动：“${post.name}”${input.role}岗 ${current?.name ?? '（空缺）'} → ${to.name}（${input.changeDate}，备案截止 ${due}）`,
    });
    return c.id;
  });
  return getChange(ctx, id);
}

/**
 * The calendar changed (设置 → 工作日历): every change's 备案 due date, stored when the change was entered, is counted
 * again — the same working days after the change date on the new calendar — so a date counted Monday–Friday through a
 * year without holiday data becomes right once the user enters that year's 放假安排.
 */
export const recountFilingDues: CalendarFollower = async (trx, ctx, { before, after }) => {
  const rows = await trx
    .selectFrom('ab_change as c')
    .innerJoin('ab_post as p', 'p.id', 'c.post_id')
    .innerJoin('staff as t', 't.id', 'c.to_staff_id')
    .select(['c.id', 'c.role', 'c.change_date', 'c.filing_due', 'p.name as post_name', 't.name as to_name'])
    .orderBy('c.change_date')
    .orderBy('c.id')
    .execute();
  const out: string[] = [];
  for (const r of rows) {
    const due = refiledDueDate({ changeDate: r.change_date, filingDue: r.filing_due }, before, after);
    if (due === r.filing_due) continue;
    await trx.updateTable('ab_change').set({ filing_due: due }).where('id', '=', r.id).execute();
    const sentence = `“${r.post_name}”${r.role}岗变更为${r.to_name}（${formatChineseDate(r.change_date)}）的备案截止日期按新的工作日历改为${formatChineseDate(due)}（原为${formatChineseDate(r.filing_due)}）`;
    await recordAudit(trx, ctx, {
      entity: 'ab_change',
      entityId: r.id,
      action: 'update',
      summary: sentence,
      changes: { filingDue: { from: r.filing_due, to: due } },
    });
    out.push(sentence);
  }
  return out;
};

export async function fileChange(ctx: AppContext, raw: FilingInput): Promise<Change> {
  const input = validateInput(filingInputSchema, raw);
  assertRealDate(input.filedDate, '备案日期');
  const c = await getChange(ctx, input.changeId);
  if (input.filedDate < c.changeDate)
    throw invalid(`备案日期（${input.filedDate}）不能早于变动日期（${c.changeDate}）。`);
  if (input.filedDate > todayOf(ctx)) throw invalid(`备案日期（${input.filedDate}）不能晚于今天。`);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('ab_change')
      .set({ filed_date: input.filedDate, filed_to: input.filedTo, filed_doc_number: input.docNumber })
      .where('id', '=', c.id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'ab_change',
      entityId: c.id,
      action: 'update',
      summary: `“${c.postName}”${c.role}岗变动已备案：${input.filedDate} 报${input.filedTo}${input.docNumber ? `（${input.docNumber}）` : ''}`,
      changes: { filedDate: { from: c.filedDate, to: input.filedDate } },
    });
  });
  return getChange(ctx, c.id);
}

// ---------------------------------------------------------------------------------------------------------------
// Absences

export async function listAbsences(ctx: AppContext, filter: { from?: string } = {}): Promise<Absence[]> {
  let q = ctx.db
    .selectFrom('ab_absence as a')
    .innerJoin('staff as s', 's.id', 'a.staff_id')
    .select(['a.id', 'a.staff_id', 's.name', 'a.kind', 'a.start_date', 'a.end_date', 'a.note']);
  if (filter.from) q = q.where('a.end_date', '>=', filter.from);
  const rows = await q.orderBy('a.start_date', 'desc').orderBy('a.id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    staffId: r.staff_id,
    name: r.name,
    kind: r.kind,
    startDate: r.start_date,
    endDate: r.end_date,
    note: r.note,
  }));
}

export async function createAbsence(ctx: AppContext, raw: AbsenceInput): Promise<Absence> {
  const input = validateInput(absenceInputSchema, raw);
  assertRealDate(input.startDate, '开始日期');
  assertRealDate(input.endDate, '结束日期');
  if (input.endDate < input.startDate)
    throw invalid(`结束日期（${input.endDate}）不能早于开始日期（${input.startDate}）。`);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const s = await staffRow(trx, input.staffId);
    const same = await trx
      .selectFrom('ab_absence')
      .select(['start_date', 'end_date', 'kind'])
      .where('staff_id', '=', s.id)
      .where('start_date', '<=', input.endDate)
      .where('end_date', '>=', input.startDate)
      .executeTakeFirst();
    if (same)
      throw new AppError(
        ErrorCode.CONFLICT,
        `${s.name}在 ${same.start_date} 至 ${same.end_date} 已登记为“${same.kind}”，与本次时间重叠。`,
      );
    const r = await trx
      .insertInto('ab_absence')
      .values({
        staff_id: s.id,
        kind: input.kind,
        start_date: input.startDate,
        end_date: input.endDate,
        note: input.note,
        created_at: nowText(ctx),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'ab_absence',
      entityId: r.id,
      action: 'create',
      summary: `不在岗登记：${s.name} ${input.kind} ${input.startDate} 至 ${input.endDate}`,
    });
    return r.id;
  });
  return (await listAbsences(ctx)).find((a) => a.id === id)!;
}

/** A mistaken entry can be removed (absences are not referenced by other records); the audit trail keeps it. */
export async function deleteAbsence(ctx: AppContext, id: number): Promise<void> {
  const a = (await listAbsences(ctx)).find((x) => x.id === id);
  if (!a) throw new AppError(ErrorCode.NOT_FOUND, '找不到该不在岗登记，可能已被删除。');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('ab_absence').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      entity: 'ab_absence',
      entityId: id,
      action: 'delete',
      summary: `删除不在岗登记：${a.name} ${a.kind} ${a.startDate} 至 ${a.endDate}`,
      changes: { record: { from: a, to: null } },
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Warnings

export async function teamWarnings(ctx: AppContext): Promise<TeamWarning[]> {
  const today = todayOf(ctx);
  const [posts, absences, unfiled, cal] = await Promise.all([
    listPosts(ctx, { today }),
    listAbsences(ctx, { from: today }),
    listChanges(ctx, { unfiledOnly: true }),
    workingDayCalendar(ctx),
  ]);
  return computeTeamWarnings({ today, posts, absences, unfiled, cal });
}
