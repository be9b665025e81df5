// 编辑细则: one indicator's name, 分值 or 权重, 评分标准 and rule in a dialog; adding a node; removing one (asking first,
// naming the scores and evidence that go with it); the grade bands. The service re-scores on the next read, so the
// screen reloads and shows the new totals; what the edit leaves to look at comes back as a warning.
import {
  Alert,
  App as AntApp,
  Button,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useEffect, type ReactNode } from 'react';
import {
  capsItself,
  ruleLabel,
  RULE_LABELS,
  RULE_KINDS,
  type GradeBand,
  type Rule,
  type RuleKind,
  type SelfcheckRow,
  type SelfcheckView,
} from '../../../shared/domain/selfcheck';
import { call } from '../../api/call';
import { PointsInput } from '../../components/PointsInput';
import { FormDialog } from '../../components/FormDialog';
import { useAction } from '../../hooks';
import { CANNOT_UNDO, DESTRUCTIVE_CONFIRM } from '../../components/destructive';
import {
  deductionsRule,
  deductionValues,
  FindingsFields,
  perItemRule,
  PerItemFields,
  type DeductionValues,
} from './DeductionsFields';

interface NodeValues extends DeductionValues {
  name: string;
  measure: 'points' | 'weight';
  amount: number | null;
  criteria: string;
  kind: RuleKind;
  absentDeduct: number | null;
  perItem: number | null;
  threshold: number | null;
  capped: boolean;
  ceiling: boolean;
  /** 按等次评分: the levels, best first. */
  levels: LevelValues[];
}

interface LevelValues {
  label: string;
  points: number | null;
  criteria: string;
}

/** Levels to start a grade rule from: 优/良/一般/差 at the indicator's points, 80 %, 60 % and 0. */
function startingLevels(points: number | null): LevelValues[] {
  const p = points ?? 10;
  const half = (x: number) => Math.round(x * 2) / 2;
  return [
    { label: '优', points: p, criteria: '' },
    { label: '良', points: half(p * 0.8), criteria: '' },
    { label: '一般', points: half(p * 0.6), criteria: '' },
    { label: '差', points: 0, criteria: '' },
  ];
}

/** The best level's points: a grade rule's 分值. */
const bestOf = (levels: LevelValues[] | undefined) =>
  Math.max(0, ...(levels ?? []).map((l) => l?.points ?? 0).filter((x) => typeof x === 'number'));

const numberRule = (label: string) => ({ type: 'number' as const, min: 0, message: `${label}应为不小于0的数字` });

function valuesOf(row: SelfcheckRow | null): NodeValues {
  const r = row?.rule ?? { kind: 'manual' as const };
  return {
    name: row?.name ?? '',
    measure: row && row.weight !== null ? 'weight' : 'points',
    amount: row ? (row.weight ?? (row.rule.kind === 'major' || !row.isLeaf ? row.ownPoints : row.points)) : null,
    criteria: row?.criteria ?? '',
    kind: r.kind,
    ...deductionValues(row?.rule ?? null),
    absentDeduct: r.kind === 'fixed' ? r.absentDeduct : null,
    perItem: r.kind === 'bonus' ? r.perItem : null,
    threshold: r.kind === 'bonus' ? r.threshold : null,
    capped: row?.capped ?? true,
    ceiling: row?.ceilingRatio != null,
    levels:
      r.kind === 'grade'
        ? r.levels.map((l) => ({ label: l.label, points: l.points, criteria: l.criteria ?? '' }))
        : startingLevels(row?.points ?? null),
  };
}

function toInput(v: NodeValues, row: SelfcheckRow | null) {
  const rule: Rule =
    v.kind === 'perItem'
      ? perItemRule(v)
      : v.kind === 'major'
        ? {
            kind: v.kind,
            deduct: v.deduct ?? 0,
            unit: v.unit || '次',
            ...(v.cap !== null && v.cap !== undefined ? { cap: v.cap } : {}),
          }
        : v.kind === 'deductions'
          ? deductionsRule(v)
          : v.kind === 'fixed'
            ? { kind: v.kind, absentDeduct: v.absentDeduct ?? null }
            : v.kind === 'bonus'
              ? {
                  kind: v.kind,
                  perItem: v.perItem ?? null,
                  threshold: v.threshold ?? null,
                  inclusive: true,
                  unit: v.unit || '次',
                }
              : v.kind === 'grade'
                ? {
                    kind: v.kind,
                    levels: v.levels.map((l) => ({
                      label: l.label,
                      points: l.points ?? 0,
                      ...(l.criteria?.trim() ? { criteria: l.criteria.trim() } : {}),
                    })),
                  }
                : { kind: v.kind === 'manual' || v.kind === 'veto' ? v.kind : 'manual' };
  // A grade rule's 分值 is its best level's (the service keeps it so too).
  if (v.kind === 'grade') return { ...common(v, row), rule, points: bestOf(v.levels), weight: null };
  return {
    ...common(v, row),
    rule,
    points: v.measure === 'points' ? (v.amount ?? null) : null,
    weight: v.measure === 'weight' ? (v.amount ?? null) : null,
  };
}

function common(v: NodeValues, row: SelfcheckRow | null) {
  return {
    name: v.name,
    criteria: v.criteria ?? '',
    capped: v.capped,
    ceilingRatio: v.ceiling ? (row?.ceilingRatio ?? 0.6) : null,
  };
}

/**
 * Whether the points as typed push a group over its own 分值: siblings plus this node, summed up through groups that
 * have no 分值 of their own (they are the sum of their children), to the first one that has.
 */
function siblingCheck(
  view: SelfcheckView,
  parentId: number | null,
  selfId: number | null,
  points: number | null,
): string | null {
  if (parentId === null || points === null) return null;
  const byId = new Map(view.rows.map((r) => [r.id, r]));
  const counts = (r: SelfcheckRow) => r.rule.kind !== 'bonus' && r.rule.kind !== 'major';
  // A node's points with this node as typed: own 分值, or (groups without one) the sum of its children.
  const pointsOf = (r: SelfcheckRow): number => {
    if (r.id === selfId) return points;
    if (r.ownPoints !== null || r.isLeaf) return r.points;
    return (
      view.rows.filter((c) => c.parentId === r.id && counts(c)).reduce((a, c) => a + pointsOf(c), 0) +
      (selfId === null && r.id === parentId ? points : 0)
    );
  };
  let parent = byId.get(parentId);
  while (parent && parent.ownPoints === null && parent.weight === null && parent.parentId !== null)
    parent = byId.get(parent.parentId);
  if (!parent || (parent.ownPoints === null && parent.weight === null)) return null;
  const kids = view.rows.filter((c) => c.parentId === parent!.id && counts(c));
  const sum =
    Math.round(
      (kids.reduce((a, c) => a + pointsOf(c), 0) + (selfId === null && parentId === parent.id ? points : 0)) * 100,
    ) / 100;
  return sum > parent.points + 1e-9
    ? `“${parent.name}”的下级分值合计将为 ${sum} 分，超过其分值 ${parent.points} 分（可以保存，请核对）。`
    : null;
}

export type NodeTarget = { mode: 'edit'; row: SelfcheckRow } | { mode: 'add'; parent: SelfcheckRow | null };

/** The form for one indicator (editing it, or adding one under `parent`). */
export function IndicatorDialog({
  target,
  view,
  year,
  onClose,
  onDone,
}: {
  target: NodeTarget;
  view: SelfcheckView;
  year: number;
  onClose: () => void;
  onDone: (warnings: string[]) => Promise<void>;
}) {
  const [form] = Form.useForm<NodeValues>();
  const row = target.mode === 'edit' ? target.row : null;
  const isGroup = !!row && !row.isLeaf;
  useEffect(() => form.setFieldsValue(valuesOf(row)), [form, row]);
  const kind = Form.useWatch('kind', form);
  const measure = Form.useWatch('measure', form);
  const amount = Form.useWatch('amount', form);
  const parentId = target.mode === 'edit' ? target.row.parentId : (target.parent?.id ?? null);
  const levels = Form.useWatch('levels', form) as LevelValues[] | undefined;
  const grade = kind === 'grade';
  const all = Form.useWatch([], form) as NodeValues | undefined;
  // A counted rule in words as typed, as the 自查评分表 will print it.
  const words =
    all && (kind === 'perItem' || kind === 'deductions') ? ruleLabel(toInput({ ...all, kind }, row).rule) : null;
  const cap = Form.useWatch('cap', form) as number | null | undefined;
  // What the kind and its fields amount to, for the choices that depend on it.
  const shape: Rule =
    kind === 'deductions'
      ? { kind, items: [] }
      : kind === 'perItem'
        ? perItemRule({ deduct: 1, unit: '次', cap: cap ?? null })
        : { kind: 'manual' };
  const warn = grade
    ? siblingCheck(view, parentId, row?.id ?? null, bestOf(levels))
    : measure === 'points' && kind !== 'bonus' && kind !== 'major'
      ? siblingCheck(view, parentId, row?.id ?? null, amount ?? null)
      : null;
  const save = async () => {
    const v = await form.validateFields();
    const input = toInput(v, row);
    const r =
      target.mode === 'edit'
        ? await call('selfcheck.updateIndicator', { id: target.row.id, ...input })
        : await call('selfcheck.addIndicator', { year, parentId, ...input });
    await onDone(r.warnings);
    return target.mode === 'edit' ? `已修改指标“${v.name}”，得分已重新计算` : `已添加指标“${v.name}”`;
  };
  const title =
    target.mode === 'edit'
      ? `编辑指标：${target.row.number} ${target.row.name}`
      : target.parent
        ? `在“${target.parent.name}”下添加指标`
        : '添加一级指标';
  const kinds = isGroup ? (['manual', 'bonus'] as RuleKind[]) : [...RULE_KINDS];
  return (
    <FormDialog width={kind === 'deductions' ? 820 : 680} title={title} form={form} onSave={save} onClose={onClose}>
      <Form form={form} layout="vertical">
        <Form.Item
          name="name"
          label="指标名称"
          rules={[{ required: true, whitespace: true, message: '请填写指标名称' }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="measure" label="计分依据">
              <Select
                disabled={grade}
                options={[
                  { value: 'points', label: '分值（分）' },
                  { value: 'weight', label: '权重（占上级 %）' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            {grade ? (
              <Form.Item label="分值" extra="按等次评分时为最高等次的分值">
                <InputNumber style={{ width: '100%' }} disabled value={bestOf(levels)} aria-label="分值" />
              </Form.Item>
            ) : (
              <Form.Item
                name="amount"
                label={measure === 'weight' ? '权重（%）' : '分值'}
                rules={[
                  numberRule(measure === 'weight' ? '权重' : '分值'),
                  ...(measure === 'weight' ? [{ type: 'number' as const, max: 100, message: '权重不能超过100%' }] : []),
                ]}
                extra={isGroup ? '不填则为下级分值之和' : undefined}
              >
                <PointsInput style={{ width: '100%' }} />
              </Form.Item>
            )}
          </Col>
          <Col span={8}>
            <Form.Item name="kind" label="计分方式">
              <Select
                showSearch
                optionFilterProp="label"
                options={kinds.map((k) => ({
                  value: k,
                  label: isGroup && k === 'manual' ? '下级汇总' : RULE_LABELS[k],
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        {warn && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={warn} />}
        {(kind === 'perItem' || kind === 'major') && <PerItemFields outside={kind === 'major'} />}
        {kind === 'deductions' && <FindingsFields />}
        {words && (
          <Typography.Paragraph type="secondary" aria-label="计分方式的文字">
            导出的自查评分表写作：{words}
          </Typography.Paragraph>
        )}
        {kind === 'fixed' && (
          <Form.Item name="absentDeduct" label="未达到时扣分（不填：不得分）" rules={[numberRule('扣分')]}>
            <PointsInput style={{ width: 200 }} />
          </Form.Item>
        )}
        {kind === 'bonus' && (
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="perItem" label="每次加分（可不填）" rules={[numberRule('每次加分')]}>
                <PointsInput style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="threshold" label="基础得分达到（分）方可计入" rules={[numberRule('加分门槛')]}>
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="unit" label="计数单位">
                <Input maxLength={4} />
              </Form.Item>
            </Col>
          </Row>
        )}
        {grade && <LevelsEditor />}
        <Form.Item name="criteria" label="评分标准">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
        {kind !== 'major' && kind !== 'bonus' && (
          <Space size={24}>
            {/* A rule that caps its own deductions (最多扣, 分项扣分) never goes below 0: nothing to choose. */}
            {!grade && !capsItself(shape) && (
              <Form.Item name="capped" valuePropName="checked">
                <Checkbox>扣完为止（本项不低于0分）</Checkbox>
              </Form.Item>
            )}
            <Form.Item name="ceiling" valuePropName="checked">
              <Checkbox>前提不满足时本栏目不高于及格分</Checkbox>
            </Form.Item>
          </Space>
        )}
      </Form>
    </FormDialog>
  );
}

/**
 * The levels of a 按等次评分 indicator, best first: each a name as the 细则 writes it (优, 良好, 一般 …), its points and
 * optionally its words. Names and points are each given once (a score must name one level); at least two levels.
 */
function LevelsEditor() {
  return (
    <Form.List
      name="levels"
      rules={[
        {
          validator: async (_, levels: LevelValues[] | undefined) => {
            if (!levels || levels.length < 2) throw new Error('按等次评分至少要有两个等次');
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div aria-label="评分等次" role="group" style={{ marginBottom: 12 }}>
          <Typography.Text strong>评分等次</Typography.Text>
          <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
            从高到低填写；自评时选择一个等次，得分为该等次的分值
          </Typography.Text>
          {fields.map((f, i) => (
            <Space key={f.key} align="baseline" style={{ display: 'flex', marginTop: 8 }}>
              <Form.Item
                name={[f.name, 'label']}
                style={{ marginBottom: 0 }}
                rules={[
                  { required: true, whitespace: true, message: '请填写等次名称' },
                  ({ getFieldValue }) => ({
                    validator: async (_, v: string | undefined) => {
                      const all = (getFieldValue('levels') as LevelValues[]).map((l) => l?.label?.trim());
                      if (v?.trim() && all.filter((x) => x === v.trim()).length > 1)
                        throw new Error(`等次“${v.trim()}”写了两次`);
                    },
                  }),
                ]}
              >
                <Input style={{ width: 90 }} maxLength={10} placeholder="优" aria-label={`等次${i + 1}名称`} />
              </Form.Item>
              <Form.Item
                name={[f.name, 'points']}
                style={{ marginBottom: 0 }}
                dependencies={i > 0 ? [['levels', fields[i - 1].name, 'points']] : []}
                rules={[
                  { required: true, message: '请填写分值' },
                  numberRule('分值'),
                  // Best first: each level below the one above it (which also gives each level its own points).
                  ({ getFieldValue }) => ({
                    validator: async (_, v: number | null | undefined) => {
                      const above = i > 0 ? (getFieldValue('levels') as LevelValues[])[i - 1]?.points : null;
                      if (typeof v === 'number' && typeof above === 'number' && v >= above)
                        throw new Error(`等次从高到低填写：应低于上一等次的${above}分`);
                    },
                  }),
                ]}
              >
                <PointsInput style={{ width: 110 }} addonAfter="分" aria-label={`等次${i + 1}分值`} />
              </Form.Item>
              <Form.Item name={[f.name, 'criteria']} style={{ marginBottom: 0 }}>
                <Input
                  style={{ width: 260 }}
                  maxLength={1000}
                  placeholder="该等次的标准（可不填）"
                  aria-label={`等次${i + 1}评分标准`}
                />
              </Form.Item>
              <Button
                type="link"
                disabled={fields.length <= 2}
                onClick={() => remove(f.name)}
                aria-label={`删除等次${i + 1}`}
              >
                删除
              </Button>
            </Space>
          ))}
          <Form.ErrorList errors={errors} />
          {fields.length < 10 && (
            <Button
              type="dashed"
              size="small"
              style={{ marginTop: 8 }}
              onClick={() => add({ label: '', points: null, criteria: '' })}
            >
              添加等次
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}

/** The grade bands, highest first; the lowest is 0 so every score has a grade. */
export function GradesDialog({
  year,
  grades,
  total,
  onClose,
  onDone,
}: {
  year: number;
  grades: GradeBand[];
  total: number;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const [form] = Form.useForm<{ grades: GradeBand[] }>();
  useEffect(() => form.setFieldsValue({ grades: grades.map((g) => ({ ...g })) }), [form, grades]);
  const save = async () => {
    const v = await form.validateFields();
    await call('selfcheck.saveGrades', { year, grades: v.grades });
    await onDone();
    return '已保存等次设置，等次已重新评定';
  };
  return (
    <FormDialog width={520} title="等次设置" form={form} onSave={save} onClose={onClose}>
      <Typography.Paragraph type="secondary">
        从高到低填写每个等次的最低得分；最低等次为 0 分。满分 {total} 分。
      </Typography.Paragraph>
      <Form form={form} layout="horizontal">
        <Form.List name="grades">
          {(fields) =>
            fields.map((f, i) => (
              <Space key={f.key} align="baseline">
                <Form.Item
                  name={[f.name, 'name']}
                  rules={[{ required: true, whitespace: true, message: '请填写等次名称' }]}
                >
                  <Input style={{ width: 120 }} aria-label={`等次${i + 1}名称`} maxLength={10} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'min']}
                  label="不低于"
                  dependencies={i > 0 ? [['grades', i - 1, 'min']] : []}
                  rules={[
                    { required: true, message: '请填写下限' },
                    numberRule('下限'),
                    { type: 'number', max: total, message: `下限不能高于满分 ${total} 分` },
                    ({ getFieldValue }) => ({
                      validator: (_, v: number | null) => {
                        const above = i > 0 ? (getFieldValue(['grades', i - 1, 'min']) as number | null) : null;
                        if (v !== null && v !== undefined && above !== null && v >= above)
                          return Promise.reject(new Error(`应低于上一等次的 ${above} 分`));
                        if (i === fields.length - 1 && v !== 0)
                          return Promise.reject(new Error('最低等次的下限应为 0 分'));
                        return Promise.resolve();
                      },
                    }),
                  ]}
                >
                  <InputNumber aria-label={`等次${i + 1}下限`} style={{ width: 100 }} addonAfter="分" />
                </Form.Item>
              </Space>
            ))
          }
        </Form.List>
      </Form>
    </FormDialog>
  );
}

/** Removing a node: asks first, naming what goes with it (scores, evidence) and the 整改 items that stay. */
export function useRemoveIndicator(
  onDone: (warnings: string[]) => Promise<void>,
): (row: SelfcheckRow) => Promise<void> {
  const { modal } = AntApp.useApp();
  const act = useAction();
  return async (row) => {
    await act(async () => {
      const u = await call('selfcheck.indicatorUsage', { id: row.id });
      const lines: ReactNode[] = [];
      if (u.nodes > 1) lines.push(`其下 ${u.nodes - 1} 项指标一并删除。`);
      if (u.scored || u.evidence) lines.push(`已有自评 ${u.scored} 项、佐证材料 ${u.evidence} 项，将一并删除。`);
      if (u.rectifications) lines.push(`由它转出的整改事项 ${u.rectifications} 项保留在整改台账中。`);
      if (!u.scored && !u.evidence) lines.push('该指标尚未评分。');
      lines.push(CANNOT_UNDO);
      modal.confirm({
        title: `删除指标“${u.path}”？`,
        content: lines.map((l, i) => <div key={i}>{l}</div>),
        okText: '删除',
        ...DESTRUCTIVE_CONFIRM,
        onOk: () =>
          act(async () => {
            const r = await call('selfcheck.removeIndicator', { id: row.id, confirmed: true });
            await onDone(r.warnings);
            return `已删除指标“${row.name}”，得分已重新计算`;
          }),
      });
    });
  };
}
