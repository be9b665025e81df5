// Thin, clean and late years of the example data (the 总结 drafted from the records, no saved draft): the sentences
// the office head signs, read back from the exported .docx, and the 核对 of a 总结 nobody has opened yet.
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../main/services/demo';
import { disclosureExporters } from '../../../main/services/disclosure/exports';
import { summaryDocx } from '../../../main/services/summary/exports';
import { collectFigures } from '../../../main/services/summary/summaries';
import { readDocx } from '../export/read-docx';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import type { SummaryKind } from '../../../shared/domain/summary';

let t: TestWorkstation | null = null;
afterEach(() => {
  t?.cleanup();
  t = null;
});

const plain = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');

/** The example data made on 8 December 2026, changed with SQL as the prober did, with no saved 总结. */
async function exampleYear(...sql: string[]): Promise<TestWorkstation> {
  t = await openTestWorkstation({ year: 2026, now: () => new Date('2026-12-08T10:00:00') });
  await loadDemo(t.ws.context());
  const raw = t.ws.context().raw;
  raw.prepare('DELETE FROM summary').run();
  for (const s of sql) raw.prepare(s).run();
  return t;
}

async function summaryText(w: TestWorkstation, year: number, kind: SummaryKind = '年度'): Promise<string> {
  const { data } = await summaryDocx(w.ws.context(), year, kind, async () => null);
  return plain((await readDocx(data)).document);
}

async function reportText(w: TestWorkstation, year: number): Promise<string> {
  const out = await disclosureExporters['annual-report-docx'].build(w.ws.context(), { year });
  return plain((await readDocx(out.data)).document);
}

/** The prober's 2025 shapes: every 2025 task done by its deadline, every 2025 整改 item closed. */
const ON_TIME_2025 = [
  "UPDATE plan_task SET status='已完成', completed_on = COALESCE(deadline_date, '2025-12-10') WHERE plan_id=(SELECT id FROM plan WHERE year=2025) AND status IN ('进行中','未开始')",
  'UPDATE plan_task SET completed_on = deadline_date WHERE plan_id=(SELECT id FROM plan WHERE year=2025) AND completed_on > deadline_date',
  "UPDATE rectification SET state='已销号', completed_on='2025-12-10', closed_on='2025-12-12', closed_by='林建华' WHERE year=2025",
];

describe('applications of a year with one', () => {
  it('one received in late December and open on 31 December is the one carried, not "另有1件"', async () => {
    const w = await exampleYear('DELETE FROM request WHERE id = 1');
    const text = await summaryText(w, 2025);
    expect(text).toContain('全年新收政府信息公开申请1件，截至12月31日尚在办理，结转下年度继续办理。');
    expect(text).not.toContain('另有');
  });

  it('one answered is said with its result, not "其中予以公开1件", in the 年报 and the 总结', async () => {
    const w = await exampleYear('DELETE FROM request WHERE id = 2');
    expect(await reportText(w, 2025)).toContain('新收政府信息公开申请1件，办结1件，办理结果为予以公开。');
    expect(await summaryText(w, 2025)).toContain('办结1件，办理结果为予以公开，在法定期限内答复。');
  });

  it('one answered late: no second 其中', async () => {
    const w = await exampleYear(
      'DELETE FROM request WHERE id = 2',
      "UPDATE request SET answered_date = '2025-07-30' WHERE id = 1",
    );
    const text = await summaryText(w, 2025);
    expect(text).toContain('办结1件，办理结果为予以公开，超过法定期限答复。');
    const requests = text.split('\n').find((l) => l.includes('依法保障群众知情权'))!;
    expect(requests).not.toMatch(/其中[^。]*其中/);
  });

  it('a draft year with none says 今年以来 in （二） and 六', async () => {
    const w = await exampleYear('DELETE FROM review', 'DELETE FROM request');
    const text = await reportText(w, 2026);
    expect(text).toContain('今年以来，本单位未收到政府信息公开申请。');
    expect(text).toContain('今年以来未收取信息处理费');
    expect(text).not.toContain('2026年，本单位未收到');
  });
});

describe('problems written when the records show few', () => {
  it('never contradict the records: no 工作力量薄弱 beside A岗、B岗均已配齐 and the training requirement met', async () => {
    const w = await exampleYear(...ON_TIME_2025);
    const text = await summaryText(w, 2025);
    expect(text).toContain('A岗、B岗均已配齐');
    expect(text).not.toContain('工作力量还比较薄弱');
    expect(text).not.toContain('业务能力与新形势新要求相比还有差距');
    expect(text).toContain('方面还需进一步提升');
    expect(await reportText(w, 2025)).not.toContain('实用性有待提高');
  });
});

describe('a 总结 quoting a progress note the register contradicts', () => {
  it('is found by the 核对 before the 总结 is ever saved, and the note is printed as the office wrote it', async () => {
    const w = await exampleYear(
      "DELETE FROM publication WHERE interpretation = 1 AND published_date >= '2026-01-01'",
      "UPDATE publication SET normative = 0 WHERE published_date >= '2026-01-01'",
      'UPDATE disclosure_year_input SET norm_issued = 0 WHERE year = 2026',
    );
    const found = (await w.call('yearcheck.findings', { year: 2026 })).findings.filter((f) =>
      f.documents.includes('年度工作总结'),
    );
    expect(found.map((f) => f.kind)).toContain('claim-contradicted');
    expect(found.find((f) => f.message.includes('“同步发布”'))?.message).toContain(
      '信息发布登记中本年度没有发布政策解读，年度报告表二本年制发行政规范性文件0件',
    );
    // The 核对 drafted nothing into the file.
    expect(await w.call('summary.get', { year: 2026, kind: '年度' })).toBeNull();
    expect(await summaryText(w, 2026)).toContain('《科技特派员管理办法》公开当日同步发布解读');
  });
});

describe('due on the last day of the period', () => {
  it('is not overdue on it: a task and an 整改 item due 31 December 2025 are not counted 已超过完成时限 for 2025', async () => {
    // The example 2025: tasks 5 and 7 due in October and November and task 8 due 31 December, none done; 整改 item 4
    // due 31 December, still 整改中.
    const w = await exampleYear();
    const f = await collectFigures(w.ws.context(), 2025);
    expect(f['plan.overdue'].value).toBe(2);
    expect(f['rectification.overdue'].value).toBe(0);
    const text = await summaryText(w, 2025);
    expect(text).toContain('2项任务已超过完成时限仍未完成');
    expect(text).not.toMatch(/整改事项已超过整改时限/);
  });
});

describe('the 上半年总结 of a plan on schedule', () => {
  it('says nothing is overdue when the one task due by 30 June was done, not 部分任务进度滞后 or 完成率偏低', async () => {
    const w = await exampleYear(...ON_TIME_2025);
    const text = await summaryText(w, 2025, '半年');
    expect(text).toContain('完成率12.5%，其余任务均未超过完成时限。');
    expect(text).toContain('（二）有序推进重点任务落实。');
    expect(text).not.toMatch(/进度滞后|推进滞后|完成率偏低/);
  });
});

describe('publications without their 三审 records', () => {
  it('are a problem of the 总结 as of the 年报, from the same figure', async () => {
    const w = await exampleYear(
      "UPDATE publication SET reviewer = '', reviewed_date = NULL, approver = '', approved_date = NULL WHERE id IN (3, 9, 13)",
    );
    const f = await collectFigures(w.ws.context(), 2025);
    expect(f['disclosure.reviewIncomplete'].value).toBe(3);
    expect(await reportText(w, 2025)).toContain('3条信息未留存完整的拟稿、审核、签发记录');
    expect(await summaryText(w, 2025)).toContain('全年有3条信息未留存完整的拟稿、审核、签发记录。');
  });
});
