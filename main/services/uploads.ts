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
