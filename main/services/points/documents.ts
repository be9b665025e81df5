// 上级要点: import (preview, save, replace), list and correct source documents and their work points.

import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Upload } from '../../../shared/domain/files';
import { parentIndexes } from '../../../shared/domain/point-numbering';
import {
  countPoints,
  titleOfText,
  type ParsedPoints,
  type PointItem,
  type ReplaceSummary,
  type SourceDocument,
  type SourceDocumentMeta,
  type SourceKind,
  type WorkPoint,
} from '../../../shared/domain/points';
import type { PointsPreview, PointsSaveResult } from '../../../shared/ipc/contracts/points';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import type { Database } from '../../db/schema';
import { MAX_POINTS_FILE_BYTES } from '../../import/points/limits';
import { runParser } from '../../import/worker/run';
import { storeAttachment } from '../attachments';
import { diffRecords, nowText, recordAudit } from '../audit';
import { isForeignKeyError } from '../../db/errors';
import { workingYear } from '../settings';
import { rememberedRoles, rememberRoles } from '../table-columns';
import type { ColumnRolesInput } from '../../../shared/domain/table-columns';
import { decodeUpload } from '../uploads';
import type { AppContext } from '../workstation';
import { diffItems } from './replace';

interface PointsSource {
  upload: Upload | null;
  pastedText: string | null;
}

const PASTE_FILE_NAME = '粘贴文本.txt';
/** What a paste is called in messages about it. */
const PASTE_NAME = '粘贴文本';

const MIME: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain; charset=utf-8',
};

/** The bytes of what the user gave: the uploaded file, or the pasted text as a UTF-8 .txt. */
function sourceBytes(source: PointsSource): { fileName: string; data: Buffer } {
  if (source.upload)
    return { fileName: source.upload.fileName, data: decodeUpload(source.upload, MAX_POINTS_FILE_BYTES) };
  const text = source.pastedText ?? '';
  if (!text.trim())
    throw new AppError(ErrorCode.FILE_EMPTY, '粘贴的内容是空的。请先复制工作要点全文，再粘贴到输入框中。');
  return { fileName: PASTE_FILE_NAME, data: Buffer.from(text, 'utf8') };
}

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** The original a document keeps: file name and bytes (a paste is kept as a .txt). */
interface PointsFile {
  fileName: string;
  data: Buffer;
  pasted: boolean;
}

/**
 * Reads the file or text in the parser worker (../../import/worker/run.ts); nothing is stored. Tables are read with
 * the column roles remembered for their headers and, in the preview (`chooseRoles`), the ones the user chose; there a
 * table whose columns are not found gives its columns to choose instead of an error.
 */
export async function parsePointsFileOrText(
  ctx: AppContext,
  file: PointsFile,
  year?: number,
  opts: { roles?: ColumnRolesInput; chooseRoles?: boolean } = {},
): Promise<ParsedPoints> {
  const fallbackYear = await workingYear(ctx);
  const read = { year, fallbackYear, remembered: await rememberedRoles(ctx), ...opts };
  return file.pasted
    ? runParser('points-text', PASTE_NAME, file.data, read)
    : runParser('points-file', file.fileName, file.data, read);
}

/** Reads the file or text into a document and items; nothing is stored. */
export async function parsePointsSource(
  ctx: AppContext,
  source: PointsSource,
  year?: number,
): Promise<{ file: PointsFile; sha256: string; parsed: ParsedPoints }> {
  const { fileName, data } = sourceBytes(source);
  const file = { fileName, data, pasted: !source.upload };
  return { file, sha256: sha256(data), parsed: await parsePointsFileOrText(ctx, file, year) };
}

// ---- previewed files ---------------------------------------------------------------------------------------------
// The preview keeps the file it read, so saving sends only the previewed items with the user's corrections (merge,
// split, level, units) and a previewId: the file is uploaded and read once. Kept in memory for a few previews only;
// after a restart the user picks the file again.

const PREVIEW_TTL_MS = 4 * 60 * 60 * 1000;
/** Previews kept at once (several windows or tabs); each up to MAX_POINTS_FILE_BYTES. */
const MAX_PREVIEWS = 6;
const previews = new Map<string, { file: PointsFile; sha256: string; sourceKind: SourceKind; at: number }>();

function keepPreview(file: PointsFile, sha: string, sourceKind: SourceKind): string {
  const now = Date.now();
  for (const [k, v] of previews) if (now - v.at > PREVIEW_TTL_MS) previews.delete(k);
  while (previews.size >= MAX_PREVIEWS) previews.delete(previews.keys().next().value!);
  const id = crypto.randomUUID();
  previews.set(id, { file, sha256: sha, sourceKind, at: now });
  return id;
}

function previewed(previewId: string) {
  const p = previews.get(previewId);
  if (!p) {
    throw new AppError(
      ErrorCode.NOT_FOUND,
      '导入预览已失效（程序重新启动过，或同时打开了太多导入预览）。请重新选择文件或粘贴文字，再识别一次。',
    );
  }
  return p;
}

type PreviewInput =
  | { source: PointsSource; previewId?: undefined; year?: number; roles?: undefined }
  | { source?: undefined; previewId: string; year?: number; roles?: ColumnRolesInput };

/**
 * Reads a new file (source), or the previewed one again (previewId) with another year or with the column roles the
 * user chose, and keeps it for saving. Chosen roles are remembered for the next table with the same header.
 */
export async function previewPointsImport(ctx: AppContext, input: PreviewInput): Promise<PointsPreview> {
  let file: PointsFile;
  let sha: string;
  if (input.previewId !== undefined) {
    ({ file, sha256: sha } = previewed(input.previewId));
  } else {
    const { fileName, data } = sourceBytes(input.source);
    file = { fileName, data, pasted: !input.source.upload };
    sha = sha256(data);
  }
  const roles = input.roles ?? [];
  const parsed = await parsePointsFileOrText(ctx, file, input.year, { roles, chooseRoles: true });
  await rememberRoles(ctx, parsed.tables, roles);
  // Read again: the new preview replaces the old one (kept until now, so a failed re-read loses nothing).
  if (input.previewId !== undefined) previews.delete(input.previewId);
  return { previewId: keepPreview(file, sha, parsed.sourceKind), fileName: file.fileName, sha256: sha, parsed };
}

/** Saves the previewed file with the user's items: one call, one transaction; see savePointsDocument. */
export async function savePreviewedPoints(
  ctx: AppContext,
  input: { previewId: string; meta: SourceDocumentMeta; items: PointItem[]; replaceDocumentId: number | null },
): Promise<PointsSaveResult> {
  const p = previewed(input.previewId);
  const result = await savePointsDocument(ctx, {
    file: p.file,
    sourceKind: p.sourceKind,
    meta: input.meta,
    items: input.items,
    replaceDocumentId: input.replaceDocumentId,
  });
  if (result.status === 'saved') previews.delete(input.previewId);
  return result;
}

// ---- reading ---------------------------------------------------------------------------------------------------

type DocRow = Database['source_document'] & { id: number };
type PointRow = Database['work_point'] & { id: number };

function toWorkPoint(r: PointRow): WorkPoint {
  return {
    id: r.id,
    documentId: r.document_id,
    seq: r.seq,
    parentId: r.parent_id,
    level: r.level,
    label: r.label,
    title: r.title,
    text: r.text,
    lead: JSON.parse(r.lead_json) as string[],
    support: JSON.parse(r.support_json) as string[],
    deadline: r.deadline,
    deadlineText: r.deadline_text,
  };
}

async function pointRows(
  ctx: { db: Kysely<Database> | Transaction<Database> },
  documentIds: number[],
): Promise<PointRow[]> {
  if (documentIds.length === 0) return [];
  return ctx.db
    .selectFrom('work_point')
    .selectAll()
    .where('document_id', 'in', documentIds)
    .orderBy('document_id')
    .orderBy('seq')
    .execute() as Promise<PointRow[]>;
}

/**
 * The work points of a year's documents (or of the given documents), in document order. The plan area
 * (实施方案) reads these to build the year's tasks: lead/support units and deadlines included.
 */
export async function listWorkPoints(
  ctx: AppContext,
  filter: { year: number } | { documentIds: number[] },
): Promise<WorkPoint[]> {
  let ids: number[];
  if ('year' in filter) {
    const docs = await ctx.db
      .selectFrom('source_document')
      .select('id')
      .where('year', '=', filter.year)
      .orderBy('id')
      .execute();
    ids = docs.map((d) => d.id);
  } else ids = filter.documentIds;
  return (await pointRows(ctx, ids)).map(toWorkPoint);
}

/** What other areas need to name a source document: 标题, 文号, 成文日期, 年度. */
export interface DocumentRef {
  id: number;
  title: string;
  docNumber: string | null;
  issuedDate: string | null;
  year: number;
}

/**
 * The given documents (in the given order; ids that no longer exist are left out) or a year's documents in import
 * order. The plan area reads documents only through this and listWorkPoints/workPointsByIds.
 */
export async function listDocumentRefs(
  ctx: AppContext | { db: Transaction<Database> },
  filter: { ids: number[] } | { year: number },
): Promise<DocumentRef[]> {
  if ('ids' in filter && !filter.ids.length) return [];
  const q = ctx.db.selectFrom('source_document').select(['id', 'title', 'doc_number', 'issued_date', 'year']);
  const rows =
    'ids' in filter
      ? await q.where('id', 'in', filter.ids).execute()
      : await q.where('year', '=', filter.year).orderBy('id').execute();
  const refs = rows.map((r) => ({
    id: r.id,
    title: r.title,
    docNumber: r.doc_number,
    issuedDate: r.issued_date,
    year: r.year,
  }));
  if (!('ids' in filter)) return refs;
  const byId = new Map(refs.map((r) => [r.id, r]));
  return filter.ids.map((id) => byId.get(id)).filter((r): r is DocumentRef => r !== undefined);
}

/** Work points by id (any documents), e.g. the points a plan task answers. */
export async function workPointsByIds(
  ctx: AppContext | { db: Transaction<Database> },
  ids: number[],
): Promise<WorkPoint[]> {
  if (!ids.length) return [];
  return ((await ctx.db.selectFrom('work_point').selectAll().where('id', 'in', ids).execute()) as PointRow[]).map(
    toWorkPoint,
  );
}

async function toSourceDocument(ctx: AppContext, d: DocRow): Promise<SourceDocument> {
  const items = (await pointRows(ctx, [d.id])).map(toWorkPoint);
  const counts = countPoints(items);
  const att =
    d.attachment_id === null
      ? null
      : await ctx.db.selectFrom('attachment').select('file_name').where('id', '=', d.attachment_id).executeTakeFirst();
  return {
    id: d.id,
    title: d.title,
    docNumber: d.doc_number,
    issuer: d.issuer,
    issuedDate: d.issued_date,
    year: d.year,
    sourceKind: d.source_kind,
    attachmentId: d.attachment_id,
    fileName: att?.file_name ?? null,
    importedAt: d.imported_at,
    updatedAt: d.updated_at,
    itemCount: counts.items,
    withoutUnit: counts.withoutUnit,
    withDeadline: counts.withDeadline,
  };
}

async function docRow(ctx: AppContext, id: number): Promise<DocRow> {
  const d = await ctx.db.selectFrom('source_document').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d) throw new AppError(ErrorCode.NOT_FOUND, '找不到该上级文件，可能已被删除，请刷新后重试。');
  return d as DocRow;
}

export async function listSourceDocuments(ctx: AppContext, year: number): Promise<SourceDocument[]> {
  const rows = await ctx.db.selectFrom('source_document').selectAll().where('year', '=', year).orderBy('id').execute();
  return Promise.all(rows.map((r) => toSourceDocument(ctx, r as DocRow)));
}

export async function getSourceDocument(
  ctx: AppContext,
  id: number,
): Promise<{ document: SourceDocument; items: WorkPoint[] }> {
  const d = await docRow(ctx, id);
  return { document: await toSourceDocument(ctx, d), items: (await pointRows(ctx, [id])).map(toWorkPoint) };
}

// ---- the same document again -------------------------------------------------------------------------------------

const norm = (s: string | null | undefined) =>
  (s ?? '').replace(/\s+/g, '').replace(/[（(]/g, '(').replace(/[）)]/g, ')');

/** An already stored document that this one is a new version of: same 文号, or same title and year, or same file. */
async function findSameDocument(
  ctx: { db: Kysely<Database> | Transaction<Database> },
  meta: Pick<SourceDocumentMeta, 'title' | 'docNumber' | 'year'>,
  sha?: string,
): Promise<{ doc: DocRow; reason: string } | null> {
  const docs = (await ctx.db.selectFrom('source_document').selectAll().execute()) as DocRow[];
  if (meta.docNumber) {
    const d = docs.find((x) => x.doc_number && norm(x.doc_number) === norm(meta.docNumber));
    if (d) return { doc: d, reason: `文号相同（${d.doc_number}）` };
  }
  const t = norm(meta.title);
  if (t) {
    const d = docs.find((x) => x.year === meta.year && norm(x.title) === t);
    if (d) return { doc: d, reason: `同一年度、标题相同（${d.title}）` };
  }
  if (sha) {
    const withFile = docs.filter((x) => x.attachment_id !== null);
    for (const d of withFile) {
      const a = await ctx.db
        .selectFrom('attachment')
        .select('sha256')
        .where('id', '=', d.attachment_id!)
        .executeTakeFirst();
      if (a?.sha256 === sha) return { doc: d, reason: '导入的是同一个文件' };
    }
  }
  return null;
}

async function replaceSummary(
  ctx: { db: Kysely<Database> | Transaction<Database> },
  same: { doc: DocRow; reason: string },
  items: PointItem[],
): Promise<ReplaceSummary> {
  const before = (await pointRows(ctx, [same.doc.id])).map(toWorkPoint);
  const diff = diffItems(before, items);
  return {
    documentId: same.doc.id,
    title: same.doc.title,
    importedAt: same.doc.imported_at,
    reason: same.reason,
    added: diff.added,
    removed: diff.removed,
    changed: diff.changed,
    unchanged: diff.unchanged,
    details: diff.details,
  };
}

// ---- writing -----------------------------------------------------------------------------------------------------

interface SavePointsInput {
  file: PointsFile;
  sourceKind: SourceKind;
  meta: SourceDocumentMeta;
  items: PointItem[];
  /** The already imported document the user agreed to replace (after a 'confirmReplace' answer). */
  replaceDocumentId: number | null;
}

function itemColumns(it: PointItem, now: string) {
  return {
    level: it.level,
    label: it.label.trim(),
    title: it.title.trim() || titleOfText(it.text),
    text: it.text.trim(),
    lead_json: JSON.stringify(it.lead.map((u) => u.trim()).filter(Boolean)),
    support_json: JSON.stringify(it.support.map((u) => u.trim()).filter(Boolean)),
    deadline: it.deadline,
    deadline_text: it.deadlineText?.trim() || null,
    updated_at: now,
  };
}

function metaColumns(meta: SourceDocumentMeta) {
  return {
    title: meta.title.trim(),
    doc_number: meta.docNumber?.trim() || null,
    issuer: meta.issuer?.trim() || null,
    issued_date: meta.issuedDate,
    year: meta.year,
  };
}

/** Re-links parent_id from the levels (nearest earlier item with a smaller level). */
async function relinkParents(trx: Transaction<Database>, ids: number[], levels: number[]): Promise<void> {
  const parents = parentIndexes(levels);
  for (let i = 0; i < ids.length; i++) {
    await trx
      .updateTable('work_point')
      .set({ parent_id: parents[i] >= 0 ? ids[parents[i]] : null })
      .where('id', '=', ids[i])
      .execute();
  }
}

function inUseError(what: string): AppError {
  return new AppError(
    ErrorCode.IN_USE,
    `${what}已被实施方案中的任务引用，不能删除。请先在“实施方案与任务”中解除这些任务与要点的关联，或保留该条目只修改内容。`,
  );
}

/**
 * Stores a document with its items and the original file, in one transaction. The duplicate check runs once, inside
 * it: when the same document was imported before and the user has not agreed to replace that one, nothing is
 * written and the answer says what replacing would change ('confirmReplace'); saving again with its documentId
 * replaces it, matched items keeping their ids. A failure anywhere leaves nothing behind.
 */
export async function savePointsDocument(ctx: AppContext, input: SavePointsInput): Promise<PointsSaveResult> {
  const { fileName, data } = input.file;
  const sha = sha256(data);
  const now = nowText(ctx);
  const ext = (/\.([^.]+)$/.exec(fileName)?.[1] ?? '').toLowerCase();
  let result: { saved: number } | { confirm: ReplaceSummary };
  try {
    result = await ctx.db.transaction().execute(async (trx) => {
      const same = await findSameDocument({ db: trx }, input.meta, sha);
      if (same && same.doc.id !== input.replaceDocumentId)
        return { confirm: await replaceSummary({ db: trx }, same, input.items) };
      if (input.replaceDocumentId !== null) {
        const exists = await trx
          .selectFrom('source_document')
          .select('id')
          .where('id', '=', input.replaceDocumentId)
          .executeTakeFirst();
        if (!exists)
          throw new AppError(ErrorCode.NOT_FOUND, '要替换的上级文件已不存在（可能已被删除），请刷新后重新保存。');
      }
      const attachmentId = await storeAttachment(trx, ctx, fileName, data, MIME[ext] ?? 'application/octet-stream');
      if (input.replaceDocumentId === null) {
        const doc = await trx
          .insertInto('source_document')
          .values({
            ...metaColumns(input.meta),
            source_kind: input.sourceKind,
            attachment_id: attachmentId,
            imported_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const ids: number[] = [];
        for (const [i, it] of input.items.entries()) {
          const r = await trx
            .insertInto('work_point')
            .values({ document_id: doc.id, seq: i + 1, parent_id: null, ...itemColumns(it, now) })
            .returning('id')
            .executeTakeFirstOrThrow();
          ids.push(r.id);
        }
        await relinkParents(
          trx,
          ids,
          input.items.map((i) => i.level),
        );
        const counts = countPoints(input.items);
        await recordAudit(trx, ctx, {
          entity: 'source_document',
          entityId: doc.id,
          action: 'import',
          summary: `导入上级文件“${input.meta.title}”：${counts.items} 条要点（${fileName}）`,
        });
        return { saved: doc.id };
      }
      return { saved: await replaceDocument(trx, ctx, input.replaceDocumentId, input, attachmentId, fileName, now) };
    });
  } catch (e) {
    if (isForeignKeyError(e)) throw inUseError('要被删除的条目');
    throw e;
  }
  if ('confirm' in result) return { status: 'confirmReplace', replace: result.confirm };
  return { status: 'saved', document: (await getSourceDocument(ctx, result.saved)).document };
}

async function replaceDocument(
  trx: Transaction<Database>,
  ctx: AppContext,
  id: number,
  input: SavePointsInput,
  attachmentId: number,
  fileName: string,
  now: string,
): Promise<number> {
  const before = (await pointRows({ db: trx }, [id])).map(toWorkPoint);
  const oldDoc = await trx.selectFrom('source_document').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const diff = diffItems(before, input.items);
  await trx
    .updateTable('source_document')
    .set({
      ...metaColumns(input.meta),
      source_kind: input.sourceKind,
      attachment_id: attachmentId,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  await trx.updateTable('work_point').set({ parent_id: null }).where('document_id', '=', id).execute();
  const ids: number[] = [];
  for (const [i, it] of input.items.entries()) {
    const o = diff.matches.get(i);
    if (o !== undefined) {
      await trx
        .updateTable('work_point')
        .set({ seq: i + 1, ...itemColumns(it, now) })
        .where('id', '=', before[o].id)
        .execute();
      ids.push(before[o].id);
    } else {
      const r = await trx
        .insertInto('work_point')
        .values({ document_id: id, seq: i + 1, parent_id: null, ...itemColumns(it, now) })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(r.id);
    }
  }
  const kept = new Set(ids);
  for (const b of before) {
    if (kept.has(b.id)) continue;
    await trx.deleteFrom('work_point').where('id', '=', b.id).execute();
  }
  await relinkParents(
    trx,
    ids,
    input.items.map((i) => i.level),
  );
  // The previous original file is replaced by the new one, unless something else still uses it.
  if (oldDoc.attachment_id !== null) {
    try {
      await trx.deleteFrom('attachment').where('id', '=', oldDoc.attachment_id).execute();
    } catch (e) {
      if (!isForeignKeyError(e)) throw e;
    }
  }
  await recordAudit(trx, ctx, {
    entity: 'source_document',
    entityId: id,
    action: 'import',
    summary: `重新导入并替换上级文件“${input.meta.title}”（${fileName}）：新增 ${diff.added} 条，删除 ${diff.removed} 条，修改 ${diff.changed} 条`,
  });
  return id;
}

export async function updateSourceDocument(
  ctx: AppContext,
  id: number,
  meta: SourceDocumentMeta,
): Promise<SourceDocument> {
  const before = await docRow(ctx, id);
  const same = await findSameDocument(ctx, meta);
  if (same && same.doc.id !== id)
    throw new AppError(
      ErrorCode.CONFLICT,
      `已有另一份上级文件“${same.doc.title}”（${same.reason}），请检查标题和文号。`,
    );
  await ctx.db.transaction().execute(async (trx) => {
    const cols = metaColumns(meta);
    await trx
      .updateTable('source_document')
      .set({ ...cols, updated_at: nowText(ctx) })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'source_document',
      entityId: id,
      action: 'update',
      summary: `修改上级文件信息：${cols.title}`,
      changes: diffRecords(before, cols, Object.keys(cols)),
    });
  });
  return (await getSourceDocument(ctx, id)).document;
}

export async function updateWorkPoint(ctx: AppContext, id: number, item: PointItem): Promise<WorkPoint> {
  const row = await ctx.db.selectFrom('work_point').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, '找不到该条目，可能已被删除或重新导入，请刷新后重试。');
  const before = toWorkPoint(row as PointRow);
  await ctx.db.transaction().execute(async (trx) => {
    const cols = itemColumns(item, nowText(ctx));
    await trx.updateTable('work_point').set(cols).where('id', '=', id).execute();
    if (before.level !== item.level) {
      const rows = await pointRows({ db: trx }, [before.documentId]);
      await relinkParents(
        trx,
        rows.map((r) => r.id),
        rows.map((r) => r.level),
      );
    }
    await recordAudit(trx, ctx, {
      entity: 'work_point',
      entityId: id,
      action: 'update',
      summary: `修正要点 ${item.label} ${titleOfText(item.text).slice(0, 30)}`,
      changes: diffRecords(before, item, [
        'level',
        'label',
        'title',
        'text',
        'lead',
        'support',
        'deadline',
        'deadlineText',
      ]),
    });
  });
  const after = await ctx.db.selectFrom('work_point').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return toWorkPoint(after as PointRow);
}

/** Deletes a document with its items and original file; refused while the plan uses any of its items. */
export async function deleteSourceDocument(ctx: AppContext, id: number): Promise<void> {
  const doc = await docRow(ctx, id);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('work_point').set({ parent_id: null }).where('document_id', '=', id).execute();
      await trx.deleteFrom('work_point').where('document_id', '=', id).execute();
      await trx.deleteFrom('source_document').where('id', '=', id).execute();
      if (doc.attachment_id !== null) await trx.deleteFrom('attachment').where('id', '=', doc.attachment_id).execute();
      await recordAudit(trx, ctx, {
        entity: 'source_document',
        entityId: id,
        action: 'delete',
        summary: `删除上级文件“${doc.title}”及其要点`,
      });
    });
  } catch (e) {
    if (isForeignKeyError(e)) throw inUseError(`上级文件“${doc.title}”中的条目`);
    throw e;
  }
}
