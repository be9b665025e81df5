// Demo data for 信息公开, for the example year and the year before: the 信息发布登记 (demo/publications.ts, with every
// 三审 step recorded and every 解读 published with its document), the year's 依申请公开 (one application carried over
// from last year, one with 补正, 征求第三方意见 and 延期 answered 部分公开, one answered 本机关不掌握 and taken to a
// 行政复议 that upheld it, one received days ago and still open) and table 二 for both years (规范性文件: last
// year 3 in force; this year 2 issued and the 2019 特派员办法 replaced by the new one, so 3 + 2 − 1 = 4).
import { addWorkingDays, type WorkingDayCalendar } from '../../../shared/domain/working-days';
import { emptyYearInput, type RequestInput } from '../../../shared/domain/disclosure';
import type { DemoState, DemoStep } from '../demo/types';
import { ANNUAL_REPORT_COLUMN, demoPublications } from '../demo/publications';
import { BUREAU_NAME, COUNTY, earlier, reviewerOn, workday } from '../demo/story';
import { loadCalendar } from '../calendar';
import type { AppContext } from '../workstation';
import { createColumn, createPublication, listColumns } from './publications';
import { saveYearInput } from './report';
import { createRequest, saveReview } from './requests';

async function seedPublications(
  ctx: AppContext,
  state: DemoState,
  cal: WorkingDayCalendar,
): Promise<{ thisYear: number; lastYear: number }> {
  await createColumn(ctx, ANNUAL_REPORT_COLUMN);
  const columns = new Map((await listColumns(ctx)).map((c) => [c.name, c.id]));
  const y = state.year;
  const counts = { thisYear: 0, lastYear: 0 };
  for (const year of [y - 1, y]) {
    const ids = new Map<string, number>();
    for (const p of demoPublications(year, y, cal, (d) => reviewerOn(d, y, cal))) {
      if (p.published > state.today) continue;
      const made = await createPublication(ctx, {
        title: p.title,
        publishedDate: p.published,
        formedDate: p.formed,
        columnId: columns.get(p.column)!,
        channel: p.channel,
        docNumber: p.docNumber,
        normative: p.normative,
        interpretation: p.column === '政策解读',
        interpretsId: p.interprets ? (ids.get(p.interprets) ?? null) : null,
        drafter: p.drafter,
        draftedDate: p.drafted,
        reviewer: p.reviewer,
        reviewedDate: p.reviewed,
        approver: p.approver,
        approvedDate: p.approved,
        link: p.link,
        source: BUREAU_NAME,
        note: '',
      });
      ids.set(p.key, made.id);
      if (year === y) counts.thisYear++;
      else counts.lastYear++;
    }
  }
  return counts;
}

const HANDLER = '郑佳慧';

async function seedRequests(
  ctx: AppContext,
  state: DemoState,
  cal: WorkingDayCalendar,
): Promise<{ received: number; carriedIn: number; open: number; reviews: number }> {
  const y = state.year;
  const today = state.today;
  const w = (d: string, k: number) => addWorkingDays(d, k, cal);
  const happened = (d: string | null) => (d && d <= today ? d : null);
  const requests: RequestInput[] = [];

  // Last year: one answered in May, one received just before the holidays and answered in January.
  const r0 = workday(y - 1, '05-12', cal);
  requests.push({
    receivedDate: r0,
    applicant: '许志明',
    applicantType: '自然人',
    method: '当面提交',
    content: `${y - 2}年度${COUNTY}科技特派员名单`,
    handler: HANDLER,
    answeredDate: w(r0, 6),
    result: '三.一',
    // Already published: the answer says where to get it (条例第三十六条第（一）项), the note what else was sent.
    provideMedium: '电子',
    provideWay: '网站',
    provideDate: w(r0, 6),
    answerNote: `该名单于${y - 2}年3月在“通知公告”栏目发布。为方便您查阅，现随本答复书附送名单一份（共2页）。`,
  });
  const r1 = workday(y - 1, '12-22', cal);
  const a1 = happened(w(r1, 12));
  requests.push({
    receivedDate: r1,
    applicant: '韩立军',
    applicantType: '自然人',
    method: '网络平台',
    content: `${y - 1}年度县级科技计划项目专项资金拨付明细`,
    handler: HANDLER,
    answeredDate: a1,
    result: a1 ? '三.一' : null,
    provideMedium: a1 ? '电子' : '',
    provideWay: a1 ? '电子邮件' : '',
    provideDate: a1,
    answerNote: a1 ? `所提供的为《${y - 1}年度县级科技计划项目专项资金拨付明细表》，共3页。` : '',
  });

  // 补正, then 征求第三方意见, then 延期: answered 部分公开 well inside the extended time limit.
  const r2 = workday(y, '04-20', cal);
  const notice = w(r2, 4);
  const corrected = w(r2, 12);
  const consultFrom = w(corrected, 3);
  const consultTo = w(consultFrom, 13);
  const extended = w(consultTo, 2);
  const a2 = happened(w(extended, 19));
  const steps2: RequestInput['steps'] = [];
  if (notice <= today)
    steps2.push({
      kind: '补正',
      startDate: notice,
      endDate: happened(corrected),
      toldDate: w(notice, 15),
      note: '请明确所需奖补资金的年度、项目类别和所需材料的具体范围',
    });
  if (corrected <= today && consultFrom <= today)
    steps2.push({
      kind: '征求意见',
      startDate: consultFrom,
      endDate: happened(consultTo),
      party: `${COUNTY}华宇新材料科技有限公司`,
      note: '该公司申报材料中的财务报表、研发费用明细涉及商业秘密',
    });
  if (extended <= today)
    steps2.push({
      kind: '延期',
      startDate: extended,
      days: 15,
      party: '陈思远',
      toldDate: extended,
      note: '申请内容涉及第三方商业秘密，需对申报材料逐项区分处理',
    });
  if (r2 <= today)
    requests.push({
      receivedDate: r2,
      applicant: `${COUNTY}恒瑞精密机械有限公司`,
      applicantType: '商业企业',
      method: '网络平台',
      content: `县科技局发放${y - 1}年度高新技术企业培育奖补资金的有关材料`,
      handler: HANDLER,
      steps: steps2,
      answeredDate: a2,
      result: a2 ? '三.二' : null,
      provideMedium: a2 ? '电子' : '',
      provideWay: a2 ? '电子邮件' : '',
      provideDate: a2,
      // The withheld part: the third party's 商业秘密, which it did not agree to disclose (条例第十五条).
      withheldReason: a2 ? '三.三.4' : null,
      answerNote: a2
        ? `所提供的为${y - 1}年度县级高新技术企业培育奖补资金发放企业名单及奖补金额（共12家企业）；不予公开的为企业申报材料中的财务报表、研发费用明细。`
        : '',
    });

  // 本机关不掌握: then a 行政复议, which upheld the answer.
  const r3 = workday(y, '06-15', cal);
  const a3 = happened(w(r3, 13));
  if (r3 <= today)
    requests.push({
      receivedDate: r3,
      applicant: '蒋文涛',
      applicantType: '自然人',
      method: '邮寄',
      content: '2016年县科技局与城东工业园区管委会签订的科技企业孵化器共建协议',
      handler: HANDLER,
      answeredDate: a3,
      result: a3 ? '三.四.1' : null,
      answerNote: a3
        ? '经查阅本机关2016年以来的收发文登记和合同档案，本机关未与城东工业园区管委会签订过科技企业孵化器共建协议。'
        : '',
    });

  // Received days ago: open at the year's end, carried into next year.
  const r4 = addWorkingDays(today, -6, cal);
  if (r4 >= `${y}-01-01`)
    requests.push({
      receivedDate: r4,
      applicant: `${COUNTY}农业科学研究所`,
      applicantType: '科研机构',
      method: '网络平台',
      content: `${y}年度科技特派员服务对象名单及服务记录`,
      handler: HANDLER,
    });

  const made = [];
  for (const r of requests) made.push(await createRequest(ctx, r));
  let reviews = 0;
  const denied = made.find((r) => r.result === '三.四.1');
  if (denied?.answeredDate) {
    const filed = workday(y, '08-20', cal);
    const decided = workday(y, '10-16', cal);
    if (filed <= today && filed > denied.answeredDate) {
      await saveReview(ctx, null, {
        requestId: denied.id,
        kind: '行政复议',
        filedDate: filed,
        organ: `${COUNTY}人民政府`,
        caseNumber: `檀政复〔${y}〕15号`,
        result: decided <= today ? '维持' : '尚未审结',
        decidedDate: decided <= today ? decided : null,
      });
      reviews++;
    }
  }
  const inYear = made.filter((r) => r.receivedDate >= `${y}-01-01`);
  return {
    received: inYear.length,
    carriedIn: made.filter((r) => r.receivedDate < `${y}-01-01` && (!r.answeredDate || r.answeredDate >= `${y}-01-01`))
      .length,
    open: inYear.filter((r) => !r.answeredDate).length,
    reviews,
  };
}

/** Table 二: last year's 现行有效 3; this year 2 issued (the register holds them), 1 repealed. */
async function seedYearInputs(ctx: AppContext, state: DemoState): Promise<void> {
  const y = state.year;
  await saveYearInput(ctx, { ...emptyYearInput(y - 1), normIssued: 1, normInForce: 3 });
  const issued = (
    await ctx.db
      .selectFrom('publication')
      .select('id')
      .where('normative', '=', 1)
      .where('published_date', '>=', `${y}-01-01`)
      .where('published_date', '<=', earlier(state.today, `${y}-12-31`))
      .execute()
  ).length;
  // The old 特派员办法 is repealed by the new one, published in August.
  await saveYearInput(ctx, { ...emptyYearInput(y), normIssued: issued, normRepealed: issued >= 2 ? 1 : 0 });
}

/** The 信息公开 step of `demo` / 载入示例数据. */
export const disclosureDemoStep: DemoStep = {
  name: '信息公开',
  async run(ctx, state) {
    const cal = await loadCalendar(ctx);
    const p = await seedPublications(ctx, state, cal);
    const r = await seedRequests(ctx, state, cal);
    await seedYearInputs(ctx, state);
    return [
      `信息公开：${state.year}年发布登记 ${p.thisYear} 条（上年 ${p.lastYear} 条），政府信息公开申请 ${r.received} 件（另有上年结转 ${r.carriedIn} 件，${r.open} 件正在办理），行政复议 ${r.reviews} 件`,
    ];
  },
};
