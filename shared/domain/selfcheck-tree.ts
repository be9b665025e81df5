// Tree helpers shared by services, exports and the preview: keys for the scoring engine, flattening with levels.
import type { Indicator, IndicatorOutput } from './selfcheck';
import type { ScoringNode } from './selfcheck-score';

/** Engine nodes from a stored tree (key = indicator id) or an unsaved one (key = position "1.2.3"). */
export function toScoringNodes(nodes: readonly (IndicatorOutput | Indicator)[], prefix = ''): ScoringNode[] {
  return nodes.map((n, i) => {
    const key = 'id' in n ? String(n.id) : `${prefix}${i + 1}`;
    return {
      key,
      name: n.name,
      points: n.points,
      weight: n.weight,
      basis: n.basis,
      rule: n.rule,
      capped: n.capped,
      ceilingRatio: n.ceilingRatio,
      children: toScoringNodes(n.children as (IndicatorOutput | Indicator)[], `${key}.`),
    };
  });
}

/** Depth-first list with levels (1 = 一级). */
export function flattenTree<T extends { children: T[] }>(nodes: readonly T[], level = 1): { node: T; level: number }[] {
  return nodes.flatMap((n) => [{ node: n, level }, ...flattenTree(n.children, level + 1)]);
}
