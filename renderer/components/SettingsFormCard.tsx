import { Button, Card, Form } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useAction, useLoad } from '../hooks';
import { isEnterToSave } from './keyboard';
import { useUnsavedLeave } from './unsaved';

/**
 * A settings card holding one small form: filled from the stored settings, saved with 保存 (or Enter in a one-line
 * field) through the one action hook, then read back; leaving the screen with a change not saved asks first.
 * `children` are the Form.Items.
 */
export function SettingsFormCard<T extends object>({
  title,
  load,
  save,
  children,
}: {
  title: string;
  load: () => Promise<T>;
  save: (values: T) => Promise<unknown>;
  children: ReactNode;
}) {
  const act = useAction();
  const s = useLoad(load, []);
  const [form] = Form.useForm<T>();
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (s.data) form.setFieldsValue(s.data as Parameters<typeof form.setFieldsValue>[0]);
    setDirty(false);
  }, [s.data, form]);
  const submit = () =>
    act(async () => {
      await save(await form.validateFields());
      await s.reload();
      setDirty(false);
      return '已保存';
    });
  // A changed setting not yet saved: leaving the screen asks first.
  useUnsavedLeave(dirty, submit, `“${title}”的修改`);
  return (
    <Card title={title} loading={s.loading}>
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 480 }}
        onValuesChange={() => setDirty(true)}
        onKeyDown={(e) => {
          if (isEnterToSave(e)) void submit();
        }}
      >
        {children}
        <Button type="primary" onClick={() => void submit()}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
