// Figures and lists of the 信息公开 area for a period (the 工作总结, the 首页 and the 核对 quote them through
// figuresFor): the 发布登记's items, 解读 and late ones; applications counted exactly as the 年报's 表三 counts them
// (computeTable3 over the registers as they stood on the period's last day), 复议/诉讼 as 表四 does; 表二's 制发 for
// a whole year. 上年结转 (表三 二) and 结转下年度 (表三 四) are two figures; so are 予以公开 and 予以公开＋部分公开.
import { computeTable3, computeTable4, DEFAULT_CHANNELS, longestQuietMonths } from '../../../shared/domain/disclosure';
import { inPeriod, previousPeriod, type Period } from '../../../shared/domain/period';
import type { InterpretationItem, LatePublication, PublishedItem, SummaryLists } from '../../../shared/domain/summary';
import { pairFigures, type FigureProvider, type ListProvider } from '../summary/provider';
import type { AppContext } from '../workstation';
import { listColumns, listPublications, publicationStats } from './publications';
import { listRequests } from './requests';
import { todayOf } from '../../../shared/domain/dates';

async function publicationsOf(ctx: AppContext, period: Period) {
  return (await listPublications(ctx, { year: period.year })).filter((p) => inPeriod(period, p.publishedDate));
}

async function hasData(ctx: AppContext, period: Period): Promise<boolean> {
  const pub = await ctx.db
    .selectFrom('publication')
    .select('id')
    .where('published_date', '>=', period.from)
    .where('published_date', '<=', period.to)
    .limit(1)
    .executeTakeFirst();
  const req = await ctx.db
    .selectFrom('request')
    .select('id')
    .where('received_date', '<=', period.to)
    .where((eb) => eb.or([eb('answered_date', 'is', null), eb('answered_date', '>=', period.from)]))
    .limit(1)
    .executeTakeFirst();
  const input =
    period.kind === 'year' &&
    (await ctx.db
      .selectFrom('disclosure_year_input')
      .select('year')
      .where('year', '=', period.year)
      .executeTakeFirst());
  return !!(pub || req || input);
}

/** The registers as they stood on the period's last day: later applications and later answers are not yet there. */
async function requestTables(ctx: AppContext, period: Period) {
  const requests = (
    await ctx.db
      .selectFrom('request')
      .select(['received_date', 'answered_date', 'applicant_type', 'result'])
      .where('received_date', '<=', period.to)
      .execute()
  ).map((r) => {
    const answered = r.answered_date !== null && r.answered_date <= period.to;
    return {
      receivedDate: r.received_date,
      answeredDate: answered ? r.answered_date : null,
      applicantType: r.applicant_type,
      result: answered ? r.result : null,
    };
  });
  const reviews = (
    await ctx.db
      .selectFrom('review')
      .select(['kind', 'filed_date', 'decided_date', 'result'])
      .where('filed_date', '<=', period.to)
      .execute()
  ).map((r) => {
    const decided = r.decided_date !== null && r.decided_date <= period.to;
    return {
      kind: r.kind,
      filedDate: r.filed_date,
      decidedDate: decided ? r.decided_date : null,
      result: decided ? r.result : '尚未审结',
    };
  });
  // Same function as the 年报: for a whole year these are the 年报's own cells.
  const t3 = computeTable3(period.year, requests);
  const t4 = computeTable4(period.year, reviews);
  const total = (key: string) => t3.rows.find((r) => r.key === key)!.values.at(-1)!;
  const group = (prefix: string) =>
    t3.rows.filter((r) => r.key.startsWith(prefix)).reduce((a, r) => a + r.values.at(-1)!, 0);
  return { total, group, t4 };
}

async function valuesOf(
  ctx: AppContext,
  period: Period,
  columns: string[],
  channels: string[],
): Promise<Record<string, number>> {
  const list = await publicationsOf(ctx, period);
  const interpretations = await interpretationsOf(ctx, period);
  const { total, group, t4 } = await requestTables(ctx, period);
  const register = await listRequests(ctx, { year: period.year });
  const answeredLate = register.filter(
    (r) => inPeriod(period, r.answeredDate) && r.deadline.state === '逾期办结',
  ).length;
  // Still open on the day counted to (the period's end, or today while it runs) and past its 答复期限 by then: a
  // 总结 made before the year ends says the open ones are 未到答复期限 only when this is 0.
  const asOf = todayOf(ctx) < period.to ? todayOf(ctx) : period.to;
  const openOverdue = register.filter(
    (r) =>
      r.receivedDate <= asOf &&
      !(r.answeredDate && r.answeredDate <= asOf) &&
      r.deadline.dueDate !== null &&
      r.deadline.dueDate < asOf,
  ).length;
  const out: Record<string, number> = {
    'disclosure.published': list.length,
    'disclosure.publishedLate': list.filter((p) => p.late).length,
    'disclosure.publishedOnTime': list.filter((p) => p.publishDelay !== null && !p.late).length,
    // The 年报's 五 names the same count ("N条信息未留存完整的拟稿、审核、签发记录").
    'disclosure.reviewIncomplete': list.filter((p) => !p.reviewComplete).length,
    'disclosure.interpretations': interpretations.length,
    'disclosure.interpretationsLate': interpretations.filter((i) => i.late).length,
    'disclosure.interpretationsUnlinked': interpretations.filter((i) => i.documentTitle === null).length,
    'disclosure.normativePublished': list.filter((p) => p.normative).length,
    'disclosure.requestsReceived': total('一'),
    'disclosure.requestsCarriedIn': total('二'),
    'disclosure.requestsAnswered': total('三.七'),
    'disclosure.requestsFullyDisclosed': total('三.一'),
    'disclosure.requestsPartlyDisclosed': total('三.二'),
    'disclosure.requestsFullyOrPartlyDisclosed': total('三.一') + total('三.二'),
    'disclosure.requestsNotDisclosed': group('三.三.'),
    'disclosure.requestsUnavailable': group('三.四.'),
    'disclosure.requestsNotProcessed': group('三.五.'),
    'disclosure.requestsOtherHandling': group('三.六.'),
    // Carried into next year is a whole year's figure (表三 四); a shorter period says how many were still open.
    ...(period.kind === 'year'
      ? { 'disclosure.requestsCarriedOut': total('四') }
      : { 'disclosure.requestsOpenAtEnd': total('四') }),
    'disclosure.requestsAnsweredLate': answeredLate,
    'disclosure.requestsOpenOverdue': openOverdue,
    'disclosure.reviews': t4[4],
    'disclosure.lawsuits': t4[9] + t4[14],
  };
  if (period.kind === 'year') {
    // 表二 is entered for the year on the 年报 screen; the 年报 prints 0 until it is.
    const input = await ctx.db
      .selectFrom('disclosure_year_input')
      .select('norm_issued')
      .where('year', '=', period.year)
      .executeTakeFirst();
    out['disclosure.normativeIssued'] = input?.norm_issued ?? 0;
  }
  for (const c of columns) out[`disclosure.column.${c}`] = list.filter((p) => p.columnName === c).length;
  for (const c of channels) out[`disclosure.channel.${c}`] = list.filter((p) => p.channel === c).length;
  return out;
}

/**
 * Last year's values without the registers that hold nothing for it: a year with applications but no publications
 * registered has no "上年" for the publication figures (nobody registered them; 0 would make "较上年增加18条").
 */
function withoutEmptyRegisters(prev: Record<string, number>): Record<string, number> {
  const published = prev['disclosure.published'] > 0;
  const requests = prev['disclosure.requestsReceived'] + prev['disclosure.requestsCarriedIn'] > 0;
  const cases = prev['disclosure.reviews'] + prev['disclosure.lawsuits'] > 0 || requests;
  return Object.fromEntries(
    Object.entries(prev).filter(([k]) =>
      /^disclosure\.(published|interpretations|normativePublished|column\.|channel\.)/.test(k)
        ? published
        : /^disclosure\.requests/.test(k)
          ? requests
          : /^disclosure\.(reviews|lawsuits)$/.test(k)
            ? cases
            : true,
    ),
  );
}

/** The period's 解读, each with the document it interprets and how many working days later it came out. */
async function interpretationsOf(ctx: AppContext, period: Period): Promise<InterpretationItem[]> {
  return (await publicationsOf(ctx, period))
    .filter((p) => p.interpretation)
    .map((p) => ({
      title: p.title,
      date: p.publishedDate,
      documentTitle: p.interpretsTitle,
      workingDaysAfter: p.interpretationDelay,
      late: p.interpretationLate,
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

export const disclosureFigures: FigureProvider = async (ctx, period) => {
  // A period with nothing registered gives no figures: the 总结 leaves the sentences out rather than print 0 for work
  // that was simply not recorded here.
  if (!(await hasData(ctx, period))) return {};
  const prevPeriod = previousPeriod(period);
  const both = [...(await publicationsOf(ctx, period)), ...(await publicationsOf(ctx, prevPeriod))];
  // 栏目 and 渠道 used in either period (a 栏目 nobody published in is not a figure).
  const columns = (await listColumns(ctx)).map((c) => c.name).filter((c) => both.some((p) => p.columnName === c));
  const channels = [...new Set([...DEFAULT_CHANNELS, ...both.map((p) => p.channel)])].filter((c) =>
    both.some((p) => p.channel === c),
  );
  const now = await valuesOf(ctx, period, columns, channels);
  const prev = (await hasData(ctx, prevPeriod)) ? await valuesOf(ctx, prevPeriod, columns, channels) : null;
  return pairFigures(period, now, prev && withoutEmptyRegisters(prev));
};

export const disclosureLists: ListProvider = async (ctx, period) => {
  const list = await publicationsOf(ctx, period);
  if (!list.length) return {};
  const interpretations = await interpretationsOf(ctx, period);
  const interpreted = new Set(
    list.filter((p) => p.interpretation && p.interpretsId !== null).map((p) => p.interpretsId),
  );
  // Key documents: 规范性文件, documents issued with a 文号, documents a 解读 explains (oldest first).
  const keyPublications: PublishedItem[] = list
    .filter((p) => !p.interpretation && (p.normative || p.docNumber.trim() !== '' || interpreted.has(p.id)))
    .map((p) => ({
      title: p.title,
      date: p.publishedDate,
      column: p.columnName,
      normative: p.normative,
      docNumber: p.docNumber,
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const latePublications: LatePublication[] = list
    .filter((p) => p.late && p.formedDate)
    .map((p) => ({
      title: p.title,
      formedDate: p.formedDate!,
      publishedDate: p.publishedDate,
      workingDays: p.publishDelay ?? 0,
    }))
    .sort((a, b) => a.publishedDate.localeCompare(b.publishedDate));
  const asOf = todayOf(ctx) < period.to ? todayOf(ctx) : period.to;
  const quietMonths = longestQuietMonths(
    list.map((p) => p.publishedDate),
    period.from,
    asOf,
  );
  const out: Partial<SummaryLists> = { keyPublications, interpretations, latePublications, quietMonths };
  return out;
};

/** Publications per month of the year (twelve counts, January first). */
export async function publicationsByMonth(ctx: AppContext, year: number): Promise<number[]> {
  return (await publicationStats(ctx, year)).byMonth;
}
