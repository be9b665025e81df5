import type { teamContract } from '../../../shared/ipc/contracts/team';
import { commitAbImport, previewAbImport } from './ab-import';
import { commitTrainingImport, previewTrainingImport } from './training-import';
import type { AreaHandlers } from '../handler-types';
import {
  assignHolder,
  changeHolder,
  correctHolding,
  createAbsence,
  createPost,
  deleteAbsence,
  endHolding,
  fileChange,
  listAbsences,
  listChanges,
  listHoldings,
  listPosts,
  setPostActive,
  teamWarnings,
  updatePost,
} from './ab';
import { getTeamSettings, saveTeamSettings } from './common';
import { runExport } from '../exports';
import { yearOrCurrent } from './exports';
import {
  addTrainingFile,
  createTraining,
  deleteTraining,
  getTraining,
  listTrainings,
  removeTrainingFile,
  trainingRequirement,
  updateTraining,
} from './training';

export const teamHandlers: AreaHandlers<typeof teamContract> = {
  'team.settings': (ws) => getTeamSettings(ws.context()),
  'team.saveSettings': (ws, input) => saveTeamSettings(ws.context(), input),
  'team.warnings': (ws) => teamWarnings(ws.context()),
  'team.export': async (ws, { kind, year, id, date }) => {
    const ctx = ws.context();
    return runExport(ctx, kind, { year: await yearOrCurrent(ctx, year), id, date });
  },

  'ab.posts': (ws, input) => listPosts(ws.context(), { includeInactive: input?.includeInactive ?? false }),
  'ab.createPost': (ws, input) => createPost(ws.context(), input),
  'ab.importPreview': (ws, upload) => previewAbImport(ws.context(), upload),
  'ab.importCommit': (ws, input) => commitAbImport(ws.context(), input),
  'ab.updatePost': (ws, { id, ...input }) => updatePost(ws.context(), id, input),
  'ab.setPostActive': (ws, { id, active }) => setPostActive(ws.context(), id, active),
  'ab.history': async (ws, input) => {
    const ctx = ws.context();
    const [holdings, changes] = await Promise.all([
      listHoldings(ctx, input?.postId),
      listChanges(ctx, { postId: input?.postId }),
    ]);
    return { holdings, changes };
  },
  'ab.assign': (ws, input) => assignHolder(ws.context(), input),
  'ab.correctHolding': (ws, input) => correctHolding(ws.context(), input),
  'ab.endHolding': (ws, input) => endHolding(ws.context(), input),
  'ab.change': (ws, input) => changeHolder(ws.context(), input),
  'ab.changes': (ws, input) => listChanges(ws.context(), { unfiledOnly: input?.unfiledOnly ?? false }),
  'ab.file': (ws, input) => fileChange(ws.context(), input),
  'ab.absences': (ws, input) => listAbsences(ws.context(), { from: input?.from }),
  'ab.createAbsence': (ws, input) => createAbsence(ws.context(), input),
  'ab.deleteAbsence': async (ws, { id }) => {
    await deleteAbsence(ws.context(), id);
    return { ok: true as const };
  },

  'training.list': (ws, { year }) => listTrainings(ws.context(), { year }),
  'training.get': (ws, { id }) => getTraining(ws.context(), id),
  'training.create': (ws, input) => createTraining(ws.context(), input),
  'training.update': (ws, { id, ...input }) => updateTraining(ws.context(), id, input),
  'training.delete': async (ws, { id }) => {
    await deleteTraining(ws.context(), id);
    return { ok: true as const };
  },
  'training.addFile': (ws, input) => addTrainingFile(ws.context(), input),
  'training.removeFile': (ws, input) => removeTrainingFile(ws.context(), input),
  'training.importPreview': (ws, upload) => previewTrainingImport(ws.context(), upload),
  'training.importCommit': (ws, upload) => commitTrainingImport(ws.context(), upload),
  'training.requirement': (ws, { year }) => trainingRequirement(ws.context(), year),
};
