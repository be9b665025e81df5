// 信息公开 commands: import-publications, import-requests (store the usable rows, name the others by row number)
// and annual-report (the report's figures; --json prints exactly one JSON object, the contract other tools read).
// The area's documents are in the shared export registry: `export annual-report-docx|annual-report-xlsx|request-*-docx`.
import fs from 'node:fs';
import path from 'node:path';
import { importRowPlace } from '../../shared/domain/disclosure';
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import {
  importPublications,
  NO_COLUMN_LABEL,
  yearsText,
  type ImportOutcome,
} from '../services/disclosure/publications';
import { annualReport } from '../services/disclosure/report';
import { importRequests } from '../services/disclosure/requests';
import type { AppContext } from '../services/workstation';
import { withContext, yearArg } from './workstation';
import type { CliArgs, CliCommand } from './types';

function withDb<T>(args: CliArgs, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  return withContext(args, fn, { requireDb: true });
}

function readUpload(args: CliArgs, what: string) {
  const file = args.positional[0];
  if (!file)
    throw new AppError(
      ErrorCode.VALIDATION,
      `请指定要导入的${what} .xlsx 文件，例如：import-${what === '信息发布登记' ? 'publications' : 'requests'} 登记表.xlsx --db 工作台.sqlite`,
    );
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch {
    throw new AppError(ErrorCode.FILE_READ_FAILED, `无法读取文件“${file}”：文件不存在或没有读取权限。`);
  }
  return { fileName: path.basename(file), dataBase64: data.toString('base64') };
}

function rowsText(rows: { row: number; sheet?: string }[]): string {
  return rows.map(importRowPlace).join('、');
}

/**
 * The outcome as lines, under the sheet its row numbers are counted in (a workbook may have a 说明 sheet first); rows
 * from several sheets (one per month) name their own.
 */
function formatImportOutcome(o: ImportOutcome, unit: string): string {
  const lines = [
    o.sheets.length > 1
      ? `工作表${o.sheets.map((s) => `“${s}”`).join('')}（行号为所注工作表中的行号）`
      : `工作表“${o.sheet}”（行号为该工作表中的行号）`,
    `已导入 ${o.added.length} ${unit}：${rowsText(o.added)}`,
  ];
  if (o.byYear.length) lines.push(`按年度：${yearsText(o.byYear, unit)}`);
  if (o.newColumns.length) lines.push(`新增栏目：${o.newColumns.join('、')}`);
  lines.push(`跳过 ${o.skipped.length} ${unit}${o.skipped.length ? '：' : ''}`);
  for (const s of o.skipped) lines.push(`  ${importRowPlace(s)}：${s.reason}`);
  lines.push(`无法导入 ${o.refused.length} ${unit}${o.refused.length ? '：' : ''}`);
  for (const s of o.refused) lines.push(`  ${importRowPlace(s)}：${s.reason}`);
  return lines.join('\n') + '\n';
}

export const disclosureCommands: Record<string, CliCommand> = {
  'import-publications': {
    usage: 'import-publications <文件.xlsx> --db <文件> [--new-columns]',
    summary:
      '导入信息发布登记（网站导出或手工登记的 .xlsx；按“标题”“发布日期”等列名识别，重复的跳过；公开目录中没有的栏目须加 --new-columns 才按原名新建）',
    async run(args) {
      const upload = readUpload(args, '信息发布登记');
      const out = await withDb(args, async (ctx) => {
        const first = await importPublications(ctx, upload);
        if (!first.unknownColumns.length) return first;
        // The command line cannot ask: a 栏目 the 公开目录 does not know is created only when the user says so.
        const unknown = first.unknownColumns;
        if (args.flags['new-columns'] !== true || unknown.some((c) => !c.name))
          throw new AppError(
            ErrorCode.VALIDATION,
            `“${upload.fileName}”中有公开目录里没有的栏目：${unknown.map((c) => `${c.name || NO_COLUMN_LABEL}（${c.rows}条）`).join('、')}，没有导入任何记录。` +
              (unknown.some((c) => !c.name)
                ? '请在表格中补上栏目，或在工作台中导入以便对应到已有栏目。'
                : '请在工作台中导入以便对应到已有栏目，或加 --new-columns 按原名新建这些栏目。'),
          );
        return importPublications(
          ctx,
          upload,
          unknown.map((c) => ({ name: c.name, columnId: null })),
        );
      });
      process.stdout.write(formatImportOutcome(out, '条'));
      return 0;
    },
  },
  'import-requests': {
    usage: 'import-requests <文件.xlsx> --db <文件>',
    summary: '导入依申请公开登记（按“收到日期”“申请人”“申请内容”“办理结果”等列名识别，重复的跳过）',
    async run(args) {
      const upload = readUpload(args, '依申请公开登记');
      const out = await withDb(args, (ctx) => importRequests(ctx, upload));
      process.stdout.write(formatImportOutcome(out, '件'));
      return 0;
    },
  },
  'annual-report': {
    usage: 'annual-report --db <文件> --year <年度> [--json]',
    summary: '计算政府信息公开工作年度报告的表二、表三、表四（--json 输出一个 JSON 对象）',
    async run(args) {
      const report = await withDb(args, async (ctx) => annualReport(ctx, await yearArg(ctx, args)));
      if (args.flags.json === true) {
        process.stdout.write(`${JSON.stringify(report)}\n`);
        return 0;
      }
      const a = report.active;
      const row = (k: string) => report.requests.rows.find((r) => r.key === k)!.values[6];
      const lines = [
        `${report.year}年政府信息公开工作年度报告`,
        `表二：规章 制发${a.rules.issued}/废止${a.rules.repealed}/现行有效${a.rules.inForce}；行政规范性文件 制发${a.normativeDocuments.issued}/废止${a.normativeDocuments.repealed}/现行有效${a.normativeDocuments.inForce}；行政许可${a.licensing}；行政处罚${a.punishment}；行政强制${a.enforcement}；行政事业性收费${a.feesWan}万元`,
        `表三：新收${row('一')}件，上年结转${row('二')}件，办结${row('三.七')}件，结转下年度${row('四')}件`,
        `表四：行政复议${report.reviews.values[4]}件，行政诉讼${report.reviews.values[9] + report.reviews.values[14]}件`,
        ...(report.problems.length
          ? ['需要注意：', ...report.problems.map((p) => `  ${p}`)]
          : ['勾稽关系检查：全部通过']),
      ];
      process.stdout.write(lines.join('\n') + '\n');
      return 0;
    },
  },
};
