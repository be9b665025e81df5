// Reads a user's .xlsx list into plain text grids and finds its header: the one sheet reader of the imports that take
// a list of rows (人员名单 ./staff-xlsx.ts, 信息发布/依申请公开登记 ./disclosure/, AB岗设置表 ./team/ab-xlsx.ts).
// Bytes in, sheets of rows out; no file system, no database, no AppContext: it runs inside the parser worker
// (./parsers.ts). The zip's central directory is checked and every part inflated within its declared size
// (./points/zip.ts); the sheets are then streamed through the shared bounded reader (./xlsx-read.ts: saxes, named
// row/cell/merge limits), which replaced exceljs because exceljs expanded a huge merged range cell by cell.
// (./grid/ is another thing: the layout detector of 工作要点/考核细则 tables, which also come from Word or a paste.)
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import { refuseUnlessZip } from './office-file';
import { openZip, verifyAllEntries, type ZipPackage } from './points/zip';
import { cellValue, readXlsxSheets } from './xlsx-read';
const MAX_COLUMNS = 60;
/** How many non-empty rows from the top of a sheet findHeader looks through (title rows, notes above the table). */
export const HEADER_SEARCH_ROWS = 30;

interface GridRow {
  row: number;
  cells: string[];
  /** Cells covered by a merged range that are not its top-left cell, by 0-based column: the master's [row, column]. */
  merged?: Record<number, [number, number]>;
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

/**
 * The workbook's visible sheets as text. Throws a Chinese AppError naming the file when it cannot be read; `what` names
 * the list the reader wants ("人员名单", "信息发布登记表"), for the file that is some other Office document.
 */
export function readXlsxGrid(buf: Buffer, fileName: string, what: string): GridSheet[] {
  // Empty, encrypted, old .xls, text, PDF … each said as what it is (office-file.ts). "Excel 工作簿" is the type
  // Excel and WPS offer in 另存为.
  refuseUnlessZip(fileName, buf, 'Excel 工作簿（.xlsx）');
  let zip: ZipPackage;
  try {
    zip = openZip(buf, fileName);
    verifyAllEntries(zip);
  } catch (e) {
    // The zip reader's refusals (damaged, encrypted, too big once unpacked) name the file and what is wrong.
    if (e instanceof AppError) throw e;
    throw new AppError(
      ErrorCode.FILE_DAMAGED,
      `文件“${fileName}”不是有效的 .xlsx 表格或已损坏。请用 Excel 或 WPS 打开，确认能正常显示后另存为 .xlsx 再导入。`,
    );
  }
  if (!zip.entries.has('xl/workbook.xml')) {
    const is = zip.entries.has('word/document.xml')
      ? '是 Word 文档，不是 Excel 工作簿（.xlsx）'
      : zip.entries.has('ppt/presentation.xml')
        ? '是 PowerPoint 演示文稿，不是 Excel 工作簿（.xlsx）'
        : '不是 Excel 工作簿（.xlsx）';
    throw new AppError(ErrorCode.FILE_TYPE_MISMATCH, `文件“${fileName}”${is}。请选择${what}的 .xlsx 文件。`);
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
      let merged: GridRow['merged'];
      // Merged cells read as their master's value (a 栏目 merged down a block of rows).
      for (let c = 1; c <= width; c++) {
        cells.push(cellValue(ws, r, c).trim());
        const m = ws.mergedInto.get(`${r},${c}`);
        if (m) (merged ??= {})[c - 1] = m;
      }
      if (cells.some(Boolean)) rows.push({ row: r, cells, ...(merged && { merged }) });
    }
    sheets.push({ name: ws.name, rows });
  }
  return sheets;
}

/**
 * Header text as compared: full-width letters and digits as plain ones (Ａ岗 → A岗), without spaces, asterisks, colons
 * and a trailing parenthetical note.
 */
export function normalizeHeader(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s*:]/g, '')
    .replace(/[(][^()]*[)]$/, '');
}

export interface HeaderSpec {
  exact: string[];
  contains?: string[];
  /** Words a header of this field never holds, whichever name it also has (办结期限 is no 办结日期). */
  never?: string[];
}

export interface FoundHeader<F extends string> {
  /** Index in sheet.rows of the header's last row: data starts below it. */
  index: number;
  columns: Partial<Record<F, number>>;
  /** Each column's name as the user reads it (the lower row's, under a group). */
  headers: string[];
}

const PHONE_HEADER = /(电话|手机|号码)$/;

/** 0-based columns of `row` that a merged range starting in the same row spans (a group such as 审核情况). */
function groupColumns(row: GridRow): Set<number> {
  const out = new Set<number>();
  for (const [c, [mr, mc]] of Object.entries(row.merged ?? {})) {
    if (mr !== row.row) continue;
    out.add(Number(c));
    out.add(mc - 1);
  }
  return out;
}

/**
 * When the row under a header row is its second line (拟稿人/审核人/签发人 under a merged 审核情况; 姓名/科室及职务 under
 * A岗), each column's names to try, lower line first and then group + lower line (A岗 + 姓名 = A岗姓名); else null.
 * The lower line is one only where every cell it fills itself sits under a group or an empty header cell, and at least
 * one does, or one of its cells is the header row's cell merged down: a data row fills cells under named columns.
 */
function twoLineHeader(top: GridRow, sub: GridRow | undefined): { names: string[][]; labels: string[] } | null {
  if (!sub || sub.row !== top.row + 1) return null;
  const groups = groupColumns(top);
  const own = sub.cells.map((v, c) => (v && !sub.merged?.[c] ? c : -1)).filter((c) => c >= 0);
  if (!own.length || !own.every((c) => groups.has(c) || !top.cells[c])) return null;
  const mergedDown = Object.values(sub.merged ?? {}).some(([mr]) => mr === top.row);
  if (!mergedDown && !own.some((c) => groups.has(c))) return null;
  const names = top.cells.map((t, c) => {
    const s = own.includes(c) ? sub.cells[c] : '';
    return s ? [s, `${t}${s}`] : [t];
  });
  return { names, labels: top.cells.map((t, c) => (own.includes(c) ? sub.cells[c] : t)) };
}

/**
 * Finds the header (within the first HEADER_SEARCH_ROWS non-empty rows) that has every required field, on one row or
 * on two (a merged group over the names below it); each field takes the best-matching column, an exact name before a
 * contained one, fields in the order of `spec`, never a header holding one of the field's `never` words. Returns column indexes (0-based) by field.
 */
export function findHeader<F extends string>(
  sheet: GridSheet,
  spec: Record<F, HeaderSpec>,
  required: F[],
): FoundHeader<F> | null {
  for (let i = 0; i < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); i++) {
    const two = twoLineHeader(sheet.rows[i], sheet.rows[i + 1]);
    for (const lines of two ? [two, null] : [null]) {
      const names = (lines?.names ?? sheet.rows[i].cells.map((t) => [t])).map((n) => n.map(normalizeHeader));
      const columns: Partial<Record<F, number>> = {};
      const taken = new Set<number>();
      for (const pass of ['exact', 'contains'] as const) {
        for (const f of Object.keys(spec) as F[]) {
          if (columns[f] !== undefined) continue;
          const idx = names.findIndex(
            (hs, c) =>
              !taken.has(c) &&
              hs.some(
                (h) =>
                  h &&
                  !(spec[f].never ?? []).some((x) => h.includes(x)) &&
                  (pass === 'exact'
                    ? spec[f].exact.includes(h)
                    : h.length <= 10 &&
                      (spec[f].contains ?? []).some((x) => h.includes(x)) &&
                      // 经办人电话 names a phone number, not the 经办人.
                      (!PHONE_HEADER.test(h) || (spec[f].contains ?? []).some((x) => PHONE_HEADER.test(x)))),
              ),
          );
          if (idx >= 0) {
            columns[f] = idx;
            taken.add(idx);
          }
        }
      }
      if (required.every((f) => columns[f] !== undefined))
        return { index: lines ? i + 1 : i, columns, headers: lines?.labels ?? sheet.rows[i].cells };
    }
  }
  return null;
}

/** What a line under a table starts with, before its colon (制表：张三 审核：李四). */
const FOOTER_WORDS =
  '填表人|填报人|制表人|制表|填表|填报|审核人|审核|复核人|复核|负责人|单位负责人|分管领导|联系人|' +
  '填表单位|填报单位|制表单位|报送单位|单位|填表日期|填报日期|制表日期|报送日期|注|备注|说明';
/** 单位（盖章）：, 负责人（签字）： */
const SEAL_WORDS = '(?:盖章|签章|签字|签名)';
const FOOTER_RE = new RegExp(`^(?:(?:${FOOTER_WORDS})(?:\\(${SEAL_WORDS}\\))?|\\(${SEAL_WORDS}\\))[:]`);

/**
 * A row that is not a record: a 合计/小计/总计 line (its first filled cell says so, "共12条" included) or a line under
 * the table (填表人：… 审核人：…, 制表：张三 审核：李四, 单位（盖章）：…, 制表日期：…, 注：…). Every register and list
 * skips them.
 */
export function isSummaryRow(cells: readonly string[]): boolean {
  const first = (cells.find((c) => c.trim()) ?? '').normalize('NFKC').replace(/\s/g, '');
  return (
    /^(合计|小计|总计|共计)([:\d(]|$)/.test(first) || /^共\d+(条|件|人|个|项)/.test(first) || FOOTER_RE.test(first)
  );
}

/** The numbering a heading row inside a table starts with: "一、", "（二）", "2、". */
export const HEADING_NUMBER = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、．](?!\d))/;

/**
 * The text of a heading row inside a table ("一、在职人员", a merged "通知公告"), or null: one text filling the row
 * through a merge across three or more cells, or standing alone in the row and reading like a heading (`alone`:
 * numbered as one, by default). A record's row has several things in it, or a lone value that is no heading.
 */
export function headingRowText(r: GridRow, alone: RegExp = HEADING_NUMBER): string | null {
  const filled = r.cells.filter(Boolean);
  if (!filled.length || filled.some((c) => c !== filled[0])) return null;
  const across = Object.values(r.merged ?? {}).some(([mr]) => mr === r.row);
  if (across && filled.length >= 3) return filled[0];
  const t = filled[0].replace(/\s/g, '');
  return filled.length === 1 && alone.test(t) ? t : null;
}

/** The year a sheet's title says ("2026年信息发布登记台账"), or its name ("2026年"); null when neither does. */
export function yearOfSheet(sheet: GridSheet, headerIndex: number): number | null {
  const texts = [...sheet.rows.slice(0, headerIndex).flatMap((r) => r.cells), sheet.name];
  for (const t of texts) {
    const m = /(?:^|[^\d])(20\d{2})\s*年/.exec(t.normalize('NFKC'));
    if (m) return Number(m[1]);
  }
  return null;
}

/** What to write instead of a date that cannot be read (said with every refused date). */
export const DATE_HINT = '请写成“2026-03-05”或“2026年3月5日”的样子';

/** 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, and 2026 03 05 (a date typed with spaces). */
const DATE_RE =
  /^(\d{4})(?:\s*[-/.年]\s*|\s+)(\d{1,2})(?:\s*[-/.月]\s*|\s+)(\d{1,2})\s*[日号]?\.?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$/;
/** 20260305, a date typed as digits into a text cell. */
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
/** 3月5日: the year is the sheet's. */
const MONTH_DAY_RE = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]$/;

/** A weekday written with a date: 星期五, （星期五）, 周一, 礼拜天. */
const WEEKDAY_RE = /\(?\s*(?:星期|周|礼拜)[一二三四五六日天]\s*\)?/g;
/**
 * A time of day after a date, as websites and offices write it: 14:23, 14:23:11.0, 下午 2:23:11, 2:23 PM, 14时23分,
 * 9点. The date before it is what is read.
 */
const TIME_TAIL_RE =
  /\s*(?:上午|下午|中午|晚上|凌晨|早上)?\s*\d{1,2}\s*[:时点]\s*(?:\d{1,2}\s*(?:分|:\s*\d{1,2}(?:\.\d+)?)?\s*(?:\d{1,2}(?:\.\d+)?\s*秒)?)?\s*(?:[AP]\.?M\.?)?$/i;

/**
 * A date as offices write it (2026-03-05, 2026/3/5, 2026.3.5, 2026—3—17, 2026年3月5日, with a time or a weekday;
 * 20260305; full-width digits) or an Excel serial; null if not one. 3月5日 is read in `year` (the sheet's title, else
 * the 工作年度) when given.
 */
export function parseDateText(s: string, year?: number | null): string | null {
  const t = s
    .normalize('NFKC')
    .trim()
    .replace(/T.*$/, '')
    .replace(WEEKDAY_RE, ' ')
    .replace(/[\u2010-\u2015\u2212\u30fc]/g, '-')
    .trim();
  // No date holds : 时 点, so what the time leaves before it is the date (or nothing readable).
  const time = TIME_TAIL_RE.exec(t);
  if (time && time.index > 0) return parseDateText(t.slice(0, time.index), year);
  if (/^\d{5}(\.\d+)?$/.test(t)) {
    const serial = Math.floor(Number(t));
    if (serial < 20000 || serial > 80000) return null;
    return iso(new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000));
  }
  const md = year ? MONTH_DAY_RE.exec(t) : null;
  const m = md ? [t, String(year), md[1], md[2]] : (DATE_RE.exec(t) ?? COMPACT_RE.exec(t));
  if (!m) return null;
  const y = Number(m[1]),
    mo = Number(m[2]),
    d = Number(m[3]);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d || y < 1990 || y > 2100)
    return null;
  return iso(dt);
}
