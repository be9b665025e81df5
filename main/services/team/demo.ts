// Demo data for the 政务公开队伍 area: holders on every default post, one change with its 备案 still due, absences
// (one making B act for A today), and two trainings. Runs after the organisation step (departments and staff);
// creates a few people of its own when there are not enough.
import { addDays } from '../../../shared/domain/working-days';
import { createDepartment, listDepartments } from '../org/departments';
import { createStaff, listStaff } from '../org/staff';
import type { DemoStep } from '../demo/types';
import type { AppContext } from '../workstation';
import { assignHolder, changeHolder, createAbsence, fileChange, listPosts } from './ab';
import { todayOf } from '../../../shared/domain/dates';
import { createTraining } from './training';

const EXTRA_PEOPLE: [string, string][] = [
  ['陈明', '局长'],
  ['刘芳', '副局长'],
  ['周强', '办公室主任'],
  ['吴敏', '科员'],
  ['郑华', '科员'],
  ['孙丽', '科员'],
  ['黄磊', '科员'],
  ['林静', '科员'],
];

interface TeamDemoResult {
  holders: number;
  changeId: number;
  trainingIds: number[];
}

export async function seedTeamDemo(ctx: AppContext, opts: { year: number }): Promise<TeamDemoResult> {
  let staff = await listStaff(ctx, { status: '在岗' });
  if (staff.length < 9) {
    let dept = (await listDepartments(ctx, false))[0];
    if (!dept) dept = await createDepartment(ctx, '办公室');
    for (const [name, title] of EXTRA_PEOPLE.slice(0, 9 - staff.length)) {
      await createStaff(ctx, {
        name,
        departmentId: dept.id,
        title,
        phone: '0851-8888' + String(1000 + staff.length).slice(-4),
        status: '在岗',
        note: '',
      });
    }
    staff = await listStaff(ctx, { status: '在岗' });
  }
  const today = todayOf(ctx);
  // Holders started the year before, so that every change below falls inside their period.
  const yearStart = `${opts.year - 1}-01-04`;
  const inYear = (d: string) => (d < `${opts.year}-01-02` ? `${opts.year}-01-02` : d);
  const posts = (await listPosts(ctx)).filter((p) => !p.a && !p.b);
  let holders = 0;
  for (const [i, p] of posts.entries()) {
    const a = staff[i % staff.length];
    const b = staff[(i + 1) % staff.length];
    await assignHolder(ctx, { postId: p.id, role: 'A', staffId: a.id, startDate: yearStart });
    await assignHolder(ctx, { postId: p.id, role: 'B', staffId: b.id, startDate: yearStart });
    holders += 2;
  }
  const all = await listPosts(ctx);
  const liaison = all.find((p) => p.name === '政务公开联络员') ?? all[0];
  const endOfYear = `${opts.year}-12-31`;
  const ref = today < endOfYear ? today : endOfYear;
  // A change a few days ago, 备案 not yet done; an older one already filed.
  const reviewer = all.find((p) => p.name === '信息发布审核员') ?? all[1];
  const used = new Set(all.flatMap((p) => [p.a?.staffId, p.b?.staffId]));
  const spare = staff.find((s) => !used.has(s.id)) ?? staff[staff.length - 1];
  const older = await changeHolder(ctx, {
    postId: reviewer.id,
    role: 'B',
    toStaffId: spare.id,
    changeDate: addDays(ref, -60),
    reason: '工作分工调整',
    handover: {
      date: addDays(ref, -61),
      items: '信息发布审核登记簿\n待审核信息3条',
      transitionEnd: addDays(ref, -45),
      note: '',
    },
  });
  await fileChange(ctx, {
    changeId: older.id,
    filedDate: addDays(ref, -58),
    filedTo: '县政务公开领导小组办公室',
    docNumber: `县科技局〔${opts.year}〕15号`,
  });
  const newcomer =
    staff.find((s) => s.id !== liaison.a?.staffId && s.id !== liaison.b?.staffId && s.id !== spare.id) ?? staff[0];
  const change = await changeHolder(ctx, {
    postId: liaison.id,
    role: 'A',
    toStaffId: newcomer.id,
    changeDate: addDays(ref, -2),
    reason: '原联络员岗位调整',
    handover: {
      date: addDays(ref, -3),
      items:
        '政务公开工作台账（纸质、电子各一份）\n上级来文及报送材料目录\n政府网站信息报送账号\n未办结的依申请公开事项1件',
      transitionEnd: addDays(ref, 20),
      note: '过渡期内原联络员继续协助信息报送。',
    },
  });
  // B acts for A today; and A of another post is on leave next month.
  const site = all.find((p) => p.name === '网站与政务新媒体管理员') ?? all[2];
  if (site.a)
    await createAbsence(ctx, {
      staffId: site.a.staffId,
      kind: '出差',
      startDate: addDays(ref, -1),
      endDate: addDays(ref, 2),
      note: '赴市里参加会议',
    });
  const request = all.find((p) => p.name === '依申请公开办理员') ?? all[3];
  if (request.a)
    await createAbsence(ctx, {
      staffId: request.a.staffId,
      kind: '休假',
      startDate: addDays(ref, 30),
      endDate: addDays(ref, 34),
      note: '年休假',
    });

  const team = [
    ...new Set((await listPosts(ctx)).flatMap((p) => [p.a?.staffId, p.b?.staffId]).filter((x): x is number => !!x)),
  ];
  const t1 = await createTraining(ctx, {
    date: inYear(addDays(ref, -40)),
    title: `${opts.year}年度政务公开专题培训`,
    kind: '政务公开专题培训',
    form: '集中授课',
    status: '已举办',
    organiser: '局办公室',
    trainer: '县政务公开办 王老师',
    place: '局三楼会议室',
    hours: 2,
    summary: '解读《中华人民共和国政府信息公开条例》，讲解主动公开目录、依申请公开办理流程和答复文书规范。',
    attendees: team.map((id, i) => ({ staffId: id, present: i !== 1 })),
  });
  const t2 = await createTraining(ctx, {
    date: inYear(addDays(ref, -10)),
    title: '政府网站与政务新媒体管理业务学习',
    kind: '业务学习',
    form: '线上',
    status: '已举办',
    organiser: '局办公室',
    trainer: '',
    place: '线上',
    hours: 1.5,
    summary: '学习政府网站与政务新媒体检查指标，排查错别字、空白栏目和失效链接。',
    attendees: team.slice(0, 4).map((id) => ({ staffId: id, present: true })),
  });
  return { holders, changeId: change.id, trainingIds: [t1.id, t2.id] };
}

/** The team step of `demo` / 载入示例数据. */
export const teamDemoStep: DemoStep = {
  name: '政务公开队伍',
  async run(ctx, state) {
    const r = await seedTeamDemo(ctx, { year: state.year });
    return [
      `AB岗：${r.holders / 2} 个岗位设置A岗、B岗，1 条人员变动待备案，2 条不在岗登记`,
      `培训：${r.trainingIds.length} 次（含政务公开专题培训 1 次）`,
    ];
  },
};
