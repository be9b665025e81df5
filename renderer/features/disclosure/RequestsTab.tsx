import { DownOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Divider,
  Dropdown,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { LazyTooltip } from '../../components/LazyTooltip';
import {
  APPLICANT_TYPES,
  feePerItem,
  PROVIDE_MEDIA,
  PROVIDE_WAYS,
  NOT_HELD_CASES,
  NOT_OURS,
  PROVIDING_RESULTS,
  WITHHELD_REASON_KEYS,
  REQUEST_METHODS,
  RESULT_ROWS,
  REVIEW_KINDS,
  REVIEW_RESULTS,
  resultLabel,
  type DisclosureRequest,
  type RequestInput,
  type Review,
  type ReviewInput,
  type StepKind,
} from '../../../shared/domain/disclosure';
import { requestDateIssues, reviewDateIssues } from '../../../shared/domain/disclosure-dates';
import { ErrorCode } from '../../../shared/ipc/errors';
import { createWorkingDayCalendar } from '../../../shared/domain/working-days';
import { AppError, call } from '../../api/call';
import { dateIssueRules } from '../../components/dateRules';
import { DateField, todayIso } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { answerBasisText, WITHHELD_REASON_LABELS } from '../../../shared/domain/disclosure-answers';
import { PersonField } from '../../components/PersonField';
import { DeleteButton } from '../../components/DeleteButton';
import { deleteDescription, quoted } from '../../components/destructive';
import { formatChineseDate } from '../../../shared/domain/date-text';
import { EmptyHint } from '../../components/EmptyHint';
import { navigate, useLoad } from '../../hooks';
import { DeadlineBanner, ImportButton, savedWhere, useDeadlinePreview, useDisclosureExport } from './common';
import { DeadlineTag } from './DeadlineTag';

const RESULT_OPTIONS = (() => {
  const groups: { label: string; options: { value: string; label: string }[] }[] = [];
  for (const r of RESULT_ROWS) {
    const g = r.group ?? (r.key === '三.一' ? '（一）予以公开' : '（二）部分公开');
    let group = groups.find((x) => x.label === g);
    if (!group) groups.push((group = { label: g, options: [] }));
    group.options.push({ value: r.key, label: resultLabel(r.key) });
  }
  return groups;
})();

const STEP_LABELS: Record<StepKind, { start: string; end?: string; party?: string; told?: string; days?: boolean }> = {
  补正: { start: '补正告知日期', end: '补正收到日期', told: '补正期限' },
  征求意见: { start: '征求意见发出日期', end: '意见收到日期', party: '征求对象' },
  延期: { start: '延期批准日期', party: '批准人', told: '告知申请人日期', days: true },
};

function RequestDialog({
  item,
  year,
  all,
  onClose,
  onDone,
}: {
  item: DisclosureRequest | null;
  year: number;
  all: DisclosureRequest[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { modal } = AntApp.useApp();
  const [form] = Form.useForm<RequestInput>();
  const steps = (Form.useWatch('steps', form) ?? []) as NonNullable<RequestInput['steps']>;
  const applicant = Form.useWatch('applicant', form) as string | undefined;
  const received = Form.useWatch('receivedDate', form) as string | undefined;
  const answered = Form.useWatch('answeredDate', form) as string | null | undefined;
  const result = Form.useWatch('result', form) as string | null | undefined;
  const provideWay = Form.useWatch('provideWay', form) as string | undefined;
  const withheldReason = Form.useWatch('withheldReason', form) as string | null | undefined;
  // 予以公开 / 部分公开: how the information is provided goes into the 答复书 (载体形式、获取方式、时间).
  const providing = (PROVIDING_RESULTS as readonly string[]).includes(result ?? '');
  const basis = answerBasisText(result ?? null, withheldReason ?? null, provideWay ?? '');
  // 按件计收: this application's place among the applicant's applications of the same calendar month.
  const nth =
    applicant && received
      ? all.filter(
          (r) =>
            r.id !== item?.id &&
            r.applicant === applicant.trim() &&
            r.receivedDate.slice(0, 7) === received.slice(0, 7) &&
            r.receivedDate <= received,
        ).length + 1
      : 1;
  useEffect(() => {
    if (item) form.setFieldsValue(item);
    else {
      // 申请人类型 and 申请方式 open empty: a guess stored unseen would put the application in the wrong column of 表三.
      const today = todayIso();
      form.setFieldsValue({
        receivedDate: today.startsWith(String(year)) ? today : undefined,
        steps: [],
        feeYuan: 0,
      });
    }
  }, [form, item, year]);
  // The user's 放假安排 too, so the 7-working-day check beside a 补正 counts as the service does.
  const calendar = useLoad(() => call('calendar.get', { year }), [year]);
  const cal = useMemo(() => createWorkingDayCalendar(calendar.data?.overrides ?? []), [calendar.data]);
  const issues = (v: Record<string, unknown>) => requestDateIssues(v, todayIso(), cal, year);
  const dateRules = (...path: (string | number)[]) => dateIssueRules(issues, path);
  const deadline = useDeadlinePreview(received, answered, steps, item?.deadline ?? null, result);
  const send = (input: RequestInput, confirmDuplicate: boolean) =>
    item
      ? call('disclosure.updateRequest', { id: item.id, ...input, confirmDuplicate })
      : call('disclosure.createRequest', { ...input, confirmDuplicate });
  // The same application registered before: the user sees which one, and either goes back or registers it anyway.
  const confirmDuplicate = (message: string) =>
    new Promise<boolean>((resolve) =>
      modal.confirm({
        title: '已登记过同一申请',
        width: 520,
        content: `${message}如确是申请人再次提出的同一申请（答复时可按“重复申请”处理），可以仍然登记。`,
        okText: '仍然登记',
        cancelText: '返回修改',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      }),
    );
  const save = async () => {
    const v = await form.validateFields();
    const input: RequestInput = {
      ...v,
      handler: v.handler ?? '',
      contact: v.contact ?? '',
      answeredDate: v.answeredDate ?? null,
      result: v.result ?? null,
      feeYuan: v.feeYuan ?? 0,
      answerNote: v.answerNote ?? '',
      // Hidden fields keep their values: what the result does not use is sent empty.
      provideMedium: providing ? (v.provideMedium ?? '') : '',
      provideWay: providing ? (v.provideWay ?? '') : '',
      provideDate: providing ? (v.provideDate ?? null) : null,
      // 部分公开: the withheld part's reason; 本机关不掌握: whether it is 不属于本机关负责公开 (第三十六条第（五）项).
      withheldReason:
        v.result === '三.二'
          ? (v.withheldReason ?? null)
          : v.result === '三.四.1' && v.withheldReason === NOT_OURS
            ? NOT_OURS
            : null,
      steps: (v.steps ?? []).map((s) => ({
        ...s,
        endDate: s.endDate ?? null,
        toldDate: s.toldDate ?? null,
        days: s.kind === '延期' ? (s.days ?? null) : null,
        party: s.party ?? '',
        note: s.note ?? '',
      })),
    };
    try {
      await send(input, false);
    } catch (e) {
      if (!(e instanceof AppError && e.code === ErrorCode.DUPLICATE)) throw e;
      if (!(await confirmDuplicate(e.message)))
        throw new Error('未保存：这件申请已登记过。可修改后再保存，或关闭对话框。');
      await send(input, true);
    }
    onDone();
    return savedWhere(input.receivedDate, year);
  };
  return (
    <FormDialog
      width={900}
      title={item ? `办理申请：${item.applicant}` : '登记政府信息公开申请'}
      form={form}
      // 收到日期 starts at today: typing starts at 申请人.
      firstField={item || !todayIso().startsWith(String(year)) ? undefined : 'applicant'}
      onSave={save}
      onClose={onClose}
    >
      {deadline && <DeadlineBanner deadline={deadline} />}
      <Form form={form} layout="vertical" size="middle">
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item
              name="receivedDate"
              label="收到日期"
              rules={[{ required: true, message: '请选择收到日期' }, ...dateRules('receivedDate')]}
              extra="当面：提交之日；邮寄：签收之日；网络/传真：双方确认之日"
            >
              <DateField />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="applicant"
              label="申请人"
              rules={[{ required: true, whitespace: true, message: '请填写申请人' }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="applicantType"
              label="申请人类型"
              rules={[{ required: true, message: '请选择申请人类型' }]}
            >
              <Select
                placeholder="请选择"
                options={APPLICANT_TYPES.map((t) => ({ value: t, label: t === '自然人' ? t : `法人或其他组织—${t}` }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="method" label="申请方式" rules={[{ required: true, message: '请选择申请方式' }]}>
              <Select placeholder="请选择" options={REQUEST_METHODS.map((t) => ({ value: t, label: t }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="content"
              label="申请内容"
              rules={[{ required: true, whitespace: true, message: '请填写申请内容' }]}
            >
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="handler" label="经办人">
              <PersonField />
            </Form.Item>
          </Col>
          <Col span={18}>
            <Form.Item name="contact" label="申请人联系方式">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain style={{ margin: '4px 0 8px' }}>
          办理步骤
        </Divider>
        <Form.List name="steps">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => {
                const kind = (steps[f.name]?.kind ?? '补正') as StepKind;
                const L = STEP_LABELS[kind];
                return (
                  <Card
                    key={f.key}
                    size="small"
                    style={{ marginBottom: 8 }}
                    title={<Tag color="blue">{kind}</Tag>}
                    extra={<a onClick={() => remove(f.name)}>移除</a>}
                  >
                    <Form.Item name={[f.name, 'kind']} hidden>
                      <Input />
                    </Form.Item>
                    <Row gutter={12}>
                      <Col span={6}>
                        <Form.Item
                          name={[f.name, 'startDate']}
                          label={L.start}
                          dependencies={['receivedDate']}
                          rules={[
                            { required: true, message: `请选择${L.start}` },
                            ...dateRules('steps', f.name, 'startDate'),
                          ]}
                        >
                          <DateField />
                        </Form.Item>
                      </Col>
                      {L.end && (
                        <Col span={6}>
                          <Form.Item
                            name={[f.name, 'endDate']}
                            label={L.end}
                            extra={kind === '补正' ? '收到补正后重新计算20个工作日' : '期间不计入答复期限'}
                            rules={dateRules('steps', f.name, 'endDate')}
                          >
                            <DateField placeholder="尚未收到" />
                          </Form.Item>
                        </Col>
                      )}
                      {L.days && (
                        <Col span={6}>
                          <Form.Item
                            name={[f.name, 'days']}
                            label="延长工作日"
                            rules={[{ required: true, message: '请填写延长的工作日数' }]}
                          >
                            <InputNumber
                              min={1}
                              max={20}
                              precision={0}
                              style={{ width: '100%' }}
                              addonAfter="个工作日"
                            />
                          </Form.Item>
                        </Col>
                      )}
                      {L.told && (
                        <Col span={6}>
                          <Form.Item
                            name={[f.name, 'toldDate']}
                            label={L.told}
                            rules={dateRules('steps', f.name, 'toldDate')}
                          >
                            <DateField placeholder="可不填" />
                          </Form.Item>
                        </Col>
                      )}
                      {L.party && (
                        <Col span={6}>
                          <Form.Item name={[f.name, 'party']} label={L.party}>
                            <Input maxLength={100} />
                          </Form.Item>
                        </Col>
                      )}
                      <Col span={24}>
                        <Form.Item
                          name={[f.name, 'note']}
                          label={kind === '补正' ? '需补正的事项' : kind === '延期' ? '延期理由' : '说明'}
                          style={{ marginBottom: 0 }}
                        >
                          <Input maxLength={500} />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                );
              })}
              <Space style={{ marginBottom: 8 }}>
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => add({ kind: '补正', startDate: todayIso() })}
                >
                  补正告知
                </Button>
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => add({ kind: '征求意见', startDate: todayIso() })}
                >
                  征求第三方意见
                </Button>
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  disabled={steps.some((s) => s?.kind === '延期')}
                  onClick={() => add({ kind: '延期', startDate: todayIso(), days: 20 })}
                >
                  延期答复
                </Button>
              </Space>
            </>
          )}
        </Form.List>
        <Divider titlePlacement="start" plain style={{ margin: '4px 0 8px' }}>
          答复
        </Divider>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="answeredDate" label="答复日期" rules={dateRules('answeredDate')}>
              <DateField placeholder="尚未答复" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="result" label="办理结果" extra="年报表三的21种情形之一">
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder="答复后选择"
                options={RESULT_OPTIONS}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="feeYuan"
              label="信息处理费"
              extra={nth > 10 ? `该申请人本月第${nth}件，按件标准${feePerItem(nth)}元` : '同一申请人每月10件以内不收费'}
            >
              <InputNumber min={0} precision={0} style={{ width: '100%' }} addonAfter="元" />
            </Form.Item>
          </Col>
          {providing && (
            <>
              <Col span={6}>
                <Form.Item
                  name="provideMedium"
                  label="载体形式"
                  rules={[{ required: !!answered, message: '请选择载体形式（答复书要写明）' }]}
                >
                  <Select options={PROVIDE_MEDIA.map((m) => ({ value: m, label: m }))} placeholder="纸质或电子" />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item
                  name="provideWay"
                  label="获取方式"
                  rules={[{ required: !!answered, message: '请选择获取方式（答复书要写明）' }]}
                >
                  <Select options={PROVIDE_WAYS.map((m) => ({ value: m, label: m }))} placeholder="如何提供" />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item
                  name="provideDate"
                  label="提供时间"
                  rules={[{ required: !!answered, message: '请填写提供时间（答复书要写明）' }]}
                >
                  <DateField />
                </Form.Item>
              </Col>
            </>
          )}
          {result === '三.二' && (
            <Col span={6}>
              <Form.Item
                name="withheldReason"
                label="不予公开部分的理由"
                rules={[{ required: true, message: '请选择不予公开部分的理由（答复书据此引用条款）' }]}
              >
                <Select options={WITHHELD_REASON_KEYS.map((k) => ({ value: k, label: WITHHELD_REASON_LABELS[k] }))} />
              </Form.Item>
            </Col>
          )}
          {result === '三.四.1' && (
            <Col span={12}>
              <Form.Item
                name="withheldReason"
                label="答复情形"
                getValueProps={(v: unknown) => ({ value: v ?? '' })}
                normalize={(v: string) => v || null}
                extra={
                  withheldReason === NOT_OURS
                    ? '请在“答复说明”中写明负责公开该政府信息的行政机关及其联系方式，答复书据此告知申请人。'
                    : undefined
                }
              >
                <Select options={NOT_HELD_CASES.map((c) => ({ value: c.value, label: c.label }))} />
              </Form.Item>
            </Col>
          )}
          {basis && (
            <Col span={24}>
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
                {basis}
              </Typography.Text>
            </Col>
          )}
          <Col span={24}>
            <Form.Item
              name="answerNote"
              label="答复说明（写入答复书）"
              extra="答复书按办理结果引用条款，按载体形式、获取方式和提供时间写明如何提供，这里不必重复，只写其余需要说明的内容（“其他处理”须在这里写明理由和依据）。"
            >
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDialog>
  );
}

function ReviewDialog({
  item,
  requests,
  onClose,
  onDone,
}: {
  item: Review | null;
  requests: DisclosureRequest[];
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<ReviewInput>();
  useEffect(() => {
    // 类型 opens empty (复议 and the two kinds of 诉讼 are counted in different blocks of 表四); a new case is 尚未审结.
    form.setFieldsValue(item ?? { result: '尚未审结', filedDate: todayIso() });
  }, [form, item]);
  const issues = (v: Record<string, unknown>) => reviewDateIssues(v, todayIso());
  const save = async () => {
    const v = await form.validateFields();
    await call('disclosure.saveReview', {
      id: item?.id ?? null,
      ...v,
      decidedDate: v.decidedDate ?? null,
      organ: v.organ ?? '',
      caseNumber: v.caseNumber ?? '',
      note: v.note ?? '',
    });
    onDone();
    return '已保存';
  };
  return (
    <FormDialog
      width={640}
      title={item ? '编辑复议/诉讼' : '登记行政复议或诉讼'}
      form={form}
      onSave={save}
      onClose={onClose}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="requestId" label="关联的申请" rules={[{ required: true, message: '请选择关联的申请' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={requests.map((r) => ({
              value: r.id,
              label: `${r.receivedDate} ${r.applicant}：${r.content.slice(0, 24)}`,
            }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
              <Select placeholder="请选择" options={REVIEW_KINDS.map((k) => ({ value: k, label: k }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="filedDate"
              label="提起日期"
              rules={[{ required: true, message: '请选择提起日期' }, ...dateIssueRules(issues, ['filedDate'])]}
            >
              <DateField />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="organ" label="复议机关或法院">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="caseNumber" label="案号">
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="result" label="结果" rules={[{ required: true }]}>
              <Select options={REVIEW_RESULTS.map((k) => ({ value: k, label: k }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="decidedDate" label="审结日期" rules={dateIssueRules(issues, ['decidedDate'])}>
              <DateField placeholder="尚未审结" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label="备注">
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/** `state`: a deadline state a dashboard chart opens the list with (逾期, 即将到期 …). */
export function RequestsTab({ year, state }: { year: number; state?: string }) {
  const data = useLoad(async () => {
    const [list, reviews] = await Promise.all([
      call('disclosure.requests', { year }),
      call('disclosure.reviews', { year }),
    ]);
    return { list, reviews };
  }, [year]);
  const [editing, setEditing] = useState<DisclosureRequest | 'new' | null>(null);
  const [review, setReview] = useState<Review | 'new' | null>(null);
  const exportDoc = useDisclosureExport();
  const d = data.data;
  const shown = (d?.list ?? []).filter((r) => !state || r.deadline.state === state);
  const letters = (r: DisclosureRequest) =>
    [
      { key: 'request-receipt-docx', label: '登记回执' },
      { key: 'request-correction-docx', label: '补正告知书', disabled: !r.steps.some((s) => s.kind === '补正') },
      { key: 'request-extension-docx', label: '延期答复告知书', disabled: !r.steps.some((s) => s.kind === '延期') },
      { key: 'request-consult-docx', label: '征求意见书', disabled: !r.steps.some((s) => s.kind === '征求意见') },
      { key: 'request-answer-docx', label: '答复书', disabled: !r.answeredDate },
    ] as const;
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          登记申请
        </Button>
        <ImportButton
          label="从Excel导入"
          method="disclosure.importRequests"
          unit="件"
          year={year}
          onDone={() => void data.reload()}
        />
        <Button icon={<DownloadOutlined />} onClick={() => exportDoc('requests-xlsx', { year })}>
          导出登记表
        </Button>
      </Space>
      {data.error && <Alert type="error" showIcon message={data.error} style={{ marginBottom: 12 }} />}
      {state && d && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`仅显示办理状态为“${state}”的申请：${shown.length} 件（共 ${d.list.length} 件）`}
          action={
            <Button size="small" onClick={() => navigate('disclosure/requests')}>
              显示全部
            </Button>
          }
        />
      )}
      <Table<DisclosureRequest>
        rowKey="id"
        size="small"
        loading={data.loading}
        dataSource={shown}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{
          emptyText: (
            <EmptyHint
              title={`${year} 年还没有政府信息公开申请`}
              hint="收到申请后点击“登记申请”，系统按工作日历计算20个工作日的答复期限。"
            />
          ),
        }}
        columns={[
          { title: '收到日期', dataIndex: 'receivedDate', width: 100 },
          { title: '申请人', dataIndex: 'applicant', width: 140, ellipsis: true },
          { title: '类型', dataIndex: 'applicantType', width: 90 },
          { title: '申请内容', dataIndex: 'content', ellipsis: true },
          { title: '答复期限', width: 100, render: (_, r) => r.deadline.dueDate ?? '—' },
          {
            title: '状态',
            width: 100,
            render: (_, r) => (
              <LazyTooltip
                title={
                  [
                    r.deadline.remaining !== null ? `剩余${r.deadline.remaining}个工作日` : '',
                    ...r.deadline.notes,
                    r.deadline.calendarWarning ?? '',
                  ]
                    .filter(Boolean)
                    .join('；') || undefined
                }
              >
                <span>
                  <DeadlineTag state={r.deadline.state} calendarWarning={r.deadline.calendarWarning} explain={false} />
                </span>
              </LazyTooltip>
            ),
          },
          {
            title: '办理结果',
            width: 170,
            ellipsis: true,
            render: (_, r) =>
              r.result ? resultLabel(r.result) : <Typography.Text type="secondary">办理中</Typography.Text>,
          },
          {
            title: '操作',
            width: 180,
            render: (_, r) => (
              <Space size={0}>
                <Button size="small" type="link" onClick={() => setEditing(r)}>
                  办理
                </Button>
                <Dropdown
                  menu={{
                    items: letters(r).map((l) => ({ ...l })),
                    onClick: ({ key }) =>
                      exportDoc(
                        key as (typeof letters extends (r: DisclosureRequest) => readonly (infer L)[]
                          ? L
                          : never)['key'],
                        { id: r.id },
                      ),
                  }}
                >
                  <Button size="small" type="link">
                    文书 <DownOutlined />
                  </Button>
                </Dropdown>
                <DeleteButton
                  title={`删除${quoted(r.applicant)}${formatChineseDate(r.receivedDate)}提出的申请？`}
                  description={deleteDescription(
                    [[r.steps.length, '个办理步骤（补正、延期、征求意见等）']],
                    r.reviews ? `这件申请已有 ${r.reviews} 条复议/诉讼记录，需先删除它们。` : '',
                  )}
                  onDelete={() => call('disclosure.deleteRequest', { id: r.id })}
                  onDone={data.reload}
                />
              </Space>
            ),
          },
        ]}
      />
      <Card
        size="small"
        title="行政复议、行政诉讼"
        style={{ marginTop: 12 }}
        extra={
          <Button size="small" icon={<PlusOutlined />} disabled={!d?.list.length} onClick={() => setReview('new')}>
            登记复议/诉讼
          </Button>
        }
      >
        <Table<Review>
          rowKey="id"
          size="small"
          dataSource={d?.reviews ?? []}
          pagination={false}
          locale={{ emptyText: '没有复议或诉讼。申请人对答复不服提起复议或诉讼时在此登记，年报表四据此统计。' }}
          columns={[
            { title: '类型', dataIndex: 'kind', width: 140 },
            { title: '提起日期', dataIndex: 'filedDate', width: 100 },
            { title: '关联申请', dataIndex: 'requestSummary', ellipsis: true },
            { title: '复议机关/法院', dataIndex: 'organ', width: 140 },
            { title: '结果', dataIndex: 'result', width: 90 },
            { title: '审结日期', dataIndex: 'decidedDate', width: 100, render: (v: string | null) => v ?? '—' },
            {
              title: '操作',
              width: 110,
              render: (_, v) => (
                <Space size={0}>
                  <Button size="small" type="link" onClick={() => setReview(v)}>
                    编辑
                  </Button>
                  <DeleteButton
                    title={`删除${formatChineseDate(v.filedDate)}提起的${v.kind}${v.organ ? `（${v.organ}）` : ''}？`}
                    description={deleteDescription()}
                    onDelete={() => call('disclosure.deleteReview', { id: v.id })}
                    onDone={data.reload}
                  />
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <RequestDialog
          item={editing === 'new' ? null : editing}
          year={year}
          all={d?.list ?? []}
          onClose={() => setEditing(null)}
          onDone={async () => {
            setEditing(null);
            await data.reload();
          }}
        />
      )}
      {review && d && (
        <ReviewDialog
          item={review === 'new' ? null : review}
          requests={d.list}
          onClose={() => setReview(null)}
          onDone={async () => {
            setReview(null);
            await data.reload();
          }}
        />
      )}
    </div>
  );
}
