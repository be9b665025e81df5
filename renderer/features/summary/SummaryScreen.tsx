import { AuditOutlined, DownloadOutlined, EditOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  Segmented,
  Space,
  Tag,
  Typography,
} from 'antd';
import { Fragment, useEffect, useRef, useState } from 'react';
import {
  countedBeforeEnd,
  figureLabel,
  figuresCountedTo,
  renderSegments,
  summaryDateIssues,
  type FigureChange,
  type Figures,
  type RefreshResult,
  type Summary,
  type SummaryKind,
  type SummaryParagraph,
} from '../../../shared/domain/summary';
import { call } from '../../api/call';
import { useYear } from '../../app-context';
import { DateField } from '../../components/DateField';
import { dateIssueRules } from '../../components/dateRules';
import { EmptyHint } from '../../components/EmptyHint';
import { LazyTooltip } from '../../components/LazyTooltip';
import { ScrollTable } from '../../components/ScrollTable';
import { PageTitle } from '../../components/PageTitle';
import { FormDialog } from '../../components/FormDialog';
import { focusAtEnd } from '../../components/keyboard';
import { useAskUnsaved, useUnsavedLeave } from '../../components/unsaved';
import { useCheckedDeliver } from '../../components/CheckedExport';
import { navigate, useAction, useLoad } from '../../hooks';
import { formatFigureValue } from '../../../shared/domain/summary-figures';
import { formatChineseDate, formatChineseDateTime } from '../../../shared/domain/date-text';
import { DESTRUCTIVE_CONFIRM } from '../../components/destructive';

const KIND_OPTIONS: { value: SummaryKind; label: string }[] = [
  { value: '年度', label: '年度总结' },
  { value: '半年', label: '上半年总结' },
];

/** A template's text with each figure marked: its source on hover, and what it was before a refresh that changed it. */
/** Text whose line breaks start new paragraphs in print: each new line starts on its own, indented two characters. */
function Lines({ text }: { text: string }) {
  return (
    <>
      {text.split('\n').map((line, i) => (
        <Fragment key={i}>
          {i > 0 && <br />}
          {i > 0 && <span style={{ display: 'inline-block', width: '2em' }} />}
          {line}
        </Fragment>
      ))}
    </>
  );
}

function FigureText({ template, figures, changes }: { template: string; figures: Figures; changes: FigureChange[] }) {
  return (
    <>
      {renderSegments(template, figures, changes).map((s, i) => {
        if (!('figure' in s))
          return (
            <span key={i}>
              <Lines text={s.text} />
            </span>
          );
        const f = figures[s.figure];
        const changed = s.changedFrom !== undefined;
        const tip = (
          <div>
            <div>来源：{s.source}</div>
            {f && f.previous !== null && <div>上年同期：{formatFigureValue(f.previous)}</div>}
            {changed && <div>刷新前：{formatFigureValue(s.changedFrom ?? null)}</div>}
          </div>
        );
        return (
          <LazyTooltip key={i} title={tip}>
            <span
              data-figure={s.figure}
              className={changed ? 'summary-figure-changed' : 'summary-figure'}
              style={
                changed
                  ? { background: '#fff1b8', borderBottom: '2px solid #faad14', padding: '0 1px' }
                  : { borderBottom: '1px dashed #8c8c8c' }
              }
              aria-label={changed ? `${s.text}（刷新前为${formatFigureValue(s.changedFrom ?? null)}）` : undefined}
            >
              {s.text}
            </span>
          </LazyTooltip>
        );
      })}
    </>
  );
}

function changeLine(c: FigureChange): string {
  return `${figureLabel(c.name, { value: c.to, previous: null, source: c.source })}：${formatFigureValue(c.from)} → ${formatFigureValue(c.to)}`;
}

interface EditState {
  id: number;
  heading: string;
  text: string;
  dirty: boolean;
}

function ParagraphView({
  p,
  summary,
  editing,
  onEdit,
  onChange,
  onSave,
  onCancel,
  onReset,
  onKeep,
  busy,
}: {
  p: SummaryParagraph;
  summary: Summary;
  editing: EditState | null;
  busy: boolean;
  onEdit: () => void;
  onChange: (e: EditState) => void;
  onSave: () => void;
  onCancel: () => void;
  onReset: () => void;
  onKeep: () => void;
}) {
  const isEditing = editing?.id === p.id;
  // Opened (修改, by click or keyboard), the paragraph's text has the caret after its last character: a clerk goes on
  // from the end of what is written (a heading-only paragraph: its heading).
  const editor = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const field = editor.current?.querySelector('textarea') ?? editor.current?.querySelector('input');
    if (isEditing && field) focusAtEnd(field);
  }, [isEditing]);
  const headingStyle =
    p.level === 1
      ? { fontFamily: '"黑体", SimHei, sans-serif', fontWeight: 600 }
      : { fontFamily: '"楷体_GB2312", KaiTi, serif', fontWeight: 600 };
  const label = p.level === 1 ? p.heading : p.heading || (p.userText ?? p.template).slice(0, 12);
  return (
    <div
      className="summary-paragraph"
      aria-label={`段落：${label}`}
      role="group"
      style={{
        position: 'relative',
        padding: '6px 8px',
        margin: '0 -8px',
        borderRadius: 4,
        background: isEditing ? '#f0f5ff' : undefined,
      }}
    >
      {isEditing ? (
        <div ref={editor}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {p.level !== 0 && (
              <Input
                aria-label="小标题"
                value={editing.heading}
                onChange={(e) => onChange({ ...editing, heading: e.target.value, dirty: true })}
              />
            )}
            {p.level !== 1 && (
              <Input.TextArea
                aria-label="段落文字"
                autoSize={{ minRows: 3, maxRows: 14 }}
                value={editing.text}
                onChange={(e) => onChange({ ...editing, text: e.target.value, dirty: true })}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onSave();
                  if (e.key === 'Escape') onCancel();
                }}
              />
            )}
            <Flex justify="space-between" align="center">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                数字改成文字后不再随数据刷新；Ctrl+Enter 保存，Esc 取消。
              </Typography.Text>
              <Space>
                <Button onClick={onCancel}>取消</Button>
                <Button type="primary" loading={busy} onClick={onSave}>
                  保存
                </Button>
              </Space>
            </Flex>
          </Space>
        </div>
      ) : (
        <div style={{ textIndent: p.level === 1 ? '2em' : '2em', lineHeight: 1.9, fontSize: 15 }}>
          {p.heading && <span style={headingStyle}>{p.heading}</span>}
          {p.level !== 1 &&
            (p.userText !== null ? (
              <span>
                {p.userText ? (
                  <Lines text={p.userText} />
                ) : (
                  <Typography.Text type="secondary">（本段已清空，导出时不包含）</Typography.Text>
                )}
              </span>
            ) : (
              <FigureText template={p.template} figures={summary.figures} changes={p.changes} />
            ))}
          <span style={{ marginLeft: 8, whiteSpace: 'nowrap', textIndent: 0 }}>
            {p.edited && <Tag color="blue">已手动修改</Tag>}
            {!p.edited && p.changes.some((c) => c.from !== c.to) && <Tag color="gold">数据已更新</Tag>}
            <Button size="small" type="link" icon={<EditOutlined />} aria-label={`修改：${label}`} onClick={onEdit}>
              修改
            </Button>
          </span>
        </div>
      )}
      {!isEditing && p.pending && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 6 }}
          title="本段你修改过，按最新数据生成的文字有变化"
          description={
            <div>
              {p.changes.length > 0 && <div>{p.changes.map(changeLine).join('；')}</div>}
              <details style={{ marginTop: 4 }}>
                <summary style={{ cursor: 'pointer' }}>查看按最新数据生成的文字</summary>
                <div style={{ marginTop: 4, color: 'rgba(0,0,0,0.75)' }}>
                  {p.pending.heading}
                  <FigureText template={p.pending.template} figures={summary.figures} changes={p.changes} />
                </div>
              </details>
            </div>
          }
          action={
            <Space direction="vertical" size={4}>
              <Button size="small" onClick={onKeep}>
                保留我的文字
              </Button>
              <Button size="small" danger onClick={onReset}>
                改用新文字
              </Button>
            </Space>
          }
        />
      )}
      {!isEditing && p.orphan && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 6 }}
          title="数据中已没有与本段对应的内容（本段是你修改过的，已保留）"
          action={
            <Space>
              <Button size="small" onClick={onKeep}>
                保留
              </Button>
              <Button size="small" danger onClick={onReset}>
                删除本段
              </Button>
            </Space>
          }
        />
      )}
      {!isEditing && p.edited && !p.pending && !p.orphan && p.level !== 1 && (
        <Button size="small" type="link" style={{ paddingLeft: 0 }} onClick={onReset}>
          恢复为按数据生成的文字
        </Button>
      )}
    </div>
  );
}

function MetaDialog({
  summary,
  onClose,
  onSaved,
}: {
  summary: Summary;
  onClose: () => void;
  onSaved: (s: Summary) => void;
}) {
  const [form] = Form.useForm();
  const save = async () => {
    const v = await form.validateFields();
    onSaved(await call('summary.saveMeta', { id: summary.id, ...v }));
    onClose();
    return '已保存';
  };
  return (
    <FormDialog title="标题、主送与落款" form={form} onSave={save} onClose={onClose} width={560}>
      <Form form={form} layout="vertical" initialValues={summary}>
        <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="addressee" label="主送机关（可不填）">
          <Input placeholder="如：县政务公开领导小组办公室" />
        </Form.Item>
        <Form.Item name="signatureOrg" label="落款单位" rules={[{ required: true, message: '请填写落款单位' }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="signatureDate"
          label="成文日期"
          extra={`总结中的数字统计到${formatChineseDate(figuresCountedTo(summary))}，成文日期不能早于这一天。`}
          rules={[
            { required: true, message: '请选择日期' },
            ...dateIssueRules((v) => summaryDateIssues(v, summary), ['signatureDate']),
          ]}
        >
          <DateField />
        </Form.Item>
        <Form.Item name="publicNote" valuePropName="checked" style={{ marginBottom: 4 }}>
          <Checkbox>附注“（此件主动公开）”</Checkbox>
        </Form.Item>
        <Form.Item name="withTables" valuePropName="checked" style={{ marginBottom: 4 }}>
          <Checkbox>附件：主要数据、重点任务完成情况、培训情况等表格</Checkbox>
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.withTables !== b.withTables}>
          {({ getFieldValue }) => (
            <Form.Item name="withCharts" valuePropName="checked" style={{ marginBottom: 0, paddingLeft: 24 }}>
              <Checkbox disabled={!getFieldValue('withTables')}>
                附统计图（重点任务完成情况、各月培训，以图片插入）
              </Checkbox>
            </Form.Item>
          )}
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

function FiguresPanel({ summary }: { summary: Summary }) {
  const rows = Object.entries(summary.figures)
    .filter(([k, f]) => !k.startsWith('plan.section.') && !(typeof f.value === 'string' && f.value.length > 8))
    .map(([name, f]) => ({ name, label: figureLabel(name, f), ...f }));
  // Counted before the period's end: 1 January to that day, beside the same days of the year before.
  const early = countedBeforeEnd(summary) !== null;
  return (
    <Card size="small" title="引用的数据" styles={{ body: { padding: 0 } }}>
      <ScrollTable
        size="small"
        rowKey="name"
        pagination={false}
        maxHeight="calc(100vh - 268px)"
        dataSource={rows}
        columns={[
          {
            title: '项目',
            dataIndex: 'label',
            render: (s: string, r) => (
              <LazyTooltip title={`来源：${r.source}`}>
                <span>{s}</span>
              </LazyTooltip>
            ),
          },
          {
            title: early ? '今年以来' : summary.kind === '半年' ? '上半年' : '本年',
            dataIndex: 'value',
            width: 64,
            align: 'center',
            render: (v) => formatFigureValue(v),
          },
          {
            title: early || summary.kind === '半年' ? '上年同期' : '上年',
            dataIndex: 'previous',
            width: 64,
            align: 'center',
            render: (v) => formatFigureValue(v),
          },
        ]}
        locale={{ emptyText: '各业务还没有可引用的记录' }}
      />
    </Card>
  );
}

/** 年度总结: the draft written from the year's records, edited paragraph by paragraph, refreshed and exported. */
export function SummaryScreen() {
  const year = useYear();
  const { modal } = AntApp.useApp();
  const act = useAction();
  const checked = useCheckedDeliver();
  const askUnsaved = useAskUnsaved();
  const [kind, setKind] = useState<SummaryKind>('年度');
  const loaded = useLoad(() => call('summary.get', { year, kind }), [year, kind]);
  // From the first render when useLoad has the answer already (a screen built anew): one render, not two.
  const [summary, setSummary] = useState<Summary | null>(() => loaded.data ?? null);
  const [editing, setEditing] = useState<EditState | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [refreshed, setRefreshed] = useState<RefreshResult | null>(null);
  const [meta, setMeta] = useState(false);

  useEffect(() => {
    setSummary(loaded.data ?? null);
  }, [loaded.data]);

  /** One user action through useAction (its message on success, the service's on refusal), with its button busy. */
  const doing = async (what: string, work: () => Promise<string | void | undefined>): Promise<boolean> => {
    setBusy(what);
    try {
      return await act(work);
    } finally {
      setBusy(null);
    }
  };

  const saveParagraph = (): Promise<boolean> =>
    editing
      ? doing('save', async () => {
          setSummary(
            await call('summary.updateParagraph', { id: editing.id, heading: editing.heading, text: editing.text }),
          );
          setEditing(null);
          return '已保存本段';
        })
      : Promise.resolve(true);

  // Leaving the screen (menu, any route, the year, closing the window) with an unsaved paragraph asks 保存 / 不保存 / 取消.
  useUnsavedLeave(!!editing?.dirty, saveParagraph, '正在修改的段落');

  /** Actions on this screen that would drop the paragraph being edited ask the same question first. */
  const settleEdit = async (then: () => void) => {
    if (!editing?.dirty) return then();
    const choice = await askUnsaved('正在修改的段落');
    if (choice === 'discard') {
      setEditing(null);
      then();
    } else if (choice === 'save' && (await saveParagraph())) then();
  };

  const create = () =>
    doing('create', async () => {
      const s = await call('summary.create', { year, kind });
      setSummary(s);
      return `已按本年度数据生成草稿（约 ${s.length} 字）`;
    });

  const refresh = () =>
    settleEdit(
      () =>
        void doing('refresh', async () => {
          setEditing(null);
          const r = await call('summary.refresh', { id: summary!.id });
          setSummary(r.summary);
          setRefreshed(r);
        }),
    );

  const regenerate = () =>
    settleEdit(() =>
      modal.confirm({
        title: '按最新数据重新生成整篇草稿？',
        content: '所有手动修改过的段落都会被替换为按数据生成的文字，且不能撤销。只想更新数字请用“刷新数据”。',
        okText: '重新生成',
        ...DESTRUCTIVE_CONFIRM,
        onOk: () =>
          doing('regenerate', async () => {
            setEditing(null);
            setRefreshed(null);
            setSummary(await call('summary.regenerate', { id: summary!.id }));
            return '已重新生成';
          }),
      }),
    );

  const startEdit = (p: SummaryParagraph) =>
    settleEdit(() =>
      setEditing({
        id: p.id,
        heading: p.heading,
        text:
          p.userText ??
          renderSegments(p.template, summary!.figures)
            .map((s) => s.text)
            .join(''),
        dirty: false,
      }),
    );

  const reset = (p: SummaryParagraph) =>
    modal.confirm({
      title: p.orphan ? '删除本段？' : '改用按数据生成的文字？',
      content: p.orphan
        ? '本段是你写的，数据中已没有对应内容。删除后不能恢复。'
        : '你对本段的修改将被按最新数据生成的文字替换。',
      okText: p.orphan ? '删除' : '替换',
      ...DESTRUCTIVE_CONFIRM,
      onOk: () =>
        doing('reset', async () => {
          setSummary(await call('summary.resetParagraph', { id: p.id }));
          return p.orphan ? '已删除本段' : '已改用按数据生成的文字';
        }),
    });

  const keep = (p: SummaryParagraph) =>
    doing('keep', async () => {
      setSummary(await call('summary.keepParagraph', { id: p.id }));
      return '已保留你的文字';
    });

  const exportDocx = () =>
    settleEdit(() => {
      setBusy('export');
      // The 核对's open findings about this summary are named first (useCheckedDeliver).
      void checked(kind === '半年' ? 'summary-half-docx' : 'summary-docx', year, () =>
        call('summary.export', { year, kind }),
      ).finally(() => setBusy(null));
    });

  const s = summary;
  const changedFigures = refreshed?.changed ?? [];
  return (
    <div>
      <PageTitle
        title="年度总结"
        extra={
          <Space wrap>
            <Segmented
              aria-label="总结类型"
              options={KIND_OPTIONS}
              value={kind}
              onChange={(v) =>
                void settleEdit(() => {
                  setEditing(null);
                  setRefreshed(null);
                  setKind(v as SummaryKind);
                })
              }
            />
            {s && (
              <>
                <Button icon={<ReloadOutlined />} loading={busy === 'refresh'} onClick={() => void refresh()}>
                  刷新数据
                </Button>
                <Button icon={<SettingOutlined />} onClick={() => setMeta(true)}>
                  标题与落款
                </Button>
                <Button
                  type="primary"
                  icon={<DownloadOutlined />}
                  loading={busy === 'export'}
                  onClick={() => void exportDocx()}
                >
                  导出 Word
                </Button>
                <Button danger loading={busy === 'regenerate'} onClick={() => void regenerate()}>
                  重新生成
                </Button>
                <Button icon={<AuditOutlined />} onClick={() => navigate(`yearcheck/${year}`)}>
                  年度核对
                </Button>
              </>
            )}
          </Space>
        }
      >
        {s
          ? `草稿约 ${s.length} 字 · 数据取自${formatChineseDateTime(s.refreshedAt)} · 虚线下划线的数字随数据刷新，鼠标停留可看来源`
          : `${year}年${kind === '半年' ? '上半年' : ''}政务公开工作总结`}
      </PageTitle>
      {loaded.error && <Alert type="error" showIcon title={loaded.error} style={{ marginBottom: 12 }} />}
      {refreshed && (
        <Alert
          closable
          onClose={() => setRefreshed(null)}
          style={{ marginBottom: 12 }}
          type={refreshed.waiting ? 'warning' : 'success'}
          showIcon
          title={
            changedFigures.length
              ? `刷新完成：${changedFigures.length} 项数字有变化，${refreshed.updated} 段已自动更新${refreshed.waiting ? `，${refreshed.waiting} 段你修改过，请逐段确认` : ''}`
              : '刷新完成：数据没有变化'
          }
          description={
            changedFigures.length || refreshed.signatureDate ? (
              <div style={{ maxHeight: 96, overflow: 'auto' }}>
                {refreshed.signatureDate && (
                  <div>
                    落款日期已由{formatChineseDate(refreshed.signatureDate.from)}改为
                    {formatChineseDate(refreshed.signatureDate.to)}：落款不能早于数据统计到的日期。
                  </div>
                )}
                {changedFigures.slice(0, 12).map((c) => (
                  <div key={c.name}>{changeLine(c)}</div>
                ))}
                {changedFigures.length > 12 && <div>另有 {changedFigures.length - 12} 项</div>}
              </div>
            ) : undefined
          }
        />
      )}
      {!loaded.loading && !s && !loaded.error && (
        <Card>
          <EmptyHint
            title={`还没有${year}年${kind === '半年' ? '上半年' : '年度'}工作总结草稿`}
            hint="将按实施方案、培训、AB岗等记录起草开头、主要做法和成效、存在的问题、下一步工作打算；每段都可修改，数字可随时刷新。"
            action={
              <Button type="primary" loading={busy === 'create'} onClick={() => void create()}>
                生成草稿
              </Button>
            }
          />
        </Card>
      )}
      {s && (
        <Flex gap={16} align="flex-start">
          <Card style={{ flex: 1, minWidth: 0 }} styles={{ body: { padding: '20px 32px' } }} aria-label="总结草稿">
            <div
              style={{
                textAlign: 'center',
                fontSize: 20,
                fontWeight: 600,
                marginBottom: 12,
                fontFamily: '"方正小标宋简体", "Noto Serif CJK SC", serif',
              }}
            >
              {s.title}
            </div>
            {s.addressee && <div style={{ fontSize: 15, marginBottom: 4 }}>{s.addressee}：</div>}
            {s.paragraphs.map((p) => (
              <ParagraphView
                key={p.id}
                p={p}
                summary={s}
                editing={editing}
                busy={busy === 'save'}
                onEdit={() => void startEdit(p)}
                onChange={setEditing}
                onSave={() => void saveParagraph()}
                onCancel={() => void settleEdit(() => setEditing(null))}
                onReset={() => reset(p)}
                onKeep={() => void keep(p)}
              />
            ))}
            <div style={{ textAlign: 'right', marginTop: 16, fontSize: 15, lineHeight: 1.9, paddingRight: '2em' }}>
              <div>{s.signatureOrg}</div>
              <div>{s.signatureDate.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}</div>
            </div>
            {s.publicNote && <div style={{ textIndent: '2em', fontSize: 15 }}>（此件主动公开）</div>}
          </Card>
          <div style={{ width: 330, flex: 'none', position: 'sticky', top: 0 }}>
            <FiguresPanel summary={s} />
          </div>
        </Flex>
      )}
      {meta && s && <MetaDialog summary={s} onClose={() => setMeta(false)} onSaved={setSummary} />}
    </div>
  );
}
