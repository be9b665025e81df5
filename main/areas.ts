// Every area of the workstation on the Node side, in order (demo steps run in this order). Adding an area is one
// line here, one in renderer/areas.tsx and one in shared/ipc/contract.ts: see docs/DEVELOPING.md.
import { disclosureArea } from './services/disclosure/area';
import { foundationArea } from './services/foundation/area';
import { planArea } from './services/plan/area';
import { pointsArea } from './services/points/area';
import { selfcheckArea } from './services/selfcheck/area';
import { summaryArea } from './services/summary/area';
import { teamArea } from './services/team/area';
import { yearcheckArea } from './services/yearcheck/area';

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
