import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  countWorkingDays,
  coverageWarning,
  createWorkingDayCalendar,
  describeDay,
  isWorkingDay,
  nextWorkingDay,
  parseWorkingDayOverrides,
  uncoveredYears,
  weekdayOf,
  workingDayOnOrAfter,
  yearCoverage,
} from '../../../shared/domain/working-days';

// Dates below are from the State Council's notices (国办发明电) for 2024, 2025 and 2026.
describe('working-day calendar from chinese-days', () => {
  it('knows weekdays without any data', () => {
    expect(weekdayOf('2025-01-26')).toBe(0); // Sunday
    expect(weekdayOf('2025-02-08')).toBe(6); // Saturday
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });

  it('2025 春节: holiday 01-28..02-04, adjusted working Sunday 01-26 and Saturday 02-08', () => {
    expect(isWorkingDay('2025-01-26')).toBe(true);
    expect(isWorkingDay('2025-02-08')).toBe(true);
    for (let d = '2025-01-28'; d <= '2025-02-04'; d = addDays(d, 1)) expect(isWorkingDay(d), d).toBe(false);
    expect(isWorkingDay('2025-01-25')).toBe(false); // ordinary Saturday
    expect(describeDay('2025-01-29').name).toBe('春节');
    expect(describeDay('2025-02-08')).toEqual({ working: true, name: '春节调休上班' });
  });

  it('2024 国庆: 10-01..10-07 off, 09-29 (Sunday) and 10-12 (Saturday) working', () => {
    for (let d = '2024-10-01'; d <= '2024-10-07'; d = addDays(d, 1)) expect(isWorkingDay(d), d).toBe(false);
    expect(isWorkingDay('2024-09-29')).toBe(true);
    expect(isWorkingDay('2024-10-12')).toBe(true);
    expect(nextWorkingDay('2024-09-30')).toBe('2024-10-08');
    expect(nextWorkingDay('2024-09-28')).toBe('2024-09-29');
  });

  it('2026 春节: 02-15..02-23 off, 02-14 and 02-28 (Saturdays) working; 01-04 Sunday working', () => {
    for (let d = '2026-02-15'; d <= '2026-02-23'; d = addDays(d, 1)) expect(isWorkingDay(d), d).toBe(false);
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    expect(isWorkingDay('2026-01-04')).toBe(true);
    expect(isWorkingDay('2026-01-02')).toBe(false);
  });

  it('adds working days across a holiday and a 调休 weekend', () => {
    // Change on Friday 2025-01-24: 01-26 (Sun, working) 1, 01-27 2, [春节], 02-05 3, 02-06 4, 02-07 5.
    expect(addWorkingDays('2025-01-24', 5)).toBe('2025-02-07');
    expect(countWorkingDays('2025-01-24', '2025-02-07')).toBe(5);
    // 2026: 02-13 (Fri) + 1 = 02-14 (adjusted Saturday); + 2 = 02-24 (after the 9-day break).
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(addWorkingDays('2025-02-07', -5)).toBe('2025-01-24');
    expect(addWorkingDays('2025-02-07', 0)).toBe('2025-02-07');
    expect(countWorkingDays('2025-02-07', '2025-01-24')).toBe(-5);
    // 依申请公开 20 working days from Friday 2024-09-20 cross 国庆: 09-23..27 (5), 09-29 Sun (6), 09-30 (7),
    // 10-08..11 (11), 10-12 Sat (12), 10-14..18 (17), 10-21..23 (20).
    const due = addWorkingDays('2024-09-20', 20);
    expect(due).toBe('2024-10-23');
    expect(countWorkingDays('2024-09-20', due)).toBe(20);
  });

  it('a deadline on a holiday moves to the next working day', () => {
    expect(workingDayOnOrAfter('2024-10-01')).toBe('2024-10-08');
    expect(workingDayOnOrAfter('2024-10-08')).toBe('2024-10-08');
  });

  it('counts a whole year consistently with the package', () => {
    let n = 0;
    for (let d = '2025-01-01'; d <= '2025-12-31'; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
    expect(n).toBe(countWorkingDays('2024-12-31', '2025-12-31'));
    expect(n).toBe(248); // 2025: 365 − 104 weekend days − 18 weekday holidays + 5 adjusted working weekends
  });

  it('detects years the package does not know and warns', () => {
    expect(yearCoverage(2025)).toBe('package');
    expect(yearCoverage(2026)).toBe('package');
    expect(yearCoverage(2027)).toBe('none');
    expect(yearCoverage(1999)).toBe('none');
    expect(isWorkingDay('2027-01-01')).toBe(true); // what the package alone would say: a plain Friday
    expect(uncoveredYears([2026, 2027, 2027, 2028])).toEqual([2027, 2028]);
    expect(coverageWarning([2026])).toBeNull();
    expect(coverageWarning([2026, 2027])).toContain('2027年');
  });

  it('user overrides fill a missing year and win over the package', () => {
    const cal = createWorkingDayCalendar([
      { date: '2027-01-01', kind: 'holiday', note: '元旦' },
      { date: '2027-02-06', kind: 'workday', note: '春节调休上班' }, // a Saturday
      { date: '2025-02-08', kind: 'holiday' }, // the user says this adjusted Saturday was off after all
    ]);
    expect(yearCoverage(2027, cal)).toBe('overrides');
    expect(coverageWarning([2027], cal)).toBeNull();
    expect(isWorkingDay('2027-01-01', cal)).toBe(false);
    expect(isWorkingDay('2027-02-06', cal)).toBe(true);
    expect(isWorkingDay('2025-02-08', cal)).toBe(false);
    expect(addWorkingDays('2026-12-31', 1, cal)).toBe('2027-01-04');
    expect(describeDay('2027-02-06', cal)).toEqual({ working: true, name: '春节调休上班' });
  });

  it('reads overrides from text and names bad lines', () => {
    const { overrides, errors } = parseWorkingDayOverrides(
      '\uFEFF# 2027年放假安排\n2027-01-01 休 元旦\n2027-2-6 班 春节调休上班\n2027-02-10~2027-02-12 放假 春节\n2027-13-01 休\n乱写一行\n',
    );
    expect(overrides).toEqual([
      { date: '2027-01-01', kind: 'holiday', note: '元旦' },
      { date: '2027-02-06', kind: 'workday', note: '春节调休上班' },
      { date: '2027-02-10', kind: 'holiday', note: '春节' },
      { date: '2027-02-11', kind: 'holiday', note: '春节' },
      { date: '2027-02-12', kind: 'holiday', note: '春节' },
    ]);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('第5行');
    expect(errors[1]).toContain('第6行');
  });

  it('rejects malformed dates', () => {
    expect(() => isWorkingDay('2025-02-30')).toThrow(RangeError);
    expect(() => addWorkingDays('2025/01/01', 1)).toThrow(RangeError);
  });
});

describe('package data', () => {
  it('covers 2004-2026 continuously (so 2020-2026 as the spec asks)', async () => {
    const { packageDataYears } = await import('../../../shared/domain/working-days');
    const years = packageDataYears();
    expect(years[0]).toBeLessThanOrEqual(2020);
    expect(years.at(-1)).toBeGreaterThanOrEqual(2026);
    for (let y = 2020; y <= 2026; y++) expect(years).toContain(y);
  });
});
