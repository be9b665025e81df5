import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import type { Staff } from '../../../shared/domain/org';
import {
  TRAINING_FORMS,
  TRAINING_KINDS,
  TRAINING_STATUSES,
  type Training,
  type TrainingInput,
} from '../../../shared/domain/training';
import { call, toUpload } from '../../api/call';
import { useYear } from '../../app-context';
import { DeleteButton } from '../../components/DeleteButton';
import { deleteDescription, deleteTitle } from '../../components/destructive';
import { EmptyHint } from '../../components/EmptyHint';
import { PageTitle } from '../../components/PageTitle';
import { TrainingImportButton } from './TrainingImportButton';
import { useAction, useDownloadAttachment, useLoad } from '../../hooks';
import { DIALOG_BODY_STYLE, DIALOG_TOP, FormDialog } from '../../components/FormDialog';
import { useTeamExport } from '../ab/AbScreen';
import { DateField, todayIso } from '../../components/DateField';

interface FormValues extends Omit<TrainingInput, 'attendees'> {
  attendeeIds: number[];
  absentIds: number[];
}

function TrainingDialog({
  training,
  staff,
  year,
  onClose,
  onDone,
}: {
  training: Training | null;
  staff: Staff[];
  year: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const attendeeIds = Form.useWatch('attendeeIds', form) ?? [];
  useEffect(() => {
    if (training) {
      const { attendees, files: _f, id: _id, ...rest } = training;
      form.setFieldsValue({
        ...rest,
        attendeeIds: attendees.map((a) => a.staffId),
        absentIds: attendees.filter((a) => !a.present).map((a) => a.staffId),
      });
    } else {
      const today = todayIso();
      form.setFieldsValue({
        date: today.startsWith(String(year)) ? today : `${year}-01-01`,
        kind: '政务公开专题培训',
        form: '集中授课',
        status: '已举办',
        attendeeIds: [],
        absentIds: [],
      });
    }
  }, [form, training, year]);
  // People who left stay selectable only when already on this training.
  const existing = new Set(training?.attendees.map((a) => a.staffId) ?? []);
  const options = staff
    .filter((s) => s.status === '在岗' || existing.has(s.id))
    .map((s) => ({
      value: s.id,
      label: `${s.name}${s.departmentName ? `（${s.departmentName}）` : ''}${s.status === '离岗' ? '（已离岗）' : ''}`,
    }));
  const save = async () => {
    const v = await form.validateFields();
    const absent = new Set(v.absentIds ?? []);
    const { attendeeIds: ids, absentIds: _a, ...fields } = v;
    const input: TrainingInput = {
      ...fields,
      organiser: fields.organiser ?? '',
      trainer: fields.trainer ?? '',
      place: fields.place ?? '',
      summary: fields.summary ?? '',
      attendees: (ids ?? []).map((staffId) => ({ staffId, present: !absent.has(staffId) })),
    };
    if (training) await call('training.update', { id: training.id, ...input });
    else await call('training.create', input);
    onDone();
    return '已保存';
  };
  return (
    <FormDialog width={760} title={training ? '编辑培训' : '新增培训'} form={form} onSave={save} onClose={onClose}>
      <Form form={form} layout="vertical">
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item
              name="title"
              label="培训名称"
              rules={[{ required: true, whitespace: true, message: '请填写培训名称' }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="date" label="培训日期" rules={[{ required: true, message: '请选择培训日期' }]}>
              <DateField />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
              <Select options={TRAINING_KINDS.map((k) => ({ value: k, label: k }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="form" label="形式" rules={[{ required: true, message: '请选择形式' }]}>
              <Select options={TRAINING_FORMS.map((k) => ({ value: k, label: k }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="status" label="状态">
              <Select options={TRAINING_STATUSES.map((k) => ({ value: k, label: k }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="organiser" label="主办单位">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="trainer" label="授课人">
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="place" label="地点">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="hours" label="学时" rules={[{ required: true, message: '请填写学时' }]}>
              <InputNumber style={{ width: '100%' }} step={0.5} precision={1} addonAfter="学时" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="summary" label="内容摘要">
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="attendeeIds" label="参训人员">
              <Select
                mode="multiple"
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder="选择参训人员"
                options={options}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="absentIds" label="缺席人员" extra="从参训人员中标出未到的人。">
              <Select
                mode="multiple"
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder="无"
                options={options.filter((o) => attendeeIds.includes(o.value))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDialog>
  );
}

function FilesDialog({
  training,
  onClose,
  onChanged,
}: {
  training: Training;
  onClose: () => void;
  onChanged: (t: Training) => void;
}) {
  const act = useAction();
  const add = (file: File, kind: '材料' | '照片') =>
    act(async () => {
      onChanged(await call('training.addFile', { trainingId: training.id, kind, upload: await toUpload(file) }));
      return `已添加“${file.name}”`;
    });
  const download = useDownloadAttachment();
  const picker = (kind: '材料' | '照片', accept?: string) => (
    <Upload
      showUploadList={false}
      accept={accept}
      multiple
      beforeUpload={(f) => {
        void add(f, kind);
        return false;
      }}
    >
      <Button icon={<UploadOutlined />}>添加{kind}</Button>
    </Upload>
  );
  return (
    <Modal
      open
      title={`材料和照片：${training.title}`}
      footer={null}
      onCancel={onClose}
      width={600}
      style={{ top: DIALOG_TOP }}
      styles={{ body: DIALOG_BODY_STYLE }}
    >
      <Space style={{ marginBottom: 12 }}>
        {picker('材料')}
        {picker('照片', 'image/*')}
      </Space>
      <List
        bordered
        dataSource={training.files}
        locale={{ emptyText: '还没有附件。可添加课件、通知、签到表扫描件和现场照片。' }}
        renderItem={(f) => (
          <List.Item
            actions={[
              <a key="d" onClick={() => download(f.attachmentId)}>
                下载
              </a>,
              <DeleteButton
                key="r"
                title={deleteTitle(f.kind, f.fileName)}
                description={deleteDescription()}
                onDelete={() => call('training.removeFile', { trainingId: training.id, attachmentId: f.attachmentId })}
                onDone={(t) => onChanged(t as Training)}
              />,
            ]}
          >
            <Tag>{f.kind}</Tag>
            {f.fileName}（{Math.max(1, Math.round(f.sizeBytes / 1024))} KB）
          </List.Item>
        )}
      />
    </Modal>
  );
}

/** 培训台账: the year's trainings, attendees, materials, the yearly requirement and each person's hours. */
export function TrainingScreen() {
  const year = useYear();
  const data = useLoad(async () => {
    const [trainings, requirement, staff] = await Promise.all([
      call('training.list', { year }),
      call('training.requirement', { year }),
      call('staff.list'),
    ]);
    return { trainings, requirement, staff };
  }, [year]);
  const [editing, setEditing] = useState<Training | 'new' | null>(null);
  const [filesOf, setFilesOf] = useState<Training | null>(null);
  const exportDoc = useTeamExport();
  const d = data.data;
  const r = d?.requirement;

  return (
    <div>
      <PageTitle
        title="培训"
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => exportDoc('training-xlsx', { year })}>
              导出培训台账
            </Button>
            <TrainingImportButton onImported={() => void data.reload()} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增培训
            </Button>
          </Space>
        }
      >
        {year} 年度的政务公开培训和业务学习记录。
      </PageTitle>
      {data.error && <Alert type="error" showIcon message={data.error} style={{ marginBottom: 16 }} />}
      {r && (
        <Alert
          style={{ marginBottom: 16 }}
          type={r.met ? 'success' : 'warning'}
          showIcon
          message={r.met ? '年度培训要求已达到' : '年度培训要求未达到'}
          description={r.message}
        />
      )}
      <Card title="培训记录" style={{ marginBottom: 16 }}>
        <Table<Training>
          rowKey="id"
          size="middle"
          loading={data.loading}
          dataSource={d?.trainings ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{
            emptyText: (
              <EmptyHint
                title={`${year} 年还没有培训记录`}
                hint="点击“新增培训”登记一次培训及参训人员；以前用 Excel 记的培训台账可以“从 Excel 导入”。"
              />
            ),
          }}
          columns={[
            { title: '日期', dataIndex: 'date', width: 110 },
            { title: '培训名称', dataIndex: 'title' },
            {
              title: '类别',
              dataIndex: 'kind',
              width: 150,
              render: (k: string) => <Tag color={k === '政务公开专题培训' ? 'red' : 'default'}>{k}</Tag>,
            },
            { title: '形式', dataIndex: 'form', width: 90 },
            { title: '学时', dataIndex: 'hours', width: 70 },
            {
              title: '参训',
              width: 90,
              render: (_, t) => `${t.attendees.filter((a) => a.present).length}/${t.attendees.length}人`,
            },
            {
              title: '状态',
              dataIndex: 'status',
              // The tag's three characters, its padding and margin: at 80 its right edge was cut.
              width: 92,
              render: (s: string) => <Tag color={s === '已举办' ? 'green' : 'blue'}>{s}</Tag>,
            },
            {
              title: '操作',
              width: 330,
              render: (_, t) => (
                <Space size={0} wrap>
                  <Button size="small" type="link" onClick={() => setEditing(t)}>
                    编辑
                  </Button>
                  <Button size="small" type="link" onClick={() => setFilesOf(t)}>
                    材料照片（{t.files.length}）
                  </Button>
                  <Button size="small" type="link" onClick={() => exportDoc('signin-docx', { id: t.id })}>
                    签到表
                  </Button>
                  <Button size="small" type="link" onClick={() => exportDoc('training-docx', { id: t.id })}>
                    培训记录
                  </Button>
                  <DeleteButton
                    title={deleteTitle('培训', t.title)}
                    description={deleteDescription([
                      [t.attendees.length, '名参训人员的记录'],
                      [t.files.length, '份材料和照片'],
                    ])}
                    onDelete={() => call('training.delete', { id: t.id })}
                    onDone={data.reload}
                  />
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title="个人学时">
        <Table
          rowKey="staffId"
          size="small"
          loading={data.loading}
          dataSource={r?.people ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyHint title="暂无" hint="设置AB岗人员或登记培训后，这里按人汇总本年度学时。" /> }}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 120 },
            { title: '科室', dataIndex: 'departmentName', render: (v: string | null) => v ?? '—' },
            { title: '队伍成员', dataIndex: 'inTeam', width: 90, render: (v: boolean) => (v ? '是' : '') },
            { title: '参训次数', dataIndex: 'trainings', width: 90 },
            { title: '学时', dataIndex: 'hours', width: 80 },
            {
              title: '是否达标',
              dataIndex: 'met',
              width: 90,
              render: (m: boolean | null) =>
                m === null ? '—' : m ? <Tag color="green">达标</Tag> : <Tag color="red">未达标</Tag>,
            },
          ]}
        />
      </Card>
      {editing && d && (
        <TrainingDialog
          training={editing === 'new' ? null : editing}
          staff={d.staff}
          year={year}
          onClose={() => setEditing(null)}
          onDone={async () => {
            setEditing(null);
            await data.reload();
          }}
        />
      )}
      {filesOf && (
        <FilesDialog
          training={filesOf}
          onClose={() => {
            setFilesOf(null);
            void data.reload();
          }}
          onChanged={(t) => setFilesOf(t)}
        />
      )}
    </div>
  );
}
