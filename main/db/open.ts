import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseDamagedError, isDamageError } from './errors';

export type RawDb = Database.Database;

/**
 * Opens (creating if needed) the SQLite file with the pragmas an office PC needs: WAL for concurrent reads,
 * synchronous=FULL because office PCs lose power, foreign keys on. quick_check at open so damage is found
 * before anything is written.
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): RawDb {
  if (!options.readonly) fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: RawDb | undefined;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DatabaseDamagedError(file, `完整性检查未通过：${String(check).slice(0, 200)}`);
    return db;
  } catch (e) {
    db?.close();
    if (e instanceof DatabaseDamagedError) throw e;
    if (isDamageError(e)) throw new DatabaseDamagedError(file, (e as { code: string }).code);
    throw e;
  }
}

export function schemaVersionOf(db: RawDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}
