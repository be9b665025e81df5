// 信息发布登记: the bureau's 公开目录 (栏目), the items it published with their 三审 record, counts by 栏目/渠道/month,
// and the import from the website's export.
import type { Selectable, Transaction } from 'kysely';
import {
  DEFAULT_CHANNELS,
  INTERPRETATION_LIMIT_WORKING_DAYS,
  PUBLISH_LIMIT_WORKING_DAYS,
  importRowPlace,
  publicationInputSchema,
  publicationProblem,
  type Publication,
  type PublicationColumn,
  type PublicationInput,
  type PublicationValues,
} from '../../../shared/domain/disclosure';
import type { Upload } from '../../../shared/domain/files';
import { firstDateError, publicationDateIssues } from '../../../shared/domain/disclosure-dates';
import { todayOf } from '../../../shared/domain/dates';
import { calendarGapNote, countWorkingDays } from '../../../shared/domain/working-days';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import type { Database } from '../../db/schema';
import { runParser } from '../../import/worker/run';
import { diffRecords, nowText, recordAudit } from '../audit';
import { loadCalendar } from '../calendar';
import { decodeUpload } from '../uploads';
import { validateInput } from '../validate';
import type { AppContext } from '../workstation';
import { constraintError, DISCLOSURE_SETTING, workingYear, yearRange } from './common';

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
  docs: Map<number, { title: string; published_date: string }>,
  cal: Parameters<typeof countWorkingDays>[2],
): Publication {
  const delay = r.formed_date ? countWorkingDays(r.formed_date, r.published_date, cal) : null;
  const doc = r.interprets_id ? docs.get(r.interprets_id) : undefined;
  const after = doc ? countWorkingDays(doc.published_date, r.published_date, cal) : null;
  // The working days counted: from 形成 (and from the interpreted document's publication) to this publication.
  const from = [r.formed_date, doc?.published_date].filter((d): d is string => !!d).sort()[0];
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
    interpretsTitle: doc?.title ?? null,
    interpretationDelay: after,
    interpretationLate: after !== null && after > INTERPRETATION_LIMIT_WORKING_DAYS,
    publishDelay: delay,
    late: delay !== null && delay > PUBLISH_LIMIT_WORKING_DAYS,
    calendarWarning: from ? calendarGapNote(from, r.published_date, cal) : null,
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
  const docs = new Map(
    linked.length
      ? (
          await ctx.db
            .selectFrom('publication')
            .select(['id', 'title', 'published_date'])
            .where('id', 'in', linked)
            .execute()
        ).map((t) => [t.id, t])
      : [],
  );
  const cal = await loadCalendar(ctx);
  return rows.map((r) => toPublication(r, columns, docs, cal));
}

async function getPublication(ctx: AppContext, id: number): Promise<Publication> {
  const p = (await listPublications(ctx, { id }))[0];
  if (!p) throw new AppError(ErrorCode.NOT_FOUND, `找不到编号为 ${id} 的发布记录，可能已被删除。`);
  return p;
}

async function checkPublication(
  ctx: AppContext,
  trx: Transaction<Database>,
  raw: PublicationInput,
  selfId: number | null,
): Promise<PublicationValues> {
  const v = validateInput(publicationInputSchema, raw);
  // A date after today cannot be true of something published: refused, in the words the dialog shows beside it.
  const problem = publicationProblem(v) ?? firstDateError(publicationDateIssues(v, todayOf(ctx)));
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
    const v = await checkPublication(ctx, trx, raw, null);
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
    const v = await checkPublication(ctx, trx, raw, id);
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
      calendarWarning: _w,
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

/**
 * 政策解读 of the year published more than INTERPRETATION_LIMIT_WORKING_DAYS working days after the document they
 * interpret: a text saying 解读 went out 同步 with its document is contradicted by each of them.
 */
export async function lateInterpretations(
  ctx: AppContext,
  year: number,
): Promise<{ title: string; publishedDate: string; docTitle: string; days: number }[]> {
  return (await listPublications(ctx, { year }))
    .filter((p) => p.interpretationLate)
    .map((p) => ({
      title: p.title,
      publishedDate: p.publishedDate,
      docTitle: p.interpretsTitle ?? '',
      days: p.interpretationDelay ?? 0,
    }));
}

export interface ImportOutcome {
  /**
   * The sheet the rows were read from (a workbook may have a 说明 sheet first): every row number is this sheet's,
   * unless the row names its own (rows from several sheets, one per month).
   */
  sheet: string;
  /** Every sheet read, in the workbook's order. */
  sheets: string[];
  added: (ImportRowPlace & { title: string; date: string })[];
  skipped: (ImportRowPlace & { reason: string })[];
  refused: (ImportRowPlace & { reason: string })[];
  /** 栏目 created on the user's word (a mapping choice of 新建), by name. */
  newColumns: string[];
  /** The added rows per year of their date (发布日期 / 收到日期), earliest first. */
  byYear: { year: number; count: number }[];
  /**
   * 栏目 named in the file that are neither in the 公开目录 nor mapped before: nothing was stored. Import again with a
   * choice for each (an existing 栏目, or null to create it under that name). '' is a row with no 栏目.
   */
  unknownColumns: { name: string; rows: number }[];
}

/** A row of the file: its number, and its sheet when the rows came from several sheets. */
interface ImportRowPlace {
  row: number;
  sheet?: string;
}

/** A 栏目 of an imported file and what the user chose for it: an existing 栏目's id, or null to create it. */
export interface ColumnChoice {
  name: string;
  columnId: number | null;
}

/** The per-year counts of the rows an import added. */
export function countByYear(added: { date: string }[]): { year: number; count: number }[] {
  const m = new Map<number, number>();
  for (const a of added) m.set(Number(a.date.slice(0, 4)), (m.get(Number(a.date.slice(0, 4))) ?? 0) + 1);
  return [...m].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ year, count }));
}

/**
 * The start of every register import: the rows the parser could not read and those whose first date error refuses
 * them go to `refused` (in row order), the rest are returned to be stored.
 */
export function sortImportRows<R extends { row: number; sheet: string }>(
  read: {
    sheets: { name: string }[];
    rows: R[];
    problems: { row: number; sheet: string; column?: string | null; message: string }[];
  },
  dateError: (row: R) => string | null,
): { out: ImportOutcome; usable: R[]; at: (r: { row: number; sheet: string }) => ImportRowPlace } {
  const names = read.sheets.map((s) => s.name);
  // A row names its sheet only when there are several: with one, the outcome's sheet says it.
  const at = (r: { row: number; sheet: string }): ImportRowPlace =>
    names.length > 1 ? { row: r.row, sheet: r.sheet } : { row: r.row };
  const out: ImportOutcome = {
    sheet: names[0],
    sheets: names,
    added: [],
    skipped: [],
    refused: read.problems.map((p) => ({ ...at(p), reason: `${p.column ? `“${p.column}”列：` : ''}${p.message}` })),
    newColumns: [],
    byYear: [],
    unknownColumns: [],
  };
  const usable = read.rows.filter((r) => {
    const issue = dateError(r);
    if (issue) out.refused.push({ ...at(r), reason: issue });
    return !issue;
  });
  const order = (x: ImportRowPlace) => names.indexOf(x.sheet ?? names[0]) * 1e7 + x.row;
  out.refused.sort((a, b) => order(a) - order(b));
  return { out, usable, at };
}

/**
 * Nothing in the file could be stored: the refusal names the first rows, and carries the whole outcome (`details`)
 * so a screen can list every row.
 */
export function nothingImported(fileName: string, o: ImportOutcome, what: string): AppError {
  // A reason's own full stop ("需要先登记补正告知。") is dropped: the lines are joined by ； and the message ends in 。.
  const lines = [
    ...o.refused.map((x) => `${importRowPlace(x)}：${x.reason.replace(/。$/, '')}`),
    ...o.skipped.map((x) => `${importRowPlace(x)}：${x.reason.replace(/。$/, '')}`),
  ].slice(0, 10);
  return new AppError(
    ErrorCode.IMPORT_ROWS_INVALID,
    `“${fileName}”中没有可以导入的${what}（工作表${o.sheets.map((s) => `“${s}”`).join('')}）${lines.length ? `：${lines.join('；')}` : '：表头下没有数据行'}。`,
    { outcome: o },
  );
}

/** The setting holding the 栏目 mapping the user chose on earlier imports (website 栏目 name → 公开目录 id). */
const COLUMN_MAP_KEY = DISCLOSURE_SETTING.columnMap;

async function rememberedColumns(trx: Transaction<Database>): Promise<Record<string, number>> {
  const row = await trx.selectFrom('setting').select('value').where('key', '=', COLUMN_MAP_KEY).executeTakeFirst();
  if (!row) return {};
  try {
    const v = JSON.parse(row.value) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>).filter((e): e is [string, number] => Number.isInteger(e[1])),
    );
  } catch {
    return {};
  }
}

/** What an empty 栏目 cell reads as when the user is asked about it. */
export const NO_COLUMN_LABEL = '（未填栏目）';

/**
 * Stores the usable rows of a publication list in one transaction: duplicates (same 标题 and 发布日期, in the file or
 * already registered) are skipped, unusable rows (and dates after today) refused with their reason. A 栏目 is taken
 * only as the user confirmed it: one of the 公开目录 by name, one mapped on an earlier import (remembered), or one
 * chosen now in `choices` (mapped to an existing 栏目, remembered; or created on purpose). While any 栏目 of the file
 * has none of these, nothing is stored and `unknownColumns` lists them. Nothing usable → IMPORT_ROWS_INVALID naming
 * the rows (details: the outcome).
 */
export async function importPublications(
  ctx: AppContext,
  upload: Upload,
  choices: ColumnChoice[] = [],
): Promise<ImportOutcome> {
  const data = decodeUpload(upload, 30 * 1024 * 1024);
  // Read in the parser worker: a hostile workbook stops there, never on the thread serving calls.
  const sheet = await runParser('disclosure-publications', upload.fileName, data, {
    year: await workingYear(ctx),
  });
  const today = todayOf(ctx);
  const { out, usable, at } = sortImportRows(sheet, (r) => firstDateError(publicationDateIssues(r, today)));
  await ctx.db.transaction().execute(async (trx) => {
    const columns = new Map(
      (await trx.selectFrom('publication_column').select(['id', 'name']).execute()).map((c) => [c.name, c.id]),
    );
    const known = new Set(columns.values());
    const remembered = await rememberedColumns(trx);
    const chosen = new Map(choices.map((c) => [c.name, c.columnId]));
    // Each 栏目 name of the file: the 公开目录's own, else this import's choice, else the remembered one.
    const resolved = new Map<string, number | 'new'>();
    for (const name of new Set(usable.map((r) => r.column))) {
      const own = name ? columns.get(name) : undefined;
      const choice = chosen.get(name);
      if (own !== undefined) resolved.set(name, own);
      // A new 栏目 needs a name: rows without one can only go to an existing 栏目.
      else if (choice !== undefined && (choice === null ? name !== '' : known.has(choice)))
        resolved.set(name, choice ?? 'new');
      else if (remembered[name] !== undefined && known.has(remembered[name])) resolved.set(name, remembered[name]);
    }
    const unknown = new Map<string, number>();
    for (const r of usable) if (!resolved.has(r.column)) unknown.set(r.column, (unknown.get(r.column) ?? 0) + 1);
    if (unknown.size) {
      out.unknownColumns = [...unknown].map(([name, rows]) => ({ name, rows }));
      return;
    }
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
    for (const r of usable) {
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
          ...at(r),
          reason: `重复：${r.publishedDate}“${r.title}”${seen.has(key) ? '在文件中出现多次' : '已登记'}`,
        });
        continue;
      }
      seen.add(key);
      let target = resolved.get(r.column)!;
      if (target === 'new') {
        const name = columnName(r.column);
        target = (
          await trx
            .insertInto('publication_column')
            .values({ name, sort_order: ++order, active: 1, created_at: now })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
        resolved.set(r.column, target);
        columns.set(name, target);
        out.newColumns.push(name);
        await recordAudit(trx, ctx, {
          entity: 'publication_column',
          entityId: target,
          action: 'create',
          summary: `导入“${upload.fileName}”时新增公开栏目：${name}`,
        });
      }
      const columnLabel = [...columns].find(([, id]) => id === target)?.[0] ?? '';
      // Held to the rules of a publication entered by hand (三审 in order and before 发布, …).
      const v: PublicationValues = {
        title: r.title,
        publishedDate: r.publishedDate,
        formedDate: r.formedDate,
        columnId: target,
        channel: r.channel || '门户网站',
        docNumber: r.docNumber,
        link: r.link,
        source: r.source,
        normative: r.normative,
        interpretation: r.interpretation || columnLabel.includes('解读'),
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
        out.refused.push({ ...at(r), reason: problem });
        continue;
      }
      const added = await trx
        .insertInto('publication')
        .values({ ...toRow(v), created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (r.interprets) interpreting.push({ id: added.id, title: r.interprets });
      out.added.push({ ...at(r), title: r.title, date: r.publishedDate });
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
    if (!out.added.length) throw nothingImported(upload.fileName, out, '新记录');
    // The choices of this import are remembered for the next (a 栏目 mapped to an existing one, by the file's name).
    const mapped = choices.filter((c) => c.columnId !== null && known.has(c.columnId) && !columns.has(c.name));
    if (mapped.length) {
      const value = JSON.stringify({ ...remembered, ...Object.fromEntries(mapped.map((c) => [c.name, c.columnId])) });
      await trx
        .insertInto('setting')
        .values({ key: COLUMN_MAP_KEY, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    }
    out.byYear = countByYear(out.added);
    await recordAudit(trx, ctx, {
      entity: 'publication',
      entityId: null,
      action: 'import',
      summary: `从“${upload.fileName}”导入发布信息 ${out.added.length} 条（${yearsText(out.byYear, '条')}；跳过重复 ${out.skipped.length} 条，无法导入 ${out.refused.length} 条）${mapped.length ? `，栏目对应：${mapped.map((c) => `${c.name || NO_COLUMN_LABEL}→${[...columns].find(([, id]) => id === c.columnId)?.[0]}`).join('、')}` : ''}`,
    });
  });
  return out;
}

/** "2024年2条、2025年12条" */
export function yearsText(byYear: { year: number; count: number }[], unit: string): string {
  return byYear.map((y) => `${y.year}年${y.count}${unit}`).join('、');
}
