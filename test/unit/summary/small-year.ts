// A small hand-made year for the summary tests: few records, each placed to test one rule of periods and claims.
// - Plan: A done 15 March; B due 30 June, done 10 September (overdue at 30 June, done by year end); C 进行中, due
//   30 November (overdue now); D 未开始, due 31 December.
// - 发布登记: a 规范性文件 (2 March) and its 解读 23 days later (not 同步); a notice in May; a 工作动态 in August; a
//   second document with its 解读 the same day in October; one item published 30 working days after it was formed.
// - Applications: one received in December 2025 answered in January (上年结转, 予以公开), one 部分公开 in March, one
//   received 20 June and answered 10 July (open on 30 June), one received 25 November and one 1 December still open (on
//   10 December, inside their 答复期限),
//   and one of 2025 only.
// - Trainings in March, October and November (held), one planned for 20 December.
// - 整改: a stale 栏目 still being fixed (due 31 December), an item 已完成 awaiting 销号, one 销号 in November.
import type { TestWorkstation } from '../../helpers/workstation';

export const SMALL_TODAY = '2026-12-10';

export const TITLES = {
  doc1: '关于印发《县科技成果转化奖励办法》的通知',
  interp1: '《县科技成果转化奖励办法》政策解读',
  notice: '关于开展2026年科技活动周活动的通知',
  august: '县科技局开展科技特派员下乡服务',
  doc2: '关于印发《县科技企业孵化器管理办法》的通知',
  interp2: '一图读懂《县科技企业孵化器管理办法》',
  lateItem: '县级科技计划项目验收结果公示',
  taskA: '更新政府信息公开指南',
  taskB: '公开科技项目立项和资金安排情况',
  taskC: '开设科技惠企政策专栏',
  taskD: '编制政务公开事项标准目录',
  t1: '政府信息公开条例专题培训',
  t2: '政务新媒体管理业务培训',
  t3: '依申请公开办理实务培训',
  t4: '年度政务公开工作复盘培训',
  stale: '“通知公告”栏目超过一个月未更新',
  awaiting: '政府信息公开指南中的联系方式未更新',
  closed: '机构职能栏目领导分工信息不全',
} as const;

export async function buildSmallYear(t: TestWorkstation): Promise<void> {
  const dept = await t.call('departments.create', { name: '办公室' });
  const staff: { id: number }[] = [];
  for (const name of ['张敏', '李强', '王芳'])
    staff.push(
      await t.call('staff.create', { name, departmentId: dept.id, title: '科员', phone: '', status: '在岗', note: '' }),
    );
  await t.call('plan.save', { year: 2026, title: '2026年县科技局政务公开工作实施方案' });
  const plan = await t.call('plan.createSection', { year: 2026, title: '一、推进重点领域信息公开' });
  const sectionId = plan.sections[0].id;
  const task = (title: string, date: string, status: '已完成' | '进行中' | '未开始', completedOn: string | null) =>
    t.call('tasks.create', { sectionId, title, deadline: { kind: 'date', date }, status, completedOn });
  await task(TITLES.taskA, '2026-03-31', '已完成', '2026-03-15');
  await task(TITLES.taskB, '2026-06-26', '已完成', '2026-09-10');
  await task(TITLES.taskC, '2026-11-30', '进行中', null);
  await task(TITLES.taskD, '2026-12-31', '未开始', null);

  const columns = new Map((await t.call('disclosure.columns')).map((c) => [c.name, c.id]));
  const col = (name: string) => columns.get(name) ?? [...columns.values()][0];
  const publish = (
    title: string,
    publishedDate: string,
    column: string,
    extra: { formedDate?: string; normative?: boolean; docNumber?: string; interpretsId?: number } = {},
  ) =>
    t.call('disclosure.createPublication', {
      title,
      publishedDate,
      formedDate: extra.formedDate ?? null,
      columnId: col(column),
      channel: '门户网站',
      docNumber: extra.docNumber ?? '',
      normative: extra.normative ?? false,
      interpretation: extra.interpretsId !== undefined,
      interpretsId: extra.interpretsId ?? null,
    });
  const d1 = await publish(TITLES.doc1, '2026-03-02', '政策文件', {
    formedDate: '2026-02-26',
    normative: true,
    docNumber: '县科发〔2026〕2号',
  });
  await publish(TITLES.interp1, '2026-03-25', '政策解读', { formedDate: '2026-03-20', interpretsId: d1.id });
  await publish(TITLES.notice, '2026-05-11', '通知公告', { formedDate: '2026-05-08' });
  await publish(TITLES.august, '2026-08-20', '工作动态', { formedDate: '2026-08-20' });
  const d2 = await publish(TITLES.doc2, '2026-10-09', '政策文件', {
    formedDate: '2026-10-08',
    docNumber: '县科发〔2026〕9号',
  });
  await publish(TITLES.interp2, '2026-10-09', '政策解读', { formedDate: '2026-10-09', interpretsId: d2.id });
  await publish(TITLES.lateItem, '2026-11-16', '通知公告', { formedDate: '2026-09-28' });

  const request = (receivedDate: string, answeredDate: string | null, result: string | null, applicant: string) =>
    t.call('disclosure.createRequest', {
      receivedDate,
      applicant,
      applicantType: '自然人',
      method: '网络平台',
      content: '科技项目资金安排情况',
      answeredDate,
      result: result as never,
    });
  await request('2025-06-01', '2025-06-20', '三.一', '周一');
  await request('2025-12-22', '2026-01-12', '三.一', '赵二');
  await request('2026-03-02', '2026-03-20', '三.二', '钱三');
  await request('2026-06-22', '2026-07-10', '三.一', '孙四');
  await request('2026-11-25', null, null, '李五');
  await request('2026-12-01', null, null, '吴六');

  const training = (date: string, title: string, status: '已举办' | '计划', hours: number) =>
    t.call('training.create', {
      date,
      title,
      kind: '政务公开专题培训',
      form: '集中授课',
      status,
      hours,
      attendees: status === '已举办' ? staff.map((s) => ({ staffId: s.id, present: true })) : [],
    });
  await training('2026-03-18', TITLES.t1, '已举办', 2);
  await training('2026-10-15', TITLES.t2, '已举办', 1.5);
  await training('2026-11-20', TITLES.t3, '已举办', 1);
  await training('2026-12-20', TITLES.t4, '计划', 1);

  await t.call('rectification.create', {
    year: 2026,
    source: '自查',
    problem: TITLES.stale,
    measure: '明确栏目责任人，每周巡查一次',
    kind: '限期整改',
    deadline: '2026-12-31',
    state: '整改中',
  });
  await t.call('rectification.create', {
    year: 2026,
    source: '自查',
    problem: TITLES.awaiting,
    measure: '更新公开指南',
    kind: '限期整改',
    deadline: '2026-11-30',
    state: '已完成',
    completedOn: '2026-11-28',
  });
  const closed = await t.call('rectification.create', {
    year: 2026,
    source: '上级测评通报',
    problem: TITLES.closed,
    measure: '补充领导分工信息',
    kind: '限期整改',
    deadline: '2026-11-15',
    state: '已完成',
    completedOn: '2026-11-10',
  });
  await t.call('rectification.signOff', { id: closed.id, closedOn: '2026-11-12', closedBy: '李副局长' });
}
