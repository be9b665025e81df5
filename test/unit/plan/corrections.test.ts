// Issue 8: progress and task dates that mean what they say, mistyped entries that can be corrected, a task with
// progress deleted only on explicit confirmation, and one definition of overdue (list, 首页 card, demo summary).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES_DIR, type TestWorkstation, workstationsPerTest } from '../../helpers/workstation';

const openWorkstation = workstationsPerTest();

async function workstation(today = '2026-05-11'): Promise<TestWorkstation> {
  const t = await openWorkstation({ year: 2026, now: () => new Date(`${today}T09:00:00`) });
  await t.call('departments.create', { name: '办公室' });
  return t;
}

/** A plan for 2026 with one section and two hand-made tasks. */
async function twoTasks(t: TestWorkstation) {
  await t.call('plan.save', {
    year: 2026,
    title: '2026年政务公开工作实施方案',
    docNumber: '',
    docDate: null,
    intro: '',
    closing: [],
    signatureOrg: '',
  });
  await t.call('plan.createSection', { year: 2026, title: '加强政策解读' });
  const plan = await t.call('plan.get', { year: 2026 });
  const sectionId = plan!.sections[0].id;
  const base = { sectionId, measures: '', deadline: { kind: 'yearEnd' as const }, status: '未开始' as const };
  const a = await t.call('tasks.create', { ...base, title: '发布政策解读' });
  const b = await t.call('tasks.create', { ...base, title: '更新公开目录' });
  return { sectionId, a, b, base };
}

const count = (t: TestWorkstation, table: string) =>
  (t.ws.context().raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const pdf = (name: string) => ({ fileName: name, dataBase64: Buffer.from('%PDF-1.4 test').toString('base64') });

describe('dates and numbers an office worker would catch', () => {
  it('refuses a progress date after today and a 完成比例 over 100, naming the field, and stores nothing', async () => {
    const t = await workstation();
    const { a } = await twoTasks(t);
    await expect(
      t.call('tasks.addProgress', { taskId: a.id, date: '2026-05-12', text: '明天的事', files: [], links: [] }),
    ).rejects.toThrow('进展日期（2026-05-12）晚于今天（2026-05-11）');
    await expect(
      t.call('tasks.addProgress', {
        taskId: a.id,
        date: '2026-05-11',
        text: '超额',
        percent: 120,
        files: [],
        links: [],
      }),
    ).rejects.toThrow('完成比例不能超过100%');
    expect(count(t, 'plan_progress')).toBe(0);
    // Today itself is fine, and 100 is kept as 100.
    const ok = await t.call('tasks.addProgress', {
      taskId: a.id,
      date: '2026-05-11',
      text: '已完成',
      percent: 100,
      files: [],
      links: [],
    });
    expect(ok.percent).toBe(100);
  });

  it('refuses an 实际完成日期 after today and a 完成日期 before the plan’s year', async () => {
    const t = await workstation();
    const { a, base } = await twoTasks(t);
    await expect(
      t.call('tasks.update', {
        id: a.id,
        task: { ...base, title: a.title, status: '已完成', completedOn: '2026-06-30' },
      }),
    ).rejects.toThrow('实际完成日期（2026-06-30）晚于今天');
    await expect(
      t.call('tasks.create', { ...base, title: '年份写错', deadline: { kind: 'date', date: '2025-06-30' } }),
    ).rejects.toThrow('完成日期（2025-06-30）早于方案所属的 2026 年度');
    const ok = await t.call('tasks.update', {
      id: a.id,
      task: { ...base, title: a.title, status: '已完成', completedOn: '2026-05-08' },
    });
    expect(ok.completedOn).toBe('2026-05-08');
    expect((await t.call('tasks.list', { year: 2026 })).map((x) => x.title)).toEqual(['发布政策解读', '更新公开目录']);
  });
});

describe('a mistyped progress entry can be corrected', () => {
  it('edits date, words and percentage, removes and adds evidence, and the audit trail keeps the old values', async () => {
    const t = await workstation();
    const { a } = await twoTasks(t);
    const e = await t.call('tasks.addProgress', {
      taskId: a.id,
      date: '2026-04-01',
      text: '已发布解读3篇',
      percent: 40,
      files: [pdf('错传.pdf'), pdf('解读.pdf')],
      links: [],
    });
    expect(count(t, 'attachment')).toBe(2);
    const wrong = e.evidence.find((x) => x.title === '错传.pdf')!;
    const fixed = await t.call('tasks.updateProgress', {
      id: e.id,
      date: '2026-04-02',
      text: '已发布解读4篇',
      percent: 50,
      removeEvidenceIds: [wrong.id],
      addLinks: [{ title: '解读专栏', url: 'https://www.example.gov.cn/jd/' }],
    });
    expect(fixed).toMatchObject({ date: '2026-04-02', text: '已发布解读4篇', percent: 50 });
    expect(fixed.evidence.map((x) => x.title)).toEqual(['解读.pdf', '解读专栏']);
    expect(count(t, 'attachment')).toBe(1);
    const trail = await t.call('audit.list', { entity: 'plan_task', entityId: a.id });
    const edit = trail.find((x) => x.summary.startsWith('修改进展记录'))!;
    expect(edit.changes).toMatchObject({
      date: { from: '2026-04-01', to: '2026-04-02' },
      text: { from: '已发布解读3篇', to: '已发布解读4篇' },
      percent: { from: 40, to: 50 },
      evidence: { from: '错传.pdf、解读.pdf', to: '解读.pdf、解读专栏' },
    });
    // The same checks as when adding: a future date or 101% is refused and nothing changes.
    await expect(
      t.call('tasks.updateProgress', { id: e.id, date: '2026-05-20', text: 'x', percent: null }),
    ).rejects.toThrow('晚于今天');
    await expect(
      t.call('tasks.updateProgress', { id: e.id, date: '2026-04-02', text: 'x', percent: 101 }),
    ).rejects.toThrow('完成比例不能超过100%');
    // Evidence of another entry cannot be removed through this one.
    const other = await t.call('tasks.addProgress', {
      taskId: a.id,
      date: '2026-04-03',
      text: '其他',
      files: [pdf('其他.pdf')],
      links: [],
    });
    await expect(
      t.call('tasks.updateProgress', {
        id: e.id,
        date: '2026-04-02',
        text: 'x',
        percent: null,
        removeEvidenceIds: [other.evidence[0].id],
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await t.call('tasks.get', { id: a.id })).progress.find((p) => p.id === e.id)!.text).toBe('已发布解读4篇');
  });

  it('deletes an entry with its evidence files, recording what it said', async () => {
    const t = await workstation();
    const { a } = await twoTasks(t);
    const e = await t.call('tasks.addProgress', {
      taskId: a.id,
      date: '2026-04-01',
      text: '误登记',
      percent: 10,
      files: [pdf('附件.pdf')],
      links: [],
    });
    await t.call('tasks.deleteProgress', { id: e.id });
    expect([count(t, 'plan_progress'), count(t, 'plan_evidence'), count(t, 'attachment')]).toEqual([0, 0, 0]);
    const del = (await t.call('audit.list', { entity: 'plan_task', entityId: a.id })).find(
      (x) => x.action === 'delete',
    )!;
    expect(del.summary).toContain('连同佐证材料 1 项');
    expect(del.changes).toEqual({
      progress: { from: { date: '2026-04-01', text: '误登记', percent: 10, evidence: '附件.pdf' }, to: null },
    });
  });
});

describe('deleting a task that has progress', () => {
  it('is refused with what would go, then done on explicit confirmation with its entries and files, audited', async () => {
    const t = await workstation();
    const { a, b } = await twoTasks(t);
    await t.call('tasks.addProgress', {
      taskId: a.id,
      date: '2026-04-01',
      text: '第一次',
      files: [pdf('纪要.pdf')],
      links: [],
    });
    await t.call('tasks.addProgress', { taskId: a.id, date: '2026-05-01', text: '第二次', files: [], links: [] });
    await t.call('tasks.addProgress', {
      taskId: b.id,
      date: '2026-05-01',
      text: '别的任务',
      files: [pdf('别的.pdf')],
      links: [],
    });
    await expect(t.call('tasks.delete', { id: a.id })).rejects.toMatchObject({
      code: 'IN_USE',
      message: expect.stringContaining('2 条进展记录和 1 项佐证材料'),
    });
    expect(count(t, 'plan_progress')).toBe(3);
    await t.call('tasks.delete', { id: a.id, withProgress: true });
    expect((await t.call('tasks.list', { year: 2026 })).map((x) => x.title)).toEqual(['更新公开目录']);
    // Only the deleted task's entries and files are gone.
    expect([count(t, 'plan_progress'), count(t, 'plan_evidence'), count(t, 'attachment')]).toEqual([1, 1, 1]);
    const del = (await t.call('audit.list', { entity: 'plan_task', entityId: a.id })).find(
      (x) => x.action === 'delete',
    )!;
    expect(del.summary).toBe('删除任务：发布政策解读（连同进展记录 2 条、佐证材料 1 项）');
  });
});

describe('one definition of overdue', () => {
  it('the example-data summary, the task list and the 首页 card count the same overdue tasks', async () => {
    const t = await openWorkstation({ setup: false });
    const { summary } = await t.call('demo.load');
    const line = summary.find((s) => s.includes('逾期任务'))!;
    const said = Number(/逾期任务 (\d+) 项/.exec(line)![1]);
    const year = (await t.call('app.status')).year!;
    const tasks = await t.call('tasks.list', { year });
    const due = await t.call('tasks.due', { year });
    // Independently: open tasks whose due date has passed (the list's lights must agree with this too).
    const today = due.today;
    const pastDue = tasks.filter(
      (x) => x.status !== '已完成' && x.status !== '不适用' && x.dueDate !== null && x.dueDate < today,
    );
    expect(
      tasks
        .filter((x) => x.light === 'overdue')
        .map((x) => x.id)
        .sort(),
    ).toEqual(pastDue.map((x) => x.id).sort());
    expect(due.overdue).toHaveLength(pastDue.length);
    expect(said).toBe(pastDue.length);
  });
});

describe('every year with data stays reachable', () => {
  it('app.status lists the years that hold records, whichever the working year is', async () => {
    const t = await workstation();
    const text = fs.readFileSync(path.join(SAMPLES_DIR, 'work-points-province-2020.txt'), 'utf8');
    const source = { upload: null, pastedText: text };
    const preview = await t.call('points.preview', { source, year: 2019 });
    await t.call('points.save', {
      previewId: preview.previewId,
      replaceDocumentId: null,
      items: preview.parsed.items,
      meta: {
        title: '2019年要点',
        docNumber: preview.parsed.docNumber,
        issuer: preview.parsed.issuer,
        issuedDate: preview.parsed.issuedDate,
        year: 2019,
      },
    });
    await t.call('training.create', {
      date: '2017-06-01',
      title: '专题培训',
      kind: '政务公开专题培训',
      form: '集中授课',
      hours: 2,
    });
    await t.call('app.setYear', { year: 2026 });
    const status = await t.call('app.status');
    expect(status.year).toBe(2026);
    expect(status.dataYears).toEqual(expect.arrayContaining([2019, 2017]));
    expect(status.dataYears).not.toContain(2018);
  });
});
