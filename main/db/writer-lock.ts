import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';

/**
 * One writer per data file. SQLite's own locks only cover one transaction and do not work on every network share, so
 * the program that writes a data file says so in a small file beside it, `<data file>.lock`: which computer, which
 * user, which process, since when, and a heartbeat it refreshes while it runs. A second copy of the workstation (a
 * second window, another PC, the CLI) reads it and is told who has the file instead of writing at the same time.
 *
 * - Taking the lock creates the file exclusively (O_EXCL), so of two programs starting at once exactly one gets it.
 * - A lock whose holder is gone is taken over: on this computer when its process no longer runs or the computer has
 *   restarted since its last heartbeat; from another computer when its heartbeat is older than STALE_AFTER_MS. The
 *   take-over replaces the file by one rename while holding `<lock>.takeover` (a folder: mkdir is atomic on every
 *   file system, shares included), so two programs finding the same dead lock do not both take it.
 * - The holder checks the file is still its own before every use and at each heartbeat; if not (someone took it over
 *   after a clock jump, or deleted it by hand and another program took it), it stops writing and says so.
 */

/** How often the holder refreshes its heartbeat. */
export const HEARTBEAT_MS = 15_000;
/** A lock from another computer whose heartbeat is older than this is taken to be left by a crash or a power cut. */
export const STALE_AFTER_MS = 3 * 60_000;
/** The same on this computer, for a process id the system has since given to another program. */
const STALE_SAME_COMPUTER_MS = 10 * 60_000;
/** A take-over in progress (a folder) older than this was left by a killed program. */
const TAKEOVER_STALE_MS = 30_000;

const HOST_LABELS = { electron: '桌面版', web: '网页版', cli: '命令行' } as const;
export type LockApp = keyof typeof HOST_LABELS;

const holderSchema = z.object({
  computer: z.string(),
  user: z.string(),
  pid: z.number().int(),
  app: z.enum(['electron', 'web', 'cli']),
  startedAt: z.string(),
  heartbeatAt: z.string(),
  /** When the holder's computer last started: a later start on the same computer means the holder is gone. */
  bootAt: z.string(),
  token: z.string().min(8),
});
export type LockHolder = z.infer<typeof holderSchema>;

export function lockPathFor(dbPath: string): string {
  return `${path.resolve(dbPath)}.lock`;
}

export function thisComputer(): string {
  try {
    return os.hostname() || '本机';
  } catch {
    return '本机';
  }
}

function bootTime(now: number): number {
  return now - os.uptime() * 1000;
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Why a lock's holder is taken to be gone, in Chinese; null while it may still be running. */
export function staleReason(holder: LockHolder, now = Date.now()): string | null {
  const beat = Date.parse(holder.heartbeatAt);
  const age = Number.isFinite(beat) ? now - beat : Infinity;
  if (holder.computer.toLowerCase() === thisComputer().toLowerCase()) {
    if (!processAlive(holder.pid)) return '该程序已不在运行';
    // Two minutes of slack for clocks adjusted since; a restart after the last heartbeat means its process is gone
    // (the id now belongs to something else).
    if (bootTime(now) - 120_000 > beat) return '这台电脑在它最后一次活动之后重新启动过';
    if (age > STALE_SAME_COMPUTER_MS) return `它已有 ${Math.round(age / 60_000)} 分钟没有活动`;
    return null;
  }
  if (age > STALE_AFTER_MS) return `它已有 ${Math.round(age / 60_000)} 分钟没有活动（可能已关机、断网或异常退出）`;
  return null;
}

/** "电脑“办公室-PC”上的政务公开工作台网页版（用户 张三，自 2026年12月16日 09:05 起）"; this one: "本电脑（名称）". */
export function describeHolder(holder: LockHolder): string {
  const d = new Date(holder.startedAt);
  const p = (n: number) => String(n).padStart(2, '0');
  const since = Number.isNaN(d.getTime())
    ? '时间不详'
    : `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${p(d.getHours())}:${p(d.getMinutes())}`;
  const where =
    holder.computer.toLowerCase() === thisComputer().toLowerCase()
      ? `本电脑（${holder.computer}）`
      : `电脑“${holder.computer}”`;
  return `${where}上的政务公开工作台${HOST_LABELS[holder.app]}（用户 ${holder.user}，自 ${since} 起）`;
}

type LockRead = { kind: 'held'; holder: LockHolder } | { kind: 'missing' } | { kind: 'unreadable'; ageMs: number };

export function readLock(lockPath: string): LockRead {
  let text: string;
  let mtime: number;
  try {
    text = fs.readFileSync(lockPath, 'utf8');
    mtime = fs.statSync(lockPath).mtimeMs;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    // Windows may refuse a read for the moment another program renames over the file: not a verdict.
    return { kind: 'unreadable', ageMs: 0 };
  }
  try {
    const parsed = holderSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { kind: 'held', holder: parsed.data };
  } catch {
    // Being written (empty for an instant), or damaged: the age decides below.
  }
  return { kind: 'unreadable', ageMs: Date.now() - mtime };
}

function lockError(lockPath: string, e: unknown): AppError {
  const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  return new AppError(
    ErrorCode.FILE_WRITE_FAILED,
    `无法在数据文件所在的文件夹中登记“正在使用”（${path.basename(lockPath)}，${code}）：文件夹可能是只读的或没有写入权限。数据文件未被改动。请检查文件夹 ${path.dirname(lockPath)} 的权限，或把数据文件复制到可以写入的文件夹再打开。`,
  );
}

/**
 * Writes the lock's text to a temporary name beside it and renames it over the lock (readers never see half).
 * Windows refuses the rename for the instant another program has the lock open for reading: tried a few times.
 */
function replaceLockFile(lockPath: string, holder: LockHolder): void {
  const tmp = `${lockPath}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, JSON.stringify(holder, null, 2));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    for (let attempt = 0; ; attempt++) {
      try {
        fs.renameSync(tmp, lockPath);
        return;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (attempt >= 4 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw e;
        sleep(20);
      }
    }
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Temporary lock texts left by a program killed between writing and renaming one (harmless, but clutter). */
function removeStaleTemps(lockPath: string): void {
  const dir = path.dirname(lockPath);
  const prefix = `${path.basename(lockPath)}.`;
  try {
    for (const name of fs.readdirSync(dir)) {
      if (!name.startsWith(prefix) || !/\.[0-9a-f]{8}\.tmp$/.test(name)) continue;
      const full = path.join(dir, name);
      if (Date.now() - fs.statSync(full).mtimeMs > 60_000) fs.rmSync(full, { force: true });
    }
  } catch {
    // Another time.
  }
}

/** Creates the lock only if there is none: true when this program now holds it. */
function createExclusive(lockPath: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = fs.openSync(lockPath, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    fs.writeSync(fd, JSON.stringify(holder, null, 2));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/**
 * Replaces a dead holder's lock with ours, unless someone else got there first. The `.takeover` folder makes the
 * check-and-replace one step among programs; one left by a killed program is removed after TAKEOVER_STALE_MS.
 */
function takeOver(lockPath: string, dead: LockHolder | null, holder: LockHolder): boolean {
  const guard = `${lockPath}.takeover`;
  try {
    fs.mkdirSync(guard);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    try {
      if (Date.now() - fs.statSync(guard).mtimeMs > TAKEOVER_STALE_MS) fs.rmdirSync(guard);
    } catch {
      // Gone meanwhile, or still in use: the caller tries again.
    }
    return false;
  }
  try {
    const now = readLock(lockPath);
    const unchanged =
      (now.kind === 'held' && dead !== null && now.holder.token === dead.token) ||
      (now.kind === 'unreadable' && dead === null) ||
      now.kind === 'missing';
    if (!unchanged) return false;
    replaceLockFile(lockPath, holder);
    return true;
  } finally {
    try {
      fs.rmdirSync(guard);
    } catch {
      // A later take-over removes it by age.
    }
  }
}

export type AcquireResult =
  | { acquired: true; lock: WriterLock; tookOver: { holder: LockHolder | null; reason: string } | null }
  | { acquired: false; holder: LockHolder };

/** Locks held by this process, by lock path: a second workstation in the same process shares the first one's. */
const held = new Map<string, { lock: WriterLock; refs: number }>();

// However the process ends normally (a command returning, process.exit after an error), its locks go with it; only
// a kill or a power cut leaves one behind, and the next start recognises that its holder is gone.
process.on('exit', () => {
  for (const { lock } of [...held.values()]) lock.release(true);
});

/**
 * Takes the write lock of a data file, or says who holds it. Throws FILE_WRITE_FAILED when no lock can be written
 * beside the file (a read-only folder).
 */
export function acquireWriterLock(dbPath: string, app: LockApp, user: string): AcquireResult {
  const lockPath = lockPathFor(dbPath);
  const mine = held.get(lockPath);
  if (mine && mine.lock.verify() === null) {
    mine.refs++;
    return { acquired: true, lock: mine.lock, tookOver: null };
  }
  const now = Date.now();
  const holder: LockHolder = {
    computer: thisComputer(),
    user,
    pid: process.pid,
    app,
    startedAt: new Date(now).toISOString(),
    heartbeatAt: new Date(now).toISOString(),
    bootAt: new Date(bootTime(now)).toISOString(),
    token: crypto.randomBytes(12).toString('hex'),
  };
  try {
    // A new data file's folder may not exist yet (the database would make it a moment later).
    fs.mkdirSync(path.dirname(lockPath), { recursive: true });
    for (let attempt = 0; attempt < 40; attempt++) {
      if (createExclusive(lockPath, holder)) return won(lockPath, holder, null);
      const found = readLock(lockPath);
      if (found.kind === 'missing') continue;
      if (found.kind === 'unreadable') {
        // A lock being written is readable a moment later; one unreadable for seconds was left half-written.
        if (found.ageMs > 5_000 && takeOver(lockPath, null, holder))
          return won(lockPath, holder, { holder: null, reason: '锁文件内容无法识别（可能是异常退出时留下的）' });
        sleep(25);
        continue;
      }
      const reason = staleReason(found.holder, Date.now());
      if (reason === null) return { acquired: false, holder: found.holder };
      if (takeOver(lockPath, found.holder, holder)) return won(lockPath, holder, { holder: found.holder, reason });
      sleep(25);
    }
  } catch (e) {
    throw lockError(lockPath, e);
  }
  // Forty rounds of someone else creating and removing the lock: report whoever holds it now.
  const last = readLock(lockPath);
  if (last.kind === 'held') return { acquired: false, holder: last.holder };
  throw lockError(lockPath, new Error('EAGAIN'));
}

function won(lockPath: string, holder: LockHolder, tookOver: { holder: LockHolder | null; reason: string } | null) {
  removeStaleTemps(lockPath);
  const lock = new WriterLock(lockPath, holder);
  held.set(lockPath, { lock, refs: 1 });
  return { acquired: true as const, lock, tookOver };
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The write lock this program holds on one data file. */
export class WriterLock {
  private timer: NodeJS.Timeout | null = null;
  private released = false;
  constructor(
    readonly lockPath: string,
    private holderInfo: LockHolder,
  ) {}

  get holder(): LockHolder {
    return this.holderInfo;
  }

  /**
   * Null while the lock is still ours; otherwise why not (in Chinese), naming whoever has it now. A lock deleted by
   * hand is written again when nobody took it meanwhile.
   */
  verify(): string | null {
    if (this.released) return '本程序已关闭数据文件。';
    // The common case, checked before every use of the database: the file still carries our token.
    try {
      if ((JSON.parse(fs.readFileSync(this.lockPath, 'utf8')) as { token?: unknown }).token === this.holderInfo.token)
        return null;
    } catch {
      // Missing, being replaced, or not ours: the full reading below says which.
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      const found = readLock(this.lockPath);
      if (found.kind === 'held') {
        if (found.holder.token === this.holderInfo.token) return null;
        return `数据文件已被${describeHolder(found.holder)}接管。`;
      }
      if (found.kind === 'missing') {
        try {
          if (createExclusive(this.lockPath, this.holderInfo)) return null;
        } catch {
          return '登记“正在使用”的锁文件被删除，且无法重新写入。';
        }
        continue;
      }
      sleep(20);
    }
    // Unreadable three times in a row, yet not provably someone else's: keep working, the heartbeat checks again.
    return null;
  }

  /** Refreshes the heartbeat; returns why the lock is no longer ours, or null. */
  beat(): string | null {
    const lost = this.verify();
    if (lost) return lost;
    const next = { ...this.holderInfo, heartbeatAt: new Date().toISOString() };
    try {
      replaceLockFile(this.lockPath, next);
      this.holderInfo = next;
    } catch {
      // A share that is briefly unreachable: the next beat tries again (the lock only goes stale after minutes).
    }
    return null;
  }

  /** Beats every HEARTBEAT_MS until released; `onLost` hears once if the lock stops being ours. */
  startHeartbeat(onLost: (why: string) => void): void {
    if (this.timer || this.released) return;
    this.timer = setInterval(() => {
      const lost = this.beat();
      if (lost) {
        this.stopHeartbeat();
        onLost(lost);
      }
    }, HEARTBEAT_MS);
    this.timer.unref();
  }

  private stopHeartbeat(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Gives the lock up (shared within the process: the last user removes the file, or `all` at exit), only if it is
   * still ours.
   */
  release(all = false): void {
    const entry = held.get(this.lockPath);
    if (entry?.lock === this && --entry.refs > 0 && !all) return;
    if (entry?.lock === this) held.delete(this.lockPath);
    this.stopHeartbeat();
    if (this.released) return;
    const found = readLock(this.lockPath);
    this.released = true;
    if (found.kind === 'held' && found.holder.token === this.holderInfo.token) {
      try {
        fs.rmSync(this.lockPath, { force: true });
      } catch {
        // Left behind: the next start sees its process gone and takes it over.
      }
    }
  }
}
