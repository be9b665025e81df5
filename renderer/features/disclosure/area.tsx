// The 信息公开 area's registrations: its route, home card and settings card, in the central lists' shapes.
import { FolderOpenOutlined } from '@ant-design/icons';
import type { RouteDef } from '../../routes';
import type { HomeWidget } from '../home/widgets';
import type { SettingsSection } from '../settings/sections';
import { DisclosureScreen } from './DisclosureScreen';
import { DisclosureHomeCard } from './HomeCard';
import { DisclosureSettingsCard } from './SettingsCard';

export const disclosureRoutes: RouteDef[] = [
  { path: 'disclosure', label: '信息公开', icon: <FolderOpenOutlined />, render: (params) => <DisclosureScreen params={params} /> },
];
export const disclosureHomeWidgets: HomeWidget[] = [{ key: 'disclosure', render: () => <DisclosureHomeCard /> }];
export const disclosureSettingsSections: SettingsSection[] = [{ key: 'disclosure', render: () => <DisclosureSettingsCard /> }];
