import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import type { Department, Staff, StaffInput, StaffStatus } from '../../../shared/domain/org';
import { STAFF_STATUSES } from '../../../shared/domain/org';
import { handoverNotice } from '../../../shared/domain/ab';
import { call } from '../../api/call';
import { AuditButton } from '../../components/AuditDrawer';
import { EmptyHint } from '../../components/EmptyHint';
import { useLoad } from '../../hooks';
import { FormDialog } from '../../components/FormDialog';
import { useDeleteOrRetire } from './deleteOrRetire';
import { deleteDescription, deleteTitle } from '../../components/destructive';

/**
 * For a person saved as 离岗: the AB posts they still hold, to hand over now (the AB岗 screen warns only when opened);
 * '' when none or when the posts cannot be read (the save stands; nothing is claimed that was not read).
 */
async function handoverAfterLeaving(s: Staff): Promise<string> {
  if (s.status !== '离岗') return '';
  const posts = await call('ab.posts').catch(() => []);
  return handoverNotice(s.id, s.name, posts);
}

interface Filter {
  search: string;
  departmentId?: number;
  status?: StaffStatus;
}

/** 人员: search, filter, add, edit; people other records use are marked 离岗 instead of deleted. */
export function StaffPanel({
  departments,
  importButton,
  version,
  onChanged,
}: {
  departments: Department[];
  importButton?: ReactNode;
  version: number;
  onChanged?: () => void;
}) {
  const deleteOrRetire = useDeleteOrRetire();
  const [filter, setFilter] = useState<Filter>({ search: '' });
  const list = useLoad(
    () =>
      call('staff.list', {
        search: filter.search || undefined,
        departmentId: filter.departmentId,
        status: filter.status,
      }),
    [filter, version],
  );
  const [editing, setEditing] = useState<Staff | 'new' | null>(null);
  const [form] = Form.useForm<StaffInput>();
  const activeDepartments = departments.filter((d) => d.active);

  const openEdit = (s: Staff | 'new') => {
    form.resetFields();
    if (s !== 'new')
      form.setFieldsValue({
        name: s.name,
        departmentId: s.departmentId,
        title: s.title,
        phone: s.phone,
        status: s.status,
        note: s.note,
      });
    else form.setFieldsValue({ status: '在岗', departmentId: filter.departmentId ?? null });
    setEditing(s);
  };

  const save = async () => {
    const v = await form.validateFields();
    const input = {
      ...v,
      departmentId: v.departmentId ?? null,
      title: v.title ?? '',
      phone: v.phone ?? '',
      note: v.note ?? '',
    };
    const saved =
      editing === 'new'
        ? await call('staff.create', input)
        : await call('staff.update', { id: (editing as Staff).id, ...input });
    const handover = await handoverAfterLeaving(saved);
    setEditing(null);
    await list.reload();
    onChanged?.();
    const done = editing === 'new' ? `已添加“${v.name}”` : '已保存';
    return handover ? `${done}。${handover}` : done;
  };

  const remove = (s: Staff) =>
    deleteOrRetire({
      title: deleteTitle('人员', s.name),
      content: deleteDescription([], '只有没有出现在任何记录中的人员才能删除；已调离的人员建议改为“离岗”。'),
      remove: () => call('staff.delete', { id: s.id }),
      retire:
        s.status === '在岗'
          ? {
              okText: '改为离岗',
              run: async () => {
                const saved = await call('staff.update', {
                  id: s.id,
                  name: s.name,
                  departmentId: s.departmentId,
                  title: s.title,
                  phone: s.phone,
                  note: s.note,
                  status: '离岗',
                });
                const handover = await handoverAfterLeaving(saved);
                return `已将“${s.name}”改为离岗${handover ? `。${handover}` : ''}`;
              },
            }
          : null,
      onDone: async () => {
        await list.reload();
        onChanged?.();
      },
    });

  const noFilter = !filter.search && !filter.departmentId && !filter.status;
  return (
    <Card
      title="人员"
      extra={
        <Space>
          {importButton}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openEdit('new')}>
            添加人员
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="搜索姓名、职务、电话"
          style={{ width: 240 }}
          onSearch={(search) => setFilter({ ...filter, search })}
          aria-label="搜索人员"
        />
        <Select
          allowClear
          placeholder="全部科室"
          style={{ width: 160 }}
          value={filter.departmentId}
          onChange={(departmentId) => setFilter({ ...filter, departmentId })}
          options={departments.map((d) => ({ value: d.id, label: d.active ? d.name : `${d.name}（已停用）` }))}
          aria-label="按科室筛选"
        />
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 120 }}
          value={filter.status}
          onChange={(status) => setFilter({ ...filter, status })}
          options={STAFF_STATUSES.map((s) => ({ value: s, label: s }))}
          aria-label="按状态筛选"
        />
      </Space>
      <Table<Staff>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 人` }}
        locale={{
          emptyText: noFilter ? (
            <EmptyHint title="还没有人员" hint="点击“添加人员”逐个录入，或用“从 Excel 导入”一次导入名单。" />
          ) : (
            <EmptyHint title="没有符合条件的人员" hint="换个关键词或清除筛选条件试试。" />
          ),
        }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 120 },
          { title: '科室', dataIndex: 'departmentName', width: 140, render: (v: string | null) => v ?? '—' },
          { title: '职务', dataIndex: 'title', width: 140 },
          { title: '电话', dataIndex: 'phone', width: 160 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 80,
            render: (s: StaffStatus) => <Tag color={s === '在岗' ? 'green' : 'default'}>{s}</Tag>,
          },
          { title: '备注', dataIndex: 'note', ellipsis: true },
          {
            title: '操作',
            width: 200,
            render: (_, s) => (
              <Space size={0}>
                <Button size="small" type="link" onClick={() => openEdit(s)}>
                  编辑
                </Button>
                <Button size="small" type="link" danger onClick={() => remove(s)}>
                  删除
                </Button>
                <AuditButton entity="staff" entityId={s.id} label="记录" title="修改记录" />
              </Space>
            ),
          },
        ]}
      />
      {editing !== null && (
        <FormDialog
          title={editing === 'new' ? '添加人员' : '编辑人员'}
          form={form}
          onSave={save}
          onClose={() => setEditing(null)}
        >
          <Form form={form} layout="vertical">
            <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
              <Input maxLength={30} />
            </Form.Item>
            <Form.Item name="departmentId" label="科室">
              <Select
                allowClear
                placeholder={activeDepartments.length ? '选择科室' : '请先在“科室”中添加科室'}
                options={activeDepartments.map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
            <Form.Item name="title" label="职务">
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="phone" label="电话">
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="status" label="状态">
              <Select options={STAFF_STATUSES.map((s) => ({ value: s, label: s }))} />
            </Form.Item>
            <Form.Item name="note" label="备注">
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Form>
        </FormDialog>
      )}
    </Card>
  );
}
