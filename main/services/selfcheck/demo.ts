// Demo data for 自查整改: the year's template from the built-in starter, a scored self-check with deductions and
// evidence linked to the year's trainings and tasks, and 整改 items in every state (未开始, 整改中, 逾期, 已完成,
// 已销号, one fixed by a 情况说明). Runs after the plan and team steps so there is something to link.
import { addDays } from '../../../shared/domain/working-days';
import type { DemoStep } from '../demo/types';
import type { AppContext } from '../workstation';
import { createRectification, rectifyIndicator, addRectProgress, signOffRectification, updateRectification, getRectification } from './rectification';
import { addEvidence, getSelfcheck, saveEntry } from './scores';
import { useStarterTemplate } from './templates';

async function seedSelfcheckDemo(ctx: AppContext, year: number, today: string): Promise<string[]> {
  await useStarterTemplate(ctx, year);
  let v = await getSelfcheck(ctx, year);
  const id = (name: string) => v.rows.find((r) => r.name === name)!.id;
  await saveEntry(ctx, { indicatorId: id('工作制度'), count: 1, reason: '未制定政务公开责任追究制度', measure: '制定《政务公开工作责任追究办法》并经局务会审定' });
  await saveEntry(ctx, { indicatorId: id('政策解读'), count: 1, reason: '1件规范性文件的解读材料晚于文件5个工作日发布', measure: '建立文件与解读同步审签、同步发布机制' });
  await saveEntry(ctx, { indicatorId: id('网站栏目更新'), count: 2, reason: '“工作动态”“通知公告”2个栏目超过半个月未更新', measure: '明确栏目责任人，每周巡查一次' });
  await saveEntry(ctx, { indicatorId: id('重点领域信息'), score: 6, reason: '科技项目评审结果公开不够及时' });
  await saveEntry(ctx, { indicatorId: id('领导重视'), reason: '局务会研究政务公开工作2次' });
  await saveEntry(ctx, { indicatorId: id('经验做法被推广或表彰'), count: 1, reason: '科技特派员服务信息公开做法被市政务公开办推广' });
  const training = await ctx.db.selectFrom('training').select('id').where('date', '>=', `${year}-01-01`).where('status', '=', '已举办').orderBy('date').executeTakeFirst();
  if (training) await addEvidence(ctx, { indicatorId: id('培训'), kind: 'training', refId: training.id });
  const task = await ctx.db.selectFrom('plan_task as t').innerJoin('plan as p', 'p.id', 't.plan_id').select('t.id').where('p.year', '=', year).where('t.title', 'like', '%解读%').executeTakeFirst();
  if (task) await addEvidence(ctx, { indicatorId: id('政策解读'), kind: 'task', refId: task.id });
  await addEvidence(ctx, { indicatorId: id('基础信息'), kind: 'link', url: 'https://www.example.gov.cn/zwgk/jgzn/', title: '门户网站“机构职能”栏目' });
  v = await getSelfcheck(ctx, year);

  const dept = await ctx.db.selectFrom('department').select(['id', 'name']).orderBy('sort_order').executeTakeFirst();
  const owner = dept ? await ctx.db.selectFrom('staff').select('id').where('department_id', '=', dept.id).executeTakeFirst() : undefined;
  const who = { leader: '分管副局长', departmentId: dept?.id ?? null, ownerId: owner?.id ?? null };
  const past = (n: number) => addDays(today, -n);
  const monthAgo = past(30) < `${year}-01-01` ? `${year}-01-02` : past(30);

  // 未开始: 政策解读, straight from the self-check.
  const notStarted = await rectifyIndicator(ctx, { indicatorId: id('政策解读'), deadline: addDays(today, 20) });
  await updateRectification(ctx, notStarted.id, { ...editable(notStarted), ...who });
  // 整改中 with progress: 网站栏目更新.
  const inProgress = await rectifyIndicator(ctx, { indicatorId: id('网站栏目更新'), deadline: addDays(today, 10) });
  await updateRectification(ctx, inProgress.id, { ...editable(inProgress), ...who, state: '整改中' });
  await addRectProgress(ctx, { rectificationId: inProgress.id, date: past(2) < `${year}-01-01` ? today : past(2), text: '已补发两个栏目的信息，正在落实每周巡查' });
  // 已完成, awaiting 销号: 工作制度.
  const done = await rectifyIndicator(ctx, { indicatorId: id('工作制度'), deadline: null });
  await updateRectification(ctx, done.id, { ...editable(done), ...who, kind: '立行立改', state: '已完成', completedOn: today });
  // 已销号: from the quarterly 测评通报.
  const closed = await createRectification(ctx, {
    year, source: '上级测评通报', origin: '第二季度政务公开网上测评', problem: '政府信息公开指南未按新条例更新', measure: '按《政府信息公开条例》修订公开指南并在门户网站发布',
    kind: '限期整改', deadline: monthAgo, ...who,
  });
  await updateRectification(ctx, closed.id, { ...editable(await getRectification(ctx, closed.id)), state: '已完成', completedOn: monthAgo });
  await signOffRectification(ctx, { id: closed.id, closedOn: addDays(monthAgo, 1) > today ? today : addDays(monthAgo, 1), closedBy: '王局长' });
  // 逾期: a 第三方评估 finding past its deadline.
  await createRectification(ctx, {
    year, source: '第三方评估', origin: '政策解读', problem: '政策解读形式单一，缺少图解、视频等形式', measure: '对重要政策制作图解和短视频解读', kind: '限期整改',
    deadline: past(3) < `${year}-01-01` ? today : past(3), state: '整改中', ...who,
  });
  // A 情况说明 as the fix (nothing occurred that year).
  const note = await createRectification(ctx, {
    year, source: '上级测评通报', problem: '“人大代表建议和政协委员提案办理”栏目为空', measure: '本年度未承办建议提案，发布情况说明', kind: '立行立改',
    state: '已完成', completedOn: today, explanation: true, ...who,
  });
  await signOffRectification(ctx, { id: note.id, closedOn: today, closedBy: '王局长' });
  return [`自查整改：${year}年度自查评分 ${v.total} 分（${v.grade}），整改事项 6 项（未开始、整改中、逾期、已完成、已销号各有）`];
}

/** The fields of an item that update takes (everything but the derived ones). */
function editable(r: Awaited<ReturnType<typeof getRectification>>) {
  const { id: _i, seq: _s, overdue: _o, light: _l, workingDaysLeft: _w, departmentName: _d, ownerName: _n, closedOn: _c, closedBy: _b, progress: _p, ...rest } = r;
  return rest;
}

export const selfcheckDemoStep: DemoStep = {
  name: 'selfcheck',
  run: (ctx, state) => seedSelfcheckDemo(ctx, state.year, state.today),
};
