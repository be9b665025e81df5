// .xlsx 细则 → tables. Read straight from the package's XML (no spreadsheet library: parse-indicators stays light
// and the reader can run in a worker): shared strings, inline strings, numbers, and merged ranges, whose covered
// cells read as the merge's own text and are flagged as continuations. Pure: bytes in, tables out.
import { importErrors } from '../points/errors';
import { MAX_SHEET_ROWS } from '../xlsx-read';
import { openZip, readZipText, type ZipPackage } from '../points/zip';
import { attr, cellRef, decodeXml, type SourceTable, type TableCell } from './cells';

const MAX_COLS = 40;

function sharedStrings(zip: ZipPackage): string[] {
  const xml = readZipText(zip, 'xl/sharedStrings.xml');
  if (!xml) return [];
  const out: string[] = [];
  for (const si of xml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>/g)) {
    // Phonetic runs (rPh) are reading aids, not text.
    const body = si[1].replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
    out.push([...body.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => decodeXml(m[1])).join(''));
  }
  return out;
}

interface SheetRef { name: string; path: string; hidden: boolean }

function sheetList(zip: ZipPackage): SheetRef[] {
  const wb = readZipText(zip, 'xl/workbook.xml') ?? '';
  const rels = readZipText(zip, 'xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const r of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(r[1], 'Id');
    const target = attr(r[1], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const out: SheetRef[] = [];
  for (const s of wb.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const id = attr(s[1], 'r:id');
    const path = id ? targets.get(id) : undefined;
    if (!path) continue;
    const state = attr(s[1], 'state');
    out.push({ name: attr(s[1], 'name') ?? '', path, hidden: state === 'hidden' || state === 'veryHidden' });
  }
  return out;
}

function readSheet(xml: string, strings: string[]): { grid: Map<number, Map<number, string>>; merges: { r1: number; c1: number; r2: number; c2: number }[] } {
  const grid = new Map<number, Map<number, string>>();
  const data = /<sheetData\b[^>]*>([\s\S]*?)<\/sheetData>/.exec(xml)?.[1] ?? '';
  let rowCount = 0;
  for (const row of data.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    if (++rowCount > MAX_SHEET_ROWS) break;
    const r = Number(attr(row[1], 'r') ?? rowCount);
    let col = 0;
    for (const c of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = attr(c[1], 'r');
      col = ref ? cellRef(ref)?.col ?? col + 1 : col + 1;
      if (col > MAX_COLS) continue;
      const t = attr(c[1], 't');
      const inner = c[2] ?? '';
      let text = '';
      if (t === 'inlineStr') text = [...inner.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => decodeXml(m[1])).join('');
      else {
        const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
        if (v === undefined) continue;
        if (t === 's') text = strings[Number(v)] ?? '';
        else if (t === 'b') text = v === '1' ? '是' : '否';
        else if (t === 'e') text = '';
        else text = decodeXml(v);
      }
      if (!grid.has(r)) grid.set(r, new Map());
      grid.get(r)!.set(col, text.trim());
    }
  }
  const merges: { r1: number; c1: number; r2: number; c2: number }[] = [];
  for (const m of xml.matchAll(/<mergeCell\b([^>]*)\/?>/g)) {
    const [a, b] = (attr(m[1], 'ref') ?? '').split(':');
    const p = a ? cellRef(a) : null;
    const q = b ? cellRef(b) : p;
    if (p && q) merges.push({ r1: p.row, c1: p.col, r2: Math.min(q.row, p.row + MAX_SHEET_ROWS), c2: Math.min(q.col, MAX_COLS) });
  }
  return { grid, merges };
}

/** Every visible sheet as a table (rows with any text; merged cells filled and flagged). */
export function readXlsxTables(buf: Buffer, fileName: string): SourceTable[] {
  const zip = openZip(buf, fileName);
  if (!zip.entries.has('xl/workbook.xml')) {
    if (zip.entries.has('word/document.xml')) throw importErrors.mismatch(fileName, '.xlsx', 'Word 文档（.docx）', '请把扩展名改为 .docx 后再导入。');
    throw importErrors.damaged(fileName, '缺少工作簿部件 xl/workbook.xml');
  }
  const strings = sharedStrings(zip);
  const tables: SourceTable[] = [];
  for (const sheet of sheetList(zip)) {
    if (sheet.hidden) continue;
    const xml = readZipText(zip, sheet.path);
    if (!xml) continue;
    const { grid, merges } = readSheet(xml, strings);
    const cont = new Set<string>();
    for (const m of merges) {
      const text = grid.get(m.r1)?.get(m.c1) ?? '';
      for (let r = m.r1; r <= m.r2; r++) {
        for (let c = m.c1; c <= m.c2; c++) {
          if (r === m.r1 && c === m.c1) continue;
          if (!grid.has(r)) grid.set(r, new Map());
          grid.get(r)!.set(c, text);
          cont.add(`${r}:${c}`);
        }
      }
    }
    const rowNums = [...grid.keys()].sort((a, b) => a - b);
    const width = Math.max(0, ...[...grid.values()].flatMap((m) => [...m.keys()]));
    const rows: TableCell[][] = [];
    const rowNumbers: number[] = [];
    for (const r of rowNums) {
      const cells: TableCell[] = [];
      for (let c = 1; c <= width; c++) cells.push({ text: grid.get(r)?.get(c) ?? '', cont: cont.has(`${r}:${c}`) });
      if (cells.some((c) => c.text)) {
        rows.push(cells);
        rowNumbers.push(r);
      }
    }
    tables.push({ where: `工作表“${sheet.name}”`, before: [], rows, rowNumbers });
  }
  return tables;
}
