// One grid for every table a user gives us: an .xlsx sheet (merged ranges), a Word table (w:gridSpan, w:vMerge), a
// table pasted from a web page, WPS or Excel (tab-separated, no span information) and the .txt of such a table. The
// readers of 工作要点 and of 考核细则 build their trees from this grid (./header.ts finds the header and the role of
// each column; ./points.ts and ./indicators.ts build). Pure and bounded by the sources' own limits.

import { cellValue, type SheetData } from '../xlsx-read';

/** A cell where it starts, with the rows and columns it covers (1 and 1 for an ordinary cell). 0-based. */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

export interface Grid {
  /** Where the table is, for messages: 工作表“分工” / 第1个表格 / 粘贴的表格. */
  where: string;
  rows: number;
  cols: number;
  /** Cells where they start, row by row. A position no cell covers is blank. */
  cells: GridCell[];
  /** The row numbers the user sees (sheet rows, table rows, pasted lines), 1-based, one per grid row. */
  rowNumbers: number[];
  /** A sheet's column numbers (1 = A), one per grid column; absent where columns have no letters. */
  colNumbers?: number[];
  /**
   * A sheet's hidden rows and columns holding values, left out of the grid (1-based); `filtered`: the sheet has a
   * filter (筛选), which hides rows the same way.
   */
  hidden?: { rows: number[]; cols: number[]; filtered: boolean };
  /** A sheet's cells showing a formula's error value (#REF!, #N/A), read as blank: in the rows and columns read. */
  errors?: { r: number; c: number; error: string }[];
  /** What a sheet's cell shows (row and column 1-based, hidden ones too), to name a hidden column by its header. */
  sheetText?: (r: number, c: number) => string;
  /** Paragraphs just before the table (a title), nearest last. */
  before: string[];
  /**
   * 'exact': spans are known (.xlsx, .docx), so a blank cell is blank. 'none': pasted text, where a merged cell of the
   * page arrives as its text in the first row or column and blank cells after it.
   */
  spans: 'exact' | 'none';
}

/** A grid position: the cell covering it and whether the cell starts there. */
export interface At {
  cell: GridCell;
  origin: boolean;
}

const BLANK: GridCell = { row: -1, col: -1, rowSpan: 1, colSpan: 1, text: '' };

/** Dense lookup of a grid (rows × cols references): what covers each position. */
export class GridView {
  private readonly covering: (GridCell | undefined)[];
  constructor(readonly grid: Grid) {
    this.covering = new Array<GridCell | undefined>(grid.rows * grid.cols);
    for (const c of grid.cells) {
      for (let r = c.row; r < Math.min(grid.rows, c.row + c.rowSpan); r++)
        for (let k = c.col; k < Math.min(grid.cols, c.col + c.colSpan); k++) this.covering[r * grid.cols + k] = c;
    }
  }
  get rows(): number {
    return this.grid.rows;
  }
  get cols(): number {
    return this.grid.cols;
  }
  at(r: number, c: number): At {
    const cell =
      r >= 0 && r < this.grid.rows && c >= 0 && c < this.grid.cols ? this.covering[r * this.grid.cols + c] : undefined;
    if (!cell) return { cell: { ...BLANK, row: r, col: c }, origin: true };
    return { cell, origin: cell.row === r && cell.col === c };
  }
  /** The text a position shows (a merged cell's text in every position it covers). */
  text(r: number, c: number): string {
    return this.at(r, c).cell.text;
  }
  /** The distinct cells of a row, left to right, with text. */
  rowCells(r: number): GridCell[] {
    const out: GridCell[] = [];
    for (let c = 0; c < this.grid.cols; c++) {
      const { cell } = this.at(r, c);
      if (cell.text && out[out.length - 1] !== cell) out.push(cell);
    }
    return out;
  }
  isBlankRow(r: number): boolean {
    for (let c = 0; c < this.grid.cols; c++) if (this.at(r, c).cell.text) return false;
    return true;
  }
}

/** Columns of a table read from text; a 分工表 or 细则 has 3 to 15, and a line of a million tabs is not one. */
export const MAX_GRID_COLUMNS = 64;
/** Rows of a table read from text (as many as a sheet's, ../xlsx-read.ts). */
export const MAX_GRID_ROWS = 20_000;

/**
 * Rows of plain cells (pasted text, the .txt of a table): every cell its own, no spans known. Cells beyond
 * MAX_GRID_COLUMNS are left out; callers keep to MAX_GRID_ROWS.
 */
export function gridFromRows(
  rows: string[][],
  where: string,
  opts: { rowNumbers?: number[]; before?: string[] } = {},
): Grid {
  let cols = 0;
  const cells: GridCell[] = [];
  rows.forEach((row, r) => {
    const n = Math.min(row.length, MAX_GRID_COLUMNS);
    if (n > cols) cols = n;
    for (let c = 0; c < n; c++) {
      const t = row[c].trim();
      if (t) cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1, text: t });
    }
  });
  return {
    where,
    rows: rows.length,
    cols,
    cells,
    rowNumbers: opts.rowNumbers ?? rows.map((_, i) => i + 1),
    before: opts.before ?? [],
    spans: 'none',
  };
}

/** A column's letters as Excel shows them: 1 → A, 28 → AB. */
export function columnLetters(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A sheet as a grid: rows that show anything (a value, or a merged cell's value), in order; merged ranges become
 * spans over the rows kept. Columns beyond `maxCols` are left out. `skipHidden`: rows and columns set hidden are left
 * out too (what Excel shows and prints), and listed in `hidden` where they hold a value; a merged cell whose top-left
 * cell is hidden shows its value in the visible cells it covers, as Excel shows it.
 */
export function gridFromSheet(
  sheet: SheetData,
  where: string,
  maxCols: number,
  opts: { skipHidden?: boolean } = {},
): Grid {
  const width = Math.min(sheet.maxCol, maxCols);
  const hiddenRow = (r: number) => !!opts.skipHidden && sheet.hiddenRows.has(r);
  const hiddenCol = (c: number) => !!opts.skipHidden && sheet.hiddenCols.has(c);
  // The sheet's columns kept, and each one's place in the grid.
  const colNumbers: number[] = [];
  const colIndex = new Map<number, number>();
  for (let c = 1; c <= width; c++) {
    if (hiddenCol(c)) continue;
    colIndex.set(c, colNumbers.length);
    colNumbers.push(c);
  }
  // Merged ranges with a value, by the cell that shows it: the top-left one, or where it is hidden, the first visible
  // row and column of the range (a 类别 merged down from a hidden row still names the visible rows under it).
  const mergeAt = new Map<string, { text: string; r2: number; c2: number }>();
  /** Hidden top-left cells whose value shows in the visible part of their range: not hidden content. */
  const shownElsewhere = new Set<string>();
  const kept = new Set<number>();
  for (const m of sheet.merges) {
    if (m.c1 > width) continue;
    const text = sheet.cells.get(m.r1)?.get(m.c1)?.trim();
    if (!text) continue;
    const c2 = Math.min(m.c2, width);
    let r = m.r1;
    while (r <= m.r2 && hiddenRow(r)) r++;
    let c = m.c1;
    while (c <= c2 && hiddenCol(c)) c++;
    if (r > m.r2 || c > c2) continue;
    mergeAt.set(`${r},${c}`, { text, r2: m.r2, c2 });
    if (r !== m.r1 || c !== m.c1) {
      shownElsewhere.add(`${m.r1},${m.c1}`);
      kept.add(r);
    }
  }
  const hiddenRows = new Set<number>();
  const hiddenCols = new Set<number>();
  for (const [r, row] of sheet.cells)
    for (const [c, v] of row) {
      if (c > width || !v.trim() || shownElsewhere.has(`${r},${c}`)) continue;
      if (hiddenRow(r)) hiddenRows.add(r);
      else if (hiddenCol(c)) hiddenCols.add(c);
      else kept.add(r);
    }
  const rowList = [...kept].sort((a, b) => a - b);
  const index = new Map(rowList.map((r, i) => [r, i]));
  const cells: GridCell[] = [];
  for (const r of rowList) {
    // The row's own values, and the merged values shown from it (whose top-left cell is its own, or hidden).
    const texts = new Map<number, string>();
    for (const [c, v] of sheet.cells.get(r) ?? []) if (!sheet.mergedInto.has(`${r},${c}`)) texts.set(c, v.trim());
    for (const c of colNumbers) {
      const m = mergeAt.get(`${r},${c}`);
      if (m) texts.set(c, m.text);
    }
    for (const [c, text] of [...texts].sort((a, b) => a[0] - b[0])) {
      if (c > width || !text || !colIndex.has(c)) continue;
      const m = mergeAt.get(`${r},${c}`);
      let rowSpan = 1;
      let colSpan = 1;
      if (m) {
        // Kept rows and columns inside the range: blank or hidden ones are gone, the merge still covers the rest.
        rowSpan = 0;
        for (let rr = r; rr <= m.r2; rr++) if (index.has(rr)) rowSpan++;
        colSpan = 0;
        for (let cc = c; cc <= m.c2; cc++) if (colIndex.has(cc)) colSpan++;
      }
      cells.push({
        row: index.get(r)!,
        col: colIndex.get(c)!,
        rowSpan: Math.max(1, rowSpan),
        colSpan: Math.max(1, colSpan),
        text,
      });
    }
  }
  // Error values among the cells read (the others are hidden, and said so).
  const errors = sheet.errorCells.filter((e) => e.c <= width && !hiddenRow(e.r) && !hiddenCol(e.c));
  return {
    where,
    rows: rowList.length,
    cols: colNumbers.length,
    cells,
    rowNumbers: rowList,
    colNumbers,
    ...(hiddenRows.size || hiddenCols.size
      ? {
          hidden: {
            rows: [...hiddenRows].sort((a, b) => a - b),
            cols: [...hiddenCols].sort((a, b) => a - b),
            filtered: sheet.filtered,
          },
        }
      : {}),
    ...(errors.length ? { errors } : {}),
    sheetText: (r, c) => cellValue(sheet, r, c),
    before: [],
    spans: 'exact',
  };
}

/** A Word table position as ../docx.ts reads it: text, and whether it continues a merge from the left or above. */
export interface DocxPosition {
  text: string;
  /** Covered by a merge that starts to the left (w:gridSpan) or above (w:vMerge). */
  cont: boolean;
  left?: boolean;
  up?: boolean;
}

/** A Word table as a grid: horizontal spans from w:gridSpan, vertical ones from w:vMerge; blank rows left out. */
export function gridFromDocxRows(rows: DocxPosition[][], where: string, before: string[] = []): Grid {
  const keep = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.some((p) => p.text.trim()));
  let cols = 0;
  for (const { r } of keep) if (r.length > cols) cols = r.length;
  const cells: GridCell[] = [];
  keep.forEach(({ r: row }, gr) => {
    for (let c = 0; c < row.length; c++) {
      const p = row[c];
      if (p.cont) continue;
      const text = p.text.trim();
      if (!text) continue;
      let colSpan = 1;
      while (c + colSpan < row.length && row[c + colSpan].left) colSpan++;
      let rowSpan = 1;
      for (let k = gr + 1; k < keep.length; k++) {
        const below = keep[k].r[c];
        if (!below || !below.up || below.left) break;
        rowSpan++;
      }
      cells.push({ row: gr, col: c, rowSpan, colSpan, text });
    }
  });
  return {
    where,
    rows: keep.length,
    cols,
    cells,
    rowNumbers: keep.map(({ i }) => i + 1),
    before,
    spans: 'exact',
  };
}
