// The documents of the 政务公开队伍 area, in the shared export registry's shape (main/services/exports.ts): the UI's
// team.export and the command line's `export <name>` both run them through runExport().
import type { TeamExportKind } from '../../../shared/ipc/contracts/team';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { buildAbDocx, buildAbXlsx, buildFilingDocx, buildHandoverDocx, type ChangeDocData } from '../../export/team/ab';
import { buildSignInDocx, buildTrainingLedgerXlsx, buildTrainingRecordDocx } from '../../export/team/training';
import { getBureau } from '../org/bureau';
import { workingYear } from '../settings';
import type { ExportArgs, Exporter } from '../exporter';
import type { AppContext } from '../workstation';
import { getChange, listPosts } from './ab';
import { getTeamSettings } from './common';
import { goneOn, leftStaff } from './left';
import { todayOf } from '../../../shared/domain/dates';
import { getTraining, listTrainings, trainingRequirement } from './training';

async function bureauName(ctx: AppContext): Promise<string> {
  const b = await getBureau(ctx);
  if (!b) throw new AppError(ErrorCode.NOT_READY, '尚未设置单位信息，请先完成首次设置。');
  return b.fullName;
}

/** The year an export is for: the one asked for, else the working year. */
export async function yearOrCurrent(ctx: AppContext, year?: number): Promise<number> {
  return year ?? (await workingYear(ctx));
}

function needId(args: ExportArgs, what: string): number {
  if (!args.id) throw new AppError(ErrorCode.VALIDATION, `请指定${what}的编号（命令行用 --id N）。`);
  return args.id;
}

const safe = (s: string) => s.replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 60);

async function changeDoc(ctx: AppContext, id: number): Promise<ChangeDocData> {
  const change = await getChange(ctx, id);
  const staff = await ctx.db
    .selectFrom('staff as s')
    .leftJoin('department as d', 'd.id', 's.department_id')
    .select(['s.id', 's.title', 's.phone', 'd.name as dept'])
    .where('s.id', 'in', [change.toStaffId, ...(change.fromStaffId ? [change.fromStaffId] : [])])
    .execute();
  const detail = (id: number | null) => {
    const s = staff.find((x) => x.id === id);
    return s ? [s.dept, s.title].filter(Boolean).join(' ') : '';
  };
  return {
    bureau: await bureauName(ctx),
    change,
    fromDetail: detail(change.fromStaffId),
    toDetail: detail(change.toStaffId),
    toPhone: staff.find((x) => x.id === change.toStaffId)?.phone ?? '',
    filingWorkingDays: (await getTeamSettings(ctx)).filingWorkingDays,
    date: todayOf(ctx),
  };
}

/** The AB岗设置表 in either format: the posts as they stand on --date (today unless given). */
function abTableExporter(label: string, ext: 'xlsx' | 'docx', build: typeof buildAbXlsx): Exporter {
  return {
    label,
    async build(ctx, args) {
      const bureau = await bureauName(ctx);
      const date = args.date ?? todayOf(ctx);
      const posts = await listPosts(ctx, { today: date });
      // Someone marked 离岗 by the date and never handed over is named as such, not certified as on duty.
      const left = await leftStaff(ctx);
      const gone = posts
        .flatMap((p) => [p.a, p.b])
        .filter((h) => h !== null && h.endDate === null && goneOn(left, h.staffId, date))
        .map((h) => h!.holdingId);
      return {
        fileName: `${safe(bureau)}政务公开AB岗设置表.${ext}`,
        data: await build({ bureau, date, posts, gone }),
      };
    },
  };
}

export const teamExporters: Record<TeamExportKind, Exporter> = {
  'ab-xlsx': abTableExporter('AB岗设置表（Excel，--date 截至日期）', 'xlsx', buildAbXlsx),
  'ab-docx': abTableExporter('AB岗设置表（公文格式 Word，--date 截至日期）', 'docx', buildAbDocx),
  'filing-docx': {
    label: '人员变动备案表（Word，--id 为变动记录编号）',
    async build(ctx, args) {
      const d = await changeDoc(ctx, needId(args, '人员变动记录'));
      return {
        fileName: `人员变动备案表_${safe(d.change.postName)}_${d.change.changeDate}.docx`,
        data: await buildFilingDocx(d),
      };
    },
  },
  'handover-docx': {
    label: '工作交接清单（Word，--id 为变动记录编号）',
    async build(ctx, args) {
      const d = await changeDoc(ctx, needId(args, '人员变动记录'));
      return {
        fileName: `工作交接清单_${safe(d.change.postName)}_${d.change.changeDate}.docx`,
        data: await buildHandoverDocx(d),
      };
    },
  },
  'training-xlsx': {
    label: '培训台账（Excel，--year 年度）',
    async build(ctx, args) {
      const year = args.year;
      const bureau = await bureauName(ctx);
      const [trainings, requirement] = await Promise.all([
        listTrainings(ctx, { year }),
        trainingRequirement(ctx, year),
      ]);
      return {
        fileName: `${year}年培训台账.xlsx`,
        data: await buildTrainingLedgerXlsx({ bureau, year, trainings, requirement }),
      };
    },
  },
  'signin-docx': {
    label: '培训签到表（Word，--id 为培训编号）',
    async build(ctx, args) {
      const training = await getTraining(ctx, needId(args, '培训'));
      return {
        fileName: `签到表_${safe(training.title)}_${training.date}.docx`,
        data: await buildSignInDocx({ bureau: await bureauName(ctx), training }),
      };
    },
  },
  'training-docx': {
    label: '培训记录（Word，--id 为培训编号）',
    async build(ctx, args) {
      const training = await getTraining(ctx, needId(args, '培训'));
      return {
        fileName: `培训记录_${safe(training.title)}_${training.date}.docx`,
        data: await buildTrainingRecordDocx({ bureau: await bureauName(ctx), training }),
      };
    },
  },
};
