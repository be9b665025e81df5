import {
  Alert,
  App as AntApp,
  Button,
  Checkbox,
  Collapse,
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
import { useMemo, useState } from 'react';
import {
  defaultGrades,
  RULE_KINDS,
  RULE_LABELS,
  ruleLabel,
  type GradeBand,
  type GradeLevel,
  type IndicatorOutput,
  type IndicatorPreview,
  type Rule,
  type RuleKind,
} from '../../../shared/domain/selfcheck';
import { inferRule } from '../../../shared/domain/selfcheck-rules';
import type { Upload } from '../../../shared/domain/files';
import { resolvePoints, templateProblems } from '../../../shared/domain/selfcheck-score';
import { flattenTree, toScoringNodes } from '../../../shared/domain/selfcheck-tree';
import type { ColumnRole, ColumnRolesInput } from '../../../shared/domain/table-columns';
import { call } from '../../api/call';
import { EmptyHint } from '../../components/EmptyHint';
import { TableColumnsEditor } from '../../components/TableColumns';
import { useGuardedClose, useUnsavedLeave } from '../../components/unsaved';
import { useAction, useBusyAction } from '../../hooks';
import { deleteDescription, DESTRUCTIVE_CONFIRM, quoted } from '../../components/destructive';
import { CountedRuleDialog } from './DeductionsFields';

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

/**
 * The 细则 as read (or the built-in template), as a tree to check and correct before saving. An imported file's tables
 * show the role of each column above it; changing one reads the file again at once with the new roles.
 */
export function ImportDialog({
  year,
  preview: first,
  upload,
  source,
  current,
  onClose,
  onSaved,
}: {
  year: number;
  preview: IndicatorPreview;
  upload: Upload | null;
  source: 'import' | 'builtin';
  /** The year's 细则 this one would replace (with what of it is filled in), or null. */
  current: { title: string; rated: number; evidence: number } | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { modal } = AntApp.useApp();
  const act = useAction();
  const [preview, setPreview] = useState<IndicatorPreview>(first);
  const [roles, setRoles] = useState<ColumnRolesInput>([]);
  const [busy, run] = useBusyAction<'read'>();
  /** Reads of the file so far: a new read shows its tree expanded, as the first one. */
  const [reads, setReads] = useState(0);
  const [tree, setTree] = useState<IndicatorOutput[]>(preview.indicators);
  const [title, setTitle] = useState(preview.title);
  const [total, setTotal] = useState<number | null>(preview.total);
  const [replace, setReplace] = useState(false);
  const [grades, setGrades] = useState<GradeBand[]>(defaultGrades(preview.total));
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  /** The counted rule being corrected in its dialog (按次扣分's cap, 分项扣分's findings). */
  const [ruleEdit, setRuleEdit] = useState<{ key: string; name: string; rule: Rule } | null>(null);
  const rows = useMemo(() => toRows(tree), [tree]);
  /** The levels each grade indicator was read with, by position: its 计分方式 changed away and back restores them. */
  const readLevels = useMemo(() => {
    const m = new Map<string, GradeLevel[]>();
    const walk = (xs: Row[]) =>
      xs.forEach((r) => {
        if (r.node.rule.kind === 'grade') m.set(r.key, r.node.rule.levels);
        walk(r.children ?? []);
      });
    walk(toRows(preview.indicators));
    return m;
  }, [preview]);
  /** The problems as the tree and 满分 now stand (a 分值 corrected here drops its problem), with the file's rows. */
  const problems = useMemo(
    () =>
      templateProblems(toScoringNodes(tree), total ?? 100, preview.places).map((p) => ({
        number: p.key,
        message: p.message,
      })),
    [tree, total, preview.places],
  );

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
  /** Points per level as the scoring counts them: a group without points counts its items', weights resolved. */
  const levelSums = useMemo(() => {
    const nodes = toScoringNodes(tree);
    const points = resolvePoints(nodes, total ?? 100);
    const sums: number[] = [];
    for (const { node, level } of flattenTree(nodes)) {
      if (node.rule.kind === 'bonus' || node.rule.kind === 'major') continue;
      sums[level - 1] = (sums[level - 1] ?? 0) + (points.get(node.key) ?? 0);
    }
    return sums;
  }, [tree, total]);
  const sum = (level: number) => Math.round((levelSums[level - 1] ?? 0) * 100) / 100;
  /** Reads the file again with the roles chosen for a table's columns; the tree, name and 满分 follow the new read. */
  const readAgain = (next: ColumnRolesInput) => {
    if (!upload) return;
    const go = () =>
      run('read', async () => {
        const p = await call('selfcheck.previewFile', { upload, roles: next });
        setRoles(next);
        setPreview(p);
        setTree(p.indicators);
        setTitle(p.title);
        setTotal(p.total);
        setGrades(defaultGrades(p.total));
        setReads((n) => n + 1);
        setDirty(false);
      });
    if (!dirty) return void go();
    modal.confirm({
      title: '按新的列重新识别？',
      content: '重新识别会按原文件重新读出指标，对指标名称、分值和计分方式的修改将丢失。',
      okText: '重新识别',
      ...DESTRUCTIVE_CONFIRM,
      onOk: go,
    });
  };
  const changeRoles = (table: number, next: ColumnRole[]) =>
    readAgain([...roles.filter((r) => r.table !== table), { table, roles: next }]);
  /** Why 保存 cannot be pressed yet, in words; null when it can. */
  const blocked =
    tree.length === 0
      ? '还没有读出指标：请先在“表格各列的内容”中为各列选择内容。'
      : !title.trim()
        ? '请填写细则名称。'
        : !total
          ? '请填写满分。'
          : current && !replace
            ? `${year}年已有考核细则：勾选“替换本年度细则”后才能保存（原自评分将删除）。`
            : null;
  const store = async (): Promise<boolean> => {
    if (blocked || !total) return false;
    setSaving(true);
    try {
      return await act(async () => {
        await call('selfcheck.saveTemplate', { year, title, total, grades, indicators: tree, source, upload, replace });
        onSaved();
        return `已保存${year}年考核细则`;
      });
    } finally {
      setSaving(false);
    }
  };
  /** Saves; replacing the year's 细则 asks first, naming what is deleted with it. Whether it was saved. */
  const save = (): Promise<boolean> => {
    if (!current || blocked) return store();
    return new Promise((resolve) =>
      modal.confirm({
        title: `替换${year}年考核细则${quoted(current.title)}？`,
        content: `原细则将被删除，${deleteDescription(
          [
            [current.rated, '项自评分'],
            [current.evidence, '份佐证材料'],
          ],
          '整改台账保留。',
        )}`,
        okText: '替换',
        ...DESTRUCTIVE_CONFIRM,
        onOk: async () => resolve(await store()),
        onCancel: () => resolve(false),
      }),
    );
  };
  // Closing with changes (取消, ×, Esc) or leaving the screen another way (the menu, back/forward, the year, closing
  // the window) asks 保存 / 不保存 / 取消, the app's one question.
  useUnsavedLeave(dirty, save, '对细则的修改');
  const guardedClose = useGuardedClose();
  const cancel = () => void guardedClose({ dirty, save, close: onClose, what: '对细则的修改' });
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
      okButtonProps={{ disabled: blocked !== null || busy !== null }}
      footer={(_, { OkBtn, CancelBtn }) => (
        <Space>
          {blocked && <Typography.Text type="warning">{blocked}</Typography.Text>}
          <CancelBtn />
          <OkBtn />
        </Space>
      )}
      styles={{ body: { maxHeight: 560, overflow: 'auto' } }}
    >
      {/* What the file holds that was not read (hidden rows and columns) or read as blank (#REF!): first, as the
          points preview says it, so it is seen before the tree is checked. */}
      {(preview.warnings ?? []).map((w) => (
        <Alert key={w} type="info" showIcon style={{ marginBottom: 8 }} title={w} />
      ))}
      {source === 'import' && preview.tables && preview.tables.length > 0 && (
        <Collapse
          size="small"
          style={{ marginBottom: 12 }}
          defaultActiveKey={preview.tables.filter((t) => !t.found || tree.length === 0).map((t) => String(t.table))}
          items={[
            ...preview.tables.map((t) => ({
              key: String(t.table),
              label: `表格各列的内容：${t.where}${t.found ? '' : '（未认出各列，请选择）'}`,
              children: (
                <TableColumnsEditor
                  table={t}
                  kind="indicators"
                  disabled={busy !== null}
                  onChange={(next) => changeRoles(t.table, next)}
                />
              ),
            })),
          ]}
        />
      )}
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
            aria-label="满分"
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
        {current && (
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
      {problems.length > 0 && tree.length > 0 && (
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
        key={reads}
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        expandable={{ defaultExpandAllRows: true }}
        aria-label="指标预览"
        tableLayout="fixed"
        locale={{
          emptyText: (
            <EmptyHint
              title="还没有读出指标"
              hint="请在上面“表格各列的内容”中为各列选择内容（至少要有“指标名称”），选好后立即重新识别。"
            />
          ),
        }}
        columns={[
          { title: '序号', dataIndex: 'key', width: 110 },
          {
            title: '指标',
            width: 330,
            // The whole name, wrapped: a 细则's names run to twenty characters and more.
            render: (_, r) => (
              <Input.TextArea
                size="small"
                autoSize={{ minRows: 1, maxRows: 4 }}
                aria-label={`指标名称 ${r.key}`}
                value={r.node.name}
                onChange={(e) => edit(r.key, { name: e.target.value })}
              />
            ),
          },
          {
            title: '分值',
            width: 96,
            render: (_, r) => (
              <InputNumber
                size="small"
                min={0}
                aria-label={`分值 ${r.key}`}
                value={r.node.points}
                disabled={r.node.rule.kind === 'grade'}
                title={r.node.rule.kind === 'grade' ? '按等次评分：分值为最高等次的分值' : undefined}
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
            width: 158,
            render: (_, r) => (
              <Select
                size="small"
                style={{ width: 150 }}
                value={r.node.rule.kind}
                aria-label={`计分方式 ${r.key}`}
                // 按等次评分 is offered where the file gave levels (the 编辑细则 dialog defines new ones).
                options={RULE_KINDS.filter((k) => k !== 'grade' || readLevels.has(r.key)).map((k) => ({
                  value: k,
                  label: RULE_LABELS[k],
                }))}
                onChange={(kind: RuleKind) => {
                  const levels = readLevels.get(r.key);
                  if (kind === 'deductions') {
                    // The findings the words name when they name several; else two to fill in, in the dialog.
                    const read = inferRule(r.node.criteria, '', r.node.points).rule;
                    const rule: Rule =
                      read.kind === 'deductions'
                        ? read
                        : {
                            kind,
                            items: [
                              { finding: '扣分情形1', deduct: 1 },
                              { finding: '扣分情形2', deduct: 1, unit: '次' },
                            ],
                          };
                    edit(r.key, { rule, capped: true });
                    setRuleEdit({ key: r.key, name: r.node.name, rule });
                    return;
                  }
                  edit(
                    r.key,
                    kind === 'grade' && levels
                      ? { rule: { kind, levels }, points: levels[0].points, weight: null }
                      : {
                          rule:
                            kind === 'perItem' || kind === 'major'
                              ? { kind, deduct: 1, unit: '次' }
                              : kind === 'fixed'
                                ? { kind, absentDeduct: null }
                                : kind === 'bonus'
                                  ? { kind, perItem: null, threshold: null, inclusive: true, unit: '次' }
                                  : { kind: kind === 'grade' ? 'manual' : kind },
                        },
                  );
                }}
              />
            ),
          },
          {
            title: '每次扣/加分',
            width: 96,
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
            render: (_, r) => {
              const rule = r.node.rule;
              return (
                <>
                  {r.node.criteria && (
                    <Typography.Text style={{ fontSize: 12 }} ellipsis={{ tooltip: r.node.criteria }}>
                      {r.node.criteria}
                    </Typography.Text>
                  )}
                  {!r.children && rule.kind !== 'grade' && (
                    // The rule in words, as the 自查评分表 will print it; a counted rule is corrected in its dialog.
                    <div style={{ fontSize: 12 }} aria-label={`计分方式的文字 ${r.key}`}>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        计分：{ruleLabel(rule, r.node.capped)}
                      </Typography.Text>
                      {(rule.kind === 'perItem' || rule.kind === 'deductions') && (
                        <Button
                          type="link"
                          size="small"
                          style={{ fontSize: 12, height: 'auto', padding: '0 4px' }}
                          aria-label={`修改计分方式 ${r.key}`}
                          onClick={() => setRuleEdit({ key: r.key, name: r.node.name, rule })}
                        >
                          修改
                        </Button>
                      )}
                    </div>
                  )}
                  {rule.kind === 'grade' && (
                    <div aria-label={`评分等次 ${r.key}`}>
                      {rule.levels.map((l) => (
                        <Tag
                          key={l.label}
                          title={l.criteria}
                          style={{ fontSize: 12, marginTop: 2, whiteSpace: 'normal' }}
                        >
                          {l.label}
                          {l.points}分{l.criteria ? `：${l.criteria}` : ''}
                        </Tag>
                      ))}
                    </div>
                  )}
                </>
              );
            },
          },
        ]}
      />
      {ruleEdit && (
        <CountedRuleDialog
          name={ruleEdit.name}
          rule={ruleEdit.rule}
          onClose={() => setRuleEdit(null)}
          onApply={(rule) => edit(ruleEdit.key, { rule, capped: true })}
        />
      )}
    </Modal>
  );
}
