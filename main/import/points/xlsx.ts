// .xlsx 分工表 → items. Every sheet with a 分工表 header is read, in order, by the shared streaming workbook
// reader (../xlsx-read.ts: bounded rows, cells and merged ranges). Merged cells read as their master's value in
// every covered cell.

import { cellValue, readXlsxSheets } from '../xlsx-read';
import { importErrors } from './errors';
import type { SourceBlock } from './parse-text';
import { readTaskTable } from './task-table';
import { openZip } from './zip';

/** Columns a 分工表 is read across; the tables have 4-8. */
const MAX_TABLE_COLUMNS = 50;

export async function readXlsxBlocks(buf: Buffer, fileName: string): Promise<SourceBlock[]> {
  const zip = openZip(buf, fileName);
  if (!zip.entries.has('xl/workbook.xml')) {
    if (zip.entries.has('word/document.xml'))
      throw importErrors.mismatch(fileName, '.xlsx', 'Word 文档（.docx）', '请把扩展名改为 .docx 后再导入。');
    throw importErrors.damaged(fileName, '缺少工作簿部件 xl/workbook.xml');
  }
  const blocks: SourceBlock[] = [];
  let anyTable = false;
  for (const ws of readXlsxSheets(buf, fileName, zip)) {
    if (ws.hidden) continue;
    const rows: string[][] = [];
    const width = Math.min(ws.maxCol, MAX_TABLE_COLUMNS);
    for (let r = 1; r <= ws.maxRow; r++) {
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) cells.push(cellValue(ws, r, c).trim());
      rows.push(cells);
    }
    const table = readTaskTable(rows);
    if (table) {
      anyTable = true;
      blocks.push(...table);
    }
  }
  if (!anyTable) throw importErrors.noTable(fileName);
  return blocks;
}
