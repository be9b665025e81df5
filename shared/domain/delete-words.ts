// The words of a question asked before stored work is deleted: the record by its name, what goes with it counted, and
// that it cannot be undone. Pure text, so the renderer's questions (renderer/components/destructive.ts re-exports
// these) and a service's refusal can say it alike.

/** The sentence every deletion question ends with: the app keeps no way back (the 修改记录 only lists what it was). */
export const CANNOT_UNDO = '删除后不能恢复。';

/** A record's name as a question quotes it: in “”, a long one cut to its first 30 characters with …. */
export function quoted(name: string): string {
  const chars = [...name.replace(/\s+/g, ' ').trim()];
  return `“${chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : chars.join('')}”`;
}

/** 删除任务“……”？ — what kind of record and which one. */
export function deleteTitle(what: string, name: string, verb = '删除'): string {
  return `${verb}${what}${quoted(name)}？`;
}

/** What goes with a record: a count and what it counts, e.g. [3, '条进展记录']. */
export type Dependent = readonly [count: number, what: string];

/**
 * "3 条进展记录和 2 份佐证材料将一并删除。" for the dependents that exist (a count of 0 is left out), '' when none does.
 */
export function alsoDeleted(dependents: readonly Dependent[]): string {
  const parts = dependents.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  if (!parts.length) return '';
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join('、')}和 ${parts[parts.length - 1]}`;
  return `${list}将一并删除。`;
}

/** The body of a deletion question: what goes with it, that it cannot be undone, then any advice (改为停用 …). */
export function deleteDescription(dependents: readonly Dependent[] = [], advice = ''): string {
  return `${alsoDeleted(dependents)}${CANNOT_UNDO}${advice}`;
}
