// 进展情况: dated progress entries of a task with evidence files (stored as attachments) or links.
import { progressInputSchema, type ProgressEntry, type ProgressInput } from '../../../shared/domain/plan';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { storeUpload } from '../attachments';
import { nowText, recordAudit } from '../audit';
import type { AppContext } from '../workstation';
import { listProgress } from './tasks';
import { validateInput } from '../validate';

export async function addProgress(ctx: AppContext, input: ProgressInput): Promise<ProgressEntry> {
  const p = validateInput(progressInputSchema, input);
  const task = await ctx.db.selectFrom('plan_task').select(['id', 'title', 'status']).where('id', '=', p.taskId).executeTakeFirst();
  if (!task) throw new AppError(ErrorCode.NOT_FOUND, '找不到该任务，可能已被删除，请刷新后重试。');
  for (const l of p.links) {
    if (!/^(https?:\/\/|\\\\|[A-Za-z]:\\)/.test(l.url)) {
      throw new AppError(ErrorCode.VALIDATION, `链接“${l.url}”不是有效的网址或共享文件夹路径（应以 http://、https:// 或 \\\\ 开头）。`);
    }
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const r = await trx.insertInto('plan_progress').values({ task_id: p.taskId, date: p.date, text: p.text, percent: p.percent, created_at: nowText(ctx) })
      .returning('id').executeTakeFirstOrThrow();
    for (const f of p.files) {
      const attachmentId = await storeUpload(trx, ctx, f);
      await trx.insertInto('plan_evidence').values({ progress_id: r.id, title: f.fileName, attachment_id: attachmentId, link: null }).execute();
    }
    for (const l of p.links) await trx.insertInto('plan_evidence').values({ progress_id: r.id, title: l.title || l.url, attachment_id: null, link: l.url }).execute();
    // The first progress on a task that had not started means it has.
    if (task.status === '未开始') await trx.updateTable('plan_task').set({ status: '进行中', updated_at: nowText(ctx) }).where('id', '=', p.taskId).execute();
    await recordAudit(trx, ctx, {
      entity: 'plan_task', entityId: p.taskId, action: 'update',
      summary: `登记进展（${p.date}）：${task.title}${p.files.length + p.links.length ? `，佐证材料 ${p.files.length + p.links.length} 项` : ''}`,
    });
    return r.id;
  });
  return (await listProgress(ctx, p.taskId)).find((e) => e.id === id)!;
}

export async function deleteProgress(ctx: AppContext, id: number): Promise<void> {
  const e = await ctx.db.selectFrom('plan_progress').select(['task_id', 'date']).where('id', '=', id).executeTakeFirst();
  if (!e) throw new AppError(ErrorCode.NOT_FOUND, '找不到该进展记录，可能已被删除，请刷新后重试。');
  await ctx.db.transaction().execute(async (trx) => {
    const files = await trx.selectFrom('plan_evidence').select('attachment_id').where('progress_id', '=', id).execute();
    await trx.deleteFrom('plan_progress').where('id', '=', id).execute();
    // Evidence files belong to this entry only.
    const ids = files.map((f) => f.attachment_id).filter((x): x is number => x !== null);
    if (ids.length) await trx.deleteFrom('attachment').where('id', 'in', ids).execute();
    await recordAudit(trx, ctx, { entity: 'plan_task', entityId: e.task_id, action: 'delete', summary: `删除进展记录（${e.date}）` });
  });
}
