// 分工表 (a table of tasks): header row found by its names, then one item per row. Shared by .xlsx sheets and
// tables inside .docx. Merged cells arrive repeated in every cell they cover (both readers do that).

import { levelOfBareLabel, readNumberMark } from '../../../shared/domain/point-numbering';
import { parseUnitCell, type Responsibility } from '../../../shared/domain/point-units';
import type { RawItem, SourceBlock } from './parse-text';

type Column = 'seq' | 'task' | 'detail' | 'responsible' | 'lead' | 'support' | 'deadline';

const HEADER_NAMES: { col: Column; re: RegExp }[] = [
  { col: 'seq', re: /^(?:序号|编号|序|条目)$/ },
  { col: 'lead', re: /牵头(?:单位|部门|科室|处室)|主责单位/ },
  { col: 'support', re: /配合(?:单位|部门|科室|处室)|协办单位|协助单位|参与单位/ },
  { col: 'responsible', re: /责任(?:单位|部门|科室|处室|主体)|负责(?:单位|部门)|承办单位/ },
  { col: 'deadline', re: /完成时限|完成时间|时限要求|时间要求|完成期限|时间节点|^时限$/ },
  { col: 'detail', re: /具体内容|工作要求|具体要求|具体措施|任务内容|工作措施|主要内容|具体任务|任务要求|工作内容|推进措施|^措施$/ },
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
    const hasMore = cols.seq !== undefined || cols.lead !== undefined || cols.responsible !== undefined || cols.deadline !== undefined;
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
 * Reads rows as a 分工表 when a header row is found within the first rows; returns null otherwise so the caller
 * can read the table as plain text. Rows before the header (a title row) come back as paragraphs.
 */
export function readTaskTable(rows: string[][]): SourceBlock[] | null {
  const header = findHeader(rows);
  if (!header) return null;
  const { cols } = header;
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
