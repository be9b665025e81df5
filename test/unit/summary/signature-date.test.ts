// The 成文日期 of a 总结 is never before the day its figures count to: a 总结 dated 1 December quoting figures counted
// on 7 December contradicts itself. The service refuses it (one rule with the dialog, summaryDateIssues) naming both
// dates and what to do, and nothing is written; a date on or after that day is stored.
import { describe, expect, it } from 'vitest';
import { figuresCountedTo, summaryDateIssues, type Summary } from '../../../shared/domain/summary';
import { workstationsPerTest, type TestWorkstation } from '../../helpers/workstation';

const open = workstationsPerTest();

/**
 * A workstation whose clock the test moves, with one item published in May (a year with no record at all is refused
 * a 总结: nothing to write under 一、主要做法和成效).
 */
async function at(day: string): Promise<{ t: TestWorkstation; move: (to: string) => void }> {
  let now = new Date(`${day}T10:00:00`);
  const t = await open({ year: 2026, now: () => now });
  const columns = await t.call('disclosure.columns');
  await t.call('disclosure.createPublication', {
    title: '县科技局开展科技活动周宣传活动',
    publishedDate: '2026-05-20',
    formedDate: '2026-05-18',
    columnId: columns.find((c) => c.name === '工作动态')!.id,
    channel: '门户网站',
  });
  return { t, move: (to) => (now = new Date(`${to}T10:00:00`)) };
}

const meta = (s: Summary, signatureDate: string) => ({
  id: s.id,
  title: s.title,
  addressee: s.addressee,
  signatureOrg: s.signatureOrg,
  signatureDate,
});

/** The row as stored, read with plain SQL (not through the service under test). */
function stored(t: TestWorkstation, id: number) {
  return t.ws.context().raw.prepare(`SELECT signature_date, title, updated_at FROM summary WHERE id = ?`).get(id) as {
    signature_date: string;
    title: string;
    updated_at: string;
  };
}

const audits = (t: TestWorkstation) =>
  (t.ws.context().raw.prepare(`SELECT count(*) AS n FROM audit_log`).get() as { n: number }).n;

describe('成文日期 and the day the figures count to', () => {
  it('a 年度总结 counted on 7 December refuses 1 December, naming both dates and what to do; 7 December and later are kept', async () => {
    const { t } = await at('2026-12-07');
    const s = await t.call('summary.create', { year: 2026, kind: '年度' });
    expect(s.refreshedAt.slice(0, 10)).toBe('2026-12-07');
    const before = stored(t, s.id);
    const entries = audits(t);

    const refused = t.call('summary.saveMeta', { ...meta(s, '2026-12-01'), title: '改过的标题' });
    await expect(refused).rejects.toMatchObject({ code: 'VALIDATION' });
    const message = (await refused.catch((e: Error) => e.message)) as string;
    expect(message).toContain('成文日期2026年12月1日');
    expect(message).toContain('2026年12月7日');
    expect(message).toContain('改为2026年12月7日或之后');
    expect(message).toContain('刷新数据');
    expect(message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // Nothing written: not the date, not the title sent with it, no audit entry.
    expect(stored(t, s.id)).toEqual(before);
    expect(audits(t)).toBe(entries);

    for (const day of ['2026-12-07', '2026-12-20']) {
      const saved = await t.call('summary.saveMeta', meta(s, day));
      expect(saved.signatureDate).toBe(day);
      expect(stored(t, s.id).signature_date).toBe(day);
    }
  });

  it('refreshed after the year ended, the figures count to 31 December: a date in December before it is refused', async () => {
    const { t, move } = await at('2026-12-07');
    const s = await t.call('summary.create', { year: 2026, kind: '年度' });
    move('2027-01-12');
    const r = await t.call('summary.refresh', { id: s.id });
    expect(r.summary.signatureDate).toBe('2026-12-31');
    await expect(t.call('summary.saveMeta', meta(r.summary, '2026-12-20'))).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('成文日期2026年12月20日早于总结中数字统计到的2026年12月31日'),
    });
    expect(stored(t, s.id).signature_date).toBe('2026-12-31');
    // A date after the year, when the 总结 is written in January, is the office's to choose.
    expect((await t.call('summary.saveMeta', meta(r.summary, '2027-01-12'))).signatureDate).toBe('2027-01-12');
  });

  it('the 上半年总结 counts to 30 June: a date in June is refused, 1 July is kept', async () => {
    const { t } = await at('2026-12-07');
    const s = await t.call('summary.create', { year: 2026, kind: '半年' });
    await expect(t.call('summary.saveMeta', meta(s, '2026-06-15'))).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('2026年6月30日'),
    });
    expect((await t.call('summary.saveMeta', meta(s, '2026-07-01'))).signatureDate).toBe('2026-07-01');
  });

  it('the rule the dialog shows is the one the service applies', () => {
    const running = { refreshedAt: '2026-12-07 09:15:53', year: 2026, kind: '年度' as const };
    expect(figuresCountedTo(running)).toBe('2026-12-07');
    expect(figuresCountedTo({ ...running, refreshedAt: '2027-01-03 08:00:00' })).toBe('2026-12-31');
    expect(figuresCountedTo({ ...running, kind: '半年' })).toBe('2026-06-30');
    expect(summaryDateIssues({ signatureDate: '2026-12-06' }, running)).toEqual([
      { field: ['signatureDate'], level: 'error', message: expect.stringContaining('2026年12月6日') },
    ]);
    expect(summaryDateIssues({ signatureDate: '2026-12-07' }, running)).toEqual([]);
    // An empty field is the required rule's to say.
    expect(summaryDateIssues({ signatureDate: null }, running)).toEqual([]);
  });
});
