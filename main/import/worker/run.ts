// runParser(kind, fileName, bytes, options): every reader of a user's file runs here, off the thread that serves
// calls, in a worker with a wall-clock limit and V8 memory limits. A file that would take minutes or gigabytes is
// stopped and answered with a Chinese message naming the file, while app.status and every other call go on.
//
// Plain worker_threads rather than piscina: piscina finds its own worker script next to its package (__dirname),
// which breaks once electron-vite or esbuild bundle it, and a pool library would add little here. What a pool gives
// is kept in ~100 lines: at most MAX_WORKERS parses at once (bounded total memory; a queue beyond that), idle
// workers reused (spawning under tsx costs ~0.4 s) and dropped after a minute, and a worker that ran out of time
// or memory terminated and never reused.
//
// Three ways the code runs, one entry each: TypeScript sources (vitest, tsx: entry.ts loaded through tsx's
// loader), the electron-vite build (out/main/parse-worker.js) and the CLI bundle (parse-worker.mjs beside cli.mjs).

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import type { ParserKind, ParserOptions, ParserResult } from '../parsers';
import type { ParseRequest, ParseResponse } from './entry';

interface ParseLimits {
  /** Wall-clock time one file may take, in ms. Real documents take well under a second. */
  timeoutMs: number;
  resourceLimits: ResourceLimits;
}

/** The limits every parse runs under. Tests may pass tighter ones to prove the refusals. */
export const PARSE_LIMITS: ParseLimits = {
  timeoutMs: 20_000,
  // The V8 heap only: inflated zip parts are Buffers outside it, bounded by points/zip.ts's limits.
  resourceLimits: { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 48, stackSizeMb: 4 },
};

/** Parses running at once (the office PC has 2-4 cores); more wait their turn. */
const MAX_WORKERS = 2;
/** An idle worker is kept this long for the next file, then ended. */
const IDLE_MS = 60_000;

/** This module's file: .ts from sources; a bundle's file otherwise. Read lazily, so a CommonJS bundle can load it. */
function currentFile(): string {
  return typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
}

function spawn(limits: ResourceLimits): Worker {
  const here = currentFile();
  const fromSource = here.endsWith('.ts');
  const dir = path.dirname(here);
  if (fromSource) {
    // vitest and tsx transpile in the main thread only; the worker registers tsx itself, then loads entry.ts.
    const root = path.resolve(dir, '../../..');
    const tsx = pathToFileURL(path.join(root, 'node_modules/tsx/dist/esm/api/index.mjs')).href;
    const entry = pathToFileURL(path.join(dir, 'entry.ts')).href;
    const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
    return new Worker(code, { eval: true, resourceLimits: limits });
  }
  // Bundled: the entry sits beside the bundle's entry files, with the same extension (.js from electron-vite,
  // .mjs from the CLI's esbuild); the runner is in one of them or in a chunk (electron-vite puts those in chunks/).
  const base = path.basename(dir) === 'chunks' ? path.dirname(dir) : dir;
  return new Worker(path.join(base, `parse-worker${path.extname(here)}`), { resourceLimits: limits });
}

interface Slot {
  worker: Worker;
  limits: ResourceLimits;
  ready: Promise<void>;
  idleTimer?: NodeJS.Timeout;
}

/** How long a worker may take to start (loading the readers; slow only from TypeScript sources on a busy machine). */
const STARTUP_MS = 120_000;

function newSlot(limits: ResourceLimits): Slot {
  const worker = spawn(limits);
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('startup timeout')), STARTUP_MS);
    const done = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', fail);
      worker.off('exit', fail);
    };
    const onMessage = (m: { ready?: boolean }) => {
      if (m?.ready) {
        done();
        resolve();
      }
    };
    function fail(e: unknown) {
      done();
      void worker.terminate();
      reject(
        new AppError(
          ErrorCode.INTERNAL,
          `读取文件用的组件未能启动（${String((e as Error)?.message ?? e).slice(0, 80)}），请重试；如仍出现，请重新安装本程序。`,
        ),
      );
    }
    worker.on('message', onMessage);
    worker.on('error', fail);
    worker.on('exit', fail);
  });
  return { worker, limits, ready };
}
const idle: Slot[] = [];
let running = 0;
const waiting: (() => void)[] = [];
let nextId = 1;

async function acquire(): Promise<void> {
  if (running < MAX_WORKERS) {
    running++;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

function takeWorker(limits: ResourceLimits): Slot {
  const i = idle.findIndex((s) => s.limits === limits);
  if (i >= 0) {
    const [slot] = idle.splice(i, 1);
    clearTimeout(slot.idleTimer);
    return slot;
  }
  return newSlot(limits);
}

function park(slot: Slot): void {
  // Unreferenced while idle, so a CLI command exits as soon as its work is done.
  slot.worker.unref();
  slot.idleTimer = setTimeout(() => {
    const i = idle.indexOf(slot);
    if (i >= 0) idle.splice(i, 1);
    void slot.worker.terminate();
  }, IDLE_MS);
  slot.idleTimer.unref();
  idle.push(slot);
}

/**
 * Starts workers ahead of the first file and leaves them idle (unreferenced). From TypeScript sources (the e2e
 * web host) a worker takes seconds to start through tsx; built, about as long as a bare Node start.
 */
export async function warmUpParsers(count = MAX_WORKERS): Promise<void> {
  const limits = PARSE_LIMITS.resourceLimits;
  const fresh = Array.from({ length: Math.max(0, Math.min(count, MAX_WORKERS) - idle.length) }, () => newSlot(limits));
  await Promise.all(
    fresh.map(async (slot) => {
      await slot.ready;
      park(slot);
    }),
  );
}

const seconds = (ms: number) => Math.max(1, Math.round(ms / 1000));

/**
 * Runs the reader `kind` on one file in a worker. Resolves with its result; rejects with the reader's AppError, or
 * FILE_TOO_COMPLEX (time or memory exceeded), or FILE_DAMAGED (the reader failed in a way it did not foresee).
 */
export async function runParser<K extends ParserKind>(
  kind: K,
  fileName: string,
  bytes: Uint8Array,
  options: ParserOptions<K>,
  limits: ParseLimits = PARSE_LIMITS,
): Promise<ParserResult<K>> {
  await acquire();
  try {
    return (await runOnce(kind, fileName, bytes, options, limits)) as ParserResult<K>;
  } finally {
    release();
  }
}

async function runOnce(
  kind: ParserKind,
  fileName: string,
  bytes: Uint8Array,
  options: unknown,
  limits: ParseLimits,
): Promise<unknown> {
  const slot = takeWorker(limits.resourceLimits);
  const { worker } = slot;
  worker.ref();
  await slot.ready;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (healthy: boolean, fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (healthy) park(slot);
      else void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () =>
        finish(false, () =>
          reject(
            new AppError(
              ErrorCode.FILE_TOO_COMPLEX,
              `读取文件“${fileName}”用了 ${seconds(limits.timeoutMs)} 秒仍未完成，已停止读取。正常的文件几秒内即可读完，这个文件可能已损坏或结构异常。请用 Word/WPS 或 Excel 打开它，确认能正常显示后“另存为”新文件再导入；或复制其中文字粘贴导入。`,
            ),
          ),
        ),
      limits.timeoutMs,
    );
    const onMessage = (res: ParseResponse) => {
      if (res.id !== id) return;
      if (res.ok) finish(true, () => resolve(res.value));
      else if (res.code !== null) finish(true, () => reject(new AppError(res.code!, res.message, res.details)));
      // A reader failing in a way it did not foresee: the file is not what it claims to be. The worker is not reused.
      else
        finish(false, () =>
          reject(
            new AppError(
              ErrorCode.FILE_DAMAGED,
              `文件“${fileName}”的内容不符合它的格式，无法读取（${res.message.slice(0, 80)}）。请用原程序打开该文件，确认能正常显示后“另存为”新文件再导入；或复制其中文字粘贴导入。`,
            ),
          ),
        );
    };
    const onError = (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        finish(false, () =>
          reject(
            new AppError(
              ErrorCode.FILE_TOO_COMPLEX,
              `读取文件“${fileName}”需要的内存超过上限（${limits.resourceLimits.maxOldGenerationSizeMb ?? '?'} MB），为保护电脑已停止读取。正常的文件远用不了这么多，这个文件可能已损坏或被恶意构造。请向来源重新索取文件，或复制其中文字粘贴导入。`,
            ),
          ),
        );
      } else {
        finish(false, () =>
          reject(
            new AppError(
              ErrorCode.FILE_DAMAGED,
              `文件“${fileName}”无法读取（${String(err.message).slice(0, 80)}）。请用原程序打开该文件，确认能正常显示后“另存为”新文件再导入。`,
            ),
          ),
        );
      }
    };
    const onExit = (code: number) =>
      finish(false, () =>
        reject(
          new AppError(
            ErrorCode.FILE_TOO_COMPLEX,
            `读取文件“${fileName}”时读取组件意外退出（代码 ${code}），已停止。请重试；如仍出现，请“另存为”新文件再导入，或复制文字粘贴导入。`,
          ),
        ),
      );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    // A copy: the caller keeps its bytes (to store the original file).
    const req: ParseRequest = { id, kind, fileName, bytes: new Uint8Array(bytes), options };
    worker.postMessage(req);
  });
}
