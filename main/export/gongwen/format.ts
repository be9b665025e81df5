// GB/T 9704-2012《党政机关公文格式》 numbers, in Word units (see ../shared/domain.md §1).
// twips: 1/1440 inch = 1/20 pt; half-points for font sizes (w:sz).

/** A4 in twips. convertMillimetersToTwip(210) gives 11905, so the standard values are written out. */
export const A4 = { width: 11906, height: 16838 } as const;

/** 天头 37 mm, 下白边 35 mm, 订口 28 mm, 切口 26 mm → 版心 156 × 225 mm. */
export const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 } as const;

/** Width of the type area (版心) on a portrait page: 156 mm. */
export const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right; // 8845
/**
 * Landscape pages keep the same white edges, turned with the paper: the table's head lies on the portrait page's
 * left edge (GB/T 9704 §8: on odd pages the 订口 side), so the landscape top is the 订口 (28 mm), its bottom the 切口
 * (26 mm), its left the portrait foot (35 mm) and its right the portrait 天头 (37 mm).
 */
export const LANDSCAPE_MARGIN = {
  top: MARGIN.left,
  bottom: MARGIN.right,
  left: MARGIN.bottom,
  right: MARGIN.top,
} as const;
export const LANDSCAPE_TEXT_WIDTH = A4.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right; // 12756

/** 22 lines on 225 mm: 637.8 pt / 22 = 28.99 pt; 579 twips = 28.95 pt, written as an EXACT line height. */
export const LINE_PITCH = 579;

/** Half-point sizes. 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt, 五号 10.5 pt. */
export const SIZE = { er: 44, san: 32, si: 28, xiaosi: 24, wu: 21 } as const;

/**
 * 28 characters per line: 156 mm / 28 = 15.79 pt per character, so 3号 (16 pt) text gets −0.25 pt character spacing
 * (w:spacing −5 twips → 15.75 pt). This is done on the runs rather than with a linesAndChars document grid and a
 * negative w:charSpace, because LibreOffice lays such a grid out with far fewer characters per line than Word.
 */
export const CHAR_SPACING = -5;
/** One 3号 character with that spacing, in twips (for "左空二字", "右空二字"). */
export const CHAR_WIDTH = SIZE.san * 10 + CHAR_SPACING; // 315

/** The faces the office's PCs have (方正/GB2312 fonts come with WPS and the standard office install). */
export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  /** Digits and Latin letters in text: practice in the office's templates. */
  latin: 'Times New Roman',
} as const;

export { formatChineseDate } from '../../../shared/domain/dates';

/**
 * An ISO date standing in text as a word of its own: not inside a longer number, an address or a file name
 * (http://…/2026-01-05/…, 通知2026-01-05.pdf keep theirs).
 */
const ISO_DATE_IN_TEXT = /(?<![\w./\\:-])(\d{4})-(\d{2})-(\d{2})(?![\w/\\:-]|\.\w)/g;

/**
 * Every ISO date in a text as 公文 prints it (GB/T 9704 §7.3.5.4: 2026年3月5日): a sentence or table cell built from
 * stored ISO dates ("已于2026-11-07销号") reads "已于2026年11月7日销号". Applied to every run the 公文 builder and the
 * sheet builder write, so no ISO date reaches a printed page whichever builder put it into the text.
 */
export function chineseDatesIn(text: string): string {
  if (!text.includes('-')) return text;
  return text.replace(ISO_DATE_IN_TEXT, (whole, y: string, m: string, d: string) => {
    const mo = Number(m);
    const day = Number(d);
    if (mo < 1 || mo > 12 || day < 1 || day > 31) return whole;
    return `${Number(y)}年${mo}月${day}日`;
  });
}

/**
 * Approximate width of a text in 3号 characters: CJK and full-width forms 1, ASCII 0.5, plus the quarter-character
 * gap Word, WPS and LibreOffice put between Chinese and Latin text (2024年3月5日 is about 7 characters wide).
 */
export function textWidthInChars(text: string): number {
  let w = 0;
  let prevLatin: boolean | null = null;
  for (const ch of text) {
    const latin = ch.charCodeAt(0) <= 0xff;
    w += latin ? 0.5 : 1;
    if (prevLatin !== null && prevLatin !== latin && /[0-9A-Za-z]/.test(latin ? ch : '0')) w += 0.25;
    prevLatin = latin;
  }
  return w;
}
