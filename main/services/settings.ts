import type { Transaction } from 'kysely';
import { z } from 'zod';
import { rememberedRolesSchema } from '../../shared/domain/table-columns';
import { TEAM_SETTING } from '../../shared/domain/team-settings';
import { workingDayOverrideSchema } from '../../shared/domain/working-days';
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import type { Database } from '../db/schema';
import { recordAudit } from './audit';
import type { AppContext } from './workstation';

/** Setting keys in use. Areas add theirs here so the names stay in one place. */
export const SettingKey = {
  currentYear: 'app.currentYear',
  planDueSoonDays: 'plan.dueSoonDays', // 即将到期: due within N working days (default 5)
  calendarOverrides: 'calendar.overrides', // JSON WorkingDayOverride[]: holidays/调休 the package does not know
  /** The data file's identity (made at first open; backups carry it). Written by the program only. */
  fileId: 'data.fileId',
  /** JSON { header signature: column roles }: the roles a user chose for a table's columns, for the next such table. */
  columnRoles: 'import.columnRoles',
  /** 主送机关 of the 自查报告 and 整改情况报告 (unset: the county government office of the bureau's region; "": none). */
  reportAddressee: 'selfcheck.reportAddressee',
} as const;

/**
 * One stored setting: its Chinese name, the schema its stored text must pass, and what to use instead when a stored
 * value does not pass (an older file, a hand edit): `fallback` returns text the readers understand, or null for
 * "as if never set" (each reader then applies its own default). `internal` keys are written by the program only.
 */
interface SettingDef {
  label: string;
  schema: z.ZodType<unknown, string>;
  fallback: (ctx: AppContext) => string | null;
  /** How the fallback reads in the warning. */
  fallbackLabel: string;
  internal?: boolean;
}

/** Stored text that is a whole number in a range, written plainly ("2026", not "2026.0" or " 2026"). */
function intText(label: string, min: number, max: number, unit = ''): z.ZodType<number, string> {
  return z
    .string()
    .regex(/^-?\d+$/, `${label}应为整数`)
    .transform(Number)
    .pipe(z.number().int().min(min, `${label}不能小于${min}${unit}`).max(max, `${label}不能大于${max}${unit}`));
}
/** Stored text that is a number (decimals allowed) in a range. */
function numberText(label: string, min: number, max: number, unit = ''): z.ZodType<number, string> {
  return z
    .string()
    .regex(/^\d+(\.\d+)?$/, `${label}应为数字`)
    .transform(Number)
    .pipe(z.number().min(min, `${label}不能小于${min}${unit}`).max(max, `${label}不能大于${max}${unit}`));
}
/** Stored text that is JSON matching a schema. */
function jsonText<T>(label: string, schema: z.ZodType<T>): z.ZodType<T, string> {
  return z
    .string()
    .transform((s, c) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        c.addIssue({ code: 'custom', message: `${label}不是有效的内容` });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

/**
 * Every setting key the program stores, with its schema. Areas add their keys here (one block each); a key that is
 * not in this list is refused by `settings.set`.
 */
export const SETTINGS: Record<string, SettingDef> = {
  // foundation
  [SettingKey.currentYear]: {
    label: '工作年度',
    schema: intText('工作年度', 2000, 2100, '年'),
    fallback: (ctx) => String(ctx.now().getFullYear()),
    fallbackLabel: '今年',
  },
  [SettingKey.fileId]: {
    label: '数据文件标识',
    schema: z.string().regex(/^[0-9a-f-]{36}$/, '数据文件标识格式不正确'),
    fallback: () => null,
    fallbackLabel: '无标识',
    internal: true,
  },
  [SettingKey.columnRoles]: {
    label: '导入表格时为各列选择的内容',
    schema: jsonText('导入表格时为各列选择的内容', rememberedRolesSchema),
    fallback: () => null,
    fallbackLabel: '不沿用以前的选择',
    internal: true,
  },
  // plan
  [SettingKey.planDueSoonDays]: {
    label: '即将到期提醒天数',
    schema: intText('即将到期提醒天数', 1, 60, '个工作日'),
    fallback: () => null,
    fallbackLabel: '默认的 5 个工作日',
  },
  [SettingKey.calendarOverrides]: {
    label: '放假与调休安排',
    schema: jsonText('放假与调休安排', z.array(workingDayOverrideSchema).max(2000, '放假与调休安排过多')),
    fallback: () => null,
    fallbackLabel: '不使用自定义的放假与调休',
  },
  // selfcheck
  [SettingKey.reportAddressee]: {
    label: '自查报告和整改情况报告的主送机关',
    schema: z.string().max(60, '主送机关不能超过60个字'),
    fallback: () => null,
    fallbackLabel: '本县（区）人民政府办公室',
  },
  // team
  [TEAM_SETTING.filingWorkingDays]: {
    label: '备案时限',
    schema: intText('备案时限', 1, 60, '个工作日'),
    fallback: () => null,
    fallbackLabel: '默认值',
  },
  [TEAM_SETTING.minSpecialTrainings]: {
    label: '每年专题培训次数',
    schema: intText('每年专题培训次数', 0, 24, '次'),
    fallback: () => null,
    fallbackLabel: '默认值',
  },
  [TEAM_SETTING.minHoursPerPerson]: {
    label: '每人年度培训学时',
    schema: numberText('每人年度培训学时', 0, 500, '学时'),
    fallback: () => null,
    fallbackLabel: '默认值',
  },
};

function check(key: string, value: string): { ok: true } | { ok: false; reason: string } {
  const def = SETTINGS[key];
  if (!def) return { ok: true }; // keys of a newer program or an old one: kept, never interpreted here
  const r = def.schema.safeParse(value);
  return r.success ? { ok: true } : { ok: false, reason: r.error.issues.map((i) => i.message).join('；') };
}

/** A stored value as readers may use it: an unusable one is replaced by its fallback (see settingWarnings). */
function usable(ctx: AppContext, key: string, value: string): string | null {
  return check(key, value).ok ? value : SETTINGS[key].fallback(ctx);
}

export async function getSetting(ctx: AppContext, key: string): Promise<string | null> {
  // A read-only copy keeps what it cannot store for this session (the working year picked in its header).
  const session = ctx.sessionSettings.get(key);
  if (session !== undefined) return session;
  const row = await ctx.db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  return row ? usable(ctx, key, row.value) : null;
}

/** The 工作年度 (this year when none is set): exports default to it, and an imported 3月5日 with no year is in it. */
export async function workingYear(ctx: AppContext): Promise<number> {
  const y = Number(await getSetting(ctx, SettingKey.currentYear));
  return Number.isInteger(y) && y > 2000 ? y : ctx.now().getFullYear();
}

export async function getAllSettings(ctx: AppContext): Promise<Record<string, string>> {
  const rows = await ctx.db.selectFrom('setting').selectAll().execute();
  const out: Record<string, string> = {};
  for (const r of rows) {
    const v = usable(ctx, r.key, r.value);
    if (v !== null) out[r.key] = v;
  }
  return out;
}

/** One Chinese sentence per stored value that is unusable and was replaced by its default. */
export function settingWarnings(ctx: AppContext): string[] {
  const rows = ctx.raw.prepare('SELECT key, value FROM setting ORDER BY key').all() as { key: string; value: string }[];
  const out: string[] = [];
  for (const r of rows) {
    const c = check(r.key, r.value);
    if (c.ok) continue;
    const def = SETTINGS[r.key];
    const shown = r.value.length > 40 ? `${r.value.slice(0, 40)}…` : r.value;
    const fb = def.fallback(ctx);
    out.push(
      `设置“${def.label}”中保存的值“${shown}”无法使用（${c.reason}），现按${fb !== null && def.fallbackLabel === '今年' ? `今年（${fb}年）` : def.fallbackLabel}处理。${def.internal ? '' : '请到相应的设置中重新保存。'}`,
    );
  }
  return out;
}

/** Validates a key and its value; throws VALIDATION in Chinese. */
function validateSetting(key: string, value: string): void {
  const def = SETTINGS[key];
  if (!def) throw new AppError(ErrorCode.VALIDATION, `没有名为“${key}”的设置项，未保存。`);
  if (def.internal) throw new AppError(ErrorCode.VALIDATION, `设置“${def.label}”由程序自动维护，不能修改。`);
  const c = check(key, value);
  if (!c.ok)
    throw new AppError(
      ErrorCode.VALIDATION,
      `设置“${def.label}”的值“${value.slice(0, 40)}”无效：${c.reason}。未保存。`,
    );
}

/**
 * Stores a setting from the program's own code (validated when registered; a key the code writes deliberately but has
 * not registered yet is stored as it is). For a user's change use updateSetting, which refuses unknown keys and
 * records the change.
 */
export async function setSetting(ctx: AppContext, key: string, value: string): Promise<void> {
  if (SETTINGS[key]) {
    const c = check(key, value);
    if (!c.ok)
      throw new AppError(
        ErrorCode.VALIDATION,
        `设置“${SETTINGS[key].label}”的值“${value.slice(0, 40)}”无效：${c.reason}。未保存。`,
      );
  }
  await ctx.db
    .insertInto('setting')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** `settings.set`: one validated change, recorded in the audit trail. */
export async function updateSetting(ctx: AppContext, key: string, value: string): Promise<void> {
  await ctx.db.transaction().execute((trx) => writeSettingChange(trx, ctx, key, value));
}

/**
 * A user's change of a setting inside the caller's transaction (a screen that saves a setting with its own record):
 * validated, stored, and recorded in the audit trail with its value before (`summary` says it in the screen's words).
 */
export async function writeSettingChange(
  trx: Transaction<Database>,
  ctx: AppContext,
  key: string,
  value: string,
  summary = `修改设置：${SETTINGS[key]?.label ?? key}`,
): Promise<void> {
  validateSetting(key, value);
  const before =
    (ctx.raw.prepare('SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined)?.value ??
    null;
  await trx
    .insertInto('setting')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
  await recordAudit(trx, ctx, {
    entity: 'setting',
    entityId: null,
    action: 'update',
    summary,
    changes: { [key]: { from: before, to: value } },
  });
}
