import { z } from 'zod';
import { idSchema, uploadSchema, yearSchema } from '../../domain/files';
import {
  parsedPointsSchema,
  pointItemSchema,
  replaceSummarySchema,
  sourceDocumentMetaSchema,
  sourceDocumentSchema,
  workPointSchema,
} from '../../domain/points';
import { columnRolesInputSchema } from '../../domain/table-columns';

const ok = z.object({ ok: z.literal(true) });

/** A file (picker, drag and drop) or pasted text: exactly one of the two. */
const pointsSourceSchema = z
  .object({
    upload: uploadSchema.nullable().default(null),
    pastedText: z.string().max(2_000_000, '粘贴的文字过长').nullable().default(null),
  })
  .refine((s) => (s.upload === null) !== (s.pastedText === null), { message: '请选择一个文件，或粘贴文字' });

const pointsPreviewSchema = z.object({
  /** The previewed file, kept by the app for saving (points.save), so it is uploaded and read once. */
  previewId: z.string(),
  fileName: z.string(),
  /** sha256 of the file (or pasted text), to recognise the same file imported again. */
  sha256: z.string(),
  parsed: parsedPointsSchema,
});
export type PointsPreview = z.infer<typeof pointsPreviewSchema>;

const previewIdSchema = z.string().min(1, '缺少导入预览编号').max(100, '导入预览编号无效');

const pointsPreviewInputSchema = z.union(
  [
    z.object({ source: pointsSourceSchema, year: yearSchema.optional() }),
    /**
     * The previewed file read again: with another year (按某年重新识别时限), or with the column roles the user chose
     * for its tables (remembered for the next table with the same header).
     */
    z.object({
      previewId: previewIdSchema,
      year: yearSchema.optional(),
      roles: columnRolesInputSchema.optional().describe('表格各列的内容'),
    }),
  ],
  { error: '请选择一个文件，或粘贴文字' },
);

const pointsSaveInputSchema = z.object({
  previewId: previewIdSchema,
  meta: sourceDocumentMetaSchema,
  /** The previewed items with the user's corrections (merged, split, levels, units, deadlines). */
  items: z.array(pointItemSchema).min(1, '至少要有一个条目').max(3000, '条目过多'),
  /** Set when the user agreed to replace this already imported document (after a confirmReplace answer). */
  replaceDocumentId: idSchema.nullable().default(null),
});

/** Saved; or nothing written because the same document exists: what replacing it would change. */
const pointsSaveResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), document: sourceDocumentSchema }),
  z.object({ status: z.literal('confirmReplace'), replace: replaceSummarySchema }),
]);
export type PointsSaveResult = z.infer<typeof pointsSaveResultSchema>;

export const pointsContract = {
  'points.preview': { input: pointsPreviewInputSchema, output: pointsPreviewSchema },
  'points.save': { input: pointsSaveInputSchema, output: pointsSaveResultSchema },
  'points.documents': { input: z.object({ year: yearSchema }), output: z.array(sourceDocumentSchema) },
  'points.document': {
    input: z.object({ id: idSchema }),
    output: z.object({ document: sourceDocumentSchema, items: z.array(workPointSchema) }),
  },
  'points.updateDocument': {
    input: z.object({ id: idSchema, meta: sourceDocumentMetaSchema }),
    output: sourceDocumentSchema,
  },
  'points.updateItem': { input: z.object({ id: idSchema, item: pointItemSchema }), output: workPointSchema },
  'points.deleteDocument': { input: z.object({ id: idSchema }), output: ok },
} as const;
