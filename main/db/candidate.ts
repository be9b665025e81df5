import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupContent } from '../../shared/domain/backup';
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import { LATEST_SCHEMA_VERSION, migrateDatabase } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import { openDatabase, schemaVersionOf, type RawDb } from './open';
import { referenceSchema, schemaDifferences, schemaOf } from './schema-check';
import { removeDatabaseFiles } from './temporaries';
import { writeFailureReason } from './errors';

/** Setting key holding the data file's identity: made once per file, carried by its backups and full copies. */
export const FILE_ID_KEY = 'data.fileId';

const UNCHANGED = '当前数据没有任何改动。';

/** What a data file or backup holds, as the restore confirmation shows it. Tables it lacks count as null. */
export function readContent(db: RawDb): BackupContent {
  const has = (t: string) =>
    (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?").get(t) as { n: number })
      .n === 1;
  // Table names below are the program's own constants, never names read from the file.
  const count = (t: 'plan' | 'plan_task' | 'staff') =>
    has(t) ? (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n : null;
  const bureau = has('bureau')
    ? ((db.prepare('SELECT full_name AS name FROM bureau WHERE id = 1').get() as { name: string } | undefined)?.name ??
      null)
    : null;
  const fileId = has('setting')
    ? ((db.prepare('SELECT value FROM setting WHERE key = ?').get(FILE_ID_KEY) as { value: string } | undefined)
        ?.value ?? null)
    : null;
  // Notes about the file itself (entity 'data': a restore, a take-over, a move) are not changes of its records: the
  // data a restore brought back must not look newer than the backup it came from, nor its pre-restore copy older.
  const lastChange = has('audit_log')
    ? (db.prepare("SELECT max(at) AS at FROM audit_log WHERE entity <> 'data'").get() as { at: string | null }).at
    : null;
  return {
    bureauName: bureau,
    fileId,
    plans: count('plan'),
    tasks: count('plan_task'),
    staff: count('staff'),
    lastChange,
    schemaVersion: schemaVersionOf(db),
  };
}

/**
 * Reads a backup's content without changing it; null when it cannot be read (the list still shows the file). No
 * quick_check here: the list reads every backup, and a restore verifies its candidate fully anyway.
 */
export function inspectBackupFile(file: string): BackupContent | null {
  let db: RawDb | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return readContent(db);
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

interface RestoreCandidate {
  /** The verified, migrated copy, in rollback-journal mode (no -wal/-shm), ready to be renamed over the data file. */
  file: string;
  content: BackupContent;
  /** Removes the copy (idempotent). */
  discard(): void;
}

/**
 * Verifies a file fully before anything of the live data is touched, on a COPY named `<copyPrefix>.restoring-…`
 * (the data file's path, so the swap is one rename on the same disk): it must be an SQLite file of ours no newer than this program, pass
 * integrity_check after being migrated to the current version, have exactly the schema a new file has (tables,
 * columns, indexes, triggers: no more, no less) and no foreign key violations. Throws BACKUP_INVALID in Chinese,
 * naming the file and saying truthfully that the current data was not changed; the original is never written.
 */
export function prepareRestoreCandidate(
  source: string,
  copyPrefix: string,
  label: string,
  migrations: readonly Migration[] = MIGRATIONS,
): RestoreCandidate {
  const latest = migrations === MIGRATIONS ? LATEST_SCHEMA_VERSION : migrations[migrations.length - 1].version;
  const refuse = (why: string): never => {
    throw new AppError(ErrorCode.BACKUP_INVALID, `${label}不能用于恢复：${why}。${UNCHANGED}`);
  };
  let header: Buffer;
  try {
    const fd = fs.openSync(source, 'r');
    try {
      header = Buffer.alloc(100);
      header = header.subarray(0, fs.readSync(fd, header, 0, 100, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return refuse(
      code === 'ENOENT'
        ? '找不到这个文件'
        : code === 'EISDIR'
          ? '这是一个文件夹，不是数据文件'
          : `无法读取（${code ?? (e as Error).message}）`,
    );
  }
  if (header.length < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\u0000')
    return refuse('它不是政务公开工作台的数据文件或备份');
  const version = header.readInt32BE(60);
  if (version > latest)
    return refuse(`它来自更新版本的程序（数据版本 ${version}，本程序支持到 ${latest}），请先安装新版本`);
  if (version < 1) return refuse('它不是政务公开工作台的数据文件或备份');

  const workDir = path.dirname(copyPrefix);
  fs.mkdirSync(workDir, { recursive: true });
  // `<data file>.restoring-<pid>-<random>`: a start after a kill recognises it as a leftover (see temporaries.ts).
  const file = `${copyPrefix}.restoring-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  const discard = () => removeDatabaseFiles(file);
  let db: RawDb | undefined;
  try {
    fs.copyFileSync(source, file);
    // A copy of a live file may carry its -wal: without it the copy would miss the newest changes.
    if (fs.existsSync(`${source}-wal`)) fs.copyFileSync(`${source}-wal`, `${file}-wal`);
    try {
      db = openDatabase(file, { maxVersion: latest });
    } catch (e) {
      return refuse(
        e instanceof AppError && e.code === ErrorCode.DB_DAMAGED ? '文件已损坏（完整性检查未通过）' : '文件无法打开',
      );
    }
    try {
      migrateDatabase(db, file, () => '', migrations);
    } catch (e) {
      return refuse(`升级到当前数据版本时出错（${e instanceof AppError ? e.message : (e as Error).message}）`);
    }
    const diff = schemaDifferences(schemaOf(db), referenceSchema(migrations), 5);
    if (diff.length) return refuse(`其中的数据结构与本程序不一致（${diff.join('，')}），文件不完整或被其他程序改动过`);
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return refuse(`完整性检查未通过（${String(integrity).slice(0, 120)}）`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length) return refuse(`有 ${fk.length} 处记录引用了不存在的数据`);
    const content = readContent(db);
    // One self-contained file: the swap must not leave -wal/-shm beside the data file.
    db.pragma('journal_mode = DELETE');
    db.close();
    db = undefined;
    return { file, content, discard };
  } catch (e) {
    db?.close();
    discard();
    if (e instanceof AppError) throw e;
    throw new AppError(
      ErrorCode.BACKUP_FAILED,
      `校验${label}时出错：无法在 ${workDir} 中写入它的校验副本（${writeFailureReason(e)}）。${UNCHANGED}`,
    );
  }
}
