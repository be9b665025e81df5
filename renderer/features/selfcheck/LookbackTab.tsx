import { App as AntApp, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { LookbackTask } from '../../../shared/domain/selfcheck';
import { call } from '../../api/call';
import { EmptyHint } from '../../components/EmptyHint';
import { FormDialog } from '../../components/FormDialog';
import { ScrollTable } from '../../components/ScrollTable';
import { navigate, useAction, useLoad } from '../../hooks';

const OUTCOME_COLORS: Record<string, string> = {
  按期完成: 'green',
  逾期完成: 'orange',
  未完成: 'red',
  不适用: 'default',
};

/** 回头看: last year's plan task by task, and last year's 整改 items not yet 销号. */
export function LookbackTab({ year }: { year: number }) {
  const { modal } = AntApp.useApp();
  const run = useAction();
  const data = useLoad(() => call('lookback.get', { year }), [year]);
  const [reasonFor, setReasonFor] = useState<LookbackTask | null>(null);
  const act = (fn: () => Promise<unknown>, ok: string) =>
    run(async () => {
      await fn();
      await data.reload();
      return ok;
    });
  const d = data.data;
  if (data.error) return <Typography.Text type="danger">{data.error}</Typography.Text>;
  if (d && !d.hasPlan) {
    return (
      <Card>
        <EmptyHint
          title={`没有${year - 1}年的实施方案`}
          hint="回头看逐项核查上一年度实施方案中的任务。上一年度没有在本工作台建立方案时，可在“整改台账”中手工登记发现的问题。"
        />
      </Card>
    );
  }
  const tasks = d?.tasks ?? [];
  const count = (o: string) => tasks.filter((t) => t.outcome === o).length;
  return (
    <div>
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text>
          {year - 1}年实施方案共 {tasks.length} 项任务：
        </Typography.Text>
        {['按期完成', '逾期完成', '未完成', '不适用'].map((o) => (
          <Tag key={o} color={OUTCOME_COLORS[o]}>
            {o} {count(o)}
          </Tag>
        ))}
      </Space>
      <ScrollTable<LookbackTask>
        size="small"
        rowKey="taskId"
        loading={data.loading}
        dataSource={tasks}
        pagination={false}
        aria-label="回头看"
        maxHeight="calc(100vh - 380px)"
        columns={[
          { title: '序号', dataIndex: 'seq', width: 56, align: 'center' },
          { title: '任务', dataIndex: 'title' },
          { title: '牵头科室', dataIndex: 'lead', width: 110 },
          { title: '时限', dataIndex: 'deadlineLabel', width: 120 },
          {
            title: '完成情况',
            width: 150,
            render: (_, t) => (
              <span>
                <Tag color={OUTCOME_COLORS[t.outcome]}>{t.outcome}</Tag>
                {t.completedOn ?? ''}
              </span>
            ),
          },
          { title: '原因', dataIndex: 'reason', ellipsis: true },
          {
            title: '操作',
            width: 230,
            render: (_, t) =>
              t.outcome === '未完成' || t.outcome === '逾期完成' ? (
                <Space size={0}>
                  <Button size="small" type="link" onClick={() => setReasonFor(t)}>
                    记录原因
                  </Button>
                  {t.outcome === '未完成' &&
                    (t.rectificationId ? (
                      <Tag color="orange">已转整改</Tag>
                    ) : (
                      <Button
                        size="small"
                        type="link"
                        onClick={() =>
                          act(
                            () => call('lookback.toRectification', { taskId: t.taskId, year, deadline: null }),
                            '已转为整改事项',
                          )
                        }
                      >
                        转为整改
                      </Button>
                    ))}
                  {t.outcome === '未完成' &&
                    (t.carriedTaskId ? (
                      <Button size="small" type="link" onClick={() => navigate(`plan/task/${t.carriedTaskId}`)}>
                        已结转
                      </Button>
                    ) : (
                      <Button
                        size="small"
                        type="link"
                        onClick={() =>
                          modal.confirm({
                            title: `把“${t.title}”结转到${year}年实施方案？`,
                            content: '将在本年度方案的“上年度结转任务”章节中新增该任务（年底前完成）。',
                            okText: '结转',
                            cancelText: '取消',
                            onOk: () =>
                              act(
                                () => call('lookback.carryForward', { taskId: t.taskId, year }),
                                '已结转到本年度方案',
                              ),
                          })
                        }
                      >
                        结转本年
                      </Button>
                    ))}
                </Space>
              ) : null,
          },
        ]}
      />
      {d && d.openRectifications.length > 0 && (
        <Card
          size="small"
          title={`${year - 1}年尚未销号的整改事项（${d.openRectifications.length}项）`}
          style={{ marginTop: 12 }}
        >
          {d.openRectifications.map((r) => (
            <div key={r.id}>
              {r.seq}. {r.problem}（{r.state}
              {r.overdue ? '，逾期' : ''}）
            </div>
          ))}
        </Card>
      )}
      {reasonFor && (
        <ReasonDialog
          task={reasonFor}
          onClose={() => setReasonFor(null)}
          onSaved={async () => {
            setReasonFor(null);
            await data.reload();
          }}
        />
      )}
    </div>
  );
}

/** Why a task of last year ended as it did: a form dialog, so a reason typed is never closed away without a question. */
function ReasonDialog({
  task,
  onClose,
  onSaved,
}: {
  task: LookbackTask;
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const save = async () => {
    const { reason } = await form.validateFields();
    await call('lookback.setReason', { taskId: task.taskId, reason: reason ?? '' });
    await onSaved();
    return '已保存原因';
  };
  return (
    <FormDialog title={`记录原因：${task.title}`} form={form} onSave={save} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ reason: task.reason }}>
        <Form.Item name="reason" label="原因" rules={[{ max: 1000, message: '原因不能超过1000个字' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
