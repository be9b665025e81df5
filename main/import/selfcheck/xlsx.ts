// .xlsx 细则 → grids, through the shared bounded spreadsheet reader (../xlsx-read.ts: saxes over the safe zip reader,
// named limits on rows, cells and merged ranges; no spreadsheet library, so parse-indicators stays light). Merged
// ranges become spans (../grid). Hidden rows and columns are left out, as Excel shows and prints the sheet (and said by
// ./table.ts, ../grid/sheet-warnings.ts). Pure: bytes in, grids out; runs in the parser worker (../parsers.ts).
import { importErrors } from '../points/errors';
import { openZip } from '../points/zip';
import { gridFromSheet, type Grid } from '../grid/grid';
import { readXlsxSheets } from '../xlsx-read';

const MAX_COLS = 40;

/** Every visible sheet with anything in it, as a grid. */
export function readXlsxGrids(buf: Buffer, fileName: string): Grid[] {
  const zip = openZip(buf, fileName);
  if (!zip.entries.has('xl/workbook.xml')) {
    if (zip.entries.has('word/document.xml'))
      throw importErrors.mismatch(fileName, '.xlsx', 'Word 文档（.docx）', '请把扩展名改为 .docx 后再导入。');
    throw importErrors.damaged(fileName, '缺少工作簿部件 xl/workbook.xml');
  }
  return readXlsxSheets(buf, fileName, zip)
    .filter((sheet) => !sheet.hidden)
    .map((sheet) => gridFromSheet(sheet, `工作表“${sheet.name}”`, MAX_COLS, { skipHidden: true }))
    .filter((g) => g.rows > 0);
}
