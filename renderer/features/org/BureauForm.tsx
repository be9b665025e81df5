import { Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import type { Bureau } from '../../../shared/domain/org';
import { call } from '../../api/call';
import { useAppStatus } from '../../app-context';
import { AuditButton } from '../../components/AuditDrawer';
import { useAction } from '../../hooks';
import { BUREAU_FIELDS } from '../setup/SetupScreen';

export function BureauForm() {
  const { status, refresh } = useAppStatus();
  const act = useAction();
  const [saving, setSaving] = useState(false);
  const save = async (values: Bureau) => {
    setSaving(true);
    await act(async () => {
      await call('bureau.update', values);
      await refresh();
      return '单位信息已保存';
    });
    setSaving(false);
  };
  return (
    <Card title="单位信息" extra={<AuditButton entity="bureau" entityId={1} />}>
      <Form
        layout="horizontal"
        labelCol={{ span: 5 }}
        wrapperCol={{ span: 12 }}
        initialValues={status?.bureau ?? {}}
        onFinish={save}
      >
        {BUREAU_FIELDS.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            rules={f.required ? [{ required: true, whitespace: true, message: `请填写${f.label}` }] : []}
          >
            <Input maxLength={100} />
          </Form.Item>
        ))}
        <Form.Item wrapperCol={{ offset: 5 }}>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存单位信息
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
