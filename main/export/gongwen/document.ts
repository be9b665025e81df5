// Word documents in 公文 format (GB/T 9704-2012), shared by every .docx export of the workstation.
// Pure: data in, Buffer out. The result opens the same in WPS and Word: explicit East Asian fonts on every run,
// theme fonts set to the 公文 faces, fixed-layout tables with widths on tblW/gridCol/tcW, and PAGE fields carrying a
// cached number (see postprocess.ts).
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  TextRun,
  type ISectionOptions,
  type IRunOptions,
} from 'docx';
import {
  A4,
  CHAR_SPACING,
  CHAR_WIDTH,
  FONT,
  LANDSCAPE_MARGIN,
  LANDSCAPE_TEXT_WIDTH,
  LINE_PITCH,
  MARGIN,
  SIZE,
  TEXT_WIDTH,
  chineseDatesIn,
  formatChineseDate,
  textWidthInChars,
} from './format';
import { ROTATED_NUMBER_MARK, ROTATED_NUMBER_MARK_END } from './page-number';
import { packDocx, TABLE_MARK, TABLE_MARK_END } from './postprocess';
import { rowHeights, tableXml } from './table-xml';

/** Heading levels of 公文 structure: 一、(黑体) （一）(楷体) 1.(仿宋) （1）(仿宋). */
type HeadingLevel = 1 | 2 | 3 | 4;

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
  /**
   * Body paragraph: 3号仿宋, first line indented two characters. Newlines start new paragraphs. `height` (twips) is
   * for a marker paragraph that a picture takes the place of after building: the height it will take on the page.
   */
  | { kind: 'paragraph'; text: string; height?: number }
  /**
   * A numbered heading, label included in `text` ("一、总体要求"). `body` continues the same paragraph in 仿宋, as in
   * "（一）加强政策解读。围绕……" where only the heading sentence is 楷体.
   */
  | { kind: 'heading'; level: HeadingLevel; text: string; body?: string }
  | { kind: 'blank' }
  /** A line set flush left without indent (e.g. 填报单位/填报日期 under a table's title). */
  | { kind: 'filing'; text: string }
  /** `keepWithNext`: the last row goes over with the paragraph after the table (a 注 under it is never left alone). */
  | { kind: 'table'; columns: TableColumn[]; rows: TableRowData[]; fontSize?: number; keepWithNext?: boolean };

export interface GongwenAttachment {
  /** Printed top-left in 3号黑体: "附件" or "附件1". */
  label: string;
  title: string;
  landscape?: boolean;
  blocks: GongwenBlock[];
}

interface GongwenDocumentData {
  title: string;
  /**
   * 发文字号, e.g. 县科技局发〔2026〕3号. With `orgMark` it is printed under the 发文机关标志 above the red separator
   * line (§7.2.4); without one it is left out of the page (a 文号 centred under the title is not a GB/T 9704 layout).
   */
  docNumber?: string;
  /** 发文机关标志, e.g. "某县科学技术局文件": the red 版头 above the separator line. */
  orgMark?: string;
  /**
   * 信函格式 (§10.1) for the `orgMark`: the mark 30 mm below the page's top edge with a red double line 4 mm under it
   * and another 20 mm above the page's foot, the 发文字号 under the first line at the right, no page number on the
   * first page. A letter to an applicant is a 函: its 版头 takes three lines instead of the 文件 版头's eight, so a
   * short letter fits on one page.
   */
  letterForm?: boolean;
  /** 主送机关, without the closing colon. */
  addressee?: string;
  body: GongwenBlock[];
  /**
   * 署名 and 成文日期 (ISO date) at the end of the body: the 不加盖印章 layout of §7.3.5.2, or with `sealed` the
   * 加盖印章 layout of §7.3.5.1 (date four characters from the right, 署名 centred above it, room for the seal).
   */
  signature?: { org: string; date: string; sealed?: boolean };
  /** 附注, e.g. "此件主动公开" (printed in parentheses, 左空二字, on the line after the date). */
  note?: string;
  /** 版记 (§7.4): 印发机关 and 印发日期 (ISO) between 0.35 mm / 0.25 mm rules at the foot of the last page. */
  imprint?: { issuer: string; date: string };
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
  // Dates in 公文 form whoever built the sentence (no ISO date on a printed page).
  return new TextRun({
    text: chineseDatesIn(text),
    font: font(eastAsia),
    size,
    sizeComplexScript: size,
    ...spacing,
    ...extra,
  });
}

const exactLine = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const indent2 = { firstLine: CHAR_WIDTH * 2, firstLineChars: 200 };

/**
 * What keeps the end of the body with the 署名 and 成文日期, so that they never stand alone on a page: the 落款
 * (blank line, 署名, 成文日期, 附注) and the 附件说明 before it are kept together line by line (keepNext), and so is
 * the body's last paragraph with them, with widow control, so that it goes over with the 落款 rather than end a
 * page above it. LibreOffice never splits a paragraph marked keep-with-next (sw/source/core/text/widorp.cxx): it
 * moves the whole paragraph. A body paragraph is kept whatever its length: rendered with 1 to 22 more lines than a
 * page (test/unit/summary/export.test.ts), LibreOffice then splits it and still takes its end over with the 落款,
 * where leaving a long last paragraph unkept put the 署名 alone on a page. A heading that ends the body is kept only
 * when it and the 落款 fit on one page with room to spare (KEEP_PAGE_LINES).
 */
const KEEP_WITH_NEXT = { keepNext: true, widowControl: true } as const;
/** Lines of a page that a kept paragraph and the 落款 may take together (22 lines, less two for the estimate). */
const KEEP_PAGE_LINES = 20;
/** A paragraph before a table up to this many lines is kept with it (a longer one is text of its own). */
const INTRO_LINES = 3;
/** Characters a 3号 line holds (the 28 of §5.2.3). */
const CHARS_PER_LINE = 28;

/** About how many lines a body paragraph takes: its text and the two-character indent, 28 characters a line. */
function estimatedLines(text: string): number {
  return Math.max(1, Math.ceil((textWidthInChars(text) + 2) / CHARS_PER_LINE));
}

function bodyParagraphs(text: string, keepEnd = false): Paragraph[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.map(
    (line, i) =>
      new Paragraph({
        spacing: exactLine,
        indent: indent2,
        alignment: AlignmentType.JUSTIFIED,
        ...(keepEnd && i === lines.length - 1 ? KEEP_WITH_NEXT : {}),
        children: [run(line, FONT.body, SIZE.san)],
      }),
  );
}

const HEADING_FONT: Record<HeadingLevel, string> = { 1: FONT.heading1, 2: FONT.heading2, 3: FONT.body, 4: FONT.body };

function headingParagraph(level: HeadingLevel, text: string, body?: string, keepEnd = false): Paragraph {
  const children = [run(text, HEADING_FONT[level], SIZE.san)];
  if (body) children.push(run(body, FONT.body, SIZE.san));
  // A heading alone keeps with what follows; one running into its text leaves no single line at a page's foot.
  return new Paragraph({
    spacing: exactLine,
    indent: indent2,
    alignment: AlignmentType.JUSTIFIED,
    ...(keepEnd ? KEEP_WITH_NEXT : body ? { widowControl: true } : { keepNext: true }),
    children,
  });
}

function blankParagraph(keepNext = false): Paragraph {
  return new Paragraph({ spacing: exactLine, keepNext, children: [run('', FONT.body, SIZE.san)] });
}

/** Scales relative column weights to whole twips that add up exactly to the width. */
export function columnWidths(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** Tables are rendered as XML strings (table-xml.ts) and put in place of a marker paragraph after compiling. */
interface TableSlot {
  xml: string;
}

type TableBlock = Extract<GongwenBlock, { kind: 'table' }>;

/** The table's columns at their widths in twips on a type area `width` wide. */
function tableColumns(block: TableBlock, width: number) {
  const size = block.fontSize ?? SIZE.xiaosi;
  const widths = widenDateColumns(
    columnWidths(
      block.columns.map((c) => c.weight),
      width,
    ),
    block.columns.map((c) => c.header),
    block.columns.map((_c, i) => block.rows.some((r) => 'cells' in r && holdsDate(r.cells[i] ?? ''))),
    size,
  );
  return block.columns.map((c, i) => ({ header: c.header, width: widths[i], align: c.align }));
}

function tablePlaceholder(
  block: TableBlock,
  width: number,
  slots: TableSlot[],
  snapToGrid: boolean,
  keepEnd = false,
  fit: TableFit = {},
): Paragraph {
  const xml = tableXml(tableColumns(block, width), block.rows, block.fontSize ?? SIZE.xiaosi, {
    snapToGrid,
    keepLastRowWithNext: keepEnd,
    ...fit,
  });
  return slotParagraph(slots, xml);
}

/**
 * Where a table with its note under it goes, decided on the page the builder estimates (no program tells it): a
 * table that would leave its last rows and the note alone on the next page is set closer (GB/T 9704's remedy,
 * 调整行距) when that brings it onto its page; when even that does not, a table that fits on a page goes over
 * whole with its note, if something stays above it (a chart, a line of text: never the 附件's title alone).
 */
interface TableFit {
  compact?: boolean;
  keepWhole?: boolean;
}
/** The type area's height, twips: 225 mm portrait, 156 mm landscape. */
const PAGE_HEIGHT = {
  portrait: A4.height - MARGIN.top - MARGIN.bottom,
  landscape: A4.width - MARGIN.left - MARGIN.right,
};
/** What the estimate keeps spare for its error: one line. */
const FIT_SLACK = LINE_PITCH;

/** About the height a block takes, twips (a table's rows as estimated by rowHeights). */
function blockHeight(b: GongwenBlock, width: number, compact = false): number {
  if (b.kind === 'paragraph')
    return (
      b.height ??
      b.text
        .split(/\r?\n/)
        .filter((l) => l.trim())
        .reduce((n, l) => n + estimatedLines(l.trim()) * LINE_PITCH, 0)
    );
  if (b.kind === 'heading') return estimatedLines(b.text + (b.body ?? '')) * LINE_PITCH;
  if (b.kind === 'table')
    return rowHeights(tableColumns(b, width), b.rows, b.fontSize ?? SIZE.xiaosi, compact).reduce((a, h) => a + h, 0);
  return LINE_PITCH;
}

/**
 * The fit of each table kept with the paragraph under it (its 注) that starts on the first page of a flow beginning
 * `top` twips down a fresh page (an 附件: its label and title above). Tables further on are left as they are: the
 * estimate is not good enough there.
 */
function fitTables(blocks: GongwenBlock[], width: number, page: number, top: number): Map<number, TableFit> {
  const fits = new Map<number, TableFit>();
  let y = top;
  for (let i = 0; i < blocks.length && y < page; i++) {
    const b = blocks[i];
    const note = blocks[i + 1];
    if (b.kind === 'table' && b.keepWithNext && note?.kind === 'paragraph') {
      const after = blockHeight(note, width);
      const room = page - FIT_SLACK - y;
      if (blockHeight(b, width) + after <= room) break;
      const tight = blockHeight(b, width, true);
      if (tight + after <= room) fits.set(i, { compact: true });
      else if (tight + after <= page - FIT_SLACK && i > 0) fits.set(i, { compact: true, keepWhole: true });
      break;
    }
    y += blockHeight(b, width);
  }
  return fits;
}

/** A cell with a line that is just a date (2026-12-16 in the data, 2026年12月16日 on paper). */
const holdsDate = (cell: string) => cell.split(/\r?\n/).some((l) => /^\d{4}-\d{2}-\d{2}$/.test(l.trim()));

/**
 * Widens the columns holding dates so that a date in 公文 form (2026年12月26日) stands on one line rather than break
 * after 月. The width comes from the other columns, each giving in proportion to what it has beyond its header's
 * width, so the table keeps its width and no heading is squeezed onto two lines. Twips.
 */
function widenDateColumns(widths: number[], headers: string[], dates: boolean[], halfPoints: number): number[] {
  // A text's width at the table's size, with the cell's margins (80 twips each side) and a little to spare.
  const fit = (text: string) => Math.ceil(textWidthInChars(text) * halfPoints * 10) + 200;
  const need = fit('2026年12月26日');
  const short = widths.reduce((n, w, i) => n + (dates[i] ? Math.max(0, need - w) : 0), 0);
  const spare = widths.map((w, i) => (dates[i] ? 0 : Math.max(0, w - fit(headers[i]))));
  const spareTotal = spare.reduce((a, b) => a + b, 0);
  if (!short || short > spareTotal) return widths;
  const out = widths.map((w, i) => (dates[i] ? Math.max(w, need) : w - Math.floor((short * spare[i]) / spareTotal)));
  // Whole twips: the rounding goes to the column with the most to spare.
  out[spare.indexOf(Math.max(...spare))] += widths.reduce((a, b) => a + b, 0) - out.reduce((a, b) => a + b, 0);
  return out;
}

/** A marker paragraph that the XML takes the place of after compiling (postprocess.ts). */
function slotParagraph(slots: TableSlot[], xml: string): Paragraph {
  slots.push({ xml });
  return new Paragraph({ children: [new TextRun(`${TABLE_MARK}${slots.length - 1}${TABLE_MARK_END}`)] });
}

/**
 * The blocks as paragraphs (tables as marker paragraphs). With `keepEnd` (the lines the 落款 after them takes), the
 * blank lines at the end and the last block holding text are kept with what follows (a heading only when it fits on
 * a page with those lines; see KEEP_WITH_NEXT).
 */
function renderBlocks(
  blocks: GongwenBlock[],
  width: number,
  slots: TableSlot[],
  gridded: boolean,
  keepEnd?: { tailLines: number },
  tableFits: Map<number, TableFit> = new Map(),
): Paragraph[] {
  const out: Paragraph[] = [];
  const lastText = keepEnd ? blocks.findLastIndex((b) => b.kind !== 'blank') : blocks.length;
  const fits = (text: string) =>
    !!keepEnd && estimatedLines(text.split(/\r?\n/).pop() ?? '') + keepEnd.tailLines <= KEEP_PAGE_LINES;
  blocks.forEach((b, i) => {
    const last = !!keepEnd && i === lastText;
    const after = !!keepEnd && i > lastText;
    // A short paragraph that leads into a table (not a picture's) is kept with the table's first rows.
    const intro =
      blocks[i + 1]?.kind === 'table' &&
      b.kind === 'paragraph' &&
      b.height === undefined &&
      estimatedLines(b.text.split(/\r?\n/).pop() ?? '') <= INTRO_LINES;
    if (b.kind === 'paragraph') out.push(...bodyParagraphs(b.text, last || intro));
    else if (b.kind === 'heading')
      out.push(headingParagraph(b.level, b.text, b.body, last && fits(b.text + (b.body ?? ''))));
    else if (b.kind === 'blank') out.push(blankParagraph(after));
    else if (b.kind === 'filing')
      out.push(
        new Paragraph({
          spacing: exactLine,
          keepNext: last || blocks[i + 1]?.kind === 'table',
          children: [run(b.text, FONT.body, SIZE.si)],
        }),
      );
    else {
      // A table's last row goes over with the 落款 (rows never split, so it is a few lines at most), or with the
      // paragraph after it when the table asks (its 注).
      const keep = last || !!b.keepWithNext;
      out.push(tablePlaceholder(b, width, slots, !gridded, keep, tableFits.get(i)));
      // A paragraph follows the table kept with it: no spacer (on the line grid it takes a whole line, and may push
      // that paragraph to the next page).
      if (b.keepWithNext && !last && blocks[i + 1]?.kind === 'paragraph') return;
      // Word needs a paragraph after a table at the end of a section.
      out.push(
        new Paragraph({
          spacing: { line: 240, lineRule: LineRuleType.EXACT },
          keepNext: keep,
          children: [run('', FONT.body, SIZE.wu)],
        }),
      );
    }
  });
  return out;
}

/** 2号 characters on a 156 mm line (22 pt = 7.76 mm): 20. */
const TITLE_CHARS_PER_LINE = 20;
/**
 * Where a title may break: after the year, after an organisation's name, before 关于, before the words naming the
 * document (政务公开…方案/要点/…), never inside a word. A line is never one word left over ("方案").
 */
const TITLE_BREAK_AFTER = /(?:\d{4}年(?:度)?|(?:局|厅|委员会|委|办公室|办公厅|政府|院|中心|公司|小组))(?=.)/g;
const TITLE_BREAK_BEFORE =
  /(?=关于|政务公开|政府信息公开|(?:重点)?工作(?:实施)?(?:方案|要点|计划|总结|报告)|实施方案|重点任务)/g;

/**
 * The title's lines (§7.3.1): one line when it fits; else broken at a meaningful point so the lines are about
 * equal, the upper not longer than the lower where possible (梯形 or 菱形), each line fitting the type area.
 */
function breakTitle(title: string, perLine = TITLE_CHARS_PER_LINE): string[] {
  const given = title
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (given.length !== 1) return given;
  const t = given[0];
  if (textWidthInChars(t) <= perLine) return [t];
  const cuts = new Set<number>();
  for (const m of t.matchAll(TITLE_BREAK_AFTER)) cuts.add(m.index! + m[0].length);
  for (const m of t.matchAll(TITLE_BREAK_BEFORE)) if (m.index! > 0) cuts.add(m.index!);
  let best: { lines: string[]; score: number } | null = null;
  const consider = (lines: string[]) => {
    const w = lines.map((l) => textWidthInChars(l));
    if (w.some((x) => x > perLine) || lines.some((l) => [...l].length < 3)) return;
    const spread = Math.max(...w) - Math.min(...w);
    // Upper lines longer than lower ones (倒梯形) only when nothing better fits.
    const inverted =
      w.slice(1).some((x, i) => x < w[i] - 1) && !(lines.length === 3 && w[1] > w[0] && w[1] > w[2]) ? 2 : 0;
    const score = spread + inverted + lines.length * 3;
    if (!best || score < best.score) best = { lines, score };
  };
  const sorted = [...cuts].sort((a, b) => a - b);
  for (const a of sorted) {
    consider([t.slice(0, a), t.slice(a)]);
    for (const b of sorted) if (b > a) consider([t.slice(0, a), t.slice(a, b), t.slice(b)]);
  }
  if (best) return (best as { lines: string[] }).lines;
  // No meaningful point fits: halves, so no line is a stray word.
  const half = Math.ceil([...t].length / 2);
  return [[...t].slice(0, half).join(''), [...t].slice(half).join('')];
}

function titleParagraphs(title: string): Paragraph[] {
  return breakTitle(title).map(
    (line) =>
      new Paragraph({
        spacing: exactLine,
        alignment: AlignmentType.CENTER,
        children: [run(line, FONT.title, SIZE.er)],
      }),
  );
}

const RED = 'FF0000';

/** Millimetres in twips. */
const mm = (x: number) => Math.round((x * 1440) / 25.4);

/**
 * Where the baseline sits in a line of EXACT height: 80 % of the height below the line's top, whatever the font
 * (LibreOffice: SwTextFormatter::CalcRealHeight, "fix" line spacing; Word too places it by the height alone,
 * measured at 0.8–0.82 of it). So positions computed from exact line heights hold with 方正小标宋 on the office's PC
 * as with its stand-in here; the 发文机关标志's own line is kept short (1.2 em) so that the 2 % between the two
 * stays under 0.3 mm, the rest of the 35 mm being an empty line above it.
 */
const EXACT_BASELINE = 0.8;
/**
 * A CJK character around its baseline, in ems: the ideographic em box reaches 0.88 above and 0.12 below; the strokes
 * of 宋体-style ideographs begin a little under the box's top (0.835 em measured with the Noto stand-in), so the top
 * edge a ruler finds on paper is taken at 0.86 em.
 */
const CHAR_TOP = 0.86;
const EM_BELOW = 0.12;

/** §7.2.3: the 发文机关标志's top edge 35 mm below the type area's top (下行文; 上行文 would be 80 mm). */
const MARK_TOP_MM = 35;
/** §7.2.4: the red separator line 4 mm below the 发文字号. */
const RULE_BELOW_NUMBER_MM = 4;
/** The separator line's weight: 18 eighths of a point (2.25 pt, 0.8 mm). */
const RULE_SIZE = 18;

/** §10.1 信函格式: the mark's top edge 30 mm below the page's top edge; the double lines 170 mm long. */
const LETTER_MARK_TOP_MM = 30;
const LETTER_RULE_MM = 170;
/** §10.1: the second double line 20 mm above the page's foot (A4: 297 mm). */
const LETTER_FOOT_RULE_MM = 297 - 20;
/** The double lines: 3 pt in all (thick 上粗下细 above, 上细下粗 at the foot). */
const LETTER_RULE_SIZE = 24;

/** The 发文机关标志's size: 小初 (36 pt) when it fits the 156 mm line, else 一号 (26 pt). */
function markSize(orgMark: string): number {
  return textWidthInChars(orgMark) * 36 <= (156 / 25.4) * 72 ? 36 : 26;
}

/**
 * 信函格式 版头 (§10.1) as WordprocessingML: the mark in a frame placed on the page (its top edge 30 mm from the
 * page's top, above the type area, so no empty lines are spent on it) with the first red double line 4 mm under the
 * mark, a second frame holding the double line 20 mm above the page's foot, then the 发文字号 at the right with one
 * character's space. Text flows below the first frame (notBeside).
 */
function letterHeadXml(orgMark: string, docNumber: string | undefined): string {
  const pt = markSize(orgMark);
  const markLine = Math.round(pt * 20 * 1.2);
  const y = Math.round(mm(LETTER_MARK_TOP_MM) - (EXACT_BASELINE * markLine - CHAR_TOP * pt * 20));
  // From the mark's lowest stroke to its line's foot, then the border's space up to 4 mm.
  const glyphToFoot = (1 - EXACT_BASELINE) * markLine - EM_BELOW * pt * 20;
  const space = Math.max(0, Math.round((mm(4) - glyphToFoot) / 20));
  const frame = (top: number) =>
    `<w:framePr w:w="${mm(LETTER_RULE_MM)}" w:wrap="notBeside" w:vAnchor="page" w:hAnchor="page" w:xAlign="center" w:y="${top}"/>`;
  return (
    `<w:p><w:pPr>${frame(y)}<w:pBdr><w:bottom w:val="thickThinSmallGap" w:color="${RED}" w:sz="${LETTER_RULE_SIZE}" w:space="${space}"/></w:pBdr>` +
    `<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="${markLine}" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>` +
    `${runXml(orgMark, FONT.title, pt * 2, `<w:color w:val="${RED}"/>`)}</w:p>` +
    `<w:p><w:pPr>${frame(mm(LETTER_FOOT_RULE_MM))}<w:pBdr><w:top w:val="thinThickSmallGap" w:color="${RED}" w:sz="${LETTER_RULE_SIZE}" w:space="0"/></w:pBdr>` +
    `<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>` +
    (docNumber
      ? `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="${LINE_PITCH}" w:lineRule="exact"/><w:ind w:right="${CHAR_WIDTH}"/><w:jc w:val="right"/></w:pPr>${runXml(docNumber, FONT.body, SIZE.san)}</w:p>`
      : '')
  );
}

/** An empty line of exact height off the page's line grid (which would round it up to whole grid lines). */
const exactEmptyLine = (twips: number) =>
  `<w:p><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="${twips}" w:lineRule="exact"/></w:pPr></w:p>`;

function runXml(text: string, eastAsia: string, halfPoints: number, extra = ''): string {
  const spacing = halfPoints === SIZE.san ? `<w:spacing w:val="${CHAR_SPACING}"/>` : '';
  return (
    `<w:r><w:rPr><w:rFonts w:ascii="${FONT.latin}" w:cs="${FONT.latin}" w:eastAsia="${eastAsia}" w:hAnsi="${FONT.latin}"/>` +
    `${extra}${spacing}<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/></w:rPr>` +
    `<w:t xml:space="preserve">${escXml(text)}</w:t></w:r>`
  );
}

/**
 * 版头 (§7.2) as WordprocessingML: 发文机关标志 in red 小标宋 centred, its top edge 35 mm below the type area's top;
 * the 发文字号 centred two lines below it; the red separator line across the type area 4 mm below the 发文字号. Every
 * line has an exact height and stays off the line grid, so the positions follow from the heights alone (see
 * EXACT_BASELINE): an empty line of the height that puts the mark's top edge at 35 mm, the mark's line, two body
 * lines, the 发文字号's line with the rule as its bottom border (drawn `space` points below the line's foot). The
 * caller leaves two lines before the title (标题 "红色分隔线下空二行", §7.3.1).
 */
function headXml(orgMark: string, docNumber: string | undefined): string {
  const pt = markSize(orgMark);
  const markLine = Math.round(pt * 20 * 1.2);
  const above = Math.round(mm(MARK_TOP_MM) - EXACT_BASELINE * markLine + CHAR_TOP * pt * 20);
  // The 发文字号's em box ends this far above its line's foot; the rule's middle goes 4 mm below that end.
  const numberFoot = (1 - EXACT_BASELINE) * LINE_PITCH - EM_BELOW * SIZE.san * 10;
  const space = Math.max(0, Math.round((mm(RULE_BELOW_NUMBER_MM) - numberFoot) / 20 - RULE_SIZE / 16));
  const p = (pPr: string, runs = '') =>
    `<w:p><w:pPr><w:snapToGrid w:val="0"/>${pPr}<w:spacing w:before="0" w:after="0" w:line="${LINE_PITCH}" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>${runs}</w:p>`;
  return (
    exactEmptyLine(above) +
    `<w:p><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="${markLine}" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>` +
    `${runXml(orgMark, FONT.title, pt * 2, `<w:color w:val="${RED}"/>`)}</w:p>` +
    p('') +
    p('') +
    p(
      `<w:pBdr><w:bottom w:val="single" w:color="${RED}" w:sz="${RULE_SIZE}" w:space="${space}"/></w:pBdr>`,
      docNumber ? runXml(docNumber, FONT.body, SIZE.san) : '',
    )
  );
}

/**
 * 署名 and 成文日期 with a seal (§7.3.5.1): the date four characters from the right, the 署名 centred over it; the
 * seal is pressed over both, so two lines are left above for it.
 */
function sealedSignatureParagraphs(org: string, isoDate: string, keepDate: boolean): Paragraph[] {
  const date = formatChineseDate(isoDate);
  const ws = textWidthInChars(org);
  const wd = textWidthInChars(date);
  const dateRight = 4;
  const sigRight = Math.max(0, dateRight + (wd - ws) / 2);
  // The 署名 is kept on the page of its 成文日期, and the date with the 附注 after it.
  const para = (text: string, right: number, keepNext = false) =>
    new Paragraph({
      spacing: exactLine,
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(right * CHAR_WIDTH) },
      keepNext,
      children: [run(text, FONT.body, SIZE.san)],
    });
  return [blankParagraph(true), para(org, sigRight, true), para(date, dateRight, keepDate)];
}

/**
 * 版记 (§7.4): 印发机关 左空一字, 印发日期 右空一字 with "印发", 4号仿宋, between a 0.35 mm rule above and below (a
 * 0.25 mm rule would part it from a 抄送 line). Its last rule lies on the last page's type area's lower edge
 * (§7.4.1), however far the text above ends: a paragraph frame (w:framePr) aligned to the bottom of the margin
 * box, which Word, WPS and LibreOffice all place alike (a floating table they do not); when the last page is full,
 * the frame goes to the next page with the paragraph it hangs on. With only 印发机关 and 印发日期 there is no 抄送
 * line, so no 0.25 mm rule between.
 */
/** The 版记's line: 4号 with room for its rules inside one body line. */
const IMPRINT_LINE = LINE_PITCH - 60;
const THICK_RULE = 'w:val="single" w:color="000000" w:sz="8"'; // 8 eighths of a point = 1 pt ≈ 0.35 mm
const escXml = (x: string) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const imprintRunProps = `<w:rPr><w:rFonts w:ascii="${FONT.latin}" w:cs="${FONT.latin}" w:eastAsia="${FONT.body}" w:hAnsi="${FONT.latin}"/><w:sz w:val="${SIZE.si}"/><w:szCs w:val="${SIZE.si}"/></w:rPr>`;

/**
 * The 版记 as a frame at the foot of the type area: one paragraph the width of the type area with the rules as its
 * top and bottom borders (borders run between the indents, so the 一字 spaces are tab stops, not indents), and an
 * empty hairline paragraph after it that the frame hangs on.
 */
function imprintFrameXml(issuer: string, isoDate: string, width: number): string {
  const char = SIZE.si * 10;
  const frame = `<w:framePr w:w="${width}" w:wrap="around" w:vAnchor="margin" w:hAnchor="margin" w:xAlign="center" w:yAlign="bottom"/>`;
  const borders = `<w:pBdr><w:top ${THICK_RULE} w:space="1"/><w:bottom ${THICK_RULE} w:space="1"/></w:pBdr>`;
  const tabs = `<w:tabs><w:tab w:val="left" w:pos="${char}"/><w:tab w:val="right" w:pos="${width - char}"/></w:tabs>`;
  const r = (inner: string) => `<w:r>${imprintRunProps}${inner}</w:r>`;
  return (
    `<w:p><w:pPr><w:keepNext/>${frame}${borders}${tabs}<w:snapToGrid w:val="0"/><w:spacing w:after="0" w:before="0" w:line="${IMPRINT_LINE}" w:lineRule="exact"/></w:pPr>` +
    `${r('<w:tab/>')}${r(`<w:t xml:space="preserve">${escXml(issuer)}</w:t>`)}${r('<w:tab/>')}${r(`<w:t xml:space="preserve">${formatChineseDate(isoDate)}印发</w:t>`)}</w:p>` +
    '<w:p><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:after="0" w:before="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>'
  );
}

/**
 * 署名 and 成文日期 without a seal (§7.3.5.2): the signature two characters from the right; the date on the next
 * line, its first character two to the right of the signature's; a date longer than that sits two from the right
 * and pushes the signature left.
 */
function signatureParagraphs(org: string, isoDate: string, keepDate: boolean): Paragraph[] {
  const date = formatChineseDate(isoDate);
  const ws = textWidthInChars(org);
  const wd = textWidthInChars(date);
  let sigRight = 2;
  let dateRight = sigRight + ws - 2 - wd;
  if (dateRight < 2) {
    dateRight = 2;
    sigRight = dateRight + wd + 2 - ws;
  }
  // The 署名 is kept on the page of its 成文日期, and the date with the 附注 after it.
  const para = (text: string, right: number, keepNext = false) =>
    new Paragraph({
      spacing: exactLine,
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(right * CHAR_WIDTH) },
      keepNext,
      children: [run(text, FONT.body, SIZE.san)],
    });
  return [para(org, sigRight, true), para(date, dateRight, keepDate)];
}

/** The footer line: 4号 (14 pt) set solid. */
const FOOTER_LINE = 280;
/**
 * Footer distance so that the 一字线 sits 7 mm below the type area (§7.5: 262 mm + 7 mm = 269 mm from the top).
 * The footer line (4.94 mm) ends FOOTER_DISTANCE above the page's foot; the dash is drawn at the middle of the
 * figures, about 2.1 mm above the line's foot (measured in the LibreOffice rendering with pdftotext -bbox).
 */
const FOOTER_DISTANCE = 1446;

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  // 4号半角宋体 with a 一字线 each side; odd pages one character in from the right, even pages from the left.
  const r = (children: (string | typeof PageNumber.CURRENT)[]) =>
    new TextRun({ children, font: font(FONT.pageNumber, FONT.pageNumber), size: SIZE.si, sizeComplexScript: SIZE.si });
  return new Footer({
    children: [
      new Paragraph({
        // Its own line height: inheriting the body's exact 28.95 pt pitch would set the number 3 mm lower (measured).
        spacing: { line: FOOTER_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [r(['— ']), r([PageNumber.CURRENT]), r([' —'])],
      }),
    ],
  });
}

/**
 * A landscape section's footer: the page number keeps its portrait place on the sheet (§8), so it stands turned
 * on the page's left edge (page-number.ts puts a text box in place of this marker).
 */
function landscapePageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [new TextRun(`${ROTATED_NUMBER_MARK}${side}${ROTATED_NUMBER_MARK_END}`)],
      }),
    ],
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
          // The page number's 一字线 sits 7 mm below the type area (§7.5); see FOOTER_DISTANCE.
          margin: { ...MARGIN, header: 851, footer: FOOTER_DISTANCE },
        },
    // Portrait: a line grid of 22 lines (characters per line come from CHAR_SPACING on the runs). Landscape
    // attachments hold tables, which keep their own line height, so they have no grid.
    grid: landscape
      ? { type: DocumentGridType.DEFAULT, linePitch: LINE_PITCH }
      : { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
  };
}

/** Builds the .docx. Attachments each start a new section (landscape when asked) after the body. */
export async function buildGongwenDocx(data: GongwenDocumentData): Promise<Buffer> {
  const portraitFooters = { default: pageNumberFooter('odd'), even: pageNumberFooter('even') };
  const landscapeFooters = { default: landscapePageNumberFooter('odd'), even: landscapePageNumberFooter('even') };
  const footersFor = (landscape: boolean | undefined) => (landscape ? landscapeFooters : portraitFooters);
  const slots: TableSlot[] = [];
  const main: Paragraph[] = [
    ...(data.orgMark
      ? [
          slotParagraph(slots, (data.letterForm ? letterHeadXml : headXml)(data.orgMark, data.docNumber)),
          blankParagraph(),
          blankParagraph(),
        ]
      : []),
    ...titleParagraphs(data.title),
  ];
  main.push(blankParagraph());
  if (data.addressee)
    main.push(new Paragraph({ spacing: exactLine, children: [run(`${data.addressee}：`, FONT.body, SIZE.san)] }));
  // The end of the body, the 附件说明 and the 落款 hold together (KEEP_WITH_NEXT).
  const attachments = data.attachments ?? [];
  const keep = !!data.signature;
  const tailLines =
    (attachments.length ? 1 + attachments.length : 0) +
    (data.signature ? (data.signature.sealed ? 4 : 3) : 0) +
    (data.note ? 1 : 0);
  main.push(
    ...renderBlocks(
      data.body,
      data.landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH,
      slots,
      !data.landscape,
      keep ? { tailLines } : undefined,
    ),
  );
  if (attachments.length) {
    main.push(blankParagraph(keep));
    // 附件说明 (§7.3.4): 左空二字 "附件：", several are numbered, no punctuation after names, wrapped lines align.
    const names = attachments.map((a, i) => (attachments.length > 1 ? `${i + 1}.${a.title}` : a.title));
    names.forEach((name, i) =>
      main.push(
        new Paragraph({
          spacing: exactLine,
          indent: { left: CHAR_WIDTH * 5, hanging: i === 0 ? CHAR_WIDTH * 3 : 0 },
          keepNext: keep,
          children: [run(i === 0 ? `附件：${name}` : name, FONT.body, SIZE.san)],
        }),
      ),
    );
  }
  if (data.signature) {
    main.push(blankParagraph(true));
    main.push(
      ...(data.signature.sealed ? sealedSignatureParagraphs : signatureParagraphs)(
        data.signature.org,
        data.signature.date,
        !!data.note,
      ),
    );
  }
  if (data.note)
    main.push(
      new Paragraph({ spacing: exactLine, indent: indent2, children: [run(`（${data.note}）`, FONT.body, SIZE.san)] }),
    );

  const sections: ISectionOptions[] = [
    {
      // 信函格式: 首页不显示页码 (the first page's footer is left empty).
      properties: {
        ...sectionProps(!!data.landscape),
        ...(data.letterForm && data.orgMark ? { titlePage: true } : {}),
      },
      footers: footersFor(data.landscape),
      children: main,
    },
  ];
  for (const a of attachments) {
    const width = a.landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH;
    // Above the blocks: the label, a blank line, the title (a 2号 line takes two lines of the grid in LibreOffice;
    // Word sets it on one, so the estimate errs on the tall side) and a blank line.
    const top = (3 + 2 * breakTitle(a.title).length) * LINE_PITCH;
    const fits = fitTables(a.blocks, width, a.landscape ? PAGE_HEIGHT.landscape : PAGE_HEIGHT.portrait, top);
    const children: Paragraph[] = [
      // 附件 (§7.3.7): "附件" 3号黑体 顶格 on the first line; the title centred on the third line.
      new Paragraph({ spacing: exactLine, children: [run(a.label, FONT.heading1, SIZE.san)] }),
      blankParagraph(),
      ...titleParagraphs(a.title),
      blankParagraph(),
      ...renderBlocks(a.blocks, width, slots, !a.landscape, undefined, fits),
    ];
    sections.push({
      properties: { ...sectionProps(!!a.landscape), type: SectionType.NEXT_PAGE },
      footers: footersFor(a.landscape),
      children,
    });
  }

  if (data.imprint) {
    // 版记 on the last page, at its foot: after a landscape 附件 on a portrait page of its own.
    const landscapeLast = attachments.length ? !!attachments[attachments.length - 1].landscape : !!data.landscape;
    const ownPage = landscapeLast && attachments.length > 0;
    // A landscape document without 附件 has its 版记 across the landscape type area.
    const width = data.landscape && !attachments.length ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH;
    const marker = slotParagraph(slots, imprintFrameXml(data.imprint.issuer, data.imprint.date, width));
    if (ownPage)
      sections.push({
        properties: { ...sectionProps(false), type: SectionType.NEXT_PAGE },
        footers: portraitFooters,
        children: [marker],
      });
    else (sections[sections.length - 1].children as Paragraph[]).push(marker);
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
  return packDocx(
    doc,
    slots.map((t) => t.xml),
  );
}
