// Reads a staff list (人员名单) from an .xlsx workbook: bytes in, rows out. No file system, no database; the
// service (services/org/staff-import.ts) validates the rows against the records.
//
// Offices' lists come in every shape: a title row above the header, "所在科室" instead of "科室", 手机 instead of
// 电话, a 序号 column, blank rows, departments merged down a column. So columns are found by their header text,
// the header row is searched for, and merged cells give every row of the range the master's value.
//
// The workbook is read by the shared streaming reader (xlsx-read.ts), inside the parser worker, with the same zip
// inflate limits as every other import (points/zip.ts): exceljs, which used to read it, inflated a zip that
// under-declared its sizes and expanded huge merged ranges cell by cell.
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import { refuseUnlessZip } from './office-file';
import { openZip } from './points/zip';
import { isSummaryRow } from './sheet';
import { cellValue, isMergeContinuation, readXlsxSheets, type SheetData } from './xlsx-read';

export interface StaffSheetRow {
  /** The spreadsheet's own row number (1-based), as the user sees it in Excel/WPS. */
  row: number;
  name: string;
  department: string;
  title: string;
  phone: string;
  /** 状态 (离岗 when it says so: 离岗, 离职, 调离, 退休); 在岗 otherwise or when there is no such column. */
  status: '在岗' | '离岗';
  note: string;
}

type StaffField = 'name' | 'department' | 'title' | 'phone' | 'status' | 'note';

export interface StaffSheet {
  sheetName: string;
  headerRow: number;
  /** 1-based column numbers of the fields that were found; name is always there. */
  columns: { name: number } & Partial<Record<Exclude<StaffField, 'name'>, number>>;
  rows: StaffSheetRow[];
}

/** Most rows one import takes; a bureau has dozens to a few hundred people. */
const MAX_STAFF_ROWS = 5000;
/** How far down the header row is looked for (title rows, notes above the table). */
const HEADER_SEARCH_ROWS = 30;

const STAFF_HEADERS: Record<StaffField, { exact: string[]; contains: string[] }> = {
  name: { exact: ['姓名', '名字', '人员姓名', '职工姓名', '干部姓名', '姓名全称'], contains: ['姓名'] },
  department: {
    exact: [
      '科室',
      '所在科室',
      '所属科室',
      '科室名称',
      '部门',
      '所在部门',
      '所属部门',
      '部门名称',
      '处室',
      '所在处室',
      '科室部门',
      '部门科室',
      '工作科室',
      '单位科室',
    ],
    contains: ['科室', '部门', '处室'],
  },
  title: { exact: ['职务', '职位', '现任职务', '职务职级', '职务名称'], contains: ['职务', '职位'] },
  phone: {
    exact: [
      '电话',
      '联系电话',
      '手机',
      '手机号',
      '手机号码',
      '电话号码',
      '联系方式',
      '办公电话',
      '移动电话',
      '联系手机',
    ],
    contains: ['电话', '手机', '联系方式'],
  },
  status: { exact: ['状态', '在岗状态', '人员状态', '在岗情况'], contains: [] },
  note: { exact: ['备注', '说明'], contains: [] },
};

/** Header text without spaces, asterisks (required-field marks), colons and a trailing parenthetical note. */
function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s*:]/g, '')
    .replace(/[（(][^（）()]*[）)]$/, '')
    .replace(/[/／、]/g, '');
}

function matchField(header: string, field: StaffField): 'exact' | 'contains' | null {
  const h = normalizeHeader(header);
  if (!h) return null;
  const spec = STAFF_HEADERS[field];
  if (spec.exact.includes(h)) return 'exact';
  // Short headers only: a long cell ("请填写部门负责人的联系电话") is a note, not a header.
  if (h.length <= 8 && spec.contains.some((c) => h.includes(c))) return 'contains';
  return null;
}

/** Finds the header row in one sheet: the first row with a 姓名 column; each field takes its best-matching column. */
function findHeader(ws: SheetData): { headerRow: number; columns: StaffSheet['columns'] } | null {
  const last = Math.min(ws.maxRow, HEADER_SEARCH_ROWS);
  for (let r = 1; r <= last; r++) {
    const texts: { col: number; text: string }[] = [];
    for (let c = 1; c <= ws.maxCol; c++) {
      // A merged title spanning the table repeats its text in every cell: only the master counts.
      if (isMergeContinuation(ws, r, c)) continue;
      const text = cellValue(ws, r, c).trim();
      if (text) texts.push({ col: c, text });
    }
    const found: Partial<Record<StaffField, { col: number; quality: 'exact' | 'contains' }>> = {};
    for (const field of Object.keys(STAFF_HEADERS) as StaffField[]) {
      for (const t of texts) {
        const q = matchField(t.text, field);
        if (!q) continue;
        const taken = Object.values(found).some((f) => f?.col === t.col);
        if (taken) continue;
        if (!found[field] || (found[field].quality === 'contains' && q === 'exact'))
          found[field] = { col: t.col, quality: q };
      }
    }
    if (found.name) {
      return {
        headerRow: r,
        columns: {
          name: found.name.col,
          ...(found.department && { department: found.department.col }),
          ...(found.title && { title: found.title.col }),
          ...(found.phone && { phone: found.phone.col }),
          ...(found.status && { status: found.status.col }),
          ...(found.note && { note: found.note.col }),
        },
      };
    }
  }
  return null;
}

/**
 * Chinese names (of people and of 科室) are often spaced out to align in print ("张  三", "办 公 室"): when the
 * text is all Han characters, the spaces go.
 */
function cleanName(text: string): string {
  const t = text.replace(/\u3000/g, ' ').trim();
  return /^[\p{Script=Han}·•\s]+$/u.test(t) ? t.replace(/\s+/g, '') : t.replace(/\s+/g, ' ');
}

function cleanText(text: string): string {
  return text
    .replace(/\u3000/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Full-width digits and dashes typed with a Chinese input method become plain ones. */
function cleanPhone(text: string): string {
  return cleanText(text)
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[－—–]/g, '-');
}

function extensionOf(fileName: string): string {
  const m = /\.([^.\\/]+)$/.exec(fileName);
  return m ? m[1].toLowerCase() : '';
}

/** Refuses anything that is not an .xlsx workbook, with a message that says what the file is and what to do. */
function assertXlsx(data: Buffer, fileName: string): ReturnType<typeof openZip> {
  const ext = extensionOf(fileName);
  if (data.length === 0)
    throw new AppError(ErrorCode.FILE_EMPTY, `文件“${fileName}”是空的（0 字节），请检查是否选错了文件。`);
  const isOle = data.length >= 8 && data.readUInt32BE(0) === 0xd0cf11e0 && data.readUInt32BE(4) === 0xa1b11ae1;
  if (isOle) {
    // An .xlsx with an open password is stored inside an OLE container with an "EncryptedPackage" stream.
    if (data.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      throw new AppError(
        ErrorCode.FILE_ENCRYPTED,
        `文件“${fileName}”设置了打开密码，无法读取。请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再导入。`,
      );
    }
    throw new AppError(
      ErrorCode.FILE_TYPE_MISMATCH,
      `文件“${fileName}”是旧版 Excel（.xls）或 WPS 表格（.et）格式，不能直接导入。请用 Excel 或 WPS 打开后“另存为” Excel 工作簿（.xlsx）再导入。`,
    );
  }
  const isZip = data.length >= 4 && data.readUInt32LE(0) === 0x04034b50;
  if (!isZip) {
    // A text file named .xlsx is text, not "damaged"; what is neither is said by office-file.ts.
    if (ext === 'xlsx') refuseUnlessZip(fileName, data, 'Excel 工作簿（.xlsx）');
    throw new AppError(
      ErrorCode.FILE_TYPE_MISMATCH,
      `文件“${fileName}”不是 Excel 工作簿。人员名单只支持 .xlsx 格式，请用 Excel 或 WPS 另存为 .xlsx 后重试${ext === 'csv' ? '（.csv 文本表格也需要另存为 .xlsx）' : ''}。`,
    );
  }
  // The same directory checks and inflate limits as the points import (zip bombs, lying sizes, encryption).
  const zip = openZip(data, fileName);
  if (!zip.entries.has('xl/workbook.xml')) {
    const what = zip.entries.has('word/document.xml')
      ? '是 Word 文档'
      : zip.entries.has('ppt/presentation.xml')
        ? '是 PowerPoint 演示文稿'
        : '不是 Excel 工作簿';
    throw new AppError(
      ErrorCode.FILE_TYPE_MISMATCH,
      `文件“${fileName}”${what}，不是人员名单表格。请选择 Excel 工作簿（.xlsx）。`,
    );
  }
  return zip;
}

/**
 * Reads the first visible sheet that has a 姓名 column. Rows whose 姓名/科室/职务/电话 are all blank are skipped,
 * as are header rows repeated further down (printed lists repeat them on each page).
 */
export async function readStaffXlsx(data: Buffer, fileName: string): Promise<StaffSheet> {
  const zip = assertXlsx(data, fileName);
  const sheets = readXlsxSheets(data, fileName, zip).filter((ws) => !ws.hidden);
  if (sheets.length === 0 || sheets.every((ws) => ws.maxRow === 0)) {
    throw new AppError(
      ErrorCode.NO_ITEMS,
      `文件“${fileName}”中没有内容（工作表是空的）。请在表格中填写人员名单后再导入。`,
    );
  }
  for (const ws of sheets) {
    const header = findHeader(ws);
    if (!header) continue;
    const { headerRow, columns } = header;
    const rows: StaffSheetRow[] = [];
    const read = (r: number, col: number | undefined) => (col ? cellValue(ws, r, col).trim() : '');
    for (let r = headerRow + 1; r <= ws.maxRow; r++) {
      const name = cleanName(read(r, columns.name));
      const department = cleanName(read(r, columns.department));
      const title = cleanText(read(r, columns.title));
      const phone = cleanPhone(read(r, columns.phone));
      if (!name && !department && !title && !phone) continue;
      if (matchField(name, 'name') === 'exact') continue;
      // 合计 3人, 填表人：… under the list: not people.
      const cells: string[] = [];
      for (let c = 1; c <= ws.maxCol; c++) cells.push(cellValue(ws, r, c));
      if (isSummaryRow(cells)) continue;
      const status = /离岗|离职|调离|调出|退休/.test(read(r, columns.status)) ? '离岗' : '在岗';
      rows.push({ row: r, name, department, title, phone, status, note: cleanText(read(r, columns.note)) });
      if (rows.length > MAX_STAFF_ROWS) {
        throw new AppError(
          ErrorCode.TOO_MANY_ITEMS,
          `工作表“${ws.name}”中的人员超过 ${MAX_STAFF_ROWS} 行，一次导入不了这么多。请分成几个文件导入。`,
        );
      }
    }
    if (rows.length === 0) {
      throw new AppError(
        ErrorCode.NO_ITEMS,
        `工作表“${ws.name}”第 ${headerRow} 行是表头，但下面没有人员数据。请在表头下方逐行填写人员后再导入。`,
      );
    }
    return { sheetName: ws.name, headerRow, columns, rows };
  }
  const names = sheets.map((ws) => `“${ws.name}”`).join('、');
  throw new AppError(
    ErrorCode.FILE_UNSUPPORTED,
    `在文件“${fileName}”的工作表 ${names} 前 ${HEADER_SEARCH_ROWS} 行中没有找到“姓名”列。请确认表头有一列名为“姓名”（其他列可以是“科室”“职务”“电话”），或使用“下载导入模板”。`,
  );
}

/** The import template: the four columns under a one-line instruction, print-ready. Pure: Buffer out. */
export async function buildStaffImportTemplate(): Promise<Buffer> {
  // Loaded here only: the reader above runs in the parser worker and does not need exceljs.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = '政务公开工作台';
  const ws = wb.addWorksheet('人员名单', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '2:2',
  };
  const headers = ['姓名', '科室', '职务', '电话'];
  const widths = [16, 22, 22, 24];
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getCell('A1').value =
    '人员名单：从第 3 行起每行填一人，“姓名”必填；例如 张三 | 办公室 | 科长 | 13800000000。表中没有的科室，导入时可以勾选新建。';
  ws.getCell('A1').alignment = { wrapText: true, vertical: 'middle' };
  ws.getRow(1).height = 36;
  ws.getRow(2).values = headers;
  ws.getRow(2).font = { bold: true };
  headers.forEach((_, i) => {
    ws.getColumn(i + 1).width = widths[i];
  });
  // Phone numbers as text, so a mobile number is not shown as 1.38E+10 and a leading 0 is kept.
  ws.getColumn(4).numFmt = '@';
  for (let r = 2; r <= 21; r++) {
    for (let c = 1; c <= headers.length; c++) {
      ws.getCell(r, c).border = {
        top: { style: 'thin' },
        bottom: { style: 'thin' },
        left: { style: 'thin' },
        right: { style: 'thin' },
      };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
