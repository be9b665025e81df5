import { DownloadOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { RecordChecks } from './RecordChecks';
import { ALL_YEARS, ALL_YEARS_OPEN, ALL_YEARS_OVERDUE, FILTERS, ledgerRoute, readLedgerRoute } from './routes';
import { Button, Checkbox, Col, Form, Input, Row, Select, Space, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import {
  RECT_KINDS,
  RECT_SOURCES,
  RECT_STATES,
  rectificationInputOf,
  type Rectification,
  type RectificationInput,
  type RectProgress,
} from '../../../shared/domain/selfcheck';
import { call, toUpload } from '../../api/call';
import { DateField, todayIso } from '../../components/DateField';
import { DeleteButton } from '../../components/DeleteButton';
import { deleteDescription, deleteTitle, quoted } from '../../components/destructive';
import { EmptyHint } from '../../components/EmptyHint';
import { FormDialog } from '../../components/FormDialog';
import { useCheckedDeliver } from '../../components/CheckedExport';
import { PersonField, PersonIdField } from '../../components/PersonField';
import { YearInput } from '../../components/YearInput';
import { ScrollTable } from '../../components/ScrollTable';
import { navigate, useAction, useDownloadAttachment, useLoad } from '../../hooks';
import { FilePicker } from '../plan/ProgressPanel';
import { LightTag } from '../plan/common';
import { rectStateLabel } from '../../../shared/domain/rectification-label';
import { formatChineseDate } from '../../../shared/domain/date-text';

const STATE_COLORS: Record<string, string> = {
  未开始: 'default',
  整改中: 'processing',
  已完成: 'success',
  已销号: 'green',
};

function RectDialog({
  item,
  year,
  onClose,
  onDone,
}: {
  item: Rectification | null;
  year: number;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const [form] = Form.useForm<RectificationInput>();
  const depts = useLoad(() => call('departments.list', {}), []);
  const state = Form.useWatch('state', form);
  useEffect(() => {
    form.setFieldsValue(
      item
        ? rectificationInputOf(item)
        : { year, source: '自查', kind: '限期整改', state: '未开始', explanation: false },
    );
  }, [form, item, year]);
  const save = async () => {
    const v = await form.validateFields();
    const input = { ...(item ? rectificationInputOf(item) : {}), ...v, year };
    if (item) await call('rectification.update', { id: item.id, item: input });
    else await call('rectification.create', input);
    // The list reloads before the sentence shows, so the saved state is already on screen when it is read.
    await onDone();
    return '已保存整改事项';
  };
  return (
    <FormDialog
      width={780}
      title={item ? `编辑整改事项（第${item.seq}项）` : '新增整改事项'}
      form={form}
      onSave={save}
      onClose={onClose}
    >
      <Form form={form} layout="vertical">
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="source" label="问题来源">
              <Select showSearch optionFilterProp="label" options={RECT_SOURCES.map((s) => ({ value: s, label: s }))} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="origin" label="关联指标或任务">
              <Input maxLength={300} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="problem"
          label="问题描述"
          rules={[{ required: true, whitespace: true, message: '请填写问题描述' }]}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="measure" label="整改措施">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="kind" label="整改类型">
              <Select showSearch optionFilterProp="label" options={RECT_KINDS.map((s) => ({ value: s, label: s }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="deadline" label="整改时限">
              <DateField />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="state" label="状态">
              <Select
                showSearch
                optionFilterProp="label"
                options={RECT_STATES.filter((s) => s !== '已销号').map((s) => ({ value: s, label: s }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            {state === '已完成' && (
              <Form.Item name="completedOn" label="完成日期" rules={[{ required: true, message: '请填写完成日期' }]}>
                <DateField />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="leader" label="责任领导">
              <PersonField />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="departmentId" label="责任科室">
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                options={(depts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="ownerId" label="责任人">
              <PersonIdField />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="explanation" valuePropName="checked">
          <Checkbox>以发布情况说明作为整改（相关事项本年度未发生）</Checkbox>
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input maxLength={2000} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/** The evidence of one recorded progress entry: download, remove (asks first), add more files. */
function EntryEvidence({
  entry,
  locked,
  onChanged,
}: {
  entry: RectProgress;
  locked: boolean;
  onChanged: (r: Rectification) => Promise<void>;
}) {
  const act = useAction();
  const download = useDownloadAttachment();
  const [adding, setAdding] = useState(false);
  const addFiles = async (files: File[]) => {
    setAdding(true);
    try {
      await act(async () => {
        const r = await call('rectification.addEvidence', {
          progressId: entry.id,
          files: await Promise.all(files.map(toUpload)),
        });
        await onChanged(r);
        return `已添加佐证材料 ${files.length} 个`;
      });
    } finally {
      setAdding(false);
    }
  };
  return (
    <div role="group" aria-label={`进展佐证 ${entry.date}`}>
      {entry.evidence.map((e) => (
        <div key={e.id} style={{ paddingLeft: 12 }}>
          <PaperClipOutlined />{' '}
          {e.attachmentId ? (
            <a onClick={() => download(e.attachmentId!)}>{e.title}</a>
          ) : (
            <a href={e.url ?? '#'} target="_blank" rel="noreferrer">
              {e.title}
            </a>
          )}
          {!locked && (
            <DeleteButton
              label="移除"
              okText="移除"
              title={deleteTitle('佐证材料', e.title, '移除')}
              description={
                e.attachmentId ? deleteDescription([[1, '份已上传的文件']]) : '只移除这条佐证，所指的网页不受影响。'
              }
              onDelete={() => call('rectification.removeEvidence', { id: e.id })}
              onDone={(r) => onChanged(r as Rectification)}
            />
          )}
        </div>
      ))}
      {!locked && (
        // Several files at once: antd calls beforeUpload per file; the batch is sent once it has them all.
        <Upload
          multiple
          showUploadList={false}
          beforeUpload={(f, list) => {
            if (f === list[list.length - 1]) void addFiles(list);
            return false;
          }}
        >
          <Button size="small" type="link" icon={<UploadOutlined />} loading={adding} style={{ paddingLeft: 12 }}>
            添加佐证文件
          </Button>
        </Upload>
      )}
    </div>
  );
}

/** 整改进展: what was recorded (with its evidence) and a new entry with files or a link. */
function ProgressDialog({
  item: initial,
  onClose,
  onDone,
}: {
  item: Rectification;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const [item, setItem] = useState(initial);
  const [form] = Form.useForm<{ date: string; text: string; url: string }>();
  const [files, setFiles] = useState<File[]>([]);
  useEffect(() => form.setFieldsValue({ date: todayIso() }), [form]);
  const locked = item.state === '已销号';
  const changed = async (r: Rectification) => {
    setItem(r);
    await onDone();
  };
  const save = async () => {
    const v = await form.validateFields();
    await call('rectification.addProgress', {
      rectificationId: item.id,
      date: v.date,
      text: v.text,
      url: v.url?.trim() || null,
      files: await Promise.all(files.map(toUpload)),
    });
    await onDone();
    onClose();
    return files.length ? `已记录进展（佐证材料 ${files.length} 个）` : '已记录进展';
  };
  return (
    <FormDialog
      width={720}
      title={`整改进展：${item.problem.slice(0, 20)}`}
      form={form}
      onSave={save}
      onClose={onClose}
      okText="登记进展"
      pending={files.length > 0}
    >
      {item.progress.length > 0 && (
        <div aria-label="已记录的进展" style={{ marginBottom: 12 }}>
          {item.progress.map((p) => (
            <div key={p.id} style={{ marginBottom: 6 }}>
              <div>
                <b>{p.date}</b> {p.text}
              </div>
              <EntryEvidence entry={p} locked={locked} onChanged={changed} />
            </div>
          ))}
        </div>
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="text"
          label="进展情况"
          rules={[{ required: true, whitespace: true, message: '请填写进展情况' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DateField />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="url"
              label="佐证链接（可不填）"
              rules={[{ pattern: /^https?:\/\/\S+$/i, message: '链接应以 http:// 或 https:// 开头' }]}
            >
              <Input placeholder="https://…" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="佐证材料（可选多个文件）">
          <FilePicker files={files} onChange={setFiles} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

function SignOffDialog({
  item,
  onClose,
  onDone,
}: {
  item: Rectification;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const [form] = Form.useForm<{ closedOn: string; closedBy: string }>();
  useEffect(() => form.setFieldsValue({ closedOn: todayIso() }), [form]);
  const save = async () => {
    const v = await form.validateFields();
    await call('rectification.signOff', { id: item.id, ...v });
    await onDone();
    return '已销号';
  };
  return (
    <FormDialog title="销号" okText="确认销号" form={form} onSave={save} onClose={onClose} guard={false}>
      <Typography.Paragraph>{item.problem}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="closedBy"
          label="复核人"
          rules={[{ required: true, whitespace: true, message: '请填写复核人' }]}
        >
          <PersonField />
        </Form.Item>
        <Form.Item name="closedOn" label="销号日期" rules={[{ required: true, message: '请选择销号日期' }]}>
          <DateField />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/**
 * `year`: the working year; `route`: the route's parts after "ledger" (readLedgerRoute), when a link opens another
 * year's ledger, an item in it, a state, 逾期, or every year's open items.
 */
export function LedgerTab({
  year: working,
  onChanged,
  route = [],
}: {
  year: number;
  onChanged?: () => void;
  route?: string[];
}) {
  const checked = useCheckedDeliver();
  const asked = readLedgerRoute(route);
  const year = asked.year ?? working;
  const [filter, setFilter] = useState<string>(asked.filter ?? '全部');
  const allYears = ALL_YEARS.includes(filter);
  const list = useLoad(() => call('rectification.list', allYears ? { openOnly: true } : { year }), [allYears, year]);
  const [editing, setEditing] = useState<Rectification | 'new' | null>(null);
  const [progress, setProgress] = useState<Rectification | null>(null);
  const [signing, setSigning] = useState<Rectification | null>(null);
  // The item a link named: marked and brought into view once the table shows it.
  const focusId = asked.id;
  const focusShown = !!list.data?.some((r) => r.id === focusId);
  useEffect(() => {
    if (focusShown) document.querySelector('[data-ledger-focus]')?.scrollIntoView({ block: 'center' });
  }, [focusShown]);
  const reload = async () => {
    await list.reload();
    onChanged?.();
  };
  const done = async () => {
    setEditing(null);
    setSigning(null);
    await reload();
  };
  const items = (list.data ?? []).filter(
    (r) =>
      filter === '全部' ||
      filter === ALL_YEARS_OPEN ||
      (filter === '逾期' || filter === ALL_YEARS_OVERDUE ? r.overdue : r.state === filter),
  );
  // The exports are of one year's ledger: named when the list shows every year's items or another year than the working one.
  const whichYear = allYears || year !== working ? `${year}年` : '';
  // Another year than the working one goes through the leave guard like any route (a dialog may hold unsaved work).
  const openYear = (y: number) => navigate(ledgerRoute(y === working ? {} : { year: y }));
  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          新增整改事项
        </Button>
        {!allYears && (
          <Space size={4}>
            台账年度
            <YearInput label="台账年度" year={year} onChange={openYear} />
            {year !== working && (
              <>
                <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                  不是工作年度（{working}年）
                </Tag>
                <Button size="small" onClick={() => openYear(working)}>
                  回到{working}年
                </Button>
              </>
            )}
          </Space>
        )}
        <Select
          value={filter}
          onChange={setFilter}
          style={{ width: 140 }}
          aria-label="按状态筛选"
          options={[...FILTERS, ...ALL_YEARS].map((s) => ({ value: s, label: s }))}
        />
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            checked('rectification-xlsx', year, () => call('selfcheck.export', { kind: 'rectification-xlsx', year }))
          }
        >
          导出{whichYear}整改台账
        </Button>
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            checked('rectification-docx', year, () => call('selfcheck.export', { kind: 'rectification-docx', year }))
          }
        >
          导出{whichYear}整改情况报告
        </Button>
      </Space>
      {list.error && <Typography.Text type="danger">{list.error}</Typography.Text>}
      <RecordChecks year={year} scope="ledger" version={list.data} />
      {allYears && list.data && list.data.length === 0 ? (
        <EmptyHint title="各年度都没有未销号的整改事项" hint="选择“全部”查看本年度台账，或新增整改事项。" />
      ) : list.data && list.data.length === 0 ? (
        <EmptyHint
          title={`${year}年还没有整改事项`}
          hint="在“自查评分”中对失分指标点“转为整改”，在“回头看”中转入未完成任务，或把上级测评通报、第三方评估发现的问题逐条新增。"
        />
      ) : (
        <ScrollTable<Rectification>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={items}
          pagination={false}
          aria-label="整改台账"
          maxHeight="calc(100vh - 290px)"
          onRow={(r) =>
            r.id === focusId
              ? { 'data-ledger-focus': true, 'aria-current': 'true', style: { background: '#e6f4ff' } }
              : {}
          }
          columns={[
            ...(allYears ? [{ title: '年度', dataIndex: 'year', width: 64, align: 'center' as const }] : []),
            { title: '序号', dataIndex: 'seq', width: 56, align: 'center' },
            { title: '来源', dataIndex: 'source', width: 96 },
            {
              title: '问题描述',
              dataIndex: 'problem',
              render: (p: string, r) => (
                <div>
                  {p}
                  {r.origin && <div style={{ fontSize: 12, color: '#888' }}>{r.origin}</div>}
                </div>
              ),
            },
            { title: '整改措施', dataIndex: 'measure', ellipsis: true },
            { title: '责任科室', dataIndex: 'departmentName', width: 90 },
            {
              title: '时限',
              dataIndex: 'deadline',
              width: 100,
              render: (d: string | null, r) => d ?? (r.kind === '长期坚持' ? '长期坚持' : ''),
            },
            {
              title: '预警',
              width: 130,
              render: (_, r) =>
                r.state === '已销号' || r.state === '已完成' ? null : (
                  <LightTag light={r.light} daysLeft={r.workingDaysLeft} calendarWarning={r.calendarWarning} />
                ),
            },
            {
              title: '状态',
              width: 110,
              render: (_, r) => <Tag color={r.overdue ? 'red' : STATE_COLORS[r.state]}>{rectStateLabel(r)}</Tag>,
            },
            {
              title: '操作',
              width: 210,
              render: (_, r) =>
                r.state === '已销号' ? (
                  <Space size={0}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.closedOn} {r.closedBy}
                    </Typography.Text>
                    <Button size="small" type="link" onClick={() => setProgress(r)}>
                      进展
                    </Button>
                    <DeleteButton
                      title={`撤销整改事项${quoted(r.problem)}的销号？`}
                      description={`销号日期（${r.closedOn ? formatChineseDate(r.closedOn) : '未填'}）和复核人（${r.closedBy || '未填'}）将被清除，事项回到“已完成”，整改台账和报告中不再算作已销号；需要时可重新销号。`}
                      okText="撤销销号"
                      onDelete={() => call('rectification.reopen', { id: r.id })}
                      onDone={done}
                    >
                      <Button size="small" type="link">
                        撤销销号
                      </Button>
                    </DeleteButton>
                  </Space>
                ) : (
                  <Space size={0}>
                    <Button size="small" type="link" onClick={() => setEditing(r)}>
                      编辑
                    </Button>
                    <Button size="small" type="link" onClick={() => setProgress(r)}>
                      进展
                    </Button>
                    <Button
                      size="small"
                      type="link"
                      disabled={r.state !== '已完成'}
                      title={r.state !== '已完成' ? '状态为“已完成”后才能销号' : undefined}
                      onClick={() => setSigning(r)}
                    >
                      销号
                    </Button>
                    <DeleteButton
                      title={deleteTitle('整改事项', r.problem)}
                      description={deleteDescription([
                        [r.progress.length, '条整改进展'],
                        [r.progress.reduce((n, p) => n + p.evidence.length, 0), '份佐证材料'],
                      ])}
                      onDelete={() => call('rectification.delete', { id: r.id })}
                      onDone={done}
                    />
                  </Space>
                ),
            },
          ]}
        />
      )}
      {editing && (
        <RectDialog
          item={editing === 'new' ? null : editing}
          year={year}
          onClose={() => setEditing(null)}
          onDone={done}
        />
      )}
      {progress && <ProgressDialog item={progress} onClose={() => setProgress(null)} onDone={reload} />}
      {signing && <SignOffDialog item={signing} onClose={() => setSigning(null)} onDone={done} />}
    </div>
  );
}
