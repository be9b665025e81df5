// Someone marked 离岗 in 人员 while still an AB岗 holder (no 人员变动 recorded), and a post left without its B岗: the
// figures, the 总结's sentences, the AB岗设置表 (.docx and .xlsx) and the 年度核对 read from the example year on
// 8 December 2026, through the real services and read back from the exported files.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../main/services/demo';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { readDocx } from '../export/read-docx';

const TODAY = '2026-12-08';
const textOf = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

let t: TestWorkstation | undefined;
afterEach(() => t?.cleanup());

async function exampleYear(): Promise<TestWorkstation> {
  t = await openTestWorkstation({ year: 2026, now: () => new Date(`${TODAY}T10:00:00`) });
  await loadDemo(t.ws.context());
  return t;
}

/** Marks a person 离岗 through 人员 (as the app lets you), leaving the AB岗 as they were. */
async function markLeft(t: TestWorkstation, name: string): Promise<void> {
  const s = (await t.call('staff.list')).find((x) => x.name === name)!;
  await t.call('staff.update', {
    id: s.id,
    name: s.name,
    departmentId: s.departmentId,
    title: s.title,
    phone: s.phone,
    status: '离岗',
    note: '2026年11月调县发改局',
  });
}

/** The 总结 drafted anew from today's records (the example year's draft was made before the change), read back. */
async function summaryBody(t: TestWorkstation): Promise<string> {
  const draft = await t.call('summary.get', { year: 2026, kind: '年度' });
  if (draft) await t.call('summary.regenerate', { id: draft.id });
  await t.call('summary.export', { year: 2026, kind: '年度' });
  const { document } = await readDocx(t.delivered.at(-1)!.data);
  return textOf(document.split('<w:tbl>')[0]);
}

const figure = async (t: TestWorkstation, name: string) =>
  (await t.call('summary.figures', { year: 2026, kind: '年度' })).figures[name]?.value;

describe('a person who has left but still holds AB岗 posts', () => {
  it('fills no post and is no holder in the figures, and the 总结 names the posts waiting for 交接', async () => {
    const t = await exampleYear();
    expect(await figure(t, 'ab.postsFilled')).toBe(7);
    expect(await figure(t, 'ab.holders')).toBe(7);
    await markLeft(t, '吴志刚');
    // 吴志刚 holds B of 工作负责人, 依申请公开办理员, 保密审查员 and A of 信息发布审核员: three posts stay filled.
    expect(await figure(t, 'ab.postsFilled')).toBe(3);
    expect(await figure(t, 'ab.holders')).toBe(6);
    const body = await summaryBody(t);
    expect(body).not.toContain('A岗、B岗均已配齐');
    expect(body).toContain('设置政务公开工作岗位7个，其中A岗、B岗配齐的3个，共有6名同志承担政务公开岗位职责');
    expect(body).toContain(
      'AB岗人员交接还不及时，截至12月8日，吴志刚已离岗，所任“政务公开工作负责人”B岗、“信息发布审核员”A岗等4个岗位尚待办理交接。',
    );
    expect(body).toContain(
      '配齐AB岗人员。为吴志刚所任的4个岗位另行确定人员，办理交接和备案，确保每个岗位A岗、B岗都有人在岗履职。',
    );
  });

  it('prints him in the AB岗设置表 as 已离岗，待交接, without 科室 or phone, alike in .docx and .xlsx', async () => {
    const t = await exampleYear();
    await markLeft(t, '吴志刚');
    await t.call('team.export', { kind: 'ab-docx' });
    const { document } = await readDocx(t.delivered.at(-1)!.data);
    const rows = [...document.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0])),
    );
    const secrecy = rows.find((r) => r[1] === '保密审查员')!;
    expect(secrecy[4]).toBe('吴志刚（已离岗，待交接）');
    expect(secrecy[3]).toContain('陈思远');
    expect(textOf(document)).not.toContain('0739-5216011政策法规科 科长');

    await t.call('team.export', { kind: 'ab-xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.delivered.at(-1)!.data as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const row = [...Array(sheet.rowCount).keys()]
      .map((i) => sheet.getRow(i + 1))
      .find((r) => r.getCell(2).text === '保密审查员')!;
    expect([7, 8, 9].map((c) => row.getCell(c).text)).toEqual(['吴志刚（已离岗，待交接）', '', '']);
    const review = [...Array(sheet.rowCount).keys()]
      .map((i) => sheet.getRow(i + 1))
      .find((r) => r.getCell(2).text === '信息发布审核员')!;
    expect([4, 5, 6].map((c) => review.getCell(c).text)).toEqual(['吴志刚（已离岗，待交接）', '', '']);
  });

  it('is found by the 年度核对: his posts to hand over and his open tasks to give to someone else', async () => {
    const t = await exampleYear();
    const before = (await t.call('yearcheck.findings', { year: 2026 })).findings;
    expect(before.filter((f) => f.kind === 'left-staff-named')).toEqual([]);
    await markLeft(t, '吴志刚');
    const found = (await t.call('yearcheck.findings', { year: 2026 })).findings.filter(
      (f) => f.kind === 'left-staff-named',
    );
    expect(found.map((f) => f.message)).toEqual([
      '吴志刚已离岗，仍是“政务公开工作负责人”的B岗、“信息发布审核员”的A岗、“依申请公开办理员”的B岗、“保密审查员”的B岗，请到“AB岗”办理交接。',
      expect.stringMatching(
        /^吴志刚已离岗，仍是“[^”]+”“[^”]+”2项尚未完成任务的责任人。请在“实施方案与任务”中更换责任人。$/,
      ),
    ]);
    expect(found.map((f) => f.link)).toEqual(['ab', 'plan']);
    // The year before he left says nothing of it.
    const earlier = (await t.call('yearcheck.findings', { year: 2025 })).findings;
    expect(earlier.filter((f) => f.kind === 'left-staff-named')).toEqual([]);
  });
});

describe('a post without its B岗', () => {
  it('is named in the 总结 with the missing role, and the 下一步 answers it', async () => {
    const t = await exampleYear();
    t.ws
      .context()
      .raw.prepare(
        `UPDATE ab_holding SET end_date = '2026-10-30' WHERE role = 'B' AND end_date IS NULL
         AND post_id = (SELECT id FROM ab_post WHERE name = '保密审查员')`,
      )
      .run();
    expect(await figure(t, 'ab.postsFilled')).toBe(6);
    const body = await summaryBody(t);
    expect(body).toContain('设置政务公开工作岗位7个，其中A岗、B岗配齐的6个');
    expect(body).toContain('AB岗配备还不齐全，截至12月8日，“保密审查员”尚未配备B岗。');
    expect(body).not.toContain('部分岗位A岗、B岗尚未配齐');
    expect(body).toContain('配齐AB岗人员。为“保密审查员”配备B岗人员，确保每个岗位A岗、B岗都有人在岗履职。');
  });
});
