// A 扣分项 outside the scored items with a cap of its own ("被上级通报批评的每次扣2分，最高扣5分"), beside an uncapped
// 重大扣分项: imported from a 细则, rated by occurrences on a real SQLite file, printed in the 自查评分表 and 自查报告 as
// the 细则 names them, and read back from the exported 自查评分表 as the same rules.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseIndicatorsFile } from '../../../main/import/selfcheck';
import type { SelfcheckView } from '../../../shared/domain/selfcheck';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { importTemplateFile } from './import-template';
import { readDocx } from '../export/read-docx';
import { buildXlsx } from './build-files';
import { rateRest } from './rate';

const CAPPED = { kind: 'major', deduct: 2, unit: '次', cap: 5 };
const OPEN = { kind: 'major', deduct: 10, unit: '次' };

let t: TestWorkstation;
afterEach(() => t.cleanup());

async function importTemplate(): Promise<SelfcheckView> {
  t = await openTestWorkstation({ year: 2026, now: () => new Date(2026, 11, 8, 10, 0, 0) });
  const buf = await buildXlsx({
    title: '某县2026年政务公开考核评分细则',
    header: ['类别', '考核内容', '分值', '评分标准'],
    rows: [
      ['基础工作', '信息发布', 60, '每发现一处扣1分，扣完为止。'],
      [null, '依申请公开', 40, '超期答复的每件扣5分。'],
      ['扣分项', '被通报批评', null, '被上级通报批评的每次扣2分，最高扣5分。'],
      [null, '重大失误', null, '发生重大失误的每次扣10分，不设上限。'],
      ['合计', '', 100, ''],
    ],
  });
  return importTemplateFile(t, 2026, '细则.xlsx', buf);
}
const row = (v: SelfcheckView, name: string) => v.rows.find((r) => r.name === name)!;

describe('a 扣分项 with a cap', () => {
  it('takes at most its cap off the total, prints as the 细则 names it and reads back the same', async () => {
    let v = await importTemplate();
    expect(row(v, '被通报批评').rule).toEqual(CAPPED);
    expect(row(v, '重大失误').rule).toEqual(OPEN);
    expect(row(v, '被通报批评').ruleLabel).toBe('扣分项，每次扣2分，最多扣5分');
    expect(v.template?.total).toBe(100);

    // Four 通报批评 would be 8: the cap keeps it at 5. One 重大失误 takes its 10.
    await t.call('selfcheck.saveEntry', { indicatorId: row(v, '被通报批评').id, count: 4 });
    await t.call('selfcheck.saveEntry', { indicatorId: row(v, '重大失误').id, count: 1 });
    v = await rateRest(t, 2026);
    expect([row(v, '被通报批评').deducted, row(v, '重大失误').deducted]).toEqual([5, 10]);
    expect(v.total).toBe(100 - 5 - 10);

    // The 自查评分表: the 分值 column says how much the item can take, the 评分标准 the rule in words.
    await t.call('selfcheck.export', { kind: 'selfcheck-xlsx', year: 2026 });
    const xlsx = t.delivered.at(-1)!.data;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const header = (sheet.getRow(3).values as unknown[]).slice(1) as string[];
    const printed = (name: string) => {
      for (let r = 4; r <= sheet.rowCount; r++) {
        const cells = (sheet.getRow(r).values as unknown[]).slice(1);
        if (cells.includes(name)) return (h: string) => cells[header.indexOf(h)];
      }
      throw new Error(`评分表中没有“${name}”`);
    };
    expect(printed('被通报批评')('分值')).toBe('最多扣5');
    expect(printed('被通报批评')('评分标准')).toBe(
      '被上级通报批评的每次扣2分，最高扣5分。（扣分项，每次扣2分，最多扣5分）',
    );
    expect(printed('被通报批评')('扣分')).toBe(5);
    expect(printed('重大失误')('分值')).toBe('不设上限');

    // The 自查报告 names each as the 细则 does: only the uncapped one is 重大.
    await t.call('selfcheck.export', { kind: 'selfcheck-docx', year: 2026 });
    const doc = (await readDocx(t.delivered.at(-1)!.data)).document.replace(/<[^>]+>/g, '');
    expect(doc).toContain('另有扣分项“被通报批评”扣5分，重大扣分项“重大失误”扣10分。');
    // Each problem says what happened, not "未达到评分标准".
    expect(doc).toContain('1.扣分项—被通报批评：4次，扣8分；累计最多扣5分，计扣5分。');
    expect(doc).toContain('2.扣分项—重大失误：1次，扣10分。');

    // Read back from the exported 自查评分表: the same rules, no problem to fix.
    const back = await parseIndicatorsFile('自查评分表.xlsx', Buffer.from(xlsx));
    const leaves = back.indicators.flatMap((n) => n.children);
    expect(leaves.find((n) => n.name === '被通报批评')?.rule).toEqual(CAPPED);
    expect(leaves.find((n) => n.name === '重大失误')?.rule).toEqual(OPEN);
    expect(back.total).toBe(100);
  });
});
