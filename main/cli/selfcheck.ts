// 自查整改 on the command line. parse-indicators reads a 细则 without any database, Word or Excel library (the
// reader is plain XML over the safe zip reader), so other tools can call it per file; the rest load the services
// only when they run. Exports (selfcheck-xlsx, selfcheck-docx, rectification-xlsx, rectification-docx) go through
// the shared `export` command.
import fs from 'node:fs';
import path from 'node:path';
import { maxLabel, ratedLabel, type IndicatorOutput } from '../../shared/domain/selfcheck';
import { templateProblems, type ScoredNode } from '../../shared/domain/selfcheck-score';
import { toScoringNodes } from '../../shared/domain/selfcheck-tree';
import type { AppContext } from '../services/workstation';
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import { MAX_INDICATOR_FILE_BYTES } from '../import/selfcheck/limits';
import { runParser } from '../import/worker/run';
import { flag, type CliArgs, type CliCommand } from './types';

function readFile(args: CliArgs, usage: string): { fileName: string; data: Buffer } {
  const file = args.positional[0];
  if (!file) throw new AppError(ErrorCode.VALIDATION, `请指定要读取的考核细则文件，例如：${usage}`);
  const abs = path.resolve(file);
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch {
    throw new AppError(ErrorCode.NOT_FOUND, `找不到文件：${abs}。请检查路径和文件名。`);
  }
  if (!st.isFile())
    throw new AppError(ErrorCode.FILE_READ_FAILED, `“${file}”不是文件，请指定一个 .xlsx 或 .docx 文件。`);
  if (st.size > MAX_INDICATOR_FILE_BYTES) {
    throw new AppError(
      ErrorCode.FILE_TOO_LARGE,
      `文件“${path.basename(abs)}”有 ${(st.size / 1024 / 1024).toFixed(1)} MB，超过细则导入上限 ${MAX_INDICATOR_FILE_BYTES / 1024 / 1024} MB。`,
    );
  }
  try {
    return { fileName: path.basename(abs), data: fs.readFileSync(abs) };
  } catch (e) {
    throw new AppError(
      ErrorCode.FILE_READ_FAILED,
      `无法读取文件 ${abs}：${e instanceof Error ? e.message : String(e)}。`,
    );
  }
}

function yearFlag(args: CliArgs, required: boolean): number | undefined {
  const y = flag(args, 'year');
  if (y === undefined) {
    if (required) throw new AppError(ErrorCode.VALIDATION, '请用 --year 指定年度，例如 --year 2026');
    return undefined;
  }
  if (!/^\d{4}$/.test(y) || Number(y) < 2000 || Number(y) > 2100)
    throw new AppError(ErrorCode.VALIDATION, `年度“${y}”不对，应为 2000 到 2100 之间的四位数字，例如 --year 2026`);
  return Number(y);
}

/** The parse-indicators contract: exactly these keys, in this order. */
function indicatorJson(n: IndicatorOutput, level: number): unknown {
  return {
    level,
    name: n.name,
    points: n.points,
    weight: n.weight,
    criteria: n.criteria,
    rule: n.rule,
    children: n.children.map((c) => indicatorJson(c, level + 1)),
  };
}

/** The selfcheck --json contract's node: its five keys first, then `rated`/`leaves` (added: 已评 of the subtree). */
function scoredJson(n: ScoredNode): unknown {
  return {
    path: n.path,
    points: n.points,
    score: n.score,
    deducted: n.deducted,
    children: n.children.map(scoredJson),
    rated: n.ratedLeaves,
    leaves: n.leafCount,
  };
}

/** The database commands; loaded on use, so parse-indicators stays free of the database code. */
async function withDb<T>(args: CliArgs, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const { withContext } = await import('./workstation');
  return withContext(args, fn, { requireDb: true });
}

export const selfcheckCommands: Record<string, CliCommand> = {
  'parse-indicators': {
    usage: 'parse-indicators <文件>',
    summary: '读取考核评分细则（.xlsx/.docx 表格，或制表符分隔的 .txt），以 JSON 输出指标树；不读写数据',
    async run(args) {
      const { fileName, data } = readFile(args, 'parse-indicators 细则.xlsx');
      const p = await runParser('selfcheck-indicators', fileName, data, {});
      // What was left out or read as blank (hidden rows and columns, #REF!), then figures that contradict each other
      // (合计 against the rows, a parent against its items): said on stderr with the rows, as import-indicators says
      // them; stdout stays the contract's JSON.
      for (const w of p.warnings) process.stderr.write(`提示：${w}\n`);
      for (const q of templateProblems(toScoringNodes(p.indicators), p.total, p.places))
        process.stderr.write(`提示：${q.message}\n`);
      process.stdout.write(
        JSON.stringify({ title: p.title, total: p.total, indicators: p.indicators.map((n) => indicatorJson(n, 1)) }) +
          '\n',
      );
      return 0;
    },
  },
  'import-indicators': {
    usage: 'import-indicators <文件> --db <文件> --year <年度> [--replace]',
    summary: '导入考核评分细则作为该年度的自查模板（已有模板时需加 --replace 才替换）',
    async run(args) {
      const year = yearFlag(args, true)!;
      const { fileName, data } = readFile(args, 'import-indicators 细则.xlsx --db 数据.sqlite --year 2026');
      const parsed = await runParser('selfcheck-indicators', fileName, data, {});
      return withDb(args, async (ctx) => {
        const { saveTemplate, describeTree } = await import('../services/selfcheck/templates');
        const t = await saveTemplate(ctx, {
          year,
          title: parsed.title,
          total: parsed.total,
          indicators: parsed.indicators,
          source: 'import',
          upload: { fileName, dataBase64: data.toString('base64') },
          replace: args.flags.replace === true,
        });
        const { problems, levelSums } = describeTree(parsed.indicators, parsed.total, parsed.places);
        for (const w of parsed.warnings) process.stderr.write(`提示：${w}\n`);
        for (const p of problems) process.stderr.write(`提示：${p.message}\n`);
        process.stdout.write(
          `已导入${year}年考核细则“${t.title}”：满分${t.total}分，各级分值合计 ${levelSums.join(' / ')}。\n`,
        );
        return 0;
      });
    },
  },
  selfcheck: {
    usage: 'selfcheck --db <文件> --year <年度> [--json]',
    summary: '按该年度的考核细则和自评情况计算得分、扣分和等次',
    async run(args) {
      const year = yearFlag(args, true)!;
      return withDb(args, async (ctx) => {
        const { scoreYear } = await import('../services/selfcheck/scores');
        const s = await scoreYear(ctx, year);
        if (!s) throw new AppError(ErrorCode.NOT_FOUND, `${year}年还没有考核细则。请先用 import-indicators 导入细则。`);
        const r = s.result;
        if (args.flags.json === true) {
          // The contract's keys in their order (grade null while 未评完), then the added ones.
          process.stdout.write(
            JSON.stringify({
              template: s.template.title,
              total: r.total,
              maxTotal: r.maxTotal,
              grade: r.grade,
              vetoed: r.vetoed,
              indicators: r.indicators.map(scoredJson),
              rated: r.scoredLeaves,
              leaves: r.leaves,
              complete: r.complete,
              provisional: r.provisional,
              maxBase: r.maxBase,
              maxBonus: r.maxBonus,
            }) + '\n',
          );
        } else {
          const grade = r.grade === null ? '评完全部指标后确定' : `${r.grade}${r.provisional ? '（暂定）' : ''}`;
          const lines = [
            `${year}年度自查：${s.template.title}`,
            `${ratedLabel(r.scoredLeaves, r.leaves)}，${r.complete ? '自评总分' : '已评指标得分'} ${r.total} 分（满分 ${maxLabel(r.maxBase, r.maxBonus)} 分），等次：${grade}${r.vetoed ? `（单项否决：${r.vetoedBy.join('；')}）` : ''}`,
          ];
          for (const n of r.indicators)
            lines.push(
              `  ${n.path}：${n.score} / ${n.points}${n.deducted ? `，扣 ${n.deducted}` : ''}${n.ratedLeaves < n.leafCount ? `（${ratedLabel(n.ratedLeaves, n.leafCount)}）` : ''}`,
            );
          process.stdout.write(lines.join('\n') + '\n');
        }
        return 0;
      });
    },
  },
};
