import { ImportOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import {
  SOURCE_KIND_LABELS,
  type PointItem,
  type SourceDocument,
  type SourceDocumentMeta,
} from '../../../shared/domain/points';
import { call } from '../../api/call';
import { useYear } from '../../app-context';
import { AuditButton } from '../../components/AuditDrawer';
import { EmptyHint } from '../../components/EmptyHint';
import { FormDialog } from '../../components/FormDialog';
import { PageTitle } from '../../components/PageTitle';
import { navigate, useAction, useDownloadAttachment, useLoad } from '../../hooks';
import { ImportView } from './ImportView';
import { ItemEditDialog } from './ItemEditModal';
import { ItemTree } from './ItemTree';
import { DESTRUCTIVE_CONFIRM, deleteDescription, deleteTitle } from '../../components/destructive';

/** 上级要点: #/points (the year's documents), #/points/import, #/points/<id> (one document and its items). */
export function PointsScreen({ params }: { params: string[] }) {
  const year = useYear();
  if (params[0] === 'import') return <ImportView defaultYear={year} />;
  if (params[0] && /^\d+$/.test(params[0])) return <DocumentView id={Number(params[0])} />;
  return <DocumentList year={year} />;
}

function DocumentList({ year }: { year: number }) {
  const list = useLoad(() => call('points.documents', { year }), [year]);
  const download = useDownloadAttachment();
  const importButton = (
    <Button type="primary" icon={<ImportOutlined />} onClick={() => navigate('points/import')}>
      导入上级文件
    </Button>
  );
  return (
    <div>
      <PageTitle title="上级要点" extra={importButton}>
        {year} 年度收到的上级政务公开工作要点（或实施方案、分工表），逐条整理后供编制本单位实施方案使用。
      </PageTitle>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
      <Card>
        <Table<SourceDocument>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data ?? []}
          pagination={false}
          locale={{
            emptyText: (
              <EmptyHint
                title={`${year} 年度还没有导入上级要点`}
                hint="点“导入上级文件”，选择 Word、Excel 或文本文件，或粘贴网页上的文字。"
                action={importButton}
              />
            ),
          }}
          columns={[
            {
              title: '文件标题',
              dataIndex: 'title',
              render: (t: string, d) => <a onClick={() => navigate(`points/${d.id}`)}>{t}</a>,
            },
            { title: '文号', dataIndex: 'docNumber', width: 180, render: (v: string | null) => v ?? '—' },
            { title: '发文单位', dataIndex: 'issuer', width: 180, render: (v: string | null) => v ?? '—' },
            { title: '条目', dataIndex: 'itemCount', width: 70 },
            {
              title: '无责任单位',
              dataIndex: 'withoutUnit',
              width: 100,
              render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0),
            },
            { title: '有时限', dataIndex: 'withDeadline', width: 80 },
            { title: '导入时间', dataIndex: 'importedAt', width: 170 },
            {
              title: '操作',
              width: 170,
              render: (_, d) => (
                <Space>
                  <Button size="small" onClick={() => navigate(`points/${d.id}`)}>
                    查看
                  </Button>
                  {d.attachmentId && (
                    <Button size="small" onClick={() => void download(d.attachmentId!)}>
                      原文件
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}

function DocumentView({ id }: { id: number }) {
  const { modal } = AntApp.useApp();
  const act = useAction();
  const doc = useLoad(() => call('points.document', { id }), [id]);
  const download = useDownloadAttachment();
  const [editing, setEditing] = useState<number | null>(null);
  const treeActions = useMemo(() => ({ onEdit: setEditing }), []);
  const [metaOpen, setMetaOpen] = useState(false);

  if (doc.error) {
    return (
      <div>
        <PageTitle title="上级要点" extra={<Button onClick={() => navigate('points')}>返回列表</Button>} />
        <Alert type="error" showIcon title={doc.error} />
      </div>
    );
  }
  if (!doc.data) return <Card loading />;
  const { document: d, items } = doc.data;

  const saveItem = async (index: number, item: PointItem) => {
    await call('points.updateItem', { id: items[index].id, item });
    setEditing(null);
    await doc.reload();
    return '已保存修改';
  };

  const remove = () =>
    modal.confirm({
      title: deleteTitle('上级文件', d.title),
      content: deleteDescription(
        [
          [d.itemCount, '条要点条目'],
          [d.attachmentId ? 1 : 0, '份保存的原文件'],
        ],
        '已被实施方案任务使用的文件不能删除。',
      ),
      okText: '删除',
      ...DESTRUCTIVE_CONFIRM,
      onOk: () =>
        act(async () => {
          await call('points.deleteDocument', { id });
          navigate('points');
          return '已删除';
        }),
    });

  return (
    <div>
      <PageTitle
        title={d.title}
        extra={
          <Space>
            <Button onClick={() => navigate('points')}>返回列表</Button>
            {d.attachmentId && <Button onClick={() => void download(d.attachmentId!)}>下载原文件</Button>}
            <Button onClick={() => setMetaOpen(true)}>修改文件信息</Button>
            <AuditButton entity="source_document" entityId={id} />
            <Button danger onClick={remove}>
              删除
            </Button>
          </Space>
        }
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Descriptions size="small" column={3}>
            <Descriptions.Item label="文号">{d.docNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="发文单位">{d.issuer ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="成文日期">{d.issuedDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="年度">{d.year}</Descriptions.Item>
            <Descriptions.Item label="来源">
              {SOURCE_KIND_LABELS[d.sourceKind]}
              {d.fileName ? `：${d.fileName}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="导入时间">{d.importedAt}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ margin: '8px 0 0' }}>
            共 {d.itemCount} 条，{d.withoutUnit} 条没有责任单位，{d.withDeadline} 条有完成时限。
          </Typography.Paragraph>
        </Card>
        <Card title="条目">
          <ItemTree items={items} actions={treeActions} />
        </Card>
      </Space>
      {editing !== null && items[editing] && (
        <ItemEditDialog
          item={items[editing]}
          okText="保存"
          onClose={() => setEditing(null)}
          onSave={(it) => saveItem(editing, it)}
        />
      )}
      {metaOpen && (
        <DocumentMetaDialog
          document={d}
          onClose={() => setMetaOpen(false)}
          onSaved={async () => {
            setMetaOpen(false);
            await doc.reload();
          }}
        />
      )}
    </div>
  );
}

/** 修改文件信息: the document's title, 文号, 发文单位, 成文日期 and 年度, as a FormDialog (first field, Enter saves, Esc asks). */
function DocumentMetaDialog({
  document: d,
  onClose,
  onSaved,
}: {
  document: SourceDocument;
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const [form] = Form.useForm<SourceDocumentMeta>();
  const initial = {
    title: d.title,
    docNumber: d.docNumber ?? '',
    issuer: d.issuer ?? '',
    issuedDate: d.issuedDate ?? '',
    year: d.year,
  };
  const save = async () => {
    const v = await form.validateFields();
    await call('points.updateDocument', {
      id: d.id,
      meta: {
        title: v.title,
        docNumber: v.docNumber || null,
        issuer: v.issuer || null,
        issuedDate: v.issuedDate || null,
        year: v.year,
      },
    });
    await onSaved();
    return '已保存文件信息';
  };
  return (
    <FormDialog title="修改文件信息" form={form} onSave={save} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item
          name="title"
          label="文件标题"
          rules={[{ required: true, whitespace: true, message: '请填写文件标题' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="docNumber" label="文号">
          <Input />
        </Form.Item>
        <Form.Item name="issuer" label="发文单位">
          <Input />
        </Form.Item>
        <Form.Item
          name="issuedDate"
          label="成文日期"
          rules={[{ pattern: /^$|^\d{4}-\d{2}-\d{2}$/, message: '格式为 2020-06-05' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
