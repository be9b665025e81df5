import { Alert, Button, Descriptions, Divider, Form, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Department, Staff } from '../../../shared/domain/org';
import type { Plan, PlanTask } from '../../../shared/domain/plan';
import { call, toUpload } from '../../api/call';
import { AuditButton } from '../../components/AuditDrawer';
import { DeleteButton } from '../../components/DeleteButton';
import { deleteDescription, deleteTitle } from '../../components/destructive';
import { todayIso } from '../../components/DateField';
import { FormDrawer } from '../../components/FormDrawer';
import { isEnterToSave } from '../../components/keyboard';
import { useGuardedClose, useUnsavedLeave } from '../../components/unsaved';
import { useAction, useLoad } from '../../hooks';
import { useAbHolders } from './ab-holders';
import { LightTag } from './common';
import { ProgressPanel, type ProgressFormValues } from './ProgressPanel';
import { TaskFormFields, taskFormValues, toTaskInput, type TaskFormValues } from './TaskForm';
import { formatChineseDate } from '../../../shared/domain/date-text';

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

/** One task: its fields (TaskForm), its progress entries (ProgressPanel), and closing without losing typed work. */
export function TaskDrawer({ year, plan, taskId, departments, staff, onClose, onChanged }: TaskDrawerProps) {
  const act = useAction();
  const guardedClose = useGuardedClose();
  const [form] = Form.useForm<TaskFormValues>();
  const [pform] = Form.useForm<ProgressFormValues>();
  const [files, setFiles] = useState<File[]>([]);
  const [saving, setSaving] = useState(false);
  const detail = useLoad(async () => (typeof taskId === 'number' ? call('tasks.get', { id: taskId }) : null), [taskId]);
  // The lists only the open drawer uses are read the first time it opens, not with the plan screen: there they were
  // two more requests and a render of the closed drawer while the screen was opening.
  const [opened, setOpened] = useState(taskId !== null);
  if (taskId !== null && !opened) setOpened(true);
  const points = useLoad(async () => (opened ? call('plan.pointOptions', { year }) : undefined), [year, opened]);
  const holders = useAbHolders(opened);
  const task: PlanTask | null = detail.data?.task ?? null;
  // A reload of the same task (after a save) keeps the form on screen: swapping it for a spinner lost clicks and
  // anything typed meanwhile.
  const ready = taskId === 'new' || (task !== null && task.id === taskId);
  // Set when the drawer closes itself (after a save, a delete or the user's answer): closing changes the route, and
  // the leave guard below must not ask again then.
  const closing = useRef(false);
  useEffect(() => {
    closing.current = false;
  }, [taskId]);
  const closeDrawer = () => {
    closing.current = true;
    onClose();
  };

  // The progress entry being typed belongs to the task, not to one load of it: reset it only when the task changes.
  useEffect(() => {
    pform.resetFields();
    pform.setFieldsValue({ date: todayIso(), percent: null });
    setFiles([]);
  }, [taskId, pform]);

  // What the form held when it was filled: closing asks only when the values differ from it (typing and undoing is
  // no change).
  const loaded = useRef('');
  const snapshot = () => JSON.stringify(form.getFieldsValue(true));
  // Filled when the task (or 'new') changes, not when the screen reloads the plan after a save: that reload used to
  // put back the saved values over what was typed meanwhile.
  const planRef = useRef(plan);
  planRef.current = plan;
  // The same task read again (after 登记进展) keeps the fields typed into since it was filled: the rest take the new
  // values, and those stay a change to save. Refilling them all lost the typing without a question.
  const filledFor = useRef<typeof taskId>(null);
  useEffect(() => {
    const typed: Record<string, unknown> = form.getFieldsValue(true);
    const start = loaded.current ? (JSON.parse(loaded.current) as Record<string, unknown>) : {};
    const changed =
      filledFor.current === taskId
        ? Object.keys(typed).filter((k) => JSON.stringify(typed[k]) !== JSON.stringify(start[k]))
        : [];
    form.resetFields();
    if (taskId === 'new') form.setFieldsValue(taskFormValues(null, planRef.current));
    else if (task) form.setFieldsValue(taskFormValues(task, planRef.current));
    loaded.current = snapshot();
    filledFor.current = taskId;
    if (changed.length) form.setFieldsValue(Object.fromEntries(changed.map((k) => [k, typed[k]])));
  }, [taskId, task, form]);

  const saveTask = async () => {
    setSaving(true);
    const ok = await act(async () => {
      const v = await form.validateFields();
      if (taskId === 'new') await call('tasks.create', toTaskInput(v));
      else await call('tasks.update', { id: taskId as number, task: toTaskInput(v) });
      onChanged();
      if (taskId === 'new') closeDrawer();
      else await detail.reload();
      return '任务已保存';
    });
    setSaving(false);
    return ok;
  };

  const addProgress = () =>
    act(async () => {
      const v = await pform.validateFields();
      await call('tasks.addProgress', {
        taskId: taskId as number,
        date: v.date,
        text: v.text,
        percent: v.percent ?? null,
        files: await Promise.all(files.map(toUpload)),
        links: v.linkUrl?.trim() ? [{ title: v.linkTitle ?? '', url: v.linkUrl.trim() }] : [],
      });
      pform.resetFields();
      pform.setFieldsValue({ date: todayIso(), percent: null });
      setFiles([]);
      await detail.reload();
      onChanged();
      return '进展已登记';
    });

  // Run by DeleteButton's action (which shows a refusal); closing the drawer says it went.
  const remove = async (withProgress: boolean) => {
    await call('tasks.delete', { id: taskId as number, withProgress });
    onChanged();
    closeDrawer();
  };

  const taskDirty = () => ready && snapshot() !== loaded.current;
  const progressDirty = () => {
    const v = pform.getFieldsValue(true);
    return typeof taskId === 'number' && (files.length > 0 || !!v.text?.trim() || !!v.linkUrl?.trim());
  };
  const what = () =>
    taskDirty() && progressDirty() ? '任务的修改和正在登记的进展' : taskDirty() ? '任务的修改' : '正在登记的进展';
  /** Saves what was typed (the task, then the progress entry); whether all of it was saved. */
  const saveTyped = async () => {
    if (taskDirty() && !(await saveTask())) return false;
    if (progressDirty() && !(await addProgress())) return false;
    return true;
  };
  // X, Esc or a click outside: ask 保存 / 不保存 / 取消 when anything typed would be lost.
  const close = () =>
    guardedClose({
      dirty: taskDirty() || progressDirty(),
      what: what(),
      save: async () => {
        if (await saveTyped()) closeDrawer();
      },
      close: closeDrawer,
    });
  // Leaving the screen another way (the menu, back/forward, the year, closing the window) asks the same question;
  // not when the drawer closes itself after its own question was answered (closing changes the route).
  useUnsavedLeave(() => taskId !== null && !closing.current && (taskDirty() || progressDirty()), saveTyped, what);

  const progress = detail.data?.progress ?? [];
  const evidenceCount = progress.reduce((n, p) => n + p.evidence.length, 0);

  return (
    // Typing can start at once: the first field has focus when the drawer opens and when the task's form appears.
    <FormDrawer
      open={taskId !== null}
      ready={ready}
      onClose={() => void close()}
      width={760}
      title={taskId === 'new' ? '新增任务' : task ? `任务 ${task.seq}：${task.title}` : '任务'}
      extra={typeof taskId === 'number' && <AuditButton entity="plan_task" entityId={taskId} />}
    >
      {detail.error && <Alert type="error" showIcon title={detail.error} style={{ marginBottom: 12 }} />}
      {task && (
        <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="预警">
            <LightTag light={task.light} daysLeft={task.workingDaysLeft} calendarWarning={task.calendarWarning} />
          </Descriptions.Item>
          <Descriptions.Item label="到期日">
            {task.dueDate ? `${task.periodLabel ? `${task.periodLabel} ` : ''}${formatChineseDate(task.dueDate)}` : '—'}
          </Descriptions.Item>
          {task.owner && holders.backupOf.has(task.owner.id) && (
            <Descriptions.Item label="B岗" span={2}>
              {task.owner.name}不在岗时由 {holders.backupOf.get(task.owner.id)} 代为办理
            </Descriptions.Item>
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
      <Form
        form={form}
        layout="vertical"
        style={ready ? undefined : { display: 'none' }}
        onKeyDown={(e) => {
          if (isEnterToSave(e)) {
            e.preventDefault();
            void saveTask();
          }
        }}
      >
        <TaskFormFields
          form={form}
          plan={plan}
          task={task}
          departments={departments}
          staff={staff}
          points={points.data}
          holders={holders}
        />
        <Space>
          <Button type="primary" loading={saving} onClick={() => void saveTask()}>
            保存任务
          </Button>
          {typeof taskId === 'number' && (
            <DeleteButton
              title={deleteTitle('任务', task?.title ?? '')}
              description={deleteDescription(
                [
                  [progress.length, '条进展记录'],
                  [evidenceCount, '项佐证材料'],
                ],
                progress.length ? '只是不再执行的任务，建议把状态改为“不适用”并写明原因：它仍留在工作台账中。' : '',
              )}
              okText={progress.length ? '连同进展一并删除' : '删除'}
              done="任务已删除"
              onDelete={() => remove(progress.length > 0)}
            >
              <Button danger>删除任务</Button>
            </DeleteButton>
          )}
        </Space>
      </Form>

      {typeof taskId === 'number' && ready && (
        <>
          <Divider titlePlacement="start">进展情况</Divider>
          <ProgressPanel
            form={pform}
            entries={progress}
            files={files}
            onFilesChange={setFiles}
            onAdd={addProgress}
            onChanged={async () => {
              await detail.reload();
              onChanged();
            }}
          />
        </>
      )}
    </FormDrawer>
  );
}
