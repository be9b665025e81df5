import { LinkOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Checkbox,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { EVIDENCE_LABELS, type EvidenceKind, type SelfcheckRow } from '../../../shared/domain/selfcheck';
import type { Input as CallInput } from '../../../shared/ipc/contract';
import { call, toUpload } from '../../api/call';
import { DateField } from '../../components/DateField';
import { DeleteButton } from '../../components/DeleteButton';
import { isEnterToSave } from '../../components/keyboard';
import { useUnsavedLeave } from '../../components/unsaved';
import { useAction, useDownloadAttachment, useLoad } from '../../hooks';

interface Values {
  score: number | null;
  count: number | null;
  flag: boolean;
  ceiling: boolean;
  reason: string;
  measure: string;
}

const PICKABLE: EvidenceKind[] = ['training', 'task', 'progress', 'ab_change'];

/** Scoring one leaf: the rule's own inputs, 扣分原因, 整改措施 and 佐证材料; 转为整改 when it lost points. */
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
  const { modal } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [kind, setKind] = useState<EvidenceKind>('training');
  const [refId, setRefId] = useState<number | null>(null);
  const [url, setUrl] = useState('');
  const [deadline, setDeadline] = useState<string | null>(null);
  const download = useDownloadAttachment();
  const suggestions = useLoad(
    () => call('selfcheck.suggestEvidence', { indicatorId: row.id }),
    [row.id, row.evidence.length],
  );
  const options = useLoad(
    () => (PICKABLE.includes(kind) ? call('selfcheck.evidenceOptions', { year, kind }) : Promise.resolve([])),
    [kind, year],
  );
  useEffect(() => {
    form.setFieldsValue({ ...row.entry });
    setDirty(false);
  }, [form, row.id]);
  const r = row.rule;

  const act = useAction();
  /** Saves the entry; false when refused (the message is shown once, here). */
  const saveEntry = async () => {
    const v = await form.validateFields();
    await call('selfcheck.saveEntry', {
      indicatorId: row.id,
      score: v.score ?? null,
      count: v.count ?? null,
      flag: !!v.flag,
      ceiling: !!v.ceiling,
      reason: v.reason ?? '',
      measure: v.measure ?? '',
    });
    setDirty(false);
    await onChanged();
  };
  const save = async () => {
    setSaving(true);
    try {
      return await act(async () => {
        await saveEntry();
        return '已保存自评';
      });
    } finally {
      setSaving(false);
    }
  };
  // Leaving the screen another way (the menu, back/forward, the year, closing the window) asks too.
  useUnsavedLeave(dirty, save, '自评的修改');
  const close = () => {
    if (!dirty) return onClose();
    modal.confirm({ title: '放弃未保存的自评？', okText: '放弃', cancelText: '继续编辑', onOk: onClose });
  };
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

  return (
    <Drawer
      open
      width={620}
      title={`评分：${row.name}`}
      onClose={close}
      destroyOnHidden
      extra={
        <Button type="primary" loading={saving} onClick={() => void save()}>
          保存
        </Button>
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
            children: (
              <span>
                {row.score}分
                {row.deducted ? (
                  <Tag color="red" style={{ marginLeft: 8 }}>
                    扣{row.deducted}分
                  </Tag>
                ) : null}
                {row.vetoed ? <Tag color="red">单项否决</Tag> : null}
              </span>
            ),
          },
        ]}
      />
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
                ? `0 到 ${row.points} 分；不填按满分计`
                : r.perItem
                  ? `不填按次数计（每${r.unit}加${r.perItem}分）`
                  : undefined
            }
          >
            <InputNumber autoFocus min={0} max={row.points} step={0.5} style={{ width: 160 }} />
          </Form.Item>
        )}
        {(r.kind === 'perItem' || r.kind === 'major' || (r.kind === 'bonus' && r.perItem !== null)) && (
          <Form.Item
            name="count"
            label={`${r.kind === 'bonus' ? '加分' : '扣分'}次数（${r.unit}）`}
            rules={[{ type: 'integer', min: 0, message: '次数应为不小于0的整数' }]}
          >
            <InputNumber autoFocus={r.kind !== 'bonus'} min={0} precision={0} style={{ width: 160 }} />
          </Form.Item>
        )}
        {r.kind === 'fixed' && (
          <Form.Item name="flag" valuePropName="checked">
            <Checkbox autoFocus>未达到（{r.absentDeduct === null ? '不得分' : `扣${r.absentDeduct}分`}）</Checkbox>
          </Form.Item>
        )}
        {r.kind === 'veto' && (
          <Form.Item name="flag" valuePropName="checked">
            <Checkbox autoFocus>发生了单项否决情形（总评为不合格）</Checkbox>
          </Form.Item>
        )}
        {row.ceilingRatio !== null && (
          <Form.Item name="ceiling" valuePropName="checked">
            <Checkbox>前提条件未满足（本栏目不高于及格分）</Checkbox>
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
                title={`移除佐证材料“${e.title}”？`}
                description={e.attachmentId ? '已上传的文件将一并删除。' : undefined}
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
    </Drawer>
  );
}
