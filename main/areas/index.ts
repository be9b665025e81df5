// Every area of the workstation on the Node side, in order (demo steps run in this order), and what cross-area
// services get from them. The manifests (main/areas/<area>.ts) describe each area across its layers, so they and this
// list sit above every layer: the composition roots (main/index.ts, main/web, main/cli/run.ts) import them; nothing
// under services/ does. Adding an area is one line here, one in renderer/areas.tsx and one in
// shared/ipc/contract.ts: see docs/DEVELOPING.md.
import type { AreaServices } from '../services/area-services';
import type { Exporter } from '../services/exporter';
import { disclosureArea } from './disclosure';
import { foundationArea } from './foundation';
import { planArea } from './plan';
import { pointsArea } from './points';
import { selfcheckArea } from './selfcheck';
import { summaryArea } from './summary';
import { teamArea } from './team';
import { yearcheckArea } from './yearcheck';

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

const memo = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let p: Promise<T> | null = null;
  return () => (p ??= load());
};

/**
 * What cross-area services get through the context (services/area-services.ts): loaded on first use, once. Two
 * areas claiming one export kind is a programming error, caught by test/unit/foundation/areas.test.ts.
 */
export const areaServices: AreaServices = {
  exporters: memo(() =>
    Promise.all(AREAS.map((a) => a.exporters?.() ?? {})).then(
      (parts) => Object.assign({}, ...parts) as Record<string, Exporter>,
    ),
  ),
  demoSteps: memo(() => Promise.all(AREAS.flatMap((a) => (a.demo ? [a.demo()] : [])))),
  summary: memo(() => Promise.all(AREAS.flatMap((a) => (a.summary ? [a.summary()] : [])))),
  calendarFollowers: memo(() => Promise.all(AREAS.flatMap((a) => (a.calendarFollower ? [a.calendarFollower()] : [])))),
};
