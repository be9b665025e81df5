// 由记录计算的建议分 through the real dispatch on a real SQLite file: each measure counts the records the test makes,
// and each 建议分 equals the indicator's rule applied to a count made here independently (plain SQL or by hand).
// Nothing is applied by itself; accepting and overriding are audited, an override needs a reason.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rectificationContradictions, contradictionsInText } from '../../../main/services/selfcheck/contradictions';
import { suggestMeasure } from '../../../shared/domain/selfcheck-measures';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { readDocx } from '../export/read-docx';

let t: TestWorkstation;
const TODAY = '2026-11-30';
beforeEach(async () => {
  t = await openTestWorkstation({ year: 2026, now: () => new Date(2026, 10, 30, 10, 0, 0) });
});
afterEach(() => t.cleanup());

const sql = <T>(q: string, ...args: unknown[]): T => {
  const db = new Database(t.dbPath, { readonly: true });
  try {
    return db.prepare(q).get(...args) as T;
  } finally {
    db.close();
  }
};
const perItem = (deduct: number, unit: string) => ({ kind: 'perItem' as const, deduct, unit });
/** The rules applied by hand: 每项扣k分，扣完为止; 有得全分/无扣d分 (d null: 不得分). */
const byPerItem = (points: number, k: number, n: number) => Math.max(0, points - n * k);
const byFixed = (points: number, absent: number | null, n: number) => (n > 0 ? points - (absent ?? points) : points);

async function template() {
  await t.call('selfcheck.saveTemplate', {
    year: 2026,
    title: '某县2026年政务公开考核评分细则',
    total: 41,
    indicators: [
      {
        name: '监督保障',
        points: 22,
        children: [
          {
            name: '工作任务落实',
            points: 6,
            criteria: '落实年度实施方案任务，每项任务未按时完成扣1分，扣完为止。',
            rule: perItem(1, '项'),
          },
          {
            name: '培训',
            points: 6,
            criteria: '年内组织政务公开专题培训。有得6分，无扣3分。',
            rule: { kind: 'fixed', absentDeduct: 3 },
          },
          { name: 'AB岗', points: 4, criteria: '人员变动每人次未按时备案扣2分。', rule: perItem(2, '人次') },
          { name: '政府信息公开年度报告', points: 6, criteria: '未按时公开的扣5分。', rule: perItem(5, '项') },
        ],
      },
      {
        name: '主动公开',
        points: 19,
        children: [
          { name: '公开时效', points: 5, criteria: '公文超期公开的每条扣1分。', rule: perItem(1, '条') },
          {
            name: '先审后发',
            points: 6,
            criteria: '落实先审后发和三审制度。有得6分，无不得分。',
            rule: { kind: 'fixed', absentDeduct: null },
          },
          { name: '依申请公开办理', points: 8, criteria: '超期办理的每件扣4分。', rule: perItem(4, '件') },
        ],
      },
    ],
  });
  return t.call('selfcheck.get', { year: 2026 });
}
type View = Awaited<ReturnType<typeof template>>;
const leaf = (v: View, name: string) => v.rows.find((r) => r.name === name)!;

async function tasks(list: { title: string; date: string; status: '未开始' | '进行中' | '已完成' }[]) {
  await t.call('plan.save', { year: 2026, title: '2026年政务公开实施方案' });
  const plan = await t.call('plan.createSection', { year: 2026, title: '一、重点任务' });
  for (const x of list)
    await t.call('tasks.create', {
      sectionId: plan.sections[0].id,
      title: x.title,
      deadline: { kind: 'date', date: x.date },
      status: x.status,
      completedOn: x.status === '已完成' ? x.date : null,
    });
}

async function column(name: string) {
  return (await t.call('disclosure.columns')).find((c) => c.name === name)!.id;
}

async function publish(p: {
  title: string;
  published: string;
  formed?: string;
  reviewed?: boolean;
  approved?: boolean;
  column?: string;
}) {
  return t.call('disclosure.createPublication', {
    title: p.title,
    publishedDate: p.published,
    formedDate: p.formed ?? null,
    columnId: await column(p.column ?? '工作动态'),
    channel: '门户网站',
    drafter: '张三',
    draftedDate: p.formed ?? p.published,
    reviewer: p.reviewed === false ? '' : '李四',
    reviewedDate: p.reviewed === false ? null : p.published,
    approver: p.approved === false ? '' : '王五',
    approvedDate: p.approved === false ? null : p.published,
  });
}

describe('建议分 from the records', () => {
  it('suggests a measure from each indicator’s words and applies nothing by itself', async () => {
    const v = await template();
    expect(v.rows.filter((r) => r.isLeaf).map((r) => [r.name, r.suggestedMeasure])).toEqual([
      ['工作任务落实', 'overdueTasks'],
      ['培训', 'training'],
      ['AB岗', 'abFiling'],
      ['政府信息公开年度报告', 'annualReportLate'],
      ['公开时效', 'latePublications'],
      ['先审后发', 'unreviewedPublications'],
      ['依申请公开办理', 'lateAnswers'],
    ]);
    expect(v.rows.every((r) => r.recordMeasure === null && r.proposal === null && !r.entry.rated)).toBe(true);
    // Words that only look alike point nowhere: 栏目更新 is not what the 发布登记's 20-day rule measures.
    expect(suggestMeasure('栏目更新时效', '动态栏目每半个月更新，每发现一个栏目未按时更新扣1分')).toBeNull();
    expect(suggestMeasure('工作制度', '建立信息发布审核、保密审查、责任追究等制度')).toBeNull();
    expect([v.total, v.scoredLeaves, v.grade]).toEqual([0, 0, null]);
  });

  it('overdue tasks: 3 overdue on a 6-point 每项扣1分 leaf → 3; accepting is audited; new records are flagged', async () => {
    let v = await template();
    await tasks([
      { title: '更新政府信息公开指南', date: '2026-03-31', status: '进行中' },
      { title: '梳理继续有效文件目录', date: '2026-06-30', status: '未开始' },
      { title: '公开科技项目评审结果', date: '2026-09-30', status: '进行中' },
      { title: '发布年度报告', date: '2026-04-30', status: '已完成' },
      { title: '开展政府开放日活动', date: '2026-12-31', status: '进行中' },
    ]);
    const overdue = sql<{ n: number }>(
      `SELECT count(*) AS n FROM plan_task t JOIN plan p ON p.id = t.plan_id
       WHERE p.year = 2026 AND t.status NOT IN ('已完成', '不适用') AND t.deadline_date < ?`,
      TODAY,
    ).n;
    expect(overdue).toBe(3);
    const id = leaf(v, '工作任务落实').id;
    const p = (await t.call('selfcheck.proposal', { indicatorId: id, recordMeasure: 'overdueTasks' }))!;
    expect([p.count, p.score]).toEqual([overdue, byPerItem(6, 1, overdue)]);
    expect(p.records.map((r) => r.title)).toEqual([
      '更新政府信息公开指南',
      '梳理继续有效文件目录',
      '公开科技项目评审结果',
    ]);
    expect(p.records[0].detail).toBe('实施方案第1项，应于2026年3月31日前完成，现为“进行中”');
    // Looking at a proposal saves nothing.
    expect(leaf(await t.call('selfcheck.get', { year: 2026 }), '工作任务落实').entry.rated).toBe(false);

    await t.call('selfcheck.acceptProposal', { indicatorId: id, recordMeasure: 'overdueTasks' });
    v = await t.call('selfcheck.get', { year: 2026 });
    const row = leaf(v, '工作任务落实');
    expect([row.entry.rated, row.entry.count, row.score, row.decision, row.recordMeasure]).toEqual([
      true,
      overdue,
      byPerItem(6, 1, overdue),
      'accepted',
      'overdueTasks',
    ]);
    expect(row.entry.reason).toBe(
      '逾期任务3项：“更新政府信息公开指南”、“梳理继续有效文件目录”、“公开科技项目评审结果”',
    );
    expect([v.total, v.scoredLeaves]).toEqual([3, 1]);
    const audit = await t.call('audit.list', { entity: 'sc_entry', entityId: id });
    expect(audit[0].summary).toBe('自评：监督保障 / 工作任务落实（采用由记录计算的建议分 3 分：逾期任务3项）');
    expect(audit[0].changes).toMatchObject({ recordMeasure: { from: null, to: '由记录计算：逾期任务' } });

    // One more task falls overdue: the accepted score no longer matches the records, and the screen says so.
    await tasks([{ title: '规范性文件备案审查', date: '2026-10-31', status: '进行中' }]);
    const again = leaf(await t.call('selfcheck.get', { year: 2026 }), '工作任务落实');
    expect(again.proposal?.count).toBe(4);
    expect(again.proposalAlert).toBe('采用建议分时逾期任务为3项，现在为4项，请重新核对。');
  });

  it('先审后发: the rating apart from the 建议分 needs a reason, and the override is audited with it', async () => {
    const v = await template();
    await publish({ title: '关于开展科技特派员选派工作的通知', published: '2026-03-10' });
    await publish({ title: '2026年科技计划项目申报指南', published: '2026-04-10' });
    await publish({ title: '县科技局召开政务公开工作会议', published: '2026-05-10', reviewed: false });
    await publish({ title: '高新技术企业认定政策解读', published: '2026-06-10', approved: false });
    await publish({ title: '科技创新券兑付结果公示', published: '2026-07-10', reviewed: false, approved: false });
    const lacking = sql<{ n: number }>(
      `SELECT count(*) AS n FROM publication WHERE published_date LIKE '2026-%'
       AND (reviewer = '' OR reviewed_date IS NULL OR approver = '' OR approved_date IS NULL)`,
    ).n;
    expect(lacking).toBe(3);
    const id = leaf(v, '先审后发').id;
    await t.call('selfcheck.setMeasure', { indicatorId: id, recordMeasure: 'unreviewedPublications' });
    const row = leaf(await t.call('selfcheck.get', { year: 2026 }), '先审后发');
    expect([row.proposal?.count, row.proposal?.score]).toEqual([lacking, byFixed(6, null, lacking)]);
    expect(row.proposal?.records.map((r) => r.detail)).toEqual([
      '2026年5月10日发布，未登记审核',
      '2026年6月10日发布，未登记签发',
      '2026年7月10日发布，未登记审核和签发',
    ]);
    // 达到 (full 6) is not what the records give: refused without a reason, nothing saved.
    await expect(t.call('selfcheck.saveEntry', { indicatorId: id, flag: false })).rejects.toThrow(
      '修改理由：“主动公开 / 先审后发”由记录计算的建议分为0分（未经审核或签发的信息3条），自评与之不同，请填写修改理由。',
    );
    expect(leaf(await t.call('selfcheck.get', { year: 2026 }), '先审后发').entry.rated).toBe(false);
    await t.call('selfcheck.saveEntry', {
      indicatorId: id,
      flag: false,
      overrideReason: '3条均为转载上级信息，按规定由原发布机关审核',
    });
    const after = leaf(await t.call('selfcheck.get', { year: 2026 }), '先审后发');
    expect([after.score, after.decision, after.overrideReason, after.proposalAlert]).toEqual([
      6,
      'override',
      '3条均为转载上级信息，按规定由原发布机关审核',
      null,
    ]);
    const audit = await t.call('audit.list', { entity: 'sc_entry', entityId: id });
    expect(audit[0].summary).toBe(
      '自评：主动公开 / 先审后发（修改建议分 0 分，理由：3条均为转载上级信息，按规定由原发布机关审核）',
    );
    // The measure choice itself is audited on the indicator.
    const measureAudit = await t.call('audit.list', { entity: 'sc_indicator', entityId: id });
    expect(measureAudit[0].summary).toBe('“主动公开 / 先审后发”的得分依据改为：由记录计算：未经审核或签发的信息');
  });

  it('every other measure: its 建议分 is the rule applied to the records counted here', async () => {
    const v = await template();
    const check = async (name: string, measure: Parameters<typeof proposalOf>[1], n: number, score: number) => {
      const p = (await proposalOf(leaf(v, name).id, measure))!;
      expect([name, p.count, p.score]).toEqual([name, n, score]);
    };
    const proposalOf = (
      indicatorId: number,
      recordMeasure: 'latePublications' | 'lateAnswers' | 'training' | 'abFiling' | 'annualReportLate',
    ) => t.call('selfcheck.proposal', { indicatorId, recordMeasure });

    // 超期发布: formed → published more than 20 working days apart (two of them by two months or more).
    await publish({ title: '科技计划项目立项公示', formed: '2026-03-02', published: '2026-05-29' });
    await publish({ title: '科技特派员名单', formed: '2026-06-01', published: '2026-08-31' });
    await publish({ title: '创新券申领通知', formed: '2026-05-06', published: '2026-05-08' });
    await publish({ title: '工作动态', published: '2026-05-08' });
    const late = sql<{ n: number }>(
      `SELECT count(*) AS n FROM publication WHERE formed_date IS NOT NULL
       AND julianday(published_date) - julianday(formed_date) > 60`,
    ).n;
    expect(late).toBe(2);
    await check('公开时效', 'latePublications', late, byPerItem(5, 1, late));

    // 依申请: one answered months late, one on time, one still open long past its 20 working days.
    const req = (received: string, answered: string | null) =>
      t.call('disclosure.createRequest', {
        receivedDate: received,
        applicant: `申请人${received}`,
        applicantType: '自然人',
        method: '网络平台',
        content: '申请公开某项目资金安排',
        answeredDate: answered,
        result: answered ? '三.一' : null,
      });
    await req('2026-03-02', '2026-06-30');
    await req('2026-04-01', '2026-04-03');
    await req('2026-09-01', null);
    const lateAnswers = sql<{ n: number }>(
      `SELECT count(*) AS n FROM request WHERE (answered_date IS NOT NULL AND julianday(answered_date) - julianday(received_date) > 60)
       OR (answered_date IS NULL AND julianday(?) - julianday(received_date) > 60)`,
      TODAY,
    ).n;
    expect(lateAnswers).toBe(2);
    await check('依申请公开办理', 'lateAnswers', lateAnswers, byPerItem(8, 4, lateAnswers));

    // 培训: two 专题培训 required, one held.
    await t.call('team.saveSettings', { filingWorkingDays: 5, minSpecialTrainings: 2, minHoursPerPerson: 0 });
    await t.call('training.create', {
      date: '2026-05-12',
      title: '政务公开专题培训',
      kind: '政务公开专题培训',
      form: '集中授课',
      hours: 2,
    });
    await t.call('training.create', {
      date: '2026-06-12',
      title: '业务学习',
      kind: '业务学习',
      form: '会议',
      hours: 1,
    });
    const held = sql<{ n: number }>(
      `SELECT count(*) AS n FROM training WHERE kind = '政务公开专题培训' AND status = '已举办' AND date LIKE '2026-%'`,
    ).n;
    const short = Math.max(0, 2 - held);
    expect(short).toBe(1);
    await check('培训', 'training', short, byFixed(6, 3, short));

    // AB岗: one change filed after its due date, one never filed and past due, one filed in time.
    const dept = await t.call('departments.create', { name: '办公室' });
    const staff: number[] = [];
    for (const name of ['张三', '李四', '王五', '赵六'])
      staff.push(
        (
          await t.call('staff.create', {
            name,
            departmentId: dept.id,
            title: '科员',
            phone: '',
            status: '在岗',
            note: '',
          })
        ).id,
      );
    const post = await t.call('ab.createPost', { name: '信息发布审核岗', duties: '' });
    await t.call('ab.assign', { postId: post.id, role: 'A', staffId: staff[0], startDate: '2026-01-05' });
    await t.call('ab.assign', { postId: post.id, role: 'B', staffId: staff[1], startDate: '2026-01-05' });
    const handover = (date: string) => ({ date, items: '移交台账和账号', transitionEnd: null, note: '' });
    const c1 = await t.call('ab.change', {
      postId: post.id,
      role: 'A',
      toStaffId: staff[2],
      changeDate: '2026-03-02',
      reason: '调动',
      handover: handover('2026-03-02'),
    });
    await t.call('ab.file', { changeId: c1.id, filedDate: '2026-04-30', filedTo: '县政务公开办' });
    await t.call('ab.change', {
      postId: post.id,
      role: 'B',
      toStaffId: staff[3],
      changeDate: '2026-06-01',
      reason: '退休',
      handover: handover('2026-06-01'),
    });
    const c3 = await t.call('ab.change', {
      postId: post.id,
      role: 'A',
      toStaffId: staff[0],
      changeDate: '2026-09-01',
      reason: '轮岗',
      handover: handover('2026-09-01'),
    });
    await t.call('ab.file', { changeId: c3.id, filedDate: '2026-09-02', filedTo: '县政务公开办' });
    const notInTime = sql<{ n: number }>(
      `SELECT count(*) AS n FROM ab_change WHERE (filed_date IS NOT NULL AND filed_date > filing_due)
       OR (filed_date IS NULL AND filing_due < ?)`,
      TODAY,
    ).n;
    expect(notInTime).toBe(2);
    await check('AB岗', 'abFiling', notInTime, byPerItem(4, 2, notInTime));

    // 年报: last year's report has no record yet → the records cannot say (no 建议分); then published on 10 February.
    const none = (await proposalOf(leaf(v, '政府信息公开年度报告').id, 'annualReportLate'))!;
    expect([none.count, none.score, none.entry]).toEqual([null, null, null]);
    await publish({ title: '某县科学技术局2025年度政府信息公开工作年度报告', published: '2026-02-10' });
    const reportPublished = sql<{ d: string }>(
      `SELECT published_date AS d FROM publication WHERE title LIKE '%2025年度政府信息公开工作年度报告'`,
    ).d;
    const lateReport = reportPublished > '2026-01-31' ? 1 : 0;
    expect(lateReport).toBe(1);
    await check('政府信息公开年度报告', 'annualReportLate', lateReport, byPerItem(6, 5, lateReport));
  });
});

describe('the 自查报告 and the 整改报告 say only what the records bear out', () => {
  it('the 自查报告 lists each indicator’s records right under it and says 已评 N/M without a grade', async () => {
    const v = await template();
    await tasks([
      { title: '更新政府信息公开指南', date: '2026-03-31', status: '进行中' },
      { title: '梳理继续有效文件目录', date: '2026-06-30', status: '未开始' },
    ]);
    await t.call('selfcheck.acceptProposal', {
      indicatorId: leaf(v, '工作任务落实').id,
      recordMeasure: 'overdueTasks',
    });
    await t.call('selfcheck.export', { kind: 'selfcheck-docx', year: 2026 });
    const doc = (await readDocx(t.delivered.at(-1)!.data)).document.replace(/<[^>]+>/g, '');
    expect(doc).toContain('7项评分指标已评1项，已评指标得分4分（满分41分），尚有6项指标未评，全部评完后确定总分和等次');
    expect(doc).toContain('“工作任务落实”按记录核对，逾期任务2项，扣2分');
    expect(doc).not.toMatch(/等次为“/);
    // In the 附件 table: the indicator, then its two tasks, then the next indicator.
    const at = (s: string) => doc.indexOf(s, doc.indexOf('附件'));
    const order = ['工作任务落实', '1.更新政府信息公开指南', '2.梳理继续有效文件目录', '培训'].map(at);
    expect(order.every((x) => x > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(doc).toContain('逾期任务2项，按“每项扣1分，扣完为止”计，建议得4分（分值6分）。（采用建议分）');
    expect(doc).toContain('等次：评完后确定（已评 1/7）');
    expect(doc).not.toContain('已评 1/7；等次');
  });

  it('an 整改 closed as “本年度未承办建议提案” is not written as fact while the 发布登记 holds a 建议 答复', async () => {
    const item = await t.call('rectification.create', {
      year: 2026,
      source: '上级测评通报',
      problem: '“人大代表建议和政协委员提案办理”栏目为空',
      measure: '本年度未承办建议提案，发布情况说明',
      kind: '立行立改',
      state: '已完成',
      completedOn: '2026-11-20',
      explanation: true,
    });
    await t.call('rectification.signOff', { id: item.id, closedOn: '2026-11-25', closedBy: '王局长' });
    // Without any 答复 in the register the reason stands.
    expect((await rectificationContradictions(t.ws.context(), 2026)).size).toBe(0);
    await publish({ title: '关于县人大代表第12号建议的答复', published: '2026-07-15', column: '建议提案办理' });
    const found = (await rectificationContradictions(t.ws.context(), 2026)).get(item.id)!;
    expect(found.map((c) => [c.claim, c.basis, c.records])).toEqual([
      [
        '本年度未承办建议提案',
        '信息发布登记中2026年已发布建议提案答复1条',
        ['2026年7月15日发布的“关于县人大代表第12号建议的答复”'],
      ],
    ]);
    expect(await t.call('selfcheck.contradictions', { year: 2026 })).toHaveLength(1);
    await t.call('selfcheck.export', { kind: 'rectification-docx', year: 2026 });
    const doc = (await readDocx(t.delivered.at(-1)!.data)).document.replace(/<[^>]+>/g, '');
    expect(doc).not.toContain('因相关事项本年度未发生');
    expect(doc).toContain(
      '经核对，信息发布登记中2026年已发布建议提案答复1条（2026年7月15日发布的“关于县人大代表第12号建议的答复”），与“本年度未承办建议提案”不符。',
    );
    expect(doc).toContain('整改状态：台账记为2026年11月25日销号（复核人：王局长），其办结理由与记录不符，须重新核实。');
    expect(doc).toContain('已办结的问题中有1个的办结理由与记录不符，须重新核实');
  });

  it('a saved 自查报告 naming a grade the ratings do not give is flagged', async () => {
    const v = await template();
    const { sections } = await t.call('selfcheck.report', { year: 2026 });
    expect(await t.call('selfcheck.contradictions', { year: 2026 })).toEqual([]);
    await t.call('selfcheck.saveReport', {
      year: 2026,
      sections: { ...sections, situation: `经自查，我局自评总分96分，等次为“优秀”。\n${sections.situation}` },
    });
    const found = await t.call('selfcheck.contradictions', { year: 2026 });
    expect(found.map((c) => c.message)).toEqual([
      `自查报告“一、自查情况”写明等次为“优秀”，但${v.leaves}项评分指标已评0项，评完前不能确定等次，请按最新评分重新生成或改正。`,
    ]);
  });

  it('“栏目内容准确” is flagged while a finding names a 栏目 not updated; not before', async () => {
    const text = [{ where: '年报“一、总体情况”', text: '及时更新政府信息公开专栏，确保栏目内容准确、链接有效。' }];
    expect(await contradictionsInText(t.ws.context(), 2026, text)).toEqual([]);
    await t.call('rectification.create', {
      year: 2026,
      source: '自查',
      problem: '“工作动态”“通知公告”2个栏目超过半个月未更新',
      measure: '明确栏目责任人，每周巡查',
      kind: '限期整改',
      deadline: '2026-12-20',
    });
    const found = await contradictionsInText(t.ws.context(), 2026, text);
    expect(found.map((c) => [c.where, c.claim, c.records])).toEqual([
      ['年报“一、总体情况”', '栏目内容准确', ['整改台账第1项：“工作动态”“通知公告”2个栏目超过半个月未更新']],
    ]);
  });
});
