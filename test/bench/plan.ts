// 实施方案与任务 speed (issue 4):
// 1. .xlsx and .docx export of a 300-task plan against a bare exceljs / docx dump of the same cells (goal ≤ 1.3×);
// 2. the task list (listTasks: tasks, 科室, 要点, lights) p95 on a generated 10-year dataset (10 plans × 300 tasks ×
//    12 progress entries) against the bare prepared statements it runs (goal ≤ 1.5× and ≤ 5 ms).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import {
  buildPlanDocx,
  buildTaskTableDocx,
  buildTaskTableXlsx,
  TASK_TABLE_COLUMNS,
  type PlanExportData,
} from '../../main/export/plan/plan-exports';
import { listTasks, TASK_LIST_SQL } from '../../main/services/plan/tasks';
import { Workstation } from '../../main/services/workstation';
import { samplePlan } from '../unit/export/sample-plan';
import { medianMs, pairedMedians, printTable, quantile, timesMs, type BenchSection } from './types';

function cellsOf(plan: PlanExportData): string[][] {
  return plan.sections.flatMap((s) => [
    [s.title],
    ...s.tasks.map((t) => [
      String(t.seq),
      t.title,
      t.measures,
      t.points,
      t.lead,
      t.support,
      t.owner,
      t.deadline,
      t.progress,
      t.status,
    ]),
  ]);
}

async function bareXlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  ws.addRow(TASK_TABLE_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function bareDocx(rows: string[][]): Promise<Buffer> {
  const cell = (t: string) => new TableCell({ children: [new Paragraph({ children: [new TextRun(t)] })] });
  const table = new Table({
    rows: [TASK_TABLE_COLUMNS.map((c) => c.header), ...rows].map((r) => new TableRow({ children: r.map(cell) })),
  });
  return Packer.toBuffer(new Document({ sections: [{ children: [table] }] }));
}

/** p95 and median of `runs` calls in ms, after warm-up. */
async function percentiles(fn: () => unknown, runs = 200): Promise<{ p50: number; p95: number }> {
  const times = await timesMs(fn, runs, 10);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

/** 10 years × 300 tasks × 12 progress entries, with 科室 and 要点 links, written with raw SQL in one transaction. */
function generateDataset(ws: Workstation): void {
  const raw = ws.context().raw;
  const now = '2026-01-01 00:00:00';
  raw.transaction(() => {
    raw
      .prepare("INSERT INTO bureau (id, full_name, short_name, updated_at) VALUES (1, '某县科学技术局', '县科技局', ?)")
      .run(now);
    raw.prepare("INSERT INTO setting (key, value) VALUES ('app.currentYear', '2026')").run();
    const dept = raw.prepare('INSERT INTO department (name, sort_order, active, created_at) VALUES (?, ?, 1, ?)');
    const depts = ['办公室', '政策法规科', '高新技术科', '农村科技科', '科技合作科', '财务科'].map((n, i) =>
      Number(dept.run(n, i, now).lastInsertRowid),
    );
    const staff = raw.prepare("INSERT INTO staff (name, department_id, status, created_at) VALUES (?, ?, '在岗', ?)");
    const people = Array.from({ length: 12 }, (_, i) =>
      Number(staff.run(`人员${i + 1}`, depts[i % depts.length], now).lastInsertRowid),
    );
    const doc = raw.prepare(
      "INSERT INTO source_document (year, title, source_kind, imported_at, updated_at) VALUES (?, ?, 'paste', ?, ?)",
    );
    const point = raw.prepare(
      'INSERT INTO work_point (document_id, seq, parent_id, level, label, title, text, deadline, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const plan = raw.prepare('INSERT INTO plan (year, title, created_at, updated_at) VALUES (?, ?, ?, ?)');
    const source = raw.prepare('INSERT INTO plan_source (plan_id, document_id) VALUES (?, ?)');
    const section = raw.prepare('INSERT INTO plan_section (plan_id, sort_order, title) VALUES (?, ?, ?)');
    const task =
      raw.prepare(`INSERT INTO plan_task (plan_id, section_id, sort_order, title, measures, deadline_kind, deadline_date,
      deadline_recurrence, status, owner_staff_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const link = raw.prepare(
      'INSERT INTO plan_task_department (task_id, department_id, role, sort_order) VALUES (?, ?, ?, 0)',
    );
    const tp = raw.prepare('INSERT INTO plan_task_point (task_id, work_point_id) VALUES (?, ?)');
    const progress = raw.prepare(
      'INSERT INTO plan_progress (task_id, date, text, percent, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    const kinds = ['date', 'yearEnd', 'recurring', 'ongoing'] as const;
    for (let y = 2017; y <= 2026; y++) {
      const docId = Number(doc.run(y, `${y}年政务公开工作要点`, now, now).lastInsertRowid);
      const planId = Number(plan.run(y, `${y}年县科技局政务公开工作实施方案`, now, now).lastInsertRowid);
      source.run(planId, docId);
      const sections: number[] = [];
      const heads: number[] = [];
      for (let s = 0; s < 10; s++) {
        sections.push(Number(section.run(planId, s + 1, `第${s + 1}部分重点工作`).lastInsertRowid));
        heads.push(
          Number(point.run(docId, s * 31 + 1, null, 1, String(s + 1), `第${s + 1}部分`, '', null, now).lastInsertRowid),
        );
      }
      for (let i = 0; i < 300; i++) {
        const s = Math.floor(i / 30);
        const pid = Number(
          point.run(
            docId,
            s * 31 + 2 + (i % 30),
            heads[s],
            3,
            String((i % 30) + 1),
            `要点${i + 1}`,
            '要点内容'.repeat(10),
            null,
            now,
          ).lastInsertRowid,
        );
        const kind = kinds[i % 4];
        const month = String((i % 12) + 1).padStart(2, '0');
        const id = Number(
          task.run(
            planId,
            sections[s],
            i + 1,
            `工作任务${i + 1}：做好相关信息公开工作`,
            '具体措施内容，'.repeat(12),
            kind,
            kind === 'date' ? `${y}-${month}-28` : null,
            kind === 'recurring' ? 'quarterly' : null,
            i % 5 === 0 ? '已完成' : '进行中',
            people[i % people.length],
            now,
            now,
          ).lastInsertRowid,
        );
        link.run(id, depts[i % depts.length], 'lead');
        link.run(id, depts[(i + 1) % depts.length], 'support');
        tp.run(id, pid);
        for (let k = 0; k < 12; k++)
          progress.run(
            id,
            `${y}-${String(k + 1).padStart(2, '0')}-15`,
            `第${k + 1}次进展：已完成阶段工作。`,
            Math.min(100, (k + 1) * 9),
            now,
          );
      }
    }
  })();
}

export const planBench: BenchSection = {
  name: 'plan',
  title: '实施方案与任务',
  async run() {
    // 1. Exports of a 300-task plan.
    const plan = samplePlan(300);
    const rows = cellsOf(plan);
    const [xlsx, xlsxBare] = await pairedMedians(
      () => buildTaskTableXlsx(plan),
      () => bareXlsx(rows),
    );
    const [docx, docxBare] = await pairedMedians(
      () => buildTaskTableDocx(plan),
      () => bareDocx(rows),
    );
    const planDocx = await medianMs(() => buildPlanDocx(plan), 5);
    printTable([
      ['300项任务导出', '本程序(ms)', '裸写同样单元格(ms)', '倍数', '目标'],
      ['重点任务分解表 .xlsx', xlsx.toFixed(0), xlsxBare.toFixed(0), (xlsx / xlsxBare).toFixed(2), '≤1.3'],
      ['重点任务分解表 .docx', docx.toFixed(0), docxBare.toFixed(0), (docx / docxBare).toFixed(2), '≤1.3'],
      ['实施方案 .docx（含附件表）', planDocx.toFixed(0), '—', '—', ''],
    ]);

    // 2. Task list on 10 years of data.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-bench-plan-'));
    const ws = new Workstation({
      dbPath: path.join(dir, 'bench.sqlite'),
      host: 'cli',
      autoBackup: false,
      now: () => new Date('2026-06-15T09:00:00'),
      files: { deliver: async (fileName) => ({ fileName, status: 'saved' }) },
    }).open();
    try {
      const t0 = Date.now();
      generateDataset(ws);
      const ctx = ws.context();
      const counts = ['plan', 'plan_task', 'plan_progress'].map(
        (t) => (ctx.raw.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
      );
      console.log(
        `  数据集：${counts[0]} 个方案、${counts[1]} 项任务、${counts[2]} 条进展（生成用时 ${((Date.now() - t0) / 1000).toFixed(1)} 秒）`,
      );
      const planId = (ctx.raw.prepare('SELECT id FROM plan WHERE year = 2026').get() as { id: number }).id;
      const stmts = [
        ctx.raw.prepare(TASK_LIST_SQL.tasks),
        ctx.raw.prepare(TASK_LIST_SQL.departments),
        ctx.raw.prepare(TASK_LIST_SQL.points),
      ];
      const bareRun = () => {
        for (const s of stmts) s.all(planId);
      };
      const single = await percentiles(() => stmts[0].all(planId));
      // Alternate the two so both see the same load.
      const oursT: number[] = [],
        bareT: number[] = [],
        oursCpu: number[] = [],
        bareCpu: number[] = [];
      for (let i = 0; i < 20; i++) {
        await listTasks(ctx, { year: 2026 });
        bareRun();
      }
      for (let i = 0; i < 200; i++) {
        // Wall time, and this process's CPU time (what the machine's other load does not inflate).
        let t0 = performance.now();
        let c0 = process.cpuUsage();
        await listTasks(ctx, { year: 2026 });
        oursT.push(performance.now() - t0);
        let c = process.cpuUsage(c0);
        oursCpu.push((c.user + c.system) / 1000);
        t0 = performance.now();
        c0 = process.cpuUsage();
        bareRun();
        bareT.push(performance.now() - t0);
        c = process.cpuUsage(c0);
        bareCpu.push((c.user + c.system) / 1000);
      }
      const pct = (xs: number[]) => {
        xs.sort((a, b) => a - b);
        return { p50: xs[Math.floor(xs.length * 0.5)], p95: xs[Math.floor(xs.length * 0.95)] };
      };
      const ours = pct(oursT);
      const bare = pct(bareT);
      const oc = pct(oursCpu);
      const bc = pct(bareCpu);
      const n = (await listTasks(ctx, { year: 2026 })).length;
      printTable([
        [`任务列表（${n} 项）`, 'p50(ms)', 'p95(ms)', '倍数(p95)', 'CPU p50(ms)', 'CPU p95(ms)', '目标'],
        [
          'listTasks（含灯号、科室、要点）',
          ours.p50.toFixed(2),
          ours.p95.toFixed(2),
          (ours.p95 / bare.p95).toFixed(2),
          oc.p50.toFixed(2),
          oc.p95.toFixed(2),
          '≤1.5 且 ≤5 ms',
        ],
        [
          '同样三条预编译语句',
          bare.p50.toFixed(2),
          bare.p95.toFixed(2),
          '1.00',
          bc.p50.toFixed(2),
          bc.p95.toFixed(2),
          '',
        ],
        ['仅任务主语句', single.p50.toFixed(2), single.p95.toFixed(2), (ours.p95 / single.p95).toFixed(2), '', '', ''],
      ]);
      console.log(
        `  （机器负载 ${os
          .loadavg()
          .map((x) => x.toFixed(1))
          .join(' / ')}，${os.cpus().length} 核；墙钟时间受其他进程影响，CPU 时间不受）`,
      );
    } finally {
      ws.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
