// Demo data for 信息公开: a year's 信息发布登记 across 栏目, 渠道 and months (解读 linked to their documents, 三审
// records), applications with different outcomes (one 补正, one 征求意见 and 延期, one carried over from last year, one
// still waiting for its 补正, one open) and a 行政复议, plus table 二 inputs for this year and last, so that every table
// of the annual report has non-zero cells.
import { addWorkingDays, addDays } from '../../../shared/domain/working-days';
import type { DemoStep } from '../demo/types';
import { loadCalendar } from '../calendar';
import type { AppContext } from '../workstation';
import { listColumns, createPublication } from './publications';
import { saveYearInput } from './report';
import { createRequest, saveReview } from './requests';
import { emptyYearInput, type RequestInput } from '../../../shared/domain/disclosure';

const ITEMS: [string, string, string][] = [
  ['机构职能', '门户网站', '县科学技术局机构职能'],
  ['政策文件', '门户网站', '关于印发《县科技创新券管理办法》的通知'],
  ['政策解读', '政务新媒体', '一图读懂《县科技创新券管理办法》'],
  ['规划计划', '门户网站', '县科学技术局年度工作要点'],
  ['财政预决算', '门户网站', '县科学技术局部门预算公开'],
  ['工作动态', '政务新媒体', '县科技局开展科技活动周宣传活动'],
  ['通知公告', '门户网站', '关于组织申报县级科技计划项目的通知'],
  ['工作动态', '门户网站', '县科技局赴企业开展科技特派员服务'],
  ['政策文件', '门户网站', '关于印发《县高新技术企业培育奖补办法》的通知'],
  ['政策解读', '门户网站', '《县高新技术企业培育奖补办法》政策解读'],
  ['人事信息', '公开栏', '县科学技术局公开招聘编外人员公告'],
  ['建议提案办理', '门户网站', '关于县人大代表第12号建议的答复'],
  ['建议提案办理', '门户网站', '关于县政协委员第35号提案的答复'],
  ['工作动态', '新闻发布会', '县科技局召开科技创新政策新闻发布会'],
  ['通知公告', '公开栏', '关于科技型中小企业评价工作的通知'],
  ['财政预决算', '门户网站', '县科学技术局部门决算公开'],
  ['工作动态', '政务新媒体', '县科技局组织农村科技培训进乡村'],
  ['通知公告', '门户网站', '县级科技计划项目立项公示'],
];

async function seedDisclosureDemo(
  ctx: AppContext,
  opts: { year: number; today: string },
): Promise<{ publications: number; requests: number }> {
  const y = opts.year;
  const cal = await loadCalendar(ctx);
  const ref = opts.today < `${y}-12-31` ? opts.today : `${y}-12-31`;
  const lastMonth = Number(ref.slice(5, 7));
  const columns = new Map((await listColumns(ctx)).map((c) => [c.name, c.id]));
  const people = ['张敏', '李强', '王芳'];
  const ids = new Map<string, number>();
  let n = 0;
  for (const [i, [column, channel, title]] of ITEMS.entries()) {
    // Spread over the months so far; a working day near the middle of each month.
    const month = 1 + Math.floor((i * lastMonth) / ITEMS.length);
    let published = addWorkingDays(`${y}-${String(month).padStart(2, '0')}-0${1 + (i % 9)}`, 2 + (i % 5), cal);
    if (published > ref) published = ref;
    const drafted = addWorkingDays(published, -3, cal);
    const interprets =
      column === '政策解读'
        ? ([...ids.entries()].reverse().find(([t]) => t.includes('办法》的通知'))?.[1] ?? null)
        : null;
    const p = await createPublication(ctx, {
      title: `${title}${title.includes('年度') ? '' : ''}`.replace('年度工作要点', `${y}年工作要点`),
      publishedDate: published,
      formedDate: i === 6 ? addWorkingDays(published, -24, cal) : addWorkingDays(published, -5, cal),
      columnId: columns.get(column)!,
      channel,
      docNumber: title.includes('办法》的通知') ? `县科发〔${y}〕${3 + i}号` : '',
      normative: title.includes('培育奖补办法》的通知'),
      interpretation: column === '政策解读',
      interpretsId: interprets,
      drafter: people[i % 3],
      draftedDate: drafted,
      reviewer: i % 6 === 5 ? '' : '周强',
      reviewedDate: i % 6 === 5 ? null : addWorkingDays(drafted, 1, cal),
      approver: i % 6 === 5 ? '' : '陈明',
      approvedDate: i % 6 === 5 ? null : addWorkingDays(drafted, 2, cal),
      link: '',
      source: '县科学技术局',
      note: '',
    });
    ids.set(title, p.id);
    n++;
  }

  // Last year's table 二 (现行有效 3 规范性文件) and this year's (1 制发: 现行有效 defaults to 4).
  await saveYearInput(ctx, { ...emptyYearInput(y - 1), normIssued: 1, normInForce: 3, licensing: 9 });
  await saveYearInput(ctx, { ...emptyYearInput(y), normIssued: 1, licensing: 12, punishment: 1, feesWan: 0 });

  const base = (d: number) => {
    const x = addDays(ref, -d);
    return x < `${y}-01-05` ? `${y}-01-05` : x;
  };
  const w = (d: string, k: number) => addWorkingDays(d, k, cal);
  const upTo = (d: string) => (d <= ref ? d : null);
  const requests: RequestInput[] = [];
  // Carried over: received in the last days of last year, answered in January.
  const carriedIn = `${y - 1}-12-26`;
  const carriedOut = upTo(w(carriedIn, 8));
  requests.push({
    receivedDate: carriedIn,
    applicant: '赵刚',
    applicantType: '自然人',
    method: '邮寄',
    content: `${y - 1}年度县级科技计划项目立项名单`,
    handler: '张敏',
    answeredDate: carriedOut,
    result: carriedOut ? '三.一' : null,
  });
  // 补正, then a partial disclosure.
  const r2 = base(150);
  const c2 = w(r2, 3);
  const c2in = w(c2, 6);
  requests.push({
    receivedDate: r2,
    applicant: '某某科技有限公司',
    applicantType: '商业企业',
    method: '网络平台',
    content: '县科技创新券兑付企业名单及金额',
    handler: '张敏',
    steps: [
      { kind: '补正', startDate: c2, endDate: c2in, toldDate: w(c2, 15), note: '请明确所需信息的年度和项目类别' },
    ],
    answeredDate: upTo(w(c2in, 12)),
    result: upTo(w(c2in, 12)) ? '三.二' : null,
    answerNote: '企业银行账户信息涉及商业秘密，已作区分处理。',
  });
  // 征求第三方意见 and 延期, then 不予公开（第三方合法权益）.
  const r3 = base(120);
  const s3 = w(r3, 5);
  const e3 = w(r3, 17);
  requests.push({
    receivedDate: r3,
    applicant: '某某律师事务所',
    applicantType: '法律服务机构',
    method: '邮寄',
    content: '某企业高新技术企业认定申报材料',
    handler: '李强',
    steps: [
      { kind: '征求意见', startDate: s3, endDate: w(s3, 9), party: '某某新材料有限公司', note: '' },
      {
        kind: '延期',
        startDate: e3,
        days: 15,
        party: '刘芳（分管副局长）',
        toldDate: e3,
        note: '申请内容涉及第三方，需进一步核实',
      },
    ],
    answeredDate: upTo(w(r3, 40)),
    result: upTo(w(r3, 40)) ? '三.三.4' : null,
  });
  // 信息不存在 — later taken to 行政复议.
  const r4 = base(100);
  requests.push({
    receivedDate: r4,
    applicant: '钱伟',
    applicantType: '自然人',
    method: '当面提交',
    content: '2015年县科技局会议纪要全文',
    handler: '李强',
    answeredDate: upTo(w(r4, 10)),
    result: upTo(w(r4, 10)) ? '三.四.1' : null,
  });
  // 重复申请.
  const r5 = base(60);
  requests.push({
    receivedDate: r5,
    applicant: '钱伟',
    applicantType: '自然人',
    method: '电子邮件',
    content: '2015年县科技局会议纪要全文',
    handler: '李强',
    answeredDate: upTo(w(r5, 5)),
    result: upTo(w(r5, 5)) ? '三.五.2' : null,
  });
  // 予以公开 for a research institute.
  const r6 = base(40);
  requests.push({
    receivedDate: r6,
    applicant: '某某农业科学研究所',
    applicantType: '科研机构',
    method: '网络平台',
    content: '县农业科技示范基地建设情况',
    handler: '王芳',
    answeredDate: upTo(w(r6, 9)),
    result: upTo(w(r6, 9)) ? '三.一' : null,
  });
  // Waiting for a 补正 (clock stopped), and one just received (open, carried into next year if not answered).
  const r7 = base(12);
  requests.push({
    receivedDate: r7,
    applicant: '孙丽',
    applicantType: '自然人',
    method: '网络平台',
    content: '有关科技项目资金的情况',
    handler: '王芳',
    steps: [{ kind: '补正', startDate: w(r7, 2), toldDate: w(r7, 17), note: '请说明所需资金信息的项目名称和年度' }],
  });
  requests.push({
    receivedDate: base(3),
    applicant: '某某社会工作服务中心',
    applicantType: '社会公益组织',
    method: '邮寄',
    content: '县科普经费使用情况',
    handler: '张敏',
  });
  const made = [];
  for (const r of requests) made.push(await createRequest(ctx, r));
  const nothing = made[3];
  if (nothing.answeredDate) {
    const filed = addDays(nothing.answeredDate, 20);
    const decided = addDays(filed, 45);
    await saveReview(ctx, null, {
      requestId: nothing.id,
      kind: '行政复议',
      filedDate: filed,
      organ: '县人民政府',
      caseNumber: `县政复〔${y}〕8号`,
      result: decided <= ref ? '维持' : '尚未审结',
      decidedDate: decided <= ref ? decided : null,
    });
  }
  return { publications: n, requests: made.length };
}

/** The 信息公开 step of `demo` / 载入示例数据. */
export const disclosureDemoStep: DemoStep = {
  name: '信息公开',
  async run(ctx, state) {
    const r = await seedDisclosureDemo(ctx, { year: state.year, today: state.today });
    return [
      `信息公开：发布登记 ${r.publications} 条，政府信息公开申请 ${r.requests} 件（含上年结转、补正、延期各1件），行政复议 1 件`,
    ];
  },
};
