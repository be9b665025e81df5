// Every area of the workstation in the renderer. Adding an area is one line here, one in main/areas/index.ts and one in
// shared/ipc/contract.ts: see docs/DEVELOPING.md. Menu, home cards and settings cards are derived from this list.
import type { HomeCard, RouteDef, SettingsCard } from './area';
import { teamArea } from './features/ab/area';
import { disclosureArea } from './features/disclosure/area';
import { foundationArea } from './features/foundation/area';
import { planArea } from './features/plan/area';
import { pointsArea } from './features/points/area';
import { selfcheckArea } from './features/selfcheck/area';
import { summaryArea } from './features/summary/area';
import { yearcheckArea } from './features/yearcheck/area';

/** @public The Node side's test reads it (test/unit/foundation/areas.test.ts) to compare the two lists. */
export const AREAS = [
  foundationArea,
  pointsArea,
  planArea,
  teamArea,
  disclosureArea,
  selfcheckArea,
  summaryArea,
  yearcheckArea,
] as const;

/** Every screen, in menu order. */
export const ROUTES: RouteDef[] = AREAS.flatMap((a) => a.routes ?? []).sort((x, y) => x.order - y.order);
/** Home-screen cards by their order, then in area order. */
export const HOME_CARDS: HomeCard[] = AREAS.flatMap((a) => a.homeCards ?? []).sort(
  (x, y) => (x.order ?? 50) - (y.order ?? 50),
);
/** Settings cards, in area order. */
export const SETTINGS_CARDS: SettingsCard[] = AREAS.flatMap((a) => a.settingsCards ?? []);
