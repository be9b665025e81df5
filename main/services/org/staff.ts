import { sql } from 'kysely';
import type { Staff, StaffInput, StaffStatus } from '../../../shared/domain/org';
import { staffInputSchema } from '../../../shared/domain/org';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { diffRecords, nowText, recordAudit } from '../audit';
import type { AppContext } from '../workstation';
import { isForeignKeyError } from '../../db/errors';
import { validateInput } from '../validate';

interface StaffFilter {
  search?: string;
  departmentId?: number;
  status?: StaffStatus;
}

export async function listStaff(ctx: AppContext, filter: StaffFilter = {}): Promise<Staff[]> {
  let q = ctx.db
    .selectFrom('staff as s')
    .leftJoin('department as d', 'd.id', 's.department_id')
    .select([
      's.id',
      's.name',
      's.department_id',
      'd.name as department_name',
      's.title',
      's.phone',
      's.status',
      's.note',
    ]);
  if (filter.search?.trim()) {
    // The user's % and _ are searched for literally, not used as wildcards.
    const like = `%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const matches = (col: string) => sql<boolean>`${sql.ref(col)} LIKE ${like} ESCAPE '\\'`;
    q = q.where((eb) => eb.or([matches('s.name'), matches('s.title'), matches('s.phone'), matches('d.name')]));
  }
  if (filter.departmentId !== undefined) q = q.where('s.department_id', '=', filter.departmentId);
  if (filter.status) q = q.where('s.status', '=', filter.status);
  // People without a 科室 come last, not first (SQLite sorts NULL first).
  const rows = await q
    .orderBy(sql`d.sort_order IS NULL`)
    .orderBy('d.sort_order')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    departmentId: r.department_id,
    departmentName: r.department_name ?? null,
    title: r.title,
    phone: r.phone,
    status: r.status,
    note: r.note,
  }));
}

async function getStaff(ctx: AppContext, id: number): Promise<Staff> {
  const s = (await listStaff(ctx)).find((x) => x.id === id);
  if (!s) throw new AppError(ErrorCode.NOT_FOUND, '找不到该人员，可能已被删除，请刷新后重试。');
  return s;
}

async function assertDepartmentUsable(ctx: AppContext, departmentId: number | null): Promise<void> {
  if (departmentId === null) return;
  const d = await ctx.db
    .selectFrom('department')
    .select(['active', 'name'])
    .where('id', '=', departmentId)
    .executeTakeFirst();
  if (!d) throw new AppError(ErrorCode.NOT_FOUND, '所选科室不存在，请刷新后重选。');
  if (!d.active) throw new AppError(ErrorCode.CONFLICT, `科室“${d.name}”已停用，请先启用或选择其他科室。`);
}

function toRow(input: ReturnType<typeof staffInputSchema.parse>) {
  return {
    name: input.name,
    department_id: input.departmentId,
    title: input.title,
    phone: input.phone,
    status: input.status,
    note: input.note,
  };
}

export async function createStaff(ctx: AppContext, raw: StaffInput): Promise<Staff> {
  const input = validateInput(staffInputSchema, raw);
  await assertDepartmentUsable(ctx, input.departmentId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('staff')
      .values({ ...toRow(input), created_at: nowText(ctx) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'staff',
      entityId: r.id,
      action: 'create',
      summary: `新增人员：${input.name}`,
    });
    return r.id;
  });
  return getStaff(ctx, id);
}

export async function updateStaff(ctx: AppContext, id: number, raw: StaffInput): Promise<Staff> {
  const input = validateInput(staffInputSchema, raw);
  const before = await getStaff(ctx, id);
  if (input.departmentId !== before.departmentId) await assertDepartmentUsable(ctx, input.departmentId);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('staff').set(toRow(input)).where('id', '=', id).execute();
    // The trail names the 科室 (as people read it), not its internal number.
    const { id: _id, departmentName, departmentId: _did, ...beforeFields } = before;
    const { departmentId, ...afterFields } = input;
    const after =
      departmentId === null
        ? null
        : ((await trx.selectFrom('department').select('name').where('id', '=', departmentId).executeTakeFirst())
            ?.name ?? null);
    await recordAudit(trx, ctx, {
      entity: 'staff',
      entityId: id,
      action: 'update',
      summary: `修改人员：${input.name}`,
      changes: diffRecords({ ...beforeFields, department: departmentName }, { ...afterFields, department: after }),
    });
  });
  return getStaff(ctx, id);
}

/** People other records use are never deleted; they are marked 离岗 instead. */
export async function deleteStaff(ctx: AppContext, id: number): Promise<void> {
  const before = await getStaff(ctx, id);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('staff').where('id', '=', id).execute();
      await recordAudit(trx, ctx, {
        entity: 'staff',
        entityId: id,
        action: 'delete',
        summary: `删除人员：${before.name}`,
      });
    });
  } catch (e) {
    if (isForeignKeyError(e)) {
      throw new AppError(
        ErrorCode.IN_USE,
        `“${before.name}”已出现在岗位、任务或培训等记录中，不能删除（历史记录需要保留）。可以把状态改为“离岗”。`,
      );
    }
    throw e;
  }
}
