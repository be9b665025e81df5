// Builds exports into a folder, for scripts/render-exports.sh to render: the plan's four from sample data, or with
// --db <file> --year YYYY every export of that database's year (e.g. after `npm run cli -- demo --db <file>`), the
// ones made per record (letters, 签到表, 备案表 …) once for each record they can be made for.
import fs from 'node:fs';
import path from 'node:path';
import {
  buildLedgerXlsx,
  buildPlanDocx,
  buildTaskTableDocx,
  buildTaskTableXlsx,
} from '../main/export/plan/plan-exports';
import { Workstation } from '../main/services/workstation';
import { sampleLedger, samplePlan } from '../test/unit/export/sample-plan';
import { areaServices } from '../main/areas';

const [out = '.tmp/render', ...rest] = process.argv.slice(2);
const opt = (name: string) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? rest[i + 1] : undefined;
};
fs.mkdirSync(out, { recursive: true });
const db = opt('db');
let count = 0;
const failed: string[] = [];
if (db) {
  const ws = new Workstation({
    dbPath: db,
    host: 'cli',
    autoBackup: false,
    // Without the areas the exports that read every area's figures (the 总结) cannot be built.
    areas: areaServices,
    files: { deliver: async (fileName) => ({ fileName, status: 'saved' }) },
  }).open();
  const ctx = ws.context();
  const year = Number(opt('year'));
  const ids = async (table: 'request' | 'training' | 'ab_change') =>
    (await ctx.db.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id);
  const perRecord: Record<string, () => Promise<number[]>> = {
    request: () => ids('request'),
    signin: () => ids('training'),
    training: () => ids('training'),
    filing: () => ids('ab_change'),
    handover: () => ids('ab_change'),
  };
  for (const [kind, e] of Object.entries(await areaServices.exporters())) {
    const ext = kind.split('-').pop();
    const records = kind.endsWith('-docx') ? perRecord[kind.split('-')[0]] : undefined;
    for (const id of records ? await records() : [undefined]) {
      try {
        const { data } = await e.build(ctx, { year, id });
        fs.writeFileSync(path.join(out, `${kind}${id ? `-${id}` : ''}.${ext}`), data);
        count++;
      } catch (err) {
        // A letter for a step the record does not have is refused, as on the screen; any other export that fails
        // is an error of the script (it must render every export), said and counted.
        if (!id) failed.push(`${kind}：${(err as Error).message}`);
      }
    }
  }
  ws.close();
} else {
  const plan = samplePlan(24);
  const built: [string, Promise<Buffer>][] = [
    ['plan-docx.docx', buildPlanDocx(plan)],
    ['tasks-docx.docx', buildTaskTableDocx(plan)],
    ['tasks-xlsx.xlsx', buildTaskTableXlsx(plan)],
    ['ledger-xlsx.xlsx', buildLedgerXlsx(sampleLedger(12))],
  ];
  for (const [name, data] of built) fs.writeFileSync(path.join(out, name), await data);
  count = built.length;
}
console.log(`已生成 ${count} 个文件到 ${out}`);
if (failed.length) {
  console.error(`以下导出未能生成：\n${failed.join('\n')}`);
  process.exit(1);
}
