// The generated plan is the bureau's own: unit suggestions by the name's stem, the document's deadline words, and
// one call per action with nothing left behind when it fails half way.
import { describe, expect, it } from 'vitest';
import { deadlineFromPoint, deadlineLabel, hasRealDeadline } from '../../../shared/domain/plan';
import { draftTextOf, toBureauVoice } from '../../../main/services/plan/draft-text';
import { suggestMapping } from '../../../main/services/plan/units';
import { type TestWorkstation, workstationsPerTest } from '../../helpers/workstation';

const openWorkstation = workstationsPerTest();

describe('单位对应 suggestions', () => {
  const depts = ['办公室', '政策法规科', '科技教育科', '高新技术科', '农村科技科'].map((name, i) => ({
    id: i + 1,
    name,
  }));
  const suggest = (u: string) => {
    const s = suggestMapping(u, depts);
    return s.kind === 'department' ? s.department.name : s.kind;
  };

  it("matches on the name's stem, not a fixed list", () => {
    expect(suggest('政策法规处')).toBe('政策法规科');
    expect(suggest('科技教育处')).toBe('科技教育科');
    expect(suggest('局办公室')).toBe('办公室');
    expect(suggest('法规科')).toBe('政策法规科');
    expect(suggest('高新科')).toBe('高新技术科');
  });

  it('the bureau among many goes to the office; 各科室 is every 科室; other bodies and levels are 不涉及', () => {
    for (const u of [
      '各级政府部门',
      '省直各部门',
      '各有关部门',
      '县直各部门',
      '各县市区科技主管部门',
      '各县（市、区）科技局',
      '各市州科技行政部门',
    ])
      expect(suggest(u), u).toBe('办公室');
    for (const u of ['各科室', '各处室', '局机关各科室']) expect(suggest(u), u).toBe('all');
    for (const u of [
      '局属各单位',
      '省司法厅',
      '各市〔州〕政府',
      '各县〔市、区、特区〕政府',
      '省政府办公厅',
      '各级政府办公厅〔室〕',
    ]) {
      expect(suggest(u), u).toBe('ignore');
    }
    // A division the bureau has not entered yet is left for the user to decide.
    expect(suggest('财务科')).toBe('none');
  });
});

describe("deadlines keep the document's words", () => {
  it('每个季度 is quarterly, printed as written; no deadline is marked, not silently 持续推进', () => {
    const q = deadlineFromPoint(2026, null, '每个季度');
    expect(q).toMatchObject({ kind: 'recurring', recurrence: 'quarterly' });
    expect(deadlineLabel(q)).toBe('每个季度');
    const none = deadlineFromPoint(2026, null, null);
    expect(hasRealDeadline(none)).toBe(false);
    const ongoing = deadlineFromPoint(2026, null, '长期坚持');
    expect([hasRealDeadline(ongoing), deadlineLabel(ongoing)]).toEqual([true, '长期坚持']);
    const sept = deadlineFromPoint(2026, '2026-09-30', '2026年9月底前');
    expect(deadlineLabel(sept)).toBe('2026年9月底前');
    // A date edited afterwards prints the date, not the old words.
    expect(deadlineLabel({ ...sept, date: '2026-10-31' })).toBe('2026年10月31日前');
  });
});

describe('task titles and bodies', () => {
  it('a title names the work; the body does not begin with it; the addressee becomes 我局', () => {
    const text =
      '按照《贵州省权力清单和责任清单管理办法》要求,结合法律法规修订情况,动态调整并及时公开部门权责清单。2026年9月底前,全面公开部门基本信息。';
    const a = draftTextOf(text.split('。')[0], text);
    expect(a.title).toBe('动态调整并及时公开部门权责清单');
    expect(a.measures.startsWith(a.title)).toBe(false);
    const b = draftTextOf('', '各级政府部门要全面梳理本机关制发的规章和规范性文件,及时立改废。');
    expect(b.title).toBe('全面梳理本机关制发的规章和规范性文件');
    expect(b.measures).toBe('及时立改废。');
    // A subject clause before its predicate ("…文件，要在…公开") is not a title on its own.
    const c = draftTextOf(
      '',
      '各部门制发的行政规范性文件，要在印发后20个工作日内在政府网站公开，并同步发布政策解读材料。',
    );
    expect(c).toEqual({
      title: '我局制发的行政规范性文件在印发后20个工作日内在政府网站公开',
      measures: '同步发布政策解读材料。',
    });
    expect(draftTextOf('', '2026年1月31日前，各部门发布2025年度政府信息公开工作年度报告。').title).toBe(
      '发布2025年度政府信息公开工作年度报告',
    );
    expect(toBureauVoice('各部门和单位协同推进，各部门之间共享信息。')).toBe(
      '各部门和单位协同推进，各部门之间共享信息。',
    );
    expect(toBureauVoice('2026年8月底前,省直各部门要依法确定一名负责同志。')).toBe(
      '2026年8月底前,我局要依法确定一名负责同志。',
    );
  });
});

describe('one call, one transaction', () => {
  async function withDocument(): Promise<{ t: TestWorkstation; docId: number }> {
    const t = await openWorkstation({ year: 2026 });
    for (const name of ['办公室', '政策法规科']) await t.call('departments.create', { name });
    const text = [
      '2026年政务公开工作要点',
      '一、加强政策解读',
      '1.各级政府部门要做好政策解读工作。(责任单位:各级政府部门)',
      '2.规范依申请公开办理。(责任单位:政策法规处)',
      '3.每个季度更新公开目录。(责任单位:省政府办公厅)',
      '4.加强队伍建设。',
    ].join('\n');
    const source = { upload: null, pastedText: text };
    const preview = await t.call('points.preview', { source, year: 2026 });
    const saved = await t.call('points.save', {
      previewId: preview.previewId,
      replaceDocumentId: null,
      items: preview.parsed.items,
      meta: { title: preview.parsed.title || '要点', docNumber: null, issuer: null, issuedDate: null, year: 2026 },
    });
    if (saved.status !== 'saved') throw new Error('expected a new document');
    return { t, docId: saved.document.id };
  }

  const count = (t: TestWorkstation, table: string) =>
    (t.ws.context().raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  it('generation fails half way: no plan, no mapping, no audit entry is left behind', async () => {
    const { t, docId } = await withDocument();
    const auditBefore = count(t, 'audit_log');
    // The third task cannot be written (a real constraint failure inside SQLite, not a mock).
    t.ws.context().raw
      .exec(`CREATE TRIGGER fail_third BEFORE INSERT ON plan_task WHEN (SELECT count(*) FROM plan_task) >= 2
      BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    await expect(
      t.call('plan.generate', {
        year: 2026,
        documentIds: [docId],
        mappings: [{ unit: '省政府办公厅', departmentId: null, ignored: true }],
      }),
    ).rejects.toBeTruthy();
    expect([
      count(t, 'plan'),
      count(t, 'plan_section'),
      count(t, 'plan_task'),
      count(t, 'unit_mapping'),
      count(t, 'audit_log') - auditBefore,
    ]).toEqual([0, 0, 0, 0, 0]);
    t.ws.context().raw.exec('DROP TRIGGER fail_third');
    const r = await t.call('plan.generate', {
      year: 2026,
      documentIds: [docId],
      mappings: [{ unit: '省政府办公厅', departmentId: null, ignored: true }],
    });
    expect(r.tasks).toBe(4);
    const tasks = await t.call('tasks.list', { year: 2026 });
    expect(tasks.map((x) => x.lead.map((d) => d.name).join())).toEqual(['办公室', '政策法规科', '', '']);
    expect(r.tasksWithoutLead).toBe(2);
    // 每个季度 stays as written; the task without any deadline is marked.
    expect(tasks[2].deadlineLabel).toBe('每个季度');
    expect(tasks.map((x) => hasRealDeadline(x.deadline))).toEqual([false, false, true, false]);
    expect(count(t, 'unit_mapping')).toBe(1);
  });

  it("the 单位对应 dialog's save fails half way: neither mapping nor tasks change", async () => {
    const { t, docId } = await withDocument();
    await t.call('plan.generate', {
      year: 2026,
      documentIds: [docId],
      mappings: [
        { unit: '省政府办公厅', departmentId: null, ignored: false },
        { unit: '政策法规处', departmentId: null, ignored: false },
      ],
    });
    const before = await t.call('tasks.list', { year: 2026 });
    expect(before.flatMap((x) => x.unmappedUnits)).toEqual(['政策法规处', '省政府办公厅']);
    const [, law] = await t.call('departments.list');
    t.ws
      .context()
      .raw.exec(
        `CREATE TRIGGER fail_link BEFORE INSERT ON plan_task_department BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
      );
    await expect(
      t.call('plan.applyUnitMappings', {
        year: 2026,
        mappings: [{ unit: '政策法规处', departmentId: law.id, ignored: false }],
      }),
    ).rejects.toBeTruthy();
    expect(await t.call('tasks.list', { year: 2026 })).toEqual(before);
    expect(
      (await t.call('plan.unitMappings', { documentIds: [docId] })).find((m) => m.unit === '政策法规处'),
    ).toMatchObject({ saved: true, departmentId: null });
    t.ws.context().raw.exec('DROP TRIGGER fail_link');
    const r = await t.call('plan.applyUnitMappings', {
      year: 2026,
      mappings: [{ unit: '政策法规处', departmentId: law.id, ignored: false }],
    });
    expect(r).toEqual({ resolved: 1, remaining: 1 });
  });

  it('设置牵头科室 for many tasks at once', async () => {
    const { t, docId } = await withDocument();
    await t.call('plan.generate', { year: 2026, documentIds: [docId] });
    const without = (await t.call('tasks.list', { year: 2026 })).filter((x) => !x.lead.length);
    expect(without.length).toBe(2);
    const [office] = await t.call('departments.list');
    expect(await t.call('tasks.setLead', { ids: without.map((x) => x.id), departmentId: office.id })).toEqual({
      updated: 2,
    });
    expect((await t.call('tasks.list', { year: 2026 })).every((x) => x.lead.length === 1)).toBe(true);
    const audit = await t.call('audit.list', { entity: 'plan_task', entityId: without[0].id, limit: 1 });
    expect(audit[0].summary).toContain('设置牵头科室');
    await expect(t.call('tasks.setLead', { ids: [999], departmentId: office.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
