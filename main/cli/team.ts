import path from 'node:path';
import { TEAM_EXPORT_KINDS, type TeamExportKind } from '../../shared/ipc/contracts/team';
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';
import { getSetting, SettingKey } from '../services/settings';
import { seedTeamDemo } from '../services/team/demo';
import { TEAM_EXPORTERS, type ExportArgs } from '../services/team/exports';
import { openCliWorkstation } from './workstation';
import { flag, type CliArgs, type CliCommand } from './types';

function intFlag(args: CliArgs, name: string, label: string): number | undefined {
  const v = flag(args, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new AppError(ErrorCode.VALIDATION, `--${name} 应为${label}（整数），收到“${v}”。`);
  return Number(v);
}

/** Runs one of this area's exporters for the CLI (`export <name> --db … --out …`). */
export async function runTeamExport(kind: TeamExportKind, args: CliArgs): Promise<number> {
  const exporter = TEAM_EXPORTERS[kind];
  const out = flag(args, 'out');
  if (!out) throw new AppError(ErrorCode.VALIDATION, '请用 --out 指定输出文件，例如 --out 培训台账.xlsx');
  const input: ExportArgs = { year: intFlag(args, 'year', '年度'), id: intFlag(args, 'id', '记录编号') };
  if (exporter.needs === 'id' && !input.id) throw new AppError(ErrorCode.VALIDATION, `导出“${exporter.summary}”需要 --id 指定记录编号。`);
  const ws = openCliWorkstation(args);
  try {
    if (!ws.ready) throw ws.failure!.error;
    const file = await exporter.run(ws.context(), input);
    const delivered = await ws.files.deliver(file.fileName, file.data);
    process.stdout.write(`已导出：${delivered.path ?? path.resolve(out)}\n`);
    return 0;
  } finally {
    ws.close();
  }
}

export const teamExportUsage = TEAM_EXPORT_KINDS.map((k) => `${k}：${TEAM_EXPORTERS[k].summary}`).join('；');

const exportCommand: CliCommand = {
  usage: `export <${TEAM_EXPORT_KINDS.join('|')}> --db <文件> [--year YYYY] [--id N] --out <文件>`,
  summary: '导出文档（AB岗设置表、备案表、交接清单、培训台账、签到表、培训记录）',
  async run(args) {
    const kind = args.positional[0];
    if (!kind || !(TEAM_EXPORT_KINDS as readonly string[]).includes(kind)) {
      throw new AppError(ErrorCode.VALIDATION, `请指定要导出的文档：${teamExportUsage}`);
    }
    return runTeamExport(kind as TeamExportKind, args);
  },
};

const demoTeamCommand: CliCommand = {
  usage: 'demo-team --db <文件> [--year YYYY]',
  summary: '填入政务公开队伍示例数据（AB岗人员、人员变动、不在岗、培训）',
  async run(args) {
    const ws = openCliWorkstation(args);
    try {
      if (!ws.ready) throw ws.failure!.error;
      const ctx = ws.context();
      const year = intFlag(args, 'year', '年度') ?? (Number(await getSetting(ctx, SettingKey.currentYear)) || ctx.now().getFullYear());
      const r = await seedTeamDemo(ctx, { year });
      process.stdout.write(`已填入示例：AB岗人员 ${r.holders} 人次，人员变动记录编号 ${r.changeId}，培训编号 ${r.trainingIds.join('、')}\n`);
      return 0;
    } finally {
      ws.close();
    }
  },
};

// `export` is the area's own command until the shared export registry lands; then these exporters join it.
export const teamCommands: Record<string, CliCommand> = { export: exportCommand, 'demo-team': demoTeamCommand };
