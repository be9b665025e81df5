import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BACKUP_KIND_LABELS,
  lessCompleteThan,
  type BackupContent,
  type BackupInfo,
} from '../../../shared/domain/backup';
import type { DeliveredFile, Upload } from '../../../shared/domain/files';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { createBackup, listBackups, pruneBackups } from '../../db/backup';
import { inspectBackupFile, prepareRestoreCandidate } from '../../db/candidate';
import { LATEST_SCHEMA_VERSION } from '../../db/migrate';
import { recordAudit } from '../audit';
import { decodeUpload, MAX_UPLOAD_BYTES } from '../uploads';
import type { Workstation } from '../workstation';

interface RestoreOptions {
  /** The user has seen that the backup belongs to another 单位 and wants it anyway. */
  confirmOtherBureau?: boolean;
}

export function makeManualBackup(ws: Workstation): BackupInfo {
  const ctx = ws.context();
  // The backup folder (and its pruning) belongs to the copy that writes the file.
  if (ctx.readOnly) throw ws.readOnlyError();
  const info = createBackup(ctx.raw, ws.backupDir, 'manual', LATEST_SCHEMA_VERSION);
  pruneBackups(ws.backupDir);
  return info;
}

/**
 * This data file's backups (its own folder), then those still in the `backups` folder every data file of the folder
 * shared before, marked `shared`; each with what it holds and whether it was made from this very file, so the
 * screen can say whose it is before a restore is offered. Newest first.
 */
export function listDataFileBackups(ws: Workstation): BackupInfo[] {
  const current = ws.currentContent();
  const withContent = (b: BackupInfo, dir: string, shared: boolean): BackupInfo => {
    const content = inspectBackupFile(path.join(dir, b.fileName));
    const sameFile = content?.fileId && current.fileId ? content.fileId === current.fileId : null;
    return { ...b, shared, content, sameFile, lessComplete: content ? lessCompleteThan(content, current) : [] };
  };
  const own = listBackups(ws.backupDir).map((b) => withContent(b, ws.backupDir, false));
  const shared = listBackups(ws.sharedBackupDir).map((b) => withContent(b, ws.sharedBackupDir, true));
  return [...own, ...shared].sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || Number(a.shared) - Number(b.shared),
  );
}

/** Restores one of the listed backups by name (never an arbitrary path from the renderer). */
export async function restoreListedBackup(
  ws: Workstation,
  input: { fileName: string; shared?: boolean } & RestoreOptions,
): Promise<void> {
  const dir = input.shared ? ws.sharedBackupDir : ws.backupDir;
  const found = listBackups(dir).find((b) => b.fileName === input.fileName);
  if (!found)
    throw new AppError(
      ErrorCode.NOT_FOUND,
      `找不到备份“${input.fileName}”，请刷新备份列表后重试。当前数据没有任何改动。`,
    );
  await restoreBackupFile(
    ws,
    path.join(dir, found.fileName),
    `${found.createdAt} 的${BACKUP_KIND_LABELS[found.kind]}备份`,
    input,
  );
}

/** Refuses a backup of another 单位 unless the user confirmed exactly that (the screen asks; the CLI has a flag). */
function assertSameBureau(
  ws: Workstation,
  content: BackupContent,
  label: string,
  opts: RestoreOptions,
  howToConfirm: string,
): void {
  const { bureauName: current, fileId } = ws.currentContent();
  // A backup of this very file (same identity) whose 单位 was renamed since is not another 单位's.
  if (
    current === null ||
    content.bureauName === current ||
    opts.confirmOtherBureau ||
    (fileId !== null && content.fileId === fileId)
  )
    return;
  const theirs = content.bureauName ? `“${content.bureauName}”的数据` : '尚未设置单位的空白数据';
  throw new AppError(
    ErrorCode.CONFLICT,
    `${label}是${theirs}，当前数据属于“${current}”。恢复会用它替换本单位的全部数据。如确实要这样做，${howToConfirm}。当前数据没有任何改动。`,
  );
}

/**
 * Restores any file (CLI, recovery, a listed backup) after full verification and notes it in the restored data's
 * own audit trail, so the history shows when the data went back in time and who did it.
 */
export async function restoreBackupFile(
  ws: Workstation,
  file: string,
  label = `文件“${path.basename(file)}”`,
  opts: RestoreOptions & { howToConfirm?: string } = {},
): Promise<BackupContent> {
  const content = ws.restoreFrom(file, {
    label,
    confirm: (c) =>
      assertSameBureau(ws, c, label, opts, opts.howToConfirm ?? '请在确认框中勾选“确认用其他单位的数据替换”后再恢复'),
  });
  if (ws.ready) {
    const ctx = ws.context();
    await recordAudit(ctx.db, ctx, {
      entity: 'data',
      entityId: null,
      action: 'restore',
      summary: `从备份恢复数据：${label}`,
    });
  }
  return content;
}

/** A full, consistent copy of the data file, for moving to a new PC or keeping offline. */
export async function saveFullCopy(ws: Workstation): Promise<DeliveredFile> {
  const tmp = path.join(os.tmpdir(), `zwgk-copy-${crypto.randomBytes(6).toString('hex')}.sqlite`);
  try {
    ws.context().raw.prepare('VACUUM INTO ?').run(tmp);
    const d = new Date();
    const day = `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
    return await ws.files.deliver(`政务公开工作台数据-${day}.sqlite`, fs.readFileSync(tmp));
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** Writes an uploaded data file to a private temp folder (under a fixed name: the user's only appears in messages). */
async function withUploadedFile<T>(upload: Upload, use: (file: string, label: string) => Promise<T>): Promise<T> {
  const name = path.basename(upload.fileName.replace(/\\/g, '/'));
  if (!name.trim() || /^\.+$/.test(name.trim())) {
    throw new AppError(
      ErrorCode.VALIDATION,
      `“${upload.fileName}”不是有效的文件名。请选择一个数据文件（以 .sqlite 结尾）。当前数据没有任何改动。`,
    );
  }
  if (upload.dataBase64.length > Math.ceil(MAX_UPLOAD_BYTES / 3) * 4 + 4) {
    throw new AppError(
      ErrorCode.FILE_TOO_LARGE,
      `文件“${name}”超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，不能在界面中打开。请用命令行恢复：npm run cli -- restore "${name}"（先关闭本程序），或把它复制为“数据与备份”中显示的数据文件。当前数据没有任何改动。`,
    );
  }
  const data = decodeUpload(upload);
  if (data.subarray(0, 15).toString('latin1') !== 'SQLite format 3') {
    throw new AppError(
      ErrorCode.BACKUP_INVALID,
      `文件“${name}”不是政务公开工作台的数据文件或备份。请选择用“另存完整副本”保存的文件，或备份文件夹中以 .sqlite 结尾的文件。当前数据没有任何改动。`,
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-restore-'));
  try {
    const file = path.join(dir, 'upload.sqlite');
    fs.writeFileSync(file, data);
    return await use(file, `文件“${name}”`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What a picked file holds, verified exactly as a restore would (on a copy), for the confirmation. */
export async function inspectUploadedFile(
  ws: Workstation,
  upload: Upload,
): Promise<{
  content: BackupContent;
  sameFile: boolean | null;
  currentBureau: string | null;
  lessComplete: string[];
}> {
  return withUploadedFile(upload, async (file, label) => {
    const candidate = prepareRestoreCandidate(file, path.join(path.dirname(file), 'check'), label);
    candidate.discard();
    const current = ws.currentContent();
    const sameFile = candidate.content.fileId && current.fileId ? candidate.content.fileId === current.fileId : null;
    return {
      content: candidate.content,
      sameFile,
      currentBureau: current.bureauName,
      lessComplete: lessCompleteThan(candidate.content, current),
    };
  });
}

/**
 * Restores a data file the user picked (a full copy brought from another PC, a backup kept on a USB stick),
 * verified like any backup and only then swapped in; the current data is kept as a pre-restore backup.
 */
export async function restoreUploadedFile(
  ws: Workstation,
  upload: Upload,
  opts: RestoreOptions = {},
): Promise<BackupContent> {
  return withUploadedFile(upload, (file, label) => restoreBackupFile(ws, file, label, opts));
}
