// The 核对 (check-year) on a small year built by hand: nothing on a clean year, and each planted disagreement found
// as its own kind, naming the documents and the record. Real SQLite files through the real dispatch().
import { describe, expect, it } from 'vitest';
import { FINDING_KIND_KEYS, parseCount, quotedFigures, type Finding } from '../../../shared/domain/yearcheck';
import { paragraphText } from '../../../shared/domain/summary';
import { workstationsPerTest, type TestWorkstation } from '../../helpers/workstation';
import { answered, makeCleanYear, Y } from './clean-year';

const open = workstationsPerTest();
const cleanYear = () => makeCleanYear(open);
type CleanYear = Awaited<ReturnType<typeof cleanYear>>;

async function findings(t: TestWorkstation): Promise<Finding[]> {
  return (await t.call('yearcheck.findings', { year: Y })).findings;
}
const ofKind = (fs: Finding[], kind: Finding['kind']) => fs.filter((f) => f.kind === kind);

/**
 * A policy document published on 1 June (formed on `formed`) and its 解读 published on 11 June: 8 working days later,
 * not 同步.
 */
async function lateInterpretation(t: CleanYear, formed: string): Promise<void> {
  const doc = await t.call('disclosure.createPublication', {
    title: '关于印发《县科技创新券管理办法》的通知',
    publishedDate: `${Y}-06-01`,
    formedDate: formed,
    columnId: t.column('政策文件'),
    channel: '门户网站',
    drafter: '赵敏',
  });
  await t.call('disclosure.createPublication', {
    title: '《县科技创新券管理办法》政策解读',
    publishedDate: `${Y}-06-11`,
    formedDate: `${Y}-06-11`,
    columnId: t.column('政策解读'),
    channel: '门户网站',
    interpretation: true,
    interpretsId: doc.id,
    drafter: '赵敏',
  });
}

async function saveTexts(t: TestWorkstation, texts: Partial<Record<string, string>>, extra = {}) {
  const view = await t.call('disclosure.report', { year: Y });
  const current = Object.fromEntries(view.sections.map((s) => [s.key, s.edited ? s.text : null]));
  await t.call('disclosure.saveYearInput', { ...view.input, ...extra, texts: { ...current, ...texts } as never });
}

describe('核对 on a clean year', () => {
  it('finds nothing when the documents agree with the records', async () => {
    const t = await cleanYear();
    expect(await findings(t)).toEqual([]);
  });
});

describe('核对 finds each planted disagreement', () => {
  it('figure-mismatch: the 年报 and the 总结 quoting a figure the records count differently', async () => {
    const t = await cleanYear();
    // Counted by hand: one publication, one application received.
    await saveTexts(t, { overviewActive: `${Y}年，全年主动公开政府信息5条。` });
    const summary = await t.call('summary.create', { year: Y, kind: '年度' });
    const p = summary.paragraphs.find((x) => x.level === 0) ?? summary.paragraphs[0];
    await t.call('summary.updateParagraph', { id: p.id, heading: p.heading, text: '全年新收政府信息公开申请三件。' });
    const f = ofKind(await findings(t), 'figure-mismatch');
    const report = f.find((x) => x.documents.includes('政府信息公开工作年度报告'))!;
    expect(report.message).toContain('“主动公开政府信息5条”');
    expect(report.message).toContain('主动公开条数为1条');
    expect(report.link).toBe('disclosure/report');
    const total = f.find((x) => x.documents.includes('年度工作总结'))!;
    expect(total.message).toContain('新收申请为1件');
    // Saying the counted figure is no finding.
    await saveTexts(t, { overviewActive: `${Y}年，全年主动公开政府信息1条。` });
    expect(ofKind(await findings(t), 'figure-mismatch').some((x) => x.message.includes('主动公开条数'))).toBe(false);
  });

  it('carry-over-mismatch: last year’s exported 结转下年度 against this year’s 上年结转', async () => {
    const t = await cleanYear();
    const r = await t.call(
      'disclosure.createRequest',
      answered({
        receivedDate: `${Y - 1}-12-28`,
        answeredDate: null,
        result: null,
        provideMedium: '',
        provideWay: '',
        provideDate: null,
      }),
    );
    await t.call('disclosure.export', { kind: 'annual-report-xlsx', year: Y - 1 });
    expect(ofKind(await findings(t), 'carry-over-mismatch')).toEqual([]);
    await t.call('disclosure.updateRequest', {
      id: r.id,
      ...answered({ receivedDate: `${Y - 1}-12-28`, answeredDate: `${Y - 1}-12-30`, provideDate: `${Y - 1}-12-30` }),
    });
    const f = ofKind(await findings(t), 'carry-over-mismatch');
    expect(f.map((x) => x.message).join()).toContain(`${Y - 1}年报告的“结转下年度继续办理”为 1，而本年“上年结转”为 0`);
  });

  it('claim-contradicted: 同步 with a late 解读, 及时 with a late item, 按期 with a late answer, no 建议提案 with one published', async () => {
    const t = await cleanYear();
    // The 解读 8 working days after the document; the document itself 40+ working days after it was formed.
    await lateInterpretation(t, `${Y}-04-01`);
    await t.call('disclosure.createPublication', {
      title: '关于县人大代表第12号建议的答复',
      publishedDate: `${Y}-07-01`,
      columnId: t.column('建议提案办理'),
      channel: '门户网站',
      drafter: '赵敏',
    });
    await t.call(
      'disclosure.createRequest',
      answered({ receivedDate: `${Y}-08-03`, answeredDate: `${Y}-09-30`, provideDate: `${Y}-09-30` }),
    );
    await saveTexts(t, {
      overviewActive: '政策文件与解读材料同步发布。',
      overviewManagement: '政府信息均做到及时公开。',
      overviewRequests: '所有申请均在法定期限内答复。',
    });
    const rect = await t.call('rectification.create', {
      year: Y,
      source: '上级测评通报',
      problem: '“建议提案办理”栏目为空',
      measure: '本年度未承办建议提案，发布情况说明',
      kind: '立行立改',
      state: '已完成',
      completedOn: `${Y}-12-01`,
      explanation: true,
    });
    await t.call('rectification.signOff', { id: rect.id, closedOn: `${Y}-12-02`, closedBy: '李明' });
    const f = ofKind(await findings(t), 'claim-contradicted');
    const says = (words: string) => f.find((x) => x.message.includes(words));
    expect(says('“同步发布”')!.message).toContain('晚8个工作日');
    expect(says('“及时公开”')!.message).toContain('超过20个工作日才公开');
    expect(says('“均在法定期限内答复”')!.message).toContain('超过答复期限');
    const proposals = says('未承办建议提案')!;
    expect(proposals.documents).toEqual(['整改台账', '整改情况报告']);
    expect(proposals.message).toContain('关于县人大代表第12号建议的答复');
    // An aim is not a claim.
    await saveTexts(t, {
      overviewActive: '下一步将确保政策文件与解读材料同步发布。',
      overviewManagement: '',
      overviewRequests: '',
    });
    expect(ofKind(await findings(t), 'claim-contradicted').some((x) => x.message.includes('同步发布'))).toBe(false);
  });

  it('claim-contradicted in the 总结: 下一步 plans are aims, a paragraph is named by its part, a title in 〈〉', async () => {
    const t = await cleanYear();
    // The 解读 8 working days after its document: the 总结 lists it as a problem and plans 同步 in 三、下一步工作打算.
    await lateInterpretation(t, `${Y}-06-01`);
    const summary = await t.call('summary.create', { year: Y, kind: '年度' });
    const next = summary.paragraphs.find((p) => p.key === 'next.list')!;
    expect(paragraphText(next, summary.figures)).toContain('同步组织、同步审签、同步发布');
    const claims = () =>
      t.call('yearcheck.findings', { year: Y }).then((v) => ofKind(v.findings, 'claim-contradicted'));
    // The generated 总结 plans 同步; it claims nothing the records contradict.
    expect(await claims()).toEqual([]);
    // A claim written into 二、存在的问题 is found, named by that part (not 开头), the 解读 named 《〈…〉政策解读》.
    const problems = summary.paragraphs.find((p) => p.key === 'problems.list')!;
    await t.call('summary.updateParagraph', {
      id: problems.id,
      heading: '',
      text: '本年度政策文件与解读材料同步发布。',
    });
    const [f] = await claims();
    expect(f.message).toContain('年度工作总结“二、存在的问题”段写“同步发布”');
    expect(f.message).toContain('《〈县科技创新券管理办法〉政策解读》晚8个工作日');
    expect(f.message).not.toContain('《《');
  });

  it('claim-contradicted: 按期完成 while a task of the plan is overdue', async () => {
    const t = await cleanYear();
    const plan = await t.call('plan.createSection', { year: Y, title: '一、推进主动公开' });
    await t.call('tasks.create', {
      sectionId: plan.sections[0].id,
      title: '更新政府信息公开指南',
      deadline: { kind: 'date', date: `${Y}-06-30` },
    });
    await saveTexts(t, { overviewSupervision: '各项任务均按期完成。' });
    const f = ofKind(await findings(t), 'claim-contradicted');
    expect(f.map((x) => x.message).join()).toContain('1项任务逾期未完成');
  });

  it('person-not-on-staff: a register naming an outsider and a 负责人 given as a title', async () => {
    const t = await cleanYear();
    for (const title of ['县科技局开展科技特派员服务', '县科技局组织农村科技培训'])
      await t.call('disclosure.createPublication', {
        title,
        publishedDate: `${Y}-09-01`,
        columnId: t.column('工作动态'),
        channel: '门户网站',
        approver: '周局长',
      });
    const b = (await t.call('app.status')).bureau!;
    await t.call('bureau.update', { ...b, head: '刘局长' });
    const f = ofKind(await findings(t), 'person-not-on-staff');
    expect(f).toHaveLength(2);
    expect(f[0].documents).toEqual(['信息发布登记']);
    expect(f[0].message).toContain('信息发布登记的签发人“周局长”不在人员名单中（2条记录');
    expect(f[1].message).toContain('单位信息的主要负责人“刘局长”不在人员名单中');
    expect(f[1].link).toBe('org');
  });

  it('placeholder: XX in the 年报, 待填写 in the 整改台账, an example website', async () => {
    const t = await cleanYear();
    await saveTexts(t, { other: '本年度收取信息处理费XX元。' });
    const item = await t.call('rectification.create', {
      year: Y,
      problem: '政策解读形式单一',
      measure: '待填写',
      kind: '立行立改',
    });
    // An earlier year's item still open is printed as 往年遗留: its link opens its own year's ledger.
    const carried = await t.call('rectification.create', {
      year: Y - 1,
      problem: '办事指南未及时更新',
      measure: '待填写',
      kind: '立行立改',
    });
    const b = (await t.call('app.status')).bureau!;
    await t.call('bureau.update', { ...b, website: 'http://www.example.gov.cn' });
    const f = ofKind(await findings(t), 'placeholder');
    expect(f.map((x) => x.message)).toEqual([
      expect.stringContaining('年度报告“六、其他需要报告的事项”含有占位文字“XX”'),
      // No 总结 saved: the one its export would draft quotes the measure in 下一步.
      expect.stringContaining('年度工作总结“三、下一步工作打算”段含有占位文字“待填写”'),
      expect.stringContaining('整改台账第1项（政策解读形式单一）的整改措施含有占位文字“待填写”'),
      expect.stringContaining(
        `往年遗留整改事项（${Y - 1}年度第1项，办事指南未及时更新）的整改措施含有占位文字“待填写”`,
      ),
      expect.stringContaining('单位信息的网站含有占位文字示例网址'),
    ]);
    expect(f[2].link).toBe(`selfcheck/ledger/${Y}/${item.id}`);
    expect(f[3].link).toBe(`selfcheck/ledger/${Y - 1}/${carried.id}`);
  });

  it('missing-contact: the 年报 needs the address, postcode, phone and website', async () => {
    const t = await cleanYear();
    const b = (await t.call('app.status')).bureau!;
    await t.call('bureau.update', { ...b, address: '', postcode: '' });
    const f = ofKind(await findings(t), 'missing-contact');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('地址、邮政编码还没有填写');
    expect(f[0].documents).toEqual(['政府信息公开工作年度报告']);
  });

  it('in-force-unexplained: 现行有效 ≠ last year’s + 制发 − 废止 until a reason is stated', async () => {
    const t = await cleanYear();
    const view = await t.call('disclosure.report', { year: Y });
    await t.call('disclosure.saveYearInput', { ...view.input, normInForce: 5 });
    const f = ofKind(await findings(t), 'in-force-unexplained');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('填的是 5，而上年现行有效 2 + 本年制发 0 − 本年废止 0 = 2');
    await t.call('disclosure.saveYearInput', { ...view.input, normInForce: 5, inForceNote: '经清理，恢复执行3件' });
    expect(ofKind(await findings(t), 'in-force-unexplained')).toEqual([]);
  });

  it('in-force-unknown: 现行有效 not entered and no report data of the year before to work it out from', async () => {
    const t = await cleanYear();
    // The clean year has last year's data (现行有效 2): nothing to say. Without it (a first year on the workstation)
    // the 0 the report would print is a figure nobody stated.
    expect(ofKind(await findings(t), 'in-force-unknown')).toEqual([]);
    t.ws
      .context()
      .raw.prepare('DELETE FROM disclosure_year_input WHERE year = ?')
      .run(Y - 1);
    const f = ofKind(await findings(t), 'in-force-unknown');
    expect(f).toHaveLength(1);
    // Only the 行政规范性文件: a county bureau makes no 规章, its 0 is no guess.
    expect(f[0].message).toContain(
      `表二“行政规范性文件 现行有效件数”未填写，工作台中又没有${Y - 1}年年度报告的数据可以推算`,
    );
    expect(f[0].documents).toEqual(['政府信息公开工作年度报告', '年报统计表（表二至表四）']);
    // Entered (0 when there are none): stated, so nothing to say.
    const view = await t.call('disclosure.report', { year: Y });
    expect(view.defaults.inForceFromPrevious).toBe(false);
    await t.call('disclosure.saveYearInput', { ...view.input, normInForce: 0 });
    expect(ofKind(await findings(t), 'in-force-unknown')).toEqual([]);
  });

  it('negative-count: a stored negative figure and more 废止 than were in force', async () => {
    const t = await cleanYear();
    // A negative figure can only come from outside the services (an old file, a hand edit): written behind their back.
    t.ws
      .context()
      .raw.prepare('UPDATE disclosure_year_input SET licensing = -2, rules_repealed = 1 WHERE year = ?')
      .run(Y);
    const f = ofKind(await findings(t), 'negative-count');
    expect(f.map((x) => x.message)).toEqual([
      expect.stringContaining('表二“行政许可 处理决定数量”为 -2，不能为负数'),
      expect.stringContaining('本年制发 0 − 本年废止 1 = -1，现行有效件数不能为负数'),
    ]);
  });

  it('table-check: a 勾稽 identity of table 三 that fails', async () => {
    const t = await cleanYear();
    // A result outside table 三 (possible only behind the services' back) is answered but counted in no row.
    t.ws.context().raw.prepare("UPDATE request SET result = '未知结果' WHERE applicant = '孙某'").run();
    const f = ofKind(await findings(t), 'table-check');
    expect(f.length).toBeGreaterThan(0);
    expect(f[0].message).toMatch(/表三“自然人”列/);
    expect(f[0].link).toBe('disclosure/requests');
  });

  it('has a test above for every kind', () => {
    expect(FINDING_KIND_KEYS).toEqual([
      'figure-mismatch',
      'carry-over-mismatch',
      'claim-contradicted',
      'person-not-on-staff',
      'left-staff-named',
      'placeholder',
      'missing-contact',
      'in-force-unexplained',
      'in-force-unknown',
      'negative-count',
      'table-check',
      'rectification-missing',
    ]);
  });
});

describe('reading the figures a sentence quotes', () => {
  it('reads each named figure as texts write it, and no other number', () => {
    expect(quotedFigures('全年主动公开政府信息１２条，其中政策文件3条', '主动公开条数').map((q) => q.value)).toEqual([
      12,
    ]);
    expect(quotedFigures('本年新收政府信息公开申请两件，上年结转1件', '新收申请').map((q) => q.value)).toEqual([2]);
    expect(quotedFigures('上年结转1件，结转下年度继续办理二十三件', '结转下年度').map((q) => q.value)).toEqual([23]);
    // 予以公开 alone, never 予以公开与部分公开 together.
    expect(quotedFigures('予以公开与部分公开3件', '予以公开')).toEqual([]);
    expect(quotedFigures('其中予以公开2件、部分公开1件', '予以公开').map((q) => q.value)).toEqual([2]);
    // The total score, not an indicator's.
    expect(quotedFigures('（一）组织保障。分值30分，自评得分25分。', '自查得分')).toEqual([]);
    expect(quotedFigures('自评总分92.5分（满分108分）', '自查得分').map((q) => q.value)).toEqual([92.5]);
    expect(parseCount('一百零五')).toBe(105);
    expect(parseCount('十二')).toBe(12);
  });
});
