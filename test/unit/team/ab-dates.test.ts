// Issue 8 "dates mean what they say" for AB岗: holdings read as of a date, future changes 待生效, real past start
// dates and their correction (audited), and one person never both A and B of a post.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { openTeamFixture, type TeamFixture } from './helpers';

let f: TeamFixture;
afterEach(() => f?.cleanup());

const handover = { date: '2025-10-09', items: '工作台账', transitionEnd: null, note: '' };

/** The A and B names printed in the 设置表 row of one post. */
async function abRow(t: TeamFixture, date: string | undefined, post: string): Promise<[unknown, unknown]> {
  await t.call('team.export', { kind: 'ab-xlsx', ...(date ? { date } : {}) });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(t.delivered.at(-1)!.data as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const row = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((r) => r.getCell(2).value === post)!;
  return [row.getCell(4).value, row.getCell(7).value];
}

describe('AB holdings as of a date', () => {
  it('a change dated in the future is 待生效 on screens and in today’s 设置表, in post from its date', async () => {
    f = await openTeamFixture('2025-10-09');
    const post = await f.postId('政务公开联络员');
    await f.call('ab.assign', { postId: post, role: 'A', staffId: f.staff['张三'], startDate: '2024-03-01' });
    await f.call('ab.assign', { postId: post, role: 'B', staffId: f.staff['李四'], startDate: '2024-03-01' });
    await f.call('ab.change', {
      postId: post,
      role: 'A',
      toStaffId: f.staff['王五'],
      changeDate: '2025-11-03',
      reason: '调动',
      handover,
    });

    const today = (await f.call('ab.posts')).find((p) => p.id === post)!;
    expect(today.asOf).toBe('2025-10-09');
    expect(today.a!.name).toBe('张三');
    expect(today.aNext).toMatchObject({ name: '王五', startDate: '2025-11-03' });
    expect(today.bNext).toBeNull();
    // Today's table lists the holder actually in post; the table as of the change date lists the successor.
    expect(await abRow(f, undefined, '政务公开联络员')).toEqual(['张三', '李四']);
    expect(await abRow(f, '2025-11-02', '政务公开联络员')).toEqual(['张三', '李四']);
    expect(await abRow(f, '2025-11-03', '政务公开联络员')).toEqual(['王五', '李四']);
    // And on the day itself the screen shows the successor, nothing pending.
    f.setToday('2025-11-03');
    const later = (await f.call('ab.posts')).find((p) => p.id === post)!;
    expect(later.a!.name).toBe('王五');
    expect(later.aNext).toBeNull();
    // An export date that is not a date is refused in Chinese.
    await expect(f.call('team.export', { kind: 'ab-xlsx', date: '2025-02-30' })).rejects.toThrow(
      '截至日期“2025-02-30”不是有效日期',
    );
  });
});

describe('start dates can be real and corrected', () => {
  it('a first holder’s past start date is kept; a mistyped one is corrected and the audit trail says so', async () => {
    f = await openTeamFixture('2025-10-09');
    const post = await f.postId('信息发布审核员');
    const p = await f.call('ab.assign', { postId: post, role: 'A', staffId: f.staff['张三'], startDate: '2025-10-09' });
    expect(p.a!.startDate).toBe('2025-10-09');
    // The real start was years ago: a later change dated before "today" would otherwise be refused.
    await expect(
      f.call('ab.change', {
        postId: post,
        role: 'A',
        toStaffId: f.staff['王五'],
        changeDate: '2025-06-01',
        reason: '',
        handover,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const fixed = await f.call('ab.correctHolding', {
      holdingId: p.a!.holdingId,
      startDate: '2021-04-15',
      reason: '首次录入时误填为当天',
    });
    expect(fixed.startDate).toBe('2021-04-15');
    const trail = await f.call('audit.list', { entity: 'ab_post', entityId: post });
    const entry = trail.find((e) => e.summary.includes('更正'))!;
    expect(entry.summary).toContain('2025-10-09 → 2021-04-15');
    expect(entry.summary).toContain('首次录入时误填为当天');
    expect(entry.changes).toEqual({ startDate: { from: '2025-10-09', to: '2021-04-15' } });
    // Now the change dated 2025-06-01 is accepted and history is continuous.
    await f.call('ab.change', {
      postId: post,
      role: 'A',
      toStaffId: f.staff['王五'],
      changeDate: '2025-06-01',
      reason: '',
      handover: { ...handover, date: '2025-06-01' },
    });
    const { holdings } = await f.call('ab.history', { postId: post });
    expect(holdings.filter((h) => h.role === 'A').map((h) => [h.name, h.startDate, h.endDate])).toEqual([
      ['张三', '2021-04-15', '2025-05-31'],
      ['王五', '2025-06-01', null],
    ]);
  });

  it('correcting a successor’s start moves the change date, the predecessor’s last day and the 备案 due date', async () => {
    f = await openTeamFixture('2025-10-09');
    const post = await f.postId('政务公开联络员');
    await f.call('ab.assign', { postId: post, role: 'A', staffId: f.staff['张三'], startDate: '2025-01-02' });
    const c = await f.call('ab.change', {
      postId: post,
      role: 'A',
      toStaffId: f.staff['李四'],
      changeDate: '2025-10-09',
      reason: '',
      handover,
    });
    expect(c.filingDue).toBe('2025-10-15');
    const successor = (await f.call('ab.history', { postId: post })).holdings.find((h) => h.name === '李四')!;
    // Fri 26 Sep + 5 working days across National Day: 28 Sep (调休), 29, 30 Sep, 9, 10 Oct.
    await f.call('ab.correctHolding', { holdingId: successor.id, startDate: '2025-09-26', reason: '' });
    const after = await f.call('ab.history', { postId: post });
    expect(after.holdings.map((h) => [h.name, h.startDate, h.endDate])).toEqual([
      ['张三', '2025-01-02', '2025-09-25'],
      ['李四', '2025-09-26', null],
    ]);
    expect(after.changes[0]).toMatchObject({ changeDate: '2025-09-26', filingDue: '2025-10-10' });
    // Not before the predecessor began, and not after the period's end: refused, nothing changed.
    await expect(
      f.call('ab.correctHolding', { holdingId: successor.id, startDate: '2024-12-31', reason: '' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await f.call('ab.history', { postId: post })).holdings.map((h) => h.startDate)).toEqual([
      '2025-01-02',
      '2025-09-26',
    ]);
  });
});

describe('one person is never both A and B of a post', () => {
  it('is refused when assigning and when changing, with a message naming the person and the post', async () => {
    f = await openTeamFixture('2025-10-09');
    const post = await f.postId('保密审查员');
    await f.call('ab.assign', { postId: post, role: 'A', staffId: f.staff['张三'], startDate: '2025-01-02' });
    await expect(
      f.call('ab.assign', { postId: post, role: 'B', staffId: f.staff['张三'], startDate: '2025-03-01' }),
    ).rejects.toThrow('张三已是“保密审查员”的A岗');
    await f.call('ab.assign', { postId: post, role: 'B', staffId: f.staff['李四'], startDate: '2025-01-02' });
    await expect(
      f.call('ab.change', {
        postId: post,
        role: 'B',
        toStaffId: f.staff['张三'],
        changeDate: '2025-10-09',
        reason: '',
        handover,
      }),
    ).rejects.toThrow('同一岗位的A岗和B岗须由不同人员担任');
    // Nothing half-written: B is still 李四 and no change was recorded.
    const p = (await f.call('ab.posts')).find((x) => x.id === post)!;
    expect(p.b!.name).toBe('李四');
    expect((await f.call('ab.changes')).length).toBe(0);
    // Once A has moved on, the former A may become B.
    await f.call('ab.change', {
      postId: post,
      role: 'A',
      toStaffId: f.staff['王五'],
      changeDate: '2025-09-01',
      reason: '',
      handover: { ...handover, date: '2025-09-01' },
    });
    await f.call('ab.change', {
      postId: post,
      role: 'B',
      toStaffId: f.staff['张三'],
      changeDate: '2025-10-09',
      reason: '',
      handover,
    });
    expect((await f.call('ab.posts')).find((x) => x.id === post)!.b!.name).toBe('张三');
  });
});
