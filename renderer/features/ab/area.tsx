// The team area (政务公开队伍): its screens are AB岗 (this folder) and 培训 (../training).
import { BookOutlined, TeamOutlined } from '@ant-design/icons';
import { lazyPart, lazyScreen, type RendererArea } from '../../area';
import { loadTrainingHome, TrainingHomeCard } from '../training/TrainingHomeCard';
import { AbHomeCard, loadAbHome } from './AbHomeCard';

const TeamSettingsCard = lazyPart(() => import('./TeamSettingsCard'), 'TeamSettingsCard');

export const teamArea: RendererArea = {
  name: 'team',
  routes: [
    {
      path: 'ab',
      label: 'AB岗',
      icon: <TeamOutlined />,
      order: 30,
      Screen: lazyScreen(() => import('./AbScreen'), 'AbScreen'),
    },
    {
      path: 'training',
      label: '培训',
      icon: <BookOutlined />,
      order: 40,
      Screen: lazyScreen(() => import('../training/TrainingScreen'), 'TrainingScreen'),
    },
  ],
  homeCards: [
    { key: 'ab', size: 'third', order: 30, render: () => <AbHomeCard />, prefetch: loadAbHome },
    { key: 'training', size: 'third', order: 40, render: () => <TrainingHomeCard />, prefetch: loadTrainingHome },
  ],
  settingsCards: [{ key: 'team', render: () => <TeamSettingsCard /> }],
};
