import { findingsForExport } from '../../../shared/domain/yearcheck';
import type { yearcheckContract } from '../../../shared/ipc/contracts/yearcheck';
import type { AreaHandlers } from '../handler-types';
import { checkYear, yearHasRecords } from './check';

export const yearcheckHandlers: AreaHandlers<typeof yearcheckContract> = {
  'yearcheck.findings': async (ws, { year }) => ({
    year,
    findings: await checkYear(ws.context(), year),
    hasRecords: await yearHasRecords(ws.context(), year),
  }),
  'yearcheck.forExport': async (ws, { year, kind }) => ({
    year,
    findings: findingsForExport(await checkYear(ws.context(), year), kind),
  }),
};
