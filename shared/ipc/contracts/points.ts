import { z } from 'zod';
import { idSchema, uploadSchema, yearSchema } from '../../domain/files';
import {
  parsedPointsSchema, pointItemSchema, replaceSummarySchema, sourceDocumentMetaSchema, sourceDocumentSchema,
  workPointSchema,
} from '../../domain/points';

const ok = z.object({ ok: z.literal(true) });

/** A file (picker, drag and drop) or pasted text: exactly one of the two. */
export const pointsSourceSchema = z.object({
  upload: uploadSchema.nullable().default(null),
  pastedText: z.string().max(2_000_000, '粘贴的文字过长').nullable().default(null),
}).refine((s) => (s.upload === null) !== (s.pastedText === null), { message: '请选择一个文件，或粘贴文字' });

export const pointsPreviewSchema = z.object({
  fileName: z.string(),
  /** sha256 of the file (or pasted text), to recognise the same file imported again. */
  sha256: z.string(),
  parsed: parsedPointsSchema,
  /** An already imported document this one would replace, and what would change; null when it is new. */
  replace: replaceSummarySchema.nullable(),
});
export type PointsPreview = z.infer<typeof pointsPreviewSchema>;

export const pointsSaveInputSchema = z.object({
  source: pointsSourceSchema,
  sourceKind: z.enum(['docx', 'xlsx', 'txt', 'paste']),
  meta: sourceDocumentMetaSchema,
  items: z.array(pointItemSchema).min(1, '至少要有一个条目').max(3000, '条目过多'),
  /** Set when the user agreed to replace this already imported document. */
  replaceDocumentId: idSchema.nullable().default(null),
});
export type PointsSaveInput = z.input<typeof pointsSaveInputSchema>;

export const pointsContract = {
  'points.preview': {
    input: z.object({ source: pointsSourceSchema, year: yearSchema.optional() }),
    output: pointsPreviewSchema,
  },
  'points.checkReplace': {
    input: z.object({ meta: sourceDocumentMetaSchema, items: z.array(pointItemSchema), sha256: z.string().optional() }),
    output: replaceSummarySchema.nullable(),
  },
  'points.save': { input: pointsSaveInputSchema, output: sourceDocumentSchema },
  'points.documents': { input: z.object({ year: yearSchema }), output: z.array(sourceDocumentSchema) },
  'points.document': {
    input: z.object({ id: idSchema }),
    output: z.object({ document: sourceDocumentSchema, items: z.array(workPointSchema) }),
  },
  'points.updateDocument': { input: z.object({ id: idSchema, meta: sourceDocumentMetaSchema }), output: sourceDocumentSchema },
  'points.updateItem': { input: z.object({ id: idSchema, item: pointItemSchema }), output: workPointSchema },
  'points.deleteDocument': { input: z.object({ id: idSchema }), output: ok },
} as const;
