import { call } from '../../api/call';
import { useLoad } from '../../hooks';

/** Who holds which AB post today: the posts beside each person, and the B holder who stands in for an A holder. */
export interface AbHolders {
  postsOf: Map<number, string[]>;
  backupOf: Map<number, string>;
}

/**
 * Loads the AB posts once `wanted`; a failure (e.g. an older data file) just means no AB hints are shown.
 */
export function useAbHolders(wanted: boolean): AbHolders {
  const posts = useLoad(async () => (wanted ? call('ab.posts').catch(() => []) : []), [wanted]);
  const postsOf = new Map<number, string[]>();
  const backupOf = new Map<number, string>();
  for (const p of posts.data ?? []) {
    if (p.a) postsOf.set(p.a.staffId, [...(postsOf.get(p.a.staffId) ?? []), `${p.name}A岗`]);
    if (p.b) postsOf.set(p.b.staffId, [...(postsOf.get(p.b.staffId) ?? []), `${p.name}B岗`]);
    if (p.a && p.b && !backupOf.has(p.a.staffId)) backupOf.set(p.a.staffId, `${p.b.name}（${p.name}B岗）`);
  }
  return { postsOf, backupOf };
}
