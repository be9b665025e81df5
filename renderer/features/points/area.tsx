import { ImportOutlined } from '@ant-design/icons';
import { lazyScreen, type RendererArea } from '../../area';

export const pointsArea: RendererArea = {
  name: 'points',
  routes: [
    {
      path: 'points',
      label: '上级要点',
      icon: <ImportOutlined />,
      order: 10,
      Screen: lazyScreen(() => import('./PointsScreen'), 'PointsScreen'),
    },
  ],
};
