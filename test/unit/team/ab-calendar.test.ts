// Issue 20 for AB岗: a 备案 due date counted into a year the working-day calendar has no 放假安排 for says so on the
// change, its warning, the home card's line and the dashboard's date; entering that year in 设置 counts the stored due
// date again (the same working days after the change date) and the warning goes.
import { afterEach, describe, expect, it } from 'vitest';
import { addWorkingDays, createWorkingDayCalendar, packageDataYears } from '../../../shared/domain/working-days';
import { openTeamFixture, type TeamFixture } from './helpers';
import { formatChineseDate } from '../../../shared/domain/dates';
import { summariseWarnings } from '../../../shared/domain/ab-warnings';

let f: TeamFixture;
afterEach(() => f?.cleanup());

// The built-in data's last year (2026 today) and the next, which it does not know.
const last = packageDataYears().at(-1)!;
const unknown = last + 1;
const weekdaysOnly = createWorkingDayCalendar();
// The year's first Monday–Friday entered as a holiday (元旦, or the day it is made up on when it falls on a weekend).
const firstWeekday = addWorkingDays(`${last}-12-31`, 1, weekdaysOnly);
const newYear = [{ date: firstWeekday, kind: 'holiday' as const, note: '元旦' }];
const withNewYear = createWorkingDayCalendar(newYear);
const gap = `工作日历缺少${unknown}年的放假安排`;

/** Two changes on two posts, as of late December: one on the 28th (its 5 working days run into January), one on the 1st. */
async function twoChanges(t: TeamFixture) {
  const handover = { items: '工作台账', transitionEnd: null, note: '' };
  const change = async (postName: string, from: string, to: string, changeDate: string) => {
    const postId = await t.postId(postName);
    await t.call('ab.assign', { postId, role: 'A', staffId: t.staff[from], startDate: `${last}-01-05` });
    return t.call('ab.change', {
      postId,
      role: 'A',
      toStaffId: t.staff[to],
      changeDate,
      reason: '工作调整',
      handover: { ...handover, date: changeDate },
    });
  };
  const late = await change('政务公开联络员', '张三', '王五', `${last}-12-28`);
  const early = await change('信息发布审核员', '李四', '赵六', `${last}-12-01`);
  return { late, early };
}

describe('备案 due date into a year without holiday data', () => {
  it('warns on the change, its warning, the home card line and the dashboard; not for a change within the year', async () => {
    f = await openTeamFixture(`${last}-12-28`, last);
    const { late, early } = await twoChanges(f);
    // At most three working days are left in December after the 28th: the fifth is in January, counted Mon–Fri.
    expect(late.filingDue).toBe(addWorkingDays(`${last}-12-28`, 5, weekdaysOnly));
    expect(late.filingDue > `${last}-12-31`).toBe(true);
    expect(late.calendarWarning).toContain(gap);
    expect(late.calendarWarning).toContain('设置 → 工作日历');
    expect(early.filingDue < `${last}-12-31`).toBe(true);
    expect(early.calendarWarning).toBeNull();

    const listed = await f.call('ab.changes');
    expect(listed.map((c) => [c.id, c.calendarWarning !== null])).toEqual(
      expect.arrayContaining([
        [late.id, true],
        [early.id, false],
      ]),
    );

    const warnings = await f.call('team.warnings');
    const lateWarning = warnings.find((w) => w.changeId === late.id)!;
    const earlyWarning = warnings.find((w) => w.changeId === early.id)!;
    expect(lateWarning.kind).toMatch(/^filing(DueSoon|Pending)$/);
    expect(lateWarning.calendarWarning).toBe(late.calendarWarning);
    expect(earlyWarning.kind).toBe('filingOverdue');
    expect(earlyWarning.calendarWarning).toBeNull();
    // The home card's lines (summariseWarnings) keep it; the posts' lines have none.
    const lines = summariseWarnings(warnings, await f.call('ab.posts'));
    expect(lines.filter((l) => l.calendarWarning).map((l) => l.message)).toEqual([lateWarning.message]);

    const { upcoming } = await f.call('summary.dashboard', { year: last });
    const dated = upcoming.filter((u) => u.title === '人员变动备案截止');
    expect(dated.map((u) => [u.date, u.calendarWarning !== null])).toEqual([
      [early.filingDue, false],
      [late.filingDue, true],
    ]);
    // The 年度报告's date is a calendar date (1月31日), never counted in working days.
    expect(upcoming.filter((u) => u.title.includes('年度报告')).every((u) => u.calendarWarning === null)).toBe(true);
  });

  it('is counted again when the year’s 放假安排 is entered, which the audit trail and the save’s answer say', async () => {
    f = await openTeamFixture(`${last}-12-28`, last);
    const { late, early } = await twoChanges(f);
    const saved = await f.call('calendar.save', { overrides: newYear, dueSoonDays: 5 });
    // That day is a holiday now: the same five working days end one working day later.
    const due = addWorkingDays(`${last}-12-28`, 5, withNewYear);
    expect(due).toBe(addWorkingDays(late.filingDue, 1, withNewYear));
    expect(saved.recounted).toEqual([
      `“政务公开联络员”A岗变更为王五（${formatChineseDate(`${last}-12-28`)}）的备案截止日期按新的工作日历改为${formatChineseDate(due)}（原为${formatChineseDate(late.filingDue)}）`,
    ]);
    const after = await f.call('ab.changes');
    expect(after.find((c) => c.id === late.id)).toMatchObject({ filingDue: due, calendarWarning: null });
    expect(after.find((c) => c.id === early.id)).toMatchObject({ filingDue: early.filingDue, calendarWarning: null });
    const trail = await f.call('audit.list', { entity: 'ab_change', entityId: late.id });
    expect(trail[0].changes).toEqual({ filingDue: { from: late.filingDue, to: due } });
    expect((await f.call('team.warnings')).every((w) => w.calendarWarning === null)).toBe(true);
    // Saving the same calendar again moves nothing.
    expect((await f.call('calendar.save', { overrides: newYear, dueSoonDays: 5 })).recounted).toEqual([]);
  });

  it('keeps the warning on a filed change whose due date was counted into that year', async () => {
    f = await openTeamFixture(`${last}-12-28`, last);
    const { late } = await twoChanges(f);
    const filed = await f.call('ab.file', {
      changeId: late.id,
      filedDate: `${last}-12-28`,
      filedTo: '县政务公开办',
      docNumber: '',
    });
    // Filed on time or not is judged against that due date, so it stays uncertain until the year is entered.
    expect(filed.calendarWarning).toContain(gap);
  });
});
