// Tables written straight as WordprocessingML. A 300-row table built from docx objects costs seconds; as a string
// it costs milliseconds. The markup is what the GB/T 9704 builder wants for WPS as well as Word: fixed layout, widths
// on tblW, every gridCol and every tcW, single 0.5 pt borders, a repeated header row, East Asian fonts on every run.
import { chineseDatesIn, FONT, textWidthInChars } from './format';

interface XmlTableColumn {
  header: string;
  width: number;
  align?: 'left' | 'center';
}
type XmlTableRow = { cells: string[] } | { section: string };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function runXml(text: string, eastAsia: string, size: number, bold: boolean): string {
  const b = bold ? '<w:b/><w:bCs/>' : '';
  return `<w:r><w:rPr><w:rFonts w:ascii="${FONT.latin}" w:cs="${FONT.latin}" w:eastAsia="${eastAsia}" w:hAnsi="${FONT.latin}"/>${b}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr><w:t xml:space="preserve">${esc(chineseDatesIn(text))}</w:t></w:r>`;
}

function cellXml(
  text: string,
  width: number,
  size: number,
  opts: {
    align: 'left' | 'center';
    eastAsia: string;
    bold: boolean;
    span?: number;
    snap: boolean;
    keepNext?: boolean;
    compact?: boolean;
  },
): string {
  const line = lineTwips(size, !!opts.compact);
  const snap = (opts.keepNext ? '<w:keepNext/>' : '') + (opts.snap ? '' : '<w:snapToGrid w:val="0"/>');
  const paras = text
    .split(/\r?\n/)
    .map(
      (l) =>
        `<w:p><w:pPr>${snap}<w:spacing w:after="0" w:before="0" w:line="${line}" w:lineRule="exact"/><w:jc w:val="${opts.align}"/></w:pPr>${runXml(l, opts.eastAsia, size, opts.bold)}</w:p>`,
    )
    .join('');
  const span = opts.span ? `<w:gridSpan w:val="${opts.span}"/>` : '';
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${span}<w:vAlign w:val="center"/></w:tcPr>${paras}</w:tc>`;
}

/**
 * A cell line's height and the cell's margin above and below its text, twips. `compact` is the GB/T 9704 remedy of
 * 调整行距 for a table that would otherwise leave its last rows and its note alone on the next page: single-spaced
 * lines (1.1, so no stroke is clipped) and a thin margin take about a quarter off each row.
 */
const lineTwips = (size: number, compact: boolean) => Math.round(size * 10 * (compact ? 1.1 : 1.25));
const cellMargin = (compact: boolean) => (compact ? 10 : 40);
/** A row's borders, as LibreOffice adds them to the rows' heights (measured: a one-line 小四 row is 390 twips). */
const ROW_BORDER = 10;

/** How many lines a cell's text takes at `size` in a column `width` twips wide (its left and right margins off). */
function cellLines(text: string, width: number, size: number): number {
  const perLine = Math.max(1, (width - 160) / (size * 10));
  return text.split(/\r?\n/).reduce((n, l) => n + Math.max(1, Math.ceil(textWidthInChars(l.trim()) / perLine)), 0);
}

/**
 * The heights the rows will take, twips, header first: each row as tall as its cell of most lines. An estimate for
 * deciding where a table goes (the builder knows no page); it errs on the tall side.
 */
export function rowHeights(columns: XmlTableColumn[], rows: XmlTableRow[], size: number, compact = false): number[] {
  const total = columns.reduce((a, c) => a + c.width, 0);
  const line = lineTwips(size, compact);
  const height = (lines: number) => lines * line + 2 * cellMargin(compact) + ROW_BORDER;
  return [
    height(Math.max(...columns.map((c) => cellLines(c.header, c.width, size)))),
    ...rows.map((r) =>
      height(
        'section' in r
          ? cellLines(r.section, total, size)
          : Math.max(...columns.map((c, i) => cellLines(r.cells[i] ?? '', c.width, size))),
      ),
    ),
  ];
}

/**
 * The table's XML. `snapToGrid` false takes its paragraphs off the page's line grid (needed in gridded sections,
 * else each line is stretched to the body pitch). No row splits across a page: a filed table is read row by row,
 * and a row torn in two is easy to misread on paper. `keepLastRowWithNext` keeps the last row on the page of what
 * follows (a table ending the body goes over with the 落款 rather than leave it alone). `keepWhole` keeps every row
 * with the next (a table shorter than a page goes over whole rather than leave its end alone); `compact` sets the
 * rows closer (see lineTwips). Dates in cells print in 公文 form (2026年3月5日), as in the text.
 */
export function tableXml(
  columns: XmlTableColumn[],
  rows: XmlTableRow[],
  size: number,
  opts: { snapToGrid: boolean; keepLastRowWithNext?: boolean; keepWhole?: boolean; compact?: boolean },
): string {
  const total = columns.reduce((a, c) => a + c.width, 0);
  const border = 'w:val="single" w:color="000000" w:sz="4"';
  const margin = cellMargin(!!opts.compact);
  const tblPr = `<w:tblPr><w:tblW w:type="dxa" w:w="${total}"/><w:tblBorders><w:top ${border}/><w:left ${border}/><w:bottom ${border}/><w:right ${border}/><w:insideH ${border}/><w:insideV ${border}/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:type="dxa" w:w="${margin}"/><w:left w:type="dxa" w:w="80"/><w:bottom w:type="dxa" w:w="${margin}"/><w:right w:type="dxa" w:w="80"/></w:tblCellMar></w:tblPr>`;
  const grid = `<w:tblGrid>${columns.map((c) => `<w:gridCol w:w="${c.width}"/>`).join('')}</w:tblGrid>`;
  const snap = opts.snapToGrid;
  const compact = !!opts.compact;
  const header = `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${columns.map((c) => cellXml(c.header, c.width, size, { align: 'center', eastAsia: FONT.heading1, bold: true, snap, compact })).join('')}</w:tr>`;
  const body = rows
    .map((r, ri) => {
      const last = ri === rows.length - 1;
      const keepNext = last ? !!opts.keepLastRowWithNext : !!opts.keepWhole;
      return 'section' in r
        ? // A section row is kept with the row after it (keepNext on its paragraph): never the last row of a page.
          `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cellXml(r.section, total, size, { align: 'left', eastAsia: FONT.heading1, bold: false, span: columns.length, snap, keepNext: true, compact })}</w:tr>`
        : `<w:tr><w:trPr><w:cantSplit/></w:trPr>${columns.map((c, i) => cellXml(r.cells[i] ?? '', c.width, size, { align: c.align ?? 'left', eastAsia: FONT.body, bold: false, snap, keepNext, compact })).join('')}</w:tr>`;
    })
    .join('');
  return `<w:tbl>${tblPr}${grid}${header}${body}</w:tbl>`;
}
