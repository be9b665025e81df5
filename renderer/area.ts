// What an area declares about itself in the renderer: one manifest per area (renderer/features/<area>/area.tsx),
// listed once in renderer/areas.tsx. Screens are loaded when first opened (lazyScreen), so the window opens on the
// home screen without waiting for every area's code.
import { lazy, type ComponentType, type ReactNode } from 'react';

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
}

/** A card on the home screen (charts, due tasks, AB warnings, training requirement ...). */
export interface HomeCard {
  key: string;
  /** Width on a wide screen: a third (three side by side at 1366 px), half (default) or full. */
  size?: 'third' | 'half' | 'full';
  /** Position on the home screen, smaller first (the dashboard's charts lead); cards without one follow in area order. */
  order?: number;
  render: () => ReactNode;
}

/** A card on the settings screen (due-soon days, 备案 working days ...). */
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

/** A screen in its own chunk, fetched the first time it is opened. */
export function lazyScreen<K extends string>(
  load: () => Promise<Record<K, ComponentType<{ params: string[] }>>>,
  name: K,
): ComponentType<{ params: string[] }> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<{ params: string[] }> }));
}
