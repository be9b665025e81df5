// AB岗设置表 read back (the table exported by 导出设置表（Excel）, or one kept with its columns): posts, their duties and
// their A and B holders, matched to the staff list by name (and 科室 when two people share a name). Like the staff
// import: a preview that names every problem by row, then an import that stores nothing unless every row is usable.
import { sql } from 'kysely';
import type { AbImportPreview, AbImportRow, AbRole } from '../../../shared/domain/ab';
import type { Upload } from '../../../shared/domain/files';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import type { AbSheetHolder } from '../../import/team/ab-xlsx';
import { runParser } from '../../import/worker/run';
import { nowText, recordAudit } from '../audit';
import { decodeUpload, refuseUnusableRows } from '../uploads';
import type { AppContext } from '../workstation';

/** An AB岗设置表 is a few KB; a larger file is not one. */
const MAX_AB_FILE_BYTES = 10 * 1024 * 1024;

interface PlannedHolder {
  role: AbRole;
  staffId: number;
  name: string;
}
interface PlannedRow {
  view: AbImportRow;
  postId: number | null;
  duties: string;
  /** Holders to set (roles vacant in the data file); a role already held by the same person is left as it is. */
  holders: PlannedHolder[];
}

const describeHolder = (h: AbSheetHolder) => `${h.name}${h.detail ? `（${h.detail}）` : ''}`;

async function analyse(ctx: AppContext, upload: Upload, startDate: string | null) {
  const data = decodeUpload(upload, MAX_AB_FILE_BYTES);
  const sheet = await runParser('ab-xlsx', upload.fileName, data, {});
  const staff = await ctx.db
    .selectFrom('staff as s')
    .leftJoin('department as d', 'd.id', 's.department_id')
    .select(['s.id', 's.name', 's.status', 's.title', 'd.name as department'])
    .execute();
  const posts = await ctx.db.selectFrom('ab_post').select(['id', 'name', 'active']).execute();
  const open = await ctx.db
    .selectFrom('ab_holding as h')
    .innerJoin('staff as s', 's.id', 'h.staff_id')
    .select(['h.post_id', 'h.role', 'h.staff_id', 's.name', 'h.start_date', 'h.end_date'])
    .where((eb) =>
      startDate === null
        ? eb('h.end_date', 'is', null)
        : eb.or([eb('h.end_date', 'is', null), eb('h.end_date', '>=', startDate)]),
    )
    .execute();

  const departments = new Set(staff.map((s) => s.department).filter((d): d is string => !!d));
  const titles = new Set(staff.map((s) => s.title).filter(Boolean));
  /** What may follow a name in a holder's cell: a 科室 and/or 职务 ("办公室科员", "政策法规科 科长"). */
  const isDetail = (rest: string) =>
    !!rest &&
    ([...departments].some((d) => rest.startsWith(d)) ||
      [...titles].some((t) => rest.endsWith(t)) ||
      /(科员|科长|主任|局长|书记|干部|职员|专员|股长|组长|办事员|联络员|管理员)$/.test(rest));

  /** The one person the table means, or why not. */
  const match = (h: AbSheetHolder, role: AbRole): { id: number; name: string } | string => {
    const names = h.name.split(/[、，,;；/]+|\s{2,}/).filter(Boolean);
    if (names.length > 1)
      return `${role}岗只能填一人，表中写了${names.length}人（${h.name}）：请只保留一人后重新导入（另一人可设为其他岗位的${role === 'A' ? 'B' : 'A'}岗）`;
    let name = h.name;
    let detail = h.detail;
    // "杨帆（办公室科员）": the name, and the 科室/职务 that picks between people of that name.
    const bracket = /^(.+?)\s*[（(](.*)[）)]$/.exec(name);
    if (bracket) {
      name = bracket[1].trim();
      detail = `${bracket[2].trim()} ${detail}`.trim();
    }
    let found = staff.filter((s) => s.name === name);
    if (found.length === 0) {
      // "刘雨婷 办公室科员" (its space lost as a spaced-out name's would be): a listed name, then a 科室/职务.
      const starts = staff.filter((s) => name.startsWith(s.name) && isDetail(name.slice(s.name.length).trim()));
      const longest = Math.max(0, ...starts.map((s) => s.name.length));
      if (longest) {
        detail = `${name.slice(longest).trim()} ${detail}`.trim();
        name = name.slice(0, longest);
        found = starts.filter((s) => s.name === name);
      }
    }
    if (found.length > 1) {
      const inDept = found.filter((s) => s.department && detail.includes(s.department));
      // "张伟（科员）": the 职务 tells them apart when the 科室 is not written.
      const byTitle = found.filter((s) => s.title && detail.includes(s.title));
      if (inDept.length === 1) found = inDept;
      else if (!inDept.length && byTitle.length === 1) found = byTitle;
    }
    if (found.length === 0) return `${role}岗人员“${name}”不在人员名单中，请先在“单位与人员”中添加或导入人员名单`;
    if (found.length > 1) {
      const depts = found.map((s) => s.department ?? '').filter(Boolean);
      return `人员名单中有 ${found.length} 位“${name}”${depts.length ? `（${depts.join('、')}）` : ''}，表中${detail ? `的“${detail}”` : '没有写科室，'}无法区分是哪一位：请在“${role}岗科室及职务”列写明科室，或写成“${name}（${depts[0] ?? '科室'}）”后重新导入`;
    }
    if (found[0].status === '离岗') return `${role}岗人员“${name}”已离岗，不能担任岗位`;
    return { id: found[0].id, name };
  };

  const seen = new Map<string, number>();
  const planned: PlannedRow[] = [];
  for (const r of sheet.rows) {
    const errors: string[] = [];
    const existing = posts.find((p) => p.name === r.post);
    if (existing && !existing.active) errors.push(`岗位“${r.post}”已停用，请先在AB岗页面启用它`);
    const earlier = seen.get(r.post);
    if (earlier !== undefined) errors.push(`与第 ${earlier} 行是同一个岗位`);
    else seen.set(r.post, r.row);
    const holders: PlannedHolder[] = [];
    for (const role of ['A', 'B'] as const) {
      const h = role === 'A' ? r.a : r.b;
      if (!h) continue;
      const m = match(h, role);
      if (typeof m === 'string') {
        errors.push(m);
        continue;
      }
      const held = existing ? open.filter((x) => x.post_id === existing.id && x.role === role) : [];
      if (held.some((x) => x.staff_id === m.id && x.end_date === null)) continue;
      const other = held.find((x) => x.end_date === null) ?? held[0];
      if (other) {
        errors.push(
          other.end_date === null
            ? `${role}岗现由${other.name}担任（${other.start_date} 起），表中为${m.name}：更换人员请在AB岗页面办理“人员变动”`
            : `${role}岗由${other.name}担任至 ${other.end_date}，任职开始日期应在此之后`,
        );
        continue;
      }
      holders.push({ role, staffId: m.id, name: m.name });
    }
    if (holders.length === 2 && holders[0].staffId === holders[1].staffId)
      errors.push(`A岗和B岗都是${holders[0].name}，同一岗位的A岗和B岗须由不同人员担任`);
    planned.push({
      view: {
        row: r.row,
        post: r.post,
        duties: r.duties,
        a: r.a ? describeHolder(r.a) : null,
        b: r.b ? describeHolder(r.b) : null,
        action: existing ? '已有岗位' : '新增岗位',
        errors,
      },
      postId: existing?.id ?? null,
      duties: r.duties,
      holders,
    });
  }
  for (const p of sheet.problems)
    planned.push({
      view: { row: p.row, post: '', duties: '', a: null, b: null, action: '新增岗位', errors: [p.message] },
      postId: null,
      duties: '',
      holders: [],
    });
  planned.sort((x, y) => x.view.row - y.view.row);
  const errorCount = planned.filter((p) => p.view.errors.length).length;
  const preview: AbImportPreview = {
    fileName: upload.fileName,
    sheetName: sheet.sheetName,
    asOf: sheet.asOf,
    rows: planned.map((p) => p.view),
    validCount: planned.length - errorCount,
    errorCount,
  };
  return { preview, planned };
}

/** Reads the table and says, row by row, what would be imported and what is wrong. Changes nothing. */
export async function previewAbImport(ctx: AppContext, upload: Upload): Promise<AbImportPreview> {
  const { preview } = await analyse(ctx, upload, null);
  if (!preview.rows.length)
    throw new AppError(ErrorCode.NO_ITEMS, `“${upload.fileName}”的表头下没有岗位。请确认选对了文件。`);
  return preview;
}

/**
 * Imports the table: new posts are added after the existing ones, an existing post takes the table's duties, and
 * every holder named holds the role from `startDate`. Checked again against the records as they are now; one
 * transaction, nothing stored unless every row is usable.
 */
export async function commitAbImport(
  ctx: AppContext,
  input: Upload & { startDate: string },
): Promise<{ posts: number; holders: number }> {
  const { preview, planned } = await analyse(ctx, input, input.startDate);
  refuseUnusableRows(preview.rows, '岗位');
  if (!planned.length) throw new AppError(ErrorCode.NO_ITEMS, `“${input.fileName}”的表头下没有岗位。`);
  let posts = 0;
  let holders = 0;
  await ctx.db.transaction().execute(async (trx) => {
    const max = await trx
      .selectFrom('ab_post')
      .select(sql<number>`coalesce(max(sort_order), 0)`.as('m'))
      .executeTakeFirstOrThrow();
    let order = max.m;
    const now = nowText(ctx);
    for (const p of planned) {
      let postId = p.postId;
      if (postId === null) {
        postId = (
          await trx
            .insertInto('ab_post')
            .values({ name: p.view.post, duties: p.duties, sort_order: ++order, active: 1, created_at: now })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
        posts++;
      } else if (p.duties) {
        await trx.updateTable('ab_post').set({ duties: p.duties }).where('id', '=', postId).execute();
      }
      for (const h of p.holders) {
        await trx
          .insertInto('ab_holding')
          .values({
            post_id: postId,
            role: h.role,
            staff_id: h.staffId,
            start_date: input.startDate,
            end_date: null,
            change_id: null,
            created_at: now,
          })
          .execute();
        holders++;
      }
      await recordAudit(trx, ctx, {
        entity: 'ab_post',
        entityId: postId,
        action: 'import',
        summary: `从“${input.fileName}”第 ${p.view.row} 行导入岗位“${p.view.post}”${p.holders.map((h) => `，${h.role}岗：${h.name}`).join('')}（${input.startDate} 起）`,
      });
    }
  });
  return { posts, holders };
}
