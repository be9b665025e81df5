// 核对: the check across a year's documents and records (main/services/yearcheck).
import { z } from 'zod';
import { yearCheckSchema, yearCheckViewSchema } from '../../domain/yearcheck';
import { yearSchema } from '../../domain/files';

export const yearcheckContract = {
  /** Every finding of the year, and whether it has any record to check. */
  'yearcheck.findings': { input: z.object({ year: yearSchema }), output: yearCheckViewSchema },
  /** The findings that concern the document an export produces (none for an export that is not a year document). */
  'yearcheck.forExport': {
    input: z.object({ year: yearSchema, kind: z.string().max(60).describe('导出类型') }),
    output: yearCheckSchema,
  },
} as const;
