// The fields of a counted rule's deductions, in the 编辑细则 dialog and in the import preview's dialog: a 按次扣分's
// 每次扣分, 计数单位 and 最多扣; a 分项扣分's findings (each deducted once or per occurrence, with its own 最多扣) and the
// cap on them all. One set of fields, so a rule reads the same wherever it is corrected.
import { Button, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { ruleLabel, type DeductionItem, type Rule } from '../../../shared/domain/selfcheck';
import { FormDialog } from '../../components/FormDialog';
import { PointsInput } from '../../components/PointsInput';

/** One finding as the fields hold it: the unit and caps may be empty while typed. */
export interface FindingValues {
  finding: string;
  /** 'once': 发生即扣; 'each': 每…扣. */
  how: 'once' | 'each';
  unit: string;
  deduct: number | null;
  cap: number | null;
}

export interface DeductionValues {
  /** 按次扣分 */
  deduct: number | null;
  unit: string;
  cap: number | null;
  /** 分项扣分 */
  items: FindingValues[];
  totalCap: number | null;
}

const numberRule = (label: string) => ({ type: 'number' as const, min: 0, message: `${label}应为不小于0的数字` });

/** The fields' values for a rule (defaults where the rule has none). */
export function deductionValues(rule: Rule | null): DeductionValues {
  const items: FindingValues[] =
    rule?.kind === 'deductions'
      ? rule.items.map((x) => ({
          finding: x.finding,
          how: x.unit === undefined ? 'once' : 'each',
          unit: x.unit ?? '次',
          deduct: x.deduct,
          cap: x.cap ?? null,
        }))
      : [
          { finding: '', how: 'once', unit: '次', deduct: 1, cap: null },
          { finding: '', how: 'each', unit: '处', deduct: 0.5, cap: null },
        ];
  return {
    deduct: rule?.kind === 'perItem' || rule?.kind === 'major' ? rule.deduct : 1,
    unit: rule?.kind === 'perItem' || rule?.kind === 'major' || rule?.kind === 'bonus' ? rule.unit : '次',
    cap: rule?.kind === 'perItem' || rule?.kind === 'major' ? (rule.cap ?? null) : null,
    items,
    totalCap: rule?.kind === 'deductions' ? (rule.cap ?? null) : null,
  };
}

/** The 按次扣分 rule the fields give (a cap only when written). */
export function perItemRule(v: Pick<DeductionValues, 'deduct' | 'unit' | 'cap'>): Rule {
  return {
    kind: 'perItem',
    deduct: v.deduct ?? 0,
    unit: v.unit?.trim() || '次',
    ...(v.cap !== null && v.cap !== undefined ? { cap: v.cap } : {}),
  };
}

/** The 分项扣分 rule the fields give: a unit and a finding's own cap only for a finding counted per occurrence. */
export function deductionsRule(v: Pick<DeductionValues, 'items' | 'totalCap'>): Rule {
  const items: DeductionItem[] = (v.items ?? []).map((x) => ({
    finding: (x.finding ?? '').trim(),
    deduct: x.deduct ?? 0,
    ...(x.how === 'each'
      ? { unit: x.unit?.trim() || '次', ...(x.cap !== null && x.cap !== undefined ? { cap: x.cap } : {}) }
      : {}),
  }));
  return { kind: 'deductions', items, ...(v.totalCap !== null && v.totalCap !== undefined ? { cap: v.totalCap } : {}) };
}

/**
 * 按次扣分 and 扣分项: 每次扣分, 计数单位 and 最多扣 (empty: 扣完本项分值为止; for a 扣分项, which has no points of its
 * own, 不设上限 — a 重大扣分项).
 */
export function PerItemFields({ outside = false }: { outside?: boolean }) {
  return (
    <Row gutter={12}>
      <Col span={8}>
        <Form.Item
          name="deduct"
          label="每次扣分"
          rules={[{ required: true, message: '请填写每次扣分' }, numberRule('每次扣分')]}
        >
          <PointsInput style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="unit" label="计数单位">
          <Input maxLength={4} placeholder="条、件、次…" />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item
          name="cap"
          label="最多扣（分）"
          rules={[numberRule('最多扣分')]}
          extra={outside ? '不填：不设上限（重大扣分项）' : '不填：扣完本项分值为止'}
        >
          <PointsInput style={{ width: '100%' }} aria-label="最多扣分" />
        </Form.Item>
      </Col>
    </Row>
  );
}

/**
 * 分项扣分: each finding on a line (its words, 发生即扣 or 每…扣, the points, and for a counted one its own 最多扣), then
 * the cap on them all. Findings are named once each (the counts are kept by finding).
 */
export function FindingsFields() {
  const how = Form.useWatch('items') as FindingValues[] | undefined;
  return (
    <div role="group" aria-label="扣分情形" style={{ marginBottom: 12 }}>
      <Typography.Text strong>扣分情形</Typography.Text>
      <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
        自评时逐项填写次数；各项扣分相加，不超过“累计最多扣”，本项不低于0分
      </Typography.Text>
      <Form.List
        name="items"
        rules={[
          {
            validator: async (_, items: FindingValues[] | undefined) => {
              if (!items || items.length < 1) throw new Error('至少要有一个扣分情形');
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f, i) => {
              const each = how?.[f.name]?.how === 'each';
              return (
                <Space key={f.key} align="baseline" wrap style={{ display: 'flex', marginTop: 8 }}>
                  <Form.Item
                    name={[f.name, 'finding']}
                    style={{ marginBottom: 0 }}
                    rules={[
                      { required: true, whitespace: true, message: '请填写扣分情形' },
                      { pattern: /^[^；;]*$/, message: '不能有分号' },
                      ({ getFieldValue }) => ({
                        validator: async (_, v: string | undefined) => {
                          const all = (getFieldValue('items') as FindingValues[]).map((x) => x?.finding?.trim());
                          if (v?.trim() && all.filter((x) => x === v.trim()).length > 1)
                            throw new Error(`“${v.trim()}”写了两次`);
                        },
                      }),
                    ]}
                  >
                    <Input
                      style={{ width: 170 }}
                      maxLength={40}
                      placeholder="如：未按时公开"
                      aria-label={`扣分情形${i + 1}`}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'how']} style={{ marginBottom: 0 }}>
                    <Select
                      style={{ width: 100 }}
                      aria-label={`扣分情形${i + 1}计法`}
                      options={[
                        { value: 'once', label: '发生即扣' },
                        { value: 'each', label: '按次扣' },
                      ]}
                    />
                  </Form.Item>
                  {each && (
                    <Form.Item name={[f.name, 'unit']} style={{ marginBottom: 0 }}>
                      <Input
                        style={{ width: 88 }}
                        maxLength={4}
                        addonBefore="每"
                        placeholder="处"
                        aria-label={`扣分情形${i + 1}计数单位`}
                      />
                    </Form.Item>
                  )}
                  <Form.Item
                    name={[f.name, 'deduct']}
                    style={{ marginBottom: 0 }}
                    rules={[{ required: true, message: '请填写扣分' }, numberRule('扣分')]}
                  >
                    <PointsInput
                      style={{ width: 64 }}
                      addonBefore="扣"
                      addonAfter="分"
                      aria-label={`扣分情形${i + 1}扣分`}
                    />
                  </Form.Item>
                  {each && (
                    <Form.Item name={[f.name, 'cap']} style={{ marginBottom: 0 }} rules={[numberRule('最多扣分')]}>
                      <PointsInput
                        style={{ width: 64 }}
                        addonBefore="最多扣"
                        placeholder="不限"
                        aria-label={`扣分情形${i + 1}最多扣分`}
                      />
                    </Form.Item>
                  )}
                  <Button
                    type="link"
                    disabled={fields.length <= 1}
                    onClick={() => remove(f.name)}
                    aria-label={`删除扣分情形${i + 1}`}
                  >
                    删除
                  </Button>
                </Space>
              );
            })}
            <Form.ErrorList errors={errors} />
            {fields.length < 10 && (
              <Button
                type="dashed"
                size="small"
                style={{ marginTop: 8 }}
                onClick={() => add({ finding: '', how: 'once', unit: '次', deduct: 1, cap: null })}
              >
                添加扣分情形
              </Button>
            )}
          </>
        )}
      </Form.List>
      <Form.Item
        name="totalCap"
        label="累计最多扣（分）"
        style={{ marginTop: 12, marginBottom: 0 }}
        rules={[numberRule('累计最多扣分')]}
        extra="不填：扣完本项分值为止"
      >
        <PointsInput style={{ width: 160 }} aria-label="累计最多扣分" />
      </Form.Item>
    </div>
  );
}

/**
 * The import preview's dialog for one indicator's counted rule (按次扣分 or 分项扣分): the same fields as 编辑细则, the
 * rule shown in words as it will be printed, applied to the preview (nothing is saved until the 细则 is).
 */
export function CountedRuleDialog({
  name,
  rule,
  onClose,
  onApply,
}: {
  name: string;
  rule: Rule;
  onClose: () => void;
  onApply: (rule: Rule) => void;
}) {
  const [form] = Form.useForm<DeductionValues>();
  useEffect(() => form.setFieldsValue(deductionValues(rule)), [form, rule]);
  const watched = Form.useWatch([], form) as DeductionValues | undefined;
  const several = rule.kind === 'deductions';
  const next = watched ? (several ? deductionsRule(watched) : perItemRule(watched)) : rule;
  const save = async () => {
    const v = await form.validateFields();
    onApply(several ? deductionsRule(v) : perItemRule(v));
    onClose();
  };
  return (
    <FormDialog
      width={several ? 820 : 640}
      title={`计分方式：${name}`}
      form={form}
      onSave={save}
      onClose={onClose}
      okText="确定"
    >
      <Form form={form} layout="vertical">
        {several ? <FindingsFields /> : <PerItemFields />}
        <Typography.Paragraph type="secondary" aria-label="计分方式的文字">
          导出的自查评分表写作：{ruleLabel(next)}
        </Typography.Paragraph>
      </Form>
    </FormDialog>
  );
}
