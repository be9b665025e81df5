// The 年报 and the letters as a signing office head reads them (issue 18): the 年报 dated in January of the next year
// (the user may choose the day, kept per year), its statistic period and the 引言's contact lines, table 二's counts
// refused with the cell named, no page holding only the 署名 and date (rendered with LibreOffice); the 答复书 saying
// how the information is provided and citing every article, and every letter carrying its 文号 and a contact line.
import { describe, expect, it } from 'vitest';
import { areaServices } from '../../../main/areas';
import { buildLetterDocx } from '../../../main/export/disclosure/letters';
import { buildReportDocx } from '../../../main/export/disclosure/report';
import { formatChineseDate } from '../../../shared/domain/dates';
import type { REPORT_TEXT_KEYS } from '../../../shared/domain/disclosure';
import { emptyYearInput } from '../../../shared/domain/disclosure';
import { makeTempDir, workstationsPerTest } from '../../helpers/workstation';
import { readDocx } from '../export/read-docx';
import { canRender, linesOf, renderPages } from '../export/render-helpers';
import { answered, makeCleanYear, Y } from '../yearcheck/clean-year';

const open = workstationsPerTest();
const textOf = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const weekday = (iso: string) => new Date(`${iso}T12:00:00Z`).getUTCDay();

describe('年报 date, period and contact lines', () => {
  it('is dated in January of the next year by default, states its period and the contact lines', async () => {
    const t = await makeCleanYear(open);
    const view = await t.call('disclosure.report', { year: Y });
    // The default: the last working day before the 1月31日 due date (2027 has no holiday data: a weekday).
    expect(view.reportDate).toBe(view.defaults.reportDate);
    expect(view.reportDate.startsWith(`${Y + 1}-01-`)).toBe(true);
    expect(view.reportDate < `${Y + 1}-01-31`).toBe(true);
    expect([1, 2, 3, 4, 5]).toContain(weekday(view.reportDate));
    for (let d = view.reportDate; d < `${Y + 1}-01-31`;) {
      const next = new Date(`${d}T12:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      d = next.toISOString().slice(0, 10);
      if (d < `${Y + 1}-01-31`) expect([0, 6], `${d} lies between the default and the due date`).toContain(weekday(d));
    }
    await t.call('disclosure.export', { kind: 'annual-report-docx', year: Y });
    let text = textOf((await readDocx(t.delivered.at(-1)!.data)).document);
    expect(text).toContain(formatChineseDate(view.reportDate));
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).toContain(`本报告中所列数据的统计期限自${Y}年1月1日起至${Y}年12月31日止。`);
    expect(text).toContain('本报告电子版可在某县科学技术局政府信息公开专栏（http://www.mxkj.gov.cn/zfxxgk）查阅下载。');
    expect(text).toContain('（地址：某县人民路1号；邮政编码：556000；联系电话：0851-1234567）');

    // The user's day is kept for the year and printed; a day inside the period is refused.
    await t.call('disclosure.saveYearInput', { ...view.input, reportDate: `${Y + 1}-01-20` });
    expect((await t.call('disclosure.report', { year: Y })).reportDate).toBe(`${Y + 1}-01-20`);
    expect((await t.call('disclosure.report', { year: Y - 1 })).reportDate.startsWith(`${Y}-01-`)).toBe(true);
    await expect(t.call('disclosure.saveYearInput', { ...view.input, reportDate: `${Y}-12-20` })).rejects.toMatchObject(
      { message: expect.stringContaining('应在统计期限（2026年12月31日）之后') },
    );
    await t.call('disclosure.export', { kind: 'annual-report-docx', year: Y });
    text = textOf((await readDocx(t.delivered.at(-1)!.data)).document);
    expect(text).toContain(`${Y + 1}年1月20日`);

    // An empty contact field is left out, never printed as a gap or a placeholder.
    const b = (await t.call('app.status')).bureau!;
    await t.call('bureau.update', { ...b, address: '', website: '' });
    await t.call('disclosure.export', { kind: 'annual-report-docx', year: Y });
    text = textOf((await readDocx(t.delivered.at(-1)!.data)).document);
    expect(text).toContain('本报告电子版可在某县科学技术局政府信息公开专栏查阅下载。');
    expect(text).toContain('（邮政编码：556000；联系电话：0851-1234567）');
    expect(text).not.toContain('地址：');
  });

  it('refuses a negative or fractional table 二 count with the cell named, changing nothing', async () => {
    const t = await makeCleanYear(open);
    const before = await t.call('disclosure.report', { year: Y });
    await expect(t.call('disclosure.saveYearInput', { ...emptyYearInput(Y), rulesIssued: -1 })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('规章本年制发件数不能为负数'),
    });
    await expect(t.call('disclosure.saveYearInput', { ...emptyYearInput(Y), normRepealed: 1.5 })).rejects.toMatchObject(
      { code: 'VALIDATION', message: expect.stringContaining('行政规范性文件本年废止件数应为整数') },
    );
    expect((await t.call('disclosure.report', { year: Y })).input).toEqual(before.input);
  });
});

describe.skipIf(!canRender)('LibreOffice rendering of the 年报', () => {
  it('never leaves a page of the 年报 or a letter holding only the 署名 and the date', async () => {
    const t = await makeCleanYear(open);
    const view = await t.call('disclosure.report', { year: Y });
    const texts = Object.fromEntries(view.sections.map((s) => [s.key, s.text])) as Record<
      (typeof REPORT_TEXT_KEYS)[number],
      string
    >;
    const contact = {
      website: 'http://www.mxkj.gov.cn',
      address: '某县人民路1号',
      postcode: '556000',
      phone: '0851-1234567',
    };
    // 六 grows by two one-line paragraphs per variant: over 11 variants the text ends on every other line of a
    // 22-line page, so at least one ends where the 署名 and date would be pushed alone onto a new page.
    const files: Record<string, Buffer> = {};
    const line = '本单位按规定做好政府信息公开各项工作。'; // 19 characters: one line with its indent
    for (let k = 0; k < 11; k++) {
      const other = [texts.other, ...new Array(2 * k + 1).fill(line)].join('\n');
      files[`r${k}.docx`] = await buildReportDocx({
        bureau: view.bureau,
        report: view.report,
        texts: { ...texts, other },
        date: view.reportDate,
        contact,
      });
    }
    // The same for a letter: its 答复说明 grows, the 署名, date and contact line must keep some text with them.
    const [request] = await t.call('disclosure.requests', { year: Y });
    for (let k = 0; k < 11; k++)
      files[`l${k}.docx`] = await buildLetterDocx({
        kind: 'answer',
        bureau: view.bureau,
        request: { ...request, answerNote: new Array(2 * k + 1).fill(line).join('\n') },
        date: request.answeredDate!,
        reviewOrgan: '某县人民政府',
        docNumber: '县科技依复〔2026〕1号',
        dueDate: null,
        contact: { name: '张三', phone: '0851-1234567' },
        website: contact.website,
        address: contact.address,
      });
    const dir = makeTempDir('zwgk-render-');
    const rendered = renderPages(dir, files);
    for (const [name, pages] of Object.entries(rendered)) {
      const date = formatChineseDate(name.startsWith('r') ? view.reportDate : request.answeredDate!);
      if (name.startsWith('r')) expect(pages.length, name).toBeGreaterThan(1);
      const last = pages[pages.length - 1];
      const lines = linesOf(last)
        .map((l) => l.text)
        .filter((l) => !/^—\d+—$/.test(l.replace(/\s/g, '')) && !l.startsWith('（联系人：'));
      expect(lines.join(), `${name}: the date is on the last page`).toContain(date);
      // The last page holds body text besides the 署名 and the date.
      expect(
        lines.filter((l) => l !== view.bureau && l !== date),
        `${name}: last page = ${lines.join(' / ')}`,
      ).not.toEqual([]);
    }
  }, 300_000);
});

describe('letters', () => {
  it('the 予以公开 answer says 载体形式, 获取方式 and 时间; 部分公开 cites every article; each letter has a 文号 and a contact line', async () => {
    const t = await makeCleanYear(open);
    const [given] = await t.call('disclosure.requests', { year: Y });
    await t.call('disclosure.export', { kind: 'request-answer-docx', id: given.id });
    let text = textOf((await readDocx(t.delivered.at(-1)!.data)).document);
    expect(text).toContain('根据《中华人民共和国政府信息公开条例》第三十六条第（二）项的规定，现予以公开。');
    expect(text).toContain(
      `本机关于${formatChineseDate(given.provideDate!)}将该政府信息以电子文档形式发送至您在申请中提供的电子邮箱`,
    );
    expect(text).toContain('县科技依复〔2026〕1号');
    // The 经办人 with the phone the staff list gives.
    expect(text).toContain('（联系人：赵敏，联系电话：0851-7654321）');
    expect(text).toContain('60日内向某县人民政府申请行政复议');
    // Exported again: the same number.
    await t.call('disclosure.export', { kind: 'request-answer-docx', id: given.id });
    expect(textOf((await readDocx(t.delivered.at(-1)!.data)).document)).toContain('县科技依复〔2026〕1号');

    // 部分公开 for 第三方合法权益: 第三十七条 with 第十五条 and 第三十六条第（三）项; by 当面领取 at the bureau's address.
    const partial = await t.call(
      'disclosure.createRequest',
      answered({
        applicant: '某某科技有限公司',
        applicantType: '商业企业',
        result: '三.二',
        withheldReason: '三.三.4',
        provideMedium: '纸质',
        provideWay: '当面领取',
        provideDate: `${Y}-03-12`,
        handler: '',
      }),
    );
    await t.call('disclosure.export', { kind: 'request-answer-docx', id: partial.id });
    text = textOf((await readDocx(t.delivered.at(-1)!.data)).document);
    for (const a of ['第三十七条', '第十五条', '第三十六条第（二）项', '第三十六条第（三）项'])
      expect(text).toContain(a);
    expect(text).toContain(`请您自${Y}年3月12日起，凭本答复书到本机关（某县人民路1号）领取该政府信息（纸质文件）`);
    expect(text).toContain('县科技依复〔2026〕2号');
    // No 经办人: the bureau's 联系人 and 联系电话.
    expect(text).toContain('（联系人：张三，联系电话：0851-1234567）');

    // Other letters carry their own series: the receipt is 回.
    await t.call('disclosure.export', { kind: 'request-receipt-docx', id: partial.id });
    text = textOf((await readDocx(t.delivered.at(-1)!.data)).document);
    expect(text).toContain('县科技依回〔2026〕1号');
    expect(text).toContain('联系人：张三，联系电话：0851-1234567');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    // A 予以公开 without how it is provided, or a 部分公开 without its reason, is refused and takes no number.
    const bare = await t.call(
      'disclosure.createRequest',
      answered({ applicant: '周某', provideMedium: '', provideWay: '', provideDate: null }),
    );
    await expect(t.call('disclosure.export', { kind: 'request-answer-docx', id: bare.id })).rejects.toMatchObject({
      message: expect.stringContaining('还没有填写载体形式、获取方式、提供时间'),
    });
    const noReason = await t.call(
      'disclosure.createRequest',
      answered({ applicant: '吴某', result: '三.二', withheldReason: null }),
    );
    await expect(t.call('disclosure.export', { kind: 'request-answer-docx', id: noReason.id })).rejects.toMatchObject({
      message: expect.stringContaining('不予公开部分的理由'),
    });
    const numbers = t.ws.context().raw.prepare('SELECT doc_number FROM letter_number ORDER BY id').all();
    expect(numbers).toEqual([
      { doc_number: '县科技依复〔2026〕1号' },
      { doc_number: '县科技依复〔2026〕2号' },
      { doc_number: '县科技依回〔2026〕1号' },
    ]);

    // The bureau's own form, without the kind: one series for every letter of the year.
    const b = (await t.call('app.status')).bureau!;
    await t.call('bureau.update', { ...b, letterNumberForm: '县科信公〔{年}〕{号}号' });
    await t.call('disclosure.export', { kind: 'request-receipt-docx', id: bare.id });
    expect(textOf((await readDocx(t.delivered.at(-1)!.data)).document)).toContain('县科信公〔2026〕3号');
    await expect(t.call('bureau.update', { ...b, letterNumberForm: '县科信公〔2026〕' })).rejects.toMatchObject({
      message: expect.stringContaining('应包含“{年}”和“{号}”'),
    });
  });
});

describe('each letter states what was true on its own date', () => {
  it('the 登记回执 gives 20 working days from receipt, the 延期告知书 the deadline as the extension set it', async () => {
    const t = await makeCleanYear(open);
    const base = {
      receivedDate: `${Y}-04-20`,
      applicant: '某某精密机械有限公司',
      applicantType: '商业企业' as const,
      method: '网络平台' as const,
      content: '高新技术企业培育奖补资金的有关材料',
      handler: '赵敏',
    };
    // Received and nothing else yet: the deadline the receipt, issued that day, states.
    const r = await t.call('disclosure.createRequest', base);
    const onReceipt = r.deadline.dueDate!;
    const correction = {
      kind: '补正' as const,
      startDate: `${Y}-04-24`,
      endDate: `${Y}-05-09`,
      toldDate: `${Y}-05-19`,
      note: '请明确年度',
    };
    const extension = {
      kind: '延期' as const,
      startDate: `${Y}-06-03`,
      days: 15,
      party: '李明',
      toldDate: `${Y}-06-03`,
      note: '涉及第三方',
    };
    // The same application with only the steps before the extension letter: the deadline that letter states.
    const asOfExtension = (
      await t.call('disclosure.createRequest', { ...base, applicant: '对照', steps: [correction, extension] })
    ).deadline.dueDate!;
    const later = { kind: '征求意见' as const, startDate: `${Y}-06-08`, endDate: `${Y}-06-20`, party: '某公司' };
    const full = await t.call('disclosure.updateRequest', { ...base, id: r.id, steps: [correction, extension, later] });
    // The final deadline has moved twice since the receipt (补正 restart, extension, 征求意见 not counted).
    expect(full.deadline.dueDate! > asOfExtension).toBe(true);
    expect(asOfExtension > onReceipt).toBe(true);

    await t.call('disclosure.export', { kind: 'request-receipt-docx', id: r.id });
    let text = textOf((await readDocx(t.delivered.at(-1)!.data)).document);
    expect(text).toContain(`自收到申请之日起20个工作日内（即${formatChineseDate(onReceipt)}前）作出答复`);
    expect(text).toContain(formatChineseDate(`${Y}-04-20`));

    await t.call('disclosure.export', { kind: 'request-extension-docx', id: r.id });
    text = textOf((await readDocx(t.delivered.at(-1)!.data)).document);
    expect(text).toContain(`答复期限延长15个工作日，本机关将于${formatChineseDate(asOfExtension)}前作出答复`);
    expect(text).not.toContain(formatChineseDate(full.deadline.dueDate!));
  });
});

describe('年报 一、总体情况 says what the records bear out', () => {
  it('says 全部 when every publication has its records, claims no 合法性审核, and names the year’s main published work', async () => {
    const t = await makeCleanYear(open);
    const published = (title: string, date: string) =>
      t.call('disclosure.createPublication', {
        title,
        publishedDate: date,
        formedDate: date,
        columnId: t.column('通知公告'),
        channel: '门户网站',
        drafter: '赵敏',
        draftedDate: date,
        reviewer: '钱进',
        reviewedDate: date,
        approver: '李明',
        approvedDate: date,
      });
    await published(`关于组织申报${Y}年度县级科技计划项目的通知`, `${Y}-03-02`);
    await published(`${Y}年度县级科技计划项目立项公示`, `${Y}-06-10`);
    await published(`${Y - 2}年度县级科技计划项目验收结果公示`, `${Y}-09-15`);
    const view = await t.call('disclosure.report', { year: Y });
    await t.call('disclosure.saveYearInput', { ...view.input, normIssued: 1 });
    const n = (
      t.ws.context().raw.prepare('SELECT count(*) AS n FROM publication WHERE published_date LIKE ?').get(`${Y}-%`) as {
        n: number;
      }
    ).n;
    await t.call('disclosure.export', { kind: 'annual-report-docx', year: Y });
    const text = textOf((await readDocx(t.delivered.at(-1)!.data)).document);
    expect(text).toContain(`全年发布的全部${n}条信息均留有拟稿、审核、签发完整记录`);
    expect(text).not.toContain(`${n}条信息中${n}条`);
    // No field records a 合法性审核: the report does not claim one.
    expect(text).not.toContain('合法性审核');
    // （一） names the bureau's own published work, not only the column counts.
    for (const title of [
      `关于组织申报${Y}年度县级科技计划项目的通知`,
      `${Y}年度县级科技计划项目立项公示`,
      `${Y - 2}年度县级科技计划项目验收结果公示`,
    ])
      expect(text).toContain(`《${title}》`);
    expect(text).toContain('等申报、立项、验收信息');
  });
});

describe('年报 一、总体情况 claims only what is recorded', () => {
  it('says no training was held rather than 积极组织, and claims no 保密审查, 先审后发 or 目标管理', async () => {
    const t = await makeCleanYear(open);
    const count = (table: string) =>
      (t.ws.context().raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const exportText = async () => {
      await t.call('disclosure.export', { kind: 'annual-report-docx', year: Y });
      return textOf((await readDocx(t.delivered.at(-1)!.data)).document);
    };
    expect(count('training')).toBe(0);
    let text = await exportText();
    // Nobody holds an AB岗 in this year: no 落实AB岗制度 either.
    expect(text).toContain('（五）监督保障。本年度未组织政务公开相关培训。');
    for (const claim of ['积极组织', '保密审查', '先审后发', '纳入年度目标管理', '落到实处'])
      expect(text).not.toContain(claim);
    // Recorded, it is said.
    await t.call('training.create', {
      date: `${Y}-04-10`,
      title: '政务公开业务培训',
      kind: '业务学习',
      form: '集中授课',
      status: '已举办',
      hours: 2,
    });
    text = await exportText();
    expect(text).toContain('加强政务公开队伍建设，全年组织政务公开相关培训1次');
    expect(text).not.toContain('未组织政务公开相关培训');
  });
});

describe('年报 exported before the statistics year has ended', () => {
  it('says the figures are as of today, records no year-end 结转, and the 核对 asks for a new export after the year end', async () => {
    let now = new Date(Y, 11, 7, 10);
    const t = await makeCleanYear((o) => open({ ...o, now: () => now }));
    // Received 11-27: due 12-25, inside the year; open on 12-07.
    const pending = {
      receivedDate: `${Y}-11-27`,
      applicant: '某农业科学研究所',
      applicantType: '科研机构' as const,
      method: '网络平台' as const,
      content: '科技特派员服务记录',
    };
    const created = await t.call('disclosure.createRequest', pending);
    const raw = t.ws.context().raw;
    const open_ = (
      raw
        .prepare('SELECT count(*) AS n FROM request WHERE answered_date IS NULL AND received_date <= ?')
        .get(`${Y}-12-07`) as { n: number }
    ).n;
    expect(open_).toBe(1);
    const view = await t.call('disclosure.report', { year: Y });
    expect(view.asOf).toBe(`${Y}-12-07`);
    await t.call('disclosure.export', { kind: 'annual-report-docx', year: Y });
    const text = textOf((await readDocx(t.delivered.at(-1)!.data)).document);
    // No year-end claim as fact: the open application is "尚在办理" as of today, and the document says so.
    expect(text).not.toContain(`结转下年度继续办理${open_}件`);
    expect(text).toContain(`截至${Y}年12月7日尚在办理${open_}件`);
    expect(text).toContain(`本稿数据截至${Y}年12月7日`);
    expect(text).toContain('四、结转下年度继续办理（截至12月7日尚在办理）');
    // What the command line and the screen say when exporting.
    const exporters = await areaServices.exporters();
    expect(await exporters['annual-report-docx'].notice?.(t.ws.context(), { year: Y })).toContain(`${Y}年尚未结束`);
    // Nothing recorded as the exported report: no 导出时间, no 结转 for next year's 上年结转 check.
    const row = () =>
      raw.prepare('SELECT exported_at, exported_carry FROM disclosure_year_input WHERE year = ?').get(Y) as {
        exported_at: string | null;
        exported_carry: string | null;
      };
    expect(row()).toEqual({ exported_at: null, exported_carry: null });
    expect((await t.call('yearcheck.findings', { year: Y })).findings).toEqual([]);

    // A report exported before the year end by an earlier version (its figures stored as if final): once the year
    // has ended, the 核对 asks for it to be exported again; exported again in January, the finding is gone.
    raw
      .prepare('UPDATE disclosure_year_input SET exported_at = ?, exported_carry = ? WHERE year = ?')
      .run(`${Y}-12-07 10:00:00`, JSON.stringify([0, 0, 0, 0, 0, 1, 1]), Y);
    now = new Date(Y + 1, 0, 10, 9);
    await t.call('disclosure.updateRequest', {
      ...pending,
      id: created.id,
      answeredDate: `${Y}-12-20`,
      result: '三.四.1',
    });
    const early = (await t.call('yearcheck.findings', { year: Y })).findings;
    expect(early.map((f) => f.message).join()).toContain(`${Y}年12月7日导出时统计年度尚未结束`);
    expect((await t.call('yearcheck.findings', { year: Y + 1 })).findings.map((f) => f.message).join()).toContain(
      `${Y}年报告在统计年度结束前导出`,
    );
    expect((await t.call('disclosure.report', { year: Y })).asOf).toBeNull();
    await t.call('disclosure.export', { kind: 'annual-report-docx', year: Y });
    const final = textOf((await readDocx(t.delivered.at(-1)!.data)).document);
    // Nothing carried into next year: said as all answered, never "结转下年度继续办理0件".
    expect(final).toContain('均已办结。');
    expect(final).not.toMatch(/尚在办理|结转下年度继续办理0件/);
    expect(final).not.toContain('本稿数据截至');
    expect(row().exported_carry).toBe(JSON.stringify([0, 0, 0, 0, 0, 0, 0]));
    expect((await t.call('yearcheck.findings', { year: Y })).findings).toEqual([]);
  });
});
