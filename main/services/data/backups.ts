import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BACKUP_KIND_LABELS, type BackupInfo } from '../../../shared/domain/backup';
import type { DeliveredFile, Upload } from '../../../shared/domain/files';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { createBackup, listBackups, pruneBackups } from '../../db/backup';
import { LATEST_SCHEMA_VERSION } from '../../db/migrate';
import { recordAudit } from '../audit';
import { decodeUpload, MAX_UPLOAD_BYTES } from '../uploads';
import type { Workstation } from '../workstation';

export function makeManualBackup(ws: Workstation): BackupInfo {
  const info = createBackup(ws.context().raw, ws.backupDir, 'manual', LATEST_SCHEMA_VERSION);
  pruneBackups(ws.backupDir);
  return info;
}

/** Restores one of the listed backups by name (never an arbitrary path from the renderer). */
export async function restoreListedBackup(ws: Workstation, fileName: string): Promise<void> {
  const found = listBackups(ws.backupDir).find((b) => b.fileName === fileName);
  if (!found) throw new AppError(ErrorCode.NOT_FOUND, `找不到备份“${fileName}”，请刷新备份列表后重试。`);
  await restoreBackupFile(ws, path.join(ws.backupDir, found.fileName), `${found.createdAt} 的${BACKUP_KIND_LABELS[found.kind]}备份`);
}

/**
 * Restores any verified backup file (CLI, recovery) and notes it in the restored data's own audit trail, so the
 * history shows when the data went back in time and who did it.
 */
export async function restoreBackupFile(ws: Workstation, file: string, label = path.basename(file)): Promise<void> {
  ws.restoreFrom(file);
  if (!ws.ready) return;
  const ctx = ws.context();
  await recordAudit(ctx.db, ctx, { entity: 'data', entityId: null, action: 'restore', summary: `从备份恢复数据：${label}` });
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

/**
 * Restores a data file the user picked (a full copy brought from another PC, a backup kept on a USB stick).
 * It is written to a temp folder under its own name (so messages name the user's file), verified like any backup,
 * and only then swapped in; the current data is kept as a pre-restore backup.
 */
export async function restoreUploadedFile(ws: Workstation, upload: Upload): Promise<void> {
  if (upload.dataBase64.length > Math.ceil(MAX_UPLOAD_BYTES / 3) * 4 + 4) {
    throw new AppError(ErrorCode.FILE_TOO_LARGE,
      `文件“${upload.fileName}”超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，不能在界面中打开。请用命令行恢复：npm run cli -- restore "${upload.fileName}"（先关闭本程序），或把它复制为“数据与备份”中显示的数据文件。`);
  }
  const data = decodeUpload(upload);
  if (data.subarray(0, 15).toString('latin1') !== 'SQLite format 3') {
    throw new AppError(ErrorCode.BACKUP_INVALID,
      `文件“${upload.fileName}”不是政务公开工作台的数据文件或备份。请选择用“另存完整副本”保存的文件，或备份文件夹中以 .sqlite 结尾的文件。`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-restore-'));
  const safeName = [...path.basename(upload.fileName)].map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('') || 'data.sqlite';
  const file = path.join(dir, safeName);
  try {
    fs.writeFileSync(file, data);
    await restoreBackupFile(ws, file, `文件“${upload.fileName}”`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
