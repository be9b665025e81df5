import type { RawDb } from './open';
import { BUSY_TIMEOUT_MS, schemaVersionOf } from './open';
import { busyError, DatabaseDamagedError, DatabaseTooNewError, isBusyError, MigrationFailedError } from './errors';
import { MIGRATIONS, type Migration } from './migrations';

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

interface MigrateResult {
  from: number;
  to: number;
  backupPath: string | null;
}

/**
 * Brings the file up to the latest schema: each migration with its user_version bump in one transaction (kysely's
 * Migrator does not wrap DDL in a transaction on SQLite), all pending ones inside one outer transaction.
 * An existing file gets a verified backup first; a file from a newer program is refused untouched.
 */
export function migrateDatabase(
  db: RawDb,
  file: string,
  makeBackup: () => string,
  migrations: readonly Migration[] = MIGRATIONS,
): MigrateResult {
  assertIncreasing(migrations);
  const latest = migrations[migrations.length - 1].version;
  const from = schemaVersionOf(db);
  if (from > latest) throw new DatabaseTooNewError(file, from, latest);
  if (from === 0 && hasForeignTables(db))
    throw new DatabaseDamagedError(file, '文件中已有其他程序的数据表，不是本软件的数据文件');
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, backupPath: null };

  const backupPath = from > 0 ? makeBackup() : null;
  // All pending migrations commit together: a failure in the third leaves the file at the version it had, not at
  // the second (each migration still runs in its own savepoint, with its version bump inside).
  // The version is read again once the write lock is held (BEGIN IMMEDIATE): a second program that upgraded the file
  // between the first look and now is seen, and only what is still missing runs. Two programs starting at once on
  // an older file thus upgrade it once (the writer lock already lets only one of them in; this holds without it).
  let current: Migration | undefined;
  try {
    db.transaction(() => {
      const now = schemaVersionOf(db);
      if (now > latest) throw new DatabaseTooNewError(file, now, latest);
      for (const m of migrations.filter((x) => x.version > now)) {
        current = m;
        db.transaction(() => {
          db.exec(m.sql);
          db.pragma(`user_version = ${m.version}`);
        })();
      }
    }).immediate();
  } catch (e) {
    if (e instanceof DatabaseTooNewError) throw e;
    if (isBusyError(e))
      throw busyError(`数据文件 ${file} 需要升级，但另一个程序正在写入它，等了 ${BUSY_TIMEOUT_MS / 1000} 秒仍未结束`);
    const m = current ?? pending[0];
    throw new MigrationFailedError(m.version, m.name, e instanceof Error ? e.message : String(e), backupPath);
  }
  return { from, to: latest, backupPath };
}

function hasForeignTables(db: RawDb): boolean {
  const row = db
    .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .get() as { n: number };
  return row.n > 0;
}

/**
 * A list out of order would make the runner skip a migration on every file already past its number (it applies
 * those above user_version): refuse to run at all rather than open a file "up to date" without a schema change.
 */
export function assertIncreasing(migrations: readonly Migration[]): void {
  for (let i = 1; i < migrations.length; i++) {
    if (!(migrations[i].version > migrations[i - 1].version)) {
      throw new Error(
        `Migration list out of order: ${migrations[i - 1].version} then ${migrations[i].version}. Number new migrations above every released one.`,
      );
    }
  }
}
