// How a work-points document becomes a plan's shape: level-1 items are sections; below them, an item is a task when
// it has no children other than ①② sub-items (which fold into its measures); items with deeper children only group
// them. A level-1 item with nothing below it is a section with one task; items outside any level-1 item are grouped
// under a section named after their document.
import { printedLabel, type PointLevel } from '../../../shared/domain/point-numbering';
import type { WorkPoint } from '../../../shared/domain/points';

export interface TaskItem {
  /** The level-1 item the task belongs to, or null when the document has none above it. */
  section: WorkPoint | null;
  point: WorkPoint;
  /** ①② sub-items folded into the task. */
  folded: WorkPoint[];
}

function childrenMap(points: readonly WorkPoint[]): Map<number | null, WorkPoint[]> {
  const m = new Map<number | null, WorkPoint[]>();
  for (const p of points) {
    const list = m.get(p.parentId);
    if (list) list.push(p);
    else m.set(p.parentId, [p]);
  }
  return m;
}

export function taskItemsOf(points: readonly WorkPoint[]): TaskItem[] {
  const kids = childrenMap(points);
  const out: TaskItem[] = [];
  const visit = (p: WorkPoint, section: WorkPoint | null) => {
    const children = kids.get(p.id) ?? [];
    if (children.every((c) => c.level === 5)) {
      out.push({ section, point: p, folded: children });
      return;
    }
    for (const c of children) visit(c, section);
  };
  for (const top of kids.get(null) ?? []) {
    if (top.level === 1) {
      const children = kids.get(top.id) ?? [];
      if (!children.length || children.every((c) => c.level === 5)) out.push({ section: top, point: top, folded: children });
      else for (const c of children) visit(c, top);
    } else visit(top, null);
  }
  return out;
}

/** "二（三）2": each point's printed label with its ancestors', outermost first. */
export function pathLabels(points: readonly WorkPoint[]): Map<number, string> {
  const byId = new Map(points.map((p) => [p.id, p]));
  const out = new Map<number, string>();
  for (const p of points) {
    const parts: string[] = [];
    let cur: WorkPoint | undefined = p;
    while (cur) {
      parts.unshift(printedLabel(cur.level as PointLevel, cur.label));
      cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
    }
    // "一、1", "二、（三）2": printed labels joined, without the last one's closing mark.
    out.set(p.id, parts.join('').replace(/[、.．]$/, ''));
  }
  return out;
}

/** Text of a section heading from a level-1 item: its short title without the closing 。. */
export function sectionTitleOf(p: WorkPoint): string {
  return (p.title || p.text).replace(/[。；;，,]+$/, '').slice(0, 100);
}

const TIME_ONLY = /^(\d{4}年)?(\d{1,2}月(底|末|\d{1,2}日)?|年底|年内)(前|之前)?$/;

/** Longest 工作任务 taken from an item's heading; longer headings stay whole in 具体措施. */
export const TASK_TITLE_MAX = 40;

/**
 * 工作任务 and 具体措施 from an item: a short task name (the item's heading when it is short, else its first clause)
 * and the item's text as the measures (plus folded ①② sub-items), so nothing of the higher level's words is lost.
 */
export function taskTextOf(item: TaskItem): { title: string; measures: string } {
  const p = item.point;
  let head = (p.title || p.text).trim().replace(/[。；;]+$/, '');
  // A heading that is only a time limit ("2026年8月底前") names no task: take the words after it.
  if (TIME_ONLY.test(head)) head = p.text.trim().replace(/^(\d{4}年)?\d{1,2}月(底|末|\d{1,2}日)?(前|之前)[，,、\s]*/, '').split(/[。；;]/)[0] || head;
  let title: string;
  let measures = p.text.trim();
  if (head.length <= TASK_TITLE_MAX) {
    title = head;
    // The heading sentence is the title; the rest of the text is the measures (the whole text when nothing remains).
    const rest = measures.startsWith(head) ? measures.slice(head.length).replace(/^[。；;，,\s]+/, '') : measures;
    if (rest) measures = rest;
  } else {
    const clauses = head.split(/[，,；;：:]/).map((c) => c.trim()).filter(Boolean);
    const clause = clauses.find((c) => !TIME_ONLY.test(c)) ?? clauses[0] ?? head;
    title = clause.length <= TASK_TITLE_MAX ? clause : `${clause.slice(0, TASK_TITLE_MAX - 1)}…`;
  }
  const folded = item.folded.map((f) => `${printedLabel(5, f.label)}${f.text.trim()}`);
  return { title: title || '（未命名任务）', measures: [measures, ...folded].filter(Boolean).join('\n').slice(0, 5000) };
}
