// Thin, clean and late years of the example data (the 总结 drafted from the records, no saved draft): the sentences
// the office head signs, read back from the exported .docx, and the 核对 of a 总结 nobody has opened yet.
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../main/services/demo';
import { summaryDocx } from '../../../main/services/summary/exports';
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
