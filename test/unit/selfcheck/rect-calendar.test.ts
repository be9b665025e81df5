// Issue 20 for the 整改台账: an item's light counts working days to its 时限; when they run into a year the calendar
// has no 放假安排 for, the item says so (calendarWarning, the task lights' own), and stops once that year is entered.
import { afterEach, expect, it } from 'vitest';
import { packageDataYears } from '../../../shared/domain/working-days';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';

let t: TestWorkstation | null = null;
afterEach(() => {
  t?.cleanup();
  t = null;
});

const last = packageDataYears().at(-1)!;
const unknown = last + 1;

it('an open 整改 item whose 时限 lies in a year without holiday data carries the warning; one within the year does not', async () => {
  // Today late in the built-in data's last year (2026-12-21 today).
  t = await openTestWorkstation({ year: last, now: () => new Date(last, 11, 21, 10) });
  const item = (problem: string, deadline: string | null) =>
    t!.call('rectification.create', {
      year: last,
      source: '上级测评通报',
      problem,
      measure: '逐项整改',
      kind: deadline ? '限期整改' : '长期坚持',
      deadline,
    });
  const intoNext = await item('栏目更新不及时', `${unknown}-01-20`);
  const within = await item('解读形式单一', `${last}-12-30`);
  const ongoing = await item('长效机制', null);
  expect(intoNext.calendarWarning).toContain(`工作日历缺少${unknown}年的放假安排`);
  expect(intoNext.workingDaysLeft).toBeGreaterThan(0);
  expect(within.calendarWarning).toBeNull();
  expect(ongoing.calendarWarning).toBeNull();
  const listed = await t.call('rectification.list', { year: last, openOnly: true });
  expect(listed.map((r) => [r.problem, r.calendarWarning !== null])).toEqual([
    ['栏目更新不及时', true],
    ['解读形式单一', false],
    ['长效机制', false],
  ]);
  // Done: no light, so nothing to warn about.
  const done = await t.call('rectification.update', {
    id: intoNext.id,
    item: {
      year: last,
      source: '上级测评通报',
      problem: '栏目更新不及时',
      measure: '逐项整改',
      deadline: `${unknown}-01-20`,
      state: '已完成',
      completedOn: `${last}-12-21`,
    },
  });
  expect(done.calendarWarning).toBeNull();

  await t.call('calendar.save', {
    overrides: [{ date: `${unknown}-01-01`, kind: 'holiday', note: '元旦' }],
    dueSoonDays: 5,
  });
  const reopened = await t.call('rectification.update', {
    id: intoNext.id,
    item: {
      year: last,
      source: '上级测评通报',
      problem: '栏目更新不及时',
      measure: '逐项整改',
      deadline: `${unknown}-01-20`,
    },
  });
  expect(reopened.calendarWarning).toBeNull();
});
