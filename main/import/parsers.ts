// Every reader of a user's file, by kind. Each is pure (bytes in, plain data out: no fs, no db, no Electron) and
// runs only inside the parser worker (worker/run.ts `runParser`), never on the thread that serves calls.
//
// To add a reader (e.g. 信息公开 registers in import/disclosure/, 自查 indicators in import/selfcheck/): write it
// as `(fileName, bytes, options) => result` in its own folder, add one line here, and call
// `runParser('<kind>', fileName, bytes, options)` from the service. Its result must survive structured cloning
// (plain objects, arrays, strings, numbers; no class instances or functions). Throw `AppError` for what the user
// can fix: the worker passes code and message through unchanged.

import { parsePointsFile, parsePointsText, type ReadOptions } from './points';
import { readStaffXlsx } from './staff-xlsx';

const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

export const PARSERS = {
  /** 工作要点 .docx/.xlsx/.txt (and anything a user picks: the reader says what it really is). */
  'points-file': (fileName: string, bytes: Uint8Array, opts: ReadOptions) => parsePointsFile(fileName, bytes, opts),
  /** Pasted text, as UTF-8 bytes. */
  'points-text': (fileName: string, bytes: Uint8Array, opts: ReadOptions) =>
    parsePointsText(asBuffer(bytes).toString('utf8'), { ...opts, name: fileName }),
  /** 人员名单 .xlsx. */
  'staff-xlsx': (fileName: string, bytes: Uint8Array, _opts: Record<string, never>) => readStaffXlsx(asBuffer(bytes), fileName),
} as const;

export type ParserKind = keyof typeof PARSERS;
export type ParserOptions<K extends ParserKind> = Parameters<(typeof PARSERS)[K]>[2];
export type ParserResult<K extends ParserKind> = Awaited<ReturnType<(typeof PARSERS)[K]>>;
