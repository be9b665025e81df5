// 上级要点 import speed: parse time per sample and per form (.txt, .docx with automatic numbering, .xlsx 分工表),
// and the CLI's whole-process time for parse-points against `pandoc -t plain` on the same .docx (when pandoc is
// installed). Goal (issue 3): no slower than pandoc while giving structure, not just text.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parsePointsFile } from '../../main/import/points';
import { runParser } from '../../main/import/worker/run';
import { buildDocx, buildXlsx, readSample, SAMPLE_NAMES } from '../unit/points/variants';
import { scoreRatio } from '../unit/points/score';
import { medianMs, printTable, type BenchSection } from './types';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

interface Contender {
  label: string;
  cmd: string;
  args: string[];
}

/**
 * Whole-process wall time and CPU time (user + system, from the kernel's child accounting) per contender, run in
 * turn (round-robin) so that load from other processes on a shared machine falls on all of them alike.
 */
function raceProcesses(contenders: Contender[], runs = 7): Map<string, { wall: number; cpu: number }> {
  const wall = new Map<string, number[]>(contenders.map((c) => [c.label, []]));
  const cpu = new Map<string, number[]>(contenders.map((c) => [c.label, []]));
  for (let i = 0; i < runs + 1; i++) {
    for (const c of contenders) {
      const t0 = process.hrtime.bigint();
      // Through /bin/sh so the child's CPU time can be read from `times` without a second process per run.
      const r = spawnSync('sh', ['-c', '"$@" >/dev/null; s=$?; times >&2; exit $s', 'sh', c.cmd, ...c.args], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.status !== 0) throw new Error(`${c.cmd} ${c.args.join(' ')} 失败：${r.stderr}`);
      if (i === 0) continue; // warm-up: file cache, tsx cache
      wall.get(c.label)!.push(ms);
      // `times` prints the shell's and then the children's user/system times, e.g. "0m0.412s 0m0.051s".
      const lines = r.stderr.trim().split('\n');
      const child = lines[lines.length - 1].match(/(\d+)m([\d.]+)s/g) ?? [];
      cpu.get(c.label)!.push(
        child.reduce((sum, t) => {
          const m = /(\d+)m([\d.]+)s/.exec(t)!;
          return sum + (Number(m[1]) * 60 + Number(m[2])) * 1000;
        }, 0),
      );
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return new Map(
    contenders.map((c) => [c.label, { wall: median(wall.get(c.label)!), cpu: median(cpu.get(c.label)!) }]),
  );
}

export const pointsBench: BenchSection = {
  name: 'points',
  title: '上级要点导入',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-bench-points-'));
    try {
      // 解析: the reader itself; 经读取进程: the same through runParser (a warm worker: copy in, result out), what
      // the app and the CLI do with every file.
      const rows: (string | number)[][] = [
        ['样例', '形式', '大小(KB)', '条目', '得分', '解析(ms，中位数)', '经读取进程(ms)'],
      ];
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
          const inWorker = await medianMs(() => runParser('points-file', fileName, data, {}), 10);
          rows.push([
            name,
            form,
            (data.length / 1024).toFixed(1),
            result.items.length,
            `${Math.round(scoreRatio(result.items, expected) * 100)}%`,
            ms.toFixed(2),
            inWorker.toFixed(2),
          ]);
          if (form === '.docx 自动编号') {
            const file = path.join(dir, fileName);
            fs.writeFileSync(file, data);
            docxFiles.push(file);
          }
        }
      }
      printTable(rows);

      // Issue 8: a pasted text of 300,000 characters (640 items) took 22-52 s to preview. The reading part:
      const filler =
        '坚持以人民为中心，围绕中心服务大局，进一步提升政务公开质量和实效，推动政务公开工作规范化标准化'.repeat(10);
      const lines = ['2023年某县政务公开工作要点（大批量）'];
      for (let s = 1; s <= 20; s++) {
        const cn = '一二三四五六七八九十';
        lines.push(`${s <= 10 ? cn[s - 1] : s < 20 ? `十${cn[s - 11]}` : '二十'}、第${s}部分重点任务`);
        for (let j = 1; j <= 32; j++) lines.push(`${j}.推进第${s}部分第${j}项工作。${filler}。（办公室负责）`);
      }
      const paste = Buffer.from(lines.join('\n'));
      const pasted = await runParser('points-text', '粘贴文本', paste, {});
      const pasteMs = await medianMs(() => runParser('points-text', '粘贴文本', paste, {}), 5);
      console.log(
        `\n  大段粘贴：${paste.toString('utf8').length} 字，${pasted.items.length} 条，识别 ${pasteMs.toFixed(0)} ms（读取进程内，中位数）。`,
      );
      console.log(
        '  界面上预览用虚拟滚动（只渲染可见的条目），打开一条不重绘整个列表；见 test/e2e/points-import.spec.ts。',
      );

      console.log('\n  整个进程耗时（启动 + 读取 + 输出；轮流运行，取中位数）：');
      const tsx = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
      const esbuildBin = path.join(ROOT, 'node_modules/.bin/esbuild');
      // Inside the project (.tmp is ignored) so the bundles find node_modules for the native SQLite driver.
      const tmp = path.join(ROOT, '.tmp');
      fs.mkdirSync(tmp, { recursive: true });
      // The whole CLI as one ESM bundle (no lazy chunks) and parse-points alone, each with the parser worker entry
      // beside it (every reader of a user's file runs in that worker: main/import/worker/run.ts).
      const worker = path.join(ROOT, 'main/import/worker/entry.ts');
      const banner =
        "--banner:js=import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);";
      const wholeDir = path.join(tmp, 'bench-cli');
      const whole = spawnSync(
        esbuildBin,
        [
          `cli=main/cli.ts`,
          `parse-worker=${worker}`,
          '--bundle',
          '--platform=node',
          '--format=esm',
          '--external:better-sqlite3',
          '--external:electron',
          `--outdir=${wholeDir}`,
          '--out-extension:.js=.mjs',
          banner,
          '--log-level=error',
        ],
        { cwd: ROOT },
      );
      const bundle = path.join(wholeDir, 'cli.mjs');
      // parse-points alone: the runner and the CLI's JSON, libraries left in node_modules (what a lazily loading
      // command line would load for this one command).
      const slimEntry = path.join(tmp, 'bench-parse-points.ts');
      fs.writeFileSync(
        slimEntry,
        [
          "import fs from 'node:fs';",
          "import path from 'node:path';",
          "import { runParser } from '../main/import/worker/run';",
          "import { pointsJson } from '../main/cli/points';",
          'const f = process.argv[2];',
          'runParser(\'points-file\', path.basename(f), fs.readFileSync(f), {}).then((p) => process.stdout.write(pointsJson(p) + "\\n"));',
        ].join('\n'),
      );
      const slimDir = path.join(tmp, 'bench-slim');
      const slimBuilt = spawnSync(
        esbuildBin,
        [
          `parse-points=${slimEntry}`,
          `parse-worker=${worker}`,
          '--bundle',
          '--platform=node',
          '--format=esm',
          '--packages=external',
          `--outdir=${slimDir}`,
          '--out-extension:.js=.mjs',
          '--log-level=error',
        ],
        { cwd: ROOT },
      );
      const slim = path.join(slimDir, 'parse-points.mjs');
      const hasPandoc = onPath('pandoc');
      const procRows: (string | number)[][] = [['文件', '方式', '墙钟(ms)', 'CPU(ms)']];
      for (const file of docxFiles) {
        const contenders: Contender[] = [
          {
            label: 'npm run cli（scripts/cli.mjs，缓存的分块打包）',
            cmd: process.execPath,
            args: [path.join(ROOT, 'scripts/cli.mjs'), 'parse-points', file],
          },
          { label: 'tsx 直接运行源码', cmd: process.execPath, args: [tsx, 'main/cli.ts', 'parse-points', file] },
          ...(whole.status === 0
            ? [{ label: '整体打包的 CLI', cmd: process.execPath, args: [bundle, 'parse-points', file] }]
            : []),
          ...(slimBuilt.status === 0
            ? [{ label: '仅 parse-points 打包', cmd: process.execPath, args: [slim, file] }]
            : []),
          { label: 'node 空启动（基线）', cmd: process.execPath, args: ['-e', '0'] },
          ...(hasPandoc ? [{ label: 'pandoc -t plain', cmd: 'pandoc', args: ['-t', 'plain', file] }] : []),
        ];
        for (const [label, t] of raceProcesses(contenders))
          procRows.push([path.basename(file), label, t.wall.toFixed(0), t.cpu.toFixed(0)]);
      }
      printTable(procRows);
      if (!hasPandoc) console.log('  pandoc 不在 PATH 上，未做对比（安装后重跑：apt-get install pandoc）。');
      console.log(
        '  说明：npm run cli 运行按功能区分块的缓存打包，只加载 parse-points 用到的代码；tsx 每次启动要转译全部 TypeScript；',
      );
      console.log('  “仅 parse-points”是这一命令的下限。pandoc 是原生程序，Node 空启动本身就占了大部分时间。');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
