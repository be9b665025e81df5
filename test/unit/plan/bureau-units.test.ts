// A unit the higher level names that is the bureau itself (县直各部门, 各县市区科技主管部门) leads as the bureau, so a plan
// from several documents has no task with a blank 牵头科室 (`plan generate` says so when some are left without one);
// titles are whole phrases and words addressed to 各部门 speak of the bureau.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { workstationsPerTest } from '../../helpers/workstation';
import { importPointsText, planDocXml } from './points-text';
import { paragraphsWith } from '../export/read-docx';

const openWorkstation = workstationsPerTest();
afterEach(() => vi.restoreAllMocks());

describe('a plan from two documents', () => {
  const county =
    '檀溪县人民政府办公室关于印发檀溪县2025年政务公开工作要点的通知\n檀政办发〔2025〕5号\n一、加强政策发布解读\n1.围绕优化营商环境，集中公开涉企优惠政策，2025年6月底前完成政策清单更新。（责任单位：县直各部门）\n2.各部门制发的行政规范性文件，要在印发后20个工作日内在政府网站公开，并同步发布政策解读材料。（责任单位：县直各部门）\n二、加强公开平台建设\n3.2026年1月31日前，各部门发布2025年度政府信息公开工作年度报告。（责任单位：县直各部门）\n';
  const city =
    '衡岳市科学技术局关于印发2025年全市科技系统政务公开工作要点的通知\n衡科发〔2025〕8号\n一、深化科技领域重点信息公开\n1.及时公开科技计划项目立项、资金安排和验收结果等信息，2025年9月底前完成年度项目信息公开专栏更新。（责任单位：各县市区科技主管部门）\n2.公开高新技术企业认定、科技型中小企业评价等事项的办事指南和结果。（责任单位：各县（市、区）科技局）\n';

  it('the city office writing to 各县市区科技主管部门 means this bureau: the office leads, nothing is blank', async () => {
    const t = await openWorkstation({ year: 2026, now: () => new Date('2026-05-11T09:00:00') });
    for (const name of ['办公室', '政策法规科']) await t.call('departments.create', { name });
    const ids = [await importPointsText(t, county, 2025), await importPointsText(t, city, 2025)];
    const r = await t.call('plan.generate', { year: 2025, documentIds: ids });
    expect(r.tasksWithoutLead).toBe(0);
    const tasks = await t.call('tasks.list', { year: 2025 });
    expect(tasks).toHaveLength(5);
    expect(tasks.every((x) => x.lead.map((d) => d.name).join() === '办公室')).toBe(true);
    const doc = await planDocXml(t, 2025);
    expect(paragraphsWith(doc, '公开高新技术企业认定')[0]).toContain('牵头科室：办公室；');
  });

  it('a task title is a whole phrase, and words addressed to 各部门 speak of the bureau', async () => {
    const t = await openWorkstation({ year: 2026, now: () => new Date('2026-05-11T09:00:00') });
    await t.call('departments.create', { name: '办公室' });
    await t.call('plan.generate', { year: 2025, documentIds: [await importPointsText(t, county, 2025)] });
    const body = (await planDocXml(t, 2025)).replace(/<[^>]+>/g, '');
    expect(body).toContain(
      '（二）我局制发的行政规范性文件在印发后20个工作日内在政府网站公开。同步发布政策解读材料。（牵头科室：办公室；',
    );
    expect(body).toContain(
      '（一）发布2025年度政府信息公开工作年度报告。2026年1月31日前，我局发布2025年度政府信息公开工作年度报告。',
    );
    expect(body).not.toMatch(/各部门(?:制发|发布)/);
  });

  it('`plan generate` warns when tasks are left without a 牵头科室', async () => {
    const t = await openWorkstation({ year: 2026, now: () => new Date('2026-05-11T09:00:00') });
    await t.call('departments.create', { name: '办公室' });
    await importPointsText(
      t,
      '某市政府办公室关于印发2025年政务公开工作要点的通知\n一、加强公开\n1.集中公开涉企优惠政策。（责任单位：省司法厅）\n',
      2025,
    );
    t.ws.close();
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
    expect(await runCli(['plan', 'generate', '--db', t.dbPath, '--year', '2025'])).toBe(0);
    expect(out.join('')).toContain('还没有牵头科室的任务：1 项，导出前请在“实施方案与任务”中设置牵头科室');
  });
});
