import type { pointsContract } from '../../../shared/ipc/contracts/points';
import type { AreaHandlers } from '../../ipc/handler-types';
import {
  checkReplace, deleteSourceDocument, getSourceDocument, listSourceDocuments, previewPointsImport, savePointsDocument,
  updateSourceDocument, updateWorkPoint,
} from './documents';

export const pointsHandlers: AreaHandlers<typeof pointsContract> = {
  'points.preview': (ws, { source, year }) => previewPointsImport(ws.context(), source, year),
  'points.checkReplace': (ws, { meta, items, sha256 }) => checkReplace(ws.context(), meta, items, sha256),
  'points.save': (ws, input) => savePointsDocument(ws.context(), input),
  'points.documents': (ws, { year }) => listSourceDocuments(ws.context(), year),
  'points.document': (ws, { id }) => getSourceDocument(ws.context(), id),
  'points.updateDocument': (ws, { id, meta }) => updateSourceDocument(ws.context(), id, meta),
  'points.updateItem': (ws, { id, item }) => updateWorkPoint(ws.context(), id, item),
  'points.deleteDocument': async (ws, { id }) => {
    await deleteSourceDocument(ws.context(), id);
    return { ok: true as const };
  },
};
