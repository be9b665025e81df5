import { Button, Card, Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import type { Bureau } from '../../../shared/domain/org';
import { call } from '../../api/call';
import { useAppStatus } from '../../app-context';
import { useAction } from '../../hooks';
import { RestoreFromFileButton } from '../data/RestoreFromFileButton';

const BUREAU_FIELDS: { name: keyof Bureau; label: string; required?: boolean; placeholder?: string }[] = [
  { name: 'fullName', label: '单位全称', required: true, placeholder: '例如：某某县科学技术局' },
  { name: 'shortName', label: '单位简称', required: true, placeholder: '例如：县科技局' },
  { name: 'region', label: '所属地区', placeholder: '例如：某某省某某市某某县' },
  { name: 'head', label: '主要负责人', placeholder: '姓名' },
  { name: 'leader', label: '分管负责人', placeholder: '分管政务公开的负责人姓名' },
  { name: 'contact', label: '联系人', placeholder: '姓名' },
  { name: 'phone', label: '联系电话' },
];

/** First run: who the bureau is and which year it works on; everything else can wait. */
export function SetupScreen() {
  const { refresh } = useAppStatus();
  const act = useAction();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm();

  const submit = async (values: Bureau & { year: number }) => {
    setSaving(true);
    await act(async () => {
      const { year, ...bureau } = values;
      await call('app.setup', {
        bureau: {
          ...bureau,
          region: bureau.region ?? '',
          head: bureau.head ?? '',
          leader: bureau.leader ?? '',
          contact: bureau.contact ?? '',
          phone: bureau.phone ?? '',
        },
        year,
      });
      await refresh();
    });
    setSaving(false);
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        background: '#f5f5f5',
        display: 'flex',
        justifyContent: 'center',
        alignItems: 'flex-start',
        paddingTop: 48,
      }}
    >
      <Card style={{ width: 640 }}>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          欢迎使用政务公开工作台
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          请先填写本单位的基本信息和工作年度。这些信息会用在导出的公文、台账和表格中，以后可以在“单位与人员”中修改。
        </Typography.Paragraph>
        <Form
          form={form}
          layout="horizontal"
          labelCol={{ span: 6 }}
          onFinish={submit}
          initialValues={{ year: new Date().getFullYear() }}
        >
          {BUREAU_FIELDS.map((f, i) => (
            <Form.Item
              key={f.name}
              name={f.name}
              label={f.label}
              rules={f.required ? [{ required: true, whitespace: true, message: `请填写${f.label}` }] : []}
            >
              {/* The first thing a new office does here is type its name: start in that field. */}
              <Input placeholder={f.placeholder} maxLength={100} autoFocus={i === 0} />
            </Form.Item>
          ))}
          <Form.Item name="year" label="工作年度" rules={[{ required: true, message: '请填写工作年度' }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item wrapperCol={{ offset: 6 }}>
            <Button type="primary" htmlType="submit" loading={saving}>
              开始使用
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          已经在别的电脑上用过本软件？可以直接打开那里用“另存完整副本”保存的数据文件：
          <RestoreFromFileButton type="link" label="从文件恢复数据…" />
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
