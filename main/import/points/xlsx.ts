// .xlsx 分工表 → items. exceljs reads the workbook (after the zip size checks); every sheet with a 分工表 header
// is read, in order. Merged cells read as their master's value in every covered cell.

import type ExcelJS from 'exceljs';
import { importErrors } from './errors';
import { MAX_SHEET_ROWS } from './limits';
import type { SourceBlock } from './parse-text';
import { readTaskTable } from './task-table';
import { openZip, verifyAllEntries } from './zip';

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    // Dates in a 完成时限 column: Excel stores them as UTC midnight.
    return `${v.getUTCFullYear()}-${String(v.getUTCMonth() + 1).padStart(2, '0')}-${String(v.getUTCDate()).padStart(2, '0')}`;
  }
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return '';
    return '';
  }
  return String(v);
}

export async function readXlsxBlocks(buf: Buffer, fileName: string): Promise<SourceBlock[]> {
  const zip = openZip(buf, fileName);
  if (!zip.entries.has('xl/workbook.xml')) {
    if (zip.entries.has('word/document.xml')) throw importErrors.mismatch(fileName, '.xlsx', 'Word 文档（.docx）', '请把扩展名改为 .docx 后再导入。');
    throw importErrors.damaged(fileName, '缺少工作簿部件 xl/workbook.xml');
  }
  // exceljs takes half a second to load: only when a workbook is actually read.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  // exceljs unzips everything itself: first make sure no part inflates past its declared size.
  verifyAllEntries(zip);
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw importErrors.damaged(fileName, e instanceof Error ? `表格结构无法读取：${e.message.slice(0, 60)}` : '表格结构无法读取');
  }
  const blocks: SourceBlock[] = [];
  let anyTable = false;
  for (const ws of wb.worksheets) {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') continue;
    const rows: string[][] = [];
    const last = Math.min(ws.rowCount, MAX_SHEET_ROWS);
    const width = Math.min(ws.columnCount, 50);
    for (let r = 1; r <= last; r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value).trim());
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
