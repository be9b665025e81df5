// 依申请公开 register: applications with their dated steps (补正 / 征求意见 / 延期), the answer and its 办理结果 (a
// table 三 row), the 答复期限 on the working-day calendar, 复议/诉讼 linked to an application, and the import.
import type { Transaction } from 'kysely';
import {
  computeDeadline,
  requestInputSchema,
  requestProblem,
  reviewInputSchema,
  reviewProblem,
  resultLabel,
  type DisclosureRequest,
  type RequestInput,
  type RequestValues,
  type Review,
  type ReviewInput,
} from '../../../shared/domain/disclosure';
import type { Upload } from '../../../shared/domain/files';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import type { Database } from '../../db/schema';
import { runParser } from '../../import/worker/run';
import { diffRecords, nowText, recordAudit } from '../audit';
import { decodeUpload } from '../uploads';
import { validateInput } from '../validate';
import type { AppContext } from '../workstation';
import { calendarAndSoon, constraintError, todayOf, yearRange } from './common';
import type { ImportOutcome } from './publications';

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

function check(raw: RequestInput): RequestValues {
  const v = validateInput(requestInputSchema, raw);
  const problem = requestProblem(v);
  if (problem) throw new AppError(ErrorCode.VALIDATION, problem);
  return v;
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
  };
}

const describe = (v: RequestValues) => `${v.receivedDate} ${v.applicant}：${v.content.slice(0, 30)}`;

export async function createRequest(ctx: AppContext, raw: RequestInput): Promise<DisclosureRequest> {
  const v = check(raw);
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

export async function updateRequest(ctx: AppContext, id: number, raw: RequestInput): Promise<DisclosureRequest> {
  const before = await getRequest(ctx, id);
  const v = check(raw);
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
export async function listReviews(ctx: AppContext, filter: { id?: number } = {}): Promise<Review[]> {
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

async function checkReview(trx: Transaction<Database>, raw: ReviewInput) {
  const v = validateInput(reviewInputSchema, raw);
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
    const v = await checkReview(trx, raw);
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
/** Stores the usable rows of a request register in one transaction; duplicates (收到日期 + 申请人 + 申请内容) skipped. */
export async function importRequests(ctx: AppContext, upload: Upload): Promise<ImportOutcome> {
  const data = decodeUpload(upload, 30 * 1024 * 1024);
  const sheet = await runParser('disclosure-requests', upload.fileName, data, {});
  const out: ImportOutcome = {
    added: [],
    skipped: [],
    refused: sheet.problems.map((p) => ({ row: p.row, reason: `${p.column ? `“${p.column}”列：` : ''}${p.message}` })),
    newColumns: [],
  };
  await ctx.db.transaction().execute(async (trx) => {
    const seen = new Set<string>();
    const now = nowText(ctx);
    for (const r of sheet.rows) {
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
          row: r.row,
          reason: `重复：${r.receivedDate} ${r.applicant}的申请${seen.has(key) ? '在文件中出现多次' : '已登记'}`,
        });
        continue;
      }
      // Held to the rules of an application entered by hand (dates in order, 逾期不补正 after a 补正 …).
      const { row: _row, ...input } = r;
      let v: RequestValues;
      try {
        v = check(input);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        out.refused.push({ row: r.row, reason: e.message.replace(/^输入有误：/, '') });
        continue;
      }
      seen.add(key);
      const added = await trx
        .insertInto('request')
        .values({ ...toRow(v), created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeSteps(trx, added.id, v);
      out.added.push({ row: r.row, title: `${r.receivedDate} ${r.applicant}` });
    }
    if (!out.added.length) {
      const lines = [
        ...out.refused.map((x) => `第${x.row}行：${x.reason}`),
        ...out.skipped.map((x) => `第${x.row}行：${x.reason}`),
      ].slice(0, 10);
      throw new AppError(
        ErrorCode.IMPORT_ROWS_INVALID,
        `“${upload.fileName}”中没有可以导入的新申请${lines.length ? `：${lines.join('；')}` : '（表头下没有数据行）'}。`,
      );
    }
    await recordAudit(trx, ctx, {
      entity: 'request',
      entityId: null,
      action: 'import',
      summary: `从“${upload.fileName}”导入申请 ${out.added.length} 件（跳过重复 ${out.skipped.length} 件，无法导入 ${out.refused.length} 件）`,
    });
  });
  return out;
}
