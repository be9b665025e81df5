// The 自查整改 area's registrations, in the shapes of renderer/routes.tsx and features/home/widgets.tsx.
import { AuditOutlined } from '@ant-design/icons';
import type { RouteDef } from '../../routes';
import type { HomeWidget } from '../home/widgets';
import { RectHomeCard } from './RectHomeCard';
import { SelfcheckScreen } from './SelfcheckScreen';

export const selfcheckRoutes: RouteDef[] = [
  { path: 'selfcheck', label: '自查整改', icon: <AuditOutlined />, render: (params) => <SelfcheckScreen params={params} /> },
];

export const selfcheckHomeWidgets: HomeWidget[] = [{ key: 'selfcheck', render: () => <RectHomeCard /> }];
