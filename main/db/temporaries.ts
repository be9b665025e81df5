import fs from 'node:fs';
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
  if (!fs.existsSync(dbPath)) return removed;
  const base = path.basename(dbPath);
  let names: string[] = [];
  try {
    names = fs.readdirSync(path.dirname(dbPath));
  } catch {
    return removed;
  }
  const restoring = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.restoring-(?:(\\d+)-)?[0-9a-f]+(?:-wal|-shm|-journal)?$`);
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
