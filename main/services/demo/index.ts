// "载入示例数据" / `npm run cli -- demo`: a complete example year so a newcomer sees the product full at once.
// Composable: each area's manifest names its demo step; steps run in AREAS order in one go and share DemoState.
import { todayOf } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { inOneTransaction } from '../../db/savepoint-dialect';
import type { AppContext } from '../workstation';
import type { DemoState, DemoStep } from './types';

/** Every area's demo step, in area order (the bureau first, then the areas that build on it). */
export function demoSteps(ctx: AppContext): Promise<DemoStep[]> {
  return ctx.areas.demoSteps();
}

/** Refuses a database that already holds work: the demo is for an empty one. */
async function assertEmpty(ctx: AppContext): Promise<void> {
  const used =
    (await ctx.db.selectFrom('department').select('id').limit(1).executeTakeFirst()) ??
    (await ctx.db.selectFrom('staff').select('id').limit(1).executeTakeFirst()) ??
    (await ctx.db.selectFrom('plan').select('id').limit(1).executeTakeFirst());
  if (used)
    throw new AppError(
      ErrorCode.CONFLICT,
      '当前数据中已有科室、人员或实施方案，示例数据只能载入空白数据库。如需体验，请另建一个数据文件（命令行：demo --db 新文件）。',
    );
}

/**
 * Runs every step in ONE transaction (on its own connection, see inOneTransaction): a failing step or a killed
 * process leaves the file as empty as it was, never a partial year that the emptiness check would then refuse.
 * Steps use `ctx` as usual; their own transactions become savepoints.
 */
export async function loadDemo(outer: AppContext, steps?: DemoStep[]): Promise<{ summary: string[] }> {
  const chosen = steps ?? (await demoSteps(outer));
  return inOneTransaction(outer, (raw, db) => loadDemoSteps({ ...outer, raw, db }, chosen));
}

async function loadDemoSteps(ctx: AppContext, steps: DemoStep[]): Promise<{ summary: string[] }> {
  await assertEmpty(ctx);
  const today = todayOf(ctx);
  const state: DemoState = {
    year: Number(today.slice(0, 4)),
    today,
    departments: new Map(),
    staff: new Map(),
    people: new Map(),
    documentIds: [],
  };
  const summary: string[] = [];
  for (const step of steps) summary.push(...(await step.run(ctx, state)));
  return { summary };
}
