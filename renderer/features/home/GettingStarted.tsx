// 从这里开始: the first steps of a bureau with no departments or staff yet (the home screen shows it until both exist).
import { Card, Steps } from 'antd';
import { navigate } from '../../hooks';

export function GettingStarted({ departments }: { departments: number }) {
  return (
    <Card title="从这里开始" style={{ marginBottom: 16 }}>
      <Steps
        direction="vertical"
        size="small"
        current={departments === 0 ? 0 : 1}
        items={[
          {
            title: <a onClick={() => navigate('org')}>添加科室</a>,
            description: '在“单位与人员”中添加本单位的科室。',
          },
          {
            title: <a onClick={() => navigate('org')}>添加人员</a>,
            description: '逐个添加，或从 Excel 表格导入人员名单。',
          },
          {
            title: <a onClick={() => navigate('points')}>导入上级要点</a>,
            description: '把上级下发的政务公开工作要点导入进来。',
          },
          {
            title: <a onClick={() => navigate('plan')}>编制实施方案</a>,
            description: '从要点生成本单位的任务分解表并跟踪落实。',
          },
        ]}
      />
    </Card>
  );
}
