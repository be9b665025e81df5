// 进展情况: dated progress entries of a task with evidence files (stored as attachments) or links. A mistyped entry
// can be corrected or deleted; every change is recorded in the audit trail with what it was before.
import type { Transaction } from 'kysely';
import { isAfter, todayOf } from '../../../shared/domain/dates';
import {
  progressInputSchema,
  progressUpdateSchema,
  type ProgressEntry,
  type ProgressInput,
  type ProgressUpdate,
} from '../../../shared/domain/plan';
import { toDayNumber } from '../../../shared/domain/working-days';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import type { Database } from '../../db/schema';
import { storeUpload } from '../attachments';
import { diffRecords, nowText, recordAudit } from '../audit';
import type { AppContext } from '../workstation';
import { listProgress } from './tasks';
import { validateInput } from '../validate';

/** A progress entry reports what has happened: a real date, not after today. */
function assertProgressDate(ctx: AppContext, date: string): void {
  try {
    toDayNumber(date);
  } catch {
    throw new AppError(ErrorCode.VALIDATION, `进展日期“${date}”不是有效日期，请重新选择。`);
  }
  const today = todayOf(ctx);
  if (isAfter(date, today)) {
    throw new AppError(
      ErrorCode.VALIDATION,
      `进展日期（${date}）晚于今天（${today}）。进展记录登记已经做了的工作，请填写实际日期。`,
    );
  }
}

function assertLinks(links: { url: string }[]): void {
  for (const l of links) {
    if (!/^(https?:\/\/|\\\\|[A-Za-z]:\\)/.test(l.url)) {
      throw new AppError(
        ErrorCode.VALIDATION,
        `佐证链接“${l.url}”不是有效的网址或共享文件夹路径（应以 http://、https:// 或 \\\\ 开头）。`,
      );
    }
  }
}

async function addEvidence(
  trx: Transaction<Database>,
  ctx: AppContext,
  progressId: number,
  files: { fileName: string; dataBase64: string }[],
  links: { title: string; url: string }[],
) {
  for (const f of files) {
    const attachmentId = await storeUpload(trx, ctx, f);
    await trx
      .insertInto('plan_evidence')
      .values({ progress_id: progressId, title: f.fileName, attachment_id: attachmentId, link: null })
      .execute();
  }
  for (const l of links)
    await trx
      .insertInto('plan_evidence')
      .values({ progress_id: progressId, title: l.title || l.url, attachment_id: null, link: l.url })
      .execute();
}

export async function addProgress(ctx: AppContext, input: ProgressInput): Promise<ProgressEntry> {
  const p = validateInput(progressInputSchema, input);
  const task = await ctx.db
    .selectFrom('plan_task')
    .select(['id', 'title', 'status'])
    .where('id', '=', p.taskId)
    .executeTakeFirst();
  if (!task) throw new AppError(ErrorCode.NOT_FOUND, '找不到该任务，可能已被删除，请刷新后重试。');
  assertProgressDate(ctx, p.date);
  assertLinks(p.links);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('plan_progress')
      .values({ task_id: p.taskId, date: p.date, text: p.text, percent: p.percent, created_at: nowText(ctx) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addEvidence(trx, ctx, r.id, p.files, p.links);
    // The first progress on a task that had not started means it has.
    if (task.status === '未开始')
      await trx
        .updateTable('plan_task')
        .set({ status: '进行中', updated_at: nowText(ctx) })
        .where('id', '=', p.taskId)
        .execute();
    await recordAudit(trx, ctx, {
      entity: 'plan_task',
      entityId: p.taskId,
      action: 'update',
      summary: `登记进展（${p.date}）：${task.title}${p.files.length + p.links.length ? `，佐证材料 ${p.files.length + p.links.length} 项` : ''}`,
    });
    return r.id;
  });
  return (await listProgress(ctx, p.taskId)).find((e) => e.id === id)!;
}

async function getProgress(ctx: AppContext, id: number): Promise<{ entry: ProgressEntry; taskTitle: string }> {
  const row = await ctx.db
    .selectFrom('plan_progress as p')
    .innerJoin('plan_task as t', 't.id', 'p.task_id')
    .select(['p.task_id', 't.title'])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, '找不到该进展记录，可能已被删除，请刷新后重试。');
  const entry = (await listProgress(ctx, row.task_id)).find((e) => e.id === id)!;
  return { entry, taskTitle: row.title };
}

/** What an entry looked like, for the audit trail (evidence by name). */
function snapshot(e: ProgressEntry) {
  return { date: e.date, text: e.text, percent: e.percent, evidence: e.evidence.map((x) => x.title).join('、') };
}

/** Corrects a progress entry: date, words, percentage, evidence added or removed; one transaction, audited. */
export async function updateProgress(ctx: AppContext, input: ProgressUpdate): Promise<ProgressEntry> {
  const p = validateInput(progressUpdateSchema, input);
  const { entry: before, taskTitle } = await getProgress(ctx, p.id);
  assertProgressDate(ctx, p.date);
  assertLinks(p.addLinks);
  const removed = before.evidence.filter((e) => p.removeEvidenceIds.includes(e.id));
  if (removed.length !== new Set(p.removeEvidenceIds).size) {
    throw new AppError(ErrorCode.NOT_FOUND, '要删除的佐证材料不属于这条进展记录，请刷新后重试。');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('plan_progress')
      .set({ date: p.date, text: p.text, percent: p.percent })
      .where('id', '=', p.id)
      .execute();
    if (removed.length) {
      await trx
        .deleteFrom('plan_evidence')
        .where(
          'id',
          'in',
          removed.map((e) => e.id),
        )
        .execute();
      const files = removed.map((e) => e.attachmentId).filter((x): x is number => x !== null);
      if (files.length) await trx.deleteFrom('attachment').where('id', 'in', files).execute();
    }
    await addEvidence(trx, ctx, p.id, p.addFiles, p.addLinks);
    const after = (
      await trx.selectFrom('plan_evidence').select('title').where('progress_id', '=', p.id).orderBy('id').execute()
    ).map((e) => e.title);
    await recordAudit(trx, ctx, {
      entity: 'plan_task',
      entityId: before.taskId,
      action: 'update',
      summary: `修改进展记录（${before.date}）：${taskTitle}`,
      changes: diffRecords(snapshot(before), {
        date: p.date,
        text: p.text,
        percent: p.percent,
        evidence: after.join('、'),
      }),
    });
  });
  return (await getProgress(ctx, p.id)).entry;
}

/** Deletes a mistyped progress entry with its evidence files; the audit trail keeps what it said. */
export async function deleteProgress(ctx: AppContext, id: number): Promise<void> {
  const { entry, taskTitle } = await getProgress(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('plan_progress').where('id', '=', id).execute();
    // Evidence files belong to this entry only.
    const ids = entry.evidence.map((f) => f.attachmentId).filter((x): x is number => x !== null);
    if (ids.length) await trx.deleteFrom('attachment').where('id', 'in', ids).execute();
    await recordAudit(trx, ctx, {
      entity: 'plan_task',
      entityId: entry.taskId,
      action: 'delete',
      summary: `删除进展记录（${entry.date}）：${taskTitle}${entry.evidence.length ? `，连同佐证材料 ${entry.evidence.length} 项` : ''}`,
      changes: { progress: { from: snapshot(entry), to: null } },
    });
  });
}
