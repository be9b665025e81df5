// 沿用上年方案, read as the office head who signs the result: the opening cites only documents imported for the year,
// years written relative to the plan year move with it, 上年度结转任务 holds only what was not finished last year.
import { describe, expect, it } from 'vitest';
import { shiftPlanYears } from '../../../shared/domain/plan';
import { type TestWorkstation, workstationsPerTest } from '../../helpers/workstation';
import { importPointsText, planDocXml } from './points-text';

const openWorkstation = workstationsPerTest();

/** The example year 2026 (its plan cites the county's 2026 要点; 3 tasks carried from 2025, 2 of them done in 2026). */
async function demo2026(): Promise<TestWorkstation> {
  const t = await openWorkstation({ setup: false, now: () => new Date('2026-12-08T09:00:00') });
  await t.call('demo.load');
  expect((await t.call('app.status')).year).toBe(2026);
  return t;
}

const text = (xml: string) => xml.replace(/<[^>]+>/g, '');

describe('沿用上年方案', () => {
  it('cites no document that was not imported, moves relative years, and carries only unfinished tasks', async () => {
    const t = await demo2026();
    const from = await t.call('plan.get', { year: 2026 });
    expect(from!.intro).toContain('（檀政办发〔2026〕');
    const before = await t.call('tasks.list', { year: 2026 });
    const carriedIn = before.filter((x) => x.sectionTitle === '上年度结转任务');
    const open = carriedIn.filter((x) => x.status !== '已完成');
    expect(carriedIn.length).toBeGreaterThan(open.length);
    expect(open.length).toBeGreaterThan(0);

    const plan = await t.call('plan.copyForward', { fromYear: 2026, toYear: 2027 });
    // Nothing imported for 2027: the opening cites no 2027 document (no title or 文号 made from 2026's).
    expect(plan.intro).not.toMatch(/《|〔2027〕/);
    expect(plan.intro.startsWith('为贯彻落实上级政务公开工作部署，进一步做好我局2027年政务公开工作，')).toBe(true);
    const doc = text(await planDocXml(t, 2027));
    expect(doc).not.toContain('〔2027〕6号');
    expect(doc).toContain('为贯彻落实上级政务公开工作部署，进一步做好我局2027年政务公开工作');

    const after = await t.call('tasks.list', { year: 2027 });
    const measures = after.map((x) => x.measures).join('\n');
    expect(measures).toContain('公开本局2027年科技工作要点');
    expect(measures).toContain('编制2026年度政府信息公开工作年度报告');
    expect(measures).not.toMatch(/2025年度|本局2026年科技工作要点/);
    expect(doc).toContain('公开本局2027年科技工作要点');

    // 上年度结转任务: only what was not finished in 2026, and 回头看 shows it as carried.
    const carried = after.filter((x) => x.sectionTitle === '上年度结转任务');
    expect(carried.map((x) => x.title)).toEqual(open.map((x) => x.title));
    for (const done of carriedIn.filter((x) => x.status === '已完成')) {
      expect(after.some((x) => x.title === done.title)).toBe(false);
      expect(doc).not.toContain(done.title);
    }
    const look = await t.call('lookback.get', { year: 2027 });
    for (const o of open)
      expect(look.tasks.find((x) => x.taskId === o.id)!.carriedTaskId).toBe(
        carried.find((x) => x.title === o.title)!.id,
      );
  });

  it("cites the new year's imported document in the opening when there is one", async () => {
    const t = await demo2026();
    await importPointsText(
      t,
      '檀溪县人民政府办公室关于印发檀溪县2027年政务公开工作要点的通知\n檀政办发〔2027〕3号\n一、加强政策发布解读\n1.集中公开涉企优惠政策。（责任单位：县直各部门）\n',
      2027,
    );
    const plan = await t.call('plan.copyForward', { fromYear: 2026, toYear: 2027 });
    expect(plan.intro).toMatch(
      /^为深入贯彻落实《檀溪县人民政府办公室关于印发檀溪县2027年政务公开工作要点的通知》（檀政办发〔2027〕3号）精神，进一步做好我局2027年政务公开工作，围绕/,
    );
  });

  it('moves only the plan year and the year before, never a cited title or 文号', () => {
    const s = (x: string) => shiftPlanYears(x, 2026, 2027).text;
    expect(s('公开本局2026年科技工作要点')).toBe('公开本局2027年科技工作要点');
    expect(s('编制2025年度政府信息公开工作年度报告，2027年1月31日前公开')).toBe(
      '编制2026年度政府信息公开工作年度报告，2028年1月31日前公开',
    );
    expect(s('落实《2026年全省政务公开工作要点》（黔府办发〔2026〕5号）')).toBe(
      '落实《2026年全省政务公开工作要点》（黔府办发〔2026〕5号）',
    );
    expect(s('自2019年起，到2030年底')).toBe('自2019年起，到2030年底');
  });
});
