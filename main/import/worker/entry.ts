// The parser worker: runs one reader from ../parsers.ts per message and answers with its result or its error.
// Built as its own entry (out/main/parse-worker.js for Electron, parse-worker.mjs in the CLI bundle); under
// vitest/tsx it is loaded from this source through tsx (see run.ts).

import { parentPort } from 'node:worker_threads';
import { PARSERS, type ParserKind } from '../parsers';

export interface ParseRequest {
  id: number;
  kind: ParserKind;
  fileName: string;
  bytes: Uint8Array;
  options: unknown;
}

export type ParseResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; code: string | null; message: string; details?: unknown };

// Loaded and ready: the file's time limit starts counting from here, not while the worker itself starts.
parentPort?.postMessage({ ready: true });

parentPort?.on('message', (req: ParseRequest) => {
  void (async () => {
    let res: ParseResponse;
    try {
      const parse = PARSERS[req.kind] as (f: string, b: Uint8Array, o: unknown) => unknown;
      if (!parse) throw new Error(`unknown parser kind ${String(req.kind)}`);
      res = { id: req.id, ok: true, value: await parse(req.fileName, req.bytes, req.options ?? {}) };
    } catch (e) {
      const err = e as { name?: string; code?: unknown; message?: unknown; details?: unknown };
      res =
        err?.name === 'AppError' && typeof err.code === 'string'
          ? { id: req.id, ok: false, code: err.code, message: String(err.message), details: err.details }
          : { id: req.id, ok: false, code: null, message: String(err?.message ?? e).slice(0, 300) };
    }
    parentPort!.postMessage(res);
  })();
});
