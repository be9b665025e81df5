// Print-ready worksheets shared by every .xlsx export: A4, orientation fitting the table, one page wide, the header
// repeated on every printed page and frozen on screen, wrapped text, thin borders, and row heights estimated from
// the text (neither Excel nor WPS nor LibreOffice fits row heights when opening a file, so wrapped text would
// overlap the next row otherwise). Pure: data in, Buffer out.
import ExcelJS from 'exceljs';

export interface SheetColumn {
  header: string;
  /** Relative width; scaled so the whole table prints one page wide at about 100 %. */
  weight: number;
  align?: 'left' | 'center';
}

export type SheetRow =
  | { cells: (string | number | null)[] }
  /** A merged full-width row naming a group (e.g. a plan section). */
  | { section: string };

export interface TableSheetOptions {
  sheetName: string;
  /** Title printed in a merged row above the header. */
  title?: string;
  /** Smaller line under the title (e.g. unit and date). */
  subtitle?: string;
  columns: SheetColumn[];
  rows: SheetRow[];
  orientation?: 'portrait' | 'landscape';
  fontSize?: number;
}

export const SHEET_FONT = { body: '宋体', header: '黑体', title: '方正小标宋简体' } as const;

/**
 * Printable width in Excel character units: A4 minus 1.5 cm margins each side (267 mm landscape, 180 mm portrait),
 * with a default-font character about 1.9 mm wide.
 */
export const PRINT_WIDTH_CHARS = { landscape: 138, portrait: 93 } as const;

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const borders: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Width of a text in Excel units at 11 pt: CJK and full-width forms count 2, others 1. */
export function textUnits(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) <= 0xff ? 1 : 2;
  return w;
}

/** Lines a text takes in a column of `width` units when wrapped (explicit newlines included). */
export function wrappedLines(text: string, width: number, fontSize = 11): number {
  const usable = Math.max(2, (width - 1) * (11 / fontSize));
  return String(text).split(/\r?\n/).reduce((n, line) => n + Math.max(1, Math.ceil(textUnits(line) / usable)), 0);
}

/** Row height in points for the tallest wrapped cell of a row. */
export function estimateRowHeight(values: (string | number | null)[], widths: number[], fontSize = 11): number {
  const lines = Math.max(1, ...values.map((v, i) => (v === null || v === '' ? 1 : wrappedLines(String(v), widths[i] ?? 10, fontSize))));
  return Math.min(409, Math.ceil(lines * fontSize * 1.4 + 6));
}

/** Scales weights to column widths (character units) filling the printable width. */
export function fitColumnWidths(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.max(4, Math.round((w / sum) * total * 10) / 10));
}

/** Adds a print-ready table sheet to the workbook and returns it. */
export function addTableSheet(wb: ExcelJS.Workbook, opts: TableSheetOptions): ExcelJS.Worksheet {
  const orientation = opts.orientation ?? (opts.columns.length > 6 ? 'landscape' : 'portrait');
  const fontSize = opts.fontSize ?? 11;
  const n = opts.columns.length;
  const widths = fitColumnWidths(opts.columns.map((c) => c.weight), PRINT_WIDTH_CHARS[orientation]);
  const ws = wb.addWorksheet(opts.sheetName.slice(0, 31));
  ws.columns = widths.map((width) => ({ width }));

  let r = 0;
  if (opts.title) {
    r++;
    ws.mergeCells(r, 1, r, n);
    const c = ws.getCell(r, 1);
    c.value = opts.title;
    c.font = { name: SHEET_FONT.title, size: 18 };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    ws.getRow(r).height = 36;
  }
  if (opts.subtitle) {
    r++;
    ws.mergeCells(r, 1, r, n);
    const c = ws.getCell(r, 1);
    c.value = opts.subtitle;
    c.font = { name: SHEET_FONT.body, size: fontSize };
    c.alignment = { horizontal: 'right', vertical: 'middle' };
    ws.getRow(r).height = 20;
  }
  r++;
  const headerRow = r;
  const header = ws.getRow(r);
  opts.columns.forEach((col, i) => {
    const c = header.getCell(i + 1);
    c.value = col.header;
    c.font = { name: SHEET_FONT.header, size: fontSize, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = borders;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  });
  header.height = estimateRowHeight(opts.columns.map((c) => c.header), widths, fontSize);

  // One style object per column, shared by its cells: exceljs then writes each style once instead of per cell.
  const bodyFont: Partial<ExcelJS.Font> = { name: SHEET_FONT.body, size: fontSize };
  const bodyStyles: Partial<ExcelJS.Style>[] = opts.columns.map((col) => ({
    font: bodyFont, border: borders, alignment: { horizontal: col.align ?? 'left', vertical: 'middle', wrapText: true },
  }));
  for (const row of opts.rows) {
    r++;
    if ('section' in row) {
      ws.mergeCells(r, 1, r, n);
      const c = ws.getCell(r, 1);
      c.value = row.section;
      c.font = { name: SHEET_FONT.header, size: fontSize, bold: true };
      c.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
      for (let i = 1; i <= n; i++) ws.getCell(r, i).border = borders;
      ws.getRow(r).height = estimateRowHeight([row.section], [widths.reduce((a, b) => a + b, 0)], fontSize);
      continue;
    }
    const xr = ws.getRow(r);
    opts.columns.forEach((_col, i) => {
      const c = xr.getCell(i + 1);
      c.value = row.cells[i] ?? '';
      c.style = bodyStyles[i];
    });
    xr.height = estimateRowHeight(row.cells, widths, fontSize);
  }

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.59, right: 0.59, top: 0.79, bottom: 0.79, header: 0.31, footer: 0.31 },
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页', evenFooter: '&C第 &P 页，共 &N 页' };
  return ws;
}

export function newWorkbook(creator = '政务公开工作台'): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  return wb;
}

export async function workbookToBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
