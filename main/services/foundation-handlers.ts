import type { AppStatus } from '../../shared/ipc/contracts/foundation';
import type { foundationContract } from '../../shared/ipc/contracts/foundation';
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import { listBackups } from '../db/backup';
import { schemaVersionOf } from '../db/open';
import type { AreaHandlers } from './handler-types';
import { listAudit } from './audit';
import {
  inspectUploadedFile,
  listDataFileBackups,
  makeManualBackup,
  restoreListedBackup,
  restoreUploadedFile,
  saveFullCopy,
} from './data/backups';
import { moveToLocalDisk } from './data/move';
import { getBureau, saveBureau } from './org/bureau';
import {
  createDepartment,
  deleteDepartment,
  listDepartments,
  renameDepartment,
  reorderDepartments,
  setDepartmentActive,
} from './org/departments';
import { createStaff, deleteStaff, listStaff, updateStaff } from './org/staff';
import { commitStaffImport, deliverStaffImportTemplate, previewStaffImport } from './org/staff-import';
import { getAllSettings, getSetting, setSetting, settingWarnings, SettingKey, updateSetting } from './settings';
import type { AppContext, Workstation } from './workstation';
import { yearsWithData } from './years';
import { getAttachmentFile } from './attachments';
import { getCalendarSettings, saveCalendarSettings } from './calendar';
import { loadDemo } from './demo';
import { runExport } from './exports';

export async function appStatus(ws: Workstation): Promise<AppStatus> {
  const latestBackup = listBackups(ws.backupDir)[0] ?? null;
  // context() checks the file is still the one opened: a replaced one turns the status to `replaced` here.
  let ctx: AppContext | null = null;
  try {
    if (ws.ready) ctx = ws.context();
  } catch {
    ctx = null;
  }
  const base = {
    host: ws.host,
    appVersion: ws.appVersion,
    dbPath: ws.dbPath,
    backupDir: ws.backupDir,
    latestBackup,
    access: ws.access(),
  };
  if (!ctx) {
    return {
      ...base,
      state: ws.failure?.state ?? 'damaged',
      message: ws.failure?.error.message,
      schemaVersion: null,
      year: null,
      dataYears: [],
      bureau: null,
    };
  }
  const bureau = await getBureau(ctx);
  // getSetting never hands out a stored value its schema refuses (99999, -5, 2026.5): the status always loads.
  const year = Number(await getSetting(ctx, SettingKey.currentYear)) || null;
  const warnings = settingWarnings(ctx);
  return {
    ...base,
    state: bureau && year ? 'ready' : 'setup',
    schemaVersion: schemaVersionOf(ctx.raw),
    year,
    dataYears: await yearsWithData(ctx),
    bureau,
    ...(ws.backupWarning && { message: ws.backupWarning }),
    ...(warnings.length > 0 && { settingWarnings: warnings }),
  };
}

/** The swap happened (so the data did change): say so, and where the data from before is. */
function assertOpenAfterRestore(ws: Workstation): void {
  if (ws.ready) return;
  throw new AppError(
    ErrorCode.DB_DAMAGED,
    `数据文件已被替换，但随后无法打开：${ws.failure?.error.message ?? '原因不明'}。恢复前的数据已备份在 ${ws.backupDir}，可在恢复界面中选择它恢复回来。`,
  );
}

export const foundationHandlers: AreaHandlers<typeof foundationContract> = {
  'app.status': (ws) => appStatus(ws),
  'app.setup': async (ws, { bureau, year }) => {
    const ctx = ws.context();
    await saveBureau(ctx, bureau);
    await setSetting(ctx, SettingKey.currentYear, String(year));
    return appStatus(ws);
  },
  'app.setYear': async (ws, { year }) => {
    const ctx = ws.context();
    // A read-only copy cannot store the working year: it keeps the one picked for this session.
    if (ctx.readOnly) ctx.sessionSettings.set(SettingKey.currentYear, String(year));
    else await setSetting(ctx, SettingKey.currentYear, String(year));
    return { ok: true as const };
  },
  'app.openReadOnly': (ws) => appStatus(ws.open({ readOnly: true })),
  'app.reopen': (ws) => {
    const wasReading = ws.ready && ws.readOnly;
    ws.open();
    if (wasReading && ws.failure?.state === 'locked') {
      // Still written elsewhere: keep reading, and say who has it.
      const why = ws.failure.error;
      ws.open({ readOnly: true });
      throw why;
    }
    return appStatus(ws);
  },
  'bureau.update': (ws, bureau) => saveBureau(ws.context(), bureau),
  'settings.getAll': (ws) => getAllSettings(ws.context()),
  'settings.set': async (ws, { key, value }) => {
    await updateSetting(ws.context(), key, value);
    return { ok: true as const };
  },

  'departments.list': (ws, input) => listDepartments(ws.context(), input?.includeInactive ?? true),
  'departments.create': (ws, { name }) => createDepartment(ws.context(), name),
  'departments.rename': (ws, { id, name }) => renameDepartment(ws.context(), id, name),
  'departments.reorder': async (ws, { ids }) => {
    await reorderDepartments(ws.context(), ids);
    return { ok: true as const };
  },
  'departments.setActive': (ws, { id, active }) => setDepartmentActive(ws.context(), id, active),
  'departments.delete': async (ws, { id }) => {
    await deleteDepartment(ws.context(), id);
    return { ok: true as const };
  },

  'staff.list': (ws, filter) => listStaff(ws.context(), filter ?? {}),
  'staff.create': (ws, input) => createStaff(ws.context(), input),
  'staff.update': (ws, { id, ...input }) => updateStaff(ws.context(), id, input),
  'staff.delete': async (ws, { id }) => {
    await deleteStaff(ws.context(), id);
    return { ok: true as const };
  },
  'staff.importPreview': (ws, upload) => previewStaffImport(ws.context(), upload),
  'staff.importCommit': (ws, input) => commitStaffImport(ws.context(), input),
  'staff.importTemplate': (ws) => deliverStaffImportTemplate(ws.context()),
  'staff.export': async (ws) => {
    const ctx = ws.context();
    return runExport(ctx, 'staff-xlsx', { year: ctx.now().getFullYear() });
  },

  'backup.list': (ws) => listDataFileBackups(ws),
  'backup.create': (ws) => makeManualBackup(ws),
  'backup.restore': async (ws, input) => {
    await restoreListedBackup(ws, input);
    assertOpenAfterRestore(ws);
    return appStatus(ws);
  },
  'backup.restoreFile': async (ws, { confirmOtherBureau, ...upload }) => {
    await restoreUploadedFile(ws, upload, { confirmOtherBureau });
    assertOpenAfterRestore(ws);
    return appStatus(ws);
  },
  'backup.saveCopy': (ws) => saveFullCopy(ws),
  'backup.moveToLocal': (ws) => moveToLocalDisk(ws),
  'backup.inspectFile': (ws, upload) => inspectUploadedFile(ws, upload),

  'audit.list': (ws, input) => listAudit(ws.context(), input),
  'attachments.download': async (ws, { id }) => {
    const file = await getAttachmentFile(ws.context(), id);
    return ws.files.deliver(file.fileName, file.data);
  },
  'calendar.get': (ws, { year }) => getCalendarSettings(ws.context(), year),
  'calendar.save': async (ws, input) => ({
    ok: true as const,
    recounted: await saveCalendarSettings(ws.context(), input),
  }),
  'demo.load': (ws) => loadDemo(ws.context()),
};
