import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import { DatabaseDamagedError, DatabaseTooNewError, isDamageError } from './errors';

export type RawDb = Database.Database;

/** How long a statement that meets a busy file waits for it before giving up (then BUSY, in Chinese). */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) the SQLite file with the pragmas an office PC needs: WAL for concurrent reads,
 * synchronous=FULL because office PCs lose power, foreign keys on. quick_check at open so damage is found
 * before anything is written.
 *
 * On a network share (`networkShare`) WAL cannot work (it needs every connection on one computer, storage.ts): the
 * file gets a rollback journal and this one connection holds it exclusively (locking_mode=EXCLUSIVE, set before the
 * first read so no shared memory is ever used), the way SQLite supports one writer on a share.
 *
 * Nothing is written before the file has been read and found usable: a damaged file, or one from a newer program
 * (`maxVersion`), or another program's SQLite file (version 0 with tables, checked when `maxVersion` is given), is
 * refused before journal_mode=WAL would rewrite its header, so it stays byte for byte as it was.
 */
export function openDatabase(
  file: string,
  options: { readonly?: boolean; maxVersion?: number; networkShare?: boolean } = {},
): RawDb {
  if (!options.readonly) fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: RawDb | undefined;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (options.networkShare && !options.readonly) db.pragma('locking_mode = EXCLUSIVE');
    const version = schemaVersionOf(db);
    if (options.maxVersion !== undefined) {
      if (version > options.maxVersion) throw new DatabaseTooNewError(file, version, options.maxVersion);
      if (version === 0 && hasTables(db))
        throw new DatabaseDamagedError(file, '文件中已有其他程序的数据表，不是本软件的数据文件');
    }
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DatabaseDamagedError(file, `完整性检查未通过：${String(check).slice(0, 200)}`);
    if (!options.readonly) {
      db.pragma(options.networkShare ? 'journal_mode = DELETE' : 'journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    return db;
  } catch (e) {
    db?.close();
    if (e instanceof AppError) throw e;
    if (isDamageError(e)) throw new DatabaseDamagedError(file, (e as { code: string }).code);
    const code = String((e as { code?: unknown })?.code ?? '');
    if (
      /^(SQLITE_CANTOPEN|SQLITE_PERM|SQLITE_READONLY|SQLITE_BUSY|SQLITE_LOCKED|SQLITE_IOERR|EACCES|EPERM|EROFS|EBUSY)/.test(
        code,
      )
    ) {
      throw new AppError(
        ErrorCode.FILE_READ_FAILED,
        `无法打开数据文件 ${file}（${code}）：文件可能被其他程序占用、没有读写权限，或所在磁盘只读。原文件未被改动。请关闭其他正在使用它的程序、检查文件夹权限后重试。`,
      );
    }
    throw e;
  }
}

export function schemaVersionOf(db: RawDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function hasTables(db: RawDb): boolean {
  const row = db
    .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .get() as { n: number };
  return row.n > 0;
}
