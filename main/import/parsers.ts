// Every reader of a user's file, by kind. Each is pure (bytes in, plain data out: no fs, no db, no Electron) and
// runs only inside the parser worker (worker/run.ts `runParser`), never on the thread that serves calls.
//
// To add a reader: write it as `(fileName, bytes, options) => result` in its own folder, add one line here, and call
// `runParser('<kind>', fileName, bytes, options)` from the service. Its result must survive structured cloning
// (plain objects, arrays, strings, numbers; no class instances or functions). Throw `AppError` for what the user
// can fix: the worker passes code and message through unchanged.

import { parsePointsFile, parsePointsText, type ReadOptions } from './points';
import { readPublicationsXlsx } from './disclosure/publications';
import { readRequestsXlsx } from './disclosure/requests';
import { parseIndicatorsFile, type IndicatorReadOptions } from './selfcheck';
import { readStaffXlsx } from './staff-xlsx';
import { readAbXlsx } from './team/ab-xlsx';
import { readTrainingXlsx } from './team/training-xlsx';

const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

export const PARSERS = {
  /** 工作要点 .docx/.xlsx/.txt (and anything a user picks: the reader says what it really is). */
  'points-file': (fileName: string, bytes: Uint8Array, opts: ReadOptions) => parsePointsFile(fileName, bytes, opts),
  /** Pasted text, as UTF-8 bytes. */
  'points-text': (fileName: string, bytes: Uint8Array, opts: ReadOptions) =>
    parsePointsText(asBuffer(bytes).toString('utf8'), { ...opts, name: fileName }),
  /** 人员名单 .xlsx. */
  'staff-xlsx': (fileName: string, bytes: Uint8Array, _opts: Record<string, never>) =>
    readStaffXlsx(asBuffer(bytes), fileName),
  /** 信息发布登记 .xlsx (信息公开 register). */
  'disclosure-publications': (fileName: string, bytes: Uint8Array, opts: { year?: number }) =>
    readPublicationsXlsx(asBuffer(bytes), fileName, opts.year ?? null),
  /** 依申请公开登记 .xlsx. */
  'disclosure-requests': (fileName: string, bytes: Uint8Array, opts: { year?: number }) =>
    readRequestsXlsx(asBuffer(bytes), fileName, opts.year ?? null),
  /** AB岗设置表 .xlsx (the table the workstation exports, read back). */
  'ab-xlsx': (fileName: string, bytes: Uint8Array, _opts: Record<string, never>) =>
    readAbXlsx(asBuffer(bytes), fileName),
  /** 培训台账 .xlsx (one kept by hand, or the one the workstation exports). 3月5日 is read in `year`. */
  'training-xlsx': (fileName: string, bytes: Uint8Array, opts: { year?: number }) =>
    readTrainingXlsx(asBuffer(bytes), fileName, opts.year ?? null),
  /** 考核评分细则 .xlsx/.docx (自查整改 templates). */
  'selfcheck-indicators': (fileName: string, bytes: Uint8Array, opts: IndicatorReadOptions) =>
    parseIndicatorsFile(fileName, asBuffer(bytes), opts),
} as const;

export type ParserKind = keyof typeof PARSERS;
export type ParserOptions<K extends ParserKind> = Parameters<(typeof PARSERS)[K]>[2];
export type ParserResult<K extends ParserKind> = Awaited<ReturnType<(typeof PARSERS)[K]>>;
