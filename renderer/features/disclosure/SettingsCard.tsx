import { Button, Card, Form, Select } from 'antd';
import { useEffect } from 'react';
import { call } from '../../api/call';
import { useAction, useLoad } from '../../hooks';

/** Settings: the internal due date of the annual report (条例: 1月31日; many counties ask earlier). */
export function DisclosureSettingsCard() {
  const act = useAction();
  const s = useLoad(() => call('disclosure.settings'), []);
  const [form] = Form.useForm<{ reportDue: string }>();
  useEffect(() => {
    if (s.data) form.setFieldsValue(s.data);
  }, [s.data, form]);
  const save = () => act(async () => {
    const v = await form.validateFields();
    await call('disclosure.saveSettings', v);
    await s.reload();
    return '已保存';
  });
  return (
    <Card title="政府信息公开年度报告" loading={s.loading}>
      <Form form={form} layout="vertical" style={{ maxWidth: 480 }}>
        <Form.Item name="reportDue" label="上年度年报报送日期" extra="《条例》规定每年1月31日前报送并公布；本地要求更早的，在此改为内部截止日期。首页从1月1日起提醒。">
          <Select showSearch optionFilterProp="label" options={Array.from({ length: 31 }, (_, i) => ({ value: `01-${String(i + 1).padStart(2, '0')}`, label: `1月${i + 1}日` }))} />
        </Form.Item>
        <Button type="primary" onClick={() => void save()}>保存</Button>
      </Form>
    </Card>
  );
}
