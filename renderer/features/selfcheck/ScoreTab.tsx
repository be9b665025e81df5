import { DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Dropdown, Space, Statistic, Switch, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import {
  gradeText,
  levelOf,
  maxLabel,
  ratedLabel,
  type IndicatorPreview,
  type SelfcheckRow,
  type SelfcheckView,
} from '../../../shared/domain/selfcheck';
import type { Upload as UploadFile } from '../../../shared/domain/files';
import { call, toUpload } from '../../api/call';
import { EmptyHint } from '../../components/EmptyHint';
import { useCheckedDeliver } from '../../components/CheckedExport';
import { ScrollTable } from '../../components/ScrollTable';
import { useAction } from '../../hooks';
import { ImportDialog } from './ImportDialog';
import { ScoreDrawer } from './ScoreDrawer';
import { GradesDialog, IndicatorDialog, useRemoveIndicator, type NodeTarget } from './TemplateEdit';

interface TreeRow extends SelfcheckRow {
  children?: TreeRow[];
}

/** What the records say about a leaf, at a glance: its 建议分, that it was accepted or changed, or that it needs a look. */
function ProposalTag({ row }: { row: SelfcheckRow }) {
  if (!row.isLeaf) return null;
  const p = row.proposal;
  if (row.proposalAlert)
    return (
      <Tag color="red" title={row.proposalAlert}>
        待核对
      </Tag>
    );
  if (p && row.entry.rated && row.decision === 'accepted') return <Tag color="green">按记录</Tag>;
  if (p && row.entry.rated && row.decision === 'override')
    return (
      <Tag color="orange" title={`修改理由：${row.overrideReason}`}>
        已修改
      </Tag>
    );
  if (p?.score !== null && p?.score !== undefined) return <Tag color="blue">建议{p.score}分</Tag>;
  if (!p && row.recordMeasure === null && row.suggestedMeasure)
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        可由记录计算
      </Typography.Text>
    );
  return null;
}

function toTree(rows: SelfcheckRow[]): TreeRow[] {
  const byParent = new Map<number | null, TreeRow[]>();
  for (const r of rows) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), { ...r }]);
  const attach = (list: TreeRow[]): TreeRow[] =>
    list.map((r) => {
      const kids = byParent.get(r.id);
      return kids ? { ...r, children: attach(kids) } : r;
    });
  return attach(byParent.get(null) ?? []);
}

/** 自查评分: the template as a tree with scores; import or start a template when the year has none. */
export function ScoreTab({ year, view, reload }: { year: number; view: SelfcheckView; reload: () => Promise<void> }) {
  const { message } = AntApp.useApp();
  const act = useAction();
  const checked = useCheckedDeliver();
  const [preview, setPreview] = useState<{
    preview: IndicatorPreview;
    upload: UploadFile | null;
    source: 'import' | 'builtin';
  } | null>(null);
  const [reading, setReading] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const [editMode, setEditMode] = useState(false);
  const [nodeTarget, setNodeTarget] = useState<NodeTarget | null>(null);
  const [gradesOpen, setGradesOpen] = useState(false);
  const tree = useMemo(() => toTree(view.rows), [view.rows]);
  const openRow = view.rows.find((r) => r.id === openId) ?? null;
  /** After an edit: new totals on screen, and what the edit left to look at. */
  const edited = async (warnings: string[]) => {
    await reload();
    if (warnings.length) message.warning({ content: `请核对：${warnings.join('；')}`, duration: 8 });
  };
  const removeNode = useRemoveIndicator(edited);

  const readFile = async (file: File) => {
    setReading(true);
    try {
      await act(async () => {
        const upload = await toUpload(file);
        setPreview({ preview: await call('selfcheck.previewFile', { upload }), upload, source: 'import' });
      });
    } finally {
      setReading(false);
    }
    return false;
  };
  const starter = () =>
    act(async () => {
      setPreview({ preview: await call('selfcheck.starterPreview'), upload: null, source: 'builtin' });
    });
  const copy = () =>
    act(async () => {
      await call('selfcheck.copyTemplate', { fromYear: year - 1, toYear: year });
      await reload();
      return `已复制${year - 1}年的考核细则`;
    });
  const importButton = (
    <Upload accept=".xlsx,.docx,.txt" showUploadList={false} beforeUpload={readFile}>
      <Button type="primary" icon={<UploadOutlined />} loading={reading}>
        导入考核细则
      </Button>
    </Upload>
  );
  const dialog = preview && (
    <ImportDialog
      year={year}
      preview={preview.preview}
      upload={preview.upload}
      source={preview.source}
      current={
        view.template && {
          title: view.template.title,
          rated: view.scoredLeaves,
          evidence: view.rows.reduce((n, r) => n + r.evidence.length, 0),
        }
      }
      onClose={() => setPreview(null)}
      onSaved={async () => {
        setPreview(null);
        await reload();
      }}
    />
  );

  if (!view.template) {
    return (
      <Card>
        <EmptyHint
          title={`${year}年还没有考核细则`}
          hint="导入县政务公开办下发的考核评分细则（Excel 或 Word 表格），或先用内置的县级部门参考模板开始自查。"
          action={
            <Space>
              {importButton}
              <Button onClick={starter}>使用内置模板</Button>
              {view.previous && <Button onClick={copy}>复制{year - 1}年细则</Button>}
            </Space>
          }
        />
        {dialog}
      </Card>
    );
  }
  const t = view.template;
  const grade = gradeText(view);
  const prevGrade = view.previous ? gradeText(view.previous) : null;
  return (
    <div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space size={28} wrap align="center">
          <Statistic
            title={view.complete ? '自评总分' : '已评指标得分'}
            value={view.total}
            suffix="分"
            aria-label="自评得分"
          />
          <Statistic
            title="等次"
            value={grade ?? '未评完'}
            valueStyle={{
              color: view.vetoed || view.grade === '不合格' ? '#cf1322' : grade === null ? '#999' : undefined,
            }}
          />
          <Statistic
            title="已评指标"
            value={view.scoredLeaves}
            suffix={`/ ${view.leaves}`}
            valueStyle={{ color: view.complete ? undefined : '#d46b08' }}
          />
          {view.previous && (
            <Statistic
              title={`${view.previous.year}年`}
              value={view.previous.total}
              suffix={prevGrade ?? `未评完（已评部分）`}
            />
          )}
          <div style={{ maxWidth: 400 }}>
            <Typography.Text strong>{t.title}</Typography.Text>
            <div style={{ color: 'rgba(0,0,0,0.5)', fontSize: 12 }}>
              满分{maxLabel(view.maxBase, view.maxBonus)}分 · 等次：
              {t.grades.map((g) => `${g.name}≥${g.min}`).join('、')}
            </div>
            <div style={{ fontSize: 12, marginTop: 2 }} aria-label="已评情况">
              {ratedLabel(view.scoredLeaves, view.leaves)}
              {view.complete
                ? ' · 全部指标已评'
                : ` · 未评的指标不计分${view.vetoed ? '' : view.provisional ? `，等次暂定为“${view.grade}”` : '，评完后确定等次'}`}
            </div>
            {!view.complete && !view.vetoed && (
              <Space size={6} style={{ marginTop: 2 }}>
                <Switch
                  size="small"
                  aria-label="暂定"
                  checked={t.provisional}
                  onChange={(on) =>
                    act(async () => {
                      await call('selfcheck.setProvisional', { year, provisional: on });
                      await reload();
                      return on ? `已标为暂定：等次暂定为“${view.band}”` : '已取消暂定：评完全部指标后确定等次';
                    })
                  }
                />
                <Typography.Text style={{ fontSize: 12 }}>暂定（未评完也显示等次，注明“暂定”）</Typography.Text>
              </Space>
            )}
          </div>
          <Space>
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                checked('selfcheck-xlsx', year, () => call('selfcheck.export', { kind: 'selfcheck-xlsx', year }))
              }
            >
              导出自查评分表
            </Button>
            <Button
              type={editMode ? 'primary' : 'default'}
              icon={<EditOutlined />}
              onClick={() => setEditMode(!editMode)}
            >
              {editMode ? '完成编辑' : '编辑细则'}
            </Button>
            <Dropdown
              menu={{
                items: [
                  {
                    key: 'import',
                    label: (
                      <Upload accept=".xlsx,.docx,.txt" showUploadList={false} beforeUpload={readFile}>
                        重新导入细则…
                      </Upload>
                    ),
                  },
                  { key: 'starter', label: '改用内置模板…', onClick: starter },
                ],
              }}
            >
              <Button>更换细则</Button>
            </Dropdown>
          </Space>
        </Space>
      </Card>
      {editMode && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="编辑细则：修改指标名称、分值或权重、评分标准和计分方式，添加或删除指标；保存后得分立即重新计算。"
          action={
            <Space>
              <Button size="small" icon={<PlusOutlined />} onClick={() => setNodeTarget({ mode: 'add', parent: null })}>
                添加一级指标
              </Button>
              <Button size="small" onClick={() => setGradesOpen(true)}>
                等次设置
              </Button>
            </Space>
          }
        />
      )}
      {view.vetoed && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={`存在单项否决情形，等次为不合格：${view.vetoedBy.join('；')}`}
        />
      )}
      {view.problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message="细则需要核对"
          description={view.problems.join('；')}
        />
      )}
      <ScrollTable<TreeRow>
        size="small"
        rowKey="id"
        dataSource={tree}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        aria-label="自查评分"
        maxHeight="calc(100vh - 360px)"
        onRow={(r) => ({
          onDoubleClick: () => (editMode ? setNodeTarget({ mode: 'edit', row: r }) : r.isLeaf && setOpenId(r.id)),
        })}
        columns={[
          { title: '序号', dataIndex: 'number', width: 110 },
          {
            title: '指标',
            dataIndex: 'name',
            render: (n: string, r) => <span style={{ fontWeight: r.level === 1 ? 600 : undefined }}>{n}</span>,
          },
          {
            title: '分值',
            dataIndex: 'points',
            width: 70,
            align: 'center',
            render: (p: number, r) => (r.rule.kind === 'major' ? '—' : p),
          },
          {
            title: '计分方式',
            dataIndex: 'ruleLabel',
            width: 170,
            ellipsis: true,
            render: (l: string, r) => (r.isLeaf ? l : ''),
          },
          {
            title: '得分',
            dataIndex: 'score',
            width: 100,
            align: 'center',
            render: (s: number, r) =>
              r.vetoed ? (
                <Tag color="red">否决</Tag>
              ) : (r.isLeaf && !r.scored) || (!r.isLeaf && r.leafCount > 0 && r.ratedLeaves === 0) ? (
                <Tag>未评</Tag>
              ) : r.gatedOut ? (
                <span title={view.complete ? '未达到加分门槛，不计入' : '基础得分评完后再确定能否计入'}>
                  {s}（不计）
                </span>
              ) : !r.isLeaf && !r.scored ? (
                <span title={`${ratedLabel(r.ratedLeaves, r.leafCount)}，未评的不计分`}>
                  {s}
                  <span style={{ color: '#999', fontSize: 12 }}>
                    （{r.ratedLeaves}/{r.leafCount}）
                  </span>
                </span>
              ) : r.isLeaf && levelOf(r.rule, r.entry.score) ? (
                // A grade indicator shows the level it was rated at beside its points.
                `${s}（${levelOf(r.rule, r.entry.score)!.label}）`
              ) : (
                s
              ),
          },
          {
            title: '记录',
            width: 96,
            align: 'center',
            render: (_, r) => <ProposalTag row={r} />,
          },
          {
            title: '扣分',
            dataIndex: 'deducted',
            width: 70,
            align: 'center',
            render: (d: number) => (d ? <span style={{ color: '#cf1322' }}>{d}</span> : ''),
          },
          {
            title: '上年',
            dataIndex: 'previousScore',
            width: 70,
            align: 'center',
            render: (p: number | null) => p ?? '',
          },
          { title: '佐证', width: 60, align: 'center', render: (_, r) => (r.evidence.length ? r.evidence.length : '') },
          {
            title: '整改',
            width: 70,
            align: 'center',
            render: (_, r) => (r.rectificationIds.length ? <Tag color="orange">已转</Tag> : ''),
          },
          editMode
            ? {
                title: '编辑',
                width: 190,
                render: (_, r) => (
                  <Space size={0}>
                    <Button
                      size="small"
                      type="link"
                      aria-label={`编辑 ${r.name}`}
                      onClick={() => setNodeTarget({ mode: 'edit', row: r })}
                    >
                      编辑
                    </Button>
                    <Button
                      size="small"
                      type="link"
                      aria-label={`添加下级 ${r.name}`}
                      onClick={() => setNodeTarget({ mode: 'add', parent: r })}
                    >
                      加下级
                    </Button>
                    <Button
                      size="small"
                      type="link"
                      danger
                      aria-label={`删除 ${r.name}`}
                      onClick={() => void removeNode(r)}
                    >
                      删除
                    </Button>
                  </Space>
                ),
              }
            : {
                title: '操作',
                width: 80,
                render: (_, r) =>
                  r.isLeaf ? (
                    <Button size="small" type="link" aria-label={`评分 ${r.name}`} onClick={() => setOpenId(r.id)}>
                      评分
                    </Button>
                  ) : null,
              },
        ]}
      />
      {nodeTarget && (
        <IndicatorDialog
          target={nodeTarget}
          view={view}
          year={year}
          onClose={() => setNodeTarget(null)}
          onDone={async (w) => {
            setNodeTarget(null);
            await edited(w);
          }}
        />
      )}
      {gradesOpen && (
        <GradesDialog
          year={year}
          grades={t.grades}
          total={t.total}
          onClose={() => setGradesOpen(false)}
          onDone={async () => {
            setGradesOpen(false);
            await reload();
          }}
        />
      )}
      {openRow && (
        <ScoreDrawer key={openRow.id} row={openRow} year={year} onClose={() => setOpenId(null)} onChanged={reload} />
      )}
      {dialog}
    </div>
  );
}
