import { Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Department } from '../../../shared/domain/org';
import type { Plan, UnitMapping } from '../../../shared/domain/plan';
import { call } from '../../api/call';
import { useGuardedClose, useUnsavedLeave } from '../../components/unsaved';
import { useAction } from '../../hooks';
import { DIALOG_BODY_STYLE, DIALOG_TOP } from '../../components/FormDialog';
import { MappingTable, mappingChoice } from './MappingTable';

/** 单位对应 after generation: confirm the mapping; it is saved (for next year too) and applied to the tasks. */
export function MappingDialog({
  plan,
  open,
  departments,
  onClose,
  onDone,
}: {
  plan: Plan;
  open: boolean;
  departments: Department[];
  onClose: () => void;
  onDone: () => void;
}) {
  const act = useAction();
  const guardedClose = useGuardedClose();
  const [mappings, setMappings] = useState<UnitMapping[]>([]);
  /** The choices as loaded: closing asks only when they were changed. */
  const [loaded, setLoaded] = useState('[]');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!open || !plan.sourceDocumentIds.length) return;
    // A refusal (a document deleted meanwhile) is shown as the service's message, like any other action's.
    void act(async () => {
      const m = await call('plan.unitMappings', { documentIds: plan.sourceDocumentIds });
      setMappings(m);
      setLoaded(JSON.stringify(m.map(mappingChoice)));
    });
  }, [open, plan.sourceDocumentIds, act]);

  const save = async () => {
    setBusy(true);
    const done = await act(async () => {
      // One call: the choices are saved and applied to the tasks together, or neither.
      const r = await call('plan.applyUnitMappings', { year: plan.year, mappings: mappings.map(mappingChoice) });
      onDone();
      return `单位对应已保存：更新 ${r.resolved} 处${r.remaining ? `，尚有 ${r.remaining} 处未对应` : ''}`;
    });
    setBusy(false);
    return done;
  };
  const dirty = open && JSON.stringify(mappings.map(mappingChoice)) !== loaded;
  const what = '单位对应的选择';
  useUnsavedLeave(dirty, save, what);
  const close = () => void guardedClose({ dirty, what, save, close: onClose });

  return (
    <Modal
      open={open}
      title="单位对应"
      width={820}
      onCancel={close}
      onOk={save}
      okText="保存并应用到任务"
      cancelText="取消"
      okButtonProps={{ loading: busy }}
      style={{ top: DIALOG_TOP }}
      styles={{ body: DIALOG_BODY_STYLE }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        选择上级文件中的单位对应本单位哪个科室（“各处室”等可选“全部科室”），保存后会更新任务的牵头/配合科室，并记住供明年使用。
      </Typography.Paragraph>
      <MappingTable mappings={mappings} departments={departments} onChange={setMappings} />
    </Modal>
  );
}
