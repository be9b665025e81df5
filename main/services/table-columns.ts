// The roles a user chose for a table's columns in an import preview (上级要点, 考核细则), remembered by the table's
// header (setting import.columnRoles), so the next table with the same header is read the same way at once.
import type { ColumnRolesInput, RememberedRoles, TableColumns } from '../../shared/domain/table-columns';
import { getSetting, setSetting, SettingKey } from './settings';
import type { AppContext } from './workstation';

/** Headers remembered at most; the oldest choice goes first. */
const MAX_REMEMBERED = 100;

export async function rememberedRoles(ctx: AppContext): Promise<RememberedRoles> {
  const stored = await getSetting(ctx, SettingKey.columnRoles);
  if (!stored) return {};
  try {
    return JSON.parse(stored) as RememberedRoles;
  } catch {
    return {};
  }
}

/**
 * Keeps the roles the user chose for the tables of a file just read with them. Only tables with a header (a
 * signature) and the same number of columns; a choice equal to what the reader finds by itself is kept too (it
 * confirms it over an older, different choice for the same header).
 */
export async function rememberRoles(ctx: AppContext, tables: TableColumns[], chosen: ColumnRolesInput): Promise<void> {
  if (!chosen.length) return;
  const all = await rememberedRoles(ctx);
  let changed = false;
  for (const c of chosen) {
    const t = tables.find((x) => x.table === c.table);
    if (!t || !t.signature || c.roles.length !== t.headers.length) continue;
    delete all[t.signature];
    all[t.signature] = [...c.roles];
    changed = true;
  }
  if (!changed) return;
  const keys = Object.keys(all);
  for (const k of keys.slice(0, Math.max(0, keys.length - MAX_REMEMBERED))) delete all[k];
  await setSetting(ctx, SettingKey.columnRoles, JSON.stringify(all));
}
