// A new user's year, not the example year: a small bureau in its first year on the workstation, built through the
// real services on a real SQLite file. Two variants:
// - sparse: 单位 and 4 staff; an imported 要点 of 5 items; the 实施方案 drawn from it (5 tasks: 2 done, 1 overdue, 2 not
//   yet due); AB岗 for 2 posts, one without a B岗; no training at all; 3 publications, none a 政策解读; 1 依申请
//   application (予以公开, answered in time) and none carried over; no 行政复议/诉讼; no 上年 data at all; a 自查 with a
//   细则 of 4 indicators, rated, and 1 整改 item open.
// - empty: only 单位 and staff.
// The clock is movable: the documents are read both before the year's end (December) and after it (January).
import { openTestWorkstation, type TestWorkstation } from './workstation';

export const SPARSE_YEAR = 2026;
/** Before the year's end: the December 初稿 of the 年报, the 总结 drafted on this day. */
export const SPARSE_DECEMBER = '2026-12-16';
/** After it: the January final of the 年报, the 总结 of the whole year. */
export const SPARSE_JANUARY = '2027-01-20';

export const SPARSE_STAFF = ['陈志远', '刘慧', '周洁', '吴磊'] as const;

export const SPARSE_TITLES = {
  points: '某县2026年政务公开工作要点',
  pub1: '县科技局开展科技活动周宣传活动',
  pub2: '关于组织申报2026年县级科技计划项目的通知',
  pub3: '县科技局2026年部门预算',
  indicatorA: '政务公开工作机制',
  indicatorB: '主动公开信息发布时效',
  indicatorC: '依申请公开办理',
  indicatorD: '政府信息公开指南',
  openItem: '政府信息公开指南中的办公时间和联系电话未更新',
} as const;

/** The pasted 要点: two sections, five items, each with a 责任单位 and a 时限. */
const POINTS_TEXT = `${SPARSE_TITLES.points}
一、加强重点领域信息公开
1.及时公开科技项目申报、立项和验收信息。2026年6月底前完成。（责任单位：县科技局）
2.按要求公开部门预算、决算和“三公”经费。2026年3月底前完成。（责任单位：县科技局）
3.规范发布政策文件，做好政策解读。2026年9月底前完成。（责任单位：县科技局）
二、提升政务公开规范化水平
4.更新政府信息公开指南和公开目录。2026年12月31日前完成。（责任单位：县科技局）
5.健全政务公开工作制度，落实信息发布“三审”制度。2026年12月31日前完成。（责任单位：县科技局）
`;

export interface SparseYear extends TestWorkstation {
  /** Moves the pinned clock (ISO date, 10:00 that day). */
  setToday(iso: string): void;
  staff: Record<string, number>;
}

async function bureauAndStaff(today: string): Promise<SparseYear> {
  let now = new Date(`${today}T10:00:00`);
  const t = await openTestWorkstation({ year: SPARSE_YEAR, now: () => now });
  const office = await t.call('departments.create', { name: '办公室' });
  const business = await t.call('departments.create', { name: '科技管理股' });
  const staff: Record<string, number> = {};
  for (const [name, dept, title] of [
    ['陈志远', office.id, '局长'],
    ['刘慧', office.id, '副局长'],
    ['周洁', office.id, '办公室主任'],
    ['吴磊', business.id, '科员'],
  ] as const)
    staff[name] = (
      await t.call('staff.create', { name, departmentId: dept, title, phone: '0851-7654321', status: '在岗', note: '' })
    ).id;
  await t.call('bureau.update', {
    fullName: '某县科学技术局',
    shortName: '县科技局',
    region: '某县',
    head: '陈志远',
    leader: '刘慧',
    contact: '周洁',
    phone: '0851-7654321',
    address: '某县人民路1号',
    postcode: '556000',
    website: 'http://www.mxkj.gov.cn/zfxxgk',
  });
  return Object.assign(t, {
    staff,
    setToday(iso: string) {
      now = new Date(`${iso}T10:00:00`);
    },
  });
}

/** Only 单位 and staff: a bureau that has just set the workstation up. */
export function openEmptyYear(today = SPARSE_DECEMBER): Promise<SparseYear> {
  return bureauAndStaff(today);
}

/** The sparse first year (see the file's head). Records are entered as of 16 December 2026. */
export async function openSparseYear(today = SPARSE_DECEMBER): Promise<SparseYear> {
  const t = await bureauAndStaff(SPARSE_DECEMBER);
  const y = SPARSE_YEAR;

  // 要点, imported from pasted text, and the 实施方案 drawn from it.
  const preview = await t.call('points.preview', { source: { upload: null, pastedText: POINTS_TEXT }, year: y });
  const saved = await t.call('points.save', {
    previewId: preview.previewId,
    replaceDocumentId: null,
    items: preview.parsed.items,
    meta: {
      title: SPARSE_TITLES.points,
      docNumber: '某府办发〔2026〕5号',
      issuer: '某县人民政府办公室',
      issuedDate: `${y}-02-20`,
      year: y,
    },
  });
  if (saved.status !== 'saved') throw new Error('要点未保存');
  await t.call('plan.generate', { year: y, documentIds: [saved.document.id] });
  const tasks = await t.call('tasks.list', { year: y });
  if (tasks.length !== 5) throw new Error(`实施方案应有5项任务，实有${tasks.length}项`);
  const [owner] = [t.staff['周洁']];
  const update = (
    i: number,
    patch: { status: '已完成' | '进行中' | '未开始'; completedOn?: string; ownerId?: number },
  ) => {
    const x = tasks[i];
    return t.call('tasks.update', {
      id: x.id,
      task: {
        sectionId: x.sectionId,
        title: x.title,
        measures: x.measures,
        deadline: x.deadline,
        eventDate: x.eventDate,
        status: patch.status,
        completedOn: patch.completedOn ?? null,
        ownerId: patch.ownerId ?? owner,
        leadIds: x.lead.map((d) => d.id),
        supportIds: x.support.map((d) => d.id),
        pointIds: x.points.map((p) => p.id),
      },
    });
  };
  await update(0, { status: '已完成', completedOn: `${y}-06-18` }); // 项目信息, due 30 June
  await update(1, { status: '已完成', completedOn: `${y}-03-25` }); // 预算公开, due 31 March
  await update(2, { status: '进行中', ownerId: t.staff['吴磊'] }); // 政策文件, due 30 September: overdue
  await update(3, { status: '进行中' }); // 公开指南, due 31 December
  await update(4, { status: '未开始' }); // 制度, due 31 December

  // AB岗: of the posts a new workstation offers, the bureau keeps two: 联络员 with A and B, 网站管理员 with an A only.
  const posts = await t.call('ab.posts');
  const liaison = posts.find((p) => p.name === '政务公开联络员')!;
  const publisher = posts.find((p) => p.name === '网站与政务新媒体管理员')!;
  for (const p of posts)
    if (p.id !== liaison.id && p.id !== publisher.id) await t.call('ab.setPostActive', { id: p.id, active: false });
  await t.call('ab.assign', { postId: liaison.id, role: 'A', staffId: t.staff['周洁'], startDate: `${y}-03-01` });
  await t.call('ab.assign', { postId: liaison.id, role: 'B', staffId: t.staff['吴磊'], startDate: `${y}-03-01` });
  await t.call('ab.assign', { postId: publisher.id, role: 'A', staffId: t.staff['吴磊'], startDate: `${y}-03-01` });

  // 信息发布登记: three items, no 解读, each 三审 by people on the staff list, each in time.
  const cols = await t.call('disclosure.columns');
  const column = (name: string) => cols.find((c) => c.name === name)!.id;
  const publish = (title: string, date: string, formed: string, columnName: string, docNumber = '') =>
    t.call('disclosure.createPublication', {
      title,
      publishedDate: date,
      formedDate: formed,
      columnId: column(columnName),
      channel: '门户网站',
      docNumber,
      drafter: '吴磊',
      draftedDate: formed,
      reviewer: '周洁',
      reviewedDate: formed,
      approver: '刘慧',
      approvedDate: formed,
    });
  await publish(SPARSE_TITLES.pub3, `${y}-02-10`, `${y}-02-06`, '财政预决算');
  await publish(SPARSE_TITLES.pub2, `${y}-04-15`, `${y}-04-13`, '通知公告', '县科发〔2026〕3号');
  await publish(SPARSE_TITLES.pub1, `${y}-05-22`, `${y}-05-20`, '工作动态');

  // One application, answered in time with 予以公开; none from an earlier year.
  await t.call('disclosure.createRequest', {
    receivedDate: `${y}-06-08`,
    applicant: '孙某',
    applicantType: '自然人',
    method: '网络平台',
    content: '2026年县级科技计划项目立项名单',
    handler: '周洁',
    answeredDate: `${y}-06-19`,
    result: '三.一',
    provideMedium: '电子',
    provideWay: '电子邮件',
    provideDate: `${y}-06-19`,
  });

  // 自查: a 细则 of four indicators, all rated; one loses points and its problem is an open 整改 item.
  await t.call('selfcheck.saveTemplate', {
    year: y,
    title: '某县2026年政务公开工作考核评分细则',
    total: 100,
    indicators: [
      { name: SPARSE_TITLES.indicatorA, points: 25, criteria: '明确分管领导和工作人员，未明确的扣5分。' },
      { name: SPARSE_TITLES.indicatorB, points: 25, criteria: '信息形成后20个工作日内公开，每超期1条扣2分。' },
      { name: SPARSE_TITLES.indicatorC, points: 25, criteria: '依申请公开按期答复，每逾期1件扣5分。' },
      { name: SPARSE_TITLES.indicatorD, points: 25, criteria: '公开指南内容准确并及时更新，未及时更新的扣5分。' },
    ],
    source: 'manual',
  });
  const v = await t.call('selfcheck.get', { year: y });
  for (const r of v.rows.filter((x) => x.isLeaf)) {
    const lose = r.name === SPARSE_TITLES.indicatorD;
    await t.call('selfcheck.saveEntry', {
      indicatorId: r.id,
      score: lose ? 20 : r.points!,
      ...(lose ? { reason: '公开指南中的办公时间和联系电话未更新', measure: '更新公开指南并在门户网站重新发布' } : {}),
    });
  }
  await t.call('rectification.create', {
    year: y,
    source: '自查',
    origin: SPARSE_TITLES.indicatorD,
    problem: SPARSE_TITLES.openItem,
    measure: '更新公开指南并在门户网站重新发布',
    kind: '限期整改',
    leader: '刘慧',
    departmentId: null,
    ownerId: t.staff['周洁'],
    deadline: `${y}-12-31`,
    state: '整改中',
  });

  t.setToday(today);
  return t;
}
