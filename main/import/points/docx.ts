// .docx → paragraphs and tables, with Word's automatic numbering (w:numPr + numbering.xml) rendered into the
// text exactly as a reader sees it on the page ("一、", "（二）", "3.", "①"). mammoth drops these labels, so the
// XML is read here directly, streamed through saxes (../xml.ts; only a dozen elements matter). Tables, merged cells
// and hidden text are handled as for every .docx (../docx.ts).

import {
  formatChineseNumeral,
  formatCircled,
  levelOfBareLabel,
  printedLabel,
} from '../../../shared/domain/point-numbering';
import type { TableColumns } from '../../../shared/domain/table-columns';
import { importErrors } from './errors';
import type { SourceBlock } from './parse-text';
import { DocxTables, openDocxBody, readVisibleXml, type TableCell } from '../docx';
import { gridFromDocxRows } from '../grid/grid';
import { choiceFor, type TableChoices } from '../grid/header';
import { readPointsGrid } from '../grid/points';
import { readXml } from '../xml';
import { readZipText } from './zip';

interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  isLgl: boolean;
  /** w:lvlRestart: restart after this (1-based) level is used; 0 = never; undefined = after any higher level. */
  restart?: number;
}

interface Numbering {
  abstract: Map<string, LevelDef[]>;
  /** numId → abstractNumId and level overrides. */
  nums: Map<string, { abstractId: string; startOverride: Map<number, number>; levelOverride: Map<number, LevelDef> }>;
}

interface StyleNum {
  numId?: string;
  ilvl?: number;
  basedOn?: string;
  /** Its name (w:name): "heading 1", "标题 1". */
  name?: string;
}

/** A w:val-style attribute as a number, or the fallback when absent or not a number. */
function num(v: string | undefined, fallback: number): number {
  const n = v === undefined ? NaN : Number(v);
  return Number.isFinite(n) ? n : fallback;
}

/** Word list levels go 0-8; anything else in a hostile file is clamped so no array grows past it. */
const MAX_LEVEL = 8;
const clampLevel = (n: number) => Math.min(MAX_LEVEL, Math.max(0, Math.trunc(n)));
/** Word's largest list start value; a start of a billion would make a roman or letter label of megabytes. */
const MAX_START = 32_767;
const clampStart = (n: number) => Math.min(MAX_START, Math.max(0, Math.trunc(n)));

/** Collects one w:lvl's settings from its child elements (w:start, w:numFmt, w:lvlText, w:isLgl, w:lvlRestart). */
class LevelCollector {
  private vals = new Map<string, string | undefined>();
  private isLgl = false;
  child(name: string, attrs: Record<string, string>): void {
    const key = name.replace(/^w:/, '');
    if (key === 'isLgl') this.isLgl = !/^(0|false)$/.test(attrs['w:val'] ?? '');
    else if (!this.vals.has(key)) this.vals.set(key, attrs['w:val']);
  }
  done(): LevelDef {
    const restart = this.vals.get('lvlRestart');
    return {
      start: clampStart(num(this.vals.get('start'), 1)),
      numFmt: this.vals.get('numFmt') ?? 'decimal',
      lvlText: this.vals.get('lvlText') ?? '',
      isLgl: this.isLgl,
      restart: restart === undefined ? undefined : num(restart, 0),
    };
  }
}

function parseNumbering(xml: string | null, fileName: string): Numbering {
  const abstract = new Map<string, LevelDef[]>();
  const nums: Numbering['nums'] = new Map();
  if (!xml) return { abstract, nums };
  let absId: string | undefined;
  let levels: LevelDef[] = [];
  let lvl: { ilvl: number; c: LevelCollector } | null = null;
  let numCur: {
    numId?: string;
    abstractId?: string;
    startOverride: Map<number, number>;
    levelOverride: Map<number, LevelDef>;
  } | null = null;
  let override: number | null = null;
  readXml(xml, fileName, 'word/numbering.xml', {
    open(name, a) {
      if (lvl && name !== 'w:lvl') {
        lvl.c.child(name, a);
        return;
      }
      switch (name) {
        case 'w:abstractNum':
          absId = a['w:abstractNumId'];
          levels = [];
          break;
        case 'w:lvl':
          lvl = { ilvl: clampLevel(num(a['w:ilvl'], 0)), c: new LevelCollector() };
          break;
        case 'w:num':
          numCur = { numId: a['w:numId'], startOverride: new Map(), levelOverride: new Map() };
          break;
        case 'w:abstractNumId':
          if (numCur && override === null) numCur.abstractId = a['w:val'];
          break;
        // LibreOffice writes empty <w:lvlOverride w:ilvl="0"/> for the levels it leaves alone.
        case 'w:lvlOverride':
          override = clampLevel(num(a['w:ilvl'], 0));
          break;
        case 'w:startOverride':
          if (numCur && override !== null) numCur.startOverride.set(override, clampStart(num(a['w:val'], 1)));
          break;
        default:
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'w:lvl':
          if (!lvl) break;
          if (numCur && override !== null) numCur.levelOverride.set(override, lvl.c.done());
          else if (absId !== undefined) levels[lvl.ilvl] = lvl.c.done();
          lvl = null;
          break;
        case 'w:abstractNum':
          if (absId !== undefined) abstract.set(absId, levels);
          absId = undefined;
          break;
        case 'w:lvlOverride':
          override = null;
          break;
        case 'w:num':
          if (numCur?.numId !== undefined && numCur.abstractId !== undefined) {
            nums.set(numCur.numId, {
              abstractId: numCur.abstractId,
              startOverride: numCur.startOverride,
              levelOverride: numCur.levelOverride,
            });
          }
          numCur = null;
          break;
        default:
          break;
      }
    },
  });
  return { abstract, nums };
}

function parseStyles(xml: string | null, fileName: string): Map<string, StyleNum> {
  const out = new Map<string, StyleNum>();
  if (!xml) return out;
  let cur: { id?: string; s: StyleNum } | null = null;
  readXml(xml, fileName, 'word/styles.xml', {
    open(name, a) {
      if (name === 'w:style') {
        cur = { id: a['w:styleId'], s: {} };
        return;
      }
      if (!cur) return;
      // The first occurrence counts, as Word reads it.
      if (name === 'w:numId' && cur.s.numId === undefined) cur.s.numId = a['w:val'];
      else if (name === 'w:ilvl' && cur.s.ilvl === undefined) cur.s.ilvl = clampLevel(num(a['w:val'], 0));
      else if (name === 'w:basedOn' && cur.s.basedOn === undefined) cur.s.basedOn = a['w:val'];
      else if (name === 'w:name' && cur.s.name === undefined) cur.s.name = a['w:val'];
    },
    close(name) {
      if (name !== 'w:style' || !cur) return;
      if (cur.id) out.set(cur.id, cur.s);
      cur = null;
    },
  });
  return out;
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';

/** One counter value written in a level's number format. */
function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return formatChineseNumeral(n);
    case 'chineseLegalSimplified':
      return formatChineseNumeral(n).replace(
        /[一二三四五六七八九十百]/g,
        (c) => '壹贰叁肆伍陆柒捌玖拾佰'['一二三四五六七八九十百'.indexOf(c)],
      );
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return formatCircled(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'upperLetter':
    case 'lowerLetter': {
      const letter = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return fmt === 'upperLetter' ? letter : letter.toLowerCase();
    }
    case 'upperRoman':
    case 'lowerRoman': {
      let r = '';
      let v = n;
      for (const [k, s] of ROMAN)
        while (v >= k) {
          r += s;
          v -= k;
        }
      return fmt === 'upperRoman' ? r : r.toLowerCase();
    }
    case 'ideographTraditional':
      return TIANGAN[(n - 1) % 10];
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

/** Word's list counters: per abstract list, continued across w:num instances unless one overrides its start. */
class NumberingState {
  private counters = new Map<string, (number | undefined)[]>();
  private seenNums = new Set<string>();
  constructor(private readonly numbering: Numbering) {}

  /** The label a numbered paragraph shows, or null for bullets and unknown lists. */
  label(numId: string, ilvl: number): string | null {
    const num = this.numbering.nums.get(numId);
    if (!num) return null;
    const levels = this.numbering.abstract.get(num.abstractId);
    if (!levels) return null;
    const levelOf = (l: number): LevelDef | undefined => num.levelOverride.get(l) ?? levels[l];
    const def = levelOf(ilvl);
    if (!def || def.numFmt === 'bullet' || def.numFmt === 'none') return null;
    let c = this.counters.get(num.abstractId);
    if (!c) this.counters.set(num.abstractId, (c = []));
    if (!this.seenNums.has(numId)) {
      this.seenNums.add(numId);
      for (const [l, start] of num.startOverride) c[l] = start - 1;
    }
    c[ilvl] = (c[ilvl] ?? levelOf(ilvl)!.start - 1) + 1;
    for (let l = ilvl + 1; l < 9; l++) {
      const d = levelOf(l);
      // lvlRestart 0: this level never restarts; k: restarts only when level k (1-based) or above is used.
      if (d?.restart === 0) continue;
      if (d?.restart !== undefined && ilvl + 1 > d.restart) continue;
      c[l] = undefined;
    }
    const text = def.lvlText.replace(/%([1-9])/g, (_, k: string) => {
      const l = Number(k) - 1;
      const d = levelOf(l);
      const v = c![l] ?? d?.start ?? 1;
      return formatNumber(v, def.isLgl && l !== ilvl ? 'decimal' : (d?.numFmt ?? 'decimal'));
    });
    return text.trim() || null;
  }
}

interface Para {
  text: string;
  numId?: string;
  ilvl?: number;
  style?: string;
  /** Its paragraph mark is a deleted revision (w:pPr/w:rPr/w:del): it is one paragraph with the next. */
  markDeleted?: boolean;
}

/**
 * Reads a .docx into blocks: paragraphs in order; tables as 分工表 items when their columns are found (../grid),
 * else cell by cell as text. Every table of two or more columns is described for the preview's column selects.
 */
export async function readDocxBlocks(
  buf: Buffer,
  fileName: string,
  choices: TableChoices = {},
): Promise<{ blocks: SourceBlock[]; tables: TableColumns[] }> {
  const { zip, part, xml } = openDocxBody(buf, fileName);
  const numbering = parseNumbering(readZipText(zip, 'word/numbering.xml'), fileName);
  const styles = parseStyles(readZipText(zip, 'word/styles.xml'), fileName);
  return blocksFromDocumentXml(xml, numbering, styles, fileName, part, choices);
}

function styleNumbering(styles: Map<string, StyleNum>, styleId: string | undefined): { numId?: string; ilvl?: number } {
  let id = styleId;
  let ilvl: number | undefined;
  for (let guard = 0; id && guard < 10; guard++) {
    const s = styles.get(id);
    if (!s) break;
    if (ilvl === undefined && s.ilvl !== undefined) ilvl = s.ilvl;
    if (s.numId !== undefined) return { numId: s.numId, ilvl: ilvl ?? 0 };
    id = s.basedOn;
  }
  return {};
}

/**
 * The outline level a Word heading style gives its paragraph: 标题 1 → 1, 标题 2 → 2 (by the style's name or id, along
 * its basedOn chain; Chinese Word names the styles "1", "2"). Deeper headings and other styles: undefined.
 */
function headingLevel(styles: Map<string, StyleNum>, styleId: string | undefined): 1 | 2 | undefined {
  let id = styleId;
  for (let guard = 0; id && guard < 10; guard++) {
    const s = styles.get(id);
    const m = /^(?:heading|标题)\s*([1-9])$/i.exec(s?.name ?? '') ?? /^(?:heading\s*)?([1-9])$/i.exec(id);
    if (m) return m[1] === '1' ? 1 : m[1] === '2' ? 2 : undefined;
    id = s?.basedOn;
  }
  return undefined;
}

function blocksFromDocumentXml(
  xml: string,
  numbering: Numbering,
  styles: Map<string, StyleNum>,
  fileName: string,
  part: string,
  choices: TableChoices,
): { blocks: SourceBlock[]; tables: TableColumns[] } {
  const state = new NumberingState(numbering);
  const blocks: SourceBlock[] = [];
  const described: TableColumns[] = [];
  let tableCount = 0;
  const paras: Para[] = [];
  const tables = new DocxTables();
  let inText = false;
  let inPPr = false;

  // What is left of paragraphs whose mark was deleted with track changes on: Word shows it at the start of the
  // next paragraph, numbered as that one is (the mark that remains carries the numbering). Numbered on its own, a
  // whole item deleted would still take a number and shift every label after it.
  let carried = '';
  // A text box or shape (w:txbxContent) floats beside the paragraph it is anchored in: a note, a stamp, a 发文机关
  // box. Its paragraphs are read after that paragraph, as asides that are never an item's words.
  let boxDepth = 0;
  let asides: string[] = [];
  const flushAsides = () => {
    for (const text of asides) blocks.push({ kind: 'para', text, aside: true });
    asides = [];
  };
  const finishPara = (p: Para) => {
    if (boxDepth > 0) {
      if (p.text.trim()) asides.push(p.text);
      return;
    }
    if (p.markDeleted && !tables.cell) {
      carried += p.text;
      return;
    }
    if (carried) {
      p.text = carried + p.text;
      carried = '';
    }
    let numId = p.numId;
    let ilvl = p.ilvl;
    if (numId === undefined) {
      const fromStyle = styleNumbering(styles, p.style);
      numId = fromStyle.numId;
      if (ilvl === undefined) ilvl = fromStyle.ilvl;
    }
    let text = p.text;
    if (numId && numId !== '0') {
      const label = state.label(numId, ilvl ?? 0);
      // An empty list line (Enter pressed once too often, or an item whose words were all deleted as a tracked
      // change) shows its number and nothing else: it takes its number, as on the page, but is no item nor a line
      // of the one before. In a table the number alone is a 序号 cell.
      if (label && !tables.cell && !text.replace(/\u2028/g, '').trim()) return;
      if (label) text = `${label} ${text}`;
    }
    const cell = tables.cell;
    if (cell) cell.push(text.replace(/\u2028/g, '\n'));
    else {
      const heading = headingLevel(styles, p.style);
      blocks.push(heading ? { kind: 'para', text, heading } : { kind: 'para', text });
      flushAsides();
    }
  };

  /** The last table read as a 分工表: its header rows, for a continuation without one. */
  let header: { rows: TableCell[][]; columns: number } | null = null;
  let sawBody = false;
  const handle = (close: boolean, name: string, attrs: Record<string, string>, selfClose: boolean) => {
    const p = paras[paras.length - 1];
    switch (name) {
      case 'w:body':
        sawBody = true;
        break;
      case 'w:p':
        if (!close) {
          paras.push({ text: '' });
          if (selfClose) finishPara(paras.pop()!);
        } else if (paras.length) finishPara(paras.pop()!);
        break;
      case 'w:pPr':
        inPPr = !close && !selfClose;
        break;
      case 'w:pStyle':
        if (p && inPPr) p.style = attrs['w:val'];
        break;
      case 'w:numId':
        if (p && inPPr) p.numId = attrs['w:val'];
        break;
      case 'w:ilvl':
        if (p && inPPr) p.ilvl = clampLevel(num(attrs['w:val'], 0));
        break;
      // Inside w:pPr only the paragraph mark's run properties hold a (self-closing) w:del; a w:del with content is
      // deleted text, skipped before it gets here.
      case 'w:del':
        if (p && inPPr) p.markDeleted = true;
        break;
      case 'w:t':
        inText = !close && !selfClose;
        break;
      case 'w:tab':
        if (p && !inPPr) p.text += ' ';
        break;
      // A line break inside a paragraph (Shift+Enter) is written as LINE SEPARATOR: the text reader knows the
      // lines on either side are one paragraph (a heading broken in two is still one heading).
      case 'w:br':
      case 'w:cr':
        if (p) p.text += '\u2028';
        break;
      case 'w:txbxContent':
        if (!selfClose) boxDepth += close ? -1 : 1;
        break;
      case 'w:noBreakHyphen':
        if (p) p.text += '-';
        break;
      default: {
        const rows = tables.tag(close, name, attrs, selfClose);
        if (rows) {
          const table = tableCount++;
          const where = `第${table + 1}个表格`;
          let read = readPointsGrid(gridFromDocxRows(rows, where), table, choiceFor(choices, table));
          // A 分工表 continued in a table of its own without the header (续表 on the next page, or split by hand):
          // with as many columns as the 分工表 before it, it is read under that table's header.
          if (!read.blocks && header && columnsOf(rows) === header.columns) {
            const under = readPointsGrid(
              gridFromDocxRows([...header.rows, ...rows], where),
              table,
              choiceFor(choices, table),
            );
            if (under.blocks) read = { ...under, headerRows: [0, 0] };
          }
          const [from, to] = read.headerRows;
          if (read.blocks && to > from)
            header = { rows: rows.filter(nonEmptyRow).slice(from, to), columns: columnsOf(rows) };
          else if (!read.blocks) header = null;
          if (read.columns) described.push(read.columns);
          blocks.push(...(read.blocks ?? textOfTable(rows)));
          flushAsides();
        }
      }
    }
  };
  readVisibleXml(xml, fileName, part, {
    tag: handle,
    text: (t) => {
      if (inText && paras.length) paras[paras.length - 1].text += t;
    },
  });
  if (carried) blocks.push({ kind: 'para', text: carried });
  flushAsides();
  if (!sawBody) throw importErrors.damaged(fileName, 'Word 正文结构不完整');
  return { blocks, tables: described };
}

/** gridFromDocxRows leaves out empty rows: a grid row is a non-empty table row. */
const nonEmptyRow = (row: TableCell[]) => row.some((c) => c.text.trim());
const columnsOf = (rows: TableCell[][]) => Math.max(0, ...rows.map((r) => r.length));

/** A table that is not a 分工表 is read cell by cell, row by row. */
function textOfTable(rows: TableCell[][]): SourceBlock[] {
  const out: SourceBlock[] = [];
  rows.forEach((row) => {
    const cells = row.filter((c) => c.text && !c.cont).map((c) => c.text);
    // "1 | 进一步… | 办公室": a bare number in the first cell numbers the row.
    const mark = cells.length > 1 && cells[0].length <= 5 ? levelOfBareLabel(cells[0]) : null;
    if (mark) out.push({ kind: 'para', text: `${printedLabel(mark.level, mark.label)} ${cells.slice(1).join(' ')}` });
    else for (const cell of cells) out.push({ kind: 'para', text: cell });
  });
  return out;
}
