// The heart of the import: a document as paragraphs (and tables) → source document metadata + numbered items.
// Every input (.docx, .xlsx, .txt, pasted text) ends up here, so real-world mess is handled in one place.

import { extractDeadline, parseDeadlineCell, type Deadline } from '../../../shared/domain/point-deadlines';
import {
  parseChineseNumeral,
  readNumberMark,
  type NumberMark,
  type PointLevel,
} from '../../../shared/domain/point-numbering';
import {
  inlineNotes,
  mergeResponsibility,
  parseResponsibilityNote,
  readNoteLine,
  splitResponsibility,
  type Responsibility,
} from '../../../shared/domain/point-units';
import type { ParsedPoints, PointItem, SourceKind } from '../../../shared/domain/points';
import { titleOfText } from '../../../shared/domain/points-text';
import { importErrors } from './errors';
import { MAX_POINT_ITEMS } from './limits';

/** A paragraph of text, or an item already structured by a table reader (分工表 row). */
export type SourceBlock =
  /** `wrapped`: plain text that may carry hard line breaks inside paragraphs (copied from a PDF or a web page). */
  | {
      kind: 'para';
      text: string;
      wrapped?: boolean;
      /**
       * Beside the text, not in it (a Word text box, the 备注 and 填表人 under a table): read for the title and 文号,
       * never an item or an item's words.
       */
      aside?: boolean;
      /**
       * Set in a Word heading style (标题 1, 标题 2): a heading of that level even with no number typed; its body
       * paragraphs are its items (labels left empty, none invented).
       */
      heading?: 1 | 2;
    }
  | { kind: 'item'; item: RawItem }
  /** Something a reader noticed that the user should check, said from the table's place on ("工作表“分工”…"). */
  | { kind: 'warning'; text: string };

export interface RawItem {
  level: PointLevel;
  label: string;
  value: number;
  /** The item's words as written, responsibility note included, label excluded. */
  body: string;
  /** From a table's 责任单位/牵头单位/配合单位 cells: wins over a note in the text. */
  units?: Responsibility;
  /** From a table's 完成时限 cell. */
  deadlineCell?: string;
  /** Responsibility notes written as lines of their own under the item ("责任单位：…"): out of its text. */
  noteLines?: string[];
  /** The last line added was one of noteLines: a broken note continues there. */
  inNote?: boolean;
  /**
   * An unnumbered paragraph under a heading, read as an item of its own. When none of a heading's paragraphs names
   * a responsible unit they are the heading's words again (an introduction, not tasks).
   */
  unnumbered?: boolean;
  /** A heading by its Word heading style, without a number. */
  styled?: boolean;
  /** The end of the body's last line, kept apart: reading it off a body that grows line by line is quadratic. */
  tail?: string;
}

interface ParseOptions {
  fileName: string;
  sourceKind: SourceKind;
  /** --year or the user's choice; wins over anything found in the document. */
  year?: number;
  /** Used when the document names no year (the working year). */
  fallbackYear: number;
  /** No items is an answer, not an error: a table's columns are left to the user (the preview). */
  allowEmpty?: boolean;
}

// ---- cleaning ------------------------------------------------------------------------------------------------

// A page number: the digits may be missing, where a Word page field (PAGE, NUMPAGES) was saved without its result
// (documents written by programs, not by Word, leave it for Word to fill in).
const PAGE_FOOTER = /第\s*\d*\s*页\s*[,，/／]?\s*共\s*\d*\s*页/g;
const PAGE_NUMBER_LINE = /^(?:[-—－–\s]*\d{0,3}[-—－–\s]*|第\s*\d{0,4}\s*页)$/;
const SITE_CLUTTER =
  /温馨提示|网站客服|版权归属|下载前请|下载文档时|收益归作者|分享赚钱|查看预览|请放心下载|文档由用户上传|付费完成|文档下载|VIP|会员免费/;
const SHORT_CLUTTER =
  /^(?:分享|收藏|下载|下载文档|举报|打印|关闭|收起|展开|返回|返回顶部|首页|扫一扫|分享到|打印本页|关闭窗口|【打印】|【关闭】|【返回】|相关文档|相关阅读|你可能关注的文档|猜你喜欢|热门文档|推荐文档|字号|大中小|默认)\b/;
const FIELD_CLUTTER =
  /^(?:ID|大小|页数|格式|时间|来源|发布时间|发布日期|发布机构|浏览次数|浏览|点击数|阅读量|阅读|作者|字号|分类|标签|上传时间|下载次数)\s*[:：]/;
/** Once the items have begun, these mean the document is over and the site's page continues. */
const END_OF_DOCUMENT =
  /^[【[]?(?:此文档下载收益|你可能关注|相关文档|猜你喜欢|上一篇|下一篇|关键词\s*[:：]|主题词\s*[:：]|打印本页|关闭窗口|分享到|扫一扫在手机)/;
/**
 * After the items: 附件 list, 抄送, 印发 and 此件公开发布 lines, and a 公文's closing formula (特此通知。) close the body
 * (items may follow in an attachment).
 */
const CLOSING_LINE =
  /^(?:(?:相关)?附件(?:下载)?\s*\d*\s*[:：]|(?:相关)?附件\s*\d*$|抄送\s*[:：]|特此(?:通知|通报|函告|报告|批复|公告|函复)[。.]?$|[（(]此件[^）)]*[）)]$|.{2,30}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$)/;
const FILE_NAME_LINE = /^(.{2,80})\.(?:docx?|wps|pdf|xlsx?|et|txt)$/i;
const DATE_LINE =
  /^[（(]?\s*(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*[)）]?$/;
const ISSUER_LINE =
  /^[\u4e00-\u9fff〔〕（）()]{2,30}(?:人民政府|政府|办公厅|办公室|委员会|领导小组|局|厅|委|中心|小组)$/;
const DOC_NUMBER = /[\u4e00-\u9fffA-Za-z]{1,12}\s*[〔[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*第?\s*\d{1,4}\s*号/;
const TITLE_END =
  /(?:要点|方案|通知|意见|计划|分工表?|分解表?|任务表|台账|一览表|安排|任务|清单|细则|措施|办法)(?:[（(][^）)]{1,20}[）)])?$/;

/**
 * A 附件说明 that starts a list of attachments ("附件：1.…", or "附件：" alone before "1.…"): the number its next line
 * has, else null.
 */
function attachmentListStart(line: string): number | null {
  // A web page lists its files under "相关附件：" or "附件下载：".
  const m = /^(?:相关)?附件(?:下载)?\s*[:：]\s*(.*)$/.exec(line);
  if (!m) return null;
  if (!m[1]) return 1;
  const mark = readNumberMark(m[1]);
  return mark?.value === 1 && isAttachmentName(m[1].slice(mark.length)) ? 2 : null;
}

/** A document's name, as an attachment list gives it: short, one phrase, no sentence. */
function isAttachmentName(s: string): boolean {
  return s.length >= 2 && [...s].length <= 60 && !/[。；;，,！？]/.test(s);
}

function normaliseLine(s: string): string {
  return s
    .replace(/[\u3000\u00a0\u2002-\u200b\t\f\v]/g, ' ')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(PAGE_FOOTER, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

function isClutter(line: string): boolean {
  if (SITE_CLUTTER.test(line)) return true;
  if (line.length <= 20 && SHORT_CLUTTER.test(line)) return true;
  // A site's metadata line is clutter, unless it gives the 文号 ("发布日期：2026-03-05 | 文号：某政办发〔2026〕5号").
  if (line.length <= 60 && FIELD_CLUTTER.test(line) && !DOC_NUMBER.test(line)) return true;
  if (PAGE_NUMBER_LINE.test(line)) return true;
  return false;
}

/** "2023 科技局 政务 公开 实施方案": a site's keyword line, short words separated by spaces and no punctuation. */
function isKeywordLine(line: string): boolean {
  return (
    /^(?:\S{1,8} ){2,}\S{1,8}$/.test(line) &&
    !/[，。；：,;:、]/.test(line) &&
    !readNumberMark(line) &&
    // "檀政办发 〔2026〕 5号": a 文号 spaced out as a 版头 sets it.
    !DOC_NUMBER.test(line)
  );
}

const SENTENCE_END = /[。；;！!？?：:）)”"』」]$/;

/** Lines narrower than this are headings and short sentences, too few characters to tell a wrap width by. */
const MIN_WRAP_WIDTH = 12;

/**
 * Text copied from a PDF breaks every line at the same width (28 characters in a GB/T 9704 公文; a narrow web page
 * 17 or 20). When most long lines that do not end a sentence have one length, a line of that length is joined to the
 * next, even at a 。 (a line may end at one inside its paragraph), unless the next starts an item, is indented as a
 * paragraph's first line, or follows a 。 and is plainly a line of its own.
 */
function unwrapHardWraps(raw: string[]): string[] {
  const lines = raw.map(normaliseLine);
  const len = (s: string) => [...s].length;
  const counts = new Map<number, number>();
  for (const l of lines)
    if (len(l) >= MIN_WRAP_WIDTH && !SENTENCE_END.test(l)) counts.set(len(l), (counts.get(len(l)) ?? 0) + 1);
  let width = 0;
  let best = 0;
  for (const [w, n] of counts) {
    const near = n + (counts.get(w - 1) ?? 0) + (counts.get(w + 1) ?? 0);
    if (near > best || (near === best && w > width)) [width, best] = [w, near];
  }
  if (best < 5) return lines;
  // Wrapped text has (almost) no line longer than its width; a length shared by many notes or headings does.
  if (lines.filter((l) => len(l) > width + 1).length > lines.filter(Boolean).length * 0.05) return lines;
  const out: string[] = [];
  let cur = '';
  for (const [k, l] of lines.entries()) {
    const indented = /^(?:\u3000|[ \t]{2,})\S/.test(raw[k]);
    // A line ending in a responsibility note ends its item; after a line ending a sentence, a line that is plainly
    // one of its own (a 关键词 line, a note, a date) starts anew.
    const ownLine =
      (/[)）]$/.test(cur) && !!splitResponsibility(cur.slice(-300)).units) ||
      (SENTENCE_END.test(cur) &&
        (isClutter(l) || END_OF_DOCUMENT.test(l) || CLOSING_LINE.test(l) || parseDateLine(l) || readNoteLine(l)));
    if (cur && (!l || readNumberMark(l, { loose: true }) || indented || ownLine)) {
      out.push(cur);
      cur = '';
    }
    // A space the wrap fell on ("监督检查 局办公室…") stays a space.
    cur += cur && (/\s$/.test(raw[k - 1]) || /^ \S/.test(raw[k])) ? ` ${l}` : l;
    if (!l || len(l) < width - 1) {
      out.push(cur);
      cur = '';
    }
  }
  if (cur) out.push(cur);
  return out;
}

// ---- finding the numbered items ------------------------------------------------------------------------------

const INLINE_BOUNDARY = /[\s。；;！!？?)）]/;
const CIRCLED_BOUNDARY = /[\s。；;！!？?)）：:，,]/;

interface Scan {
  /** Value of the last accepted mark per level, to accept an inline mark only when it follows on. */
  last: Partial<Record<PointLevel, number>>;
  /** Value of the last accepted mark per level, kept across sections (a 要点 may number 1…36 through all of them). */
  seen: Partial<Record<PointLevel, number>>;
}

/** Splits one line at its numbering marks: line-start marks always count; inline ones must follow on. */
function splitAtMarks(line: string, scan: Scan): { before: string; marks: { mark: NumberMark; body: string }[] } {
  const found: { at: number; mark: NumberMark }[] = [];
  const accept = (at: number, mark: NumberMark, inline: boolean): boolean => {
    const prev = scan.last[mark.level];
    const followsOn =
      mark.value === 1 ||
      mark.value === (prev ?? 0) + 1 ||
      (!!mark.loose && prev === undefined && mark.value === (scan.seen[mark.level] ?? 0) + 1);
    if (inline && !followsOn) return false;
    found.push({ at, mark });
    scan.last[mark.level] = mark.value;
    scan.seen[mark.level] = mark.value;
    for (let l = (mark.level + 1) as PointLevel; l <= 5; l++) delete scan.last[l as PointLevel];
    return true;
  };
  let i = 0;
  // A line-start numeral followed by only a space counts where it follows on, as an inline mark does.
  const first = readNumberMark(line, { loose: true });
  if (first && accept(0, first, !!first.loose)) i = first.length;
  for (; i < line.length; i++) {
    const prevCh = line[i - 1];
    if (prevCh === undefined) continue;
    const ch = line[i];
    if (!/[一二三四五六七八九十（(\d①-⑳㉑-㉟⑴-⒇⒈-⒛]/.test(ch)) continue;
    if (!CIRCLED_BOUNDARY.test(prevCh)) continue;
    // A mark is a dozen characters at most: look at a window, not the rest of a long line (a whole plan on one line).
    const mark = readNumberMark(line.slice(i, i + 24));
    if (!mark) continue;
    const boundary = mark.level === 5 ? CIRCLED_BOUNDARY : INLINE_BOUNDARY;
    if (!boundary.test(prevCh)) continue;
    // Digits glued to a preceding digit or letter are part of something else ("第12.3条").
    if (/[0-9A-Za-z.．]/.test(prevCh)) continue;
    // "1.2" inside a line is a sub-item only under item 1 (else a number: "提高 1.2 倍").
    if (mark.label.includes('.') && !mark.label.startsWith(`${scan.last[3] ?? ''}.`)) continue;
    if (accept(i, mark, true)) i += mark.length - 1;
  }
  const marks = found.map((f, k) => ({
    mark: f.mark,
    body: line.slice(f.at + f.mark.length, k + 1 < found.length ? found[k + 1].at : line.length).trim(),
  }));
  return { before: found.length ? line.slice(0, found[0].at).trim() : line, marks };
}

// ---- lines under an item -------------------------------------------------------------------------------------

/**
 * A line ending so is a whole sentence, clause or note: the next line is a new one. Any other end is a break inside
 * a sentence (Word's Shift+Enter, a web page's <br>, a PDF's line width): the next line runs on.
 */
const LINE_COMPLETE = /[。；;！!？?：:）)]$/;
/**
 * "注：…", "完成时限：…" (a short label of its own) or a table's 合计 row after a line broken inside a sentence are lines
 * of their own, unless that line left a bracket open ("（责任" + "单位：…）").
 */
function runsOn(last: string, next: string): boolean {
  if (!last || !next || LINE_COMPLETE.test(last) || readNumberMark(next, { loose: true })) return false;
  const open = (last.match(/[（(〔[［【]/g) ?? []).length > (last.match(/[）)〕\]］】]/g) ?? []).length;
  return open || !/^(?:[\u4e00-\u9fff]{1,6}\s*[:：]|[合总小]\s*计)/.test(next);
}

/**
 * The end of the last line of `text` (after `sep`), at most a few hundred characters: enough to see how it ends and
 * whether it left a bracket open, without rereading a paragraph that grows line by line (quadratic on a huge one).
 */
function lastLineEnd(text: string, sep: string): string {
  const tail = text.slice(-300);
  return tail.slice(tail.lastIndexOf(sep) + 1);
}

/**
 * "完成时限：2026年9月30日前" (or 完成时间、时间节点、时限要求) on a line of its own under an item: read as the item's time
 * note, out of its text, as a "责任单位：…" line is.
 */
const DEADLINE_LINE = /^(?:完成时限|完成时间|办结时限|时限要求|时间要求|时间节点|时限)\s*[:：]\s*\S/;

/** A line of its own under an item: its responsibility note or its time limit. */
const isNoteLine = (line: string) => DEADLINE_LINE.test(line) || !!readNoteLine(line);

/**
 * The item is finished: its last line ends with its responsibility note ("…。（责任单位：县政府办）"), or a note line
 * of its own closed it. A paragraph after it is not its words (a closing sentence, a table's title, "相关附件："), only
 * another note line is.
 */
function isClosed(item: RawItem): boolean {
  if (item.inNote && item.noteLines?.length) return true;
  const tail = item.tail ?? lastLineEnd(item.body, '\n');
  if (!/[)）】][。．.；;]?$/.test(tail) && !/(?:单位|牵头|配合)\s*[:：]/.test(tail)) return false;
  const split = splitResponsibility(tail.trim());
  return !!split.units && !!split.note;
}

/** "（一）加强政策发布解读": a numbered heading of one short line without a sentence's stop; paragraphs follow it. */
function isHeading(item: RawItem): boolean {
  if (item.styled) return true;
  return (
    item.level <= 2 &&
    !item.unnumbered &&
    item.label !== '' &&
    item.body.length <= 80 &&
    !item.body.includes('\n') &&
    !/[。；;！!？?]/.test(item.body) &&
    [...item.body].length <= 40
  );
}

/**
 * Adds a line without a numeral to the item above it: a responsibility note of its own line is the item's note; a
 * line after a break inside a sentence runs on without the break; a paragraph under a heading is an unnumbered
 * item of its own (returned, to be added); any other paragraph stays the item's, on a line of its own.
 */
function addLine(item: RawItem, line: string): RawItem | null {
  if (!item.body) {
    item.body = line;
    return null;
  }
  if (isNoteLine(line)) {
    (item.noteLines ??= []).push(line);
    item.inNote = true;
    return null;
  }
  if (item.inNote && item.noteLines?.length) {
    // A note has no stop at its end: it runs on to this line only when it is visibly unfinished (an open bracket,
    // a trailing 、) or this line names units and nothing else.
    const last = item.noteLines[item.noteLines.length - 1];
    const open = (last.match(/[（(〔[［]/g) ?? []).length > (last.match(/[）)〕\]］]/g) ?? []).length;
    const unfinished =
      open ||
      /[、，,；;]$/.test(last) ||
      (!/[。]/.test(line) && !DEADLINE_LINE.test(last) && parseResponsibilityNote(line));
    if (last.length < 2000 && unfinished) {
      item.noteLines[item.noteLines.length - 1] = last + line;
      return null;
    }
  }
  const lastLine = item.tail ?? lastLineEnd(item.body, '\n');
  if (!item.inNote && !isHeading(item) && runsOn(lastLine, line)) {
    item.body += line;
    item.tail = (lastLine + line).slice(-300);
    return null;
  }
  if (isHeading(item) || item.unnumbered)
    return {
      level: Math.min(5, item.unnumbered ? item.level : item.level + 1) as PointLevel,
      label: '',
      value: 0,
      body: line,
      unnumbered: true,
    };
  item.body += `\n${line}`;
  item.tail = line.slice(-300);
  item.inNote = false;
  return null;
}

/** Names a responsible unit: a closing note or a note line. */
const hasNote = (item: RawItem) => Boolean(item.noteLines?.length || splitResponsibility(item.body.trim()).units);

/**
 * A heading's unnumbered paragraphs are its tasks when one of them names a responsible unit; otherwise they are the
 * heading's own words (总体要求 and its paragraph) and go back into its text.
 */
function foldUnnumberedIntroductions(items: RawItem[]): void {
  for (let i = 0; i < items.length; i++) {
    let end = i + 1;
    while (end < items.length && items[end].unnumbered) end++;
    if (end === i + 1 || items.slice(i + 1, end).some(hasNote)) {
      i = end - 1;
      continue;
    }
    for (const para of items.splice(i + 1, end - i - 1)) items[i].body += `\n${para.body}`;
  }
}

/**
 * Lines of one paragraph (Word's Shift+Enter or a carriage return, read as LINE SEPARATOR) run on where the break is
 * inside a sentence, even after a heading's words, and after a sentence's stop too: unlike a line of plain text, the
 * next line is not a paragraph of its own. A note or time-limit line, a numbered line and a line after the note that
 * closes an item stay lines of their own.
 */
function joinSoftBreaks(text: string): string {
  if (!text.includes('\u2028')) return text;
  return text
    .split('\n')
    .map((para) => {
      const lines = para.split('\u2028');
      const out = [lines[0]];
      let last = lines[0].slice(-300);
      for (const line of lines.slice(1)) {
        const prev = normaliseLine(last);
        const next = normaliseLine(line);
        const joins =
          !isNoteLine(next) &&
          (runsOn(prev, next) ||
            (/[。；;！!？?]$/.test(prev) &&
              !!next &&
              !readNumberMark(next, { loose: true }) &&
              !(/[)）]/.test(prev.slice(-3)) && splitResponsibility(prev).note)));
        out.push(joins ? line : `\u2028${line}`);
        last = joins ? (last + line).slice(-300) : line.slice(-300);
      }
      return out.join('');
    })
    .join('\n');
}

/** A table cell's text broken inside a sentence (Excel's Alt+Enter, a Word cell's Shift+Enter) runs on. */
function joinBrokenLines(text: string): string {
  const lines = text.split('\n');
  const out = [lines[0]];
  let last = lines[0].slice(-300);
  for (const line of lines.slice(1)) {
    const next = line.trim();
    const joins = runsOn(last.trim(), next) && !readNoteLine(next);
    out.push(joins ? next : `\n${line}`);
    last = joins ? (last + next).slice(-300) : line.slice(-300);
  }
  return out.join('');
}

// ---- metadata ------------------------------------------------------------------------------------------------

function parseDateLine(line: string): string | null {
  const m = DATE_LINE.exec(line.replace(/\s+/g, ''));
  if (!m) return null;
  const cnDigit = (s: string) =>
    s
      .split('')
      .map((c) => '〇一二三四五六七八九'.indexOf(c === '零' ? '〇' : c))
      .join('');
  const toNum = (s: string) => (/^\d+$/.test(s) ? Number(s) : (parseChineseNumeral(s) ?? 0));
  const year = /^\d+$/.test(m[1]) ? Number(m[1]) : Number(cnDigit(m[1]));
  const month = toNum(m[2]);
  const day = toNum(m[3]);
  if (!year || !month || !day || month > 12 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

interface Meta {
  title: string | null;
  docNumber: string | null;
  issuer: string | null;
  issuedDate: string | null;
}

function readMeta(preamble: string[], closing: string[], titleHints: string[]): Meta {
  const meta: Meta = { title: null, docNumber: null, issuer: null, issuedDate: null };
  for (const line of [...preamble, ...closing]) {
    const dn = DOC_NUMBER.exec(line);
    // A 文号 on its own (short) line is this document's, and so is one a web page labels in its metadata line
    // ("发布时间：… | 来源：… | 文号：某政办发〔2026〕5号"); one inside a sentence refers to another document.
    const labelled = dn && /(?:文号|发文字号|文件编号)\s*[:：]\s*$/.test(line.slice(0, dn.index));
    if (dn && !meta.docNumber && (line.length <= 40 || dn.index === 0 || labelled))
      meta.docNumber = dn[0].replace(/\s+/g, '');
    const date = parseDateLine(line);
    if (date && !meta.issuedDate) meta.issuedDate = date;
    if (!meta.issuer && ISSUER_LINE.test(line) && !TITLE_END.test(line)) meta.issuer = line;
  }
  for (const [i, line] of preamble.entries()) {
    const head = titleOfText(line);
    if (head.length >= 4 && head.length <= 80 && TITLE_END.test(head) && !DOC_NUMBER.test(head)) {
      // A title set over two lines ("2023年全县政务公开" / "工作要点"): the line before belongs to it when it is a
      // short line without a sentence's punctuation and is not the 发文机关, 文号 or a date.
      const prev = i > 0 ? preamble[i - 1] : '';
      const joins =
        prev &&
        head.length <= 20 &&
        prev.length <= 40 &&
        !/[。；;，,：:！？]/.test(prev) &&
        !DOC_NUMBER.test(prev) &&
        !parseDateLine(prev) &&
        !(ISSUER_LINE.test(prev) && !/\d{4}年/.test(prev)) &&
        !/文件$/.test(prev) &&
        !/^附件\s*\d*\s*[:：]?$/.test(prev);
      // A title set as 公文 set it, the 发文机关 on lines of their own above "关于…的通知" ("某县人民政府办公室" /
      // "某县财政局" / "关于印发…的通知"): they are its first words.
      const organs: string[] = [];
      for (let k = i - 1; k >= 0 && /^关于/.test(head) && ISSUER_LINE.test(preamble[k]); k--)
        organs.unshift(preamble[k]);
      meta.title = organs.length ? `${organs.join(' ')}${head}` : joins ? `${prev}${head}` : head;
      break;
    }
  }
  if (!meta.title) {
    const hint = titleHints.find((h) => h.trim().length >= 2);
    if (hint) meta.title = hint.trim();
  }
  if (!meta.title) {
    const first = preamble.find((l) => l.length >= 4 && l.length <= 60 && !parseDateLine(l) && !DOC_NUMBER.test(l));
    if (first) meta.title = first;
  }
  return meta;
}

/** The year the document is about: its title's year, else its 文号's (〔2023〕), else the most frequent "20xx年" in it. */
function detectYear(title: string | null, allText: string, docNumber: string | null = null): number | null {
  const t = title ? /((?:19|20)\d{2})\s*年/.exec(title) : null;
  if (t) return Number(t[1]);
  const dn = docNumber ? /[〔[［(（]\s*((?:19|20)\d{2})\s*[〕\]］)）]/.exec(docNumber) : null;
  if (dn) return Number(dn[1]);
  const counts = new Map<number, number>();
  for (const m of allText.matchAll(/(?<!\d)((?:19|20)\d{2})\s*年/g))
    counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts)
    if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  return best;
}

// ---- the whole document --------------------------------------------------------------------------------------

/** Turns the blocks of a document into metadata and items. Throws NO_ITEMS / TOO_MANY_ITEMS. */
export function parseBlocks(blocks: SourceBlock[], opts: ParseOptions): ParsedPoints {
  const warnings: string[] = [];
  const preamble: string[] = [];
  const closing: string[] = [];
  const titleHints: string[] = [];
  const items: RawItem[] = [];
  const scan: Scan = { last: {}, seen: {} };
  let afterSignature = false;
  /**
   * The last item is a table's row: a paragraph after the table (a caption before the next table, a 注) is not part
   * of it, as a line after a numbered paragraph is part of that.
   */
  let afterTable = false;
  /** The number the next line of a 附件说明's list of attachments has, or null outside one. */
  let attachment: number | null = null;
  let ended = false;
  const allText: string[] = [];
  /** The items a table reader structured (its rows), not found in text. */
  const tableItems = new Set<RawItem>();

  /** Paragraphs after an item closed by its note: not its words; only one with a note of its own is a task. */
  let afterClosed = false;

  /** Where the closing lines after the body's last item (not a table's row) begin. */
  let bodyClosing = 0;

  const addItem = (item: RawItem) => {
    items.push(item);
    if (!tableItems.has(item)) bodyClosing = closing.length;
    afterSignature = false;
    afterClosed = false;
    if (items.length > MAX_POINT_ITEMS) throw importErrors.tooMany(opts.fileName, items.length, MAX_POINT_ITEMS);
  };

  for (const block of blocks) {
    if (ended) break;
    if (block.kind === 'warning') {
      warnings.push(`“${opts.fileName}”中的${block.text}`);
      continue;
    }
    if (block.kind === 'item') {
      // A 分工表 after the body, under its own title ("附件" / "2026年政务公开重点任务分工表"), starts afresh: its
      // rows are its own group under that title, not tasks of the body's last heading.
      const last = items[items.length - 1];
      if (last && !tableItems.has(last) && block.item.level > 1) {
        const since = closing.slice(bodyClosing);
        const title = [...since].reverse().find((l) => [...l].length <= 60 && TITLE_END.test(titleOfText(l)));
        const annex = since.find((l) => /^附件\s*\d*\s*[:：]?$/.test(l));
        if (title || annex) {
          const group: RawItem = { level: 1, label: '', value: 0, body: title ?? annex! };
          tableItems.add(group);
          addItem(group);
        }
      }
      const item = { ...block.item, body: joinBrokenLines(block.item.body) };
      tableItems.add(item);
      addItem(item);
      afterTable = true;
      allText.push(block.item.body, block.item.deadlineCell ?? '');
      continue;
    }
    if (block.aside) {
      for (const line of block.text.split(/\r\n|\r|\n|\u2028|\u2029/).map(normaliseLine))
        if (line && !isClutter(line)) (items.length ? closing : preamble).push(line);
      continue;
    }
    if (block.heading) {
      const line = normaliseLine(block.text.replace(/[\u2028\r\n]+/g, ''));
      // A heading style without a typed number, past the document's title: a heading of its level. One with a
      // number (typed or Word's own) is read by its number, as any paragraph.
      if (line && !readNumberMark(line, { loose: true }) && (items.length || !TITLE_END.test(line))) {
        allText.push(line);
        addItem({ level: block.heading, label: '', value: 0, body: line, styled: true });
        for (let l = (block.heading + 1) as PointLevel; l <= 5; l++) delete scan.last[l as PointLevel];
        afterTable = false;
        continue;
      }
    }
    const rawLines = joinSoftBreaks(block.text).split(/\r\n|\r|\n|\u2028|\u2029/);
    for (const rawLine of block.wrapped ? unwrapHardWraps(rawLines) : rawLines) {
      const line = normaliseLine(rawLine);
      if (!line) continue;
      if (items.length && END_OF_DOCUMENT.test(line)) {
        ended = true;
        break;
      }
      const fileNameLine = FILE_NAME_LINE.exec(line);
      if (fileNameLine && !items.length) {
        titleHints.push(fileNameLine[1]);
        continue;
      }
      if (isClutter(line) || isKeywordLine(line)) continue;
      allText.push(line);
      // The signature and date after the items close the body; what follows is not part of the last item.
      if (
        items.length &&
        (parseDateLine(line) || CLOSING_LINE.test(line) || (ISSUER_LINE.test(line) && !readNumberMark(line)))
      ) {
        closing.push(line);
        afterSignature = true;
        attachment = attachmentListStart(line);
        continue;
      }
      // "附件：1.分工表" / "2.联系人名单": the attachments the 附件说明 lists are document names, not items.
      if (attachment !== null) {
        const mark = readNumberMark(line);
        if (mark && mark.value === attachment && isAttachmentName(line.slice(mark.length))) {
          closing.push(line);
          attachment++;
          continue;
        }
        attachment = null;
      }
      const { before, marks } = splitAtMarks(line, scan);
      if (before) {
        const current = items[items.length - 1];
        if (!current) preamble.push(before);
        else if (afterSignature || afterTable) closing.push(before);
        else if (
          afterClosed ||
          (!isHeading(current) && !current.unnumbered && isClosed(current) && !isNoteLine(before))
        ) {
          // After an item closed by its note the body goes on with what is not an item (a closing sentence, a
          // table's title): not its words, nor the words of the paragraphs that follow up to the next item. A
          // paragraph with a note of its own is a task of its own, beside the item (its number deleted or never typed).
          if (splitResponsibility(before).units) {
            addItem({ level: current.level, label: '', value: 0, body: before, unnumbered: true });
          } else {
            closing.push(before);
            afterClosed = true;
          }
        } else {
          const task = addLine(current, before);
          if (task) addItem(task);
        }
      }
      for (const { mark, body } of marks) {
        addItem({ level: mark.level, label: mark.label, value: mark.value, body });
        afterTable = false;
      }
    }
  }

  foldUnnumberedIntroductions(items);
  // Clutter that slipped through before the document (e.g. a site's numbered download tips): items before the
  // first item of the document's top level are not part of it. A table's row is the document's (a task above the
  // first 一、 row of a 分工表): it and what follows stay.
  const top = Math.min(...items.map((i) => i.level));
  const firstTop = items.findIndex((i) => i.level === top);
  const firstRow = items.findIndex((i) => tableItems.has(i));
  const drop = firstRow >= 0 ? Math.min(firstTop, firstRow) : firstTop;
  if (drop > 0) {
    const dropped = items.splice(0, drop);
    preamble.push(...dropped.map((d) => d.body));
  }
  // A document whose words are all in text boxes (a PDF converted to Word sets every block in one): its text boxes
  // are its text.
  if (items.length === 0 && blocks.some((b) => b.kind === 'para' && b.aside))
    return parseBlocks(
      blocks.map((b) => (b.kind === 'para' && b.aside ? { kind: 'para', text: b.text } : b)),
      opts,
    );
  if (items.length === 0 && !opts.allowEmpty) throw importErrors.noItems(opts.fileName);

  const meta = readMeta(
    preamble,
    closing,
    [...titleHints, opts.fileName.replace(/\.[^.]+$/, '')].filter((h) => h && h !== '粘贴文本'),
  );
  let yearSource: ParsedPoints['yearSource'] = 'given';
  let year = opts.year;
  if (!year) {
    const found = detectYear(meta.title, allText.join('\n'), meta.docNumber);
    year = found ?? opts.fallbackYear;
    yearSource = found ? 'document' : 'fallback';
    if (!found) warnings.push(`文件中没有找到年度，已按工作年度 ${year} 年计算“9月底前”等时限，请核对。`);
  }

  const out = items.map((raw) => finishItem(raw, year!));
  moveSubItemNotesToParents(items, out);
  for (const [i, item] of out.entries()) {
    const cut = fitItem(item);
    if (cut) warnings.push(`第 ${i + 1} 条（${item.label}）${cut}，请核对。`);
  }
  if (!meta.title) warnings.push('没有识别出文件标题，请在保存前填写。');

  return {
    title: meta.title ?? '',
    docNumber: meta.docNumber,
    issuer: meta.issuer,
    issuedDate: meta.issuedDate,
    year,
    yearSource,
    sourceKind: opts.sourceKind,
    items: out,
    warnings,
    tables: [],
  };
}

interface FinishedItem extends PointItem {
  hadNote: boolean;
}

/**
 * What the preview's contract allows for one item (shared/domain/points.ts pointItemSchema): a reader never hands
 * out an item the contract refuses. A title is already short (titleOfText); what is cut here only in absurd files
 * is said in the returned sentence (for the warnings), null when nothing was.
 */
function fitItem(item: FinishedItem): string | null {
  const said: string[] = [];
  if (item.text.length > MAX_ITEM_TEXT_CHARS) {
    item.text = item.text.slice(0, MAX_ITEM_TEXT_CHARS);
    said.push(`正文超过 ${MAX_ITEM_TEXT_CHARS} 字，只保留了前 ${MAX_ITEM_TEXT_CHARS} 字`);
  }
  item.label = item.label.slice(0, 20);
  const units = (list: string[]) =>
    list
      .map((u) => u.trim().slice(0, 100))
      .filter(Boolean)
      .slice(0, 100);
  item.lead = units(item.lead);
  item.support = units(item.support);
  if (item.deadlineText !== null && item.deadlineText.length > 200) item.deadlineText = item.deadlineText.slice(0, 200);
  return said.length ? said.join('；') : null;
}

/** Longest text of one item the preview accepts (pointItemSchema). */
const MAX_ITEM_TEXT_CHARS = 50_000;

function finishItem(raw: RawItem, year: number): FinishedItem {
  const body = raw.body.trim();
  const split = splitResponsibility(body);
  const text = split.text.trim();
  const notes = raw.noteLines ?? [];
  // The time limit the responsibility note gives ("（县政务公开办牵头，2026年12月底前完成）") is the item's; a date in
  // its text may be a step on the way ("6月底前完成目录更新"). Without one in the note, the first in the item counts.
  const fromNote = extractDeadline([split.note ?? '', ...notes].join('\n'), year, { note: true });
  let deadline: Deadline =
    fromNote.deadline || fromNote.deadlineText ? fromNote : extractDeadline([body, ...notes].join('\n'), year);
  if (raw.deadlineCell && raw.deadlineCell.trim()) deadline = parseDeadlineCell(raw.deadlineCell, year);
  // A table's unit cells win; when they are empty, a note in the text (closing it, or on lines of its own) counts.
  const tableUnits = raw.units && (raw.units.lead.length || raw.units.support.length) ? raw.units : null;
  // A note closing each sentence before the item's closing note names units too ("…（县发改局牵头）。…（县财政局牵头）").
  const inline = split.units ? inlineNotes(text) : null;
  const noteUnits = notes.reduce<Responsibility | null>(
    (acc, line) => {
      const u = readNoteLine(line);
      return u ? (acc ? mergeResponsibility(acc, u) : u) : acc;
    },
    inline && split.units ? mergeResponsibility(inline, split.units) : split.units,
  );
  const units = tableUnits ?? noteUnits ?? { lead: [], support: [] };
  return {
    level: raw.level,
    label: raw.label,
    title: titleOfText(text),
    text,
    lead: units.lead,
    support: units.support,
    deadline: deadline.deadline,
    deadlineText: deadline.deadlineText,
    hadNote: Boolean(tableUnits ?? noteUnits),
  };
}

/**
 * "3.推进政务服务公开。①…。②…。（办公室牵头负责）": the note at the end of the last ①/② sub-item closes the
 * parent item, so it belongs to the parent (samples/README.md).
 */
function moveSubItemNotesToParents(raw: RawItem[], items: FinishedItem[]): void {
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const next = items[i + 1];
    if (it.level !== 5 || !it.hadNote || (next && next.level === 5) || raw[i].units) continue;
    let p = i - 1;
    while (p >= 0 && items[p].level >= 5) p--;
    if (p < 0 || items[p].hadNote) continue;
    items[p] = { ...items[p], lead: it.lead, support: it.support, hadNote: true };
    items[i] = { ...it, lead: [], support: [], hadNote: false };
  }
  for (const it of items) delete (it as Partial<FinishedItem>).hadNote;
}
