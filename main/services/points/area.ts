// 上级要点: import the higher level's work points.
import { defineArea } from '../../area';

export const pointsArea = defineArea({
  name: 'points',
  handlers: () => import('./handlers').then((m) => m.pointsHandlers),
  demo: () => import('../demo/plan').then((m) => m.pointsDemoStep),
  cli: { commands: ['parse-points', 'import-points'], load: () => import('../../cli/points').then((m) => m.pointsCommands) },
});
