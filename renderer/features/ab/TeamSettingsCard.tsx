import { Form, InputNumber } from 'antd';
import { call } from '../../api/call';
import { SettingsFormCard } from '../../components/SettingsFormCard';

/** Settings: the 备案 time limit in working days and the yearly training requirement. */
export function TeamSettingsCard() {
  return (
    <SettingsFormCard
      title="AB岗备案与年度培训要求"
      load={() => call('team.settings')}
      save={(v) => call('team.saveSettings', v)}
    >
      <Form.Item
        name="filingWorkingDays"
        label="人员变动后报备案的期限（工作日）"
        rules={[{ required: true, message: '请填写工作日数' }]}
        extra="按工作日历计算，默认5个工作日。"
      >
        <InputNumber min={1} max={60} precision={0} addonAfter="个工作日" />
      </Form.Item>
      <Form.Item
        name="minSpecialTrainings"
        label="每年至少开展政务公开专题培训"
        rules={[{ required: true, message: '请填写次数' }]}
      >
        <InputNumber min={0} max={24} precision={0} addonAfter="次" />
      </Form.Item>
      <Form.Item
        name="minHoursPerPerson"
        label="队伍成员（现任A岗、B岗）每人每年学时不少于"
        extra="填0表示不检查个人学时。"
      >
        <InputNumber min={0} max={500} step={0.5} precision={1} addonAfter="学时" />
      </Form.Item>
    </SettingsFormCard>
  );
}
