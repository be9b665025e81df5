import { Form, Input, InputNumber, Select, Space, type FormInstance } from 'antd';
import type { Department, Staff } from '../../../shared/domain/org';
import {
  DEADLINE_KINDS,
  ongoingText,
  RECURRENCES,
  RECURRENCE_LABELS,
  TASK_STATUSES,
  type DeadlineKind,
  type Plan,
  type PlanTask,
  type Recurrence,
  type TaskStatus,
} from '../../../shared/domain/plan';
import { DateField, todayIso } from '../../components/DateField';
import { PersonIdField } from '../../components/PersonField';
import type { AbHolders } from './ab-holders';

const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  date: '指定日期前',
  yearEnd: '年底前',
  recurring: '定期（每月/季度…）',
  ongoing: '持续推进',
  afterEvent: '事项发生后N个工作日内',
};

export interface TaskFormValues {
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

export function toTaskInput(v: TaskFormValues) {
  return {
    sectionId: v.sectionId,
    title: v.title,
    measures: v.measures ?? '',
    leadIds: v.leadIds ?? [],
    supportIds: v.supportIds ?? [],
    ownerId: v.ownerId ?? null,
    pointIds: v.pointIds ?? [],
    eventDate: v.eventDate ?? null,
    status: v.status,
    statusReason: v.statusReason ?? '',
    completedOn: v.completedOn ?? null,
    deadline: {
      kind: v.deadlineKind,
      date: v.deadlineDate ?? null,
      recurrence: v.recurrence ?? null,
      days: v.days ?? null,
      text: v.deadlineKind === 'ongoing' ? ongoingText(v.deadlineText ?? '') : (v.deadlineText ?? ''),
    },
  };
}

/** The form's values for a task, or the defaults of a new one. */
export function taskFormValues(task: PlanTask | null, plan: Plan): Partial<TaskFormValues> {
  if (!task)
    return {
      sectionId: plan.sections[0]?.id,
      deadlineKind: 'yearEnd',
      status: '未开始',
      leadIds: [],
      supportIds: [],
      pointIds: [],
      ownerId: null,
    };
  return {
    title: task.title,
    measures: task.measures,
    sectionId: task.sectionId,
    leadIds: task.lead.map((d) => d.id),
    supportIds: task.support.map((d) => d.id),
    ownerId: task.owner?.id ?? null,
    pointIds: task.points.map((p) => p.id),
    deadlineKind: task.deadline.kind,
    deadlineDate: task.deadline.date,
    recurrence: task.deadline.recurrence,
    days: task.deadline.days,
    deadlineText: task.deadline.text,
    eventDate: task.eventDate,
    status: task.status,
    statusReason: task.statusReason,
    completedOn: task.completedOn,
  };
}

/** The checks an office worker expects at once, in the form (the service checks the same). */
const notAfterToday = (label: string) => ({
  validator: (_: unknown, v: string | null) =>
    v && v > todayIso() ? Promise.reject(new Error(`${label}不能晚于今天`)) : Promise.resolve(),
});

/** The task's fields: what, who, which points, by when, and its status. */
export function TaskFormFields({
  form,
  plan,
  // The person field keeps a 责任人 who has since left (PersonIdField shows the current value whatever the status).
  task: _task,
  departments,
  staff,
  points,
  holders,
}: {
  form: FormInstance<TaskFormValues>;
  plan: Plan;
  task: PlanTask | null;
  departments: Department[];
  staff: Staff[];
  points: { id: number; label: string; title: string }[] | undefined;
  holders: AbHolders;
}) {
  const kind = Form.useWatch('deadlineKind', form);
  const status = Form.useWatch('status', form);
  const activeDepts = departments.filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }));
  return (
    <>
      <Form.Item
        name="title"
        label="工作任务"
        rules={[
          { required: true, whitespace: true, message: '请填写工作任务' },
          { max: 200, message: '工作任务不能超过200个字' },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="measures" label="具体措施">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <Space.Compact block style={{ gap: 12 }}>
        <Form.Item
          name="sectionId"
          label="所属章节"
          style={{ flex: 1 }}
          rules={[{ required: true, message: '请选择章节' }]}
        >
          <Select options={plan.sections.map((s) => ({ value: s.id, label: s.title }))} />
        </Form.Item>
        <Form.Item name="ownerId" label="责任人" style={{ flex: 1 }}>
          <PersonIdField
            staff={staff}
            placeholder="选择责任人（可输入姓名查找）"
            describe={(s) => (holders.postsOf.get(s.id) ? ` · ${holders.postsOf.get(s.id)!.join('、')}` : '')}
          />
        </Form.Item>
      </Space.Compact>
      <Space.Compact block style={{ gap: 12 }}>
        <Form.Item name="leadIds" label="牵头科室" style={{ flex: 1 }}>
          <Select mode="multiple" options={activeDepts} placeholder="选择牵头科室" />
        </Form.Item>
        <Form.Item name="supportIds" label="配合科室" style={{ flex: 1 }}>
          <Select mode="multiple" options={activeDepts} placeholder="选择配合科室" />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="pointIds" label="对应要点">
        <Select
          mode="multiple"
          placeholder={points?.length ? '选择本任务落实的上级要点' : '本年度还没有导入上级要点'}
          options={(points ?? []).map((p) => ({ value: p.id, label: `${p.label} ${p.title}`.slice(0, 60) }))}
        />
      </Form.Item>
      <Space.Compact block style={{ gap: 12 }}>
        <Form.Item
          name="deadlineKind"
          label="完成时限"
          style={{ flex: 1 }}
          rules={[{ required: true, message: '请选择完成时限' }]}
        >
          <Select options={DEADLINE_KINDS.map((k) => ({ value: k, label: DEADLINE_KIND_LABELS[k] }))} />
        </Form.Item>
        {kind === 'date' && (
          <Form.Item
            name="deadlineDate"
            label="完成日期"
            style={{ flex: 1 }}
            rules={[
              { required: true, message: '请选择完成日期' },
              {
                validator: (_, v: string | null) =>
                  v && Number(v.slice(0, 4)) < plan.year
                    ? Promise.reject(new Error(`完成日期早于方案所属的${plan.year}年度，请检查年份`))
                    : Promise.resolve(),
              },
            ]}
          >
            <DateField />
          </Form.Item>
        )}
        {kind === 'recurring' && (
          <Form.Item
            name="recurrence"
            label="周期"
            style={{ flex: 1 }}
            rules={[{ required: true, message: '请选择周期' }]}
          >
            <Select options={RECURRENCES.map((r) => ({ value: r, label: RECURRENCE_LABELS[r] }))} />
          </Form.Item>
        )}
        {kind === 'afterEvent' && (
          <>
            <Form.Item name="deadlineText" label="起算事项" style={{ flex: 1 }}>
              <Input placeholder="如：人员变动" />
            </Form.Item>
            <Form.Item
              name="days"
              label="工作日数"
              style={{ width: 110 }}
              rules={[
                { required: true, message: '请填写工作日数' },
                { type: 'integer', min: 1, max: 365, message: '工作日数应为1至365的整数' },
              ]}
            >
              <InputNumber />
            </Form.Item>
            <Form.Item name="eventDate" label="事项发生日期" style={{ flex: 1 }}>
              <DateField />
            </Form.Item>
          </>
        )}
      </Space.Compact>
      <Space.Compact block style={{ gap: 12 }}>
        <Form.Item name="status" label="状态" style={{ flex: 1 }}>
          <Select options={TASK_STATUSES.map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        {status === '已完成' && (
          <Form.Item
            name="completedOn"
            label="实际完成日期"
            style={{ flex: 1 }}
            rules={[{ required: true, message: '请填写实际完成日期' }, notAfterToday('实际完成日期')]}
          >
            <DateField />
          </Form.Item>
        )}
        {status === '不适用' && (
          <Form.Item
            name="statusReason"
            label="不适用原因"
            style={{ flex: 2 }}
            rules={[{ required: true, whitespace: true, message: '请写明不适用的原因' }]}
          >
            <Input />
          </Form.Item>
        )}
      </Space.Compact>
    </>
  );
}
