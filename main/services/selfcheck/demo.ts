// Demo data for 自查整改: the year's template from the built-in starter, a scored self-check with deductions and
// evidence linked to the year's trainings and tasks, and 整改 items in every state (未开始, 整改中, 逾期, 已完成,
// 已销号, one fixed by a 情况说明). Runs after the plan and team steps so there is something to link. Also last
// year's plan as a 县科技局 would have left it (tasks done on time, done late, unfinished with reasons, one not
// applicable) and last year's 整改 items not yet 销号, so 回头看 has every kind to show.
import { addDays } from '../../../shared/domain/working-days';
import type { DemoStep } from '../demo/types';
import type { AppContext } from '../workstation';
import {
  createRectification,
  rectifyIndicator,
  addRectProgress,
  signOffRectification,
  updateRectification,
  getRectification,
} from './rectification';
import { addEvidence, getSelfcheck, saveEntry } from './scores';
import { useStarterTemplate } from './templates';
import { createSection } from '../plan/plans';
import { createTask } from '../plan/tasks';
import { setLookbackReason } from './lookback';
import type { TaskStatus } from '../../../shared/domain/plan';

async function seedSelfcheckDemo(ctx: AppContext, year: number, today: string): Promise<string[]> {
  await useStarterTemplate(ctx, year);
  let v = await getSelfcheck(ctx, year);
  const id = (name: string) => v.rows.find((r) => r.name === name)!.id;
  await saveEntry(ctx, {
    indicatorId: id('工作制度'),
    count: 1,
    reason: '未制定政务公开责任追究制度',
    measure: '制定《政务公开工作责任追究办法》并经局务会审定',
  });
  await saveEntry(ctx, {
    indicatorId: id('政策解读'),
    count: 1,
    reason: '1件规范性文件的解读材料晚于文件5个工作日发布',
    measure: '建立文件与解读同步审签、同步发布机制',
  });
  await saveEntry(ctx, {
    indicatorId: id('网站栏目更新'),
    count: 2,
    reason: '“工作动态”“通知公告”2个栏目超过半个月未更新',
    measure: '明确栏目责任人，每周巡查一次',
  });
  await saveEntry(ctx, { indicatorId: id('重点领域信息'), score: 6, reason: '科技项目评审结果公开不够及时' });
  await saveEntry(ctx, { indicatorId: id('领导重视'), flag: false, reason: '局务会研究政务公开工作2次' });
  await saveEntry(ctx, {
    indicatorId: id('经验做法被推广或表彰'),
    count: 1,
    reason: '科技特派员服务信息公开做法被市政务公开办推广',
  });
  const training = await ctx.db
    .selectFrom('training')
    .select('id')
    .where('date', '>=', `${year}-01-01`)
    .where('status', '=', '已举办')
    .orderBy('date')
    .executeTakeFirst();
  if (training) await addEvidence(ctx, { indicatorId: id('培训'), kind: 'training', refId: training.id });
  const task = await ctx.db
    .selectFrom('plan_task as t')
    .innerJoin('plan as p', 'p.id', 't.plan_id')
    .select('t.id')
    .where('p.year', '=', year)
    .where('t.title', 'like', '%解读%')
    .executeTakeFirst();
  if (task) await addEvidence(ctx, { indicatorId: id('政策解读'), kind: 'task', refId: task.id });
  await addEvidence(ctx, {
    indicatorId: id('基础信息'),
    kind: 'link',
    url: 'https://www.example.gov.cn/zwgk/jgzn/',
    title: '门户网站“机构职能”栏目',
  });
  v = await getSelfcheck(ctx, year);

  const dept = await ctx.db.selectFrom('department').select(['id', 'name']).orderBy('sort_order').executeTakeFirst();
  const owner = dept
    ? await ctx.db.selectFrom('staff').select('id').where('department_id', '=', dept.id).executeTakeFirst()
    : undefined;
  const who = { leader: '分管副局长', departmentId: dept?.id ?? null, ownerId: owner?.id ?? null };
  const past = (n: number) => addDays(today, -n);
  const monthAgo = past(30) < `${year}-01-01` ? `${year}-01-02` : past(30);

  // 未开始: 政策解读, straight from the self-check.
  const notStarted = await rectifyIndicator(ctx, { indicatorId: id('政策解读'), deadline: addDays(today, 20) });
  await updateRectification(ctx, notStarted.id, { ...editable(notStarted), ...who });
  // 整改中 with progress: 网站栏目更新.
  const inProgress = await rectifyIndicator(ctx, { indicatorId: id('网站栏目更新'), deadline: addDays(today, 10) });
  await updateRectification(ctx, inProgress.id, { ...editable(inProgress), ...who, state: '整改中' });
  await addRectProgress(ctx, {
    rectificationId: inProgress.id,
    date: past(2) < `${year}-01-01` ? today : past(2),
    text: '已补发两个栏目的信息，正在落实每周巡查',
    files: [
      {
        fileName: '网站栏目巡查记录表.txt',
        dataBase64: Buffer.from('网站栏目巡查记录表\n工作动态：已补发3条\n通知公告：已补发2条\n').toString('base64'),
      },
    ],
    url: 'https://www.example.gov.cn/zwgk/gzdt/',
  });
  // 已完成, awaiting 销号: 工作制度.
  const done = await rectifyIndicator(ctx, { indicatorId: id('工作制度'), deadline: null });
  await updateRectification(ctx, done.id, {
    ...editable(done),
    ...who,
    kind: '立行立改',
    state: '已完成',
    completedOn: today,
  });
  // 已销号: from the quarterly 测评通报.
  const closed = await createRectification(ctx, {
    year,
    source: '上级测评通报',
    origin: '第二季度政务公开网上测评',
    problem: '政府信息公开指南未按新条例更新',
    measure: '按《政府信息公开条例》修订公开指南并在门户网站发布',
    kind: '限期整改',
    deadline: monthAgo,
    ...who,
  });
  await updateRectification(ctx, closed.id, {
    ...editable(await getRectification(ctx, closed.id)),
    state: '已完成',
    completedOn: monthAgo,
  });
  await signOffRectification(ctx, {
    id: closed.id,
    closedOn: addDays(monthAgo, 1) > today ? today : addDays(monthAgo, 1),
    closedBy: '王局长',
  });
  // 逾期: a 第三方评估 finding past its deadline.
  await createRectification(ctx, {
    year,
    source: '第三方评估',
    origin: '政策解读',
    problem: '政策解读形式单一，缺少图解、视频等形式',
    measure: '对重要政策制作图解和短视频解读',
    kind: '限期整改',
    deadline: past(3) < `${year}-01-01` ? today : past(3),
    state: '整改中',
    ...who,
  });
  // A 情况说明 as the fix (nothing occurred that year).
  const note = await createRectification(ctx, {
    year,
    source: '上级测评通报',
    problem: '“人大代表建议和政协委员提案办理”栏目为空',
    measure: '本年度未承办建议提案，发布情况说明',
    kind: '立行立改',
    state: '已完成',
    completedOn: today,
    explanation: true,
    ...who,
  });
  await signOffRectification(ctx, { id: note.id, closedOn: today, closedBy: '王局长' });
  const lb = await seedLookbackDemo(ctx, year, who);
  return [
    `自查整改：${year}年度自查已评 ${v.scoredLeaves}/${v.leaves} 项指标，${v.grade === null ? `已评指标得分 ${v.total} 分（未评完，不定等次）` : `自评 ${v.total} 分（${v.grade}）`}，整改事项 6 项（未开始、整改中、逾期、已完成、已销号各有）`,
    `回头看：${year - 1}年实施方案 ${lb.tasks} 项任务（按期完成 ${lb.onTime}、逾期完成 ${lb.late}、未完成 ${lb.unfinished}、不适用 ${lb.na}），${year - 1}年未销号整改事项 ${lb.open} 项`,
  ];
}

interface LastYearTask {
  title: string;
  measures: string;
  due: string | null;
  status: TaskStatus;
  completedOn?: string;
  reason?: string;
  naReason?: string;
}

/** Last year's plan, as the bureau closed it, and last year's 整改 items still open. */
async function seedLookbackDemo(
  ctx: AppContext,
  year: number,
  who: { leader: string; departmentId: number | null; ownerId: number | null },
) {
  const last = year - 1;
  const d = (md: string) => `${last}-${md}`;
  const sections: [string, LastYearTask[]][] = [
    [
      '一、推进重点领域信息公开',
      [
        {
          title: '公开年度科技计划项目立项和资金安排信息',
          measures: '项目立项、资金下达后20个工作日内在门户网站“科技项目”栏目公开。',
          due: d('06-30'),
          status: '已完成',
          completedOn: d('06-18'),
        },
        {
          title: '公开科技特派员选派和服务情况',
          measures: '公开科技特派员名单、服务对象和服务成效，按季度更新。',
          due: d('09-30'),
          status: '已完成',
          completedOn: d('10-23'),
          reason: '特派员名单须经县委组织部复核后才能公开，复核于10月中旬完成。',
        },
        {
          title: '做好高新技术企业认定政策的解读和宣传',
          measures: '以图解、问答等形式解读认定政策，到重点园区开展政策宣讲。',
          due: null,
          status: '已完成',
          completedOn: d('11-26'),
        },
      ],
    ],
    [
      '二、加强政策解读和回应关切',
      [
        {
          title: '规范性文件与解读材料同步起草、同步审签、同步发布',
          measures: '起草规范性文件时同步起草解读材料，一并提交局务会审议。',
          due: null,
          status: '已完成',
          completedOn: d('12-12'),
        },
        {
          title: '举办“科技开放日”政府开放活动',
          measures: '邀请企业代表、群众走进县科技创新服务中心，了解科技政策和服务事项。',
          due: d('10-31'),
          status: '进行中',
          reason: '科技创新服务中心展厅改造延期，活动推迟到今年上半年举办。',
        },
      ],
    ],
    [
      '三、加强平台建设和基础工作',
      [
        {
          title: '梳理更新科技领域基层政务公开标准目录',
          measures: '对照省级标准目录，逐项梳理公开事项、公开时限和公开主体。',
          due: d('08-31'),
          status: '已完成',
          completedOn: d('09-14'),
          reason: '省级标准目录修订稿8月下旬才下发，梳理工作相应顺延。',
        },
        {
          title: '门户网站政务公开专栏迁移至县政府网站集约化平台',
          measures: '配合县政务服务数据管理局完成栏目迁移、历史信息校对和链接检查。',
          due: d('11-30'),
          status: '进行中',
          reason: '县集约化平台二期未按计划上线，历史信息尚未完成迁移校对。',
        },
        {
          title: '修订依申请公开办理规程',
          measures: '按新条例修订受理、补正、延期、答复各环节要求和文书样式。',
          due: d('12-31'),
          status: '未开始',
          reason: '未列入局务会议题，年内未启动修订。',
        },
        {
          title: '做好本单位政务新媒体账号的内容保障',
          measures: '每周至少更新一次，建立内容审核台账。',
          due: null,
          status: '不适用',
          naReason: '本局未开设政务新媒体账号，相关信息通过县政府政务新媒体发布。',
        },
      ],
    ],
  ];
  // Lead 科室 in turn, as a bureau shares out its plan.
  const depts = (await ctx.db.selectFrom('department').select('id').orderBy('sort_order').execute()).map((x) => x.id);
  let k = 0;
  const counts = { tasks: 0, onTime: 0, late: 0, unfinished: 0, na: 0, open: 0 };
  for (const [title, tasks] of sections) {
    const plan = await createSection(ctx, last, title);
    const sectionId = plan.sections.find((x) => x.title === title)!.id;
    for (const t of tasks) {
      const created = await createTask(ctx, {
        sectionId,
        title: t.title,
        measures: t.measures,
        deadline: t.due ? { kind: 'date', date: t.due, text: '' } : { kind: 'yearEnd', text: '年底前' },
        status: t.status,
        completedOn: t.completedOn ?? null,
        statusReason: t.naReason ?? '',
        leadIds: depts.length ? [depts[k++ % depts.length]] : [],
      });
      if (t.reason) await setLookbackReason(ctx, created.id, t.reason);
      counts.tasks++;
      if (t.status === '不适用') counts.na++;
      else if (t.status !== '已完成') counts.unfinished++;
      else if (t.due && t.completedOn! > t.due) counts.late++;
      else counts.onTime++;
    }
  }
  // Last year's 整改 items still open: one still being fixed (past its deadline), one done and awaiting 销号.
  const fixing = await createRectification(ctx, {
    year: last,
    source: '上级测评通报',
    origin: `${last}年第四季度政务公开网上测评`,
    problem: '政府信息公开年度报告未按新模板编制，部分数据与信息发布登记不一致',
    measure: '按新模板重新编制年度报告，逐项核对发布登记数据后更新发布',
    kind: '限期整改',
    deadline: d('12-31'),
    ...who,
  });
  await addRectProgress(ctx, {
    rectificationId: fixing.id,
    date: d('12-20'),
    text: '已按新模板完成初稿，正在与发布登记逐项核对数据',
  });
  await createRectification(ctx, {
    year: last,
    source: '自查',
    origin: '主动公开 / 公开时效与要素',
    problem: '“科技项目”栏目部分信息缺少发布机构和成文日期要素',
    measure: '逐条补录信息要素，发布前由科室负责人核对要素',
    kind: '立行立改',
    state: '已完成',
    completedOn: d('12-15'),
    ...who,
  });
  counts.open = 2;
  return counts;
}

/** The fields of an item that update takes (everything but the derived ones). */
function editable(r: Awaited<ReturnType<typeof getRectification>>) {
  const {
    id: _i,
    seq: _s,
    overdue: _o,
    light: _l,
    workingDaysLeft: _w,
    departmentName: _d,
    ownerName: _n,
    closedOn: _c,
    closedBy: _b,
    progress: _p,
    ...rest
  } = r;
  return rest;
}

export const selfcheckDemoStep: DemoStep = {
  name: 'selfcheck',
  run: (ctx, state) => seedSelfcheckDemo(ctx, state.year, state.today),
};
