import {
  readTeamSettings,
  teamSettingsSchema,
  TEAM_SETTING,
  type TeamSettings,
} from '../../../shared/domain/team-settings';
import type { WorkingDayCalendar } from '../../../shared/domain/working-days';
import { diffRecords, recordAudit } from '../audit';
import { loadCalendar } from '../calendar';
import { getAllSettings } from '../settings';
import { validateInput } from '../validate';
import type { AppContext } from '../workstation';

export async function getTeamSettings(ctx: AppContext): Promise<TeamSettings> {
  return readTeamSettings(await getAllSettings(ctx));
}

export async function saveTeamSettings(ctx: AppContext, raw: TeamSettings): Promise<TeamSettings> {
  const v = validateInput(teamSettingsSchema, raw);
  const before = await getTeamSettings(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const put = (key: string, value: number) =>
      trx
        .insertInto('setting')
        .values({ key, value: String(value) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(value) }))
        .execute();
    await put(TEAM_SETTING.filingWorkingDays, v.filingWorkingDays);
    await put(TEAM_SETTING.minSpecialTrainings, v.minSpecialTrainings);
    await put(TEAM_SETTING.minHoursPerPerson, v.minHoursPerPerson);
    await recordAudit(trx, ctx, {
      entity: 'setting',
      entityId: null,
      action: 'update',
      summary: '修改政务公开队伍设置（备案时限、年度培训要求）',
      changes: diffRecords(before, v, Object.keys(v)),
    });
  });
  return getTeamSettings(ctx);
}

/** The working-day calendar for 备案 due dates: the plan area's, with the user's 放假/调休 overrides. */
export async function workingDayCalendar(ctx: AppContext): Promise<WorkingDayCalendar> {
  return loadCalendar(ctx);
}
