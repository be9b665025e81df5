// A table as read from a 细则 file: text per cell and whether the cell only continues a merged cell (vertical or
// horizontal), so the tree reader can tell "same 一级指标 as the row above" from "a new one with the same words".

export interface TableCell {
  text: string;
  /** Covered by a merge that starts above or to the left: the text repeats the merge's own. */
  cont: boolean;
}

export interface SourceTable {
  /** Where the table is, for messages: "工作表“评分细则”" or "第1个表格". */
  where: string;
  /** Text before the table (a title row or paragraph), nearest last. */
  before: string[];
  rows: TableCell[][];
  /** The sheet's or document's row numbers (1-based), parallel to rows, for messages. */
  rowNumbers: number[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[e.toLowerCase()] ?? '';
  });
}

export function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? decodeXml(m[1]) : undefined;
}

/** "C12" → column 3 (1-based), row 12. */
export function cellRef(ref: string): { col: number; row: number } | null {
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref.toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col, row: Number(m[2]) };
}

/** 1 → A, 28 → AB (column letters for messages). */
export function columnLetter(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}
