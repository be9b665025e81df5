// Importing the same document again: which stored items match which new ones (by their numbering path, e.g.
// 二、/（一）/3.), and what replacing would change. Matching by path keeps the ids of unchanged items, so
// anything the plan area built on them stays linked.

import { parentIndexes, printedLabel, type PointLevel } from '../../../shared/domain/point-numbering';
import type { PointItem } from '../../../shared/domain/points';

type Keyed = Pick<PointItem, 'level' | 'label'>;

/** A stable key per item: the chain of printed labels from the top, with #n for repeats. */
function itemKeys(items: readonly Keyed[]): string[] {
  const parents = parentIndexes(items.map((i) => i.level));
  const paths: string[] = [];
  const seen = new Map<string, number>();
  return items.map((it, i) => {
    // An item without a numeral (a table's plain rows) is keyed by its level; repeats then count as #2, #3 ….
    const own = it.label ? printedLabel(it.level as PointLevel, it.label) : `〔${it.level}〕`;
    const path = parents[i] >= 0 ? `${paths[parents[i]]}${own}` : own;
    paths[i] = path;
    const n = (seen.get(path) ?? 0) + 1;
    seen.set(path, n);
    return n === 1 ? path : `${path}#${n}`;
  });
}

const FIELD_NAMES: Record<string, string> = {
  level: '层级',
  title: '标题',
  text: '内容',
  lead: '牵头单位',
  support: '配合单位',
  deadline: '完成时限',
  deadlineText: '时限说明',
};

/** Field names (Chinese) that differ between a stored item and a new one. */
function changedFields(before: PointItem, after: PointItem): string[] {
  const out: string[] = [];
  for (const k of ['level', 'title', 'text', 'lead', 'support', 'deadline', 'deadlineText'] as const) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) out.push(FIELD_NAMES[k]);
  }
  return out;
}

interface ItemDiff {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  details: string[];
  /** new index → old index, for the items kept. */
  matches: Map<number, number>;
}

const short = (s: string) => (s.length > 24 ? `${s.slice(0, 24)}…` : s);

export function diffItems(before: readonly PointItem[], after: readonly PointItem[], maxDetails = 30): ItemDiff {
  const oldKeys = itemKeys(before);
  const newKeys = itemKeys(after);
  const oldByKey = new Map(oldKeys.map((k, i) => [k, i]));
  const matches = new Map<number, number>();
  const details: string[] = [];
  let changed = 0;
  let unchanged = 0;
  newKeys.forEach((k, i) => {
    const o = oldByKey.get(k);
    if (o === undefined) {
      details.push(`新增 ${k} ${short(after[i].title || after[i].text)}`);
      return;
    }
    matches.set(i, o);
    const fields = changedFields(before[o], after[i]);
    if (fields.length) {
      changed++;
      details.push(`修改 ${k} ${fields.join('、')}`);
    } else unchanged++;
  });
  const kept = new Set(matches.values());
  let removed = 0;
  before.forEach((b, o) => {
    if (kept.has(o)) return;
    removed++;
    details.push(`删除 ${oldKeys[o]} ${short(b.title || b.text)}`);
  });
  const added = after.length - matches.size;
  const shown = details.slice(0, maxDetails);
  if (details.length > maxDetails) shown.push(`……另有 ${details.length - maxDetails} 处变化`);
  return { added, removed, changed, unchanged, details: shown, matches };
}
