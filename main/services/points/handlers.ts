import type { pointsContract } from '../../../shared/ipc/contracts/points';
import type { AreaHandlers } from '../handler-types';
import {
  deleteSourceDocument,
  getSourceDocument,
  listSourceDocuments,
  previewPointsImport,
  savePreviewedPoints,
  updateSourceDocument,
  updateWorkPoint,
} from './documents';

export const pointsHandlers: AreaHandlers<typeof pointsContract> = {
  'points.preview': (ws, input) => previewPointsImport(ws.context(), input),
  'points.save': (ws, input) => savePreviewedPoints(ws.context(), input),
  'points.documents': (ws, { year }) => listSourceDocuments(ws.context(), year),
  'points.document': (ws, { id }) => getSourceDocument(ws.context(), id),
  'points.updateDocument': (ws, { id, meta }) => updateSourceDocument(ws.context(), id, meta),
  'points.updateItem': (ws, { id, item }) => updateWorkPoint(ws.context(), id, item),
  'points.deleteDocument': async (ws, { id }) => {
    await deleteSourceDocument(ws.context(), id);
    return { ok: true as const };
  },
};
