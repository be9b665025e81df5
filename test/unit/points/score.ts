// Scores a parse against a sample's *.expected.json the way test/fixtures/samples/README.md describes.
import type { PointItem } from '../../../shared/domain/points';

interface ExpectedItem {
  level: number;
  label: string;
  prefix: string;
  /** The whole title: a line break or a wrap inside the item's first sentence must not cut it. */
  title?: string;
  deadline: string | null;
  lead: string[] | null;
  support: string[] | null;
}
export interface Expected {
  source: string;
  year: number;
  items: ExpectedItem[];
}

const noSpace = (s: string) => s.replace(/\s+/g, '');

/** Differences between what was parsed and what is expected, one line each (empty = a full score). */
export function scoreItems(
  items: Pick<PointItem, 'level' | 'label' | 'title' | 'text' | 'deadline' | 'lead' | 'support'>[],
  expected: Expected,
): string[] {
  const diffs: string[] = [];
  if (items.length !== expected.items.length) diffs.push(`条目数 ${items.length}，应为 ${expected.items.length}`);
  expected.items.forEach((e, i) => {
    const got = items[i];
    const where = `#${i + 1} ${e.label}`;
    if (!got) return diffs.push(`${where}: 缺少`);
    if (got.level !== e.level) diffs.push(`${where}: level ${got.level} ≠ ${e.level}`);
    if (got.label !== e.label) diffs.push(`${where}: label ${got.label} ≠ ${e.label}`);
    if (!noSpace(got.text).startsWith(noSpace(e.prefix)))
      diffs.push(`${where}: text "${got.text.slice(0, 12)}" 不以 "${e.prefix}" 开头`);
    if (e.title !== undefined && got.title !== e.title) diffs.push(`${where}: title "${got.title}" ≠ "${e.title}"`);
    if (e.deadline !== 'any' && got.deadline !== e.deadline)
      diffs.push(`${where}: deadline ${got.deadline} ≠ ${e.deadline}`);
    if (e.lead !== null && JSON.stringify(got.lead) !== JSON.stringify(e.lead))
      diffs.push(`${where}: lead ${JSON.stringify(got.lead)} ≠ ${JSON.stringify(e.lead)}`);
    if (e.support !== null && JSON.stringify(got.support) !== JSON.stringify(e.support))
      diffs.push(`${where}: support ${JSON.stringify(got.support)} ≠ ${JSON.stringify(e.support)}`);
  });
  return diffs;
}

/** Share of expected items that match on every checked field. */
export function scoreRatio(items: Parameters<typeof scoreItems>[0], expected: Expected): number {
  const bad = new Set(scoreItems(items, expected).map((d) => d.split(':')[0]));
  return expected.items.filter((e, i) => !bad.has(`#${i + 1} ${e.label}`)).length / expected.items.length;
}
