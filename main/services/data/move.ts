import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { detectStorage } from '../../db/storage';
import type { Workstation } from '../workstation';

/**
 * The per-user folder that is always on this computer's own disk: %LOCALAPPDATA% on Windows (never redirected to a
 * server, unlike %APPDATA%), $XDG_DATA_HOME or ~/.local/share elsewhere.
 */
function localDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32')
    return path.join(env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'), 'zwgk-workstation', 'data');
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'zwgk-workstation', 'data');
}

/** A name in `dir` no file has yet: zwgk.sqlite, else zwgk-2.sqlite, zwgk-3.sqlite … (never over a local file). */
function freeName(dir: string, base: string): string {
  const ext = path.extname(base) || '.sqlite';
  const stem = path.basename(base, path.extname(base)) || 'zwgk';
  let candidate = path.join(dir, `${stem}${ext}`);
  for (let i = 2; fs.existsSync(candidate) || fs.existsSync(`${candidate}.lock`); i++)
    candidate = path.join(dir, `${stem}-${i}${ext}`);
  return candidate;
}

/**
 * "移到本机磁盘": the data file leaves the network share for this computer's local disk (see Workstation.moveTo: a
 * verified backup first, a note left on the share). Refused when the file is not on a share, or when the local
 * folder itself turns out to be on one (a roaming profile kept on a server).
 */
export function moveToLocalDisk(ws: Workstation, dir = localDataDir()): { from: string; to: string; backup: string } {
  if (!ws.storage.network)
    throw new AppError(ErrorCode.VALIDATION, `数据文件 ${ws.dbPath} 已经在本机磁盘上，不需要移动。`);
  fs.mkdirSync(dir, { recursive: true });
  if (detectStorage(path.join(dir, 'x.sqlite')).network)
    throw new AppError(
      ErrorCode.FILE_WRITE_FAILED,
      `本机的程序数据文件夹 ${dir} 也在网络上，找不到可以存放数据文件的本机磁盘文件夹。数据文件没有任何改动，请联系维护人员。`,
    );
  return ws.moveTo(freeName(dir, path.basename(ws.dbPath)));
}
