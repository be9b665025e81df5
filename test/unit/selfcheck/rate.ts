// Rating leaves the way a person finishes a self-check without findings: every leaf not yet rated gets the answer
// that loses nothing under its rule (full 自评分, 0 occurrences of every finding, 达到 / 未发生, no bonus, the best level). Tests that look at a
// finished self-check rate what they care about first, then the rest with this.
import type { SelfcheckView } from '../../../shared/domain/selfcheck';
import type { TestWorkstation } from '../../helpers/workstation';

export async function rateRest(t: TestWorkstation, year: number, skip: string[] = []): Promise<SelfcheckView> {
  const v = await t.call('selfcheck.get', { year });
  for (const r of v.rows.filter((x) => x.isLeaf && !x.entry.rated && !skip.includes(x.name))) {
    const k = r.rule.kind;
    await t.call('selfcheck.saveEntry', {
      indicatorId: r.id,
      ...(r.rule.kind === 'grade'
        ? { level: r.rule.levels[0].label }
        : r.rule.kind === 'deductions'
          ? { counts: r.rule.items.map(() => 0) }
          : k === 'manual'
            ? { score: r.points }
            : k === 'fixed' || k === 'veto'
              ? { flag: false }
              : k === 'bonus'
                ? { score: 0 }
                : { count: 0 }),
    });
  }
  return t.call('selfcheck.get', { year });
}
