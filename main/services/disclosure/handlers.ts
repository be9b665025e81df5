import type { disclosureContract } from '../../../shared/ipc/contracts/disclosure';
import { toDayNumber } from '../../../shared/domain/working-days';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import type { AreaHandlers } from '../handler-types';
import { recordAudit } from '../audit';
import { runExport } from '../exports';
import type { AppContext } from '../workstation';
import { DISCLOSURE_SETTING, reportDueMonthDay, todayOf, workingYear } from './common';
import {
  createColumn,
  createPublication,
  deletePublication,
  importPublications,
  listColumns,
  listPublications,
  publicationStats,
  updateColumn,
  updatePublication,
} from './publications';
import { annualReport, reportView, saveYearInput } from './report';
import {
  createRequest,
  deleteRequest,
  deleteReview,
  importRequests,
  listRequests,
  listReviews,
  previewDeadline,
  saveReview,
  updateRequest,
} from './requests';

/** The home card: last year's report from 1 January (until exported, at the latest through March) and open applications. */
async function disclosureHome(ctx: AppContext) {
  const today = todayOf(ctx);
  const y = Number(today.slice(0, 4));
  const due = `${y}-${await reportDueMonthDay(ctx)}`;
  const row = await ctx.db
    .selectFrom('disclosure_year_input')
    .select(['exported_at'])
    .where('year', '=', y - 1)
    .executeTakeFirst();
  const exportedAt = row?.exported_at ?? null;
  const show = today <= `${y}-03-31` && (today <= due || !exportedAt);
  const open = (await listRequests(ctx, { open: true })).sort((a, b) =>
    (a.deadline.dueDate ?? '9999').localeCompare(b.deadline.dueDate ?? '9999'),
  );
  return {
    report: show ? { year: y - 1, due, daysLeft: toDayNumber(due) - toDayNumber(today), exportedAt } : null,
    open: open.map((r) => ({
      id: r.id,
      applicant: r.applicant,
      receivedDate: r.receivedDate,
      dueDate: r.deadline.dueDate,
      state: r.deadline.state,
      remaining: r.deadline.remaining,
      calendarWarning: r.deadline.calendarWarning,
    })),
  };
}

export const disclosureHandlers: AreaHandlers<typeof disclosureContract> = {
  'disclosure.columns': (ws) => listColumns(ws.context()),
  'disclosure.createColumn': (ws, { name }) => createColumn(ws.context(), name),
  'disclosure.updateColumn': (ws, input) => updateColumn(ws.context(), input),
  'disclosure.publications': (ws, { year }) => listPublications(ws.context(), { year }),
  'disclosure.createPublication': (ws, input) => createPublication(ws.context(), input),
  'disclosure.updatePublication': (ws, { id, ...input }) => updatePublication(ws.context(), id, input),
  'disclosure.deletePublication': async (ws, { id }) => {
    await deletePublication(ws.context(), id);
    return { ok: true as const };
  },
  'disclosure.publicationStats': (ws, { year }) => publicationStats(ws.context(), year),
  'disclosure.importPublications': (ws, { upload, columns }) => importPublications(ws.context(), upload, columns),
  'disclosure.requests': (ws, { year }) => listRequests(ws.context(), { year }),
  'disclosure.createRequest': (ws, { confirmDuplicate, ...input }) =>
    createRequest(ws.context(), input, { confirmDuplicate }),
  'disclosure.updateRequest': (ws, { id, confirmDuplicate, ...input }) =>
    updateRequest(ws.context(), id, input, { confirmDuplicate }),
  'disclosure.requestDeadline': (ws, input) => previewDeadline(ws.context(), input),
  'disclosure.deleteRequest': async (ws, { id }) => {
    await deleteRequest(ws.context(), id);
    return { ok: true as const };
  },
  'disclosure.importRequests': (ws, { upload }) => importRequests(ws.context(), upload),
  'disclosure.reviews': (ws, input) => listReviews(ws.context(), { year: input?.year }),
  'disclosure.saveReview': (ws, { id, ...input }) => saveReview(ws.context(), id, input),
  'disclosure.deleteReview': async (ws, { id }) => {
    await deleteReview(ws.context(), id);
    return { ok: true as const };
  },
  'disclosure.report': (ws, { year }) => reportView(ws.context(), year),
  'disclosure.reportFigures': (ws, { year }) => annualReport(ws.context(), year),
  'disclosure.saveYearInput': async (ws, input) => {
    const ctx = ws.context();
    await saveYearInput(ctx, input);
    return reportView(ctx, input.year);
  },
  'disclosure.export': async (ws, { kind, year, id }) => {
    const ctx = ws.context();
    return runExport(ctx, kind, { year: year ?? (await workingYear(ctx)), id });
  },
  'disclosure.home': (ws) => disclosureHome(ws.context()),
  'disclosure.settings': async (ws) => ({ reportDue: await reportDueMonthDay(ws.context()) }),
  'disclosure.saveSettings': async (ws, { reportDue }) => {
    const ctx = ws.context();
    if (Number.isNaN(toDayNumber(`2024-${reportDue}`))) throw new AppError(ErrorCode.VALIDATION, '年报报送日期无效。');
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('setting')
        .values({ key: DISCLOSURE_SETTING.reportDue, value: reportDue })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: reportDue }))
        .execute();
      await recordAudit(trx, ctx, {
        entity: 'setting',
        entityId: null,
        action: 'update',
        summary: `修改政府信息公开年报报送日期：每年${Number(reportDue.slice(0, 2))}月${Number(reportDue.slice(3))}日前`,
      });
    });
    return { reportDue: await reportDueMonthDay(ctx) };
  },
};
