import { AuditOutlined, FileExcelOutlined, FileWordOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  LEGAL_TYPES,
  REPORT_TEXT_KEYS,
  REVIEW_KINDS,
  TABLE3_ROWS,
  type ReportTextKey,
  type ReportView,
  type YearInput,
  yearOpenNotice,
} from '../../../shared/domain/disclosure';
import { call } from '../../api/call';
import { CalendarGapTag } from '../../components/CalendarGapTag';
import { DateField } from '../../components/DateField';
import { useUnsavedLeave } from '../../components/unsaved';
import { ScrollTable } from '../../components/ScrollTable';
import { checkForm, navigate, useBusyAction, useLoad } from '../../hooks';
import { useDisclosureExport } from './common';
import { formatChineseDate, formatChineseDateTime } from '../../../shared/domain/date-text';

type FormValues = Omit<YearInput, 'texts' | 'year'> & { texts: Record<ReportTextKey, string> };

/** Why a table 二 figure as typed cannot be stored (negative, fractional, not a number), naming the cell; or null. */
function countProblem(label: string, v: unknown, money = false): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v !== 'number' || !Number.isFinite(v)) return `表二“${label}”应为数字`;
  if (v < 0) return `表二“${label}”不能为负数（填的是${v}）`;
  if (!money && !Number.isInteger(v)) return `表二“${label}”应为整数（填的是${v}），件数不能有小数`;
  if (money && Math.abs(Math.round(v * 10000) - v * 10000) > 1e-6) return `表二“${label}”最多保留4位小数（万元）`;
  return null;
}

function Table3({ view }: { view: ReportView }) {
  const rows = view.report.requests.rows;
  const data: { key: string; label: string; values?: number[] }[] = [];
  let group: string | undefined;
  for (const r of TABLE3_ROWS) {
    if (r.key === '三.一') data.push({ key: 'h3', label: '三、本年度办理结果' });
    if (r.group && r.group !== group) data.push({ key: `g${r.group}`, label: `\u3000${r.group}` });
    group = r.group;
    data.push({
      key: r.key,
      label: `${r.key.startsWith('三.') ? (r.group ? '\u3000\u3000' : '\u3000') : ''}${r.label}`,
      values: rows.find((x) => x.key === r.key)?.values,
    });
  }
  const num = (i: number) => ({
    title: '',
    key: String(i),
    width: 64,
    align: 'center' as const,
    render: (_: unknown, r: (typeof data)[number]) => r.values?.[i] ?? '',
  });
  return (
    <ScrollTable
      size="small"
      bordered
      pagination={false}
      dataSource={data}
      rowKey="key"
      maxHeight={400}
      aria-label="表三"
      columns={[
        { title: '（第一项加第二项之和，等于第三项加第四项之和）', dataIndex: 'label', key: 'label', ellipsis: true },
        {
          title: '申请人情况',
          children: [
            { ...num(0), title: '自然人' },
            { title: '法人或其他组织', children: LEGAL_TYPES.map((t, i) => ({ ...num(i + 1), title: t })) },
            { ...num(6), title: '总计' },
          ],
        },
      ]}
    />
  );
}

function Table4({ values }: { values: number[] }) {
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const block = (b: number) =>
    results.map((t, i) => ({ title: t, key: `${b}-${i}`, align: 'center' as const, render: () => values[b * 5 + i] }));
  return (
    <Table
      size="small"
      bordered
      pagination={false}
      dataSource={[{ key: 'v' }]}
      aria-label="表四"
      columns={[
        { title: REVIEW_KINDS[0], children: block(0) },
        {
          title: '行政诉讼',
          children: [
            { title: REVIEW_KINDS[1], children: block(1) },
            { title: REVIEW_KINDS[2], children: block(2) },
          ],
        },
      ]}
    />
  );
}

export function ReportTab({ year }: { year: number }) {
  const [busy, run] = useBusyAction<'save'>();
  const data = useLoad(() => call('disclosure.report', { year }), [year]);
  const [form] = Form.useForm<FormValues>();
  const exportDoc = useDisclosureExport();
  const view = data.data;
  // Typed texts and 表二 figures not yet saved: leaving the tab or the screen by any way asks first.
  const [dirty, markDirty] = useState(false);
  const setText = (key: ReportTextKey, text: string) => {
    form.setFieldValue(['texts', key], text);
    markDirty(true);
  };
  useEffect(() => {
    if (!view) return;
    const { texts: _t, year: _y, ...nums } = view.input;
    form.resetFields();
    form.setFieldsValue({
      ...nums,
      texts: Object.fromEntries(view.sections.map((s) => [s.key, s.text])) as FormValues['texts'],
    });
    markDirty(false);
  }, [view, form]);

  /** Saves 表二 and the texts; `quiet` before an export, which says its own sentence. Resolves to whether it saved. */
  const save = (quiet = false): Promise<boolean> =>
    run('save', async () => {
      if (!view) throw new Error('年度报告还没有读出，请稍候再试。');
      // 表二 may be scrolled out of sight: say it, not only in red beside the numbers.
      const v = await checkForm(form, '表二中有未填或填写有误的数字，请检查标红的项。');
      const texts = Object.fromEntries(
        REPORT_TEXT_KEYS.map((k) => {
          const s = view.sections.find((x) => x.key === k)!;
          const t = (v.texts?.[k] ?? '').trim();
          return [k, t === s.draft.trim() ? null : t];
        }),
      ) as YearInput['texts'];
      await call('disclosure.saveYearInput', {
        year,
        rulesIssued: v.rulesIssued ?? 0,
        rulesRepealed: v.rulesRepealed ?? 0,
        rulesInForce: v.rulesInForce ?? null,
        normIssued: v.normIssued ?? 0,
        normRepealed: v.normRepealed ?? 0,
        normInForce: v.normInForce ?? null,
        licensing: v.licensing ?? 0,
        punishment: v.punishment ?? 0,
        enforcement: v.enforcement ?? 0,
        feesWan: v.feesWan ?? 0,
        reportDate: v.reportDate ?? null,
        inForceNote: v.inForceNote ?? '',
        texts,
      });
      await data.reload();
      return quiet ? undefined : '已保存';
    });
  useUnsavedLeave(dirty, () => save(), '年度报告的修改');
  // The 核对 reads what is saved: unsaved texts and figures are saved first.
  const openCheck = async () => {
    if (dirty && !(await save(true))) return;
    navigate(`yearcheck/${year}`);
  };
  const exportAs = async (kind: 'annual-report-docx' | 'annual-report-xlsx') => {
    if (dirty && !(await save(true))) return;
    await exportDoc(kind, { year });
    await data.reload();
  };
  // A count is refused as typed, never rounded or raised to 0 (no min/precision on the input): the message names the cell.
  const n = (name: keyof FormValues, label: string, extra?: string, placeholder?: string) => (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={[
        {
          validator: (_, v: unknown) => {
            const problem = countProblem(label, v, name === 'feesWan');
            return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
          },
        },
      ]}
    >
      <InputNumber step={name === 'feesWan' ? 0.01 : 1} style={{ width: '100%' }} placeholder={placeholder} />
    </Form.Item>
  );
  if (data.error) return <Alert type="error" showIcon message={data.error} />;
  if (!view) return <Card loading />;
  // Without last year's report data there is nothing to work 现行有效 out from: the 规范性文件 are asked for (the
  // 核对 says so too); a county bureau makes no 规章, so theirs is this year's 制发 − 废止.
  const inForceHint = (d: number, asked: boolean) =>
    view.defaults.inForceFromPrevious
      ? `不填按上年推算：${d}`
      : asked
        ? '没有上年数据，请填写（没有的填0）'
        : `不填按本年制发减废止计：${d}`;
  return (
    <Form form={form} layout="vertical" size="small" onValuesChange={() => markDirty(true)}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<SaveOutlined />} loading={busy === 'save'} onClick={() => void save()}>
          保存
        </Button>
        <Button icon={<FileWordOutlined />} onClick={() => void exportAs('annual-report-docx')}>
          导出年度报告（Word）
        </Button>
        <Button icon={<FileExcelOutlined />} onClick={() => void exportAs('annual-report-xlsx')}>
          导出表二至表四（Excel）
        </Button>
        <Button icon={<AuditOutlined />} onClick={() => void openCheck()}>
          年度核对
        </Button>
        {view.exportedAt && (
          <Typography.Text type="secondary">上次导出：{formatChineseDateTime(view.exportedAt)}</Typography.Text>
        )}
      </Space>
      {view.asOf && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          role="status"
          message={yearOpenNotice(year, view.asOf)}
          description="此时导出的文档会注明“本稿数据截至今天”，表三第四项写作“截至今天尚在办理”；导出不记作本年度报告的导出，下年度核对上年结转时以年度结束后导出的为准。"
        />
      )}
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item
            name="reportDate"
            label="成文日期"
            extra={
              <>
                不填为{formatChineseDate(view.defaults.reportDate)}（次年1月报送期限前的最后一个工作日）
                <CalendarGapTag warning={view.defaults.calendarWarning} />
              </>
            }
          >
            <DateField placeholder={view.defaults.reportDate} />
          </Form.Item>
        </Col>
      </Row>
      {view.checkFailures.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          message="表格勾稽关系不成立，暂不能导出"
          description={view.checkFailures.map((p) => (
            <div key={p}>{p}</div>
          ))}
        />
      )}
      {view.report.problems.filter((p) => !view.checkFailures.includes(p)).length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          message="请核对"
          description={view.report.problems
            .filter((p) => !view.checkFailures.includes(p))
            .map((p) => (
              <div key={p}>{p}</div>
            ))}
        />
      ) : (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 8 }}
          message="表三、表四的勾稽关系全部成立，跨年度结转一致。"
        />
      )}
      <Card size="small" title="一、总体情况（根据登记数据自动起草，可修改）" style={{ marginBottom: 12 }}>
        {view.sections
          .filter((s) => s.key.startsWith('overview'))
          .map((s) => (
            <Form.Item
              key={s.key}
              name={['texts', s.key]}
              label={
                <Space>
                  {s.label}
                  <a onClick={() => setText(s.key, s.draft)}>恢复自动生成</a>
                </Space>
              }
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={20000} />
            </Form.Item>
          ))}
      </Card>
      <Card size="small" title="二、主动公开政府信息情况（表二，按本单位实际填写）" style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Col span={4}>{n('rulesIssued', '规章 本年制发')}</Col>
          <Col span={4}>{n('rulesRepealed', '规章 本年废止')}</Col>
          <Col span={4}>
            {n(
              'rulesInForce',
              '规章 现行有效',
              inForceHint(view.defaults.rulesInForce, false),
              String(view.defaults.rulesInForce),
            )}
          </Col>
          <Col span={4}>{n('normIssued', '规范性文件 本年制发')}</Col>
          <Col span={4}>{n('normRepealed', '规范性文件 本年废止')}</Col>
          <Col span={4}>
            {n(
              'normInForce',
              '规范性文件 现行有效',
              inForceHint(view.defaults.normInForce, true),
              String(view.defaults.normInForce),
            )}
          </Col>
          <Col span={4}>{n('licensing', '行政许可 处理决定数')}</Col>
          <Col span={4}>{n('punishment', '行政处罚 处理决定数')}</Col>
          <Col span={4}>{n('enforcement', '行政强制 处理决定数')}</Col>
          <Col span={6}>{n('feesWan', '行政事业性收费（万元）')}</Col>
          <Col span={24}>
            <Form.Item
              name="inForceNote"
              label="现行有效件数的说明"
              extra={`现行有效件数与“上年现行有效 + 本年制发 − 本年废止”不一致时（如清理后宣布失效），写明原因；否则年度核对会提示。`}
            >
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card
        size="small"
        title="三、收到和处理政府信息公开申请情况（表三，由依申请公开登记自动统计）"
        style={{ marginBottom: 12 }}
      >
        <Table3 view={view} />
      </Card>
      <Card size="small" title="四、政府信息公开行政复议、行政诉讼情况（表四，自动统计）" style={{ marginBottom: 12 }}>
        <Table4 values={view.report.reviews.values} />
      </Card>
      <Card size="small" title="五、六（可修改）">
        {view.sections
          .filter((s) => !s.key.startsWith('overview'))
          .map((s) => (
            <Form.Item
              key={s.key}
              name={['texts', s.key]}
              label={
                <Space>
                  {s.label}
                  <a onClick={() => setText(s.key, s.draft)}>恢复自动生成</a>
                  {s.previous && <a onClick={() => setText(s.key, s.previous!)}>采用上年文字</a>}
                </Space>
              }
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={20000} />
            </Form.Item>
          ))}
      </Card>
    </Form>
  );
}
