// The self-check through the real dispatch on a real SQLite file: import a 细则, score leaves, the figures, bad
// entries refused in Chinese with nothing saved, 转为整改 → 销号, 回头看, and the exports read back.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { readDocx } from '../export/read-docx';
import { selfcheckFigures, openRectifications, selfcheckProblems } from '../../../main/services/selfcheck/figures';
import { yearPeriod } from '../../../shared/domain/period';
import { rectificationInputOf } from '../../../shared/domain/selfcheck';
import { buildXlsx, SAMPLE_HEADER, SAMPLE_ROWS } from './build-files';
import { rateRest } from './rate';

let t: TestWorkstation;
const NOW = new Date(2026, 10, 30, 10, 0, 0);
beforeEach(async () => {
  t = await openTestWorkstation({ year: 2026, now: () => NOW });
});
afterEach(() => t.cleanup());

async function importSample(year = 2026) {
  const buf = await buildXlsx({ title: `某县${year}年政务公开考核评分细则`, header: SAMPLE_HEADER, rows: SAMPLE_ROWS });
  const upload = { fileName: '细则.xlsx', dataBase64: buf.toString('base64') };
  const preview = await t.call('selfcheck.previewFile', { upload });
  expect(preview.levelSums[0]).toBe(100);
  expect(preview.problems).toEqual([]);
  await t.call('selfcheck.saveTemplate', {
    year,
    title: preview.title,
    total: 100,
    indicators: preview.indicators,
    source: 'import',
    upload,
  });
  return t.call('selfcheck.get', { year });
}
const leaf = (v: Awaited<ReturnType<typeof importSample>>, name: string) => v.rows.find((r) => r.name === name)!;

describe('self-check', () => {
  it('scores three leaves and a major deduction with every rule applied', async () => {
    let v = await importSample();
    expect(v.template?.title).toBe('某县2026年政务公开考核评分细则');
    // Freshly imported: nothing rated, nothing counted, no grade; 满分 100 with 8 bonus points apart.
    expect([v.scoredLeaves, v.leaves, v.total, v.grade, v.complete]).toEqual([0, 10, 0, null, false]);
    expect([v.maxBase, v.maxBonus, v.maxTotal]).toEqual([100, 8, 108]);
    expect(v.rows.every((r) => r.deducted === 0)).toBe(true);
    await t.call('selfcheck.saveEntry', {
      indicatorId: leaf(v, '审核、责任追究、发布管理制度').id,
      flag: true,
      reason: '未制定责任追究制度',
    });
    await t.call('selfcheck.saveEntry', {
      indicatorId: leaf(v, '栏目更新时效').id,
      count: 3,
      reason: '3个栏目超期未更新',
      measure: '建立栏目更新提醒',
    });
    await t.call('selfcheck.saveEntry', {
      indicatorId: leaf(v, '主要领导每年调度').id,
      score: 7,
      reason: '调度记录不全',
    });
    v = await t.call('selfcheck.get', { year: 2026 });
    // Only the three rated leaves count: (10 − 2) + (12 − 3) + 7 = 24; no grade while 7 are 未评.
    expect([v.total, v.scoredLeaves, v.grade]).toEqual([24, 3, null]);
    expect(v.rows.filter((r) => r.level === 1).map((r) => r.score)).toEqual([15, 9, 0, 0, 0]);
    // 已评 only: 制度建设 loses 2 + 3, not the 10 points of its unrated 人员管理制度.
    expect(leaf(v, '制度建设').deducted).toBe(5);
    // 暂定 shows the grade the 24 points reach, labelled; switching it off hides it again (both audited).
    await t.call('selfcheck.setProvisional', { year: 2026, provisional: true });
    v = await t.call('selfcheck.get', { year: 2026 });
    expect([v.grade, v.provisional]).toEqual(['不合格', true]);
    await t.call('selfcheck.setProvisional', { year: 2026, provisional: false });
    expect((await t.call('selfcheck.get', { year: 2026 })).grade).toBeNull();
    const marks = await t.call('audit.list', { entity: 'sc_template', entityId: v.template!.id });
    expect(marks.filter((a) => /暂定/.test(a.summary))).toHaveLength(2);
    v = await rateRest(t, 2026);
    // 制度建设 10 + 8 + 7 = 25; 平台管理 8 + (12 − 3) + 20 = 37; 新媒体 30; 总分 92 (满分 100＋加分8)
    expect(v.rows.filter((r) => r.level === 1).map((r) => r.score)).toEqual([25, 37, 30, 0, 0]);
    expect([v.total, v.maxTotal, v.grade, v.scoredLeaves, v.complete]).toEqual([92, 108, '优秀', 10, true]);
    await t.call('selfcheck.saveEntry', {
      indicatorId: leaf(v, '泄露国家秘密、工作秘密').id,
      count: 1,
      reason: '误发内部文件',
    });
    v = await t.call('selfcheck.get', { year: 2026 });
    // 重大扣分 每次10 → 82, 良好
    expect([v.total, v.grade]).toEqual([82, '良好']);
    const problems = await selfcheckProblems(t.ws.context(), 2026);
    expect(problems.map((p) => [p.indicator.split(' / ').pop(), p.deducted])).toEqual([
      ['审核、责任追究、发布管理制度', 2],
      ['主要领导每年调度', 3],
      ['栏目更新时效', 3],
      ['泄露国家秘密、工作秘密', 10],
    ]);
    const f = await selfcheckFigures(t.ws.context(), yearPeriod(2026));
    expect(f['selfcheck.score']).toEqual({
      value: 82,
      previous: null,
      source: '自查评分：2026年自评总分（全部指标评完、标为暂定或单项否决后才有）',
    });
    expect([f['selfcheck.maxScore'].value, f['selfcheck.maxBonus'].value]).toEqual([100, 8]);
    expect([f['selfcheck.rated'].value, f['selfcheck.leaves'].value, f['selfcheck.grade'].value]).toEqual([
      10,
      10,
      '良好',
    ]);
    expect(f['selfcheck.deducted'].value).toBe(18);
    expect(f['selfcheck.deductedItems'].value).toBe(4);
  });

  it('refuses a 自评分 above the points and a negative count, saving nothing', async () => {
    const v = await importSample();
    const id = leaf(v, '主要领导每年调度').id;
    await expect(t.call('selfcheck.saveEntry', { indicatorId: id, score: 12 })).rejects.toThrow(
      '自评分：“制度建设 / 上会部署 / 主要领导每年调度”的自评分 12 分超过该指标分值 10 分',
    );
    await expect(t.call('selfcheck.saveEntry', { indicatorId: leaf(v, '栏目更新时效').id, count: -1 })).rejects.toThrow(
      '输入有误：扣分次数不能为负数',
    );
    await expect(t.call('selfcheck.saveEntry', { indicatorId: leaf(v, '栏目更新时效').id, score: 5 })).rejects.toThrow(
      /请填写扣分次数，不直接填自评分/,
    );
    const after = await t.call('selfcheck.get', { year: 2026 });
    expect(after.scoredLeaves).toBe(0);
    expect(after.total).toBe(0);
  });

  it('replacing a year’s template needs confirmation; copy forward and the starter template', async () => {
    await importSample(2025);
    await expect(importSample(2025)).rejects.toThrow(/2025年已有考核细则.*确认替换/);
    const copied = await t.call('selfcheck.copyTemplate', { fromYear: 2025, toYear: 2026 });
    expect(copied.title).toBe('某县2026年政务公开考核评分细则');
    const starter = await t.call('selfcheck.starterPreview');
    expect(starter.problems).toEqual([]);
    expect(starter.levelSums[0]).toBe(100);
    await t.call('selfcheck.saveTemplate', {
      year: 2027,
      title: starter.title,
      total: starter.total,
      indicators: starter.indicators,
      source: 'builtin',
    });
    const v = await t.call('selfcheck.get', { year: 2027 });
    expect([v.total, v.maxBase, v.maxBonus, v.grade]).toEqual([0, 100, 8, null]);
    expect(v.rows.every((r) => r.source !== '')).toBe(true);
  });
});

describe('佐证材料', () => {
  it('links trainings, tasks, files and links; suggests the year’s trainings for a 培训 leaf; marks a deleted record', async () => {
    await t.call('selfcheck.saveTemplate', {
      year: 2026,
      title: '细则',
      total: 10,
      indicators: [
        {
          name: '监督保障',
          points: 10,
          children: [{ name: '政务公开培训', points: 10, criteria: '年内至少组织一次专题培训' }],
        },
      ],
    });
    const v = await t.call('selfcheck.get', { year: 2026 });
    const id = v.rows[1].id;
    const dept = await t.call('departments.create', { name: '办公室' });
    const staff = await t.call('staff.create', {
      name: '张三',
      departmentId: dept.id,
      title: '科员',
      phone: '',
      status: '在岗',
      note: '',
    });
    const training = await t.call('training.create', {
      date: '2026-05-10',
      title: '政务公开专题培训',
      kind: '政务公开专题培训',
      form: '集中授课',
      status: '已举办',
      organiser: '',
      trainer: '',
      place: '',
      hours: 2,
      summary: '',
      attendees: [{ staffId: staff.id, present: true }],
    });
    const suggested = await t.call('selfcheck.suggestEvidence', { indicatorId: id });
    expect(suggested).toEqual([
      {
        kind: 'training',
        refId: training.id,
        title: '培训：2026-05-10 政务公开专题培训（实到1人；未上传培训材料）',
        why: '指标涉及培训',
      },
    ]);
    await t.call('selfcheck.addEvidence', { indicatorId: id, kind: 'training', refId: training.id });
    await t.call('selfcheck.addEvidence', {
      indicatorId: id,
      kind: 'attachment',
      upload: { fileName: '签到表.pdf', dataBase64: Buffer.from('%PDF-1.4 test').toString('base64') },
    });
    await t.call('selfcheck.addEvidence', {
      indicatorId: id,
      kind: 'link',
      url: 'https://example.gov.cn/px.html',
      title: '培训通知',
    });
    await expect(
      t.call('selfcheck.addEvidence', { indicatorId: id, kind: 'link', url: 'example.gov.cn' }),
    ).rejects.toThrow('链接地址：请填写以 http:// 或 https:// 开头的网页链接');
    await expect(t.call('selfcheck.addEvidence', { indicatorId: id, kind: 'training', refId: 9999 })).rejects.toThrow(
      '所选的记录已不存在',
    );
    expect(await t.call('selfcheck.suggestEvidence', { indicatorId: id })).toEqual([]);
    await t.call('training.delete', { id: training.id });
    const ev = (await t.call('selfcheck.get', { year: 2026 })).rows[1].evidence;
    expect(ev.map((e) => [e.kind, e.title, e.exists])).toEqual([
      ['training', '培训：2026-05-10 政务公开专题培训（实到1人；未上传培训材料）（原记录已删除）', false],
      ['attachment', '签到表.pdf', true],
      ['link', '培训通知', true],
    ]);
    const file = await t.call('attachments.download', { id: ev[1].attachmentId! });
    expect(file.status).toBe('saved');
    await t.call('selfcheck.removeEvidence', { id: ev[1].id });
    expect((await t.call('selfcheck.get', { year: 2026 })).rows[1].evidence).toHaveLength(2);
  });

  it('a template that cannot be saved leaves nothing behind', async () => {
    await expect(
      t.call('selfcheck.saveTemplate', {
        year: 2026,
        title: '细则',
        total: 10,
        indicators: [{ name: '甲', points: 10, children: [{ name: '', points: 5 }] }],
      }),
    ).rejects.toThrow(/指标名称不能为空/);
    const deep = {
      name: 'L1',
      children: [
        {
          name: 'L2',
          children: [
            {
              name: 'L3',
              children: [
                {
                  name: 'L4',
                  children: [{ name: 'L5', children: [{ name: 'L6', children: [{ name: 'L7', points: 1 }] }] }],
                },
              ],
            },
          ],
        },
      ],
    };
    await expect(
      t.call('selfcheck.saveTemplate', { year: 2026, title: '细则', total: 1, indicators: [deep] }),
    ).rejects.toThrow('指标层级超过 6 级');
    expect((await t.call('selfcheck.get', { year: 2026 })).template).toBeNull();
    expect(await t.ws.context().db.selectFrom('sc_indicator').select('id').execute()).toEqual([]);
  });
});

describe('整改台账', () => {
  it('转为整改 carries the reason; 销号 needs 已完成, a date and who checked', async () => {
    const v = await importSample();
    const id = leaf(v, '栏目更新时效').id;
    await t.call('selfcheck.saveEntry', {
      indicatorId: id,
      count: 2,
      reason: '2个栏目超期未更新',
      measure: '每周巡查栏目',
    });
    const r = await t.call('selfcheck.rectify', { indicatorId: id, deadline: '2026-12-10' });
    expect(r).toMatchObject({
      source: '自查',
      problem: '2个栏目超期未更新',
      measure: '每周巡查栏目',
      kind: '限期整改',
      state: '未开始',
      seq: 1,
      origin: '平台管理与信息更新 / 信息更新 / 栏目更新时效',
    });
    // 2026-11-30 (Mon) → 12-10 (Thu): 8 working days left; more than 5 → on track.
    expect([r.light, r.workingDaysLeft, r.overdue]).toEqual(['onTrack', 8, false]);
    await expect(t.call('selfcheck.rectify', { indicatorId: id })).rejects.toThrow(/已有未销号的整改事项/);
    await expect(
      t.call('rectification.signOff', { id: r.id, closedOn: '2026-11-30', closedBy: '李副局长' }),
    ).rejects.toThrow(/当前状态为“未开始”.*完成整改/);
    const p = await t.call('rectification.addProgress', {
      rectificationId: r.id,
      date: '2026-11-30',
      text: '已补发栏目信息',
    });
    expect(p.state).toBe('整改中');
    const item = rectificationInputOf(p);
    await t.call('rectification.update', { id: r.id, item: { ...item, state: '已完成', completedOn: '2026-11-30' } });
    await expect(t.call('rectification.signOff', { id: r.id, closedOn: '2026-11-30', closedBy: '' })).rejects.toThrow(
      '复核人：请填写销号复核人',
    );
    const closed = await t.call('rectification.signOff', { id: r.id, closedOn: '2026-11-30', closedBy: '李副局长' });
    expect([closed.state, closed.closedOn, closed.closedBy, closed.light]).toEqual([
      '已销号',
      '2026-11-30',
      '李副局长',
      'done',
    ]);
    await expect(t.call('rectification.update', { id: r.id, item: { ...item, state: '整改中' } })).rejects.toThrow(
      /已于 2026-11-30 销号，不能再修改/,
    );
    const f = await selfcheckFigures(t.ws.context(), yearPeriod(2026));
    expect([f['rectification.opened'].value, f['rectification.closed'].value, f['rectification.open'].value]).toEqual([
      1, 1, 0,
    ]);
  });

  it('an overdue item is derived from its deadline in working days', async () => {
    const r = await t.call('rectification.create', {
      year: 2026,
      source: '上级测评通报',
      problem: '解读材料未同步发布',
      measure: '补发解读',
      kind: '限期整改',
      deadline: '2026-11-20',
    });
    expect([r.overdue, r.light, r.state]).toEqual([true, 'overdue', '未开始']);
    expect(await openRectifications(t.ws.context(), yearPeriod(2026))).toEqual([
      { problem: '解读材料未同步发布', measure: '补发解读', deadline: '2026-11-20', state: '未开始（逾期）' },
    ]);
    await expect(t.call('rectification.create', { year: 2026, problem: '', kind: '限期整改' })).rejects.toThrow(
      /请填写问题描述.*限期整改请填写整改时限/,
    );
  });
});

describe('回头看', () => {
  it('lists last year’s tasks as done, late or unfinished, and turns an unfinished one into an item or carries it', async () => {
    await t.call('plan.save', { year: 2025, title: '2025年政务公开实施方案' });
    const plan = await t.call('plan.createSection', { year: 2025, title: '一、主动公开' });
    const sectionId = plan.sections[0].id;
    const mk = (title: string, status: '已完成' | '进行中', completedOn: string | null) =>
      t.call('tasks.create', {
        sectionId,
        title,
        deadline: { kind: 'date', date: '2025-06-30' },
        status,
        completedOn,
      });
    await mk('更新政府信息公开指南', '已完成', '2025-06-01');
    await mk('发布年度报告', '已完成', '2025-07-15');
    const open = await mk('梳理继续有效文件目录', '进行中', null);
    let lb = await t.call('lookback.get', { year: 2026 });
    expect(lb.tasks.map((x) => x.outcome)).toEqual(['按期完成', '逾期完成', '未完成']);
    await t.call('lookback.setReason', { taskId: open.id, reason: '文件数量多，尚未清理完' });
    const r = await t.call('lookback.toRectification', { taskId: open.id, year: 2026, deadline: null });
    expect(r).toMatchObject({
      source: '回头看',
      problem: '上年度任务“梳理继续有效文件目录”未按期完成（原因：文件数量多，尚未清理完）',
      kind: '立行立改',
    });
    await expect(t.call('lookback.carryForward', { taskId: open.id, year: 2026 })).rejects.toThrow(
      /2026年还没有实施方案/,
    );
    await t.call('plan.save', { year: 2026, title: '2026年政务公开实施方案' });
    const carried = await t.call('lookback.carryForward', { taskId: open.id, year: 2026 });
    const { task } = await t.call('tasks.get', { id: carried.taskId });
    expect([task.title, task.sectionTitle, task.deadlineLabel]).toEqual([
      '梳理继续有效文件目录',
      '上年度结转任务',
      '年底前',
    ]);
    lb = await t.call('lookback.get', { year: 2026 });
    expect(lb.tasks[2]).toMatchObject({
      reason: '文件数量多，尚未清理完',
      rectificationId: r.id,
      carriedTaskId: carried.taskId,
    });
    const figures = await selfcheckFigures(t.ws.context(), yearPeriod(2026));
    expect([figures['lookback.unfinished'].value, figures['lookback.followedUp'].value]).toEqual([1, 1]);
  });
});

describe('exports', () => {
  it('自查评分表 sums equal the app’s; 自查报告 has its four parts numbered 1:1; 整改台账 and 报告 list each item', async () => {
    const v = await importSample();
    await t.call('selfcheck.saveEntry', {
      indicatorId: leaf(v, '栏目更新时效').id,
      count: 3,
      reason: '3个栏目超期未更新',
      measure: '建立栏目更新提醒',
    });
    await t.call('selfcheck.saveEntry', {
      indicatorId: leaf(v, '主要领导每年调度').id,
      score: 7,
      reason: '调度记录不全',
    });
    await t.call('selfcheck.addEvidence', {
      indicatorId: leaf(v, '主要领导每年调度').id,
      kind: 'link',
      url: 'https://example.gov.cn/a.html',
      title: '局务会纪要',
    });
    await t.call('selfcheck.rectify', { indicatorId: leaf(v, '栏目更新时效').id, deadline: '2026-12-31' });
    const after = await rateRest(t, 2026);
    await t.call('selfcheck.export', { kind: 'selfcheck-xlsx', year: 2026 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.delivered.at(-1)!.data as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual([
      '序号',
      '一级指标',
      '二级指标',
      '三级指标',
      '分值',
      '评分标准',
      '自评分',
      '扣分',
      '失分原因',
      '依据的记录',
      '佐证材料',
      '整改措施',
    ]);
    const rows = [];
    for (let r = 4; r <= ws.rowCount; r++) rows.push((ws.getRow(r).values as unknown[]).slice(1));
    const tops = rows.filter((r) => r[1]);
    const total = rows.at(-1)!;
    expect(total[0]).toBe('合计');
    expect(total[6]).toBe(after.total);
    expect(tops.reduce((a, r) => a + (typeof r[6] === 'number' ? r[6] : 0), 0)).toBe(after.total);
    const row = rows.find((r) => r[3] === '栏目更新时效')!;
    expect([row[6], row[7], row[8], row[11]]).toEqual([9, 3, '3个栏目超期未更新', '建立栏目更新提醒']);
    expect(rows.find((r) => r[3] === '主要领导每年调度')![10]).toBe('局务会纪要（https://example.gov.cn/a.html）');
    // 满分 as base and bonus apart, never 108 beside 100.
    expect([total[4], total[5]]).toEqual(['100＋加分8', '等次：优秀']);
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');

    await t.call('selfcheck.export', { kind: 'selfcheck-docx', year: 2026 });
    const doc = (await readDocx(t.delivered.at(-1)!.data)).document.replace(/<[^>]+>/g, '');
    for (const h of ['一、自查情况', '二、存在的问题', '三、整改措施', '四、下一步工作打算']) expect(doc).toContain(h);
    expect(doc).toContain('自评总分94分（满分100分，另设加分8分），等次为“优秀”');
    expect(doc).toContain('1.上会部署—主要领导每年调度：调度记录不全（扣3分）');
    expect(doc).toContain('1.针对“主要领导每年调度”问题');
    expect(doc).toContain('2.针对“栏目更新时效”问题：建立栏目更新提醒。');
    expect(doc).not.toContain('（四）重大扣分项');

    await t.call('selfcheck.export', { kind: 'rectification-xlsx', year: 2026 });
    const lw = new ExcelJS.Workbook();
    await lw.xlsx.load(t.delivered.at(-1)!.data as unknown as ArrayBuffer);
    expect((lw.worksheets[0].getRow(4).values as unknown[]).slice(1, 5)).toEqual([
      1,
      '自查',
      '平台管理与信息更新 / 信息更新 / 栏目更新时效',
      '3个栏目超期未更新',
    ]);
    await t.call('selfcheck.export', { kind: 'rectification-docx', year: 2026 });
    const rd = (await readDocx(t.delivered.at(-1)!.data)).document.replace(/<[^>]+>/g, '');
    // Only the state the item is in, never "已销号0个".
    expect(rd).toContain('共梳理问题1个，目前尚未开始整改。');
    expect(rd).not.toMatch(/0个/);
    expect(rd).toContain('（一）3个栏目超期未更新。');
  });
});
