// What an area declares about itself in the renderer: one manifest per area (renderer/features/<area>/area.tsx),
// listed once in renderer/areas.tsx. Screens are loaded when first opened (lazyScreen), so the window opens on the
// home screen without waiting for every area's code.
import { createElement, lazy, useState, type ComponentType, type ReactNode } from 'react';

export interface RouteDef {
  /** First part of the hash route: #/<path>/... */
  path: string;
  /** Menu label. */
  label: string;
  icon: ReactNode;
  /** Position in the menu (the foundation's 首页 first, its 单位与人员/数据与备份/设置 last, areas in between). */
  order: number;
  /** The screen; it gets the rest of the route (e.g. a record id) as `params`. */
  Screen: ComponentType<{ params: string[] }>;
  /**
   * A screen with tabs in its route (useRouteTab) names them here: the menu then opens it on its tab's route
   * (#/<path>/<tab>) at once, instead of the screen putting the tab into the route after its first render, which built
   * the whole screen a second time.
   */
  tabs?: readonly string[];
}

/** A card on the home screen (charts, due tasks, AB warnings, training requirement ...). */
export interface HomeCard {
  key: string;
  /** Width on a wide screen: a third (three side by side at 1366 px), half (default) or full. */
  size?: 'third' | 'half' | 'full';
  /** Position on the home screen, smaller first (the dashboard's charts lead); cards without one follow in area order. */
  order?: number;
  render: () => ReactNode;
  /**
   * The card's reads, the same loader its component uses: a cold start that opens on the home screen asks for them
   * while the window is still being built (main.tsx, renderer/api/call.ts readAhead), so the card has its data sooner.
   */
  prefetch?: (year: number) => Promise<unknown>;
}

/**
 * A card on the settings screen (due-soon days, 备案 working days ...); its component is a lazyPart, fetched with the
 * settings screen, not at start-up.
 */
export interface SettingsCard {
  key: string;
  render: () => ReactNode;
}

export interface RendererArea {
  /** Code name, the same as the Node side's area (main/areas.ts). */
  name: string;
  routes?: RouteDef[];
  homeCards?: HomeCard[];
  settingsCards?: SettingsCard[];
}

/** A component whose code can be fetched before it is first drawn (lazyPart). */
export type LazyPart<P> = ComponentType<P> & { preload(): Promise<unknown> };
/** A screen whose code can be fetched before it is opened (lazyScreen). */
export type LazyScreen = LazyPart<{ params: string[] }>;

/** Every lazy part's loader (screens, settings cards, the rare start-up screens), for preloadScreens. */
const partLoaders: (() => Promise<unknown>)[] = [];

/**
 * A component in its own chunk, fetched the first time it is drawn (or by preloadScreens or its `preload`, whichever is
 * first): what the home screen does not show stays out of the start-up code (issue 22). Once fetched it renders at
 * once: React.lazy alone suspends on every first render, even of code already fetched, and React then holds the part
 * back behind the fallback for up to 300 ms (a trace of the first openings showed that pause before every screen's
 * first data call). Until then it suspends: a Suspense around it shows the wait.
 */
export function lazyPart<P extends object, K extends string>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyPart<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  let loaded: ComponentType<P> | null = null;
  const once = () => {
    loading ??= load().then(
      (m) => (loaded = m[name]),
      (e: unknown) => {
        loading = null;
        throw e;
      },
    );
    return loading;
  };
  partLoaders.push(once);
  const Lazy = lazy(async () => ({ default: await once() }));
  // Chosen once per mount: switching from Lazy to the loaded component later would remount it.
  const Part = (props: P) => createElement(useState(() => loaded ?? (Lazy as ComponentType<P>))[0], props);
  return Object.assign(Part, { preload: once });
}

/** A screen in its own chunk (lazyPart). */
export function lazyScreen<K extends string>(
  load: () => Promise<Record<K, ComponentType<{ params: string[] }>>>,
  name: K,
): LazyScreen {
  return lazyPart(load, name);
}

/**
 * Fetches every lazy part's chunk (kept for the session), so a screen's first opening does not wait for its code: the
 * home screen calls it once its own data is drawn and the window is idle (issue 22); the host awaits it before it draws
 * the home screen (renderer/first-screen/draw.tsx), whose parts must not wait behind a fallback there.
 */
export async function preloadScreens(): Promise<void> {
  // A part's code may declare parts of its own (the home screen's 从这里开始): those are fetched in the next round.
  for (let done = 0; done < partLoaders.length;) {
    const upTo = partLoaders.length;
    await Promise.all(partLoaders.slice(done, upTo).map((load) => load().catch(() => undefined)));
    done = upTo;
  }
}
