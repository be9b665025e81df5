// 分工表 (工作要点 as a table) from a grid: group columns make the upper levels (一、… and （一）… in two columns: two
// levels), each row of the text columns one item with its row's 责任单位 and 时限. A label is the numeral as written
// (the 序号 cell, or the mark at the start of the text), "" where the document has none; a level is the numeral's
// style (一、=1 … ①=5) where there is one, otherwise the column's depth. A blank group cell continues the group above
// (a page's merged cell pasted), and so does a merged one. Pure.

import { formatChineseDate } from '../../../shared/domain/dates';
import { levelOfBareLabel, readNumberMark, type PointLevel } from '../../../shared/domain/point-numbering';
import { parseUnitCell, type Responsibility } from '../../../shared/domain/point-units';
import type { TableColumns } from '../../../shared/domain/table-columns';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { MAX_POINT_ITEMS } from '../points/limits';
import { serialToIso } from '../xlsx-read';
import type { RawItem, SourceBlock } from '../points/parse-text';
import { joinTaskAndDetail, numberedEntries } from './cells';
import { GridView, type Grid, type GridCell } from './grid';
import { describeColumns, findLayout, type Layout, type RoleChoice } from './header';

export interface PointsTable {
  /** The table as paragraphs and items; null when its columns were not found (the caller reads it as text). */
  blocks: SourceBlock[] | null;
  /** The columns as the preview shows them; null for a table of one column (nothing to choose). */
  columns: TableColumns | null;
  /** The header's rows of the grid (its non-empty rows), [from, to); empty when it has none. */
  headerRows: [number, number];
}

/**
 * A table that alone gives more items than an import takes (MAX_POINT_ITEMS): its place and its rows under the
 * header. The file reader (../points/index.ts) says it again with the file's name.
 */
export class TableTooLarge extends AppError {
  constructor(
    readonly where: string,
    readonly rows: number,
  ) {
    super(
      ErrorCode.TOO_MANY_ITEMS,
      `${where}有 ${rows} 行，识别出的条目超过一次导入的上限 ${MAX_POINT_ITEMS} 个。请确认选对了文件，或把表格拆成几个文件后分别导入。`,
    );
  }
}

/** Reads one table of a 工作要点 file. `table` is its place among the file's tables. */
export function readPointsGrid(grid: Grid, table: number, choice: RoleChoice = {}): PointsTable {
  const view = new GridView(grid);
  const layout = findLayout(view, 'points', choice);
  const columns = grid.cols >= 2 && grid.rows >= 2 ? describeColumns(view, layout, table) : null;
  return {
    blocks: layout.found ? pointsFromGrid(view, layout) : null,
    columns,
    headerRows: [layout.headerStart, layout.start],
  };
}

const clampLevel = (n: number) => Math.min(5, Math.max(1, n)) as PointLevel;

function distinctRowText(view: GridView, r: number): string {
  return [...new Set(view.rowCells(r).map((c) => c.text))].join(' ');
}

/** Each group column's level: its numerals' style when its cells are numbered alike, else one below the column before. */
function groupLevels(view: GridView, layout: Layout, groupCols: number[]): PointLevel[] {
  let prev = 0;
  return groupCols.map((c) => {
    const levels: number[] = [];
    for (let r = layout.start; r < view.rows; r++) {
      const a = view.at(r, c);
      if (a.origin && a.cell.text && a.cell.colSpan === 1) levels.push(readNumberMark(a.cell.text)?.level ?? 0);
    }
    const numbered = levels.filter((l) => l > 0);
    const style = numbered.length && numbered.length * 2 >= levels.length ? mostCommon(numbered) : 0;
    prev = style > prev ? style : prev + 1;
    return clampLevel(prev);
  });
}

function mostCommon(xs: number[]): number {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}

/**
 * A row that sums the table up, no task: its first words are 合计, 总计, 小计 or 共计, alone or before a count
 * ("合计 | 5项", "合计：3项", "小计（2项）"), whatever the other columns hold.
 */
const SUMMARY_WORDS = /^(?:合计|总计|小计|共计)(?:$|[:：（(\d])/;
function isSummaryRow(view: GridView, r: number): boolean {
  const first = view.rowCells(r)[0]?.text.replace(/\s+/g, '') ?? '';
  return first.length <= 30 && SUMMARY_WORDS.test(first);
}

/** Excel's day numbers of 2000-01-01 and 2099-12-31: a whole number between them in a 时限 column is a date. */
const SERIAL_FROM = 36_526;
const SERIAL_TO = 73_050;

/**
 * A spreadsheet's date cell arrives as 2026-06-30 (../xlsx-read.ts); a 时限 is shown as written: 2026年6月30日. A date
 * in a cell of the 常规 format, or copied from one, is Excel's day number (46203): in a 时限 column it can be nothing
 * else.
 */
function asWritten(text: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatChineseDate(text);
  const serial = /^\d{5}(?:\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (serial >= SERIAL_FROM && serial < SERIAL_TO + 1) return formatChineseDate(serialToIso(Math.floor(serial)));
  return text;
}

/**
 * The first words of a row that is no task: a note under the table (备注：…, 注：…, 说明：…) or who filled it in and
 * when (填表人：…, 联系电话：…, 填报日期：…).
 */
const NOTE_ROW =
  /^(?:(?:备\s*注|附\s*注|注\s*\d?|说\s*明|填表说明|填报说明)(?:$|\s*[:：])|(?:填表人|填报人|制表人|审核人|审核|签发人|经办人|联系人|联系电话|电话|填报单位|填表单位|报送单位|填报日期|填表日期|制表日期|报送日期|单位负责人|负责人)\s*(?:[（(][^）)]{0,6}[）)])?\s*[:：])/;
function isNoteRow(view: GridView, r: number): boolean {
  const first = view.rowCells(r)[0]?.text.trim() ?? '';
  return NOTE_ROW.test(first);
}

function addUnits(into: Responsibility, r: Responsibility): void {
  for (const u of r.lead) if (!into.lead.includes(u)) into.lead.push(u);
  into.support = into.support.filter((u) => !into.lead.includes(u));
  for (const u of r.support) if (!into.support.includes(u) && !into.lead.includes(u)) into.support.push(u);
}

/** The items of a table whose columns are known. */
export function pointsFromGrid(view: GridView, layout: Layout): SourceBlock[] {
  const { roles } = layout;
  const cols = (role: string) => roles.map((r, c) => (r === role ? c : -1)).filter((c) => c >= 0);
  const groupCols = cols('group');
  const textCols = cols('text');
  const seqCol = roles.indexOf('seq');
  const leadCols = cols('lead');
  const supportCols = cols('support');
  const deadlineCols = cols('deadline');
  const hasUnitColumns = leadCols.length > 0 || supportCols.length > 0;
  /**
   * What a unit or 时限 column shows in row r: a cell merged across it from a column of another role (a "（一）" row's
   * title spread over the row) is that column's words, not a unit or a time limit.
   */
  const cellOf = (r: number, c: number): string => {
    const { cell } = view.at(r, c);
    return cell.col === c || roles[cell.col] === roles[c] ? cell.text : '';
  };
  const levels = groupLevels(view, layout, groupCols);
  const pasted = view.grid.spans === 'none';
  const inner = textCols[textCols.length - 1];
  const blocks: SourceBlock[] = [];
  let items = 0;

  for (let r = 0; r < layout.headerStart; r++) {
    const t = distinctRowText(view, r);
    if (t) blocks.push({ kind: 'para', text: t });
  }

  // Whether the item texts are numbered (then an unnumbered row without units of its own continues the item above).
  let numberedRows = 0;
  let textRows = 0;
  if (inner !== undefined)
    for (let r = layout.start; r < view.rows; r++) {
      const a = view.at(r, inner);
      if (!a.origin || !a.cell.text) continue;
      textRows++;
      if (readNumberMark(a.cell.text)) numberedRows++;
    }
  const textNumbered = textRows > 0 && numberedRows * 2 >= textRows;

  // The level of the rows' own numerals (the 序号's, else the marks at the start of the text): a row without one is
  // an item beside them, not a level above them all (which would make every numbered row before it a preamble).
  const rowStyles: number[] = [];
  for (let r = layout.start; r < view.rows; r++) {
    const c = seqCol >= 0 ? seqCol : inner;
    if (c === undefined) break;
    const a = view.at(r, c);
    if (!a.origin || !a.cell.text || a.cell.colSpan > 1) continue;
    const level = seqCol >= 0 ? levelOfBareLabel(a.cell.text)?.level : readNumberMark(a.cell.text)?.level;
    if (level) rowStyles.push(level);
  }
  const rowStyle = rowStyles.length ? mostCommon(rowStyles) : 0;

  const groups: { text: string; cell: GridCell; level: PointLevel }[] = [];
  /** Items of rows that are headings (一、 across the row, a group column's cell), not tasks. */
  const headings = new Set<RawItem>();
  let sectionLevel = 0;
  let last: RawItem | null = null;
  /**
   * A task's 工作任务 and 具体内容 as read from its first row, while its 序号 and 工作任务 are merged over the rows
   * below: a row there with its own units or 时限 is a measure of its own, and the task becomes their heading.
   */
  let task = null as { item: RawItem; words: string; detail: string } | null;
  /** The task whose measures the rows are now. */
  let measuresOf = null as RawItem | null;
  let carried = { lead: '', support: '', deadline: '' };
  const base = () => (groups.length ? groups[groups.length - 1].level : sectionLevel);
  const isHeaderAgain = (r: number) =>
    view.rowCells(r).every((cell) => layout.labels.slice(cell.col, cell.col + cell.colSpan).includes(cell.text));
  /** One text across the row ("一、加强政策解读" merged over every column), or alone where a 序号 should be. */
  const isSectionRow = (r: number): boolean => {
    const cells = view.rowCells(r);
    if (cells.length !== 1) return false;
    const cell = cells[0];
    const covered = roles.slice(cell.col, cell.col + cell.colSpan);
    if (cell.colSpan >= 2 && covered.some((x) => x !== 'group' && x !== 'text')) return true;
    if (cell.colSpan >= 2 && covered.includes('group') && covered.includes('text') && groupCols.length === 0)
      return true;
    const role = roles[cell.col];
    if (role === 'seq') return !(cell.text.length <= 8 && levelOfBareLabel(cell.text));
    if (role === 'text' && groupCols.length === 0 && seqCol >= 0) return (readNumberMark(cell.text)?.level ?? 9) <= 2;
    if (role !== 'text' && role !== 'group') return !!readNumberMark(cell.text) || cell.text.length > 15;
    return false;
  };

  // After the table's last row of data, a single unnumbered text is prose typed under it (印发 line, signature, date).
  let lastData = view.rows - 1;
  while (lastData >= layout.start && (view.rowCells(lastData).length < 2 || isNoteRow(view, lastData))) lastData--;

  // A note under the table (备注：, 填表人：) and the lines after it are beside the items, never items: the notes'
  // own "1.…" lines and a 填表人 row spread over several cells alike. A row with units or a 时限 of its own, or a
  // heading, is the table again.
  let inNotes = false;
  const unitOrDeadline = [...leadCols, ...supportCols, ...deadlineCols];
  const endsNotes = (r: number) =>
    unitOrDeadline.some((c) => view.at(r, c).origin && cellOf(r, c)) ||
    (isSectionRow(r) && (readNumberMark(view.rowCells(r)[0].text)?.level ?? 9) <= 2);

  for (let r = layout.start; r < view.rows; r++) {
    if (view.isBlankRow(r) || isHeaderAgain(r) || isSummaryRow(view, r)) continue;
    // A note above the first item (说明：以下任务…) is one row; under items, what follows it is the note's too.
    const note = isNoteRow(view, r);
    if (note) inNotes = items > 0;
    else if (inNotes && endsNotes(r)) inNotes = false;
    if (note || inNotes) {
      blocks.push({ kind: 'para', text: distinctRowText(view, r), aside: true });
      continue;
    }
    if (r > lastData && !readNumberMark(view.rowCells(r)[0].text)) {
      blocks.push({ kind: 'para', text: distinctRowText(view, r) });
      continue;
    }
    if (isSectionRow(r)) {
      const text = view.rowCells(r)[0].text;
      const mark = readNumberMark(text);
      if (!mark && r >= lastData) {
        blocks.push({ kind: 'para', text });
        continue;
      }
      const level = mark ? mark.level : clampLevel(1);
      const item = {
        level,
        label: mark?.label ?? '',
        value: mark?.value ?? 0,
        body: mark ? text.slice(mark.length) : text,
      };
      headings.add(item);
      blocks.push({ kind: 'item', item });
      sectionLevel = level;
      groups.length = 0;
      last = null;
      task = null;
      measuresOf = null;
      continue;
    }

    // The row's units and 时限: merged cells give theirs to every row they cover; in pasted text a blank one within
    // a group takes the one above (the page merged it).
    const cellText = (cs: number[]) =>
      cs
        .map((c) => cellOf(r, c))
        .filter(Boolean)
        .join('、');
    const own = {
      lead: cellText(leadCols),
      support: cellText(supportCols),
      deadline: deadlineCols
        .map((c) => asWritten(cellOf(r, c)))
        .filter(Boolean)
        .join('、'),
    };

    // Groups: a new one where the group cell starts here with other words than the group open at its level.
    let groupItem: RawItem | null = null;
    for (let k = 0; k < groupCols.length; k++) {
      const a = view.at(r, groupCols[k]);
      if (a.cell.col < groupCols[k] && a.cell.row === r) {
        // A group cell spanning this column too: no group at this level in this row.
        if (groups.length > k && groups[k].cell !== a.cell) groups.length = k;
        continue;
      }
      if (!a.origin || !a.cell.text) continue;
      const open = groups[k];
      if (open && (open.cell === a.cell || (open.text === a.cell.text && groups.length > k))) continue;
      const mark = readNumberMark(a.cell.text);
      groups.length = k;
      groups.push({ text: a.cell.text, cell: a.cell, level: levels[k] });
      groupItem = {
        level: levels[k],
        label: mark?.label ?? '',
        value: mark?.value ?? 0,
        body: mark ? a.cell.text.slice(mark.length) : a.cell.text,
      };
      blocks.push({ kind: 'item', item: groupItem });
      headings.add(groupItem);
      last = null;
      task = null;
      measuresOf = null;
      carried = { lead: '', support: '', deadline: '' };
    }
    if (pasted && groupCols.length) {
      for (const k of ['lead', 'support', 'deadline'] as const) {
        if (own[k]) carried[k] = own[k];
        else own[k] = carried[k];
      }
    }
    const units: Responsibility = { lead: [], support: [] };
    addUnits(units, parseUnitCell(own.lead, 'lead'));
    addUnits(units, parseUnitCell(own.support, 'support'));

    // The item's words: each text cell that starts in this row (a merged one was read with the row it starts in).
    const texts = textCols
      .map((c) => view.at(r, c))
      .filter((a) => a.origin && a.cell.text)
      .map((a) => a.cell.text);
    const body =
      texts.length <= 1 ? (texts[0] ?? '') : texts.slice(1).reduce((acc, t) => joinTaskAndDetail(acc, t), texts[0]);
    if (!body) {
      // A group row with its own units and 时限 and no item under it in this row: they are the group's.
      if (groupItem && (own.lead || own.support || own.deadline)) {
        groupItem.units = hasUnitColumns ? units : undefined;
        groupItem.deadlineCell = own.deadline || undefined;
      }
      // Its 序号 ("1" over "1.1", "1.2") is the group's numeral, as written.
      const seq = seqCol >= 0 && groupItem && !groupItem.label ? view.at(r, seqCol) : null;
      const mark = seq?.origin && seq.cell.text ? levelOfBareLabel(seq.cell.text) : null;
      if (groupItem && mark) {
        Object.assign(groupItem, { label: mark.label, value: mark.value, level: mark.level });
        groups[groups.length - 1].level = mark.level;
      }
      continue;
    }
    const deadlineCell = own.deadline || undefined;
    const continueLast = () => {
      if (!last) return false;
      if (!last.body.includes(body)) last.body += `\n${body}`;
      if (last.units) addUnits(last.units, units);
      if (!last.deadlineCell && deadlineCell) last.deadlineCell = deadlineCell;
      return true;
    };
    const push = (label: string, value: number, style: number, text: string) => {
      const level = clampLevel(style > base() ? style : base() + 1);
      task = null;
      measuresOf = null;
      last = {
        level,
        label,
        value,
        body: text,
        units: hasUnitColumns ? { lead: [...units.lead], support: [...units.support] } : undefined,
        deadlineCell,
      };
      blocks.push({ kind: 'item', item: last });
      if (++items > MAX_POINT_ITEMS) throw new TableTooLarge(view.grid.where, view.rows - layout.start);
    };

    if (seqCol >= 0) {
      const s = view.at(r, seqCol);
      const outer = textCols.length >= 2 ? view.at(r, textCols[0]) : null;
      const detail = textCols.length >= 2 ? view.at(r, inner) : null;
      // Under a 序号 and 工作任务 merged over it, a 具体内容 with units or a 时限 of its own: a measure of the task.
      const measure =
        !s.origin &&
        outer &&
        !outer.origin &&
        detail?.origin &&
        detail.cell.text &&
        [...leadCols, ...supportCols, ...deadlineCols].some((c) => view.at(r, c).origin && cellOf(r, c));
      if (measure && (measuresOf || task?.item === last)) {
        if (!measuresOf && task) {
          // The task's first row was its first measure: its words go to a measure under it.
          const first = task.item;
          blocks.push({
            kind: 'item',
            item: {
              level: clampLevel(first.level + 1),
              label: '',
              value: 0,
              body: task.detail,
              units: first.units,
              deadlineCell: first.deadlineCell,
            },
          });
          Object.assign(first, {
            body: task.words,
            units: hasUnitColumns ? { lead: [], support: [] } : undefined,
            deadlineCell: undefined,
          });
          measuresOf = first;
        }
        const parent = measuresOf!;
        blocks.push({
          kind: 'item',
          item: {
            level: clampLevel(parent.level + 1),
            label: '',
            value: 0,
            body: detail.cell.text,
            units: hasUnitColumns ? units : undefined,
            deadlineCell,
          },
        });
        if (++items > MAX_POINT_ITEMS) throw new TableTooLarge(view.grid.where, view.rows - layout.start);
        continue;
      }
      // A 序号 merged over this row, or left blank under one (pasted): more of the same item.
      if ((!s.origin || !s.cell.text) && last && continueLast()) continue;
      const mark = s.origin && s.cell.text ? levelOfBareLabel(s.cell.text) : null;
      if (mark) {
        const inText = readNumberMark(body);
        const text = inText && inText.value === mark.value ? body.slice(inText.length) : body;
        push(mark.label, mark.value, mark.level, text);
        if (outer?.origin && outer.cell.text && detail?.origin && detail.cell.text && outer.cell.rowSpan > 1) {
          const own = readNumberMark(outer.cell.text);
          const words = own && own.value === mark.value ? outer.cell.text.slice(own.length) : outer.cell.text;
          task = { item: last!, words, detail: detail.cell.text };
        }
        continue;
      }
    }
    const entries = seqCol < 0 ? numberedEntries(body) : null;
    if (entries) {
      for (const e of entries) push(e.label, e.value, e.level, e.text);
      continue;
    }
    const mark = readNumberMark(body);
    if (mark) {
      push(mark.label, mark.value, mark.level, body.slice(mark.length));
      continue;
    }
    // No numeral: words continuing the item above (a numbered table's row broken in two), or an item without one.
    const ownUnits = [...leadCols, ...supportCols, ...deadlineCols].some((c) => view.at(r, c).origin && cellOf(r, c));
    if (textNumbered && !ownUnits && continueLast()) continue;
    push('', 0, rowStyle, body);
  }
  // Every row of a table is the document's, never a preamble (the text reader keeps a table's rows before its
  // first item of the top level). A task row numbered above every row before it ("一" after 1, 2, with its own units)
  // stays beside them; a heading row (一、 across the row, a group) keeps its level after a task (a table that starts
  // with a task before its first 一、, or a table's second part after a page break).
  const first = blocks.find((b) => b.kind === 'item');
  if (first?.kind === 'item')
    for (const b of blocks)
      if (b.kind === 'item' && b.item.level < first.item.level && !headings.has(b.item))
        b.item.level = first.item.level;
  return blocks;
}
