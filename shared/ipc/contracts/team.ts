// 政务公开队伍: AB岗 (posts, holders, changes with 交接/备案, absences, warnings) and 培训台账.
import { z } from 'zod';
import { deliveredFileSchema, idSchema, isoDateSchema, uploadSchema, yearSchema } from '../../domain/files';
import {
  abImportPreviewSchema,
  abRoleSchema,
  absenceInputSchema,
  correctHoldingInputSchema,
  absenceSchema,
  assignInputSchema,
  changeInputSchema,
  changeSchema,
  filingInputSchema,
  holdingSchema,
  postInputSchema,
  postSchema,
  teamWarningSchema,
} from '../../domain/ab';
import { teamSettingsSchema } from '../../domain/team-settings';
import {
  trainingImportPreviewSchema,
  trainingInputSchema,
  trainingRequirementSchema,
  trainingSchema,
} from '../../domain/training';

const ok = z.object({ ok: z.literal(true) });

/** The documents this area produces; the same names are used on the command line (`export <name>`). */
export const TEAM_EXPORT_KINDS = [
  'ab-xlsx',
  'ab-docx',
  'filing-docx',
  'handover-docx',
  'training-xlsx',
  'signin-docx',
  'training-docx',
] as const;
const teamExportKindSchema = z.enum(TEAM_EXPORT_KINDS);
export type TeamExportKind = z.infer<typeof teamExportKindSchema>;

export const teamContract = {
  'team.settings': { input: z.object({}).strict().optional(), output: teamSettingsSchema },
  'team.saveSettings': { input: teamSettingsSchema, output: teamSettingsSchema },
  'team.warnings': { input: z.object({}).strict().optional(), output: z.array(teamWarningSchema) },
  'team.export': {
    input: z.object({
      kind: teamExportKindSchema,
      year: yearSchema.optional(),
      id: idSchema.optional(),
      date: isoDateSchema.optional(),
    }),
    output: deliveredFileSchema,
  },

  'ab.posts': {
    input: z.object({ includeInactive: z.boolean().default(false) }).optional(),
    output: z.array(postSchema),
  },
  'ab.createPost': { input: postInputSchema, output: postSchema },
  /** Reads an AB岗设置表 .xlsx (the one exported here, or one with its columns) and says row by row what it would do. */
  'ab.importPreview': { input: uploadSchema, output: abImportPreviewSchema },
  /** Imports it: posts, duties and holders (from `startDate`); nothing is stored unless every row is usable. */
  'ab.importCommit': {
    input: uploadSchema.extend({ startDate: isoDateSchema.describe('任职开始日期') }),
    output: z.object({ posts: z.number().int(), holders: z.number().int() }),
  },
  'ab.updatePost': { input: postInputSchema.extend({ id: idSchema }), output: postSchema },
  'ab.setPostActive': { input: z.object({ id: idSchema, active: z.boolean() }), output: postSchema },
  'ab.history': {
    input: z.object({ postId: idSchema.optional() }).optional(),
    output: z.object({ holdings: z.array(holdingSchema), changes: z.array(changeSchema) }),
  },
  'ab.assign': { input: assignInputSchema, output: postSchema },
  'ab.correctHolding': { input: correctHoldingInputSchema, output: holdingSchema },
  'ab.endHolding': {
    input: z.object({ postId: idSchema, role: abRoleSchema, endDate: isoDateSchema }),
    output: postSchema,
  },
  'ab.change': { input: changeInputSchema, output: changeSchema },
  'ab.changes': {
    input: z.object({ unfiledOnly: z.boolean().default(false) }).optional(),
    output: z.array(changeSchema),
  },
  'ab.file': { input: filingInputSchema, output: changeSchema },
  'ab.absences': { input: z.object({ from: isoDateSchema.optional() }).optional(), output: z.array(absenceSchema) },
  'ab.createAbsence': { input: absenceInputSchema, output: absenceSchema },
  'ab.deleteAbsence': { input: z.object({ id: idSchema }), output: ok },

  'training.list': { input: z.object({ year: yearSchema }), output: z.array(trainingSchema) },
  'training.get': { input: z.object({ id: idSchema }), output: trainingSchema },
  'training.create': { input: trainingInputSchema, output: trainingSchema },
  'training.update': { input: trainingInputSchema.extend({ id: idSchema }), output: trainingSchema },
  'training.delete': { input: z.object({ id: idSchema }), output: ok },
  'training.addFile': {
    input: z.object({ trainingId: idSchema, kind: z.enum(['材料', '照片']), upload: uploadSchema }),
    output: trainingSchema,
  },
  'training.removeFile': { input: z.object({ trainingId: idSchema, attachmentId: idSchema }), output: trainingSchema },
  /** Reads a 培训台账 .xlsx (the one exported here, or one kept with its columns) and says row by row what it would do. */
  'training.importPreview': { input: uploadSchema, output: trainingImportPreviewSchema },
  /** Imports its new trainings with their people; nothing is stored unless every row is usable. */
  'training.importCommit': {
    input: uploadSchema,
    output: z.object({ created: z.number().int(), skipped: z.number().int() }),
  },
  'training.requirement': { input: z.object({ year: yearSchema }), output: trainingRequirementSchema },
} as const;
