import { Button, Input, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Plan } from '../../../shared/domain/plan';
import { call } from '../../api/call';
import { DeleteButton } from '../../components/DeleteButton';
import { deleteDescription, deleteTitle } from '../../components/destructive';
import { MoveButtons } from '../../components/MoveButtons';
import { DIALOG_BODY_STYLE, DIALOG_TOP } from '../../components/FormDialog';
import { useGuardedClose, useUnsavedLeave } from '../../components/unsaved';
import { useAction } from '../../hooks';

/** 章节: reorder, rename, or delete an empty one. A name typed and not saved is not closed away without a question. */
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
  const guardedClose = useGuardedClose();
  const [names, setNames] = useState<Record<number, string>>({});
  const run = (fn: () => Promise<unknown>, done: string) =>
    act(async () => {
      await fn();
      onChanged();
      return done;
    });
  /** Names typed and not saved (a section deleted meanwhile has none). */
  const renamed = plan.sections.filter((s) => names[s.id] !== undefined && names[s.id] !== s.title);
  const dirty = open && renamed.length > 0;
  const saveNames = () =>
    act(async () => {
      for (const s of renamed) await call('plan.renameSection', { id: s.id, title: names[s.id] });
      setNames({});
      onChanged();
      return renamed.length > 1 ? `${renamed.length} 个章节已更名` : '章节已更名';
    });
  const close = () => {
    setNames({});
    onClose();
  };
  const requestClose = () =>
    void guardedClose({
      dirty,
      what: '章节名称的修改',
      save: async () => {
        if (await saveNames()) close();
      },
      close,
    });
  useUnsavedLeave(dirty, saveNames, '章节名称的修改');
  return (
    <Modal
      open={open}
      title="章节"
      width={680}
      onCancel={requestClose}
      footer={<Button onClick={requestClose}>关闭</Button>}
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
                onClick={() =>
                  run(async () => {
                    await call('plan.renameSection', { id: s.id, title: names[s.id] });
                    setNames(({ [s.id]: _, ...rest }) => rest);
                  }, '章节已更名')
                }
              >
                保存
              </Button>
              <DeleteButton
                title={deleteTitle('章节', s.title)}
                description={deleteDescription()}
                done="章节已删除"
                disabled={s.taskCount > 0}
                onDelete={() => call('plan.deleteSection', { id: s.id })}
                onDone={onChanged}
              >
                <Button
                  danger
                  disabled={s.taskCount > 0}
                  title={
                    s.taskCount
                      ? `章节下有 ${s.taskCount} 项任务，不能删除：先在这些任务中改选其他章节，或删除它们。`
                      : undefined
                  }
                >
                  删除
                </Button>
              </DeleteButton>
              <Typography.Text type="secondary">{s.taskCount} 项任务</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Modal>
  );
}
