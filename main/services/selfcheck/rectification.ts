// 整改台账: items from 自查, 回头看 and outside (测评通报, 第三方评估, 审计), with working-day lights like tasks, dated
// progress with evidence, and 销号 (date and who signed it off). 逾期 is derived, never stored.
import { computeLight } from '../../../shared/domain/plan';
import {
  rectificationInputSchema,
  type RectificationInput,
  type Rectification,
  type RectState,
} from '../../../shared/domain/selfcheck';
import { isoDateSchema, uploadSchema } from '../../../shared/domain/files';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import type { Transaction } from 'kysely';
import type { Upload } from '../../../shared/domain/files';
import type { Database } from '../../db/schema';
import { storeAttachment } from '../attachments';
import { decodeUpload } from '../uploads';
import { diffRecords, nowText, recordAudit } from '../audit';
import { dueSoonDays, loadCalendar } from '../calendar';
import { todayOf } from '../../../shared/domain/dates';
import { validateInput } from '../validate';
import type { AppContext } from '../workstation';
import { indicatorContext, readOccurrences } from './scores';
import { deductionText, toldInWords } from '../../../shared/domain/selfcheck-score';
import { z } from 'zod';
import type { Light } from '../../../shared/domain/lights';

interface RectFilter {
  year?: number;
  /** Items of years before this one. */
  beforeYear?: number;
  id?: number;
  openOnly?: boolean;
}

export async function listRectifications(ctx: AppContext, f: RectFilter = {}): Promise<Rectification[]> {
  let q = ctx.db
    .selectFrom('rectification as r')
    .leftJoin('department as d', 'd.id', 'r.department_id')
    .leftJoin('staff as s', 's.id', 'r.owner_staff_id')
    .selectAll('r')
    .select(['d.name as department_name', 's.name as owner_name']);
  if (f.year !== undefined) q = q.where('r.year', '=', f.year);
  if (f.beforeYear !== undefined) q = q.where('r.year', '<', f.beforeYear);
  if (f.id !== undefined) q = q.where('r.id', '=', f.id);
  if (f.openOnly) q = q.where('r.state', '<>', '已销号');
  const rows = await q.orderBy('r.year').orderBy('r.id').execute();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const progress = await ctx.db
    .selectFrom('rectification_progress')
    .selectAll()
    .where('rectification_id', 'in', ids)
    .orderBy('date')
    .orderBy('id')
    .execute();
  const evidence = progress.length
    ? await ctx.db
        .selectFrom('rectification_evidence')
        .selectAll()
        .where(
          'progress_id',
          'in',
          progress.map((p) => p.id),
        )
        .orderBy('id')
        .execute()
    : [];
  // The ledger number: position within the year's ledger.
  const seqRows = await ctx.db
    .selectFrom('rectification')
    .select(['id', 'year'])
    .where('year', 'in', [...new Set(rows.map((r) => r.year))])
    .orderBy('id')
    .execute();
  const seq = new Map<number, number>();
  const perYear = new Map<number, number>();
  for (const r of seqRows) {
    perYear.set(r.year, (perYear.get(r.year) ?? 0) + 1);
    seq.set(r.id, perYear.get(r.year)!);
  }
  const [cal, soon] = [await loadCalendar(ctx), await dueSoonDays(ctx)];
  const today = todayOf(ctx);
  return rows.map((r) => {
    const state = r.state as RectState;
    const done = state === '已完成' || state === '已销号';
    // Same lights as tasks: a dated deadline is warned in working days; 长期坚持 without a date has none.
    const l = computeLight(
      {
        status: done ? '已完成' : '进行中',
        deadline: r.deadline
          ? { kind: 'date', date: r.deadline, recurrence: null, days: null, text: '' }
          : { kind: 'ongoing', date: null, recurrence: null, days: null, text: '' },
        progressDates: [],
      },
      r.year,
      today,
      soon,
      cal,
    );
    return {
      id: r.id,
      year: r.year,
      seq: seq.get(r.id) ?? 0,
      source: r.source as Rectification['source'],
      indicatorId: r.indicator_id,
      taskId: r.task_id,
      origin: r.origin,
      problem: r.problem,
      measure: r.measure,
      kind: r.kind as Rectification['kind'],
      leader: r.leader,
      departmentId: r.department_id,
      departmentName: r.department_name ?? null,
      ownerId: r.owner_staff_id,
      ownerName: r.owner_name ?? null,
      deadline: r.deadline,
      state,
      overdue: l.light === 'overdue',
      light: l.light as Light,
      workingDaysLeft: l.workingDaysLeft ?? null,
      calendarWarning: l.calendarWarning ?? null,
      completedOn: r.completed_on,
      closedOn: r.closed_on,
      closedBy: r.closed_by,
      explanation: r.explanation === 1,
      note: r.note,
      progress: progress
        .filter((p) => p.rectification_id === r.id)
        .map((p) => ({
          id: p.id,
          date: p.date,
          text: p.text,
          evidence: evidence
            .filter((e) => e.progress_id === p.id)
            .map((e) => ({ id: e.id, title: e.title || e.url || '附件', attachmentId: e.attachment_id, url: e.url })),
        })),
    };
  });
}

/**
 * Earlier years' items a year's 整改 documents must still account for (上年度/往年遗留): those not 销号 when the year
 * began, including any 销号 during it (reported with that date). What a 回头看 looks for first.
 */
export async function carriedRectifications(ctx: AppContext, year: number): Promise<Rectification[]> {
  const start = `${year}-01-01`;
  return (await listRectifications(ctx, { beforeYear: year })).filter(
    (r) => r.state !== '已销号' || (r.closedOn ?? '') >= start,
  );
}

export async function getRectification(ctx: AppContext, id: number): Promise<Rectification> {
  const r = (await listRectifications(ctx, { id }))[0];
  if (!r) throw new AppError(ErrorCode.NOT_FOUND, `找不到编号为 ${id} 的整改事项，可能已被删除。`);
  return r;
}

function columns(t: ReturnType<typeof rectificationInputSchema.parse>) {
  return {
    year: t.year,
    source: t.source,
    indicator_id: t.indicatorId,
    task_id: t.taskId,
    origin: t.origin,
    problem: t.problem,
    measure: t.measure,
    kind: t.kind,
    leader: t.leader,
    department_id: t.departmentId,
    owner_staff_id: t.ownerId,
    deadline: t.deadline,
    state: t.state,
    completed_on: t.state === '已完成' ? t.completedOn : null,
    explanation: t.explanation ? 1 : 0,
    note: t.note,
  };
}

function fkMessage(e: unknown): never {
  if ((e as { code?: string })?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
    throw new AppError(ErrorCode.NOT_FOUND, '所选的责任科室、责任人、指标或任务已不存在，请刷新后重选。');
  throw e;
}

export async function createRectification(ctx: AppContext, raw: RectificationInput): Promise<Rectification> {
  const t = validateInput(rectificationInputSchema, raw);
  const id = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const now = nowText(ctx);
      const r = await trx
        .insertInto('rectification')
        .values({ ...columns(t), closed_on: null, closed_by: '', created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        entity: 'rectification',
        entityId: r.id,
        action: 'create',
        summary: `新增整改事项（${t.source}）：${t.problem.slice(0, 40)}`,
      });
      return r.id;
    })
    .catch(fkMessage);
  return getRectification(ctx, id);
}

export async function updateRectification(
  ctx: AppContext,
  id: number,
  raw: RectificationInput,
): Promise<Rectification> {
  const before = await getRectification(ctx, id);
  if (before.state === '已销号')
    throw new AppError(
      ErrorCode.CONFLICT,
      `整改事项“${before.problem.slice(0, 20)}”已于 ${before.closedOn} 销号，不能再修改。如需重新整改，请先“撤销销号”。`,
    );
  const t = validateInput(rectificationInputSchema, raw);
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      await trx
        .updateTable('rectification')
        .set({ ...columns(t), updated_at: nowText(ctx) })
        .where('id', '=', id)
        .execute();
      const pick = (x: { problem: string; measure: string; state: string; deadline: string | null; kind: string }) => ({
        problem: x.problem,
        measure: x.measure,
        state: x.state,
        deadline: x.deadline,
        kind: x.kind,
      });
      await recordAudit(trx, ctx, {
        entity: 'rectification',
        entityId: id,
        action: 'update',
        summary: `修改整改事项：${t.problem.slice(0, 40)}`,
        changes: diffRecords(pick(before), pick(t)),
      });
    })
    .catch(fkMessage);
  return getRectification(ctx, id);
}

const signOffSchema = z.object({
  id: z.number().int().positive(),
  closedOn: isoDateSchema,
  closedBy: z.string().trim().min(1, '请填写销号复核人').max(40, '复核人不能超过40个字'),
});

/** 销号: only a completed item (or one whose fix is a 情况说明) is signed off, with the date and who checked it. */
export async function signOffRectification(
  ctx: AppContext,
  raw: z.input<typeof signOffSchema>,
): Promise<Rectification> {
  const input = validateInput(signOffSchema, raw);
  const r = await getRectification(ctx, input.id);
  if (r.state === '已销号')
    throw new AppError(ErrorCode.CONFLICT, `该整改事项已于 ${r.closedOn} 由 ${r.closedBy} 销号。`);
  if (r.state !== '已完成')
    throw new AppError(
      ErrorCode.CONFLICT,
      `整改事项“${r.problem.slice(0, 20)}”当前状态为“${r.state}”，完成整改（状态改为“已完成”并填写完成日期）后才能销号。`,
    );
  if (r.completedOn && input.closedOn < r.completedOn)
    throw new AppError(ErrorCode.VALIDATION, `销号日期 ${input.closedOn} 早于完成日期 ${r.completedOn}，请检查。`);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('rectification')
      .set({ state: '已销号', closed_on: input.closedOn, closed_by: input.closedBy, updated_at: nowText(ctx) })
      .where('id', '=', input.id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'rectification',
      entityId: input.id,
      action: 'update',
      summary: `销号：${r.problem.slice(0, 40)}（${input.closedOn}，复核人${input.closedBy}）`,
    });
  });
  return getRectification(ctx, input.id);
}

export async function reopenRectification(ctx: AppContext, id: number): Promise<Rectification> {
  const r = await getRectification(ctx, id);
  if (r.state !== '已销号') throw new AppError(ErrorCode.CONFLICT, '该整改事项尚未销号。');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('rectification')
      .set({ state: '已完成', closed_on: null, closed_by: '', updated_at: nowText(ctx) })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'rectification',
      entityId: id,
      action: 'update',
      summary: `撤销销号：${r.problem.slice(0, 40)}`,
    });
  });
  return getRectification(ctx, id);
}

export async function deleteRectification(ctx: AppContext, id: number): Promise<void> {
  const r = await getRectification(ctx, id);
  if (r.state === '已销号') throw new AppError(ErrorCode.IN_USE, '已销号的整改事项是台账的一部分，不能删除。');
  await ctx.db.transaction().execute(async (trx) => {
    const files = await trx
      .selectFrom('rectification_evidence as e')
      .innerJoin('rectification_progress as p', 'p.id', 'e.progress_id')
      .select('e.attachment_id')
      .where('p.rectification_id', '=', id)
      .where('e.attachment_id', 'is not', null)
      .execute();
    await trx.deleteFrom('rectification').where('id', '=', id).execute();
    const ids = [...new Set(files.map((f) => f.attachment_id!).filter(Boolean))];
    if (ids.length) await trx.deleteFrom('attachment').where('id', 'in', ids).execute();
    await recordAudit(trx, ctx, {
      entity: 'rectification',
      entityId: id,
      action: 'delete',
      summary: `删除整改事项：${r.problem.slice(0, 40)}`,
      changes: { record: { from: r, to: null } },
    });
  });
}

const linkSchema = z
  .string()
  .trim()
  .regex(/^https?:\/\/\S+$/i, '链接应以 http:// 或 https:// 开头')
  .max(1000, '链接不能超过1000个字符');
const filesSchema = z.array(uploadSchema).max(20, '佐证材料一次最多上传20个文件').default([]);

export const rectProgressInputSchema = z.object({
  rectificationId: z.number().int().positive(),
  date: isoDateSchema,
  text: z.string().trim().min(1, '请填写进展情况').max(2000, '进展情况不能超过2000个字'),
  /** One file (older callers) or several (`files`); both may be given. */
  upload: uploadSchema.nullable().default(null),
  files: filesSchema,
  url: linkSchema.nullable().default(null),
});

/** Files and a link, checked (size, empty) before anything is written so a bad file leaves nothing behind. */
function evidenceOf(
  files: Upload[],
  url: string | null,
): { upload: Upload | null; data: Buffer | null; url: string | null }[] {
  return [
    ...files.map((f) => ({ upload: f, data: decodeUpload(f), url: null })),
    ...(url ? [{ upload: null, data: null, url }] : []),
  ];
}

async function insertEvidence(
  trx: Transaction<Database>,
  ctx: AppContext,
  progressId: number,
  items: ReturnType<typeof evidenceOf>,
): Promise<void> {
  for (const e of items) {
    const attachmentId = e.upload && e.data ? await storeAttachment(trx, ctx, e.upload.fileName, e.data) : null;
    await trx
      .insertInto('rectification_evidence')
      .values({
        progress_id: progressId,
        title: e.upload?.fileName ?? e.url ?? '',
        attachment_id: attachmentId,
        url: e.url,
        created_at: nowText(ctx),
      })
      .execute();
  }
}

export async function addRectProgress(
  ctx: AppContext,
  raw: z.input<typeof rectProgressInputSchema>,
): Promise<Rectification> {
  const input = validateInput(rectProgressInputSchema, raw);
  const r = await getRectification(ctx, input.rectificationId);
  if (r.state === '已销号') throw new AppError(ErrorCode.CONFLICT, '该整改事项已销号，不能再添加进展。');
  if (input.date > todayOf(ctx)) throw new AppError(ErrorCode.VALIDATION, `进展日期 ${input.date} 晚于今天，请检查。`);
  const items = evidenceOf([...(input.upload ? [input.upload] : []), ...input.files], input.url);
  await ctx.db.transaction().execute(async (trx) => {
    const p = await trx
      .insertInto('rectification_progress')
      .values({
        rectification_id: r.id,
        date: input.date,
        text: input.text,
        attachment_id: null,
        url: null,
        evidence_title: '',
        created_at: nowText(ctx),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertEvidence(trx, ctx, p.id, items);
    // The first progress moves an item that had not started into 整改中.
    if (r.state === '未开始')
      await trx
        .updateTable('rectification')
        .set({ state: '整改中', updated_at: nowText(ctx) })
        .where('id', '=', r.id)
        .execute();
    await recordAudit(trx, ctx, {
      entity: 'rectification',
      entityId: r.id,
      action: 'update',
      summary: `整改进展（${input.date}）：${input.text.slice(0, 40)}${items.length ? `（佐证材料 ${items.length} 项）` : ''}`,
    });
  });
  return getRectification(ctx, r.id);
}

export const rectEvidenceInputSchema = z
  .object({
    progressId: z.number().int().positive(),
    files: filesSchema,
    url: linkSchema.nullable().default(null),
  })
  .refine((e) => e.files.length > 0 || !!e.url, { message: '请选择要上传的文件或填写链接', path: ['files'] });

async function progressOf(
  ctx: AppContext,
  progressId: number,
): Promise<{ progress: { id: number; date: string }; item: Rectification }> {
  const p = await ctx.db
    .selectFrom('rectification_progress')
    .select(['id', 'date', 'rectification_id'])
    .where('id', '=', progressId)
    .executeTakeFirst();
  if (!p) throw new AppError(ErrorCode.NOT_FOUND, '该进展记录已不存在，请刷新。');
  const item = await getRectification(ctx, p.rectification_id);
  if (item.state === '已销号')
    throw new AppError(
      ErrorCode.CONFLICT,
      `整改事项已于 ${item.closedOn} 销号，佐证材料不能再增删。如需补充，请先“撤销销号”。`,
    );
  return { progress: p, item };
}

/** Adds files (or a link) to a progress entry already recorded: the evidence often arrives after the entry. */
export async function addRectEvidence(
  ctx: AppContext,
  raw: z.input<typeof rectEvidenceInputSchema>,
): Promise<Rectification> {
  const input = validateInput(rectEvidenceInputSchema, raw);
  const { progress, item } = await progressOf(ctx, input.progressId);
  const items = evidenceOf(input.files, input.url);
  await ctx.db.transaction().execute(async (trx) => {
    await insertEvidence(trx, ctx, progress.id, items);
    await recordAudit(trx, ctx, {
      entity: 'rectification',
      entityId: item.id,
      action: 'update',
      summary: `整改进展（${progress.date}）添加佐证材料：${items.map((e) => e.upload?.fileName ?? e.url).join('、')}`,
    });
  });
  return getRectification(ctx, item.id);
}

/** Removes one piece of evidence (and its stored file) from a progress entry. */
export async function removeRectEvidence(ctx: AppContext, id: number): Promise<Rectification> {
  const e = await ctx.db.selectFrom('rectification_evidence').selectAll().where('id', '=', id).executeTakeFirst();
  if (!e) throw new AppError(ErrorCode.NOT_FOUND, '该佐证材料已不存在，请刷新。');
  const { progress, item } = await progressOf(ctx, e.progress_id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('rectification_evidence').where('id', '=', id).execute();
    if (e.attachment_id) {
      // An entry made before migration 34 still names its file in its own column (copied to the evidence table).
      await trx
        .updateTable('rectification_progress')
        .set({ attachment_id: null, url: null })
        .where('id', '=', progress.id)
        .where('attachment_id', '=', e.attachment_id)
        .execute();
      await trx.deleteFrom('attachment').where('id', '=', e.attachment_id).execute();
    }
    await recordAudit(trx, ctx, {
      entity: 'rectification',
      entityId: item.id,
      action: 'update',
      summary: `整改进展（${progress.date}）删除佐证材料：${e.title}`,
      changes: { evidence: { from: e.title, to: null } },
    });
  });
  return getRectification(ctx, item.id);
}

/** 转为整改: one step from a leaf that lost points to an 整改 item carrying its reason and planned measure. */
export async function rectifyIndicator(
  ctx: AppContext,
  input: { indicatorId: number; deadline?: string | null },
): Promise<Rectification> {
  const { template, node, path, points } = await indicatorContext(ctx, input.indicatorId);
  const entry = await ctx.db
    .selectFrom('sc_entry')
    .selectAll()
    .where('indicator_id', '=', input.indicatorId)
    .executeTakeFirst();
  const existing = await ctx.db
    .selectFrom('rectification')
    .select('id')
    .where('indicator_id', '=', input.indicatorId)
    .where('state', '<>', '已销号')
    .executeTakeFirst();
  if (existing)
    throw new AppError(
      ErrorCode.CONFLICT,
      `“${path}”已有未销号的整改事项（台账第 ${(await getRectification(ctx, existing.id)).seq} 项），请在整改台账中查看。`,
    );
  // Without a reason written, a counted rule says what was found ("未按时公开1次，扣1分；内容不完整2处，扣1分").
  const counted =
    entry?.rated && toldInWords(node.rule) ? deductionText(node.rule, readOccurrences(entry), points) : '';
  const problem = entry?.reason.trim() || `${node.name}：${counted || '未达到评分标准'}`;
  return createRectification(ctx, {
    year: template.year,
    source: '自查',
    indicatorId: input.indicatorId,
    origin: path,
    problem,
    measure: entry?.measure ?? '',
    kind: input.deadline ? '限期整改' : '立行立改',
    deadline: input.deadline ?? null,
  });
}
