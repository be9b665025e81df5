// 考核细则 from a grid: the name columns are the indicator levels in column order (一级 | 二级 | 三级, 考核项目 | 考评细项);
// a merged or blank name cell under a filled one is the same indicator as above; points come from a 分值/得分 column
// (a merged points cell belongs to the indicator whose rows it spans: 合计得分 beside its 类别), from the name
// ("政策解读情况(10)", "组织保障（6分）"), or from grade columns (优(10) | 良(8) | 一般(6) | 差(0): a grade rule, scored
// by choosing a level); a text across the whole table is a section; 合计 rows give the total. Bad input stops with the file, table, row and column named. Pure.

import type { IndicatorOutput } from '../../../shared/domain/selfcheck';
import { readNumberMark } from '../../../shared/domain/point-numbering';
import { asciiDigits, gradeLevels, splitPointsFromName } from '../../../shared/domain/selfcheck-rules';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { columnLetters, type GridCell, type GridView } from './grid';
import { normHeader, type Layout } from './header';

export interface Draft extends IndicatorOutput {
  children: Draft[];
  /** Words of 扣分规则 columns, read into the rule at the end. */
  ruleText: string;
  /** The points cell said what kind of item it is: "加分≤8" (bonus), "不设上限" or "最多扣5" (major). */
  pointsKind: 'bonus' | 'major' | null;
  /** A 扣分项's cap as its points cell writes it: "最多扣5", "-5". */
  pointsCap: number | null;
  /** Grade columns: each grade's points and its words. */
  grades: { name: string; points: number | null; words: string }[];
  /** The row its name is on ("工作表“评分细则”第3行"), for the problems the preview and the CLI name. */
  place: string;
}

export const draft = (name: string, points: number | null, weight: number | null): Draft => ({
  name,
  points,
  weight,
  basis: null,
  criteria: '',
  rule: { kind: 'manual' },
  capped: true,
  ceilingRatio: null,
  source: '',
  children: [],
  ruleText: '',
  pointsKind: null,
  pointsCap: null,
  grades: [],
  place: '',
});

const isTotalRow = (text: string) => /^(合\s*计|总\s*计|总\s*分|满\s*分|分值合计)/.test(text.replace(/\s+/g, ''));
/** A 合计 written as base and bonus apart: "100＋加分8", "100+加分8分". */
const BASE_PLUS_BONUS = /^(\d+(?:\.\d+)?)分?[＋+]加分(\d+(?:\.\d+)?)分?$/;
const isSubtotalRow = (text: string) => /^小\s*计/.test(text.replace(/\s+/g, ''));
/** A points column for a group's total (合计得分 beside the 类别 it sums). */
const GROUP_TOTAL_HEADER = /^(?:合计得分|小计得分|合计分|得分合计|小计|合计|指标分|分值合计|合计分值)$/;
const GRADE_NAME =
  /^(优秀?|良好?|好|较好|一般|中等?|合格|及格|基本合格|较差|差|不合格|不及格|[A-E](?:等|级)?|[甲乙丙丁](?:等|级)?|第?[一二三四五]档)/;
const NUMBER = /(\d+(?:\.\d+)?)/;

/**
 * The indicator's name without its numbering ("3、", "（一）") and the points written in it. "政策解读情况(10)": a number
 * alone in brackets at the end is the points too; where a column serves points (`barePoints` false) it is only
 * `bare`, used when that column leaves the indicator's points blank (a group's row: "组织保障(20)").
 */
export function splitName(
  raw: string,
  barePoints: boolean,
): { name: string; points: number | null; weight: number | null; bare?: number } {
  const mark = readNumberMark(raw);
  const text = mark && raw.length > mark.length ? raw.slice(mark.length).trim() : raw.trim();
  const sp = splitPointsFromName(text);
  if (sp.points !== null || sp.weight !== null) return sp;
  const m = /[（(]\s*(\d{1,3}(?:\.\d{1,2})?)\s*[)）]\s*$/.exec(asciiDigits(text));
  const rest = m ? text.slice(0, m.index).trim() : '';
  if (!m || !rest) return sp;
  return barePoints
    ? { name: rest, points: Number(m[1]), weight: null }
    : { name: rest, points: null, weight: null, bare: Number(m[1]) };
}

/**
 * A note under the table: "注：1. 本细则满分…", "说明：…", "备注：…". Read as an indicator, a note's "一票否决" became
 * a 单项否决 that decides the 等次.
 */
const NOTE = /^(?:注|说明|备注|附注|填表说明|评分说明)\s*\d*\s*[:：]|^注\s*\d+\s*[.．、]/;

/**
 * The level a 序号 cell's numeral means ("一、"/"一" over "（一）" over "1"/"1." over "1.1"), for an indicator whose
 * name is not numbered itself: a 序号 column that numbers groups "一、" and their items "1" nests them as the same
 * numerals in the name would.
 */
function seqLevel(text: string): number | null {
  const t = asciiDigits(text.replace(/\s+/g, ''));
  if (!t) return null;
  const mark = readNumberMark(t, { bare: true });
  if (mark && mark.length === t.length) return mark.level;
  if (/^[一二三四五六七八九十]{1,3}$/.test(t)) return 1;
  if (/^\d{1,3}$/.test(t)) return 3;
  // "1.1", "1.1.1": each further part one level deeper than any single numeral.
  if (/^\d{1,3}(?:[.．]\d{1,3})+[.．]?$/.test(t)) return 5 + t.replace(/[.．]$/, '').split(/[.．]/).length;
  return null;
}

interface NumberCell {
  value: number | null;
  kind: 'bonus' | 'major' | null;
  cap?: number;
}

function parseNumberCell(text: string, what: 'points' | 'weight', at: () => string): NumberCell {
  const t = asciiDigits(text.replace(/\s+/g, ''));
  if (!t || /^[—–\-/／、无]+$/.test(t)) return { value: null, kind: null };
  // The 自查评分表 writes a bonus item's cap as "加分≤8", a 重大扣分 item as "不设上限" and a capped 扣分项 as
  // "最多扣5"; a 细则 may write a 扣分项's cap as a negative number ("-5", "倒扣5分").
  if (what === 'points' && /^不设上限$/.test(t)) return { value: null, kind: 'major' };
  const deduct = /^(?:[-－−]|(?:最多|最高|至多|倒)扣)(\d+(?:\.\d+)?)分?$/.exec(t);
  if (what === 'points' && deduct) return { value: null, kind: 'major', cap: Number(deduct[1]) };
  const bonus = /^加分(?:≤|<=|不超过|最高)?(\d+(?:\.\d+)?)分?$/.exec(t);
  if (what === 'points' && bonus) return { value: Number(bonus[1]), kind: 'bonus' };
  const m = /^[（(]?(\d+(?:\.\d+)?)(分|%|％)?[)）]?$/.exec(t);
  if (!m) {
    throw new AppError(
      ErrorCode.IMPORT_ROWS_INVALID,
      `${at()}的“${text.slice(0, 20)}”不是${what === 'points' ? '分值' : '权重'}数字。请改为数字（如 ${what === 'points' ? '10 或 0.5' : '40 或 40%'}）后再导入；没有${what === 'points' ? '分值' : '权重'}的请留空；如果这一列不是${what === 'points' ? '分值' : '权重'}，请在预览中把它改为“不读取”。`,
    );
  }
  const v = Number(m[1]);
  if (v > 10000)
    throw new AppError(
      ErrorCode.IMPORT_ROWS_INVALID,
      `${at()}的${what === 'points' ? '分值' : '权重'} ${v} 过大，请检查。`,
    );
  return { value: v, kind: null };
}

/** A grade column's name and points as its header writes them: "优(10)" → 优, 10; "良" → 良, null. */
function gradeOfHeader(label: string): { name: string; points: number | null } {
  const h = normHeader(label);
  const name = GRADE_NAME.exec(h)?.[1] ?? h;
  const n = NUMBER.exec(h.slice(name.length));
  return { name, points: n ? Number(n[1]) : null };
}

/** The levels a cell lists ("优(10)、良(8)、一般(6)、差(0)", "优10分；良8分；差0分"), or null unless it lists two or more. */
function gradeList(text: string): { name: string; points: number; words: string }[] | null {
  const parts = normHeader(text)
    .split(/[、，,；;/\s]+/)
    .filter(Boolean);
  const levels = parts.map((p) => {
    const name = GRADE_NAME.exec(p)?.[1];
    const n = name ? /^\(?(\d+(?:\.\d+)?)分?\)?$/.exec(p.slice(name.length)) : null;
    return name && n ? { name, points: Number(n[1]), words: '' } : null;
  });
  return levels.length >= 2 && levels.every((l) => l !== null)
    ? (levels as { name: string; points: number; words: string }[])
    : null;
}

export interface IndicatorTable {
  roots: Draft[];
  /** The 合计 row's points, when there is one. */
  total: number | null;
  /** The 合计 row that gave them ("工作表“评分细则”第9行"). */
  totalPlace: string | null;
}

/** Builds the indicator tree of one table whose columns are known. */
export function indicatorsFromGrid(view: GridView, layout: Layout, fileName: string): IndicatorTable {
  const { roles, labels } = layout;
  const levelCols = roles.map((r, c) => (r === 'group' ? c : -1)).filter((c) => c >= 0);
  const valueCols = roles
    .map((r, c) => ({ r, c }))
    .filter((x) => ['points', 'weight', 'criteria', 'rule', 'grade'].includes(x.r));
  const pointsCols = roles.map((r, c) => (r === 'points' ? c : -1)).filter((c) => c >= 0);
  const seqCol = roles.indexOf('seq');
  const where = view.grid.where;
  const place = (r: number) => `${where}第${view.grid.rowNumbers[r]}行`;
  // A sheet's column as Excel numbers it (hidden columns are not in the grid); a Word table's by position.
  const at = (r: number, col: number) => () => {
    const n = view.grid.colNumbers?.[col] ?? col + 1;
    return `文件“${fileName}”${where}第${view.grid.rowNumbers[r]}行第${n}列（${columnLetters(n)}列${labels[col] ? `“${labels[col]}”` : ''}）`;
  };
  /** The level a points column belongs to by position: the nearest name column on its left (the deepest: the leaf). */
  const ownerByPosition = (col: number): number | 'leaf' => {
    let owner = -1;
    levelCols.forEach((c, k) => {
      if (c < col) owner = k;
    });
    return owner < 0 || owner === levelCols.length - 1 ? 'leaf' : owner;
  };
  // Points written in names count only for levels no points column serves.
  const barePoints = !roles.some((r) => r === 'points' || r === 'weight' || r === 'grade');

  const roots: Draft[] = [];
  let section: Draft | null = null;
  const path: Draft[] = [];
  /** The name cell each node of the path started with, to tell which rows a merged points cell spans. */
  const pathCells: (GridCell | null)[] = [];
  let total: number | null = null;
  let totalPlace: string | null = null;
  let lastLeaf: Draft | null = null;
  /** Per name column, the numbered indicators open in it by numeral style (for nesting within one column). */
  const marks: { level: number; node: Draft }[][] = [];

  /** Points written in a name ("组织保障(20)") where a points column serves: they count if the column says nothing. */
  const namePoints = new Map<Draft, number>();
  let afterTotal = false;
  let inNotes = false;

  const isHeaderAgain = (r: number) =>
    view.rowCells(r).every((cell) => labels.slice(cell.col, cell.col + cell.colSpan).includes(cell.text));

  for (let r = layout.start; r < view.rows; r++) {
    const cells = view.rowCells(r);
    if (!cells.length || isHeaderAgain(r)) continue;
    const first = cells[0].text;
    if (isTotalRow(first) || isSubtotalRow(first)) {
      if (isTotalRow(first)) {
        afterTotal = true;
        for (const pc of pointsCols) {
          const a = view.at(r, pc);
          if (a.origin && a.cell.text) {
            // "100＋加分8" (the 自查评分表's own 合计): the 满分 is the base; the 加分 are the bonus items' own points.
            const split = BASE_PLUS_BONUS.exec(asciiDigits(a.cell.text.replace(/\s+/g, '')));
            total =
              (total ?? 0) +
              (split ? Number(split[1]) : (parseNumberCell(a.cell.text, 'points', at(r, pc)).value ?? 0));
            totalPlace = totalPlace ? `${totalPlace}、第${view.grid.rowNumbers[r]}行` : place(r);
            break;
          }
        }
      }
      continue;
    }
    // Notes, and the sentences alone in their row that go on with them or follow the 合计; a short heading there
    // ("加分项（最高加5分）") is still a section.
    const sentence = cells.length === 1 && /[。；;]$|^.{30,}$/.test(first.trim());
    if (NOTE.test(first.trim()) || (sentence && (inNotes || afterTotal))) {
      inNotes = true;
      continue;
    }
    inNotes = false;
    // A section: one text across the table ("一、单项否决指标", "加分项（8分）"), or alone in a column that holds no names.
    if (cells.length === 1) {
      const cell = cells[0];
      const covered = roles.slice(cell.col, cell.col + cell.colSpan);
      const across = cell.colSpan >= 2 && covered.some((x) => x !== 'group');
      if (
        across ||
        (cell.colSpan === 1 && roles[cell.col] !== 'group' && levelCols.length > 0 && cell.col < levelCols[0])
      ) {
        const sp = splitName(cell.text, true);
        section = draft(sp.name, sp.points, sp.weight);
        section.place = place(r);
        roots.push(section);
        path.length = 0;
        pathCells.length = 0;
        marks.length = 0;
        continue;
      }
    }

    // Names by level: a cell starting here is a name; one merged from above, or blank under a filled one (pasted
    // from a merged cell, or written once), is the indicator above; a name spanning the next level's column too is
    // one indicator, not two.
    type Name = { kind: 'new'; text: string; cell: GridCell } | { kind: 'same' } | { kind: 'none' };
    const names: Name[] = levelCols.map((c, k) => {
      const a = view.at(r, c);
      if (a.cell.col < c)
        return a.cell.row === r && k > 0 && levelCols[k - 1] >= a.cell.col ? { kind: 'none' } : { kind: 'same' };
      if (!a.origin) return { kind: 'same' };
      return a.cell.text ? { kind: 'new', text: a.cell.text, cell: a.cell } : { kind: 'none' };
    });
    let deepest = -1;
    names.forEach((n, k) => {
      if (n.kind === 'new') deepest = k;
    });
    if (deepest < 0) {
      // No new name: words continuing the leaf above (a criteria cell split over rows).
      const extra = valueCols
        .filter((x) => x.r === 'criteria')
        .map((x) => view.at(r, x.c))
        .filter((a) => a.origin && a.cell.text)
        .map((a) => a.cell.text)
        .join('\n');
      if (lastLeaf && extra) lastLeaf.criteria = [lastLeaf.criteria, extra].filter(Boolean).join('\n');
      continue;
    }
    // Blank cells before the first name continue the indicators above; a blank between two names skips a level.
    const firstNew = names.findIndex((n) => n.kind === 'new');
    for (let k = 0; k < deepest; k++) {
      const n = names[k];
      const continues = n.kind === 'same' || (n.kind === 'none' && k < firstNew);
      if ((n.kind === 'none' && k > firstNew) || (continues && !path[k])) {
        const col = levelCols[k];
        const deeper = names[deepest] as { text: string };
        throw new AppError(
          ErrorCode.IMPORT_ROWS_INVALID,
          `${at(r, col)()}是空的，但同一行的“${labels[levelCols[deepest]]}”有内容（${deeper.text.slice(0, 20)}）：指标层级不能跳过。请补上上一级指标的名称（合并单元格也可以），或把该指标移到上一级的列中。`,
        );
      }
    }
    let node: Draft | null = null;
    for (let k = 0; k <= deepest; k++) {
      const n = names[k];
      const cur = path[k];
      if (n.kind !== 'new') {
        node = cur;
        continue;
      }
      const sp = splitName(n.text, barePoints);
      // The same words again at an upper level (written on every row instead of merged): the same indicator.
      if (cur && k < deepest && cur.name === sp.name && (k === 0 || path[k - 1] === node)) {
        node = cur;
        continue;
      }
      const fresh = draft(sp.name, sp.points, sp.weight);
      fresh.place = place(n.cell.row);
      if (sp.bare !== undefined) namePoints.set(fresh, sp.bare);
      // In one name column, a numeral of a deeper style than the one above it ("1.领导重视" under "一、政务公开工作")
      // is an item of it; the same style again, a sibling. An unnumbered name in the first column takes its 序号's.
      const seq = k === 0 && seqCol >= 0 && view.at(r, seqCol).origin ? seqLevel(view.at(r, seqCol).cell.text) : null;
      const mark = readNumberMark(n.text) ?? (seq === null ? null : { level: seq });
      const stack = (marks[k] ??= []);
      if (mark) while (stack.length && stack[stack.length - 1].level >= mark.level) stack.pop();
      else stack.length = 0;
      const parent = (mark && stack.length ? stack[stack.length - 1].node : null) ?? (k === 0 ? section : node);
      if (mark) stack.push({ level: mark.level, node: fresh });
      marks.length = k + 1;
      (parent ? parent.children : roots).push(fresh);
      path[k] = fresh;
      pathCells[k] = n.cell;
      path.length = k + 1;
      pathCells.length = k + 1;
      node = fresh;
    }
    const leaf = node!;
    lastLeaf = leaf;
    for (const { r: role, c } of valueCols) {
      const a = view.at(r, c);
      if (!a.origin || !a.cell.text) continue;
      const text = a.cell.text;
      if (role === 'points' || role === 'weight') {
        const v = parseNumberCell(text, role, at(r, c));
        const target = pointsOwner(a.cell, c, deepest) ?? leaf;
        if (role === 'points') {
          if (target.points === null) target.points = v.value;
          if (v.kind) target.pointsKind = v.kind;
          if (v.cap !== undefined) target.pointsCap = v.cap;
        } else if (target.weight === null) target.weight = v.value;
      } else if (role === 'criteria') {
        if (!leaf.criteria.split('\n').includes(text)) leaf.criteria = [leaf.criteria, text].filter(Boolean).join('\n');
      } else if (role === 'rule') {
        leaf.ruleText = [leaf.ruleText, text].filter(Boolean).join('\n');
      }
    }
    // Grade columns: one level per column, from the header's points ("优(10)") or the cell's ("8分"); a blank cell
    // in a row that fills other grade cells is still that level (its words are simply not written).
    const gradeCells = valueCols
      .filter((x) => x.r === 'grade')
      .map(({ c }) => ({ c, a: view.at(r, c) }))
      .map(({ c, a }) => ({ c, text: a.origin ? a.cell.text : '' }));
    if (gradeCells.some((g) => g.text)) {
      for (const { c, text } of gradeCells) {
        const g = gradeOfHeader(labels[c]);
        // One 评分等次 column listing every level in its cell: "优(10)、良(8)、一般(6)、差(0)" or "优10分；良8分".
        const listed = GRADE_NAME.test(g.name) ? null : gradeList(text);
        if (listed) {
          leaf.grades.push(...listed);
          continue;
        }
        const n = /^(\d+(?:\.\d+)?)\s*分?$/.exec(asciiDigits(text.replace(/\s+/g, '')));
        if (!text && g.points === null) continue;
        leaf.grades.push({ name: g.name, points: g.points ?? (n ? Number(n[1]) : null), words: n ? '' : text });
      }
    }
  }
  for (const [node, points] of namePoints) if (node.points === null && node.weight === null) node.points = points;
  finishGrades(roots);
  return { roots, total, totalPlace };

  /**
   * Which indicator a points cell is for: the one whose name cell spans the same rows (a merged 合计得分 beside its
   * 类别); under a group-total header the indicator above the leaf; otherwise by position.
   */
  function pointsOwner(cell: GridCell, col: number, deepest: number): Draft | null {
    if (cell.rowSpan > 1) {
      for (let k = deepest; k >= 0; k--) {
        const nc = pathCells[k];
        if (nc && nc.row === cell.row && nc.rowSpan === cell.rowSpan) return path[k];
      }
    }
    if (GROUP_TOTAL_HEADER.test(normHeader(labels[col])) && deepest > 0) return path[deepest - 1] ?? null;
    const owner = ownerByPosition(col);
    return owner === 'leaf' ? null : (path[owner] ?? null);
  }
}

/**
 * Grade columns: a leaf whose grades all have points (each its own) is scored by level (a grade rule; its points are
 * the best level's). Otherwise (a grade without points, two at the same points, a group) the grades are written into
 * the criteria for the person to score by hand.
 */
function finishGrades(nodes: Draft[]): void {
  for (const n of nodes) {
    finishGrades(n.children);
    if (!n.grades.length) continue;
    const known = n.grades.filter((g) => g.points !== null);
    const levels =
      !n.children.length && known.length === n.grades.length
        ? gradeLevels(n.grades.map((g) => ({ label: g.name, points: g.points!, criteria: g.words })))
        : null;
    if (levels) {
      n.rule = { kind: 'grade', levels };
      n.points = levels[0].points;
      n.weight = null;
      continue;
    }
    if (n.points === null && known.length) n.points = Math.max(...known.map((g) => g.points!));
    const line = n.grades
      .map((g) => `${g.name}${g.points !== null ? `${g.points}分` : ''}${g.words ? `（${g.words}）` : ''}`)
      .join('；');
    n.criteria = [n.criteria, `按等次评分：${line}`].filter(Boolean).join('\n');
  }
}
