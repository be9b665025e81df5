// 依申请公开 register: applications with their dated steps (补正 / 征求意见 / 延期), the answer and its 办理结果 (a
// table 三 row), the 答复期限 on the working-day calendar, 复议/诉讼 linked to an application, and the import.
import type { Transaction } from 'kysely';
import {
  computeDeadline,
  requestCalendarProblem,
  requestInputSchema,
  requestProblem,
  reviewInputSchema,
  reviewProblem,
  resultLabel,
  type Deadline,
  type DisclosureRequest,
  type RequestInput,
  type RequestValues,
  type Review,
  type ReviewInput,
} from '../../../shared/domain/disclosure';
import { firstDateError, requestDateIssues, reviewDateIssues } from '../../../shared/domain/disclosure-dates';
import type { Upload } from '../../../shared/domain/files';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import type { Database } from '../../db/schema';
import { runParser } from '../../import/worker/run';
import { diffRecords, nowText, recordAudit } from '../audit';
import { decodeUpload } from '../uploads';
import { validateInput } from '../validate';
import type { WorkingDayCalendar } from '../../../shared/domain/working-days';
import type { AppContext } from '../workstation';
import { calendarAndSoon, constraintError, todayOf, workingYear, yearRange } from './common';
import { countByYear, nothingImported, sortImportRows, yearsText, type ImportOutcome } from './publications';

/** Applications: those received in the year, plus (with openFrom) every one still open or answered in it. */
export async function listRequests(
  ctx: AppContext,
  filter: { year?: number; id?: number; open?: boolean } = {},
): Promise<DisclosureRequest[]> {
  let q = ctx.db.selectFrom('request').selectAll();
  if (filter.year !== undefined) {
    const [from, to] = yearRange(filter.year);
    // The year's register: received in it, or carried into it (received earlier, answered in it or still open).
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('received_date', '>=', from), eb('received_date', '<=', to)]),
        eb.and([
          eb('received_date', '<', from),
          eb.or([eb('answered_date', 'is', null), eb('answered_date', '>=', from)]),
        ]),
      ]),
    );
  }
  if (filter.id !== undefined) q = q.where('id', '=', filter.id);
  if (filter.open) q = q.where('answered_date', 'is', null);
  const rows = await q.orderBy('received_date', 'desc').orderBy('id', 'desc').execute();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const steps = await ctx.db
    .selectFrom('request_step')
    .selectAll()
    .where('request_id', 'in', ids)
    .orderBy('start_date')
    .orderBy('id')
    .execute();
  const reviews = await ctx.db.selectFrom('review').select(['request_id']).where('request_id', 'in', ids).execute();
  const { cal, soon } = await calendarAndSoon(ctx);
  const today = todayOf(ctx);
  return rows.map((r) => {
    const s = steps
      .filter((x) => x.request_id === r.id)
      .map((x) => ({
        id: x.id,
        kind: x.kind as '补正',
        startDate: x.start_date,
        endDate: x.end_date,
        days: x.days,
        party: x.party,
        toldDate: x.told_date,
        note: x.note,
      }));
    const base = {
      receivedDate: r.received_date,
      applicant: r.applicant,
      applicantType: r.applicant_type as DisclosureRequest['applicantType'],
      method: r.method as DisclosureRequest['method'],
      content: r.content,
      handler: r.handler,
      contact: r.contact,
      steps: s,
      answeredDate: r.answered_date,
      result: r.result,
      feeYuan: r.fee_yuan,
      answerNote: r.answer_note,
      provideMedium: r.provide_medium as DisclosureRequest['provideMedium'],
      provideWay: r.provide_way as DisclosureRequest['provideWay'],
      provideDate: r.provide_date,
      withheldReason: r.withheld_reason as DisclosureRequest['withheldReason'],
    };
    return {
      id: r.id,
      ...base,
      deadline: computeDeadline(base, today, cal, soon),
      reviews: reviews.filter((x) => x.request_id === r.id).length,
    };
  });
}

export async function getRequest(ctx: AppContext, id: number): Promise<DisclosureRequest> {
  const r = (await listRequests(ctx, { id }))[0];
  if (!r) throw new AppError(ErrorCode.NOT_FOUND, `找不到编号为 ${id} 的申请，可能已被删除。`);
  return r;
}

/** The schema, the order of the dates, and dates that cannot be true today (after today, a 补正 past the answer period). */
async function check(ctx: AppContext, raw: RequestInput): Promise<RequestValues> {
  return checkWith(raw, todayOf(ctx), (await calendarAndSoon(ctx)).cal);
}

/** The same rules with today and the calendar given: usable inside a transaction (an import's rows). */
function checkWith(raw: RequestInput, today: string, cal: WorkingDayCalendar): RequestValues {
  const v = validateInput(requestInputSchema, raw);
  const problem =
    requestProblem(v) ?? firstDateError(requestDateIssues(v, today, cal)) ?? requestCalendarProblem(v, cal);
  if (problem) throw new AppError(ErrorCode.VALIDATION, problem);
  return v;
}

/**
 * The same application registered before (same 收到日期, 申请人 and 申请内容): counted twice in table 三 unless the user
 * says it really is a second one (a 重复申请 is answered as such). Refused with DUPLICATE naming the existing record
 * unless `confirmed`.
 */
async function refuseDuplicate(ctx: AppContext, v: RequestValues, selfId: number | null, confirmed: boolean) {
  if (confirmed) return;
  let q = ctx.db
    .selectFrom('request')
    .select(['id', 'received_date', 'applicant', 'content', 'answered_date'])
    .where('received_date', '=', v.receivedDate)
    .where('applicant', '=', v.applicant)
    .where('content', '=', v.content);
  if (selfId !== null) q = q.where('id', '!=', selfId);
  const same = await q.orderBy('id').executeTakeFirst();
  if (!same) return;
  throw new AppError(
    ErrorCode.DUPLICATE,
    `已登记过同一申请：${same.received_date} 收到的${same.applicant}的申请“${same.content.slice(0, 40)}${same.content.length > 40 ? '…' : ''}”（${same.answered_date ? `${same.answered_date}已答复` : '办理中'}）。同一申请登记两次，年报表三会多算一件。`,
    { existingId: same.id },
  );
}

async function writeSteps(trx: Transaction<Database>, id: number, v: RequestValues) {
  await trx.deleteFrom('request_step').where('request_id', '=', id).execute();
  if (v.steps.length) {
    await trx
      .insertInto('request_step')
      .values(
        v.steps.map((s) => ({
          request_id: id,
          kind: s.kind,
          start_date: s.startDate,
          end_date: s.endDate,
          days: s.days,
          party: s.party,
          told_date: s.toldDate,
          note: s.note,
        })),
      )
      .execute();
  }
}

function toRow(v: RequestValues) {
  return {
    received_date: v.receivedDate,
    applicant: v.applicant,
    applicant_type: v.applicantType,
    method: v.method,
    content: v.content,
    handler: v.handler,
    contact: v.contact,
    answered_date: v.answeredDate,
    result: v.result,
    fee_yuan: v.feeYuan,
    answer_note: v.answerNote,
    provide_medium: v.provideMedium,
    provide_way: v.provideWay,
    provide_date: v.provideDate,
    withheld_reason: v.withheldReason,
  };
}

const describe = (v: RequestValues) => `${v.receivedDate} ${v.applicant}：${v.content.slice(0, 30)}`;

export async function createRequest(
  ctx: AppContext,
  raw: RequestInput,
  options: { confirmDuplicate?: boolean } = {},
): Promise<DisclosureRequest> {
  const v = await check(ctx, raw);
  await refuseDuplicate(ctx, v, null, !!options.confirmDuplicate);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = nowText(ctx);
    const r = await trx
      .insertInto('request')
      .values({ ...toRow(v), created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeSteps(trx, r.id, v);
    await recordAudit(trx, ctx, {
      entity: 'request',
      entityId: r.id,
      action: 'create',
      summary: `登记政府信息公开申请：${describe(v)}`,
    });
    return r.id;
  });
  return getRequest(ctx, id);
}

export async function updateRequest(
  ctx: AppContext,
  id: number,
  raw: RequestInput,
  options: { confirmDuplicate?: boolean } = {},
): Promise<DisclosureRequest> {
  const before = await getRequest(ctx, id);
  const v = await check(ctx, raw);
  await refuseDuplicate(ctx, v, id, !!options.confirmDuplicate);
  const reviews = await ctx.db.selectFrom('review').select(['filed_date']).where('request_id', '=', id).execute();
  const early = reviews.find((x) => x.filed_date < v.receivedDate);
  if (early)
    throw new AppError(ErrorCode.CONFLICT, `该申请关联的复议/诉讼提起于 ${early.filed_date}，收到日期不能晚于它。`);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('request')
      .set({ ...toRow(v), updated_at: nowText(ctx) })
      .where('id', '=', id)
      .execute();
    await writeSteps(trx, id, v);
    const { id: _i, deadline: _d, reviews: _r, ...old } = before;
    const stepText = (s: RequestValues['steps']) =>
      s
        .map((x) => `${x.kind} ${x.startDate}${x.endDate ? `—${x.endDate}` : ''}${x.days ? ` ${x.days}日` : ''}`)
        .join('；');
    const changes = diffRecords(
      { ...old, steps: stepText(old.steps), result: old.result && resultLabel(old.result) },
      { ...v, steps: stepText(v.steps), result: v.result && resultLabel(v.result) },
    );
    const what = !before.answeredDate && v.answeredDate ? `答复申请（${resultLabel(v.result!)}）` : '修改申请';
    await recordAudit(trx, ctx, {
      entity: 'request',
      entityId: id,
      action: 'update',
      summary: `${what}：${describe(v)}`,
      changes,
    });
  });
  return getRequest(ctx, id);
}

export async function deleteRequest(ctx: AppContext, id: number): Promise<void> {
  const before = await getRequest(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    try {
      await trx.deleteFrom('request').where('id', '=', id).execute();
    } catch (e) {
      constraintError(e, { inUse: '这件申请已有关联的行政复议或诉讼记录，不能删除。请先删除复议/诉讼记录。' });
    }
    await recordAudit(trx, ctx, {
      entity: 'request',
      entityId: id,
      action: 'delete',
      summary: `删除申请：${before.receivedDate} ${before.applicant}`,
      changes: { record: { from: before, to: null } },
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------------
/**
 * 行政复议/诉讼 records; with `year`, those table 四 counts for it: filed by 31 December and not decided before 1 January
 * (computeTable4's rule), so the list beside the register and the report's table agree.
 */
export async function listReviews(ctx: AppContext, filter: { id?: number; year?: number } = {}): Promise<Review[]> {
  let q = ctx.db
    .selectFrom('review as v')
    .innerJoin('request as r', 'r.id', 'v.request_id')
    .select([
      'v.id',
      'v.request_id',
      'v.kind',
      'v.filed_date',
      'v.organ',
      'v.case_number',
      'v.result',
      'v.decided_date',
      'v.note',
      'r.received_date',
      'r.applicant',
    ]);
  if (filter.id !== undefined) q = q.where('v.id', '=', filter.id);
  if (filter.year !== undefined) {
    const [from, to] = yearRange(filter.year);
    q = q
      .where('v.filed_date', '<=', to)
      .where((eb) => eb.or([eb('v.decided_date', 'is', null), eb('v.decided_date', '>=', from)]));
  }
  const rows = await q.orderBy('v.filed_date', 'desc').orderBy('v.id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    requestId: r.request_id,
    kind: r.kind as Review['kind'],
    filedDate: r.filed_date,
    organ: r.organ,
    caseNumber: r.case_number,
    result: r.result as Review['result'],
    decidedDate: r.decided_date,
    note: r.note,
    requestSummary: `${r.received_date} ${r.applicant}`,
  }));
}

async function checkReview(ctx: AppContext, trx: Transaction<Database>, raw: ReviewInput) {
  const v = validateInput(reviewInputSchema, raw);
  const future = firstDateError(reviewDateIssues(v, todayOf(ctx)));
  if (future) throw new AppError(ErrorCode.VALIDATION, future);
  const req = await trx
    .selectFrom('request')
    .select(['received_date'])
    .where('id', '=', v.requestId)
    .executeTakeFirst();
  if (!req) throw new AppError(ErrorCode.NOT_FOUND, '关联的申请已不存在，请刷新后重选。');
  const problem = reviewProblem(v, req.received_date);
  if (problem) throw new AppError(ErrorCode.VALIDATION, problem);
  return v;
}

function reviewRow(v: ReturnType<typeof reviewInputSchema.parse>) {
  return {
    request_id: v.requestId,
    kind: v.kind,
    filed_date: v.filedDate,
    organ: v.organ,
    case_number: v.caseNumber,
    result: v.result,
    decided_date: v.decidedDate,
    note: v.note,
  };
}

export async function saveReview(ctx: AppContext, id: number | null, raw: ReviewInput): Promise<Review> {
  const newId = await ctx.db.transaction().execute(async (trx) => {
    const v = await checkReview(ctx, trx, raw);
    if (id === null) {
      const r = await trx
        .insertInto('review')
        .values({ ...reviewRow(v), created_at: nowText(ctx) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        entity: 'review',
        entityId: r.id,
        action: 'create',
        summary: `登记${v.kind}：${v.filedDate}（${v.result}）`,
      });
      return r.id;
    }
    const before = await trx.selectFrom('review').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError(ErrorCode.NOT_FOUND, '找不到这条复议/诉讼记录，请刷新后重试。');
    await trx.updateTable('review').set(reviewRow(v)).where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      entity: 'review',
      entityId: id,
      action: 'update',
      summary: `修改${v.kind}：${v.filedDate}（${v.result}）`,
      changes: diffRecords(before, { ...before, ...reviewRow(v) }),
    });
    return id;
  });
  return (await listReviews(ctx, { id: newId }))[0];
}

export async function deleteReview(ctx: AppContext, id: number): Promise<void> {
  const before = (await listReviews(ctx, { id }))[0];
  if (!before) throw new AppError(ErrorCode.NOT_FOUND, '找不到这条复议/诉讼记录，请刷新后重试。');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('review').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      entity: 'review',
      entityId: id,
      action: 'delete',
      summary: `删除${before.kind}：${before.filedDate}`,
      changes: { record: { from: before, to: null } },
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------------
/**
 * Stores the usable rows of a request register in one transaction; duplicates (收到日期 + 申请人 + 申请内容) skipped,
 * dates after today refused. Nothing usable → IMPORT_ROWS_INVALID naming the rows (details: the outcome).
 */
export async function importRequests(ctx: AppContext, upload: Upload): Promise<ImportOutcome> {
  const data = decodeUpload(upload, 30 * 1024 * 1024);
  const sheet = await runParser('disclosure-requests', upload.fileName, data, { year: await workingYear(ctx) });
  const today = todayOf(ctx);
  // Read before the transaction: a query outside it would wait for it (one connection).
  const { cal } = await calendarAndSoon(ctx);
  const { out, usable, at } = sortImportRows(sheet, (r) => firstDateError(requestDateIssues(r, today)));
  await ctx.db.transaction().execute(async (trx) => {
    const seen = new Set<string>();
    const now = nowText(ctx);
    for (const r of usable) {
      const key = `${r.receivedDate}\u0000${r.applicant}\u0000${r.content}`;
      const exists =
        seen.has(key) ||
        !!(await trx
          .selectFrom('request')
          .select('id')
          .where('received_date', '=', r.receivedDate)
          .where('applicant', '=', r.applicant)
          .where('content', '=', r.content)
          .executeTakeFirst());
      if (exists) {
        out.skipped.push({
          ...at(r),
          reason: `重复：${r.receivedDate} ${r.applicant}的申请${seen.has(key) ? '在文件中出现多次' : '已登记'}`,
        });
        continue;
      }
      // Held to the rules of an application entered by hand (dates in order, 逾期不补正 after a 补正 …).
      const { row: _row, sheet: _sheet, ...input } = r;
      let v: RequestValues;
      try {
        v = checkWith(input, today, cal);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        out.refused.push({ ...at(r), reason: e.message.replace(/^输入有误：/, '') });
        continue;
      }
      seen.add(key);
      const added = await trx
        .insertInto('request')
        .values({ ...toRow(v), created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeSteps(trx, added.id, v);
      out.added.push({ ...at(r), title: `${r.receivedDate} ${r.applicant}`, date: r.receivedDate });
    }
    if (!out.added.length) throw nothingImported(upload.fileName, out, '新申请');
    out.byYear = countByYear(out.added);
    await recordAudit(trx, ctx, {
      entity: 'request',
      entityId: null,
      action: 'import',
      summary: `从“${upload.fileName}”导入申请 ${out.added.length} 件（${yearsText(out.byYear, '件')}；跳过重复 ${out.skipped.length} 件，无法导入 ${out.refused.length} 件）`,
    });
  });
  return out;
}

/**
 * The 答复期限 an application would have with the dates typed so far (the 办理 dialog shows it as they change, before
 * anything is saved). Dates that are not complete yet are left out.
 */
export async function previewDeadline(
  ctx: AppContext,
  input: Pick<RequestValues, 'receivedDate' | 'answeredDate' | 'steps'> & Partial<Pick<RequestValues, 'result'>>,
): Promise<Deadline> {
  const { cal, soon } = await calendarAndSoon(ctx);
  const steps = input.steps.filter((s) => s.startDate >= input.receivedDate);
  return computeDeadline({ ...input, steps }, todayOf(ctx), cal, soon);
}
