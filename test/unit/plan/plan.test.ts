import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { PlanTask } from '../../../shared/domain/plan';
import { packageDataYears, weekdayOf } from '../../../shared/domain/working-days';
import { SAMPLES_DIR, type TestWorkstation, workstationsPerTest } from '../../helpers/workstation';
import { importPointsText } from './points-text';
import { readDocx, paragraphsWith } from '../export/read-docx';

const SAMPLES = ['work-points-province-2020', 'county-plan-2023-scraped'] as const;
const openWorkstation = workstationsPerTest();

async function workstation(today = '2026-05-11'): Promise<TestWorkstation> {
  const t = await openWorkstation({ year: 2026, now: () => new Date(`${today}T09:00:00`) });
  for (const name of ['办公室', '政策法规科', '高新技术科']) await t.call('departments.create', { name });
  return t;
}

async function importSample(t: TestWorkstation, sample: string, year: number): Promise<number> {
  // The sample moved to the given year, as a bureau receives the same kind of document every year.
  const text = fs.readFileSync(path.join(SAMPLES_DIR, `${sample}.txt`), 'utf8').replace(/20(20|23)年/g, `${year}年`);
  return importPointsText(t, text, year, sample);
}

function expectedOf(sample: string): { level: number; deadline: string | null; lead: string[] | null }[] {
  return JSON.parse(fs.readFileSync(path.join(SAMPLES_DIR, `${sample}.expected.json`), 'utf8')).items;
}

/** The task-level items by the rule in the issue: below the level-1 sections, items without children other than ①. */
function expectedTaskCount(levels: number[]): number {
  let n = 0;
  levels.forEach((lv, i) => {
    const children: number[] = [];
    for (let j = i + 1; j < levels.length && levels[j] > lv; j++) children.push(levels[j]);
    const onlyCircled = children.every((c) => c === 5);
    if (lv === 5) return;
    if (lv === 1) n += children.length === 0 || onlyCircled ? 1 : 0;
    else if (onlyCircled) n++;
  });
  return n;
}

describe('从上级要点生成', () => {
  for (const sample of SAMPLES) {
    it(`generates a draft plan from ${sample}: sections, tasks, deadlines, points linked, nothing dropped`, async () => {
      const t = await workstation();
      const docId = await importSample(t, sample, 2026);
      const expected = expectedOf(sample);
      const table = await t.call('plan.unitMappings', { documentIds: [docId] });
      const r = await t.call('plan.generate', { year: 2026, documentIds: [docId] });
      expect(r.sections).toBe(expected.filter((e) => e.level === 1).length);
      expect(r.tasks).toBe(expectedTaskCount(expected.map((e) => e.level)));
      const tasks = await t.call('tasks.list', { year: 2026 });
      expect(tasks).toHaveLength(r.tasks);
      expect(tasks.map((x) => x.seq)).toEqual(tasks.map((_, i) => i + 1));
      // Every task answers its point; every task-level point is answered.
      expect(tasks.every((x) => x.points.length >= 1)).toBe(true);
      const cov = await t.call('plan.coverage', { year: 2026 });
      expect(cov).toMatchObject({ total: r.tasks, covered: r.tasks, gaps: [] });
      // The draft is the bureau's own: only its 科室 lead; units of other levels and bodies are never a 牵头科室.
      const deptNames = new Set((await t.call('departments.list')).map((d) => d.name));
      for (const x of tasks)
        for (const d of [...x.lead, ...x.support]) expect(deptNames.has(d.name), d.name).toBe(true);
      // Each unit the points name ends up as the mapping table said: its 科室 on the task, dropped, or listed.
      const items = (await t.call('points.document', { id: docId })).items;
      const byId = new Map(items.map((p) => [p.id, p]));
      for (const m of table) {
        const naming = tasks.filter((x) =>
          x.points.some((p) => [...byId.get(p.id)!.lead, ...byId.get(p.id)!.support].includes(m.unit)),
        );
        expect(naming.length, m.unit).toBeGreaterThan(0);
        for (const x of naming) {
          const depts = [...x.lead, ...x.support].map((d) => d.id);
          if (m.ignored) expect(x.unmappedUnits, m.unit).not.toContain(m.unit);
          else if (m.departmentId !== null) expect(depts, m.unit).toContain(m.departmentId);
          else if (m.allDepartments) expect(depts.length, m.unit).toBe(deptNames.size);
          else expect(x.unmappedUnits, m.unit).toContain(m.unit);
        }
      }
      // Units of other levels are suggested as 不涉及.
      for (const m of table)
        if (/^省|^各市|^各县|政府$/.test(m.unit) && !/各部门|各有关部门/.test(m.unit))
          expect(m.ignored, m.unit).toBe(true);
      expect(r.unmappedUnits.reduce((n, u) => n + u.tasks, 0)).toBe(
        tasks.reduce((n, x) => n + x.unmappedUnits.length, 0),
      );
      // Every task without a 牵头科室 is counted for the screen's flag.
      expect(r.tasksWithoutLead).toBe(tasks.filter((x) => !x.lead.length).length);
      // Titles are short phrases naming the work; no body begins with its title or repeats the addressee.
      for (const x of tasks) {
        expect(x.measures.startsWith(x.title), `${x.seq} ${x.title}`).toBe(false);
        expect(x.title, x.measures).not.toMatch(/^(按照|根据|围绕|结合)[^，,]*要求$|^(各级政府部门|省直各部门)/);
        expect(x.measures).not.toMatch(/(^|[。；;])(省直各部门|各级政府部门)要/);
      }
      const plan = (await t.call('plan.get', { year: 2026 }))!;
      expect(plan.title).toBe('2026年某县科学技术局政务公开工作实施方案');
      const doc = (await t.call('points.document', { id: docId })).document;
      expect(plan.intro).toContain(`《${doc.title}》`);
      expect(plan.sourceDocumentIds).toEqual([docId]);
    });
  }

  it('carries deadlines over from the province sample (X月底前 → date; 年底前; 持续推进)', async () => {
    const t = await workstation();
    const docId = await importSample(t, 'work-points-province-2020', 2020);
    await t.call('plan.generate', { year: 2020, documentIds: [docId] });
    const tasks = await t.call('tasks.list', { year: 2020 });
    const first = tasks[0];
    expect(first.deadline).toMatchObject({ kind: 'date', date: '2020-09-30' });
    // The document's own words are kept.
    expect(first.deadlineLabel).toBe('2020年9月底前');
    expect(first.points[0].label).toBe('一、1');
    const withDates = expectedOf('work-points-province-2020').filter(
      (e) => e.level === 3 && e.deadline && e.deadline !== 'any',
    ).length;
    expect(tasks.filter((x) => x.deadline.kind === 'date').length).toBeGreaterThanOrEqual(withDates);
  });

  it('remembers the unit mapping for next year and uses it', async () => {
    const t = await workstation();
    const depts = await t.call('departments.list');
    const office = depts.find((d) => d.name === '办公室')!;
    const doc2025 = await importSample(t, 'work-points-province-2020', 2025);
    const first = await t.call('plan.unitMappings', { documentIds: [doc2025] });
    const govDepts = first.find((m) => m.unit === '各级政府部门')!;
    expect(govDepts).toMatchObject({ saved: false, departmentId: office.id }); // suggested, not yet confirmed
    const judicial = first.find((m) => m.unit === '省司法厅')!;
    expect(judicial.departmentId).toBeNull();
    await t.call('plan.saveUnitMappings', {
      mappings: [
        { unit: '各级政府部门', departmentId: office.id, ignored: false },
        { unit: '省司法厅', departmentId: null, ignored: true },
      ],
    });
    // Next year: a new document names the same units; the choices come back as saved.
    const doc2026 = await importSample(t, 'work-points-province-2020', 2026);
    const again = await t.call('plan.unitMappings', { documentIds: [doc2026] });
    expect(again.find((m) => m.unit === '各级政府部门')).toMatchObject({
      saved: true,
      departmentId: office.id,
      departmentName: '办公室',
    });
    expect(again.find((m) => m.unit === '省司法厅')).toMatchObject({ saved: true, ignored: true });
    const r = await t.call('plan.generate', { year: 2026, documentIds: [doc2026] });
    const tasks = await t.call('tasks.list', { year: 2026 });
    expect(tasks[0].lead.map((d) => d.name)).toEqual(['办公室']);
    expect(tasks.some((x) => x.unmappedUnits.includes('省司法厅'))).toBe(false); // ignored, not unmapped
    expect(r.unmappedUnits.some((u) => u.unit === '省司法厅')).toBe(false);
    expect((await t.call('tasks.list', { year: 2026, departmentId: office.id })).length).toBeGreaterThan(0);
  });

  it('maps units after generation in one call: saved, applied to the tasks (lead or 配合 as the point said), 不涉及 dropped', async () => {
    const t = await workstation();
    const [office, law] = await t.call('departments.list');
    const docId = await importSample(t, 'work-points-province-2020', 2026);
    // The user leaves two units open when generating: they stay listed on their tasks.
    await t.call('plan.generate', {
      year: 2026,
      documentIds: [docId],
      mappings: [
        { unit: '省司法厅', departmentId: null, ignored: false },
        { unit: '各市〔州〕政府', departmentId: null, ignored: false },
      ],
    });
    const before = await t.call('tasks.list', { year: 2026 });
    const judicial = before.find((x) => x.unmappedUnits.includes('省司法厅'))!;
    expect(judicial.lead.map((d) => d.name)).not.toContain('政策法规科');
    const withCities = before.filter((x) => x.unmappedUnits.includes('各市〔州〕政府')).length;
    expect(withCities).toBeGreaterThan(0);
    const r = await t.call('plan.applyUnitMappings', {
      year: 2026,
      mappings: [
        { unit: '省司法厅', departmentId: law.id, ignored: false },
        { unit: '各市〔州〕政府', departmentId: null, ignored: true },
        { unit: '各级政府部门', departmentId: office.id, ignored: false },
      ],
    });
    expect(r.resolved).toBe(before.filter((x) => x.unmappedUnits.includes('省司法厅')).length + withCities);
    const after = await t.call('tasks.list', { year: 2026 });
    const j2 = after.find((x) => x.id === judicial.id)!;
    expect(j2.lead.map((d) => d.name)).toContain('政策法规科');
    expect(j2.unmappedUnits).not.toContain('省司法厅');
    expect(after.some((x) => x.unmappedUnits.includes('各市〔州〕政府'))).toBe(false);
    expect(r.remaining).toBe(after.reduce((n, x) => n + x.unmappedUnits.length, 0));
    // The choices were saved by the same call.
    const saved = await t.call('plan.unitMappings', { documentIds: [docId] });
    expect(saved.find((m) => m.unit === '省司法厅')).toMatchObject({ saved: true, departmentId: law.id });
  });

  it('shows a coverage gap when no task answers a point, and refuses to regenerate over progress', async () => {
    const t = await workstation();
    const docId = await importSample(t, 'work-points-province-2020', 2026);
    await t.call('plan.generate', { year: 2026, documentIds: [docId] });
    const [a, b] = await t.call('tasks.list', { year: 2026 });
    await t.call('tasks.delete', { id: b.id });
    const cov = await t.call('plan.coverage', { year: 2026 });
    expect(cov.gaps).toHaveLength(1);
    expect(cov.gaps[0].label).toBe('一、2');
    await expect(t.call('plan.generate', { year: 2026, documentIds: [docId] })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await t.call('tasks.addProgress', { taskId: a.id, date: '2026-05-01', text: '已开展', files: [], links: [] });
    await expect(t.call('plan.generate', { year: 2026, documentIds: [docId], replace: true })).rejects.toMatchObject({
      code: 'IN_USE',
    });
    await expect(t.call('tasks.delete', { id: a.id })).rejects.toMatchObject({ code: 'IN_USE' });
  });
});

describe('tasks, progress and lights', () => {
  async function planWithSection(t: TestWorkstation): Promise<number> {
    const plan = await t.call('plan.createSection', { year: 2026, title: '加强政策解读' });
    return plan.sections[0].id;
  }
  const base = {
    measures: '',
    eventDate: null,
    status: '未开始' as const,
    statusReason: '',
    completedOn: null,
    ownerId: null,
    leadIds: [],
    supportIds: [],
    pointIds: [],
  };
  const date = (d: string) => ({ kind: 'date' as const, date: d, recurrence: null, days: null, text: '' });
  const quarterly = {
    kind: 'recurring' as const,
    date: null,
    recurrence: 'quarterly' as const,
    days: null,
    text: '每季度',
  };

  it('lights: on track, due within N working days across 劳动节, overdue; done and 不适用 have none', async () => {
    // Today 2026-04-28 (Tue). 劳动节 2026-05-01..05 off, 05-09 (Sat) working. 5 working days → 04-29, 04-30, 05-06, 05-07, 05-08.
    const t = await workstation('2026-04-28');
    const sectionId = await planWithSection(t);
    const mk = async (title: string, extra: object) =>
      t.call('tasks.create', { ...base, sectionId, title, deadline: date('2026-12-31'), ...extra });
    const soon = await mk('五个工作日后到期', { deadline: date('2026-05-08') });
    const later = await mk('六个工作日后到期', { deadline: date('2026-05-09') });
    const late = await mk('已过期', { deadline: date('2026-04-27') });
    const done = await mk('已完成', { deadline: date('2026-04-01'), status: '已完成', completedOn: '2026-03-30' });
    const na = await mk('不适用', { deadline: date('2026-04-01'), status: '不适用', statusReason: '本单位无此职能' });
    expect([soon.light, soon.workingDaysLeft]).toEqual(['dueSoon', 5]);
    expect([later.light, later.workingDaysLeft]).toEqual(['onTrack', 6]);
    expect([late.light, late.workingDaysLeft]).toEqual(['overdue', -1]);
    expect(done.light).toBe('done');
    expect(na.light).toBe('none');
    await t.call('calendar.save', { overrides: [], dueSoonDays: 6 });
    expect((await t.call('tasks.get', { id: later.id })).task.light).toBe('dueSoon');
    const due = await t.call('tasks.due', { year: 2026 });
    expect(due.overdue.map((x) => x.title)).toEqual(['已过期']);
    expect(due.thisWeek.map((x) => x.title)).toEqual([]); // 05-08 is next week
    expect((await t.call('tasks.list', { year: 2026, light: 'overdue' })).map((x) => x.id)).toEqual([late.id]);
    await expect(
      t.call('tasks.create', { ...base, sectionId, title: 'x', deadline: date('2026-01-01'), status: '不适用' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('the home card’s tasks due this week carry the light’s calendarWarning into a year without holiday data', async () => {
    const last = packageDataYears().at(-1)!;
    // 31 December and 1 January share a Monday–Sunday week unless 1 January is a Monday (1 January 2027 is a Friday).
    expect(weekdayOf(`${last + 1}-01-01`)).not.toBe(1);
    const t = await openWorkstation({ year: last, now: () => new Date(`${last}-12-31T09:00:00`) });
    const plan = await t.call('plan.createSection', { year: last, title: '年底工作' });
    const mk = (title: string, d: string) =>
      t.call('tasks.create', { ...base, sectionId: plan.sections[0].id, title, deadline: date(d) });
    await mk('元旦当天到期', `${last + 1}-01-01`);
    await mk('今天到期', `${last}-12-31`);
    const due = await t.call('tasks.due', { year: last });
    expect(
      due.thisWeek.map((x) => [x.title, x.calendarWarning?.includes(`缺少${last + 1}年的放假安排`) ?? null]),
    ).toEqual([
      ['今天到期', null],
      ['元旦当天到期', true],
    ]);
  });

  it('N working days after an event: due date across 春节 and a 调休 Sunday (2025)', async () => {
    const t = await openWorkstation({ year: 2025, now: () => new Date('2025-01-27T09:00:00') });
    const plan = await t.call('plan.createSection', { year: 2025, title: '队伍建设' });
    const task = await t.call('tasks.create', {
      ...base,
      sectionId: plan.sections[0].id,
      title: '人员变动备案',
      eventDate: '2025-01-24',
      deadline: { kind: 'afterEvent', date: null, recurrence: null, days: 5, text: '人员变动' },
    });
    expect(task.dueDate).toBe('2025-02-07');
    expect(task.deadlineLabel).toBe('人员变动后5个工作日内（2025年1月24日起算）');
    // From Monday 01-27: 01-28..02-04 are off, so 02-05, 02-06, 02-07 are 3 working days away.
    expect(task.workingDaysLeft).toBe(3);
    expect(task.light).toBe('dueSoon');
  });

  it('recurring tasks are due at the end of every period; progress in a period meets it', async () => {
    const t = await workstation('2026-05-11');
    const sectionId = await planWithSection(t);
    const q = await t.call('tasks.create', { ...base, sectionId, title: '每季度更新目录', deadline: quarterly });
    expect([q.light, q.dueDate, q.periodLabel]).toEqual(['overdue', '2026-03-31', '第一季度']);
    await t.call('tasks.addProgress', {
      taskId: q.id,
      date: '2026-03-20',
      text: '一季度已更新',
      percent: 25,
      files: [],
      links: [],
    });
    const after = (await t.call('tasks.get', { id: q.id })).task;
    expect([after.light, after.dueDate, after.periodLabel]).toEqual(['onTrack', '2026-06-30', '第二季度']);
    expect(after.status).toBe('进行中');
  });

  it('a recurring task with every period met is on track, not 已完成, until its status says so', async () => {
    const t = await workstation('2026-12-07');
    const sectionId = await planWithSection(t);
    const q = await t.call('tasks.create', {
      ...base,
      sectionId,
      title: '按季度公开科技特派员服务情况',
      deadline: quarterly,
    });
    for (const date of ['2026-03-20', '2026-06-10', '2026-09-10', '2026-11-30'])
      await t.call('tasks.addProgress', { taskId: q.id, date, text: '本季度已公开', files: [], links: [] });
    const met = (await t.call('tasks.get', { id: q.id })).task;
    expect([met.status, met.light, met.dueDate]).toEqual(['进行中', 'onTrack', null]);
    // The list by light agrees with the list by status: the lights' 已完成 is the status 已完成.
    expect(await t.call('tasks.list', { year: 2026, light: 'done' })).toEqual([]);
    expect((await t.call('tasks.list', { year: 2026, light: 'onTrack' })).map((x) => x.id)).toEqual([q.id]);
  });

  it('stores progress with an evidence file and a link; the file comes back', async () => {
    const t = await workstation();
    const sectionId = await planWithSection(t);
    const task = await t.call('tasks.create', { ...base, sectionId, title: '发布信息', deadline: date('2026-06-30') });
    const file = Buffer.from('佐证材料内容');
    const entry = await t.call('tasks.addProgress', {
      taskId: task.id,
      date: '2026-05-10',
      text: '已在网站发布',
      percent: 60,
      files: [{ fileName: '截图.png', dataBase64: file.toString('base64') }],
      links: [{ title: '网站专栏', url: 'https://www.example.gov.cn/zwgk/' }],
    });
    expect(entry.evidence.map((e) => e.title)).toEqual(['截图.png', '网站专栏']);
    await t.call('attachments.download', { id: entry.evidence[0].attachmentId! });
    expect(t.delivered.at(-1)).toEqual({ fileName: '截图.png', data: file });
    await expect(
      t.call('tasks.addProgress', {
        taskId: task.id,
        date: '2026-05-10',
        text: 'x',
        files: [],
        links: [{ title: '', url: 'javascript:alert(1)' }],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    const detail = await t.call('tasks.get', { id: task.id });
    expect(detail.task).toMatchObject({
      latestProgress: '已在网站发布',
      latestPercent: 60,
      progressCount: 1,
      status: '进行中',
    });
  });

  it('edits a task: 科室, 责任人, status with completion date; filters by them', async () => {
    const t = await workstation();
    const sectionId = await planWithSection(t);
    const [office, law] = await t.call('departments.list');
    const staff = await t.call('staff.create', {
      name: '李静',
      departmentId: office.id,
      title: '联络员',
      phone: '',
      status: '在岗',
      note: '',
    });
    const task = await t.call('tasks.create', { ...base, sectionId, title: '政策解读', deadline: date('2026-06-30') });
    const updated = await t.call('tasks.update', {
      id: task.id,
      task: {
        ...base,
        sectionId,
        title: '做好政策解读',
        deadline: date('2026-06-30'),
        leadIds: [office.id],
        supportIds: [law.id, office.id],
        ownerId: staff.id,
        status: '已完成',
        completedOn: '2026-05-08',
      },
    });
    expect(updated).toMatchObject({
      title: '做好政策解读',
      status: '已完成',
      completedOn: '2026-05-08',
      light: 'done',
      owner: { id: staff.id, name: '李静' },
    });
    expect(updated.lead.map((d) => d.name)).toEqual(['办公室']);
    expect(updated.support.map((d) => d.name)).toEqual(['政策法规科']);
    expect(await t.call('tasks.list', { year: 2026, ownerId: staff.id })).toHaveLength(1);
    expect(await t.call('tasks.list', { year: 2026, departmentId: law.id })).toHaveLength(1);
    expect(await t.call('tasks.list', { year: 2026, status: '未开始' })).toHaveLength(0);
    const audit = await t.call('audit.list', { entity: 'plan_task', entityId: task.id, limit: 10 });
    expect(audit[0].changes).toHaveProperty('status');
  });

  it('reorders sections and the tasks of a section: 序号 and every export follow; a stale list is refused', async () => {
    const t = await workstation();
    await t.call('plan.createSection', { year: 2026, title: '加强政策解读' });
    const plan = await t.call('plan.createSection', { year: 2026, title: '规范依申请公开' });
    const [reading, request] = plan.sections;
    const mk = (sectionId: number, title: string) =>
      t.call('tasks.create', { ...base, sectionId, title, deadline: date('2026-12-31') });
    const a1 = await mk(reading.id, '解读重要政策文件');
    const a2 = await mk(reading.id, '开展政策吹风会');
    const b1 = await mk(request.id, '规范办理依申请公开');
    const moved = await mk(request.id, '更新公开指南');

    await t.call('plan.reorderSections', { planId: plan.id, ids: [request.id, reading.id] });
    await t.call('tasks.reorder', { sectionId: reading.id, ids: [a2.id, a1.id] });
    // Moving a task to another section in the drawer still works: it goes to the end of that section.
    await t.call('tasks.update', {
      id: moved.id,
      task: { ...base, sectionId: reading.id, title: moved.title, deadline: moved.deadline },
    });
    expect((await t.call('plan.get', { year: 2026 }))!.sections.map((s) => s.title)).toEqual([
      '规范依申请公开',
      '加强政策解读',
    ]);
    const order = ['规范办理依申请公开', '开展政策吹风会', '解读重要政策文件', '更新公开指南'];
    const list = await t.call('tasks.list', { year: 2026 });
    expect(list.map((x) => [x.seq, x.title])).toEqual(order.map((title, i) => [i + 1, title]));

    // The exports read the plan in the same order.
    const texts = (cells: string[]) => cells.filter((c) => order.includes(c) || /^[一二]、/.test(c));
    const expected = ['一、规范依申请公开', order[0], '二、加强政策解读', ...order.slice(1)];
    await t.call('plan.export', { kind: 'tasks-xlsx', year: 2026 });
    await t.call('plan.export', { kind: 'ledger-xlsx', year: 2026 });
    for (const file of t.delivered.slice(-2)) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.data as unknown as ExcelJS.Buffer);
      const cells: string[] = [];
      wb.worksheets[0].eachRow((r) => cells.push(String(r.getCell(2).value)));
      expect(texts(cells), file.fileName).toEqual(expected);
    }
    await t.call('plan.export', { kind: 'plan-docx', year: 2026 });
    const doc = (await readDocx(t.delivered.at(-1)!.data)).document;
    const at = (needle: string) => doc.indexOf(paragraphsWith(doc, needle)[0]);
    const positions = ['一、规范依申请公开', order[0], '二、加强政策解读', ...order.slice(1)].map(at);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);

    // Lists that are not exactly the current ones (a task missing, one from another section, a repeat) are refused.
    const stale = { code: 'CONFLICT', message: expect.stringContaining('请刷新后重新排序') };
    await expect(t.call('tasks.reorder', { sectionId: reading.id, ids: [a2.id, a1.id] })).rejects.toMatchObject(stale);
    await expect(t.call('tasks.reorder', { sectionId: reading.id, ids: [a2.id, a1.id, b1.id] })).rejects.toMatchObject(
      stale,
    );
    await expect(t.call('tasks.reorder', { sectionId: reading.id, ids: [a2.id, a2.id, a1.id] })).rejects.toMatchObject(
      stale,
    );
    await expect(t.call('plan.reorderSections', { planId: plan.id, ids: [reading.id] })).rejects.toMatchObject(stale);
    expect((await t.call('tasks.list', { year: 2026 })).map((x) => x.title)).toEqual(order);
    expect((await t.call('audit.list', { entity: 'plan', entityId: plan.id, limit: 1 }))[0].summary).toBe(
      '调整2026年实施方案章节顺序',
    );
    expect((await t.call('audit.list', { entity: 'plan_section', entityId: reading.id, limit: 1 }))[0].summary).toBe(
      '调整章节“加强政策解读”的任务顺序',
    );
  });
});

describe('copy forward and exports through the service', () => {
  it("copies last year's plan into the new year with deadlines moved and a fresh start", async () => {
    const t = await workstation();
    const docId = await importSample(t, 'work-points-province-2020', 2025);
    await t.call('plan.generate', { year: 2025, documentIds: [docId] });
    const before = await t.call('tasks.list', { year: 2025 });
    await t.call('tasks.addProgress', {
      taskId: before[0].id,
      date: '2025-05-01',
      text: '已开展',
      files: [],
      links: [],
    });
    const plan = await t.call('plan.copyForward', { fromYear: 2025, toYear: 2026 });
    expect(plan.title).toBe('2026年某县科学技术局政务公开工作实施方案');
    const after: PlanTask[] = await t.call('tasks.list', { year: 2026 });
    expect(after).toHaveLength(before.length);
    expect(after[0].deadline.date).toBe('2026-09-30');
    expect(after.every((x) => x.status === '未开始' && x.progressCount === 0 && x.points.length === 0)).toBe(true);
    await expect(t.call('plan.copyForward', { fromYear: 2025, toYear: 2026 })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('exports the four documents with default names, readable back', async () => {
    // July: both progress entries (April, June) have happened.
    const t = await workstation('2026-07-01');
    const docId = await importSample(t, 'county-plan-2023-scraped', 2026);
    await t.call('plan.generate', { year: 2026, documentIds: [docId] });
    const tasks = await t.call('tasks.list', { year: 2026 });
    await t.call('tasks.addProgress', {
      taskId: tasks[0].id,
      date: '2026-04-01',
      text: '四月进展',
      files: [{ fileName: '会议纪要.pdf', dataBase64: Buffer.from('%PDF').toString('base64') }],
      links: [],
    });
    await t.call('tasks.addProgress', {
      taskId: tasks[0].id,
      date: '2026-06-01',
      text: '六月进展',
      files: [],
      links: [],
    });
    const names: string[] = [];
    for (const kind of ['plan-docx', 'tasks-xlsx', 'tasks-docx', 'ledger-xlsx'] as const)
      names.push((await t.call('plan.export', { kind, year: 2026 })).fileName);
    expect(names).toEqual([
      '2026年政务公开工作实施方案.docx',
      '2026年政务公开重点任务分解表.xlsx',
      '2026年政务公开重点任务分解表.docx',
      '2026年政务公开工作台账.xlsx',
    ]);
    const docx = await readDocx(t.delivered[0].data);
    expect(docx.document.replace(/<[^>]+>/g, '')).toContain('2026年某县科学技术局政务公开工作实施方案');
    expect(paragraphsWith(docx.document, tasks[0].title).length).toBeGreaterThan(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.delivered[1].data as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('B5').value).toBe(tasks[0].title);
    // Ledger for April only: one entry of task 1, with its evidence.
    const r = await t.call('plan.export', { kind: 'ledger-xlsx', year: 2026, from: '2026-04-01', to: '2026-04-30' });
    expect(r.fileName).toBe('2026年政务公开工作台账（20260401-20260430）.xlsx');
    const ledger = new ExcelJS.Workbook();
    await ledger.xlsx.load(t.delivered.at(-1)!.data as unknown as ExcelJS.Buffer);
    const ls = ledger.worksheets[0];
    expect(ls.getCell('H5').value).toBe('四月进展');
    expect(ls.getCell('J5').value).toBe('会议纪要.pdf');
    expect(ls.getCell('A2').value).toContain('2026年4月1日至2026年4月30日');
    await expect(t.call('plan.export', { kind: 'plan-docx', year: 2030 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('task names from work points', () => {
  it('a heading that is only a time limit gives way to the words after it', async () => {
    const { taskTextOf } = await import('../../../main/services/plan/structure');
    const point = {
      id: 1,
      documentId: 1,
      seq: 1,
      parentId: null,
      level: 3,
      label: '5',
      title: '2026年8月底前',
      text: '2026年8月底前,县级政府要完成本级政府政务公开标准规范清单编制。',
      lead: [],
      support: [],
      deadline: '2026-08-31',
      deadlineText: '2026年8月底前',
    };
    const r = taskTextOf({ section: null, point, folded: [] });
    expect(r.title).toBe('完成本级政府政务公开标准规范清单编制');
    expect(r.measures).toBe(point.text);
    const long = {
      ...point,
      title: '2026年8月底前,县级政府要完成本级政府政务公开标准规范清单编制;12月底前,县级政府要指导督促所辖部门完成编制',
    };
    expect(taskTextOf({ section: null, point: long, folded: [] }).title).toBe('完成本级政府政务公开标准规范清单编制');
  });
});

describe('working-day calendar settings', () => {
  it('stores overrides for a year the package lacks; the coverage warning goes away; tasks use them', async () => {
    const t = await openWorkstation({ year: 2027, now: () => new Date('2027-01-29T09:00:00') });
    const before = await t.call('calendar.get', { year: 2027 });
    expect(before.coverage).toEqual([
      { year: 2027, source: 'none' },
      { year: 2028, source: 'none' },
    ]);
    expect(before.warning).toContain('2027年');
    expect(before.packageYears[1]).toBeGreaterThanOrEqual(2026);
    // A made-up notice: 2027-02-01..02-05 off, Sunday 01-31 working.
    await t.call('calendar.save', {
      overrides: [
        { date: '2027-02-01', kind: 'holiday', note: '春节' },
        { date: '2027-02-02', kind: 'holiday' },
        { date: '2027-02-03', kind: 'holiday' },
        { date: '2027-02-04', kind: 'holiday' },
        { date: '2027-02-05', kind: 'holiday' },
        { date: '2027-01-31', kind: 'workday', note: '春节调休上班' },
      ],
      dueSoonDays: 3,
    });
    const after = await t.call('calendar.get', { year: 2027 });
    expect(after.coverage[0]).toEqual({ year: 2027, source: 'overrides' });
    expect(after.warning).toBeNull();
    expect(after.dueSoonDays).toBe(3);
    const plan = await t.call('plan.createSection', { year: 2027, title: '队伍建设' });
    const task = await t.call('tasks.create', {
      sectionId: plan.sections[0].id,
      title: '备案',
      measures: '',
      status: '未开始',
      statusReason: '',
      completedOn: null,
      ownerId: null,
      leadIds: [],
      supportIds: [],
      pointIds: [],
      eventDate: '2027-01-29',
      deadline: { kind: 'afterEvent', date: null, recurrence: null, days: 3, text: '人员变动' },
    });
    // Friday 01-29 + 3 working days: Sunday 01-31 (working), [02-01..05 off], 02-08, 02-09.
    expect(task.dueDate).toBe('2027-02-09');
    await expect(t.call('calendar.save', { overrides: [], dueSoonDays: 0 })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});
