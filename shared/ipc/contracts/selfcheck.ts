// 自查整改: 考核细则 templates, the self-check with 佐证材料, the 自查报告 draft, 回头看 and the 整改台账.
import { z } from 'zod';
import { deliveredFileSchema, idSchema, isoDateSchema, uploadSchema, yearSchema } from '../../domain/files';
import {
  EVIDENCE_KINDS,
  evidenceInputSchema,
  gradesInputSchema,
  indicatorAddSchema,
  indicatorPatchSchema,
  indicatorRemoveSchema,
  evidenceSuggestionSchema,
  indicatorPreviewSchema,
  lookbackTaskSchema,
  rectificationInputSchema,
  rectificationSchema,
  reportSectionsSchema,
  scoreInputSchema,
  selfcheckViewSchema,
  templateInfoSchema,
  templateInputSchema,
  contradictionSchema,
} from '../../domain/selfcheck';
import { measureChoiceSchema, proposalSchema, RECORD_MEASURES } from '../../domain/selfcheck-measures';
import { columnRolesInputSchema } from '../../domain/table-columns';

const ok = z.object({ ok: z.literal(true) });
const editResult = z.object({ ok: z.literal(true), warnings: z.array(z.string()) });

/** The documents this area produces; the same names are used on the command line (`export <name>`). */
export const SELFCHECK_EXPORT_KINDS = [
  'selfcheck-xlsx',
  'selfcheck-docx',
  'rectification-xlsx',
  'rectification-docx',
] as const;

const rectIdInput = z.object({ id: idSchema });

export const selfcheckContract = {
  'selfcheck.get': { input: z.object({ year: yearSchema }), output: selfcheckViewSchema },
  /** A 细则 file read for the preview; `roles`: the column roles the user chose (remembered for the same header). */
  'selfcheck.previewFile': {
    input: z.object({ upload: uploadSchema, roles: columnRolesInputSchema.optional().describe('表格各列的内容') }),
    output: indicatorPreviewSchema,
  },
  'selfcheck.starterPreview': { input: z.object({}).optional(), output: indicatorPreviewSchema },
  'selfcheck.saveTemplate': { input: templateInputSchema, output: templateInfoSchema },
  'selfcheck.copyTemplate': {
    input: z.object({ fromYear: yearSchema, toYear: yearSchema, replace: z.boolean().default(false) }),
    output: templateInfoSchema,
  },
  'selfcheck.deleteTemplate': { input: z.object({ year: yearSchema }), output: ok },
  // Editing the saved 细则: each answers what to look at afterwards (a child's sum above its parent …), never stopping the edit.
  'selfcheck.updateIndicator': { input: indicatorPatchSchema, output: editResult },
  'selfcheck.addIndicator': { input: indicatorAddSchema, output: editResult.extend({ id: idSchema }) },
  'selfcheck.indicatorUsage': {
    input: z.object({ id: idSchema }),
    output: z.object({
      path: z.string(),
      nodes: z.number().int(),
      scored: z.number().int(),
      evidence: z.number().int(),
      rectifications: z.number().int(),
    }),
  },
  'selfcheck.removeIndicator': { input: indicatorRemoveSchema, output: editResult },
  'selfcheck.saveGrades': { input: gradesInputSchema, output: editResult },
  'selfcheck.saveEntry': { input: scoreInputSchema, output: ok },
  // 由记录计算: choose what the records measure for a leaf, see the 建议分 of a measure, accept it (audited).
  'selfcheck.setMeasure': {
    input: z.object({
      indicatorId: idSchema,
      recordMeasure: measureChoiceSchema.nullable().describe('得分依据的记录'),
    }),
    output: ok,
  },
  'selfcheck.proposal': {
    input: z.object({
      indicatorId: idSchema,
      recordMeasure: z.enum(RECORD_MEASURES, { error: '记录口径不对' }).describe('得分依据的记录'),
    }),
    output: proposalSchema.nullable(),
  },
  'selfcheck.acceptProposal': {
    input: z.object({
      indicatorId: idSchema,
      recordMeasure: z.enum(RECORD_MEASURES, { error: '记录口径不对' }).describe('得分依据的记录'),
      /** As typed in the drawer (kept instead of the stored ones); an empty reason is written from the records. */
      reason: z.string().max(2000, '扣分原因不能超过2000个字').optional(),
      measure: z.string().max(2000, '整改措施不能超过2000个字').optional(),
    }),
    output: proposalSchema,
  },
  /** 暂定: show the grade, so labelled, before every indicator is rated. */
  'selfcheck.setProvisional': {
    input: z.object({ year: yearSchema, provisional: z.boolean().describe('暂定') }),
    output: ok,
  },
  /** What the records contradict in the 自查报告's text and the 整改台账's closing words. */
  'selfcheck.contradictions': { input: z.object({ year: yearSchema }), output: z.array(contradictionSchema) },
  'selfcheck.addEvidence': { input: evidenceInputSchema, output: ok },
  'selfcheck.removeEvidence': { input: z.object({ id: idSchema }), output: ok },
  'selfcheck.suggestEvidence': {
    input: z.object({ indicatorId: idSchema }),
    output: z.array(evidenceSuggestionSchema),
  },
  'selfcheck.evidenceOptions': {
    input: z.object({ year: yearSchema, kind: z.enum(EVIDENCE_KINDS) }),
    output: z.array(z.object({ id: idSchema, title: z.string() })),
  },
  'selfcheck.rectify': {
    input: z.object({ indicatorId: idSchema, deadline: isoDateSchema.nullable().default(null).describe('整改时限') }),
    output: rectificationSchema,
  },
  'selfcheck.report': {
    input: z.object({ year: yearSchema }),
    output: z.object({
      sections: reportSectionsSchema,
      saved: z.boolean(),
      updatedAt: z.string().nullable(),
      /** 主送机关 of the 自查报告 and 整改情况报告 as printed ("" for none). */
      addressee: z.string(),
    }),
  },
  'selfcheck.saveReport': {
    input: z.object({
      year: yearSchema,
      sections: reportSectionsSchema,
      /** 主送机关 for both 报告 (absent: unchanged; "": none). */
      addressee: z.string().trim().max(60, '主送机关不能超过60个字').optional(),
    }),
    output: ok,
  },
  'selfcheck.resetReport': { input: z.object({ year: yearSchema }), output: ok },
  'selfcheck.export': {
    input: z.object({ kind: z.enum(SELFCHECK_EXPORT_KINDS), year: yearSchema }),
    output: deliveredFileSchema,
  },

  'lookback.get': {
    input: z.object({ year: yearSchema }),
    output: z.object({
      planYear: yearSchema,
      hasPlan: z.boolean(),
      tasks: z.array(lookbackTaskSchema),
      openRectifications: z.array(rectificationSchema),
    }),
  },
  'lookback.setReason': {
    input: z.object({ taskId: idSchema, reason: z.string().max(1000, '原因不能超过1000个字') }),
    output: ok,
  },
  'lookback.toRectification': {
    input: z.object({
      taskId: idSchema,
      year: yearSchema,
      deadline: isoDateSchema.nullable().default(null).describe('整改时限'),
    }),
    output: rectificationSchema,
  },
  'lookback.carryForward': {
    input: z.object({ taskId: idSchema, year: yearSchema }),
    output: z.object({ taskId: idSchema }),
  },

  'rectification.list': {
    input: z.object({ year: yearSchema.optional(), openOnly: z.boolean().default(false) }),
    output: z.array(rectificationSchema),
  },
  'rectification.create': { input: rectificationInputSchema, output: rectificationSchema },
  'rectification.update': {
    input: z.object({ id: idSchema, item: rectificationInputSchema }),
    output: rectificationSchema,
  },
  'rectification.delete': { input: rectIdInput, output: ok },
  'rectification.addProgress': {
    input: z.object({
      rectificationId: idSchema,
      date: isoDateSchema,
      text: z.string(),
      upload: uploadSchema.nullable().default(null),
      files: z.array(uploadSchema).max(20, '佐证材料一次最多上传20个文件').default([]),
      url: z.string().nullable().default(null),
    }),
    output: rectificationSchema,
  },
  'rectification.addEvidence': {
    input: z.object({
      progressId: idSchema.describe('进展记录'),
      files: z.array(uploadSchema).max(20, '佐证材料一次最多上传20个文件').default([]),
      url: z.string().nullable().default(null),
    }),
    output: rectificationSchema,
  },
  'rectification.removeEvidence': { input: z.object({ id: idSchema }), output: rectificationSchema },
  'rectification.signOff': {
    input: z.object({ id: idSchema, closedOn: isoDateSchema, closedBy: z.string() }),
    output: rectificationSchema,
  },
  'rectification.reopen': { input: rectIdInput, output: rectificationSchema },
} as const;
