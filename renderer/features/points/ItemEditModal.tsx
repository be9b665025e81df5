import { Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { FormDialog } from '../../components/FormDialog';
import { titleOfText, type PointItem } from '../../../shared/domain/points';
import { LEVEL_OPTIONS, sentencesOf, unitsFromInput } from '../../../shared/domain/points-edits';

interface FormValues {
  level: number;
  label: string;
  text: string;
  lead: string;
  support: string;
  deadline: string;
  deadlineText: string;
}

/**
 * Corrects one item: level, number, text, units (separated by 、), deadline date and its words. A FormDialog: the first
 * field focused, Enter in a one-line field saves, Esc or 取消 with changed fields asks before discarding them.
 * `onSave` takes the corrected item and closes the dialog (its sentence, if any, is shown).
 */
export function ItemEditDialog({
  item,
  onSave,
  onClose,
  okText = '确定',
}: {
  item: PointItem;
  onSave(item: PointItem): Promise<string | void | undefined>;
  onClose(): void;
  okText?: string;
}) {
  const [form] = Form.useForm<FormValues>();
  const initial: FormValues = {
    level: item.level,
    label: item.label,
    text: item.text,
    lead: item.lead.join('、'),
    support: item.support.join('、'),
    deadline: item.deadline ?? '',
    deadlineText: item.deadlineText ?? '',
  };
  const save = async () => {
    const v = await form.validateFields();
    const text = v.text.trim();
    return onSave({
      level: v.level,
      label: v.label.trim(),
      text,
      title: titleOfText(text),
      lead: unitsFromInput(v.lead ?? ''),
      support: unitsFromInput(v.support ?? ''),
      deadline: v.deadline?.trim() || null,
      deadlineText: v.deadlineText?.trim() || null,
    });
  };
  return (
    <FormDialog title="编辑条目" okText={okText} form={form} onSave={save} onClose={onClose} width={720}>
      <Form form={form} layout="vertical" initialValues={initial}>
        <Space size={12} style={{ display: 'flex' }}>
          <Form.Item name="level" label="层级" style={{ width: 180 }}>
            <Select options={LEVEL_OPTIONS} />
          </Form.Item>
          <Form.Item
            name="label"
            label="编号"
            style={{ width: 120 }}
            rules={[{ max: 20, message: '编号不能超过20个字' }]}
          >
            <Input placeholder="如 一、1、①" />
          </Form.Item>
        </Space>
        <Form.Item name="text" label="内容" rules={[{ required: true, whitespace: true, message: '请填写条目内容' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <Form.Item name="lead" label="牵头单位" extra="多个单位用顿号“、”分隔">
          <Input placeholder="如 办公室、知识产权局" />
        </Form.Item>
        <Form.Item name="support" label="配合单位" extra="多个单位用顿号“、”分隔">
          <Input placeholder="如 各科室" />
        </Form.Item>
        <Space size={12} style={{ display: 'flex' }}>
          <Form.Item
            name="deadline"
            label="完成日期"
            style={{ width: 200 }}
            rules={[{ pattern: /^$|^\d{4}-\d{2}-\d{2}$/, message: '格式为 2021-09-30，没有具体日期请留空' }]}
          >
            <Input placeholder="2021-09-30" />
          </Form.Item>
          <Form.Item
            name="deadlineText"
            label="时限说明"
            style={{ width: 300 }}
            extra="原文中的说法，如 9月底前、每季度、持续推进"
          >
            <Input />
          </Form.Item>
        </Space>
      </Form>
    </FormDialog>
  );
}

/** Chooses the sentence where the second item starts. */
export function SplitModal({
  item,
  onOk,
  onCancel,
}: {
  item: PointItem | null;
  onOk(at: number): void;
  onCancel(): void;
}) {
  const [at, setAt] = useState(1);
  const parts = item ? sentencesOf(item.text) : [];
  useEffect(() => setAt(1), [item]);
  return (
    <Modal
      open={item !== null}
      title="拆分条目"
      okText="拆分"
      cancelText="取消"
      onCancel={onCancel}
      onOk={() => onOk(at)}
      okButtonProps={{ disabled: parts.length < 2 }}
      width={720}
      destroyOnHidden
    >
      {parts.length < 2 ? (
        <Typography.Text type="secondary">这一条只有一句话，无法拆分。可以用“编辑”修改内容。</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph>选择新条目从哪一句开始：</Typography.Paragraph>
          <Radio.Group
            value={at}
            onChange={(e) => setAt(e.target.value as number)}
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
          >
            {parts.map((p, i) => (
              <Radio key={i} value={i} disabled={i === 0}>
                {p.length > 80 ? `${p.slice(0, 80)}…` : p}
              </Radio>
            ))}
          </Radio.Group>
        </>
      )}
    </Modal>
  );
}
