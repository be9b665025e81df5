// The 信息公开 services on a real SQLite file: registers, validation (nothing half-written), the report view with its
// cross-year checks, the figures for the 年度总结, the home card and the demo.
import { afterEach, describe, expect, it } from 'vitest';
import { emptyYearInput, type RequestInput } from '../../../shared/domain/disclosure';
import { disclosureFigures, publicationsByMonth } from '../../../main/services/disclosure/figures';
import { yearPeriod } from '../../../shared/domain/period';
import { loadDemo } from '../../../main/services/demo';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';

let t: TestWorkstation | null = null;
afterEach(() => {
  t?.cleanup();
  t = null;
});

const req = (r: Partial<RequestInput>): RequestInput => ({
  receivedDate: '2026-03-02',
  applicant: '张三',
  applicantType: '自然人',
  method: '邮寄',
  content: '某项政府信息',
  ...r,
});
const count = async (table: 'request' | 'request_step' | 'publication' | 'disclosure_year_input') =>
  Number(
    (
      await t!.ws
        .context()
        .db.selectFrom(table)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('信息发布登记', () => {
  it('flags late publication, refuses 三审 out of order and duplicates, and keeps an interpreted document', async () => {
    t = await openTestWorkstation();
    const col = (await t.call('disclosure.columns')).find((c) => c.name === '政策文件')!.id;
    // Formed 2026-01-05, published 2026-02-10: 1-6…1-9 (4), 1-12…30 (19), 2-2…6 (24), 2-9, 2-10 (26) working days.
    const doc = await t.call('disclosure.createPublication', {
      title: '关于印发某办法的通知',
      publishedDate: '2026-02-10',
      formedDate: '2026-01-05',
      columnId: col,
      channel: '门户网站',
    });
    expect(doc).toMatchObject({ publishDelay: 26, late: true, reviewComplete: false });
    await expect(
      t.call('disclosure.createPublication', {
        title: '关于印发某办法的通知',
        publishedDate: '2026-02-10',
        columnId: col,
        channel: '门户网站',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('同一标题同一天不能重复登记') });
    await expect(
      t.call('disclosure.createPublication', {
        title: '乙',
        publishedDate: '2026-02-10',
        columnId: col,
        channel: '门户网站',
        draftedDate: '2026-02-05',
        reviewedDate: '2026-02-03',
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('审核日期（2026-02-03）早于拟稿日期') });
    await expect(
      t.call('disclosure.createPublication', {
        title: '丙',
        publishedDate: '2026-02-10',
        columnId: col,
        channel: '门户网站',
        approvedDate: '2026-02-11',
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('应先审后发') });
    const full = await t.call('disclosure.createPublication', {
      title: '某办法解读',
      publishedDate: '2026-02-11',
      columnId: col,
      channel: '门户网站',
      interpretation: true,
      interpretsId: doc.id,
      drafter: '甲',
      draftedDate: '2026-02-09',
      reviewer: '乙',
      reviewedDate: '2026-02-10',
      approver: '丙',
      approvedDate: '2026-02-10',
    });
    expect(full).toMatchObject({ reviewComplete: true, interpretsTitle: '关于印发某办法的通知' });
    await expect(t.call('disclosure.deletePublication', { id: doc.id })).rejects.toMatchObject({ code: 'IN_USE' });
    expect(await count('publication')).toBe(2);
  });
});

describe('依申请公开 register', () => {
  it('stores an application, its 补正 and answer, and refuses bad input naming the field without writing anything', async () => {
    t = await openTestWorkstation({ now: () => new Date(2026, 2, 20, 10) });
    const r = await t.call('disclosure.createRequest', req({}));
    expect(r.deadline.state).toBe('正常');
    // 3-3…3-6 (4), 3-9…13 (9), 3-16…20 (14), 3-23…27 (19), 3-30 (20).
    expect(r.deadline.dueDate).toBe('2026-03-30');
    const paused = await t.call('disclosure.updateRequest', {
      id: r.id,
      ...req({ steps: [{ kind: '补正', startDate: '2026-03-04' }] }),
    });
    expect(paused.deadline.state).toBe('暂停计时');
    const answered = await t.call('disclosure.updateRequest', {
      id: r.id,
      ...req({
        steps: [{ kind: '补正', startDate: '2026-03-04', endDate: '2026-03-10' }],
        answeredDate: '2026-03-18',
        result: '三.二',
      }),
    });
    // From the 补正 on 3-10: 3-11…13 (3), 3-16…20 (8), 3-23…27 (13), 3-30…4-3 (18), 清明 4-4…4-6 off, 4-7 (19), 4-8 (20).
    expect(answered.deadline.dueDate).toBe('2026-04-08');
    expect(answered.deadline.state).toBe('按期办结');

    const before = [await count('request'), await count('request_step')];
    await expect(
      t.call('disclosure.createRequest', req({ answeredDate: '2026-03-01', result: '三.一' })),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('答复日期（2026-03-01）早于收到日期'),
    });
    await expect(
      t.call(
        'disclosure.createRequest',
        req({ steps: [{ kind: '补正', startDate: '2026-03-20' }], answeredDate: '2026-03-10', result: '三.一' }),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('晚于答复日期') });
    await expect(
      t.call('disclosure.createRequest', { ...req({}), result: '不予公开-其他' } as unknown as RequestInput),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('21种情形') });
    await expect(
      t.call('disclosure.createRequest', { ...req({}), applicantType: '个体户' } as unknown as RequestInput),
    ).rejects.toMatchObject({ message: expect.stringContaining('申请人类型应为') });
    // Messages name fields in Chinese, never by their code names.
    const e = await t
      .call('disclosure.createRequest', { ...req({}), receivedDate: '3月2日', feeYuan: -5 } as unknown as RequestInput)
      .catch((x: Error) => x);
    expect((e as Error).message).toContain('收到日期');
    expect((e as Error).message).toContain('信息处理费不能为负数');
    expect((e as Error).message).not.toMatch(/[A-Za-z]{3,}/);
    await expect(
      t.call('disclosure.updateRequest', { id: r.id, ...req({ answeredDate: '2026-03-01', result: '三.一' }) }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect([await count('request'), await count('request_step')]).toEqual(before);
    // The failed update left the stored steps alone.
    expect((await t.call('disclosure.requests', { year: 2026 }))[0].steps).toHaveLength(1);
  });

  it("uses the user's calendar overrides and 即将到期 setting for the 答复期限", async () => {
    t = await openTestWorkstation({ now: () => new Date(2026, 2, 24, 10) });
    const r = await t.call('disclosure.createRequest', req({}));
    expect(r.deadline.dueDate).toBe('2026-03-30');
    // 3-25…27, 3-30: four working days left, beyond a 3-day warning.
    await t.call('calendar.save', { overrides: [], dueSoonDays: 3 });
    expect((await t.call('disclosure.requests', { year: 2026 }))[0].deadline.state).toBe('正常');
    // A local holiday on 3-30 moves the limit to 3-31.
    await t.call('calendar.save', {
      overrides: [{ date: '2026-03-30', kind: 'holiday', note: '本地放假' }],
      dueSoonDays: 5,
    });
    const after = (await t.call('disclosure.requests', { year: 2026 }))[0];
    expect(after.deadline.dueDate).toBe('2026-03-31');
    expect(after.deadline.state).toBe('即将到期');
  });

  it('links 复议 to an application, refuses deleting it, and counts it in table 四', async () => {
    t = await openTestWorkstation({ now: () => new Date(2026, 5, 1) });
    const r = await t.call('disclosure.createRequest', req({ answeredDate: '2026-03-10', result: '三.四.1' }));
    await expect(
      t.call('disclosure.saveReview', {
        id: null,
        requestId: r.id,
        kind: '行政复议',
        filedDate: '2026-04-01',
        result: '维持',
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('请填写审结日期') });
    await t.call('disclosure.saveReview', {
      id: null,
      requestId: r.id,
      kind: '行政复议',
      filedDate: '2026-04-01',
      result: '维持',
      decidedDate: '2026-05-20',
    });
    await expect(t.call('disclosure.deleteRequest', { id: r.id })).rejects.toMatchObject({ code: 'IN_USE' });
    const view = await t.call('disclosure.report', { year: 2026 });
    expect(view.report.reviews.values.slice(0, 5)).toEqual([1, 0, 0, 0, 1]);
  });
});

describe('年度报告', () => {
  it('derives 现行有效 from last year, warns on a differing figure, refuses negative numbers, and checks the carry across years', async () => {
    t = await openTestWorkstation({ now: () => new Date(2027, 0, 10) });
    await t.call('disclosure.saveYearInput', { ...emptyYearInput(2025), normInForce: 5 });
    let view = await t.call('disclosure.saveYearInput', { ...emptyYearInput(2026), normIssued: 2, normRepealed: 1 });
    expect(view.report.active.normativeDocuments.inForce).toBe(6);
    view = await t.call('disclosure.saveYearInput', {
      ...emptyYearInput(2026),
      normIssued: 2,
      normRepealed: 1,
      normInForce: 9,
    });
    expect(view.report.problems.join()).toContain('填的是 9，而上年现行有效 5 + 本年制发 2 − 本年废止 1 = 6');
    const rows = await count('disclosure_year_input');
    await expect(t.call('disclosure.saveYearInput', { ...emptyYearInput(2026), licensing: -1 })).rejects.toMatchObject({
      message: expect.stringContaining('行政许可处理决定数量不能为负数'),
    });
    await expect(
      t.call('disclosure.saveYearInput', { ...emptyYearInput(2026), feesWan: Number.NaN }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await count('disclosure_year_input')).toBe(rows);

    // 2025's report exported with one application carried over; then that application is edited.
    const r = await t.call('disclosure.createRequest', req({ receivedDate: '2025-12-29' }));
    await t.call('disclosure.export', { kind: 'annual-report-xlsx', year: 2025 });
    expect((await t.call('disclosure.report', { year: 2026 })).report.problems.join()).not.toContain(
      '结转下年度继续办理',
    );
    await t.call('disclosure.updateRequest', {
      id: r.id,
      ...req({ receivedDate: '2025-12-29', answeredDate: '2025-12-31', result: '三.一' }),
    });
    const after = await t.call('disclosure.report', { year: 2026 });
    expect(after.report.problems.join()).toContain('2025年报告的“结转下年度继续办理”为 1，而本年“上年结转”为 0');
  });

  it('drafts 五 from the registers: a late answer is said with its remedy; an empty register gets one plain weakness', async () => {
    t = await openTestWorkstation({ now: () => new Date(2026, 10, 1) });
    const empty = await t.call('disclosure.report', { year: 2026 });
    expect(empty.sections.find((s) => s.key === 'problems')!.text).toBe(
      '2026年本单位政府信息公开工作取得了一定成效，但仍存在一些不足：在围绕群众关切提升主动公开信息实用性方面还需进一步加强。' +
        '下一步，将围绕群众关切及时发布信息，进一步提升政府信息公开质量。',
    );
    // Received 2 March, answered 30 April: past the 20 working days.
    await t.call('disclosure.createRequest', req({ answeredDate: '2026-04-30', result: '三.一' }));
    const late = await t.call('disclosure.report', { year: 2026 });
    expect(late.sections.find((s) => s.key === 'problems')!.text).toBe(
      '2026年本单位政府信息公开工作取得了一定成效，但仍存在一些不足：一是1件政府信息公开申请超过法定期限才答复；' +
        '二是在围绕群众关切提升主动公开信息实用性方面还需进一步加强。下一步，将加强依申请公开办理时限管理，逐件跟踪答复期限，' +
        '围绕群众关切及时发布信息，进一步提升政府信息公开质量。',
    );
  });

  it("drafts the texts from the registers and keeps an edited text; offers last year's 五", async () => {
    t = await openTestWorkstation({ now: () => new Date(2026, 10, 1) });
    const cols = await t.call('disclosure.columns');
    const id = (n: string) => cols.find((c) => c.name === n)!.id;
    const doc = await t.call('disclosure.createPublication', {
      title: '关于印发某办法的通知',
      publishedDate: '2026-03-02',
      columnId: id('政策文件'),
      channel: '门户网站',
      normative: true,
    });
    await t.call('disclosure.createPublication', {
      title: '某办法解读',
      publishedDate: '2026-03-03',
      columnId: id('政策解读'),
      channel: '政务新媒体',
      interpretation: true,
      interpretsId: doc.id,
    });
    await t.call('disclosure.createPublication', {
      title: '关于某建议的答复',
      publishedDate: '2026-06-03',
      columnId: id('建议提案办理'),
      channel: '门户网站',
    });
    await t.call('disclosure.createRequest', req({ answeredDate: '2026-03-20', result: '三.一', feeYuan: 100 }));
    await t.call('disclosure.saveYearInput', {
      ...emptyYearInput(2025),
      texts: { ...emptyYearInput(2025).texts, problems: '去年的问题：解读形式单一，改进措施是丰富图解。' },
    });
    const view = await t.call('disclosure.report', { year: 2026 });
    const text = (k: string) => view.sections.find((s) => s.key === k)!;
    expect(text('overviewActive').text).toContain('主动公开政府信息3条，其中政策文件1条、政策解读1条、建议提案办理1条');
    expect(text('overviewActive').text).toContain('政策解读1篇');
    expect(text('overviewRequests').text).toContain('新收政府信息公开申请1件');
    expect(text('other').text).toContain('收取信息处理费共计100元');
    expect(text('other').text).toContain('建议和政协提案办理答复1件');
    expect(text('problems').previous).toContain('去年的问题');
    // 五 from the records: none of the 3 carries its 三审 record, and the one 解读 is text only; each with its remedy.
    expect(text('problems').text).toBe(
      '2026年本单位政府信息公开工作取得了一定成效，但仍存在一些不足：一是3条信息未留存完整的拟稿、审核、签发记录；' +
        '二是政策解读形式较为单一，图解、音视频等多样化解读较少。下一步，将落实信息发布“三审”留痕，丰富图表图解、音视频等解读形式，' +
        '进一步提升政府信息公开质量。',
    );
    // The register has 1 规范性文件 while table 二 says 0.
    expect(view.report.problems.join()).toContain('规范性文件有 1 件');
    const saved = await t.call('disclosure.saveYearInput', {
      ...view.input,
      normIssued: 1,
      texts: { ...view.input.texts, problems: '无' },
    });
    expect(saved.sections.find((s) => s.key === 'problems')!.text).toBe('无');
    expect(saved.report.problems.join()).toContain('过于简单');
  });
});

describe('for other areas', () => {
  it('gives figures with last year and their source, and the month histogram', async () => {
    t = await openTestWorkstation({ now: () => new Date(2026, 10, 1) });
    const col = (await t.call('disclosure.columns')).find((c) => c.name === '工作动态')!.id;
    await t.call('disclosure.createPublication', {
      title: 'A',
      publishedDate: '2026-02-02',
      columnId: col,
      channel: '门户网站',
    });
    await t.call('disclosure.createPublication', {
      title: 'B',
      publishedDate: '2026-02-09',
      columnId: col,
      channel: '公开栏',
    });
    let f = await disclosureFigures(t.ws.context(), yearPeriod(2026));
    expect(f['disclosure.published']).toEqual({ value: 2, previous: null, source: '信息发布登记：2026年发布的信息' });
    expect(f['disclosure.column.工作动态'].value).toBe(2);
    expect(f['disclosure.channel.公开栏'].value).toBe(1);
    for (const k of [
      'interpretations',
      'normativeIssued',
      'requestsReceived',
      'requestsAnswered',
      'requestsFullyDisclosed',
      'requestsPartlyDisclosed',
      'requestsFullyOrPartlyDisclosed',
      'requestsCarriedIn',
      'requestsCarriedOut',
      'reviews',
      'lawsuits',
      'requestsAnsweredLate',
    ]) {
      expect(f[`disclosure.${k}`], k).toBeDefined();
    }
    await t.call('disclosure.createPublication', {
      title: 'C',
      publishedDate: '2025-05-05',
      columnId: col,
      channel: '门户网站',
    });
    await t.call('disclosure.createRequest', req({ receivedDate: '2025-12-29' }));
    f = await disclosureFigures(t.ws.context(), yearPeriod(2026));
    expect(f['disclosure.published'].previous).toBe(1);
    // Received 29 December 2025 and still open: 2025's 结转下年度 (表三 四) is 2026's 上年结转 (表三 二), and still open
    // at the end of 2026 it is 2026's 结转下年度 too.
    expect(f['disclosure.requestsCarriedOut'].previous).toBe(1);
    expect(f['disclosure.requestsCarriedIn'].value).toBe(1);
    expect(f['disclosure.requestsCarriedIn'].previous).toBe(0);
    expect(f['disclosure.requestsCarriedOut'].value).toBe(1);
    expect(await publicationsByMonth(t.ws.context(), 2026)).toEqual([0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("shows last year's report due on the home card from 1 January, with the internal date from settings", async () => {
    t = await openTestWorkstation({ now: () => new Date(2027, 0, 10) });
    await t.call('disclosure.saveSettings', { reportDue: '01-25' });
    const home = await t.call('disclosure.home');
    expect(home.report).toEqual({ year: 2026, due: '2027-01-25', daysLeft: 15, exportedAt: null });
    await expect(t.call('disclosure.saveSettings', { reportDue: '02-30' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('the demo gives every table non-zero cells and consistent figures', async () => {
    t = await openTestWorkstation({ setup: false, now: () => new Date(2026, 10, 20, 9) });
    await loadDemo(t.ws.context());
    const view = await t.call('disclosure.report', { year: 2026 });
    const total = (k: string) => view.report.requests.rows.find((r) => r.key === k)!.values[6];
    expect(view.checkFailures).toEqual([]);
    for (const k of ['一', '二', '三.七', '四']) expect(total(k), k).toBeGreaterThan(0);
    expect(view.report.reviews.values[4]).toBeGreaterThan(0);
    expect(view.report.active.normativeDocuments.inForce).toBeGreaterThan(0);
    const requests = await t.call('disclosure.requests', { year: 2026 });
    expect(requests.some((r) => r.steps.some((s) => s.kind === '补正'))).toBe(true);
    expect(requests.some((r) => r.steps.some((s) => s.kind === '延期'))).toBe(true);
    expect(requests.some((r) => r.receivedDate < '2026-01-01')).toBe(true);
    expect((await t.call('disclosure.publicationStats', { year: 2026 })).byChannel.length).toBeGreaterThan(2);
    // 五 says what the registers show and what the 总结 says: the late publications by the same figure, and no
    // 解读形式单一 while a 图解 was published.
    const problems = view.sections.find((x) => x.key === 'problems')!.text;
    const { figures } = await t.call('summary.figures', { year: 2026, kind: '年度' });
    const late = figures['disclosure.publishedLate'].value;
    expect(late).toBeGreaterThan(0);
    expect(problems).toContain(`${late}条信息自形成之日起超过20个工作日才公开`);
    const graphic = await t.ws
      .context()
      .db.selectFrom('publication')
      .select('title')
      .where('interpretation', '=', 1)
      .where('title', 'like', '%图%')
      .execute();
    expect(graphic.length).toBeGreaterThan(0);
    expect(problems).not.toContain('形式较为单一');
  });
});
