// 责任单位 notes: the parenthesis that closes a 工作要点 item, or a 责任单位 / 牵头单位 / 配合单位 cell of a table.
// Rules (../shared/samples/README.md): units named with 牵头/负责/抓好/分别抓好 or listed after 责任单位: lead;
// with 配合/协助/参与/各负其责 support. Split on 、 , ， ； (and / in cells), never inside brackets, never on 和.

export interface Responsibility {
  lead: string[];
  support: string[];
}

const OPEN = '(（[［【〔{';
const CLOSE = ')）]］】〕}';

/** Splits on any of `seps` outside brackets (〔市、区、特区〕 stays whole). */
function splitTopLevel(s: string, seps: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && seps.includes(ch)) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const TRAILING_NOISE = /(?:等(?:单位|部门|科室|处室)?|按照?职责(?:分工)?|根据职责(?:分工)?|相关|有关)$/;
const DEADLINE_LIKE = /(?:\d{1,2}\s*月|年底|年内|年末|持续推进|长期坚持|工作日内|每季度|每年|每月|半年)/;

function cleanUnit(u: string): string {
  let t = u
    .replace(/\s+/g, '')
    .replace(/^[由和及与、，,；;：:。.]+/, '')
    .replace(/[。.，,；;：:、]+$/, '');
  for (let i = 0; i < 3 && TRAILING_NOISE.test(t); i++) t = t.replace(TRAILING_NOISE, '');
  return t;
}

/**
 * Words of a sentence, not of a unit's name: "以下工作均需各科室落实，不再列出" closes a note but names no unit.
 */
const SENTENCE_WORDS = /以下|以上|均需|均由|不再|列出|落实|需要|要求|确保|做好|开展|进行|工作$/;

/** Splits a list of units ("A、B,C；D") into names. */
export function splitUnits(s: string, extraSeps = ''): string[] {
  const out: string[] = [];
  for (const part of splitTopLevel(s, '、,，;；' + extraSeps)) {
    const u = cleanUnit(part);
    if (!u || DEADLINE_LIKE.test(u) || u.length > 40 || SENTENCE_WORDS.test(u)) continue;
    if (!out.includes(u)) out.push(u);
  }
  return out;
}

type Role = 'lead' | 'support';

const UNIT_LABEL_WORDS = '(?:牵头|配合|协办|协助|参与|责任|负责|主责|主办|承办)(?:单位|部门|科室|处室|主体)';
const TIME_LABEL_WORDS = '(?:完成)?(?:时限|时间)|截止(?:时间|日期)';
/** A unit label and its colon ("牵头单位：", "责任科室："). */
const UNIT_LABEL = new RegExp(`${UNIT_LABEL_WORDS}\\s*[:：]`);
/** A time-limit label and its colon ("完成时限：", "时间：", "截止日期："). */
const TIME_LABEL = new RegExp(`(?:${TIME_LABEL_WORDS})\\s*[:：]`);
/** A label in 【】: "【牵头单位】", "【完成时限】". */
const BRACKET_LABEL = new RegExp(`【(${UNIT_LABEL_WORDS}|${TIME_LABEL_WORDS})】`, 'g');
/** A label after a space, which starts a clause of its own ("责任单位：县政府办 完成时限：6月底前"). */
const SPACED_LABEL = new RegExp(`\\s+(?=${UNIT_LABEL.source}|${TIME_LABEL.source})`, 'g');
/** A clause or sentence that starts with a label: a time limit's, or either kind. */
const TIME_CLAUSE = new RegExp(`^\\s*(?:${TIME_LABEL.source})`);
const LABELLED = new RegExp(`^(?:${UNIT_LABEL.source}|${TIME_LABEL.source})`);
/** A sentence's end followed by a unit label: where a note without brackets may start. */
const UNIT_LABEL_AFTER_STOP = new RegExp(`[。．；;]\\s*(?=${UNIT_LABEL.source})`);

/** A name that reads as a unit: it ends in an organisation's or division's word (科, 室, 局, 政府 …). */
function isUnitName(u: string): boolean {
  return (
    u.length >= 2 &&
    u.length <= 30 &&
    /(?:科|室|处|股|局|厅|委|办|中心|站|所|院|会|队|政府|部门|单位|小组|机关|公司)$/.test(u) &&
    !/\d/.test(u)
  );
}

/** Units named by where they are: 各乡镇, 各乡镇（街道）(县直各部门 is a unit name already). */
const PLACES = /^各[\u4e00-\u9fff]{0,4}(?:乡镇|镇|乡|街道|社区|村)(?:[（(]街道[）)])?$/;

/** A name that may stand alone as a unit where no bracket or label says it is one. */
function isUnitLike(u: string): boolean {
  return isUnitName(u) || PLACES.test(u);
}

const LABELS: { re: RegExp; role: Role; generic?: true }[] = [
  { re: /^\s*(?:牵头单位|牵头部门|牵头科室|牵头处室|主责单位|主办单位)\s*[:：]?/, role: 'lead' },
  { re: /^\s*(?:配合单位|配合部门|配合科室|配合处室|协办单位|协助单位|参与单位)\s*[:：]?/, role: 'support' },
  {
    re: /^\s*(?:责任单位|责任部门|责任科室|责任处室|负责单位|负责部门|责任主体|承办单位)\s*[:：]/,
    role: 'lead',
    generic: true,
  },
];
const KEYWORDS = /(牵头|分别抓好|抓好|负责|主办|承办)|(配合|协助|协办|参与|各负其责)/;
/**
 * A role written in brackets after one unit ("县财政局（牵头）", "县司法局〔配合〕"). Under a label that names a role
 * (牵头单位：, 配合单位：) the others keep it; under a bare 责任单位 (or a 责任单位 column) the bracket sets them apart:
 * "县财政局（牵头）、县直各部门" is 县财政局 leading and 县直各部门 supporting, as offices write it.
 */
const ROLE_MARK = /[（(〔【[［]\s*(?:(牵头|主办|主责|负责)|(配合|协助|协办|参与))(?:单位|部门)?\s*[）)〕】\]］]\s*$/;
const hasRoleMark = (clause: string) => splitTopLevel(clause, '、').some((p) => ROLE_MARK.test(p.trim()));

/**
 * Reads a responsibility note. Returns null when the words are not one ("国务院令第711号", "计划"):
 * a note must carry a 责任单位-style label or a role word (牵头, 负责, 配合 …).
 */
export function parseResponsibilityNote(note: string, opts: { defaultRole?: Role } = {}): Responsibility | null {
  const lead: string[] = [];
  const support: string[] = [];
  const add = (role: Role, names: string[]) => {
    const list = role === 'lead' ? lead : support;
    for (const n of names) if (!list.includes(n) && !(role === 'support' && lead.includes(n))) list.push(n);
  };
  let labelled = false;
  /** No label yet, or only a 责任单位 one, which names no role of its own. */
  let generic = true;
  let current: Role | null = opts.defaultRole ?? null;
  let pending: string[] = [];
  let recognised = opts.defaultRole !== undefined;
  // Only the note's first sentence names units: a closing sentence ("以下工作均需…落实，不再列出") does not. A label
  // after a space starts a clause of its own ("责任单位：县政府办 完成时限：6月底前").
  const text = note
    .trim()
    .replace(SPACED_LABEL, '；')
    .replace(/[。．.；;，,\s]+$/, '')
    .split(/[。．]/)[0];
  // Brackets of one role only ("县财政局（牵头）、县直各部门"): the units without one have the other.
  const marks = new Set(
    splitTopLevel(text, '、，,；;').flatMap((p) => {
      const m = ROLE_MARK.exec(p.trim());
      return m ? [m[1] ? 'lead' : 'support'] : [];
    }),
  );
  const unmarked: Role | null = marks.size === 1 ? (marks.has('lead') ? 'support' : 'lead') : null;
  for (let clause of splitTopLevel(text, '，,；;')) {
    // "完成时限：6月底前", "时间：全年": the time limit, read by the deadline rules, names no unit.
    if (TIME_CLAUSE.test(clause)) continue;
    for (const l of LABELS) {
      const m = l.re.exec(clause);
      if (m) {
        current = l.role;
        labelled = true;
        generic = l.generic === true;
        recognised = true;
        clause = clause.slice(m[0].length);
        break;
      }
    }
    const others = generic ? unmarked : null;
    if (hasRoleMark(clause)) {
      recognised = true;
      for (const part of splitTopLevel(clause, '、')) {
        const m = ROLE_MARK.exec(part.trim());
        const names = splitUnits(m ? part.trim().slice(0, m.index) : part);
        if (m) add(m[1] ? 'lead' : 'support', names);
        else if (others) add(others, names);
        else if (labelled && current) add(current, names);
        else pending.push(...names);
      }
      continue;
    }
    const k = KEYWORDS.exec(clause);
    if (k) {
      recognised = true;
      const role: Role = k[1] ? 'lead' : 'support';
      let names = clause.slice(0, k.index);
      // "负责单位A" / "配合：A" — the keyword comes first, the units after it.
      if (!cleanUnit(names)) names = clause.slice(k.index + k[0].length).replace(/^[^:：]{0,4}[:：]/, '');
      if (pending.length) add(role, pending);
      pending = [];
      add(role, splitUnits(names));
      current = labelled ? current : role;
      continue;
    }
    const names = splitUnits(clause);
    if (others) add(others, names);
    else if (labelled && current) add(current, names);
    else pending.push(...names);
  }
  // A note without a keyword is one when it names only units: "(法规科)", "(办公室、法规科)".
  if (
    !recognised &&
    pending.length &&
    pending.every(isUnitName) &&
    splitTopLevel(text, '、,，;；').every((p) => isUnitName(cleanUnit(p)))
  )
    recognised = true;
  if (!recognised) return null;
  if (pending.length) add(current ?? 'lead', pending);
  return { lead, support };
}

/** The parenthesis that closes `text` (after trailing 。), with where it starts; null when the text ends otherwise. */
function findClosingNote(text: string): { note: string; start: number } | null {
  const trimmed = text.replace(/[\s。．.；;]+$/, '');
  const last = trimmed[trimmed.length - 1];
  if (!last || !')）】'.includes(last)) return null;
  let depth = 0;
  for (let i = trimmed.length - 1; i >= 0; i--) {
    const ch = trimmed[i];
    if (')）】'.includes(ch)) depth++;
    else if ('(（【'.includes(ch)) {
      depth--;
      if (depth === 0) return { note: trimmed.slice(i + 1, trimmed.length - 1), start: i };
    }
  }
  return null;
}

/**
 * "…活动。【牵头单位】县科技局【配合单位】各乡镇": labels in 【】 closing the text, as the note (labels with colons);
 * null when the text does not end so (a full stop after the first label: it was a sentence's).
 */
function findBracketLabelNote(text: string): { note: string; start: number } | null {
  const trimmed = text.replace(/[\s。．.；;]+$/, '');
  const start = trimmed.search(BRACKET_LABEL);
  if (start < 0) return null;
  const rest = trimmed.slice(start);
  if (/[。．]/.test(rest)) return null;
  return { note: rest.replace(BRACKET_LABEL, (_, label: string) => `；${label}：`).slice(1), start };
}

/**
 * "…同步做好解读。责任单位：县政府办、县司法局。完成时限：2026年6月底前。": labels with their colons closing the
 * text after a sentence's end, without brackets, as the note; null unless every sentence from there is one and
 * they name a unit.
 */
function findLabelledTail(text: string): { note: string; start: number } | null {
  const trimmed = text.replace(/[\s。．.；;]+$/, '');
  const m = UNIT_LABEL_AFTER_STOP.exec(trimmed);
  if (!m) return null;
  const start = m.index + 1;
  const parts = trimmed
    .slice(start)
    .split(/[。．；;]/)
    .map((x) => x.trim())
    .filter(Boolean);
  if (!parts.every((x) => LABELLED.test(x))) return null;
  // Without brackets, the label's words must be units' names: "…。责任单位：要压实主体责任" stays a sentence.
  const units = parseResponsibilityNote(parts.join('；'));
  const names = units ? [...units.lead, ...units.support] : [];
  return names.length && names.every(isUnitLike) ? { note: parts.join('；'), start } : null;
}

/**
 * Takes the responsibility note off the end of an item's text. The text without it is returned only when the
 * parenthesis really was a note, so "(国务院令第711号)" stays part of the text.
 */
export function splitResponsibility(text: string): { text: string; note: string | null; units: Responsibility | null } {
  const found = findClosingNote(text) ?? findBracketLabelNote(text) ?? findLabelledTail(text);
  if (!found) return { text, note: null, units: null };
  const units = parseResponsibilityNote(found.note);
  if (!units) return { text, note: null, units: null };
  return { text: text.slice(0, found.start).replace(/\s+$/, ''), note: found.note, units };
}

/**
 * Notes inside an item's text, each closing a sentence or clause of it: "…6月底前完成梳理（县发改局牵头）。加大…（县财政局
 * 牵头）", "一是…（责任单位：县政府办）；二是…". Their units in order (the text's closing note is not in `text`); null
 * when there is none. A parenthesis naming no unit's name ("（国务院令第711号）") is none.
 */
export function inlineNotes(text: string): Responsibility | null {
  let found: Responsibility | null = null;
  for (let i = 0; i < text.length; i++) {
    if (!'(（'.includes(text[i])) continue;
    let depth = 0;
    let end = -1;
    for (let j = i; j < text.length && j < i + 300; j++) {
      if ('(（'.includes(text[j])) depth++;
      else if (')）'.includes(text[j]) && --depth === 0) {
        end = j;
        break;
      }
    }
    if (end < 0) continue;
    if (/^\s*[。．；;，,]/.test(text.slice(end + 1)) || end === text.length - 1) {
      const units = parseResponsibilityNote(text.slice(i + 1, end));
      const names = units ? [...units.lead, ...units.support] : [];
      if (units && names.length && names.every(isUnitLike)) found = found ? mergeResponsibility(found, units) : units;
    }
    i = end;
  }
  return found;
}

/**
 * A responsibility note written as a line (or Word paragraph) of its own under its item: "责任单位：县政府办",
 * "牵头单位：县政府办" and "配合单位：县司法局" as two lines, the closing parenthesis moved down a line
 * ("（县政府办牵头，县数据局配合）"), or the same words without brackets ("县科技局牵头，各乡镇配合"). A labelled line
 * must start with a 责任单位-style label and its colon, so a sentence ("牵头单位要…") is not one; an unlabelled one must
 * be units and roles only (isBareNote); a parenthesised one follows the rule of a closing note. Null when it is none.
 */
export function readNoteLine(line: string): Responsibility | null {
  const t = line.trim().replace(/[。．.；;，,\s]+$/, '');
  if (!t || t.length > 300) return null;
  if ('(（【'.includes(t[0])) {
    const found = findClosingNote(t) ?? findBracketLabelNote(t);
    return found && found.start === 0 ? parseResponsibilityNote(found.note) : null;
  }
  if (NOTE_LINE_LABEL.test(t)) return parseResponsibilityNote(t);
  return isBareNote(t) ? parseResponsibilityNote(t) : null;
}

/** A clause of a bare note: units, then their role ("县科技局牵头", "各乡镇配合", "县司法局按职责分工负责"). */
const BARE_CLAUSE = /^(.+?)(?:牵头(?:负责)?|分别负责|负责|配合|协助|协办|参与)(?:落实)?$/;

/**
 * "县科技局牵头，各乡镇配合" on a line of its own, without a label: a note only when every clause is units with their
 * role, or a time limit ("2026年12月底前完成"), so that no sentence of the item is taken for one.
 */
function isBareNote(t: string): boolean {
  if (t.length > 120) return false;
  let roles = 0;
  for (const raw of splitTopLevel(t, '，,；;')) {
    const c = raw.trim();
    const m = BARE_CLAUSE.exec(c);
    const names = m ? splitUnits(m[1]) : [];
    if (names.length && names.every(isUnitLike)) roles++;
    else if (!(c.length <= 16 && DEADLINE_LIKE.test(c) && !/[，。]/.test(c))) return false;
  }
  return roles > 0;
}

/** The labels of LABELS followed by their colon: what starts a note written as a line of its own. */
const NOTE_LINE_LABEL = new RegExp(`^${UNIT_LABEL.source}`);

/** Units of two notes of one item, in order, each unit once (a lead unit is not also support). */
export function mergeResponsibility(a: Responsibility, b: Responsibility): Responsibility {
  const lead = [...a.lead, ...b.lead.filter((u) => !a.lead.includes(u))];
  const support = [...a.support, ...b.support].filter((u, i, all) => all.indexOf(u) === i && !lead.includes(u));
  return { lead, support };
}

/** Reads a table cell: 责任单位 (all lead unless the cell says 牵头/配合), 牵头单位, 配合单位. */
export function parseUnitCell(cell: string, role: Role): Responsibility {
  const t = cell.trim();
  if (!t) return { lead: [], support: [] };
  if (KEYWORDS.test(t) || LABELS.some((l) => l.re.test(t))) {
    const r = parseResponsibilityNote(t.replace(/\r?\n/g, '，'), { defaultRole: role });
    if (r) return r;
  }
  // Spaces (half or full width) separate units, unless they only spread a name's characters to align it ("办 公 室").
  const words = t.split(/[ \u3000]+/).filter(Boolean);
  const padding = words.length > 1 && words.some((w) => [...w].length === 1);
  const names = splitUnits(t.replace(/\r?\n/g, '、'), padding ? '/／' : '/／ \u3000');
  return role === 'lead' ? { lead: names, support: [] } : { lead: [], support: names };
}
