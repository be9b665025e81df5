import { Button, Card, Col, Form, Input, Row } from 'antd';
import { useState } from 'react';
import { defaultLetterNumberForm, type Bureau } from '../../../shared/domain/org';
import { call } from '../../api/call';
import { useAppStatus } from '../../app-context';
import { AuditButton } from '../../components/AuditDrawer';
import { PersonField } from '../../components/PersonField';
import { useUnsavedLeave } from '../../components/unsaved';
import { useAction } from '../../hooks';

const required = (label: string) => [{ required: true, whitespace: true, message: `请填写${label}` }];

/**
 * 单位信息: the names the documents print, the 负责人 (people on the staff list), the contact lines the 年报's 引言 and
 * the letters need (地址、邮编、电话、网站), and the letters' 文号 form.
 */
export function BureauForm() {
  const { status, refresh } = useAppStatus();
  const act = useAction();
  const [form] = Form.useForm<Bureau>();
  const [saving, setSaving] = useState(false);
  const shortName = Form.useWatch('shortName', form) ?? status?.bureau?.shortName ?? '';
  const [dirty, setDirty] = useState(false);
  const save = async () => {
    setSaving(true);
    const done = await act(async () => {
      await call('bureau.update', await form.validateFields());
      await refresh();
      setDirty(false);
      return '单位信息已保存';
    });
    setSaving(false);
    return done;
  };
  // A change not yet saved: leaving the screen (the menu, a link, back/forward, the year, closing the window) asks
  // 保存 / 不保存 / 取消.
  useUnsavedLeave(dirty, save, '单位信息的修改');
  return (
    <Card title="单位信息" extra={<AuditButton entity="bureau" entityId={1} />}>
      <Form
        form={form}
        layout="vertical"
        initialValues={status?.bureau ?? {}}
        onFinish={() => void save()}
        onValuesChange={() => setDirty(true)}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="fullName" label="单位全称" rules={required('单位全称')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="shortName" label="单位简称" rules={required('单位简称')}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="region" label="所属地区">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="head" label="主要负责人" extra="姓名，从人员名单中选择">
              <PersonField />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="leader" label="分管负责人" extra="分管政务公开的负责人姓名">
              <PersonField />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="contact" label="联系人" extra="告知书和年报的联系人">
              <PersonField />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="phone" label="联系电话">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="address" label="地址" extra="年度报告引言和当面领取的答复书写明">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="postcode" label="邮政编码">
              <Input maxLength={6} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="website" label="网站（政府信息公开专栏）" extra="年度报告引言写明电子版查阅地址">
              <Input maxLength={200} placeholder="http://" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="letterNumberForm"
              label="告知书、答复书的文号格式"
              extra={`不填为“${defaultLetterNumberForm(shortName || '本单位')}”。{年}换成年份，{号}换成当年顺序号；写{类}时换成回（回执）、补（补正）、延（延期）、征（征求意见）、复（答复），各类分别编号。`}
            >
              <Input maxLength={40} placeholder={defaultLetterNumberForm(shortName || '本单位')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存单位信息
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
