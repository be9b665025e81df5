import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { dispatch } from '../../main/ipc/dispatch';
import { loadHandlers } from '../../main/ipc/handlers';
import { Workstation } from '../../main/services/workstation';
import type { DeliveredFile } from '../../shared/domain/files';
import type { Input, Method, Output } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import { areaServices } from '../../main/areas';

/** A fresh temp folder per test, removed by the returned cleanup. */
export function makeTempDir(prefix = 'zwgk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestWorkstation {
  ws: Workstation;
  dir: string;
  dbPath: string;
  /** Files the services delivered, newest last. */
  delivered: { fileName: string; data: Buffer }[];
  /** Calls a method through the real dispatch() and returns the value or throws the AppError. */
  call<M extends Method>(method: M, input?: Input<M>): Promise<Output<M>>;
  cleanup(): void;
}

/** A real workstation on a real SQLite file in a temp folder, optionally set up with a bureau and year. */
export async function openTestWorkstation(
  opts: { setup?: boolean; year?: number; now?: () => Date } = {},
): Promise<TestWorkstation> {
  const dir = makeTempDir();
  const dbPath = path.join(dir, 'zwgk.sqlite');
  const delivered: { fileName: string; data: Buffer }[] = [];
  const ws = new Workstation({
    dbPath,
    host: 'cli',
    autoBackup: false,
    areas: areaServices,
    now: opts.now,
    files: {
      async deliver(fileName, data): Promise<DeliveredFile> {
        delivered.push({ fileName, data });
        return { fileName, status: 'saved', path: path.join(dir, fileName) };
      },
    },
  }).open();
  const call = async <M extends Method>(method: M, input?: Input<M>): Promise<Output<M>> => {
    const r = await dispatch(await loadHandlers(), ws, method, input);
    if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
    return r.value as Output<M>;
  };
  if (opts.setup !== false) {
    await call('app.setup', {
      bureau: {
        fullName: '某县科学技术局',
        shortName: '县科技局',
        region: '某县',
        head: '王局长',
        leader: '李副局长',
        contact: '张三',
        phone: '0851-1234567',
      },
      year: opts.year ?? 2026,
    });
  }
  return {
    ws,
    dir,
    dbPath,
    delivered,
    call,
    cleanup() {
      ws.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For a test file that opens workstations as it goes: call once at the file's top level. What the returned opener
 * opens is closed and its folder removed after each test.
 */
export function workstationsPerTest(): typeof openTestWorkstation {
  const open: TestWorkstation[] = [];
  afterEach(() => {
    for (const t of open.splice(0)) t.cleanup();
  });
  return async (opts) => {
    const t = await openTestWorkstation(opts);
    open.push(t);
    return t;
  };
}

export const SAMPLES_DIR = path.resolve(__dirname, '../fixtures/samples');
