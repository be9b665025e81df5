import { sql } from 'kysely';
import type { StaffImportPreview, StaffImportRow } from '../../../shared/domain/org';
import type { Upload } from '../../../shared/domain/files';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { buildStaffImportTemplate, type StaffSheetRow } from '../../import/staff-xlsx';
import { runParser } from '../../import/worker/run';
import type { DeliveredFile } from '../../../shared/domain/files';
import { diffRecords, nowText, recordAudit } from '../audit';
import { decodeUpload, refuseUnusableRows } from '../uploads';
import type { AppContext } from '../workstation';

/** Largest staff list accepted (a bureau's list is a few dozen KB). */
const MAX_STAFF_FILE_BYTES = 10 * 1024 * 1024;

const PHONE_CHARS = /^[0-9+\-()（） 转,，、/]*$/;
// One cell, one person: separators mean several names were typed into one cell.
const NAME_SEPARATORS = /[、，,;；/\n]/;

interface Analysis {
  preview: StaffImportPreview;
  /** Existing departments by name. */
  departments: Map<string, { id: number; active: boolean }>;
  /** The listed person each row marking someone 离岗 (`leaving`) stands for, by row number. */
  leavingIds: Map<number, number>;
}

/** The reasons a row cannot be used, in the order a person would fix them. */
function rowErrors(r: StaffSheetRow): string[] {
  const errors: string[] = [];
  if (!r.name) errors.push('缺少姓名');
  else if (r.name.length > 30) errors.push('姓名超过 30 个字');
  else if (NAME_SEPARATORS.test(r.name)) errors.push(`“${r.name}”像是多个人名，请每行只填一人`);
  else if (/[0-9０-９:：]/.test(r.name))
    errors.push(`姓名“${r.name}”含有数字或冒号，不像人名（是否为表尾的说明文字？）`);
  if (r.department.length > 40) errors.push('科室名称超过 40 个字');
  if (r.title.length > 40) errors.push('职务超过 40 个字');
  if (r.note.length > 500) errors.push('备注超过 500 个字');
  if (r.phone) {
    const digits = r.phone.replace(/\D/g, '');
    if (r.phone.length > 40) errors.push('电话超过 40 个字');
    else if (!PHONE_CHARS.test(r.phone)) errors.push(`电话“${r.phone}”格式不对：只能包含数字、空格、括号、“-”和“转”`);
    else if (digits.length < 3) errors.push(`电话“${r.phone}”位数太少`);
    else if (/^1\d+$/.test(r.phone) && r.phone.length >= 8 && r.phone.length !== 11)
      errors.push(`手机号“${r.phone}”应为 11 位，现为 ${r.phone.length} 位`);
  }
  return errors;
}

const personKey = (name: string, department: string) => `${name}\u0000${department}`;

/**
 * What a 科室 cell may carry before the 科室's own name: the bureau's name (full, short, without the county), 本局, 局
 * ("局办公室", "县科技局办公室", "檀溪县科学技术局办公室"). Longest first.
 */
function bureauPrefixes(b: { full_name: string; short_name: string; region: string } | undefined): string[] {
  const out = new Set<string>(['本局', '局']);
  for (const n of [b?.full_name ?? '', b?.short_name ?? ''].map((x) => x.replace(/\s/g, '')).filter(Boolean)) {
    out.add(n);
    const region = (b?.region ?? '').replace(/\s/g, '');
    if (region && n.startsWith(region)) out.add(n.slice(region.length));
    // 县科技局 → 科技局; 县科技局 → 檀溪县科技局
    const bare = n.replace(/^[县市区旗]/, '');
    out.add(bare);
    if (region && !n.startsWith(region)) out.add(region + bare);
  }
  return [...out].filter((x) => x.length > 0).sort((x, y) => y.length - x.length);
}

/** "甲、乙、丙等 12 人": a long list said by its first few. */
function someOf(items: string[], sep: string, most = 8): string {
  return items.length > most ? `${items.slice(0, most).join(sep)}等 ${items.length} 人` : items.join(sep);
}

async function analyse(ctx: AppContext, upload: Upload): Promise<Analysis> {
  const data = decodeUpload(upload, MAX_STAFF_FILE_BYTES);
  // In the parser worker (time and memory limits), like every reader of a user's file.
  const sheet = await runParser('staff-xlsx', upload.fileName, data, {});

  const deptRows = await ctx.db.selectFrom('department').select(['id', 'name', 'active']).execute();
  const departments = new Map(deptRows.map((d) => [d.name, { id: d.id, active: d.active === 1 }]));
  const bureau = await ctx.db.selectFrom('bureau').select(['full_name', 'short_name', 'region']).executeTakeFirst();
  const prefixes = bureauPrefixes(bureau);
  /** The existing 科室 a cell names with the bureau's name or 局 before it ("局办公室" → 办公室), else the cell. */
  const readAs = new Map<string, string>();
  const resolve = (written: string): string => {
    if (!written || departments.has(written)) return written;
    for (const p of prefixes) {
      const rest = written.startsWith(p) ? written.slice(p.length) : '';
      if (rest && departments.has(rest)) {
        readAs.set(written, rest);
        return rest;
      }
    }
    return written;
  };
  const existing = await ctx.db
    .selectFrom('staff as s')
    .leftJoin('department as d', 'd.id', 's.department_id')
    .select(['s.id', 's.name', 's.status', 'd.name as department'])
    .execute();
  const existingByKey = new Map(existing.map((p) => [personKey(p.name, p.department ?? ''), p]));

  const seen = new Map<string, number>();
  const leavingIds = new Map<number, number>();
  const unknown: string[] = [];
  const rows: StaffImportRow[] = sheet.rows.map((sr) => {
    const r = { ...sr, department: resolve(sr.department) };
    const errors = rowErrors(r);
    let listed: (typeof existing)[number] | undefined;
    if (r.department && r.department.length <= 40) {
      const d = departments.get(r.department);
      if (!d) {
        if (!unknown.includes(r.department)) unknown.push(r.department);
      } else if (!d.active) {
        errors.push(`科室“${r.department}”已停用，请先在科室列表中启用，或改填其他科室`);
      }
    }
    if (r.name) {
      const key = personKey(r.name, r.department);
      const earlier = seen.get(key);
      if (earlier !== undefined) errors.push(`与第 ${earlier} 行重复（姓名和科室相同）`);
      else if (existingByKey.has(key)) listed = existingByKey.get(key);
      else seen.set(key, r.row);
    }
    // An updated 花名册 saying someone retired or left: the listed person becomes 离岗 (never the other way: coming
    // back is a decision the staff list makes, not a file).
    const leaving = listed?.status === '在岗' && r.status === '离岗';
    if (leaving) leavingIds.set(r.row, listed!.id);
    return { ...r, ...(listed && { existing: true }), ...(leaving && { leaving: true }), errors };
  });
  const notes: string[] = [];
  if (sheet.headings.length)
    notes.push(
      `${sheet.headings.map((h) => `第 ${h.row} 行“${h.text}”`).join('、')}是表中的分组标题，不是人员，不导入` +
        (rows.some((r) => r.statusReason?.startsWith('在“')) ? '；离退休、调离等标题下的人员按“离岗”导入' : ''),
    );
  for (const [from, to] of readAs) notes.push(`科室“${from}”按已有科室“${to}”读取`);
  const away = rows.filter((r) => r.statusReason && !r.existing);
  if (away.length)
    notes.push(
      `${away.length} 人按“离岗”导入（${someOf(
        away.map((r) => `第 ${r.row} 行${r.name}：${r.statusReason}`),
        '；',
      )}），导入后不能再被选为经办人、AB岗人员等`,
    );
  const leaving = rows.filter((r) => r.leaving);
  if (leaving.length)
    notes.push(
      `${leaving.length} 人已在人员名单中，状态将改为“离岗”（${someOf(
        leaving.map((r) => `第 ${r.row} 行${r.name}${r.statusReason ? `：${r.statusReason}` : ''}`),
        '；',
      )}）；其中仍担任AB岗或任务责任人的，导入后请到“AB岗”办理交接、在任务中更换责任人`,
    );
  const listed = rows.filter((r) => r.existing && !r.leaving);
  if (listed.length)
    notes.push(
      `已有，跳过 ${listed.length} 人：${someOf(
        listed.map((r) => r.name),
        '、',
      )}（人员名单中已有同一姓名和科室的人员，不重复导入；需要更改的请在人员列表中修改）`,
    );
  const errorCount = rows.filter((r) => r.errors.length > 0).length;
  return {
    preview: {
      fileName: upload.fileName,
      sheetName: sheet.sheetName,
      rows,
      unknownDepartments: unknown,
      notes,
      validCount: rows.length - errorCount,
      errorCount,
    },
    departments,
    leavingIds,
  };
}

/** Reads the file and says, row by row, what would be imported and what is wrong. Changes nothing. */
export async function previewStaffImport(ctx: AppContext, upload: Upload): Promise<StaffImportPreview> {
  return (await analyse(ctx, upload)).preview;
}

/**
 * Imports the staff list. The file is read and checked again (the records may have changed since the preview),
 * and nothing is stored unless every row is usable and every unknown 科室 was chosen for creation.
 * One transaction: the new 科室, the people and the audit entries commit together or not at all.
 */
export async function commitStaffImport(
  ctx: AppContext,
  input: Upload & { createDepartments: string[] },
): Promise<{ imported: number; createdDepartments: number; skipped: number; left: number }> {
  const { preview, departments, leavingIds } = await analyse(ctx, input);
  refuseUnusableRows(preview.rows, '人员');
  const toCreate = preview.unknownDepartments.filter((d) => input.createDepartments.includes(d));
  const missing = preview.unknownDepartments.filter((d) => !toCreate.includes(d));
  if (missing.length) {
    const rowsOf = (d: string) =>
      preview.rows
        .filter((r) => r.department === d)
        .map((r) => r.row)
        .join('、');
    throw new AppError(
      ErrorCode.IMPORT_ROWS_INVALID,
      `科室${missing.map((d) => `“${d}”`).join('、')}不存在，也没有选择新建，未导入任何人员。请勾选新建这些科室，或把表格中这些行（第 ${missing.map(rowsOf).join('、')} 行）改为已有科室。`,
    );
  }

  const fresh = preview.rows.filter((r) => !r.existing);
  const leaving = preview.rows.filter((r) => r.leaving);
  const skipped = preview.rows.length - fresh.length - leaving.length;
  if (fresh.length === 0 && leaving.length === 0)
    throw new AppError(
      ErrorCode.NO_ITEMS,
      `“${input.fileName}”中的 ${skipped} 人都已在人员名单中（姓名和科室相同），没有要导入的新人员。`,
    );
  await ctx.db.transaction().execute(async (trx) => {
    const ids = new Map([...departments].map(([name, d]) => [name, d.id]));
    const max = await trx
      .selectFrom('department')
      .select(sql<number>`coalesce(max(sort_order), 0)`.as('m'))
      .executeTakeFirstOrThrow();
    let order = max.m;
    for (const name of toCreate) {
      const d = await trx
        .insertInto('department')
        .values({ name, sort_order: ++order, active: 1, created_at: nowText(ctx) })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(name, d.id);
      await recordAudit(trx, ctx, {
        entity: 'department',
        entityId: d.id,
        action: 'create',
        summary: `导入人员时新增科室：${name}`,
      });
    }
    for (const r of leaving) {
      // By the id the row was matched to: by 姓名 and 科室 it would mark a namesake in the same 科室 too.
      const s = await trx
        .updateTable('staff')
        .set({ status: '离岗' })
        .where('id', '=', leavingIds.get(r.row)!)
        .where('status', '=', '在岗')
        .returning('id')
        .executeTakeFirst();
      if (!s) continue;
      // The trail says the 状态 changed, as an edit in the list does: from that day the person counts as gone.
      await recordAudit(trx, ctx, {
        entity: 'staff',
        entityId: s.id,
        action: 'update',
        summary: `从“${input.fileName}”第 ${r.row} 行改为离岗：${r.name}`,
        changes: diffRecords({ status: '在岗' }, { status: '离岗' }),
      });
    }
    for (const r of preview.rows) {
      if (r.existing) continue;
      const s = await trx
        .insertInto('staff')
        .values({
          name: r.name,
          department_id: r.department ? ids.get(r.department)! : null,
          title: r.title,
          phone: r.phone,
          status: r.status,
          note: r.note,
          created_at: nowText(ctx),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        entity: 'staff',
        entityId: s.id,
        action: 'import',
        summary: `从“${input.fileName}”第 ${r.row} 行导入：${r.name}`,
      });
    }
    await recordAudit(trx, ctx, {
      entity: 'staff',
      entityId: null,
      action: 'import',
      summary: `从“${input.fileName}”导入人员 ${fresh.length} 人${toCreate.length ? `，新增科室 ${toCreate.length} 个` : ''}${leaving.length ? `，${leaving.length} 人改为离岗` : ''}${skipped ? `，已有 ${skipped} 人跳过` : ''}`,
    });
  });
  return { imported: fresh.length, createdDepartments: toCreate.length, skipped, left: leaving.length };
}

/** The .xlsx template with the columns the import looks for. */
export async function deliverStaffImportTemplate(ctx: AppContext): Promise<DeliveredFile> {
  return ctx.files.deliver('人员名单导入模板.xlsx', await buildStaffImportTemplate());
}
