// "载入示例数据" / `npm run cli -- demo`: a complete example year so a newcomer sees the product full at once.
// Composable: each area adds one step to DEMO_STEPS; steps run in order in one go and share DemoState.
import { todayOf } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import type { AppContext } from '../workstation';
import { foundationDemoStep } from './foundation';
import { planDemoStep, pointsDemoStep } from './plan';
import { teamDemoStep } from '../team/demo';

export interface DemoState {
  year: number;
  /** Today as the workstation's clock says (ISO). */
  today: string;
  departments: Map<string, number>;
  /** Staff ids by department name. */
  staff: Map<string, number[]>;
  /** Source documents imported by the points step. */
  documentIds: number[];
}

export interface DemoStep {
  name: string;
  /** Adds the area's example data; returns lines for the summary shown to the user. */
  run(ctx: AppContext, state: DemoState): Promise<string[]>;
}

export const DEMO_STEPS: DemoStep[] = [
  foundationDemoStep,
  pointsDemoStep,
  planDemoStep,
  teamDemoStep,
];

/** Refuses a database that already holds work: the demo is for an empty one. */
async function assertEmpty(ctx: AppContext): Promise<void> {
  const used = await ctx.db.selectFrom('department').select('id').limit(1).executeTakeFirst()
    ?? await ctx.db.selectFrom('staff').select('id').limit(1).executeTakeFirst()
    ?? await ctx.db.selectFrom('plan').select('id').limit(1).executeTakeFirst();
  if (used) throw new AppError(ErrorCode.CONFLICT, '当前数据中已有科室、人员或实施方案，示例数据只能载入空白数据库。如需体验，请另建一个数据文件（命令行：demo --db 新文件）。');
}

export async function loadDemo(ctx: AppContext): Promise<{ summary: string[] }> {
  await assertEmpty(ctx);
  const today = todayOf(ctx);
  const state: DemoState = {
    year: Number(today.slice(0, 4)), today,
    departments: new Map(), staff: new Map(), documentIds: [],
  };
  const summary: string[] = [];
  for (const step of DEMO_STEPS) summary.push(...await step.run(ctx, state));
  return { summary };
}
