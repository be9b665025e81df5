import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import type { AppContext } from './workstation';

/**
 * Refuses a name another record of a named list already has (科室, 岗位). A deactivated holder of the name is pointed
 * out: the user most likely wants to re-enable it rather than make a second one.
 */
export async function assertNameFree(
  ctx: AppContext,
  table: 'department' | 'ab_post',
  noun: string,
  name: string,
  exceptId?: number,
): Promise<void> {
  const other = await ctx.db.selectFrom(table).select(['id', 'active']).where('name', '=', name).executeTakeFirst();
  if (other && other.id !== exceptId) {
    throw new AppError(
      ErrorCode.CONFLICT,
      other.active ? `已有名为“${name}”的${noun}。` : `已有名为“${name}”的停用${noun}，可在${noun}列表中重新启用。`,
    );
  }
}
