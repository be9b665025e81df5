import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import { BACKUP_KIND_LABELS, lessCompleteThan } from '../../shared/domain/backup';
import { createBackup, listBackups } from '../db/backup';
import { LATEST_SCHEMA_VERSION } from '../db/migrate';
import { openDatabase, schemaVersionOf } from '../db/open';
import { referenceTables, schemaDifferences, schemaOf } from '../db/schema-check';
import { DatabaseDamagedError, DatabaseTooNewError } from '../db/errors';
import { restoreBackupFile } from '../services/data/backups';
import { resolveDbPath } from '../services/paths';
import { writeFileAtomic } from '../services/write-file';
import { appStatus } from '../services/foundation-handlers';
import type { Workstation } from '../services/workstation';
import { openCliWorkstation } from './workstation';
import { flag, type CliCommand } from './types';

export const foundationCommands: Record<string, CliCommand> = {
  info: {
    usage: 'info [--db <文件>]',
    summary: '显示单位、数据版本、记录数和备份情况',
    async run(args) {
      requireExistingDb(args);
      const ws = openCliWorkstation(args);
      try {
        return await printInfo(ws);
      } finally {
        ws.close();
      }
    },
  },
  check: {
    usage: 'check [--db <文件>]',
    summary: '完整性检查与数据版本检查，有问题时退出码为 1',
    async run(args) {
      // Read-only: a check must not migrate or back up the file it is checking.
      const file = resolveDbPath(flag(args, 'db'));
      if (!fs.existsSync(file)) throw new AppError(ErrorCode.NOT_FOUND, `数据文件不存在：${file}`);
      const db = openDatabase(file, { readonly: true });
      const v = schemaVersionOf(db);
      const tables = (
        db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").all() as {
          name: string;
        }[]
      ).map((t) => t.name);
      // A file at the current version must have exactly a new file's schema (an older one is upgraded at start).
      const diff = v === LATEST_SCHEMA_VERSION ? schemaDifferences(schemaOf(db)) : [];
      db.close();
      if (diff.length) throw new DatabaseDamagedError(file, `数据结构与本程序不一致：${diff.join('，')}`);
      if (v > LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(file, v, LATEST_SCHEMA_VERSION);
      if ((v === 0 && tables.length > 0) || (v > 0 && !tables.includes('bureau'))) {
        throw new DatabaseDamagedError(file, '文件中是其他程序的数据表，不是本软件的数据文件');
      }
      const note = v < LATEST_SCHEMA_VERSION ? '，下次启动程序时会自动升级' : '';
      process.stdout.write(
        `数据文件：${file}\n完整性检查：通过\n数据版本：${v}（本程序支持到 ${LATEST_SCHEMA_VERSION}${note}）\n`,
      );
      return 0;
    },
  },
  backup: {
    usage: 'backup --out <文件> [--db <文件>]',
    summary: '把数据完整备份到指定文件（经校验）',
    async run(args) {
      const out = flag(args, 'out');
      if (!out) throw new AppError(ErrorCode.VALIDATION, '请用 --out 指定备份文件保存位置。');
      requireExistingDb(args);
      const ws = openCliWorkstation(args);
      if (!ws.ready) throw ws.failure!.error;
      const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-backup-'));
      try {
        const info = createBackup(ws.context().raw, tmpDir, 'manual', LATEST_SCHEMA_VERSION);
        writeFileAtomic(path.resolve(out), fs.readFileSync(path.join(tmpDir, info.fileName)));
      } finally {
        fs.rmSync(tmpDir, { recursive: true, force: true });
        ws.close();
      }
      process.stdout.write(`已备份到：${path.resolve(out)}\n`);
      return 0;
    },
  },
  restore: {
    usage: 'restore <备份文件> [--db <文件>] [--other-unit]',
    summary: '完整校验备份文件后用它替换当前数据（先自动备份当前数据；其他单位的备份需加 --other-unit）',
    async run(args) {
      const source = args.positional[0];
      if (!source)
        throw new AppError(ErrorCode.VALIDATION, '请指定要恢复的备份文件，例如：restore D:\\备份\\zwgk.sqlite');
      const ws = openCliWorkstation(args);
      let lessComplete: string[] = [];
      try {
        const current = ws.currentContent();
        // Refused with the writer named while another copy of the workstation has the file (Workstation.restoreFrom).
        const restored = await restoreBackupFile(ws, source, undefined, {
          confirmOtherBureau: args.flags['other-unit'] === true,
          howToConfirm: '请加上 --other-unit 参数重新执行',
        });
        if (!ws.ready) throw ws.failure!.error;
        lessComplete = current.bureauName === null ? [] : lessCompleteThan(restored, current);
      } finally {
        ws.close();
      }
      process.stdout.write(`已从 ${path.resolve(source)} 恢复；恢复前的数据已备份到 ${ws.backupDir}\n`);
      // The command line asks nothing: it says afterwards what the restore took away (the pre-restore backup has it).
      if (lessComplete.length)
        process.stdout.write(`注意：恢复的数据比恢复前的数据旧或少：${lessComplete.join('；')}。\n`);
      return 0;
    },
  },
};

/** info and backup read an existing data file; they must not create an empty one at a mistyped path. */
function requireExistingDb(args: Parameters<typeof flag>[0]): void {
  const file = resolveDbPath(flag(args, 'db'));
  if (!fs.existsSync(file))
    throw new AppError(ErrorCode.NOT_FOUND, `数据文件不存在：${file}。请检查 --db 指定的路径。`);
}

async function printInfo(ws: Workstation): Promise<number> {
  const status = await appStatus(ws);
  const lines = [`数据文件：${ws.dbPath}`];
  if (!ws.ready) throw ws.failure!.error;
  const ctx = ws.context();
  // Read-only while another copy of the workstation writes the file: say who, so nobody wonders why.
  if (ws.readOnly) lines.push(`正在使用：${status.access.writer ?? '另一个程序'}（本命令只读）`);
  lines.push(
    `单位：${status.bureau?.fullName ?? '（尚未设置）'}`,
    `工作年度：${status.year ?? '（尚未设置）'}`,
    `数据版本：${schemaVersionOf(ctx.raw)}（本程序支持到 ${LATEST_SCHEMA_VERSION}）`,
  );
  // Only the program's own table names go into SQL text, never names read from the file (a crafted file could
  // carry a name that breaks out of the quotes). The file's schema equals them after opening, or it was refused.
  const present = new Set(
    (ctx.raw.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map(
      (t) => t.name,
    ),
  );
  const counts = referenceTables()
    .filter((t) => present.has(t))
    .sort()
    .map((t) => `${t} ${(ctx.raw.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n}`);
  lines.push(`记录数：${counts.join('，')}`);
  const backups = listBackups(ws.backupDir);
  lines.push(`备份：${backups.length} 个，位于 ${ws.backupDir}`);
  if (backups[0])
    lines.push(`最近备份：${backups[0].createdAt}（${BACKUP_KIND_LABELS[backups[0].kind]}）${backups[0].fileName}`);
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}
