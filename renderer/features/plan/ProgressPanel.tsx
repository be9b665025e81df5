import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Space,
  Timeline,
  Typography,
  Upload,
  type FormInstance,
} from 'antd';
import { useEffect, useState } from 'react';
import type { ProgressEntry } from '../../../shared/domain/plan';
import { call, toUpload } from '../../api/call';
import { DateField, todayIso } from '../../components/DateField';
import { DeleteButton } from '../../components/DeleteButton';
import { deleteDescription } from '../../components/destructive';
import { FormDialog } from '../../components/FormDialog';
import { isEnterToSave } from '../../components/keyboard';
import { useDownloadAttachment } from '../../hooks';
import { formatChineseDate } from '../../../shared/domain/date-text';

export interface ProgressFormValues {
  date: string;
  text: string;
  percent: number | null;
  linkUrl?: string;
  linkTitle?: string;
}

/** The same checks the service makes, shown beside the field as the user types. */
const dateRules = [
  { required: true, message: '请选择进展日期' },
  {
    validator: (_: unknown, v: string | null) =>
      v && v > todayIso() ? Promise.reject(new Error('进展日期不能晚于今天')) : Promise.resolve(),
  },
];
// No min/max on the number box: antd would silently turn 120 into 100; the rule says what is wrong instead.
const percentRules = [{ type: 'integer' as const, min: 0, max: 100, message: '完成比例应为0到100之间的整数' }];

/** The multi-file picker of a progress entry (also used by the 整改 progress in 自查整改). */
export function FilePicker({ files, onChange }: { files: File[]; onChange: (f: File[]) => void }) {
  return (
    <Upload
      multiple
      fileList={files.map((f, i) => ({ uid: String(i), name: f.name, status: 'done' as const }))}
      beforeUpload={(f, batch) => {
        // Called once per file of a multiple selection, each time with the same `files`: take the whole batch once,
        // or only the last file of the batch would be kept.
        if (f === batch[0]) onChange([...files, ...batch]);
        return false;
      }}
      onRemove={(f) => onChange(files.filter((_, i) => String(i) !== f.uid))}
    >
      <Button icon={<UploadOutlined />}>选择文件</Button>
    </Upload>
  );
}

function ProgressFields() {
  return (
    <>
      <Space.Compact block style={{ gap: 12 }}>
        <Form.Item name="date" label="进展日期" style={{ width: 180 }} rules={dateRules}>
          <DateField />
        </Form.Item>
        <Form.Item name="percent" label="完成比例（%）" style={{ width: 160 }} rules={percentRules}>
          <InputNumber precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="text" label="进展内容" rules={[{ required: true, whitespace: true, message: '请填写进展情况' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Space.Compact block style={{ gap: 12 }}>
        <Form.Item name="linkTitle" label="链接名称" style={{ flex: 1 }}>
          <Input placeholder="如：门户网站公开专栏" />
        </Form.Item>
        <Form.Item name="linkUrl" label="佐证链接" style={{ flex: 2 }}>
          <Input placeholder="https://…" />
        </Form.Item>
      </Space.Compact>
    </>
  );
}

const linksOf = (v: ProgressFormValues) =>
  v.linkUrl?.trim() ? [{ title: v.linkTitle ?? '', url: v.linkUrl.trim() }] : [];

/** Corrects one progress entry: date, words, percentage; evidence removed (ticked) or added. */
function ProgressEditDialog({
  entry,
  onClose,
  onDone,
}: {
  entry: ProgressEntry;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const [form] = Form.useForm<ProgressFormValues & { removeIds: number[] }>();
  const [files, setFiles] = useState<File[]>([]);
  useEffect(
    () => form.setFieldsValue({ date: entry.date, text: entry.text, percent: entry.percent, removeIds: [] }),
    [form, entry],
  );
  const save = async () => {
    const v = await form.validateFields();
    await call('tasks.updateProgress', {
      id: entry.id,
      date: v.date,
      text: v.text,
      percent: v.percent ?? null,
      removeEvidenceIds: v.removeIds ?? [],
      addFiles: await Promise.all(files.map(toUpload)),
      addLinks: linksOf(v),
    });
    await onDone();
    return '进展记录已修改';
  };
  return (
    <FormDialog
      title={`修改进展记录（${formatChineseDate(entry.date)}）`}
      width={640}
      form={form}
      onSave={save}
      onClose={onClose}
      pending={files.length > 0}
    >
      {/* Its own name: the same fields are on the drawer below, and their ids (which labels point to) must differ. */}
      <Form form={form} layout="vertical" name="progressEdit">
        <ProgressFields />
        {entry.evidence.length > 0 && (
          <Form.Item name="removeIds" label="已有佐证材料（勾选要删除的）">
            <Checkbox.Group options={entry.evidence.map((e) => ({ value: e.id, label: e.title }))} />
          </Form.Item>
        )}
        <Form.Item label="添加佐证材料">
          <FilePicker files={files} onChange={setFiles} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/**
 * 进展情况 of one task: register a new entry (with evidence files or a link), and correct or delete a mistyped one.
 * The entry being typed belongs to the drawer (`form`, `files`, `onAdd`), so the drawer can ask before it is lost.
 */
export function ProgressPanel({
  form,
  entries,
  files,
  onFilesChange,
  onAdd,
  onChanged,
}: {
  form: FormInstance<ProgressFormValues>;
  entries: ProgressEntry[];
  files: File[];
  onFilesChange: (f: File[]) => void;
  onAdd: () => Promise<boolean>;
  onChanged: () => Promise<void>;
}) {
  const download = useDownloadAttachment();
  const [editing, setEditing] = useState<ProgressEntry | null>(null);

  return (
    <>
      <Form
        form={form}
        layout="vertical"
        aria-label="登记进展"
        onKeyDown={(e) => {
          if (isEnterToSave(e)) {
            e.preventDefault();
            void onAdd();
          }
        }}
      >
        <ProgressFields />
        <Form.Item label="佐证材料">
          <FilePicker files={files} onChange={onFilesChange} />
        </Form.Item>
        <Button type="primary" onClick={() => void onAdd()}>
          登记进展
        </Button>
      </Form>
      <div style={{ marginTop: 20 }}>
        {entries.length === 0 && <Typography.Text type="secondary">还没有进展记录。</Typography.Text>}
        <Timeline
          items={entries.map((p) => ({
            key: p.id,
            children: (
              <div aria-label={`进展记录 ${p.date}`}>
                <div>
                  <b>{p.date}</b>
                  {p.percent !== null && <Typography.Text type="secondary">（{p.percent}%）</Typography.Text>}
                  <Button size="small" type="link" onClick={() => setEditing(p)}>
                    修改
                  </Button>
                  <DeleteButton
                    title={`删除${formatChineseDate(p.date)}的进展记录？`}
                    description={deleteDescription([
                      [p.evidence.length, `项佐证材料（${p.evidence.map((e) => e.title).join('、')}）`],
                    ])}
                    onDelete={() => call('tasks.deleteProgress', { id: p.id })}
                    onDone={onChanged}
                  />
                </div>
                <div style={{ whiteSpace: 'pre-wrap' }}>{p.text}</div>
                {p.evidence.map((e) => (
                  <div key={e.id}>
                    <PaperClipOutlined />{' '}
                    {e.attachmentId ? (
                      <a onClick={() => download(e.attachmentId!)}>{e.title}</a>
                    ) : (
                      <a href={e.link ?? '#'} target="_blank" rel="noreferrer">
                        {e.title}
                      </a>
                    )}
                  </div>
                ))}
              </div>
            ),
          }))}
        />
      </div>
      {editing && (
        <ProgressEditDialog
          entry={editing}
          onClose={() => setEditing(null)}
          onDone={async () => {
            setEditing(null);
            await onChanged();
          }}
        />
      )}
    </>
  );
}
