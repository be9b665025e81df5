// .xlsx 分工表 → items. Every visible sheet is read as a grid (merged cells as spans; ../grid) by the shared streaming
// workbook reader (../xlsx-read.ts: bounded rows, cells and merged ranges), in order; a sheet whose columns are not
// found gives nothing but its columns, for the preview to offer the choice.

import type { TableColumns } from '../../../shared/domain/table-columns';
import { gridFromSheet } from '../grid/grid';
import { choiceFor, type TableChoices } from '../grid/header';
import { readPointsGrid } from '../grid/points';
import { sheetWarnings } from '../grid/sheet-warnings';
import { readXlsxSheets } from '../xlsx-read';
import { importErrors } from './errors';
import type { SourceBlock } from './parse-text';
import { openZip } from './zip';

/** Columns a 分工表 is read across; the tables have 4-8. */
const MAX_TABLE_COLUMNS = 50;

export async function readXlsxBlocks(
  buf: Buffer,
  fileName: string,
  choices: TableChoices = {},
): Promise<{ blocks: SourceBlock[]; tables: TableColumns[] }> {
  const zip = openZip(buf, fileName);
  if (!zip.entries.has('xl/workbook.xml')) {
    if (zip.entries.has('word/document.xml'))
      throw importErrors.mismatch(fileName, '.xlsx', 'Word 文档（.docx）', '请把扩展名改为 .docx 后再导入。');
    throw importErrors.damaged(fileName, '缺少工作簿部件 xl/workbook.xml');
  }
  const blocks: SourceBlock[] = [];
  const tables: TableColumns[] = [];
  let index = 0;
  for (const ws of readXlsxSheets(buf, fileName, zip)) {
    if (ws.hidden) continue;
    // What Excel shows and prints: hidden rows and columns are left out, and said (../grid/sheet-warnings.ts).
    const grid = gridFromSheet(ws, `工作表“${ws.name}”`, MAX_TABLE_COLUMNS, { skipHidden: true });
    if (!grid.rows) continue;
    const table = index++;
    const read = readPointsGrid(grid, table, choiceFor(choices, table));
    if (read.columns) tables.push(read.columns);
    if (!read.blocks) continue;
    blocks.push(...read.blocks);
    for (const text of sheetWarnings(grid, read.headerRows[1], '任务')) blocks.push({ kind: 'warning', text });
  }
  return { blocks, tables };
}
