// 上级要点 import speed: parse time per sample and per form (.txt, .docx with automatic numbering, .xlsx 分工表),
// and the CLI's whole-process time for parse-points against `pandoc -t plain` on the same .docx (when pandoc is
// installed). Goal (issue 3): no slower than pandoc while giving structure, not just text.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parsePointsFile } from '../../main/import/points';
import { buildDocx, buildXlsx, readSample, SAMPLE_NAMES } from '../unit/points/variants';
import { scoreRatio } from '../unit/points/score';
import { medianMs, printTable, type BenchSection } from './types';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

function processMs(cmd: string, args: string[], runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} 失败：${r.stderr}`);
    if (i > 0) times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export const pointsBench: BenchSection = {
  name: 'points',
  title: '上级要点导入',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-bench-points-'));
    try {
      const rows: (string | number)[][] = [['样例', '形式', '大小(KB)', '条目', '得分', '解析(ms，中位数)']];
      const docxFiles: string[] = [];
      for (const name of SAMPLE_NAMES) {
        const { text, expected } = readSample(name);
        const parsed = await parsePointsFile(`${name}.txt`, text);
        const doc = { title: parsed.title, docNumber: null, items: parsed.items };
        const forms: [string, string, Buffer][] = [
          ['.txt', `${name}.txt`, text],
          ['.docx 自动编号', `${name}.docx`, await buildDocx(doc, 'auto')],
          ['.docx 表格内', `${name}-table.docx`, await buildDocx(doc, 'table')],
          ['.xlsx 分工表', `${name}.xlsx`, await buildXlsx(doc)],
        ];
        for (const [form, fileName, data] of forms) {
          const result = await parsePointsFile(fileName, data);
          const ms = await medianMs(() => parsePointsFile(fileName, data), 20);
          rows.push([name, form, (data.length / 1024).toFixed(1), result.items.length, `${Math.round(scoreRatio(result.items, expected) * 100)}%`, ms.toFixed(2)]);
          if (form === '.docx 自动编号') {
            const file = path.join(dir, fileName);
            fs.writeFileSync(file, data);
            docxFiles.push(file);
          }
        }
      }
      printTable(rows);

      console.log('\n  整个进程耗时（启动 + 读取 + 输出，中位数，毫秒）：');
      const tsx = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
      const esbuildBin = path.join(ROOT, 'node_modules/.bin/esbuild');
      // Inside the project (.tmp is ignored) so the bundles find node_modules for the native SQLite driver.
      const tmp = path.join(ROOT, '.tmp');
      fs.mkdirSync(tmp, { recursive: true });
      const bundle = path.join(tmp, 'bench-cli.cjs');
      const whole = spawnSync(esbuildBin, ['main/cli.ts', '--bundle', '--platform=node', '--format=cjs', '--external:better-sqlite3',
        `--outfile=${bundle}`, '--log-level=error'], { cwd: ROOT });
      // parse-points alone: the reader and the CLI's JSON, libraries left in node_modules (what a lazily loading
      // command line would load for this one command).
      const slimEntry = path.join(tmp, 'bench-parse-points.ts');
      fs.writeFileSync(slimEntry, [
        "import fs from 'node:fs';", "import path from 'node:path';",
        "import { parsePointsFile } from '../main/import/points';", "import { pointsJson } from '../main/cli/points';",
        'const f = process.argv[2];',
        'parsePointsFile(path.basename(f), fs.readFileSync(f)).then((p) => process.stdout.write(pointsJson(p) + "\\n"));',
      ].join('\n'));
      const slim = path.join(tmp, 'bench-parse-points.cjs');
      const slimBuilt = spawnSync(esbuildBin, [slimEntry, '--bundle', '--platform=node', '--format=cjs', '--packages=external',
        `--outfile=${slim}`, '--log-level=error'], { cwd: ROOT });
      const hasPandoc = onPath('pandoc');
      const nodeBare = processMs(process.execPath, ['-e', '0']);
      const procRows: (string | number)[][] = [['文件', 'npm run cli (tsx)', '整体打包的 CLI', '仅 parse-points 打包', 'node 空启动', 'pandoc -t plain']];
      for (const file of docxFiles) {
        procRows.push([
          path.basename(file),
          processMs(process.execPath, [tsx, 'main/cli.ts', 'parse-points', file]).toFixed(0),
          whole.status === 0 ? processMs(process.execPath, [bundle, 'parse-points', file]).toFixed(0) : '（打包失败）',
          slimBuilt.status === 0 ? processMs(process.execPath, [slim, file]).toFixed(0) : '（打包失败）',
          nodeBare.toFixed(0),
          hasPandoc ? processMs('pandoc', ['-t', 'plain', file]).toFixed(0) : '（未安装）',
        ]);
      }
      printTable(procRows);
      if (!hasPandoc) console.log('  pandoc 不在 PATH 上，未做对比（安装后重跑：apt-get install pandoc）。');
      console.log('  说明：tsx 每次启动要转译并加载全部 TypeScript（含其他功能区的命令和数据库层）；整体打包后仍加载全部功能区；');
      console.log('  “仅 parse-points”是命令行按需加载时这一命令的实际开销。pandoc 是原生程序，Node 空启动本身就占了大部分时间。');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
