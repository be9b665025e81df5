// Screens kept after they are left (issue 22). A screen the user leaves stays mounted out of sight (React's
// <Activity mode="hidden">: its elements hidden, its state kept, its effects, listeners and timers stopped), and
// opening it again shows it as it was instead of building it anew: the 年度总结 screen took ≈ 130 ms to build, most
// of it Ant Design's components being created, against ≈ 80 ms for a blank page. The effects start again when it is
// shown, so its loads ask quietly whether the data changed (useLoad) and its charts are put back (EChart).
//
// A kept screen is never shown with anything the user would not expect:
// - nothing was saved since it was left (writeCount: any call that may write): else it is built anew, so no screen
//   ever shows data from before a save, not even for a frame (the rule useLoad's kept answers follow too);
// - it held no unsaved work when it was left: work the user chose not to save must not come back;
// - another year is another screen. Every screen of the year is kept until then (they are a dozen at most, none
//   large: the largest has ≈ 900 elements).
import { Activity, Suspense, useState, type ReactElement } from 'react';
import { Spin } from 'antd';
import { writeCount } from './api/call';
import { hasUnsavedWork } from './hooks';

interface Kept {
  /** React's key: a screen built anew gets a new one. */
  id: number;
  /** The route and year it shows. */
  key: string;
  /** Its parameters (the rest of the route): a screen takes them when it is built. */
  version: string;
  screen: ReactElement;
  /** writeCount() when it was left. */
  writes: number;
}

/**
 * Shows `screen`: the route and year `screenKey`, with the parameters `version`. A screen shown gets new parameters as
 * its props, as always; the app shell's other renders, with the same parameters, leave it as it is. One opened again
 * without parameters is shown as it was and gets none, as when its menu item is clicked while it is shown; one opened
 * again with other parameters (a link to a filtered list) is built anew, since a screen may read them only when it is
 * built. The menu opens a screen with tabs on its tab's route (RouteDef.tabs), which it has when it was left there.
 * The screens shown before it are kept as described above.
 */
export function KeptScreens({
  screenKey,
  version,
  screen,
}: {
  screenKey: string;
  version: string;
  screen: ReactElement;
}) {
  const [state, setState] = useState(() => ({
    shown: 0,
    /** The last id given. */
    serial: 0,
    screens: [{ id: 0, key: screenKey, version, screen, writes: 0 }] as Kept[],
  }));
  const shown = state.screens.find((s) => s.id === state.shown)!;
  // Worked out while rendering (React's pattern for state that follows a prop): the screens change in the same render
  // as the route, so the old screen is never shown for a frame with the new route.
  if (shown.key !== screenKey || shown.version !== version) {
    let screens: Kept[];
    let next: Kept;
    if (shown.key === screenKey) {
      next = { ...shown, version, screen };
      screens = state.screens.map((s) => (s === shown ? next : s));
    } else {
      const writes = writeCount();
      const left = { ...shown, writes };
      const again = state.screens.find(
        (s) => s.key === screenKey && (s.version === version || version === '') && s.writes === writes,
      );
      // Shown again with the parameters it has, it keeps its element: React then re-renders none of it (its effects
      // still start again), where a new element with equal props re-rendered the whole screen (≈ half of showing it).
      next = again
        ? again.version === version
          ? again
          : { ...again, version, screen }
        : { id: state.serial + 1, key: screenKey, version, screen, writes };
      screens = state.screens
        .map((s) => (s === shown ? left : s))
        .filter((s) => s.writes === writes && s.key !== screenKey && (s !== left || !hasUnsavedWork()));
      screens.push(next);
    }
    setState({ shown: next.id, serial: Math.max(state.serial, next.id), screens });
  }
  return state.screens.map((s) => (
    <Activity key={s.id} mode={s.id === state.shown ? 'visible' : 'hidden'}>
      <div>
        <Suspense
          fallback={
            <div style={{ padding: 48, textAlign: 'center' }}>
              <Spin />
            </div>
          }
        >
          {s.screen}
        </Suspense>
      </div>
    </Activity>
  ));
}
