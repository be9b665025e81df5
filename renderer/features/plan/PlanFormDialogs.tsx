// The plan screen's two small forms, as FormDialogs: the name of a new 章节, and the dates of a 工作台账 export.
import { Form, Input } from 'antd';
import { call } from '../../api/call';
import { DateField, todayIso } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { produceFile } from '../../hooks';

/** 新增章节 (also 新建空白方案: the first 章节 creates the year's plan). Refused names keep the dialog open. */
export function SectionAddDialog({
  year,
  onClose,
  onDone,
}: {
  year: number;
  onClose: () => void;
  onDone: () => Promise<void> | void;
}) {
  const [form] = Form.useForm<{ title: string }>();
  const save = async () => {
    const v = await form.validateFields();
    const title = v.title.trim();
    await call('plan.createSection', { year, title });
    onClose();
    await onDone();
    return `已添加章节“${title}”`;
  };
  return (
    <FormDialog title="新增章节" okText="添加" form={form} onSave={save} onClose={onClose}>
      <Form form={form} layout="vertical">
        <Form.Item
          name="title"
          label="章节名称"
          rules={[{ required: true, whitespace: true, message: '请填写章节名称' }]}
        >
          <Input placeholder="如：加强政策解读" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/**
 * 工作台账 of a span of the year: from 1 January to today (or the year's end) unless changed; the service refuses a span
 * outside the year, and says so beside the dialog.
 */
export function LedgerRangeDialog({ year, onClose }: { year: number; onClose: () => void }) {
  const [form] = Form.useForm<{ from: string; to: string }>();
  const today = todayIso();
  const end = `${year}-12-31`;
  const initial = { from: `${year}-01-01`, to: today < end && today.startsWith(String(year)) ? today : end };
  const save = async () => {
    const v = await form.validateFields();
    const said = await produceFile(() => call('plan.export', { kind: 'ledger-xlsx', year, from: v.from, to: v.to }));
    onClose();
    return said;
  };
  return (
    <FormDialog
      title="导出工作台账：选择日期范围"
      okText="导出"
      form={form}
      onSave={save}
      onClose={onClose}
      guard={false}
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item
          name="from"
          label="起始日期"
          rules={[
            { required: true, message: '请选择起始日期' },
            {
              validator: (_, v: string | null) =>
                !v || v.startsWith(String(year))
                  ? Promise.resolve()
                  : Promise.reject(new Error(`起始日期应在${year}年内`)),
            },
          ]}
        >
          <DateField />
        </Form.Item>
        <Form.Item
          name="to"
          label="截止日期"
          dependencies={['from']}
          rules={[
            { required: true, message: '请选择截止日期' },
            ({ getFieldValue }) => ({
              validator: (_, v: string | null) => {
                if (!v) return Promise.resolve();
                if (!v.startsWith(String(year))) return Promise.reject(new Error(`截止日期应在${year}年内`));
                const from = getFieldValue('from') as string | null;
                return from && v < from ? Promise.reject(new Error('截止日期不能早于起始日期')) : Promise.resolve();
              },
            }),
          ]}
        >
          <DateField />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
