import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { signInRowCount } from '../../../main/export/team/training';
import { TEAM_EXPORT_KINDS } from '../../../shared/ipc/contracts/team';
import { loadDemo } from '../../../main/services/demo';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { openTeamFixture, type TeamFixture } from './helpers';
import { areaServices } from '../../../main/areas';

let f: TeamFixture | TestWorkstation | undefined;
afterEach(() => f?.cleanup());

/** Set TEAM_EXPORT_DIR to keep the files (for rendering them with LibreOffice). */
function keep(file: { fileName: string; data: Buffer }) {
  const dir = process.env.TEAM_EXPORT_DIR;
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, file.fileName), file.data);
  }
}

async function docxText(data: Buffer): Promise<{ xml: string; text: string }> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return { xml, text };
}

async function exported(t: TestWorkstation, kind: Parameters<TeamFixture['call']>[1] & object) {
  await t.call('team.export', kind as never);
  const file = t.delivered.at(-1)!;
  keep(file);
  return file;
}

describe('team exports', () => {
  it('builds every document from real data and they read back', async () => {
    // The example year, loaded as the app does, is the data: its bureau, posts, changes and trainings.
    const d = await openTestWorkstation({ setup: false, now: () => new Date('2025-10-09T10:00:00') });
    f = d;
    await loadDemo(d.ws.context());
    const bureau = (await d.call('app.status')).bureau!.fullName;
    const posts = await d.call('ab.posts');

    // AB岗设置表 .xlsx: one row per post with A and B names, print-ready.
    const abx = await exported(d, { kind: 'ab-xlsx' });
    expect(abx.fileName).toBe(`${bureau}政务公开AB岗设置表.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(abx.data as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe(`${bureau}政务公开AB岗设置表`);
    expect(ws.getRow(3).values).toContain('A岗人员');
    const liaison = posts.find((p) => p.name === '政务公开联络员')!;
    const row = [...Array(ws.rowCount).keys()]
      .map((i) => ws.getRow(i + 1))
      .find((r) => r.getCell(2).value === '政务公开联络员')!;
    expect(row.getCell(4).value).toBe(liaison.a!.name);
    expect(row.getCell(7).value).toBe(liaison.b!.name);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');

    // AB岗设置表 .docx: 公文 page (A4 landscape), a fixed table with every post.
    const abd = await exported(d, { kind: 'ab-docx' });
    const ab = await docxText(abd.data);
    expect(ab.text).toContain('政务公开AB岗设置表');
    for (const p of posts) expect(ab.text).toContain(p.name);
    expect(ab.xml).toContain('<w:tblLayout w:type="fixed"/>');
    expect(ab.xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(ab.text).toContain('2025年10月9日');

    // 人员变动备案表 and 工作交接清单 for the example's latest change.
    const change = (await d.call('ab.changes')).sort((a, b) => a.changeDate.localeCompare(b.changeDate)).at(-1)!;
    const filing = await docxText((await exported(d, { kind: 'filing-docx', id: change.id })).data);
    expect(filing.text).toContain('政务公开岗位人员变动备案表');
    expect(filing.text).toContain(change.toName);
    expect(filing.text).toContain(change.fromName!);
    // A submitted form: no internal reminder, 填报日期 left to the filing, 经办人/负责人签字/联系电话 lines.
    expect(filing.text).not.toContain('应于');
    expect(filing.text).toMatch(/填报日期：\u3000+年\u3000+月\u3000+日/);
    for (const w of ['经办人：', '联系电话：', '负责人签字：']) expect(filing.text).toContain(w);
    // The example's 交接 is done: said as done. One registered for a day still to come reads as planned, not done.
    expect(filing.text).toContain('完成交接');
    expect(filing.text).not.toContain('拟于');
    const post = (await d.call('ab.posts')).find((p) => p.active && p.b)!;
    const successor = (await d.call('staff.list')).find(
      (s) => s.status === '在岗' && s.id !== post.a?.staffId && s.id !== post.b?.staffId,
    )!;
    const planned = await d.call('ab.change', {
      postId: post.id,
      role: 'B',
      toStaffId: successor.id,
      changeDate: '2025-10-09',
      handover: { date: '2025-10-20', items: '工作台账', transitionEnd: null, note: '' },
    });
    const ahead = await docxText((await exported(d, { kind: 'filing-docx', id: planned.id })).data);
    expect(ahead.text).toContain('拟于2025年10月20日完成交接');
    const handover = await docxText((await exported(d, { kind: 'handover-docx', id: change.id })).data);
    expect(handover.text).toContain('政务公开岗位工作交接清单');
    for (const item of change.handoverItems.split('\n')) expect(handover.text).toContain(item);
    expect(handover.text).toContain('移交人（签字）');

    // 培训台账 .xlsx with the per-person sheet: the year's trainings as the table holds them.
    const held = d.ws
      .context()
      .raw.prepare(
        `SELECT id, title, hours_tenths FROM training WHERE status = '已举办' AND date BETWEEN '2025-01-01' AND '2025-12-31' ORDER BY date`,
      )
      .all() as { id: number; title: string; hours_tenths: number }[];
    expect(held.length).toBeGreaterThan(1);
    const ledger = await exported(d, { kind: 'training-xlsx', year: 2025 });
    const lw = new ExcelJS.Workbook();
    await lw.xlsx.load(ledger.data as unknown as ArrayBuffer);
    const ls = lw.getWorksheet('培训台账')!;
    expect(ls.getCell('A1').value).toBe(`${bureau}2025年政务公开培训台账`);
    expect(String(ls.getCell('A2').value)).toContain('已达到要求');
    const ledgerRows = held.map((_, i) => ls.getRow(4 + i));
    expect(ledgerRows.map((r) => r.getCell(3).value)).toEqual(held.map((h) => h.title));
    expect(ledgerRows.map((r) => r.getCell(9).value)).toEqual(held.map((h) => h.hours_tenths / 10));
    // 合计: the year's trainings, 学时 and 人次.
    const total = ls.getRow(4 + held.length);
    const hours = held.reduce((a, h) => a + h.hours_tenths, 0) / 10;
    expect([total.getCell(1).value, total.getCell(3).value, total.getCell(9).value]).toEqual([
      '合计',
      `共${held.length}次`,
      hours,
    ]);
    expect(total.getCell(10).value).toBe(ledgerRows.reduce((a, r) => a + Number(r.getCell(10).value), 0));
    const people = lw.getWorksheet('个人学时')!;
    expect(people.getRow(3).values).toContain('学时');

    // 签到表: all attendees, then empty rows up to a full page, 签名 column empty.
    const training = await d.call('training.get', { id: held[0].id });
    const signin = await docxText((await exported(d, { kind: 'signin-docx', id: training.id })).data);
    for (const a of training.attendees) expect(signin.text).toContain(a.name);
    expect(signin.text).toContain('签名');
    const rows = signin.xml.match(/<w:tr[ >]/g)!.length;
    expect(rows).toBe(1 + signInRowCount(training.attendees.length));

    // 培训记录 names who attended and who was absent (the example's 专题培训 had one absentee).
    const record = await docxText((await exported(d, { kind: 'training-docx', id: training.id })).data);
    const absent = training.attendees.filter((a) => !a.present).map((a) => a.name);
    expect(record.text).toContain(
      `应到${training.attendees.length}人，实到${training.attendees.length - absent.length}人`,
    );
    expect(absent.length).toBeGreaterThan(0);
    expect(record.text).toContain(absent.join('、'));
  });

  it('needs the record number for single-record documents', async () => {
    const t = await openTeamFixture();
    f = t;
    await expect(t.call('team.export', { kind: 'signin-docx' })).rejects.toThrow('请指定培训的编号');
    await expect(t.call('team.export', { kind: 'filing-docx', id: 99 })).rejects.toThrow(
      '找不到编号为 99 的人员变动记录',
    );
  });

  it('every team document is in the shared export registry used by `export <name>`', async () => {
    const exporters = await areaServices.exporters();
    for (const k of TEAM_EXPORT_KINDS) expect(exporters[k]).toBeDefined();
  });

  it('sign-in sheets fill the page', () => {
    expect(signInRowCount(3)).toBe(11);
    expect(signInRowCount(11)).toBe(11);
    expect(signInRowCount(12)).toBe(27);
  });
});
