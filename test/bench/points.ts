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

      console.log('\n  整个进程耗时（启动 + 读取 + 输出，中位数）：');
      const tsx = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
      // Inside the project (.tmp is ignored) so the bundle finds node_modules for the native SQLite driver.
      fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
      const bundle = path.join(ROOT, '.tmp', 'bench-cli.cjs');
      const esbuild = spawnSync(path.join(ROOT, 'node_modules/.bin/esbuild'), ['main/cli.ts', '--bundle', '--platform=node',
        '--format=cjs', '--external:better-sqlite3', `--outfile=${bundle}`, '--log-level=error'], { cwd: ROOT });
      const hasPandoc = onPath('pandoc');
      const procRows: (string | number)[][] = [['文件', 'npm run cli (tsx)', '打包后的 CLI (node)', 'pandoc -t plain']];
      for (const file of docxFiles) {
        const viaTsx = processMs(process.execPath, [tsx, 'main/cli.ts', 'parse-points', file]);
        const viaBundle = esbuild.status === 0 ? processMs(process.execPath, [bundle, 'parse-points', file]).toFixed(0) : '（打包失败）';
        const viaPandoc = hasPandoc ? processMs('pandoc', ['-t', 'plain', file]).toFixed(0) : '（未安装）';
        procRows.push([path.basename(file), viaTsx.toFixed(0), viaBundle, viaPandoc]);
      }
      printTable(procRows);
      if (!hasPandoc) console.log('  pandoc 不在 PATH 上，未做对比（安装后重跑：apt-get install pandoc）。');
      console.log('  说明：tsx 每次启动要加载并转译全部 TypeScript（含其他功能区的命令），打包后只剩 Node 启动和解析本身。');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
