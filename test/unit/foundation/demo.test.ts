import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSteps, loadDemo } from '../../../main/services/demo';
import { annualReport } from '../../../main/services/disclosure/report';
import { planCoverage } from '../../../main/services/plan/plans';
import { getSelfcheck } from '../../../main/services/selfcheck/scores';
import { countWorkingDays } from '../../../shared/domain/working-days';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';

const ROOT = path.resolve(__dirname, '../../..');

const open: TestWorkstation[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.cleanup();
});

/** Rows in every table that holds the user's work (the setup's bureau and year are not the demo's). */
function workRows(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const out: Record<string, number> = {};
    for (const t of [
      'department',
      'staff',
      'source_document',
      'work_point',
      'plan',
      'plan_task',
      'ab_holding',
      'training',
      'audit_log',
      'attachment',
    ]) {
      out[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    }
    return out;
  } finally {
    db.close();
  }
}

describe('demo data in one transaction', () => {
  it('a step that fails leaves nothing of the steps before it; afterwards the demo loads', async () => {
    const t = await openTestWorkstation();
    open.push(t);
    const before = workRows(t.dbPath);
    const failing = {
      name: 'fails',
      run: async () => {
        throw new Error('step failed');
      },
    };
    await expect(loadDemo(t.ws.context(), [...(await demoSteps(t.ws.context())), failing])).rejects.toBeTruthy();
    expect(workRows(t.dbPath)).toEqual(before);
    // The workstation's own connection still writes normally (no transaction left open).
    await t.call('departments.create', { name: '测试科' });
    await t.call('departments.delete', { id: (await t.call('departments.list'))[0].id });
    const r = await t.call('demo.load');
    expect(r.summary.length).toBeGreaterThan(2);
    const after = workRows(t.dbPath);
    expect(after.staff).toBeGreaterThan(0);
    expect(after.plan_task).toBeGreaterThan(0);
  });

  it('a process killed in the middle of the demo leaves the file as empty as before', { timeout: 60_000 }, async () => {
    const t = await openTestWorkstation();
    open.push(t);
    t.ws.close();
    const before = workRows(t.dbPath);
    // Node itself runs the child (tsx as a loader, not as a wrapper process), so the process killed is the one that
    // holds the data file: with a wrapper, the kill would leave its inner process running on for a moment.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'test/helpers/demo-kill-child.ts'), t.dbPath],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let err = '';
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    const written = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /WRITTEN (\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', () => reject(new Error(`child ended early: ${err}`)));
    });
    // Every real step had written its rows (seen inside the transaction) when the process was killed.
    expect(written).toBeGreaterThan(0);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    t.ws.open();
    expect(t.ws.ready).toBe(true);
    // The restart takes over the killed process's write lock, and notes that in the file's history.
    expect(workRows(t.dbPath)).toEqual({ ...before, audit_log: before.audit_log + 1 });
    expect(t.ws.context().raw.prepare('SELECT summary FROM audit_log ORDER BY id DESC LIMIT 1').get()).toMatchObject({
      summary: expect.stringContaining('该程序已不在运行'),
    });
    expect(t.ws.context().raw.pragma('integrity_check', { simple: true })).toBe('ok');
    // And the demo can then be loaded.
    expect((await t.call('demo.load')).summary.length).toBeGreaterThan(2);
  });
});

/** The example year loaded on an empty file, its clock at `today` (a December day unless a test says otherwise). */
async function exampleYear(today: string): Promise<TestWorkstation> {
  const t = await openTestWorkstation({ setup: false, now: () => new Date(`${today}T10:00:00`) });
  open.push(t);
  await loadDemo(t.ws.context());
  return t;
}

type Row = Record<string, unknown>;
const all = (t: TestWorkstation, sql: string, ...args: unknown[]) =>
  t.ws
    .context()
    .raw.prepare(sql)
    .all(...args) as Row[];

/** Every text column of every table, with its values (attachments' bytes are not text). */
function textValues(t: TestWorkstation): { where: string; value: string }[] {
  const out: { where: string; value: string }[] = [];
  const tables = all(t, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
  for (const { name } of tables) {
    for (const row of all(t, `SELECT * FROM "${String(name)}"`)) {
      for (const [col, v] of Object.entries(row))
        if (typeof v === 'string') out.push({ where: `${name}.${col}`, value: v });
    }
  }
  return out;
}

// The placeholders the 核对 looks for, and the 2020 provincial text the old example copied.
const PLACEHOLDER = /XX|xx|××|【[^】]*】|内置参考模板|example\.gov\.cn|待填写|示例/;
const OLD_TEXT = /十九届四中全会|六稳|六保|新冠/;

describe('the example year is one bureau’s believable year', () => {
  it('names only people on its staff list, in every person field of every record', { timeout: 60_000 }, async () => {
    const t = await exampleYear('2026-12-07');
    const staff = new Set(all(t, 'SELECT name FROM staff').map((r) => r.name as string));
    expect(staff.size).toBeGreaterThanOrEqual(10);
    // Person fields stored as names (the others are links to the staff table).
    const named = all(
      t,
      `SELECT 'bureau.head' AS f, head AS v FROM bureau UNION ALL SELECT 'bureau.leader', leader FROM bureau
       UNION ALL SELECT 'bureau.contact', contact FROM bureau
       UNION ALL SELECT 'training.trainer', trainer FROM training
       UNION ALL SELECT 'publication.drafter', drafter FROM publication
       UNION ALL SELECT 'publication.reviewer', reviewer FROM publication
       UNION ALL SELECT 'publication.approver', approver FROM publication
       UNION ALL SELECT 'request.handler', handler FROM request
       UNION ALL SELECT 'request_step.party（延期批准人）', party FROM request_step WHERE kind = '延期'
       UNION ALL SELECT 'rectification.leader', leader FROM rectification
       UNION ALL SELECT 'rectification.closed_by', closed_by FROM rectification WHERE state = '已销号'`,
    );
    expect(named.length).toBeGreaterThan(100);
    for (const r of named) expect(staff, `${r.f}：${r.v}`).toContain(r.v);
    // Links to people: every task has its 责任人, every 整改 item its 责任人; nobody left the bureau.
    expect(all(t, 'SELECT id FROM plan_task WHERE owner_staff_id IS NULL')).toEqual([]);
    expect(all(t, 'SELECT id FROM rectification WHERE owner_staff_id IS NULL')).toEqual([]);
    expect(all(t, `SELECT id FROM staff WHERE status <> '在岗'`)).toEqual([]);
    // 主要负责人 and 分管负责人 are people of the list, by name (no "刘局长" where a name belongs).
    const [bureau] = all(t, 'SELECT head, leader FROM bureau');
    expect(all(t, 'SELECT title FROM staff WHERE name = ?', bureau.head)).toEqual([{ title: '局长' }]);
    expect(all(t, 'SELECT title FROM staff WHERE name = ?', bureau.leader)).toEqual([{ title: '副局长' }]);
  });

  it('holds no placeholder and none of the 2020 text anywhere', { timeout: 60_000 }, async () => {
    const t = await exampleYear('2026-12-07');
    const values = textValues(t);
    expect(values.length).toBeGreaterThan(1000);
    const found = values.filter((x) => PLACEHOLDER.test(x.value) || OLD_TEXT.test(x.value));
    expect(found.map((x) => `${x.where}：${x.value.slice(0, 60)}`)).toEqual([]);
  });

  it(
    'plans its own tasks answering a recent county 要点: each with a 牵头科室 and dates in its year',
    { timeout: 60_000 },
    async () => {
      const t = await exampleYear('2026-12-07');
      const tasks = all(
        t,
        `SELECT t.id, t.title, p.year, t.deadline_date, t.completed_on,
        (SELECT count(*) FROM plan_task_department d WHERE d.task_id = t.id AND d.role = 'lead') AS leads
       FROM plan_task t JOIN plan p ON p.id = t.plan_id`,
      );
      expect(tasks.length).toBeGreaterThan(20);
      for (const x of tasks) {
        expect(x.leads, `${x.title}：牵头科室`).toBe(1);
        for (const d of [x.deadline_date, x.completed_on])
          if (d !== null) expect(String(d).slice(0, 4), `${x.title}：${d}`).toBe(String(x.year));
      }
      for (const x of all(
        t,
        'SELECT pr.date, p.year FROM plan_progress pr JOIN plan_task t ON t.id = pr.task_id JOIN plan p ON p.id = t.plan_id',
      ))
        expect(String(x.date).slice(0, 4)).toBe(String(x.year));
      // The plan's source is this year's county 要点, not the 2020 provincial text; every one of its items is answered.
      const sources = all(
        t,
        `SELECT d.id, d.year, d.title, d.doc_number FROM plan_source s JOIN source_document d ON d.id = s.document_id
       JOIN plan p ON p.id = s.plan_id WHERE p.year = 2026`,
      );
      expect(sources).toHaveLength(1);
      expect(sources[0].year).toBe(2026);
      expect(String(sources[0].doc_number)).toMatch(/〔2026〕\d+号$/);
      const points = all(t, 'SELECT title, text FROM work_point WHERE document_id = ?', sources[0].id);
      expect(points.length).toBeGreaterThan(10);
      for (const p of points) expect(`${p.title}${p.text}`).not.toMatch(OLD_TEXT);
      const coverage = await planCoverage(t.ws.context(), 2026);
      expect(coverage.total).toBeGreaterThan(10);
      expect(coverage.gaps).toEqual([]);
      // Each year's plan is in the publication register under its own 文号, formed on its 成文日期.
      const plans = all(t, 'SELECT year, title, doc_number, doc_date FROM plan ORDER BY year');
      expect(plans).toHaveLength(2);
      for (const p of plans)
        expect(
          all(t, 'SELECT doc_number, formed_date FROM publication WHERE title = ?', p.title),
          `${p.year}年实施方案的发布登记`,
        ).toEqual([{ doc_number: p.doc_number, formed_date: p.doc_date }]);
    },
  );

  it.each(['2026-11-20', '2026-12-18'])(
    'on %s the records bear out what the documents claim',
    { timeout: 60_000 },
    async (today) => {
      const t = await exampleYear(today);
      const ctx = t.ws.context();
      const v = await getSelfcheck(ctx, 2026);
      const row = (name: string) => v.rows.find((r) => r.name === name)!;
      // 工作任务落实 deducts 1 per task past its limit, as the task list lights them.
      const overdue = (await t.call('tasks.due', { year: 2026 })).overdue.length;
      expect(overdue).toBeGreaterThan(0);
      expect(row('工作任务落实').deducted).toBe(overdue);
      // 公开时效: the one item published more than 20 working days after it was formed is deducted and stated.
      const pubs = await t.call('disclosure.publications', { year: 2026 });
      const late = pubs.filter((p) => p.late);
      expect(late).toHaveLength(1);
      expect(row('公开时效与要素').deducted).toBe(late.length);
      // 先审后发: every item has its 拟稿, 审核 and 签发; so 保密审查 keeps its points truthfully.
      expect(pubs.filter((p) => !p.reviewComplete)).toEqual([]);
      expect(row('保密审查').deducted).toBe(0);
      // 同步解读: every 解读 within 3 working days of its document, so the 总结 and 年报 may say 同步.
      const byId = new Map(pubs.map((p) => [p.id, p]));
      const readings = pubs.filter((p) => p.interpretation && p.interpretsId);
      expect(readings.length).toBeGreaterThan(1);
      for (const p of readings)
        expect(countWorkingDays(byId.get(p.interpretsId!)!.publishedDate, p.publishedDate)).toBeLessThanOrEqual(3);
      expect(row('政策解读').deducted).toBe(0);
      // No answer past its limit; nothing the 年报 checks finds (勾稽, 表二 chain, register vs 表二, carry).
      const requests = await t.call('disclosure.requests', { year: 2026 });
      expect(requests.filter((r) => r.deadline.state === '逾期办结' || r.deadline.state === '逾期')).toEqual([]);
      expect((await annualReport(ctx, 2026)).problems).toEqual([]);
      expect((await annualReport(ctx, 2025)).problems).toEqual([]);
      const report = await annualReport(ctx, 2026);
      const prev = await annualReport(ctx, 2025);
      const n = report.active.normativeDocuments;
      expect(n.inForce).toBe(prev.active.normativeDocuments.inForce + n.issued - n.repealed);
      expect(n.issued).toBe(pubs.filter((p) => p.normative).length);
      // Every 建议提案 answer the register holds is published, and no 整改 item claims there were none.
      expect(all(t, `SELECT id FROM rectification WHERE problem LIKE '%建议提案%' OR measure LIKE '%未承办%'`)).toEqual(
        [],
      );
      // Every AB change has its 交接; every one filed was filed in time, and the unfiled one is not yet due.
      for (const c of await t.call('ab.changes')) {
        expect(c.handoverItems.length).toBeGreaterThan(0);
        if (c.filedDate) expect(c.filedDate <= c.filingDue).toBe(true);
        else expect(c.filingDue >= today).toBe(true);
      }
      // 回头看: last year's unfinished tasks are all carried into this year's plan.
      const lb = await t.call('lookback.get', { year: 2026 });
      const unfinished = lb.tasks.filter((x) => x.outcome === '未完成');
      expect(unfinished.length).toBeGreaterThan(0);
      for (const x of unfinished) expect(x.carriedTaskId).not.toBeNull();
      // Nothing is dated after today.
      for (const [table, col] of [
        ['publication', 'published_date'],
        ['request', 'received_date'],
        ['request', 'answered_date'],
        ['plan_progress', 'date'],
        ['plan_task', 'completed_on'],
        ['rectification_progress', 'date'],
        ['ab_change', 'filed_date'],
        ['training', 'date'],
      ])
        expect(all(t, `SELECT ${col} FROM ${table} WHERE ${col} > ?`, today), `${table}.${col}`).toEqual([]);
    },
  );

  it('is deterministic: two loads on the same day write the same rows', { timeout: 90_000 }, async () => {
    // What the example wrote, without what a new file is born with: its own identity, and the rows the migrations
    // seed (stamped by the database's clock, not the workstation's).
    const seeded = new Set(['ab_post', 'publication_column']);
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const dump = (t: TestWorkstation) =>
      Object.fromEntries(
        all(t, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).map(
          ({ name }) => [
            name,
            all(t, `SELECT * FROM "${String(name)}" ORDER BY rowid`)
              .filter((r) => !(name === 'setting' && uuid.test(String(r.value))))
              .map(({ created_at, ...r }) => (seeded.has(String(name)) ? r : { created_at, ...r })),
          ],
        ),
      ) as Record<string, Row[]>;
    const a = dump(await exampleYear('2026-12-07'));
    const b = dump(await exampleYear('2026-12-07'));
    expect(Object.values(a).reduce((n, rows) => n + rows.length, 0)).toBeGreaterThan(500);
    expect(b).toEqual(a);
  });
});
