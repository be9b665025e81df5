// A table as read from a 细则 file: text per cell and whether the cell only continues a merged cell (vertical or
// horizontal), so the tree reader can tell "same 一级指标 as the row above" from "a new one with the same words".

import type { TableCell } from '../docx';

export type { TableCell };

export interface SourceTable {
  /** Where the table is, for messages: "工作表“评分细则”" or "第1个表格". */
  where: string;
  /** Text before the table (a title row or paragraph), nearest last. */
  before: string[];
  rows: TableCell[][];
  /** The sheet's or document's row numbers (1-based), parallel to rows, for messages. */
  rowNumbers: number[];
}

/** 1 → A, 28 → AB (column letters for messages). */
export function columnLetter(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}
