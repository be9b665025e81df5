import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Removes an SQLite file with its journal files (idempotent, never throws: cleaning up must not mask the cause). */
export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    try {
      fs.rmSync(file + suffix, { force: true });
    } catch {
      // Locked or already gone: a later start tries again.
    }
  }
}

/** Whether the process that made a temporary may still be writing it (our own are never in flight at a start). */
function writerAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const BACKUP_TMP = /^\.tmp-(?:(\d+)-)?[0-9a-f]+\.sqlite(?:-wal|-shm|-journal)?$/;

/**
 * Removes what a killed backup or restore left behind: `.tmp-*.sqlite` half-written backups in the backup folders
 * and `<data file>.restoring-*` copies beside the data file. Neither is ever needed for recovery: a backup only gets
 * its name once complete, and a restore copy only replaces the data file by one atomic rename, so the data file is
 * always whole. The one exception is kept: when the data file itself is missing, restoring copies are left alone.
 * Temporaries of another process still running (a CLI backup during a session) are left alone too.
 */
export function cleanStaleTemporaries(dbPath: string, backupDirs: string[]): string[] {
  const removed: string[] = [];
  for (const dir of backupDirs) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = BACKUP_TMP.exec(name);
      if (!m || (m[1] && writerAlive(Number(m[1])))) continue;
      try {
        fs.rmSync(path.join(dir, name), { force: true });
        removed.push(path.join(dir, name));
      } catch {
        // Try again next start.
      }
    }
  }
  removed.push(...cleanOsTemp());
  if (!fs.existsSync(dbPath)) return removed;
  const base = path.basename(dbPath);
  let names: string[] = [];
  try {
    names = fs.readdirSync(path.dirname(dbPath));
  } catch {
    return removed;
  }
  const restoring = new RegExp(
    `^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.restoring-(?:(\\d+)-)?[0-9a-f]+(?:-wal|-shm|-journal)?$`,
  );
  for (const name of names) {
    const m = restoring.exec(name);
    if (!m || (m[1] && writerAlive(Number(m[1])))) continue;
    try {
      fs.rmSync(path.join(path.dirname(dbPath), name), { force: true });
      removed.push(path.join(path.dirname(dbPath), name));
    } catch {
      // Try again next start.
    }
  }
  return removed;
}

/** How old a leftover in the system temp folder must be before a start removes it (another session may use it). */
const OS_TEMP_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * Uploaded files being restored (`zwgk-restore-*` folders) and full copies being delivered (`zwgk-copy-*.sqlite`)
 * live in the system temp folder while in use and are removed right after; a kill leaves them behind, full size.
 * They are never needed again: an hour later they go.
 */
function cleanOsTemp(now = Date.now()): string[] {
  const removed: string[] = [];
  const dir = os.tmpdir();
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!/^zwgk-restore-[A-Za-z0-9]+$/.test(name) && !/^zwgk-copy-[0-9a-f]+\.sqlite$/.test(name)) continue;
    const full = path.join(dir, name);
    try {
      if (now - fs.statSync(full).mtimeMs < OS_TEMP_MAX_AGE_MS) continue;
      fs.rmSync(full, { recursive: true, force: true });
      removed.push(full);
    } catch {
      // Another user's, or gone meanwhile.
    }
  }
  return removed;
}
