// Demo data for the 政务公开队伍 area, all people from the example staff list (demo/story.ts): A岗 and B岗 on every
// post since the start of last year; in April a B岗 change with its 交接 and a 备案 inside the time limit; a few days
// ago the 联络员 A岗 changed (交接 done, 备案 not yet due); absences (the 审核员 away one week in May, the website
// administrator away now so that B acts, a 年休假 planned next month); and the trainings of this year and last, held
// by the bureau's own staff.
import { addWorkingDays, type WorkingDayCalendar } from '../../../shared/domain/working-days';
import { loadCalendar } from '../calendar';
import type { DemoState, DemoStep } from '../demo/types';
import { AB_HOLDERS, BUREAU_NAME, COUNTY, REVIEWER_AWAY, REVIEWER_B_CHANGE, STAFF, workday } from '../demo/story';
import type { AppContext } from '../workstation';
import { assignHolder, changeHolder, createAbsence, fileChange, listPosts } from './ab';
import { createTraining } from './training';

const FILED_TO = `${COUNTY}人民政府办公室`;

interface TrainingSpec {
  md: string;
  title: string;
  kind: '政务公开专题培训' | '业务学习';
  form: '集中授课' | '会议' | '线上';
  trainer: string;
  hours: number;
  summary: string;
  /** Who was there (everyone else on the list was asked and absent). */
  attendees: string[];
  absent?: string[];
}

const EVERYONE = STAFF.map((s) => s.name);

function trainingsOf(y: number): [number, TrainingSpec][] {
  return [
    [
      y - 1,
      {
        md: '05-20',
        title: `${y - 1}年度政务公开专题培训`,
        kind: '政务公开专题培训',
        form: '集中授课',
        trainer: '陈思远',
        hours: 2,
        summary: `学习《中华人民共和国政府信息公开条例》和${COUNTY}${y - 1}年政务公开工作要点，讲解主动公开目录和依申请公开办理流程。`,
        attendees: EVERYONE,
      },
    ],
    [
      y - 1,
      {
        md: '11-07',
        title: '信息发布“三审”制度业务学习',
        kind: '业务学习',
        form: '会议',
        trainer: '吴志刚',
        hours: 1,
        summary: '学习信息发布拟稿、审核、签发“三审”要求和保密审查要点。',
        attendees: ['陈思远', '刘雨婷', '杨帆', '郑佳慧', '马晓东', '孙婧', '罗小琴'],
      },
    ],
    [
      y,
      {
        md: '04-23',
        title: `${y}年度政务公开专题培训`,
        kind: '政务公开专题培训',
        form: '集中授课',
        trainer: '陈思远',
        hours: 2,
        summary: `传达全县政务公开工作会议精神，解读《${COUNTY}${y}年政务公开工作要点》和本局实施方案，讲解信息发布“三审”、保密审查和政府信息公开指南修订要求。`,
        attendees: EVERYONE.filter((n) => n !== '赵国庆'),
        absent: ['赵国庆'],
      },
    ],
    [
      y,
      {
        md: '07-16',
        title: '依申请公开办理和答复文书规范业务学习',
        kind: '业务学习',
        form: '会议',
        trainer: '吴志刚',
        hours: 1.5,
        summary:
          '结合本局修订的《依申请公开办理规程》，学习申请登记、补正告知、征求第三方意见、延期答复和答复书的写法，复盘本年度办理的申请。',
        attendees: ['陈思远', '刘雨婷', '杨帆', '郑佳慧', '黄海涛', '马晓东', '孙婧', '罗小琴'],
      },
    ],
    [
      y,
      {
        md: '11-05',
        title: '政府网站与政务新媒体内容保障业务学习',
        kind: '业务学习',
        form: '集中授课',
        trainer: '刘雨婷',
        hours: 1,
        summary: '学习政府网站与政务新媒体检查指标，讲解栏目更新时限、错敏信息排查和信息发布要素录入。',
        attendees: ['陈思远', '杨帆', '吴志刚', '郑佳慧', '马晓东', '孙婧', '罗小琴'],
      },
    ],
  ];
}

interface TeamDemoResult {
  posts: number;
  changes: number;
  pending: number;
  absences: number;
  trainings: number;
  trainingsThisYear: number;
}

async function seedTeamDemo(ctx: AppContext, state: DemoState): Promise<TeamDemoResult> {
  const y = state.year;
  const today = state.today;
  const cal: WorkingDayCalendar = await loadCalendar(ctx);
  const id = (name: string) => state.people.get(name)!;
  const posts = new Map((await listPosts(ctx)).map((p) => [p.name, p]));
  const since = workday(y - 1, '01-06', cal);
  for (const [post, [a, b]] of Object.entries(AB_HOLDERS)) {
    const p = posts.get(post)!;
    await assignHolder(ctx, { postId: p.id, role: 'A', staffId: id(a), startDate: since });
    await assignHolder(ctx, { postId: p.id, role: 'B', staffId: id(b), startDate: since });
  }
  let changes = 0,
    pending = 0,
    absences = 0;
  // April: the 审核员 B岗, handed over the day before and filed two working days later.
  const aprilChange = workday(y, REVIEWER_B_CHANGE.md, cal);
  if (aprilChange <= today) {
    const c = await changeHolder(ctx, {
      postId: posts.get('信息发布审核员')!.id,
      role: 'B',
      toStaffId: id(REVIEWER_B_CHANGE.to),
      changeDate: aprilChange,
      reason: `${REVIEWER_B_CHANGE.from}同志承担高新技术企业培育和项目管理任务较重，经局务会研究，B岗调整为${REVIEWER_B_CHANGE.to}同志`,
      handover: {
        date: addWorkingDays(aprilChange, -1, cal),
        items: '信息发布审核登记簿\n保密审查要点和常见问题清单',
        transitionEnd: null,
        note: '',
      },
    });
    changes++;
    const filed = addWorkingDays(aprilChange, 2, cal);
    if (filed <= today) {
      await fileChange(ctx, {
        changeId: c.id,
        filedDate: filed,
        filedTo: FILED_TO,
        docNumber: `檀科函〔${y}〕12号`,
      });
    } else pending++;
  }
  // A few days ago: the 联络员 A岗 (its 备案 is due in the coming days).
  const recent = addWorkingDays(today, -2, cal);
  if (recent > aprilChange && recent >= `${y}-01-01`) {
    await changeHolder(ctx, {
      postId: posts.get('政务公开联络员')!.id,
      role: 'A',
      toStaffId: id('杨帆'),
      changeDate: recent,
      reason: '办公室内部分工调整，刘雨婷同志专职负责政府网站与政务新媒体管理',
      handover: {
        date: addWorkingDays(recent, -1, cal),
        items: `${y}年政务公开工作台账（纸质、电子各一份）\n县政府办来文及报送材料目录\n县政务公开工作平台信息报送账号\n${y}年度自查佐证材料（正在整理）`,
        transitionEnd: addWorkingDays(recent, 10, cal),
        note: '过渡期内刘雨婷同志继续协助报送信息。',
      },
    });
    changes++;
    pending++;
  }
  // The 审核员 A岗 away in May (B reviews what is published that week).
  const awayFrom = workday(y, REVIEWER_AWAY.start, cal);
  if (awayFrom <= today) {
    await createAbsence(ctx, {
      staffId: id('吴志刚'),
      kind: '学习',
      startDate: awayFrom,
      endDate: `${y}-${REVIEWER_AWAY.end}`,
      note: '参加全市法治政府建设专题培训班',
    });
    absences++;
  }
  // The website administrator away now (B acts), and a 年休假 next month.
  await createAbsence(ctx, {
    staffId: id('刘雨婷'),
    kind: '出差',
    startDate: addWorkingDays(today, -1, cal),
    endDate: addWorkingDays(today, 2, cal),
    note: '赴市里参加全市政府网站与政务新媒体工作会议',
  });
  await createAbsence(ctx, {
    staffId: id('郑佳慧'),
    kind: '休假',
    startDate: addWorkingDays(today, 20, cal),
    endDate: addWorkingDays(today, 24, cal),
    note: '年休假',
  });
  absences += 2;

  let trainings = 0,
    trainingsThisYear = 0;
  for (const [year, t] of trainingsOf(y)) {
    const date = workday(year, t.md, cal);
    if (date > today) continue;
    await createTraining(ctx, {
      date,
      title: t.title,
      kind: t.kind,
      form: t.form,
      status: '已举办',
      organiser: `${BUREAU_NAME}办公室`,
      trainer: t.trainer,
      place: '局四楼会议室',
      hours: t.hours,
      summary: t.summary,
      attendees: [
        ...t.attendees.map((n) => ({ staffId: id(n), present: true })),
        ...(t.absent ?? []).map((n) => ({ staffId: id(n), present: false })),
      ],
    });
    trainings++;
    if (year === y) trainingsThisYear++;
  }
  return { posts: Object.keys(AB_HOLDERS).length, changes, pending, absences, trainings, trainingsThisYear };
}

/** The team step of `demo` / 载入示例数据. */
export const teamDemoStep: DemoStep = {
  name: '政务公开队伍',
  async run(ctx, state) {
    const r = await seedTeamDemo(ctx, state);
    const y = state.year;
    return [
      `AB岗：${r.posts} 个岗位设置A岗、B岗，人员变动 ${r.changes} 次（${r.changes - r.pending} 次已按时备案${r.pending ? `，${r.pending} 次待备案、未到期` : ''}），不在岗登记 ${r.absences} 条`,
      `培训：${y}年 ${r.trainingsThisYear} 次（含政务公开专题培训），上年 ${r.trainings - r.trainingsThisYear} 次`,
    ];
  },
};
