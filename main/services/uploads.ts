import type { Upload } from '../../shared/domain/files';
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';

/** Largest file accepted from the user (import sources, evidence, materials). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** Decodes an uploaded file and applies the limits every upload shares. */
export function decodeUpload(upload: Upload, maxBytes = MAX_UPLOAD_BYTES): Buffer {
  // base64 is 4/3 of the bytes: refuse before decoding something huge.
  if (upload.dataBase64.length > Math.ceil(maxBytes / 3) * 4 + 4) {
    throw new AppError(
      ErrorCode.FILE_TOO_LARGE,
      `文件“${upload.fileName}”超过 ${Math.round(maxBytes / 1024 / 1024)} MB，无法导入。请拆分或压缩后再试。`,
    );
  }
  const data = Buffer.from(upload.dataBase64, 'base64');
  if (data.length === 0)
    throw new AppError(ErrorCode.FILE_EMPTY, `文件“${upload.fileName}”是空的（0 字节），请检查是否选错了文件。`);
  return data;
}

/**
 * The refusal of a list import (人员名单, AB岗设置表, 培训台账) while any row of its preview has a problem: nothing is
 * imported, and the first rows at fault are named with their problems, as the preview showed them.
 */
export function refuseUnusableRows(rows: { row: number; errors: string[] }[], what: string): void {
  const bad = rows.filter((r) => r.errors.length);
  if (!bad.length) return;
  const shown = bad
    .slice(0, 5)
    .map((r) => `第 ${r.row} 行：${r.errors.join('；')}`)
    .join('\n');
  throw new AppError(
    ErrorCode.IMPORT_ROWS_INVALID,
    `有 ${bad.length} 行不能导入，未导入任何${what}。请修改表格后重新选择文件：\n${shown}${bad.length > 5 ? `\n……另有 ${bad.length - 5} 行有问题` : ''}`,
    bad.map((r) => ({ row: r.row, errors: r.errors })),
  );
}
