// A 细则's tables → one indicator tree. Each table is a grid (../grid: merged cells as spans); its header and the role
// of each column are found there (or chosen by the user in the preview), and ../grid/indicators.ts builds the tree.
// Here: the title, the total, and each leaf's scoring rule read from its words (or from the rule the 自查评分表
// writes after the criteria, so an exported sheet reads back as the 细则 it came from).
import type { IndicatorOutput, Rule } from '../../../shared/domain/selfcheck';
import type { ProblemPlaces } from '../../../shared/domain/selfcheck-score';
import { inferRule, readDeductionsRuleText, readGradeRuleText } from '../../../shared/domain/selfcheck-rules';
import type { TableColumns } from '../../../shared/domain/table-columns';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { GridView, type Grid } from '../grid/grid';
import { choiceFor, describeColumns, findLayout, type TableChoices } from '../grid/header';
import { draft, indicatorsFromGrid, splitName, type Draft } from '../grid/indicators';
import { sheetWarnings } from '../grid/sheet-warnings';

export interface ParsedIndicators {
  title: string;
  total: number;
  indicators: IndicatorOutput[];
  /** Each table with the role of its columns, for the preview's selects (not part of parse-indicators' output). */
  tables: TableColumns[];
  /** The rows the indicators and the 合计 are on, for templateProblems (not part of parse-indicators' output). */
  places: ProblemPlaces;
  /**
   * What the reader left out or read as blank, for the user to check: a sheet's hidden or filtered-out rows and
   * columns with values, formula error values (not part of parse-indicators' output: said on stderr).
   */
  warnings: string[];
}

const NO_PLACES: ProblemPlaces = { total: null, nodes: {} };

const TITLE_WORDS = /细则|评分|指标|考核|自查|测评|评估/;

/** A table of 加分 or 单项否决 items only. */
const APART = /加分|否决/;

/**
 * A table of 加分 or 单项否决 items kept apart from the scored ones (a Word table under "二、加分指标（最高5分）", a sheet
 * named 加分指标, a name column headed 单项否决项目): its items go under a section of that name, so their rules are
 * read as 加分 or 否决 and their points stay out of the 满分. A title or sheet name says so only after the first table
 * (the first is the 细则 itself, whatever its title).
 */
function apartSection(grid: Grid, labels: string[], roles: string[], later: boolean): Draft | null {
  const header = labels.find((l, c) => roles[c] === 'group' && APART.test(l));
  const sheet = /^工作表“(.+)”$/.exec(grid.where)?.[1];
  const title = grid.before[grid.before.length - 1];
  // The title or sheet name as written ("二、加分指标（最高5分）": its cap too); a header only says which kind.
  const words =
    (later ? [title, sheet].find((t) => t && APART.test(t) && t.length <= 30) : undefined) ??
    (header ? (/否决/.test(header) ? '单项否决' : '加分项') : undefined);
  if (!words) return null;
  const sp = splitName(words, true);
  const section = draft(sp.name, sp.points, sp.weight);
  section.place = grid.where;
  return section;
}

/**
 * Reads the indicator tree from the tables of one file (every table whose columns are found; the rest are skipped).
 * `chooseRoles` (the preview): when no table's columns are found, answer the tables to choose from instead of an
 * error.
 */
export function readIndicatorTables(
  grids: Grid[],
  fileName: string,
  opts: TableChoices & { chooseRoles?: boolean } = {},
): ParsedIndicators {
  const roots: Draft[] = [];
  const tables: TableColumns[] = [];
  let title = '';
  let total: number | null = null;
  let totalPlace: string | null = null;
  let found = false;
  const warnings: string[] = [];
  /** Said for tables whose columns are not found only when none is (a hidden 分值 column may be why). */
  const unfound: string[] = [];
  const said = (grid: Grid, start: number) => sheetWarnings(grid, start, '指标').map((w) => `“${fileName}”中的${w}`);
  grids.forEach((grid, index) => {
    const view = new GridView(grid);
    const layout = findLayout(view, 'indicators', choiceFor(opts, index));
    if (grid.cols >= 2 && grid.rows >= 1) tables.push(describeColumns(view, layout, index));
    if (!layout.found) {
      unfound.push(...said(grid, 0));
      return;
    }
    found = true;
    warnings.push(...said(grid, layout.start));
    if (!title) {
      const above = [
        ...grid.before,
        ...Array.from({ length: layout.headerStart }, (_, r) => view.rowCells(r)[0]?.text ?? ''),
      ].filter(Boolean);
      // The 自查评分表 names the 细则 it was scored against: "对照：某县2026年政务公开考核评分细则（两个全角空格）自评总分…".
      const against = above.map((t) => /^对照[:：]\s*(.+?)(?:\s{2,}|\u3000|$)/.exec(t)?.[1]).find(Boolean);
      title = against ?? above.find((t) => TITLE_WORDS.test(t)) ?? above[0] ?? '';
    }
    const r = indicatorsFromGrid(view, layout, fileName);
    const apart = apartSection(grid, layout.labels, layout.roles, roots.length > 0);
    if (apart && r.roots.length && !r.roots.every((n) => APART.test(n.name))) {
      apart.children = r.roots;
      roots.push(apart);
    } else roots.push(...r.roots);
    if (r.total !== null) total = (total ?? 0) + r.total;
    if (r.totalPlace) totalPlace = totalPlace ? `${totalPlace}、${r.totalPlace}` : r.totalPlace;
  });
  if (!found) {
    if (opts.chooseRoles && tables.length)
      return {
        title: fileName.replace(/\.[^.]+$/, ''),
        total: 100,
        indicators: [],
        tables,
        places: NO_PLACES,
        warnings: unfound,
      };
    throw new AppError(
      ErrorCode.IMPORT_ROWS_INVALID,
      `在“${fileName}”中没有找到考核细则的表头。表头需要有指标名称列（如“一级指标”“二级指标”“三级指标”，或“指标”“类别”“考核项目”）和“分值”或“权重”列。请检查表头行的文字，或把表格复制到新的 Excel 文件中整理后再导入。${unfound.join('')}`,
    );
  }
  if (!roots.length) {
    if (opts.chooseRoles)
      return {
        title: title || fileName.replace(/\.[^.]+$/, ''),
        total: 100,
        indicators: [],
        tables,
        places: NO_PLACES,
        warnings,
      };
    throw new AppError(
      ErrorCode.NO_ITEMS,
      `“${fileName}”的评分表中没有指标行（表头下面是空的）。请确认选对了文件。${warnings.join('')}`,
    );
  }
  finishRules(roots, '');
  relativeWeights(roots);
  const ordinary = roots.filter(
    (n) => n.rule.kind !== 'bonus' && n.rule.kind !== 'major' && !/单项否决|一票否决/.test(n.name),
  );
  // A group without points counts what its items do (组织保障 = 2 + 3).
  const stated = (n: Draft): number =>
    n.points ??
    n.children.filter((c) => c.rule.kind !== 'bonus' && c.rule.kind !== 'major').reduce((a, c) => a + stated(c), 0);
  const sum = Math.round(ordinary.reduce((a, n) => a + stated(n), 0) * 100) / 100;
  const allWeights = ordinary.length > 0 && ordinary.every((n) => n.points === null && n.weight !== null);
  // A 合计 that adds the 加分 to the 满分 (基础100 + 加分8 = 108, as the 自查评分表 prints it): the 满分 is the 100. A
  // 加分 group without points of its own counts its items' (创新做法 5 + 获得表彰 3).
  const bonusPoints = (n: Draft): number => n.points ?? n.children.reduce((a, c) => a + bonusPoints(c), 0);
  const bonus = roots.filter((n) => n.rule.kind === 'bonus').reduce((a, n) => a + bonusPoints(n), 0);
  if (total !== null && bonus > 0 && sum > 0 && Math.abs(total - (sum + bonus)) < 0.005) total = sum;
  // Keyed as toScoringNodes keys an unsaved tree: "1", "1.2".
  const nodes: Record<string, string> = {};
  const walk = (ds: Draft[], prefix: string) =>
    ds.forEach((d, i) => {
      if (d.place) nodes[`${prefix}${i + 1}`] = d.place;
      walk(d.children, `${prefix}${i + 1}.`);
    });
  walk(roots, '');
  return {
    title: title.replace(/\s+/g, ' ').trim() || fileName.replace(/\.[^.]+$/, ''),
    total: total ?? (allWeights ? 100 : sum || 100),
    indicators: roots.map(strip),
    tables,
    places: { total: total === null ? null : totalPlace, nodes },
    warnings,
  };
}

function strip(d: Draft): IndicatorOutput {
  const { ruleText: _r, pointsKind: _p, pointsCap: _c, grades: _g, place: _pl, children, ...rest } = d;
  return { ...rest, children: children.map(strip) };
}

const N = '(\\d+(?:\\.\\d+)?)';
/**
 * The rule as the 自查评分表 writes it after a leaf's criteria (ruleLabel in shared/domain/selfcheck.ts), read back
 * exactly: "……（每次扣1分，扣完为止）", "……（每处扣0.5分，最多扣2分）", "……（按等次评分：优10分；良8分；…）",
 * "……（分项扣分：未制定的扣2分；…；扣完为止）". Null when the words do not end so.
 */
function ruleFromLabel(text: string): { rule: Rule; capped: boolean; rest: string } | null {
  // "……（按等次评分：优10分（制度健全）；良8分；…）": the levels' own words may hold brackets, so from the last opening.
  const at = text.lastIndexOf('（按等次评分：');
  if (at >= 0 && text.endsWith('）')) {
    const levels = readGradeRuleText(text.slice(at + 1, -1));
    if (levels) return { rule: { kind: 'grade', levels }, capped: true, rest: text.slice(0, at).trim() };
  }
  // "……（分项扣分：未按时公开的扣1分；内容不完整的每处扣0.5分；扣完为止）": a finding's words may hold brackets too.
  const from = text.lastIndexOf('（分项扣分：');
  if (from >= 0 && text.endsWith('）')) {
    const several = readDeductionsRuleText(text.slice(from + 1, -1));
    if (several) return { rule: { kind: 'deductions', ...several }, capped: true, rest: text.slice(0, from).trim() };
  }
  // The same words on a line of their own: a 细则 written so by hand.
  const lines = text.split('\n');
  const levels = readGradeRuleText(lines[lines.length - 1]);
  if (levels) return { rule: { kind: 'grade', levels }, capped: true, rest: lines.slice(0, -1).join('\n').trim() };
  const several = readDeductionsRuleText(lines[lines.length - 1]);
  if (several)
    return { rule: { kind: 'deductions', ...several }, capped: true, rest: lines.slice(0, -1).join('\n').trim() };
  const tries: [RegExp, (m: RegExpExecArray) => { rule: Rule; capped: boolean }][] = [
    [/（达到得全分，未达到不得分）$/, () => ({ rule: { kind: 'fixed', absentDeduct: null }, capped: true })],
    [
      new RegExp(`（达到得全分，未达到扣${N}分）$`),
      (m) => ({ rule: { kind: 'fixed', absentDeduct: Number(m[1]) }, capped: true }),
    ],
    [
      new RegExp(`（每(.{1,4}?)扣${N}分，最多扣${N}分）$`),
      (m) => ({ rule: { kind: 'perItem', deduct: Number(m[2]), unit: m[1], cap: Number(m[3]) }, capped: true }),
    ],
    [
      new RegExp(`（每(.{1,4}?)扣${N}分，扣完为止）$`),
      (m) => ({ rule: { kind: 'perItem', deduct: Number(m[2]), unit: m[1] }, capped: true }),
    ],
    [
      new RegExp(`（每(.{1,4}?)扣${N}分（可突破本项分值））$`),
      (m) => ({ rule: { kind: 'perItem', deduct: Number(m[2]), unit: m[1] }, capped: false }),
    ],
    [
      new RegExp(`（扣分项，每(.{1,4}?)扣${N}分，最多扣${N}分）$`),
      (m) => ({ rule: { kind: 'major', deduct: Number(m[2]), unit: m[1], cap: Number(m[3]) }, capped: false }),
    ],
    [
      new RegExp(`（重大扣分项，每(.{1,4}?)扣${N}分，不设上限）$`),
      (m) => ({ rule: { kind: 'major', deduct: Number(m[2]), unit: m[1] }, capped: false }),
    ],
    [/（单项否决）$/, () => ({ rule: { kind: 'veto' }, capped: true })],
    [
      new RegExp(`（(?:每(.{1,4}?)加${N}分|加分)(?:，基础得分(达到|超过)${N}分方可计入)?）$`),
      (m) => ({
        rule: {
          kind: 'bonus',
          perItem: m[2] !== undefined ? Number(m[2]) : null,
          threshold: m[4] !== undefined ? Number(m[4]) : null,
          inclusive: m[3] !== '超过',
          unit: m[1] ?? '次',
        },
        capped: true,
      }),
    ],
  ];
  for (const [re, make] of tries) {
    const m = re.exec(text);
    if (m) return { ...make(m), rest: text.slice(0, m.index).trim() };
  }
  return null;
}

/** Reads every leaf's rule from its words (and its ancestors': 加分项, 单项否决, 重大扣分 sections). */
function finishRules(nodes: Draft[], context: string): void {
  for (const n of nodes) {
    const ctx = `${context} ${n.name}`;
    const words = [n.criteria, n.ruleText].filter(Boolean).join('\n');
    if (words && !n.criteria.includes(n.ruleText)) n.criteria = words;
    if (n.children.length) {
      if (n.pointsKind === 'bonus' || /加分/.test(n.name)) {
        const r = inferRule(words || n.name, '加分');
        n.rule = r.rule;
      } else if (/单项否决|一票否决/.test(n.name)) {
        n.points = n.points ?? 0;
      }
      finishRules(n.children, ctx);
      // "基础得分达到60分方可计入" written on an item applies to the whole 加分 group it sits in.
      if (n.rule.kind === 'bonus' && n.rule.threshold === null) {
        const all = (d: Draft): Draft[] => [d, ...d.children.flatMap(all)];
        const gated = n.children
          .flatMap(all)
          .map((c) => c.rule)
          .find((r) => r.kind === 'bonus' && r.threshold !== null);
        if (gated && gated.kind === 'bonus')
          n.rule = { ...n.rule, threshold: gated.threshold, inclusive: gated.inclusive };
      }
    } else if (n.rule.kind === 'grade') {
      // Scored by the grade columns (../grid/indicators.ts); a 扣分规则 column's words stay in the criteria.
      continue;
    } else {
      const labelled = ruleFromLabel(n.criteria);
      if (labelled) {
        n.rule = labelled.rule;
        n.capped = labelled.capped;
        n.criteria = labelled.rest;
        n.ceilingRatio = inferRule(labelled.rest).ceilingRatio;
        if (labelled.rule.kind === 'grade') {
          n.points = labelled.rule.levels[0].points;
          n.weight = null;
        }
        continue;
      }
      // An item without points under 扣分项 (or saying "此项为扣分项") takes points off the total, as 重大扣分 does.
      const outside = n.points === null && n.weight === null && /扣分项|减分项/.test(`${ctx} ${words}`);
      const hint = n.pointsKind === 'bonus' ? '加分' : n.pointsKind === 'major' ? '重大扣分' : outside ? '扣分项' : '';
      const r = inferRule(
        words,
        /加分|单项否决|一票否决|重大扣分|倒扣/.test(ctx)
          ? ctx.match(/加分|单项否决|一票否决|重大扣分|倒扣/g)!.join('') + hint
          : hint,
        n.points,
      );
      n.rule = r.rule;
      n.capped = r.capped;
      n.ceilingRatio = r.ceilingRatio;
      if (n.rule.kind === 'major' && n.rule.cap === undefined && n.pointsCap !== null)
        n.rule = { ...n.rule, cap: n.pointsCap };
      if (n.rule.kind === 'veto' && n.points === null) n.points = 0;
    }
  }
}

/**
 * Weights written as shares of the whole (保障运营 10% = 工作保障 5% + 制度保障 5%, as 绩溪's 细则 writes them) become
 * shares of their group, as the scoring reads a weight (工作保障 50% of 保障运营's points). Weights that add up to 100%
 * already are shares of their group and stay.
 */
function relativeWeights(nodes: Draft[]): void {
  for (const n of nodes) {
    const ws = n.children.map((c) => (c.points === null ? c.weight : null));
    const sum = ws.reduce<number>((a, w) => a + (w ?? 0), 0);
    if (
      n.weight !== null &&
      n.weight !== 100 &&
      n.children.length > 0 &&
      ws.every((w) => w !== null) &&
      Math.abs(sum - n.weight) < 0.005
    )
      for (const c of n.children) c.weight = Math.round(((c.weight as number) / n.weight) * 10000) / 100;
    relativeWeights(n.children);
  }
}
