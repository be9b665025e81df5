import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Collapse,
  Form,
  Input,
  InputNumber,
  Row,
  Space,
  Spin,
  Statistic,
  Tabs,
  Typography,
} from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Upload as UploadShape } from '../../../shared/domain/files';
import {
  countPoints,
  MAX_POINTS_FILE_BYTES,
  SOURCE_KIND_LABELS,
  type PointItem,
  type SourceDocumentMeta,
} from '../../../shared/domain/points';
import type { PointsPreview, PointsSaveResult } from '../../../shared/ipc/contracts/points';
import type { ColumnRole, ColumnRolesInput } from '../../../shared/domain/table-columns';
import { EmptyHint } from '../../components/EmptyHint';
import { TableColumnsEditor } from '../../components/TableColumns';
import { call, toUpload } from '../../api/call';
import { FileDrop, FileRefusal } from '../../components/FileDrop';
import { PageTitle } from '../../components/PageTitle';
import { checkForm, navigate, navigateAnyway, useAction, useBusyAction, useLeaveGuard } from '../../hooks';
import { ItemEditDialog, SplitModal } from './ItemEditModal';
import { mergeWithPrevious, setLevel, splitItem } from '../../../shared/domain/points-edits';
import { ItemTree } from './ItemTree';
import { formatChineseDateTime } from '../../../shared/domain/date-text';
import { DESTRUCTIVE_CONFIRM } from '../../components/destructive';
import { useAskUnsaved } from '../../components/unsaved';

type Source = { upload: UploadShape; pastedText: null } | { upload: null; pastedText: string };

const IMPORT_ROUTE = 'points/import';

interface MetaForm {
  title: string;
  docNumber: string;
  issuer: string;
  issuedDate: string;
  year: number;
}

/** 导入上级文件: pick, drop or paste → preview as a tree → correct → save. */
export function ImportView({ defaultYear }: { defaultYear: number }) {
  const { modal } = AntApp.useApp();
  const askUnsaved = useAskUnsaved();
  const [preview, setPreview] = useState<PointsPreview | null>(null);
  const [items, setItemsRaw] = useState<PointItem[]>([]);
  /** The user changed the items (edit, level, merge, split) since the preview: leaving asks first. */
  const [dirty, setDirty] = useState(false);
  const setItems = useCallback((f: (xs: PointItem[]) => PointItem[]) => {
    setItemsRaw(f);
    setDirty(true);
  }, []);
  const [busy, run] = useBusyAction<'read' | 'save'>();
  const act = useAction();
  const [error, setError] = useState<string | null>(null);
  /** Column roles the user chose for the previewed file's tables; sent with every new read of it. */
  const [roles, setRoles] = useState<ColumnRolesInput>([]);
  const [pasted, setPasted] = useState('');
  const [editing, setEditing] = useState<number | null>(null);
  const [splitting, setSplitting] = useState<number | null>(null);
  const [form] = Form.useForm<MetaForm>();

  /**
   * Reads a picked file, a paste, or the previewed file again with another year (nothing uploaded again). Before a
   * preview a refusal stays in the card (setError) so a long explanation can be read; once the preview shows (a
   * re-read for another year) that card is gone, so it is said as a message.
   */
  const read = (next: File | Source | { previewId: string }, year?: number, chosen: ColumnRolesInput = roles) => {
    setError(null);
    return run(
      'read',
      async () => {
        let source: Source | { previewId: string };
        if (next instanceof File) {
          // Said at once, without reading (and sending) a huge file first.
          if (next.size > MAX_POINTS_FILE_BYTES) {
            throw new Error(
              `文件“${next.name}”有 ${(next.size / 1024 / 1024).toFixed(1)} MB，超过导入上限 ${MAX_POINTS_FILE_BYTES / 1024 / 1024} MB。工作要点文件通常不到 1 MB，请确认选对了文件；如文件中有大量图片，请删除图片后另存再导入，或复制文字粘贴导入。`,
            );
          }
          source = { upload: await toUpload(next), pastedText: null };
        } else source = next;
        const p = await call(
          'points.preview',
          'previewId' in source ? { previewId: source.previewId, year, roles: chosen } : { source, year },
        );
        setRoles('previewId' in source ? chosen : []);
        setPreview(p);
        setItemsRaw(p.parsed.items);
        setDirty(false);
        form.setFieldsValue({
          title: p.parsed.title,
          docNumber: p.parsed.docNumber ?? '',
          issuer: p.parsed.issuer ?? '',
          issuedDate: p.parsed.issuedDate ?? '',
          year: p.parsed.yearSource === 'fallback' ? defaultYear : p.parsed.year,
        });
      },
      { onError: preview ? undefined : setError },
    );
  };

  const reset = () => {
    setPreview(null);
    setItemsRaw([]);
    setRoles([]);
    setDirty(false);
    setError(null);
  };

  /**
   * Saves the previewed items in one call; `then` is where to go afterwards (default: the saved document), or what to
   * do instead (a year change the header asked for).
   */
  const save = (then?: string | (() => void)) =>
    run('save', async () => {
      if (!preview) return;
      // The meta card may be scrolled out of sight above the items: say it, not only in red beside the fields.
      const v = await checkForm(form, '文件信息还有没填好的地方，请按红字提示修改后再保存。');
      const meta: SourceDocumentMeta = {
        title: v.title.trim(),
        docNumber: v.docNumber?.trim() || null,
        issuer: v.issuer?.trim() || null,
        issuedDate: v.issuedDate?.trim() || null,
        year: v.year,
      };
      const done = (r: PointsSaveResult) => {
        if (r.status !== 'saved') return;
        const doc = r.document;
        setDirty(false);
        if (typeof then === 'function') then();
        else navigateAnyway(then ?? `points/${doc.id}`);
        return `已保存“${doc.title}”，共 ${doc.itemCount} 条${doc.year !== defaultYear ? `（属于 ${doc.year} 年度，在页头切换年度后可在列表中看到）` : ''}`;
      };
      // One call: the app checks once for the same document and either saves or says what replacing would change.
      const r = await call('points.save', { previewId: preview.previewId, meta, items, replaceDocumentId: null });
      if (r.status === 'saved') return done(r);
      const replace = r.replace;
      modal.confirm({
        title: '已导入过同一文件，是否替换？',
        width: 640,
        content: (
          <div>
            <p>
              “{replace.title}”（{replace.reason}，导入于{formatChineseDateTime(replace.importedAt)}）。替换后将：新增{' '}
              {replace.added} 条，删除 {replace.removed} 条，修改 {replace.changed} 条，{replace.unchanged} 条不变。
            </p>
            {replace.details.length > 0 && (
              <ul style={{ maxHeight: 240, overflow: 'auto', paddingLeft: 20 }}>
                {replace.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
            <p>未变化和修改的条目保留原有关联；原来的原文件由新文件代替。</p>
          </div>
        ),
        okText: '替换',
        ...DESTRUCTIVE_CONFIRM,
        onOk: () =>
          act(async () =>
            done(
              await call('points.save', {
                previewId: preview.previewId,
                meta,
                items,
                replaceDocumentId: replace.documentId,
              }),
            ),
          ),
      });
    });

  /** Leaving with changed items: the app's one 保存 / 不保存 / 取消 question, never a silent loss. */
  const askBeforeLeaving = async (to: string | (() => void) | null, leave: () => void) => {
    const choice = await askUnsaved('预览中合并、拆分、调整层级或编辑过的条目');
    if (choice === 'discard') {
      setDirty(false);
      leave();
    } else if (choice === 'save') await save(to ?? undefined);
  };

  // The guard lives while there are changes; it always asks with the latest items (a ref, not a stale closure).
  const askRef = useRef(askBeforeLeaving);
  askRef.current = askBeforeLeaving;
  // A route change names where it goes; a year change (`proceed`) replaces this screen whatever the route.
  const guard = useMemo(
    () =>
      dirty
        ? (to: string, proceed?: () => void) => {
            if (!proceed && to === IMPORT_ROUTE) return true;
            void askRef.current(proceed ?? to, proceed ?? (() => navigateAnyway(to)));
            return false;
          }
        : null,
    [dirty],
  );
  useLeaveGuard(guard);

  const leaveTo = (to: string) => (dirty ? askBeforeLeaving(to, () => navigateAnyway(to)) : navigate(to));
  const chooseAgain = () => (dirty ? askBeforeLeaving(null, reset) : reset());
  const rereadForYear = (y: number) => {
    if (!preview) return;
    if (!dirty) {
      void read({ previewId: preview.previewId }, y);
      return;
    }
    modal.confirm({
      title: `按 ${y} 年重新识别？`,
      content: '重新识别会按原文件重新生成条目，预览中对条目的修改（合并、拆分、层级、编辑）将丢失。',
      okText: '重新识别',
      ...DESTRUCTIVE_CONFIRM,
      onOk: () => read({ previewId: preview.previewId }, y),
    });
  };

  /** The year the preview was read for, kept when it is read again with other column roles. */
  const readYear = preview?.parsed.yearSource === 'given' ? preview.parsed.year : undefined;
  const changeRoles = (table: number, next: ColumnRole[]) => {
    if (!preview) return;
    const chosen = [...roles.filter((r) => r.table !== table), { table, roles: next }];
    if (!dirty) {
      void read({ previewId: preview.previewId }, readYear, chosen);
      return;
    }
    modal.confirm({
      title: '按新的列重新识别？',
      content: '重新识别会按原文件重新生成条目，预览中对条目的修改（合并、拆分、层级、编辑）将丢失。',
      okText: '重新识别',
      ...DESTRUCTIVE_CONFIRM,
      onOk: () => read({ previewId: preview.previewId }, readYear, chosen),
    });
  };

  const actions = useMemo(
    () => ({
      onEdit: setEditing,
      onLevel: (i: number, lv: number) => setItems((xs) => setLevel(xs, i, lv)),
      onMerge: (i: number) => setItems((xs) => mergeWithPrevious(xs, i)),
      onSplit: setSplitting,
    }),
    [setItems],
  );

  const counts = countPoints(items);
  const year = Form.useWatch('year', form) ?? defaultYear;

  return (
    <div>
      <PageTitle title="导入上级文件" extra={<Button onClick={() => leaveTo('points')}>返回列表</Button>}>
        支持 Word（.docx）、Excel
        分工表（.xlsx）、文本文件（.txt），也可以直接粘贴网页上复制的文字。保存前可以调整层级、合并或拆分条目、修正责任单位和时限。
      </PageTitle>
      {!preview && (
        <Card>
          <Spin spinning={busy === 'read'} tip="正在识别…">
            <Tabs
              items={[
                {
                  key: 'file',
                  label: '选择或拖入文件',
                  children: (
                    <FileDrop
                      accept=".docx,.xlsx,.txt,.doc,.wps,.pdf,.xls"
                      disabled={busy !== null}
                      onFile={(f) => void read(f)}
                      text="点击选择文件，或把文件拖到这里"
                      hint="Word（.docx）、Excel 分工表（.xlsx）或文本（.txt）；旧版 .doc/.wps 请先另存为 .docx"
                    />
                  ),
                },
                {
                  key: 'paste',
                  label: '粘贴文字',
                  children: (
                    <Space direction="vertical" style={{ width: '100%' }}>
                      <Input.TextArea
                        aria-label="粘贴的文字"
                        value={pasted}
                        onChange={(e) => setPasted(e.target.value)}
                        autoSize={{ minRows: 8, maxRows: 20 }}
                        placeholder="把工作要点全文（从网页或文档中复制）粘贴到这里"
                      />
                      <Button
                        type="primary"
                        disabled={!pasted.trim() || busy !== null}
                        onClick={() => void read({ upload: null, pastedText: pasted })}
                      >
                        识别粘贴的文字
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
          </Spin>
          {error && <FileRefusal message={error} />}
        </Card>
      )}

      {preview && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {preview.parsed.warnings.map((w) => (
            <Alert key={w} type="info" showIcon title={w} />
          ))}
          <Card title={`文件信息（${SOURCE_KIND_LABELS[preview.parsed.sourceKind]}：${preview.fileName}）`}>
            <Form form={form} layout="vertical">
              <Row gutter={16}>
                <Col span={12}>
                  <Form.Item
                    name="title"
                    label="文件标题"
                    rules={[
                      { required: true, whitespace: true, message: '请填写文件标题' },
                      { max: 200, message: '标题不能超过200个字' },
                    ]}
                  >
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name="docNumber" label="文号">
                    <Input placeholder="如 黔府办发〔2020〕12号" />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
                    <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="issuer" label="发文单位">
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item
                    name="issuedDate"
                    label="成文日期"
                    rules={[{ pattern: /^$|^\d{4}-\d{2}-\d{2}$/, message: '格式为 2020-06-05' }]}
                  >
                    <Input placeholder="2020-06-05" />
                  </Form.Item>
                </Col>
                <Col span={6} style={{ display: 'flex', alignItems: 'center' }}>
                  {year !== preview.parsed.year && (
                    <Button onClick={() => rereadForYear(year)}>按 {year} 年重新识别时限</Button>
                  )}
                </Col>
              </Row>
            </Form>
          </Card>
          {preview.parsed.tables.length > 0 && (
            <Card title="表格各列的内容" size="small">
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                每列上方是识别出的内容，可以改选；改选后立即按新的选择重新识别条目，同样表头的表格以后会自动沿用。
              </Typography.Paragraph>
              <Spin spinning={busy === 'read'}>
                <Collapse
                  size="small"
                  defaultActiveKey={preview.parsed.tables
                    .filter((t) => t.found || preview.parsed.items.length === 0)
                    .map((t) => String(t.table))}
                  items={preview.parsed.tables.map((t) => ({
                    key: String(t.table),
                    label: `${t.where}${t.found ? '' : items.length ? '（未按表格读取，按文字识别）' : '（未认出各列）'}`,
                    children: (
                      <TableColumnsEditor
                        table={t}
                        kind="points"
                        disabled={busy !== null}
                        onChange={(next) => changeRoles(t.table, next)}
                      />
                    ),
                  }))}
                />
              </Spin>
            </Card>
          )}
          <Card
            title="识别出的条目"
            extra={
              <Space>
                {items.length === 0 && (
                  <Typography.Text type="warning">还没有条目，不能保存：请先为表格各列选择内容</Typography.Text>
                )}
                <Button onClick={chooseAgain}>重新选择</Button>
                <Button
                  type="primary"
                  loading={busy === 'save'}
                  disabled={items.length === 0}
                  onClick={() => void save()}
                >
                  保存
                </Button>
              </Space>
            }
          >
            <Row gutter={16} style={{ marginBottom: 12 }}>
              <Col span={6}>
                <Statistic title="条目" value={counts.items} suffix="条" />
              </Col>
              <Col span={6}>
                <Statistic
                  title="没有责任单位"
                  value={counts.withoutUnit}
                  suffix="条"
                  valueStyle={counts.withoutUnit ? { color: '#cf1322' } : undefined}
                />
              </Col>
              <Col span={6}>
                <Statistic title="有完成时限" value={counts.withDeadline} suffix="条" />
              </Col>
            </Row>
            <Typography.Paragraph type="secondary">
              共 {counts.items} 条，{counts.withoutUnit} 条没有责任单位，{counts.withDeadline}{' '}
              条有完成时限。红色竖线标出没有责任单位的条目，可点“编辑”补上。
            </Typography.Paragraph>
            {items.length ? (
              <ItemTree items={items} actions={actions} />
            ) : (
              <EmptyHint
                title="还没有识别出条目"
                hint="在上面“表格各列的内容”中为每列选择它是什么（至少要有“条目内容”或“分组”），选好后立即重新识别。"
              />
            )}
          </Card>
        </Space>
      )}
      {editing !== null && items[editing] && (
        <ItemEditDialog
          item={items[editing]}
          onClose={() => setEditing(null)}
          onSave={async (it) => {
            setItems((xs) => xs.map((x, i) => (i === editing ? it : x)));
            setEditing(null);
          }}
        />
      )}
      <SplitModal
        item={splitting === null ? null : (items[splitting] ?? null)}
        onCancel={() => setSplitting(null)}
        onOk={(at) => {
          setItems((xs) => splitItem(xs, splitting!, at, year));
          setSplitting(null);
        }}
      />
    </div>
  );
}
