// Figures of the 信息公开 area for other areas (the 年度总结 quotes them): each with last year's value and where it
// comes from, so a sentence such as "主动公开信息120条（上年98条）" can be written and traced.
import { DEFAULT_CHANNELS } from '../../../shared/domain/disclosure';
import type { AppContext } from '../workstation';
import { yearRange } from './common';
import { listColumns, listPublications, publicationStats } from './publications';
import { annualReport } from './report';
import { listRequests } from './requests';

export type Figure = { value: number | string | null; previous: number | string | null; source: string };

async function hasData(ctx: AppContext, year: number): Promise<boolean> {
  const [from, to] = yearRange(year);
  const pub = await ctx.db
    .selectFrom('publication')
    .select('id')
    .where('published_date', '>=', from)
    .where('published_date', '<=', to)
    .limit(1)
    .executeTakeFirst();
  const req = await ctx.db
    .selectFrom('request')
    .select('id')
    .where('received_date', '<=', to)
    .where((eb) => eb.or([eb('answered_date', 'is', null), eb('answered_date', '>=', from)]))
    .limit(1)
    .executeTakeFirst();
  const input = await ctx.db
    .selectFrom('disclosure_year_input')
    .select('year')
    .where('year', '=', year)
    .executeTakeFirst();
  return !!(pub || req || input);
}

async function valuesOf(
  ctx: AppContext,
  year: number,
  columns: string[],
  channels: string[],
): Promise<Record<string, number>> {
  const stats = await publicationStats(ctx, year);
  const report = await annualReport(ctx, year);
  const row = (k: string) => report.requests.rows.find((r) => r.key === k)!.values[6];
  const requests = await listRequests(ctx, { year });
  const out: Record<string, number> = {
    'disclosure.published': stats.total,
    'disclosure.interpretations': stats.interpretations,
    'disclosure.normativeIssued': report.active.normativeDocuments.issued,
    'disclosure.requestsReceived': row('一'),
    'disclosure.requestsAnswered': row('三.七'),
    'disclosure.requestsDisclosed': row('三.一') + row('三.二'),
    'disclosure.requestsCarried': row('四'),
    'disclosure.reviews': report.reviews.values[4],
    'disclosure.lawsuits': report.reviews.values[9] + report.reviews.values[14],
    'disclosure.lateAnswers': requests.filter(
      (r) => r.answeredDate?.startsWith(String(year)) && r.deadline.state === '逾期办结',
    ).length,
  };
  for (const c of columns) out[`disclosure.column.${c}`] = stats.byColumn.find((x) => x.name === c)?.count ?? 0;
  for (const c of channels) out[`disclosure.channel.${c}`] = stats.byChannel.find((x) => x.name === c)?.count ?? 0;
  return out;
}

const SOURCES: Record<string, (y: number) => string> = {
  'disclosure.published': (y) => `信息发布登记：${y}年发布条数`,
  'disclosure.interpretations': (y) => `信息发布登记：${y}年政策解读条数`,
  'disclosure.normativeIssued': (y) => `年度报告表二：${y}年行政规范性文件本年制发件数`,
  'disclosure.requestsReceived': (y) => `依申请公开登记：${y}年新收申请数（表三第一项总计）`,
  'disclosure.requestsAnswered': (y) => `依申请公开登记：${y}年办结数（表三（七）总计）`,
  'disclosure.requestsDisclosed': (y) => `依申请公开登记：${y}年予以公开与部分公开件数之和`,
  'disclosure.requestsCarried': (y) => `依申请公开登记：${y}年结转下年度继续办理数（表三第四项）`,
  'disclosure.reviews': (y) => `复议诉讼登记：${y}年行政复议总计（表四）`,
  'disclosure.lawsuits': (y) => `复议诉讼登记：${y}年行政诉讼总计（表四，直接起诉与复议后起诉之和）`,
  'disclosure.lateAnswers': (y) => `依申请公开登记：${y}年超过答复期限才答复的件数`,
};

export async function disclosureFigures(ctx: AppContext, year: number): Promise<Record<string, Figure>> {
  // A year with nothing registered gives no figures: the 总结 leaves the sentences out rather than print 0 for work
  // that was simply not recorded here.
  if (!(await hasData(ctx, year))) return {};
  const columns = (await listColumns(ctx)).map((c) => c.name);
  const used = [
    ...new Set(
      [...(await listPublications(ctx, { year })), ...(await listPublications(ctx, { year: year - 1 }))].map(
        (p) => p.channel,
      ),
    ),
  ];
  const channels = [...new Set([...DEFAULT_CHANNELS, ...used])];
  const now = await valuesOf(ctx, year, columns, channels);
  const prev = (await hasData(ctx, year - 1)) ? await valuesOf(ctx, year - 1, columns, channels) : null;
  const out: Record<string, Figure> = {};
  for (const [k, v] of Object.entries(now)) {
    const source =
      SOURCES[k]?.(year) ??
      (k.startsWith('disclosure.column.')
        ? `信息发布登记：${year}年“${k.slice(18)}”栏目发布条数`
        : `信息发布登记：${year}年通过“${k.slice(19)}”发布条数`);
    out[k] = { value: v, previous: prev ? (prev[k] ?? 0) : null, source };
  }
  return out;
}

/** Publications per month of the year (twelve counts, January first). */
export async function publicationsByMonth(ctx: AppContext, year: number): Promise<number[]> {
  return (await publicationStats(ctx, year)).byMonth;
}
