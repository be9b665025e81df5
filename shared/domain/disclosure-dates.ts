// Dates a 信息公开 record cannot or should not carry, judged against today: the service refuses the impossible
// (`error`: published, received or answered after today; a 补正 asked after the answer period had already run out)
// and the dialogs show both kinds beside the field they concern (`warning`: a 补正告知 later than the 7 working days
// 条例第三十条 allows, a date in another year than the one being viewed). Pure, so the form and the service agree.
import { addWorkingDays, countWorkingDays, type WorkingDayCalendar } from './working-days';

/** Where a problem is: a form field path ('receivedDate', ['steps', 0, 'startDate']). */
export type FieldPath = readonly (string | number)[];

export interface DateIssue {
  field: FieldPath;
  level: 'error' | 'warning';
  message: string;
}

/** 条例第三十条: the 补正 notice within 7 working days of receipt. */
export const CORRECTION_NOTICE_WORKING_DAYS = 7;
/** 条例第三十三条: the answer within 20 working days of receipt. */
export const ANSWER_WORKING_DAYS = 20;

function future(field: FieldPath, label: string, date: string | null | undefined, today: string, what: string) {
  return date && date > today
    ? [{ field, level: 'error' as const, message: `${label}（${date}）在今天（${today}）之后：${what}` }]
    : [];
}

function otherYear(field: FieldPath, label: string, date: string | null | undefined, viewYear?: number) {
  if (!date || viewYear === undefined || Number(date.slice(0, 4)) === viewYear) return [];
  return [
    {
      field,
      level: 'warning' as const,
      message: `${label}在${date.slice(0, 4)}年，保存后列在${date.slice(0, 4)}年的登记中（当前查看${viewYear}年）。`,
    },
  ];
}

interface PublicationDates {
  publishedDate?: string | null;
  formedDate?: string | null;
  draftedDate?: string | null;
  reviewedDate?: string | null;
  approvedDate?: string | null;
}

/** The dates of one 信息发布登记 against today (and the year being viewed, for where the record will be listed). */
export function publicationDateIssues(p: PublicationDates, today: string, viewYear?: number): DateIssue[] {
  return [
    ...future(['publishedDate'], '发布日期', p.publishedDate, today, '只能登记已经发布的信息。'),
    ...otherYear(['publishedDate'], '发布日期', p.publishedDate, viewYear),
    ...future(['formedDate'], '形成/变更日期', p.formedDate, today, '请填写信息实际形成或变更的日期。'),
    ...future(['draftedDate'], '拟稿日期', p.draftedDate, today, '请填写实际拟稿的日期。'),
    ...future(['reviewedDate'], '审核日期', p.reviewedDate, today, '请填写实际审核的日期。'),
    ...future(['approvedDate'], '签发日期', p.approvedDate, today, '请填写实际签发的日期。'),
  ];
}

interface RequestDates {
  receivedDate?: string | null;
  answeredDate?: string | null;
  steps?: readonly ({
    kind?: string;
    startDate?: string | null;
    endDate?: string | null;
    toldDate?: string | null;
  } | null)[];
}

const STEP_DATE_LABELS: Record<string, { start: string; end: string; told?: string }> = {
  补正: { start: '补正告知日期', end: '补正收到日期' },
  征求意见: { start: '征求意见发出日期', end: '意见收到日期' },
  延期: { start: '延期批准日期', end: '结束日期', told: '告知申请人日期' },
};

/**
 * The dates of one 依申请公开 record against today and the working-day calendar. `viewYear`: the year the register
 * is showing, to say where a record received in another year goes.
 */
export function requestDateIssues(
  r: RequestDates,
  today: string,
  cal?: WorkingDayCalendar,
  viewYear?: number,
): DateIssue[] {
  const out: DateIssue[] = [
    ...future(['receivedDate'], '收到日期', r.receivedDate, today, '只能登记已经收到的申请。'),
    ...otherYear(['receivedDate'], '收到日期', r.receivedDate, viewYear),
    ...future(['answeredDate'], '答复日期', r.answeredDate, today, '请在答复后再填写答复日期。'),
  ];
  (r.steps ?? []).forEach((s, i) => {
    if (!s?.kind) return;
    const L = STEP_DATE_LABELS[s.kind] ?? STEP_DATE_LABELS['补正'];
    out.push(...future(['steps', i, 'startDate'], L.start, s.startDate, today, '请填写实际发生的日期。'));
    out.push(...future(['steps', i, 'endDate'], L.end, s.endDate, today, '请在收到后再填写。'));
    // A 补正's toldDate is the 补正期限 given to the applicant, which may lie ahead; a 延期's is when they were told.
    if (L.told) out.push(...future(['steps', i, 'toldDate'], L.told, s.toldDate, today, '请在告知后再填写。'));
    if (s.kind === '补正' && s.startDate && r.receivedDate && s.startDate >= r.receivedDate) {
      const used = countWorkingDays(r.receivedDate, s.startDate, cal);
      const answerDue = addWorkingDays(r.receivedDate, ANSWER_WORKING_DAYS, cal);
      if (s.startDate > answerDue)
        out.push({
          field: ['steps', i, 'startDate'],
          level: 'error',
          message: `补正告知日期（${s.startDate}）已过答复期限（收到申请后20个工作日，${answerDue}）：这时不能再要求补正，请按实际情况答复。`,
        });
      else if (used > CORRECTION_NOTICE_WORKING_DAYS)
        out.push({
          field: ['steps', i, 'startDate'],
          level: 'warning',
          message: `补正告知在收到申请后第${used}个工作日，条例规定应在7个工作日内一次性告知，请核对日期。`,
        });
    }
  });
  return out;
}

/** The dates of one 行政复议/诉讼 record against today. */
export function reviewDateIssues(
  r: { filedDate?: string | null; decidedDate?: string | null },
  today: string,
): DateIssue[] {
  return [
    ...future(['filedDate'], '提起日期', r.filedDate, today, '只能登记已经提起的复议或诉讼。'),
    ...future(['decidedDate'], '审结日期', r.decidedDate, today, '请在审结后再填写。'),
  ];
}

/** The first refusal among the issues, as the sentence a service throws; null when there is none. */
export function firstDateError(issues: readonly DateIssue[]): string | null {
  return issues.find((i) => i.level === 'error')?.message ?? null;
}
