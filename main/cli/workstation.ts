import path from 'node:path';
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import { resolveDbPath } from '../services/paths';
import { writeFileAtomic } from '../services/write-file';
import { Workstation } from '../services/workstation';
import { flag, type CliArgs } from './types';

/**
 * A workstation for one CLI command. Files the services produce go to --out (written atomically);
 * the CLI never makes the daily automatic backup as a side effect.
 */
export function openCliWorkstation(args: CliArgs): Workstation {
  const out = flag(args, 'out');
  return new Workstation({
    dbPath: resolveDbPath(flag(args, 'db')),
    host: 'cli',
    autoBackup: false,
    files: {
      async deliver(fileName, data) {
        if (!out) throw new AppError(ErrorCode.VALIDATION, `请用 --out 指定输出文件，例如 --out "${fileName}"`);
        const target = path.resolve(out);
        writeFileAtomic(target, data);
        return { fileName, status: 'saved', path: target };
      },
    },
  }).open();
}
