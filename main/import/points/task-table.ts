// 分工表 (a table of tasks): header row found by its names, then one item per row. Shared by .xlsx sheets and
// tables inside .docx. Merged cells arrive repeated in every cell they cover (both readers do that).

import { formatChineseNumeral, levelOfBareLabel, readNumberMark } from '../../../shared/domain/point-numbering';
import { parseUnitCell, type Responsibility } from '../../../shared/domain/point-units';
import type { RawItem, SourceBlock } from './parse-text';

type Column = 'seq' | 'task' | 'detail' | 'responsible' | 'lead' | 'support' | 'deadline';

const HEADER_NAMES: { col: Column; re: RegExp }[] = [
  { col: 'seq', re: /^(?:序号|编号|序|条目)$/ },
  { col: 'lead', re: /牵头(?:单位|部门|科室|处室)|主责单位/ },
  { col: 'support', re: /配合(?:单位|部门|科室|处室)|协办单位|协助单位|参与单位/ },
  { col: 'responsible', re: /责任(?:单位|部门|科室|处室|主体)|负责(?:单位|部门)|承办单位/ },
  { col: 'deadline', re: /完成时限|完成时间|时限要求|时间要求|完成期限|时间节点|^时限$/ },
  {
    col: 'detail',
    re: /具体内容|工作要求|具体要求|具体措施|任务内容|工作措施|主要内容|具体任务|任务要求|工作内容|推进措施|^措施$/,
  },
  { col: 'task', re: /工作任务|重点任务|主要任务|任务名称|工作事项|任务事项|工作要点|^任务$|^事项$|^要点$|^项目$/ },
];

const norm = (s: string) => s.replace(/\s+/g, '');

function findHeader(rows: string[][]): { index: number; cols: Partial<Record<Column, number>> } | null {
  for (let r = 0; r < Math.min(rows.length, 15); r++) {
    const cols: Partial<Record<Column, number>> = {};
    rows[r].forEach((cell, c) => {
      const name = norm(cell);
      if (!name || name.length > 12) return;
      const hit = HEADER_NAMES.find((h) => h.re.test(name));
      if (hit && cols[hit.col] === undefined) cols[hit.col] = c;
    });
    const found = Object.keys(cols).length;
    const hasText = cols.task !== undefined || cols.detail !== undefined;
    const hasMore =
      cols.seq !== undefined ||
      cols.lead !== undefined ||
      cols.responsible !== undefined ||
      cols.deadline !== undefined;
    if (found >= 2 && hasText && hasMore) return { index: r, cols };
  }
  return null;
}

function joinTaskAndDetail(task: string, detail: string): string {
  if (!detail) return task;
  if (!task || detail.startsWith(task) || norm(task) === norm(detail)) return detail;
  return /[。；;：:！？.!?]$/.test(task) ? `${task}${detail}` : `${task}。${detail}`;
}

/**
 * "1.公开…。2.更新…" or one per line: the numbered tasks inside a cell, in order; null when the cell is not a run of
 * 1., 2., 3. … (a single text, or numbers that do not count up from 1).
 */
export function numberedEntries(cell: string, next = 1): { value: number; text: string }[] | null {
  const marks = [...cell.matchAll(/(?:^|(?<=[\n。；;！？!?]\s*))[（(]?(\d{1,2})(?:[.．、]|[）)])(?!\d)/g)];
  const out: { value: number; index: number; end: number }[] = [];
  for (const m of marks) {
    const value = Number(m[1]);
    // The first counts from 1, or goes on from the row above ("3." after a row with 1. and 2.).
    const ok = out.length ? value === out[out.length - 1].value + 1 : value === 1 || (value === next && m.index === 0);
    if (ok) out.push({ value, index: m.index!, end: m.index! + m[0].length });
  }
  if (!out.length) return null;
  const entries = entriesFrom(cell, out);
  // Words before "1." (a lead-in) stay with the first task.
  const lead = cell.slice(0, out[0].index).trim();
  if (lead && entries.length) entries[0] = { ...entries[0], text: `${lead}${entries[0].text}` };
  return entries;
}

function entriesFrom(
  cell: string,
  marks: { value: number; index: number; end: number }[],
): { value: number; text: string }[] {
  return marks
    .map((m, i) => ({
      value: m.value,
      text: cell.slice(m.end, i + 1 < marks.length ? marks[i + 1].index : undefined).trim(),
    }))
    .filter((e) => e.text);
}

/**
 * A 分工表 whose first text column groups the rows (一、… merged down the rows, or repeated) while the numbered tasks
 * are inside the 具体要求 cells, with no 序号 column: the group is the upper level, each numbered task the lower
 * level with its row's 责任单位 and 时限. A blank group cell continues the one above (a merged cell pasted from a
 * web page or WPS arrives blank), and so do blank unit and deadline cells within a group.
 */
function readGroupedRows(rows: string[][], cols: Partial<Record<Column, number>>, start: number): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  const at = (row: string[], col: Column) => (cols[col] === undefined ? '' : (row[cols[col]!] ?? '').trim());
  let group = '';
  let groupNo = 0;
  let taskNo = 0;
  let carried = { lead: '', responsible: '', support: '', deadline: '' };
  for (const row of rows.slice(start)) {
    const g = at(row, 'task');
    const detail = at(row, 'detail');
    if (!g && !detail) continue;
    if (g && g !== group) {
      group = g;
      groupNo++;
      taskNo = 0;
      carried = { lead: '', responsible: '', support: '', deadline: '' };
      const mark = readNumberMark(g);
      if (mark && mark.level <= 2) blocks.push({ kind: 'para', text: g });
      else
        blocks.push({
          kind: 'item',
          item: { level: 1, label: formatChineseNumeral(groupNo), value: groupNo, body: g },
        });
    }
    if (!detail) continue;
    for (const k of ['lead', 'responsible', 'support', 'deadline'] as const) {
      const v = at(row, k);
      if (v) carried[k] = v;
    }
    const units: Responsibility = { lead: [], support: [] };
    for (const r of [
      parseUnitCell(carried.lead, 'lead'),
      parseUnitCell(carried.responsible, 'lead'),
      parseUnitCell(carried.support, 'support'),
    ]) {
      for (const u of r.lead) if (!units.lead.includes(u)) units.lead.push(u);
      for (const u of r.support) if (!units.support.includes(u) && !units.lead.includes(u)) units.support.push(u);
    }
    const entries = numberedEntries(detail, taskNo + 1) ?? [{ value: taskNo + 1, text: detail }];
    for (const e of entries) {
      taskNo = e.value;
      blocks.push({
        kind: 'item',
        item: {
          level: 3,
          label: String(e.value),
          value: e.value,
          body: e.text,
          units: { lead: [...units.lead], support: [...units.support] },
          deadlineCell: carried.deadline || undefined,
        },
      });
    }
  }
  return blocks;
}

/** Whether the task column groups the rows (see readGroupedRows). */
function isGrouped(rows: string[][], cols: Partial<Record<Column, number>>, start: number): boolean {
  if (cols.seq !== undefined || cols.task === undefined || cols.detail === undefined) return false;
  const data = rows.slice(start).filter((r) => r.some((c) => c.trim()));
  const groups = data.map((r) => (r[cols.task!] ?? '').trim());
  const details = data.map((r) => (r[cols.detail!] ?? '').trim());
  const repeated = groups.some((g, i) => i > 0 && (!g || g === groups[i - 1]) && details[i]);
  const marked = groups.some((g) => {
    const m = g && readNumberMark(g);
    return !!m && m.level <= 2;
  });
  const numbered = details.some((d) => (numberedEntries(d)?.length ?? 0) >= 2);
  return repeated || (marked && numbered);
}

/**
 * Reads rows as a 分工表 when a header row is found within the first rows; returns null otherwise so the caller
 * can read the table as plain text. Rows before the header (a title row) come back as paragraphs.
 */
export function readTaskTable(rows: string[][]): SourceBlock[] | null {
  const header = findHeader(rows);
  if (!header) return null;
  const { cols } = header;
  if (isGrouped(rows, cols, header.index + 1)) {
    const before: SourceBlock[] = [];
    for (const row of rows.slice(0, header.index)) {
      const distinct = [...new Set(row.map((c) => c.trim()).filter(Boolean))];
      if (distinct.length) before.push({ kind: 'para', text: distinct.join(' ') });
    }
    return [...before, ...readGroupedRows(rows, cols, header.index + 1)];
  }
  const get = (row: string[], col: Column) => (cols[col] === undefined ? '' : (row[cols[col]!] ?? '').trim());
  const hasUnitColumns = cols.lead !== undefined || cols.support !== undefined || cols.responsible !== undefined;
  const blocks: SourceBlock[] = [];
  for (const row of rows.slice(0, header.index)) {
    const distinct = [...new Set(row.map((c) => c.trim()).filter(Boolean))];
    if (distinct.length) blocks.push({ kind: 'para', text: distinct.join(' ') });
  }
  let last: { item: RawItem; seq: string } | null = null;
  for (const row of rows.slice(header.index + 1)) {
    const cells = row.map((c) => c.trim());
    const distinct = [...new Set(cells.filter(Boolean))];
    if (distinct.length === 0) continue;
    // A section row: one value across the row ("一、围绕…"), or only a heading in the first columns.
    if (distinct.length === 1 && (cells.filter(Boolean).length > 1 || readNumberMark(distinct[0]))) {
      blocks.push({ kind: 'para', text: distinct[0] });
      last = null;
      continue;
    }
    const seq = get(cells, 'seq');
    const task = get(cells, 'task');
    const detail = get(cells, 'detail') === task ? '' : get(cells, 'detail');
    const units: Responsibility = { lead: [], support: [] };
    const addUnits = (r: Responsibility) => {
      for (const u of r.lead) if (!units.lead.includes(u)) units.lead.push(u);
      for (const u of r.support) if (!units.support.includes(u) && !units.lead.includes(u)) units.support.push(u);
    };
    addUnits(parseUnitCell(get(cells, 'lead'), 'lead'));
    addUnits(parseUnitCell(get(cells, 'responsible'), 'lead'));
    addUnits(parseUnitCell(get(cells, 'support'), 'support'));
    const deadlineCell = get(cells, 'deadline');
    let body = joinTaskAndDetail(task, detail);

    // The same 序号 again (a merged 序号 cell): more of the same item.
    if (last && seq && seq === last.seq) {
      const more = detail && !last.item.body.includes(detail) ? detail : '';
      if (more) last.item.body += `\n${more}`;
      if (last.item.units) {
        for (const u of units.lead) if (!last.item.units.lead.includes(u)) last.item.units.lead.push(u);
        for (const u of units.support) if (!last.item.units.support.includes(u)) last.item.units.support.push(u);
      }
      continue;
    }
    let mark = seq ? levelOfBareLabel(seq) : null;
    if (!mark && body) {
      const inText = readNumberMark(body);
      if (inText) {
        mark = inText;
        body = body.slice(inText.length);
      }
    }
    if (!mark) {
      // No number: a continuation row of the item above, or a heading/note row before any item.
      if (last) {
        if (body) last.item.body += `\n${body}`;
      } else if (body) blocks.push({ kind: 'para', text: body });
      continue;
    }
    if (!body && !seq) continue;
    const item: RawItem = {
      level: mark.level,
      label: mark.label,
      value: mark.value,
      body,
      units: hasUnitColumns ? units : undefined,
      deadlineCell: deadlineCell || undefined,
    };
    blocks.push({ kind: 'item', item });
    last = { item, seq };
  }
  return blocks;
}
