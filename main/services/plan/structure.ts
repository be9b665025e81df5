// How a work-points document becomes a plan's shape: level-1 items are sections; below them, an item is a task when
// it has no children other than ①② sub-items (which fold into its measures); items with deeper children only group
// them. A level-1 item with nothing below it is a section with one task; items outside any level-1 item are grouped
// under a section named after their document.
import { pointPathLabel, printedLabel } from '../../../shared/domain/point-numbering';
import type { WorkPoint } from '../../../shared/domain/points';
import { draftTextOf } from './draft-text';

interface TaskItem {
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
      if (!children.length || children.every((c) => c.level === 5))
        out.push({ section: top, point: top, folded: children });
      else for (const c of children) visit(c, top);
    } else visit(top, null);
  }
  return out;
}

/** "二（三）2": each point's path label (shared/domain/point-numbering.ts). */
export function pathLabels(points: readonly WorkPoint[]): Map<number, string> {
  const byId = new Map(points.map((p) => [p.id, p]));
  return new Map(points.map((p) => [p.id, pointPathLabel(p.id, (id) => byId.get(id))]));
}

/** Text of a section heading from a level-1 item: its short title without the closing 。. */
export function sectionTitleOf(p: WorkPoint): string {
  return (p.title || p.text).replace(/[。；;，,]+$/, '').slice(0, 100);
}

/**
 * 工作任务 and 具体措施 from an item: a short verb phrase naming the work, and the item's text (plus folded ①②
 * sub-items) as the measures without repeating the title, in the bureau's voice (draft-text.ts).
 */
export function taskTextOf(item: TaskItem): { title: string; measures: string } {
  const p = item.point;
  return draftTextOf(
    p.title,
    p.text,
    item.folded.map((f) => `${printedLabel(5, f.label)}${f.text.trim()}`),
  );
}
