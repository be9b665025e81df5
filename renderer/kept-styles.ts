// antd's CSS variables kept for the session (issue 22). Even with theme.zeroRuntime antd writes each component type's
// CSS variables into a <style> when the first component of that type mounts, and removes it when the last one
// unmounts: every screen change took out the tables', forms' and pickers' variables and the next screen computed and
// inserted them again (a second opening's trace: ≈ 20 % of its time in those style tags and the style recalculation
// they cause). This cache (the one antd's StyleProvider holds) never lets a count reach zero, so nothing is removed:
// a style, once written, stays until the window closes. There is one theme, so what is kept is bounded by the number
// of component types.
import { createCache } from '@ant-design/cssinjs';

type Entry = [times: number, value: unknown];
type Update = (prev: Entry | null) => Entry | null;

export function keptStyleCache(): ReturnType<typeof createCache> {
  const cache = createCache();
  const update = cache.opUpdate.bind(cache);
  // Each update sees one more user than there is, and the result is taken back by one: a mount (+1) and an update
  // without change work as before, and the last unmount's "one left, now none" never happens.
  cache.opUpdate = (key: string, valueFn: Update) =>
    update(key, (prev: Entry | null) => {
      if (!prev) return valueFn(prev);
      const next = valueFn([prev[0] + 1, prev[1]]);
      return next && [next[0] - 1, next[1]];
    });
  return cache;
}
