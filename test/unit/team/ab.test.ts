import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_POSTS, handoverNotice } from '../../../shared/domain/ab';
import { openTeamFixture, type TeamFixture } from './helpers';
import { summariseWarnings } from '../../../shared/domain/ab-warnings';

let f: TeamFixture;
afterEach(() => f?.cleanup());

const handover = {
  date: '2025-09-26',
  items: '政务公开联络员工作台账\n信息报送账号',
  transitionEnd: '2025-10-17',
  note: '',
};

async function counts(t: TeamFixture) {
  const n = (table: string) =>
    (t.ws.context().raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { holdings: n('ab_holding'), changes: n('ab_change'), audit: n('audit_log'), absences: n('ab_absence') };
}

describe('AB posts', () => {
  it('starts with the default open-government posts, which the user can edit and extend', async () => {
    f = await openTeamFixture();
    const posts = await f.call('ab.posts');
    expect(posts.map((p) => p.name)).toEqual(DEFAULT_POSTS.map((p) => p.name));
    const id = await f.postId('政务公开联络员');
    await f.call('ab.updatePost', { id, name: '政务公开联络员', duties: '对接县政务公开办' });
    await f.call('ab.createPost', { name: '政策解读员', duties: '' });
    const after = await f.call('ab.posts');
    expect(after.find((p) => p.id === id)!.duties).toBe('对接县政务公开办');
    expect(after.at(-1)!.name).toBe('政策解读员');
    await expect(f.call('ab.createPost', { name: '政策解读员', duties: '' })).rejects.toThrow(
      '已有名为“政策解读员”的岗位',
    );
  });

  it('备案 due date counts working days across the National Day holiday and the adjusted working Saturday', async () => {
    f = await openTeamFixture('2025-10-09');
    const post = await f.postId('政务公开联络员');
    await f.call('ab.assign', { postId: post, role: 'A', staffId: f.staff['张三'], startDate: '2025-01-01' });
    // Fri 26 Sep + 5 working days: Sun 28 Sep (调休上班), 29, 30 Sep, (1-8 Oct holiday), 9, 10 Oct.
    const c1 = await f.call('ab.change', {
      postId: post,
      role: 'A',
      toStaffId: f.staff['李四'],
      changeDate: '2025-09-26',
      reason: '工作调整',
      handover,
    });
    expect(c1.filingDue).toBe('2025-10-10');
    // Thu 9 Oct + 5: Fri 10, Sat 11 (调休上班), Mon 13, 14, 15.
    const c2 = await f.call('ab.change', {
      postId: post,
      role: 'A',
      toStaffId: f.staff['王五'],
      changeDate: '2025-10-09',
      reason: '',
      handover: { ...handover, date: '2025-10-09', transitionEnd: null },
    });
    expect(c2.filingDue).toBe('2025-10-15');
    // The setting changes N.
    await f.call('team.saveSettings', { filingWorkingDays: 1, minSpecialTrainings: 1, minHoursPerPerson: 0 });
    const b = await f.call('ab.change', {
      postId: post,
      role: 'B',
      toStaffId: f.staff['赵六'],
      changeDate: '2025-09-30',
      reason: '',
      handover: { ...handover, date: '2025-09-30', transitionEnd: null },
    });
    expect(b.filingDue).toBe('2025-10-09');
  });

  it('备案 due date follows the calendar entries the user made (设置 → 工作日历)', async () => {
    f = await openTeamFixture('2025-10-09');
    const post = await f.postId('政务公开联络员');
    await f.call('calendar.save', {
      overrides: [{ date: '2025-10-10', kind: 'holiday', note: '本地放假' }],
      dueSoonDays: 5,
    });
    const c = await f.call('ab.change', {
      postId: post,
      role: 'A',
      toStaffId: f.staff['王五'],
      changeDate: '2025-10-09',
      reason: '',
      handover: { ...handover, date: '2025-10-09', transitionEnd: null },
    });
    expect(c.filingDue).toBe('2025-10-16');
  });

  it('keeps the whole history as periods after two changes', async () => {
    f = await openTeamFixture('2025-10-09');
    const post = await f.postId('依申请公开办理员');
    await f.call('ab.assign', { postId: post, role: 'A', staffId: f.staff['张三'], startDate: '2025-01-02' });
    await f.call('ab.assign', { postId: post, role: 'B', staffId: f.staff['李四'], startDate: '2025-01-02' });
    await f.call('ab.change', {
      postId: post,
      role: 'A',
      toStaffId: f.staff['王五'],
      changeDate: '2025-03-10',
      reason: '岗位调整',
      handover: { ...handover, date: '2025-03-07' },
    });
    await f.call('ab.change', {
      postId: post,
      role: 'A',
      toStaffId: f.staff['赵六'],
      changeDate: '2025-09-01',
      reason: '退休',
      handover: { ...handover, date: '2025-08-29' },
    });
    const { holdings, changes } = await f.call('ab.history', { postId: post });
    const a = holdings.filter((h) => h.role === 'A').map((h) => [h.name, h.startDate, h.endDate]);
    expect(a).toEqual([
      ['张三', '2025-01-02', '2025-03-09'],
      ['王五', '2025-03-10', '2025-08-31'],
      ['赵六', '2025-09-01', null],
    ]);
    expect(holdings.filter((h) => h.role === 'B').map((h) => h.name)).toEqual(['李四']);
    expect(changes.map((c) => [c.fromName, c.toName])).toEqual([
      ['王五', '赵六'],
      ['张三', '王五'],
    ]);
    const posts = await f.call('ab.posts');
    expect(posts.find((p) => p.id === post)!.a!.name).toBe('赵六');
  });

  it('refuses overlapping holders and people who left, and leaves nothing half-saved', async () => {
    f = await openTeamFixture('2025-10-09');
    const post = await f.postId('保密审查员');
    await f.call('ab.assign', { postId: post, role: 'A', staffId: f.staff['张三'], startDate: '2025-05-01' });
    const before = await counts(f);
    await expect(
      f.call('ab.assign', { postId: post, role: 'A', staffId: f.staff['李四'], startDate: '2025-06-01' }),
    ).rejects.toThrow(/已由张三担任（2025-05-01 起至今），任职时间不能重叠/);
    await expect(
      f.call('ab.change', {
        postId: post,
        role: 'A',
        toStaffId: f.staff['李四'],
        changeDate: '2025-04-01',
        reason: '',
        handover,
      }),
    ).rejects.toThrow('必须晚于张三任职开始日期');
    await f.call('staff.update', {
      id: f.staff['钱七'],
      name: '钱七',
      departmentId: null,
      title: '',
      phone: '',
      status: '离岗',
      note: '',
    });
    await expect(
      f.call('ab.change', {
        postId: post,
        role: 'A',
        toStaffId: f.staff['钱七'],
        changeDate: '2025-09-01',
        reason: '',
        handover,
      }),
    ).rejects.toThrow('钱七已离岗');
    await expect(
      f.call('ab.change', {
        postId: post,
        role: 'A',
        toStaffId: f.staff['李四'],
        changeDate: '2025-09-01',
        reason: '',
        handover: { ...handover, items: '  ' },
      }),
    ).rejects.toThrow('请填写交接事项');
    expect(await counts(f)).toEqual({ ...before, audit: before.audit + 1 }); // only the staff update was written
    // A later period after a finished one is fine; one that starts inside it is not.
    await f.call('ab.endHolding', { postId: post, role: 'A', endDate: '2025-06-30' });
    await expect(
      f.call('ab.assign', { postId: post, role: 'A', staffId: f.staff['李四'], startDate: '2025-06-15' }),
    ).rejects.toThrow(/2025-05-01 至 2025-06-30/);
    await f.call('ab.assign', { postId: post, role: 'A', staffId: f.staff['李四'], startDate: '2025-07-01' });
  });

  it('shows B acting while A is away', async () => {
    f = await openTeamFixture('2025-10-09');
    const post = await f.postId('政务公开联络员');
    await f.call('ab.assign', { postId: post, role: 'A', staffId: f.staff['张三'], startDate: '2025-01-02' });
    await f.call('ab.assign', { postId: post, role: 'B', staffId: f.staff['李四'], startDate: '2025-01-02' });
    await f.call('ab.createAbsence', {
      staffId: f.staff['张三'],
      kind: '出差',
      startDate: '2025-10-08',
      endDate: '2025-10-10',
      note: '',
    });
    const p = (await f.call('ab.posts')).find((x) => x.id === post)!;
    expect(p.a!.awayKind).toBe('出差');
    expect(p.a!.awayUntil).toBe('2025-10-10');
    expect(p.b!.awayUntil).toBeNull();
    await expect(
      f.call('ab.createAbsence', {
        staffId: f.staff['张三'],
        kind: '休假',
        startDate: '2025-10-10',
        endDate: '2025-10-12',
        note: '',
      }),
    ).rejects.toThrow('时间重叠');
    await expect(
      f.call('ab.createAbsence', {
        staffId: f.staff['张三'],
        kind: '休假',
        startDate: '2025-10-12',
        endDate: '2025-10-11',
        note: '',
      }),
    ).rejects.toThrow('不能早于开始日期');
  });
});

describe('AB warnings', () => {
  const kinds = async (t: TeamFixture, postId: number) =>
    (await t.call('team.warnings'))
      .filter((w) => w.postId === postId)
      .map((w) => w.kind)
      .sort();

  it('raises and clears each warning', async () => {
    f = await openTeamFixture('2025-10-09');
    const post = await f.postId('政务公开联络员');
    expect(await kinds(f, post)).toEqual(['noA', 'noB']);

    await f.call('ab.assign', { postId: post, role: 'A', staffId: f.staff['张三'], startDate: '2025-01-02' });
    expect(await kinds(f, post)).toEqual(['noB']);
    // Same person as A and B: refused at save time (the sameAB warning remains for files saved before that check).
    await expect(
      f.call('ab.assign', { postId: post, role: 'B', staffId: f.staff['张三'], startDate: '2025-01-02' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('A岗和B岗须由不同人员担任') });
    expect(await kinds(f, post)).toEqual(['noB']);
    const fix = await f.call('ab.change', {
      postId: post,
      role: 'B',
      toStaffId: f.staff['李四'],
      changeDate: '2025-10-09',
      reason: '',
      handover: { ...handover, date: '2025-10-09', transitionEnd: null },
    });
    // Due 2025-10-15: from 10-09 that is 5 working days away (pending), from 10-13 two (due soon).
    expect(await kinds(f, post)).toEqual(['filingPending']);
    f.setToday('2025-10-13');
    expect(await kinds(f, post)).toEqual(['filingDueSoon']);
    f.setToday('2025-10-16');
    const overdue = (await f.call('team.warnings')).find((w) => w.kind === 'filingOverdue')!;
    expect(overdue.message).toContain('备案已逾期（应于2025年10月15日前备案）');
    await f.call('ab.file', {
      changeId: fix.id,
      filedDate: '2025-10-16',
      filedTo: '县政务公开办',
      docNumber: '县科技局〔2025〕8号',
    });
    expect(await kinds(f, post)).toEqual([]);

    // Both away at the same time (future overlap counts; past ones do not).
    const ab1 = await f.call('ab.createAbsence', {
      staffId: f.staff['张三'],
      kind: '学习',
      startDate: '2025-10-20',
      endDate: '2025-10-24',
      note: '',
    });
    await f.call('ab.createAbsence', {
      staffId: f.staff['李四'],
      kind: '休假',
      startDate: '2025-10-23',
      endDate: '2025-10-27',
      note: '',
    });
    const w = (await f.call('team.warnings')).find((x) => x.kind === 'bothAway')!;
    expect(w.message).toContain('在2025年10月23日至10月24日同时不在岗');
    await f.call('ab.deleteAbsence', { id: ab1.id });
    expect(await kinds(f, post)).toEqual([]);

    // A holder who has left the bureau.
    await f.call('staff.update', {
      id: f.staff['李四'],
      name: '李四',
      departmentId: null,
      title: '',
      phone: '',
      status: '离岗',
      note: '',
    });
    expect(await kinds(f, post)).toEqual(['holderLeft']);
    await f.call('ab.change', {
      postId: post,
      role: 'B',
      toStaffId: f.staff['王五'],
      changeDate: '2025-10-16',
      reason: '原B岗调离',
      handover: { ...handover, date: '2025-10-16', transitionEnd: null },
    });
    expect(await kinds(f, post)).toEqual(['filingPending']);
  });

  it('the home summary puts a due 备案 before the vacancies, folded into one line', async () => {
    f = await openTeamFixture('2025-10-09');
    const post = await f.postId('政务公开联络员');
    await f.call('ab.assign', { postId: post, role: 'A', staffId: f.staff['张三'], startDate: '2025-01-02' });
    await f.call('ab.change', {
      postId: post,
      role: 'A',
      toStaffId: f.staff['李四'],
      changeDate: '2025-10-09',
      reason: '',
      handover: { ...handover, date: '2025-10-09', transitionEnd: null },
    });
    const lines = summariseWarnings(await f.call('team.warnings'), await f.call('ab.posts'));
    expect(lines).toHaveLength(2);
    expect(lines[0].message).toContain('待备案，截止2025年10月15日');
    expect(lines[1].message).toMatch(/^7个岗位尚未配齐A岗和B岗：政务公开分管领导、/);
  });

  it('staff used in posts cannot be deleted', async () => {
    f = await openTeamFixture();
    const post = await f.postId('保密审查员');
    await f.call('ab.assign', { postId: post, role: 'A', staffId: f.staff['张三'], startDate: '2025-01-02' });
    await expect(f.call('staff.delete', { id: f.staff['张三'] })).rejects.toMatchObject({ code: 'IN_USE' });
  });
});

describe('离岗 with AB posts', () => {
  it("names the posts a person still holds without a successor, A and B, in the posts' order", async () => {
    f = await openTeamFixture();
    const assign = async (post: string, role: 'A' | 'B', who: string) =>
      f.call('ab.assign', { postId: await f.postId(post), role, staffId: f.staff[who], startDate: '2025-01-02' });
    await assign('政务公开联络员', 'A', '张三');
    await assign('政务公开联络员', 'B', '李四');
    await assign('网站与政务新媒体管理员', 'B', '张三');
    // Handed over already: a change to 王五 dated later is registered (待生效), so that A role is not named.
    await assign('保密审查员', 'A', '张三');
    await f.call('ab.change', {
      postId: await f.postId('保密审查员'),
      role: 'A',
      toStaffId: f.staff['王五'],
      changeDate: '2025-10-20',
      reason: '工作调整',
      handover: { ...handover, date: '2025-10-20', transitionEnd: null },
    });
    const posts = await f.call('ab.posts');
    expect(handoverNotice(f.staff['张三'], '张三', posts)).toBe(
      '张三仍是“政务公开联络员”的A岗、“网站与政务新媒体管理员”的B岗，请到“AB岗”办理交接。',
    );
    expect(handoverNotice(f.staff['李四'], '李四', posts)).toBe('李四仍是“政务公开联络员”的B岗，请到“AB岗”办理交接。');
    expect(handoverNotice(f.staff['赵六'], '赵六', posts)).toBe('');
  });
});
