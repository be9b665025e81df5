// Dates a 信息公开 record cannot carry are refused, and unlikely ones warned about, by one pure set of rules the dialogs
// and the services share; the same application registered twice is refused unless the user confirms it; a 答复期限
// running into a year without holiday data says so on the record.
import { afterEach, describe, expect, it } from 'vitest';
import { computeDeadline, type RequestInput } from '../../../shared/domain/disclosure';
import { computeLight } from '../../../shared/domain/plan';
import { publicationDateIssues, requestDateIssues, reviewDateIssues } from '../../../shared/domain/disclosure-dates';
import {
  addWorkingDays,
  calendarGapNote,
  countWorkingDays,
  createWorkingDayCalendar,
  packageDataYears,
} from '../../../shared/domain/working-days';
import type { AppError } from '../../../shared/ipc/result';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';

let t: TestWorkstation | null = null;
afterEach(() => {
  t?.cleanup();
  t = null;
});

const cal = createWorkingDayCalendar();
const TODAY = '2026-06-10';

describe('date rules (pure)', () => {
  it('refuse a publication dated after today and say where a record of another year goes', () => {
    expect(publicationDateIssues({ publishedDate: '2026-06-11', formedDate: '2026-06-12' }, TODAY)).toEqual([
      {
        field: ['publishedDate'],
        level: 'error',
        message: '发布日期（2026-06-11）在今天（2026-06-10）之后：只能登记已经发布的信息。',
      },
      {
        field: ['formedDate'],
        level: 'error',
        message: '形成/变更日期（2026-06-12）在今天（2026-06-10）之后：请填写信息实际形成或变更的日期。',
      },
    ]);
    expect(publicationDateIssues({ publishedDate: TODAY, approvedDate: TODAY }, TODAY, 2026)).toEqual([]);
    expect(publicationDateIssues({ publishedDate: '2025-12-30' }, TODAY, 2026)).toEqual([
      {
        field: ['publishedDate'],
        level: 'warning',
        message: '发布日期在2025年，保存后列在2025年的登记中（当前查看2026年）。',
      },
    ]);
  });

  it('refuse an application received or answered after today, and steps that have not happened yet', () => {
    const issues = requestDateIssues(
      {
        receivedDate: '2026-06-11',
        answeredDate: '2026-06-12',
        steps: [
          { kind: '征求意见', startDate: '2026-06-11', endDate: '2026-06-13' },
          // A 补正's told date is the 补正期限 given to the applicant: it may lie ahead.
          { kind: '补正', startDate: '2026-06-09', toldDate: '2026-06-30' },
          { kind: '延期', startDate: '2026-06-09', toldDate: '2026-06-11' },
        ],
      },
      TODAY,
      cal,
    );
    expect(issues.filter((i) => i.level === 'error').map((i) => i.field.join('.'))).toEqual([
      'receivedDate',
      'answeredDate',
      'steps.0.startDate',
      'steps.0.endDate',
      'steps.2.toldDate',
    ]);
    expect(issues[0].message).toBe('收到日期（2026-06-11）在今天（2026-06-10）之后：只能登记已经收到的申请。');
    expect(issues[1].message).toBe('答复日期（2026-06-12）在今天（2026-06-10）之后：请在答复后再填写答复日期。');
  });

  it('warn on a 补正 later than 7 working days, refuse one after the answer period has run out', () => {
    const received = '2026-05-06';
    const seventh = addWorkingDays(received, 7, cal);
    const eighth = addWorkingDays(received, 8, cal);
    const due = addWorkingDays(received, 20, cal);
    const after = addWorkingDays(received, 21, cal);
    const at = (startDate: string) =>
      requestDateIssues({ receivedDate: received, steps: [{ kind: '补正', startDate }] }, TODAY, cal);
    expect(at(seventh)).toEqual([]);
    expect(at(eighth)).toEqual([
      {
        field: ['steps', 0, 'startDate'],
        level: 'warning',
        message: `补正告知在收到申请后第${countWorkingDays(received, eighth, cal)}个工作日，条例规定应在7个工作日内一次性告知，请核对日期。`,
      },
    ]);
    expect(at(due).map((i) => i.level)).toEqual(['warning']);
    expect(at(after)).toEqual([
      {
        field: ['steps', 0, 'startDate'],
        level: 'error',
        message: `补正告知日期（${after}）已过答复期限（收到申请后20个工作日，${due}）：这时不能再要求补正，请按实际情况答复。`,
      },
    ]);
  });

  it('refuse a 复议/诉讼 filed or decided after today', () => {
    expect(reviewDateIssues({ filedDate: TODAY, decidedDate: '2026-06-11' }, TODAY)).toEqual([
      {
        field: ['decidedDate'],
        level: 'error',
        message: '审结日期（2026-06-11）在今天（2026-06-10）之后：请在审结后再填写。',
      },
    ]);
  });
});

describe('a deadline in a year without holiday data', () => {
  const last = packageDataYears().at(-1)!;
  const unknown = last + 1;

  it('says so on the record, and not once the year is entered', () => {
    // Received in the package's last December: 20 working days run into the next year, which it does not know.
    const r = { receivedDate: `${last}-12-21`, answeredDate: null, steps: [] };
    const d = computeDeadline(r, `${last}-12-22`, cal);
    expect(d.dueDate! > `${last}-12-31`).toBe(true);
    expect(d.calendarWarning).toBe(
      `工作日历缺少${unknown}年的放假安排，此期限暂按周一至周五计算，可能不准。请在“设置 → 工作日历”中录入当年的放假安排。`,
    );
    expect(calendarGapNote(`${last}-03-02`, `${last}-03-30`, cal)).toBeNull();
    const entered = createWorkingDayCalendar([{ date: `${unknown}-01-01`, kind: 'holiday', note: '元旦' }]);
    expect(computeDeadline(r, `${last}-12-22`, entered).calendarWarning).toBeNull();
    // Within the known year: no warning.
    expect(computeDeadline({ ...r, receivedDate: `${last}-03-02` }, `${last}-03-03`, cal).calendarWarning).toBeNull();
  });

  it('says so on a task’s light too (a due date N working days after an event, or a date in that year)', () => {
    const task = (deadline: Parameters<typeof computeLight>[0]['deadline'], eventDate: string | null = null) =>
      computeLight({ status: '进行中', deadline, eventDate, progressDates: [] }, last, `${last}-12-21`, 5, cal);
    const after = task({ kind: 'afterEvent', date: null, recurrence: null, days: 10, text: '' }, `${last}-12-18`);
    expect(after.dueDate! > `${last}-12-31`).toBe(true);
    expect(after.calendarWarning).toContain(`缺少${unknown}年的放假安排`);
    const dated = task({ kind: 'date', date: `${unknown}-01-15`, recurrence: null, days: null, text: '' });
    expect(dated.calendarWarning).toContain(`缺少${unknown}年的放假安排`);
    const inYear = task({ kind: 'yearEnd', date: null, recurrence: null, days: null, text: '' });
    expect(inYear.calendarWarning).toBeUndefined();
  });

  it('reaches the register and the deadline preview through the services', async () => {
    t = await openTestWorkstation({ now: () => new Date(last, 11, 22) });
    const created = await t.call('disclosure.createRequest', {
      receivedDate: `${last}-12-21`,
      applicant: '张三',
      applicantType: '自然人',
      method: '邮寄',
      content: '跨年的申请',
    });
    expect(created.deadline.calendarWarning).toContain(`缺少${unknown}年的放假安排`);
    const preview = await t.call('disclosure.requestDeadline', {
      receivedDate: `${last}-12-21`,
      answeredDate: null,
      steps: [],
    });
    expect(preview).toEqual(created.deadline);
    await t.call('calendar.save', {
      overrides: [{ date: `${unknown}-01-01`, kind: 'holiday', note: '元旦' }],
      dueSoonDays: 5,
    });
    const [after] = await t.call('disclosure.requests', { year: last });
    expect(after.deadline.calendarWarning).toBeNull();
  });

  it('reaches the home card’s open applications', async () => {
    t = await openTestWorkstation({ year: last, now: () => new Date(last, 11, 22) });
    const apply = (receivedDate: string, applicant: string) =>
      t!.call('disclosure.createRequest', {
        receivedDate,
        applicant,
        applicantType: '自然人',
        method: '邮寄',
        content: `${applicant}的申请`,
      });
    await apply(`${last}-12-21`, '跨年');
    // Received in November: its 20 working days end in December, overdue but counted within the year.
    await apply(`${last}-11-02`, '年内');
    const { open } = await t.call('disclosure.home');
    expect(open.map((o) => [o.applicant, o.calendarWarning?.includes(`缺少${unknown}年的放假安排`) ?? null])).toEqual([
      ['年内', null],
      ['跨年', true],
    ]);
  });

  it('says so on a publication whose 形成→发布 (or 解读) working days run through that year', async () => {
    // Today in the year without data: a publication can only be registered once published.
    t = await openTestWorkstation({ year: unknown, now: () => new Date(unknown, 2, 1) });
    const col = (await t.call('disclosure.columns')).find((c) => c.name === '政策文件')!.id;
    const publish = (title: string, publishedDate: string, more: { formedDate?: string; interpretsId?: number } = {}) =>
      t!.call('disclosure.createPublication', {
        title,
        publishedDate,
        columnId: col,
        channel: '门户网站',
        ...more,
        ...(more.interpretsId ? { interpretation: true } : {}),
      });
    const across = await publish('跨年形成的文件', `${unknown}-01-15`, { formedDate: `${last}-12-20` });
    expect(across.publishDelay).toBe(countWorkingDays(`${last}-12-20`, `${unknown}-01-15`, cal));
    expect(across.calendarWarning).toContain(`缺少${unknown}年的放假安排`);
    const known = await publish('年内的文件', `${last}-12-18`, { formedDate: `${last}-12-01` });
    expect(known.calendarWarning).toBeNull();
    // No 形成日期: nothing is counted, nothing to warn about.
    expect((await publish('没有形成日期', `${unknown}-01-20`)).calendarWarning).toBeNull();
    // A 解读 is counted from its document's publication.
    const reading = await publish('跨年文件的解读', `${unknown}-01-18`, { interpretsId: across.id });
    expect(reading.interpretationDelay).toBe(countWorkingDays(`${unknown}-01-15`, `${unknown}-01-18`, cal));
    expect(reading.calendarWarning).toContain(`缺少${unknown}年的放假安排`);
    await t.call('calendar.save', {
      overrides: [{ date: `${unknown}-01-01`, kind: 'holiday', note: '元旦' }],
      dueSoonDays: 5,
    });
    const listed = await t.call('disclosure.publications', { year: unknown });
    expect(listed.every((p) => p.calendarWarning === null)).toBe(true);
  });

  it('says so on the 年报’s default 成文日期 when it is the last working day of a January without data', async () => {
    t = await openTestWorkstation({ year: last, now: () => new Date(last, 11, 22) });
    const view = await t.call('disclosure.report', { year: last });
    // Due 31 January of the next year; the default is the working day before it, counted Monday–Friday.
    expect(view.defaults.reportDate).toBe(addWorkingDays(`${unknown}-01-31`, -1, cal));
    expect(view.defaults.calendarWarning).toContain(`缺少${unknown}年的放假安排`);
    // Last year's report is dated in a January the built-in data knows.
    expect((await t.call('disclosure.report', { year: last - 1 })).defaults.calendarWarning).toBeNull();
  });
});

const req = (r: Partial<RequestInput>): RequestInput => ({
  receivedDate: '2026-03-02',
  applicant: '张三',
  applicantType: '自然人',
  method: '邮寄',
  content: '本县科技创新券兑付名单',
  ...r,
});

describe('the services refuse what cannot be right', () => {
  it('refuse dates after today on every register, in the words the dialog shows', async () => {
    t = await openTestWorkstation({ now: () => new Date(2026, 5, 10) });
    const col = (await t.call('disclosure.columns'))[0].id;
    await expect(
      t.call('disclosure.createPublication', {
        title: '明天才发的通知',
        publishedDate: '2026-06-11',
        columnId: col,
        channel: '门户网站',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: '发布日期（2026-06-11）在今天（2026-06-10）之后：只能登记已经发布的信息。',
    });
    await expect(t.call('disclosure.createRequest', req({ receivedDate: '2026-06-11' }))).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('收到日期（2026-06-11）在今天'),
    });
    const r = await t.call('disclosure.createRequest', req({}));
    await expect(
      t.call('disclosure.updateRequest', { ...req({}), id: r.id, answeredDate: '2026-06-12', result: '三.一' }),
    ).rejects.toMatchObject({ message: expect.stringContaining('答复日期（2026-06-12）在今天') });
    await expect(
      t.call('disclosure.updateRequest', {
        ...req({}),
        id: r.id,
        steps: [{ kind: '补正', startDate: addWorkingDays('2026-03-02', 21, cal) }],
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('已过答复期限') });
    await expect(
      t.call('disclosure.saveReview', {
        id: null,
        requestId: r.id,
        kind: '行政复议',
        filedDate: '2026-06-11',
        result: '尚未审结',
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('提起日期（2026-06-11）在今天') });
    const n = (table: 'publication' | 'request_step' | 'review') =>
      t!.ws
        .context()
        .db.selectFrom(table)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
        .then((x) => Number(x.n));
    expect([await n('publication'), await n('request_step'), await n('review')]).toEqual([0, 0, 0]);
  });

  it('refuse the same application twice unless confirmed, naming the registered one; table 三 counts what was kept', async () => {
    t = await openTestWorkstation({ now: () => new Date(2026, 5, 10) });
    const first = await t.call('disclosure.createRequest', req({}));
    const again = await t
      .call('disclosure.createRequest', req({ applicant: ' 张三 ', content: '本县科技创新券兑付名单 ' }))
      .catch((e: AppError) => e);
    expect(again).toMatchObject({
      code: 'DUPLICATE',
      message:
        '已登记过同一申请：2026-03-02 收到的张三的申请“本县科技创新券兑付名单”（办理中）。同一申请登记两次，年报表三会多算一件。',
      details: { existingId: first.id },
    });
    const newOnes = async () =>
      (await t!.call('disclosure.reportFigures', { year: 2026 })).requests.rows.find((r) => r.key === '一')!.values[6];
    expect(await newOnes()).toBe(1);
    // Another day, applicant or content is another application.
    const other = await t.call('disclosure.createRequest', req({ receivedDate: '2026-03-03' }));
    expect(await newOnes()).toBe(2);
    // Editing one into a copy of another is refused the same way.
    await expect(t.call('disclosure.updateRequest', { ...req({}), id: other.id })).rejects.toMatchObject({
      code: 'DUPLICATE',
    });
    // The user confirms a real second application (answered later as 重复申请): kept and counted.
    await t.call('disclosure.createRequest', { ...req({}), confirmDuplicate: true });
    expect(await newOnes()).toBe(3);
    // The import refuses the same row as 重复, as before.
    const list = await t.call('disclosure.requests', { year: 2026 });
    expect(list.filter((r) => r.receivedDate === '2026-03-02')).toHaveLength(2);
  });

  it('list the 复议/诉讼 of the year being viewed, as table 四 counts them', async () => {
    t = await openTestWorkstation({ now: () => new Date(2026, 5, 10) });
    const r = await t.call('disclosure.createRequest', req({ receivedDate: '2025-03-02' }));
    const save = (filedDate: string, decidedDate: string | null) =>
      t!.call('disclosure.saveReview', {
        id: null,
        requestId: r.id,
        kind: '行政复议',
        filedDate,
        result: decidedDate ? '维持' : '尚未审结',
        decidedDate,
      });
    await save('2025-04-01', '2025-06-01'); // decided in 2025
    await save('2025-11-01', '2026-02-01'); // pending across the new year
    await save('2026-04-01', null); // filed in 2026
    const filed = async (year: number) =>
      (await t!.call('disclosure.reviews', { year })).map((v) => v.filedDate).sort();
    expect(await filed(2025)).toEqual(['2025-04-01', '2025-11-01']);
    expect(await filed(2026)).toEqual(['2025-11-01', '2026-04-01']);
    expect(await t.call('disclosure.reviews')).toHaveLength(3);
    // The list and table 四 agree.
    const t4 = (await t.call('disclosure.reportFigures', { year: 2026 })).reviews.values;
    expect(t4[4]).toBe((await filed(2026)).length);
  });
});
