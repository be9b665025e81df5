// Numbering of 工作要点 items: which numbering style a label has, and the level it means.
// Level is decided by style, never by depth: 一、=1, （一）=2, 1.=3, （1）=4, ①=5.

export type PointLevel = 1 | 2 | 3 | 4 | 5;

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Parses a Chinese numeral up to 9999 ("十二" → 12, "二十" → 20, "一百零五" → 105); null when it is not one. */
export function parseChineseNumeral(s: string): number | null {
  if (!s || !/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return null;
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch === '千') {
      total += (digit || 1) * 1000;
      digit = 0;
    } else if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = CN_DIGITS[ch];
  }
  return total + digit;
}

/** Writes a number the way Word's chineseCounting does (1 → 一, 10 → 十, 21 → 二十一). */
export function formatChineseNumeral(n: number): string {
  const d = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n <= 0) return d[0];
  if (n < 10) return d[n];
  if (n < 20) return '十' + (n % 10 ? d[n % 10] : '');
  if (n < 100) return d[Math.floor(n / 10)] + '十' + (n % 10 ? d[n % 10] : '');
  if (n < 1000) {
    const rest = n % 100;
    return (
      d[Math.floor(n / 100)] +
      '百' +
      (rest === 0
        ? ''
        : rest < 10
          ? '零' + d[rest]
          : rest < 20
            ? '一' + formatChineseNumeral(rest)
            : formatChineseNumeral(rest))
    );
  }
  return String(n);
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟';
const PAREN_DIGITS = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇';
const STOP_DIGITS = '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛';

export function formatCircled(n: number): string {
  return n >= 1 && n <= CIRCLED.length ? [...CIRCLED][n - 1] : `(${n})`;
}

/** A numbering mark found at the start of some text. */
export interface NumberMark {
  level: PointLevel;
  /** The bare numeral as written: "一", "1", "①". */
  label: string;
  /** Its value, for checking that items follow each other (1, 2, 3 …). */
  value: number;
  /** Characters the mark takes up, including the spaces after it. */
  length: number;
  /** A numeral followed by only a space or tab ("1 围绕…", "一\u3000深化…"): trust it only where items follow on. */
  loose?: boolean;
}

const CN_NUM = '[一二三四五六七八九十百]{1,4}';
// Order matters: parenthesised forms first, so "（1）" is not read as anything else.
const MARK_PATTERNS: { level: PointLevel; re: RegExp }[] = [
  { level: 2, re: new RegExp(`^[（(]\\s*(${CN_NUM})\\s*[)）][、.．]?\\s*`) },
  { level: 4, re: /^[（(]\s*(\d{1,3})\s*[)）][、.．]?\s*/ },
  { level: 1, re: new RegExp(`^(${CN_NUM})\\s*[、.．]\\s*`) },
  // "1.1 及时发布…", "2.3.1 …" (a 序号 cell "1.1"): one level below 1. for each number after the first. A space or the
  // end must follow, so "1.5倍" stays a decimal.
  { level: 4, re: /^(\d{1,3}(?:[.．]\d{1,3}){1,2})(?:\s+|$)/ },
  // "1.5" is a decimal, not item 1; but "5.2020年8月底前" and "1.9月底前" are items followed by a date.
  { level: 3, re: /^(\d{1,3})\s*(?:[、]|[.．](?!\d)|[.．](?=(?:19|20)\d\d\s*年|\d{1,2}\s*月))\s*/ },
];

/**
 * 至, 到, a dash or tilde after a numeral and before another: a span of numerals in a sentence ("（一）至（十五）项",
 * "（1）—（3）"), not an item's words ("1.到2026年底…").
 */
const CONTINUES = /^(?:至|到|—|－|–|~|～)\s*[（(]?\s*(?:[一二三四五六七八九十]{1,3}|\d{1,3})\s*[)）、.．项条款]/;
/** After a parenthesised numeral, another one (with 和, 及, 或, 与 between): "（一）（二）项", "（一）和（二）". */
const NEXT_PAREN = /^(?:和|及|或|与)?\s*[（(]\s*(?:[一二三四五六七八九十]{1,3}|\d{1,3})\s*[)）]/;

/**
 * A numeral and a space or tab instead of 、 or . (Word's automatic numbering copied as text, a typist's habit).
 * What follows must be the item's words, not a measure word ("1 月份", "3 个工作日"; "2026 年" is no 1-3 digit
 * numeral; "4 年内…" is item 4 where it follows item 3), and a number after it only as the start of a date
 * ("2 2026年6月底前", "3 6月30日前"), as after "3.".
 */
const LOOSE_PATTERNS: { level: PointLevel; re: RegExp }[] = [
  {
    level: 1,
    re: /^([一二三四五六七八九十]{1,3}) +(?![年月日号个项次名条天周时分秒元万亿千百倍届期级批类种家件人户所座])(?=[\u4e00-\u9fff“《【])/,
  },
  {
    level: 3,
    re: /^(\d{1,3}) +(?![月日号个项次名条天周时分秒元万亿千百倍届期级批类种家件人户所座%％])(?=[\u4e00-\u9fff“《【]|(?:19|20)\d\d\s*年|\d{1,2}\s*月)/,
  },
];

/**
 * Reads the numbering mark at the start of `text`, or null. `bare`: the text is only the label (a 序号 cell).
 * `loose`: also a numeral followed by only a space or tab (spaces and tabs already made one space), marked `loose`.
 */
export function readNumberMark(text: string, opts: { bare?: boolean; loose?: boolean } = {}): NumberMark | null {
  const first = text[0];
  if (first === undefined) return null;
  if (CIRCLED.includes(first)) {
    const len = 1 + (text.slice(1).match(/^[、.．]?\s*/)?.[0].length ?? 0);
    return { level: 5, label: first, value: [...CIRCLED].indexOf(first) + 1, length: len };
  }
  if (PAREN_DIGITS.includes(first)) {
    const v = [...PAREN_DIGITS].indexOf(first) + 1;
    return { level: 4, label: String(v), value: v, length: 1 + (text.slice(1).match(/^\s*/)?.[0].length ?? 0) };
  }
  if (STOP_DIGITS.includes(first)) {
    const v = [...STOP_DIGITS].indexOf(first) + 1;
    return { level: 3, label: String(v), value: v, length: 1 + (text.slice(1).match(/^\s*/)?.[0].length ?? 0) };
  }
  for (const { level, re } of MARK_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const raw = m[1];
    // A rest of them from the first number on each fills one level under 1., as written ("1.1").
    const parts = raw.split(/[.．]/);
    const value =
      parts.length > 1 ? Number(parts[parts.length - 1]) : /^\d+$/.test(raw) ? Number(raw) : parseChineseNumeral(raw);
    if (value === null || value === 0) continue;
    // A numeral mark must be followed by the item's words, not by nothing or another digit.
    const rest = text.slice(m[0].length);
    if (rest.length === 0 && level !== 1 && level !== 2 && !opts.bare) continue;
    // A numeral the sentence goes on from is a reference, not a mark: "（一）至（十五）项", "（一）、（二）项规定".
    if (CONTINUES.test(rest) || (/^[（(]/.test(m[0]) && NEXT_PAREN.test(rest))) continue;
    if (parts.length > 1)
      return {
        level: Math.min(5, 2 + parts.length) as PointLevel,
        label: parts.map(Number).join('.'),
        value,
        length: m[0].length,
      };
    return { level, label: /^\d+$/.test(raw) ? String(Number(raw)) : raw, value, length: m[0].length };
  }
  if (opts.loose)
    for (const { level, re } of LOOSE_PATTERNS) {
      const m = re.exec(text);
      const value = m ? (/^\d+$/.test(m[1]) ? Number(m[1]) : parseChineseNumeral(m[1])) : null;
      if (m && value)
        return { level, label: /^\d+$/.test(m[1]) ? String(value) : m[1], value, length: m[0].length, loose: true };
    }
  return null;
}

/** The level a bare label implies when only the label is known (a 序号 cell): "一" → 1, "1" → 3, "①" → 5. */
export function levelOfBareLabel(label: string): NumberMark | null {
  const t = label.trim().replace(/[、.．]$/, '');
  if (!t) return null;
  if (/^\d{1,3}$/.test(t)) return { level: 3, label: String(Number(t)), value: Number(t), length: label.length };
  const cn = parseChineseNumeral(t);
  if (cn) return { level: 1, label: t, value: cn, length: label.length };
  // The whole label is the numeral: "一、加强平台建设" in a 序号 cell is a heading, not a label.
  const m = readNumberMark(t, { bare: true });
  return m && m.length === t.length ? { ...m, length: label.length } : null;
}

/** The label written as it is printed, for showing and for exports: 一、 （一） 1. （1） ①. */
export function printedLabel(level: PointLevel, label: string): string {
  // An item the document wrote without a numeral (a table's rows) prints none either; "1.1" prints as written.
  if (!label) return '';
  if (isDottedLabel(label)) return label;
  switch (level) {
    case 1:
      return `${label}、`;
    case 2:
      return `（${label}）`;
    case 3:
      return `${label}.`;
    case 4:
      return `（${label}）`;
    case 5:
      return label;
  }
}

/** A label of several numbers ("1.1", "2.3.1"): it names its parents' numbers too. */
const isDottedLabel = (label: string) => /^\d+(?:\.\d+)+$/.test(label);

/**
 * The parent of each item by level (nearest earlier item with a smaller level), as indexes; -1 for top-level ones.
 * Used for the tree in the preview and for work_point.parent_id.
 */
export function parentIndexes(levels: readonly number[]): number[] {
  const stack: number[] = [];
  return levels.map((lv, i) => {
    while (stack.length && levels[stack[stack.length - 1]] >= lv) stack.pop();
    const parent = stack.length ? stack[stack.length - 1] : -1;
    stack.push(i);
    return parent;
  });
}

/** A point as its path label needs it: its numbering and its parent. */
interface PathNode {
  level: number;
  label: string;
  parentId: number | null;
}

/**
 * "二（三）2": the printed labels of a point and its ancestors, outermost first, without the last one's closing
 * mark. `nodeOf` finds a point by id (a map of a document's points, or rows read on demand).
 */
export function pointPathLabel(id: number, nodeOf: (id: number) => PathNode | undefined): string {
  const parts: string[] = [];
  let cur = nodeOf(id);
  let dotted = '';
  for (let guard = 0; cur && guard < 10; guard++) {
    // "1.1" under "1." says the parent's number already: "二、1.1", not "二、1.1.1".
    if (!(dotted && cur.label && dotted.startsWith(`${cur.label}.`)))
      parts.unshift(printedLabel(cur.level as PointLevel, cur.label));
    if (isDottedLabel(cur.label)) dotted = cur.label;
    cur = cur.parentId === null ? undefined : nodeOf(cur.parentId);
  }
  return parts.join('').replace(/[、.．]$/, '');
}
