import { DownloadOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  List,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import { useEffect, useState } from 'react';
import { LazyTooltip } from '../../components/LazyTooltip';
import { DEFAULT_CHANNELS, type Publication, type PublicationInput } from '../../../shared/domain/disclosure';
import { call } from '../../api/call';
import { publicationDateIssues } from '../../../shared/domain/disclosure-dates';
import { dateIssueRules } from '../../components/dateRules';
import { DateField, todayIso } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { useGuardedClose, useUnsavedLeave } from '../../components/unsaved';
import { DeleteButton } from '../../components/DeleteButton';
import { deleteDescription, deleteTitle } from '../../components/destructive';
import { PersonField } from '../../components/PersonField';
import { EmptyHint } from '../../components/EmptyHint';
import { CalendarGapTag } from '../../components/CalendarGapTag';
import { navigate, useAction, useLoad } from '../../hooks';
import { ImportButton, savedWhere, useDisclosureExport } from './common';

type Columns = Awaited<ReturnType<typeof call<'disclosure.columns'>>>;

function PublicationDialog({
  item,
  year,
  columns,
  all,
  onClose,
  onDone,
}: {
  item: Publication | null;
  year: number;
  columns: Columns;
  all: Publication[];
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<PublicationInput>();
  const interpretation = Form.useWatch('interpretation', form);
  useEffect(() => {
    if (item) form.setFieldsValue(item);
    else {
      // 栏目 and 渠道 open empty: a guess stored unseen would be counted in the 年报's 栏目 and 渠道 figures. 发布日期
      // starts at today only when today is in the year being viewed.
      const today = todayIso();
      form.setFieldsValue({
        publishedDate: today.startsWith(String(year)) ? today : undefined,
        normative: false,
        interpretation: false,
      });
    }
  }, [form, item, year]);
  const issues = (v: Record<string, unknown>) => publicationDateIssues(v, todayIso(), year);
  const save = async () => {
    const v = await form.validateFields();
    const input: PublicationInput = {
      ...v,
      formedDate: v.formedDate ?? null,
      interpretsId: v.interpretation ? (v.interpretsId ?? null) : null,
      draftedDate: v.draftedDate ?? null,
      reviewedDate: v.reviewedDate ?? null,
      approvedDate: v.approvedDate ?? null,
      docNumber: v.docNumber ?? '',
      link: v.link ?? '',
      source: v.source ?? '',
      drafter: v.drafter ?? '',
      reviewer: v.reviewer ?? '',
      approver: v.approver ?? '',
      note: v.note ?? '',
      normative: !!v.normative,
      interpretation: !!v.interpretation,
    };
    if (item) await call('disclosure.updatePublication', { id: item.id, ...input });
    else await call('disclosure.createPublication', input);
    onDone();
    return savedWhere(input.publishedDate, year);
  };
  const channelOptions = [...new Set([...DEFAULT_CHANNELS, ...all.map((p) => p.channel)])].map((c) => ({
    value: c,
    label: c,
  }));
  const dateRules = (name: keyof PublicationInput) => dateIssueRules(issues, [name]);
  return (
    <FormDialog width={820} title={item ? '编辑发布信息' : '登记发布信息'} form={form} onSave={save} onClose={onClose}>
      <Form form={form} layout="vertical" size="middle">
        <Row gutter={12}>
          <Col span={24}>
            <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="publishedDate"
              label="发布日期"
              rules={[{ required: true, message: '请选择发布日期' }, ...dateRules('publishedDate')]}
            >
              <DateField />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="formedDate"
              label="形成/变更日期"
              extra="应在20个工作日内公开"
              rules={dateRules('formedDate')}
            >
              <DateField placeholder="可不填" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="columnId" label="栏目" rules={[{ required: true, message: '请选择栏目' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                placeholder="请选择"
                options={columns
                  .filter((c) => c.active || c.id === item?.columnId)
                  .map((c) => ({ value: c.id, label: c.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="channel" label="发布渠道" rules={[{ required: true, message: '请选择发布渠道' }]}>
              <Select showSearch optionFilterProp="label" placeholder="请选择" options={channelOptions} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="docNumber" label="文号">
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="source" label="发布机构">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="link" label="链接">
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="normative" valuePropName="checked">
              <Checkbox>规范性文件</Checkbox>
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="interpretation" valuePropName="checked">
              <Checkbox>政策解读</Checkbox>
            </Form.Item>
          </Col>
          <Col span={12}>
            {interpretation && (
              <Form.Item name="interpretsId" label="解读的文件">
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  placeholder="选择被解读的政策文件"
                  options={all
                    .filter((p) => p.id !== item?.id && !p.interpretation)
                    .map((p) => ({ value: p.id, label: `${p.publishedDate} ${p.title}` }))}
                />
              </Form.Item>
            )}
          </Col>
          <Col span={8}>
            <Form.Item name="drafter" label="拟稿人">
              <PersonField />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="reviewer" label="审核人（保密审查）">
              <PersonField />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="approver" label="签发人">
              <PersonField />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="draftedDate" label="拟稿日期" rules={dateRules('draftedDate')}>
              <DateField placeholder="可不填" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="reviewedDate" label="审核日期" rules={dateRules('reviewedDate')}>
              <DateField placeholder="可不填" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="approvedDate" label="签发日期" rules={dateRules('approvedDate')}>
              <DateField placeholder="可不填" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label="备注">
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDialog>
  );
}

function ColumnsDialog({
  columns,
  onClose,
  onChanged,
}: {
  columns: Columns;
  onClose: () => void;
  onChanged: () => void;
}) {
  const act = useAction();
  const guardedClose = useGuardedClose();
  const [name, setName] = useState('');
  /** Names typed over a column's and not yet saved (saved when the field is left). */
  const [renames, setRenames] = useState<Record<number, string>>({});
  const run = (change: () => Promise<unknown>) =>
    act(async () => {
      await change();
      onChanged();
    });
  // The typed name stays when the column is refused (empty, duplicate), so it can be corrected.
  const add = async () => {
    const done = await run(() => call('disclosure.createColumn', { name }));
    if (done) setName('');
    return done;
  };
  // No longer pending once sent (a click on × right after leaving the field must not ask about it); pending again if
  // refused, so closing then asks.
  const rename = async (c: Columns[number], to: string) => {
    setRenames(({ [c.id]: _, ...rest }) => rest);
    const done = await run(() => call('disclosure.updateColumn', { id: c.id, name: to, active: c.active }));
    if (!done) setRenames((r) => ({ ...r, [c.id]: to }));
    return done;
  };
  const pending = columns.filter((c) => renames[c.id] !== undefined && renames[c.id] !== c.name);
  // A new 栏目 typed and not added, or a name changed while Esc closes the dialog (no blur to save it): asked.
  const dirty = name.trim() !== '' || pending.length > 0;
  const saveTyped = async () => {
    for (const c of pending) if (!(await rename(c, renames[c.id]))) return false;
    return name.trim() ? add() : true;
  };
  const what = '栏目的修改';
  useUnsavedLeave(dirty, saveTyped, what);
  const close = () =>
    void guardedClose({
      dirty,
      what,
      save: async () => {
        if (await saveTyped()) onClose();
      },
      close: onClose,
    });
  return (
    <Modal open title="公开目录（栏目）" footer={null} onCancel={close} width={560}>
      <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
        <Input
          placeholder="新栏目名称"
          value={name}
          maxLength={30}
          onChange={(e) => setName(e.target.value)}
          onPressEnter={() => void add()}
        />
        <Button type="primary" onClick={() => void add()}>
          添加
        </Button>
      </Space.Compact>
      <List
        size="small"
        bordered
        dataSource={columns}
        style={{ maxHeight: 420, overflowY: 'auto' }}
        renderItem={(c) => (
          <List.Item
            actions={[
              <a
                key="t"
                onClick={() =>
                  void run(() => call('disclosure.updateColumn', { id: c.id, name: c.name, active: !c.active }))
                }
              >
                {c.active ? '停用' : '启用'}
              </a>,
            ]}
          >
            <Input
              variant="borderless"
              defaultValue={c.name}
              maxLength={30}
              style={{ width: 260 }}
              aria-label={`栏目名称 ${c.name}`}
              onChange={(e) => setRenames((r) => ({ ...r, [c.id]: e.target.value }))}
              onBlur={(e) => {
                if (e.target.value !== c.name) void rename(c, e.target.value);
              }}
            />
            <span style={{ color: '#888' }}>
              {c.count} 条{c.active ? '' : '（已停用）'}
            </span>
          </List.Item>
        )}
      />
    </Modal>
  );
}

/** The filter a dashboard chart opens the register with (a month of the year, or one 栏目). */
export interface PublicationFilter {
  month?: number;
  column?: string;
}

export function PublicationsTab({ year, filter }: { year: number; filter?: PublicationFilter }) {
  const data = useLoad(async () => {
    const [list, stats, columns] = await Promise.all([
      call('disclosure.publications', { year }),
      call('disclosure.publicationStats', { year }),
      call('disclosure.columns'),
    ]);
    return { list, stats, columns };
  }, [year]);
  const [editing, setEditing] = useState<Publication | 'new' | null>(null);
  const [columnsOpen, setColumnsOpen] = useState(false);
  const exportDoc = useDisclosureExport();
  const d = data.data;
  const s = d?.stats;
  const month = filter?.month && filter.month >= 1 && filter.month <= 12 ? filter.month : undefined;
  const column = filter?.column;
  const shown = (d?.list ?? []).filter(
    (p) => (!month || Number(p.publishedDate.slice(5, 7)) === month) && (!column || p.columnName === column),
  );
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          登记发布信息
        </Button>
        <ImportButton
          label="从Excel导入"
          method="disclosure.importPublications"
          unit="条"
          year={year}
          columns={d?.columns}
          onDone={() => void data.reload()}
        />
        <Button icon={<DownloadOutlined />} onClick={() => exportDoc('publications-xlsx', { year })}>
          导出登记表
        </Button>
        <Button icon={<SettingOutlined />} onClick={() => setColumnsOpen(true)}>
          管理栏目
        </Button>
      </Space>
      {data.error && <Alert type="error" showIcon message={data.error} style={{ marginBottom: 12 }} />}
      {s && s.total > 0 && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Row gutter={16}>
            <Col span={4}>
              <Statistic title="本年发布" value={s.total} suffix="条" />
            </Col>
            <Col span={4}>
              <Statistic title="政策解读" value={s.interpretations} suffix="篇" />
            </Col>
            <Col span={4}>
              <Statistic title="三审记录完整" value={s.reviewComplete} suffix={`/ ${s.total}`} />
            </Col>
            <Col span={4}>
              <Statistic
                title="超20个工作日公开"
                value={s.late}
                suffix="条"
                valueStyle={s.late ? { color: '#cf1322' } : undefined}
              />
            </Col>
            <Col span={8}>
              <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 4 }}>按月份</div>
              <div style={{ display: 'flex', alignItems: 'flex-end', gap: 3, height: 44 }} aria-label="按月份发布条数">
                {s.byMonth.map((n, i) => (
                  <LazyTooltip key={i} title={`${i + 1}月：${n}条`}>
                    <div
                      style={{
                        width: 14,
                        height: Math.max(2, (n / Math.max(1, ...s.byMonth)) * 40),
                        background: n ? '#1677ff' : '#eee',
                      }}
                    />
                  </LazyTooltip>
                ))}
              </div>
            </Col>
          </Row>
          <div style={{ marginTop: 8 }}>
            按栏目：
            {s.byColumn.map((c) => (
              <Tag key={c.name}>
                {c.name} {c.count}
              </Tag>
            ))}
          </div>
          <div style={{ marginTop: 4 }}>
            按渠道：
            {s.byChannel.map((c) => (
              <Tag key={c.name} color="blue">
                {c.name} {c.count}
              </Tag>
            ))}
          </div>
        </Card>
      )}
      {(month || column) && d && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`仅显示${month ? `${year}年${month}月发布的信息` : `“${column}”栏目的信息`}：${shown.length} 条（共 ${d.list.length} 条）`}
          action={
            <Button size="small" onClick={() => navigate('disclosure/publications')}>
              显示全部
            </Button>
          }
        />
      )}
      <Table<Publication>
        rowKey="id"
        size="small"
        loading={data.loading}
        dataSource={shown}
        pagination={{ pageSize: 12, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{
          emptyText: (
            <EmptyHint
              title={`${year} 年还没有发布登记`}
              hint="点击“登记发布信息”逐条登记，或“从Excel导入”网站导出的信息列表。"
            />
          ),
        }}
        columns={[
          { title: '发布日期', dataIndex: 'publishedDate', width: 100 },
          { title: '标题', dataIndex: 'title', ellipsis: true },
          { title: '栏目', dataIndex: 'columnName', width: 100 },
          { title: '渠道', dataIndex: 'channel', width: 90 },
          {
            title: '类型',
            width: 130,
            render: (_, p) => (
              <>
                {p.normative && <Tag color="purple">规范性文件</Tag>}
                {p.interpretation && (
                  <LazyTooltip title={p.interpretsTitle ? `解读：${p.interpretsTitle}` : '未关联被解读文件'}>
                    <Tag color="cyan">解读</Tag>
                  </LazyTooltip>
                )}
              </>
            ),
          },
          {
            title: '三审',
            width: 70,
            render: (_, p) => (p.reviewComplete ? <Tag color="green">完整</Tag> : <Tag>未全</Tag>),
          },
          {
            title: '时效',
            width: 110,
            render: (_, p) => (
              <>
                {p.late ? (
                  <LazyTooltip title={`形成后第${p.publishDelay}个工作日才公开`}>
                    <Tag color="red">超期公开</Tag>
                  </LazyTooltip>
                ) : p.publishDelay === null ? (
                  '—'
                ) : (
                  <Tag color="green">及时</Tag>
                )}
                <CalendarGapTag warning={p.calendarWarning} />
              </>
            ),
          },
          {
            title: '操作',
            width: 110,
            render: (_, p) => (
              <Space size={0}>
                <Button size="small" type="link" onClick={() => setEditing(p)}>
                  编辑
                </Button>
                <DeleteButton
                  title={deleteTitle('信息', p.title)}
                  description={deleteDescription()}
                  onDelete={() => call('disclosure.deletePublication', { id: p.id })}
                  onDone={data.reload}
                />
              </Space>
            ),
          },
        ]}
      />
      {editing && d && (
        <PublicationDialog
          item={editing === 'new' ? null : editing}
          year={year}
          columns={d.columns}
          all={d.list}
          onClose={() => setEditing(null)}
          onDone={async () => {
            setEditing(null);
            await data.reload();
          }}
        />
      )}
      {columnsOpen && d && (
        <ColumnsDialog columns={d.columns} onClose={() => setColumnsOpen(false)} onChanged={() => void data.reload()} />
      )}
    </div>
  );
}
