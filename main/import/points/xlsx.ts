// .xlsx 分工表 → items. Every visible sheet is read as a grid (merged cells as spans; ../grid) by the shared streaming
// workbook reader (../xlsx-read.ts: bounded rows, cells and merged ranges), in order; a sheet whose columns are not
// found gives nothing but its columns, for the preview to offer the choice.

import type { TableColumns } from '../../../shared/domain/table-columns';
import { gridFromSheet } from '../grid/grid';
import { choiceFor, type TableChoices } from '../grid/header';
import { readPointsGrid } from '../grid/points';
import { cellValue, readXlsxSheets } from '../xlsx-read';
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
    // What Excel shows and prints: hidden rows and columns are left out, and said.
    const grid = gridFromSheet(ws, `工作表“${ws.name}”`, MAX_TABLE_COLUMNS, { skipHidden: true });
    if (!grid.rows) continue;
    const table = index++;
    const read = readPointsGrid(grid, table, choiceFor(choices, table));
    if (read.columns) tables.push(read.columns);
    if (!read.blocks) continue;
    blocks.push(...read.blocks);
    // The header's last row names a column (a header merged down two rows reads from its top cell).
    const headerRow = read.headerRows[1] > 0 ? grid.rowNumbers[read.headerRows[1] - 1] : 0;
    const column = (c: number) => {
      const name = headerRow ? cellValue(ws, headerRow, c).trim().replace(/\s+/g, '') : '';
      return `${columnLetters(c)}列${name ? `（${name.slice(0, 20)}）` : ''}`;
    };
    if (grid.hidden) blocks.push({ kind: 'warning', text: hiddenWarning(grid.where, grid.hidden, column) });
    // Errors in what is read (not in hidden rows or columns, nor beyond the columns read), under the header.
    const errors = ws.errorCells.filter(
      (e) => e.r > headerRow && e.c <= MAX_TABLE_COLUMNS && !ws.hiddenRows.has(e.r) && !ws.hiddenCols.has(e.c),
    );
    if (errors.length) blocks.push({ kind: 'warning', text: errorWarning(grid.where, errors, column) });
  }
  return { blocks, tables };
}

/** "第3行、第5–9行": sheet rows as the user finds them, runs joined, at most ten runs named. */
function rowList(rows: number[]): string {
  const runs: [number, number][] = [];
  for (const r of rows) {
    const last = runs[runs.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else runs.push([r, r]);
  }
  const named = runs.slice(0, 10).map(([a, b]) => (a === b ? `第${a}行` : `第${a}–${b}行`));
  return runs.length > 10 ? `${named.join('、')}等` : named.join('、');
}

/** A column's letters: 1 → A, 28 → AB. */
function columnLetters(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The hidden rows and columns holding words that were not read: where they are, and how to read them after all. */
function hiddenWarning(
  where: string,
  hidden: { rows: number[]; cols: number[] },
  column: (col: number) => string,
): string {
  const parts: string[] = [];
  if (hidden.rows.length) parts.push(`隐藏的${rowList(hidden.rows)}`);
  if (hidden.cols.length)
    parts.push(`隐藏的${hidden.cols.slice(0, 10).map(column).join('、')}${hidden.cols.length > 10 ? '等' : ''}`);
  return `${where}${parts.join('和')}有内容，没有读取（和 Excel 显示、打印的一样）。如果其中有要导入的任务，请在 Excel 中选中整个表格，右键“取消隐藏”（筛选过的表格点“清除筛选”）后保存，再重新导入。`;
}

/** Cells showing a formula's error: read as blank, so a task may lack its words, units or 时限. */
function errorWarning(
  where: string,
  errors: { r: number; c: number; error: string }[],
  column: (col: number) => string,
): string {
  const named = errors.slice(0, 5).map((e) => `第${e.r}行${column(e.c)}的“${e.error}”`);
  return `${where}${named.join('、')}${errors.length > 5 ? '等多处' : ''}是公式的错误值，按空白读取。请在 Excel 中改正公式（或把该列复制后“选择性粘贴—数值”）后重新导入，或在预览中补上这些内容。`;
}
