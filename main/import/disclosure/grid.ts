// Reads an .xlsx workbook into plain text grids: bytes in, sheets of rows out. No file system, no database, no
// AppContext: it runs inside the parser worker (../parsers.ts, kinds disclosure-publications/-requests). The zip's
// central directory is checked and every part inflated within its declared size (../points/zip.ts); the sheets are
// then streamed through the shared bounded reader (../xlsx-read.ts: saxes, named row/cell/merge limits), which
// replaced exceljs here because exceljs expanded a huge merged range cell by cell.
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { refuseUnlessZip } from '../office-file';
import { openZip, verifyAllEntries, type ZipPackage } from '../points/zip';
import { cellValue, readXlsxSheets } from '../xlsx-read';
const MAX_COLUMNS = 60;

interface GridRow {
  row: number;
  cells: string[];
}
export interface GridSheet {
  name: string;
  rows: GridRow[];
}

export interface RowProblem {
  row: number;
  /** The header of the column at fault, when one is. */
  column?: string;
  message: string;
}

function iso(d: Date): string {
  // Excel stores dates as UTC midnight (plus the time of day when there is one).
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
}

/** The workbook's visible sheets as text. Throws a Chinese AppError naming the file when it cannot be read. */
export function readXlsxGrid(buf: Buffer, fileName: string): GridSheet[] {
  if (!buf.length) throw new AppError(ErrorCode.FILE_EMPTY, `文件“${fileName}”是空的。请确认选对了文件。`);
  // Encrypted, old .xls, text, PDF … each said as what it is (office-file.ts).
  refuseUnlessZip(fileName, buf, 'Excel 表格（.xlsx）');
  let zip: ZipPackage;
  try {
    zip = openZip(buf, fileName);
    verifyAllEntries(zip);
  } catch (e) {
    if (e instanceof AppError && e.code === ErrorCode.ZIP_BOMB)
      throw new AppError(
        e.code,
        `文件“${fileName}”解压后异常巨大，为保护电脑已停止读取。请用 Excel 或 WPS 打开后另存为新的 .xlsx 再导入。`,
      );
    if (e instanceof AppError && e.code === ErrorCode.FILE_ENCRYPTED) throw e;
    throw new AppError(
      ErrorCode.FILE_DAMAGED,
      `文件“${fileName}”不是有效的 .xlsx 表格或已损坏。请用 Excel 或 WPS 打开，确认能正常显示后另存为 .xlsx 再导入。`,
    );
  }
  if (!zip.entries.has('xl/workbook.xml')) {
    throw new AppError(
      ErrorCode.FILE_TYPE_MISMATCH,
      `文件“${fileName}”不是 Excel 表格（.xlsx）。请选择登记表的 .xlsx 文件。`,
    );
  }
  // Its refusals (damaged part, row beyond the limit, too many cells or merges) name the file and the sheet.
  const sheets: GridSheet[] = [];
  for (const ws of readXlsxSheets(buf, fileName, zip)) {
    if (ws.hidden) continue;
    const width = Math.min(ws.maxCol, MAX_COLUMNS);
    const rows: GridRow[] = [];
    // Rows holding a value or covered by a merge; the others are empty.
    const used = new Set(ws.cells.keys());
    for (const m of ws.merges) for (let r = m.r1; r <= m.r2; r++) used.add(r);
    for (const r of [...used].sort((a, b) => a - b)) {
      const cells: string[] = [];
      // Merged cells read as their master's value (a 栏目 merged down a block of rows).
      for (let c = 1; c <= width; c++) cells.push(cellValue(ws, r, c).trim());
      if (cells.some(Boolean)) rows.push({ row: r, cells });
    }
    sheets.push({ name: ws.name, rows });
  }
  return sheets;
}

/** Header text without spaces, asterisks, colons and a trailing parenthetical note. */
function normalizeHeader(s: string): string {
  return s.replace(/[\s\u3000*＊:：]/g, '').replace(/[（(][^（）()]*[）)]$/, '');
}

export interface HeaderSpec {
  exact: string[];
  contains?: string[];
}

/**
 * Finds the header row (within the first 30 non-empty rows) that has every required field; each field takes the
 * best-matching column. Returns column indexes (0-based) by field.
 */
export function findHeader<F extends string>(
  sheet: GridSheet,
  spec: Record<F, HeaderSpec>,
  required: F[],
): { index: number; columns: Partial<Record<F, number>>; headers: string[] } | null {
  for (let i = 0; i < Math.min(sheet.rows.length, 30); i++) {
    const headers = sheet.rows[i].cells.map(normalizeHeader);
    const columns: Partial<Record<F, number>> = {};
    const taken = new Set<number>();
    for (const pass of ['exact', 'contains'] as const) {
      for (const f of Object.keys(spec) as F[]) {
        if (columns[f] !== undefined) continue;
        const idx = headers.findIndex(
          (h, c) =>
            !taken.has(c) &&
            h &&
            (pass === 'exact'
              ? spec[f].exact.includes(h)
              : h.length <= 10 && (spec[f].contains ?? []).some((x) => h.includes(x))),
        );
        if (idx >= 0) {
          columns[f] = idx;
          taken.add(idx);
        }
      }
    }
    if (required.every((f) => columns[f] !== undefined)) return { index: i, columns, headers: sheet.rows[i].cells };
  }
  return null;
}

const DATE_RE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$/;

/** A date as offices write it (2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, with a time) or an Excel serial; null if not one. */
export function parseDateText(s: string): string | null {
  const t = s.trim().replace(/T.*$/, '');
  if (/^\d{5}(\.\d+)?$/.test(t)) {
    const serial = Math.floor(Number(t));
    if (serial < 20000 || serial > 80000) return null;
    return iso(new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000));
  }
  const m = DATE_RE.exec(t);
  if (!m) return null;
  const y = Number(m[1]),
    mo = Number(m[2]),
    d = Number(m[3]);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d || y < 1990 || y > 2100)
    return null;
  return iso(dt);
}
