import { Alert, Descriptions, Form, Input, Radio, Select, Typography } from 'antd';
import { useEffect } from 'react';
import type { Staff } from '../../../shared/domain/org';
import { ABSENCE_KINDS, type AbRole, type Change, type Holding, type Post } from '../../../shared/domain/ab';
import { call } from '../../api/call';
import { DateField, todayIso } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { formatChineseDate } from '../../../shared/domain/date-text';

const required = (message: string) => [{ required: true, message }];

function staffOptions(staff: Staff[]) {
  return staff
    .filter((s) => s.status === '在岗')
    .map((s) => ({ value: s.id, label: `${s.name}${s.departmentName ? `（${s.departmentName}）` : ''}` }));
}

/** Sets the holder of a vacant A or B role. */
export function AssignDialog({
  post,
  role,
  staff,
  onClose,
  onDone,
}: {
  post: Post;
  role: AbRole;
  staff: Staff[];
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ staffId: number; startDate: string }>();
  useEffect(() => form.setFieldsValue({ startDate: todayIso() }), [form]);
  const save = async () => {
    const v = await form.validateFields();
    await call('ab.assign', { postId: post.id, role, staffId: v.staffId, startDate: v.startDate });
    onDone();
    return `已设置“${post.name}”${role}岗`;
  };
  return (
    <FormDialog title={`设置“${post.name}”${role}岗`} form={form} okText="保存" onSave={save} onClose={onClose}>
      <Form form={form} layout="vertical">
        <Form.Item name="staffId" label={`${role}岗人员`} rules={required('请选择人员')}>
          <Select showSearch optionFilterProp="label" placeholder="选择在岗人员" options={staffOptions(staff)} />
        </Form.Item>
        <Form.Item
          name="startDate"
          label="任职开始日期"
          rules={required('请选择任职开始日期')}
          extra="录入现任人员时，请填写其实际开始担任该岗位的日期（可早于今天）。"
        >
          <DateField />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

interface ChangeForm {
  role: AbRole;
  toStaffId: number;
  changeDate: string;
  reason: string;
  handoverDate: string;
  items: string;
  transitionEnd: string | null;
  note: string;
}

/** 人员变动 as one guided step: who leaves, who takes over, the 交接 record; the 备案 due date comes back from the service. */
export function ChangeDialog({
  post,
  initialRole,
  staff,
  filingDays,
  onClose,
  onDone,
}: {
  post: Post;
  initialRole: AbRole;
  staff: Staff[];
  filingDays: number;
  onClose: () => void;
  onDone: (c: Change) => void;
}) {
  const [form] = Form.useForm<ChangeForm>();
  const role = Form.useWatch('role', form) ?? initialRole;
  useEffect(
    () => form.setFieldsValue({ role: initialRole, changeDate: todayIso(), handoverDate: todayIso() }),
    [form, initialRole],
  );
  const current = role === 'A' ? post.a : post.b;
  const save = async () => {
    const v = await form.validateFields();
    const c = await call('ab.change', {
      postId: post.id,
      role: v.role,
      toStaffId: v.toStaffId,
      changeDate: v.changeDate,
      reason: v.reason ?? '',
      handover: { date: v.handoverDate, items: v.items, transitionEnd: v.transitionEnd ?? null, note: v.note ?? '' },
    });
    onDone(c);
    return `已登记人员变动，请于${formatChineseDate(c.filingDue)}前报备案`;
  };
  return (
    <FormDialog
      width={640}
      title={`人员变动：${post.name}`}
      form={form}
      okText="保存变动"
      onSave={save}
      onClose={onClose}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="role" label="变动岗位">
          <Radio.Group
            options={[
              { value: 'A', label: 'A岗' },
              { value: 'B', label: 'B岗' },
            ]}
          />
        </Form.Item>
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 12 }}
          items={[
            {
              label: '离岗人员（原任）',
              children: current ? `${current.name}（${formatChineseDate(current.startDate)}起任）` : '（空缺）',
            },
          ]}
        />
        <Form.Item name="toStaffId" label="接任人员" rules={required('请选择接任人员')}>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder="选择在岗人员"
            options={staffOptions(staff).filter((o) => o.value !== current?.staffId)}
          />
        </Form.Item>
        <Form.Item
          name="changeDate"
          label="变动日期"
          rules={required('请选择变动日期')}
          extra="接任人员自该日起任职，原任人员任至前一日。"
        >
          <DateField />
        </Form.Item>
        <Form.Item name="reason" label="变动原因">
          <Input maxLength={200} placeholder="如：工作调整、调离、退休" />
        </Form.Item>
        <Typography.Title level={5}>工作交接</Typography.Title>
        <Form.Item name="handoverDate" label="交接日期" rules={required('请选择交接日期')}>
          <DateField />
        </Form.Item>
        <Form.Item
          name="items"
          label="交接事项"
          rules={[{ required: true, whitespace: true, message: '请填写交接事项' }]}
          extra="每行一项：台账、文件资料、账号、在办事项等。"
        >
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <Form.Item name="transitionEnd" label="过渡期截止日期">
          <DateField placeholder="可不填" />
        </Form.Item>
        <Form.Item name="note" label="交接备注">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Alert
          type="info"
          showIcon
          message={`保存后按工作日历计算备案截止日期：变动日期后 ${filingDays} 个工作日内报备案。`}
        />
      </Form>
    </FormDialog>
  );
}

/** Marks a change as filed: date, to whom, document number. */
export function FilingDialog({ change, onClose, onDone }: { change: Change; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ filedDate: string; filedTo: string; docNumber: string }>();
  useEffect(() => form.setFieldsValue({ filedDate: todayIso() }), [form]);
  const save = async () => {
    const v = await form.validateFields();
    await call('ab.file', {
      changeId: change.id,
      filedDate: v.filedDate,
      filedTo: v.filedTo,
      docNumber: v.docNumber ?? '',
    });
    onDone();
    return '已登记备案';
  };
  return (
    <FormDialog title="登记备案" form={form} okText="保存" onSave={save} onClose={onClose}>
      <Typography.Paragraph type="secondary">
        {change.postName}
        {change.role}岗：{change.fromName ?? '（空缺）'} → {change.toName}，变动日期
        {formatChineseDate(change.changeDate)}，应于
        {formatChineseDate(change.filingDue)}前备案。
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="filedDate" label="备案日期" rules={required('请选择备案日期')}>
          <DateField />
        </Form.Item>
        <Form.Item
          name="filedTo"
          label="备案单位"
          rules={[{ required: true, whitespace: true, message: '请填写报送备案的单位' }]}
        >
          <Input maxLength={100} placeholder="如：县政务公开领导小组办公室" />
        </Form.Item>
        <Form.Item name="docNumber" label="备案文号">
          <Input maxLength={60} placeholder="可不填，如：县科技局〔2026〕5号" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

export function AbsenceDialog({ staff, onClose, onDone }: { staff: Staff[]; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{
    staffId: number;
    kind: (typeof ABSENCE_KINDS)[number];
    startDate: string;
    endDate: string;
    note: string;
  }>();
  useEffect(() => form.setFieldsValue({ startDate: todayIso(), endDate: todayIso() }), [form]);
  const save = async () => {
    const v = await form.validateFields();
    await call('ab.createAbsence', { ...v, note: v.note ?? '' });
    onDone();
    return '已登记';
  };
  return (
    <FormDialog title="不在岗登记" form={form} okText="保存" onSave={save} onClose={onClose}>
      <Form form={form} layout="vertical">
        <Form.Item name="staffId" label="人员" rules={required('请选择人员')}>
          <Select showSearch optionFilterProp="label" options={staffOptions(staff)} />
        </Form.Item>
        <Form.Item name="kind" label="类型" rules={required('请选择类型')}>
          <Select options={ABSENCE_KINDS.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <Form.Item name="startDate" label="开始日期" rules={required('请选择开始日期')}>
          <DateField />
        </Form.Item>
        <Form.Item name="endDate" label="结束日期" rules={required('请选择结束日期')}>
          <DateField />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

export function PostDialog({ post, onClose, onDone }: { post: Post | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ name: string; duties: string }>();
  useEffect(() => form.setFieldsValue({ name: post?.name ?? '', duties: post?.duties ?? '' }), [form, post]);
  const save = async () => {
    const v = await form.validateFields();
    if (post) await call('ab.updatePost', { id: post.id, name: v.name, duties: v.duties ?? '' });
    else await call('ab.createPost', { name: v.name, duties: v.duties ?? '' });
    onDone();
    return '已保存';
  };
  return (
    <FormDialog title={post ? '编辑岗位' : '新增岗位'} form={form} okText="保存" onSave={save} onClose={onClose}>
      <Form form={form} layout="vertical">
        <Form.Item
          name="name"
          label="岗位名称"
          rules={[{ required: true, whitespace: true, message: '请填写岗位名称' }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="duties" label="岗位职责">
          <Input.TextArea rows={4} maxLength={1000} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/** A holder steps down without a successor yet (e.g. left the bureau): the role becomes vacant after the last day. */
export function EndHoldingDialog({
  post,
  role,
  onClose,
  onDone,
}: {
  post: Post;
  role: AbRole;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ endDate: string }>();
  const h = role === 'A' ? post.a : post.b;
  useEffect(() => form.setFieldsValue({ endDate: todayIso() }), [form]);
  const save = async () => {
    const v = await form.validateFields();
    await call('ab.endHolding', { postId: post.id, role, endDate: v.endDate });
    onDone();
    return `${h?.name ?? ''}已卸任“${post.name}”${role}岗，请尽快设置接任人员`;
  };
  return (
    <FormDialog title={`${role}岗卸任：${post.name}`} form={form} okText="确认卸任" onSave={save} onClose={onClose}>
      <Typography.Paragraph type="secondary">
        有接任人员时请用“人员变动”，一次登记交接和备案。没有接任人员时在这里登记卸任，自最后一天的次日起岗位显示为空缺。
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="endDate" label={`${h?.name ?? ''}任职的最后一天`} rules={required('请选择日期')}>
          <DateField />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/** The AB岗设置表 as of a chosen day: who held each post then (today by default). */
export function AsOfExportDialog({ onClose, onExport }: { onClose: () => void; onExport: (date: string) => void }) {
  const [form] = Form.useForm<{ date: string }>();
  useEffect(() => form.setFieldsValue({ date: todayIso() }), [form]);
  const save = async () => {
    const v = await form.validateFields();
    onExport(v.date);
  };
  return (
    <FormDialog title="导出AB岗设置表" form={form} okText="导出" onSave={save} onClose={onClose} guard={false}>
      <Form form={form} layout="vertical">
        <Form.Item
          name="date"
          label="截至日期"
          rules={required('请选择截至日期')}
          extra="表中列出该日在任的A岗、B岗人员；该日之后才生效的变动不列入。"
        >
          <DateField />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/** Corrects a mistyped 任职开始日期; for a holder from a 人员变动 the change's date moves with it. */
export function CorrectStartDialog({
  post,
  holding,
  onClose,
  onDone,
}: {
  post: Post;
  holding: Holding;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const [form] = Form.useForm<{ startDate: string; reason: string }>();
  useEffect(() => form.setFieldsValue({ startDate: holding.startDate }), [form, holding]);
  const save = async () => {
    const v = await form.validateFields();
    await call('ab.correctHolding', { holdingId: holding.id, startDate: v.startDate, reason: v.reason ?? '' });
    await onDone();
    return `已更正${holding.name}的任职开始日期`;
  };
  return (
    <FormDialog
      title={`更正任职开始日期：${post.name}${holding.role}岗 ${holding.name}`}
      form={form}
      onSave={save}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">
        用于更正录入错误的日期，更正会记入修改记录。
        {holding.changeId ? '该任职来自人员变动，变动日期和前任的任职截止日期会一并调整。' : ''}
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="startDate" label="任职开始日期" rules={required('请选择任职开始日期')}>
          <DateField />
        </Form.Item>
        <Form.Item name="reason" label="更正原因">
          <Input maxLength={200} placeholder="如：录入时误填为当天" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
