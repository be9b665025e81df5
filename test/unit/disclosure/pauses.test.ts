// The time the 答复期限 does not count (条例第三十三条第三款; 《政府信息公开信息处理费管理办法》), on real SQLite files
// through the services: a 征求意见 stops the clock at most for the other side's 15 working days (第三十二条, 第三十四条),
// a 三.六.2 is not counted late on days that may have been the applicant's, and the 延期告知书 written while a 征求意见
// is open states its date with the pause and says the pause. The register, the preview, the figures and the 年报 read the
// one computation.
import { describe, expect, it } from 'vitest';
import { calendarAndSoon } from '../../../main/services/disclosure/common';
import { formatChineseDate } from '../../../shared/domain/dates';
import { addWorkingDays, countWorkingDays } from '../../../shared/domain/working-days';
import { workstationsPerTest } from '../../helpers/workstation';
import { readDocx } from '../export/read-docx';
import { answered, makeCleanYear, Y } from '../yearcheck/clean-year';

const open = workstationsPerTest();
const textOf = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('征求意见 stops the 答复期限 at most for the 15 working days the other side has', () => {
  it('resumes the clock when a third party does not answer: late in the register, the figures and the 年报', async () => {
    const t = await makeCleanYear(open);
    const { cal } = await calendarAndSoon(t.ws.context());
    // r118: received 9月7日, the third party asked 9月9日 and never answered; answered 11月20日.
    const r = await t.call(
      'disclosure.createRequest',
      answered({
        receivedDate: `${Y}-09-07`,
        applicant: '某信息技术有限公司',
        applicantType: '商业企业',
        content: '其他申报企业的研发项目技术资料',
        steps: [{ kind: '征求意见', startDate: `${Y}-09-09`, party: '某科技有限公司', note: '涉及商业秘密' }],
        answeredDate: `${Y}-11-20`,
        result: '三.三.4',
        provideMedium: '',
        provideWay: '',
        provideDate: null,
      }),
    );
    // The third party's 15 working days end on 9月30日; the 20 working days run on from there.
    expect(addWorkingDays(`${Y}-09-09`, 15, cal)).toBe(`${Y}-09-30`);
    expect(r.deadline.pausedDays).toBe(15);
    expect(r.deadline.dueDate).toBe(addWorkingDays(`${Y}-09-07`, 20 + 15, cal));
    expect(r.deadline.dueDate).toBe(`${Y}-10-30`);
    expect(r.deadline.state).toBe('逾期办结');
    expect(r.deadline.notes).toContain(
      `征求意见（${Y}-09-09发出）至${Y}-09-30满15个工作日未收到意见，此后的时间计入答复期限。`,
    );

    const { figures } = await t.call('summary.figures', { year: Y });
    expect(figures['disclosure.requestsAnsweredLate'].value).toBe(1);
    const report = await t.call('disclosure.report', { year: Y });
    expect(report.sections.find((s) => s.key === 'problems')!.text).toContain(
      '一是1件政府信息公开申请超过法定期限才答复',
    );
    expect(report.report.problems.join()).toContain(
      `本年有 1 件申请超过答复期限才答复（${Y}年9月7日收到的某信息技术有限公司的申请）`,
    );
  });

  it('counts a reply within the 15 days to its day, one after them to the 15th, and two at once once (第三十四条 too)', async () => {
    const t = await makeCleanYear(open);
    const { cal } = await calendarAndSoon(t.ws.context());
    const base = answered({
      receivedDate: `${Y}-07-13`,
      answeredDate: null,
      result: null,
      provideMedium: '',
      provideWay: '',
      provideDate: null,
    });
    const early = await t.call('disclosure.createRequest', {
      ...base,
      steps: [{ kind: '征求意见', startDate: `${Y}-07-15`, endDate: `${Y}-07-24`, party: '县财政局' }],
    });
    expect(early.deadline.pausedDays).toBe(countWorkingDays(`${Y}-07-15`, `${Y}-07-24`, cal));
    expect(early.deadline.pausedDays).toBe(7);
    expect(early.deadline.dueDate).toBe(addWorkingDays(`${Y}-07-13`, 27, cal));
    // The 相关行政机关 answered on 8月14日, after its 15 working days (8月5日): the days after them count.
    const tardy = await t.call('disclosure.createRequest', {
      ...base,
      applicant: '孙某乙',
      steps: [{ kind: '征求意见', startDate: `${Y}-07-15`, endDate: `${Y}-08-14`, party: '县财政局' }],
    });
    expect(tardy.deadline.pausedDays).toBe(15);
    expect(tardy.deadline.dueDate).toBe(addWorkingDays(`${Y}-07-13`, 35, cal));
    expect(tardy.deadline.notes).toContain(
      `征求意见（${Y}-07-15发出）的回复在${Y}-08-14收到，超过15个工作日（${Y}-08-05），此后的时间计入答复期限。`,
    );
    // A third party and the 相关行政机关 asked in the same weeks: the days they share stop the clock once.
    const both = await t.call('disclosure.createRequest', {
      ...base,
      applicant: '孙某丙',
      steps: [
        { kind: '征求意见', startDate: `${Y}-07-15`, endDate: `${Y}-07-24`, party: '某公司' },
        { kind: '征求意见', startDate: `${Y}-07-20`, endDate: `${Y}-07-29`, party: '县财政局' },
      ],
    });
    expect(both.deadline.pausedDays).toBe(countWorkingDays(`${Y}-07-15`, `${Y}-07-29`, cal));
    // The dialog's preview agrees with the register.
    const preview = await t.call('disclosure.requestDeadline', {
      receivedDate: base.receivedDate,
      answeredDate: null,
      steps: both.steps,
    });
    expect(preview.dueDate).toBe(both.deadline.dueDate);
  });
});

describe('三.六.2 is not counted late on the applicant’s 缴费 time', () => {
  it('keeps an answer after the 20 working days out of the late count, with the reason in the register', async () => {
    const t = await makeCleanYear(open);
    const input = answered({
      receivedDate: `${Y}-09-14`,
      applicant: '吴某',
      content: '2020年至2026年县科技局全部发文',
      answeredDate: `${Y}-11-20`,
      result: '三.六.2',
      provideMedium: '',
      provideWay: '',
      provideDate: null,
    });
    const r = await t.call('disclosure.createRequest', input);
    expect(r.deadline.dueDate).toBe(`${Y}-10-16`);
    expect(r.deadline.state).toBe('按期办结');
    expect(r.deadline.notes.join()).toContain('自发出收费通知至缴费期限届满的时间不计算在答复期限内');
    const preview = await t.call('disclosure.requestDeadline', {
      receivedDate: input.receivedDate,
      answeredDate: input.answeredDate,
      steps: [],
      result: '三.六.2',
    });
    expect(preview.state).toBe('按期办结');
    const { figures } = await t.call('summary.figures', { year: Y });
    expect(figures['disclosure.requestsAnsweredLate'].value).toBe(0);
    expect((await t.call('disclosure.report', { year: Y })).report.problems.join()).not.toContain('超过答复期限');
    // Any other result answered that day is late.
    const other = await t.call('disclosure.createRequest', { ...input, applicant: '吴某乙', result: '三.五.2' });
    expect(other.deadline.state).toBe('逾期办结');
  });
});

describe('the 延期告知书 written while a 征求意见 is open', () => {
  it('gives the date with the 征求意见 counted to its 15th working day and says that time is not counted', async () => {
    const t = await makeCleanYear(open);
    const { cal } = await calendarAndSoon(t.ws.context());
    // r114: received 11月16日, the third party asked 11月18日 (no reply yet), 延期 20 days told 12月1日.
    const r = await t.call(
      'disclosure.createRequest',
      answered({
        receivedDate: `${Y}-11-16`,
        applicant: '某新材料产业协会',
        applicantType: '社会公益组织',
        content: '培育库入库企业研发投入数据',
        answeredDate: null,
        result: null,
        provideMedium: '',
        provideWay: '',
        provideDate: null,
        steps: [
          { kind: '征求意见', startDate: `${Y}-11-18`, party: '某新材料有限公司', note: '涉及商业秘密' },
          {
            kind: '延期',
            startDate: `${Y}-12-01`,
            days: 20,
            party: '李明',
            toldDate: `${Y}-12-01`,
            note: '需征求第三方意见后区分处理',
          },
        ],
      }),
    );
    const consultEnd = addWorkingDays(`${Y}-11-18`, 15, cal);
    expect(consultEnd).toBe(`${Y}-12-09`);
    const due = addWorkingDays(`${Y}-11-16`, 20 + 20 + countWorkingDays(`${Y}-11-18`, consultEnd, cal), cal);
    // Today (10 January) the third party's days are over: the register counts them and agrees with the letter.
    expect(r.deadline.dueDate).toBe(due);
    await t.call('disclosure.export', { kind: 'request-extension-docx', id: r.id });
    const text = textOf((await readDocx(t.delivered.at(-1)!.data)).document);
    expect(text).toContain(
      `答复期限延长20个工作日。本机关于${formatChineseDate(`${Y}-11-18`)}征求有关方面意见，所需时间依照同条第三款不计算在答复期限内；` +
        `对方应于${formatChineseDate(consultEnd)}前提出意见，据此计算，` +
        `本机关将于${formatChineseDate(due)}前作出答复。`,
    );
    // Whom the bureau asked is not the applicant's to know.
    expect(text).not.toContain('某新材料有限公司');
  });
});
