import { Form, Select } from 'antd';
import { call } from '../../api/call';
import { SettingsFormCard } from '../../components/SettingsFormCard';

const DUE_OPTIONS = Array.from({ length: 31 }, (_, i) => ({
  value: `01-${String(i + 1).padStart(2, '0')}`,
  label: `1月${i + 1}日`,
}));

/** Settings: the internal due date of the annual report (条例: 1月31日; many counties ask earlier). */
export function DisclosureSettingsCard() {
  return (
    <SettingsFormCard
      title="政府信息公开年度报告"
      load={() => call('disclosure.settings')}
      save={(v) => call('disclosure.saveSettings', v)}
    >
      <Form.Item
        name="reportDue"
        label="上年度年报报送日期"
        extra="《条例》规定每年1月31日前报送并公布；本地要求更早的，在此改为内部截止日期。首页从1月1日起提醒。"
      >
        <Select showSearch optionFilterProp="label" options={DUE_OPTIONS} />
      </Form.Item>
    </SettingsFormCard>
  );
}
