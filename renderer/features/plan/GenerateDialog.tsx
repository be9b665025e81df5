import { Alert, App as AntApp, Checkbox, Modal, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Department } from '../../../shared/domain/org';
import type { UnitMapping } from '../../../shared/domain/plan';
import { call } from '../../api/call';
import { navigate, useAction, useLoad } from '../../hooks';
import { DIALOG_BODY_STYLE, DIALOG_TOP } from '../../components/FormDialog';
import { MappingTable, mappingChoice } from './MappingTable';
import { DESTRUCTIVE_CONFIRM } from '../../components/destructive';

/**
 * "从上级要点生成": choose the year's imported documents, confirm how their responsible units map to the bureau's
 * 科室 (remembered for next year), then generate the draft plan.
 */
export function GenerateDialog({
  year,
  open,
  hasTasks,
  departments,
  onClose,
  onDone,
}: {
  year: number;
  open: boolean;
  hasTasks: boolean;
  departments: Department[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { modal } = AntApp.useApp();
  const act = useAction();
  const docs = useLoad(async () => (open ? call('points.documents', { year }) : []), [open, year]);
  const [step, setStep] = useState(0);
  const [chosen, setChosen] = useState<number[]>([]);
  const [mappings, setMappings] = useState<UnitMapping[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) {
      setStep(0);
      setMappings([]);
    }
  }, [open]);
  useEffect(() => {
    setChosen((docs.data ?? []).map((d) => d.id));
  }, [docs.data]);

  const toMapping = async () => {
    setBusy(true);
    await act(async () => {
      setMappings(await call('plan.unitMappings', { documentIds: chosen }));
      setStep(1);
    });
    setBusy(false);
  };

  const generate = async (replace: boolean) => {
    setBusy(true);
    await act(async () => {
      // One call: the mapping is remembered and the plan built together, or neither.
      const r = await call('plan.generate', {
        year,
        documentIds: chosen,
        replace,
        mappings: mappings.map(mappingChoice),
      });
      const unmapped = r.unmappedUnits.length
        ? `；${r.unmappedUnits.length} 个单位未对应到科室，已保留在任务上待确认`
        : '';
      const noLead = r.tasksWithoutLead ? `；${r.tasksWithoutLead} 项任务还没有牵头科室，已在列表中标出` : '';
      onDone();
      return `已生成 ${r.sections} 个章节、${r.tasks} 项任务${unmapped}${noLead}`;
    });
    setBusy(false);
  };

  const onOk = () => {
    if (step === 0) return void toMapping();
    if (hasTasks) {
      modal.confirm({
        title: '替换现有任务？',
        content: '本年度方案已有任务，重新生成会用上级要点生成的新任务替换它们（已登记进展的方案不能替换）。',
        okText: '替换',
        ...DESTRUCTIVE_CONFIRM,
        onOk: () => generate(true),
      });
    } else void generate(false);
  };

  const list = docs.data ?? [];

  return (
    <Modal
      open={open}
      title="从上级要点生成实施方案"
      width={820}
      onCancel={onClose}
      okText={step === 0 ? '下一步：单位对应' : '生成方案'}
      cancelText="取消"
      okButtonProps={{ disabled: !chosen.length, loading: busy }}
      onOk={onOk}
      style={{ top: DIALOG_TOP }}
      styles={{ body: DIALOG_BODY_STYLE }}
      destroyOnHidden
    >
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[{ title: '选择上级文件' }, { title: '确认单位对应' }]}
      />
      {step === 0 && (
        <>
          {list.length === 0 && !docs.loading && (
            <Alert
              type="info"
              showIcon
              title={`${year}年还没有导入上级要点`}
              description={<a onClick={() => navigate('points')}>先到“上级要点”导入工作要点</a>}
            />
          )}
          <Checkbox.Group
            value={chosen}
            onChange={(v) => setChosen(v as number[])}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          >
            {list.map((d) => (
              <Checkbox key={d.id} value={d.id}>
                {d.title}
                {d.docNumber ? `（${d.docNumber}）` : ''}{' '}
                <Typography.Text type="secondary">{d.itemCount} 条要点</Typography.Text>
              </Checkbox>
            ))}
          </Checkbox.Group>
        </>
      )}
      {step === 1 && (
        <>
          <Typography.Paragraph type="secondary">
            上级文件中的责任单位对应到本单位哪个科室？选择后会记住，明年生成方案时直接沿用。与本单位无关的单位可勾选“不涉及”；未对应的单位会保留在任务上，列出待确认，不会丢失。
          </Typography.Paragraph>
          <MappingTable mappings={mappings} departments={departments} onChange={setMappings} />
        </>
      )}
    </Modal>
  );
}
