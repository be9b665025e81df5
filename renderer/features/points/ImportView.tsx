import { InboxOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Col, Form, Input, InputNumber, Row, Space, Spin, Statistic, Tabs, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { Upload as UploadShape } from '../../../shared/domain/files';
import { countPoints, MAX_POINTS_FILE_BYTES, SOURCE_KIND_LABELS, type PointItem, type SourceDocumentMeta } from '../../../shared/domain/points';
import type { PointsPreview } from '../../../shared/ipc/contracts/points';
import { call, toUpload } from '../../api/call';
import { PageTitle } from '../../components/PageTitle';
import { navigate } from '../../hooks';
import { ItemEditModal, SplitModal } from './ItemEditModal';
import { mergeWithPrevious, setLevel, splitItem } from '../../../shared/domain/points-edits';
import { ItemTree } from './ItemTree';

type Source = { upload: UploadShape; pastedText: null } | { upload: null; pastedText: string };

interface MetaForm {
  title: string;
  docNumber: string;
  issuer: string;
  issuedDate: string;
  year: number;
}

/** 导入上级文件: pick, drop or paste → preview as a tree → correct → save. */
export function ImportView({ defaultYear }: { defaultYear: number }) {
  const { message, modal } = AntApp.useApp();
  const [source, setSource] = useState<Source | null>(null);
  const [preview, setPreview] = useState<PointsPreview | null>(null);
  const [items, setItems] = useState<PointItem[]>([]);
  const [busy, setBusy] = useState<'read' | 'save' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [editing, setEditing] = useState<number | null>(null);
  const [splitting, setSplitting] = useState<number | null>(null);
  const [form] = Form.useForm<MetaForm>();

  const read = async (next: Source, year?: number) => {
    setBusy('read');
    setError(null);
    try {
      const p = await call('points.preview', { source: next, year });
      setSource(next);
      setPreview(p);
      setItems(p.parsed.items);
      form.setFieldsValue({
        title: p.parsed.title, docNumber: p.parsed.docNumber ?? '', issuer: p.parsed.issuer ?? '',
        issuedDate: p.parsed.issuedDate ?? '', year: p.parsed.yearSource === 'fallback' ? defaultYear : p.parsed.year,
      });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const readFile = async (file: File) => {
    // Said at once, without reading (and sending) a huge file first.
    if (file.size > MAX_POINTS_FILE_BYTES) {
      setError(`文件“${file.name}”有 ${(file.size / 1024 / 1024).toFixed(1)} MB，超过导入上限 ${MAX_POINTS_FILE_BYTES / 1024 / 1024} MB。工作要点文件通常不到 1 MB，请确认选对了文件；如文件中有大量图片，请删除图片后另存再导入，或复制文字粘贴导入。`);
      return;
    }
    try {
      await read({ upload: await toUpload(file), pastedText: null });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const reset = () => {
    setSource(null);
    setPreview(null);
    setItems([]);
    setError(null);
  };

  const save = async () => {
    if (!source || !preview) return;
    const v = await form.validateFields();
    const meta: SourceDocumentMeta = {
      title: v.title.trim(), docNumber: v.docNumber?.trim() || null, issuer: v.issuer?.trim() || null,
      issuedDate: v.issuedDate?.trim() || null, year: v.year,
    };
    setBusy('save');
    try {
      const replace = await call('points.checkReplace', { meta, items, sha256: preview.sha256 });
      const doSave = async (replaceDocumentId: number | null) => {
        const doc = await call('points.save', { source, sourceKind: preview.parsed.sourceKind, meta, items, replaceDocumentId });
        message.success(`已保存“${doc.title}”，共 ${doc.itemCount} 条${doc.year !== defaultYear ? `（属于 ${doc.year} 年度，在页头切换年度后可在列表中看到）` : ''}`);
        navigate(`points/${doc.id}`);
      };
      if (!replace) {
        await doSave(null);
        return;
      }
      modal.confirm({
        title: '已导入过同一文件，是否替换？',
        width: 640,
        content: (
          <div>
            <p>“{replace.title}”（{replace.reason}，导入于 {replace.importedAt}）。替换后将：新增 {replace.added} 条，删除 {replace.removed} 条，修改 {replace.changed} 条，{replace.unchanged} 条不变。</p>
            {replace.details.length > 0 && (
              <ul style={{ maxHeight: 240, overflow: 'auto', paddingLeft: 20 }}>
                {replace.details.map((d) => <li key={d}>{d}</li>)}
              </ul>
            )}
            <p>未变化和修改的条目保留原有关联；原来的原文件由新文件代替。</p>
          </div>
        ),
        okText: '替换',
        cancelText: '取消',
        onOk: async () => {
          try {
            await doSave(replace.documentId);
          } catch (e) {
            message.error((e as Error).message);
          }
        },
      });
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const counts = countPoints(items);
  const year = Form.useWatch('year', form) ?? defaultYear;

  return (
    <div>
      <PageTitle title="导入上级文件" extra={<Button onClick={() => navigate('points')}>返回列表</Button>}>
        支持 Word（.docx）、Excel 分工表（.xlsx）、文本文件（.txt），也可以直接粘贴网页上复制的文字。保存前可以调整层级、合并或拆分条目、修正责任单位和时限。
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
                    <Upload.Dragger
                      accept=".docx,.xlsx,.txt,.doc,.wps,.pdf,.xls"
                      multiple={false}
                      showUploadList={false}
                      disabled={busy !== null}
                      beforeUpload={(f) => { void readFile(f); return false; }}
                    >
                      <p className="ant-upload-drag-icon"><InboxOutlined /></p>
                      <p className="ant-upload-text">点击选择文件，或把文件拖到这里</p>
                      <p className="ant-upload-hint">Word（.docx）、Excel 分工表（.xlsx）或文本（.txt）；旧版 .doc/.wps 请先另存为 .docx</p>
                    </Upload.Dragger>
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
                      <Button type="primary" disabled={!pasted.trim() || busy !== null} onClick={() => void read({ upload: null, pastedText: pasted })}>识别粘贴的文字</Button>
                    </Space>
                  ),
                },
              ]}
            />
          </Spin>
          {error && <Alert type="error" showIcon style={{ marginTop: 12, whiteSpace: 'pre-line' }} title="无法导入" description={error} />}
        </Card>
      )}

      {preview && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {preview.replace && (
            <Alert
              type="warning"
              showIcon
              title={`已导入过同一文件“${preview.replace.title}”（${preview.replace.reason}）`}
              description={`保存时会询问是否替换：新增 ${preview.replace.added} 条，删除 ${preview.replace.removed} 条，修改 ${preview.replace.changed} 条，${preview.replace.unchanged} 条不变。`}
            />
          )}
          {preview.parsed.warnings.map((w) => <Alert key={w} type="info" showIcon title={w} />)}
          <Card title={`文件信息（${SOURCE_KIND_LABELS[preview.parsed.sourceKind]}：${preview.fileName}）`}>
            <Form form={form} layout="vertical">
              <Row gutter={16}>
                <Col span={12}>
                  <Form.Item name="title" label="文件标题" rules={[{ required: true, whitespace: true, message: '请填写文件标题' }, { max: 200, message: '标题不能超过200个字' }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name="docNumber" label="文号"><Input placeholder="如 黔府办发〔2020〕12号" /></Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
                    <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="issuer" label="发文单位"><Input /></Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name="issuedDate" label="成文日期" rules={[{ pattern: /^$|^\d{4}-\d{2}-\d{2}$/, message: '格式为 2020-06-05' }]}>
                    <Input placeholder="2020-06-05" />
                  </Form.Item>
                </Col>
                <Col span={6} style={{ display: 'flex', alignItems: 'center' }}>
                  {year !== preview.parsed.year && (
                    <Button onClick={() => source && void read(source, year)}>按 {year} 年重新识别时限</Button>
                  )}
                </Col>
              </Row>
            </Form>
          </Card>
          <Card
            title="识别出的条目"
            extra={
              <Space>
                <Button onClick={reset}>重新选择</Button>
                <Button type="primary" loading={busy === 'save'} onClick={() => void save()}>保存</Button>
              </Space>
            }
          >
            <Row gutter={16} style={{ marginBottom: 12 }}>
              <Col span={6}><Statistic title="条目" value={counts.items} suffix="条" /></Col>
              <Col span={6}><Statistic title="没有责任单位" value={counts.withoutUnit} suffix="条" valueStyle={counts.withoutUnit ? { color: '#cf1322' } : undefined} /></Col>
              <Col span={6}><Statistic title="有完成时限" value={counts.withDeadline} suffix="条" /></Col>
            </Row>
            <Typography.Paragraph type="secondary">
              共 {counts.items} 条，{counts.withoutUnit} 条没有责任单位，{counts.withDeadline} 条有完成时限。红色竖线标出没有责任单位的条目，可点“编辑”补上。
            </Typography.Paragraph>
            <ItemTree
              items={items}
              actions={{
                onEdit: setEditing,
                onLevel: (i, lv) => setItems((xs) => setLevel(xs, i, lv)),
                onMerge: (i) => setItems((xs) => mergeWithPrevious(xs, i)),
                onSplit: setSplitting,
              }}
            />
          </Card>
        </Space>
      )}
      <ItemEditModal
        item={editing === null ? null : items[editing] ?? null}
        onCancel={() => setEditing(null)}
        onOk={(it) => {
          setItems((xs) => xs.map((x, i) => (i === editing ? it : x)));
          setEditing(null);
        }}
      />
      <SplitModal
        item={splitting === null ? null : items[splitting] ?? null}
        onCancel={() => setSplitting(null)}
        onOk={(at) => {
          setItems((xs) => splitItem(xs, splitting!, at, year));
          setSplitting(null);
        }}
      />
    </div>
  );
}
