// The 政府信息公开工作年度报告 as a .docx (GB/T 9704 body from gongwen/document.ts, the three tables with the
// format's merged headers put in place of marker paragraphs) and tables 二/三/四 as an .xlsx for the county office.
// Pure: data in, Buffer out.
import type ExcelJS from 'exceljs';
import { REPORT_TEXT_KEYS, type AnnualReport, type ReportTextKey } from '../../../shared/domain/disclosure';
import { buildGongwenDocx, type GongwenBlock } from '../gongwen/document';
import { keepTextWithSignature, rewriteDocument } from './keep';
import { formatChineseDate } from '../gongwen/format';
import { newWorkbook, SHEET_FONT, workbookToBuffer } from '../xlsx/sheet';
import {
  formatWan,
  mergedTableXml,
  table2Rows,
  table3Rows,
  table4Rows,
  TABLE2_GRID,
  TABLE3_GRID,
  TABLE4_GRID,
  type XRow,
} from './tables';

export interface ReportDocData {
  bureau: string;
  report: AnnualReport;
  texts: Record<ReportTextKey, string>;
  /** 成文日期 (ISO): in January of the next year unless the user chose another day. */
  date: string;
  /** The 引言's contact lines; an empty one is left out (the 核对 says it is missing, the document never shows a gap). */
  contact: { website: string; address: string; postcode: string; phone: string };
  /** Today while the statistics year has not ended (yearOpenAsOf): the document says its figures are as of this day. */
  asOf?: string | null;
}

/** What a report exported before its year ended says first: its figures are of that day, a draft to export again. */
function draftNotice(year: number, asOf: string): string {
  return `（本稿数据截至${formatChineseDate(asOf)}。统计期限至${year}年12月31日，导出时尚未结束，“结转下年度继续办理”等年末数字尚未确定，须在年度结束后重新导出定稿。）`;
}

/**
 * The 引言: the basis, the statistic period, where the electronic version is (the 公开专栏's address) and whom to
 * ask (地址、邮编、电话), as real county reports print them.
 */
function reportIntro(d: Pick<ReportDocData, 'bureau' | 'contact'> & { year: number }): string {
  const y = d.year;
  const c = d.contact;
  const lines = [
    c.address && `地址：${c.address}`,
    c.postcode && `邮政编码：${c.postcode}`,
    c.phone && `联系电话：${c.phone}`,
  ].filter(Boolean);
  return [
    '本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。',
    `本报告中所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。`,
    `本报告电子版可在${d.bureau}政府信息公开专栏${c.website ? `（${c.website}）` : ''}查阅下载。`,
    `如对本报告有疑问，请与${d.bureau}办公室联系${lines.length ? `（${lines.join('；')}）` : ''}。`,
  ].join('');
}

const MARK = (n: number) => `⟦年报表格${n}⟧`;

function textBlocks(text: string): GongwenBlock[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => ({ kind: 'paragraph', text: l }));
}

function reportBlocks(d: ReportDocData): GongwenBlock[] {
  const y = d.report.year;
  const t = d.texts;
  const sub = (label: string, key: ReportTextKey): GongwenBlock[] => {
    const [first, ...rest] = t[key]
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    return [
      { kind: 'heading', level: 2, text: label, body: first ?? '' },
      ...rest.map((l) => ({ kind: 'paragraph' as const, text: l })),
    ];
  };
  return [
    ...(d.asOf ? [{ kind: 'paragraph' as const, text: draftNotice(y, d.asOf) }] : []),
    { kind: 'paragraph', text: reportIntro({ bureau: d.bureau, contact: d.contact, year: y }) },
    { kind: 'heading', level: 1, text: '一、总体情况' },
    ...sub('（一）主动公开。', 'overviewActive'),
    ...sub('（二）依申请公开。', 'overviewRequests'),
    ...sub('（三）政府信息管理。', 'overviewManagement'),
    ...sub('（四）政府信息公开平台建设。', 'overviewPlatform'),
    ...sub('（五）监督保障。', 'overviewSupervision'),
    { kind: 'heading', level: 1, text: '二、主动公开政府信息情况' },
    { kind: 'paragraph', text: MARK(2) },
    { kind: 'heading', level: 1, text: '三、收到和处理政府信息公开申请情况' },
    { kind: 'paragraph', text: MARK(3) },
    { kind: 'heading', level: 1, text: '四、政府信息公开行政复议、行政诉讼情况' },
    { kind: 'paragraph', text: MARK(4) },
    { kind: 'heading', level: 1, text: '五、存在的主要问题及改进情况' },
    ...textBlocks(t.problems),
    { kind: 'heading', level: 1, text: '六、其他需要报告的事项' },
    ...textBlocks(t.other),
  ];
}

/** Replaces each marker paragraph by its table (the paragraph after a table keeps Word from joining two tables). */
function placeTables(xml: string, tables: Record<string, string>): string {
  for (const [mark, table] of Object.entries(tables)) {
    const re = new RegExp(`<w:p>(?:(?!<w:p>).)*?${mark}.*?</w:p>`, 's');
    if (!re.test(xml)) throw new Error(`marker ${mark} not found`);
    xml = xml.replace(re, () => table);
  }
  return xml;
}

export async function buildReportDocx(d: ReportDocData): Promise<Buffer> {
  for (const k of REPORT_TEXT_KEYS) if (typeof d.texts[k] !== 'string') throw new Error(`missing text ${k}`);
  const docx = await buildGongwenDocx({
    // A draft made while the year runs says so in its title and is dated the day it was made: the 成文日期 in January
    // belongs to the report made after the year end, not to figures of an unfinished year.
    title: `${d.bureau}\n${d.report.year}年政府信息公开工作年度报告${d.asOf ? '（初稿）' : ''}`,
    body: reportBlocks(d),
    signature: { org: d.bureau, date: d.asOf ?? d.date },
  });
  const tables = {
    [MARK(2)]: mergedTableXml(TABLE2_GRID, table2Rows(d.report.active), { keepTogether: true }),
    [MARK(3)]: mergedTableXml(TABLE3_GRID, table3Rows(d.report.requests, d.asOf ?? null)),
    [MARK(4)]: mergedTableXml(TABLE4_GRID, table4Rows(d.report.reviews.values), { keepTogether: true }),
  };
  return rewriteDocument(docx, (xml) => keepTextWithSignature(placeTables(xml, tables), d.bureau));
}

// ---------------------------------------------------------------------------------------------------------------------
// .xlsx: one sheet per table, merged headers as in the format, printable on A4.
const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const borders: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

function writeSheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  subtitle: string,
  grid: number[],
  rows: XRow[],
  widthChars: number,
  orientation: 'portrait' | 'landscape',
) {
  const ws = wb.addWorksheet(name);
  const sum = grid.reduce((a, b) => a + b, 0);
  ws.columns = grid.map((g) => ({ width: Math.max(5, Math.round((g / sum) * widthChars * 10) / 10) }));
  const n = grid.length;
  ws.mergeCells(1, 1, 1, n);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { name: SHEET_FONT.title, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 32;
  ws.mergeCells(2, 1, 2, n);
  ws.getCell(2, 1).value = subtitle;
  ws.getCell(2, 1).font = { name: SHEET_FONT.body, size: 10 };
  ws.getCell(2, 1).alignment = { horizontal: 'right', vertical: 'middle' };
  // Lay the rows onto the grid as rectangles: spans merge across, vMerge 'continue' extends the rectangle above.
  interface Rect {
    r1: number;
    c1: number;
    r2: number;
    c2: number;
    cell: XRow['cells'][number];
  }
  const rects: Rect[] = [];
  let headerEnd = 2;
  rows.forEach((row, i) => {
    const r = i + 3;
    if (row.header) headerEnd = r;
    let c = 1;
    for (const cell of row.cells) {
      const span = cell.span ?? 1;
      const above = cell.vMerge === 'continue' ? rects.find((x) => x.c1 === c && x.r2 === r - 1) : undefined;
      if (above) above.r2 = r;
      else rects.push({ r1: r, c1: c, r2: r, c2: c + span - 1, cell });
      c += span;
    }
  });
  const heights = new Map<number, number>();
  for (const x of rects) {
    for (let r = x.r1; r <= x.r2; r++) for (let c = x.c1; c <= x.c2; c++) ws.getCell(r, c).border = borders;
    if (x.r1 !== x.r2 || x.c1 !== x.c2) ws.mergeCells(x.r1, x.c1, x.r2, x.c2);
    const cell = ws.getCell(x.r1, x.c1);
    cell.value = /^\d+(\.\d+)?$/.test(x.cell.text) && !x.cell.bold ? Number(x.cell.text) : x.cell.text;
    cell.font = { name: x.cell.bold ? SHEET_FONT.header : SHEET_FONT.body, size: 10, bold: !!x.cell.bold };
    cell.alignment = { horizontal: x.cell.align ?? 'center', vertical: 'middle', wrapText: true };
    if (x.r1 === x.r2) {
      const width = ws.columns.slice(x.c1 - 1, x.c2).reduce((a, col) => a + (col.width ?? 8), 0);
      const lines = Math.ceil(
        [...x.cell.text].reduce((a, ch) => a + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0) / Math.max(2, width - 1),
      );
      heights.set(x.r1, Math.max(heights.get(x.r1) ?? 1, lines));
    }
  }
  for (let r = 3; r < rows.length + 3; r++)
    ws.getRow(r).height = Math.min(120, Math.max(20, (heights.get(r) ?? 1) * 14 + 6));
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerEnd }];
  ws.pageSetup = {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.59, right: 0.59, top: 0.79, bottom: 0.79, header: 0.31, footer: 0.31 },
    printTitlesRow: headerEnd > 2 ? `3:${headerEnd}` : undefined,
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
}

export async function buildReportXlsx(d: {
  bureau: string;
  report: AnnualReport;
  asOf?: string | null;
}): Promise<Buffer> {
  const wb = newWorkbook();
  const y = d.report.year;
  const sub = `填报单位：${d.bureau}\u3000\u3000统计期限：${y}年1月1日至${y}年12月31日${d.asOf ? `（尚未结束，数据截至${formatChineseDate(d.asOf)}，初稿）` : ''}`;
  writeSheet(
    wb,
    '表二 主动公开',
    `二、主动公开政府信息情况（${y}年）`,
    sub,
    [34, 22, 22, 22],
    table2Rows(d.report.active),
    90,
    'portrait',
  );
  writeSheet(
    wb,
    '表三 依申请公开',
    `三、收到和处理政府信息公开申请情况（${y}年）`,
    sub,
    [560, 1250, 2900, 590, 590, 590, 590, 590, 590, 590],
    table3Rows(d.report.requests, d.asOf ?? null),
    130,
    'landscape',
  );
  writeSheet(
    wb,
    '表四 复议诉讼',
    `四、政府信息公开行政复议、行政诉讼情况（${y}年）`,
    sub,
    new Array(15).fill(1),
    table4Rows(d.report.reviews.values),
    130,
    'landscape',
  );
  void formatWan;
  return workbookToBuffer(wb);
}
