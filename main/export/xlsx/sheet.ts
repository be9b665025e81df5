// Print-ready worksheets shared by every .xlsx export: A4, orientation fitting the table, one page wide, the header
// repeated on every printed page and frozen on screen, wrapped text, thin borders, and row heights estimated from
// the text (neither Excel nor WPS nor LibreOffice fits row heights when opening a file, so wrapped text would
// overlap the next row otherwise). Cells are typed as the office works with them: a date is an Excel date shown
// 2026年3月5日 (sortable, filterable, and read back as a date by the workstation's importers), a 序号 a number.
// Pure: data in, Buffer out.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { chineseDatesIn } from '../gongwen/format';
import { zipParts } from '../zip';

export interface SheetColumn {
  header: string;
  /** Relative width; scaled so the whole table prints one page wide at 100 %. */
  weight: number;
  align?: 'left' | 'center';
}

/** A cell that shows text and opens an address when clicked (the text should print the address: paper has no link). */
export interface LinkCell {
  text: string;
  hyperlink: string;
}

export type SheetRow =
  | { cells: (string | number | null | LinkCell)[] }
  /** A merged full-width row naming a group (e.g. a plan section). */
  | { section: string };

interface TableSheetOptions {
  sheetName: string;
  /** Title printed in a merged row above the header. */
  title?: string;
  /** Smaller line under the title (e.g. unit and date). */
  subtitle?: string;
  columns: SheetColumn[];
  rows: SheetRow[];
  orientation?: 'portrait' | 'landscape';
  fontSize?: number;
  /** Runs of rows (indexes into `rows`) that print on one page, e.g. a task's merged block in the 台账. */
  keepTogether?: { first: number; count: number }[];
  /** A closing row (e.g. 合计) in bold. */
  totalRow?: (string | number | null)[];
}

export const SHEET_FONT = { body: '宋体', header: '黑体', title: '方正小标宋简体' } as const;

/**
 * Width given to a table in Excel character units: A4 landscape or portrait less 1.5 cm margins each side (267 mm,
 * 180 mm) at 2.2 mm a unit. A unit is the default font's digit width and prints 2.12 mm in Excel and WPS (宋体 11 pt,
 * 8 px at 96 dpi; less at 125 % or 150 % display scaling, which Excel's printing follows) and 2.19 mm in
 * LibreOffice, so the table is never wider than the page and every program prints it at 100 %: fit-to-width only
 * ever shrinks, and stays on only as a guard. The page breaks, placed from row heights in points, then fall where
 * they were planned in all three. A table set wider (138 units at an assumed 1.9 mm, before) was shrunk to 88–91 %,
 * by a factor that varies with the program and the display, and pages planned for 100 % ended up to half empty.
 */
const MM_PER_UNIT = 2.2;
const PRINT_WIDTH_CHARS = {
  landscape: Math.floor(267 / MM_PER_UNIT),
  portrait: Math.floor(180 / MM_PER_UNIT),
} as const;

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const borders: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Width of a text in Excel units at 11 pt: CJK and full-width forms count 2, others 1. */
function textUnits(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) <= 0xff ? 1 : 2;
  return w;
}

/**
 * The pieces a line wraps between: a CJK character on its own; a run of other characters up to a space or after a
 * slash, hyphen or question mark (where the programs break a web address), so a run is never split mid-word unless
 * it is wider than the column.
 */
const WRAP_PIECE = /[\u{100}-\u{10ffff}]|[!-\xff]*?[/?&=-]+|[!-\xff]+|\s+/gu;

/**
 * Lines a text takes in a column of `width` units when wrapped (explicit newlines included): whole pieces fill a
 * line, as the programs wrap, so an address that breaks only at its slashes is counted with the room it wastes.
 */
function wrappedLines(text: string, width: number, fontSize = 11): number {
  const usable = Math.max(2, (width - 1) * (11 / fontSize));
  let lines = 0;
  for (const line of String(text).split(/\r?\n/)) {
    lines++;
    let used = 0;
    for (const piece of line.match(WRAP_PIECE) ?? []) {
      const w = textUnits(piece);
      if (/^\s+$/.test(piece)) {
        used = Math.min(usable, used + w);
        continue;
      }
      if (used > 0 && used + w > usable) {
        lines++;
        used = 0;
      }
      used += w;
      // A piece wider than the column is cut where each line ends.
      while (used > usable) {
        lines++;
        used -= usable;
      }
    }
  }
  return Math.max(1, lines);
}

/** Row height in points for the tallest wrapped cell of a row. */
export function estimateRowHeight(values: (string | number | null)[], widths: number[], fontSize = 11): number {
  const lines = Math.max(
    1,
    ...values.map((v, i) => (v === null || v === '' ? 1 : wrappedLines(String(v), widths[i] ?? 10, fontSize))),
  );
  return Math.min(409, Math.ceil(lines * fontSize * 1.4 + 6));
}

/** Scales weights to column widths (character units) filling the printable width. */
function fitColumnWidths(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.max(4, Math.round((w / sum) * total * 10) / 10));
}

/** How dates show: 公文 form (GB/T 9704 §7.3.5.4), as in the Word documents. */
export const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
/** The widest date that format shows, for column widths (a date does not wrap: too narrow a column shows ####). */
const WIDEST_DATE = '2026年12月26日';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO date as the Excel date of that day (exceljs writes UTC midnight as a whole serial number); else null. */
function excelDate(text: string): Date | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

type Cell = string | number | null | LinkCell;

/**
 * A link cell as a HYPERLINK formula: Excel, WPS and LibreOffice show its text wrapped like any text (a cell-level
 * hyperlink shows in LibreOffice as one unwrapped line, cut at the cell's edge on paper). A formula's string literal
 * holds at most 255 characters, and a formula 8192: longer text is written as text without the link.
 */
function linkFormula(text: string, url: string): ExcelJS.CellValue {
  const literal = (t: string) => {
    const parts: string[] = [];
    for (let i = 0; i < t.length || i === 0; i += 250) parts.push(`"${t.slice(i, i + 250).replace(/"/g, '""')}"`);
    return parts.join('&');
  };
  const formula = `HYPERLINK(${literal(url)},${text.split('\n').map(literal).join('&CHAR(10)&')})`;
  return formula.length > 8000 || url.length > 250 ? text : { formula, result: text };
}

/**
 * What a body cell holds: a date for an ISO date, a number for a whole number in a 序号 column, text otherwise (with
 * any ISO date inside it in 公文 form, e.g. "已销号\n2026年11月7日"); and the text it shows, for row heights.
 */
function typedCell(v: Cell, seq: boolean): { value: ExcelJS.CellValue; shown: string; date: boolean } {
  if (v === null || v === '') return { value: '', shown: '', date: false };
  if (typeof v === 'number') return { value: v, shown: String(v), date: false };
  if (typeof v === 'object') {
    const text = chineseDatesIn(v.text);
    return { value: linkFormula(text, v.hyperlink), shown: text, date: false };
  }
  if (seq && /^\d+$/.test(v)) return { value: Number(v), shown: v, date: false };
  const date = excelDate(v);
  if (date) return { value: date, shown: WIDEST_DATE, date: true };
  const text = chineseDatesIn(v);
  return { value: text, shown: text, date: false };
}

/**
 * Columns whose cells are typed: a 序号 column when every filled cell is a whole number (a hierarchical 1.1, 1.2
 * stays text: as a number 1.10 would print 1.1), a date column when any cell is an ISO date.
 */
function columnKinds(columns: readonly SheetColumn[], rows: readonly SheetRow[]): { seq: boolean; date: boolean }[] {
  const bodies = rows.flatMap((r) => ('cells' in r ? [r.cells] : []));
  return columns.map((c, i) => ({
    seq:
      c.header === '序号' &&
      bodies.every((cells) => {
        const v = cells[i];
        return (
          v === null ||
          v === undefined ||
          v === '' ||
          typeof v === 'number' ||
          (typeof v === 'string' && /^\d+$/.test(v))
        );
      }),
    date: bodies.some((cells) => typeof cells[i] === 'string' && excelDate(cells[i] as string) !== null),
  }));
}

/** Widens date columns to show a whole date, taking the width from the other columns in proportion. */
function widenDateColumns(widths: number[], dates: boolean[], fontSize: number): number[] {
  const need = Math.ceil(((textUnits(WIDEST_DATE) + 2) * fontSize) / 11);
  const short = widths.reduce((n, w, i) => n + (dates[i] ? Math.max(0, need - w) : 0), 0);
  if (!short) return widths;
  const others = widths.reduce((n, w, i) => n + (dates[i] ? 0 : w), 0);
  return widths.map((w, i) =>
    dates[i] ? Math.max(w, need) : Math.max(4, Math.round(w * (1 - short / others) * 10) / 10),
  );
}

const PAGE_MARGINS = { left: 0.59, right: 0.59, top: 0.79, bottom: 0.79, header: 0.31, footer: 0.31 };

/**
 * Points of rows a printed page holds at 100 % (the scale every program prints these tables at): A4 less the top
 * and bottom margins, less a little for rounding in the renderers. A program that shrinks the table after all (a
 * unit wider than 2.2 mm) fits more on a page, never less.
 */
function printableHeight(orientation: 'portrait' | 'landscape'): number {
  const paper = orientation === 'landscape' ? 210 : 297;
  return (paper / 25.4 - PAGE_MARGINS.top - PAGE_MARGINS.bottom) * 72 - 12;
}

/**
 * Where pages must break (indexes into `rows` of the first row of a new page) so that no block in `keep` is torn,
 * and no section heading row is the last on a page (it goes over with the first row it heads). A block taller than
 * a page starts a page of its own.
 */
function pageBreaks(
  rows: readonly SheetRow[],
  heights: readonly number[],
  capacity: number,
  keep: readonly { first: number; count: number }[],
  firstPageUsed = 0,
): number[] {
  // Units that must not be split: a section row with the first unit after it; a kept block; otherwise one row.
  const blockAt = new Map(keep.filter((k) => k.count > 1).map((k) => [k.first, k.count]));
  const units: { first: number; count: number }[] = [];
  for (let i = 0; i < rows.length;) {
    const count = blockAt.get(i) ?? 1;
    units.push({ first: i, count });
    i += count;
  }
  const merged: { first: number; count: number }[] = [];
  for (let u = 0; u < units.length; u++) {
    const cur = units[u];
    if ('section' in rows[cur.first] && u + 1 < units.length) {
      merged.push({ first: cur.first, count: cur.count + units[u + 1].count });
      u++;
    } else merged.push(cur);
  }
  const breaks: number[] = [];
  let used = firstPageUsed;
  for (const m of merged) {
    const h = heights.slice(m.first, m.first + m.count).reduce((a, b) => a + b, 0);
    if (used > firstPageUsed * (breaks.length ? 0 : 1) && used + h > capacity) {
      breaks.push(m.first);
      used = 0;
    }
    used += h;
    // A unit taller than a page: its rows break where they must, the next unit starts a fresh page.
    while (used > capacity) used -= capacity;
  }
  return breaks;
}

/** Adds a print-ready table sheet to the workbook and returns it. */
export function addTableSheet(wb: ExcelJS.Workbook, opts: TableSheetOptions): ExcelJS.Worksheet {
  const orientation = opts.orientation ?? (opts.columns.length > 6 ? 'landscape' : 'portrait');
  const fontSize = opts.fontSize ?? 11;
  const n = opts.columns.length;
  const kinds = columnKinds(opts.columns, opts.rows);
  const widths = widenDateColumns(
    fitColumnWidths(
      opts.columns.map((c) => c.weight),
      PRINT_WIDTH_CHARS[orientation],
    ),
    kinds.map((k) => k.date),
    fontSize,
  );
  const ws = wb.addWorksheet(opts.sheetName.slice(0, 31));
  ws.columns = widths.map((width) => ({ width }));

  let r = 0;
  if (opts.title) {
    r++;
    ws.mergeCells(r, 1, r, n);
    const c = ws.getCell(r, 1);
    c.value = chineseDatesIn(opts.title);
    c.font = { name: SHEET_FONT.title, size: 18 };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    ws.getRow(r).height = 36;
  }
  if (opts.subtitle) {
    r++;
    ws.mergeCells(r, 1, r, n);
    const c = ws.getCell(r, 1);
    c.value = chineseDatesIn(opts.subtitle);
    c.font = { name: SHEET_FONT.body, size: fontSize };
    c.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    ws.getRow(r).height = estimateRowHeight([opts.subtitle], [widths.reduce((a, b) => a + b, 0)], fontSize);
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
  header.height = estimateRowHeight(
    opts.columns.map((c) => c.header),
    widths,
    fontSize,
  );

  // One style object per column, shared by its cells: exceljs then writes each style once instead of per cell.
  const bodyFont: Partial<ExcelJS.Font> = { name: SHEET_FONT.body, size: fontSize };
  const bodyStyles: Partial<ExcelJS.Style>[] = opts.columns.map((col) => ({
    font: bodyFont,
    border: borders,
    alignment: { horizontal: col.align ?? 'left', vertical: 'middle', wrapText: true },
  }));
  const dateStyles: Partial<ExcelJS.Style>[] = bodyStyles.map((st) => ({ ...st, numFmt: DATE_FORMAT }));
  /** Writes a row of typed cells and sets its height from what they show. */
  const writeCells = (xr: ExcelJS.Row, cells: readonly Cell[], bold: boolean) => {
    const shown = opts.columns.map((_col, i) => {
      const t = typedCell(cells[i] ?? '', kinds[i].seq);
      const c = xr.getCell(i + 1);
      c.value = t.value;
      const st = t.date ? dateStyles[i] : bodyStyles[i];
      c.style = bold ? { ...st, font: { ...bodyFont, bold: true } } : st;
      return t.shown;
    });
    xr.height = estimateRowHeight(shown, widths, fontSize);
  };
  for (const row of opts.rows) {
    r++;
    if ('section' in row) {
      ws.mergeCells(r, 1, r, n);
      const c = ws.getCell(r, 1);
      c.value = chineseDatesIn(row.section);
      c.font = { name: SHEET_FONT.header, size: fontSize, bold: true };
      c.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
      for (let i = 1; i <= n; i++) ws.getCell(r, i).border = borders;
      ws.getRow(r).height = estimateRowHeight([row.section], [widths.reduce((a, b) => a + b, 0)], fontSize);
      continue;
    }
    writeCells(ws.getRow(r), row.cells, false);
  }

  if (opts.totalRow) {
    r++;
    writeCells(ws.getRow(r), opts.totalRow, true);
  }

  // Page breaks where a printed page would tear a block or strand a section heading at its foot.
  const firstRow = headerRow + 1;
  const heights = opts.rows.map((_, i) => ws.getRow(firstRow + i).height ?? 15);
  // The first page also holds the title rows above the header.
  let above = 0;
  for (let i = 1; i < headerRow; i++) above += ws.getRow(i).height ?? 15;
  for (const at of pageBreaks(
    opts.rows,
    heights,
    printableHeight(orientation) - (header.height ?? 15),
    opts.keepTogether ?? [],
    above,
  )) {
    ws.getRow(firstRow + at - 1).addPageBreak();
  }

  ws.views = [
    {
      state: 'frozen',
      xSplit: 0,
      ySplit: headerRow,
      topLeftCell: `A${headerRow + 1}`,
      activeCell: `A${headerRow + 1}`,
    },
  ];
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: PAGE_MARGINS,
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页', evenFooter: '&C第 &P 页，共 &N 页' };
  return ws;
}

/** A workbook whose properties name its author (the bureau) and title, as the office's own files do. */
export function newWorkbook(creator = '政务公开工作台', title?: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.lastModifiedBy = creator;
  if (title) wb.title = title;
  return wb;
}

/** The workbook's default face (the 常规 style and the theme's fonts): 宋体, which every office PC has. */
const WORKBOOK_FONT = '宋体';

/**
 * exceljs writes Office's Latin defaults (Calibri in the 常规 style, Cambria/Calibri in the theme): a cell typed
 * into later, and WPS's "missing fonts" check, would use them. They become 宋体 with the GB2312 charset.
 */
function chineseDefaultFonts(part: string, xml: string): string {
  if (part === 'xl/styles.xml') {
    return xml
      .replace(
        /<font>((?:(?!<\/font>).)*?)<name val="Calibri"\/>(?:<family val="\d+"\/>)?((?:(?!<\/font>).)*?)<\/font>/s,
        (_m, a: string, b: string) =>
          `<font>${a}<name val="${WORKBOOK_FONT}"/><charset val="134"/><family val="3"/>${b}</font>`,
      )
      .replaceAll('<name val="Calibri"/>', `<name val="${WORKBOOK_FONT}"/>`);
  }
  if (part === 'xl/theme/theme1.xml') {
    return xml
      .replace(/<a:(latin|ea) typeface="(?:Calibri Light|Calibri|Cambria|)"/g, `<a:$1 typeface="${WORKBOOK_FONT}"`)
      .replace(/<a:font script="Hans" typeface="[^"]*"\/>/g, `<a:font script="Hans" typeface="${WORKBOOK_FONT}"/>`);
  }
  return xml;
}

export async function workbookToBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const parts: [string, string | Uint8Array][] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    parts.push(
      /\.(xml|rels)$/.test(name)
        ? [name, chineseDefaultFonts(name, await zip.file(name)!.async('string'))]
        : [name, await zip.file(name)!.async('uint8array')],
    );
  }
  return zipParts(parts);
}
