// .xlsx 细则 → tables, through the shared bounded spreadsheet reader (../xlsx-read.ts: saxes over the safe zip
// reader, named limits on rows, cells and merged ranges; no spreadsheet library, so parse-indicators stays light).
// Covered cells of a merged range read as the merge's own text and are flagged as continuations. Pure: bytes in,
// tables out; runs in the parser worker (../parsers.ts, kind selfcheck-indicators).
import { importErrors } from '../points/errors';
import { openZip } from '../points/zip';
import { cellValue, isMergeContinuation, readXlsxSheets } from '../xlsx-read';
import type { SourceTable, TableCell } from './cells';

const MAX_COLS = 40;

/** Every visible sheet as a table (rows with any text; merged cells filled and flagged). */
export function readXlsxTables(buf: Buffer, fileName: string): SourceTable[] {
  const zip = openZip(buf, fileName);
  if (!zip.entries.has('xl/workbook.xml')) {
    if (zip.entries.has('word/document.xml'))
      throw importErrors.mismatch(fileName, '.xlsx', 'Word 文档（.docx）', '请把扩展名改为 .docx 后再导入。');
    throw importErrors.damaged(fileName, '缺少工作簿部件 xl/workbook.xml');
  }
  const tables: SourceTable[] = [];
  for (const sheet of readXlsxSheets(buf, fileName, zip)) {
    if (sheet.hidden) continue;
    const width = Math.min(sheet.maxCol, MAX_COLS);
    const used = new Set(sheet.cells.keys());
    for (const m of sheet.merges) for (let r = m.r1; r <= m.r2; r++) used.add(r);
    const rows: TableCell[][] = [];
    const rowNumbers: number[] = [];
    for (const r of [...used].sort((a, b) => a - b)) {
      const cells: TableCell[] = [];
      for (let c = 1; c <= width; c++)
        cells.push({ text: cellValue(sheet, r, c).trim(), cont: isMergeContinuation(sheet, r, c) });
      if (cells.some((c) => c.text)) {
        rows.push(cells);
        rowNumbers.push(r);
      }
    }
    tables.push({ where: `工作表“${sheet.name}”`, before: [], rows, rowNumbers });
  }
  return tables;
}
