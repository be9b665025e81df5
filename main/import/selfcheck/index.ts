// Reading a 考核评分细则 (.xlsx or .docx table) into an indicator tree. Pure: bytes in, tree out (no database, no
// files), so it can run in a worker thread. Problems a person should look at (a child's points above its parent's, a
// leaf without points) are listed by templateProblems() in the preview; what cannot be read stops here with the
// file, sheet or table, row and column named.
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { importErrors } from '../points/errors';
import { refuseUnlessZip } from '../office-file';
import { readDocxTables } from './docx';
import { readIndicatorTables, type ParsedIndicators } from './table';
import { readXlsxTables } from './xlsx';

export type { ParsedIndicators } from './table';

import { MAX_INDICATOR_FILE_BYTES } from './limits';

export { MAX_INDICATOR_FILE_BYTES } from './limits';

export function parseIndicatorsFile(fileName: string, data: Buffer): ParsedIndicators {
  if (data.length === 0) throw importErrors.empty(fileName);
  if (data.length > MAX_INDICATOR_FILE_BYTES) {
    throw new AppError(
      ErrorCode.FILE_TOO_LARGE,
      `文件“${fileName}”有 ${(data.length / 1024 / 1024).toFixed(1)} MB，超过细则导入上限 ${MAX_INDICATOR_FILE_BYTES / 1024 / 1024} MB。考核细则通常不到 1 MB，请确认选对了文件。`,
    );
  }
  const ext = (/\.([^.]+)$/.exec(fileName)?.[1] ?? '').toLowerCase();
  if (['xls', 'doc', 'wps', 'et'].includes(ext)) {
    throw importErrors.unsupported(
      fileName,
      `旧版 .${ext} 格式`,
      `请用 WPS 或 Office 打开后“另存为” .${ext === 'xls' || ext === 'et' ? 'xlsx' : 'docx'} 格式再导入。`,
    );
  }
  if (ext === 'pdf' || data.subarray(0, 4).toString('latin1') === '%PDF') {
    throw importErrors.unsupported(
      fileName,
      'PDF 文件',
      '请向发文单位索取 Word 或 Excel 版的细则，或把表格复制到 Excel 中另存为 .xlsx 再导入。',
    );
  }
  // Encrypted, old binary Office, text … each said as what it is (office-file.ts).
  refuseUnlessZip(fileName, data, 'Excel 表格（.xlsx）或 Word 文档（.docx）');
  if (ext !== 'xlsx' && ext !== 'docx') {
    throw importErrors.unsupported(
      fileName,
      `.${ext || '无扩展名'} 文件`,
      '请选择 .xlsx（Excel 表格）或 .docx（Word 文档）格式的考核细则。',
    );
  }
  const tables = ext === 'xlsx' ? readXlsxTables(data, fileName) : readDocxTables(data, fileName);
  if (!tables.length) {
    throw new AppError(
      ErrorCode.IMPORT_ROWS_INVALID,
      `在“${fileName}”中没有找到表格。考核细则需要是${ext === 'docx' ? ' Word 表格' : '工作表中的表格'}，请确认选对了文件。`,
    );
  }
  return readIndicatorTables(tables, fileName);
}
