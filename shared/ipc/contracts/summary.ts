// 年度工作总结 and the home dashboard.
import { z } from 'zod';
import { deliveredFileSchema, idSchema, isoDateSchema, yearSchema } from '../../domain/files';
import {
  figuresSchema,
  paragraphInputSchema,
  refreshResultSchema,
  summaryKindSchema,
  summaryMetaInputSchema,
  summarySchema,
} from '../../domain/summary';
import { LIGHTS } from '../../domain/lights';

const which = z.object({ year: yearSchema, kind: summaryKindSchema.default('年度') });

const dashboardSchema = z.object({
  year: yearSchema,
  today: isoDateSchema,
  /** The registry's figures for the year (figuresFor): the cards' sentences quote these by name. */
  figures: figuresSchema,
  /** The plan's sections in order with their tasks by status (overdue counted apart, from the task light). */
  sections: z.array(
    z.object({
      id: idSchema,
      title: z.string(),
      tasks: z.number().int(),
      done: z.number().int(),
      inProgress: z.number().int(),
      notStarted: z.number().int(),
      overdue: z.number().int(),
    }),
  ),
  lights: z.record(z.enum(LIGHTS), z.number().int()),
  /** Trainings held per month (the chart); the year's totals are the figures training.*. */
  trainings: z.object({
    months: z.array(z.object({ month: z.number().int(), count: z.number().int(), hours: z.number() })),
  }),
  /** Dates coming up (and ones already missed): 备案, 年度报告, … */
  upcoming: z.array(
    z.object({
      date: isoDateSchema,
      title: z.string(),
      detail: z.string(),
      route: z.string().nullable(),
      overdue: z.boolean(),
      /** A date counted in working days through a year without holiday data (calendarGapNote); null otherwise. */
      calendarWarning: z.string().nullable(),
    }),
  ),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const summaryContract = {
  'summary.get': { input: which, output: summarySchema.nullable() },
  'summary.create': { input: which, output: summarySchema },
  'summary.refresh': { input: z.object({ id: idSchema }), output: refreshResultSchema },
  'summary.updateParagraph': { input: paragraphInputSchema, output: summarySchema },
  'summary.resetParagraph': { input: z.object({ id: idSchema }), output: summarySchema },
  'summary.keepParagraph': { input: z.object({ id: idSchema }), output: summarySchema },
  'summary.saveMeta': { input: summaryMetaInputSchema.extend({ id: idSchema }), output: summarySchema },
  'summary.regenerate': { input: z.object({ id: idSchema }), output: summarySchema },
  'summary.figures': {
    /** The year's figures, or with kind 半年 those of 1 January–30 June. */
    input: which,
    output: z.object({ year: yearSchema, figures: figuresSchema }),
  },
  'summary.export': { input: which, output: deliveredFileSchema },
  'summary.dashboard': { input: z.object({ year: yearSchema }), output: dashboardSchema },
} as const;
