import { LinkOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { deductionText, round2, scoreLeaf } from '../../../shared/domain/selfcheck-score';
import {
  DECISION_LABELS,
  EMPTY_ENTRY,
  EVIDENCE_LABELS,
  levelOf,
  levelText,
  type EvidenceKind,
  type Rule,
  type SelfcheckRow,
} from '../../../shared/domain/selfcheck';
import {
  MEASURE_CHOICES,
  measureOptionLabel,
  RECORD_MEASURE_HELP,
  type MeasureChoice,
  type Proposal,
} from '../../../shared/domain/selfcheck-measures';
import type { Input as CallInput } from '../../../shared/ipc/contract';
import { call, toUpload } from '../../api/call';
import { PointsInput } from '../../components/PointsInput';
import { DateField } from '../../components/DateField';
import { DeleteButton } from '../../components/DeleteButton';
import { deleteDescription, deleteTitle } from '../../components/destructive';
import { FormDrawer } from '../../components/FormDrawer';
import { isEnterToSave } from '../../components/keyboard';
import { useGuardedClose, useUnsavedLeave } from '../../components/unsaved';
import { useAction, useDownloadAttachment, useLoad } from '../../hooks';

interface Values {
  score: number | null;
  count: number | null;
  /** 分项扣分: each finding's count, in the rule's order (null: not yet given). */
  counts: (number | null)[];
  /** fixed: 未达到; veto: 发生; null: not answered (未评). */
  flag: boolean | null;
  /** grade: the chosen level's label; null: not chosen (未评). */
  level: string | null;
  ceiling: boolean;
  reason: string;
  measure: string;
  overrideReason: string;
}

const PICKABLE: EvidenceKind[] = ['training', 'task', 'progress', 'ab_change'];

/** The form's values for a row: what is stored, with a rated 直接评分 leaf of an old file shown at its full points. */
function initialValues(row: SelfcheckRow): Values {
  const k = row.rule.kind;
  return {
    score:
      k === 'grade'
        ? null
        : row.entry.rated && k === 'manual' && row.entry.score === null
          ? row.points
          : row.entry.score,
    count: row.entry.count,
    counts: row.rule.kind === 'deductions' ? row.rule.items.map((_, i) => row.entry.counts?.[i] ?? null) : [],
    flag: (k === 'fixed' || k === 'veto') && row.entry.rated ? row.entry.flag : null,
    level: row.entry.rated ? (levelOf(row.rule, row.entry.score)?.label ?? null) : null,
    ceiling: row.entry.ceiling,
    reason: row.entry.reason,
    measure: row.entry.measure,
    overrideReason: row.overrideReason,
  };
}

/** Whether the typed rating is what the 建议分 proposes (the inputs the rule reads). */
function sameAsProposal(rule: Rule, v: Partial<Values>, p: NonNullable<Proposal['entry']>): boolean {
  switch (rule.kind) {
    case 'perItem':
    case 'major':
      return (v.count ?? null) === p.count;
    case 'fixed':
    case 'veto':
      return (v.flag ?? null) === p.flag;
    case 'manual':
      return (v.score ?? null) === p.score;
    default:
      return false;
  }
}

/**
 * "未按时公开1次，扣1分；内容不完整2处，扣1分；本项得3分（分值5分）": what the counts typed give under a counted rule
 * (按次扣分, 分项扣分), computed as the saved score will be; null until every count is given.
 */
function countedScore(row: SelfcheckRow, v: Partial<Values> | undefined): string | null {
  const r = row.rule;
  if (!v || (r.kind !== 'perItem' && r.kind !== 'deductions')) return null;
  const counts = r.kind === 'deductions' ? (v.counts ?? []) : [];
  if (r.kind === 'perItem' ? v.count == null : counts.length !== r.items.length || counts.some((c) => c == null))
    return null;
  const entry = {
    ...EMPTY_ENTRY,
    rated: true,
    count: r.kind === 'perItem' ? (v.count ?? null) : null,
    counts: r.kind === 'deductions' ? (counts as number[]) : null,
    ceiling: !!v.ceiling,
  };
  const score = round2(scoreLeaf(row, row.points, entry).score);
  const words = deductionText(r, entry, row.points) || '未发现扣分情形';
  return `${words}；本项得${score}分（分值${row.points}分）`;
}

/** The records behind a 建议分, each with why it counts. */
function RecordList({ proposal }: { proposal: Proposal }) {
  if (!proposal.records.length) return null;
  return (
    <List
      size="small"
      bordered
      style={{ maxHeight: 200, overflowY: 'auto', marginTop: 8 }}
      aria-label="依据的记录"
      dataSource={proposal.records}
      renderItem={(r, i) => (
        <List.Item>
          <Space direction="vertical" size={0}>
            <span>
              {i + 1}.<Tag style={{ marginLeft: 4 }}>{r.kind}</Tag>
              {r.title}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.detail}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

/**
 * Scoring one leaf: where the records can measure it, the 建议分 with the records behind it (采用建议分, or 修改 with a
 * reason); the rule's own inputs (empty = 未评), 扣分原因, 整改措施 and 佐证材料; 转为整改 when it lost points.
 */
export function ScoreDrawer({
  row,
  year,
  onClose,
  onChanged,
}: {
  row: SelfcheckRow;
  year: number;
  onClose: () => void;
  onChanged: () => Promise<void>;
}) {
  const guardedClose = useGuardedClose();
  const [form] = Form.useForm<Values>();
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [kind, setKind] = useState<EvidenceKind>('training');
  const [refId, setRefId] = useState<number | null>(null);
  const [url, setUrl] = useState('');
  const [deadline, setDeadline] = useState<string | null>(null);
  // What the records measure: the stored choice, else the suggestion (shown, saved only with a rating or 采用).
  const [measure, setMeasure] = useState<MeasureChoice>(row.recordMeasure ?? row.suggestedMeasure ?? 'none');
  const [measureChosen, setMeasureChosen] = useState(false);
  const [overriding, setOverriding] = useState(row.decision === 'override');
  const download = useDownloadAttachment();
  const suggestions = useLoad(
    () => call('selfcheck.suggestEvidence', { indicatorId: row.id }),
    [row.id, row.evidence.length],
  );
  const options = useLoad(
    () => (PICKABLE.includes(kind) ? call('selfcheck.evidenceOptions', { year, kind }) : Promise.resolve([])),
    [kind, year],
  );
  // The 建议分 of the measure in the select, fresh after every save (the row object changes on reload).
  const proposal = useLoad(
    () =>
      measure === 'none'
        ? Promise.resolve(null)
        : call('selfcheck.proposal', { indicatorId: row.id, recordMeasure: measure }),
    [row, measure],
  );
  // The stored values after every reload (a save, 采用建议分, evidence added), unless something typed is pending.
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  useEffect(() => {
    if (dirtyRef.current) return;
    form.setFieldsValue(initialValues(row));
  }, [form, row]);
  const watched = Form.useWatch([], form) as Partial<Values> | undefined;
  const r = row.rule;
  const p = proposal.data ?? null;
  const given =
    !!watched &&
    (watched.score != null ||
      watched.count != null ||
      (watched.counts ?? []).some((c) => c != null) ||
      watched.flag != null ||
      watched.level != null);
  const differs = !!p?.entry && given && !sameAsProposal(r, watched ?? {}, p.entry);
  const needsReason = measure !== 'none' && !!p?.entry && (overriding || differs);

  const act = useAction();
  /** Saves the choice of records (when changed) and the entry; a refusal is shown once, by the caller's act. */
  const saveEntry = async () => {
    const v = await form.validateFields();
    // The select's choice is stored when the person chose it, or rated with it shown (a suggestion seen and used).
    if (measure !== (row.recordMeasure ?? null) && (row.recordMeasure !== null || given || measureChosen))
      await call('selfcheck.setMeasure', { indicatorId: row.id, recordMeasure: measure });
    // 分项扣分: every finding counted, or none (未评); the fields say which is missing before this.
    const counts = (v.counts ?? []).filter((c): c is number => c != null);
    await call('selfcheck.saveEntry', {
      indicatorId: row.id,
      score: v.score ?? null,
      count: v.count ?? null,
      counts: r.kind === 'deductions' && counts.length ? counts : null,
      flag: v.flag ?? null,
      level: v.level ?? null,
      ceiling: !!v.ceiling,
      reason: v.reason ?? '',
      measure: v.measure ?? '',
      overrideReason: needsReason ? (v.overrideReason ?? '') : '',
    });
    setDirty(false);
    await onChanged();
  };
  const save = async () => {
    setSaving(true);
    try {
      return await act(async () => {
        await saveEntry();
        return given ? '已保存自评' : '已保存（本项未评）';
      });
    } finally {
      setSaving(false);
    }
  };
  const accept = () =>
    act(async () => {
      if (measure === 'none') return;
      const v = form.getFieldsValue();
      await call('selfcheck.acceptProposal', {
        indicatorId: row.id,
        recordMeasure: measure,
        reason: v.reason ?? '',
        measure: v.measure ?? '',
      });
      setOverriding(false);
      setDirty(false);
      await onChanged();
      return '已采用建议分';
    });
  const unrate = () =>
    act(async () => {
      form.setFieldsValue({
        score: null,
        count: null,
        counts: r.kind === 'deductions' ? r.items.map(() => null) : [],
        flag: null,
        level: null,
        overrideReason: '',
      });
      await saveEntry();
      return '已改为未评';
    });
  // Leaving the screen another way (the menu, back/forward, the year, closing the window) asks too.
  useUnsavedLeave(dirty, save, '自评的修改');
  const close = () =>
    guardedClose({
      dirty,
      what: '本项自评',
      save: async () => {
        if (await save()) onClose();
      },
      close: onClose,
    });
  const addEvidence = (input: CallInput<'selfcheck.addEvidence'>) =>
    act(async () => {
      await call('selfcheck.addEvidence', input);
      await onChanged();
      return '已添加佐证材料';
    });
  const rectify = () =>
    act(async () => {
      // The entry as typed is what the 整改 item carries: save it first, in the same click.
      if (dirty) await saveEntry();
      await call('selfcheck.rectify', { indicatorId: row.id, deadline });
      await onChanged();
      return '已转为整改事项，可在“整改台账”中跟踪';
    });
  const measurable = r.kind !== 'bonus';
  // A counted rule's score as the counts typed give it, before saving: what each finding takes off and the score.
  const computed = countedScore(row, watched);
  // The level rated at (grade rules); its radio takes the focus when the drawer opens (FormDrawer; the first when none
  // is).
  const ratedLevel = row.entry.rated ? levelOf(r, row.entry.score) : null;

  return (
    <FormDrawer
      open
      width={640}
      title={`评分：${row.name}`}
      onClose={() => void close()}
      destroyOnHidden
      extra={
        <Space>
          {row.entry.rated && <Button onClick={() => void unrate()}>改为未评</Button>}
          <Button type="primary" loading={saving} onClick={() => void save()}>
            保存
          </Button>
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'p', label: '指标', children: row.path },
          { key: 's', label: '分值', children: `${row.points}分` },
          { key: 'c', label: '评分标准', children: row.criteria || '—' },
          {
            key: 'r',
            label: '计分方式',
            children:
              row.ruleLabel +
              (row.ceilingRatio ? `；前提不满足时本栏目不高于${Math.round(row.ceilingRatio * 100)}%` : ''),
          },
          ...(row.source ? [{ key: 'o', label: '出处', children: row.source }] : []),
          {
            key: 'x',
            label: '当前得分',
            children: !row.entry.rated ? (
              <Tag>未评（不计分）</Tag>
            ) : (
              <span>
                {ratedLevel
                  ? `${levelText(ratedLevel)}${ratedLevel.points === row.score ? '' : `（计${row.score}分）`}`
                  : `${row.score}分`}
                {/* A chosen level is not a deduction: 良 is read as 良, not as 扣2分. */}
                {row.deducted && !ratedLevel ? (
                  <Tag color="red" style={{ marginLeft: 8 }}>
                    扣{row.deducted}分
                  </Tag>
                ) : null}
                {row.vetoed ? <Tag color="red">单项否决</Tag> : null}
                {row.decision && row.decision !== 'entered' ? <Tag>{DECISION_LABELS[row.decision]}</Tag> : null}
              </span>
            ),
          },
        ]}
      />
      {measurable && (
        <div style={{ marginTop: 16 }} aria-label="由记录计算">
          <Space wrap>
            <Typography.Text strong>得分依据</Typography.Text>
            <Select<MeasureChoice>
              style={{ width: 300 }}
              aria-label="得分依据"
              value={measure}
              onChange={(m) => {
                setMeasure(m);
                setMeasureChosen(true);
                setDirty(true);
              }}
              options={MEASURE_CHOICES.map((m) => ({
                value: m,
                label: `${measureOptionLabel(m)}${m === row.suggestedMeasure && row.recordMeasure === null ? '（建议）' : ''}`,
              }))}
            />
          </Space>
          {measure !== 'none' && (
            <div style={{ marginTop: 8 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {RECORD_MEASURE_HELP[measure]}
              </Typography.Text>
              {p && (
                <Alert
                  style={{ marginTop: 8 }}
                  type={row.proposalAlert ? 'warning' : p.entry ? 'info' : 'warning'}
                  showIcon
                  message={p.entry ? `建议分：${p.score}分` : '不能由记录直接得出分数'}
                  description={
                    <div>
                      <div>{p.summary}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {p.note}
                      </Typography.Text>
                      {row.proposalAlert && <div style={{ color: '#d46b08' }}>{row.proposalAlert}</div>}
                      <RecordList proposal={p} />
                      {p.entry && (
                        <Space style={{ marginTop: 8 }}>
                          <Button type="primary" onClick={() => void accept()}>
                            采用建议分
                          </Button>
                          <Button
                            onClick={() => {
                              setOverriding(true);
                              setDirty(true);
                            }}
                          >
                            修改（填写理由）
                          </Button>
                        </Space>
                      )}
                    </div>
                  }
                />
              )}
            </div>
          )}
        </div>
      )}
      <Form
        form={form}
        layout="vertical"
        style={{ marginTop: 16 }}
        onValuesChange={() => setDirty(true)}
        onKeyDown={(e) => {
          // The one Enter rule: a plain text or number field saves; a select or date picker confirms its choice.
          if (isEnterToSave(e)) {
            e.preventDefault();
            void save();
          }
        }}
      >
        {(r.kind === 'manual' || r.kind === 'bonus') && (
          <Form.Item
            name="score"
            label={r.kind === 'bonus' ? '加分' : '自评分'}
            extra={
              r.kind === 'manual'
                ? `0 到 ${row.points} 分；不填为未评（不计分）`
                : r.perItem
                  ? `不填按次数计（每${r.unit}加${r.perItem}分）`
                  : '不填为未评'
            }
          >
            <PointsInput min={0} max={row.points} style={{ width: 160 }} />
          </Form.Item>
        )}
        {r.kind === 'deductions' && (
          <div role="group" aria-label="各扣分情形的次数">
            {r.items.map((x, i) => (
              <Form.Item
                key={x.finding}
                name={['counts', i]}
                label={`${x.finding}（${x.unit === undefined ? `发生即扣${x.deduct}分` : `每${x.unit}扣${x.deduct}分${x.cap !== undefined ? `，最多扣${x.cap}分` : ''}`}）`}
                style={{ marginBottom: 8 }}
                rules={[
                  { type: 'integer', min: 0, message: '次数应为不小于0的整数' },
                  // All or none: a finding left empty beside counted ones is a slip, not 未评.
                  ({ getFieldValue }) => ({
                    validator: async (_, v: number | null | undefined) => {
                      const all = (getFieldValue('counts') ?? []) as (number | null)[];
                      if (v == null && all.some((c) => c != null)) throw new Error('请填写次数，没有的填 0');
                    },
                  }),
                ]}
              >
                <InputNumber
                  min={0}
                  precision={0}
                  addonAfter={x.unit ?? '次'}
                  style={{ width: 160 }}
                  aria-label={`${x.finding}次数`}
                />
              </Form.Item>
            ))}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              逐项填写发现的次数，没有的填 0；都不填为未评（不计分）。
            </Typography.Text>
          </div>
        )}
        {(r.kind === 'perItem' || r.kind === 'major' || (r.kind === 'bonus' && r.perItem !== null)) && (
          <Form.Item
            name="count"
            label={`${r.kind === 'bonus' ? '加分' : '扣分'}次数（${r.unit}）`}
            extra={r.kind === 'bonus' ? undefined : '没有扣分情形填 0；不填为未评（不计分）'}
            rules={[{ type: 'integer', min: 0, message: '次数应为不小于0的整数' }]}
          >
            <InputNumber min={0} precision={0} style={{ width: 160 }} />
          </Form.Item>
        )}
        {(r.kind === 'fixed' || r.kind === 'veto') && (
          <Form.Item
            name="flag"
            label={r.kind === 'fixed' ? '是否达到' : '是否发生单项否决情形'}
            extra="不选为未评（不计分）"
          >
            <Radio.Group
              options={
                r.kind === 'fixed'
                  ? [
                      { value: false, label: '达到' },
                      {
                        value: true,
                        label: `未达到（${r.absentDeduct === null ? '不得分' : `扣${r.absentDeduct}分`}）`,
                      },
                    ]
                  : [
                      { value: false, label: '未发生' },
                      { value: true, label: '发生了（总评为不合格）' },
                    ]
              }
            />
          </Form.Item>
        )}
        {r.kind === 'grade' && (
          <Form.Item
            name="level"
            label="评分等次"
            extra="得分为所选等次的分值；不选为未评（不计分）。可用方向键选择，回车保存。"
          >
            <Radio.Group aria-label="评分等次">
              <Space direction="vertical">
                {r.levels.map((l) => (
                  <Radio key={l.label} value={l.label}>
                    {l.label}（{l.points}分）
                    {l.criteria && (
                      <Typography.Text type="secondary" style={{ marginLeft: 4 }}>
                        {l.criteria}
                      </Typography.Text>
                    )}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
        )}
        {computed && (
          <Alert
            style={{ margin: '8px 0 16px' }}
            type="info"
            showIcon
            aria-label="按填写的次数计算"
            message={computed}
          />
        )}
        {row.ceilingRatio !== null && (
          <Form.Item name="ceiling" valuePropName="checked">
            <Checkbox>前提条件未满足（本栏目不高于及格分）</Checkbox>
          </Form.Item>
        )}
        {needsReason && (
          <Form.Item
            name="overrideReason"
            label="修改理由"
            extra={`自评与按记录计算的建议分（${p?.score}分）不同时必须填写，随自评记入修改记录。`}
            rules={[{ required: differs, whitespace: true, message: '请填写不采用建议分的理由' }]}
          >
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )}
        <Form.Item name="reason" label="扣分原因 / 问题明细">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="measure" label="整改措施（拟）">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
      {row.deducted > 0 && (
        <Alert
          type={row.rectificationIds.length ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          message={row.rectificationIds.length ? '已转为整改事项' : `本项失分${row.deducted}分`}
          action={
            row.rectificationIds.length ? undefined : (
              <Space>
                <DateField value={deadline} onChange={setDeadline} placeholder="整改时限（可不填）" />
                <Button type="primary" danger onClick={() => void rectify()}>
                  转为整改
                </Button>
              </Space>
            )
          }
        />
      )}
      <Typography.Title level={5}>佐证材料</Typography.Title>
      <List
        size="small"
        bordered
        locale={{ emptyText: '还没有佐证材料：从下方选择已有记录、上传文件或填写网页链接' }}
        dataSource={row.evidence}
        renderItem={(e) => (
          <List.Item
            actions={[
              <DeleteButton
                key="d"
                label="移除"
                okText="移除"
                title={deleteTitle('佐证材料', e.title, '移除')}
                description={
                  e.attachmentId
                    ? deleteDescription([[1, '份已上传的文件']])
                    : '只移除这条佐证，所指的记录或网页不受影响。'
                }
                onDelete={() => call('selfcheck.removeEvidence', { id: e.id })}
                onDone={onChanged}
              />,
            ]}
          >
            <Space>
              <Tag>{EVIDENCE_LABELS[e.kind]}</Tag>
              {e.attachmentId ? (
                <a onClick={() => download(e.attachmentId!)}>{e.title}</a>
              ) : e.url ? (
                <a href={e.url} target="_blank" rel="noreferrer">
                  {e.title}
                </a>
              ) : (
                <span style={{ color: e.exists ? undefined : '#999' }}>{e.title}</span>
              )}
            </Space>
          </List.Item>
        )}
      />
      {(suggestions.data?.length ?? 0) > 0 && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">建议关联：</Typography.Text>
          {suggestions.data!.map((s) => (
            <Tag
              key={`${s.kind}${s.refId}`}
              color="blue"
              style={{ cursor: 'pointer', marginTop: 4 }}
              icon={<PlusOutlined />}
              title={s.why}
              onClick={() => addEvidence({ indicatorId: row.id, kind: s.kind, refId: s.refId })}
            >
              {s.title}
            </Tag>
          ))}
        </div>
      )}
      <Space.Compact style={{ marginTop: 12, width: '100%' }}>
        <Select<EvidenceKind>
          style={{ width: 130 }}
          value={kind}
          onChange={(k) => {
            setKind(k);
            setRefId(null);
          }}
          aria-label="佐证材料类型"
          options={(['training', 'task', 'progress', 'ab_change', 'link', 'attachment'] as EvidenceKind[]).map((k) => ({
            value: k,
            label: EVIDENCE_LABELS[k],
          }))}
        />
        {PICKABLE.includes(kind) && (
          <Select
            showSearch
            optionFilterProp="label"
            style={{ flex: 1 }}
            placeholder={options.data?.length ? '选择记录' : '本年度没有此类记录'}
            value={refId}
            onChange={setRefId}
            options={(options.data ?? []).map((o) => ({ value: o.id, label: o.title }))}
            aria-label="选择记录"
          />
        )}
        {kind === 'link' && (
          <Input
            prefix={<LinkOutlined />}
            placeholder="https://…"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            aria-label="网页链接"
          />
        )}
        {kind === 'attachment' ? (
          <Upload
            showUploadList={false}
            beforeUpload={async (f) => {
              await addEvidence({ indicatorId: row.id, kind: 'attachment', upload: await toUpload(f) });
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>上传文件</Button>
          </Upload>
        ) : (
          <Button
            onClick={() =>
              addEvidence(kind === 'link' ? { indicatorId: row.id, kind, url } : { indicatorId: row.id, kind, refId })
            }
            disabled={kind === 'link' ? !url : !refId}
          >
            添加
          </Button>
        )}
      </Space.Compact>
    </FormDrawer>
  );
}
