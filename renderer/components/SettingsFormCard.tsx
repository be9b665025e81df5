import { Button, Card, Form } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useAction, useLoad } from '../hooks';
import { isEnterToSave } from './keyboard';

/**
 * A settings card holding one small form: filled from the stored settings, saved with 保存 (or Enter in a one-line
 * field) through the one action hook, then read back. `children` are the Form.Items.
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
  useEffect(() => {
    if (s.data) form.setFieldsValue(s.data as Parameters<typeof form.setFieldsValue>[0]);
  }, [s.data, form]);
  const submit = () =>
    act(async () => {
      await save(await form.validateFields());
      await s.reload();
      return '已保存';
    });
  return (
    <Card title={title} loading={s.loading}>
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 480 }}
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
