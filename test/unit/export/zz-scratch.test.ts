import fs from 'node:fs';
import { it } from 'vitest';
import { buildLedgerXlsx, buildPlanDocx, buildTaskTableDocx, buildTaskTableXlsx } from '../../../main/export/plan/plan-exports';
import { sampleLedger, samplePlan } from './sample-plan';
it('dump', async () => {
  const p = samplePlan(24);
  fs.writeFileSync('/tmp/doc14/s-plan.docx', await buildPlanDocx({ ...p, issue: { head: true, sealed: true, note: '此件主动公开', imprintIssuer: '某县科学技术局办公室' } }));
  fs.writeFileSync('/tmp/doc14/s-plain.docx', await buildPlanDocx(p));
  fs.writeFileSync('/tmp/doc14/s-tasks.docx', await buildTaskTableDocx(p));
  fs.writeFileSync('/tmp/doc14/s-tasks.xlsx', await buildTaskTableXlsx(p));
  fs.writeFileSync('/tmp/doc14/s-ledger.xlsx', await buildLedgerXlsx(sampleLedger(30)));
});
