import type { summaryContract } from '../../../shared/ipc/contracts/summary';
import type { AreaHandlers } from '../handler-types';
import { runExport } from '../exports';
import { dashboard } from './dashboard';
import { SUMMARY_EXPORT_OF_KIND } from './exports';
import { figuresFor } from './figures';
import {
  createSummary,
  getSummary,
  keepParagraph,
  refreshSummary,
  regenerateSummary,
  resetParagraph,
  saveSummaryMeta,
  updateParagraph,
} from './summaries';
import { summaryPeriod } from '../../../shared/domain/summary';

export const summaryHandlers: AreaHandlers<typeof summaryContract> = {
  'summary.get': (ws, { year, kind }) => getSummary(ws.context(), year, kind),
  'summary.create': (ws, { year, kind }) => createSummary(ws.context(), year, kind),
  'summary.refresh': (ws, { id }) => refreshSummary(ws.context(), id),
  'summary.updateParagraph': (ws, input) => updateParagraph(ws.context(), input),
  'summary.resetParagraph': (ws, { id }) => resetParagraph(ws.context(), id),
  'summary.keepParagraph': (ws, { id }) => keepParagraph(ws.context(), id),
  'summary.saveMeta': (ws, { id, ...meta }) => saveSummaryMeta(ws.context(), id, meta),
  'summary.regenerate': (ws, { id }) => regenerateSummary(ws.context(), id),
  'summary.figures': async (ws, { year, kind }) => ({
    year,
    figures: await figuresFor(ws.context(), summaryPeriod(year, kind)),
  }),
  'summary.export': (ws, { year, kind }) => runExport(ws.context(), SUMMARY_EXPORT_OF_KIND[kind], { year }),
  'summary.dashboard': (ws, { year }) => dashboard(ws.context(), year),
};
