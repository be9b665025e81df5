import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { Department } from '../../../shared/domain/org';
import { call } from '../../api/call';
import { AuditButton } from '../../components/AuditDrawer';
import { EmptyHint } from '../../components/EmptyHint';
import { MoveButtons } from '../../components/MoveButtons';
import { useAction, useLoad } from '../../hooks';
import { FormDialog } from '../../components/FormDialog';
import { useDeleteOrRetire } from './deleteOrRetire';
import { deleteDescription, deleteTitle } from '../../components/destructive';

/** 科室: add, rename, reorder, deactivate; deletion only when nothing uses the department. */
export function DepartmentsPanel({ onChanged, version = 0 }: { onChanged?: () => void; version?: number }) {
  const act = useAction();
  const deleteOrRetire = useDeleteOrRetire();
  const list = useLoad(() => call('departments.list'), [version]);
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const [form] = Form.useForm<{ name: string }>();
  const departments = list.data ?? [];

  const reload = async () => {
    await list.reload();
    onChanged?.();
  };
  const run = (action: () => Promise<unknown>, done?: string) =>
    act(async () => {
      await action();
      await reload();
      return done;
    });

  const save = async () => {
    const { name } = await form.validateFields();
    if (editing === 'new') await call('departments.create', { name });
    else await call('departments.rename', { id: (editing as Department).id, name });
    setEditing(null);
    await reload();
    return editing === 'new' ? `已添加科室“${name}”` : '已更名';
  };

  const remove = (d: Department) =>
    deleteOrRetire({
      title: deleteTitle('科室', d.name),
      content: deleteDescription([], '只有没有人员和其他记录使用的科室才能删除。'),
      remove: () => call('departments.delete', { id: d.id }),
      retire: d.active
        ? {
            okText: '改为停用',
            run: async () => {
              await call('departments.setActive', { id: d.id, active: false });
              return '已停用';
            },
          }
        : null,
      onDone: reload,
    });

  return (
    <Card
      title="科室"
      extra={
        <Space>
          <AuditButton entity="department" />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              form.resetFields();
              setEditing('new');
            }}
          >
            添加科室
          </Button>
        </Space>
      }
    >
      <Table<Department>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={departments}
        pagination={false}
        locale={{
          emptyText: <EmptyHint title="还没有科室" hint="先添加本单位的科室，例如：办公室、高新科、财务科。" />,
        }}
        columns={[
          {
            title: '顺序',
            width: 90,
            render: (_, _d, i) => (
              <MoveButtons
                ids={departments.map((d) => d.id)}
                index={i}
                onMove={(ids) => void run(() => call('departments.reorder', { ids }))}
              />
            ),
          },
          { title: '科室名称', dataIndex: 'name' },
          { title: '人员数', dataIndex: 'staffCount', width: 90 },
          {
            title: '状态',
            dataIndex: 'active',
            width: 90,
            render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>),
          },
          {
            title: '操作',
            width: 300,
            render: (_, d) => (
              <Space size={0} wrap>
                <Button
                  size="small"
                  type="link"
                  onClick={() => {
                    form.setFieldsValue({ name: d.name });
                    setEditing(d);
                  }}
                >
                  更名
                </Button>
                <Button
                  size="small"
                  type="link"
                  onClick={() =>
                    run(
                      () => call('departments.setActive', { id: d.id, active: !d.active }),
                      d.active ? '已停用' : '已启用',
                    )
                  }
                >
                  {d.active ? '停用' : '启用'}
                </Button>
                <Button size="small" type="link" danger onClick={() => remove(d)}>
                  删除
                </Button>
                <AuditButton entity="department" entityId={d.id} label="记录" title="修改记录" />
              </Space>
            ),
          },
        ]}
      />
      {editing !== null && (
        <FormDialog
          title={editing === 'new' ? '添加科室' : '科室更名'}
          form={form}
          onSave={save}
          onClose={() => setEditing(null)}
        >
          <Form form={form} layout="vertical">
            <Form.Item
              name="name"
              label="科室名称"
              rules={[
                { required: true, whitespace: true, message: '请填写科室名称' },
                { max: 40, message: '不能超过40个字' },
              ]}
            >
              <Input placeholder="例如：办公室" />
            </Form.Item>
          </Form>
        </FormDialog>
      )}
    </Card>
  );
}
