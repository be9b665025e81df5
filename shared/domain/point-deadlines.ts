// 完成时限 in the words of a 工作要点 item, turned into a date where the words give one.
// Kinds (glossary): an absolute date (2021年9月底前), a relative limit (10个工作日内), a recurring one (每季度)
// or an open one (持续推进). Only absolute ones get a date; all keep their words.
// A time note (a 完成时限 cell, "时间：全年" in a responsibility note) says more with fewer words than an item's text:
// 全年, 常态化, 长期, 即时, 按上级要求 are its time limit there, and only there (in a sentence they are other words).
import { parseChineseNumeral } from './point-numbering';

type DeadlineKind = 'absolute' | 'relative' | 'recurring' | 'open';

interface DeadlineFound {
  kind: DeadlineKind;
  /** ISO date for absolute deadlines, else null. */
  date: string | null;
  /** The words it came from, as written. */
  text: string;
  index: number;
  /** 年内 is vague: it only counts when the item gives no other time limit at all. */
  weak?: boolean;
}

export interface Deadline {
  deadline: string | null;
  deadlineText: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day?: number): string | null {
  if (month < 1 || month > 12) return null;
  const last = lastDayOfMonth(year, month);
  const d = day ?? last;
  if (d < 1 || d > last) return null;
  return `${year}-${pad(month)}-${pad(d)}`;
}

const CN = '[一二三四五六七八九十两]';
/** A month as a number or in Chinese numerals (十一月底前, 三月份): 1–12. */
const MONTH = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
const monthOf = (m: string) => (/^\d/.test(m) ? Number(m) : parseChineseNumeral(m)!);
const NUM = `(?:\\d{1,3}|${CN}{1,3})`;
const QUARTER_END: Record<string, number> = { 一: 3, 1: 3, 二: 6, 2: 6, 三: 9, 3: 9, 四: 12, 4: 12 };

interface Rule {
  re: RegExp;
  make(m: RegExpExecArray, year: number): Omit<DeadlineFound, 'index' | 'text'> | null;
}

/**
 * The year before a month: written (2026年), or the year after the document's (次年1月31日前: a 年度报告 of the
 * year is due the next January). `y` is the written year, `next` the words for the next one.
 */
const YEAR_BEFORE = String.raw`(?:(\d{4})\s*年\s*|(次年|翌年|下一年|下年度|明年)\s*)`;
const yearOf = (y: string | undefined, next: string | undefined, year: number) =>
  y ? Number(y) : next ? year + 1 : year;

// Each rule is tried at every position; the earliest match wins, longer rules listed first.
const RULES: Rule[] = [
  // A span of months, due at its end: 2026年6月—12月, 6—12月, 6月至9月底, 2026年6月1日—6月30日
  {
    re: new RegExp(
      String.raw`${YEAR_BEFORE}?\d{1,2}\s*(?:月\s*(?:\d{1,2}\s*日)?\s*(?:份)?)?\s*(?:—{1,2}|–|-|－|~|～|至|到)\s*${YEAR_BEFORE}?(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日|份|底|末)?\s*(?:前|之前|以前|止)?`,
      'y',
    ),
    make(m, year) {
      const y = m[3] || m[4] ? yearOf(m[3], m[4], year) : yearOf(m[1], m[2], year);
      const date = isoDate(y, Number(m[5]), m[6] ? Number(m[6]) : undefined);
      return date ? { kind: 'absolute', date } : null;
    },
  },
  // 2021年9月底前, 9月底前, 6月30日前, 2021年6月30日之前, 9月底, 9月末, 9月份 (not 1月份以来, a start), 次年1月底前,
  // 十一月底前
  {
    re: new RegExp(
      String.raw`${YEAR_BEFORE}?${MONTH}\s*月\s*(?:(\d{1,2})\s*日\s*(?:前|之前|以前|止)|(?:底|末|中旬|上旬|下旬)\s*(?:前|之前|以前)?|份(?!\s*(?:起|以来|开始|至|到|—|-))\s*(?:前|之前|以前)?|(?:前|之前|以前))`,
      'y',
    ),
    make(m, year) {
      const y = yearOf(m[1], m[2], year);
      const month = monthOf(m[3]);
      let day: number | undefined = m[4] ? Number(m[4]) : undefined;
      if (!day && /上旬/.test(m[0])) day = 10;
      if (!day && /中旬/.test(m[0])) day = 20;
      const date = isoDate(y, month, day);
      return date ? { kind: 'absolute', date } : null;
    },
  },
  // 2020年底前, 年底前, 年末, 年底
  {
    re: /(?:(\d{4})\s*)?年\s*(?:底|末)\s*(?:前|之前|以前)?/y,
    make: (m, year) => ({ kind: 'absolute', date: `${m[1] ? Number(m[1]) : year}-12-31` }),
  },
  // 上半年, 下半年 (as a limit: by its end)
  {
    re: /(?:(\d{4})\s*年\s*)?(上|下)半年/y,
    make: (m, year) => ({
      kind: 'absolute',
      date: `${m[1] ? Number(m[1]) : year}-${m[2] === '上' ? '06-30' : '12-31'}`,
    }),
  },
  // 一季度, 第三季度末 (not 每季度)
  {
    re: /(?:(\d{4})\s*年\s*)?第?([一二三四1-4])\s*季度\s*(?:末|底|前|内)?/y,
    make: (m, year) => {
      const month = QUARTER_END[m[2]];
      return { kind: 'absolute', date: isoDate(m[1] ? Number(m[1]) : year, month)! };
    },
  },
  // 年内, 2020年内, 年度内 — vague
  {
    re: /(?:(\d{4})\s*)?年\s*(?:度\s*)?内/y,
    make: (m, year) => ({ kind: 'absolute', date: `${m[1] ? Number(m[1]) : year}-12-31`, weak: true }),
  },
  // 10个工作日内, 3日内, 24小时内, 十五个工作日以内, 一个月内
  {
    re: new RegExp(`${NUM}\\s*个?\\s*(?:工作日|自然日|日|天|小时|个月|月|年|周|星期)\\s*(?:内|以内|之内)`, 'y'),
    make: () => ({ kind: 'relative', date: null }),
  },
  // 每季度, 每半年, 每月, 每年, 每周, 定期
  {
    re: /每\s*(?:个\s*)?(?:半年|季度|季|月|年|周|旬|星期|日|天)(?:\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?|末|底)\s*(?:底|末)?\s*(?:前|之前|以前)?)?/y,
    make: () => ({ kind: 'recurring', date: null }),
  },
  // 全年持续推进, 持续推进, 长期坚持, 持续开展, 常态化推进 (not a bare 长期: "长期向好" is no time limit)
  {
    re: /全年持续(?:推进|开展)?|持续推进|持续开展|长期坚持|长期推进|长期开展|常态化(?:推进|开展)/y,
    make: () => ({ kind: 'open', date: null }),
  },
];

/**
 * Words that are a time limit only in a time note (a 完成时限 cell, a note's 时间：…): the whole year, as a standing
 * practice, at once, or when the higher level says. Open, and weak: a date or a limit of another kind beside them wins.
 */
const NOTE_RULES: Rule[] = [
  // A month or a day alone (完成时限：2026年12月, 截至2026年10月31日): due then, as a 完成时限 cell reads it; not a
  // start (3月起, 1月以来) or a span's first end.
  {
    re: new RegExp(
      String.raw`(?:(\d{4})\s*年\s*)?${MONTH}\s*月(?:\s*(\d{1,2})\s*日)?(?!\s*(?:\d|份|起|以来|开始|至|到|—|–|-|－|~|～))`,
      'y',
    ),
    make(m, year) {
      const date = isoDate(m[1] ? Number(m[1]) : year, monthOf(m[2]), m[3] ? Number(m[3]) : undefined);
      return date ? { kind: 'absolute', date } : null;
    },
  },
  {
    re: /全年|常态化|长期|即时|随时|(?:按照?|根据|依照)\s*(?:上级|国家|省|市|县)?[^，。；;,\s]{0,6}?(?:要求|部署|安排|时间节点|节点|规定)/y,
    make: () => ({ kind: 'open', date: null, weak: true }),
  },
];

/** Every time limit mentioned in `text`, in order. `year` is the document's year for 9月底前 / 年底前. */
function findDeadlines(text: string, year: number, note: boolean): DeadlineFound[] {
  const rules = note ? [...RULES, ...NOTE_RULES] : RULES;
  const out: DeadlineFound[] = [];
  let i = 0;
  while (i < text.length) {
    let found: DeadlineFound | null = null;
    for (const rule of rules) {
      rule.re.lastIndex = i;
      const m = rule.re.exec(text);
      if (!m) continue;
      // "2020年" of "2020年9月底前" must not start in the middle of a longer number (e.g. "12020年").
      if (/\d/.test(text[i - 1] ?? '') && /^\d/.test(m[0])) continue;
      const made = rule.make(m, year);
      if (!made) continue;
      found = { ...made, text: m[0].replace(/\s+/g, ''), index: i };
      break;
    }
    if (found) {
      out.push(found);
      i += Math.max(1, found.text.length);
    } else i++;
  }
  return out;
}

/**
 * The item's deadline: the first absolute date in an item's text wins; in a time note, the last (“6月底前完成梳理，
 * 9月底前完成调整”: the work is complete at its last step). 年内 (and a time
 * note's 全年, 常态化 …) count only when nothing else is named. Without an absolute date, deadlineText keeps the first
 * relative, recurring or open limit's words. `note`: the text is a time note (see NOTE_RULES).
 */
export function extractDeadline(text: string, year: number, opts: { note?: boolean } = {}): Deadline {
  const all = findDeadlines(text, year, !!opts.note);
  if (all.length === 0) return { deadline: null, deadlineText: null };
  const dates = all.filter((d) => d.kind === 'absolute' && !d.weak);
  const strong = opts.note ? dates[dates.length - 1] : dates[0];
  if (strong) return { deadline: strong.date, deadlineText: strong.text };
  const others = all.filter((d) => d.kind !== 'absolute' && !d.weak);
  if (others.length) return { deadline: null, deadlineText: others[0].text };
  return { deadline: all[0].date, deadlineText: all[0].text };
}

/** Reads a 完成时限 cell or a deadline the user typed ("2021年9月底前", "2021-09-30", "每季度", "全年"). */
export function parseDeadlineCell(cell: string, year: number): Deadline {
  const t = cell.trim();
  if (!t) return { deadline: null, deadlineText: null };
  // A date alone is the date the work is due: 2021-09-30, or as a date cell of a sheet reads, 2021年9月30日.
  const iso = /^(\d{4})(?:[-/.]|\s*年\s*)(\d{1,2})(?:[-/.]|\s*月\s*)(\d{1,2})\s*日?$/.exec(t);
  if (iso) {
    const date = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return { deadline: date, deadlineText: t };
  }
  // A month alone (9月, 2026年9月, 2026.9) is due at its end.
  const month = /^(?:(\d{4})\s*(?:年|[-/.]))?\s*(\d{1,2})\s*月?$/.exec(t);
  if (month && (month[1] || /月$/.test(t))) {
    return { deadline: isoDate(month[1] ? Number(month[1]) : year, Number(month[2])), deadlineText: t };
  }
  const found = extractDeadline(t, year, { note: true });
  return { deadline: found.deadline, deadlineText: t };
}
