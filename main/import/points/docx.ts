// .docx → paragraphs and tables, with Word's automatic numbering (w:numPr + numbering.xml) rendered into the
// text exactly as a reader sees it on the page ("一、", "（二）", "3.", "①"). mammoth drops these labels, so the
// XML is read here directly with a small tag scanner (only a dozen elements matter).

import { formatChineseNumeral, formatCircled, levelOfBareLabel, printedLabel } from '../../../shared/domain/point-numbering';
import { importErrors } from './errors';
import type { SourceBlock } from './parse-text';
import { readTaskTable } from './task-table';
import { openZip, readZipText, type ZipPackage } from './zip';

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
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? '';
  });
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`${name}="([^"]*)"`).exec(attrs);
  return m ? decodeXml(m[1]) : undefined;
}

const TAG = /<(\/?)([A-Za-z][\w.-]*:[\w.-]+|[A-Za-z][\w.-]*)([^>]*?)(\/?)>|([^<]+)/g;

function parseLevel(xml: string): LevelDef {
  const get = (tag: string) => {
    const m = new RegExp(`<w:${tag}\\b([^>]*)/?>`).exec(xml);
    return m ? attr(m[1], 'w:val') : undefined;
  };
  const restart = get('lvlRestart');
  return {
    start: Number(get('start') ?? 1),
    numFmt: get('numFmt') ?? 'decimal',
    lvlText: get('lvlText') ?? '',
    isLgl: /<w:isLgl\b(?![^>]*w:val="(?:0|false)")/.test(xml),
    restart: restart === undefined ? undefined : Number(restart),
  };
}

function parseNumbering(xml: string | null): Numbering {
  const abstract = new Map<string, LevelDef[]>();
  const nums: Numbering['nums'] = new Map();
  if (!xml) return { abstract, nums };
  for (const a of xml.matchAll(/<w:abstractNum\b([^>]*?)(?<!\/)>([\s\S]*?)<\/w:abstractNum>/g)) {
    const id = attr(a[1], 'w:abstractNumId');
    if (id === undefined) continue;
    const levels: LevelDef[] = [];
    for (const l of a[2].matchAll(/<w:lvl\b([^>]*?)(?<!\/)>([\s\S]*?)<\/w:lvl>/g)) {
      levels[Number(attr(l[1], 'w:ilvl') ?? 0)] = parseLevel(l[2]);
    }
    abstract.set(id, levels);
  }
  for (const n of xml.matchAll(/<w:num\b([^>]*?)(?<!\/)>([\s\S]*?)<\/w:num>/g)) {
    const numId = attr(n[1], 'w:numId');
    const abs = /<w:abstractNumId\b([^>]*)\/?>/.exec(n[2]);
    if (numId === undefined || !abs) continue;
    const startOverride = new Map<number, number>();
    const levelOverride = new Map<number, LevelDef>();
    for (const o of n[2].matchAll(/<w:lvlOverride\b([^>]*?)(?:\/>|>([\s\S]*?)<\/w:lvlOverride>)/g)) {
      const ilvl = Number(attr(o[1], 'w:ilvl') ?? 0);
      // LibreOffice writes empty <w:lvlOverride w:ilvl="0"/> for the levels it leaves alone.
      const inner = o[2] ?? '';
      const so = /<w:startOverride\b([^>]*)\/?>/.exec(inner);
      if (so) startOverride.set(ilvl, Number(attr(so[1], 'w:val') ?? 1));
      const lvl = /<w:lvl\b[^>]*>([\s\S]*?)<\/w:lvl>/.exec(inner);
      if (lvl) levelOverride.set(ilvl, parseLevel(lvl[1]));
    }
    nums.set(numId, { abstractId: attr(abs[1], 'w:val') ?? '', startOverride, levelOverride });
  }
  return { abstract, nums };
}

function parseStyles(xml: string | null): Map<string, StyleNum> {
  const out = new Map<string, StyleNum>();
  if (!xml) return out;
  for (const s of xml.matchAll(/<w:style\b([^>]*?)(?<!\/)>([\s\S]*?)<\/w:style>/g)) {
    const id = attr(s[1], 'w:styleId');
    if (!id) continue;
    const numId = /<w:numId\b([^>]*)\/?>/.exec(s[2]);
    const ilvl = /<w:ilvl\b([^>]*)\/?>/.exec(s[2]);
    const basedOn = /<w:basedOn\b([^>]*)\/?>/.exec(s[2]);
    out.set(id, {
      numId: numId ? attr(numId[1], 'w:val') : undefined,
      ilvl: ilvl ? Number(attr(ilvl[1], 'w:val') ?? 0) : undefined,
      basedOn: basedOn ? attr(basedOn[1], 'w:val') : undefined,
    });
  }
  return out;
}

const ROMAN: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';

/** One counter value written in a level's number format. */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return formatChineseNumeral(n);
    case 'chineseLegalSimplified':
      return formatChineseNumeral(n).replace(/[一二三四五六七八九十百]/g, (c) => '壹贰叁肆伍陆柒捌玖拾佰'['一二三四五六七八九十百'.indexOf(c)]);
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
      for (const [k, s] of ROMAN) while (v >= k) { r += s; v -= k; }
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
      return formatNumber(v, def.isLgl && l !== ilvl ? 'decimal' : d?.numFmt ?? 'decimal');
    });
    return text.trim() || null;
  }
}

interface Para {
  text: string;
  numId?: string;
  ilvl?: number;
  style?: string;
}

interface TableCtx {
  rows: string[][];
  /** Cells that only continue a merged cell (vertical or horizontal): read once when flattening. */
  cont: boolean[][];
  row: string[] | null;
  cell: string[] | null;
  span: number;
  vMergeContinue: boolean;
  rowCont: boolean[];
}

/** Reads a .docx into blocks: paragraphs in order; tables as 分工表 items when they have its header, else cells. */
export async function readDocxBlocks(buf: Buffer, fileName: string): Promise<SourceBlock[]> {
  const zip = openZip(buf, fileName);
  const mainPart = findMainPart(zip);
  const xml = mainPart ? readZipText(zip, mainPart) : null;
  if (!xml) {
    if (zip.entries.has('xl/workbook.xml')) {
      throw importErrors.mismatch(fileName, '.docx', 'Excel 表格（.xlsx）', '请把扩展名改为 .xlsx 后再导入。');
    }
    throw importErrors.damaged(fileName, '缺少 Word 正文部件 word/document.xml');
  }
  if (!/<w:body\b/.test(xml)) throw importErrors.damaged(fileName, 'Word 正文结构不完整');
  const numbering = parseNumbering(readZipText(zip, 'word/numbering.xml'));
  const styles = parseStyles(readZipText(zip, 'word/styles.xml'));
  return blocksFromDocumentXml(xml, numbering, styles);
}

function findMainPart(zip: ZipPackage): string | null {
  const rels = readZipText(zip, '_rels/.rels');
  if (rels) {
    const m = /Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"|Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(rels);
    const target = m?.[1] ?? m?.[2];
    if (target && zip.entries.has(target)) return target;
  }
  return zip.entries.has('word/document.xml') ? 'word/document.xml' : null;
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

function blocksFromDocumentXml(xml: string, numbering: Numbering, styles: Map<string, StyleNum>): SourceBlock[] {
  const state = new NumberingState(numbering);
  const blocks: SourceBlock[] = [];
  const paras: Para[] = [];
  const tables: TableCtx[] = [];
  let inText = false;
  let skipDepth = 0;
  let skipTag = '';
  let inPPr = false;

  const finishPara = (p: Para) => {
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
      if (label) text = `${label} ${text}`;
    }
    const table = tables[tables.length - 1];
    if (table?.cell) table.cell.push(text);
    else blocks.push({ kind: 'para', text });
  };

  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const [, close, name, attrs, selfClose, textNode] = m;
    if (textNode !== undefined) {
      if (inText && skipDepth === 0 && paras.length) paras[paras.length - 1].text += decodeXml(textNode);
      continue;
    }
    if (skipDepth > 0) {
      if (name === skipTag) {
        if (close) skipDepth--;
        else if (!selfClose) skipDepth++;
      }
      continue;
    }
    const p = paras[paras.length - 1];
    switch (name) {
      // Deleted revisions, field codes and the fallback copy of drawings/text boxes are not what the reader sees.
      case 'w:del':
      case 'w:instrText':
      case 'mc:Fallback':
      case 'w:delText':
        if (!close && !selfClose) {
          skipDepth = 1;
          skipTag = name;
        }
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
        if (p && inPPr) p.style = attr(attrs, 'w:val');
        break;
      case 'w:numId':
        if (p && inPPr) p.numId = attr(attrs, 'w:val');
        break;
      case 'w:ilvl':
        if (p && inPPr) p.ilvl = Number(attr(attrs, 'w:val') ?? 0);
        break;
      case 'w:t':
        inText = !close && !selfClose;
        break;
      case 'w:tab':
        if (p && !inPPr) p.text += ' ';
        break;
      case 'w:br':
      case 'w:cr':
        if (p) p.text += '\n';
        break;
      case 'w:noBreakHyphen':
        if (p) p.text += '-';
        break;
      case 'w:tbl':
        if (!close) tables.push({ rows: [], cont: [], row: null, cell: null, span: 1, vMergeContinue: false, rowCont: [] });
        else {
          const t = tables.pop();
          if (!t) break;
          const outer = tables[tables.length - 1];
          // A table inside a table cell is read as that cell's text.
          if (outer?.cell) outer.cell.push(t.rows.map((r) => r.join(' ')).join('\n'));
          else blocks.push(...tableBlocks(t.rows, t.cont));
        }
        break;
      case 'w:tr': {
        const t = tables[tables.length - 1];
        if (!t) break;
        if (!close) {
          t.row = [];
          t.rowCont = [];
        } else if (t.row) {
          t.rows.push(t.row);
          t.cont.push(t.rowCont);
          t.row = null;
        }
        break;
      }
      case 'w:tc': {
        const t = tables[tables.length - 1];
        if (!t || !t.row) break;
        if (!close) {
          t.cell = [];
          t.span = 1;
          t.vMergeContinue = false;
        } else if (t.cell) {
          let text = t.cell.join('\n').trim();
          const col = t.row.length;
          // Vertically merged cells repeat the value above, horizontally merged ones fill their columns, the way
          // a spreadsheet's merged cells read; the table reader then treats both the same.
          if (t.vMergeContinue) text = t.rows[t.rows.length - 1]?.[col] ?? '';
          for (let k = 0; k < t.span; k++) {
            t.row.push(text);
            t.rowCont.push(t.vMergeContinue || k > 0);
          }
          t.cell = null;
        }
        break;
      }
      case 'w:gridSpan': {
        const t = tables[tables.length - 1];
        if (t?.cell && t.cell.length === 0) t.span = Math.max(1, Number(attr(attrs, 'w:val') ?? 1));
        break;
      }
      case 'w:vMerge': {
        const t = tables[tables.length - 1];
        const v = attr(attrs, 'w:val');
        if (t?.cell && t.cell.length === 0) t.vMergeContinue = v === undefined || v === 'continue';
        break;
      }
      default:
        break;
    }
  }
  return blocks;
}

/** A table with a 分工表 header becomes items; any other table is read cell by cell, row by row. */
function tableBlocks(rows: string[][], cont: boolean[][]): SourceBlock[] {
  const asTask = readTaskTable(rows);
  if (asTask) return asTask;
  const out: SourceBlock[] = [];
  rows.forEach((row, r) => {
    const cells = row.filter((cell, c) => cell && !cont[r]?.[c]);
    // "1 | 进一步… | 办公室": a bare number in the first cell numbers the row.
    const mark = cells.length > 1 && cells[0].length <= 5 ? levelOfBareLabel(cells[0]) : null;
    if (mark) out.push({ kind: 'para', text: `${printedLabel(mark.level, mark.label)} ${cells.slice(1).join(' ')}` });
    else for (const cell of cells) out.push({ kind: 'para', text: cell });
  });
  return out;
}
