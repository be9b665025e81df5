// 上级要点: import the higher level's work points.
import { defineArea } from './define';

export const pointsArea = defineArea({
  name: 'points',
  handlers: () => import('../services/points/handlers').then((m) => m.pointsHandlers),
  demo: () => import('../services/demo/plan').then((m) => m.pointsDemoStep),
  summary: () =>
    import('../services/points/figures').then((m) => ({ figures: [m.pointsFigures], lists: [m.pointsLists] })),
  cli: {
    commands: ['parse-points', 'import-points'],
    load: () => import('../cli/points').then((m) => m.pointsCommands),
  },
});
