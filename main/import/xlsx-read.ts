// Reads the cell values of an .xlsx workbook: bytes in, sheets of text out. Shared by every import that takes a
// spreadsheet: the lists of rows through ./sheet.ts (人员名单, 信息发布/依申请公开登记, AB岗设置表) and the 分工表 and
// 考核细则 through ./points/xlsx.ts and ./selfcheck/xlsx.ts.
//
// exceljs used to read these files. It builds an object per cell and expands merged ranges cell by cell, so
// `<mergeCell ref="A1:XFD1048576"/>` (17 billion cells) or `<row r="2147483648">` ran it out of memory (4.2 GB from
// a 13 KB file). This reader streams each part through saxes (./xml.ts), keeps only cells that hold a value, and
// bounds row and column numbers, the number of cells and the merged area to the named limits below, each refusal a
// Chinese message naming the file and the sheet. The zip is opened with the same inflate limits as every reader
// (points/zip.ts).

import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import { openZip, readZipText, type ZipPackage } from './points/zip';
import { readXml } from './xml';

/** Excel's own largest row and column numbers: anything beyond is not a spreadsheet Excel or WPS wrote. */
const EXCEL_MAX_ROW = 1_048_576;
const EXCEL_MAX_COL = 16_384;
/** Rows with content read from one sheet; lists and 分工表 have hundreds to a few thousand. */
const MAX_SHEET_ROWS = 20_000;
/** Cells with a value in one workbook. */
const MAX_WORKBOOK_CELLS = 500_000;
/** Merged ranges in one sheet, and the cells they cover once cut to the area that holds values. */
const MAX_MERGES = 10_000;
const MAX_MERGED_CELLS = 200_000;
/** Shared strings in one workbook. */
const MAX_SHARED_STRINGS = 500_000;

interface MergeRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface SheetData {
  name: string;
  hidden: boolean;
  /** Largest row and column number holding a value (0 when the sheet is empty). */
  maxRow: number;
  maxCol: number;
  /** Cells with a value: row → column → text (1-based, as the user sees them). */
  cells: Map<number, Map<number, string>>;
  /** Merged ranges, cut to the area that holds values. */
  merges: MergeRange[];
  /** Covered cell "r,c" → its range's top-left ("master") cell, for cells that are not the master. */
  mergedInto: Map<string, [number, number]>;
  /** Rows and columns set hidden (or filtered out), among those up to the sheet's last value; 1-based. */
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  /** The sheet has a filter (<autoFilter>): rows hidden by it are filtered out rather than hidden by hand. */
  filtered: boolean;
  /** Cells showing a formula's error (#REF!, #N/A …), read as empty: where, and the error (the first MAX_ERROR_CELLS). */
  errorCells: { r: number; c: number; error: string }[];
}

/** Error cells remembered per sheet, to name them; a sheet of thousands is said by its first ones. */
const MAX_ERROR_CELLS = 50;

/** The text a cell shows; merged cells read as their master's value. */
export function cellValue(sheet: SheetData, r: number, c: number): string {
  const m = sheet.mergedInto.get(`${r},${c}`);
  const [rr, cc] = m ?? [r, c];
  return sheet.cells.get(rr)?.get(cc) ?? '';
}

const tooBig = (fileName: string, what: string) =>
  new AppError(
    ErrorCode.FILE_TOO_LARGE,
    `文件“${fileName}”${what}，超过了一次导入能读取的范围。请只保留需要导入的工作表和行（删除多余的空行、空列和合并单元格）后另存为 .xlsx，再导入。`,
  );
const damaged = (fileName: string, what: string) =>
  new AppError(
    ErrorCode.FILE_DAMAGED,
    `文件“${fileName}”已损坏或不是 Excel/WPS 保存的表格（${what}），无法读取。请用 Excel 或 WPS 打开检查，另存为 .xlsx 后再导入。`,
  );

/** "BC12" → [12, 55]; null when it is not a cell reference. */
function parseCellRef(ref: string): [number, number] | null {
  const m = /^\$?([A-Za-z]{1,7})\$?(\d{1,12})$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

// Built-in number formats that show a date (ECMA-376 18.8.30, with the zh-CN ones).
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** A custom format code shows a date when it has y/m/d outside quotes, brackets and escapes. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[ymd]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** An Excel date serial (days from 1899-12-30, or 1904-01-01) as an ISO date. */
export function serialToIso(serial: number, date1904 = false): string {
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const d = new Date(base + Math.round(serial * 86_400_000));
  return Number.isNaN(d.getTime()) ? String(serial) : d.toISOString().slice(0, 10);
}

interface Workbook {
  sheets: { name: string; hidden: boolean; part: string }[];
  date1904: boolean;
}

function readWorkbook(zip: ZipPackage, fileName: string): Workbook {
  const xml = readZipText(zip, 'xl/workbook.xml');
  if (xml === null) throw damaged(fileName, '缺少工作簿部件 xl/workbook.xml');
  const rels = new Map<string, string>();
  const relsXml = readZipText(zip, 'xl/_rels/workbook.xml.rels');
  if (relsXml) {
    readXml(relsXml, fileName, 'xl/_rels/workbook.xml.rels', {
      open(name, a) {
        if (name === 'Relationship' && a.Id && a.Target) rels.set(a.Id, resolveTarget('xl/workbook.xml', a.Target));
      },
    });
  }
  const wb: Workbook = { sheets: [], date1904: false };
  readXml(xml, fileName, 'xl/workbook.xml', {
    open(name, a) {
      if (name === 'workbookPr') wb.date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet') return;
      const part = rels.get(a['r:id'] ?? '') ?? `xl/worksheets/sheet${wb.sheets.length + 1}.xml`;
      wb.sheets.push({
        name: a.name ?? `Sheet${wb.sheets.length + 1}`,
        hidden: a.state === 'hidden' || a.state === 'veryHidden',
        part,
      });
    },
  });
  return wb;
}

function readSharedStrings(zip: ZipPackage, fileName: string): string[] {
  const xml = readZipText(zip, 'xl/sharedStrings.xml');
  const out: string[] = [];
  if (!xml) return out;
  let cur: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  readXml(xml, fileName, 'xl/sharedStrings.xml', {
    open(name, _a, self) {
      if (name === 'si') {
        cur = [];
        if (out.length >= MAX_SHARED_STRINGS) throw tooBig(fileName, `包含超过 ${MAX_SHARED_STRINGS} 个不同的文字`);
      } else if (name === 'rPh' && !self) phonetic++;
      else if (name === 't' && !self) inT = true;
    },
    close(name, self) {
      if (name === 'si' && cur) {
        out.push(cur.join(''));
        cur = null;
      } else if (name === 'rPh' && !self) phonetic--;
      else if (name === 't') inT = false;
    },
    // Phonetic guides (rPh) are not what the cell shows.
    text(t) {
      if (cur && inT && phonetic === 0) cur.push(t);
    },
  });
  return out;
}

function readDateStyles(zip: ZipPackage, fileName: string): boolean[] {
  const xml = readZipText(zip, 'xl/styles.xml');
  if (!xml) return [];
  const custom = new Map<number, string>();
  const xfs: boolean[] = [];
  let inCellXfs = false;
  readXml(xml, fileName, 'xl/styles.xml', {
    open(name, a) {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs && xfs.length < 65_536) {
        const id = Number(a.numFmtId ?? 0);
        xfs.push(BUILTIN_DATE_FORMATS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!)));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return xfs;
}

interface Budget {
  cells: number;
}

function readSheet(
  zip: ZipPackage,
  fileName: string,
  meta: Workbook['sheets'][number],
  shared: string[],
  dateStyles: boolean[],
  date1904: boolean,
  budget: Budget,
): SheetData {
  const sheet: SheetData = {
    name: meta.name,
    hidden: meta.hidden,
    maxRow: 0,
    maxCol: 0,
    cells: new Map(),
    merges: [],
    mergedInto: new Map(),
    hiddenRows: new Set(),
    hiddenCols: new Set(),
    filtered: false,
    errorCells: [],
  };
  const xml = readZipText(zip, meta.part);
  if (xml === null) return sheet;
  const where = `工作表“${meta.name}”`;
  let rowNum = 0;
  let nextCol = 1;
  let cell: {
    r: number;
    c: number;
    t: string;
    s: number;
    v: string[];
    inV: boolean;
    inIs: boolean;
    phonetic: number;
  } | null = null;
  const rawMerges: MergeRange[] = [];
  /** <col min max hidden="1">: ranges of hidden columns, cut to the used area afterwards. */
  const hiddenColRanges: [number, number][] = [];
  const isSet = (v: string | undefined) => v === '1' || v === 'true';

  const store = (r: number, c: number, text: string) => {
    if (text === '') return;
    if (r > MAX_SHEET_ROWS) throw tooBig(fileName, `${where}第 ${r} 行仍有内容（最多读取 ${MAX_SHEET_ROWS} 行）`);
    if (++budget.cells > MAX_WORKBOOK_CELLS) throw tooBig(fileName, `有超过 ${MAX_WORKBOOK_CELLS} 个填了内容的单元格`);
    let row = sheet.cells.get(r);
    if (!row) sheet.cells.set(r, (row = new Map()));
    row.set(c, text);
    if (r > sheet.maxRow) sheet.maxRow = r;
    if (c > sheet.maxCol) sheet.maxCol = c;
  };

  const cellText = (t: string, s: number, raw: string): string => {
    switch (t) {
      case 's': {
        const i = Number(raw);
        return Number.isInteger(i) && i >= 0 && i < shared.length ? shared[i] : '';
      }
      case 'str':
      case 'inlineStr':
        return raw;
      case 'b':
        return raw === '1' || raw === 'true' ? '是' : raw === '' ? '' : '否';
      case 'e':
        return '';
      case 'd':
        return raw.slice(0, 10);
      default: {
        const v = raw.trim();
        if (v === '') return '';
        const n = Number(v);
        if (!Number.isFinite(n)) return v;
        return dateStyles[s] ? serialToIso(n, date1904) : String(n);
      }
    }
  };

  readXml(xml, fileName, meta.part, {
    open(name, a, self) {
      switch (name) {
        case 'row': {
          const r = a.r === undefined ? rowNum + 1 : Number(a.r);
          if (!Number.isInteger(r) || r < 1 || r > EXCEL_MAX_ROW)
            throw damaged(
              fileName,
              `${where}的行号 ${String(a.r).slice(0, 20)} 超出 Excel 的范围（1–${EXCEL_MAX_ROW}）`,
            );
          rowNum = r;
          nextCol = 1;
          // Rows beyond MAX_SHEET_ROWS cannot hold a value the reader keeps: none is remembered.
          if (isSet(a.hidden) && r <= MAX_SHEET_ROWS) sheet.hiddenRows.add(r);
          break;
        }
        case 'col': {
          const min = Number(a.min);
          const max = Number(a.max ?? a.min);
          // A sheet has at most one <col> per column; more is no sheet Excel wrote, and is not kept.
          const ok = Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min;
          if (isSet(a.hidden) && ok && hiddenColRanges.length < EXCEL_MAX_COL)
            hiddenColRanges.push([min, Math.min(max, EXCEL_MAX_COL)]);
          break;
        }
        case 'c': {
          let r = rowNum;
          let c = nextCol;
          if (a.r !== undefined) {
            const ref = parseCellRef(a.r);
            if (!ref) throw damaged(fileName, `${where}有无法识别的单元格位置“${a.r.slice(0, 20)}”`);
            [r, c] = ref;
          }
          if (r < 1 || r > EXCEL_MAX_ROW || c < 1 || c > EXCEL_MAX_COL) {
            throw damaged(
              fileName,
              `${where}的单元格 ${String(a.r).slice(0, 20)} 超出 Excel 的范围（最多 ${EXCEL_MAX_ROW} 行、${EXCEL_MAX_COL} 列）`,
            );
          }
          nextCol = c + 1;
          cell = self
            ? null
            : { r, c, t: a.t ?? 'n', s: Number(a.s ?? 0), v: [], inV: false, inIs: false, phonetic: 0 };
          break;
        }
        case 'v':
          if (cell) cell.inV = !self;
          break;
        case 'is':
          if (cell) cell.inIs = !self;
          break;
        case 'rPh':
          if (cell && !self) cell.phonetic++;
          break;
        case 't':
          if (cell && cell.inIs && !self) cell.inV = true;
          break;
        case 'autoFilter':
          sheet.filtered = true;
          break;
        case 'mergeCell': {
          const [from, to] = (a.ref ?? '').split(':');
          const p1 = parseCellRef(from ?? '');
          const p2 = parseCellRef(to ?? from ?? '');
          if (!p1 || !p2) break;
          if (rawMerges.length >= MAX_MERGES) throw tooBig(fileName, `${where}有超过 ${MAX_MERGES} 个合并单元格`);
          rawMerges.push({
            r1: Math.min(p1[0], p2[0]),
            c1: Math.min(p1[1], p2[1]),
            r2: Math.max(p1[0], p2[0]),
            c2: Math.max(p1[1], p2[1]),
          });
          break;
        }
        default:
          break;
      }
    },
    close(name) {
      if (!cell) return;
      if (name === 'v' || name === 't') cell.inV = false;
      else if (name === 'is') cell.inIs = false;
      else if (name === 'rPh') cell.phonetic--;
      else if (name === 'c') {
        const raw = cell.v.join('');
        if (cell.t === 'e' && raw.trim() && sheet.errorCells.length < MAX_ERROR_CELLS && cell.r <= MAX_SHEET_ROWS)
          sheet.errorCells.push({ r: cell.r, c: cell.c, error: raw.trim().slice(0, 20) });
        store(cell.r, cell.c, cellText(cell.t, cell.s, raw));
        cell = null;
      }
    },
    text(t) {
      if (cell && cell.inV && cell.phonetic === 0) cell.v.push(t);
    },
  });

  for (const r of sheet.hiddenRows) if (r > sheet.maxRow) sheet.hiddenRows.delete(r);
  // Hidden column ranges by counting where they start and end: linear in the ranges and columns, however they overlap.
  if (hiddenColRanges.length && sheet.maxCol) {
    const depth = new Int32Array(sheet.maxCol + 2);
    for (const [min, max] of hiddenColRanges) {
      if (min > sheet.maxCol) continue;
      depth[min]++;
      depth[Math.min(max, sheet.maxCol) + 1]--;
    }
    for (let c = 1, open = 0; c <= sheet.maxCol; c++) if ((open += depth[c]) > 0) sheet.hiddenCols.add(c);
  }

  // A merged range only matters where it covers values: cut it to the used area before anything is expanded, so
  // A1:XFD1048576 costs as much as the sheet's real content.
  let covered = 0;
  for (const m of rawMerges) {
    if (m.r1 > sheet.maxRow || m.c1 > sheet.maxCol) continue;
    const cut = { r1: m.r1, c1: m.c1, r2: Math.min(m.r2, sheet.maxRow), c2: Math.min(m.c2, sheet.maxCol) };
    covered += (cut.r2 - cut.r1 + 1) * (cut.c2 - cut.c1 + 1);
    if (covered > MAX_MERGED_CELLS)
      throw tooBig(fileName, `${where}的合并单元格覆盖了超过 ${MAX_MERGED_CELLS} 个单元格`);
    sheet.merges.push(cut);
    for (let r = cut.r1; r <= cut.r2; r++) {
      for (let c = cut.c1; c <= cut.c2; c++)
        if (r !== cut.r1 || c !== cut.c1) sheet.mergedInto.set(`${r},${c}`, [cut.r1, cut.c1]);
    }
  }
  return sheet;
}

/** Checks the package (zip limits, encryption, that it is a workbook) and reads every sheet's values, in order. */
export function readXlsxSheets(buf: Buffer, fileName: string, zipOpened?: ZipPackage): SheetData[] {
  const zip = zipOpened ?? openZip(buf, fileName);
  const wb = readWorkbook(zip, fileName);
  const shared = readSharedStrings(zip, fileName);
  const dateStyles = readDateStyles(zip, fileName);
  const budget: Budget = { cells: 0 };
  return wb.sheets.map((s) => readSheet(zip, fileName, s, shared, dateStyles, wb.date1904, budget));
}
