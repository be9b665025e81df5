import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Space } from 'antd';
import { useEffect } from 'react';
import type { ClosingSection, Plan, PlanIssue } from '../../../shared/domain/plan';
import { call } from '../../api/call';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';

interface PlanForm {
  title: string;
  docNumber: string;
  docDate: string | null;
  intro: string;
  closing: ClosingSection[];
  signatureOrg: string;
  issue: PlanIssue;
}

/** 方案信息: title, 文号, 成文日期, opening paragraphs, closing sections (组织保障, 监督检查 …), signature. */
export function PlanInfoDialog({
  plan,
  open,
  onClose,
  onSaved,
}: {
  plan: Plan;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<PlanForm>();
  useEffect(() => {
    if (open)
      form.setFieldsValue({
        title: plan.title,
        docNumber: plan.docNumber,
        docDate: plan.docDate,
        intro: plan.intro,
        closing: plan.closing,
        signatureOrg: plan.signatureOrg,
        issue: plan.issue,
      });
  }, [open, plan, form]);

  const save = async () => {
    const v = await form.validateFields();
    await call('plan.save', {
      year: plan.year,
      title: v.title,
      docNumber: v.docNumber ?? '',
      docDate: v.docDate ?? null,
      intro: v.intro ?? '',
      closing: v.closing ?? [],
      signatureOrg: v.signatureOrg ?? '',
      issue: { ...plan.issue, ...v.issue },
    });
    onSaved();
    return '方案信息已保存';
  };

  if (!open) return null;
  return (
    <FormDialog title="方案信息" width={760} form={form} onSave={save} onClose={onClose}>
      <Form form={form} layout="vertical">
        <Form.Item name="title" label="方案标题" rules={[{ required: true, message: '请填写方案标题' }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Space.Compact block style={{ gap: 12 }}>
          <Form.Item name="docNumber" label="文号" style={{ flex: 1 }}>
            <Input placeholder="如：县科技局发〔2026〕3号" />
          </Form.Item>
          <Form.Item name="docDate" label="成文日期" style={{ flex: 1 }}>
            <DateField />
          </Form.Item>
          <Form.Item name="signatureOrg" label="署名" style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </Space.Compact>
        <Space wrap style={{ marginBottom: 8 }} aria-label="发文格式">
          <Form.Item name={['issue', 'head']} valuePropName="checked" noStyle>
            <Checkbox>印发机关标志（版头，填写文号时）</Checkbox>
          </Form.Item>
          <Form.Item name={['issue', 'sealed']} valuePropName="checked" noStyle>
            <Checkbox>加盖印章的落款</Checkbox>
          </Form.Item>
          <Form.Item name={['issue', 'note']} label="附注" style={{ marginBottom: 0 }}>
            <Input placeholder="如：此件主动公开" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name={['issue', 'imprintIssuer']} label="版记·印发机关" style={{ marginBottom: 0 }}>
            <Input placeholder="留空则不印版记" style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Form.Item name="intro" label="开头段落">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Form.List name="closing">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item
                    name={[f.name, 'heading']}
                    label="结尾部分标题"
                    rules={[{ required: true, message: '请填写标题' }]}
                  >
                    <Input style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'text']} label="内容" style={{ width: 480 }}>
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
                  </Form.Item>
                  <MinusCircleOutlined
                    aria-label="删除此部分"
                    style={{ marginTop: 36 }}
                    onClick={() => remove(f.name)}
                  />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ heading: '', text: '' })}>
                添加结尾部分（如组织保障、监督检查）
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </FormDialog>
  );
}
