// The documents of the 信息公开 area in the shared export registry's shape (main/services/exports.ts): the UI's
// disclosure.export and the command line's `export <name>` both run them through runExport().
import {
  deadlineAsOf,
  NOT_OURS,
  requestCalendarProblem,
  requestProblem,
  resultLabel,
  yearOpenAsOf,
  yearOpenNotice,
} from '../../../shared/domain/disclosure';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { buildLetterDocx, letterGap, LETTER_TITLES, type LetterKind } from '../../export/disclosure/letters';
import { getBureau } from '../org/bureau';
import { buildReportDocx, buildReportXlsx } from '../../export/disclosure/report';
import { addTableSheet, newWorkbook, workbookToBuffer } from '../../export/xlsx/sheet';
import { formatRequestSteps } from '../../import/disclosure/request-steps';
import type { DisclosureExportKind } from '../../../shared/ipc/contracts/disclosure';
import type { ExportArgs, Exporter } from '../exporter';
import type { AppContext } from '../workstation';
import { bureauName, calendarAndSoon, todayOf } from './common';
import { letterContact, letterNumber } from './letters';
import { listPublications } from './publications';
import { prepareExport } from './report';
import { getRequest, listRequests } from './requests';

function needId(args: ExportArgs): number {
  if (!args.id) throw new AppError(ErrorCode.VALIDATION, '请指定申请编号（命令行用 --id N）。');
  return args.id;
}

const safe = (s: string) => s.replace(/[\\/:*?"<>|\r\n]/g, '').slice(0, 20);

async function reviewOrgan(ctx: AppContext): Promise<string> {
  const b = await ctx.db.selectFrom('bureau').select(['region']).executeTakeFirst();
  return b?.region ? `${b.region}人民政府` : '本级人民政府';
}

function letterExporter(kind: LetterKind, label: string): Exporter {
  return {
    label: `${LETTER_TITLES[kind]}（Word，--id 为申请编号）`,
    async build(ctx, args) {
      const request = await getRequest(ctx, needId(args));
      const last = (k: string) => [...request.steps].reverse().find((s) => s.kind === k);
      let date = request.receivedDate;
      if (kind === 'correction') {
        const s = last('补正');
        if (!s) throw new AppError(ErrorCode.VALIDATION, '这件申请还没有登记补正告知，请先在申请中添加“补正”步骤。');
        date = s.startDate;
      } else if (kind === 'extension') {
        const s = last('延期');
        if (!s) throw new AppError(ErrorCode.VALIDATION, '这件申请还没有登记延期，请先在申请中添加“延期”步骤。');
        date = s.toldDate ?? s.startDate;
      } else if (kind === 'consult') {
        const s = last('征求意见');
        if (!s)
          throw new AppError(ErrorCode.VALIDATION, '这件申请还没有登记征求意见，请先在申请中添加“征求意见”步骤。');
        date = s.startDate;
      } else if (kind === 'answer') {
        if (!request.answeredDate)
          throw new AppError(ErrorCode.VALIDATION, '这件申请还没有答复，请先填写答复日期和办理结果。');
        date = request.answeredDate;
      }
      // What the letter still needs is said before it is numbered: a refused letter takes no 文号. A record saved
      // before a rule existed (or written around the app) is held to the rules a save checks: its letter would say
      // what the record contradicts.
      const { cal } = await calendarAndSoon(ctx);
      const wrong = requestProblem(request) ?? requestCalendarProblem(request, cal);
      if (wrong)
        throw new AppError(
          ErrorCode.VALIDATION,
          `${request.receivedDate}收到的${request.applicant}的申请登记有误，不能出具${LETTER_TITLES[kind]}：${wrong}`,
        );
      const gap = letterGap(kind, request);
      if (gap) throw new AppError(ErrorCode.VALIDATION, gap);
      const contact = await letterContact(ctx, request);
      const bureau = await getBureau(ctx);
      // What was true on the letter's date: a receipt does not know of the 补正 or 延期 that came after it. A 征求意见
      // still awaited then is counted to the end of the other side's 15 working days, the latest the answer is due.
      const due = deadlineAsOf(request, date, cal);
      const data = await buildLetterDocx({
        kind,
        bureau: await bureauName(ctx),
        request,
        date,
        dueDate: due.dueDate ?? due.dueIfNoReply,
        consultUntil: due.consultUntil,
        reviewOrgan: await reviewOrgan(ctx),
        docNumber: await letterNumber(ctx, request.id, kind, date),
        contact,
        website: bureau?.website ?? '',
        address: bureau?.address ?? '',
      });
      return { fileName: `${label}_${safe(request.applicant)}_${request.receivedDate}.docx`, data };
    },
  };
}

/** A 年报 exported before its year has ended is a draft as of today: said on exporting, and in the document. */
async function reportNotice(ctx: AppContext, args: ExportArgs): Promise<string | null> {
  const asOf = yearOpenAsOf(args.year, todayOf(ctx));
  return asOf ? yearOpenNotice(args.year, asOf) : null;
}

export const disclosureExporters: Record<DisclosureExportKind, Exporter> = {
  'annual-report-docx': {
    label: '政府信息公开工作年度报告（Word，--year 年度）',
    notice: reportNotice,
    async build(ctx, args) {
      const view = await prepareExport(ctx, args.year);
      const texts = Object.fromEntries(view.sections.map((s) => [s.key, s.text])) as Parameters<
        typeof buildReportDocx
      >[0]['texts'];
      const b = await getBureau(ctx);
      const data = await buildReportDocx({
        bureau: view.bureau,
        report: view.report,
        texts,
        date: view.reportDate,
        asOf: view.asOf,
        contact: {
          website: b?.website ?? '',
          address: b?.address ?? '',
          postcode: b?.postcode ?? '',
          phone: b?.phone ?? '',
        },
      });
      return { fileName: `${args.year}年政府信息公开工作年度报告.docx`, data };
    },
  },
  'annual-report-xlsx': {
    label: '年度报告表二、表三、表四（Excel，--year 年度）',
    notice: reportNotice,
    async build(ctx, args) {
      const view = await prepareExport(ctx, args.year);
      return {
        fileName: `${args.year}年政府信息公开年报统计表.xlsx`,
        data: await buildReportXlsx({ bureau: view.bureau, report: view.report, asOf: view.asOf }),
      };
    },
  },
  'publications-xlsx': {
    label: '信息发布登记（Excel，--year 年度）',
    async build(ctx, args) {
      const list = [...(await listPublications(ctx, { year: args.year }))].reverse();
      const wb = newWorkbook();
      addTableSheet(wb, {
        sheetName: '信息发布登记',
        title: `${await bureauName(ctx)}${args.year}年信息发布登记`,
        // An empty register says so above its header (a row below it would be read back as a record).
        ...(list.length ? {} : { subtitle: `${args.year}年未登记发布的信息。` }),
        orientation: 'landscape',
        fontSize: 10,
        // Every field of a publication is written, so the register read back by import-publications gives the
        // same records in another data file (main/import/disclosure/publications.ts).
        columns: [
          { header: '序号', weight: 4, align: 'center' },
          { header: '标题', weight: 22 },
          { header: '形成日期', weight: 8, align: 'center' },
          { header: '发布日期', weight: 8, align: 'center' },
          { header: '栏目', weight: 7 },
          { header: '渠道', weight: 6 },
          { header: '文号', weight: 9 },
          { header: '发布机构', weight: 7 },
          { header: '类型', weight: 6, align: 'center' },
          { header: '解读对象', weight: 9 },
          { header: '拟稿', weight: 8 },
          { header: '审核', weight: 8 },
          { header: '签发', weight: 8 },
          // An address breaks only at its slashes: a narrow column makes every row as tall as the address.
          { header: '链接', weight: 17 },
          { header: '备注', weight: 6 },
        ],
        rows: list.map((p, i) => ({
          cells: [
            i + 1,
            p.title,
            p.formedDate ?? '',
            p.publishedDate,
            p.columnName,
            p.channel,
            p.docNumber,
            p.source,
            [p.normative ? '规范性文件' : '', p.interpretation ? '政策解读' : ''].filter(Boolean).join('、'),
            p.interpretsTitle ?? '',
            [p.drafter, p.draftedDate].filter(Boolean).join('\n'),
            [p.reviewer, p.reviewedDate].filter(Boolean).join('\n'),
            [p.approver, p.approvedDate].filter(Boolean).join('\n'),
            p.link,
            p.note,
          ],
        })),
      });
      return { fileName: `${args.year}年信息发布登记.xlsx`, data: await workbookToBuffer(wb) };
    },
  },
  'requests-xlsx': {
    label: '依申请公开登记（Excel，--year 年度）',
    async build(ctx, args) {
      const list = [...(await listRequests(ctx, { year: args.year }))].reverse();
      const wb = newWorkbook();
      addTableSheet(wb, {
        sheetName: '依申请公开登记',
        title: `${await bureauName(ctx)}${args.year}年政府信息公开申请登记`,
        ...(list.length ? {} : { subtitle: `${args.year}年未登记政府信息公开申请。` }),
        orientation: 'landscape',
        fontSize: 10,
        // Every field of an application is written (办理过程 as readable lines), so the register read back by
        // import-requests gives the same applications in another data file (main/import/disclosure/requests.ts).
        columns: [
          { header: '序号', weight: 4, align: 'center' },
          { header: '收到日期', weight: 8, align: 'center' },
          { header: '申请人', weight: 8 },
          { header: '申请人类型', weight: 6 },
          { header: '申请方式', weight: 5 },
          { header: '联系方式', weight: 7 },
          { header: '申请内容', weight: 14 },
          // The longest cell by far (one line per step): narrower, an application with 补正 and 延期 outgrew the
          // tallest row a sheet allows (409 pt) and printed cut off.
          { header: '办理过程', weight: 26 },
          { header: '答复期限', weight: 8, align: 'center' },
          { header: '答复日期', weight: 8, align: 'center' },
          { header: '办理结果', weight: 8 },
          { header: '信息处理费（元）', weight: 5, align: 'center' },
          { header: '答复说明', weight: 12 },
          { header: '经办人', weight: 5 },
        ],
        rows: list.map((r, i) => ({
          cells: [
            i + 1,
            r.receivedDate,
            r.applicant,
            r.applicantType,
            r.method,
            r.contact,
            r.content,
            formatRequestSteps(r.steps),
            r.deadline.dueDate ?? r.deadline.state,
            r.answeredDate ?? '',
            // 非本机关负责 keeps its words, so the register read back answers it under 第三十六条第（五）项 again.
            r.result
              ? `${resultLabel(r.result)}${r.withheldReason === NOT_OURS ? '（不属于本机关负责公开）' : ''}`
              : '办理中',
            r.feeYuan,
            r.answerNote,
            r.handler,
          ],
        })),
      });
      return { fileName: `${args.year}年政府信息公开申请登记.xlsx`, data: await workbookToBuffer(wb) };
    },
  },
  'request-receipt-docx': letterExporter('receipt', '登记回执'),
  'request-correction-docx': letterExporter('correction', '补正告知书'),
  'request-extension-docx': letterExporter('extension', '延期答复告知书'),
  'request-consult-docx': letterExporter('consult', '征求意见书'),
  'request-answer-docx': letterExporter('answer', '答复书'),
};
