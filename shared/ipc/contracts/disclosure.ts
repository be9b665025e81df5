// 信息公开: 信息发布登记, 依申请公开 (with 复议/诉讼), table 二 inputs and the annual report.
import { z } from 'zod';
import {
  annualReportSchema,
  publicationColumnSchema,
  publicationInputSchema,
  publicationSchema,
  reportViewSchema,
  requestInputSchema,
  requestSchema,
  reviewInputSchema,
  reviewSchema,
  yearInputSchema,
} from '../../domain/disclosure';
import { deliveredFileSchema, idSchema, uploadSchema, yearSchema } from '../../domain/files';

const ok = z.object({ ok: z.literal(true) });

/** The documents this area produces; the same names are used on the command line (`export <name>`). */
const DISCLOSURE_EXPORT_KINDS = [
  'annual-report-docx',
  'annual-report-xlsx',
  'publications-xlsx',
  'requests-xlsx',
  'request-receipt-docx',
  'request-correction-docx',
  'request-extension-docx',
  'request-consult-docx',
  'request-answer-docx',
] as const;
export type DisclosureExportKind = (typeof DISCLOSURE_EXPORT_KINDS)[number];

const importOutcomeSchema = z.object({
  added: z.array(z.object({ row: z.number(), title: z.string() })),
  skipped: z.array(z.object({ row: z.number(), reason: z.string() })),
  refused: z.array(z.object({ row: z.number(), reason: z.string() })),
  newColumns: z.array(z.string()),
});

const countSchema = z.object({ name: z.string(), count: z.number() });
const publicationStatsSchema = z.object({
  year: z.number(),
  total: z.number(),
  interpretations: z.number(),
  normative: z.number(),
  late: z.number(),
  reviewComplete: z.number(),
  byColumn: z.array(countSchema),
  byChannel: z.array(countSchema),
  byMonth: z.array(z.number()),
});

const disclosureHomeSchema = z.object({
  /** From 1 January until it is exported: last year's report and its due date. */
  report: z
    .object({ year: z.number(), due: z.string(), daysLeft: z.number(), exportedAt: z.string().nullable() })
    .nullable(),
  open: z.array(
    z.object({
      id: z.number(),
      applicant: z.string(),
      receivedDate: z.string(),
      dueDate: z.string().nullable(),
      state: z.string(),
      remaining: z.number().nullable(),
    }),
  ),
});

const disclosureSettingsSchema = z.object({
  reportDue: z.string().regex(/^01-(0[1-9]|[12]\d|3[01])$/, '年报报送日期应为1月内的日期，如 01-31'),
});

export const disclosureContract = {
  'disclosure.columns': { input: z.object({}).strict().optional(), output: z.array(publicationColumnSchema) },
  'disclosure.createColumn': { input: z.object({ name: z.string() }), output: z.array(publicationColumnSchema) },
  'disclosure.updateColumn': {
    input: z.object({ id: idSchema, name: z.string(), active: z.boolean() }),
    output: z.array(publicationColumnSchema),
  },
  'disclosure.publications': { input: z.object({ year: yearSchema }), output: z.array(publicationSchema) },
  'disclosure.createPublication': { input: publicationInputSchema, output: publicationSchema },
  'disclosure.updatePublication': { input: publicationInputSchema.extend({ id: idSchema }), output: publicationSchema },
  'disclosure.deletePublication': { input: z.object({ id: idSchema }), output: ok },
  'disclosure.publicationStats': { input: z.object({ year: yearSchema }), output: publicationStatsSchema },
  'disclosure.importPublications': { input: z.object({ upload: uploadSchema }), output: importOutcomeSchema },
  'disclosure.requests': { input: z.object({ year: yearSchema }), output: z.array(requestSchema) },
  'disclosure.createRequest': { input: requestInputSchema, output: requestSchema },
  'disclosure.updateRequest': { input: requestInputSchema.extend({ id: idSchema }), output: requestSchema },
  'disclosure.deleteRequest': { input: z.object({ id: idSchema }), output: ok },
  'disclosure.importRequests': { input: z.object({ upload: uploadSchema }), output: importOutcomeSchema },
  'disclosure.reviews': { input: z.object({}).strict().optional(), output: z.array(reviewSchema) },
  'disclosure.saveReview': { input: reviewInputSchema.extend({ id: idSchema.nullable() }), output: reviewSchema },
  'disclosure.deleteReview': { input: z.object({ id: idSchema }), output: ok },
  'disclosure.report': { input: z.object({ year: yearSchema }), output: reportViewSchema },
  'disclosure.reportFigures': { input: z.object({ year: yearSchema }), output: annualReportSchema },
  'disclosure.saveYearInput': { input: yearInputSchema, output: reportViewSchema },
  'disclosure.export': {
    input: z.object({ kind: z.enum(DISCLOSURE_EXPORT_KINDS), year: yearSchema.optional(), id: idSchema.optional() }),
    output: deliveredFileSchema,
  },
  'disclosure.home': { input: z.object({}).strict().optional(), output: disclosureHomeSchema },
  'disclosure.settings': { input: z.object({}).strict().optional(), output: disclosureSettingsSchema },
  'disclosure.saveSettings': { input: disclosureSettingsSchema, output: disclosureSettingsSchema },
} as const;
