import {
  Alert,
  App as AntApp,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import {
  GRADE_DEFAULTS,
  RULE_LABELS,
  type GradeBand,
  type IndicatorOutput,
  type IndicatorPreview,
  type RuleKind,
} from '../../../shared/domain/selfcheck';
import type { Upload } from '../../../shared/domain/files';
import { call } from '../../api/call';
import { useUnsavedLeave } from '../../components/unsaved';
import { useAction } from '../../hooks';

interface Row {
  key: string;
  node: IndicatorOutput;
  level: number;
  children?: Row[];
}

function toRows(nodes: IndicatorOutput[], prefix = '', level = 1): Row[] {
  return nodes.map((n, i) => {
    const key = `${prefix}${i + 1}`;
    return { key, node: n, level, children: n.children.length ? toRows(n.children, `${key}.`, level + 1) : undefined };
  });
}

/** The 细则 as read (or the built-in template), as a tree to check and correct before saving. */
export function ImportDialog({
  year,
  preview,
  upload,
  source,
  hasTemplate,
  onClose,
  onSaved,
}: {
  year: number;
  preview: IndicatorPreview;
  upload: Upload | null;
  source: 'import' | 'builtin';
  hasTemplate: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { modal } = AntApp.useApp();
  const act = useAction();
  const [tree, setTree] = useState<IndicatorOutput[]>(preview.indicators);
  const [title, setTitle] = useState(preview.title);
  const [total, setTotal] = useState<number | null>(preview.total);
  const [replace, setReplace] = useState(false);
  const [grades, setGrades] = useState<GradeBand[]>(GRADE_DEFAULTS.map((g) => ({ ...g })));
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState(preview.problems);
  const rows = useMemo(() => toRows(tree), [tree]);
  useEffect(() => setProblems(preview.problems), [preview]);

  const edit = (key: string, patch: Partial<IndicatorOutput>) => {
    const walk = (nodes: IndicatorOutput[], prefix: string): IndicatorOutput[] =>
      nodes.map((n, i) => {
        const k = `${prefix}${i + 1}`;
        if (k === key) return { ...n, ...patch };
        return { ...n, children: walk(n.children, `${k}.`) };
      });
    setTree(walk(tree, ''));
    setDirty(true);
  };
  const sum = (level: number) => {
    let s = 0;
    const walk = (nodes: IndicatorOutput[], l: number) =>
      nodes.forEach((n) => {
        if (n.rule.kind === 'bonus' || n.rule.kind === 'major') return;
        if (l === level) s += n.points ?? 0;
        else walk(n.children, l + 1);
      });
    walk(tree, 1);
    return Math.round(s * 100) / 100;
  };
  const save = async () => {
    setSaving(true);
    try {
      return await act(async () => {
        if (!title.trim() || !total) throw new Error('请填写细则名称和满分。');
        await call('selfcheck.saveTemplate', { year, title, total, grades, indicators: tree, source, upload, replace });
        onSaved();
        return `已保存${year}年考核细则`;
      });
    } finally {
      setSaving(false);
    }
  };
  // Leaving the screen another way (the menu, back/forward, the year, closing the window) asks too.
  useUnsavedLeave(dirty, save, '对细则的修改');
  const cancel = () => {
    if (!dirty) return onClose();
    modal.confirm({
      title: '放弃对细则的修改？',
      content: '已修改的分值和名称不会保存。',
      okText: '放弃修改',
      cancelText: '继续编辑',
      onOk: onClose,
    });
  };
  return (
    <Modal
      open
      width={1100}
      title={source === 'builtin' ? '使用内置模板' : '导入考核细则：核对后保存'}
      okText="保存细则"
      cancelText="取消"
      onOk={save}
      onCancel={cancel}
      confirmLoading={saving}
      okButtonProps={{ disabled: hasTemplate && !replace }}
      styles={{ body: { maxHeight: 560, overflow: 'auto' } }}
    >
      <Form layout="inline" style={{ marginBottom: 12 }}>
        <Form.Item label="细则名称">
          <Input
            autoFocus
            style={{ width: 420 }}
            value={title}
            onChange={(e) => {
              setTitle(e.target.value);
              setDirty(true);
            }}
          />
        </Form.Item>
        <Form.Item label="满分">
          <InputNumber
            min={1}
            value={total}
            onChange={(v) => {
              setTotal(v);
              setDirty(true);
            }}
          />
        </Form.Item>
        <Form.Item label="等次下限">
          <Space size={4}>
            {grades.slice(0, -1).map((g, i) => (
              <InputNumber
                key={g.name}
                size="small"
                style={{ width: 96 }}
                min={0}
                max={total ?? 1000}
                addonBefore={g.name}
                aria-label={`${g.name}下限`}
                value={g.min}
                onChange={(v) => {
                  setGrades(grades.map((x, k) => (k === i ? { ...x, min: v ?? 0 } : x)));
                  setDirty(true);
                }}
              />
            ))}
          </Space>
        </Form.Item>
        {hasTemplate && (
          <Form.Item>
            <Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)}>
              替换本年度细则（原自评分将删除）
            </Checkbox>
          </Form.Item>
        )}
      </Form>
      <Space style={{ marginBottom: 8 }} wrap>
        {[1, 2, 3].map((l) => (
          <Tag key={l}>
            {['一', '二', '三'][l - 1]}级分值合计：{sum(l)}
          </Tag>
        ))}
      </Space>
      {problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          message="请核对以下问题（可直接在表中修改分值）"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {problems.map((p, i) => (
                <li key={i}>
                  {p.number ? `${p.number} ` : ''}
                  {p.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Table<Row>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        expandable={{ defaultExpandAllRows: true }}
        aria-label="指标预览"
        columns={[
          { title: '序号', dataIndex: 'key', width: 90 },
          {
            title: '指标',
            render: (_, r) => (
              <Input
                size="small"
                aria-label={`指标名称 ${r.key}`}
                value={r.node.name}
                onChange={(e) => edit(r.key, { name: e.target.value })}
              />
            ),
          },
          {
            title: '分值',
            width: 100,
            render: (_, r) => (
              <InputNumber
                size="small"
                min={0}
                aria-label={`分值 ${r.key}`}
                value={r.node.points}
                placeholder={r.node.weight !== null ? `${r.node.weight}%` : '—'}
                status={
                  !r.children &&
                  r.node.points === null &&
                  r.node.weight === null &&
                  r.node.rule.kind !== 'veto' &&
                  r.node.rule.kind !== 'major'
                    ? 'warning'
                    : undefined
                }
                onChange={(v) => edit(r.key, { points: v })}
              />
            ),
          },
          {
            title: '计分方式',
            width: 160,
            render: (_, r) => (
              <Select
                size="small"
                style={{ width: 150 }}
                value={r.node.rule.kind}
                aria-label={`计分方式 ${r.key}`}
                options={Object.entries(RULE_LABELS).map(([value, label]) => ({ value, label }))}
                onChange={(kind: RuleKind) =>
                  edit(r.key, {
                    rule:
                      kind === 'perItem' || kind === 'major'
                        ? { kind, deduct: 1, unit: '次' }
                        : kind === 'fixed'
                          ? { kind, absentDeduct: null }
                          : kind === 'bonus'
                            ? { kind, perItem: null, threshold: null, inclusive: true, unit: '次' }
                            : { kind },
                  })
                }
              />
            ),
          },
          {
            title: '每次扣/加分',
            width: 100,
            render: (_, r) => {
              const rule = r.node.rule;
              if (rule.kind === 'perItem' || rule.kind === 'major') {
                return (
                  <InputNumber
                    size="small"
                    min={0}
                    aria-label={`每次扣分 ${r.key}`}
                    value={rule.deduct}
                    onChange={(v) => edit(r.key, { rule: { ...rule, deduct: v ?? 0 } })}
                  />
                );
              }
              if (rule.kind === 'bonus' && !r.children) {
                return (
                  <InputNumber
                    size="small"
                    min={0}
                    aria-label={`每次加分 ${r.key}`}
                    value={rule.perItem}
                    onChange={(v) => edit(r.key, { rule: { ...rule, perItem: v } })}
                  />
                );
              }
              return null;
            },
          },
          {
            title: '评分标准',
            render: (_, r) => (
              <Typography.Text style={{ fontSize: 12 }} ellipsis={{ tooltip: r.node.criteria }}>
                {r.node.criteria}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Modal>
  );
}
