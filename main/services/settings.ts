import type { AppContext } from './workstation';

/** Setting keys in use. Areas add theirs here so the names stay in one place. */
export const SettingKey = {
  currentYear: 'app.currentYear',
  planDueSoonDays: 'plan.dueSoonDays', // 即将到期: due within N working days (default 5)
  calendarOverrides: 'calendar.overrides', // JSON WorkingDayOverride[]: holidays/调休 the package does not know
} as const;

export async function getSetting(ctx: AppContext, key: string): Promise<string | null> {
  const row = await ctx.db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function getAllSettings(ctx: AppContext): Promise<Record<string, string>> {
  const rows = await ctx.db.selectFrom('setting').selectAll().execute();
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export async function setSetting(ctx: AppContext, key: string, value: string): Promise<void> {
  await ctx.db.insertInto('setting').values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}
