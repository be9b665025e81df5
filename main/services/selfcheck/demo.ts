// Demo data for 自查整改: the county's own 考核评分细则 for the year, a self-check whose every rating is what the
// year's records give (counted here from them: tasks past their time limit, items published late, 解读 later than 3
// working days, answers past their limit, 三审 gaps, 复议 corrected), evidence linked to those records, and the 整改
// items that follow: one from the first quarter's 测评 closed by the guide the register shows published, two from
// the self-check still being fixed. Last year's 整改 items not yet 销号 are here too (回头看).
import { todayOf } from '../../../shared/domain/dates';
import { isOverdue } from '../../../shared/domain/plan';
import { gradeText, ratedLabel, rectificationInputOf, type IndicatorInput } from '../../../shared/domain/selfcheck';
import { countWorkingDays, type WorkingDayCalendar } from '../../../shared/domain/working-days';
import { loadCalendar } from '../calendar';
import type { DemoState, DemoStep } from '../demo/types';
import { COUNTY, earlier, SITE, workday } from '../demo/story';
import { listPublications } from '../disclosure/publications';
import { listRequests } from '../disclosure/requests';
import { listPlanTasks, planIdOfYear } from '../plan/tasks';
import type { AppContext } from '../workstation';
import {
  addRectProgress,
  createRectification,
  getRectification,
  rectifyIndicator,
  signOffRectification,
  updateRectification,
} from './rectification';
import { addEvidence, getSelfcheck, saveEntry } from './scores';
import { saveTemplate } from './templates';

const pi = (deduct: number, unit: string) => ({ kind: 'perItem' as const, deduct, unit });

/** The county's 细则 (县直部门, 100 points and 5 bonus points), as its office would type it in. */
function countyIndicators(): IndicatorInput[] {
  return [
    {
      name: '组织保障',
      points: 12,
      children: [
        {
          name: '领导重视',
          points: 4,
          criteria: '主要负责同志年内至少听取1次政务公开工作汇报，明确1名负责同志分管政务公开工作。有得4分，无扣2分。',
          rule: { kind: 'fixed', absentDeduct: 2 },
        },
        {
          name: '机构人员',
          points: 4,
          criteria:
            '明确政务公开工作机构和工作人员，落实AB岗；人员调整后5个工作日内报县政府办公室备案。有得4分，无不得分。',
          rule: { kind: 'fixed', absentDeduct: null },
        },
        {
          name: '工作制度',
          points: 4,
          criteria: '建立信息发布审核、保密审查、依申请公开办理等制度，每缺一项扣1分。',
          rule: pi(1, '项'),
        },
      ],
    },
    {
      name: '主动公开',
      points: 38,
      children: [
        {
          name: '基础信息',
          points: 8,
          criteria:
            '机构职能、领导信息、权责清单、办公地址和联系方式等信息完整准确，每发现一处缺失或未及时更新扣1分，扣完为止。',
          rule: pi(1, '处'),
        },
        {
          name: '政策文件',
          points: 8,
          criteria: '以本部门名义制发的行政规范性文件在印发后20个工作日内公开并提供正式文本，每件不符合扣2分。',
          rule: pi(2, '件'),
        },
        {
          name: '政策解读',
          points: 8,
          criteria: '行政规范性文件的解读材料在文件公开后3个工作日内发布，每件未按时解读扣2分。',
          rule: pi(2, '件'),
        },
        {
          name: '重点领域信息',
          points: 8,
          criteria: '科技计划项目申报指南、立项、验收结果和科技特派员选派等信息公开完整，每缺一类扣2分。',
          rule: pi(2, '类'),
        },
        {
          name: '公开时效与要素',
          points: 6,
          criteria:
            '政府信息自形成或变更之日起20个工作日内公开，超期公开的每条扣1分；标题、发布机构等要素不全的每条扣1分。',
          rule: pi(1, '条'),
        },
      ],
    },
    {
      name: '依申请公开',
      points: 12,
      children: [
        {
          name: '受理办理',
          points: 8,
          criteria: '在法定期限内答复，超期答复的每件扣4分。',
          rule: pi(4, '件'),
        },
        {
          name: '答复规范',
          points: 4,
          criteria: '答复文书要素齐全、依据准确；因依申请公开引发行政复议、行政诉讼被纠错的每件扣2分。',
          rule: pi(2, '件'),
        },
      ],
    },
    {
      name: '平台建设',
      points: 18,
      children: [
        {
          name: '专栏栏目维护',
          points: 10,
          criteria: '政府信息公开专栏栏目设置规范、内容准确，出现空白栏目或内容错误的每个扣1分。',
          rule: pi(1, '个'),
        },
        {
          name: '政府信息公开工作年度报告',
          points: 8,
          criteria: '1月31日前公开上年度报告并按规定格式编制，未按时公开或要素不全的每项扣4分。',
          rule: pi(4, '项'),
        },
      ],
    },
    {
      name: '监督保障',
      points: 20,
      children: [
        {
          name: '培训',
          points: 6,
          criteria: '年内至少组织1次政务公开专题培训，有培训通知、签到表和培训材料。有得6分，无扣3分。',
          rule: { kind: 'fixed', absentDeduct: 3 },
        },
        {
          name: '保密审查',
          points: 6,
          criteria:
            '落实“先审后发”和保密审查，每条信息有拟稿、审核、签发记录；公开涉密信息、商业秘密或个人隐私的不得分。',
          rule: { kind: 'fixed', absentDeduct: null },
        },
        {
          name: '工作任务落实',
          points: 8,
          criteria: '落实年度政务公开工作要点和本部门实施方案，截至自查时超过完成时限仍未完成的任务，每项扣1分。',
          rule: pi(1, '项'),
        },
      ],
    },
    {
      name: '单项否决',
      points: 0,
      children: [
        {
          name: '发生泄密或发布严重错误信息',
          points: 0,
          criteria: '发生泄露国家秘密，或发布严重错误、虚假信息造成不良影响的，单项否决。',
          rule: { kind: 'veto' },
        },
      ],
    },
    {
      name: '加分项',
      points: 5,
      rule: { kind: 'bonus', perItem: null, threshold: 80, inclusive: false, unit: '次' },
      criteria: '基础得分超过80分方可计入加分。',
      children: [
        {
          name: '经验做法被推广或表彰',
          points: 3,
          criteria: '政务公开经验做法被市级以上推广或获表彰的，每次加1.5分。',
          rule: { kind: 'bonus', perItem: 1.5, threshold: null, inclusive: true, unit: '次' },
        },
        {
          name: '信息被上级平台采用',
          points: 2,
          criteria: '政务公开信息被市级以上平台采用的，每条加1分。',
          rule: { kind: 'bonus', perItem: 1, threshold: null, inclusive: true, unit: '条' },
        },
      ],
    },
  ];
}

/** What the year's records say, counted the way the 细则 counts. */
async function yearFindings(ctx: AppContext, year: number, cal: WorkingDayCalendar) {
  const pubs = await listPublications(ctx, { year });
  const byId = new Map(pubs.map((p) => [p.id, p]));
  const lateReadings = pubs.filter((p) => {
    const doc = p.interpretsId ? byId.get(p.interpretsId) : undefined;
    return p.interpretation && doc?.normative && countWorkingDays(doc.publishedDate, p.publishedDate, cal) > 3;
  });
  const planId = planIdOfYear(ctx, year);
  const tasks = planId === null ? [] : await listPlanTasks(ctx, planId);
  const requests = (await listRequests(ctx, { year })).filter((r) => r.answeredDate?.startsWith(String(year)));
  const corrected = await ctx.db
    .selectFrom('review')
    .select('id')
    .where('result', '=', '纠正')
    .where('decided_date', '>=', `${year}-01-01`)
    .execute();
  const reportOnTime = pubs.some(
    (p) => p.title.includes(`${year - 1}年政府信息公开工作年度报告`) && p.publishedDate <= `${year}-01-31`,
  );
  const special = await ctx.db
    .selectFrom('training')
    .select('id')
    .where('kind', '=', '政务公开专题培训')
    .where('status', '=', '已举办')
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .execute();
  return {
    pubs,
    late: pubs.filter((p) => p.late),
    lateReadings,
    reviewGaps: pubs.filter((p) => !p.reviewComplete),
    overdue: tasks.filter(isOverdue),
    tasks,
    lateAnswers: requests.filter((r) => r.deadline.state === '逾期办结'),
    corrected: corrected.length,
    reportOnTime,
    special: special.length,
  };
}

/** “…” around a title; its own quotes become ‘…’, as Chinese print nests them. */
const quote = (t: string) => `“${t.replace(/“/g, '‘').replace(/”/g, '’')}”`;
const quoteAll = (titles: string[]) => titles.map(quote).join('');

/** What the bureau did about each task that is past its time limit (the tasks' own latest progress says why). */
const OVERDUE_STEPS: Record<string, string> = {
  开展行政规范性文件清理并公开现行有效文件目录: '已书面催请县司法局反馈清理审核意见，审核通过后即公开现行有效文件目录',
  '举办“科技开放日”政府开放活动': '开放日活动方案已经局务会审定，定于12月中旬在县科技创新服务中心举办',
};

async function seedSelfcheckDemo(ctx: AppContext, state: DemoState): Promise<string[]> {
  const y = state.year;
  const today = todayOf(ctx);
  const cal = await loadCalendar(ctx);
  // The self-check is done in early December (or today, when the example is loaded before then).
  const checkedOn = earlier(today, workday(y, '12-04', cal));
  await saveTemplate(ctx, {
    year: y,
    title: `${COUNTY}${y}年度县直部门政务公开工作考核评分细则`,
    total: 100,
    indicators: countyIndicators(),
    source: 'manual',
  });
  const f = await yearFindings(ctx, y, cal);
  let v = await getSelfcheck(ctx, y);
  const id = (name: string) => v.rows.find((r) => r.name === name)!.id;
  const pubId = (key: (t: string) => boolean) => f.pubs.find((p) => key(p.title))?.id;
  const taskId = (key: (t: string) => boolean) => f.tasks.find((t) => key(t.title))?.id;
  const evidence = async (indicator: string, kind: 'publication' | 'task' | 'training' | 'ab_change', ref?: number) => {
    if (ref) await addEvidence(ctx, { indicatorId: id(indicator), kind, refId: ref });
  };

  // A fixed leaf is rated by saying whether it is missing (flag false: present, full marks); unsaved it is 未评.
  await saveEntry(ctx, { indicatorId: id('领导重视'), flag: false });
  await evidence(
    '领导重视',
    'task',
    taskId((t) => t.startsWith('调整政务公开工作领导小组')),
  );
  await saveEntry(ctx, { indicatorId: id('机构人员'), flag: false });
  const filed = await ctx.db
    .selectFrom('ab_change')
    .select('id')
    .where('filed_date', 'is not', null)
    .where('change_date', '>=', `${y}-01-01`)
    .executeTakeFirst();
  await evidence('机构人员', 'ab_change', filed?.id);
  await saveEntry(ctx, { indicatorId: id('工作制度'), count: 0 });
  await evidence(
    '工作制度',
    'task',
    taskId((t) => t.startsWith('修订信息发布')),
  );
  await evidence(
    '工作制度',
    'task',
    taskId((t) => t === '修订依申请公开办理规程'),
  );
  await saveEntry(ctx, { indicatorId: id('基础信息'), count: 0 });
  await evidence(
    '基础信息',
    'publication',
    pubId((t) => t.includes('权责清单')),
  );
  await evidence(
    '基础信息',
    'publication',
    pubId((t) => t.includes('政府信息公开指南')),
  );
  await saveEntry(ctx, { indicatorId: id('政策文件'), count: 0 });
  for (const p of f.pubs.filter((x) => x.normative)) await evidence('政策文件', 'publication', p.id);
  await saveEntry(ctx, {
    indicatorId: id('政策解读'),
    count: f.lateReadings.length,
    reason: f.lateReadings.length ? `${quoteAll(f.lateReadings.map((p) => p.title))}晚于文件3个工作日以上发布` : '',
  });
  for (const p of f.pubs.filter((x) => x.interpretation && x.interpretsId))
    await evidence('政策解读', 'publication', p.id);
  await saveEntry(ctx, { indicatorId: id('重点领域信息'), count: 0 });
  for (const k of ['立项公示', '验收结果公示', '科技特派员选派名单'])
    await evidence(
      '重点领域信息',
      'publication',
      pubId((t) => t.includes(k)),
    );
  const late = f.late[0];
  await saveEntry(ctx, {
    indicatorId: id('公开时效与要素'),
    count: f.late.length,
    reason: late
      ? `${quote(late.title)}${f.late.length > 1 ? `等${f.late.length}条信息` : ''}超过20个工作日才公开`
      : '',
    measure: late ? '建立信息公开时限提醒台账，业务科室在信息形成后5个工作日内报送办公室审核发布' : '',
  });
  if (late) await evidence('公开时效与要素', 'publication', late.id);
  await saveEntry(ctx, {
    indicatorId: id('受理办理'),
    count: f.lateAnswers.length,
    reason: f.lateAnswers.length ? `${f.lateAnswers.length}件申请超过法定期限答复` : '',
  });
  await saveEntry(ctx, { indicatorId: id('答复规范'), count: f.corrected });
  await saveEntry(ctx, { indicatorId: id('专栏栏目维护'), count: 0 });
  // Deducted only once the 1月31日 limit has passed without the report (early in the year it is not yet due).
  const reportMissed = !f.reportOnTime && today > `${y}-01-31`;
  await saveEntry(ctx, { indicatorId: id('政府信息公开工作年度报告'), count: reportMissed ? 1 : 0 });
  await evidence(
    '政府信息公开工作年度报告',
    'publication',
    pubId((t) => t.includes(`${y - 1}年政府信息公开工作年度报告`)),
  );
  // 年内至少1次: missed only when the year is nearly over without one.
  await saveEntry(ctx, { indicatorId: id('培训'), flag: f.special === 0 && today > `${y}-11-30` });
  const training = await ctx.db
    .selectFrom('training')
    .select('id')
    .where('kind', '=', '政务公开专题培训')
    .where('date', '>=', `${y}-01-01`)
    .executeTakeFirst();
  await evidence('培训', 'training', training?.id);
  await saveEntry(ctx, {
    indicatorId: id('保密审查'),
    flag: f.reviewGaps.length > 0,
    reason: f.reviewGaps.length ? `${f.reviewGaps.length}条信息缺少审核或签发记录` : '',
  });
  await evidence(
    '保密审查',
    'task',
    taskId((t) => t.startsWith('修订信息发布')),
  );
  await saveEntry(ctx, {
    indicatorId: id('工作任务落实'),
    count: f.overdue.length,
    reason: f.overdue.length ? `${f.overdue.length}项任务超过完成时限仍未完成` : '',
    measure: f.overdue.length ? '逐项明确完成时间，办公室每周调度一次，任务完成后再销号' : '',
  });
  for (const t of f.overdue) await evidence('工作任务落实', 'task', t.id);
  await saveEntry(ctx, { indicatorId: id('发生泄密或发布严重错误信息'), flag: false });
  // No bonus earned this year: rated as none, so the self-check is complete and has its grade.
  await saveEntry(ctx, { indicatorId: id('经验做法被推广或表彰'), count: 0 });
  await saveEntry(ctx, { indicatorId: id('信息被上级平台采用'), count: 0 });
  v = await getSelfcheck(ctx, y);

  const who = {
    leader: '周立新',
    departmentId: state.departments.get('办公室')!,
    ownerId: state.people.get('陈思远')!,
  };
  let items = 0;
  // The first quarter's 测评: the guide had the wrong address and phone; the register shows the revised one.
  const guide = f.pubs.find((p) => p.title.includes('政府信息公开指南'));
  const notified = workday(y, '04-22', cal);
  if (notified <= today) {
    const r = await createRectification(ctx, {
      year: y,
      source: '上级测评通报',
      // Raised against the 基础信息 indicator (办公地址和联系方式): the 自查报告 says so beside its full score.
      indicatorId: id('基础信息'),
      origin: `${y}年第一季度全县政务公开网上测评`,
      problem: '政府信息公开指南未按现行条例和本局职能调整情况更新，办公地址、咨询电话有误',
      measure: '对照现行条例修订政府信息公开指南，核对办公地址、咨询电话等要素后在政府信息公开专栏发布',
      kind: '限期整改',
      deadline: `${y}-05-31`,
      ...who,
      ownerId: state.people.get('刘雨婷')!,
    });
    items++;
    if (guide) {
      await addRectProgress(ctx, {
        rectificationId: r.id,
        date: guide.publishedDate,
        text: `《${guide.title.replace(/^.*?(政府信息公开指南)/, '$1')}》已在政府信息公开专栏发布，办公地址、咨询电话已更正。`,
        url: guide.link || null,
      });
      await updateRectification(ctx, r.id, {
        ...rectificationInputOf(await getRectification(ctx, r.id)),
        state: '已完成',
        completedOn: guide.publishedDate,
      });
      const closed = workday(y, '05-20', cal);
      if (closed <= today) await signOffRectification(ctx, { id: r.id, closedOn: closed, closedBy: '周立新' });
    }
  }
  // From the self-check: what lost points, being fixed now (short problems: the 总结 quotes them).
  const fromCheck: [string, string, string, string, string][] = [];
  if (late)
    fromCheck.push([
      '公开时效与要素',
      // "县级科技计划项目验收结果公示超期公开": the 总结 quotes a problem up to 24 characters.
      f.late.length > 1 ? `${f.late.length}条信息超期公开` : `${late.title.replace(/^\d{4}年度?/, '')}超期公开`,
      '建立信息公开时限提醒台账，每周核对报送情况',
      `${y}-12-31`,
      '已建立信息公开时限提醒台账，业务科室形成的信息逐条登记形成日期，办公室每周核对一次报送情况。',
    ]);
  if (f.overdue.length)
    fromCheck.push([
      '工作任务落实',
      `${f.overdue.length}项任务超过完成时限仍未完成`,
      '逐项明确完成时间，每周调度，完成后销号',
      `${y + 1}-01-31`,
      f.overdue
        .map((t) => `${quote(t.title)}：${OVERDUE_STEPS[t.title] ?? '牵头科室已明确完成时间，每周报告进展'}。`)
        .join(''),
    ]);
  for (const [indicator, problem, measure, deadline, progress] of fromCheck) {
    const r = await rectifyIndicator(ctx, { indicatorId: id(indicator), deadline });
    await updateRectification(ctx, r.id, { ...rectificationInputOf(r), problem, measure, ...who });
    // The 时限 ledger itself is the evidence: what was formed since the late item, and when it went out.
    const ledger = indicator === '公开时效与要素' && late ? timeLimitLedger(f.pubs, late.publishedDate) : null;
    await addRectProgress(ctx, {
      rectificationId: r.id,
      date: checkedOn,
      text: progress,
      files: ledger
        ? [{ fileName: '信息公开时限提醒台账.txt', dataBase64: Buffer.from(ledger).toString('base64') }]
        : [],
      url: ledger ? `${SITE}zwgk/` : null,
    });
    items++;
  }
  const lb = await seedLastYearRectifications(ctx, state, cal);
  return [
    `自查整改：${y}年度自评 ${v.total} 分（满分 ${v.maxBase} 分，另设加分 ${v.maxBonus} 分；${ratedLabel(v.scoredLeaves, v.leaves)}，${gradeText(v) ?? '未评完，暂无等次'}），扣分全部来自记录：逾期任务 ${f.overdue.length} 项、超期公开 ${f.late.length} 条；整改事项 ${items} 项`,
    `回头看：${y - 1}年未销号整改事项 ${lb} 项`,
  ];
}

/**
 * Last year's 整改 items still open: one still being fixed (解读 forms: this year's 图解 and 新闻发布会 are there, no
 * video yet, which the 年报 says too), one done and awaiting 销号.
 */
async function seedLastYearRectifications(ctx: AppContext, state: DemoState, cal: WorkingDayCalendar): Promise<number> {
  const last = state.year - 1;
  const who = {
    leader: '周立新',
    departmentId: state.departments.get('办公室')!,
    ownerId: state.people.get('刘雨婷')!,
  };
  const fixing = await createRectification(ctx, {
    year: last,
    source: '第三方评估',
    origin: `${last}年度全县政务公开第三方评估`,
    problem: '政策解读形式单一，缺少图解、视频等解读形式',
    measure: '重要政策文件配发图解、视频或通过新闻发布会解读',
    kind: '限期整改',
    deadline: `${last}-12-31`,
    ...who,
  });
  await addRectProgress(ctx, {
    rectificationId: fixing.id,
    date: workday(last, '11-26', cal),
    text: '已对高新技术企业认定政策制作图解问答，通过“檀溪发布”推送。',
  });
  const later = workday(state.year, '04-17', cal);
  if (later <= state.today)
    await addRectProgress(ctx, {
      rectificationId: fixing.id,
      date: later,
      text: '《檀溪县科技创新券管理办法》已配发一图读懂，并由局长在县政府新闻发布会上解读；视频解读尚未开展。',
    });
  await createRectification(ctx, {
    year: last,
    source: '自查',
    origin: '主动公开 / 公开时效与要素',
    problem: '“通知公告”栏目部分信息缺少发布机构和成文日期要素',
    measure: '逐条补录信息要素，发布前由科室负责人核对要素',
    kind: '立行立改',
    state: '已完成',
    completedOn: workday(last, '12-15', cal),
    ...who,
  });
  return 2;
}

/** The 信息公开时限提醒台账 as the office keeps it: each item published after `since`, formed and published days. */
function timeLimitLedger(pubs: Awaited<ReturnType<typeof listPublications>>, since: string): string {
  const rows = pubs
    .filter((p) => p.publishedDate > since && p.formedDate)
    .sort((a, b) => a.publishedDate.localeCompare(b.publishedDate))
    .map((p, i) => `${i + 1}\t${p.title}\t${p.formedDate}\t${p.publishedDate}\t${p.publishDelay}个工作日`);
  return ['信息公开时限提醒台账', '序号\t信息名称\t形成日期\t发布日期\t间隔', ...rows, ''].join('\n');
}

export const selfcheckDemoStep: DemoStep = {
  name: '自查整改',
  run: (ctx, state) => seedSelfcheckDemo(ctx, state),
};
