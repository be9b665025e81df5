import { Button, Input, List, Modal, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Plan } from '../../../shared/domain/plan';
import { call } from '../../api/call';
import { MoveButtons } from '../../components/MoveButtons';
import { DIALOG_BODY_STYLE, DIALOG_TOP } from '../../components/FormDialog';
import { useAction } from '../../hooks';

/** 章节: reorder, rename, or delete an empty one. */
export function SectionsDialog({
  plan,
  open,
  onClose,
  onChanged,
}: {
  plan: Plan;
  open: boolean;
  onClose: () => void;
  onChanged: () => void;
}) {
  const act = useAction();
  const [names, setNames] = useState<Record<number, string>>({});
  const run = (fn: () => Promise<unknown>, done: string) =>
    act(async () => {
      await fn();
      onChanged();
      return done;
    });
  return (
    <Modal
      open={open}
      title="章节"
      width={680}
      onCancel={onClose}
      footer={<Button onClick={onClose}>关闭</Button>}
      style={{ top: DIALOG_TOP }}
      styles={{ body: DIALOG_BODY_STYLE }}
      destroyOnHidden
    >
      <List
        rowKey="id"
        dataSource={plan.sections}
        renderItem={(s, i) => (
          <List.Item>
            <Space style={{ width: '100%' }}>
              <MoveButtons
                ids={plan.sections.map((x) => x.id)}
                index={i}
                onMove={(ids) => run(() => call('plan.reorderSections', { planId: plan.id, ids }), '章节顺序已调整')}
              />
              <Typography.Text type="secondary">{i + 1}.</Typography.Text>
              <Input
                aria-label={`第${i + 1}章节名称`}
                style={{ width: 300 }}
                defaultValue={s.title}
                onChange={(e) => setNames({ ...names, [s.id]: e.target.value })}
              />
              <Button
                disabled={!names[s.id] || names[s.id] === s.title}
                onClick={() => run(() => call('plan.renameSection', { id: s.id, title: names[s.id] }), '章节已更名')}
              >
                保存
              </Button>
              <Popconfirm
                title="删除该章节？"
                description={s.taskCount ? `章节下有 ${s.taskCount} 项任务，不能删除。` : '章节下没有任务。'}
                okText="删除"
                cancelText="取消"
                onConfirm={() => run(() => call('plan.deleteSection', { id: s.id }), '章节已删除')}
              >
                <Button danger disabled={s.taskCount > 0}>
                  删除
                </Button>
              </Popconfirm>
              <Typography.Text type="secondary">{s.taskCount} 项任务</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Modal>
  );
}
