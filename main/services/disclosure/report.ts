// The 政府信息公开工作年度报告: table 二 from the year's inputs, tables 三 and 四 counted from the registers, the 勾稽
// checks, the cross-year checks, and the six sections' texts (drafted from the data, freely editable).
import {
  checkTables,
  computeTable3,
  deadlineAsOf,
  computeTable4,
  defaultInForce,
  emptyYearInput,
  INTERPRETATION_LIMIT_WORKING_DAYS,
  REPORT_TEXT_KEYS,
  REPORT_TEXT_LABELS,
  isVariedInterpretation,
  longestQuietMonths,
  QUIET_MONTHS_LIMIT,
  RESULT_ROWS,
  TABLE4_COLUMNS,
  yearInputSchema,
  yearOpenAsOf,
  type AnnualReport,
  type ReportTextKey,
  type ReportView,
  type Table3,
  type YearInput,
} from '../../../shared/domain/disclosure';
import { YEAR_DOCUMENTS, type Finding } from '../../../shared/domain/yearcheck';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { diffRecords, nowText, recordAudit } from '../audit';
import { validateInput } from '../validate';
import type { Selectable } from 'kysely';
import type { Database } from '../../db/schema';
import type { AppContext } from '../workstation';
import { addWorkingDays, calendarGapNote } from '../../../shared/domain/working-days';
import { formatChineseDate } from '../../../shared/domain/dates';
import { bookTitle } from '../../../shared/domain/titles';
import { loadCalendar } from '../calendar';
import { bureauName, reportDueMonthDay, todayOf, yearRange } from './common';
import { lateInterpretations, listPublications, publicationStats } from './publications';
import { listRequests } from './requests';
import { yearsWithData } from '../years';

type InputRow = Selectable<Database['disclosure_year_input']>;

function parseTexts(raw: string): YearInput['texts'] {
  let o: Record<string, unknown> = {};
  try {
    o = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    /* a damaged value reads as "not edited" */
  }
  return Object.fromEntries(
    REPORT_TEXT_KEYS.map((k) => [k, typeof o[k] === 'string' ? o[k] : null]),
  ) as YearInput['texts'];
}

const ZERO_INPUT = {
  rules_issued: 0,
  rules_repealed: 0,
  rules_in_force: null,
  norm_issued: 0,
  norm_repealed: 0,
  norm_in_force: null,
  licensing: 0,
  punishment: 0,
  enforcement: 0,
  fees_wan_e4: 0,
};

async function inputRow(ctx: AppContext, year: number): Promise<InputRow | undefined> {
  return ctx.db.selectFrom('disclosure_year_input').selectAll().where('year', '=', year).executeTakeFirst();
}

async function getYearInput(ctx: AppContext, year: number): Promise<YearInput> {
  const r = await inputRow(ctx, year);
  if (!r) return emptyYearInput(year);
  return {
    year,
    rulesIssued: r.rules_issued,
    rulesRepealed: r.rules_repealed,
    rulesInForce: r.rules_in_force,
    normIssued: r.norm_issued,
    normRepealed: r.norm_repealed,
    normInForce: r.norm_in_force,
    licensing: r.licensing,
    punishment: r.punishment,
    enforcement: r.enforcement,
    feesWan: r.fees_wan_e4 / 10000,
    reportDate: r.report_date,
    inForceNote: r.in_force_note,
    texts: parseTexts(r.texts),
  };
}

/**
 * The 成文日期 a report gets unless the user chose one: the working day before the due date in January of the next
 * year (条例第四十九条: 1月31日前; the internal date of 设置 when set), so the report is dated after the period it
 * counts and before it is due.
 */
async function defaultReportDate(
  ctx: AppContext,
  year: number,
): Promise<{ date: string; calendarWarning: string | null }> {
  const due = `${year + 1}-${await reportDueMonthDay(ctx)}`;
  const cal = await loadCalendar(ctx);
  const date = addWorkingDays(due, -1, cal);
  return { date, calendarWarning: calendarGapNote(date, due, cal) };
}

/** 现行有效 for a year: the stored figure, else last year's (recursively, while years have inputs) + 制发 − 废止. */
async function inForce(ctx: AppContext, year: number, depth = 0): Promise<{ rules: number; norm: number } | null> {
  const r = await inputRow(ctx, year);
  if (!r) return null;
  const prev = depth < 30 ? await inForce(ctx, year - 1, depth + 1) : null;
  return {
    rules: r.rules_in_force ?? defaultInForce(prev?.rules ?? null, r.rules_issued, r.rules_repealed),
    norm: r.norm_in_force ?? defaultInForce(prev?.norm ?? null, r.norm_issued, r.norm_repealed),
  };
}

export async function saveYearInput(ctx: AppContext, raw: YearInput): Promise<YearInput> {
  const v = validateInput(yearInputSchema, raw);
  if (v.reportDate && v.reportDate <= `${v.year}-12-31`)
    throw new AppError(
      ErrorCode.VALIDATION,
      `成文日期（${formatChineseDate(v.reportDate)}）应在统计期限（${v.year}年12月31日）之后，一般为次年1月。`,
    );
  const before = await getYearInput(ctx, v.year);
  await ctx.db.transaction().execute(async (trx) => {
    const row = {
      rules_issued: v.rulesIssued,
      rules_repealed: v.rulesRepealed,
      rules_in_force: v.rulesInForce,
      norm_issued: v.normIssued,
      norm_repealed: v.normRepealed,
      norm_in_force: v.normInForce,
      licensing: v.licensing,
      punishment: v.punishment,
      enforcement: v.enforcement,
      fees_wan_e4: Math.round(v.feesWan * 10000),
      report_date: v.reportDate,
      in_force_note: v.inForceNote,
      texts: JSON.stringify(v.texts),
      updated_at: nowText(ctx),
    };
    await trx
      .insertInto('disclosure_year_input')
      .values({ year: v.year, ...row })
      .onConflict((oc) => oc.column('year').doUpdateSet(row))
      .execute();
    const { texts: tb, ...b } = before;
    const { texts: ta, ...a } = v;
    const changes = diffRecords(b, a) ?? {};
    for (const k of REPORT_TEXT_KEYS)
      if (tb[k] !== ta[k])
        changes[REPORT_TEXT_LABELS[k]] = {
          from: tb[k] === null ? '（自动生成）' : `${tb[k]!.length}字`,
          to: ta[k] === null ? '（自动生成）' : `${ta[k]!.length}字`,
        };
    await recordAudit(trx, ctx, {
      entity: 'disclosure_year',
      entityId: v.year,
      action: 'update',
      summary: `修改${v.year}年政府信息公开年度报告数据`,
      changes,
    });
  });
  return getYearInput(ctx, v.year);
}

async function countedRequests(ctx: AppContext) {
  return (
    await ctx.db.selectFrom('request').select(['received_date', 'answered_date', 'applicant_type', 'result']).execute()
  ).map((r) => ({
    receivedDate: r.received_date,
    answeredDate: r.answered_date,
    applicantType: r.applicant_type,
    result: r.result,
  }));
}

async function countedReviews(ctx: AppContext) {
  return (await ctx.db.selectFrom('review').select(['kind', 'filed_date', 'decided_date', 'result']).execute()).map(
    (r) => ({ kind: r.kind, filedDate: r.filed_date, decidedDate: r.decided_date, result: r.result }),
  );
}

async function computeTables(ctx: AppContext, year: number): Promise<{ t3: Table3; t4: number[] }> {
  return { t3: computeTable3(year, await countedRequests(ctx)), t4: computeTable4(year, await countedReviews(ctx)) };
}

const REPORT_DOCS = [YEAR_DOCUMENTS.report, YEAR_DOCUMENTS.reportTables];

/**
 * What the report's own data disagree about, as 核对 findings: the 勾稽 identities of tables 三/四, table 二's
 * 现行有效 against last year's + 制发 − 废止 (unless a reason is stated), counts below zero (stored, or worked out
 * from more 废止 than there were), table 二's 制发 against the publication register, and 结转 across years (last
 * year's exported 结转下年度 against this year's 上年结转, this year's exported figure against the records since).
 */
/** `tables`: tables 三 and 四 already counted by the caller (they are counted once per answer). */
export async function reportFindings(
  ctx: AppContext,
  year: number,
  tables?: { t3: Table3; t4: number[] },
): Promise<Finding[]> {
  const out: Finding[] = [];
  const add = (kind: Finding['kind'], message: string, link = 'disclosure/report') =>
    out.push({ kind, documents: [...REPORT_DOCS], message, link });
  const input = await getYearInput(ctx, year);
  const row = await inputRow(ctx, year);
  const { t3, t4 } = tables ?? (await computeTables(ctx, year));
  for (const p of checkTables(t3, t4))
    add('table-check', `${p}请检查依申请公开登记中的日期和办理结果。`, 'disclosure/requests');

  const stored: [string, number | null][] = [
    ['规章 本年制发件数', input.rulesIssued],
    ['规章 本年废止件数', input.rulesRepealed],
    ['规章 现行有效件数', input.rulesInForce],
    ['行政规范性文件 本年制发件数', input.normIssued],
    ['行政规范性文件 本年废止件数', input.normRepealed],
    ['行政规范性文件 现行有效件数', input.normInForce],
    ['行政许可 处理决定数量', input.licensing],
    ['行政处罚 处理决定数量', input.punishment],
    ['行政强制 处理决定数量', input.enforcement],
    ['行政事业性收费金额', input.feesWan],
  ];
  for (const [label, v] of stored)
    if (v !== null && v < 0) add('negative-count', `表二“${label}”为 ${v}，不能为负数，请在年度报告中改正。`);

  const prevForce = await inForce(ctx, year - 1);
  const rows: [string, 'rules' | 'norm', number, number, number | null][] = [
    ['规章', 'rules', input.rulesIssued, input.rulesRepealed, input.rulesInForce],
    ['行政规范性文件', 'norm', input.normIssued, input.normRepealed, input.normInForce],
  ];
  // The first year on the workstation: no 年报 data of the year before, so 现行有效 of the 行政规范性文件 cannot be
  // worked out; 0 would be a figure nobody stated (a bureau may have documents in force from earlier years). 规章 are
  // made by governments of 设区的市 and above, never by a county bureau: its 0 is no guess. Only for a year on the
  // workstation (a year nobody recorded anything for has nothing to check).
  const unknown =
    prevForce || !(await yearsWithData(ctx)).includes(year)
      ? []
      : rows.filter(([, key, , , given]) => key === 'norm' && given === null);
  if (unknown.length)
    add(
      'in-force-unknown',
      `表二${unknown.map(([label]) => `“${label} 现行有效件数”`).join('、')}未填写，工作台中又没有${year - 1}年年度报告的数据可以推算，现按本年制发减废止计（${unknown.map(([label, , issued, repealed]) => `${label}${defaultInForce(null, issued, repealed)}件`).join('、')}）。请在年度报告中填写本单位现行有效的件数（没有的填0）。`,
    );
  for (const [label, key, issued, repealed, given] of rows) {
    const prev = prevForce?.[key] ?? null;
    const worked = (prev ?? 0) + issued - repealed;
    if (given === null && worked < 0)
      add(
        'negative-count',
        `表二${label}：${prev === null ? '' : `上年现行有效 ${prev} + `}本年制发 ${issued} − 本年废止 ${repealed} = ${worked}，现行有效件数不能为负数。请核对废止件数，或直接填写现行有效件数。`,
      );
    if (prevForce && given !== null && given !== worked && !input.inForceNote.trim())
      add(
        'in-force-unexplained',
        `表二 ${label}“现行有效件数”填的是 ${given}，而上年现行有效 ${prev} + 本年制发 ${issued} − 本年废止 ${repealed} = ${worked}，请核对；数字无误的（如清理后宣布失效），请在“现行有效件数的说明”中写明原因。`,
      );
  }

  const stats = await publicationStats(ctx, year);
  if (stats.normative !== input.normIssued && (stats.normative > 0 || row))
    add(
      'figure-mismatch',
      `信息发布登记中本年发布的规范性文件有 ${stats.normative} 件，而表二“行政规范性文件 本年制发件数”为 ${input.normIssued}，请核对。`,
    );

  const carriedIn = t3.rows.find((r) => r.key === '二')!.values;
  const carriedOut = t3.rows.find((r) => r.key === '四')!.values;
  const snapshot = (raw: string | null | undefined): number[] | null => {
    if (!raw) return null;
    try {
      const v = JSON.parse(raw) as unknown;
      return Array.isArray(v) ? v.map((x) => Number(x) || 0) : null;
    } catch {
      return null; // an unreadable snapshot is not a finding
    }
  };
  // An export made before its year ended (by an earlier version, which stored it as final) holds the figures of
  // that day, not the year's 结转下年度: it is no basis for a comparison, and the report must be exported again.
  const early = (r: InputRow | undefined, y: number) => !!r?.exported_at && r.exported_at.slice(0, 10) <= `${y}-12-31`;
  const today = todayOf(ctx);
  const prevRow = await inputRow(ctx, year - 1);
  if (early(prevRow, year - 1))
    add(
      'carry-over-mismatch',
      `${year - 1}年报告在统计年度结束前导出（${formatChineseDate(prevRow!.exported_at!.slice(0, 10))}），其“结转下年度继续办理”不是年末数字，无法与本年“上年结转”核对。请重新导出${year - 1}年年度报告。`,
    );
  if (early(row, year) && !yearOpenAsOf(year, today))
    add(
      'carry-over-mismatch',
      `已导出的${year}年报告于${formatChineseDate(row!.exported_at!.slice(0, 10))}导出时统计年度尚未结束，其中“结转下年度继续办理”等数字截至当日，不是年末数字。请重新导出年度报告。`,
    );
  // Last year's exported 结转下年度 must be this year's 上年结转.
  const prev = early(prevRow, year - 1) ? null : snapshot(prevRow?.exported_carry);
  if (prev)
    t3.columns.forEach((c, i) => {
      if ((prev[i] ?? 0) !== carriedIn[i])
        add(
          'carry-over-mismatch',
          `表三“${c}”列：${year - 1}年报告的“结转下年度继续办理”为 ${prev[i] ?? 0}，而本年“上年结转”为 ${carriedIn[i]}。上年报告导出后申请登记有改动，请核对。`,
          'disclosure/requests',
        );
    });
  // This year's report as exported must still say what the records say.
  const mine = early(row, year) ? null : snapshot(row?.exported_carry);
  if (mine)
    t3.columns.forEach((c, i) => {
      if ((mine[i] ?? 0) !== carriedOut[i])
        add(
          'carry-over-mismatch',
          `表三“${c}”列：已导出的${year}年报告“结转下年度继续办理”为 ${mine[i] ?? 0}，而按当前登记为 ${carriedOut[i]}。导出后申请登记有改动，请核对后重新导出年度报告。`,
          'disclosure/requests',
        );
    });
  return out;
}

/** The report's figures in the CLI's shape, with the problems found (checks, cross-year, texts). */
export async function annualReport(ctx: AppContext, year: number): Promise<AnnualReport> {
  const input = await getYearInput(ctx, year);
  const prevForce = await inForce(ctx, year - 1);
  const rulesDefault = defaultInForce(prevForce?.rules ?? null, input.rulesIssued, input.rulesRepealed);
  const normDefault = defaultInForce(prevForce?.norm ?? null, input.normIssued, input.normRepealed);
  const { t3, t4 } = await computeTables(ctx, year);
  // The 勾稽 failures as checkTables words them (the screen shows them apart, as what blocks the export).
  const problems = [
    ...checkTables(t3, t4),
    ...(await reportFindings(ctx, year, { t3, t4 })).filter((f) => f.kind !== 'table-check').map((f) => f.message),
  ];
  const texts = input.texts;
  if (texts.problems !== null && texts.problems.replace(/\s/g, '').length < 10)
    problems.push('“五、存在的主要问题及改进情况”过于简单（少于10个字或只写“无”），考核时常被扣分。');
  const late = (await listRequests(ctx, { year })).filter(
    (r) => r.answeredDate && r.answeredDate.startsWith(String(year)) && r.deadline.state === '逾期办结',
  );
  if (late.length)
    problems.push(
      `本年有 ${late.length} 件申请超过答复期限才答复（${late.map((r) => `${formatChineseDate(r.receivedDate)}收到的${r.applicant}的申请`).join('、')}），报告的“五、存在的主要问题”中宜如实说明。`,
    );
  return {
    year,
    active: {
      rules: { issued: input.rulesIssued, repealed: input.rulesRepealed, inForce: input.rulesInForce ?? rulesDefault },
      normativeDocuments: {
        issued: input.normIssued,
        repealed: input.normRepealed,
        inForce: input.normInForce ?? normDefault,
      },
      licensing: input.licensing,
      punishment: input.punishment,
      enforcement: input.enforcement,
      feesWan: input.feesWan,
    },
    requests: { columns: t3.columns, rows: t3.rows },
    reviews: { columns: TABLE4_COLUMNS, values: t4 },
    problems,
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Drafted texts
const cn = (n: number) => String(n);
function listParts(parts: { name: string; count: number }[], unit: string): string {
  return parts.map((p) => `${p.name}${p.count}${unit}`).join('、');
}

interface DraftData {
  year: number;
  /** Today while the year has not ended (yearOpenAsOf): open applications are 尚在办理, not yet 结转下年度. */
  asOf: string | null;
  bureau: string;
  stats: Awaited<ReturnType<typeof publicationStats>>;
  t3: Table3;
  t4: number[];
  trainings: { count: number; attendance: number };
  abChanges: { count: number; filed: number };
  /** Active AB岗 posts someone holds (A or B) on the day counted to: 落实AB岗制度 is said only when there are any. */
  abPostsHeld: number;
  /** The longest run of whole months of the year (to the day counted) with nothing published. */
  quietMonths: number;
  feesYuan: number;
  proposals: number;
  normIssued: number;
  lateAnswers: number;
  /** Open past their due date on the day the figures count to (31 December, or today while the year runs). */
  overdueOpen: number;
  /** 解读 linked to the document they interpret, and those of them published after the limit. */
  linkedInterpretations: number;
  lateInterpretations: number;
  /** Whether any of the year's 解读 is a 图解, video … (then 解读形式单一 is not a weakness to write). */
  variedInterpretations: boolean;
  /** The year's main published work (mainWork): a few titles and the kinds of work they are. */
  mainWork: { titles: string[]; kinds: string[] };
}

/** The kinds of a 科技局's own work its published titles name, in the order a report lists them. */
const MAIN_WORK_KINDS = ['申报', '立项', '验收', '评价', '认定'] as const;

/**
 * The year's main published work as real reports name it in （一） (申报指南、立项、验收结果, domain notes part D):
 * for each kind, the first title of the year that names it (解读 aside), so the report cites what was published.
 */
function mainWork(list: { title: string; publishedDate: string; interpretation: boolean }[]): DraftData['mainWork'] {
  const sorted = [...list]
    .filter((p) => !p.interpretation)
    .sort((a, b) => a.publishedDate.localeCompare(b.publishedDate));
  const titles: string[] = [];
  const kinds: string[] = [];
  for (const k of MAIN_WORK_KINDS) {
    const p = sorted.find((x) => x.title.includes(k) && !titles.includes(x.title));
    if (!p) continue;
    titles.push(p.title);
    kinds.push(k);
  }
  return { titles, kinds };
}

/** The day the report's figures count to: 31 December, or today while the year has not ended. */
const countedTo = (d: Pick<DraftData, 'year' | 'asOf'>) => formatChineseDate(d.asOf ?? `${d.year}-12-31`);

/**
 * 五、存在的主要问题及改进情况 from the records: each problem the registers show, with its figure and what will be done
 * about it; a weakness bureaus commonly report only to make up two, and only one the records do not contradict.
 */
function problemsText(d: DraftData): string {
  const s = d.stats;
  const found: { problem: string; remedy: string }[] = [];
  if (s.late)
    found.push({
      problem: `${s.late}条信息自形成之日起超过20个工作日才公开，公开时效有待提高`,
      remedy: '严格执行信息公开时限，信息形成后及时审核发布',
    });
  if (s.total && s.reviewComplete < s.total)
    found.push({
      problem: `${s.total - s.reviewComplete}条信息未留存完整的拟稿、审核、签发记录`,
      remedy: '落实信息发布“三审”留痕',
    });
  if (d.lateInterpretations)
    found.push({
      problem: `${d.lateInterpretations}篇政策解读晚于所解读文件${INTERPRETATION_LIMIT_WORKING_DAYS}个工作日以上才发布`,
      remedy: '做到政策文件与解读材料同步组织、同步审签、同步发布',
    });
  if (d.lateAnswers || d.overdueOpen)
    found.push({
      problem: [
        d.lateAnswers ? `${d.lateAnswers}件政府信息公开申请超过法定期限才答复` : '',
        d.overdueOpen ? `${d.overdueOpen}件申请截至${countedTo(d)}已超过答复期限尚未答复` : '',
      ]
        .filter(Boolean)
        .join('，'),
      remedy: '加强依申请公开办理时限管理，逐件跟踪答复期限',
    });
  const generic = [
    ...(s.interpretations && !d.variedInterpretations
      ? [
          {
            problem: '政策解读形式较为单一，图解、音视频等多样化解读较少',
            remedy: '丰富图表图解、音视频等解读形式',
          },
        ]
      : []),
    // No record measures it: said as where to improve, not as a finding.
    { problem: '在围绕群众关切提升主动公开信息实用性方面还需进一步加强', remedy: '围绕群众关切及时发布信息' },
  ];
  for (const g of generic) if (found.length < 2) found.push(g);
  const numerals = ['一', '二', '三', '四', '五', '六'];
  // "一是" only where a "二是" follows.
  return `${d.year}年本单位政府信息公开工作取得了一定成效，但仍存在一些不足：${found
    .map((f, i) => (found.length > 1 ? `${numerals[i]}是${f.problem}` : f.problem))
    .join('；')}。下一步，将${found.map((f) => f.remedy).join('，')}，进一步提升政府信息公开质量。`;
}

/**
 * （二）依申请公开 from table 三: only the figures there are (no "上年结转0件", "尚在办理0件"); a year without any
 * application says so instead of claiming that "所有申请" were handled in time. The law is named 《条例》: the printed
 * report's introduction (export/disclosure/report.ts) defines the short name before this part.
 */
function requestsText(
  d: DraftData,
  v: (k: string) => number,
  outcomes: { name: string; count: number }[],
  whole: string,
): string {
  const y = d.year;
  const [received, carried, answered, open] = [v('一'), v('二'), v('三.七'), v('四')];
  const reviews = d.t4[4];
  const suits = d.t4[9] + d.t4[14];
  // A draft made while the year runs speaks of 今年以来, as its other parts do, never of the whole year; said once
  // at the head of the paragraph, not again before the 复议 and 诉讼.
  const lead = d.asOf ? '今年以来' : `${y}年`;
  const when = d.asOf ? '' : whole;
  const cases =
    reviews && suits
      ? `${when}发生政府信息公开行政复议${reviews}件、行政诉讼${suits}件。`
      : reviews || suits
        ? `${when}发生政府信息公开${reviews ? `行政复议${reviews}件，未发生行政诉讼` : `行政诉讼${suits}件，未发生行政复议`}。`
        : `${when}未发生政府信息公开行政复议和行政诉讼案件。`;
  if (!received && !carried) return `${lead}，本单位未收到政府信息公开申请。${cases}`;
  const parts = [received ? `新收政府信息公开申请${cn(received)}件` : '未新收政府信息公开申请'];
  if (carried) parts.push(`上年结转${cn(carried)}件`);
  if (answered)
    parts.push(
      // The only one answered is said with its result, not "其中予以公开1件".
      `办结${cn(answered)}件${answered === 1 && outcomes.length === 1 ? `，办理结果为${outcomes[0].name}` : outcomes.length ? `，其中${listParts(outcomes, '件')}` : ''}${open ? '' : received + carried > 1 ? '，均已办结' : ''}`,
    );
  if (open) parts.push(`${d.asOf ? `截至${formatChineseDate(d.asOf)}尚在办理` : '结转下年度继续办理'}${cn(open)}件`);
  const late = [
    d.lateAnswers ? `${d.lateAnswers}件超过法定期限才答复` : '',
    d.overdueOpen ? `${d.overdueOpen}件截至${countedTo(d)}已超过答复期限尚未答复` : '',
  ].filter(Boolean);
  const inTime = late.length
    ? `${late.join('，')}。`
    : `${received + carried > 1 ? '所有申请均' : '申请'}按照《条例》规定的程序和时限办理。`;
  return `${lead}，本单位${parts.join('，')}。${inTime}${cases}`;
}

function draftTexts(d: DraftData): Record<ReportTextKey, string> {
  const y = d.year;
  const s = d.stats;
  const v = (k: string, col = 6) => d.t3.rows.find((r) => r.key === k)!.values[col];
  const outcomes = RESULT_ROWS.map((r) => ({ name: r.short!, count: v(r.key) })).filter((x) => x.count > 0);
  // One title is not "《…》等申报信息": it is named as what it is.
  const work = d.mainWork;
  const mainWorkText =
    work.titles.length > 1
      ? `公开了${work.titles.map(bookTitle).join('')}等${work.kinds.join('、')}信息。`
      : work.titles.length
        ? `公开了${work.kinds[0]}信息${bookTitle(work.titles[0])}。`
        : '';
  // 全年 only once the year is over: a draft made while it runs counts from 1 January to today (今年以来).
  const whole = d.asOf ? '今年以来' : '全年';
  const thisYear = d.asOf ? '今年以来' : '本年度';
  // 及时更新 only when nothing was published late and no quarter went by without an update.
  const timely = !s.late && d.quietMonths < QUIET_MONTHS_LIMIT;
  return {
    // 同步 (解读材料均在…内发布): only when every 解读 of the year names the document it interprets and none went out
    // after the limit; a 解读 not linked to its document cannot be shown to be on time, so 均 would claim too much.
    overviewActive: s.total
      ? `${y}年，${d.bureau}坚持以公开为常态、不公开为例外，${whole}主动公开政府信息${cn(s.total)}条，其中${listParts(s.byColumn, '条')}。${mainWorkText}${s.interpretations ? `围绕重要政策文件发布政策解读${cn(s.interpretations)}篇${d.linkedInterpretations === s.interpretations && !d.lateInterpretations ? `，解读材料均在所解读文件公开后${INTERPRETATION_LIMIT_WORKING_DAYS}个工作日内发布` : ''}。` : ''}`
      : `${y}年，${d.bureau}坚持以公开为常态、不公开为例外，认真做好政府信息主动公开工作。`,
    overviewRequests: requestsText(d, v, outcomes, whole),
    // No record holds a 合法性审核: the report says what the register shows (the 规范性文件 published), no more.
    // Only what the register records: its 三审 entries and dates (no 保密审查 or 先审后发 is recorded, so none is claimed).
    overviewManagement: `${s.total ? `信息发布执行“三审”制度，${s.reviewComplete === s.total ? `${whole}发布的全部${cn(s.total)}条信息均留有拟稿、审核、签发完整记录` : `${whole}发布的${cn(s.total)}条信息中${cn(s.reviewComplete)}条留有拟稿、审核、签发完整记录`}。` : ''}${d.normIssued ? `本年制发行政规范性文件${d.normIssued}件${s.normative >= d.normIssued ? (d.normIssued > 1 ? '，均已主动公开' : '，已主动公开') : s.normative ? `，信息发布登记中已公开${s.normative}件` : ''}。` : ''}${s.late ? `有${s.late}条信息自形成之日起超过20个工作日才公开。` : s.total ? '政府信息均在形成或变更之日起20个工作日内公开。' : ''}${
      // Nothing registered and nothing issued: what 表二 states, so the section is never left without a sentence.
      !s.total && !d.normIssued ? `${d.asOf ? '今年以来' : '本年度'}未制发行政规范性文件。` : ''
    }`,
    // One channel is named with its count, not as "门户网站等渠道…其中门户网站3条".
    overviewPlatform:
      s.byChannel.length > 1
        ? `依托${s.byChannel.map((c) => c.name).join('、')}等渠道发布政府信息，其中${listParts(s.byChannel, '条')}，${timely ? '及时' : ''}更新政府信息公开专栏。`
        : s.byChannel.length
          ? `依托${s.byChannel[0].name}发布政府信息${cn(s.byChannel[0].count)}条，${timely ? '及时' : ''}更新政府信息公开专栏。`
          : '依托政府门户网站政府信息公开专栏发布政府信息。',
    // The training ledger and the AB岗 changes, as recorded; no training is said as such, not as 积极组织.
    // 落实AB岗制度 only when someone holds a post (a new workstation lists posts nobody holds yet).
    overviewSupervision: `${d.trainings.count ? `加强政务公开队伍建设，${whole}组织政务公开相关培训${d.trainings.count}次、参训${d.trainings.attendance}人次` : `${d.asOf ? '今年以来' : '本年度'}未组织政务公开相关培训`}${d.abPostsHeld || d.abChanges.count ? `；落实AB岗制度${d.abChanges.count ? `，${whole}调整政务公开岗位人员${d.abChanges.count}人次，已备案${d.abChanges.filed}人次` : ''}` : ''}。`,
    problems: problemsText(d),
    other: `依据《政府信息公开信息处理费管理办法》，${thisYear}${d.feesYuan ? `收取信息处理费共计${d.feesYuan}元` : '未收取信息处理费'}。${d.proposals ? `${thisYear}公开人大代表建议和政协提案办理答复${d.proposals}件。` : `${thisYear}无人大代表建议和政协提案办理答复需公开。`}`,
  };
}

/** Active AB岗 posts with an A or B holder on `day`. */
async function postsHeld(ctx: AppContext, day: string): Promise<number> {
  const rows = await ctx.db
    .selectFrom('ab_holding as h')
    .innerJoin('ab_post as p', 'p.id', 'h.post_id')
    .select('h.post_id')
    .where('p.active', '=', 1)
    .where('h.start_date', '<=', day)
    .where((eb) => eb.or([eb('h.end_date', 'is', null), eb('h.end_date', '>', day)]))
    .distinct()
    .execute();
  return rows.length;
}

async function draftData(ctx: AppContext, year: number, tables: { t3: Table3; t4: number[] }): Promise<DraftData> {
  const [from, to] = yearRange(year);
  const stats = await publicationStats(ctx, year);
  const { t3, t4 } = tables;
  const trainings = await ctx.db
    .selectFrom('training')
    .select(['id'])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .where('status', '=', '已举办')
    .execute();
  const attendance = trainings.length
    ? Number(
        (
          await ctx.db
            .selectFrom('training_attendee')
            .select((e) => e.fn.countAll<number>().as('n'))
            .where(
              'training_id',
              'in',
              trainings.map((t) => t.id),
            )
            .where('present', '=', 1)
            .executeTakeFirst()
        )?.n ?? 0,
      )
    : 0;
  const changes = await ctx.db
    .selectFrom('ab_change')
    .select(['filed_date'])
    .where('change_date', '>=', from)
    .where('change_date', '<=', to)
    .execute();
  const fees = await ctx.db
    .selectFrom('request')
    .select((e) => e.fn.sum<number>('fee_yuan').as('s'))
    .where('answered_date', '>=', from)
    .where('answered_date', '<=', to)
    .executeTakeFirst();
  const input = await getYearInput(ctx, year);
  const requests = await listRequests(ctx, { year });
  const asOf = yearOpenAsOf(year, todayOf(ctx));
  const cal = await loadCalendar(ctx);
  // Whether an application was overdue and unanswered is said as of the day the report counts to: one answered
  // late in January was still overdue on 31 December, one falling due in January was not.
  const end = asOf ?? `${year}-12-31`;
  const published = await listPublications(ctx, { year });
  const interpretations = published.filter((p) => p.interpretation);
  return {
    year,
    asOf,
    bureau: await bureauName(ctx),
    stats,
    t3,
    t4,
    trainings: { count: trainings.length, attendance },
    abChanges: { count: changes.length, filed: changes.filter((c) => c.filed_date).length },
    abPostsHeld: await postsHeld(ctx, end),
    quietMonths: longestQuietMonths(
      published.map((p) => p.publishedDate),
      `${year}-01-01`,
      end,
    ),
    feesYuan: Number(fees?.s ?? 0),
    proposals: stats.byColumn.find((c) => c.name === '建议提案办理')?.count ?? 0,
    normIssued: input.normIssued,
    // Answered late in the year, or still unanswered past the due date: either one makes "按时限办理" untrue.
    lateAnswers: requests.filter((r) => r.answeredDate?.startsWith(String(year)) && r.deadline.state === '逾期办结')
      .length,
    overdueOpen: requests.filter((r) => r.receivedDate <= end && deadlineAsOf(r, end, cal).state === '逾期').length,
    linkedInterpretations: interpretations.filter((p) => p.interpretsId).length,
    lateInterpretations: (await lateInterpretations(ctx, year)).length,
    variedInterpretations: interpretations.some((p) => isVariedInterpretation(p.title)),
    mainWork: mainWork(published),
  };
}

export async function reportView(ctx: AppContext, year: number): Promise<ReportView> {
  const report = await annualReport(ctx, year);
  const input = await getYearInput(ctx, year);
  const prevInput = await inputRow(ctx, year - 1);
  const prevTexts = prevInput ? parseTexts(prevInput.texts) : null;
  const data = await draftData(ctx, year, { t3: report.requests, t4: report.reviews.values });
  const drafts = draftTexts(data);
  const prevForce = await inForce(ctx, year - 1);
  const row = await inputRow(ctx, year);
  const { date: defaultDate, calendarWarning } = await defaultReportDate(ctx, year);
  return {
    report,
    input,
    bureau: data.bureau,
    exportedAt: row?.exported_at ?? null,
    asOf: data.asOf,
    sections: REPORT_TEXT_KEYS.map((k) => ({
      key: k,
      label: REPORT_TEXT_LABELS[k],
      text: input.texts[k] ?? drafts[k],
      draft: drafts[k],
      edited: input.texts[k] !== null,
      previous: k === 'problems' || k === 'other' ? (prevTexts?.[k] ?? null) : null,
    })),
    defaults: {
      rulesInForce: defaultInForce(prevForce?.rules ?? null, input.rulesIssued, input.rulesRepealed),
      normInForce: defaultInForce(prevForce?.norm ?? null, input.normIssued, input.normRepealed),
      inForceFromPrevious: prevForce !== null,
      reportDate: defaultDate,
      calendarWarning,
    },
    reportDate: input.reportDate ?? defaultDate,
    checkFailures: checkTables({ columns: report.requests.columns, rows: report.requests.rows }, report.reviews.values),
  };
}

/**
 * Refuses the export while a 勾稽 check fails; records the exported 结转下年度 for next year's cross-check. Before
 * the year has ended the export is a draft as of today: nothing is recorded as the exported report (导出时间, 结转),
 * only the audit line, so neither the home card, the 自查 nor next year's 上年结转 check take it for the report.
 */
export async function prepareExport(ctx: AppContext, year: number): Promise<ReportView> {
  const view = await reportView(ctx, year);
  if (view.checkFailures.length) {
    throw new AppError(
      ErrorCode.VALIDATION,
      `年度报告的表格勾稽关系不成立，暂不能导出：${view.checkFailures.join('；')}请检查申请登记中的日期和办理结果。`,
    );
  }
  const carry = JSON.stringify(view.report.requests.rows.find((r) => r.key === '四')!.values);
  if (view.asOf) {
    await recordAudit(ctx.db, ctx, {
      entity: 'disclosure_year',
      entityId: year,
      action: 'update',
      summary: `导出${year}年政府信息公开工作年度报告初稿（统计年度尚未结束，数据截至${formatChineseDate(view.asOf)}）`,
    });
    return view;
  }
  await ctx.db.transaction().execute(async (trx) => {
    const now = nowText(ctx);
    const existing = await trx
      .selectFrom('disclosure_year_input')
      .select('year')
      .where('year', '=', year)
      .executeTakeFirst();
    if (existing)
      await trx
        .updateTable('disclosure_year_input')
        .set({ exported_at: now, exported_carry: carry })
        .where('year', '=', year)
        .execute();
    else
      await trx
        .insertInto('disclosure_year_input')
        .values({ ...ZERO_INPUT, year, texts: '{}', exported_at: now, exported_carry: carry, updated_at: now })
        .execute();
    await recordAudit(trx, ctx, {
      entity: 'disclosure_year',
      entityId: year,
      action: 'update',
      summary: `导出${year}年政府信息公开工作年度报告`,
    });
  });
  return view;
}
