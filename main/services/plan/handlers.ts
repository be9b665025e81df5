import type { planContract } from '../../../shared/ipc/contracts/plan';
import type { AreaHandlers } from '../handler-types';
import { runExport } from '../exports';
import { applyUnitMappings, generatePlan, listUnitMappings, saveUnitMappings } from './generate';
import {
  copyPlanForward,
  createSection,
  deleteSection,
  getPlan,
  planCoverage,
  planPointOptions,
  renameSection,
  reorderSections,
  reorderTasks,
  savePlan,
} from './plans';
import { addProgress, deleteProgress, updateProgress } from './progress';
import {
  createTask,
  deleteTask,
  getTask,
  listDueTasks,
  listProgress,
  listTasks,
  setTasksLead,
  updateTask,
} from './tasks';

const ok = { ok: true as const };

export const planHandlers: AreaHandlers<typeof planContract> = {
  'plan.get': (ws, { year }) => getPlan(ws.context(), year),
  'plan.save': (ws, { year, ...input }) => savePlan(ws.context(), year, input),
  'plan.createSection': (ws, { year, title }) => createSection(ws.context(), year, title),
  'plan.renameSection': async (ws, { id, title }) => (await renameSection(ws.context(), id, title), ok),
  'plan.deleteSection': async (ws, { id }) => (await deleteSection(ws.context(), id), ok),
  'plan.reorderSections': async (ws, { planId, ids }) => (await reorderSections(ws.context(), planId, ids), ok),
  'plan.unitMappings': (ws, { documentIds }) => listUnitMappings(ws.context(), documentIds),
  'plan.saveUnitMappings': async (ws, { mappings }) => (await saveUnitMappings(ws.context(), mappings), ok),
  'plan.applyUnitMappings': (ws, { year, mappings }) => applyUnitMappings(ws.context(), year, mappings),
  'plan.generate': (ws, input) => generatePlan(ws.context(), input),
  'plan.copyForward': (ws, { fromYear, toYear }) => copyPlanForward(ws.context(), fromYear, toYear),
  'plan.coverage': (ws, { year }) => planCoverage(ws.context(), year),
  'plan.pointOptions': (ws, { year }) => planPointOptions(ws.context(), year),
  'plan.export': (ws, { kind, year, from, to }) => runExport(ws.context(), kind, { year, from, to }),
  'tasks.list': (ws, filter) => listTasks(ws.context(), filter),
  'tasks.get': async (ws, { id }) => ({
    task: await getTask(ws.context(), id),
    progress: await listProgress(ws.context(), id),
  }),
  'tasks.create': (ws, input) => createTask(ws.context(), input),
  'tasks.update': (ws, { id, task }) => updateTask(ws.context(), id, task),
  'tasks.delete': async (ws, { id, withProgress }) => (await deleteTask(ws.context(), id, { withProgress }), ok),
  'tasks.setLead': (ws, { ids, departmentId }) => setTasksLead(ws.context(), ids, departmentId),
  'tasks.reorder': async (ws, { sectionId, ids }) => (await reorderTasks(ws.context(), sectionId, ids), ok),
  'tasks.addProgress': (ws, input) => addProgress(ws.context(), input),
  'tasks.updateProgress': (ws, input) => updateProgress(ws.context(), input),
  'tasks.deleteProgress': async (ws, { id }) => (await deleteProgress(ws.context(), id), ok),
  'tasks.due': (ws, { year }) => listDueTasks(ws.context(), year),
};
