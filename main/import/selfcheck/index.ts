// Reading a 考核评分细则 (.xlsx or .docx table) into an indicator tree. Pure: bytes in, tree out (no database, no
// files), so it can run in a worker thread. Problems a person should look at (a child's points above its parent's, a
// leaf without points) are listed by templateProblems() in the preview; what cannot be read stops here with the
// file, sheet or table, row and column named.
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { importErrors } from '../points/errors';
import { refuseUnlessZip } from '../office-file';
import { gridFromRows, MAX_GRID_ROWS, type Grid } from '../grid/grid';
import type { TableChoices } from '../grid/header';
import { decodeText } from '../points/decode-text';
import { tabSeparatedRows } from '../points/pasted-table';
import { readDocxGrids } from './docx';
import { readIndicatorTables, type ParsedIndicators } from './table';
import { readXlsxGrids } from './xlsx';

export type { ParsedIndicators } from './table';

import { MAX_INDICATOR_FILE_BYTES } from './limits';

/** Roles chosen in the preview and remembered ones (../grid/header.ts); `chooseRoles`: the preview asks, no error. */
export type IndicatorReadOptions = TableChoices & { chooseRoles?: boolean };

/** A 细则 copied from a web page, WPS or Excel and saved as text: tab-separated rows (../points/pasted-table.ts). */
async function textGrids(fileName: string, data: Buffer): Promise<Grid[]> {
  const { text } = await decodeText(data, fileName);
  const rows = tabSeparatedRows(text);
  if (!rows) {
    throw new AppError(
      ErrorCode.IMPORT_ROWS_INVALID,
      `“${fileName}”中没有表格（各列之间应以制表符分隔，如从网页、WPS 或 Excel 复制的表格）。请把细则表格复制到 Excel 中另存为 .xlsx 再导入。`,
    );
  }
  if (rows.length > MAX_GRID_ROWS)
    throw new AppError(
      ErrorCode.FILE_TOO_LARGE,
      `“${fileName}”有 ${rows.length} 行，超过一次能读取的 ${MAX_GRID_ROWS} 行，不像考核细则。请确认选对了文件。`,
    );
  // Lines before the table (the title) stay as the text before it.
  const first = rows.findIndex((r) => r.length >= 2);
  const before = rows
    .slice(0, first)
    .map((r) => r.join(' ').trim())
    .filter(Boolean);
  return [
    gridFromRows(rows.slice(first), '粘贴的表格', {
      rowNumbers: rows.slice(first).map((_, i) => first + i + 1),
      before: before.slice(-3),
    }),
  ];
}

export async function parseIndicatorsFile(
  fileName: string,
  data: Buffer,
  opts: IndicatorReadOptions = {},
): Promise<ParsedIndicators> {
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
  if (ext === 'txt' || ext === 'tsv') {
    if (data.length >= 4 && data.readUInt32LE(0) === 0x04034b50)
      throw importErrors.mismatch(
        fileName,
        `.${ext}`,
        'Office 文档（压缩包）',
        '请把扩展名改为 .xlsx 或 .docx 后再导入。',
      );
    return readIndicatorTables(await textGrids(fileName, data), fileName, opts);
  }
  // Encrypted, old binary Office, text … each said as what it is (office-file.ts).
  refuseUnlessZip(
    fileName,
    data,
    'Excel 表格（.xlsx）或 Word 文档（.docx）（从网页复制的表格可以保存为 .txt 文本文件导入）',
  );
  if (ext !== 'xlsx' && ext !== 'docx') {
    throw importErrors.unsupported(
      fileName,
      `.${ext || '无扩展名'} 文件`,
      '请选择 .xlsx（Excel 表格）、.docx（Word 文档）或 .txt（从网页复制的表格）格式的考核细则。',
    );
  }
  const tables = ext === 'xlsx' ? readXlsxGrids(data, fileName) : readDocxGrids(data, fileName);
  if (!tables.length) {
    throw new AppError(
      ErrorCode.IMPORT_ROWS_INVALID,
      `在“${fileName}”中没有找到表格。考核细则需要是${ext === 'docx' ? ' Word 表格' : '工作表中的表格'}，请确认选对了文件。`,
    );
  }
  return readIndicatorTables(tables, fileName, opts);
}
