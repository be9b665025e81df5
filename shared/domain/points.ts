import { z } from 'zod';
import { idSchema, isoDateSchema, yearSchema } from './files';
import { parentIndexes } from './point-numbering';
import { tableColumnsSchema } from './table-columns';

// Plain helpers without zod live in points-text.ts, so the readers (and parse-points) load no schema library.
export { MAX_POINTS_FILE_BYTES, titleOfText } from './points-text';

// 上级文件 (source document) and its 工作要点 (work points). See glossary.md.

const pointLevelSchema = z.number().int().min(1, '层级为1到5').max(5, '层级为1到5');
const unitList = z.array(z.string().trim().min(1).max(100, '单位名称不能超过100个字')).max(100);

/** One item as an import yields it and as the user corrects it in the preview. */
export const pointItemSchema = z.object({
  level: pointLevelSchema,
  /** The bare numeral as written: "一", "1", "①". */
  label: z.string().max(20),
  /** The short heading: text up to the first 。. */
  title: z.string().max(1000),
  /** The item's own full text, label and responsibility note removed. */
  text: z.string().max(50_000),
  lead: unitList,
  support: unitList,
  deadline: isoDateSchema.nullable(),
  /** The words the deadline came from, also for relative (10个工作日内), recurring (每季度), open (持续推进) ones. */
  deadlineText: z.string().max(200).nullable(),
});
export type PointItem = z.infer<typeof pointItemSchema>;

const SOURCE_KINDS = ['docx', 'xlsx', 'txt', 'paste'] as const;
const sourceKindSchema = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof sourceKindSchema>;
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  docx: 'Word 文档',
  xlsx: 'Excel 分工表',
  txt: '文本文件',
  paste: '粘贴文本',
};

/** The document's metadata (标题, 文号, 发文单位, 成文日期, 年度). */
export const sourceDocumentMetaSchema = z.object({
  title: z.string().trim().min(1, '请填写文件标题').max(200, '标题不能超过200个字'),
  docNumber: z.string().trim().max(60, '文号不能超过60个字').nullable(),
  issuer: z.string().trim().max(100, '发文单位不能超过100个字').nullable(),
  issuedDate: isoDateSchema.nullable(),
  year: yearSchema,
});
export type SourceDocumentMeta = z.infer<typeof sourceDocumentMetaSchema>;

/** What a reader makes of a file or pasted text, before anything is stored. */
export const parsedPointsSchema = z.object({
  title: z.string(),
  docNumber: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedDate: isoDateSchema.nullable(),
  year: yearSchema,
  /** Whether the year came from --year / the user, the document itself, or the working year as a fallback. */
  yearSource: z.enum(['given', 'document', 'fallback']),
  sourceKind: sourceKindSchema,
  items: z.array(pointItemSchema),
  /** Things the reader noticed and the user should check (Chinese). */
  warnings: z.array(z.string()),
  /** The file's tables (two or more columns) with the role of each column, for the preview to show and correct. */
  tables: z.array(tableColumnsSchema),
});
export type ParsedPoints = z.infer<typeof parsedPointsSchema>;

/** Counts shown above the preview: N items, M without a responsible unit, K with deadlines. */
interface PointCounts {
  items: number;
  withoutUnit: number;
  withDeadline: number;
}

/** Whether item i is a heading: an item deeper than it follows (it groups tasks; it is not one itself). */
export function isHeadingItem(items: readonly Pick<PointItem, 'level'>[], i: number): boolean {
  const next = items[i + 1];
  return next !== undefined && next.level > items[i].level;
}

/**
 * Which items lack a responsible unit: tasks (not headings with items below them) with no units of their own and
 * none on an item above them (①② under "3.…（办公室牵头负责）" are covered by item 3).
 */
export function missingUnits(items: readonly Pick<PointItem, 'level' | 'lead' | 'support'>[]): boolean[] {
  const parents = parentIndexes(items.map((i) => i.level));
  const has = (i: number): boolean =>
    items[i].lead.length > 0 || items[i].support.length > 0 || (parents[i] >= 0 && has(parents[i]));
  return items.map((_it, i) => !isHeadingItem(items, i) && !has(i));
}

/** Counts shown with the preview and the list: N items, M without a responsible unit, K with deadlines. */
export function countPoints(items: readonly Pick<PointItem, 'level' | 'lead' | 'support' | 'deadline'>[]): PointCounts {
  return {
    items: items.length,
    withoutUnit: missingUnits(items).filter(Boolean).length,
    withDeadline: items.filter((i) => i.deadline).length,
  };
}

export const sourceDocumentSchema = sourceDocumentMetaSchema.extend({
  id: idSchema,
  sourceKind: sourceKindSchema,
  attachmentId: idSchema.nullable(),
  fileName: z.string().nullable(),
  importedAt: z.string(),
  updatedAt: z.string(),
  itemCount: z.number().int(),
  withoutUnit: z.number().int(),
  withDeadline: z.number().int(),
});
export type SourceDocument = z.infer<typeof sourceDocumentSchema>;

/** A stored work point (table work_point). */
export const workPointSchema = pointItemSchema.extend({
  id: idSchema,
  documentId: idSchema,
  /** Position in the document, from 1. */
  seq: z.number().int(),
  parentId: idSchema.nullable(),
});
export type WorkPoint = z.infer<typeof workPointSchema>;

/** What replacing an already imported document would change, item by item (matched by numbering path). */
export const replaceSummarySchema = z.object({
  documentId: idSchema,
  title: z.string(),
  importedAt: z.string(),
  /** Why it is considered the same document (same 文号, same title, same file). */
  reason: z.string(),
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  /** A few lines for people: "新增 二（三）2 …", "删除 …", "修改 … 牵头单位". */
  details: z.array(z.string()),
});
export type ReplaceSummary = z.infer<typeof replaceSummarySchema>;
