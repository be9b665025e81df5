// What the words of one cell say: numbered entries inside it ("1.公开…。2.更新…"), and joining a task's name with its
// requirements. Pure.

import { readNumberMark, type PointLevel } from '../../../shared/domain/point-numbering';

export interface CellEntry {
  level: PointLevel;
  /** The numeral as written: "1", "3". */
  label: string;
  value: number;
  text: string;
}

const ENTRY_MARK = /(?:^|(?<=[\n。；;！？!?]\s*))[（(]?(\d{1,2})(?:[.．、]|[）)])(?!\d)/g;

/**
 * "1.公开…。2.更新…" or one per line: the numbered entries of a cell, in order; null when the cell is not such a run.
 * The first number is the cell's own as written (a row of a table numbered across groups starts at 5); later ones
 * follow on by one, at the start of a line or sentence. A first "1." after some words keeps the words with it.
 */
export function numberedEntries(cell: string): CellEntry[] | null {
  const found: { mark: NonNullable<ReturnType<typeof readNumberMark>>; index: number }[] = [];
  for (const m of cell.matchAll(ENTRY_MARK)) {
    const index = m.index!;
    const mark = readNumberMark(cell.slice(index, index + 24));
    if (!mark || mark.level < 3) continue;
    const last = found[found.length - 1];
    const ok = last
      ? mark.level === last.mark.level && mark.value === last.mark.value + 1
      : index === 0 || mark.value === 1;
    if (ok) found.push({ mark, index });
  }
  if (!found.length) return null;
  const entries = found
    .map((f, i) => ({
      level: f.mark.level,
      label: f.mark.label,
      value: f.mark.value,
      text: cell.slice(f.index + f.mark.length, i + 1 < found.length ? found[i + 1].index : undefined).trim(),
    }))
    .filter((e) => e.text);
  // Words before "1." (a lead-in) stay with the first entry.
  const lead = cell.slice(0, found[0].index).trim();
  if (lead && entries.length) entries[0] = { ...entries[0], text: `${lead}${entries[0].text}` };
  return entries.length ? entries : null;
}

const normText = (s: string) => s.replace(/\s+/g, '');

/** 工作任务 and 具体要求 of one row as one text: "加强政策解读。做好重要政策文件解读。" */
export function joinTaskAndDetail(task: string, detail: string): string {
  if (!detail) return task;
  if (!task || detail.startsWith(task) || normText(task) === normText(detail)) return detail;
  return /[。；;：:！？.!?]$/.test(task) ? `${task}${detail}` : `${task}。${detail}`;
}
