// Finding a table's header (one or two rows; header cells may span columns) and the role of each column: by the
// header's words first, then by what the column holds (an unnamed column of 1, 2, 3 under a spanning "工作任务" is
// the 序号; a text column whose cells span or repeat over the rows of the next one groups them). A choice the user
// made for the same header, or for this table, wins. Pure.

import { levelOfBareLabel, readNumberMark } from '../../../shared/domain/point-numbering';
import type { ColumnBasis, ColumnRole, TableColumns, TableKind } from '../../../shared/domain/table-columns';
import { numberedEntries } from './cells';
import type { GridView } from './grid';

export interface Layout {
  /** Header rows are [headerStart, start); equal when the table has none. Rows before headerStart are titles. */
  headerStart: number;
  /** First row under the header. */
  start: number;
  /** Each column's header as written (the lower row's where there are two). */
  labels: string[];
  roles: ColumnRole[];
  basis: ColumnBasis[];
  /** Whether the roles were found (header, remembered, or chosen); false: nothing is read from the table. */
  found: boolean;
  signature: string;
}

export interface RoleChoice {
  /** The user's roles for this table. */
  roles?: readonly ColumnRole[];
  /** Roles chosen before, by header signature. */
  remembered?: Readonly<Record<string, readonly ColumnRole[]>>;
}

/** Rows searched for the header: a title and a few notes may come first. */
const HEADER_SEARCH_ROWS = 15;
/** A header cell is a few words; a longer text is data or a title. */
const MAX_HEADER_CHARS = 14;

export const normHeader = (s: string) =>
  s
    .replace(/\s+/g, '')
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
const bare = (s: string) => normHeader(s).replace(/\([^)]*\)/g, '');

// ---- the words of headers ----------------------------------------------------------------------------------------

// The first that matches wins: 配合责任单位 and 其他责任单位 are 配合 before 责任单位 makes them 牵头.
const POINTS_WORDS: [ColumnRole, RegExp][] = [
  ['seq', /^(?:序号|编号|序|条目|排序|项次)$/],
  ['support', /^(?:配合|协同|协作|协办|协助|其他|其它)责任(?:单位|部门|科室|处室|股室)$/],
  ['ignore', /责任人|联系人|联系电话|分管领导|备注|完成情况|进展情况|落实情况|佐证/],
  [
    'lead',
    /牵头(?:单位|部门|科室|处室|股室)|主责(?:单位|部门)|责任(?:单位|部门|科室|处室|主体|股室)|负责(?:单位|部门|科室|股室)|承办(?:单位|部门|科室|股室)|主办(?:单位|部门|科室|股室)|^牵头$|^(?:实施|承担)(?:单位|部门)$|^主管部门$|^责任分工$/,
  ],
  [
    'support',
    /配合(?:单位|部门|科室|处室|股室)|协办(?:单位|部门|科室|股室)|协助(?:单位|部门|科室|股室)|参与(?:单位|部门)|^配合$|^(?:协同|协作)(?:单位|部门)$|^参加单位$/,
  ],
  [
    'deadline',
    /完成时限|完成时间|时限要求|时间要求|完成期限|时间节点|^时限$|^时间$|时间安排|进度安排|办结时限|办结时间|截止时间|截止日期|^期限$|^推进(?:时限|时间)$|^时间进度$|^完成节点$|^进度要求$|^时限安排$/,
  ],
  ['group', /^(?:类别|分类|类型|领域|板块|方面|专项|任务类别|工作类别|一级任务|任务分类)$/],
  [
    'text',
    /具体内容|工作要求|具体要求|具体措施|任务内容|工作措施|主要内容|具体任务|任务要求|工作内容|推进措施|^措施$|^内容$|工作任务|重点任务|主要任务|任务名称|工作事项|任务事项|工作要点|^任务$|^事项$|^要点$|^项目$|目标任务|任务分解|重点工作|具体工作|主要工作|^(?:具体|工作|主要|落实|推进)举措$|^主要措施$|^任务分工$|^工作目标$|^具体事项$|^任务清单$|^目标要求$/,
  ],
];
/** A unit column's header naming its people too (责任单位及责任人): the units are the column's. */
const WITH_PERSON = /(?:及|和|、|\/)(?:具体)?(?:责任人|联系人)$/;
/** The role in brackets after a unit column's name (责任单位（配合）): it wins over the name's. */
const ROLE_IN_BRACKETS = /\((?:(牵头|主办|主责)|(配合|协同|协作|协办|协助|参与))\)/;

const GRADE_WORD =
  /^(?:优秀?|良好?|好|较好|一般|中等?|合格|及格|基本合格|较差|差|不合格|不及格)(?:\(?\d+(?:\.\d+)?分?\)?)?$/;
const GRADE_PARENT = /^(?:评分|评价|考核)?(?:等次|档次|等级)(?:评分|标准)?$/;
/** Grades named by letter or rank (A(5), 甲(10), 一档(8)): a grade column only with its points, else too ambiguous. */
const GRADE_RANK = /^(?:[A-E]|[甲乙丙丁]|第?[一二三四五]档)(?:等|级)?\(\d+(?:\.\d+)?分?\)$/;
/** Columns holding a score or a group's total: points only when the table has no 分值 column of its own. */
const SECONDARY_POINTS = /^(?:得分|合计得分|小计得分|项目分|指标分|合计分|得分合计)$/;

function indicatorWord(h: string, nameColumns: boolean): ColumnRole | null {
  if (/^[一二三四五六]级(?:指标|项目|内容|指标名称|任务)?$/.test(h)) return 'group';
  if (/^(?:序号|编号|序|排序)$/.test(h)) return 'seq';
  if (GRADE_WORD.test(h) || GRADE_PARENT.test(h)) return 'grade';
  if (SECONDARY_POINTS.test(h)) return 'points';
  if (
    /自评|实得|扣分$|失分|备注|整改|佐证|附件|链接|责任|填报|说明材料|存在的?问题|问题明细|完成情况|自查情况|考核方式|考核方法|考核依据/.test(
      h,
    ) &&
    !/扣分(?:规则|细则|标准|办法|说明)/.test(h)
  )
    return 'ignore';
  if (
    /^(?:分值|指标分值|标准分值?|满分|分数|基本分|赋分|配分|基础分值?|项目分值|考核分值|评分分值|分值合计|合计分值|小计|总分|权重分值|分)$/.test(
      h,
    )
  )
    return 'points';
  if (/^(?:权重|占比|比重|权重分)$/.test(h)) return 'weight';
  if (/扣分(?:规则|细则|标准|办法|说明)|计分(?:方法|办法|规则)|评分方法|扣分项/.test(h)) return 'rule';
  if (
    /^(?:考核|考评|测评|评估|评价|加分|扣分|单项否决|一票否决|否决)?(?:项目|指标|细项|子项|事项|指标名称|类别)$|^(?:具体指标|评分细项|指标类别|考核类别|一级|二级|三级)$/.test(
      h,
    )
  )
    return 'group';
  if (!nameColumns && /^(?:考核|测评|评估|评价|具体)?(?:内容|项目)$/.test(h)) return 'group';
  if (
    /评分标准|评价标准|考核标准|评分说明|考察点|评估点|考核要求|考核内容|具体内容|评分细则|指标说明|具体项目|评估内容|考核要点|工作要求|标准|评分办法|要求/.test(
      h,
    )
  )
    return 'criteria';
  return null;
}

/** The role a header's words give a column, or null when they say nothing known. */
function roleOfWords(label: string, kind: TableKind, nameColumns: boolean): ColumnRole | null {
  const h = bare(label);
  if (!h || h.length > MAX_HEADER_CHARS) return null;
  if (kind === 'indicators') {
    const full = normHeader(label);
    if (GRADE_WORD.test(full) || GRADE_RANK.test(full)) return 'grade';
    return indicatorWord(h, nameColumns);
  }
  const named = h.replace(WITH_PERSON, '');
  const role = POINTS_WORDS.find(([, re]) => re.test(named))?.[0] ?? null;
  const marked = ROLE_IN_BRACKETS.exec(normHeader(label));
  if (marked && (role === 'lead' || role === 'support')) return marked[1] ? 'lead' : 'support';
  return role;
}

/** Whether a header row names explicit indicator levels (一级指标…, 考评细项): then 考核内容 is criteria. */
function hasNameColumns(labels: string[]): boolean {
  return labels.some((l) => /^[一二三四五六]级|细项$|子项$/.test(bare(l)));
}

// ---- header rows ---------------------------------------------------------------------------------------------------

interface HeaderRow {
  labels: string[];
  /** The first column of the header cell over each column (a header cell spanning columns covers several). */
  owner: number[];
}

/** The labels of row r; in pasted text a blank header cell right of a named one continues it (a spanning cell). */
function headerRow(view: GridView, r: number): HeaderRow {
  const labels: string[] = [];
  const owner: number[] = [];
  for (let c = 0; c < view.cols; c++) {
    const { cell } = view.at(r, c);
    labels.push(cell.text);
    owner.push(cell.col);
  }
  if (view.grid.spans === 'none') {
    for (let c = 1; c < view.cols; c++) {
      if (labels[c] || !labels[c - 1] || !columnHasData(view, c, r + 1)) continue;
      labels[c] = labels[c - 1];
      owner[c] = owner[c - 1];
    }
  }
  return { labels, owner };
}

function columnHasData(view: GridView, c: number, from: number): boolean {
  for (let r = from; r < Math.min(view.rows, from + 50); r++) if (view.at(r, c).origin && view.text(r, c)) return true;
  return false;
}

function rolesOf(labels: string[], kind: TableKind): (ColumnRole | null)[] {
  const names = hasNameColumns(labels);
  return labels.map((l) => roleOfWords(l, kind, names));
}

function accepted(
  roles: (ColumnRole | null)[],
  kind: TableKind,
  view: GridView,
  start: number,
  labels: string[],
): boolean {
  const has = (r: ColumnRole) => roles.includes(r);
  if (kind === 'points') {
    const distinct = new Set(roles.filter((r) => r && r !== 'ignore'));
    return (
      distinct.size >= 2 &&
      (has('text') || has('group')) &&
      (has('seq') || has('lead') || has('support') || has('deadline'))
    );
  }
  if (!has('group')) return false;
  if (has('points') || has('weight') || has('grade')) return true;
  // Points written in the names ("3、政策解读情况(10)"): a name column and a criteria column are enough. So they are
  // for a table of 单项否决 items, which carry no points ("单项否决项目 | 评分标准", or under "三、单项否决指标").
  if (!has('criteria')) return false;
  const vetoes = [...labels.filter((_, c) => roles[c] === 'group'), view.grid.where, view.grid.before.at(-1) ?? ''];
  if (vetoes.some((t) => /否决/.test(t))) return true;
  return roles.some((r, c) => r === 'group' && columnCarriesPoints(view, c, start));
}

/** Names with points in them: "政策解读情况(10)", "组织保障（6分）". */
const POINTS_IN_NAME = /[（(]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]\s*$|(\d+(?:\.\d+)?)\s*分\s*$/;

function columnCarriesPoints(view: GridView, c: number, start: number): boolean {
  for (let r = start; r < Math.min(view.rows, start + 100); r++) {
    const a = view.at(r, c);
    if (a.origin && POINTS_IN_NAME.test(normHeader(a.cell.text))) return true;
  }
  return false;
}

/** A second header row under a header cell that spans columns: 具体要求 over 序号 | 内容, 评分等次 over 优 | 良 | 差. */
function subHeader(view: GridView, r: number, top: HeaderRow, kind: TableKind): string[] | null {
  if (r + 1 >= view.rows) return null;
  // The upper row is a header too (short words, some known), not a title merged across the table.
  if (top.labels.some((l) => bare(l).length > MAX_HEADER_CHARS)) return null;
  if (!rolesOf(top.labels, kind).some((w) => w !== null)) return null;
  const subs: string[] = [];
  let underSpan = 0;
  for (let c = 0; c < view.cols; c++) {
    const a = view.at(r + 1, c);
    const above = view.at(r, c);
    if (!a.origin || a.cell === above.cell || !a.cell.text) {
      subs.push('');
      continue;
    }
    const t = a.cell.text;
    if (roleOfWords(t, kind, true) === null && roleOfWords(t, kind, false) === null) return null;
    const spanned = top.owner.filter((o) => o === top.owner[c]).length > 1;
    if (spanned) underSpan++;
    subs.push(t);
  }
  return underSpan ? subs : null;
}

// ---- what the columns hold ---------------------------------------------------------------------------------------

function dataTexts(view: GridView, c: number, start: number, limit = 400): string[] {
  const out: string[] = [];
  for (let r = start; r < view.rows && out.length < limit; r++) {
    const a = view.at(r, c);
    if (a.origin && a.cell.text && a.cell.colSpan === 1) out.push(a.cell.text);
  }
  return out;
}

/** A column of 1, 2, 3 (or 一, 二; （1）…): short bare numerals. */
function looksLikeSeq(texts: string[]): boolean {
  if (texts.length < 1) return false;
  const seq = texts.filter((t) => t.length <= 6 && levelOfBareLabel(t) && !/^\d+\.\d/.test(t)).length;
  return seq / texts.length >= 0.8;
}

/**
 * Whether text column c groups the rows of text column `inner`: its cells span or repeat over several rows of
 * `inner`, stay blank under a filled one (pasted from a merged cell) while `inner` goes on, or are numbered a level
 * above `inner`'s numbers (一、 over 1.). With a 序号 column `seq`, only over rows with a 序号 of their own: a task
 * whose 序号 is merged with it over two rows is one task written in two rows, not a group.
 */
function groupsRows(view: GridView, c: number, inner: number, start: number, seq = -1): boolean {
  let prev: string | null = null;
  let blankUnder = 0;
  let repeated = 0;
  let spanning = 0;
  let rows = 0;
  for (let r = start; r < view.rows; r++) {
    const a = view.at(r, c);
    const inText = view.at(r, inner);
    if (a.cell.colSpan > 1 && a.cell.col <= Math.min(c, inner) && a.cell.col + a.cell.colSpan > Math.max(c, inner))
      continue; // a section row across both
    if (!inText.cell.text && !a.cell.text) continue;
    if (seq >= 0 && !(view.at(r, seq).origin && view.text(r, seq))) {
      if (a.cell.text) prev = a.cell.text;
      continue;
    }
    rows++;
    if (!a.origin && a.cell.text && inText.origin && inText.cell.text) spanning++;
    else if (a.origin && !a.cell.text && prev && inText.cell.text) blankUnder++;
    else if (a.origin && a.cell.text && a.cell.text === prev && inText.cell.text) repeated++;
    if (a.cell.text) prev = a.cell.text;
  }
  if (spanning || blankUnder || repeated) return true;
  if (!rows) return false;
  const outer = dataTexts(view, c, start).map((t) => readNumberMark(t)?.level ?? 0);
  const innerTexts = dataTexts(view, inner, start);
  const innerLevels = innerTexts.map((t) => readNumberMark(t)?.level ?? 0);
  const outerLevel = Math.max(0, ...outer);
  return (
    outerLevel > 0 &&
    outer.every((l) => l === 0 || l === outerLevel) &&
    (innerLevels.some((l) => l > outerLevel) || innerTexts.some((t) => (numberedEntries(t)?.length ?? 0) >= 2))
  );
}

/** Roles from the header's words, then refined by what the columns hold. */
function refine(
  view: GridView,
  kind: TableKind,
  header: HeaderRow,
  labels: string[],
  words: (ColumnRole | null)[],
  start: number,
): { roles: ColumnRole[]; basis: ColumnBasis[] } {
  const roles: ColumnRole[] = words.map((w) => w ?? 'ignore');
  const basis: ColumnBasis[] = words.map((w) => (w ? 'header' : 'none'));
  const shared = (c: number) => header.owner.filter((o) => o === header.owner[c]).length > 1;
  // Under a header cell spanning columns, or with no header at all: a column of bare numerals is the 序号.
  for (let c = 0; c < view.cols; c++) {
    if (!(shared(c) || !labels[c])) continue;
    if (kind === 'indicators' && (roles[c] === 'points' || roles[c] === 'weight' || roles[c] === 'grade')) continue;
    if (roles[c] !== 'seq' && looksLikeSeq(dataTexts(view, c, start))) {
      roles[c] = 'seq';
      basis[c] = 'content';
    }
  }
  if (kind === 'indicators') {
    // 得分 / 合计得分 are the points only where no 分值 column says them.
    const primary = labels.some((l, c) => roles[c] === 'points' && !SECONDARY_POINTS.test(bare(l)));
    if (primary)
      labels.forEach((l, c) => {
        if (roles[c] === 'points' && SECONDARY_POINTS.test(bare(l))) roles[c] = 'ignore';
      });
    return { roles, basis };
  }
  // 工作要点: text columns before the 序号 group the rows; any other text column but the last groups when its cells
  // span, repeat or stay blank over the rows of the last text column, or are numbered a level above it (序号 |
  // 工作任务 merged over its rows | 具体要求: the 工作任务 is the group, the 序号 numbers the 具体要求).
  const seq = roles.indexOf('seq');
  const texts = roles.map((r, c) => (r === 'text' ? c : -1)).filter((c) => c >= 0);
  for (const c of texts) {
    if (seq >= 0 && c < seq) {
      roles[c] = 'group';
      basis[c] = 'content';
    }
  }
  if (texts.length >= 2) {
    const inner = texts[texts.length - 1];
    for (const c of texts.slice(0, -1)) {
      if (roles[c] === 'text' && groupsRows(view, c, inner, start, seq)) {
        roles[c] = 'group';
        basis[c] = 'content';
      }
    }
  }
  const inner = texts[texts.length - 1];
  if (inner !== undefined) {
    for (let c = 0; c < inner; c++) {
      // A 序号 column holding the sections' names ("一、深化…" merged down its tasks, the tasks numbered in their own
      // cells), or an unnamed column before the tasks whose cells span or head their rows: the group.
      const namedSeq = roles[c] === 'seq' && basis[c] === 'header' && !looksLikeSeq(dataTexts(view, c, start));
      const unnamed = basis[c] === 'none' && !normHeader(labels[c]);
      if ((namedSeq || unnamed) && groupsRows(view, c, inner, start)) {
        roles[c] = 'group';
        basis[c] = 'content';
      }
    }
  }
  return { roles, basis };
}

/** The header as a key: the kind and each column's words, without spaces. */
function signatureOf(kind: TableKind, labels: string[]): string {
  if (!labels.some(Boolean)) return '';
  return `${kind}:${labels.map((l) => normHeader(l).slice(0, 40)).join('|')}`.slice(0, 2000);
}

/** A row that may be an unrecognised header: two or more short cells, none a number or a numbered item. */
function guessHeaderRow(view: GridView): number {
  for (let r = 0; r < Math.min(view.rows, HEADER_SEARCH_ROWS); r++) {
    const cells = view.rowCells(r);
    if (cells.length < 2) continue;
    const ok = cells.every(
      (c) => normHeader(c.text).length <= MAX_HEADER_CHARS && !readNumberMark(c.text) && !/^[\d.%％]+$/.test(c.text),
    );
    return ok ? r : -1;
  }
  return -1;
}

/** Finds the header and every column's role; applies a remembered or chosen set of roles. */
export function findLayout(view: GridView, kind: TableKind, choice: RoleChoice = {}): Layout {
  let layout: Layout | null = null;
  for (let r = 0; r < Math.min(view.rows, HEADER_SEARCH_ROWS) && !layout; r++) {
    const top = headerRow(view, r);
    const topWords = rolesOf(top.labels, kind);
    const sub = subHeader(view, r, top, kind);
    let labels = [...top.labels];
    let words = topWords;
    let start = r + 1;
    if (sub) {
      const subLabels = top.labels.map((l, c) => sub[c] || l);
      const subWords = rolesOf(subLabels, kind);
      // A sub-header's words win; 优 | 良 | 差 under 评分等次 are grades.
      const combined = subLabels.map((_, c) =>
        sub[c] && GRADE_PARENT.test(bare(top.labels[c]))
          ? 'grade'
          : sub[c]
            ? (subWords[c] ?? topWords[c])
            : topWords[c],
      );
      if (accepted(combined, kind, view, r + 2, subLabels)) {
        labels = subLabels;
        words = combined;
        start = r + 2;
      }
    }
    if (start === r + 1 && !accepted(words, kind, view, start, labels)) continue;
    // A column named by its own sub-header cell no longer shares the cell above it.
    const owner = top.owner.map((o, c) => (start === r + 2 && sub?.[c] ? c : o));
    const { roles, basis } = refine(view, kind, { labels, owner }, labels, words, start);
    layout = { headerStart: r, start, labels, roles, basis, found: true, signature: signatureOf(kind, labels) };
  }
  if (!layout) {
    const h = guessHeaderRow(view);
    const labels = h >= 0 ? headerRow(view, h).labels : Array.from({ length: view.cols }, () => '');
    layout = {
      headerStart: h >= 0 ? h : 0,
      start: h >= 0 ? h + 1 : 0,
      labels,
      roles: labels.map(() => 'ignore'),
      basis: labels.map(() => 'none'),
      found: false,
      signature: signatureOf(kind, labels),
    };
  }
  // The user's roles for this table win; else the roles chosen before for this header. A column whose role the
  // choice changes says so; the others keep how the reader decided.
  const remembered = layout.signature ? choice.remembered?.[layout.signature] : undefined;
  const chosen =
    choice.roles && choice.roles.length === view.cols
      ? { roles: choice.roles, basis: 'user' as const }
      : remembered && remembered.length === view.cols
        ? { roles: remembered, basis: 'remembered' as const }
        : null;
  if (chosen) {
    const auto = layout;
    layout = {
      ...auto,
      basis: auto.basis.map((b, c) => (chosen.roles[c] === auto.roles[c] ? b : chosen.basis)),
      roles: [...chosen.roles],
      found: usable([...chosen.roles], kind),
    };
  }
  return layout;
}

/** Whether roles can make anything: a text or group column (points), a name column (indicators). */
function usable(roles: ColumnRole[], kind: TableKind): boolean {
  return kind === 'points' ? roles.includes('text') || roles.includes('group') : roles.includes('group');
}

/** What the preview shows for a table: its headers, roles, how each was decided, and its first rows. */
export function describeColumns(view: GridView, layout: Layout, table: number): TableColumns {
  const sample: string[][] = [];
  for (let r = layout.start; r < view.rows && sample.length < 4; r++) {
    if (view.isBlankRow(r)) continue;
    const row: string[] = [];
    for (let c = 0; c < view.cols; c++) {
      const { cell } = view.at(r, c);
      // A cell spanning columns shows once, in its first column.
      const t = (cell.col === c ? cell.text : '').replace(/\s+/g, ' ');
      row.push(t.length > 60 ? `${t.slice(0, 60)}…` : t);
    }
    sample.push(row);
  }
  return {
    table,
    where: view.grid.where,
    signature: layout.signature,
    found: layout.found,
    headers: layout.labels.map((l) => (l.length > 40 ? `${l.slice(0, 40)}…` : l)),
    roles: layout.roles,
    basis: layout.basis,
    sample,
  };
}

/** Roles chosen per table (the preview's selects) and remembered by header: what a reader is given. */
export interface TableChoices {
  roles?: readonly { table: number; roles: readonly ColumnRole[] }[];
  remembered?: Readonly<Record<string, readonly ColumnRole[]>>;
}

/** The choice for one table of a file. */
export function choiceFor(choices: TableChoices, table: number): RoleChoice {
  return { roles: choices.roles?.find((t) => t.table === table)?.roles, remembered: choices.remembered };
}
