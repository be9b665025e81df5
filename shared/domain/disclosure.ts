// 信息公开: the 信息发布登记 (主动公开), the 依申请公开 register with its working-day time limits, 复议/诉讼, the
// table 二 inputs and the statutory 政府信息公开工作年度报告 (国办公开办函〔2021〕30号 format). Pure: entity types, zod
// schemas with Chinese messages, and the calculations (答复期限, tables 三 and 四, the 勾稽 checks) that the services,
// the exporters and the tests share.
import { z } from 'zod';
import { formatChineseDate } from './dates';
import { ANSWER_WORKING_DAYS, CORRECTION_NOTICE_WORKING_DAYS } from './disclosure-dates';
import { addWorkingDays, calendarGapNote, countWorkingDays, type WorkingDayCalendar } from './working-days';

const isoDate = (label: string) =>
  z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应为“2026-03-05”这样的日期`);
const optionalDate = (label: string) => isoDate(label).nullable().default(null);
const text = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}不能超过${max}个字`);
const needText = (label: string, max: number) => text(label, max).min(1, `请填写${label}`);

// ---------------------------------------------------------------------------------------------------------------------
// 信息发布登记
export const DEFAULT_CHANNELS = ['门户网站', '政务新媒体', '公开栏', '新闻发布会'] as const;
/** 条例第二十六条: published within 20 working days of being formed or changed. */
export const PUBLISH_LIMIT_WORKING_DAYS = 20;
/**
 * A 解读 goes out with its document (同步发布): at the latest 3 working days after the document is published, the
 * rule of the county's 要点 and 细则 (domain-yearend A.3: "解读材料未在文件公开后3个工作日内发布").
 */
export const INTERPRETATION_LIMIT_WORKING_DAYS = 3;

/**
 * A 解读 in a form other than text (图解, 视频, 动漫, 问答, H5), by its title: a document may call 解读形式单一 a weakness
 * only when none of the year's 解读 is one.
 */
export function isVariedInterpretation(title: string): boolean {
  return /图|视频|动漫|问答|H5/.test(title);
}

/**
 * The longest run of whole months between `from` and `to` (ISO dates; a month counts once it has ended by `to`) in
 * which nothing was published. A run of 3 (a quarter without any update) breaks even the 常规栏目's rule of updating
 * every quarter, so a document may not then say the 栏目 were updated 及时.
 */
export function longestQuietMonths(published: readonly string[], from: string, to: string): number {
  const months = new Set(published.map((d) => d.slice(0, 7)));
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  let run = 0;
  let longest = 0;
  for (;;) {
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    if (last > to) break;
    run = months.has(`${y}-${String(m).padStart(2, '0')}`) ? 0 : run + 1;
    longest = Math.max(longest, run);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return longest;
}

/** A quarter without any publication: see longestQuietMonths. */
export const QUIET_MONTHS_LIMIT = 3;

export const publicationColumnSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  count: z.number().int(),
});
export type PublicationColumn = z.infer<typeof publicationColumnSchema>;

export const publicationInputSchema = z.object({
  title: needText('标题', 300),
  publishedDate: isoDate('发布日期'),
  formedDate: optionalDate('形成/变更日期'),
  columnId: z.number({ error: '请选择栏目' }).int().positive('请选择栏目'),
  channel: needText('发布渠道', 30),
  docNumber: text('文号', 60).default(''),
  link: text('链接', 500).default(''),
  source: text('发布机构', 100).default(''),
  normative: z.boolean().default(false),
  interpretation: z.boolean().default(false),
  interpretsId: z.number().int().positive().nullable().default(null),
  drafter: text('拟稿人', 30).default(''),
  draftedDate: optionalDate('拟稿日期'),
  reviewer: text('审核人（保密审查）', 30).default(''),
  reviewedDate: optionalDate('审核日期'),
  approver: text('签发人', 30).default(''),
  approvedDate: optionalDate('签发日期'),
  note: text('备注', 500).default(''),
});
export type PublicationInput = z.input<typeof publicationInputSchema>;
export type PublicationValues = z.output<typeof publicationInputSchema>;

export const publicationSchema = publicationInputSchema.extend({
  id: z.number().int(),
  columnName: z.string(),
  interpretsTitle: z.string().nullable(),
  /** A 解读: working days after the document it interprets was published (null when none is linked). */
  interpretationDelay: z.number().int().nullable(),
  /** A 解读 published more than INTERPRETATION_LIMIT_WORKING_DAYS after its document: not 同步. */
  interpretationLate: z.boolean(),
  /** Working days from 形成/变更 to 发布 when both are known. */
  publishDelay: z.number().int().nullable(),
  late: z.boolean(),
  /** Set when those working days (publishDelay, interpretationDelay) run through a year without holiday data. */
  calendarWarning: z.string().nullable(),
  /** 拟稿、审核、签发 all recorded with dates. */
  reviewComplete: z.boolean(),
});
export type Publication = z.infer<typeof publicationSchema>;

/** Rules the schema cannot express; returns the first problem as a Chinese sentence, or null. */
export function publicationProblem(p: PublicationValues): string | null {
  if (p.formedDate && p.formedDate > p.publishedDate)
    return `形成/变更日期（${p.formedDate}）晚于发布日期（${p.publishedDate}），请检查。`;
  const steps: [string, string | null][] = [
    ['拟稿日期', p.draftedDate],
    ['审核日期', p.reviewedDate],
    ['签发日期', p.approvedDate],
  ];
  let prev: [string, string] | null = null;
  for (const [label, d] of steps) {
    if (!d) continue;
    if (prev && d < prev[1]) return `${label}（${d}）早于${prev[0]}（${prev[1]}），三审应依次进行。`;
    if (d > p.publishedDate) return `${label}（${d}）晚于发布日期（${p.publishedDate}），应先审后发。`;
    prev = [label, d];
  }
  if (p.interpretsId !== null && !p.interpretation)
    return '只有政策解读才能关联被解读的文件，请勾选“政策解读”或清除关联。';
  return null;
}

// ---------------------------------------------------------------------------------------------------------------------
// 依申请公开
const NATURAL_PERSON = '自然人';
export const LEGAL_TYPES = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'] as const;
export const APPLICANT_TYPES = [NATURAL_PERSON, ...LEGAL_TYPES] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];
export const REQUEST_METHODS = ['当面提交', '邮寄', '网络平台', '电子邮件', '传真', '其他'] as const;
/** 条例第三十三条: 20 working days (ANSWER_WORKING_DAYS); an extension of at most 20 more. */
const ANSWER_LIMIT_WORKING_DAYS = ANSWER_WORKING_DAYS;
const MAX_EXTENSION_WORKING_DAYS = 20;
/** 条例第三十二条: the third party answers within 15 working days. */
const CONSULT_WORKING_DAYS = 15;

/** Table 三's rows in the format's order. Leaf rows are the possible 办理结果 of one application. */
interface ResultRow {
  key: string;
  label: string;
  leaf: boolean;
  group?: string;
  short?: string;
}
export const TABLE3_ROWS: ResultRow[] = [
  { key: '一', label: '一、本年新收政府信息公开申请数量', leaf: false },
  { key: '二', label: '二、上年结转政府信息公开申请数量', leaf: false },
  { key: '三.一', label: '（一）予以公开', leaf: true, short: '予以公开' },
  { key: '三.二', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', leaf: true, short: '部分公开' },
  ...[
    '属于国家秘密',
    '其他法律行政法规禁止公开',
    '危及“三安全一稳定”',
    '保护第三方合法权益',
    '属于三类内部事务信息',
    '属于四类过程性信息',
    '属于行政执法案卷',
    '属于行政查询事项',
  ].map((l, i) => ({ key: `三.三.${i + 1}`, label: `${i + 1}.${l}`, leaf: true, group: '（三）不予公开', short: l })),
  ...['本机关不掌握相关政府信息', '没有现成信息需要另行制作', '补正后申请内容仍不明确'].map((l, i) => ({
    key: `三.四.${i + 1}`,
    label: `${i + 1}.${l}`,
    leaf: true,
    group: '（四）无法提供',
    short: l,
  })),
  ...[
    '信访举报投诉类申请',
    '重复申请',
    '要求提供公开出版物',
    '无正当理由大量反复申请',
    '要求行政机关确认或重新出具已获取信息',
  ].map((l, i) => ({ key: `三.五.${i + 1}`, label: `${i + 1}.${l}`, leaf: true, group: '（五）不予处理', short: l })),
  ...[
    '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '其他',
  ].map((l, i) => ({ key: `三.六.${i + 1}`, label: `${i + 1}.${l}`, leaf: true, group: '（六）其他处理', short: l })),
  { key: '三.七', label: '（七）总计', leaf: false },
  { key: '四', label: '四、结转下年度继续办理', leaf: false },
];
export const RESULT_ROWS = TABLE3_ROWS.filter((r) => r.leaf);
export const RESULT_KEYS = RESULT_ROWS.map((r) => r.key) as [string, ...string[]];
const TABLE3_COLUMNS = [...APPLICANT_TYPES, '总计'] as const;
/** A result as people read it: "不予公开—属于国家秘密", "予以公开". */
export function resultLabel(key: string): string {
  const r = RESULT_ROWS.find((x) => x.key === key);
  if (!r) return key;
  return r.group ? `${r.group.replace(/^（.）/, '')}—${r.short}` : r.short!;
}

/**
 * Where a row of an imported register is: "第3行", or "工作表“2月”第3行" when the file's rows came from several sheets
 * (one per month) and the row carries its sheet. The import result on screen, the command line and refusals say it so.
 */
export function importRowPlace(x: { row: number; sheet?: string }): string {
  return `${x.sheet ? `工作表“${x.sheet}”` : ''}第${x.row}行`;
}

/** 行政复议 / 行政诉讼 kinds and results (table 四). */
export const REVIEW_KINDS = ['行政复议', '未经复议直接起诉', '复议后起诉'] as const;
export const REVIEW_RESULTS = ['维持', '纠正', '其他', '尚未审结'] as const;
export const TABLE4_COLUMNS = REVIEW_KINDS.flatMap((k) =>
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((c) => `${k}：${c}`),
);

/** 载体形式 and 获取方式 of information provided on request (the 答复书 states them with the 时间). */
export const PROVIDE_MEDIA = ['纸质', '电子'] as const;
export const PROVIDE_WAYS = ['邮寄', '电子邮件', '当面领取', '网站'] as const;
/** Results that provide information (all or part): the answer says how it is provided. */
export const PROVIDING_RESULTS = ['三.一', '三.二'] as const;
/** What a 部分公开's withheld part may rest on: the 不予公开 categories except 行政查询事项 (not a withholding). */
export const WITHHELD_REASON_KEYS = [
  '三.三.1',
  '三.三.2',
  '三.三.3',
  '三.三.4',
  '三.三.5',
  '三.三.6',
  '三.三.7',
] as const;

/**
 * 无法提供—本机关不掌握相关政府信息 (三.四.1) covers two answers of 条例第三十六条: 第（四）项 the information does not
 * exist, and 第（五）项 it is not this agency's to disclose (表三 has no row of its own for it, so it counts here). The
 * second is stored as this value of `withheldReason` (the answer's sub-case), and its 答复书 names the agency responsible.
 */
export const NOT_OURS = '非本机关负责';
/** The sub-cases an answer of 三.四.1 may have, for the 办理 dialog (the empty value: 信息不存在). */
export const NOT_HELD_CASES = [
  { value: '', label: '信息不存在（第三十六条第（四）项）' },
  { value: NOT_OURS, label: '不属于本机关负责公开（第三十六条第（五）项）' },
] as const;
/**
 * 条例第四十二条 and 国办函〔2020〕109号: a 信息处理费 is charged for information provided (after a 收费通知 the applicant
 * paid), so only an answer that provides information (or one not yet answered) carries one.
 */
const FEE_RESULTS: readonly (string | null)[] = [null, ...PROVIDING_RESULTS];
/**
 * The 补正期限 a 补正告知书 gives when the record names none: 15 working days from its receipt (the app's default; 条例
 * 第三十条 asks for 合理的补正期限 without a number).
 */
export const DEFAULT_CORRECTION_WORKING_DAYS = 15;

const STEP_KINDS = ['补正', '征求意见', '延期'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

const requestStepInputSchema = z.object({
  kind: z.enum(STEP_KINDS, { error: '步骤类型应为 补正、征求意见 或 延期' }),
  /** 补正: the notice's date; 征求意见: the date the letter went out; 延期: the date it was approved. */
  startDate: isoDate('步骤日期'),
  /** 补正: the date the corrected application arrived; 征求意见: the date the opinion arrived; 延期: unused. */
  endDate: optionalDate('结束日期'),
  /** 延期: extra working days (1–20). */
  days: z
    .number({ error: '延期天数应为数字' })
    .int('延期天数应为整数')
    .min(1, '延期至少1个工作日')
    .max(MAX_EXTENSION_WORKING_DAYS, `延期最长${MAX_EXTENSION_WORKING_DAYS}个工作日`)
    .nullable()
    .default(null),
  /** 征求意见: whom (第三方 / 其他机关); 延期: who approved it. */
  party: text('对象或批准人', 100).default(''),
  /** 延期: the date the applicant was told; 补正: the 补正期限 given (date). */
  toldDate: optionalDate('告知日期'),
  note: text('说明', 500).default(''),
});
export type RequestStepValues = z.output<typeof requestStepInputSchema>;

export const requestInputSchema = z.object({
  receivedDate: isoDate('收到日期'),
  applicant: needText('申请人', 100),
  applicantType: z.enum(APPLICANT_TYPES, { error: `申请人类型应为：${APPLICANT_TYPES.join('、')}` }),
  method: z.enum(REQUEST_METHODS, { error: `申请方式应为：${REQUEST_METHODS.join('、')}` }),
  content: needText('申请内容', 2000),
  handler: text('经办人', 30).default(''),
  contact: text('联系方式', 200).default(''),
  steps: z.array(requestStepInputSchema).max(20, '步骤不能超过20个').default([]),
  answeredDate: optionalDate('答复日期'),
  result: z.enum(RESULT_KEYS, { error: '办理结果应为年报表三的21种情形之一' }).nullable().default(null),
  /** 信息处理费, yuan. */
  feeYuan: z
    .number({ error: '信息处理费应为数字' })
    .int('信息处理费应为整数（元）')
    .min(0, '信息处理费不能为负数')
    .max(1_000_000, '信息处理费过大')
    .default(0),
  answerNote: text('答复说明', 2000).default(''),
  /** 予以公开 / 部分公开: how the information is provided (条例第三十六条第（二）项: 方式、途径和时间; 第四十条: 形式). */
  provideMedium: z.enum(['', ...PROVIDE_MEDIA], { error: `载体形式应为：${PROVIDE_MEDIA.join('、')}` }).default(''),
  provideWay: z.enum(['', ...PROVIDE_WAYS], { error: `获取方式应为：${PROVIDE_WAYS.join('、')}` }).default(''),
  provideDate: optionalDate('提供时间'),
  /** 部分公开: the 不予公开 category the withheld part rests on (a table 三 key 三.三.1–7), so the letter cites it. */
  withheldReason: z
    .enum([...WITHHELD_REASON_KEYS, NOT_OURS], { error: '不予公开部分的理由应为表三“不予公开”的情形之一' })
    .nullable()
    .default(null),
});
export type RequestInput = z.input<typeof requestInputSchema>;
export type RequestValues = z.output<typeof requestInputSchema>;

/**
 * 信息处理费 按件计收 (国办函〔2020〕109号) for the n-th application of one applicant in a calendar month: the first 10
 * free; the 11th–30th 100元 each; from the 31st, 100元 more per band of 10 (31st–40th 200元, 41st–50th 300元 …).
 */
export function feePerItem(n: number): number {
  if (n <= 10) return 0;
  if (n <= 30) return 100;
  return 100 * (1 + Math.ceil((n - 30) / 10));
}

const DEADLINE_STATES = ['正常', '即将到期', '逾期', '暂停计时', '按期办结', '逾期办结'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

export const deadlineSchema = z.object({
  /** Day the 20 working days count from (receipt, or the arrival of the 补正). */
  startDate: z.string(),
  dueDate: z.string().nullable(),
  /**
   * While only a 征求意见 is awaited (dueDate null): the due date if the other side answers on the last of its 15
   * working days or not at all, the latest the answer can be due (a 延期告知书 states it). Null otherwise.
   */
  dueIfNoReply: z.string().nullable(),
  /** The last of the 15 working days of a 征求意见 awaited today; null when none is. */
  consultUntil: z.string().nullable(),
  extensionDays: z.number().int(),
  pausedDays: z.number().int(),
  state: z.enum(DEADLINE_STATES),
  /** Working days left (negative when late); null when paused or answered. */
  remaining: z.number().int().nullable(),
  /** Sentences for the register: 补正 notice late, waiting for 第三方 since … */
  notes: z.array(z.string()),
  /** Set when the counted days run through a year without holiday data (weekdays only; see 设置 → 工作日历). */
  calendarWarning: z.string().nullable(),
});
export type Deadline = z.infer<typeof deadlineSchema>;

const requestStepSchema = requestStepInputSchema.extend({ id: z.number().int() });
export const requestSchema = requestInputSchema.extend({
  id: z.number().int(),
  steps: z.array(requestStepSchema),
  deadline: deadlineSchema,
  reviews: z.number().int(),
});
export type DisclosureRequest = z.infer<typeof requestSchema>;

/** Order and consistency of an application's dates; the first problem as a Chinese sentence naming the field. */
export function requestProblem(r: RequestValues): string | null {
  if (r.answeredDate && r.answeredDate < r.receivedDate)
    return `答复日期（${r.answeredDate}）早于收到日期（${r.receivedDate}），请检查。`;
  if ((r.answeredDate === null) !== (r.result === null))
    return r.answeredDate ? '已填写答复日期，请选择办理结果。' : '已选择办理结果，请填写答复日期。';
  if (r.steps.filter((s) => s.kind === '延期').length > 1) return '一件申请只能延期一次（最长20个工作日）。';
  for (const [i, s] of r.steps.entries()) {
    const n = `第${i + 1}个步骤（${s.kind}）`;
    if (s.startDate < r.receivedDate) return `${n}的日期（${s.startDate}）早于收到日期（${r.receivedDate}）。`;
    if (r.answeredDate && s.startDate > r.answeredDate)
      return `${n}的日期（${s.startDate}）晚于答复日期（${r.answeredDate}），${s.kind}应在答复前。`;
    if (s.endDate && s.endDate < s.startDate) return `${n}的结束日期（${s.endDate}）早于开始日期（${s.startDate}）。`;
    if (r.answeredDate && s.endDate && s.endDate > r.answeredDate && s.kind !== '延期')
      return `${n}的结束日期（${s.endDate}）晚于答复日期（${r.answeredDate}）。`;
    if (s.kind === '延期' && !s.days) return `${n}：请填写延长的工作日数（1–20）。`;
    if (s.kind === '延期' && s.toldDate && s.toldDate < s.startDate)
      return `${n}：告知申请人的日期早于批准延期的日期。`;
    if (s.kind !== '延期' && s.days) return `${n}：只有延期需要填写天数。`;
    if (s.kind === '补正' && s.toldDate && s.toldDate <= s.startDate)
      return `${n}的补正期限（${s.toldDate}）不在补正告知日期（${s.startDate}）之后：补正告知书要给申请人合理的补正期限，请填写告知书写明的补正期限（不填则告知书写“收到本告知书之日起${DEFAULT_CORRECTION_WORKING_DAYS}个工作日内”）。`;
  }
  const corrections = r.steps.filter((s) => s.kind === '补正');
  const lastCorrection = corrections.reduce<(typeof corrections)[number] | null>(
    (a, s) => (!a || s.startDate >= a.startDate ? s : a),
    null,
  );
  if (r.result === '三.六.1') {
    if (!lastCorrection) return '办理结果“逾期不补正”需要先登记补正告知。';
    if (lastCorrection.endDate)
      return `办理结果“逾期不补正”与登记不符：补正告知（${lastCorrection.startDate}）登记了收到补正的日期（${lastCorrection.endDate}）。收到补正后应按补正后的申请答复，请改选办理结果；如实际没有收到补正，请清空“补正收到日期”。`;
    if (lastCorrection.toldDate && r.answeredDate && r.answeredDate <= lastCorrection.toldDate)
      return `办理结果“逾期不补正”与登记不符：答复日期（${r.answeredDate}）还没有过补正期限（${lastCorrection.toldDate}）。补正期限届满申请人仍未补正，才能按“逾期不补正”答复（视为放弃申请），请在补正期限过后再答复，或填写告知书实际写明的补正期限。`;
  }
  if (r.result === '三.四.3' && !corrections.some((s) => s.endDate))
    return '办理结果“补正后申请内容仍不明确”需要先登记补正告知和收到补正的日期（补正步骤的“补正收到日期”）。没有收到补正的，补正期限过后按“逾期不补正”答复。';
  if (r.feeYuan > 0 && !FEE_RESULTS.includes(r.result))
    return `信息处理费只在提供政府信息（予以公开、部分公开）时按收费通知收取（条例第四十二条、国办函〔2020〕109号）。这件申请的办理结果是“${resultLabel(r.result!)}”，没有提供信息，请将信息处理费改为0${r.result === '三.六.2' ? '（逾期未缴纳的费用没有收取，通知的金额可写在答复说明中）' : ''}。`;
  const providing = (PROVIDING_RESULTS as readonly string[]).includes(r.result ?? '');
  if (!providing && (r.provideMedium || r.provideWay || r.provideDate))
    return '只有“予以公开”或“部分公开”需要填写载体形式、获取方式和提供时间，请清空这几项或改选办理结果。';
  if (r.withheldReason === NOT_OURS) {
    if (r.result !== '三.四.1') return '只有“本机关不掌握相关政府信息”的答复才能选择“不属于本机关负责公开”。';
  } else if (r.withheldReason && r.result !== '三.二') return '只有“部分公开”需要选择不予公开部分的理由。';
  if (r.provideDate && r.provideDate < r.receivedDate)
    return `提供时间（${r.provideDate}）早于收到日期（${r.receivedDate}），请检查。`;
  return null;
}

/** What the 答复期限 is computed from: the dates, the steps and (for 三.六.2) the result. */
type DeadlineInput = Pick<RequestValues, 'receivedDate' | 'answeredDate' | 'steps'> &
  Partial<Pick<RequestValues, 'result'>>;

/**
 * 答复期限 of one application on the working-day calendar (条例第三十条、第三十二条、第三十三条、第三十四条):
 * - 20 working days counted from the day after receipt (addWorkingDays does not count the start day);
 * - a 补正 restarts the period from the day the corrected application arrives; while it is awaited the clock stops;
 * - 征求第三方意见 (第三十二条) or 相关行政机关意见 (第三十四条): the working days after the letter went out do not
 *   count up to the reply, but no longer than the 15 working days the other side has to answer; after them the clock
 *   runs again whether or not a reply came. Consultations running at the same time pause the clock once;
 * - an approved 延期 adds its working days;
 * - 三.六.2 (申请人逾期未按收费通知要求缴纳费用): the time from the 收费通知 to the end of the payment period is the
 *   applicant's and does not count (《政府信息公开信息处理费管理办法》), but the register has no step for the
 *   收费通知, so such an answer is never counted late on days that may have been the applicant's (a note says so).
 */
export function computeDeadline(r: DeadlineInput, today: string, cal: WorkingDayCalendar, dueSoonDays = 5): Deadline {
  const notes: string[] = [];
  const corrections = r.steps.filter((s) => s.kind === '补正').sort((a, b) => a.startDate.localeCompare(b.startDate));
  let start = r.receivedDate;
  let waiting: string | null = null;
  for (const c of corrections) {
    const used = countWorkingDays(r.receivedDate, c.startDate, cal);
    if (used > CORRECTION_NOTICE_WORKING_DAYS) notes.push(`补正告知在收到申请后第${used}个工作日发出，超过7个工作日。`);
    if (c.endDate) start = c.endDate;
    else {
      waiting = `等待申请人补正（${c.startDate}告知）`;
      if (c.toldDate && today > c.toldDate && !r.answeredDate)
        notes.push(`补正期限（${c.toldDate}）已过仍未补正，可按“逾期不补正”答复（视为放弃申请）。`);
    }
  }
  const { paused, consultLimit } = consultPause(r, start, today, cal, notes);
  if (consultLimit) waiting ??= `征求意见中（${consultLimit.since}发出，对方应于${consultLimit.until}前答复）`;
  const extensionDays = r.steps.filter((s) => s.kind === '延期').reduce((a, s) => a + (s.days ?? 0), 0);
  const dueAfter = (pausedDays: number) =>
    addWorkingDays(start, ANSWER_LIMIT_WORKING_DAYS + extensionDays + pausedDays, cal);
  const dueDate = waiting && !r.answeredDate ? null : dueAfter(paused);
  if (waiting && !r.answeredDate) notes.push(waiting);
  let state: DeadlineState;
  let remaining: number | null = null;
  if (r.answeredDate) {
    state = dueDate && r.answeredDate > dueDate ? '逾期办结' : '按期办结';
    if (state === '逾期办结' && r.result === '三.六.2') {
      state = '按期办结';
      notes.push(
        '办理结果为“申请人逾期未按收费通知要求缴纳费用”：自发出收费通知至缴费期限届满的时间不计算在答复期限内，登记中没有收费通知的日期，不计为逾期答复。',
      );
    }
  } else if (!dueDate) state = '暂停计时';
  else {
    remaining = countWorkingDays(today, dueDate, cal);
    state = today > dueDate ? '逾期' : remaining <= dueSoonDays ? '即将到期' : '正常';
  }
  // Only a 征求意见 awaited (no 补正 pending): the date the answer is due if the other side takes its full 15 days.
  const dueIfNoReply =
    !dueDate && consultLimit && !corrections.some((c) => !c.endDate) ? dueAfter(consultLimit.pausedAtMost) : null;
  // The days counted: from receipt to the due date (or, while paused, to today), and today's count of what is left.
  const ends = [dueDate ?? dueIfNoReply ?? r.answeredDate ?? today, ...(r.answeredDate ? [] : [today])];
  const last = ends.reduce((a, b) => (a > b ? a : b));
  const calendarWarning = calendarGapNote(r.receivedDate, last, cal);
  return {
    startDate: start,
    dueDate,
    dueIfNoReply,
    consultUntil: consultLimit?.until ?? null,
    extensionDays,
    pausedDays: paused,
    state,
    remaining,
    notes,
    calendarWarning,
  };
}

/**
 * The working days the 征求意见 of one application stop the clock (第三十二条、第三十四条): from the letter to the reply,
 * at most to the end of the other side's 15 working days; overlapping consultations count once. `consultLimit`: one
 * still awaited today within its 15 days (when it went out, its last day, and the pause if it runs to that day).
 */
function consultPause(
  r: DeadlineInput,
  start: string,
  today: string,
  cal: WorkingDayCalendar,
  notes: string[],
): { paused: number; consultLimit: { since: string; until: string; pausedAtMost: number } | null } {
  const spans: [string, string][] = [];
  const atMost: [string, string][] = [];
  let consultLimit: { since: string; until: string } | null = null;
  for (const s of r.steps.filter((x) => x.kind === '征求意见')) {
    if (s.startDate < start) continue;
    const limit = addWorkingDays(s.startDate, CONSULT_WORKING_DAYS, cal);
    const until = s.endDate ?? r.answeredDate ?? today;
    spans.push([s.startDate, until < limit ? until : limit]);
    atMost.push([s.startDate, s.endDate && s.endDate < limit ? s.endDate : limit]);
    if (s.endDate && s.endDate > limit)
      notes.push(
        `征求意见（${s.startDate}发出）的回复在${s.endDate}收到，超过15个工作日（${limit}），此后的时间计入答复期限。`,
      );
    else if (!s.endDate && until > limit)
      notes.push(`征求意见（${s.startDate}发出）至${limit}满15个工作日未收到意见，此后的时间计入答复期限。`);
    else if (!s.endDate && !r.answeredDate) consultLimit ??= { since: s.startDate, until: limit };
  }
  const days = (list: [string, string][]) => {
    // The union of the spans: a consultation running at the same time as another does not stop the clock twice.
    let total = 0;
    let reach = '';
    for (const [from, to] of [...list].sort((a, b) => a[0].localeCompare(b[0]))) {
      const begin = from > reach ? from : reach;
      if (to > begin) total += countWorkingDays(begin, to, cal);
      if (to > reach) reach = to;
    }
    return total;
  };
  return { paused: days(spans), consultLimit: consultLimit && { ...consultLimit, pausedAtMost: days(atMost) } };
}

/**
 * The 答复期限 as it stood on `date`: what a letter of that date states (a 登记回执 issued on receipt says 20 working
 * days from receipt, though a later 补正, 征求意见 or 延期 moves the final deadline). Only the steps begun by then
 * count, an end or answer after `date` had not happened yet.
 */
export function deadlineAsOf(r: DeadlineInput, date: string, cal: WorkingDayCalendar): Deadline {
  const steps = r.steps
    .filter((s) => s.startDate <= date)
    .map((s) => ({ ...s, endDate: s.endDate && s.endDate <= date ? s.endDate : null }));
  const answered = !!r.answeredDate && r.answeredDate <= date;
  return computeDeadline(
    {
      receivedDate: r.receivedDate,
      answeredDate: answered ? r.answeredDate : null,
      steps,
      result: answered ? r.result : null,
    },
    date,
    cal,
  );
}

/**
 * The rules of an application that need the working-day calendar; the first problem as a Chinese sentence, or null:
 * - 条例第三十三条第二款: an extension is approved within the answer period; one dated after it had run out is refused;
 * - 逾期不补正 (三.六.1) on a 补正告知 that named no 补正期限: the letter gave DEFAULT_CORRECTION_WORKING_DAYS from its
 *   receipt, so the answer comes after at least that many working days from the notice.
 */
export function requestCalendarProblem(
  r: Pick<RequestValues, 'receivedDate' | 'answeredDate' | 'result' | 'steps'>,
  cal: WorkingDayCalendar,
): string | null {
  for (const [i, s] of r.steps.entries()) {
    if (s.kind !== '延期') continue;
    const others = r.steps.filter((x) => x !== s);
    const due = deadlineAsOf({ ...r, steps: others }, s.startDate, cal).dueDate;
    if (due && s.startDate > due)
      return `第${i + 1}个步骤（延期）的批准日期（${s.startDate}）已过答复期限（${due}）。条例第三十三条第二款规定的延期须在答复期限内批准并告知申请人，期限已过不能再延期：请删除这个延期步骤，按实际日期答复（登记中显示为逾期办结）。`;
  }
  if (r.result === '三.六.1' && r.answeredDate) {
    const last = r.steps
      .filter((s) => s.kind === '补正')
      .reduce<RequestValues['steps'][number] | null>((a, s) => (!a || s.startDate >= a.startDate ? s : a), null);
    if (last && !last.endDate && !last.toldDate) {
      const earliest = addWorkingDays(last.startDate, DEFAULT_CORRECTION_WORKING_DAYS, cal);
      if (r.answeredDate <= earliest)
        return `办理结果“逾期不补正”与登记不符：补正告知（${last.startDate}）没有写明补正期限，告知书给申请人收到之日起${DEFAULT_CORRECTION_WORKING_DAYS}个工作日，最早到${earliest}才届满，答复日期（${r.answeredDate}）还在期限内。请在补正期限过后再答复，或在补正步骤中填写告知书实际写明的补正期限。`;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------------
// 复议 / 诉讼
export const reviewInputSchema = z.object({
  requestId: z.number({ error: '请选择关联的申请' }).int().positive('请选择关联的申请'),
  kind: z.enum(REVIEW_KINDS, { error: `类型应为：${REVIEW_KINDS.join('、')}` }),
  filedDate: isoDate('提起日期'),
  organ: text('复议机关或法院', 100).default(''),
  caseNumber: text('案号', 60).default(''),
  result: z.enum(REVIEW_RESULTS, { error: `结果应为：${REVIEW_RESULTS.join('、')}` }),
  decidedDate: optionalDate('审结日期'),
  note: text('备注', 500).default(''),
});
export type ReviewInput = z.input<typeof reviewInputSchema>;
type ReviewValues = z.output<typeof reviewInputSchema>;
export const reviewSchema = reviewInputSchema.extend({ id: z.number().int(), requestSummary: z.string() });
export type Review = z.infer<typeof reviewSchema>;

export function reviewProblem(r: ReviewValues, requestReceived: string): string | null {
  if (r.filedDate < requestReceived) return `提起日期（${r.filedDate}）早于申请的收到日期（${requestReceived}）。`;
  if (r.result === '尚未审结' && r.decidedDate) return '结果为“尚未审结”时不应填写审结日期。';
  if (r.result !== '尚未审结' && !r.decidedDate) return `结果为“${r.result}”时请填写审结日期。`;
  if (r.decidedDate && r.decidedDate < r.filedDate)
    return `审结日期（${r.decidedDate}）早于提起日期（${r.filedDate}）。`;
  return null;
}

// ---------------------------------------------------------------------------------------------------------------------
// Table 二 inputs and report texts
const count = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(0, `${label}不能为负数`)
    .max(1_000_000, `${label}过大`);
export const REPORT_TEXT_KEYS = [
  'overviewActive',
  'overviewRequests',
  'overviewManagement',
  'overviewPlatform',
  'overviewSupervision',
  'problems',
  'other',
] as const;
export type ReportTextKey = (typeof REPORT_TEXT_KEYS)[number];
export const REPORT_TEXT_LABELS: Record<ReportTextKey, string> = {
  overviewActive: '（一）主动公开',
  overviewRequests: '（二）依申请公开',
  overviewManagement: '（三）政府信息管理',
  overviewPlatform: '（四）政府信息公开平台建设',
  overviewSupervision: '（五）监督保障',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
};

export const yearInputSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  rulesIssued: count('规章本年制发件数'),
  rulesRepealed: count('规章本年废止件数'),
  /** null: take last year's + 制发 − 废止. */
  rulesInForce: count('规章现行有效件数').nullable(),
  normIssued: count('行政规范性文件本年制发件数'),
  normRepealed: count('行政规范性文件本年废止件数'),
  normInForce: count('行政规范性文件现行有效件数').nullable(),
  licensing: count('行政许可处理决定数量'),
  punishment: count('行政处罚处理决定数量'),
  enforcement: count('行政强制处理决定数量'),
  feesWan: z
    .number({ error: '行政事业性收费金额应为数字' })
    .min(0, '行政事业性收费金额不能为负数')
    .max(1_000_000, '行政事业性收费金额过大')
    .refine((v) => Math.abs(Math.round(v * 10000) - v * 10000) < 1e-6, '行政事业性收费金额最多保留4位小数（万元）'),
  /** 成文日期 chosen for this year's report; null: the default (a working day before the January due date). */
  reportDate: optionalDate('成文日期'),
  /** Why 现行有效 differs from last year's + 本年制发 − 本年废止 (e.g. 清理后宣布失效); without one the 核对 lists it. */
  inForceNote: text('现行有效件数的说明', 500).default(''),
  texts: z.object(
    Object.fromEntries(
      REPORT_TEXT_KEYS.map((k) => [k, z.string().max(20000, `${REPORT_TEXT_LABELS[k]}不能超过20000字`).nullable()]),
    ) as Record<ReportTextKey, z.ZodNullable<z.ZodString>>,
  ),
});
export type YearInput = z.infer<typeof yearInputSchema>;

export function emptyYearInput(year: number): YearInput {
  return {
    year,
    reportDate: null,
    inForceNote: '',
    rulesIssued: 0,
    rulesRepealed: 0,
    rulesInForce: null,
    normIssued: 0,
    normRepealed: 0,
    normInForce: null,
    licensing: 0,
    punishment: 0,
    enforcement: 0,
    feesWan: 0,
    texts: Object.fromEntries(REPORT_TEXT_KEYS.map((k) => [k, null])) as YearInput['texts'],
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// The report's tables, computed from the registers.
export interface CountedRequest {
  receivedDate: string;
  answeredDate: string | null;
  applicantType: string;
  result: string | null;
}
export interface CountedReview {
  kind: string;
  filedDate: string;
  decidedDate: string | null;
  result: string;
}

export interface Table3 {
  columns: string[];
  rows: { key: string; label: string; values: number[] }[];
}

function columnIndex(type: string): number {
  const i = (APPLICANT_TYPES as readonly string[]).indexOf(type);
  return i < 0 ? APPLICANT_TYPES.length - 1 : i;
}

/**
 * Table 三 for a year. 一 = received in the year; 二 = received earlier and not answered before 1 January;
 * 三 = answered in the year, by result; 四 = received by 31 December and not answered by then. Totals are sums,
 * so 一 + 二 = 三（七） + 四 holds for every column whenever no answer precedes its receipt.
 */
export function computeTable3(year: number, requests: CountedRequest[]): Table3 {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const n = APPLICANT_TYPES.length;
  const rows = new Map(TABLE3_ROWS.map((r) => [r.key, new Array<number>(n + 1).fill(0)]));
  const add = (key: string, col: number) => {
    const v = rows.get(key)!;
    v[col]++;
  };
  for (const r of requests) {
    const c = columnIndex(r.applicantType);
    if (r.receivedDate >= from && r.receivedDate <= to) add('一', c);
    if (r.receivedDate < from && (!r.answeredDate || r.answeredDate >= from)) add('二', c);
    if (r.answeredDate && r.answeredDate >= from && r.answeredDate <= to && r.result && rows.has(r.result)) {
      add(r.result, c);
      add('三.七', c);
    }
    if (r.receivedDate <= to && (!r.answeredDate || r.answeredDate > to)) add('四', c);
  }
  for (const v of rows.values()) v[n] = v.slice(0, n).reduce((a, b) => a + b, 0);
  return {
    columns: [...TABLE3_COLUMNS],
    rows: TABLE3_ROWS.map((r) => ({ key: r.key, label: r.label, values: rows.get(r.key)! })),
  };
}

/**
 * Table 四 for a year: the cases pending at some time in the year (filed by 31 December, not decided before
 * 1 January), each with its result as of 31 December (尚未审结 when not yet decided by then).
 */
export function computeTable4(year: number, reviews: CountedReview[]): number[] {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const values = new Array<number>(15).fill(0);
  for (const r of reviews) {
    if (r.filedDate > to || (r.decidedDate && r.decidedDate < from)) continue;
    const block = (REVIEW_KINDS as readonly string[]).indexOf(r.kind);
    if (block < 0) continue;
    const result = r.decidedDate && r.decidedDate <= to && r.result !== '尚未审结' ? r.result : '尚未审结';
    values[block * 5 + (REVIEW_RESULTS as readonly string[]).indexOf(result)]++;
    values[block * 5 + 4]++;
  }
  return values;
}

/** The 勾稽 checks of tables 三 and 四; each failure names the cell and both figures. */
export function checkTables(t3: Table3, t4: number[]): string[] {
  const out: string[] = [];
  const row = (k: string) => t3.rows.find((r) => r.key === k)!.values;
  const n = t3.columns.length;
  for (let c = 0; c < n; c++) {
    const col = t3.columns[c];
    const left = row('一')[c] + row('二')[c];
    const right = row('三.七')[c] + row('四')[c];
    if (left !== right)
      out.push(
        `表三“${col}”列：一（${row('一')[c]}）+ 二（${row('二')[c]}）= ${left}，不等于 三（七）总计（${row('三.七')[c]}）+ 四（${row('四')[c]}）= ${right}。`,
      );
    const leaves = RESULT_KEYS.reduce((a, k) => a + row(k)[c], 0);
    if (leaves !== row('三.七')[c])
      out.push(`表三“${col}”列：（七）总计为 ${row('三.七')[c]}，而21种办理结果之和为 ${leaves}。`);
  }
  for (const r of t3.rows) {
    const sum = r.values.slice(0, n - 1).reduce((a, b) => a + b, 0);
    if (sum !== r.values[n - 1])
      out.push(`表三“${r.label}”行：总计为 ${r.values[n - 1]}，而自然人与法人或其他组织各列之和为 ${sum}。`);
  }
  REVIEW_KINDS.forEach((k, b) => {
    const parts = t4.slice(b * 5, b * 5 + 4).reduce((a, x) => a + x, 0);
    if (parts !== t4[b * 5 + 4])
      out.push(`表四“${k}”：总计为 ${t4[b * 5 + 4]}，而维持、纠正、其他、尚未审结之和为 ${parts}。`);
  });
  return out;
}

/** 现行有效 default: last year's figure + this year's 制发 − 废止 (never below zero). */
export function defaultInForce(previous: number | null, issued: number, repealed: number): number {
  return Math.max(0, (previous ?? 0) + issued - repealed);
}

// ---------------------------------------------------------------------------------------------------------------------
// The report as the CLI and the screen see it.
export const annualReportSchema = z.object({
  year: z.number().int(),
  active: z.object({
    rules: z.object({ issued: z.number(), repealed: z.number(), inForce: z.number() }),
    normativeDocuments: z.object({ issued: z.number(), repealed: z.number(), inForce: z.number() }),
    licensing: z.number(),
    punishment: z.number(),
    enforcement: z.number(),
    feesWan: z.number(),
  }),
  requests: z.object({
    columns: z.array(z.string()),
    rows: z.array(z.object({ key: z.string(), label: z.string(), values: z.array(z.number()) })),
  }),
  reviews: z.object({ columns: z.array(z.string()), values: z.array(z.number()) }),
  problems: z.array(z.string()),
});
export type AnnualReport = z.infer<typeof annualReportSchema>;

const reportSectionSchema = z.object({
  key: z.enum(REPORT_TEXT_KEYS),
  label: z.string(),
  text: z.string(),
  draft: z.string(),
  edited: z.boolean(),
  previous: z.string().nullable(),
});
export const reportViewSchema = z.object({
  report: annualReportSchema,
  sections: z.array(reportSectionSchema),
  input: yearInputSchema,
  /**
   * 现行有效 defaults (last year's + 制发 − 废止) shown next to the inputs, and the default 成文日期 (a working day) with
   * its calendarWarning when it is counted in a year without holiday data.
   */
  defaults: z.object({
    rulesInForce: z.number(),
    normInForce: z.number(),
    /** Whether those defaults come from last year's report data (false: none on the workstation, only 制发 − 废止). */
    inForceFromPrevious: z.boolean(),
    reportDate: z.string(),
    calendarWarning: z.string().nullable(),
  }),
  /** The 成文日期 the export prints: the one chosen, else the default. */
  reportDate: z.string(),
  /** 勾稽 failures: export is refused while there are any. */
  checkFailures: z.array(z.string()),
  bureau: z.string(),
  /** When the report was last exported after its year had ended (an export before the year end is a draft). */
  exportedAt: z.string().nullable(),
  /**
   * Today, while the statistics year has not ended: the figures are as of this day, not the year's (结转下年度 is not
   * known yet), and the report must be exported again after 12月31日. Null once the year has ended.
   */
  asOf: z.string().nullable(),
});
export type ReportView = z.infer<typeof reportViewSchema>;

/** The day a year's figures are counted to while that year has not ended (today); null once it has. */
export function yearOpenAsOf(year: number, today: string): string | null {
  return today <= `${year}-12-31` ? today : null;
}

/** What exporting a report of a year not yet ended says (the screen and the command line): the figures are a draft. */
export function yearOpenNotice(year: number, asOf: string): string {
  return `${year}年尚未结束（统计期限至${year}年12月31日）：现在导出的年度报告中的数字截至今天（${formatChineseDate(asOf)}），“结转下年度继续办理”等年末数字尚未确定，只能作为初稿。请在${year + 1}年1月重新导出定稿。`;
}

/** Chinese names of this area's input fields, for validation messages (main/services/validate.ts FIELD_LABELS). */
export const DISCLOSURE_FIELD_LABELS: Record<string, string> = {
  publishedDate: '发布日期',
  formedDate: '形成/变更日期',
  columnId: '栏目',
  channel: '发布渠道',
  docNumber: '文号',
  link: '链接',
  source: '发布机构',
  normative: '规范性文件',
  interpretation: '政策解读',
  interpretsId: '被解读的文件',
  drafter: '拟稿人',
  draftedDate: '拟稿日期',
  reviewer: '审核人',
  reviewedDate: '审核日期',
  approver: '签发人',
  approvedDate: '签发日期',
  receivedDate: '收到日期',
  applicant: '申请人',
  applicantType: '申请人类型',
  method: '申请方式',
  content: '申请内容',
  handler: '经办人',
  contact: '联系方式',
  steps: '办理步骤',
  kind: '类型',
  startDate: '开始日期',
  endDate: '结束日期',
  days: '延期天数',
  party: '对象或批准人',
  toldDate: '告知日期',
  answeredDate: '答复日期',
  result: '办理结果',
  feeYuan: '信息处理费',
  answerNote: '答复说明',
  provideMedium: '载体形式',
  provideWay: '获取方式',
  provideDate: '提供时间',
  withheldReason: '不予公开部分的理由',
  reportDate: '成文日期',
  inForceNote: '现行有效件数的说明',
  requestId: '关联的申请',
  filedDate: '提起日期',
  organ: '复议机关或法院',
  caseNumber: '案号',
  decidedDate: '审结日期',
  rulesIssued: '规章本年制发',
  rulesRepealed: '规章本年废止',
  rulesInForce: '规章现行有效',
  normIssued: '规范性文件本年制发',
  normRepealed: '规范性文件本年废止',
  normInForce: '规范性文件现行有效',
  licensing: '行政许可',
  punishment: '行政处罚',
  enforcement: '行政强制',
  feesWan: '行政事业性收费',
  texts: '报告文字',
  upload: '文件',
  reportDue: '年报报送日期',
  ...Object.fromEntries(REPORT_TEXT_KEYS.map((k) => [k, REPORT_TEXT_LABELS[k]])),
};
