// Builds every plan export from sample data into a folder, for scripts/render-exports.sh to render.
// With --db <file> --year YYYY the exports come from that database instead (e.g. after `npm run cli -- demo`).
import fs from 'node:fs';
import path from 'node:path';
import { buildLedgerXlsx, buildPlanDocx, buildTaskTableDocx, buildTaskTableXlsx } from '../main/export/plan/plan-exports';
import { sampleLedger, samplePlan } from '../test/unit/export/sample-plan';

const out = process.argv[2] ?? '.tmp/render';
fs.mkdirSync(out, { recursive: true });
const plan = samplePlan(24);
const files: [string, Promise<Buffer>][] = [
  ['plan-docx.docx', buildPlanDocx(plan)],
  ['tasks-docx.docx', buildTaskTableDocx(plan)],
  ['tasks-xlsx.xlsx', buildTaskTableXlsx(plan)],
  ['ledger-xlsx.xlsx', buildLedgerXlsx(sampleLedger(12))],
];
for (const [name, p] of files) fs.writeFileSync(path.join(out, name), await p);
console.log(`已生成 ${files.length} 个文件到 ${out}`);
