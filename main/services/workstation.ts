import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely } from 'kysely';
import type { DeliveredFile } from '../../shared/domain/files';
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import type { BackupContent } from '../../shared/domain/backup';
import { autoBackupIfDue, backupDirFor, createBackup, pruneBackups, sharedBackupDirFor } from '../db/backup';
import { FILE_ID_KEY, prepareRestoreCandidate, readContent } from '../db/candidate';
import { cleanStaleTemporaries } from '../db/temporaries';
import { LATEST_SCHEMA_VERSION, migrateDatabase } from '../db/migrate';
import { openDatabase, schemaVersionOf, type RawDb } from '../db/open';
import { busyError, isBusyError, isReadOnlyError, isWriteFailure, writeFailureReason } from '../db/errors';
import { WorkstationDialect } from '../db/savepoint-dialect';
import type { Database } from '../db/schema';
import { NO_AREAS, type AreaServices } from './area-services';
import { nowText } from './audit';
import { detectStorage, LOCAL_STORAGE, type StorageInfo } from '../db/storage';
import {
  acquireWriterLock,
  describeHolder,
  HEARTBEAT_MS,
  lockPathFor,
  readLock,
  thisComputer,
  type LockHolder,
  type WriterLock,
} from '../db/writer-lock';

/** How a host hands a produced file to the user (save dialog, browser download, or a CLI path). */
export interface FilePort {
  deliver(fileName: string, data: Buffer): Promise<DeliveredFile>;
}

type HostKind = 'electron' | 'web' | 'cli';

/** What every service gets: the open database (raw handle and kysely), where it lives, who is working. */
export interface AppContext {
  raw: RawDb;
  db: Kysely<Database>;
  dbPath: string;
  backupDir: string;
  osUser: string;
  files: FilePort;
  now: () => Date;
  /** Opened read-only: another copy of the workstation writes this file; any write fails (READ_ONLY). */
  readOnly: boolean;
  /** Held exclusively on a network share: this is the file's only connection (storage.ts). */
  exclusive: boolean;
  /**
   * Settings chosen for this session only, read before the stored ones (getSetting): a read-only copy keeps the
   * working year picked in its header here, since it cannot store it.
   */
  sessionSettings: Map<string, string>;
  /** Every area's exporters, demo steps and 总结 figures, for the services that span areas (area-services.ts). */
  areas: AreaServices;
}

interface WorkstationOptions {
  dbPath: string;
  host: HostKind;
  files: FilePort;
  appVersion?: string;
  /** Tests pin the clock; the app uses the real one. */
  now?: () => Date;
  /** The CLI's info/check must not write a daily backup as a side effect. */
  autoBackup?: boolean;
  /** Where the file is stored (tests pretend a network share); detected at every open otherwise. */
  storage?: StorageInfo;
  /** What the composition root gives cross-area services (main/areas/index.ts `areaServices`); none by default. */
  areas?: AreaServices;
}

/**
 * Why there is no usable database: damaged, from a newer program, a failed upgrade; `locked`: another copy of the
 * workstation writes the file (this one may open it read-only or try again); `replaced`: the file was replaced under
 * this copy, or its write lock taken over, and it stopped writing.
 */
type OpenFailure = {
  state: 'damaged' | 'tooNew' | 'migrationFailed' | 'locked' | 'replaced';
  error: AppError;
};

/** Left on a network share where a data file was moved to a computer's local disk (Workstation.moveTo). */
interface MovedNote {
  to: string;
  computer: string;
  user: string;
  at: string;
}

function movedNoteOf(dbPath: string): MovedNote | null {
  if (fs.existsSync(dbPath)) return null;
  try {
    const note = JSON.parse(fs.readFileSync(`${dbPath}.moved.json`, 'utf8')) as Partial<MovedNote>;
    if (typeof note.to === 'string' && typeof note.computer === 'string')
      return { to: note.to, computer: note.computer, user: String(note.user ?? ''), at: String(note.at ?? '') };
  } catch {
    // No note: a plain missing file (a new one is made).
  }
  return null;
}

/** dev:ino of a file (bigint: NTFS file ids do not fit a double); a file system without ids falls back to birth time. */
function fileIdentity(file: string): string | null {
  try {
    const st = fs.statSync(file, { bigint: true });
    return `${st.dev}:${st.ino === 0n ? `b${st.birthtimeNs}` : st.ino}`;
  } catch {
    return null;
  }
}

function currentOsUser(): string {
  try {
    return os.userInfo().username || process.env.USERNAME || process.env.USER || '未知用户';
  } catch {
    return process.env.USERNAME || process.env.USER || '未知用户';
  }
}

/**
 * The open workstation: one database, opened and migrated at start, possibly failed (damaged, too new) in which
 * case only status and backup restore work. Restore swaps the file and reopens in place.
 */
export class Workstation {
  /** The data file (changes only when it is moved from a network share to the local disk: moveToLocalDisk). */
  dbPath!: string;
  /** This data file's own backup folder. */
  backupDir!: string;
  /** The `backups` folder all files in the folder shared before each had its own (listed, never written). */
  sharedBackupDir!: string;
  readonly host: HostKind;
  readonly appVersion: string;
  readonly files: FilePort;
  private readonly areas: AreaServices;
  private readonly now: () => Date;
  private readonly autoBackup: boolean;
  private storageOverride: StorageInfo | undefined;
  private ctx: AppContext | null = null;
  failure: OpenFailure | null = null;
  /** Set when the database opened but the daily automatic backup failed. */
  backupWarning: string | null = null;
  /** The write lock while this copy is the file's writer (kept across a restore's reopen). */
  private lock: WriterLock | null = null;
  /** Opened read-only because another copy writes the file. */
  readOnly = false;
  /** Who writes the file when this copy does not (as found at the last open). */
  lockedBy: LockHolder | null = null;
  /** A lock left by a crash that this copy took over at its last open, in Chinese (shown once on the data screen). */
  tookOver: string | null = null;
  storage: StorageInfo = LOCAL_STORAGE;
  /** The data file's identity when opened: a different one later means it was replaced under this copy. */
  private identity: string | null = null;
  private watcher: NodeJS.Timeout | null = null;
  private readonly sessionSettings = new Map<string, string>();

  constructor(opts: WorkstationOptions) {
    this.usePath(opts.dbPath);
    this.host = opts.host;
    this.files = opts.files;
    this.areas = opts.areas ?? NO_AREAS;
    this.appVersion = opts.appVersion ?? '0.1.0';
    this.now = opts.now ?? (() => new Date());
    this.autoBackup = opts.autoBackup ?? true;
    this.storageOverride = opts.storage;
  }

  /**
   * Opens and migrates; never throws for an unusable file, it records the failure so the UI can offer a restore.
   * Only the copy holding the write lock (writer-lock.ts) opens the file for writing, and it takes the lock before
   * reading anything, so the upgrade of an older file runs once, under the lock. Another copy is `locked` (told who
   * has the file) unless it asks for `readOnly`: then it reads the file as it is and cannot change it.
   */
  open(opts: { readOnly?: boolean } = {}): this {
    this.closeDatabase();
    this.failure = null;
    const moved = movedNoteOf(this.dbPath);
    if (moved) {
      // The file was moved from this (network) folder to a computer's local disk: open it there, on that computer.
      if (moved.computer.toLowerCase() === thisComputer().toLowerCase() && fs.existsSync(moved.to)) {
        this.lock?.release();
        this.lock = null;
        this.usePath(moved.to);
      } else {
        this.failure = {
          state: 'damaged',
          error: new AppError(
            ErrorCode.NOT_FOUND,
            `这个数据文件已于 ${moved.at} 由电脑“${moved.computer}”（用户 ${moved.user}）移到该电脑的本机磁盘：${moved.to}。请在那台电脑上使用它；要换电脑，请在那里“另存完整副本”，再在这里“从文件恢复”。移走前的备份在下面列出。`,
          ),
        };
        return this;
      }
    }
    this.storage = this.storageOverride ?? detectStorage(this.dbPath);
    this.backupWarning = null;
    if (opts.readOnly) return this.openReadOnly();
    // Noted in the file once, when the lock is taken over (a restore's reopen keeps the lock and notes nothing).
    let noteTakeOver = false;
    if (!this.lock) {
      this.tookOver = null;
      try {
        const got = acquireWriterLock(this.dbPath, this.host, currentOsUser());
        if (!got.acquired) {
          this.lockedBy = got.holder;
          this.failure = { state: 'locked', error: this.inUseError(got.holder) };
          return this;
        }
        this.lock = got.lock;
        if (got.tookOver) {
          noteTakeOver = true;
          const who = got.tookOver.holder ? describeHolder(got.tookOver.holder) : '一个已退出的程序';
          this.tookOver = `数据文件上次由${who}打开，${got.tookOver.reason}，本程序已接管它。`;
          // The command line keeps stderr for its errors; the file's history has the note either way.
          if (this.host !== 'cli') console.warn(`注意：${this.tookOver}（${this.dbPath}）`);
        }
      } catch (e) {
        this.failure = {
          state: 'damaged',
          error: e instanceof AppError ? e : new AppError(ErrorCode.FILE_WRITE_FAILED, String(e)),
        };
        return this;
      }
    }
    this.readOnly = false;
    this.lockedBy = null;
    this.sessionSettings.clear();
    let raw: RawDb | undefined;
    try {
      // Leftovers of a killed backup or restore (never needed: see temporaries.ts) go before anything else; only the
      // writer removes them (another computer's copy may be writing its own right now).
      cleanStaleTemporaries(this.dbPath, [this.backupDir, this.sharedBackupDir]);
      raw = openDatabase(this.dbPath, { maxVersion: LATEST_SCHEMA_VERSION, networkShare: this.storage.network });
      const opened = raw;
      migrateDatabase(opened, this.dbPath, () =>
        path.join(
          this.backupDir,
          createBackup(opened, this.backupDir, 'pre-migration', LATEST_SCHEMA_VERSION, this.now()).fileName,
        ),
      );
      // The file's identity, carried by its backups and copies, so a restore can tell this file's backups from others'.
      opened.prepare('INSERT OR IGNORE INTO setting (key, value) VALUES (?, ?)').run(FILE_ID_KEY, crypto.randomUUID());
      // A daily backup that cannot be written (full disk, read-only folder) must not lock the user out of a healthy
      // database: open anyway and say so on the data screen.
      this.backupWarning = null;
      if (this.autoBackup) {
        try {
          autoBackupIfDue(opened, this.backupDir, LATEST_SCHEMA_VERSION, this.now());
        } catch (e) {
          this.backupWarning = `今天的自动备份没有成功：${e instanceof Error ? e.message : String(e)}。数据本身不受影响，请检查备份文件夹 ${this.backupDir} 的磁盘空间和权限。`;
        }
      }
      this.ctx = this.makeContext(opened);
      if (noteTakeOver && this.tookOver) this.noteTakeOver(opened, this.tookOver);
      this.afterOpen();
    } catch (e) {
      raw?.close();
      let error: AppError;
      if (e instanceof AppError) error = e;
      else {
        // Unexpected, but the user still gets the recovery screen with the reason rather than a crashed program.
        console.error('[workstation] open failed:', e);
        error = new AppError(
          ErrorCode.INTERNAL,
          `打开数据文件 ${this.dbPath} 时出错：${e instanceof Error ? e.message : String(e)}。文件未被改动，请联系维护人员。`,
        );
      }
      const state =
        error.code === ErrorCode.DB_TOO_NEW
          ? 'tooNew'
          : error.code === ErrorCode.DB_MIGRATION_FAILED
            ? 'migrationFailed'
            : 'damaged';
      this.failure = { state, error };
    }
    return this;
  }

  /**
   * Opens the file read-only while another copy writes it: nothing is migrated, backed up or cleaned, and SQLite
   * refuses every write on this connection. A file older than this program cannot be read until its writer (or
   * this program, once it may write) has upgraded it; on a network share the writer holds the file exclusively.
   */
  private openReadOnly(): this {
    this.lock?.release();
    this.lock = null;
    this.readOnly = true;
    this.tookOver = null;
    const found = readLock(lockPathFor(this.dbPath));
    this.lockedBy = found.kind === 'held' ? found.holder : this.lockedBy;
    const who = this.lockedBy ? describeHolder(this.lockedBy) : '另一个程序';
    if (this.storage.network) {
      this.failure = {
        state: 'locked',
        error: new AppError(
          ErrorCode.DB_IN_USE,
          `数据文件在${this.storage.detail ?? '网络共享文件夹'}上，正由${who}独占使用：在网络共享文件夹上，SQLite 只允许一个程序使用数据文件，所以这里不能同时只读打开。请等对方关闭后重试。`,
        ),
      };
      return this;
    }
    let raw: RawDb | undefined;
    try {
      raw = openDatabase(this.dbPath, { readonly: true, maxVersion: LATEST_SCHEMA_VERSION });
      const version = schemaVersionOf(raw);
      if (version < LATEST_SCHEMA_VERSION) {
        raw.close();
        raw = undefined;
        this.failure = {
          state: 'locked',
          error: new AppError(
            ErrorCode.DB_IN_USE,
            `数据文件是旧版本的（数据版本 ${version}），要先升级才能在这里查看；升级只能由正在使用它的${who}完成，或等它关闭后由本程序完成。请稍后重试。`,
          ),
        };
        return this;
      }
      this.ctx = this.makeContext(raw);
      this.afterOpen();
    } catch (e) {
      raw?.close();
      this.ctx = null;
      const error =
        e instanceof AppError
          ? e
          : new AppError(
              ErrorCode.INTERNAL,
              `以只读方式打开数据文件 ${this.dbPath} 时出错：${e instanceof Error ? e.message : String(e)}。文件未被改动。`,
            );
      this.failure = {
        state:
          error.code === ErrorCode.DB_TOO_NEW ? 'tooNew' : error.code === ErrorCode.DB_DAMAGED ? 'damaged' : 'locked',
        error,
      };
    }
    return this;
  }

  private makeContext(raw: RawDb): AppContext {
    return {
      raw,
      db: new Kysely<Database>({ dialect: new WorkstationDialect({ database: raw }, this.readOnly) }),
      dbPath: this.dbPath,
      backupDir: this.backupDir,
      osUser: currentOsUser(),
      files: this.files,
      areas: this.areas,
      now: this.now,
      readOnly: this.readOnly,
      exclusive: this.storage.network && !this.readOnly,
      sessionSettings: this.sessionSettings,
    };
  }

  /** Remembers the file's identity and starts watching it (and beating the lock's heartbeat). */
  private afterOpen(): void {
    this.identity = fileIdentity(this.dbPath);
    if (this.watcher) return;
    this.watcher = setInterval(() => this.watch(), HEARTBEAT_MS);
    this.watcher.unref();
  }

  private watch(): void {
    if (this.lock) {
      const lost = this.lock.beat();
      if (lost) return this.stop(lost, true);
    }
    if (this.ctx) {
      try {
        this.guard();
      } catch {
        // Recorded in failure: the next call says why.
      }
    }
  }

  /** A take-over is noted in the file's own history (修改记录 of 数据), so it can be seen later who lost what. */
  private noteTakeOver(raw: RawDb, text: string): void {
    try {
      raw
        .prepare(
          "INSERT INTO audit_log (at, os_user, entity, entity_id, action, summary, changes) VALUES (?, ?, 'data', NULL, 'update', ?, NULL)",
        )
        .run(nowText(this.ctx!), this.ctx!.osUser, text);
    } catch (e) {
      console.warn('[workstation] could not note the take-over:', e);
    }
  }

  /** "数据文件正由…使用" with what this copy can do about it. */
  private inUseError(holder: LockHolder): AppError {
    return new AppError(
      ErrorCode.DB_IN_USE,
      `数据文件 ${this.dbPath} 正由${describeHolder(holder)}使用。同一时间只能有一处修改数据：可以以只读方式打开查看，或等对方关闭后重试。`,
    );
  }

  /**
   * Before every use: the file must still be the one opened, and the write lock still this copy's. A writer whose
   * file was replaced (by hand, or by a restore elsewhere) or whose lock was taken over stops writing and says why;
   * a read-only copy simply reads the new file.
   */
  private guard(): void {
    if (!this.ctx) return;
    const now = fileIdentity(this.dbPath);
    if (now !== this.identity) {
      if (this.readOnly) {
        this.open({ readOnly: true });
        if (!this.ctx) throw this.failure!.error;
        return;
      }
      this.stop(
        now === null
          ? `数据文件 ${this.dbPath} 在本程序打开之后被移走或删除了。`
          : `数据文件 ${this.dbPath} 在本程序打开之后被替换了（可能是手工复制了另一个文件过来，或在别处恢复了备份）。`,
        false,
      );
      throw this.failure!.error;
    }
    if (this.lock) {
      const lost = this.lock.verify();
      if (lost) {
        this.stop(lost, true);
        throw this.failure!.error;
      }
    }
  }

  /** Stops using the file: nothing more is written to it until it is opened again, and the reason is kept. */
  private stop(why: string, lockLost: boolean): void {
    this.closeDatabase();
    if (lockLost && this.lock) {
      // Not ours any more: release() leaves the other program's lock file alone.
      this.lock.release();
      this.lock = null;
    }
    this.failure = {
      state: 'replaced',
      error: new AppError(
        ErrorCode.DB_REPLACED,
        `${why}为避免修改写到错误的文件里，本程序已停止使用它，这次操作没有保存。请点“重新打开”读取现在的数据文件${lockLost ? '（对方仍在使用时只能只读打开）' : ''}。`,
      ),
    };
    console.warn(`[workstation] stopped using ${this.dbPath}: ${why}`);
  }

  /** Closes the database but keeps the write lock (a restore reopens at once). */
  private closeDatabase(): void {
    if (this.ctx) {
      this.ctx.raw.close();
      this.ctx = null;
    }
  }

  /** Closes the database and gives up the write lock, so another copy may open the file. */
  close(): void {
    this.closeDatabase();
    if (this.watcher) clearInterval(this.watcher);
    this.watcher = null;
    this.lock?.release();
    this.lock = null;
  }

  get ready(): boolean {
    return this.ctx !== null;
  }

  private usePath(dbPath: string): void {
    this.dbPath = path.resolve(dbPath);
    this.backupDir = backupDirFor(this.dbPath);
    this.sharedBackupDir = sharedBackupDirFor(this.dbPath);
  }

  /**
   * Moves the data file from a network share to `target` on the local disk and goes on there: a verified backup in
   * the share's backup folder first, then a verified copy at `target` (temp name, then rename), then the file on the
   * share is renamed aside and a note left in its place (`<file>.moved.json`), so a start with the old path opens
   * the moved file on this computer and tells anyone elsewhere where it went. Nothing is lost if any step fails:
   * before the rename the share's file is untouched, and the copy is only used once complete.
   */
  moveTo(target: string): { from: string; to: string; backup: string } {
    if (!this.lock || !this.ctx || this.readOnly) {
      throw new AppError(ErrorCode.DB_IN_USE, '只有以可写方式打开数据文件时才能移动它。数据文件没有任何改动。');
    }
    this.guard();
    const from = this.dbPath;
    const fromBackups = this.backupDir;
    const to = path.resolve(target);
    const raw = this.ctx.raw;
    const backup = createBackup(raw, this.backupDir, 'manual', LATEST_SCHEMA_VERSION, this.now());
    fs.mkdirSync(path.dirname(to), { recursive: true });
    const tmp = `${to}.restoring-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
    try {
      raw.prepare('VACUUM INTO ?').run(tmp);
      const check = openDatabase(tmp, { readonly: true, maxVersion: LATEST_SCHEMA_VERSION });
      check.close();
      fs.renameSync(tmp, to);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      if (e instanceof AppError) throw e;
      throw new AppError(
        ErrorCode.FILE_WRITE_FAILED,
        `无法把数据文件复制到本机 ${to}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）。共享文件夹上的数据文件没有任何改动。`,
      );
    }
    const note: MovedNote = {
      to,
      computer: thisComputer(),
      user: currentOsUser(),
      at: this.now().toLocaleString('zh-CN', { hour12: false }),
    };
    this.closeDatabase();
    try {
      fs.writeFileSync(`${from}.moved.json`, JSON.stringify(note, null, 2));
      fs.renameSync(from, `${from}.moved-${this.now().getTime()}`);
      for (const j of ['-journal', '-wal', '-shm']) fs.rmSync(from + j, { force: true });
    } catch (e) {
      // The share's file is still whole (and still ours): go on with it, and say so.
      fs.rmSync(`${from}.moved.json`, { force: true });
      fs.rmSync(to, { force: true });
      this.open();
      throw new AppError(
        ErrorCode.FILE_WRITE_FAILED,
        `无法在共享文件夹上留下“已移走”的说明（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}），所以没有移动，仍使用共享文件夹上的数据文件。`,
      );
    }
    this.lock.release();
    this.lock = null;
    this.usePath(to);
    this.storageOverride = undefined;
    this.open();
    if (this.ctx) {
      const ctx = this.ctx as AppContext;
      ctx.raw
        .prepare(
          "INSERT INTO audit_log (at, os_user, entity, entity_id, action, summary, changes) VALUES (?, ?, 'data', NULL, 'update', ?, NULL)",
        )
        .run(
          nowText(ctx),
          ctx.osUser,
          `数据文件从网络共享文件夹 ${from} 移到本机 ${to}（移动前的备份：${backup.fileName}）`,
        );
    }
    return { from, to, backup: path.join(fromBackups, backup.fileName) };
  }

  /** How this copy holds the file, for app.status: the screens' banner and read-only mode follow it. */
  access(): {
    mode: 'write' | 'read' | 'none';
    writer: string | null;
    network: string | null;
    tookOver: string | null;
  } {
    let writer: string | null = null;
    if (!this.lock) {
      const found = readLock(lockPathFor(this.dbPath));
      if (found.kind === 'held') writer = describeHolder(found.holder);
    }
    return {
      mode: this.ctx ? (this.readOnly ? 'read' : 'write') : 'none',
      writer,
      network: this.storage.network ? (this.storage.detail ?? '网络共享文件夹') : null,
      tookOver: this.tookOver,
    };
  }

  /** Whether this copy holds the write lock (it may be `ready` or failed, e.g. damaged, and restore). */
  get isWriter(): boolean {
    return this.lock !== null;
  }

  /** The context for services; a clear error while the database could not be opened. */
  context(): AppContext {
    if (this.ctx) {
      this.guard();
      if (this.ctx) return this.ctx;
    }
    if (this.failure?.state === 'locked' || this.failure?.state === 'replaced') throw this.failure.error;
    throw new AppError(ErrorCode.NOT_READY, this.failure?.error.message ?? '数据文件尚未打开。');
  }

  /**
   * Changes whenever the file's data may have changed: a commit through this connection (total_changes) or another
   * (data_version). Something drawn from the data under the same stamp still shows it as it is (main/app/first-screen.ts).
   * Null when the file is not open for use.
   */
  dataStamp(): string | null {
    const raw = this.ctx?.raw;
    if (!raw) return null;
    const version = raw.pragma('data_version', { simple: true }) as number;
    const changes = (raw.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    return `${version}:${changes}`;
  }

  /**
   * What a failed write means for a person, when SQLite said why: a read-only copy names the file's writer; a busy
   * file was waited for and can be tried again. Null for anything else.
   */
  explainDatabaseError(e: unknown, where: 'app' | 'cli' = 'app'): AppError | null {
    if (isBusyError(e)) return busyError();
    // The disk full or failing under a write: the transaction was rolled back, so nothing of it is stored.
    if (isWriteFailure(e))
      return new AppError(
        ErrorCode.FILE_WRITE_FAILED,
        `数据文件写入失败（${writeFailureReason(e)}），这次修改没有保存，原有数据未改动。请处理后重试。`,
      );
    if (!isReadOnlyError(e)) return null;
    if (!this.readOnly)
      return new AppError(
        ErrorCode.FILE_WRITE_FAILED,
        `数据文件 ${this.dbPath} 不能写入（文件或所在磁盘是只读的），这次修改没有保存。请检查文件属性和文件夹权限。`,
      );
    return this.readOnlyError(where);
  }

  /** The refusal of a change in a read-only copy, naming the file's writer (or saying it has closed). */
  readOnlyError(where: 'app' | 'cli' = 'app'): AppError {
    const found = readLock(lockPathFor(this.dbPath));
    const holder = found.kind === 'held' ? found.holder : this.lockedBy;
    const who = holder ? describeHolder(holder) : '另一个程序';
    return new AppError(
      ErrorCode.READ_ONLY,
      where === 'cli'
        ? `数据文件 ${this.dbPath} 正由${who}使用，命令行只能读取，不能修改它。请先关闭正在使用它的程序，再运行这个命令。数据未改动。`
        : `数据文件正由${who}使用，这里是只读打开的，不能修改，这次修改没有保存。${found.kind === 'held' ? '等对方关闭后' : '对方已关闭，'}点页面上方的“改为可写”即可修改。`,
    );
  }

  /**
   * A restore replaces the whole file: only the writer may do it, never under another copy's feet. A read-only or
   * locked copy is refused with the writer named; a writer whose file was replaced meanwhile is stopped (guard).
   */
  private assertMayReplace(): void {
    if (!this.lock) {
      const found = readLock(lockPathFor(this.dbPath));
      const who =
        found.kind === 'held' ? describeHolder(found.holder) : this.lockedBy ? describeHolder(this.lockedBy) : null;
      throw new AppError(
        ErrorCode.DB_IN_USE,
        who
          ? `不能恢复：数据文件 ${this.dbPath} 正由${who}使用。恢复会替换整个数据文件，只能在正在使用它的那一处进行，或等它关闭后再恢复。当前数据没有任何改动。`
          : `不能恢复：本程序没有以可写方式打开数据文件 ${this.dbPath}。请先点“重新打开”或“改为可写”，再恢复。当前数据没有任何改动。`,
      );
    }
    if (this.ctx) this.guard();
    const lost = this.lock.verify();
    if (lost) {
      this.stop(lost, true);
      throw this.failure!.error;
    }
  }

  /** What the open data holds (单位, identity, counts, last change); all null before the file can be opened. */
  currentContent(): BackupContent {
    if (!this.ctx)
      return {
        bureauName: null,
        fileId: null,
        plans: null,
        tasks: null,
        staff: null,
        lastChange: null,
        schemaVersion: 0,
      };
    return readContent(this.ctx.raw);
  }

  /**
   * Restores a backup over the live file. The candidate is verified completely on a copy first (see
   * prepareRestoreCandidate), `confirm` may still refuse it by what it holds; only then is the current data backed up,
   * the database closed and the verified copy renamed over the data file in one step, and the workstation reopened.
   * Every refusal before the rename leaves the data file byte for byte as it was and says so.
   */
  restoreFrom(
    source: string,
    opts: { label?: string; confirm?: (content: BackupContent) => void } = {},
  ): BackupContent {
    const sourceAbs = path.resolve(source);
    const label = opts.label ?? `文件“${path.basename(sourceAbs)}”`;
    this.assertMayReplace();
    const candidate = prepareRestoreCandidate(sourceAbs, this.dbPath, label);
    try {
      opts.confirm?.(candidate.content);
      if (this.ctx) {
        try {
          createBackup(this.ctx.raw, this.backupDir, 'pre-restore', LATEST_SCHEMA_VERSION, this.now());
        } catch (e) {
          throw new AppError(
            ErrorCode.BACKUP_FAILED,
            `恢复前要先备份当前数据，但备份没有成功（${e instanceof Error ? e.message : String(e)}），所以没有恢复。当前数据没有任何改动。`,
          );
        }
        pruneBackups(this.backupDir);
      } else if (fs.existsSync(this.dbPath)) {
        // A damaged file cannot be vacuumed; keep it byte for byte (not offered as a backup) so nothing is lost.
        // The name says why it was set aside (a file from a newer program is not damaged).
        fs.mkdirSync(this.backupDir, { recursive: true });
        const why =
          this.failure?.state === 'tooNew'
            ? 'newer-version'
            : this.failure?.state === 'migrationFailed'
              ? 'migration-failed'
              : this.failure?.state === 'replaced'
                ? 'replaced'
                : 'damaged';
        const keep = path.join(this.backupDir, `${why}-${this.now().getTime()}.sqlite`);
        fs.copyFileSync(this.dbPath, keep);
        for (const j of ['-wal', '-journal'])
          if (fs.existsSync(this.dbPath + j)) fs.copyFileSync(this.dbPath + j, keep + j);
      }
      // Checked again right before the swap: the file must still be the one verified and the lock still ours.
      this.assertMayReplace();
    } catch (e) {
      candidate.discard();
      throw e;
    }
    this.closeDatabase();
    try {
      // The old file's journals (none after a clean close; a damaged file's were kept aside above) must not be
      // applied to the restored one.
      for (const j of ['-wal', '-shm', '-journal']) fs.rmSync(this.dbPath + j, { force: true });
      fs.renameSync(candidate.file, this.dbPath);
    } catch (e) {
      candidate.discard();
      this.open();
      throw new AppError(
        ErrorCode.BACKUP_FAILED,
        `恢复没有完成：无法替换数据文件 ${this.dbPath}（${writeFailureReason(e)}），可能被其他程序占用。当前数据保持恢复前的状态。`,
      );
    }
    this.open();
    return candidate.content;
  }
}
