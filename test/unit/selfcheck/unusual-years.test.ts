// The example year changed the way an office's year can turn out (a 单项否决 triggered, no 整改 item registered while
// the self-check lost points, a self-check not fully rated, an 整改 item 销号 while its records still show the
// problem), and the 自查报告, 自查评分表, 整改情况报告, 年度工作总结 and the 年度核对 read back as the office head reads them.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../main/services/demo';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { docxParagraphs } from '../export/read-docx';

const YEAR = 2026;

/** Every cell's shown text of the first sheet, row by row. */
async function cells(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0].eachRow((r) => {
    const row: string[] = [];
    r.eachCell({ includeEmpty: false }, (c) => void row.push(c.text));
    out.push(row);
  });
  return out;
}

/** The example year on 8 December, with `sql` applied to it. */
async function yearWith(sql: string): Promise<TestWorkstation> {
  const t = await openTestWorkstation({ year: YEAR, now: () => new Date(`${YEAR}-12-08T10:00:00`) });
  await loadDemo(t.ws.context());
  t.ws.context().raw.exec(sql);
  return t;
}

/** An indicator of the year's 细则 by its name. */
const indicator = (name: string) =>
  `(SELECT i.id FROM sc_indicator i JOIN sc_template s ON s.id = i.template_id WHERE s.year = ${YEAR} AND i.name = '${name}')`;

async function exported(t: TestWorkstation, kind: string): Promise<Buffer> {
  if (kind === 'summary-docx') await t.call('summary.export', { year: YEAR, kind: '年度' });
  else await t.call('selfcheck.export', { kind: kind as 'selfcheck-docx', year: YEAR });
  return t.delivered[t.delivered.length - 1].data;
}

describe('a year whose 单项否决 was triggered', () => {
  let t: TestWorkstation;
  afterEach(() => t?.cleanup());
  const veto = `UPDATE sc_entry SET flag = 1, reason = '6月12日在门户网站发布的《科技特派员名单》泄露了特派员身份证号码',
    measure = '立即撤稿，开展保密审查专项整改' WHERE indicator_id = ${indicator('发生泄密或发布严重错误信息')};
    DELETE FROM summary_paragraph; DELETE FROM summary;`;

  it('the 自查报告 says the veto once, by the indicator name, and lists it as a problem without 扣0分', async () => {
    t = await yearWith(veto);
    const text = (await docxParagraphs(await exported(t, 'selfcheck-docx'))).join('\n');
    expect(text).toMatch(
      /自评总分97分（满分100分，另设加分5分）；因发生泄密或发布严重错误信息（单项否决），等次为“不合格”。/,
    );
    expect(text).not.toContain('因存在单项否决情形');
    expect(text).not.toContain('单项否决 / ');
    expect(text).toMatch(/\d\.单项否决—发生泄密或发布严重错误信息：6月12日.*身份证号码（触发单项否决）。/);
    expect(text).not.toContain('扣0分');
    const sheet = (await cells(await exported(t, 'selfcheck-xlsx'))).flat();
    expect(sheet.some((c) => c.includes('单项否决：发生泄密或发布严重错误信息'))).toBe(true);
    expect(sheet.some((c) => c.includes('单项否决 / '))).toBe(false);
  });

  it('the 年度工作总结 counts only the indicators that lost points and names the veto as the reason for the grade', async () => {
    t = await yearWith(veto);
    const text = (await docxParagraphs(await exported(t, 'summary-docx'))).join('\n');
    const figures = (await t.call('summary.get', { year: YEAR, kind: '年度' }))!.figures;
    expect(figures['selfcheck.deductedItems'].value).toBe(2);
    expect(text).toContain(
      '自评得分97分（满分100分，另设加分5分），2项指标失分，合计扣3分；因发生泄密或发布严重错误信息（单项否决），等次为“不合格”。',
    );
    expect(text).toContain(
      '发生单项否决情形。6月12日在门户网站发布的《科技特派员名单》泄露了特派员身份证号码，触发“发生泄密或发布严重错误信息”单项否决指标，自查等次为“不合格”。',
    );
    expect(text).toContain(
      '针对“发生泄密或发布严重错误信息”问题，立即撤稿，开展保密审查专项整改，杜绝类似问题再次发生。',
    );
  });
});

describe('a year whose self-check lost points while the 整改台账 has no item', () => {
  let t: TestWorkstation;
  afterEach(() => t?.cleanup());
  const none = `DELETE FROM rectification_evidence; DELETE FROM rectification_progress; DELETE FROM rectification;
    DELETE FROM summary_paragraph; DELETE FROM summary;`;

  it('年度核对 names each indicator that lost points with no 整改 item', async () => {
    t = await yearWith(none);
    const missing = (await t.call('yearcheck.findings', { year: YEAR })).findings.filter(
      (f) => f.kind === 'rectification-missing',
    );
    expect(missing.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^2026年度自查中“主动公开—公开时效与要素”扣1分（.*超过20个工作日才公开），整改台账中没有针对它的整改事项。请在整改台账中登记/,
      ),
      expect.stringMatching(
        /^2026年度自查中“监督保障—工作任务落实”扣2分（2项任务超过完成时限仍未完成），整改台账中没有针对它的整改事项。/,
      ),
    ]);
    expect(missing[0].documents).toEqual(['整改台账', '整改情况报告']);
    expect(missing[0].link).toBe('selfcheck/ledger/2026');
  });

  it('the 整改情况报告 reports the problems found as not yet registered, never that there is nothing to fix', async () => {
    t = await yearWith(none);
    const text = await docxParagraphs(await exported(t, 'rectification-docx'));
    expect(text).toContain(
      '2026年度政务公开自查中发现问题2个，整改台账中尚未登记相应的整改事项。现将整改情况报告如下。',
    );
    expect(text).toContain('（二）监督保障—工作任务落实：2项任务超过完成时限仍未完成。');
    expect(text.join('\n')).toMatch(
      /问题来源：2026年度自查（扣2分）。拟采取的整改措施：.*。整改状态：尚未登记整改台账。/,
    );
    expect(text.some((p) => p.startsWith('对自查发现、尚未登记整改台账的2个问题，'))).toBe(true);
    expect(text).not.toContain('无。');
    expect(text.join('\n')).not.toContain('暂未登记');
  });

  it('the example year, whose deductions each have an item, has none', async () => {
    t = await yearWith('SELECT 1;');
    const kinds = (await t.call('yearcheck.findings', { year: YEAR })).findings.map((f) => f.kind);
    expect(kinds).not.toContain('rectification-missing');
  });

  it('a triggered 单项否决 with no item is one too', async () => {
    t = await yearWith(
      `UPDATE sc_entry SET flag = 1, reason = '发布的名单泄露了身份证号码' WHERE indicator_id = ${indicator('发生泄密或发布严重错误信息')};`,
    );
    const missing = (await t.call('yearcheck.findings', { year: YEAR })).findings.filter(
      (f) => f.kind === 'rectification-missing',
    );
    expect(missing.map((f) => f.message)).toEqual([
      '2026年度自查中“单项否决—发生泄密或发布严重错误信息”触发单项否决（发布的名单泄露了身份证号码），整改台账中没有针对它的整改事项。请在整改台账中登记这个问题的整改事项（关联该指标），或核对自评。',
    ]);
  });
});

describe('a year whose self-check is not fully rated', () => {
  let t: TestWorkstation;
  afterEach(() => t?.cleanup());
  const partial = `UPDATE sc_entry SET rated = 0, score = NULL, occurrences = NULL, decision = NULL, reason = '', measure = ''
    WHERE indicator_id IN (${['政策文件', '政策解读', '培训', '保密审查', '工作任务落实', '发生泄密或发布严重错误信息'].map(indicator).join(', ')});
    DELETE FROM summary_paragraph; DELETE FROM summary;`;

  it('the 总结 prints no 自查扣分 or 扣分指标 as final, and the 评分表 says 已评 12/18 once in its 合计', async () => {
    t = await yearWith(partial);
    const summary = (await docxParagraphs(await exported(t, 'summary-docx'))).join('\n');
    expect(summary).not.toContain('自查扣分');
    expect(summary).not.toContain('扣分指标');
    const figures = (await t.call('summary.get', { year: YEAR, kind: '年度' }))!.figures;
    expect([figures['selfcheck.deducted'].value, figures['selfcheck.deductedItems'].value]).toEqual([null, null]);
    const report = await docxParagraphs(await exported(t, 'selfcheck-docx'));
    const total = report.find((p) => p.includes('等次：评完后确定'))!;
    expect(total).toBe('等次：评完后确定（已评 12/18）');
  });
});

describe('a year whose 整改 items are all 销号 while the records still show a problem', () => {
  let t: TestWorkstation;
  afterEach(() => t?.cleanup());
  const closedAll = `UPDATE rectification SET state = '已销号',
    completed_on = COALESCE(completed_on, CASE year WHEN 2025 THEN '2025-12-20' ELSE '2026-11-30' END),
    closed_on = COALESCE(closed_on, CASE year WHEN 2025 THEN '2025-12-28' ELSE '2026-12-04' END), closed_by = '周立新';
    DELETE FROM summary_paragraph; DELETE FROM summary;`;

  it('年度核对, the 整改情况报告 and the 总结 do not take the 销号 of overdue tasks as fixed', async () => {
    t = await yearWith(closedAll);
    const found = (await t.call('yearcheck.findings', { year: YEAR })).findings.filter(
      (f) => f.kind === 'claim-contradicted' && f.message.includes('2项任务超过完成时限仍未完成'),
    );
    expect(found.map((f) => f.message)).toEqual([
      '整改台账第3项“2项任务超过完成时限仍未完成”已于2026年12月4日销号，但2026年实施方案共22项任务，截至2026年12月8日已逾期2项（“开展行政规范性文件清理并公开现行有效文件目录”、“举办‘科技开放日’政府开放活动”），问题仍在。请核实后撤销销号、继续整改，或核对记录。',
    ]);
    // Only that item: the others' records (a late publication stays late) say nothing against their 销号.
    expect(
      (await t.call('yearcheck.findings', { year: YEAR })).findings.filter((f) => f.message.includes('问题仍在')),
    ).toHaveLength(1);
    const report = (await docxParagraphs(await exported(t, 'rectification-docx'))).join('\n');
    expect(report).toContain('已办结的问题中有1个的办结理由与记录不符，须重新核实');
    expect(report).toContain(
      '整改状态：台账记为2026年12月4日销号（复核人：周立新），其办结理由与记录不符，须重新核实。',
    );
    const summary = (await docxParagraphs(await exported(t, 'summary-docx'))).join('\n');
    expect(summary).toMatch(/“县级科技计划项目验收结果公示超期公开”等问题已整改到位/);
    expect(summary).not.toMatch(/“2项任务超过完成时限仍未完成”[^。]*已整改到位/);
  });
});
