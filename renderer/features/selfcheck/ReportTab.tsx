import { DownloadOutlined } from '@ant-design/icons';
import { RecordChecks } from './RecordChecks';
import { Alert, App as AntApp, Button, Form, Input, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ReportSections } from '../../../shared/domain/selfcheck';
import { call } from '../../api/call';
import { useCheckedDeliver } from '../../components/CheckedExport';
import { useUnsavedLeave } from '../../components/unsaved';
import { useAction, useLoad } from '../../hooks';
import { formatChineseDateTime } from '../../../shared/domain/date-text';
import { DESTRUCTIVE_CONFIRM } from '../../components/destructive';

const PARTS: [keyof ReportSections, string, number][] = [
  ['intro', '开头', 3],
  ['situation', '一、自查情况', 8],
  ['problems', '二、存在的问题', 5],
  ['measures', '三、整改措施', 5],
  ['next', '四、下一步工作打算', 4],
];

/** The 自查报告 text, drafted from the scores and editable before export. */
export function ReportTab({ year, hasTemplate }: { year: number; hasTemplate: boolean }) {
  const { modal } = AntApp.useApp();
  const act = useAction();
  const checked = useCheckedDeliver();
  const [form] = Form.useForm<ReportSections & { addressee: string }>();
  const [dirty, setDirty] = useState(false);
  const report = useLoad(
    () => (hasTemplate ? call('selfcheck.report', { year }) : Promise.resolve(null)),
    [year, hasTemplate],
  );
  useEffect(() => {
    if (report.data) form.setFieldsValue({ ...report.data.sections, addressee: report.data.addressee });
    setDirty(false);
  }, [form, report.data]);
  const save = async () => {
    const { addressee, ...sections } = await form.validateFields();
    await call('selfcheck.saveReport', { year, sections, addressee: addressee ?? '' });
    setDirty(false);
  };
  // Leaving by any way (a tab, the menu, back/forward, the year, closing) with unsaved text asks first.
  useUnsavedLeave(
    dirty,
    () =>
      act(async () => {
        await save();
        return '已保存报告文字';
      }),
    '报告文字的修改',
  );
  if (!hasTemplate)
    return <Alert type="info" showIcon message="请先在“自查评分”中导入考核细则并完成评分，再生成自查报告。" />;
  if (report.loading && !report.data) return <Spin />;
  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button
          type="primary"
          onClick={() =>
            act(async () => {
              await save();
              return '已保存报告文字';
            })
          }
        >
          保存文字
        </Button>
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            checked('selfcheck-docx', year, () => call('selfcheck.export', { kind: 'selfcheck-docx', year }), save)
          }
        >
          导出自查报告
        </Button>
        <Button
          onClick={() =>
            modal.confirm({
              title: '按最新评分重新生成报告文字？',
              content: '自查报告中已编辑的文字将被按最新评分生成的文字替换，替换后不能恢复。',
              okText: '重新生成',
              ...DESTRUCTIVE_CONFIRM,
              onOk: () =>
                act(async () => {
                  await call('selfcheck.resetReport', { year });
                  await report.reload();
                  return '已按最新评分重新生成报告文字';
                }),
            })
          }
        >
          按最新评分重新生成
        </Button>
        <Typography.Text type="secondary">
          {report.data?.saved
            ? `已保存的文稿（${formatChineseDateTime(report.data.updatedAt ?? '')}）`
            : '根据自查评分自动起草，可直接修改'}
        </Typography.Text>
      </Space>
      <RecordChecks year={year} scope="report" version={`${report.data?.updatedAt ?? ''}|${dirty}`} />
      <Form form={form} layout="vertical" onValuesChange={() => setDirty(true)} style={{ maxWidth: 1000 }}>
        <Form.Item
          name="addressee"
          label="主送机关"
          extra="自查报告和整改情况报告共用，印在标题下方；不需要主送机关时清空。"
          rules={[{ max: 60, message: '主送机关不能超过60个字' }]}
        >
          <Input style={{ maxWidth: 400 }} placeholder="如：某县人民政府办公室" />
        </Form.Item>
        {PARTS.map(([key, label, rows]) => (
          <Form.Item key={key} name={key} label={label}>
            <Input.TextArea rows={rows} />
          </Form.Item>
        ))}
      </Form>
    </div>
  );
}
