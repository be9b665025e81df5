// Demo steps: the county's 政务公开工作要点 (上级文件) and the bureau's own 实施方案 answering it: its own tasks in its
// own 科室, each with a 牵头科室, a 责任人 and a time limit in the plan year, linked to the 要点 items it answers. The
// tasks' states follow their dated progress: a task is 已完成 once its completion day has come, so on a December day
// most are done, a few run to the year's end, and two are overdue with the reason written in their progress. Last
// year's plan (for 回头看) is built here too: its three unfinished tasks are carried into this year's plan.
import { isOverdue, type Deadline, type TaskStatus } from '../../../shared/domain/plan';
import type { WorkingDayCalendar } from '../../../shared/domain/working-days';
import { ErrorCode } from '../../../shared/ipc/errors';
import { AppError } from '../../../shared/ipc/result';
import { loadCalendar } from '../calendar';
import { carryForward, setLookbackReason } from '../selfcheck/lookback';
import { parsePointsSource, savePointsDocument } from '../points/documents';
import { createSection, getPlan, savePlan } from '../plan/plans';
import { createTask, getTask, listPlanTasks, updateTask } from '../plan/tasks';
import { addProgress } from '../plan/progress';
import type { AppContext } from '../workstation';
import { demoPublications, type DemoPublication } from './publications';
import { COUNTY_POINTS_ISSUED_MD, COUNTY_POINTS_ISSUER, countyPointsDocNumber, countyWorkPoints } from './sample-texts';
import { BUREAU_CONTACT, BUREAU_NAME, reviewerOn, workday, type DeptName } from './story';
import type { DemoState, DemoStep } from './types';

export const pointsDemoStep: DemoStep = {
  name: '上级要点',
  async run(ctx, state) {
    const y = state.year;
    const cal = await loadCalendar(ctx);
    const text = countyWorkPoints(y);
    const { file, parsed } = await parsePointsSource(ctx, { upload: null, pastedText: text }, y);
    const saved = await savePointsDocument(ctx, {
      file,
      sourceKind: 'paste',
      replaceDocumentId: null,
      items: parsed.items,
      meta: {
        title: parsed.title,
        docNumber: parsed.docNumber || countyPointsDocNumber(y),
        issuer: COUNTY_POINTS_ISSUER,
        issuedDate: workday(y, COUNTY_POINTS_ISSUED_MD, cal),
        year: y,
      },
    });
    if (saved.status !== 'saved')
      throw new AppError(ErrorCode.CONFLICT, `示例数据中的“${saved.replace.title}”已存在，未重复导入。`);
    state.documentIds.push(saved.document.id);
    return [`上级文件：${saved.document.title}（${saved.document.itemCount} 条要点）`];
  },
};

type DeadlineSpec =
  | { kind: 'date'; md: string; text: string }
  | { kind: 'yearEnd'; text: string }
  | { kind: 'quarterly'; text: string }
  | { kind: 'ongoing'; text: string };

interface ProgressSpec {
  md: string;
  text: string;
  percent?: number;
  /** The published item the entry points to (its page is the evidence). */
  pub?: string;
}

interface TaskSpec {
  title: string;
  measures: string;
  lead: DeptName;
  support?: DeptName[];
  owner: string;
  deadline: DeadlineSpec;
  /** Labels of the 要点 items the task answers. */
  points: string[];
  progress: ProgressSpec[];
  /** Completed on this day (once it has come); none for tasks still open at the year's end. */
  doneMd?: string;
}

const SECTIONS = (y: number): [string, TaskSpec[]][] => [
  [
    '加强科技政策发布解读',
    [
      {
        title: '公开年度科技工作要点和重点工作推进情况',
        measures: `3月底前在政府信息公开专栏“规划计划”栏目公开本局${y}年科技工作要点，7月底前公开上半年工作总结。`,
        lead: '办公室',
        owner: '杨帆',
        deadline: { kind: 'date', md: '07-31', text: '7月底前' },
        points: ['1'],
        progress: [
          {
            md: '03-18',
            text: `已在“规划计划”栏目公开《${BUREAU_NAME}${y}年科技工作要点》。`,
            percent: 50,
            pub: 'points',
          },
          {
            md: '07-24',
            text: `已公开《${BUREAU_NAME}${y}年上半年工作总结》，上半年重点工作进展按要求向社会公开。`,
            percent: 100,
            pub: 'half',
          },
        ],
        doneMd: '07-24',
      },
      {
        title: '做好本局行政规范性文件的政策解读',
        measures:
          '起草行政规范性文件时同步起草解读材料，与文件一并提交局务会审议；文件公开后3个工作日内发布文字解读，重要政策配发图解。',
        lead: '政策法规科',
        support: ['办公室'],
        owner: '郑佳慧',
        deadline: { kind: 'yearEnd', text: '年内' },
        points: ['2'],
        progress: [
          {
            md: '04-17',
            text: '《檀溪县科技创新券管理办法》公开当日发布文字解读，次日推出一图读懂，4月17日局长在县政府新闻发布会上解读。',
            percent: 50,
            pub: 'vouchers-fb',
          },
          {
            md: '08-14',
            text: '《科技特派员管理办法》公开当日同步发布解读，本年度制发的2件规范性文件均已同步解读。',
            percent: 100,
            pub: 'envoy-rules-jd',
          },
        ],
        doneMd: '08-14',
      },
      {
        title: '梳理公开现行有效惠企科技政策清单',
        measures:
          '分类梳理国家、省、市、县现行有效的科技创新惠企政策，9月底前在县政府门户网站“惠企政策”专栏和本局专栏集中公开，政策调整后及时更新。',
        lead: '高新技术与成果转化科',
        owner: '黄海涛',
        deadline: { kind: 'date', md: '09-30', text: '9月底前' },
        points: ['3'],
        progress: [
          {
            md: '06-30',
            text: '已梳理国家、省、市、县现行有效的惠企科技政策42项，正在逐项核对适用条件和兑现流程。',
            percent: 60,
          },
          {
            md: '09-18',
            text: '已在“惠企政策”专栏和本局专栏公开现行有效惠企科技政策清单，共收录政策42项。',
            percent: 100,
            pub: 'policies',
          },
        ],
        doneMd: '09-18',
      },
      {
        title: '开展科技政策宣讲进企业进园区活动',
        measures: '结合高新技术企业培育和科技型中小企业评价工作组织科技政策宣讲，年内宣讲不少于3场，11月底前完成。',
        lead: '高新技术与成果转化科',
        owner: '马晓东',
        deadline: { kind: 'date', md: '11-30', text: '11月底前' },
        points: ['3'],
        progress: [
          {
            md: '05-22',
            text: '结合科技活动周在县科技创新服务中心开展第一场政策宣讲，企业代表46人参加。',
            percent: 30,
          },
          {
            md: '09-10',
            text: '赴城东工业园区开展第二场政策宣讲，重点讲解研发费用加计扣除和科技创新券政策。',
            percent: 60,
          },
          { md: '11-26', text: '在城西产业园开展第三场政策宣讲，全年3场宣讲全部完成。', percent: 100, pub: 'talks' },
        ],
        doneMd: '11-26',
      },
    ],
  ],
  [
    '推进科技项目管理全流程公开',
    [
      {
        title: '公开县级科技计划项目申报指南和立项结果',
        measures: '发布项目申报通知时同步公开申报指南；立项结果经局务会审定后公示不少于5个工作日，6月底前完成。',
        lead: '高新技术与成果转化科',
        owner: '黄海涛',
        deadline: { kind: 'date', md: '06-30', text: '6月底前' },
        points: ['6'],
        progress: [
          {
            md: '03-05',
            text: `已发布《关于组织申报${y}年度县级科技计划项目的通知》，同步公开申报指南。`,
            percent: 40,
            pub: 'call',
          },
          {
            md: '06-18',
            text: `${y}年度县级科技计划项目立项结果已公示期满，公示期内未收到异议。`,
            percent: 100,
            pub: 'approved',
          },
        ],
        doneMd: '06-18',
      },
      {
        title: '公开县级科技计划项目验收结果',
        measures: '项目验收结论形成后20个工作日内公开验收结果，9月底前完成到期项目验收结果公开。',
        lead: '高新技术与成果转化科',
        owner: '马晓东',
        deadline: { kind: 'date', md: '09-30', text: '9月底前' },
        points: ['6'],
        progress: [
          {
            md: '08-27',
            text: `${y - 2}年度到期的18个县级科技计划项目已完成验收，验收结论经局务会审定。`,
            percent: 70,
          },
          {
            md: '10-16',
            text: '验收结果已公示；因公示材料报送滞后，距验收结论形成超过20个工作日，已列入自查整改。',
            percent: 100,
            pub: 'accepted',
          },
        ],
        doneMd: '10-16',
      },
      {
        title: '按季度公开科技特派员选派和服务情况',
        measures: '一季度公开年度科技特派员选派名单，此后每季度末公开特派员服务对象、服务内容和成效。',
        lead: '农村科技科',
        owner: '孙婧',
        deadline: { kind: 'quarterly', text: '每季度' },
        points: ['6'],
        progress: [
          { md: '03-25', text: `已在各乡镇便民服务中心公开栏公示${y}年度科技特派员选派名单（35名）。`, pub: 'envoys' },
          { md: '06-26', text: '已公开第二季度科技特派员服务情况。', pub: 'envoys-q2' },
          { md: '09-25', text: '已通过“檀溪发布”公开第三季度科技特派员服务情况。', pub: 'envoys-q3' },
          {
            md: '11-13',
            text: '特派员冬季设施农业技术服务情况已在“工作动态”栏目发布，第四季度服务情况12月底汇总公开。',
            pub: 'winter',
          },
        ],
      },
      {
        title: '公开科技型中小企业评价和高新技术企业培育入库信息',
        measures: '及时公开科技型中小企业评价工作通知，8月底前完成首批高新技术企业培育库入库名单公示。',
        lead: '高新技术与成果转化科',
        owner: '马晓东',
        deadline: { kind: 'date', md: '08-31', text: '8月底前' },
        points: ['6'],
        progress: [
          { md: '03-12', text: '已发布科技型中小企业评价工作通知。', percent: 40, pub: 'smes' },
          { md: '07-08', text: '首批高新技术企业培育库入库企业名单已公示。', percent: 100, pub: 'incubation' },
        ],
        doneMd: '07-08',
      },
    ],
  ],
  [
    '做好政务服务和监管信息公开',
    [
      {
        title: '动态调整公开权责清单和办事指南',
        measures:
          '对照法律法规立改废情况调整本局权责清单，同步更新技术合同认定登记等政务服务事项办事指南，6月底前完成。',
        lead: '政策法规科',
        owner: '郑佳慧',
        deadline: { kind: 'date', md: '06-30', text: '6月底前' },
        points: ['4'],
        progress: [
          {
            md: '06-25',
            text: '权责清单调整结果已在“机构职能”栏目和县政务服务网公开，3项办事指南已更新。',
            percent: 100,
            pub: 'powers',
          },
        ],
        doneMd: '06-25',
      },
      {
        title: '公开“双随机、一公开”抽查计划和抽查结果',
        measures: '4月底前公开年度抽查计划，抽查结束后20个工作日内公开抽查结果。',
        lead: '政策法规科',
        owner: '吴志刚',
        deadline: { kind: 'yearEnd', text: '年底前' },
        points: ['5'],
        progress: [
          { md: '04-21', text: '已公开本年度“双随机、一公开”抽查工作计划。', percent: 40, pub: 'inspections' },
          {
            md: '11-20',
            text: '已完成对12家企业科技项目资金使用情况的抽查，抽查结果正在汇总，12月底前公开。',
            percent: 70,
          },
        ],
      },
      {
        title: '做好建议提案办理结果公开',
        measures: '对本局承办的人大代表建议和政协委员提案，答复后20个工作日内公开答复全文。',
        lead: '办公室',
        support: ['农村科技科', '高新技术与成果转化科'],
        owner: '陈思远',
        deadline: { kind: 'date', md: '08-31', text: '8月底前' },
        points: ['7'],
        progress: [
          { md: '06-16', text: '县十八届人大五次会议第23号建议的答复全文已公开。', percent: 50, pub: 'motion' },
          {
            md: '07-03',
            text: '第41号提案答复全文已公开，本年度承办的2件建议提案答复均已公开。',
            percent: 100,
            pub: 'proposal',
          },
        ],
        doneMd: '07-03',
      },
    ],
  ],
  [
    '加强政务公开规范化建设',
    [
      {
        title: '按时发布上年度政府信息公开工作年度报告',
        measures: `按国务院办公厅规定的格式编制${y - 1}年度政府信息公开工作年度报告，经局长审定后1月31日前公开。`,
        lead: '办公室',
        owner: '刘雨婷',
        deadline: { kind: 'date', md: '01-31', text: '1月31日前' },
        points: ['9'],
        progress: [
          {
            md: '01-20',
            text: `${y - 1}年度政府信息公开工作年度报告经局长审定，已在“政府信息公开年报”栏目公开。`,
            percent: 100,
            pub: 'report',
          },
        ],
        doneMd: '01-20',
      },
      {
        title: '更新政府信息公开指南和主动公开目录',
        measures:
          '对照条例和本局职能调整修订政府信息公开指南，核对办公地址、咨询电话等要素，同步更新主动公开目录，6月底前完成。',
        lead: '办公室',
        owner: '刘雨婷',
        deadline: { kind: 'date', md: '06-30', text: '6月底前' },
        points: ['10'],
        progress: [
          {
            md: '05-15',
            text: `已发布《政府信息公开指南（${y}年修订）》，主动公开目录同步更新。`,
            percent: 100,
            pub: 'guide',
          },
        ],
        doneMd: '05-15',
      },
      {
        title: '开展行政规范性文件清理并公开现行有效文件目录',
        measures: '对本局制发的行政规范性文件逐件清理，清理结果经县司法局审核后，9月底前公开现行有效文件目录。',
        lead: '政策法规科',
        owner: '吴志刚',
        deadline: { kind: 'date', md: '09-30', text: '9月底前' },
        points: ['11'],
        progress: [
          {
            md: '08-20',
            text: '已完成本局行政规范性文件逐件清理，2019年印发的《檀溪县科技特派员管理办法》已由8月印发的新办法替代废止，清理结果已报县司法局审核。',
            percent: 70,
          },
          {
            md: '11-18',
            text: '县司法局正在汇总全县清理结果，尚未反馈审核意见，已书面催办；审核通过后即公开现行有效文件目录。',
            percent: 80,
          },
        ],
      },
      {
        title: '修订信息发布“三审”和保密审查制度',
        measures: '修订《信息发布审核和保密审查制度》，明确拟稿、审核、签发三个环节的责任人和时限，4月底前印发执行。',
        lead: '办公室',
        support: ['政策法规科'],
        owner: '陈思远',
        deadline: { kind: 'date', md: '04-30', text: '4月底前' },
        points: ['12'],
        progress: [{ md: '04-24', text: '修订后的《信息发布审核和保密审查制度》经局务会审定印发执行。', percent: 100 }],
        doneMd: '04-24',
      },
    ],
  ],
  [
    '强化组织保障',
    [
      {
        title: '调整政务公开工作领导小组和AB岗人员',
        measures:
          '调整局政务公开工作领导小组，明确分管负责同志，确定各岗位A岗、B岗人员；人员调整后5个工作日内报县政府办公室备案。',
        lead: '办公室',
        owner: '陈思远',
        deadline: { kind: 'date', md: '03-31', text: '3月底前' },
        points: ['13'],
        progress: [
          {
            md: '03-13',
            text: `已调整局政务公开工作领导小组，局长${BUREAU_CONTACT.head}任组长，7个岗位的A岗、B岗人员名单已报县政府办公室备案。`,
            percent: 100,
          },
        ],
        doneMd: '03-13',
      },
      {
        title: '组织政务公开专题培训',
        measures: '6月底前组织全局干部职工参加政务公开专题培训，培训有通知、签到表和培训材料。',
        lead: '办公室',
        owner: '陈思远',
        deadline: { kind: 'date', md: '06-30', text: '6月底前' },
        points: ['14'],
        progress: [
          {
            md: '04-23',
            text: `已组织全局干部职工开展${y}年度政务公开专题培训，学习全县政务公开工作要点和信息发布审核要求。`,
            percent: 100,
          },
        ],
        doneMd: '04-23',
      },
      {
        title: '加强政务舆情监测和回应',
        measures: '明确专人每日查看县政府网站留言和12345热线转办件，涉及本局的政务舆情1个工作日内研判、及时回应。',
        lead: '办公室',
        owner: '刘雨婷',
        deadline: { kind: 'ongoing', text: '持续推进' },
        points: ['15'],
        progress: [
          { md: '06-30', text: '上半年办理12345热线转办件8件，均按时办结，未发生涉及本局的负面政务舆情。' },
          { md: '11-30', text: '1—11月办理12345热线转办件14件，均按时办结。' },
        ],
      },
      {
        title: '开展年度政务公开自查和“回头看”',
        measures:
          '12月上旬对照县政务公开考核评分细则开展自查，对上年度实施方案开展“回头看”，12月20日前形成自查报告报县政府办公室。',
        lead: '办公室',
        owner: '陈思远',
        deadline: { kind: 'date', md: '12-20', text: '12月20日前' },
        points: ['16'],
        progress: [
          { md: '12-04', text: '已对照县考核评分细则逐项自评，正在整理佐证材料、起草自查报告。', percent: 60 },
        ],
      },
    ],
  ],
];

/** Last year's unfinished tasks, carried into this year's plan (回头看), with how this year went. */
const CARRIED: Record<string, Omit<TaskSpec, 'title' | 'measures' | 'lead'>> = {
  '举办“科技开放日”政府开放活动': {
    owner: '徐文斌',
    deadline: { kind: 'date', md: '06-30', text: '6月底前' },
    points: ['8'],
    progress: [
      { md: '04-28', text: '县科技创新服务中心展厅改造工程因设计变更延期，开放日推迟到展厅完工后举办。', percent: 20 },
      {
        md: '11-16',
        text: '展厅改造已于11月上旬完工验收，开放日活动方案已报局务会审定，拟于12月中旬举办。',
        percent: 50,
      },
    ],
  },
  门户网站政务公开专栏迁移至县政府网站集约化平台: {
    owner: '刘雨婷',
    deadline: { kind: 'date', md: '03-31', text: '3月底前' },
    points: ['10'],
    progress: [
      { md: '03-27', text: '政务公开专栏已迁移至县政府网站集约化平台，2022年以来的信息已逐条校对。', percent: 100 },
    ],
    doneMd: '03-27',
  },
  修订依申请公开办理规程: {
    owner: '郑佳慧',
    deadline: { kind: 'date', md: '06-30', text: '6月底前' },
    points: ['12'],
    progress: [
      { md: '06-12', text: '已修订《依申请公开办理规程》，统一答复文书样式，经局务会审定后执行。', percent: 100 },
    ],
    doneMd: '06-12',
  },
};

function deadlineOf(d: DeadlineSpec, y: number): Deadline {
  const none = { date: null, recurrence: null, days: null };
  switch (d.kind) {
    case 'date':
      return { ...none, kind: 'date', date: `${y}-${d.md}`, text: d.text };
    case 'yearEnd':
      return { ...none, kind: 'yearEnd', text: d.text };
    case 'quarterly':
      return { ...none, kind: 'recurring', recurrence: 'quarterly', text: d.text };
    case 'ongoing':
      return { ...none, kind: 'ongoing', text: d.text };
  }
}

interface Built {
  sectionId: number;
  title: string;
  measures: string;
  leadIds: number[];
  supportIds: number[];
}

/** Writes a task's state as of today and its progress entries that have happened. */
function stateOf(spec: TaskSpec, y: number, today: string, cal: WorkingDayCalendar) {
  const done = spec.doneMd ? workday(y, spec.doneMd, cal) : null;
  const entries = spec.progress
    .map((p) => ({ ...p, date: workday(y, p.md, cal) }))
    .filter((p) => p.date <= today && (!done || p.date <= done));
  const status: TaskStatus = done && done <= today ? '已完成' : entries.length ? '进行中' : '未开始';
  return { status, completedOn: status === '已完成' ? done : null, entries };
}

async function writeTask(
  ctx: AppContext,
  state: DemoState,
  cal: WorkingDayCalendar,
  pubs: Map<string, DemoPublication>,
  pointIds: Map<string, number>,
  spec: TaskSpec,
  built: Built,
  existingId: number | null,
): Promise<{ progress: number }> {
  const y = state.year;
  const s = stateOf(spec, y, state.today, cal);
  const input = {
    sectionId: built.sectionId,
    title: built.title,
    measures: built.measures,
    deadline: deadlineOf(spec.deadline, y),
    status: s.status,
    completedOn: s.completedOn,
    ownerId: state.people.get(spec.owner)!,
    leadIds: built.leadIds,
    supportIds: built.supportIds,
    pointIds: spec.points.map((p) => pointIds.get(p)!),
  };
  const task = existingId === null ? await createTask(ctx, input) : await updateTask(ctx, existingId, input);
  for (const p of s.entries) {
    const pub = p.pub ? pubs.get(p.pub) : undefined;
    await addProgress(ctx, {
      taskId: task.id,
      date: p.date,
      text: p.text,
      percent: p.percent ?? null,
      files: [],
      links: pub?.link ? [{ title: pub.title, url: pub.link }] : [],
    });
  }
  return { progress: s.entries.length };
}

export const planDemoStep: DemoStep = {
  name: '实施方案与任务',
  async run(ctx, state) {
    const y = state.year;
    const cal = await loadCalendar(ctx);
    const last = await lastYearPlan(ctx, state);
    const pubs = new Map(demoPublications(y, y, cal, (d) => reviewerOn(d, y, cal)).map((p) => [p.key, p]));
    const docId = state.documentIds[0];
    const pointIds = new Map(
      (
        await ctx.db
          .selectFrom('work_point')
          .select(['id', 'label'])
          .where('document_id', '=', docId)
          .where('level', '=', 3)
          .execute()
      ).map((p) => [p.label, p.id]),
    );
    const doc = await ctx.db
      .selectFrom('source_document')
      .select(['title', 'doc_number'])
      .where('id', '=', docId)
      .executeTakeFirstOrThrow();
    await savePlan(ctx, y, {
      title: `${BUREAU_NAME}${y}年政务公开工作实施方案`,
      docNumber: `檀科发〔${y}〕5号`,
      docDate: workday(y, '03-10', cal),
      intro:
        `为深入贯彻落实《${doc.title}》（${doc.doc_number}）精神，进一步做好我局${y}年政务公开工作，` +
        '围绕科技创新中心工作，以公开促落实、以公开促规范、以公开促服务，结合工作实际，制定本方案。',
      closing: [
        {
          heading: '加强组织领导',
          text: `局政务公开工作领导小组统筹推进各项任务落实，局长${BUREAU_CONTACT.head}同志负总责，副局长${BUREAU_CONTACT.leader}同志分管政务公开工作，办公室牵头协调，各科室明确一名信息员，确保任务落到实处。`,
        },
        {
          heading: '强化督促检查',
          text: '办公室每季度调度一次任务落实情况，12月对照县政务公开考核评分细则开展自查和“回头看”，检查结果纳入科室年度考核。',
        },
      ],
      signatureOrg: BUREAU_NAME,
      issue: { head: true, sealed: true, note: '此件主动公开', imprintIssuer: `${BUREAU_NAME}办公室` },
    });
    const plan = (await getPlan(ctx, y))!;
    await ctx.db.insertInto('plan_source').values({ plan_id: plan.id, document_id: docId }).execute();
    const dept = (n: DeptName) => state.departments.get(n)!;
    let progress = 0;
    for (const [title, tasks] of SECTIONS(y)) {
      const sectionId = (await createSection(ctx, y, title)).sections.find((s) => s.title === title)!.id;
      for (const t of tasks) {
        const r = await writeTask(
          ctx,
          state,
          cal,
          pubs,
          pointIds,
          t,
          {
            sectionId,
            title: t.title,
            measures: t.measures,
            leadIds: [dept(t.lead)],
            supportIds: (t.support ?? []).map(dept),
          },
          null,
        );
        progress += r.progress;
      }
    }
    // 回头看 when the plan was made: last year's unfinished tasks carried into this year's plan.
    for (const lastId of last.unfinished) {
      const { taskId } = await carryForward(ctx, { taskId: lastId, year: y });
      const carried = await getTask(ctx, taskId);
      const spec = CARRIED[carried.title];
      const r = await writeTask(
        ctx,
        state,
        cal,
        pubs,
        pointIds,
        { ...spec, title: carried.title, measures: carried.measures, lead: carried.lead[0].name as DeptName },
        {
          sectionId: carried.sectionId,
          title: carried.title,
          measures: carried.measures,
          leadIds: carried.lead.map((d) => d.id),
          supportIds: carried.support.map((d) => d.id),
        },
        taskId,
      );
      progress += r.progress;
    }
    const all = await listPlanTasks(ctx, plan.id);
    const overdue = all.filter(isOverdue).length;
    const done = all.filter((t) => t.status === '已完成').length;
    const sections = new Set(all.map((t) => t.sectionId)).size;
    return [
      `实施方案：${sections} 个章节、${all.length} 项任务（每项任务都有牵头科室和责任人）`,
      `进展记录 ${progress} 条，已完成任务 ${done} 项，逾期任务 ${overdue} 项`,
      `${y - 1}年实施方案 ${last.tasks} 项任务（供“回头看”），其中未完成的 ${last.unfinished.length} 项已结转到${y}年方案`,
    ];
  },
};

interface LastYearTask {
  title: string;
  measures: string;
  lead: DeptName;
  owner: string;
  due: string | null;
  status: TaskStatus;
  completedOn?: string;
  reason?: string;
  naReason?: string;
}

/** Last year's plan as the bureau closed it: on time, late with reasons, unfinished with reasons, one 不适用. */
async function lastYearPlan(ctx: AppContext, state: DemoState): Promise<{ tasks: number; unfinished: number[] }> {
  const last = state.year - 1;
  const d = (md: string) => `${last}-${md}`;
  const sections: [string, LastYearTask[]][] = [
    [
      '推进重点领域信息公开',
      [
        {
          title: '公开年度科技计划项目立项和资金安排信息',
          measures: '项目立项、资金下达后20个工作日内在政府信息公开专栏“通知公告”栏目公开。',
          lead: '高新技术与成果转化科',
          owner: '黄海涛',
          due: d('06-30'),
          status: '已完成',
          completedOn: d('06-18'),
        },
        {
          title: '公开科技特派员选派和服务情况',
          measures: '公开科技特派员名单、服务对象和服务成效，按季度更新。',
          lead: '农村科技科',
          owner: '赵国庆',
          due: d('09-30'),
          status: '已完成',
          completedOn: d('10-23'),
          reason: '特派员名单须经县委组织部复核后才能公开，复核于10月中旬完成。',
        },
        {
          title: '做好高新技术企业认定政策的解读和宣传',
          measures: '以图解、问答等形式解读认定政策，到重点园区开展政策宣讲。',
          lead: '高新技术与成果转化科',
          owner: '马晓东',
          due: null,
          status: '已完成',
          completedOn: d('11-26'),
        },
      ],
    ],
    [
      '加强政策解读和回应关切',
      [
        {
          title: '规范性文件与解读材料同步起草、同步审签、同步发布',
          measures: '起草规范性文件时同步起草解读材料，一并提交局务会审议。',
          lead: '政策法规科',
          owner: '吴志刚',
          due: null,
          status: '已完成',
          completedOn: d('12-12'),
        },
        {
          title: '举办“科技开放日”政府开放活动',
          measures: '邀请企业代表、群众走进县科技创新服务中心，了解科技政策和服务事项。',
          lead: '科技人才与合作科',
          owner: '徐文斌',
          due: d('10-31'),
          status: '进行中',
          reason: '县科技创新服务中心展厅改造延期，活动推迟到次年举办。',
        },
      ],
    ],
    [
      '加强平台建设和基础工作',
      [
        {
          title: '梳理更新科技领域基层政务公开标准目录',
          measures: '对照省级标准目录，逐项梳理公开事项、公开时限和公开主体。',
          lead: '办公室',
          owner: '陈思远',
          due: d('08-31'),
          status: '已完成',
          completedOn: d('09-14'),
          reason: '省级标准目录修订稿8月下旬才下发，梳理工作相应顺延。',
        },
        {
          title: '门户网站政务公开专栏迁移至县政府网站集约化平台',
          measures: '配合县政务服务和大数据管理局完成栏目迁移、历史信息校对和链接检查。',
          lead: '办公室',
          owner: '刘雨婷',
          due: d('11-30'),
          status: '进行中',
          reason: '县集约化平台二期未按计划上线，历史信息尚未完成迁移校对。',
        },
        {
          title: '修订依申请公开办理规程',
          measures: '按现行条例修订受理、补正、延期、答复各环节要求和文书样式。',
          lead: '政策法规科',
          owner: '郑佳慧',
          due: d('12-31'),
          status: '未开始',
          reason: '未列入局务会议题，年内未启动修订。',
        },
        {
          title: '做好本单位政务新媒体账号的内容保障',
          measures: '每周至少更新一次，建立内容审核台账。',
          lead: '办公室',
          owner: '刘雨婷',
          due: null,
          status: '不适用',
          naReason: '本局未开设政务新媒体账号，相关信息通过县政府政务新媒体“檀溪发布”发布。',
        },
      ],
    ],
  ];
  let tasks = 0;
  const unfinished: number[] = [];
  for (const [title, list] of sections) {
    const plan = await createSection(ctx, last, title);
    const sectionId = plan.sections.find((x) => x.title === title)!.id;
    for (const t of list) {
      const created = await createTask(ctx, {
        sectionId,
        title: t.title,
        measures: t.measures,
        deadline: t.due
          ? { kind: 'date', date: t.due, recurrence: null, days: null, text: '' }
          : { kind: 'yearEnd', date: null, recurrence: null, days: null, text: '年底前' },
        status: t.status,
        completedOn: t.completedOn ?? null,
        statusReason: t.naReason ?? '',
        ownerId: state.people.get(t.owner)!,
        leadIds: [state.departments.get(t.lead)!],
      });
      if (t.reason) await setLookbackReason(ctx, created.id, t.reason);
      tasks++;
      if (t.status === '进行中' || t.status === '未开始') unfinished.push(created.id);
    }
  }
  const plan = (await getPlan(ctx, last))!;
  await savePlan(ctx, last, {
    title: `${BUREAU_NAME}${last}年政务公开工作实施方案`,
    docNumber: `檀科发〔${last}〕4号`,
    docDate: d('03-10'),
    intro: plan.intro,
    closing: plan.closing,
    signatureOrg: BUREAU_NAME,
    issue: { head: true, sealed: true, note: '此件主动公开', imprintIssuer: `${BUREAU_NAME}办公室` },
  });
  return { tasks, unfinished };
}
