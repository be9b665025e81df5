import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Checkbox, Col, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { RECT_KINDS, RECT_SOURCES, RECT_STATES, rectStateLabel, type Rectification, type RectificationInput } from '../../../shared/domain/selfcheck';
import { call } from '../../api/call';
import { DateField, todayIso } from '../../components/DateField';
import { DeleteButton } from '../../components/DeleteButton';
import { EmptyHint } from '../../components/EmptyHint';
import { useDeliver, useLoad } from '../../hooks';
import { LightTag } from '../plan/common';

const STATE_COLORS: Record<string, string> = { 未开始: 'default', 整改中: 'processing', 已完成: 'success', 已销号: 'green' };

export function editableOf(r: Rectification): RectificationInput {
  const { id: _i, seq: _s, overdue: _o, light: _l, workingDaysLeft: _w, departmentName: _d, ownerName: _n, closedOn: _c, closedBy: _b, progress: _p, ...rest } = r;
  return rest;
}

function RectDialog({ item, year, onClose, onDone }: { item: Rectification | null; year: number; onClose: () => void; onDone: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<RectificationInput>();
  const depts = useLoad(() => call('departments.list', {}), []);
  const staff = useLoad(() => call('staff.list', {}), []);
  const state = Form.useWatch('state', form);
  useEffect(() => {
    form.setFieldsValue(item ? editableOf(item) : { year, source: '自查', kind: '限期整改', state: '未开始', explanation: false });
  }, [form, item, year]);
  const save = async () => {
    const v = await form.validateFields();
    const input = { ...(item ? editableOf(item) : {}), ...v, year };
    try {
      if (item) await call('rectification.update', { id: item.id, item: input });
      else await call('rectification.create', input);
      message.success('已保存整改事项');
      onDone();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal open width={780} title={item ? `编辑整改事项（第${item.seq}项）` : '新增整改事项'} okText="保存" cancelText="取消" onOk={save} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onKeyDown={(e) => { if (e.key === 'Enter' && !(e.target instanceof HTMLTextAreaElement)) { e.preventDefault(); void save(); } }}>
        <Row gutter={12}>
          <Col span={8}><Form.Item name="source" label="问题来源"><Select options={RECT_SOURCES.map((s) => ({ value: s, label: s }))} /></Form.Item></Col>
          <Col span={16}><Form.Item name="origin" label="关联指标或任务"><Input maxLength={300} /></Form.Item></Col>
        </Row>
        <Form.Item name="problem" label="问题描述" rules={[{ required: true, whitespace: true, message: '请填写问题描述' }]}><Input.TextArea autoFocus rows={2} maxLength={2000} /></Form.Item>
        <Form.Item name="measure" label="整改措施"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Row gutter={12}>
          <Col span={6}><Form.Item name="kind" label="整改类型"><Select options={RECT_KINDS.map((s) => ({ value: s, label: s }))} /></Form.Item></Col>
          <Col span={6}><Form.Item name="deadline" label="整改时限"><DateField /></Form.Item></Col>
          <Col span={6}><Form.Item name="state" label="状态"><Select options={RECT_STATES.filter((s) => s !== '已销号').map((s) => ({ value: s, label: s }))} /></Form.Item></Col>
          <Col span={6}>{state === '已完成' && <Form.Item name="completedOn" label="完成日期" rules={[{ required: true, message: '请填写完成日期' }]}><DateField /></Form.Item>}</Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}><Form.Item name="leader" label="责任领导"><Input maxLength={40} /></Form.Item></Col>
          <Col span={8}><Form.Item name="departmentId" label="责任科室"><Select allowClear showSearch optionFilterProp="label" options={(depts.data ?? []).map((d) => ({ value: d.id, label: d.name }))} /></Form.Item></Col>
          <Col span={8}><Form.Item name="ownerId" label="责任人"><Select allowClear showSearch optionFilterProp="label" options={(staff.data ?? []).filter((s) => s.status === '在岗').map((s) => ({ value: s.id, label: s.name }))} /></Form.Item></Col>
        </Row>
        <Form.Item name="explanation" valuePropName="checked"><Checkbox>以发布情况说明作为整改（相关事项本年度未发生）</Checkbox></Form.Item>
        <Form.Item name="note" label="备注"><Input maxLength={2000} /></Form.Item>
      </Form>
    </Modal>
  );
}

function ProgressDialog({ item, onClose, onDone }: { item: Rectification; onClose: () => void; onDone: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ date: string; text: string; url: string }>();
  useEffect(() => form.setFieldsValue({ date: todayIso() }), [form]);
  const save = async () => {
    const v = await form.validateFields();
    try {
      await call('rectification.addProgress', { rectificationId: item.id, date: v.date, text: v.text, url: v.url || null });
      message.success('已记录进展');
      onDone();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal open title={`整改进展：${item.problem.slice(0, 20)}`} okText="保存" cancelText="取消" onOk={save} onCancel={onClose} destroyOnHidden>
      {item.progress.map((p) => <div key={p.id} style={{ fontSize: 12, color: '#666' }}>{p.date} {p.text}</div>)}
      <Form form={form} layout="vertical" style={{ marginTop: 8 }}>
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}><DateField /></Form.Item>
        <Form.Item name="text" label="进展情况" rules={[{ required: true, whitespace: true, message: '请填写进展情况' }]}><Input.TextArea autoFocus rows={3} maxLength={2000} /></Form.Item>
        <Form.Item name="url" label="佐证链接（可不填）"><Input placeholder="https://…" /></Form.Item>
      </Form>
    </Modal>
  );
}

function SignOffDialog({ item, onClose, onDone }: { item: Rectification; onClose: () => void; onDone: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ closedOn: string; closedBy: string }>();
  useEffect(() => form.setFieldsValue({ closedOn: todayIso() }), [form]);
  const save = async () => {
    const v = await form.validateFields();
    try {
      await call('rectification.signOff', { id: item.id, ...v });
      message.success('已销号');
      onDone();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal open title="销号" okText="确认销号" cancelText="取消" onOk={save} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph>{item.problem}</Typography.Paragraph>
      <Form form={form} layout="vertical" onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void save(); } }}>
        <Form.Item name="closedOn" label="销号日期" rules={[{ required: true, message: '请选择销号日期' }]}><DateField /></Form.Item>
        <Form.Item name="closedBy" label="复核人" rules={[{ required: true, whitespace: true, message: '请填写复核人' }]}><Input autoFocus maxLength={40} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** 整改台账 of the year: every item with its light; edit, progress, 销号, export. */
const FILTERS = ['全部', ...RECT_STATES, '逾期'];

/** `initialFilter`: a state or 逾期, when a dashboard chart opens the ledger (#/selfcheck/ledger/<filter>). */
export function LedgerTab({ year, onChanged, initialFilter }: { year: number; onChanged?: () => void; initialFilter?: string }) {
  const { message } = AntApp.useApp();
  const save = useDeliver();
  const list = useLoad(() => call('rectification.list', { year }), [year]);
  const [editing, setEditing] = useState<Rectification | 'new' | null>(null);
  const [progress, setProgress] = useState<Rectification | null>(null);
  const [signing, setSigning] = useState<Rectification | null>(null);
  const [filter, setFilter] = useState<string>(initialFilter && FILTERS.includes(initialFilter) ? initialFilter : '全部');
  useEffect(() => {
    if (initialFilter && FILTERS.includes(initialFilter)) setFilter(initialFilter);
  }, [initialFilter]);
  const done = async () => {
    setEditing(null);
    setProgress(null);
    setSigning(null);
    await list.reload();
    onChanged?.();
  };
  const items = (list.data ?? []).filter((r) => filter === '全部' || (filter === '逾期' ? r.overdue : r.state === filter));
  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>新增整改事项</Button>
        <Select value={filter} onChange={setFilter} style={{ width: 120 }} aria-label="按状态筛选" options={FILTERS.map((s) => ({ value: s, label: s }))} />
        <Button icon={<DownloadOutlined />} onClick={() => save(() => call('selfcheck.export', { kind: 'rectification-xlsx', year }))}>导出整改台账</Button>
        <Button icon={<DownloadOutlined />} onClick={() => save(() => call('selfcheck.export', { kind: 'rectification-docx', year }))}>导出整改情况报告</Button>
      </Space>
      {list.error && <Typography.Text type="danger">{list.error}</Typography.Text>}
      {list.data && list.data.length === 0 ? (
        <EmptyHint title={`${year}年还没有整改事项`} hint="在“自查评分”中对失分指标点“转为整改”，在“回头看”中转入未完成任务，或把上级测评通报、第三方评估发现的问题逐条新增。" />
      ) : (
        <Table<Rectification> size="small" rowKey="id" loading={list.loading} dataSource={items} pagination={false} aria-label="整改台账" scroll={{ y: 'calc(100vh - 330px)' }}
          columns={[
            { title: '序号', dataIndex: 'seq', width: 56, align: 'center' },
            { title: '来源', dataIndex: 'source', width: 96 },
            { title: '问题描述', dataIndex: 'problem', render: (p: string, r) => <div>{p}{r.origin && <div style={{ fontSize: 12, color: '#888' }}>{r.origin}</div>}</div> },
            { title: '整改措施', dataIndex: 'measure', ellipsis: true },
            { title: '责任科室', dataIndex: 'departmentName', width: 90 },
            { title: '时限', dataIndex: 'deadline', width: 100, render: (d: string | null, r) => d ?? (r.kind === '长期坚持' ? '长期坚持' : '') },
            { title: '预警', width: 130, render: (_, r) => (r.state === '已销号' || r.state === '已完成' ? null : <LightTag light={r.light} daysLeft={r.workingDaysLeft} />) },
            { title: '状态', width: 110, render: (_, r) => <Tag color={r.overdue ? 'red' : STATE_COLORS[r.state]}>{rectStateLabel(r)}</Tag> },
            {
              title: '操作', width: 210, render: (_, r) => (r.state === '已销号' ? (
                <Space size={0}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.closedOn} {r.closedBy}</Typography.Text>
                  <Button size="small" type="link" onClick={async () => { try { await call('rectification.reopen', { id: r.id }); await done(); } catch (e) { message.error((e as Error).message); } }}>撤销销号</Button>
                </Space>
              ) : (
                <Space size={0}>
                  <Button size="small" type="link" onClick={() => setEditing(r)}>编辑</Button>
                  <Button size="small" type="link" onClick={() => setProgress(r)}>进展</Button>
                  <Button size="small" type="link" disabled={r.state !== '已完成'} title={r.state !== '已完成' ? '状态为“已完成”后才能销号' : undefined} onClick={() => setSigning(r)}>销号</Button>
                  <DeleteButton title="删除该整改事项？" onDelete={() => call('rectification.delete', { id: r.id })} onDone={done} />
                </Space>
              )),
            },
          ]} />
      )}
      {editing && <RectDialog item={editing === 'new' ? null : editing} year={year} onClose={() => setEditing(null)} onDone={done} />}
      {progress && <ProgressDialog item={progress} onClose={() => setProgress(null)} onDone={done} />}
      {signing && <SignOffDialog item={signing} onClose={() => setSigning(null)} onDone={done} />}
    </div>
  );
}
