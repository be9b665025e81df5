// Builds every plan export into a folder, for scripts/render-exports.sh to render: from sample data, or with
// --db <file> --year YYYY from that database (e.g. after `npm run cli -- demo --db <file>`).
import fs from 'node:fs';
import path from 'node:path';
import {
  buildLedgerXlsx,
  buildPlanDocx,
  buildTaskTableDocx,
  buildTaskTableXlsx,
} from '../main/export/plan/plan-exports';
import { planExporters } from '../main/services/plan/exports';
import { Workstation } from '../main/services/workstation';
import { sampleLedger, samplePlan } from '../test/unit/export/sample-plan';

const [out = '.tmp/render', ...rest] = process.argv.slice(2);
const opt = (name: string) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? rest[i + 1] : undefined;
};
fs.mkdirSync(out, { recursive: true });
const kinds = ['plan-docx', 'tasks-docx', 'tasks-xlsx', 'ledger-xlsx'] as const;
const db = opt('db');
if (db) {
  const ws = new Workstation({
    dbPath: db,
    host: 'cli',
    autoBackup: false,
    files: { deliver: async (fileName) => ({ fileName, status: 'saved' }) },
  }).open();
  const year = Number(opt('year'));
  for (const k of kinds)
    fs.writeFileSync(
      path.join(out, `${k}.${k.split('-')[1]}`),
      (await planExporters[k].build(ws.context(), { year })).data,
    );
  ws.close();
} else {
  const plan = samplePlan(24);
  const built = [
    buildPlanDocx(plan),
    buildTaskTableDocx(plan),
    buildTaskTableXlsx(plan),
    buildLedgerXlsx(sampleLedger(12)),
  ];
  for (const [i, k] of kinds.entries()) fs.writeFileSync(path.join(out, `${k}.${k.split('-')[1]}`), await built[i]);
}
console.log(`已生成 ${kinds.length} 个文件到 ${out}`);
