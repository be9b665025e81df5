// Word documents in 公文 format (GB/T 9704-2012), shared by every .docx export of the workstation.
// Pure: data in, Buffer out. The result opens the same in WPS and Word: explicit East Asian fonts on every run,
// theme fonts set to the 公文 faces, fixed-layout tables with widths on tblW/gridCol/tcW, and PAGE fields carrying a
// cached number (see postprocess.ts).
import {
  AlignmentType, Document, DocumentGridType, Footer, LineRuleType, PageNumber, PageOrientation, Paragraph, SectionType,
  TextRun, type ISectionOptions, type IRunOptions,
} from 'docx';
import {
  A4, CHAR_SPACING, CHAR_WIDTH, FONT, LANDSCAPE_MARGIN, LANDSCAPE_TEXT_WIDTH, LINE_PITCH, MARGIN, SIZE, TEXT_WIDTH,
  formatChineseDate, textWidthInChars,
} from './format';
import { packDocx, TABLE_MARK, TABLE_MARK_END } from './postprocess';
import { tableXml } from './table-xml';

/** Heading levels of 公文 structure: 一、(黑体) （一）(楷体) 1.(仿宋) （1）(仿宋). */
export type HeadingLevel = 1 | 2 | 3 | 4;

export interface TableColumn {
  header: string;
  /** Relative width; the columns are scaled to the type area. */
  weight: number;
  align?: 'left' | 'center';
}

export type TableRowData =
  | { cells: string[] }
  /** A full-width row naming a group (e.g. the section a run of tasks belongs to). */
  | { section: string };

export type GongwenBlock =
  /** Body paragraph: 3号仿宋, first line indented two characters. Newlines start new paragraphs. */
  | { kind: 'paragraph'; text: string }
  /**
   * A numbered heading, label included in `text` ("一、总体要求"). `body` continues the same paragraph in 仿宋, as in
   * "（一）加强政策解读。围绕……" where only the heading sentence is 楷体.
   */
  | { kind: 'heading'; level: HeadingLevel; text: string; body?: string }
  | { kind: 'blank' }
  | { kind: 'table'; columns: TableColumn[]; rows: TableRowData[]; fontSize?: number };

export interface GongwenAttachment {
  /** Printed top-left in 3号黑体: "附件" or "附件1". */
  label: string;
  title: string;
  landscape?: boolean;
  blocks: GongwenBlock[];
}

export interface GongwenDocumentData {
  title: string;
  /** 发文字号, e.g. 县科技局发〔2026〕3号: printed centred under the title when given. */
  docNumber?: string;
  /** 主送机关, without the closing colon. */
  addressee?: string;
  body: GongwenBlock[];
  /** 署名 and 成文日期 (ISO date) at the end of the body (the 不加盖印章 layout of §7.3.5.2). */
  signature?: { org: string; date: string };
  /** 附注, e.g. "此件主动公开" (printed in parentheses). */
  note?: string;
  attachments?: GongwenAttachment[];
  /** Document properties. */
  author?: string;
  /** The main section in landscape (a document that is just a wide table). */
  landscape?: boolean;
}

function font(eastAsia: string, latin: string = FONT.latin) {
  return { ascii: latin, hAnsi: latin, eastAsia, cs: latin };
}

function run(text: string, eastAsia: string, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  // 3号 text is squeezed to the 28-characters-per-line pitch (see CHAR_SPACING).
  const spacing = size === SIZE.san ? { characterSpacing: CHAR_SPACING } : {};
  return new TextRun({ text, font: font(eastAsia), size, sizeComplexScript: size, ...spacing, ...extra });
}

const exactLine = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const indent2 = { firstLine: CHAR_WIDTH * 2, firstLineChars: 200 };

function bodyParagraphs(text: string): Paragraph[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean)
    .map((line) => new Paragraph({ spacing: exactLine, indent: indent2, alignment: AlignmentType.JUSTIFIED, children: [run(line, FONT.body, SIZE.san)] }));
}

const HEADING_FONT: Record<HeadingLevel, string> = { 1: FONT.heading1, 2: FONT.heading2, 3: FONT.body, 4: FONT.body };

function headingParagraph(level: HeadingLevel, text: string, body?: string): Paragraph {
  const children = [run(text, HEADING_FONT[level], SIZE.san)];
  if (body) children.push(run(body, FONT.body, SIZE.san));
  return new Paragraph({ spacing: exactLine, indent: indent2, alignment: AlignmentType.JUSTIFIED, keepNext: !body, children });
}

function blankParagraph(): Paragraph {
  return new Paragraph({ spacing: exactLine, children: [run('', FONT.body, SIZE.san)] });
}

/** Scales relative column weights to whole twips that add up exactly to the width. */
export function columnWidths(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** Tables are rendered as XML strings (table-xml.ts) and put in place of a marker paragraph after compiling. */
interface TableSlot { xml: string }

function tablePlaceholder(block: Extract<GongwenBlock, { kind: 'table' }>, width: number, slots: TableSlot[], snapToGrid: boolean): Paragraph {
  const widths = columnWidths(block.columns.map((c) => c.weight), width);
  const xml = tableXml(block.columns.map((c, i) => ({ header: c.header, width: widths[i], align: c.align })), block.rows, block.fontSize ?? SIZE.xiaosi, { snapToGrid });
  slots.push({ xml });
  return new Paragraph({ children: [new TextRun(`${TABLE_MARK}${slots.length - 1}${TABLE_MARK_END}`)] });
}

function renderBlocks(blocks: GongwenBlock[], width: number, slots: TableSlot[], gridded: boolean): Paragraph[] {
  const out: Paragraph[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') out.push(...bodyParagraphs(b.text));
    else if (b.kind === 'heading') out.push(headingParagraph(b.level, b.text, b.body));
    else if (b.kind === 'blank') out.push(blankParagraph());
    else {
      out.push(tablePlaceholder(b, width, slots, !gridded));
      // Word needs a paragraph after a table at the end of a section.
      out.push(new Paragraph({ spacing: { line: 240, lineRule: LineRuleType.EXACT }, children: [run('', FONT.body, SIZE.wu)] }));
    }
  }
  return out;
}

function titleParagraphs(title: string): Paragraph[] {
  return title.split(/\r?\n/).map((line) => new Paragraph({
    spacing: exactLine, alignment: AlignmentType.CENTER, children: [run(line, FONT.title, SIZE.er)],
  }));
}

/**
 * 署名 and 成文日期 without a seal (§7.3.5.2): the signature two characters from the right; the date on the next
 * line, its first character two to the right of the signature's; a date longer than that sits two from the right
 * and pushes the signature left.
 */
function signatureParagraphs(org: string, isoDate: string): Paragraph[] {
  const date = formatChineseDate(isoDate);
  const ws = textWidthInChars(org);
  const wd = textWidthInChars(date);
  let sigRight = 2;
  let dateRight = sigRight + ws - 2 - wd;
  if (dateRight < 2) {
    dateRight = 2;
    sigRight = dateRight + wd + 2 - ws;
  }
  const para = (text: string, right: number) => new Paragraph({
    spacing: exactLine, alignment: AlignmentType.RIGHT, indent: { right: Math.round(right * CHAR_WIDTH) },
    children: [run(text, FONT.body, SIZE.san)],
  });
  return [para(org, sigRight), para(date, dateRight)];
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  // 4号半角宋体 with a 一字线 each side; odd pages one character in from the right, even pages from the left.
  const r = (children: (string | typeof PageNumber.CURRENT)[]) => new TextRun({ children, font: font(FONT.pageNumber, FONT.pageNumber), size: SIZE.si, sizeComplexScript: SIZE.si });
  return new Footer({
    children: [new Paragraph({
      alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: side === 'odd' ? { right: 280 } : { left: 280 },
      children: [r(['— ']), r([PageNumber.CURRENT]), r([' —'])],
    })],
  });
}

function sectionProps(landscape: boolean): ISectionOptions['properties'] {
  return {
    page: landscape
      ? {
        size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
        margin: { ...LANDSCAPE_MARGIN, header: 851, footer: 567 },
      }
      : {
        size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
        // The page number's 一字线 sits 7 mm below the type area (§7.5). Measured in the LibreOffice rendering
        // (pdftotext -bbox): footer 1208 twips (21.3 mm) puts the number's top at 269 mm, the type area ending at 262 mm.
        margin: { ...MARGIN, header: 851, footer: 1208 },
      },
    // Portrait: a line grid of 22 lines (characters per line come from CHAR_SPACING on the runs). Landscape
    // attachments hold tables, which keep their own line height, so they have no grid.
    grid: landscape ? { type: DocumentGridType.DEFAULT, linePitch: LINE_PITCH } : { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
  };
}

/** Builds the .docx. Attachments each start a new section (landscape when asked) after the body. */
export async function buildGongwenDocx(data: GongwenDocumentData): Promise<Buffer> {
  const footers = { default: pageNumberFooter('odd'), even: pageNumberFooter('even') };
  const slots: TableSlot[] = [];
  const main: Paragraph[] = [...titleParagraphs(data.title)];
  if (data.docNumber) main.push(new Paragraph({ spacing: exactLine, alignment: AlignmentType.CENTER, children: [run(data.docNumber, FONT.body, SIZE.san)] }));
  main.push(blankParagraph());
  if (data.addressee) main.push(new Paragraph({ spacing: exactLine, children: [run(`${data.addressee}：`, FONT.body, SIZE.san)] }));
  main.push(...renderBlocks(data.body, data.landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH, slots, !data.landscape));
  const attachments = data.attachments ?? [];
  if (attachments.length) {
    main.push(blankParagraph());
    // 附件说明 (§7.3.4): 左空二字 "附件：", several are numbered, no punctuation after names, wrapped lines align.
    const names = attachments.map((a, i) => (attachments.length > 1 ? `${i + 1}.${a.title}` : a.title));
    names.forEach((name, i) => main.push(new Paragraph({
      spacing: exactLine,
      indent: { left: CHAR_WIDTH * 5, hanging: i === 0 ? CHAR_WIDTH * 3 : 0 },
      children: [run(i === 0 ? `附件：${name}` : name, FONT.body, SIZE.san)],
    })));
  }
  if (data.signature) {
    main.push(blankParagraph());
    main.push(...signatureParagraphs(data.signature.org, data.signature.date));
  }
  if (data.note) main.push(new Paragraph({ spacing: exactLine, indent: indent2, children: [run(`（${data.note}）`, FONT.body, SIZE.san)] }));

  const sections: ISectionOptions[] = [{ properties: sectionProps(!!data.landscape), footers, children: main }];
  for (const a of attachments) {
    const width = a.landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH;
    const children: Paragraph[] = [
      // 附件 (§7.3.7): "附件" 3号黑体 顶格 on the first line; the title centred on the third line.
      new Paragraph({ spacing: exactLine, children: [run(a.label, FONT.heading1, SIZE.san)] }),
      blankParagraph(),
      ...titleParagraphs(a.title),
      blankParagraph(),
      ...renderBlocks(a.blocks, width, slots, !a.landscape),
    ];
    sections.push({ properties: { ...sectionProps(!!a.landscape), type: SectionType.NEXT_PAGE }, footers, children });
  }

  const doc = new Document({
    creator: data.author ?? '政务公开工作台',
    title: data.title.replace(/\r?\n/g, ''),
    evenAndOddHeaderAndFooters: true,
    theme: {
      fonts: {
        headings: { latin: FONT.latin, eastAsia: FONT.heading1, scripts: { Hans: FONT.heading1, Hant: FONT.heading1 } },
        body: { latin: FONT.latin, eastAsia: FONT.body, scripts: { Hans: FONT.body, Hant: FONT.body } },
      },
    },
    styles: {
      default: {
        document: {
          run: { font: font(FONT.body), size: SIZE.san, sizeComplexScript: SIZE.san },
          paragraph: { spacing: exactLine },
        },
      },
    },
    sections,
  });
  return packDocx(doc, slots.map((t) => t.xml));
}
