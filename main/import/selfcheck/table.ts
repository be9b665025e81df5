// A 细则 table → indicator tree. The header row names the columns (一级指标/二级指标/三级指标 or 指标/类别/考核项目,
// 分值/权重, 考核内容/评分标准, 扣分规则); merged upper-level cells make one node; a full-width row is a section;
// 合计 rows give the total and are otherwise ignored. Bad input stops with the file, sheet, row and column named.
import type { IndicatorOutput } from '../../../shared/domain/selfcheck';
import { inferRule, splitPointsFromName } from '../../../shared/domain/selfcheck-rules';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { columnLetter, type SourceTable, type TableCell } from './cells';

export interface ParsedIndicators {
  title: string;
  total: number;
  indicators: IndicatorOutput[];
}

type Role =
  | { kind: 'level'; level: number }
  | { kind: 'points' }
  | { kind: 'weight' }
  | { kind: 'criteria' }
  | { kind: 'rule' }
  | { kind: 'ignore' };

const LEVEL_WORDS = '一二三四五';
const NAME_HEADER = /^(考核|测评|评估|评价)?(指标|项目|类别|指标名称|内容)$|^(具体项目|考核内容|评估内容|类别)$/;

function roleOf(header: string, hasLevelColumns: boolean): Role {
  const h = header.replace(/\s+/g, '').replace(/[（(].*?[)）]/g, '');
  const lv = /^([一二三四五])级(指标|项目|内容|指标名称)?$/.exec(h);
  if (lv) return { kind: 'level', level: LEVEL_WORDS.indexOf(lv[1]) + 1 };
  if (
    /自评|得分|实得|扣分$|失分|备注|序号|编号|整改|佐证|附件|链接|责任|填报|说明材料/.test(h) &&
    !/扣分(规则|细则|标准|办法)/.test(h)
  )
    return { kind: 'ignore' };
  if (/^(分值|指标分值|标准分|满分|分数|基本分|赋分|配分|基础分值|项目分值|考核分值|评分分值)$/.test(h))
    return { kind: 'points' };
  if (/^(权重|占比|比重|权重分)$/.test(h)) return { kind: 'weight' };
  if (/扣分(规则|细则|标准|办法)|计分(方法|办法)|评分方法/.test(h)) return { kind: 'rule' };
  if (!hasLevelColumns && NAME_HEADER.test(h)) return { kind: 'level', level: 0 };
  if (
    /评分标准|评价标准|考核标准|评分说明|考察点|评估点|考核要求|考核内容|具体内容|评分细则|指标说明|具体项目|评估内容|考核要点|工作要求|标准/.test(
      h,
    )
  )
    return { kind: 'criteria' };
  return { kind: 'ignore' };
}

interface Header {
  row: number;
  roles: Role[];
  labels: string[];
}

function findHeader(rows: TableCell[][]): Header | null {
  for (let r = 0; r < Math.min(rows.length, 15); r++) {
    const labels = rows[r].map((c) => c.text.replace(/\s+/g, ''));
    const hasLevelColumns = labels.some((l) => /^[一二三四五]级/.test(l));
    let roles = labels.map((l) => (l ? roleOf(l, hasLevelColumns) : ({ kind: 'ignore' } as Role)));
    // Generic name columns (指标 | 具体项目) are levels in their order.
    let n = 0;
    roles = roles.map((x) => (x.kind === 'level' && x.level === 0 ? { kind: 'level', level: ++n } : x));
    const levels = roles.filter((x) => x.kind === 'level');
    if (levels.length && roles.some((x) => x.kind === 'points' || x.kind === 'weight'))
      return { row: r, roles, labels };
  }
  return null;
}

const isTotalRow = (text: string) =>
  /^(合\s*计|总\s*计|总\s*分|小\s*计|满\s*分|分值合计)/.test(text.replace(/\s+/g, ''));

function parseNumberCell(text: string, kind: 'points' | 'weight', at: () => string): number | null {
  const t = text.replace(/\s+/g, '');
  if (!t || /^[—–\-/／、无]+$/.test(t)) return null;
  const m = /^(\d+(?:\.\d+)?)(分|%|％)?$/.exec(t);
  if (!m) {
    throw new AppError(
      ErrorCode.IMPORT_ROWS_INVALID,
      `${at()}的“${text.slice(0, 20)}”不是${kind === 'points' ? '分值' : '权重'}数字。请改为数字（如 ${kind === 'points' ? '10 或 0.5' : '40 或 40%'}）后再导入；没有${kind === 'points' ? '分值' : '权重'}的请留空。`,
    );
  }
  const v = Number(m[1]);
  if (v > 10000)
    throw new AppError(
      ErrorCode.IMPORT_ROWS_INVALID,
      `${at()}的${kind === 'points' ? '分值' : '权重'} ${v} 过大，请检查。`,
    );
  return v;
}

interface Draft extends IndicatorOutput {
  children: Draft[];
  ruleText: string;
}

const draft = (name: string, points: number | null, weight: number | null): Draft => ({
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
});

/** Reads the indicator tree from the tables of one file (every table with a header; the rest are skipped). */
export function readIndicatorTables(tables: SourceTable[], fileName: string): ParsedIndicators {
  const roots: Draft[] = [];
  let title = '';
  let total: number | null = null;
  let found = false;
  for (const table of tables) {
    const header = findHeader(table.rows);
    if (!header) continue;
    found = true;
    if (!title) {
      const above = [
        ...table.before,
        ...table.rows.slice(0, header.row).map((r) => r.find((c) => c.text)?.text ?? ''),
      ].filter(Boolean);
      title = above.find((t) => /细则|评分|指标|考核|自查|测评|评估/.test(t)) ?? above[0] ?? '';
    }
    const r = readOne(table, header, fileName);
    roots.push(...r.roots);
    if (r.total !== null) total = (total ?? 0) + r.total;
  }
  if (!found) {
    throw new AppError(
      ErrorCode.IMPORT_ROWS_INVALID,
      `在“${fileName}”中没有找到考核细则的表头。表头需要有指标名称列（如“一级指标”“二级指标”“三级指标”，或“指标”“类别”“考核项目”）和“分值”或“权重”列。请检查表头行的文字，或把表格复制到新的 Excel 文件中整理后再导入。`,
    );
  }
  if (!roots.length)
    throw new AppError(ErrorCode.NO_ITEMS, `“${fileName}”的评分表中没有指标行（表头下面是空的）。请确认选对了文件。`);
  finishRules(roots, '');
  const ordinary = roots.filter(
    (n) => n.rule.kind !== 'bonus' && n.rule.kind !== 'major' && !/单项否决|一票否决/.test(n.name),
  );
  const sum = ordinary.reduce((a, n) => a + (n.points ?? 0), 0);
  const allWeights = ordinary.length > 0 && ordinary.every((n) => n.points === null && n.weight !== null);
  return {
    title: title.replace(/\s+/g, ' ').trim() || fileName.replace(/\.[^.]+$/, ''),
    total: total ?? (allWeights ? 100 : Math.round(sum * 100) / 100 || 100),
    indicators: roots.map(strip),
  };
}

function strip(d: Draft): IndicatorOutput {
  const { ruleText: _r, children, ...rest } = d;
  return { ...rest, children: children.map(strip) };
}

function readOne(table: SourceTable, header: Header, fileName: string): { roots: Draft[]; total: number | null } {
  const { roles } = header;
  const levelCols = roles
    .map((r, i) => ({ r, i }))
    .filter((x) => x.r.kind === 'level')
    .sort((a, b) => (a.r as { level: number }).level - (b.r as { level: number }).level)
    .map((x) => x.i);
  const at = (rowIdx: number, col: number) => () =>
    `文件“${fileName}”${table.where}第${table.rowNumbers[rowIdx]}行第${col + 1}列（${columnLetter(col + 1)}列“${header.labels[col]}”）`;
  /** The level column a points/weight column belongs to: the nearest level column on its left, the deepest meaning the leaf. */
  const ownerLevel = (col: number): number | 'leaf' => {
    let owner = -1;
    levelCols.forEach((c, k) => {
      if (c < col) owner = k;
    });
    return owner < 0 || owner === levelCols.length - 1 ? 'leaf' : owner;
  };
  const roots: Draft[] = [];
  let section: Draft | null = null;
  const path: (Draft | null)[] = [];
  let total: number | null = null;
  let lastLeaf: Draft | null = null;

  for (let ri = header.row + 1; ri < table.rows.length; ri++) {
    const row = table.rows[ri];
    const texts = row.map((c) => c.text.trim());
    const first = texts.find((t) => t) ?? '';
    if (!first) continue;
    // A repeated header row (a table continued on a new page).
    if (texts.every((t, i) => !t || t.replace(/\s+/g, '') === header.labels[i])) continue;
    if (isTotalRow(first)) {
      const pc = roles.findIndex((r) => r.kind === 'points');
      if (pc >= 0 && texts[pc]) total = parseNumberCell(texts[pc], 'points', at(ri, pc));
      continue;
    }
    // A section row: one text merged across the whole width, e.g. "一、单项否决指标" or "加分项（8分）".
    const filled = row.map((c, i) => ({ c, i })).filter((x) => x.c.text);
    const nonLevel = filled.some((x) => !levelCols.includes(x.i));
    if (
      filled.length >= 2 &&
      new Set(filled.map((x) => x.c.text)).size === 1 &&
      filled.slice(1).every((x) => x.c.cont) &&
      nonLevel
    ) {
      const sp = splitPointsFromName(first.replace(/^[一二三四五六七八九十]+[、.．]\s*/, ''));
      section = draft(sp.name, sp.points, sp.weight);
      roots.push(section);
      path.length = 0;
      continue;
    }
    const names = levelCols.map((c) => texts[c]);
    // A name merged across level columns (一级 spanning 二级 and 三级) is one node, not three.
    for (let k = 1; k < names.length; k++)
      if (names[k] && row[levelCols[k]].cont && names[k] === texts[levelCols[k - 1]]) names[k] = '';
    let deepest = -1;
    names.forEach((n, k) => {
      if (n) deepest = k;
    });
    if (deepest < 0) {
      // A row with only criteria: the text continues the leaf above.
      const extra = roles
        .map((r, i) => (r.kind === 'criteria' && texts[i] && !row[i].cont ? texts[i] : ''))
        .filter(Boolean)
        .join('\n');
      if (lastLeaf && extra) lastLeaf.criteria = [lastLeaf.criteria, extra].filter(Boolean).join('\n');
      continue;
    }
    for (let k = 0; k < deepest; k++) {
      if (!names[k]) {
        const col = levelCols[k];
        throw new AppError(
          ErrorCode.IMPORT_ROWS_INVALID,
          `${at(ri, col)()}是空的，但同一行的“${header.labels[levelCols[deepest]]}”有内容（${names[deepest].slice(0, 20)}）：指标层级不能跳过。请补上上一级指标的名称（合并单元格也可以），或把该指标移到上一级的列中。`,
        );
      }
    }
    let node: Draft | null = null;
    for (let k = 0; k <= deepest; k++) {
      const cell = row[levelCols[k]];
      const cur = path[k];
      const sp = splitPointsFromName(names[k]);
      // Merged (continued) cells and repeated upper-level words are the same node as the row above.
      const same =
        cur && (cell.cont || (k < deepest && cur.name === sp.name && (k === 0 || path[k - 1] === (node ?? null))));
      if (same) node = cur;
      else {
        const fresh = draft(sp.name, sp.points, sp.weight);
        const parent = k === 0 ? section : node;
        (parent ? parent.children : roots).push(fresh);
        path[k] = fresh;
        path.length = k + 1;
        node = fresh;
      }
    }
    const leaf = node!;
    lastLeaf = leaf;
    roles.forEach((r, col) => {
      const cell = row[col];
      if (!cell.text || cell.cont) return;
      if (r.kind === 'points' || r.kind === 'weight') {
        const v = parseNumberCell(cell.text, r.kind, at(ri, col));
        const owner = ownerLevel(col);
        const target = owner === 'leaf' ? leaf : (path[owner] ?? leaf);
        if (r.kind === 'points' && target.points === null) target.points = v;
        if (r.kind === 'weight' && target.weight === null) target.weight = v;
      } else if (r.kind === 'criteria') {
        if (!leaf.criteria.split('\n').includes(cell.text))
          leaf.criteria = [leaf.criteria, cell.text].filter(Boolean).join('\n');
      } else if (r.kind === 'rule') {
        leaf.ruleText = [leaf.ruleText, cell.text].filter(Boolean).join('\n');
      }
    });
  }
  return { roots, total };
}

/** Reads every leaf's rule from its words (and its ancestors': 加分项, 单项否决, 重大扣分 sections). */
function finishRules(nodes: Draft[], context: string): void {
  for (const n of nodes) {
    const ctx = `${context} ${n.name}`;
    const words = [n.criteria, n.ruleText].filter(Boolean).join('\n');
    if (words && !n.criteria.includes(n.ruleText)) n.criteria = words;
    if (n.children.length) {
      if (/加分/.test(n.name)) {
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
    } else {
      const r = inferRule(
        words,
        /加分|单项否决|一票否决|重大扣分|倒扣/.test(ctx)
          ? ctx.match(/加分|单项否决|一票否决|重大扣分|倒扣/g)!.join('')
          : '',
      );
      n.rule = r.rule;
      n.capped = r.capped;
      n.ceilingRatio = r.ceilingRatio;
      if (n.rule.kind === 'veto' && n.points === null) n.points = 0;
    }
  }
}
