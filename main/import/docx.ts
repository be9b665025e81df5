// What every .docx reader shares: finding the main document part, streaming it without the text a reader never sees
// (deleted revisions, field codes, the fallback copy of drawings), and assembling its tables with merged cells
// (w:gridSpan, w:vMerge) counted out the way a spreadsheet's merged cells read. The 上级要点 reader (points/docx.ts)
// and the 细则 reader (selfcheck/docx.ts) differ only in what they make of paragraphs and finished tables.

import { importErrors } from './points/errors';
import { openZip, readZipText, type ZipPackage } from './points/zip';
import { readXml } from './xml';

export interface TableCell {
  text: string;
  /** Covered by a merge that starts above or to the left: the text repeats the merge's own. */
  cont: boolean;
  /** Covered by a merge from the left (w:gridSpan). */
  left?: boolean;
  /** Covered by a merge from above (w:vMerge). */
  up?: boolean;
}

/** The package and its main document part (named by _rels/.rels, else word/document.xml). */
export function openDocxBody(buf: Buffer, fileName: string): { zip: ZipPackage; part: string; xml: string } {
  const zip = openZip(buf, fileName);
  const part = findMainPart(zip);
  const xml = part ? readZipText(zip, part) : null;
  // An .xlsx renamed to .docx names xl/workbook.xml as its main part.
  if (!part || !xml || part.startsWith('xl/')) {
    if (zip.entries.has('xl/workbook.xml'))
      throw importErrors.mismatch(fileName, '.docx', 'Excel 表格（.xlsx）', '请把扩展名改为 .xlsx 后再导入。');
    throw importErrors.damaged(fileName, '缺少 Word 正文部件 word/document.xml');
  }
  return { zip, part, xml };
}

function findMainPart(zip: ZipPackage): string | null {
  const rels = readZipText(zip, '_rels/.rels');
  if (rels) {
    let target: string | undefined;
    readXml(rels, zip.fileName, '_rels/.rels', {
      open(name, a) {
        if (target === undefined && name === 'Relationship' && /\/officeDocument$/.test(a.Type ?? ''))
          target = (a.Target ?? '').replace(/^\//, '');
      },
    });
    if (target && zip.entries.has(target)) return target;
  }
  return zip.entries.has('word/document.xml') ? 'word/document.xml' : null;
}

/**
 * Elements whose content is not what the reader sees on the page: skipped with everything inside them. With tracked
 * changes, text moved elsewhere stays at its old place as w:moveFrom (read where it went, w:moveTo), and every
 * formatting change keeps the old properties inside the new ones (w:pPrChange holds the paragraph's former w:numPr:
 * read, it would number the paragraph as it was before the change).
 */
const HIDDEN = new Set([
  'w:del',
  'w:instrText',
  'mc:Fallback',
  'w:delText',
  'w:moveFrom',
  'w:pPrChange',
  'w:rPrChange',
  'w:tblPrChange',
  'w:tblPrExChange',
  'w:tblGridChange',
  'w:trPrChange',
  'w:tcPrChange',
  'w:sectPrChange',
  'w:numberingChange',
]);

/** What a hidden run holds that would show: its text, tabs and breaks. */
const RUN_CONTENT = new Set(['w:t', 'w:tab', 'w:br', 'w:cr', 'w:noBreakHyphen', 'w:sym']);

/**
 * Streams a document part as one event per element (`close` false when it opens; a self-closing element comes once)
 * and the text of visible runs, leaving out what HIDDEN names and runs set hidden (w:vanish).
 */
export function readVisibleXml(
  xml: string,
  fileName: string,
  part: string,
  h: {
    tag(close: boolean, name: string, attrs: Record<string, string>, selfClose: boolean): void;
    text(text: string): void;
  },
): void {
  let skipDepth = 0;
  let skipTag = '';
  // Runs being read, innermost last (a text box's runs sit inside a run): true where the run's font is set hidden
  // (w:vanish), text Word neither shows nor prints by default.
  const runs: boolean[] = [];
  let inRunProps = false;
  // Complex fields being read, innermost last: true while in the field's code (begin … separate). Word shows a
  // field's result only; a field nested in another's code (IF { MERGEFIELD 年份 } = …) shows nothing of its own.
  const fields: boolean[] = [];
  const inCode = () => fields.includes(true);
  const tag = (close: boolean, name: string, attrs: Record<string, string>, selfClose: boolean) => {
    if (name === 'w:fldChar' && !close && skipDepth === 0) {
      const kind = attrs['w:fldCharType'];
      if (kind === 'begin') fields.push(true);
      else if (kind === 'separate' && fields.length) fields[fields.length - 1] = false;
      else if (kind === 'end') fields.pop();
      return;
    }
    if (inCode() && RUN_CONTENT.has(name)) return;
    if (name === 'w:r' && !selfClose) {
      if (close) runs.pop();
      else runs.push(false);
    } else if (name === 'w:rPr' && runs.length) inRunProps = !close && !selfClose;
    else if (name === 'w:vanish' && inRunProps) runs[runs.length - 1] = !/^(0|false|off)$/.test(attrs['w:val'] ?? '');
    else if (runs[runs.length - 1] && RUN_CONTENT.has(name)) return;
    if (skipDepth > 0) {
      if (name === skipTag) {
        if (close) skipDepth--;
        else if (!selfClose) skipDepth++;
      }
      return;
    }
    // An empty one hides nothing and is passed on: a paragraph mark's <w:del/> says the mark was deleted.
    if (HIDDEN.has(name) && !selfClose) {
      if (!close) {
        skipDepth = 1;
        skipTag = name;
      }
      return;
    }
    h.tag(close, name, attrs, selfClose);
  };
  readXml(xml, fileName, part, {
    open: (name, attrs, selfClose) => tag(false, name, attrs, selfClose),
    // A self-closing element was handled as one event when it opened.
    close: (name, selfClose) => {
      if (!selfClose) tag(true, name, {}, false);
    },
    text: (t) => {
      if (skipDepth === 0 && !runs[runs.length - 1] && !inCode()) h.text(t);
    },
  });
}

/** Columns one table row may span; Word allows 63. A hostile w:gridSpan of a billion is cut to this. */
const MAX_TABLE_COLUMNS = 64;

interface OpenTable {
  rows: TableCell[][];
  row: TableCell[] | null;
  cell: string[] | null;
  span: number;
  vCont: boolean;
}

/**
 * The tables being read, innermost last. Feed it every element event; it answers a finished top-level table. A table
 * inside a cell becomes that cell's text. `limit` stops a flood of (spanned) cells before it costs memory.
 */
export class DocxTables {
  private readonly stack: OpenTable[] = [];
  private cells = 0;
  private finished = 0;
  constructor(private readonly limit?: { cells: number; error: (tableNumber: number) => Error }) {}

  /** The paragraphs of the cell being read, or null outside any cell: a paragraph read now belongs there. */
  get cell(): string[] | null {
    return this.stack[this.stack.length - 1]?.cell ?? null;
  }

  /** Handles w:tbl, w:tr, w:tc, w:gridSpan and w:vMerge; returns a top-level table's rows when it closes. */
  tag(close: boolean, name: string, attrs: Record<string, string>, selfClose = false): TableCell[][] | null {
    // An empty `<w:tc/>` (or row, or table) opens and closes at once, so nothing stays open behind it.
    if (selfClose && (name === 'w:tbl' || name === 'w:tr' || name === 'w:tc')) {
      this.tag(false, name, attrs);
      return this.tag(true, name, attrs);
    }
    const t = this.stack[this.stack.length - 1];
    switch (name) {
      case 'w:tbl': {
        if (!close) {
          this.stack.push({ rows: [], row: null, cell: null, span: 1, vCont: false });
          return null;
        }
        const done = this.stack.pop();
        if (!done) return null;
        const outer = this.stack[this.stack.length - 1];
        if (outer?.cell) {
          outer.cell.push(
            done.rows
              .map((r) =>
                r
                  .filter((c) => !c.cont)
                  .map((c) => c.text)
                  .join(' '),
              )
              .join('\n'),
          );
          return null;
        }
        this.finished++;
        return done.rows;
      }
      case 'w:tr':
        if (!t) break;
        if (!close) t.row = [];
        else if (t.row) {
          t.rows.push(t.row);
          t.row = null;
        }
        break;
      case 'w:tc':
        if (!t?.row) break;
        if (!close) {
          t.cell = [];
          t.span = 1;
          t.vCont = false;
        } else if (t.cell) {
          // Vertically merged cells repeat the value above, horizontally merged ones fill their columns.
          const text = t.vCont ? (t.rows[t.rows.length - 1]?.[t.row.length]?.text ?? '') : t.cell.join('\n').trim();
          this.cells += t.span;
          if (this.limit && this.cells > this.limit.cells) throw this.limit.error(this.finished + 1);
          for (let k = 0; k < t.span; k++) t.row.push({ text, cont: t.vCont || k > 0, left: k > 0, up: t.vCont });
          t.cell = null;
        }
        break;
      case 'w:gridSpan': {
        const n = Math.trunc(Number(attrs['w:val'] ?? 1));
        if (t?.cell && t.cell.length === 0)
          t.span = Math.min(MAX_TABLE_COLUMNS, Math.max(1, Number.isFinite(n) ? n : 1));
        break;
      }
      case 'w:vMerge': {
        const v = attrs['w:val'];
        if (t?.cell && t.cell.length === 0) t.vCont = v === undefined || v === 'continue';
        break;
      }
      default:
        break;
    }
    return null;
  }
}
