// The annual report and the letters as the office prints them: .docx read back (merged headers, repeated header
// rows, rows that never split, widths within the type area, the figures in their cells), the .xlsx read back, and
// the report rendered with LibreOffice and measured (skipped with a note where soffice is missing).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXT_WIDTH } from '../../../main/export/gongwen/format';
import { loadDemo } from '../../../main/services/demo';
import { makeTempDir, openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { readDocx } from '../export/read-docx';

let t: TestWorkstation;
beforeAll(async () => {
  t = await openTestWorkstation({ setup: false, now: () => new Date(2026, 10, 20, 9) });
  await loadDemo(t.ws.context());
}, 60_000);
afterAll(() => t.cleanup());

const last = () => t.delivered[t.delivered.length - 1];
const tables = (xml: string) => [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
const rowsOf = (tbl: string) => [...tbl.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
const textOf = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('annual report .docx', () => {
  it("has the six sections and the three tables with the format's merged headers, fitting the type area", async () => {
    await t.call('disclosure.export', { kind: 'annual-report-docx', year: 2026 });
    const doc = (await readDocx(last().data)).document;
    const text = textOf(doc);
    for (const h of [
      '一、总体情况',
      '（一）主动公开。',
      '（五）监督保障。',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]) {
      expect(text, h).toContain(h);
    }
    expect(text).not.toContain('⟦');
    const [t2, t3, t4] = tables(doc);
    expect(tables(doc)).toHaveLength(3);
    for (const tbl of [t2, t3, t4]) {
      const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(grid.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TEXT_WIDTH);
      // No row splits across a page.
      for (const r of rowsOf(tbl)) expect(r).toContain('<w:cantSplit/>');
    }
    // Table 三: three header rows repeated on each page; 申请人情况 over 7 columns, 法人或其他组织 over 5.
    const r3 = rowsOf(t3);
    expect(r3.slice(0, 3).every((r) => r.includes('<w:tblHeader/>'))).toBe(true);
    expect(r3.slice(3).some((r) => r.includes('<w:tblHeader/>'))).toBe(false);
    expect(r3[0]).toMatch(/<w:gridSpan w:val="7"\/>[\s\S]*申请人情况/);
    expect(r3[1]).toMatch(/<w:gridSpan w:val="5"\/>[\s\S]*法人或其他组织/);
    expect(r3).toHaveLength(3 + 2 + 22 + 1);
    // The 一 row carries the register's figures: worked out from the demo register.
    const view = await t.call('disclosure.report', { year: 2026 });
    const one = view.report.requests.rows.find((r) => r.key === '一')!.values;
    const cells = [...r3[3].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => textOf(m[0]));
    expect(cells).toEqual(['一、本年新收政府信息公开申请数量', ...one.map(String)]);
    const requests = await t.call('disclosure.requests', { year: 2026 });
    expect(one[6]).toBe(requests.filter((r) => r.receivedDate.startsWith('2026')).length);
    // Table 四: 15 figures in its one data row.
    const r4 = rowsOf(t4);
    expect([...r4[3].matchAll(/<w:tc>/g)]).toHaveLength(15);
    expect(r4[0]).toMatch(/<w:gridSpan w:val="10"\/>[\s\S]*行政诉讼/);
    // Table 二 stays on one page.
    expect(
      rowsOf(t2)
        .slice(0, -1)
        .every((r) => r.includes('<w:keepNext/>')),
    ).toBe(true);
  });

  it("refuses to export while a 勾稽 check fails (a row written behind the services' back)", async () => {
    const w = await openTestWorkstation();
    try {
      await w.ws
        .context()
        .db.insertInto('request')
        .values({
          received_date: '2026-03-01',
          applicant: '甲',
          applicant_type: '自然人',
          method: '邮寄',
          content: 'x',
          handler: '',
          contact: '',
          answered_date: '2026-03-05',
          result: '未知结果',
          fee_yuan: 0,
          answer_note: '',
          created_at: '',
          updated_at: '',
        })
        .execute();
      await expect(w.call('disclosure.export', { kind: 'annual-report-docx', year: 2026 })).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('“自然人”列'),
      });
      expect(w.delivered).toHaveLength(0);
    } finally {
      w.cleanup();
    }
  });
});

describe('tables .xlsx', () => {
  it('has tables 二, 三 and 四 with merged headers and the figures as numbers', async () => {
    await t.call('disclosure.export', { kind: 'annual-report-xlsx', year: 2026 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(last().data as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['表二 主动公开', '表三 依申请公开', '表四 复议诉讼']);
    const t3 = wb.getWorksheet('表三 依申请公开')!;
    const merges = (t3 as unknown as { _merges: Record<string, { range: string }> })._merges;
    const ranges = Object.values(merges).map((m) => m.range);
    expect(ranges).toContain('D3:J3');
    expect(ranges).toContain('E4:I4');
    expect(ranges).toContain('A3:C5');
    expect(t3.pageSetup.printTitlesRow).toBe('3:5');
    const view = await t.call('disclosure.report', { year: 2026 });
    const total = view.report.requests.rows.find((r) => r.key === '三.七')!.values[6];
    const totalRow = [...Array(t3.rowCount).keys()]
      .map((i) => t3.getRow(i + 1))
      .find((r) => String(r.getCell(2).value) === '（七）总计')!;
    expect(totalRow.getCell(10).value).toBe(total);
  });
});

describe('letters', () => {
  it('word the answer for its result with the legal basis and the 救济 sentence, and refuse a letter whose step is missing', async () => {
    const requests = await t.call('disclosure.requests', { year: 2026 });
    // The answer withholding a third party's information after consulting it: it cites 第十五条.
    const partial = requests.find((r) => r.answeredDate && r.steps.some((s) => s.kind === '征求意见'))!;
    await t.call('disclosure.export', { kind: 'request-answer-docx', id: partial.id });
    const text = textOf((await readDocx(last().data)).document);
    expect(last().fileName).toMatch(/^答复书_/);
    expect(text).toContain('政府信息公开申请答复书');
    expect(text).toContain('第十五条');
    const region = (await t.call('app.status')).bureau!.region;
    expect(text).toContain(`60日内向${region}人民政府申请行政复议`);
    expect(text).toContain('6个月内向人民法院提起行政诉讼');
    const extended = requests.find((r) => r.steps.some((s) => s.kind === '延期'))!;
    await t.call('disclosure.export', { kind: 'request-extension-docx', id: extended.id });
    expect(textOf((await readDocx(last().data)).document)).toMatch(/答复期限延长15个工作日/);
    await t.call('disclosure.export', { kind: 'request-consult-docx', id: extended.id });
    expect(textOf((await readDocx(last().data)).document)).toContain('15个工作日内提出书面意见');
    const open = requests.find((r) => !r.answeredDate && !r.steps.length)!;
    await t.call('disclosure.export', { kind: 'request-receipt-docx', id: open.id });
    expect(textOf((await readDocx(last().data)).document)).toContain(
      `（即${Number(open.deadline.dueDate!.slice(0, 4))}年`,
    );
    await expect(t.call('disclosure.export', { kind: 'request-answer-docx', id: open.id })).rejects.toMatchObject({
      message: expect.stringContaining('还没有答复'),
    });
    await expect(t.call('disclosure.export', { kind: 'request-correction-docx', id: open.id })).rejects.toMatchObject({
      message: expect.stringContaining('补正'),
    });
  });
});

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const canRender = has('soffice') && has('pdftotext');
if (!canRender) console.warn('未安装 LibreOffice（soffice）或 pdftotext，跳过年报排版测试。');

describe.skipIf(!canRender)('LibreOffice rendering of the annual report', () => {
  it("keeps every table inside the type area (28–184 mm) and repeats table 三's header on each page it reaches", async () => {
    const dir = makeTempDir('zwgk-render-');
    try {
      await t.call('disclosure.export', { kind: 'annual-report-docx', year: 2026 });
      const docx = path.join(dir, 'report.docx');
      fs.writeFileSync(docx, last().data);
      const env = { ...process.env, FONTCONFIG_FILE: path.resolve('test/fixtures/fonts/fonts.conf') };
      const r = spawnSync(
        'soffice',
        [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
        { env, timeout: 120_000 },
      );
      expect(r.status, String(r.stderr)).toBe(0);
      spawnSync('pdftotext', ['-bbox', path.join(dir, 'report.pdf'), path.join(dir, 'report.html')]);
      const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
      const MM = 25.4 / 72;
      const pages = html
        .split('<page ')
        .slice(1)
        .map((p) =>
          [...p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
            (m) => ({ x1: +m[1] * MM, y1: +m[2] * MM, x2: +m[3] * MM, text: m[5] }),
          ),
        );
      const words = pages.flat();
      // Nothing printed left of the 28 mm 订口 or right of the type area (a trailing mark may hang by a character).
      expect(Math.min(...words.map((w) => w.x1))).toBeGreaterThan(27);
      expect(Math.max(...words.map((w) => w.x2))).toBeLessThan(190);
      // Table 三's header is on every page the table reaches (in the demo it starts low on a page and continues).
      const first = pages.findIndex((p) => p.some((w) => w.text.includes('本年新收政府信息公开申请数量')));
      const lastPage = pages.findIndex((p) => p.some((w) => w.text.includes('结转下年度继续办理')));
      expect(first).toBeGreaterThanOrEqual(0);
      for (let i = first; i <= lastPage; i++)
        expect(
          pages[i].some((w) => w.text.includes('申请人情况')),
          `page ${i + 1}`,
        ).toBe(true);
      expect(
        pages.some((p) => p.some((w) => w.text.includes('行政复议')) && p.some((w) => w.text.includes('复议后起诉'))),
      ).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
