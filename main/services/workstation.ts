import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import type { DeliveredFile } from '../../shared/domain/files';
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import type { BackupContent } from '../../shared/domain/backup';
import { autoBackupIfDue, backupDirFor, createBackup, pruneBackups, sharedBackupDirFor } from '../db/backup';
import { FILE_ID_KEY, prepareRestoreCandidate } from '../db/candidate';
import { cleanStaleTemporaries } from '../db/temporaries';
import { LATEST_SCHEMA_VERSION, migrateDatabase } from '../db/migrate';
import { openDatabase, type RawDb } from '../db/open';
import type { Database } from '../db/schema';

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
}

type OpenFailure = { state: 'damaged' | 'tooNew' | 'migrationFailed'; error: AppError };

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
  readonly dbPath: string;
  /** This data file's own backup folder. */
  readonly backupDir: string;
  /** The `backups` folder all files in the folder shared before each had its own (listed, never written). */
  readonly sharedBackupDir: string;
  readonly host: HostKind;
  readonly appVersion: string;
  readonly files: FilePort;
  private readonly now: () => Date;
  private readonly autoBackup: boolean;
  private ctx: AppContext | null = null;
  failure: OpenFailure | null = null;
  /** Set when the database opened but the daily automatic backup failed. */
  backupWarning: string | null = null;

  constructor(opts: WorkstationOptions) {
    this.dbPath = path.resolve(opts.dbPath);
    this.backupDir = backupDirFor(this.dbPath);
    this.sharedBackupDir = sharedBackupDirFor(this.dbPath);
    this.host = opts.host;
    this.files = opts.files;
    this.appVersion = opts.appVersion ?? '0.1.0';
    this.now = opts.now ?? (() => new Date());
    this.autoBackup = opts.autoBackup ?? true;
  }

  /** Opens and migrates; never throws for an unusable file, it records the failure so the UI can offer a restore. */
  open(): this {
    this.close();
    let raw: RawDb | undefined;
    try {
      // Leftovers of a killed backup or restore (never needed: see temporaries.ts) go before anything else.
      cleanStaleTemporaries(this.dbPath, [this.backupDir, this.sharedBackupDir]);
      raw = openDatabase(this.dbPath, { maxVersion: LATEST_SCHEMA_VERSION });
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
      this.ctx = {
        raw: opened,
        db: new Kysely<Database>({ dialect: new SqliteDialect({ database: opened }) }),
        dbPath: this.dbPath,
        backupDir: this.backupDir,
        osUser: currentOsUser(),
        files: this.files,
        now: this.now,
      };
      this.failure = null;
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

  close(): void {
    if (this.ctx) {
      this.ctx.raw.close();
      this.ctx = null;
    }
  }

  get ready(): boolean {
    return this.ctx !== null;
  }

  /** The context for services; a clear error while the database could not be opened. */
  context(): AppContext {
    if (this.ctx) return this.ctx;
    throw new AppError(ErrorCode.NOT_READY, this.failure?.error.message ?? '数据文件尚未打开。');
  }

  /** The 单位 of the open data, null before setup or while the file cannot be opened. */
  currentContent(): { bureauName: string | null; fileId: string | null } {
    if (!this.ctx) return { bureauName: null, fileId: null };
    const raw = this.ctx.raw;
    const bureau = raw.prepare('SELECT full_name AS name FROM bureau WHERE id = 1').get() as
      { name: string } | undefined;
    const id = raw.prepare('SELECT value FROM setting WHERE key = ?').get(FILE_ID_KEY) as { value: string } | undefined;
    return { bureauName: bureau?.name ?? null, fileId: id?.value ?? null };
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
              : 'damaged';
        const keep = path.join(this.backupDir, `${why}-${this.now().getTime()}.sqlite`);
        fs.copyFileSync(this.dbPath, keep);
        for (const j of ['-wal', '-journal'])
          if (fs.existsSync(this.dbPath + j)) fs.copyFileSync(this.dbPath + j, keep + j);
      }
    } catch (e) {
      candidate.discard();
      throw e;
    }
    this.close();
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
        `恢复没有完成：无法替换数据文件 ${this.dbPath}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}），可能被其他程序占用。当前数据保持恢复前的状态。`,
      );
    }
    this.open();
    return candidate.content;
  }
}
