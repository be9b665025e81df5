import type { selfcheckContract } from '../../../shared/ipc/contracts/selfcheck';
import type { AreaHandlers } from '../handler-types';
import { runExport } from '../exports';
import { carryForward, lookback, lookbackToRectification, setLookbackReason } from './lookback';
import { evidenceOptions } from './options';
import { addIndicator, indicatorUsage, removeIndicator, saveGrades, updateIndicator } from './template-edit';
import {
  addRectEvidence,
  addRectProgress,
  createRectification,
  removeRectEvidence,
  deleteRectification,
  listRectifications,
  rectifyIndicator,
  reopenRectification,
  signOffRectification,
  updateRectification,
} from './rectification';
import { discardReport, getReport, saveReport } from './report';
import {
  acceptProposal,
  addEvidence,
  getSelfcheck,
  proposalFor,
  removeEvidence,
  saveEntry,
  setMeasure,
  setProvisional,
  suggestEvidence,
} from './scores';
import { selfcheckContradictions } from './contradictions';
import { copyTemplateForward, deleteTemplate, previewIndicators, saveTemplate, starterPreview } from './templates';

const ok = { ok: true as const };

export const selfcheckHandlers: AreaHandlers<typeof selfcheckContract> = {
  'selfcheck.get': (ws, { year }) => getSelfcheck(ws.context(), year),
  'selfcheck.previewFile': (ws, { upload, roles }) => previewIndicators(ws.context(), upload, roles),
  'selfcheck.starterPreview': () => starterPreview(),
  'selfcheck.saveTemplate': (ws, input) => saveTemplate(ws.context(), input),
  'selfcheck.copyTemplate': (ws, { fromYear, toYear, replace }) =>
    copyTemplateForward(ws.context(), fromYear, toYear, replace),
  'selfcheck.deleteTemplate': async (ws, { year }) => {
    await deleteTemplate(ws.context(), year);
    return ok;
  },
  'selfcheck.updateIndicator': (ws, input) => updateIndicator(ws.context(), input),
  'selfcheck.addIndicator': (ws, input) => addIndicator(ws.context(), input),
  'selfcheck.indicatorUsage': (ws, { id }) => indicatorUsage(ws.context(), id),
  'selfcheck.removeIndicator': (ws, input) => removeIndicator(ws.context(), input),
  'selfcheck.saveGrades': (ws, input) => saveGrades(ws.context(), input),
  'selfcheck.saveEntry': async (ws, input) => {
    await saveEntry(ws.context(), input);
    return ok;
  },
  'selfcheck.setMeasure': async (ws, { indicatorId, recordMeasure }) => {
    await setMeasure(ws.context(), indicatorId, recordMeasure);
    return ok;
  },
  'selfcheck.proposal': (ws, { indicatorId, recordMeasure }) => proposalFor(ws.context(), indicatorId, recordMeasure),
  'selfcheck.acceptProposal': (ws, { indicatorId, recordMeasure, reason, measure }) =>
    acceptProposal(ws.context(), indicatorId, recordMeasure, { reason, measure }),
  'selfcheck.setProvisional': async (ws, { year, provisional }) => {
    await setProvisional(ws.context(), year, provisional);
    return ok;
  },
  'selfcheck.contradictions': (ws, { year }) => selfcheckContradictions(ws.context(), year),
  'selfcheck.addEvidence': async (ws, input) => {
    await addEvidence(ws.context(), input);
    return ok;
  },
  'selfcheck.removeEvidence': async (ws, { id }) => {
    await removeEvidence(ws.context(), id);
    return ok;
  },
  'selfcheck.suggestEvidence': (ws, { indicatorId }) => suggestEvidence(ws.context(), indicatorId),
  'selfcheck.evidenceOptions': (ws, { year, kind }) => evidenceOptions(ws.context(), year, kind),
  'selfcheck.rectify': (ws, input) => rectifyIndicator(ws.context(), input),
  'selfcheck.report': (ws, { year }) => getReport(ws.context(), year),
  'selfcheck.saveReport': async (ws, { year, sections, addressee }) => {
    await saveReport(ws.context(), year, sections, addressee);
    return ok;
  },
  'selfcheck.resetReport': async (ws, { year }) => {
    await discardReport(ws.context(), year);
    return ok;
  },
  'selfcheck.export': (ws, { kind, year }) => runExport(ws.context(), kind, { year }),

  'lookback.get': (ws, { year }) => lookback(ws.context(), year),
  'lookback.setReason': async (ws, { taskId, reason }) => {
    await setLookbackReason(ws.context(), taskId, reason);
    return ok;
  },
  'lookback.toRectification': (ws, input) => lookbackToRectification(ws.context(), input),
  'lookback.carryForward': (ws, input) => carryForward(ws.context(), input),

  'rectification.list': (ws, { year, openOnly }) => listRectifications(ws.context(), { year, openOnly }),
  'rectification.create': (ws, input) => createRectification(ws.context(), input),
  'rectification.update': (ws, { id, item }) => updateRectification(ws.context(), id, item),
  'rectification.delete': async (ws, { id }) => {
    await deleteRectification(ws.context(), id);
    return ok;
  },
  'rectification.addProgress': (ws, input) => addRectProgress(ws.context(), input),
  'rectification.addEvidence': (ws, input) => addRectEvidence(ws.context(), input),
  'rectification.removeEvidence': (ws, { id }) => removeRectEvidence(ws.context(), id),
  'rectification.signOff': (ws, input) => signOffRectification(ws.context(), input),
  'rectification.reopen': (ws, { id }) => reopenRectification(ws.context(), id),
};
