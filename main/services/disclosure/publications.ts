// 信息发布登记: the bureau's 公开目录 (栏目), the items it published with their 三审 record, counts by 栏目/渠道/month,
// and the import from the website's export.
import type { Selectable, Transaction } from 'kysely';
import {
  DEFAULT_CHANNELS,
  PUBLISH_LIMIT_WORKING_DAYS,
  publicationInputSchema,
  publicationProblem,
  type Publication,
  type PublicationColumn,
  type PublicationInput,
  type PublicationValues,
} from '../../../shared/domain/disclosure';
import type { Upload } from '../../../shared/domain/files';
import { countWorkingDays } from '../../../shared/domain/working-days';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import type { Database } from '../../db/schema';
import { runParser } from '../../import/worker/run';
import { diffRecords, nowText, recordAudit } from '../audit';
import { loadCalendar } from '../calendar';
import { decodeUpload } from '../uploads';
import { validateInput } from '../validate';
import type { AppContext } from '../workstation';
import { constraintError, yearRange } from './common';

export async function listColumns(ctx: AppContext, includeInactive = true): Promise<PublicationColumn[]> {
  const rows = await ctx.db
    .selectFrom('publication_column as c')
    .select([
      'c.id',
      'c.name',
      'c.sort_order',
      'c.active',
      (eb) =>
        eb
          .selectFrom('publication as p')
          .whereRef('p.column_id', '=', 'c.id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('count'),
    ])
    .orderBy('c.sort_order')
    .orderBy('c.id')
    .execute();
  return rows
    .filter((r) => includeInactive || r.active === 1)
    .map((r) => ({
      id: r.id,
      name: r.name,
      sortOrder: r.sort_order,
      active: r.active === 1,
      count: Number(r.count ?? 0),
    }));
}

function columnName(raw: string): string {
  const name = raw.trim();
  if (!name) throw new AppError(ErrorCode.VALIDATION, '请填写栏目名称。');
  if (name.length > 30) throw new AppError(ErrorCode.VALIDATION, '栏目名称不能超过30个字。');
  return name;
}

export async function createColumn(ctx: AppContext, raw: string): Promise<PublicationColumn[]> {
  const name = columnName(raw);
  await ctx.db.transaction().execute(async (trx) => {
    const max = await trx
      .selectFrom('publication_column')
      .select((e) => e.fn.max('sort_order').as('m'))
      .executeTakeFirst();
    try {
      const r = await trx
        .insertInto('publication_column')
        .values({ name, sort_order: Number(max?.m ?? 0) + 1, active: 1, created_at: nowText(ctx) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        entity: 'publication_column',
        entityId: r.id,
        action: 'create',
        summary: `新增公开栏目：${name}`,
      });
    } catch (e) {
      constraintError(e, { unique: `已有名为“${name}”的栏目。` });
    }
  });
  return listColumns(ctx);
}

export async function updateColumn(
  ctx: AppContext,
  input: { id: number; name: string; active: boolean },
): Promise<PublicationColumn[]> {
  const name = columnName(input.name);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('publication_column').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!before) throw new AppError(ErrorCode.NOT_FOUND, '找不到这个栏目，请刷新后重试。');
    try {
      await trx
        .updateTable('publication_column')
        .set({ name, active: input.active ? 1 : 0 })
        .where('id', '=', input.id)
        .execute();
    } catch (e) {
      constraintError(e, { unique: `已有名为“${name}”的栏目。` });
    }
    await recordAudit(trx, ctx, {
      entity: 'publication_column',
      entityId: input.id,
      action: 'update',
      summary: `修改公开栏目：${before.name}${before.name !== name ? ` → ${name}` : ''}${input.active ? '' : '（停用）'}`,
    });
  });
  return listColumns(ctx);
}

type PubRow = Selectable<Database['publication']>;

function toPublication(
  r: PubRow,
  columns: Map<number, string>,
  titles: Map<number, string>,
  cal: Parameters<typeof countWorkingDays>[2],
): Publication {
  const delay = r.formed_date ? countWorkingDays(r.formed_date, r.published_date, cal) : null;
  return {
    id: r.id,
    title: r.title,
    publishedDate: r.published_date,
    formedDate: r.formed_date,
    columnId: r.column_id,
    channel: r.channel,
    docNumber: r.doc_number,
    link: r.link,
    source: r.source,
    normative: r.normative === 1,
    interpretation: r.interpretation === 1,
    interpretsId: r.interprets_id,
    drafter: r.drafter,
    draftedDate: r.drafted_date,
    reviewer: r.reviewer,
    reviewedDate: r.reviewed_date,
    approver: r.approver,
    approvedDate: r.approved_date,
    note: r.note,
    columnName: columns.get(r.column_id) ?? '',
    interpretsTitle: r.interprets_id ? (titles.get(r.interprets_id) ?? null) : null,
    publishDelay: delay,
    late: delay !== null && delay > PUBLISH_LIMIT_WORKING_DAYS,
    reviewComplete: !!(r.drafter && r.drafted_date && r.reviewer && r.reviewed_date && r.approver && r.approved_date),
  };
}

export async function listPublications(
  ctx: AppContext,
  filter: { year?: number; id?: number } = {},
): Promise<Publication[]> {
  let q = ctx.db.selectFrom('publication').selectAll();
  if (filter.year !== undefined) {
    const [from, to] = yearRange(filter.year);
    q = q.where('published_date', '>=', from).where('published_date', '<=', to);
  }
  if (filter.id !== undefined) q = q.where('id', '=', filter.id);
  const rows = await q.orderBy('published_date', 'desc').orderBy('id', 'desc').execute();
  const columns = new Map(
    (await ctx.db.selectFrom('publication_column').select(['id', 'name']).execute()).map((c) => [c.id, c.name]),
  );
  const linked = [...new Set(rows.map((r) => r.interprets_id).filter((x): x is number => x !== null))];
  const titles = new Map(
    linked.length
      ? (await ctx.db.selectFrom('publication').select(['id', 'title']).where('id', 'in', linked).execute()).map(
          (t) => [t.id, t.title],
        )
      : [],
  );
  const cal = await loadCalendar(ctx);
  return rows.map((r) => toPublication(r, columns, titles, cal));
}

async function getPublication(ctx: AppContext, id: number): Promise<Publication> {
  const p = (await listPublications(ctx, { id }))[0];
  if (!p) throw new AppError(ErrorCode.NOT_FOUND, `找不到编号为 ${id} 的发布记录，可能已被删除。`);
  return p;
}

async function checkPublication(
  trx: Transaction<Database>,
  raw: PublicationInput,
  selfId: number | null,
): Promise<PublicationValues> {
  const v = validateInput(publicationInputSchema, raw);
  const problem = publicationProblem(v);
  if (problem) throw new AppError(ErrorCode.VALIDATION, problem);
  const col = await trx
    .selectFrom('publication_column')
    .select(['id', 'active', 'name'])
    .where('id', '=', v.columnId)
    .executeTakeFirst();
  if (!col) throw new AppError(ErrorCode.NOT_FOUND, '所选栏目已不存在，请刷新后重选。');
  if (v.interpretsId !== null) {
    if (v.interpretsId === selfId) throw new AppError(ErrorCode.VALIDATION, '政策解读不能关联它自己。');
    const doc = await trx.selectFrom('publication').select(['id']).where('id', '=', v.interpretsId).executeTakeFirst();
    if (!doc) throw new AppError(ErrorCode.NOT_FOUND, '被解读的文件已不存在，请重新选择。');
  }
  return v;
}

function toRow(v: PublicationValues) {
  return {
    title: v.title,
    published_date: v.publishedDate,
    formed_date: v.formedDate,
    column_id: v.columnId,
    channel: v.channel,
    doc_number: v.docNumber,
    link: v.link,
    source: v.source,
    normative: v.normative ? 1 : 0,
    interpretation: v.interpretation ? 1 : 0,
    interprets_id: v.interpretsId,
    drafter: v.drafter,
    drafted_date: v.draftedDate,
    reviewer: v.reviewer,
    reviewed_date: v.reviewedDate,
    approver: v.approver,
    approved_date: v.approvedDate,
    note: v.note,
  };
}

const duplicate = (v: { title: string; publishedDate: string }) =>
  `已登记过 ${v.publishedDate} 发布的“${v.title}”，同一标题同一天不能重复登记。`;

export async function createPublication(ctx: AppContext, raw: PublicationInput): Promise<Publication> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const v = await checkPublication(trx, raw, null);
    const now = nowText(ctx);
    try {
      const r = await trx
        .insertInto('publication')
        .values({ ...toRow(v), created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        entity: 'publication',
        entityId: r.id,
        action: 'create',
        summary: `登记发布信息：${v.publishedDate} ${v.title}`,
      });
      return r.id;
    } catch (e) {
      return constraintError(e, { unique: duplicate(v) });
    }
  });
  return getPublication(ctx, id);
}

export async function updatePublication(ctx: AppContext, id: number, raw: PublicationInput): Promise<Publication> {
  const before = await getPublication(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    const v = await checkPublication(trx, raw, id);
    try {
      await trx
        .updateTable('publication')
        .set({ ...toRow(v), updated_at: nowText(ctx) })
        .where('id', '=', id)
        .execute();
    } catch (e) {
      constraintError(e, { unique: duplicate(v) });
    }
    const {
      id: _i,
      columnName: _c,
      interpretsTitle: _t,
      publishDelay: _d,
      late: _l,
      reviewComplete: _r,
      ...old
    } = before;
    await recordAudit(trx, ctx, {
      entity: 'publication',
      entityId: id,
      action: 'update',
      summary: `修改发布信息：${v.title}`,
      changes: diffRecords(old, v),
    });
  });
  return getPublication(ctx, id);
}

export async function deletePublication(ctx: AppContext, id: number): Promise<void> {
  const before = await getPublication(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    try {
      await trx.deleteFrom('publication').where('id', '=', id).execute();
    } catch (e) {
      constraintError(e, { inUse: `“${before.title}”已被政策解读关联，不能删除。请先在解读中取消关联。` });
    }
    await recordAudit(trx, ctx, {
      entity: 'publication',
      entityId: id,
      action: 'delete',
      summary: `删除发布信息：${before.publishedDate} ${before.title}`,
      changes: { record: { from: before, to: null } },
    });
  });
}

interface PublicationStats {
  year: number;
  total: number;
  interpretations: number;
  normative: number;
  late: number;
  reviewComplete: number;
  byColumn: { name: string; count: number }[];
  byChannel: { name: string; count: number }[];
  /** Twelve counts, January first. */
  byMonth: number[];
}

export async function publicationStats(ctx: AppContext, year: number): Promise<PublicationStats> {
  const list = await listPublications(ctx, { year });
  const columns = await listColumns(ctx);
  const byColumn = columns
    .map((c) => ({ name: c.name, count: list.filter((p) => p.columnId === c.id).length }))
    .filter((c) => c.count > 0);
  const channels = [...new Set([...DEFAULT_CHANNELS, ...list.map((p) => p.channel)])];
  const byChannel = channels
    .map((name) => ({ name, count: list.filter((p) => p.channel === name).length }))
    .filter((c) => c.count > 0);
  const byMonth = new Array<number>(12).fill(0);
  for (const p of list) byMonth[Number(p.publishedDate.slice(5, 7)) - 1]++;
  return {
    year,
    total: list.length,
    interpretations: list.filter((p) => p.interpretation).length,
    normative: list.filter((p) => p.normative).length,
    late: list.filter((p) => p.late).length,
    reviewComplete: list.filter((p) => p.reviewComplete).length,
    byColumn,
    byChannel,
    byMonth,
  };
}

export interface ImportOutcome {
  added: { row: number; title: string }[];
  skipped: { row: number; reason: string }[];
  refused: { row: number; reason: string }[];
  newColumns: string[];
}

/**
 * Stores the usable rows of a publication list in one transaction: duplicates (same 标题 and 发布日期, in the file or
 * already registered) are skipped, unusable rows refused with their reason; 栏目 the list does not know are added.
 * Nothing usable → IMPORT_ROWS_INVALID naming the rows.
 */
export async function importPublications(ctx: AppContext, upload: Upload): Promise<ImportOutcome> {
  const data = decodeUpload(upload, 30 * 1024 * 1024);
  // Read in the parser worker: a hostile workbook stops there, never on the thread serving calls.
  const sheet = await runParser('disclosure-publications', upload.fileName, data, {});
  const out: ImportOutcome = {
    added: [],
    skipped: [],
    refused: sheet.problems.map((p) => ({ row: p.row, reason: `${p.column ? `“${p.column}”列：` : ''}${p.message}` })),
    newColumns: [],
  };
  await ctx.db.transaction().execute(async (trx) => {
    const columns = new Map(
      (await trx.selectFrom('publication_column').select(['id', 'name']).execute()).map((c) => [c.name, c.id]),
    );
    const seen = new Set<string>();
    const now = nowText(ctx);
    // 政策解读 rows naming the document they interpret: linked once every row is in (it may come later in the file).
    const interpreting: { id: number; title: string }[] = [];
    let order = Number(
      (
        await trx
          .selectFrom('publication_column')
          .select((e) => e.fn.max('sort_order').as('m'))
          .executeTakeFirst()
      )?.m ?? 0,
    );
    for (const r of sheet.rows) {
      const key = `${r.title}\u0000${r.publishedDate}`;
      const exists =
        seen.has(key) ||
        !!(await trx
          .selectFrom('publication')
          .select('id')
          .where('title', '=', r.title)
          .where('published_date', '=', r.publishedDate)
          .executeTakeFirst());
      if (exists) {
        out.skipped.push({
          row: r.row,
          reason: `重复：${r.publishedDate}“${r.title}”${seen.has(key) ? '在文件中出现多次' : '已登记'}`,
        });
        continue;
      }
      seen.add(key);
      const colName = r.column || '其他';
      let columnId = columns.get(colName);
      if (columnId === undefined) {
        columnId = (
          await trx
            .insertInto('publication_column')
            .values({ name: colName, sort_order: ++order, active: 1, created_at: now })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
        columns.set(colName, columnId);
        out.newColumns.push(colName);
      }
      // Held to the rules of a publication entered by hand (三审 in order and before 发布, …).
      const v: PublicationValues = {
        title: r.title,
        publishedDate: r.publishedDate,
        formedDate: r.formedDate,
        columnId,
        channel: r.channel || '门户网站',
        docNumber: r.docNumber,
        link: r.link,
        source: r.source,
        normative: r.normative,
        interpretation: r.interpretation || colName.includes('解读'),
        interpretsId: null,
        drafter: r.drafter,
        draftedDate: r.draftedDate,
        reviewer: r.reviewer,
        reviewedDate: r.reviewedDate,
        approver: r.approver,
        approvedDate: r.approvedDate,
        note: r.note,
      };
      const problem = publicationProblem(v);
      if (problem) {
        out.refused.push({ row: r.row, reason: problem });
        continue;
      }
      const added = await trx
        .insertInto('publication')
        .values({ ...toRow(v), created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (r.interprets) interpreting.push({ id: added.id, title: r.interprets });
      out.added.push({ row: r.row, title: r.title });
    }
    for (const x of interpreting) {
      const doc = await trx
        .selectFrom('publication')
        .select('id')
        .where('title', '=', x.title)
        .where('id', '!=', x.id)
        .orderBy('published_date', 'desc')
        .executeTakeFirst();
      // Not registered here (yet): the row stays a 政策解读 without the link, which the register lets one set.
      if (doc) await trx.updateTable('publication').set({ interprets_id: doc.id }).where('id', '=', x.id).execute();
    }
    if (!out.added.length) {
      const lines = [
        ...out.refused.map((x) => `第${x.row}行：${x.reason}`),
        ...out.skipped.map((x) => `第${x.row}行：${x.reason}`),
      ].slice(0, 10);
      throw new AppError(
        ErrorCode.IMPORT_ROWS_INVALID,
        `“${upload.fileName}”中没有可以导入的新记录${lines.length ? `：${lines.join('；')}` : '（表头下没有数据行）'}。`,
      );
    }
    await recordAudit(trx, ctx, {
      entity: 'publication',
      entityId: null,
      action: 'import',
      summary: `从“${upload.fileName}”导入发布信息 ${out.added.length} 条（跳过重复 ${out.skipped.length} 条，无法导入 ${out.refused.length} 条）`,
    });
  });
  return out;
}
