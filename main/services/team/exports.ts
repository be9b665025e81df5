// The documents of the 政务公开队伍 area, by name. The same names are used by the UI (team.export) and the command
// line (`export <name>`), so each exporter is a plain function here that the export registry can list.
import type { TeamExportKind } from '../../../shared/ipc/contracts/team';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { buildAbDocx, buildAbXlsx, buildFilingDocx, buildHandoverDocx, type ChangeDocData } from '../../export/team/ab';
import { buildSignInDocx, buildTrainingLedgerXlsx, buildTrainingRecordDocx } from '../../export/team/training';
import { getBureau } from '../org/bureau';
import { getSetting, SettingKey } from '../settings';
import type { Exporter } from '../exports';
import type { AppContext } from '../workstation';
import { getChange, listPosts } from './ab';
import { getTeamSettings, todayOf } from './common';
import { getTraining, listTrainings, trainingRequirement } from './training';

export interface ExportArgs {
  year?: number;
  id?: number;
}

export interface ExportedFile {
  fileName: string;
  data: Buffer;
}

export interface TeamExporter {
  /** What it produces, for the CLI's usage text. */
  summary: string;
  /** Which of --year / --id it needs. */
  needs: 'none' | 'year' | 'id';
  run(ctx: AppContext, args: ExportArgs): Promise<ExportedFile>;
}

async function bureauName(ctx: AppContext): Promise<string> {
  const b = await getBureau(ctx);
  if (!b) throw new AppError(ErrorCode.NOT_READY, '尚未设置单位信息，请先完成首次设置。');
  return b.fullName;
}

async function yearOrCurrent(ctx: AppContext, year?: number): Promise<number> {
  return year ?? (Number(await getSetting(ctx, SettingKey.currentYear)) || ctx.now().getFullYear());
}

function needId(args: ExportArgs, what: string): number {
  if (!args.id) throw new AppError(ErrorCode.VALIDATION, `请指定${what}的编号（命令行用 --id N）。`);
  return args.id;
}

const safe = (s: string) => s.replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 60);

async function changeDoc(ctx: AppContext, id: number): Promise<ChangeDocData> {
  const change = await getChange(ctx, id);
  const staff = await ctx.db.selectFrom('staff as s').leftJoin('department as d', 'd.id', 's.department_id')
    .select(['s.id', 's.title', 's.phone', 'd.name as dept'])
    .where('s.id', 'in', [change.toStaffId, ...(change.fromStaffId ? [change.fromStaffId] : [])]).execute();
  const detail = (id: number | null) => {
    const s = staff.find((x) => x.id === id);
    return s ? [s.dept, s.title].filter(Boolean).join(' ') : '';
  };
  return {
    bureau: await bureauName(ctx), change, fromDetail: detail(change.fromStaffId), toDetail: detail(change.toStaffId),
    toPhone: staff.find((x) => x.id === change.toStaffId)?.phone ?? '', filingWorkingDays: (await getTeamSettings(ctx)).filingWorkingDays,
    date: todayOf(ctx),
  };
}

export const TEAM_EXPORTERS: Record<TeamExportKind, TeamExporter> = {
  'ab-xlsx': {
    summary: 'AB岗设置表（Excel）', needs: 'none',
    async run(ctx) {
      const bureau = await bureauName(ctx);
      return { fileName: `${safe(bureau)}政务公开AB岗设置表.xlsx`, data: await buildAbXlsx({ bureau, date: todayOf(ctx), posts: await listPosts(ctx) }) };
    },
  },
  'ab-docx': {
    summary: 'AB岗设置表（公文格式 Word）', needs: 'none',
    async run(ctx) {
      const bureau = await bureauName(ctx);
      return { fileName: `${safe(bureau)}政务公开AB岗设置表.docx`, data: await buildAbDocx({ bureau, date: todayOf(ctx), posts: await listPosts(ctx) }) };
    },
  },
  'filing-docx': {
    summary: '人员变动备案表（Word，--id 为变动记录编号）', needs: 'id',
    async run(ctx, args) {
      const d = await changeDoc(ctx, needId(args, '人员变动记录'));
      return { fileName: `人员变动备案表_${safe(d.change.postName)}_${d.change.changeDate}.docx`, data: await buildFilingDocx(d) };
    },
  },
  'handover-docx': {
    summary: '工作交接清单（Word，--id 为变动记录编号）', needs: 'id',
    async run(ctx, args) {
      const d = await changeDoc(ctx, needId(args, '人员变动记录'));
      return { fileName: `工作交接清单_${safe(d.change.postName)}_${d.change.changeDate}.docx`, data: await buildHandoverDocx(d) };
    },
  },
  'training-xlsx': {
    summary: '培训台账（Excel，--year 年度）', needs: 'year',
    async run(ctx, args) {
      const year = await yearOrCurrent(ctx, args.year);
      const bureau = await bureauName(ctx);
      const [trainings, requirement] = await Promise.all([listTrainings(ctx, { year }), trainingRequirement(ctx, year)]);
      return { fileName: `${year}年培训台账.xlsx`, data: await buildTrainingLedgerXlsx({ bureau, year, trainings, requirement }) };
    },
  },
  'signin-docx': {
    summary: '培训签到表（Word，--id 为培训编号）', needs: 'id',
    async run(ctx, args) {
      const training = await getTraining(ctx, needId(args, '培训'));
      return { fileName: `签到表_${safe(training.title)}_${training.date}.docx`, data: await buildSignInDocx({ bureau: await bureauName(ctx), training }) };
    },
  },
  'training-docx': {
    summary: '培训记录（Word，--id 为培训编号）', needs: 'id',
    async run(ctx, args) {
      const training = await getTraining(ctx, needId(args, '培训'));
      return { fileName: `培训记录_${safe(training.title)}_${training.date}.docx`, data: await buildTrainingRecordDocx({ bureau: await bureauName(ctx), training }) };
    },
  },
};

export async function exportTeamDocument(ctx: AppContext, kind: TeamExportKind, args: ExportArgs): Promise<ExportedFile> {
  return TEAM_EXPORTERS[kind].run(ctx, args);
}

/** The same exporters in the shared registry's shape (main/services/exports.ts), for `export <name>` on the CLI. */
export const teamExporters: Record<TeamExportKind, Exporter> = Object.fromEntries(
  Object.entries(TEAM_EXPORTERS).map(([name, e]) => [name, {
    label: e.summary,
    build: (ctx: AppContext, a: { year: number; id?: number }) => e.run(ctx, { year: a.year, id: a.id }),
  }]),
) as Record<TeamExportKind, Exporter>;
