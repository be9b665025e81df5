import { Button, Card, Form, InputNumber } from 'antd';
import { useEffect } from 'react';
import type { TeamSettings } from '../../../shared/domain/team-settings';
import { call } from '../../api/call';
import { isEnterToSave } from '../../components/keyboard';
import { useAction, useLoad } from '../../hooks';

/** Settings: the 备案 time limit in working days and the yearly training requirement. */
export function TeamSettingsCard() {
  const act = useAction();
  const s = useLoad(() => call('team.settings'), []);
  const [form] = Form.useForm<TeamSettings>();
  useEffect(() => {
    if (s.data) form.setFieldsValue(s.data);
  }, [s.data, form]);
  const save = () => act(async () => {
    const v = await form.validateFields();
    await call('team.saveSettings', v);
    await s.reload();
    return '已保存';
  });
  return (
    <Card title="AB岗备案与年度培训要求" loading={s.loading}>
      <Form form={form} layout="vertical" style={{ maxWidth: 480 }} onKeyDown={(e) => { if (isEnterToSave(e)) void save(); }}>
        <Form.Item name="filingWorkingDays" label="人员变动后报备案的期限（工作日）" rules={[{ required: true, message: '请填写工作日数' }]}
          extra="按工作日历计算，默认5个工作日。">
          <InputNumber min={1} max={60} precision={0} addonAfter="个工作日" />
        </Form.Item>
        <Form.Item name="minSpecialTrainings" label="每年至少开展政务公开专题培训" rules={[{ required: true, message: '请填写次数' }]}>
          <InputNumber min={0} max={24} precision={0} addonAfter="次" />
        </Form.Item>
        <Form.Item name="minHoursPerPerson" label="队伍成员（现任A岗、B岗）每人每年学时不少于" extra="填0表示不检查个人学时。">
          <InputNumber min={0} max={500} step={0.5} precision={1} addonAfter="学时" />
        </Form.Item>
        <Button type="primary" onClick={save}>保存</Button>
      </Form>
    </Card>
  );
}
