import { isForeignKeyError } from '../../db/errors';
import { sql } from 'kysely';
import type { Department } from '../../../shared/domain/org';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { recordAudit, nowText } from '../audit';
import { assertNameFree } from '../unique-name';
import type { AppContext } from '../workstation';

export async function listDepartments(ctx: AppContext, includeInactive = true): Promise<Department[]> {
  let q = ctx.db
    .selectFrom('department as d')
    .select(['d.id', 'd.name', 'd.sort_order', 'd.active'])
    .select(sql<number>`(SELECT count(*) FROM staff s WHERE s.department_id = d.id)`.as('staff_count'));
  if (!includeInactive) q = q.where('d.active', '=', 1);
  const rows = await q.orderBy('d.sort_order').orderBy('d.id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    sortOrder: r.sort_order,
    active: r.active === 1,
    staffCount: r.staff_count,
  }));
}

async function getDepartment(ctx: AppContext, id: number): Promise<Department> {
  const d = (await listDepartments(ctx)).find((x) => x.id === id);
  if (!d) throw new AppError(ErrorCode.NOT_FOUND, '找不到该科室，可能已被删除，请刷新后重试。');
  return d;
}

export async function createDepartment(ctx: AppContext, name: string): Promise<Department> {
  await assertNameFree(ctx, 'department', '科室', name);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const max = await trx
      .selectFrom('department')
      .select(sql<number>`coalesce(max(sort_order), 0)`.as('m'))
      .executeTakeFirstOrThrow();
    const r = await trx
      .insertInto('department')
      .values({ name, sort_order: max.m + 1, active: 1, created_at: nowText(ctx) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'department',
      entityId: r.id,
      action: 'create',
      summary: `新增科室：${name}`,
    });
    return r.id;
  });
  return getDepartment(ctx, id);
}

export async function renameDepartment(ctx: AppContext, id: number, name: string): Promise<Department> {
  const before = await getDepartment(ctx, id);
  await assertNameFree(ctx, 'department', '科室', name, id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('department').set({ name }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      entity: 'department',
      entityId: id,
      action: 'update',
      summary: `科室更名：${before.name} → ${name}`,
      changes: { name: { from: before.name, to: name } },
    });
  });
  return getDepartment(ctx, id);
}

export async function reorderDepartments(ctx: AppContext, ids: number[]): Promise<void> {
  const existing = new Set((await listDepartments(ctx)).map((d) => d.id));
  if (ids.length !== existing.size || ids.some((id) => !existing.has(id)) || new Set(ids).size !== ids.length) {
    throw new AppError(ErrorCode.CONFLICT, '科室列表已变化，请刷新后重新排序。');
  }
  await ctx.db.transaction().execute(async (trx) => {
    for (const [i, id] of ids.entries())
      await trx
        .updateTable('department')
        .set({ sort_order: i + 1 })
        .where('id', '=', id)
        .execute();
    await recordAudit(trx, ctx, { entity: 'department', entityId: null, action: 'update', summary: '调整科室顺序' });
  });
}

export async function setDepartmentActive(ctx: AppContext, id: number, active: boolean): Promise<Department> {
  const before = await getDepartment(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('department')
      .set({ active: active ? 1 : 0 })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'department',
      entityId: id,
      action: 'update',
      summary: `${active ? '启用' : '停用'}科室：${before.name}`,
      changes: { active: { from: before.active, to: active } },
    });
  });
  return getDepartment(ctx, id);
}

/** A department that any record uses is never deleted: the foreign keys say so, and the user is offered deactivation. */
export async function deleteDepartment(ctx: AppContext, id: number): Promise<void> {
  const before = await getDepartment(ctx, id);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('department').where('id', '=', id).execute();
      await recordAudit(trx, ctx, {
        entity: 'department',
        entityId: id,
        action: 'delete',
        summary: `删除科室：${before.name}`,
      });
    });
  } catch (e) {
    if (isForeignKeyError(e)) {
      throw new AppError(
        ErrorCode.IN_USE,
        `科室“${before.name}”已被人员或其他记录使用，不能删除（历史记录需要它）。可以改为“停用”，停用后不再出现在选择列表中。`,
      );
    }
    throw e;
  }
}
