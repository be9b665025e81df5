// The counting rules of the 依申请公开 register and the annual report, on the real working-day calendar. Expected
// dates were counted by hand from the State Council notices (2025 春节: 1-28…2-4 off, Sun 1-26 and Sat 2-8 worked;
// 2025 国庆: 10-1…10-8 off, Sun 9-28 and Sat 10-11 worked).
import { describe, expect, it } from 'vitest';
import {
  APPLICANT_TYPES,
  checkTables,
  feePerItem,
  computeDeadline,
  computeTable3,
  computeTable4,
  RESULT_KEYS,
  REVIEW_KINDS,
  REVIEW_RESULTS,
  requestProblem,
  requestInputSchema,
  type CountedRequest,
  type CountedReview,
  type RequestStepValues,
} from '../../../shared/domain/disclosure';
import { createWorkingDayCalendar } from '../../../shared/domain/working-days';

const cal = createWorkingDayCalendar();
const step = (s: Partial<RequestStepValues> & Pick<RequestStepValues, 'kind' | 'startDate'>): RequestStepValues => ({
  endDate: null,
  days: null,
  party: '',
  toldDate: null,
  note: '',
  ...s,
});
const row = (t: ReturnType<typeof computeTable3>, key: string) => t.rows.find((r) => r.key === key)!.values;

describe('答复期限 on the working-day calendar', () => {
  it('counts 20 working days from the day after receipt across 春节 and its 调休 days', () => {
    // 1-21…1-24 (4), Sun 1-26 (5), 1-27 (6), 2-5…2-7 (9), Sat 2-8 (10), 2-10…2-14 (15), 2-17…2-21 (20).
    const d = computeDeadline({ receivedDate: '2025-01-20', answeredDate: null, steps: [] }, '2025-01-21', cal);
    expect(d.dueDate).toBe('2025-02-21');
    expect(d.state).toBe('正常');
    expect(d.remaining).toBe(19);
  });

  it('restarts the period when the 补正 arrives and stops the clock while it is awaited', () => {
    const waiting = computeDeadline(
      {
        receivedDate: '2025-01-20',
        answeredDate: null,
        steps: [step({ kind: '补正', startDate: '2025-01-22', toldDate: '2025-02-12' })],
      },
      '2025-02-20',
      cal,
    );
    expect(waiting.dueDate).toBeNull();
    expect(waiting.state).toBe('暂停计时');
    expect(waiting.notes.join()).toMatch(/补正期限（2025-02-12）已过/);
    // Corrected application on 2-5: 2-6, 2-7 (2), Sat 2-8 (3), 2-10…14 (8), 2-17…21 (13), 2-24…28 (18), 3-3, 3-4 (20).
    const restarted = computeDeadline(
      {
        receivedDate: '2025-01-20',
        answeredDate: null,
        steps: [step({ kind: '补正', startDate: '2025-01-22', endDate: '2025-02-05' })],
      },
      '2025-02-06',
      cal,
    );
    expect(restarted.startDate).toBe('2025-02-05');
    expect(restarted.dueDate).toBe('2025-03-04');
  });

  it('warns when the 补正 notice goes out after 7 working days', () => {
    // 1-20 → 2-6: 1-21…24 (4), 1-26 (5), 1-27 (6), 2-5 (7), 2-6 (8).
    const d = computeDeadline(
      {
        receivedDate: '2025-01-20',
        answeredDate: null,
        steps: [step({ kind: '补正', startDate: '2025-02-06', endDate: '2025-02-07' })],
      },
      '2025-02-07',
      cal,
    );
    expect(d.notes.join()).toContain('第8个工作日');
  });

  it('does not count the 征求意见 time and adds the 延期 across 国庆 and its 调休 days', () => {
    // Pause (9-24, 10-13]: 9-25, 9-26, Sun 9-28, 9-29, 9-30, 10-9, 10-10, Sat 10-11, 10-13 = 9 working days.
    // 20 + 9 + 10 = 39 working days after 9-22 → 2025-11-20.
    const d = computeDeadline(
      {
        receivedDate: '2025-09-22',
        answeredDate: null,
        steps: [
          step({ kind: '征求意见', startDate: '2025-09-24', endDate: '2025-10-13' }),
          step({ kind: '延期', startDate: '2025-10-20', days: 10 }),
        ],
      },
      '2025-11-14',
      cal,
    );
    expect(d.pausedDays).toBe(9);
    expect(d.extensionDays).toBe(10);
    expect(d.dueDate).toBe('2025-11-20');
    // 11-17…11-20 are left: within the 5-day warning.
    expect(d.state).toBe('即将到期');
    expect(d.remaining).toBe(4);
  });

  it('marks late and answered applications', () => {
    const late = computeDeadline({ receivedDate: '2025-01-20', answeredDate: null, steps: [] }, '2025-02-24', cal);
    expect(late.state).toBe('逾期');
    expect(late.remaining).toBe(-1);
    expect(
      computeDeadline({ receivedDate: '2025-01-20', answeredDate: '2025-02-21', steps: [] }, '2025-03-01', cal).state,
    ).toBe('按期办结');
    expect(
      computeDeadline({ receivedDate: '2025-01-20', answeredDate: '2025-02-24', steps: [] }, '2025-03-01', cal).state,
    ).toBe('逾期办结');
  });

  it("follows the user's calendar overrides", () => {
    const custom = createWorkingDayCalendar([{ date: '2025-02-21', kind: 'holiday', note: '本地放假' }]);
    expect(
      computeDeadline({ receivedDate: '2025-01-20', answeredDate: null, steps: [] }, '2025-01-21', custom).dueDate,
    ).toBe('2025-02-24');
  });
});

describe('dates out of order are refused with the field named', () => {
  const base = requestInputSchema.parse({
    receivedDate: '2025-03-10',
    applicant: '张三',
    applicantType: '自然人',
    method: '邮寄',
    content: '某项信息',
  });
  it('names 答复 before 收到, 补正 after 答复, a result without a date and two extensions', () => {
    expect(requestProblem({ ...base, answeredDate: '2025-03-09', result: '三.一' })).toMatch(
      /答复日期（2025-03-09）早于收到日期/,
    );
    expect(
      requestProblem({
        ...base,
        answeredDate: '2025-03-20',
        result: '三.一',
        steps: [step({ kind: '补正', startDate: '2025-03-21' })],
      }),
    ).toMatch(/补正.*晚于答复日期/);
    expect(requestProblem({ ...base, result: '三.一' })).toMatch(/请填写答复日期/);
    expect(
      requestProblem({
        ...base,
        steps: [
          step({ kind: '延期', startDate: '2025-03-11', days: 5 }),
          step({ kind: '延期', startDate: '2025-03-12', days: 5 }),
        ],
      }),
    ).toMatch(/只能延期一次/);
    expect(requestProblem({ ...base, answeredDate: '2025-03-20', result: '三.六.1' })).toMatch(/逾期不补正/);
    expect(requestInputSchema.safeParse({ ...base, result: '三.九' }).success).toBe(false);
    expect(requestInputSchema.safeParse({ ...base, applicantType: '个体户' }).error?.issues[0].message).toContain(
      '申请人类型应为',
    );
  });
});

describe('table 三 counting rules', () => {
  it('puts an application received 12-28 and answered 01-08 in 一 and 四 of its year and in 二 and 三 of the next', () => {
    const reqs: CountedRequest[] = [
      { receivedDate: '2025-12-28', answeredDate: '2026-01-08', applicantType: '商业企业', result: '三.二' },
    ];
    const y25 = computeTable3(2025, reqs);
    expect(row(y25, '一')).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(row(y25, '四')).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(row(y25, '三.七')[6]).toBe(0);
    const y26 = computeTable3(2026, reqs);
    expect(row(y26, '一')[6]).toBe(0);
    expect(row(y26, '二')).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(row(y26, '三.二')).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(row(y26, '四')[6]).toBe(0);
  });

  it('counts the last and first day of the year on the right side', () => {
    const reqs: CountedRequest[] = [
      { receivedDate: '2025-12-31', answeredDate: '2025-12-31', applicantType: '自然人', result: '三.一' },
      { receivedDate: '2026-01-01', answeredDate: null, applicantType: '法律服务机构', result: null },
      { receivedDate: '2024-05-01', answeredDate: '2025-01-01', applicantType: '其他', result: '三.六.3' },
      { receivedDate: '2024-05-01', answeredDate: '2024-12-31', applicantType: '其他', result: '三.一' },
    ];
    const t = computeTable3(2025, reqs);
    expect(row(t, '一')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(t, '二')).toEqual([0, 0, 0, 0, 0, 1, 1]);
    expect(row(t, '三.一')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(t, '三.六.3')).toEqual([0, 0, 0, 0, 0, 1, 1]);
    expect(row(t, '四')[6]).toBe(0);
    expect(row(computeTable3(2026, reqs), '一')).toEqual([0, 0, 0, 0, 1, 0, 1]);
    expect(checkTables(t, new Array(15).fill(0))).toEqual([]);
  });

  it('names the failing cell when a table has been tampered with', () => {
    const t = computeTable3(2025, [
      { receivedDate: '2025-03-01', answeredDate: '2025-03-10', applicantType: '自然人', result: '三.一' },
    ]);
    row(t, '三.一')[0] = 2;
    const problems = checkTables(t, [1, 0, 0, 0, 2, ...new Array(10).fill(0)]);
    expect(problems.some((p) => p.includes('“自然人”列') && p.includes('21种办理结果之和为 2'))).toBe(true);
    expect(problems.some((p) => p.includes('“（一）予以公开”行'))).toBe(true);
    expect(problems.some((p) => p.includes('表四“行政复议”'))).toBe(true);
  });
});

describe('信息处理费 按件计收', () => {
  it('follows 国办函〔2020〕109号: 10 free, 100 yuan to the 30th, then 100 more per band of 10', () => {
    expect([1, 10, 11, 30, 31, 40, 41, 50, 51].map(feePerItem)).toEqual([0, 0, 100, 100, 200, 200, 300, 300, 400]);
  });
});

describe('table 四', () => {
  it('counts cases pending in the year, with the result as of 31 December', () => {
    const reviews: CountedReview[] = [
      { kind: '行政复议', filedDate: '2025-11-01', decidedDate: '2026-01-20', result: '纠正' },
      { kind: '行政复议', filedDate: '2025-03-01', decidedDate: '2025-05-01', result: '维持' },
      { kind: '未经复议直接起诉', filedDate: '2024-06-01', decidedDate: '2024-12-01', result: '维持' },
      { kind: '复议后起诉', filedDate: '2025-07-01', decidedDate: null, result: '尚未审结' },
    ];
    expect(computeTable4(2025, reviews)).toEqual([1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
    expect(computeTable4(2026, reviews)).toEqual([0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
  });
});

/** A small seeded generator (mulberry32) so a failure can be replayed. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the identities hold on randomised registers', () => {
  it('一 + 二 = 三（七）+ 四 per column, （七）= Σ leaves, 总计 = Σ columns, table 四 blocks add up, and last year 四 = this year 二', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = rng(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
      const day = (y: number) =>
        `${y}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
      const reqs: CountedRequest[] = [];
      const reviews: CountedReview[] = [];
      for (let i = 0; i < 10 + Math.floor(r() * 60); i++) {
        const received = day(2023 + Math.floor(r() * 4));
        const answered =
          r() < 0.2
            ? null
            : (() => {
                const a = day(Number(received.slice(0, 4)) + Math.floor(r() * 2));
                return a < received ? received : a;
              })();
        reqs.push({
          receivedDate: received,
          answeredDate: answered,
          applicantType: pick(APPLICANT_TYPES),
          result: answered ? pick(RESULT_KEYS) : null,
        });
        if (r() < 0.2) {
          const filed = answered ?? received;
          const decided = r() < 0.3 ? null : day(Number(filed.slice(0, 4)) + Math.floor(r() * 2));
          reviews.push({
            kind: pick(REVIEW_KINDS),
            filedDate: filed,
            decidedDate: decided && decided >= filed ? decided : null,
            result: decided && decided >= filed ? pick(REVIEW_RESULTS.slice(0, 3)) : '尚未审结',
          });
        }
      }
      for (const y of [2024, 2025, 2026]) {
        const t = computeTable3(y, reqs);
        const t4 = computeTable4(y, reviews);
        expect(checkTables(t, t4), `seed ${seed}, ${y}`).toEqual([]);
        // Independently: 一 total = applications received in the year.
        expect(row(t, '一')[6]).toBe(reqs.filter((x) => x.receivedDate.startsWith(String(y))).length);
        expect(row(t, '二')).toEqual(row(computeTable3(y - 1, reqs), '四'));
        expect(row(t, '三.七')[6]).toBe(reqs.filter((x) => x.answeredDate?.startsWith(String(y))).length);
      }
    }
  });
});
