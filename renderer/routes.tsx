import {
  BookOutlined, DatabaseOutlined, FileTextOutlined, HomeOutlined, ImportOutlined,
  SettingOutlined, TeamOutlined, ApartmentOutlined, ProfileOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { AbScreen } from './features/ab/AbScreen';
import { DataScreen } from './features/data/DataScreen';
import { HomeScreen } from './features/home/HomeScreen';
import { OrgScreen } from './features/org/OrgScreen';
import { PointsScreen } from './features/points/PointsScreen';
import { PlanScreen } from './features/plan/PlanScreen';
import { ComingSoon } from './features/placeholder/ComingSoon';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { TrainingScreen } from './features/training/TrainingScreen';
import { selfcheckRoutes } from './features/selfcheck/area';

export interface RouteDef {
  /** First part of the hash route: #/<path>/... */
  path: string;
  label: string;
  icon: ReactNode;
  /** Gets the rest of the route (e.g. a record id) as `params`. */
  render: (params: string[]) => ReactNode;
}

// One entry per area, in menu order. Each area replaces its placeholder with its own screen.
export const ROUTES: RouteDef[] = [
  { path: 'home', label: '首页', icon: <HomeOutlined />, render: () => <HomeScreen /> },
  { path: 'points', label: '上级要点', icon: <ImportOutlined />, render: (params) => <PointsScreen params={params} /> },
  { path: 'plan', label: '实施方案与任务', icon: <ProfileOutlined />, render: (params) => <PlanScreen params={params} /> },
  { path: 'ab', label: 'AB岗', icon: <TeamOutlined />, render: () => <AbScreen /> },
  { path: 'training', label: '培训', icon: <BookOutlined />, render: () => <TrainingScreen /> },
  ...selfcheckRoutes,
  { path: 'summary', label: '年度总结', icon: <FileTextOutlined />, render: () => <ComingSoon title="年度总结" what="汇总全年工作，生成符合公文格式的年度工作总结。" /> },
  { path: 'org', label: '单位与人员', icon: <ApartmentOutlined />, render: () => <OrgScreen /> },
  { path: 'data', label: '数据与备份', icon: <DatabaseOutlined />, render: () => <DataScreen /> },
  { path: 'settings', label: '设置', icon: <SettingOutlined />, render: () => <SettingsScreen /> },
];

