import { z } from 'zod';
import { deliveredFileSchema, idSchema, isoDateSchema, yearSchema } from '../../domain/files';
import {
  planInputSchema,
  planSchema,
  pointRefSchema,
  progressEntrySchema,
  progressInputSchema,
  progressUpdateSchema,
  taskFilterSchema,
  taskInputSchema,
  taskSchema,
  unitMappingSchema,
} from '../../domain/plan';
import { LIGHTS } from '../../domain/lights';

const ok = z.object({ ok: z.literal(true) });
const sectionTitle = z.string().trim().min(1, '请填写章节名称').max(100, '章节名称不能超过100个字');

const generateResultSchema = z.object({
  planId: idSchema,
  sections: z.number().int(),
  tasks: z.number().int(),
  unmappedUnits: z.array(z.object({ unit: z.string(), tasks: z.number().int() })),
  tasksWithoutUnit: z.number().int(),
  tasksWithoutLead: z.number().int(),
});

const mappingChoices = z
  .array(
    z.object({
      unit: z.string().min(1, '单位名称不能为空').max(100, '单位名称不能超过100个字'),
      departmentId: idSchema.nullable(),
      ignored: z.boolean(),
      /** 全部科室 (only with no 科室 and not 不涉及). */
      allDepartments: z.boolean().default(false),
    }),
  )
  .max(500, '单位对应一次最多500条');

const coverageSchema = z.object({ total: z.number().int(), covered: z.number().int(), gaps: z.array(pointRefSchema) });

const dueItemSchema = z.object({
  id: idSchema,
  title: z.string(),
  dueDate: isoDateSchema,
  light: z.enum(LIGHTS),
  periodLabel: z.string().nullable(),
  lead: z.string(),
  owner: z.string(),
  workingDaysLeft: z.number().int().nullable(),
  /** The task's calendarWarning (its light counts days of a year without holiday data). */
  calendarWarning: z.string().nullable(),
});
export type DueItem = z.infer<typeof dueItemSchema>;

export const PLAN_EXPORT_KINDS = ['plan-docx', 'tasks-xlsx', 'tasks-docx', 'ledger-xlsx'] as const;

export const planContract = {
  'plan.get': { input: z.object({ year: yearSchema }), output: planSchema.nullable() },
  'plan.save': { input: planInputSchema.extend({ year: yearSchema }), output: planSchema },
  'plan.createSection': { input: z.object({ year: yearSchema, title: sectionTitle }), output: planSchema },
  'plan.renameSection': { input: z.object({ id: idSchema, title: sectionTitle }), output: ok },
  'plan.deleteSection': { input: z.object({ id: idSchema }), output: ok },
  /** All the plan's section ids in the new order; refused (CONFLICT) when they are not exactly the current sections. */
  'plan.reorderSections': { input: z.object({ planId: idSchema, ids: z.array(idSchema).min(1).max(500) }), output: ok },
  'plan.unitMappings': {
    input: z.object({ documentIds: z.array(idSchema).min(1, '请至少选择一份上级文件') }),
    output: z.array(unitMappingSchema),
  },
  'plan.saveUnitMappings': { input: z.object({ mappings: mappingChoices }), output: ok },
  /** After generation, one action: saves the given choices and applies the mapping to units the tasks still list as unmapped. */
  'plan.applyUnitMappings': {
    input: z.object({ year: yearSchema, mappings: mappingChoices.default([]) }),
    output: z.object({ resolved: z.number().int(), remaining: z.number().int() }),
  },
  /** One action: saves the given unit mapping and builds the plan, in one transaction. */
  'plan.generate': {
    input: z.object({
      year: yearSchema,
      documentIds: z.array(idSchema).min(1, '请至少选择一份上级文件'),
      replace: z.boolean().default(false),
      mappings: mappingChoices.default([]),
    }),
    output: generateResultSchema,
  },
  'plan.copyForward': { input: z.object({ fromYear: yearSchema, toYear: yearSchema }), output: planSchema },
  'plan.coverage': { input: z.object({ year: yearSchema }), output: coverageSchema },
  /** The work points of the plan's documents, for linking a task to the points it answers. */
  'plan.pointOptions': {
    input: z.object({ year: yearSchema }),
    output: z.array(pointRefSchema.extend({ level: z.number().int() })),
  },
  'plan.export': {
    input: z.object({
      kind: z.enum(PLAN_EXPORT_KINDS),
      year: yearSchema,
      from: isoDateSchema.optional(),
      to: isoDateSchema.optional(),
    }),
    output: deliveredFileSchema,
  },
  'tasks.list': { input: taskFilterSchema, output: z.array(taskSchema) },
  'tasks.get': {
    input: z.object({ id: idSchema }),
    output: z.object({ task: taskSchema, progress: z.array(progressEntrySchema) }),
  },
  'tasks.create': { input: taskInputSchema, output: taskSchema },
  'tasks.update': { input: z.object({ id: idSchema, task: taskInputSchema }), output: taskSchema },
  /** withProgress: the user confirmed that the task's progress entries and evidence are deleted with it. */
  'tasks.delete': { input: z.object({ id: idSchema, withProgress: z.boolean().default(false) }), output: ok },
  /** 设置牵头科室 for several tasks at once. */
  'tasks.setLead': {
    input: z.object({ ids: z.array(idSchema).min(1, '请至少选择一项任务').max(1000), departmentId: idSchema }),
    output: z.object({ updated: z.number().int() }),
  },
  /** All of one section's task ids in the new order; refused (CONFLICT) when they are not exactly its current tasks. */
  'tasks.reorder': { input: z.object({ sectionId: idSchema, ids: z.array(idSchema).min(1).max(1000) }), output: ok },
  'tasks.addProgress': { input: progressInputSchema, output: progressEntrySchema },
  'tasks.updateProgress': { input: progressUpdateSchema, output: progressEntrySchema },
  'tasks.deleteProgress': { input: z.object({ id: idSchema }), output: ok },
  /** For the home screen: overdue tasks and those due by the end of this week. */
  'tasks.due': {
    input: z.object({ year: yearSchema }),
    output: z.object({ today: isoDateSchema, overdue: z.array(dueItemSchema), thisWeek: z.array(dueItemSchema) }),
  },
} as const;
