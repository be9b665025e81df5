// 培训台账 read in from Excel (the one 导出培训台账 makes, or one an office kept with the usual columns): each row becomes a
// training of the ledger, its 参训人员 and 缺席人员 matched to the staff list by name. Like the AB岗 import: a preview that
// says what each row becomes and names every problem by row, then an import that stores nothing unless every row is
// usable. A row whose date and 培训名称 the ledger already has is skipped, so importing the same file twice adds nothing.
import {
  trainingFormOf,
  trainingKindOf,
  hoursToTenths,
  type TrainingImportPreview,
  type TrainingImportRow,
} from '../../../shared/domain/training';
import { isAfter, todayOf } from '../../../shared/domain/dates';
import type { Upload } from '../../../shared/domain/files';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import type { TrainingSheetRow } from '../../import/team/training-xlsx';
import { runParser } from '../../import/worker/run';
import { nowText, recordAudit } from '../audit';
import { workingYear } from '../settings';
import { decodeUpload, refuseUnusableRows } from '../uploads';
import type { AppContext } from '../workstation';

/** A 培训台账 is tens of KB; a larger file is not one. */
const MAX_TRAINING_FILE_BYTES = 10 * 1024 * 1024;

/** Words that stand for a group, not a person ("全体干部职工", "各科室负责人"): nobody to match. */
const GROUP = /全体|各|人员|干部|职工|科室|股室|单位|班子|成员|同志|代表|负责人|联络员/;

interface PlannedRow {
  view: TrainingImportRow;
  sheet: TrainingSheetRow | null;
  attendees: { staffId: number; present: boolean }[];
}

async function analyse(ctx: AppContext, upload: Upload) {
  const data = decodeUpload(upload, MAX_TRAINING_FILE_BYTES);
  const sheet = await runParser('training-xlsx', upload.fileName, data, { year: await workingYear(ctx) });
  const staff = await ctx.db
    .selectFrom('staff as s')
    .leftJoin('department as d', 'd.id', 's.department_id')
    .select(['s.id', 's.name', 's.title', 'd.name as department'])
    .execute();
  const kept = new Set(
    (await ctx.db.selectFrom('training').select(['date', 'title']).execute()).map((t) => `${t.date}\n${t.title}`),
  );
  const today = todayOf(ctx);
  const seen = new Map<string, number>();

  const planned: PlannedRow[] = sheet.rows.map((r) => {
    const errors: string[] = [];
    const notes: string[] = [];
    const { kind, guessed: kindGuessed } = trainingKindOf(r.kind, r.title);
    if (kindGuessed) notes.push(r.kind ? `类别“${r.kind}”按“${kind}”导入` : `表中没有写类别，按培训名称记为“${kind}”`);
    const { form, guessed: formGuessed } = trainingFormOf(r.form);
    if (formGuessed) notes.push(r.form ? `形式“${r.form}”按“${form}”导入` : `表中没有写形式，记为“${form}”`);
    const future = isAfter(r.date, today);
    const status = /计划|未举办|待/.test(r.status) || (future && !r.status) ? '计划' : '已举办';
    if (status === '已举办' && future)
      errors.push(`培训日期 ${r.date} 晚于今天，状态却是“${r.status}”：请改为“计划”，举办后再改为“已举办”`);

    // The people: every name must be one person of the staff list; a group word is said, not matched.
    const attendees: { staffId: number; present: boolean }[] = [];
    const named = { present: [] as string[], absent: [] as string[] };
    /** "陈思远、杨帆等12人": the list names only some; the N when it says one. */
    let partial: { written: string; count: number | null } | null = null;
    const take = (names: string[], present: boolean) => {
      for (const written of names) {
        // "等12人" after the last name (or split off it by a space): the list is partial, the rest is its headcount.
        const etc = /^(.*?)等\s*(?:(\d+)\s*[人名位]?)?$/.exec(written) ?? /^()(\d+)\s*[人名位]$/.exec(written);
        if (etc && (etc[1] || etc[2])) {
          partial = { written, count: etc[2] ? Number(etc[2]) : (partial?.count ?? null) };
          if (!etc[1]) continue;
        }
        const bare = etc?.[1] || written;
        // "陈思远（办公室）": the name, and the 科室 (or 职务) that tells two people of that name apart.
        const bracket = /^(.+?)\s*\((.*)\)$/.exec(bare);
        const name = (bracket?.[1] ?? bare).trim();
        const hint = bracket?.[2].trim() ?? '';
        if (GROUP.test(name) || name.length > 6) {
          notes.push(`“${bare}”不是一个人的姓名，未计入参训人员：导入后请在培训中勾选参训人员`);
          continue;
        }
        let found = staff.filter((s) => s.name === name);
        if (found.length > 1 && hint) {
          const fits = found.filter(
            (s) => (s.department && (hint.includes(s.department) || s.department.includes(hint))) || s.title === hint,
          );
          if (fits.length) found = fits;
        }
        if (found.length === 0) {
          errors.push(
            `${present ? '参训' : '缺席'}人员“${name}”不在人员名单中，请先在“单位与人员”中添加或导入人员名单`,
          );
          continue;
        }
        if (found.length > 1) {
          const depts = found.map((s) => s.department ?? '').filter(Boolean);
          const example = depts[0] ? `“${name}（${depts[0]}）”` : `“${name}（科室）”`;
          errors.push(
            `人员名单中有 ${found.length} 位“${name}”${depts.length ? `（${depts.join('、')}）` : ''}，${hint ? `表中写的“${hint}”分不出` : ''}是哪一位：请在表中写成${example}的样子，写明科室，再重新导入`,
          );
          continue;
        }
        if (attendees.some((a) => a.staffId === found[0].id)) {
          errors.push(`“${name}”在参训人员和缺席人员中出现了两次`);
          continue;
        }
        attendees.push({ staffId: found[0].id, present });
        named[present ? 'present' : 'absent'].push(name);
      }
    };
    take(r.present ?? [], true);
    take(r.absent, false);
    // A sheet without a 参训人员 column is said once, above the rows (hasNames), not on every row.
    const etc = partial as { written: string; count: number | null } | null;
    if (etc) {
      const count = r.headcount ?? etc.count;
      notes.push(
        `名单“…${etc.written}”只列出了部分人员${count !== null ? `（共${count}人）` : ''}，导入其中的${named.present.length}人：导入后请在培训中补齐参训人员`,
      );
    } else if (r.present !== null && r.headcount !== null && r.headcount !== named.present.length)
      notes.push(`参训人数写${r.headcount}人，名单中可对上的有${named.present.length}人`);
    const people = [
      named.present.length ? `实到${named.present.length}人：${named.present.join('、')}` : '',
      named.absent.length ? `缺席：${named.absent.join('、')}` : '',
    ]
      .filter(Boolean)
      .join('；');

    const key = `${r.date}\n${r.title}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) errors.push(`与第 ${earlier} 行是同一次培训（日期和培训名称都相同）`);
    else seen.set(key, r.row);
    return {
      view: {
        row: r.row,
        date: r.date,
        title: r.title,
        kind,
        form,
        hours: r.hours,
        status,
        people:
          people ||
          (r.present !== null
            ? '（无）'
            : r.headcount !== null
              ? `（表中写${r.headcount}人，无名单）`
              : '（表中无名单）'),
        action: kept.has(key) ? '已在台账中' : '新增',
        notes,
        errors,
      },
      sheet: r,
      attendees,
    };
  });
  for (const p of sheet.problems)
    planned.push({
      view: {
        row: p.row,
        date: '',
        title: '',
        kind: '',
        form: '',
        hours: 0,
        status: '已举办',
        people: '',
        action: '新增',
        notes: [],
        errors: [p.column ? `“${p.column}”列：${p.message}` : p.message],
      },
      sheet: null,
      attendees: [],
    });
  planned.sort((x, y) => x.view.row - y.view.row);
  const errorCount = planned.filter((p) => p.view.errors.length).length;
  const preview: TrainingImportPreview = {
    fileName: upload.fileName,
    sheetName: sheet.sheetName,
    hasNames: sheet.hasNames,
    rows: planned.map((p) => p.view),
    newCount: planned.filter((p) => !p.view.errors.length && p.view.action === '新增').length,
    validCount: planned.length - errorCount,
    errorCount,
  };
  return { preview, planned };
}

/** Reads the ledger and says, row by row, what would be imported and what is wrong. Changes nothing. */
export async function previewTrainingImport(ctx: AppContext, upload: Upload): Promise<TrainingImportPreview> {
  const { preview } = await analyse(ctx, upload);
  if (!preview.rows.length)
    throw new AppError(ErrorCode.NO_ITEMS, `“${upload.fileName}”的表头下没有培训记录。请确认选对了文件。`);
  return preview;
}

/**
 * Imports the ledger's new trainings with their people, checked again against the records as they are now; one
 * transaction, nothing stored unless every row is usable.
 */
export async function commitTrainingImport(
  ctx: AppContext,
  upload: Upload,
): Promise<{ created: number; skipped: number }> {
  const { preview, planned } = await analyse(ctx, upload);
  refuseUnusableRows(preview.rows, '培训');
  if (!planned.length) throw new AppError(ErrorCode.NO_ITEMS, `“${upload.fileName}”的表头下没有培训记录。`);
  const fresh = planned.filter((p) => p.view.action === '新增');
  await ctx.db.transaction().execute(async (trx) => {
    const now = nowText(ctx);
    for (const p of fresh) {
      const r = p.sheet!;
      const { id } = await trx
        .insertInto('training')
        .values({
          date: r.date,
          title: r.title,
          kind: p.view.kind,
          form: p.view.form,
          status: p.view.status,
          organiser: r.organiser,
          trainer: r.trainer,
          place: r.place,
          hours_tenths: hoursToTenths(r.hours),
          summary: r.summary,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (p.attendees.length)
        await trx
          .insertInto('training_attendee')
          .values(p.attendees.map((a) => ({ training_id: id, staff_id: a.staffId, present: a.present ? 1 : 0 })))
          .execute();
      await recordAudit(trx, ctx, {
        entity: 'training',
        entityId: id,
        action: 'import',
        summary: `从“${upload.fileName}”第 ${r.row} 行导入培训：${r.date} ${r.title}（${p.attendees.length}人）`,
      });
    }
  });
  return { created: fresh.length, skipped: planned.length - fresh.length };
}
