// Builds the sample documents as the office receives them in other forms: .docx with typed numbering, .docx with
// Word automatic numbering (w:numPr + numbering.xml), .docx with the items inside a table, and an .xlsx 分工表.
// Each is built from a document's items (label, text, units, deadline words), so the same expected.json applies.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { printedLabel, type PointLevel } from '../../../shared/domain/point-numbering';
import type { PointItem } from '../../../shared/domain/points';
import type { Expected } from './score';

export interface SampleDoc {
  title: string;
  docNumber: string | null;
  items: PointItem[];
}

/** test/fixtures/samples (resolved from this file, so the bench can use it outside vitest too). */
export const SAMPLES_DIR = fileURLToPath(new URL('../../fixtures/samples/', import.meta.url));

export const SAMPLE_NAMES = fs
  .readdirSync(SAMPLES_DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.replace(/\.expected\.json$/, ''))
  .sort();

export function readSample(name: string): { text: Buffer; expected: Expected } {
  return {
    text: fs.readFileSync(path.join(SAMPLES_DIR, `${name}.txt`)),
    expected: JSON.parse(fs.readFileSync(path.join(SAMPLES_DIR, `${name}.expected.json`), 'utf8')) as Expected,
  };
}

/** The responsibility note written the way 要点 documents write it, in one of the styles the issue lists. */
function noteFor(it: PointItem, style: number): string {
  if (!it.lead.length && !it.support.length) return '';
  if (!it.support.length) return style % 2 ? `（责任单位：${it.lead.join('、')}）` : `(${it.lead.join('、')}牵头负责)`;
  return style % 2
    ? `（${it.lead.join('、')}牵头负责，${it.support.join('、')}配合）`
    : `(${it.lead.join('、')}分别抓好相关工作,${it.support.join('、')}各负其责)`;
}

const FORMATS: Record<PointLevel, { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: string }> = {
  1: { format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
  2: { format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
  3: { format: LevelFormat.DECIMAL, text: '%3.' },
  4: { format: LevelFormat.DECIMAL, text: '（%4）' },
  5: { format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%5' },
};

/** One list definition per numbering style; the style's level is its own ilvl, so "（%2）" is a custom lvlText. */
const numberingConfig = ([1, 2, 3, 4, 5] as PointLevel[]).map((lv) => ({
  reference: `style-${lv}`,
  levels: ([1, 2, 3, 4, 5] as PointLevel[]).map((l) => ({
    level: l - 1,
    format: FORMATS[l].format,
    text: FORMATS[l].text,
    alignment: AlignmentType.LEFT,
    start: 1,
  })),
}));

type Mode = 'typed' | 'auto' | 'table';

function itemParagraphs(doc: SampleDoc, mode: Exclude<Mode, 'table'> | 'autoCell'): Paragraph[] {
  const instances: Partial<Record<PointLevel, number>> = {};
  let nextInstance = 1;
  return doc.items.map((it, i) => {
    const body = `${it.text}${noteFor(it, i)}`;
    const lv = it.level as PointLevel;
    if (mode === 'typed') {
      // Typed numbering as people type it: sometimes a space after the numeral, full-width stops.
      const label = printedLabel(lv, it.label).replace(/\.$/, i % 3 === 0 ? '．' : '.');
      return new Paragraph({ children: [new TextRun(`${label}${i % 4 === 0 ? ' ' : ''}${body}`)] });
    }
    // Automatic numbering: a label 1 (or 一, ①) starts a new list instance, as Word's "restart numbering" does.
    if (instances[lv] === undefined || /^(1|一|①)$/.test(it.label)) instances[lv] = nextInstance++;
    return new Paragraph({
      children: [new TextRun(body)],
      numbering: { reference: `style-${lv}`, level: lv - 1, instance: instances[lv] },
    });
  });
}

/** A .docx of the document: title, 文号, items, issuer and date. */
export async function buildDocx(doc: SampleDoc, mode: Mode): Promise<Buffer> {
  const head = [
    new Paragraph({ children: [new TextRun(doc.title)] }),
    ...(doc.docNumber ? [new Paragraph({ children: [new TextRun(doc.docNumber)] })] : []),
  ];
  const tail = [
    new Paragraph({ children: [new TextRun('某某人民政府办公室')] }),
    new Paragraph({ children: [new TextRun('2020年6月5日')] }),
  ];
  let body: (Paragraph | Table)[];
  if (mode === 'table') {
    const paras = itemParagraphs(doc, 'autoCell');
    body = [
      new Table({
        width: { size: 9000, type: WidthType.DXA },
        columnWidths: [9000],
        rows: paras.map(
          (p) =>
            new TableRow({ children: [new TableCell({ width: { size: 9000, type: WidthType.DXA }, children: [p] })] }),
        ),
      }),
    ];
  } else body = itemParagraphs(doc, mode);
  const document = new Document({
    numbering: { config: numberingConfig },
    sections: [{ children: [...head, ...body, ...tail] }],
  });
  return Packer.toBuffer(document);
}

/**
 * An .xlsx 分工表: a merged title row, a blank row, the header, section rows merged across (一、/（一）), task rows with
 * 序号 | 工作任务 | 具体内容 | 牵头单位 | 配合单位 | 完成时限; long items take two rows with 序号 and 工作任务 merged.
 */
export async function buildXlsx(doc: SampleDoc): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('分工表');
  ws.addRow([`${doc.title}分工表`]);
  ws.mergeCells('A1:F1');
  ws.addRow([]);
  ws.addRow(['序号', '工作任务', '具体内容', '牵头单位', '配合单位', '完成时限']);
  for (const [i, it] of doc.items.entries()) {
    const lv = it.level as PointLevel;
    if (lv <= 2) {
      const r = ws.addRow([`${printedLabel(lv, it.label)}${it.text}`]);
      ws.mergeCells(`A${r.number}:F${r.number}`);
      continue;
    }
    const seq = lv === 3 ? it.label : printedLabel(lv, it.label);
    const rest = it.text.startsWith(it.title) ? it.text.slice(it.title.length).replace(/^。/, '') : it.text;
    const units = [it.lead.join('、'), it.support.join('、'), it.deadline ? (it.deadlineText ?? '') : ''];
    const cut = rest.indexOf('。', Math.floor(rest.length / 2));
    if (rest.length > 150 && cut > 0 && cut < rest.length - 1) {
      const a = ws.addRow([seq, it.title, rest.slice(0, cut + 1), ...units]);
      ws.addRow([seq, it.title, rest.slice(cut + 1), ...units]);
      ws.mergeCells(`A${a.number}:A${a.number + 1}`);
      ws.mergeCells(`B${a.number}:B${a.number + 1}`);
      for (const col of ['D', 'E', 'F']) ws.mergeCells(`${col}${a.number}:${col}${a.number + 1}`);
    } else ws.addRow([seq, it.title, rest, ...units]);
    if (i % 10 === 5) ws.addRow([]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
