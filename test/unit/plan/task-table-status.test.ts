// The 重点任务分解表's 状态 column read as the office head who signs it on its 填报日期: an unfinished task past its
// deadline says 已逾期 exactly when the task list's light does, and a task 回头看 carried into the next year's plan
// says where it went. The example year, exported on 8 December 2026, for last year's plan and this year's.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../main/services/demo';
import { readDocx } from '../export/read-docx';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';

/** 工作任务 → 状态, from the .xlsx (columns 2 and 10). */
async function xlsxStatuses(buf: Buffer): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const out = new Map<string, string>();
  wb.worksheets[0].eachRow((r) => {
    if (/^\d+$/.test(r.getCell(1).text)) out.set(r.getCell(2).text, r.getCell(10).text);
  });
  return out;
}

/** 工作任务 → 状态, from the .docx table rows (the last cell of a numbered row). */
async function docxStatuses(buf: Buffer): Promise<Map<string, string>> {
  const xml = (await readDocx(buf)).document;
  const out = new Map<string, string>();
  for (const tr of xml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []) {
    const cells = (tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((c) =>
      [...c.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    );
    if (/^\d+$/.test(cells[0] ?? '')) out.set(cells[1], cells[cells.length - 1]);
  }
  return out;
}

describe('the 重点任务分解表 says which tasks are overdue and which were carried forward', () => {
  let t: TestWorkstation;
  beforeAll(async () => {
    t = await openTestWorkstation({ year: 2026, now: () => new Date('2026-12-08T09:00:00') });
    await loadDemo(t.ws.context());
  });
  afterAll(() => t?.cleanup());

  const exported = async (kind: 'tasks-xlsx' | 'tasks-docx', year: number) => {
    await t.call('plan.export', { kind, year });
    const buf = t.delivered[t.delivered.length - 1].data;
    return kind === 'tasks-xlsx' ? xlsxStatuses(buf) : docxStatuses(buf);
  };

  it('last year’s plan: the three unfinished tasks read 已逾期 and 已转入2026年实施方案, as the lights and 回头看 say', async () => {
    const tasks = await t.call('tasks.list', { year: 2025 });
    const next = await t.call('tasks.list', { year: 2026 });
    const unfinished = tasks.filter((x) => x.status === '进行中' || x.status === '未开始');
    expect(unfinished.map((x) => x.title)).toEqual([
      '举办“科技开放日”政府开放活动',
      '门户网站政务公开专栏迁移至县政府网站集约化平台',
      '修订依申请公开办理规程',
    ]);
    for (const kind of ['tasks-xlsx', 'tasks-docx'] as const) {
      const status = await exported(kind, 2025);
      for (const x of unfinished) {
        expect(x.light).toBe('overdue');
        // Each was carried into this year's plan by 回头看 (a task of the same title stands in 2026's plan).
        expect(next.some((n) => n.title === x.title)).toBe(true);
        expect(status.get(x.title)).toBe(`${x.status}（已逾期，已转入2026年实施方案）`);
      }
      expect(status.get('梳理更新科技领域基层政务公开标准目录')).toBe('已完成');
      expect(status.get('做好本单位政务新媒体账号的内容保障')).toMatch(/^不适用（本局未开设/);
    }
  });

  it('this year’s plan: 已逾期 exactly where the task list lights 已逾期, nothing said of the others', async () => {
    const tasks = await t.call('tasks.list', { year: 2026 });
    expect(tasks.filter((x) => x.light === 'overdue').length).toBeGreaterThanOrEqual(2);
    for (const kind of ['tasks-xlsx', 'tasks-docx'] as const) {
      const status = await exported(kind, 2026);
      for (const x of tasks) {
        if (x.status === '不适用') continue;
        expect(status.get(x.title)).toBe(x.light === 'overdue' ? `${x.status}（已逾期）` : x.status);
      }
    }
  });
});
