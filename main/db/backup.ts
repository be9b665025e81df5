import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupKind } from '../../shared/domain/backup';
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import { writeFailureReason } from './errors';
import type { RawDb } from './open';
import { openDatabase, schemaVersionOf } from './open';

/** Retention: how many of each kind to keep. Manual backups are the user's and are never pruned. */
export const BACKUP_RETENTION = { dailyAuto: 14, monthlyAuto: 12, preMigration: 5, preRestore: 5 } as const;

const NAME_RE = /^zwgk-(\d{8})-(\d{6})(?:-\d+)?-(auto|manual|pre-migration|pre-restore)\.sqlite$/;

/**
 * Each data file has its own backup folder, named after the file, inside the `backups` folder beside it: two data
 * files in one folder (a test copy, a colleague's file, `--db`) never see, prune or restore each other's backups.
 */
export function backupDirFor(dbPath: string): string {
  const abs = path.resolve(dbPath);
  const stem = path.basename(abs).replace(/\.(sqlite3?|db)$/i, '') || path.basename(abs);
  return path.join(sharedBackupDirFor(abs), stem);
}

/**
 * The folder every data file in a folder shared before backups had one folder per file. Its backups are still listed
 * (marked as such, with their 单位) and can be restored, but are never pruned or written to: they may be another
 * file's.
 */
export function sharedBackupDirFor(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'backups');
}

function stamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** Reads user_version straight from the SQLite header (offset 60): cheap enough to list many backups. */
function headerVersion(file: string): number | null {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const buf = Buffer.alloc(64);
      if (fs.readSync(fd, buf, 0, 64, 0) < 64 || buf.toString('latin1', 0, 15) !== 'SQLite format 3') return null;
      return buf.readInt32BE(60);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null;
  }
}

function infoOf(dir: string, fileName: string): BackupInfo | null {
  const m = NAME_RE.exec(fileName);
  if (!m) return null;
  const [, d, t, kind] = m;
  const full = path.join(dir, fileName);
  const createdAt = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)} ${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}`;
  return {
    fileName,
    kind: kind as BackupKind,
    createdAt,
    sizeBytes: fs.statSync(full).size,
    schemaVersion: headerVersion(full),
  };
}

export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    // No folder yet, or something unreadable in its place: there are no backups to offer (the status says why).
    return [];
  }
  return names
    .map((f) => infoOf(dir, f))
    .filter((b): b is BackupInfo => b !== null)
    .sort(
      (a, b) => b.fileName.slice(5, 20).localeCompare(a.fileName.slice(5, 20)) || b.fileName.localeCompare(a.fileName),
    );
}

/**
 * Checks that a file is a usable database of ours: opens read-only, quick_check, schema version known.
 * Throws BACKUP_INVALID with the reason in Chinese.
 */
function verifyDatabaseFile(file: string, maxVersion: number): { schemaVersion: number } {
  if (!fs.existsSync(file)) throw new AppError(ErrorCode.BACKUP_INVALID, `找不到备份文件：${file}`);
  let db: RawDb | undefined;
  try {
    db = openDatabase(file, { readonly: true });
    const v = schemaVersionOf(db);
    if (v < 1)
      throw new AppError(ErrorCode.BACKUP_INVALID, `文件 ${path.basename(file)} 不是政务公开工作台的数据文件。`);
    if (v > maxVersion) {
      throw new AppError(
        ErrorCode.BACKUP_INVALID,
        `备份 ${path.basename(file)} 来自更新版本的程序（数据版本 ${v}），本程序支持到 ${maxVersion}，不能恢复。`,
      );
    }
    const hasBureau = db
      .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type='table' AND name='bureau'")
      .get() as { n: number };
    if (hasBureau.n !== 1)
      throw new AppError(ErrorCode.BACKUP_INVALID, `文件 ${path.basename(file)} 不是政务公开工作台的数据文件。`);
    return { schemaVersion: v };
  } catch (e) {
    if (e instanceof AppError && e.code === ErrorCode.BACKUP_INVALID) throw e;
    throw new AppError(
      ErrorCode.BACKUP_INVALID,
      `文件 ${path.basename(file)} 无法作为备份使用：${e instanceof AppError ? e.message : (e as Error).message}`,
    );
  } finally {
    db?.close();
  }
}

/**
 * Copies the live database with VACUUM INTO (consistent even while in use) to a temp name, verifies the copy,
 * then renames it into place, so a half-written backup never carries a backup's name.
 */
export function createBackup(
  db: RawDb,
  dir: string,
  kind: BackupKind,
  maxVersion: number,
  now = new Date(),
): BackupInfo {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new AppError(
      ErrorCode.BACKUP_FAILED,
      `备份失败：无法创建备份文件夹 ${dir}（${writeFailureReason(e)}）。请检查磁盘空间和文件夹权限。`,
    );
  }
  const base = `zwgk-${stamp(now)}`;
  let fileName = `${base}-${kind}.sqlite`;
  for (let i = 2; fs.existsSync(path.join(dir, fileName)); i++) fileName = `${base}-${i}-${kind}.sqlite`;
  // The pid in the name lets a later start tell a killed backup's leftover from one being written right now.
  const tmp = path.join(dir, `.tmp-${process.pid}-${crypto.randomBytes(6).toString('hex')}.sqlite`);
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    verifyDatabaseFile(tmp, maxVersion);
    fs.renameSync(tmp, path.join(dir, fileName));
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    if (e instanceof AppError) throw e;
    throw new AppError(
      ErrorCode.BACKUP_FAILED,
      `备份失败：无法写入备份文件（${writeFailureReason(e)}）。请检查磁盘空间和文件夹权限：${dir}`,
    );
  }
  return infoOf(dir, fileName)!;
}

/** Keeps the newest N of each kind (daily autos, one auto per month for a year, pre-migration, pre-restore). */
export function pruneBackups(dir: string): string[] {
  const all = listBackups(dir);
  const keep = new Set<string>();
  const autos = all.filter((b) => b.kind === 'auto');
  const days = new Set<string>();
  for (const b of autos) {
    const day = b.createdAt.slice(0, 10);
    if (!days.has(day) && days.size < BACKUP_RETENTION.dailyAuto) {
      days.add(day);
      keep.add(b.fileName);
    }
  }
  const months = new Set<string>();
  for (const b of autos) {
    const month = b.createdAt.slice(0, 7);
    if (!months.has(month) && months.size < BACKUP_RETENTION.monthlyAuto) {
      months.add(month);
      keep.add(b.fileName);
    }
  }
  all
    .filter((b) => b.kind === 'pre-migration')
    .slice(0, BACKUP_RETENTION.preMigration)
    .forEach((b) => keep.add(b.fileName));
  all
    .filter((b) => b.kind === 'pre-restore')
    .slice(0, BACKUP_RETENTION.preRestore)
    .forEach((b) => keep.add(b.fileName));
  all.filter((b) => b.kind === 'manual').forEach((b) => keep.add(b.fileName));
  const removed: string[] = [];
  for (const b of all) {
    if (!keep.has(b.fileName)) {
      fs.rmSync(path.join(dir, b.fileName), { force: true });
      removed.push(b.fileName);
    }
  }
  return removed;
}

/** At most one automatic backup a day. Returns the new backup, or null when today's already exists. */
export function autoBackupIfDue(db: RawDb, dir: string, maxVersion: number, now = new Date()): BackupInfo | null {
  const today = stamp(now).slice(0, 8);
  if (listBackups(dir).some((b) => b.kind === 'auto' && b.fileName.slice(5, 13) === today)) return null;
  const info = createBackup(db, dir, 'auto', maxVersion, now);
  pruneBackups(dir);
  return info;
}
