// Reads a staff list (人员名单) from an .xlsx workbook: bytes in, rows out. No file system, no database; the
// service (services/org/staff-import.ts) validates the rows against the records.
//
// Offices' lists come in every shape: a title row above the header, "所在科室" instead of "科室", 手机 instead of
// 电话, a 序号 column, blank rows, departments merged down a column, a header over two rows (联系方式 spanning
// 办公电话 and 手机). The workbook is read, and its header found, by the shared list reader (./sheet.ts: in the parser
// worker, with the zip inflate limits of every import, merged cells giving every cell of the range the master's value).
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import {
  findHeader,
  HEADER_SEARCH_ROWS,
  isSummaryRow,
  normalizeHeader,
  readXlsxGrid,
  type HeaderSpec,
  headingRowText,
  HEADING_NUMBER,
} from './sheet';

export interface StaffSheetRow {
  /** The spreadsheet's own row number (1-based), as the user sees it in Excel/WPS. */
  row: number;
  name: string;
  department: string;
  title: string;
  /** The 手机 when the list has one for the person, else the other phone (电话, 办公电话, 联系方式). */
  phone: string;
  /**
   * 状态: 离岗 when the 状态 column says so (离岗, 离职, 调离, 退休 …), else when the 人员类别 or 备注 says the person
   * retired or left (退休, 离休, 调离, 调出, 离职, 辞职), else when the row sits under a heading row saying so
   * ("二、离退休人员"); 在岗 otherwise.
   */
  status: '在岗' | '离岗';
  /** Why a row is 离岗 when no 状态 column says it: "备注“已退休”", "在“二、离退休人员”下". */
  statusReason?: string;
  note: string;
}

type StaffField = 'name' | 'department' | 'title' | 'mobile' | 'phone' | 'status' | 'category' | 'note';

export interface StaffSheet {
  sheetName: string;
  /** The header's (last) row. */
  headerRow: number;
  /** 1-based column numbers of the fields that were found; name is always there. */
  columns: { name: number } & Partial<Record<Exclude<StaffField, 'name'>, number>>;
  rows: StaffSheetRow[];
  /** Heading rows inside the table ("一、在职人员", a merged "离退休人员"): not people, skipped. */
  headings: { row: number; text: string }[];
}

/** Most rows one import takes; a bureau has dozens to a few hundred people. */
const MAX_STAFF_ROWS = 5000;

// 手机 before the other phones: a list with both (联系方式 over 办公电话/手机) gives the person's mobile.
const STAFF_HEADERS: Record<StaffField, HeaderSpec> = {
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
      '科室/部门',
      '部门/科室',
      '工作科室',
      '单位科室',
    ],
    contains: ['科室', '部门', '处室'],
  },
  title: { exact: ['职务', '职位', '现任职务', '职务职级', '职务/职级', '职务名称'], contains: ['职务', '职位'] },
  mobile: { exact: ['手机', '手机号', '手机号码', '移动电话', '联系手机'], contains: ['手机'] },
  phone: {
    exact: ['电话', '联系电话', '电话号码', '联系方式', '办公电话', '固定电话', '座机'],
    contains: ['电话', '联系方式'],
  },
  status: { exact: ['状态', '在岗状态', '人员状态', '在岗情况'] },
  category: { exact: ['人员类别', '类别', '人员身份', '身份类别', '人员性质'] },
  note: { exact: ['备注', '说明'] },
};

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

/** Words of a 状态 cell saying the person is not at work. */
const STATUS_AWAY = /离岗|离职|调离|调出|退休|离休|辞职/;
/** Words of a 人员类别/备注 cell or a heading saying the person retired or left. */
const LEFT_WORDS = /退休|离休|调离|调出|离职|辞职/;
/** A 备注 speaking of what is yet to come ("拟于2027年退休") does not make the person 离岗. */
const NOT_YET = /拟|将于|即将|预计|待/;
/** "一、在职人员", "（二）离退休人员", "2、借调人员", "退休干部": the words of a heading row. */
const HEADING_TEXT = new RegExp(`${HEADING_NUMBER.source}|(?:人员|干部|职工)(?:名单)?$`);

/**
 * Reads the first visible sheet that has a 姓名 column. Rows whose 姓名/科室/职务/电话 are all blank are skipped,
 * as are header rows repeated further down (printed lists repeat them on each page) and 合计/填表人 lines.
 */
// async: the parser registry and callers await it as they did when it loaded exceljs.
export async function readStaffXlsx(data: Buffer, fileName: string): Promise<StaffSheet> {
  const sheets = readXlsxGrid(data, fileName, '人员名单');
  if (sheets.every((s) => s.rows.length === 0)) {
    throw new AppError(
      ErrorCode.NO_ITEMS,
      `文件“${fileName}”中没有内容（工作表是空的）。请在表格中填写人员名单后再导入。`,
    );
  }
  for (const sheet of sheets) {
    const header = findHeader<StaffField>(sheet, STAFF_HEADERS, ['name']);
    if (!header) continue;
    const col = header.columns;
    const headerRow = sheet.rows[header.index].row;
    const rows: StaffSheetRow[] = [];
    const headings: StaffSheet['headings'] = [];
    // The heading the rows below are under, when it says they retired or left.
    let leftHeading = '';
    for (const r of sheet.rows.slice(header.index + 1)) {
      const { row, cells } = r;
      // 合计 3人, 填表人：… under the list: not people.
      if (isSummaryRow(cells)) continue;
      const heading = headingRowText(r, HEADING_TEXT);
      if (heading !== null) {
        headings.push({ row, text: heading });
        leftHeading = LEFT_WORDS.test(heading) ? heading : '';
        continue;
      }
      const read = (f: StaffField) => (col[f] === undefined ? '' : cells[col[f]]);
      const name = cleanName(read('name'));
      const department = cleanName(read('department'));
      const title = cleanText(read('title'));
      const phone = cleanPhone(read('mobile')) || cleanPhone(read('phone'));
      if (!name && !department && !title && !phone) continue;
      if (STAFF_HEADERS.name.exact.includes(normalizeHeader(name))) continue;
      const note = cleanText(read('note'));
      const category = cleanText(read('category'));
      const said = cleanText(read('status'));
      let status: StaffSheetRow['status'] = '在岗';
      let statusReason: string | undefined;
      if (STATUS_AWAY.test(said)) status = '离岗';
      else if (!/在岗|在职/.test(said)) {
        statusReason =
          category && LEFT_WORDS.test(category)
            ? `${header.headers[col.category!]}“${category}”`
            : note && LEFT_WORDS.test(note) && !NOT_YET.test(note)
              ? `备注“${note}”`
              : leftHeading
                ? `在“${leftHeading}”下`
                : undefined;
        if (statusReason) status = '离岗';
      }
      rows.push({ row, name, department, title, phone, status, ...(statusReason && { statusReason }), note });
      if (rows.length > MAX_STAFF_ROWS) {
        throw new AppError(
          ErrorCode.TOO_MANY_ITEMS,
          `工作表“${sheet.name}”中的人员超过 ${MAX_STAFF_ROWS} 行，一次导入不了这么多。请分成几个文件导入。`,
        );
      }
    }
    if (rows.length === 0) {
      throw new AppError(
        ErrorCode.NO_ITEMS,
        `工作表“${sheet.name}”第 ${headerRow} 行是表头，但下面没有人员数据。请在表头下方逐行填写人员后再导入。`,
      );
    }
    const columns = Object.fromEntries(
      Object.entries(col).map(([f, c]) => [f, (c as number) + 1]),
    ) as StaffSheet['columns'];
    return { sheetName: sheet.name, headerRow, columns, rows, headings };
  }
  const names = sheets.map((s) => `“${s.name}”`).join('、');
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
