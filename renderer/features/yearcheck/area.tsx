// 核对: every disagreement between the year's documents and records, each with where it is fixed.
import { AuditOutlined } from '@ant-design/icons';
import { lazyScreen, type RendererArea } from '../../area';

export const yearcheckArea: RendererArea = {
  name: 'yearcheck',
  routes: [
    {
      path: 'yearcheck',
      label: '年度核对',
      icon: <AuditOutlined />,
      // After 年度总结: the last step before the year's documents are filed.
      order: 75,
      Screen: lazyScreen(() => import('./YearCheckScreen'), 'YearCheckScreen'),
    },
  ],
};
