// 政务公开队伍 settings shared by AB岗 and 培训: the 备案 time limit and the yearly training requirement.
import { z } from 'zod';

export const TEAM_SETTING = {
  /** 备案 due: N working days after the change date. */
  filingWorkingDays: 'team.filingWorkingDays',
  /** At least this many held 政务公开专题培训 a year. */
  minSpecialTrainings: 'team.training.minSpecial',
  /** Hours each team member (current A/B holder) should have in the year; 0 = no hours requirement. */
  minHoursPerPerson: 'team.training.minHours',
} as const;

const TEAM_DEFAULTS = { filingWorkingDays: 5, minSpecialTrainings: 1, minHoursPerPerson: 0 } as const;

export interface TeamSettings {
  filingWorkingDays: number;
  minSpecialTrainings: number;
  minHoursPerPerson: number;
}

export const teamSettingsSchema = z.object({
  filingWorkingDays: z
    .number()
    .int('备案工作日数应为整数')
    .min(1, '备案工作日数至少为1')
    .max(60, '备案工作日数不能超过60'),
  minSpecialTrainings: z
    .number()
    .int('专题培训次数应为整数')
    .min(0, '专题培训次数不能为负')
    .max(24, '专题培训次数不能超过24'),
  minHoursPerPerson: z.number().min(0, '学时不能为负').max(500, '学时不能超过500'),
});

/** Reads the settings from the key/value table, with defaults for missing or unreadable values. */
export function readTeamSettings(values: Record<string, string | undefined>): TeamSettings {
  const num = (key: string, def: number) => {
    const v = values[key];
    const n = v === undefined || v.trim() === '' ? NaN : Number(v);
    return Number.isFinite(n) && n >= 0 ? n : def;
  };
  return {
    filingWorkingDays: Math.max(1, Math.round(num(TEAM_SETTING.filingWorkingDays, TEAM_DEFAULTS.filingWorkingDays))),
    minSpecialTrainings: Math.round(num(TEAM_SETTING.minSpecialTrainings, TEAM_DEFAULTS.minSpecialTrainings)),
    minHoursPerPerson: num(TEAM_SETTING.minHoursPerPerson, TEAM_DEFAULTS.minHoursPerPerson),
  };
}
