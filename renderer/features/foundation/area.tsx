import { ApartmentOutlined, DatabaseOutlined, HomeOutlined, SettingOutlined } from '@ant-design/icons';
import { lazyPart, lazyScreen, type RendererArea } from '../../area';

const CalendarSettingsCard = lazyPart(() => import('../settings/CalendarSettingsCard'), 'CalendarSettingsCard');

export const foundationArea: RendererArea = {
  name: 'foundation',
  routes: [
    {
      path: 'home',
      label: '首页',
      icon: <HomeOutlined />,
      order: 0,
      Screen: lazyScreen(() => import('../home/HomeScreen'), 'HomeScreen'),
    },
    {
      path: 'org',
      label: '单位与人员',
      icon: <ApartmentOutlined />,
      order: 90,
      Screen: lazyScreen(() => import('../org/OrgScreen'), 'OrgScreen'),
    },
    {
      path: 'data',
      label: '数据与备份',
      icon: <DatabaseOutlined />,
      order: 91,
      Screen: lazyScreen(() => import('../data/DataScreen'), 'DataScreen'),
    },
    {
      path: 'settings',
      label: '设置',
      icon: <SettingOutlined />,
      order: 92,
      Screen: lazyScreen(() => import('../settings/SettingsScreen'), 'SettingsScreen'),
    },
  ],
  settingsCards: [{ key: 'calendar', render: () => <CalendarSettingsCard /> }],
};
