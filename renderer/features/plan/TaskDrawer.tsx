import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert, App as AntApp, Button, Descriptions, Divider, Drawer, Form, Input, InputNumber, Popconfirm, Select, Space, Spin,
  Timeline, Typography, Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import type { Department, Staff } from '../../../shared/domain/org';
import {
  DEADLINE_KINDS, RECURRENCES, RECURRENCE_LABELS, TASK_STATUSES, type DeadlineKind, type Plan, type PlanTask, type Recurrence,
  type TaskStatus,
} from '../../../shared/domain/plan';
import { call, toUpload } from '../../api/call';
import { AuditButton } from '../../components/AuditDrawer';
import { useDownloadAttachment, useLoad } from '../../hooks';
import { DateField, todayIso } from '../../components/DateField';
import { LightTag } from './common';

const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  date: '指定日期前', yearEnd: '年底前', recurring: '定期（每月/季度…）', ongoing: '持续推进', afterEvent: '事项发生后N个工作日内',
};

interface TaskForm {
  title: string;
  measures: string;
  sectionId: number;
  leadIds: number[];
  supportIds: number[];
  ownerId: number | null;
  pointIds: number[];
  deadlineKind: DeadlineKind;
  deadlineDate: string | null;
  recurrence: Recurrence | null;
  days: number | null;
  deadlineText: string;
  eventDate: string | null;
  status: TaskStatus;
  statusReason: string;
  completedOn: string | null;
}

interface ProgressForm {
  date: string;
  text: string;
  percent: number | null;
  linkUrl?: string;
  linkTitle?: string;
}

function toInput(v: TaskForm) {
  return {
    sectionId: v.sectionId, title: v.title, measures: v.measures ?? '', leadIds: v.leadIds ?? [], supportIds: v.supportIds ?? [],
    ownerId: v.ownerId ?? null, pointIds: v.pointIds ?? [], eventDate: v.eventDate ?? null, status: v.status,
    statusReason: v.statusReason ?? '', completedOn: v.completedOn ?? null,
    deadline: { kind: v.deadlineKind, date: v.deadlineDate ?? null, recurrence: v.recurrence ?? null, days: v.days ?? null, text: v.deadlineKind === 'ongoing' && !/持续|长期|常态/.test(v.deadlineText ?? '') ? '持续推进' : v.deadlineText ?? '' },
  };
}

export interface TaskDrawerProps {
  year: number;
  plan: Plan;
  /** A task id, 'new' for a new task, or null when closed. */
  taskId: number | 'new' | null;
  departments: Department[];
  staff: Staff[];
  onClose: () => void;
  onChanged: () => void;
}

/** One task: its fields (editable), its progress entries with evidence, and adding progress. */
export function TaskDrawer({ year, plan, taskId, departments, staff, onClose, onChanged }: TaskDrawerProps) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<TaskForm>();
  const [pform] = Form.useForm<ProgressForm>();
  const [files, setFiles] = useState<File[]>([]);
  const [saving, setSaving] = useState(false);
  const detail = useLoad(async () => (typeof taskId === 'number' ? call('tasks.get', { id: taskId }) : null), [taskId]);
  const points = useLoad(() => call('plan.pointOptions', { year }), [year]);
  // AB岗: who holds which post (A/B), to show beside each person and to name the owner's backup.
  const posts = useLoad(() => call('ab.posts').catch(() => []), []);
  const postsOf = new Map<number, string[]>();
  const backupOf = new Map<number, string>();
  for (const p of posts.data ?? []) {
    if (p.a) postsOf.set(p.a.staffId, [...(postsOf.get(p.a.staffId) ?? []), `${p.name}A岗`]);
    if (p.b) postsOf.set(p.b.staffId, [...(postsOf.get(p.b.staffId) ?? []), `${p.name}B岗`]);
    if (p.a && p.b && !backupOf.has(p.a.staffId)) backupOf.set(p.a.staffId, `${p.b.name}（${p.name}B岗）`);
  }
  const task: PlanTask | null = detail.data?.task ?? null;
  // A reload of the same task (after a save) keeps the form on screen: swapping it for a spinner lost clicks and
  // anything typed meanwhile.
  const ready = taskId === 'new' || (task !== null && task.id === taskId);

  // The progress entry being typed belongs to the task, not to one load of it: reset it only when the task changes.
  useEffect(() => {
    pform.resetFields();
    pform.setFieldsValue({ date: todayIso(), percent: null });
    setFiles([]);
  }, [taskId, pform]);

  useEffect(() => {
    form.resetFields();
    if (taskId === 'new') {
      form.setFieldsValue({ sectionId: plan.sections[0]?.id, deadlineKind: 'yearEnd', status: '未开始', leadIds: [], supportIds: [], pointIds: [], ownerId: null });
    } else if (task) {
      form.setFieldsValue({
        title: task.title, measures: task.measures, sectionId: task.sectionId, leadIds: task.lead.map((d) => d.id),
        supportIds: task.support.map((d) => d.id), ownerId: task.owner?.id ?? null, pointIds: task.points.map((p) => p.id),
        deadlineKind: task.deadline.kind, deadlineDate: task.deadline.date, recurrence: task.deadline.recurrence, days: task.deadline.days,
        deadlineText: task.deadline.text, eventDate: task.eventDate, status: task.status, statusReason: task.statusReason, completedOn: task.completedOn,
      });
    }
  }, [taskId, task, plan.sections, form]);

  const kind = Form.useWatch('deadlineKind', form);
  const status = Form.useWatch('status', form);
  const activeDepts = departments.filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }));
  const staffOptions = staff.filter((s) => s.status === '在岗' || s.id === task?.owner?.id)
    .map((s) => {
      const base = s.departmentName ? `${s.name}（${s.departmentName}）` : s.name;
      const held = postsOf.get(s.id);
      return { value: s.id, label: held ? `${base} · ${held.join('、')}` : base };
    });

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      if (taskId === 'new') await call('tasks.create', toInput(v));
      else await call('tasks.update', { id: taskId as number, task: toInput(v) });
      message.success('任务已保存');
      onChanged();
      if (taskId === 'new') onClose();
      else await detail.reload();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const addProgress = async () => {
    const v = await pform.validateFields();
    try {
      await call('tasks.addProgress', {
        taskId: taskId as number, date: v.date, text: v.text, percent: v.percent ?? null,
        files: await Promise.all(files.map(toUpload)),
        links: v.linkUrl ? [{ title: v.linkTitle ?? '', url: v.linkUrl }] : [],
      });
      message.success('进展已登记');
      pform.resetFields();
      pform.setFieldsValue({ date: todayIso(), percent: null });
      setFiles([]);
      await detail.reload();
      onChanged();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const download = useDownloadAttachment();

  const remove = async () => {
    try {
      await call('tasks.delete', { id: taskId as number });
      message.success('任务已删除');
      onChanged();
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Drawer
      open={taskId !== null}
      onClose={onClose}
      width={760}
      title={taskId === 'new' ? '新增任务' : task ? `任务 ${task.seq}：${task.title}` : '任务'}
      extra={typeof taskId === 'number' && <AuditButton entity="plan_task" entityId={taskId} />}
    >
      {detail.error && <Alert type="error" showIcon title={detail.error} style={{ marginBottom: 12 }} />}
      {task && (
        <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="预警"><LightTag light={task.light} daysLeft={task.workingDaysLeft} /></Descriptions.Item>
          <Descriptions.Item label="到期日">{task.dueDate ? `${task.periodLabel ? `${task.periodLabel} ` : ''}${task.dueDate}` : '—'}</Descriptions.Item>
          {task.owner && backupOf.has(task.owner.id) && (
            <Descriptions.Item label="B岗" span={2}>{task.owner.name}不在岗时由 {backupOf.get(task.owner.id)} 代为办理</Descriptions.Item>
          )}
          {task.unmappedUnits.length > 0 && (
            <Descriptions.Item label="未对应单位" span={2}>
              <Typography.Text type="warning">{task.unmappedUnits.join('、')}（请选择对应的牵头科室）</Typography.Text>
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {/* The form appears once the task is loaded, so nothing typed early is overwritten by the loaded values. */}
      {!ready && <Spin style={{ display: 'block', margin: '40px auto' }} />}
      <Form form={form} layout="vertical" style={ready ? undefined : { display: 'none' }}>
        <Form.Item name="title" label="工作任务" rules={[{ required: true, message: '请填写工作任务' }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="measures" label="具体措施">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Space.Compact block style={{ gap: 12 }}>
          <Form.Item name="sectionId" label="所属章节" style={{ flex: 1 }} rules={[{ required: true, message: '请选择章节' }]}>
            <Select options={plan.sections.map((s) => ({ value: s.id, label: s.title }))} />
          </Form.Item>
          <Form.Item name="ownerId" label="责任人" style={{ flex: 1 }}>
            <Select allowClear showSearch optionFilterProp="label" options={staffOptions} placeholder="选择责任人" />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block style={{ gap: 12 }}>
          <Form.Item name="leadIds" label="牵头科室" style={{ flex: 1 }}>
            <Select mode="multiple" options={activeDepts} placeholder="选择牵头科室" optionFilterProp="label" />
          </Form.Item>
          <Form.Item name="supportIds" label="配合科室" style={{ flex: 1 }}>
            <Select mode="multiple" options={activeDepts} placeholder="选择配合科室" optionFilterProp="label" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="pointIds" label="对应要点">
          <Select
            mode="multiple"
            optionFilterProp="label"
            placeholder={points.data?.length ? '选择本任务落实的上级要点' : '本年度还没有导入上级要点'}
            options={(points.data ?? []).map((p) => ({ value: p.id, label: `${p.label} ${p.title}`.slice(0, 60) }))}
          />
        </Form.Item>
        <Space.Compact block style={{ gap: 12 }}>
          <Form.Item name="deadlineKind" label="完成时限" style={{ flex: 1 }} rules={[{ required: true }]}>
            <Select options={DEADLINE_KINDS.map((k) => ({ value: k, label: DEADLINE_KIND_LABELS[k] }))} />
          </Form.Item>
          {kind === 'date' && (
            <Form.Item name="deadlineDate" label="完成日期" style={{ flex: 1 }} rules={[{ required: true, message: '请选择完成日期' }]}>
              <DateField />
            </Form.Item>
          )}
          {kind === 'recurring' && (
            <Form.Item name="recurrence" label="周期" style={{ flex: 1 }} rules={[{ required: true, message: '请选择周期' }]}>
              <Select options={RECURRENCES.map((r) => ({ value: r, label: RECURRENCE_LABELS[r] }))} />
            </Form.Item>
          )}
          {kind === 'afterEvent' && (
            <>
              <Form.Item name="deadlineText" label="起算事项" style={{ flex: 1 }}><Input placeholder="如：人员变动" /></Form.Item>
              <Form.Item name="days" label="工作日数" style={{ width: 110 }} rules={[{ required: true, message: '请填写' }]}><InputNumber min={1} max={365} /></Form.Item>
              <Form.Item name="eventDate" label="事项发生日期" style={{ flex: 1 }}><DateField /></Form.Item>
            </>
          )}
        </Space.Compact>
        <Space.Compact block style={{ gap: 12 }}>
          <Form.Item name="status" label="状态" style={{ flex: 1 }}>
            <Select options={TASK_STATUSES.map((s) => ({ value: s, label: s }))} />
          </Form.Item>
          {status === '已完成' && (
            <Form.Item name="completedOn" label="实际完成日期" style={{ flex: 1 }} rules={[{ required: true, message: '请填写完成日期' }]}>
              <DateField />
            </Form.Item>
          )}
          {status === '不适用' && (
            <Form.Item name="statusReason" label="不适用原因" style={{ flex: 2 }} rules={[{ required: true, message: '请写明原因' }]}>
              <Input />
            </Form.Item>
          )}
        </Space.Compact>
        <Space>
          <Button type="primary" loading={saving} onClick={save}>保存任务</Button>
          {typeof taskId === 'number' && (
            <Popconfirm title="删除该任务？" description="已有进展记录的任务不能删除，可改为“不适用”。" okText="删除" cancelText="取消" onConfirm={remove}>
              <Button danger>删除任务</Button>
            </Popconfirm>
          )}
        </Space>
      </Form>

      {typeof taskId === 'number' && ready && (
        <>
          <Divider titlePlacement="start">进展情况</Divider>
          <Form form={pform} layout="vertical" aria-label="登记进展">
            <Space.Compact block style={{ gap: 12 }}>
              <Form.Item name="date" label="进展日期" style={{ width: 180 }} rules={[{ required: true, message: '请选择日期' }]}><DateField /></Form.Item>
              <Form.Item name="percent" label="完成比例（%）" style={{ width: 140 }}><InputNumber min={0} max={100} /></Form.Item>
            </Space.Compact>
            <Form.Item name="text" label="进展内容" rules={[{ required: true, message: '请填写进展情况' }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
            <Space.Compact block style={{ gap: 12 }}>
              <Form.Item name="linkTitle" label="链接名称" style={{ flex: 1 }}><Input placeholder="如：门户网站公开专栏" /></Form.Item>
              <Form.Item name="linkUrl" label="佐证链接" style={{ flex: 2 }}><Input placeholder="https://…" /></Form.Item>
            </Space.Compact>
            <Form.Item label="佐证材料">
              <Upload
                multiple
                fileList={files.map((f, i) => ({ uid: String(i), name: f.name, status: 'done' as const }))}
                beforeUpload={(f) => {
                  setFiles((xs) => [...xs, f]);
                  return false;
                }}
                onRemove={(f) => setFiles((xs) => xs.filter((_, i) => String(i) !== f.uid))}
              >
                <Button icon={<UploadOutlined />}>选择文件</Button>
              </Upload>
            </Form.Item>
            <Button type="primary" onClick={addProgress}>登记进展</Button>
          </Form>
          <div style={{ marginTop: 20 }}>
            {detail.data?.progress.length === 0 && <Typography.Text type="secondary">还没有进展记录。</Typography.Text>}
            <Timeline
              items={(detail.data?.progress ?? []).map((p) => ({
                key: p.id,
                children: (
                  <div>
                    <div><b>{p.date}</b>{p.percent !== null && <Typography.Text type="secondary">（{p.percent}%）</Typography.Text>}</div>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{p.text}</div>
                    {p.evidence.map((e) => (
                      <div key={e.id}>
                        <PaperClipOutlined />{' '}
                        {e.attachmentId ? <a onClick={() => download(e.attachmentId!)}>{e.title}</a> : <a href={e.link ?? '#'} target="_blank" rel="noreferrer">{e.title}</a>}
                      </div>
                    ))}
                  </div>
                ),
              }))}
            />
          </div>
        </>
      )}
    </Drawer>
  );
}
