import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import type { ParsedPoints } from '../../shared/domain/points';
import { MAX_POINTS_FILE_BYTES } from '../import/points/limits';
import { runParser } from '../import/worker/run';
import { importErrors } from '../import/points/errors';
import { flag, type CliArgs, type CliCommand } from './types';

function yearFlag(args: CliArgs): number | undefined {
  const y = flag(args, 'year');
  if (args.flags.year === true) throw new AppError(ErrorCode.VALIDATION, '--year 后面要写年度，例如 --year 2021');
  if (y === undefined) return undefined;
  if (!/^\d{4}$/.test(y) || Number(y) < 2000 || Number(y) > 2100)
    throw new AppError(ErrorCode.VALIDATION, `年度“${y}”不对，应为 2000 到 2100 之间的四位数字，例如 --year 2021`);
  return Number(y);
}

/** Reads the file named on the command line, refusing a huge one before reading it. */
function readInputFile(args: CliArgs): { fileName: string; data: Buffer } {
  const file = args.positional[0];
  if (!file) throw new AppError(ErrorCode.VALIDATION, '请指定要读取的文件，例如：parse-points 要点.docx');
  const abs = path.resolve(file);
  let size: number;
  try {
    const st = fs.statSync(abs);
    if (!st.isFile())
      throw new AppError(ErrorCode.FILE_READ_FAILED, `“${file}”不是文件，请指定一个 .docx、.xlsx 或 .txt 文件。`);
    size = st.size;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(ErrorCode.NOT_FOUND, `找不到文件：${abs}。请检查路径和文件名。`);
  }
  const fileName = path.basename(abs);
  if (size > MAX_POINTS_FILE_BYTES) throw importErrors.tooLarge(fileName, size, MAX_POINTS_FILE_BYTES);
  try {
    return { fileName, data: fs.readFileSync(abs) };
  } catch (e) {
    throw new AppError(
      ErrorCode.FILE_READ_FAILED,
      `无法读取文件 ${abs}：${e instanceof Error ? e.message : String(e)}。请确认文件没有被其他程序独占打开。`,
    );
  }
}

/** The CLI contract: exactly these keys, in this order (other tools read it). */
/** @public The points bench calls it from generated code (test/bench/points.ts). */
export function pointsJson(p: ParsedPoints): string {
  return JSON.stringify({
    title: p.title,
    docNumber: p.docNumber,
    year: p.year,
    items: p.items.map((i) => ({
      level: i.level,
      label: i.label,
      title: i.title,
      text: i.text,
      lead: i.lead,
      support: i.support,
      deadline: i.deadline,
      deadlineText: i.deadlineText,
    })),
  });
}

export const pointsCommands: Record<string, CliCommand> = {
  'parse-points': {
    usage: 'parse-points <文件> [--year 年度]',
    summary: '读取工作要点（.docx/.xlsx/.txt），以 JSON 输出条目；不读写数据',
    async run(args) {
      const year = yearFlag(args);
      const { fileName, data } = readInputFile(args);
      // In the parser worker, like every reader of a user's file: a hostile file is stopped, not the command.
      const parsed = await runParser('points-file', fileName, data, { year });
      process.stdout.write(pointsJson(parsed) + '\n');
      return 0;
    },
  },
  'import-points': {
    usage: 'import-points <文件> --db <文件> [--year 年度] [--replace]',
    summary: '导入工作要点并保存原文件；已导入过同一文件时需加 --replace 才替换',
    async run(args) {
      const year = yearFlag(args);
      const { fileName, data } = readInputFile(args);
      // Loaded here, not at the top: parse-points must start fast and never load the database layer.
      const { openCliWorkstation } = await import('./workstation');
      const { parsePointsFileOrText, savePointsDocument } = await import('../services/points/documents');
      const ws = openCliWorkstation(args);
      if (!ws.ready) throw ws.failure!.error;
      try {
        const ctx = ws.context();
        const file = { fileName, data, pasted: false };
        // Same reading as the app: a document without a year takes the working year (setting app.currentYear).
        const parsed = await parsePointsFileOrText(ctx, file, year);
        const meta = {
          title: parsed.title || fileName.replace(/\.[^.]+$/, ''),
          docNumber: parsed.docNumber,
          issuer: parsed.issuer,
          issuedDate: parsed.issuedDate,
          year: parsed.year,
        };
        const input = { file, sourceKind: parsed.sourceKind, meta, items: parsed.items, replaceDocumentId: null };
        // One save call; when the same document exists it answers what replacing would change, and --replace agrees.
        let result = await savePointsDocument(ctx, input);
        const replace = result.status === 'confirmReplace' ? result.replace : null;
        if (replace) {
          if (args.flags.replace !== true) {
            throw new AppError(
              ErrorCode.CONFLICT,
              `已导入过同一文件“${replace.title}”（${replace.reason}）。替换将新增 ${replace.added} 条、删除 ${replace.removed} 条、修改 ${replace.changed} 条${replace.details.length ? '：\n  ' + replace.details.join('\n  ') : ''}\n确认替换请加 --replace 重新运行。`,
            );
          }
          result = await savePointsDocument(ctx, { ...input, replaceDocumentId: replace.documentId });
        }
        if (result.status !== 'saved')
          throw new AppError(ErrorCode.CONFLICT, '保存时又出现了另一份相同的上级文件，请重新运行。');
        const doc = result.document;
        for (const w of parsed.warnings) process.stderr.write(`提示：${w}\n`);
        process.stdout.write(
          `已${replace ? '替换' : '导入'}“${doc.title}”（${doc.year} 年）：${doc.itemCount} 条，其中 ${doc.withoutUnit} 条没有责任单位，${doc.withDeadline} 条有完成时限。\n`,
        );
        return 0;
      } finally {
        ws.close();
      }
    },
  },
};
