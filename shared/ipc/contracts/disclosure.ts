// 信息公开: 信息发布登记, 依申请公开 (with 复议/诉讼), table 二 inputs and the annual report.
import { z } from 'zod';
import {
  annualReportSchema,
  deadlineSchema,
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

/** A row's sheet is named only when the rows came from several sheets (importRowPlace says where the row is). */
const rowSheet = z.string().optional();
const importOutcomeSchema = z.object({
  /** The sheet the rows were read from (the first, when several were): a row without its own sheet is on it. */
  sheet: z.string(),
  /** Every sheet read (one per month, say), in the workbook's order. */
  sheets: z.array(z.string()),
  added: z.array(z.object({ row: z.number(), sheet: rowSheet, title: z.string(), date: z.string() })),
  skipped: z.array(z.object({ row: z.number(), sheet: rowSheet, reason: z.string() })),
  refused: z.array(z.object({ row: z.number(), sheet: rowSheet, reason: z.string() })),
  /** 栏目 created on the user's word during the import. */
  newColumns: z.array(z.string()),
  /** Added rows per year of their date, earliest first ("2024年2件、2025年12件"). */
  byYear: z.array(z.object({ year: z.number(), count: z.number() })),
  /** 栏目 of the file the 公开目录 does not know and no earlier import mapped: nothing stored; choose and import again. */
  unknownColumns: z.array(z.object({ name: z.string(), rows: z.number() })),
});

/** For each unknown 栏目 of a publication import: an existing 栏目 (remembered for next time), or null to create it. */
const columnChoicesSchema = z
  .array(
    z.object({
      name: z.string().max(30).describe('文件中的栏目'),
      columnId: idSchema.nullable().describe('对应的栏目'),
    }),
  )
  .max(500)
  .default([])
  .describe('栏目对应');

/** Set when the user confirmed that an application identical to a registered one is really a second one. */
const confirmDuplicateSchema = z.boolean().default(false).describe('确认登记相同的申请');

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
      /** The 答复期限's calendarWarning (its working days run through a year without holiday data). */
      calendarWarning: z.string().nullable(),
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
  'disclosure.importPublications': {
    input: z.object({ upload: uploadSchema, columns: columnChoicesSchema }),
    output: importOutcomeSchema,
  },
  'disclosure.requests': { input: z.object({ year: yearSchema }), output: z.array(requestSchema) },
  'disclosure.createRequest': {
    input: requestInputSchema.extend({ confirmDuplicate: confirmDuplicateSchema }),
    output: requestSchema,
  },
  'disclosure.updateRequest': {
    input: requestInputSchema.extend({ id: idSchema, confirmDuplicate: confirmDuplicateSchema }),
    output: requestSchema,
  },
  /** The 答复期限 the 办理 dialog shows while dates are typed, before saving. */
  'disclosure.requestDeadline': {
    input: requestInputSchema.pick({ receivedDate: true, answeredDate: true, steps: true, result: true }),
    output: deadlineSchema,
  },
  'disclosure.deleteRequest': { input: z.object({ id: idSchema }), output: ok },
  'disclosure.importRequests': { input: z.object({ upload: uploadSchema }), output: importOutcomeSchema },
  /** With a year: the cases table 四 counts for it (pending at some time in the year). */
  'disclosure.reviews': { input: z.object({ year: yearSchema.optional() }).optional(), output: z.array(reviewSchema) },
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
