// A part of a screen that is out of view when the screen opens at 1366×768 (issue 22): it is built once the screen
// has been painted with its data, so what is in view is drawn without waiting for it; it is there before a user could
// scroll to it. Use it for a heavy part at the bottom of a screen (单位与人员's 单位信息 form: ten fields, ≈ a third of
// building that screen); a part in view must not wait.
import { useEffect, useState, type ReactNode } from 'react';
import { afterPaint, whenLoadsSettle } from '../hooks';

export function BelowTheFold({ children }: { children: ReactNode }) {
  const [built, setBuilt] = useState(false);
  useEffect(() => {
    if (built) return;
    let cancel = afterPaint(() =>
      // The screen's loads have all started by its first paint; once they have answered, the next paint has their data.
      whenLoadsSettle(() => (cancel = afterPaint(() => setBuilt(true)))),
    );
    return () => cancel();
  }, [built]);
  return built ? children : null;
}

/**
 * `rows` for a long table whose rows after the first `inView` are out of view when its screen opens: the first
 * render with rows builds only those, and the rest follow once they have been painted (实施方案's 22 tasks: ≈ 11 in view
 * at 1366×768, half the time of building the table). From then on every row is shown at once, after a filter or a
 * reload too.
 */
export function useRowsInViewFirst<T>(rows: T[] | undefined, inView: number): T[] | undefined {
  const [all, setAll] = useState(false);
  const has = rows !== undefined;
  useEffect(() => (has && !all ? afterPaint(() => setAll(true)) : undefined), [has, all]);
  return all || !rows ? rows : rows.slice(0, inView);
}
