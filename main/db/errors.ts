import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';

export class DatabaseDamagedError extends AppError {
  constructor(file: string, detail: string) {
    super(
      ErrorCode.DB_DAMAGED,
      `数据文件已损坏或不是本软件的数据库：${file}（${detail}）。可以在“数据与备份”中恢复最近的备份。`,
    );
    this.name = 'DatabaseDamagedError';
  }
}

export class DatabaseTooNewError extends AppError {
  constructor(file: string, fileVersion: number, supported: number) {
    super(
      ErrorCode.DB_TOO_NEW,
      `数据文件 ${file} 来自更新版本的政务公开工作台（数据版本 ${fileVersion}，本程序支持到 ${supported}）。为避免损坏数据，本程序不会打开它，请安装新版本后再打开。文件未作任何改动。`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

export class MigrationFailedError extends AppError {
  constructor(version: number, name: string, detail: string, backupPath: string | null) {
    super(
      ErrorCode.DB_MIGRATION_FAILED,
      `数据升级到第 ${version} 版（${name}）时失败：${detail}。数据文件保持升级前的状态${backupPath ? `，升级前备份在 ${backupPath}` : ''}。请联系维护人员。`,
    );
    this.name = 'MigrationFailedError';
  }
}

/** SQLite error codes that mean the file itself is unusable (never match on the message text). */
const DAMAGED_CODES = new Set([
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_CORRUPT_VTAB',
  'SQLITE_CORRUPT_SEQUENCE',
  'SQLITE_CORRUPT_INDEX',
]);
export function isDamageError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && (DAMAGED_CODES.has(code) || code.startsWith('SQLITE_CORRUPT'));
}

/**
 * A foreign-key refusal: a record still in use (ON DELETE RESTRICT) or one that no longer exists. SQLite reports a
 * RESTRICT action as SQLITE_CONSTRAINT_TRIGGER with a FOREIGN KEY message, a plain violation as _FOREIGNKEY.
 */
export function isForeignKeyError(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  return (
    code === 'SQLITE_CONSTRAINT_FOREIGNKEY' ||
    (code === 'SQLITE_CONSTRAINT_TRIGGER' && /FOREIGN KEY/i.test((e as Error).message))
  );
}

/** SQLITE_BUSY and its extended codes (and SQLITE_LOCKED): another connection held the file for the whole wait. */
export function isBusyError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/** SQLITE_READONLY and its extended codes: a write on a connection opened read-only, or on a read-only file. */
export function isReadOnlyError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_READONLY');
}

/** SQLITE_FULL and SQLite's I/O errors: a write the disk refused (full, failing), not a bug of the program. */
export function isWriteFailure(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && /^SQLITE_(FULL|IOERR)/.test(code);
}

export function busyError(what = '数据文件正被另一个程序写入'): AppError {
  return new AppError(
    ErrorCode.DB_BUSY,
    `${what}，这次操作没有完成，数据未改动。请稍后再试；如果一直这样，请关闭其他正在使用这个数据文件的程序（另一个窗口、另一台电脑或命令行）。`,
  );
}

/**
 * Why writing a file failed, in Chinese, from the error's code (Node's errno or SQLite's): the user never sees a code
 * name such as ENOSPC or SQLITE_FULL, but learns what to check (disk space, permissions, a program holding the file).
 */
export function writeFailureReason(e: unknown): string {
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  if (/^(ENOSPC|EDQUOT|EFBIG)$|^SQLITE_FULL/.test(code)) return '磁盘空间不足';
  if (/^(EACCES|EPERM)$|^SQLITE_(PERM|AUTH)/.test(code)) return '没有写入权限';
  if (/^EROFS$|^SQLITE_READONLY/.test(code)) return '磁盘或文件夹是只读的';
  if (/^(ENOTDIR|EEXIST)$/.test(code)) return '该位置已有一个同名的文件，不是文件夹';
  if (/^(EBUSY|ETXTBSY)$|^SQLITE_(BUSY|LOCKED)/.test(code)) return '文件正被其他程序占用';
  if (/^ENOENT$/.test(code)) return '文件夹不存在或已被移走';
  if (/^SQLITE_CANTOPEN/.test(code)) return '无法在该位置创建文件，可能没有写入权限或文件夹不存在';
  // SQLite reports a write refused for want of room (EFBIG, a quota) as a write I/O error, not as SQLITE_FULL.
  if (/^SQLITE_IOERR_(WRITE|FSYNC|TRUNCATE)/.test(code)) return '写入磁盘时出错，可能是磁盘空间不足';
  if (/^(EIO)$|^SQLITE_IOERR/.test(code)) return '读写磁盘时出错';
  return '写入文件时出错';
}
