import fs from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { SAMPLES_DIR, openTestWorkstation } from '../../helpers/workstation';

for (const sample of ['work-points-province-2020', 'county-plan-2023-scraped']) {
  it(`dump ${sample}`, async () => {
    const t = await openTestWorkstation({ year: 2026, now: () => new Date('2026-03-11T09:00:00') });
    for (const name of ['办公室', '政策法规科', '高新技术科', '科技教育科', '农村科技科']) await t.call('departments.create', { name });
    const text = fs.readFileSync(path.join(SAMPLES_DIR, `${sample}.txt`), 'utf8').replace(/20(20|23)年/g, '2026年');
    const source = { upload: null, pastedText: text };
    const preview = await t.call('points.preview', { source, year: 2026 });
    const doc = await t.call('points.save', { source, sourceKind: 'paste', replaceDocumentId: null, items: preview.parsed.items,
      meta: { title: preview.parsed.title || sample, docNumber: preview.parsed.docNumber, issuer: preview.parsed.issuer, issuedDate: preview.parsed.issuedDate, year: 2026 } });
    const maps = await t.call('plan.unitMappings', { documentIds: [doc.id] });
    const r = await t.call('plan.generate', { year: 2026, documentIds: [doc.id] });
    const plan = await t.call('plan.get', { year: 2026 });
    const tasks = await t.call('tasks.list', { year: 2026 });
    const out = [JSON.stringify(preview.parsed.title), preview.parsed.docNumber, JSON.stringify(maps.map((m) => [m.unit, m.departmentName])), JSON.stringify(r), JSON.stringify(plan, null, 1),
      ...tasks.map((x) => `${x.seq} [${x.sectionTitle}] ${x.title}\n   M: ${x.measures.slice(0, 120)}\n   L: ${x.lead.map((d) => d.name)} S: ${x.support.map((d) => d.name)} U: ${x.unmappedUnits} D: ${x.deadlineLabel} (${x.deadline.text})`)];
    fs.writeFileSync(`/tmp/doc14/${sample}.txt`, out.join('\n'));
    for (const kind of ['plan-docx', 'tasks-xlsx', 'tasks-docx', 'ledger-xlsx'] as const) {
      await t.call('plan.export', { kind, year: 2026 });
      const f = t.delivered[t.delivered.length - 1];
      fs.writeFileSync(`/tmp/doc14/${sample}-${kind}.${kind.endsWith('xlsx') ? 'xlsx' : 'docx'}`, f.data);
    }
    t.cleanup();
  }, 60000);
}
