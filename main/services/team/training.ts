// 培训台账: trainings with attendees and attached materials/photos, and the yearly requirement.
import type { Transaction } from 'kysely';
import type { Upload } from '../../../shared/domain/files';
import {
  computeTrainingRequirement,
  hoursFromTenths,
  hoursToTenths,
  trainingInputSchema,
  type Training,
  type TrainingInput,
  type TrainingRequirement,
} from '../../../shared/domain/training';
import { isAfter, todayOf } from '../../../shared/domain/dates';
import { toDayNumber } from '../../../shared/domain/working-days';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import type { Database } from '../../db/schema';
import { storeAttachment } from '../attachments';
import { diffRecords, nowText, recordAudit } from '../audit';
import { decodeUpload } from '../uploads';
import type { AppContext } from '../workstation';
import { getTeamSettings } from './common';
import { validateInput } from '../validate';

/** Largest material or photo accepted for a training. */
const MAX_TRAINING_FILE_BYTES = 20 * 1024 * 1024;

export async function listTrainings(ctx: AppContext, filter: { year?: number; id?: number } = {}): Promise<Training[]> {
  let q = ctx.db.selectFrom('training').selectAll();
  if (filter.year !== undefined)
    q = q.where('date', '>=', `${filter.year}-01-01`).where('date', '<=', `${filter.year}-12-31`);
  if (filter.id !== undefined) q = q.where('id', '=', filter.id);
  const rows = await q.orderBy('date', 'desc').orderBy('id', 'desc').execute();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const attendees = await ctx.db
    .selectFrom('training_attendee as a')
    .innerJoin('staff as s', 's.id', 'a.staff_id')
    .leftJoin('department as d', 'd.id', 's.department_id')
    .select([
      'a.training_id',
      'a.staff_id',
      'a.present',
      's.name',
      's.title',
      's.status',
      'd.name as department_name',
      'd.sort_order',
    ])
    .where('a.training_id', 'in', ids)
    .orderBy('d.sort_order')
    .orderBy('s.id')
    .execute();
  const files = await ctx.db
    .selectFrom('training_file as f')
    .innerJoin('attachment as x', 'x.id', 'f.attachment_id')
    .select(['f.training_id', 'f.attachment_id', 'f.kind', 'x.file_name', 'x.size_bytes'])
    .where('f.training_id', 'in', ids)
    .orderBy('f.attachment_id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    title: r.title,
    kind: r.kind as Training['kind'],
    form: r.form as Training['form'],
    status: r.status,
    organiser: r.organiser,
    trainer: r.trainer,
    place: r.place,
    hours: hoursFromTenths(r.hours_tenths),
    summary: r.summary,
    attendees: attendees
      .filter((a) => a.training_id === r.id)
      .map((a) => ({
        staffId: a.staff_id,
        name: a.name,
        departmentName: a.department_name ?? null,
        title: a.title,
        staffStatus: a.status,
        present: a.present === 1,
      })),
    files: files
      .filter((f) => f.training_id === r.id)
      .map((f) => ({ attachmentId: f.attachment_id, fileName: f.file_name, sizeBytes: f.size_bytes, kind: f.kind })),
  }));
}

export async function getTraining(ctx: AppContext, id: number): Promise<Training> {
  const t = (await listTrainings(ctx, { id }))[0];
  if (!t) throw new AppError(ErrorCode.NOT_FOUND, `找不到编号为 ${id} 的培训记录，可能已被删除。`);
  return t;
}

/** Checks the input against the rules the schema cannot see (the calendar, today, who has left). */
async function validateTraining(
  ctx: AppContext,
  trx: Transaction<Database>,
  raw: TrainingInput,
  previousAttendees: Set<number>,
) {
  const input = validateInput(trainingInputSchema, raw);
  try {
    toDayNumber(input.date);
  } catch {
    throw new AppError(ErrorCode.VALIDATION, `培训日期“${input.date}”不是有效日期。`);
  }
  const today = todayOf(ctx);
  if (input.status === '已举办' && isAfter(input.date, today)) {
    throw new AppError(
      ErrorCode.VALIDATION,
      `培训日期 ${input.date} 晚于今天（${today}），不能标记为“已举办”。请改为“计划”，举办后再改为“已举办”。`,
    );
  }
  const ids = input.attendees.map((a) => a.staffId);
  const names = new Map<number, string>();
  if (new Set(ids).size !== ids.length) throw new AppError(ErrorCode.VALIDATION, '参训人员中有重复的人，请检查。');
  if (ids.length) {
    const staff = await trx.selectFrom('staff').select(['id', 'name', 'status']).where('id', 'in', ids).execute();
    const missing = ids.filter((id) => !staff.some((s) => s.id === id));
    if (missing.length) throw new AppError(ErrorCode.NOT_FOUND, '部分参训人员已不存在，请刷新后重选。');
    // People who left may stay on a training they attended earlier, but cannot be newly added.
    for (const s of staff) names.set(s.id, s.name);
    const left = staff.filter((s) => s.status === '离岗' && !previousAttendees.has(s.id)).map((s) => s.name);
    if (left.length)
      throw new AppError(ErrorCode.CONFLICT, `${left.join('、')}已离岗，不能添加为参训人员。请从名单中移除。`);
  }
  return { input, names };
}

function toRow(input: ReturnType<typeof trainingInputSchema.parse>) {
  return {
    date: input.date,
    title: input.title,
    kind: input.kind,
    form: input.form,
    status: input.status,
    organiser: input.organiser,
    trainer: input.trainer,
    place: input.place,
    hours_tenths: hoursToTenths(input.hours),
    summary: input.summary,
  };
}

export async function createTraining(ctx: AppContext, raw: TrainingInput): Promise<Training> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { input } = await validateTraining(ctx, trx, raw, new Set());
    const now = nowText(ctx);
    const r = await trx
      .insertInto('training')
      .values({ ...toRow(input), created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.attendees.length) {
      await trx
        .insertInto('training_attendee')
        .values(input.attendees.map((a) => ({ training_id: r.id, staff_id: a.staffId, present: a.present ? 1 : 0 })))
        .execute();
    }
    await recordAudit(trx, ctx, {
      entity: 'training',
      entityId: r.id,
      action: 'create',
      summary: `新增培训：${input.date} ${input.title}（${input.attendees.length}人）`,
    });
    return r.id;
  });
  return getTraining(ctx, id);
}

export async function updateTraining(ctx: AppContext, id: number, raw: TrainingInput): Promise<Training> {
  const before = await getTraining(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    const { input, names } = await validateTraining(ctx, trx, raw, new Set(before.attendees.map((a) => a.staffId)));
    await trx
      .updateTable('training')
      .set({ ...toRow(input), updated_at: nowText(ctx) })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('training_attendee').where('training_id', '=', id).execute();
    if (input.attendees.length) {
      await trx
        .insertInto('training_attendee')
        .values(input.attendees.map((a) => ({ training_id: id, staff_id: a.staffId, present: a.present ? 1 : 0 })))
        .execute();
    }
    const { attendees: _a, files: _f, id: _id, ...beforeFields } = before;
    const { attendees: _b, ...afterFields } = input;
    const changes = diffRecords(
      { ...beforeFields, attendees: before.attendees.map((a) => `${a.name}${a.present ? '' : '(缺席)'}`).join('、') },
      {
        ...afterFields,
        attendees: input.attendees
          .map((a) => `${names.get(a.staffId) ?? a.staffId}${a.present ? '' : '(缺席)'}`)
          .join('、'),
      },
    );
    await recordAudit(trx, ctx, {
      entity: 'training',
      entityId: id,
      action: 'update',
      summary: `修改培训：${input.date} ${input.title}`,
      changes,
    });
  });
  return getTraining(ctx, id);
}

export async function deleteTraining(ctx: AppContext, id: number): Promise<void> {
  const before = await getTraining(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    const fileIds = before.files.map((f) => f.attachmentId);
    await trx.deleteFrom('training').where('id', '=', id).execute();
    if (fileIds.length) await trx.deleteFrom('attachment').where('id', 'in', fileIds).execute();
    await recordAudit(trx, ctx, {
      entity: 'training',
      entityId: id,
      action: 'delete',
      summary: `删除培训：${before.date} ${before.title}`,
      changes: { record: { from: { ...before, files: before.files.map((f) => f.fileName) }, to: null } },
    });
  });
}

export async function addTrainingFile(
  ctx: AppContext,
  input: { trainingId: number; kind: '材料' | '照片'; upload: Upload },
): Promise<Training> {
  const t = await getTraining(ctx, input.trainingId);
  const data = decodeUpload(input.upload, MAX_TRAINING_FILE_BYTES);
  const mime = /\.(jpe?g)$/i.test(input.upload.fileName)
    ? 'image/jpeg'
    : /\.png$/i.test(input.upload.fileName)
      ? 'image/png'
      : 'application/octet-stream';
  await ctx.db.transaction().execute(async (trx) => {
    const attachmentId = await storeAttachment(trx, ctx, input.upload.fileName, data, mime);
    await trx
      .insertInto('training_file')
      .values({ training_id: t.id, attachment_id: attachmentId, kind: input.kind })
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'training',
      entityId: t.id,
      action: 'update',
      summary: `培训“${t.title}”添加${input.kind}：${input.upload.fileName}`,
    });
  });
  return getTraining(ctx, t.id);
}

export async function removeTrainingFile(
  ctx: AppContext,
  input: { trainingId: number; attachmentId: number },
): Promise<Training> {
  const t = await getTraining(ctx, input.trainingId);
  const f = t.files.find((x) => x.attachmentId === input.attachmentId);
  if (!f) throw new AppError(ErrorCode.NOT_FOUND, '该培训没有这个附件，请刷新后重试。');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('training_file')
      .where('training_id', '=', t.id)
      .where('attachment_id', '=', f.attachmentId)
      .execute();
    await trx.deleteFrom('attachment').where('id', '=', f.attachmentId).execute();
    await recordAudit(trx, ctx, {
      entity: 'training',
      entityId: t.id,
      action: 'update',
      summary: `培训“${t.title}”删除${f.kind}：${f.fileName}`,
    });
  });
  return getTraining(ctx, t.id);
}

/** The year's requirement and per-person hours: team members (current A/B holders) and everyone who attended. */
export async function trainingRequirement(ctx: AppContext, year: number): Promise<TrainingRequirement> {
  const [settings, trainings] = await Promise.all([getTeamSettings(ctx), listTrainings(ctx, { year })]);
  const team = await ctx.db
    .selectFrom('ab_holding as h')
    .innerJoin('ab_post as p', 'p.id', 'h.post_id')
    .select('h.staff_id')
    .where('h.end_date', 'is', null)
    .where('p.active', '=', 1)
    .distinct()
    .execute();
  const teamIds = new Set(team.map((t) => t.staff_id));
  const attendeeIds = new Set(trainings.flatMap((t) => t.attendees.map((a) => a.staffId)));
  const ids = [...new Set([...teamIds, ...attendeeIds])];
  const staff = ids.length
    ? await ctx.db
        .selectFrom('staff as s')
        .leftJoin('department as d', 'd.id', 's.department_id')
        .select(['s.id', 's.name', 'd.name as department_name', 'd.sort_order'])
        .where('s.id', 'in', ids)
        .orderBy('d.sort_order')
        .orderBy('s.id')
        .execute()
    : [];
  return computeTrainingRequirement({
    year,
    ended: todayOf(ctx) > `${year}-12-31`,
    settings,
    trainings: trainings.map((t) => ({
      kind: t.kind,
      status: t.status,
      hoursTenths: hoursToTenths(t.hours),
      attendees: t.attendees,
    })),
    people: staff.map((s) => ({
      staffId: s.id,
      name: s.name,
      departmentName: s.department_name ?? null,
      inTeam: teamIds.has(s.id),
    })),
  });
}
