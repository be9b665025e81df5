// 由记录计算: counts, for one 记录口径 and one year, the records an indicator's rule applies to, each with why it
// counts. Every count comes from the owning area's own service and its own definition (the task light's 已逾期, the
// register's 20-working-day rule and 三审 fields, the 答复期限 state, the training requirement, the AB岗 filing due
// date), so the self-check never says a number another screen contradicts.
import { formatChineseDate, todayOf } from '../../../shared/domain/dates';
import { isOverdue } from '../../../shared/domain/plan';
import {
  proposedEntry,
  RECORD_MEASURE_LABELS,
  RECORD_MEASURE_UNITS,
  type MeasureRecord,
  type Proposal,
  type RecordMeasure,
} from '../../../shared/domain/selfcheck-measures';
import { ruleLabel, type Rule, type ScoreEntry } from '../../../shared/domain/selfcheck';
import { round2, scoreLeaf } from '../../../shared/domain/selfcheck-score';
import { yearPeriod, inPeriod } from '../../../shared/domain/period';
import { reportDueMonthDay } from '../disclosure/common';
import { listPublications } from '../disclosure/publications';
import { reportView } from '../disclosure/report';
import { listRequests } from '../disclosure/requests';
import { listTasks } from '../plan/tasks';
import { listChanges } from '../team/ab';
import { trainingRequirement } from '../team/training';
import type { AppContext } from '../workstation';

const d = (iso: string | null | undefined) => (iso ? formatChineseDate(iso) : '');

export interface Measured {
  /** Occurrences (null: the records cannot say). */
  count: number | null;
  records: MeasureRecord[];
  note: string;
}

async function overdueTasks(ctx: AppContext, year: number): Promise<Measured> {
  const tasks = await listTasks(ctx, { year });
  const records = tasks.filter(isOverdue).map((t) => ({
    kind: '任务',
    refId: t.id,
    title: t.title,
    detail: `实施方案第${t.seq}项，${t.dueDate ? `应于${d(t.dueDate)}前完成` : `完成时限${t.deadlineLabel}`}，现为“${t.status}”${t.periodLabel ? `（${t.periodLabel}未完成）` : ''}`,
  }));
  return {
    count: records.length,
    records,
    note: tasks.length
      ? `${year}年实施方案共${tasks.length}项任务，截至${d(todayOf(ctx))}已逾期${records.length}项`
      : `${year}年还没有实施方案任务`,
  };
}

async function latePublications(ctx: AppContext, year: number): Promise<Measured> {
  const list = await listPublications(ctx, { year });
  const records = list
    .filter((p) => p.late)
    .reverse()
    .map((p) => ({
      kind: '信息发布',
      refId: p.id,
      title: p.title,
      detail: `${d(p.formedDate)}形成，${d(p.publishedDate)}发布，相隔${p.publishDelay}个工作日，超过20个工作日`,
    }));
  const dated = list.filter((p) => p.formedDate).length;
  return {
    count: records.length,
    records,
    note: `${year}年信息发布登记${list.length}条，其中登记了形成日期的${dated}条，超期发布${records.length}条`,
  };
}

async function unreviewedPublications(ctx: AppContext, year: number): Promise<Measured> {
  const list = await listPublications(ctx, { year });
  const records = list
    .map((p) => {
      const missing = [p.reviewer && p.reviewedDate ? '' : '审核', p.approver && p.approvedDate ? '' : '签发'].filter(
        Boolean,
      );
      return { p, missing };
    })
    .filter((x) => x.missing.length)
    .reverse()
    .map(({ p, missing }) => ({
      kind: '信息发布',
      refId: p.id,
      title: p.title,
      detail: `${d(p.publishedDate)}发布，未登记${missing.join('和')}`,
    }));
  return {
    count: records.length,
    records,
    note: `${year}年信息发布登记${list.length}条，未登记审核或签发的${records.length}条`,
  };
}

async function lateAnswers(ctx: AppContext, year: number): Promise<Measured> {
  const period = yearPeriod(year);
  const list = await listRequests(ctx, { year });
  const records = list
    .filter(
      (r) =>
        (r.deadline.state === '逾期办结' && inPeriod(period, r.answeredDate)) ||
        (r.deadline.state === '逾期' && inPeriod(period, r.deadline.dueDate)),
    )
    .reverse()
    .map((r) => ({
      kind: '依申请公开',
      refId: r.id,
      title: `${r.applicant}：${r.content.slice(0, 40)}`,
      detail:
        r.deadline.state === '逾期办结'
          ? `${d(r.receivedDate)}收到，答复期限${d(r.deadline.dueDate)}，${d(r.answeredDate)}才答复`
          : `${d(r.receivedDate)}收到，答复期限${d(r.deadline.dueDate)}，已过期限仍未答复`,
    }));
  return {
    count: records.length,
    records,
    note: `${year}年登记的政府信息公开申请${list.length}件，超期答复或逾期未答复${records.length}件`,
  };
}

async function training(ctx: AppContext, year: number): Promise<Measured> {
  const req = await trainingRequirement(ctx, year);
  const records: MeasureRecord[] = [];
  const lacking = Math.max(0, req.minSpecial - req.specialHeld);
  // One occurrence per missing 专题培训 and per team member short of hours.
  if (lacking)
    records.push({
      kind: '培训要求',
      refId: null,
      title: `政务公开专题培训少${lacking}次`,
      detail: `已举办${req.specialHeld}次，要求至少${req.minSpecial}次`,
    });
  for (const p of req.people.filter((x) => x.met === false))
    records.push({
      kind: '培训要求',
      refId: null,
      title: `${p.name}${p.departmentName ? `（${p.departmentName}）` : ''}学时不足`,
      detail: `参训${p.trainings}次共${p.hours}学时，要求不少于${req.minHours}学时`,
    });
  const short = req.people.filter((x) => x.met === false).length;
  return { count: lacking + short, records, note: req.message.replace(/。$/, '') };
}

async function abFiling(ctx: AppContext, year: number): Promise<Measured> {
  const period = yearPeriod(year);
  const today = todayOf(ctx);
  const changes = (await listChanges(ctx)).filter((c) => inPeriod(period, c.changeDate));
  const records = changes
    .filter((c) => (c.filedDate ? c.filedDate > c.filingDue : c.filingDue < today))
    .reverse()
    .map((c) => ({
      kind: 'AB岗变动',
      refId: c.id,
      title: `“${c.postName}”${c.role}岗由${c.fromName ?? '（空缺）'}变更为${c.toName}（${d(c.changeDate)}）`,
      detail: c.filedDate
        ? `应于${d(c.filingDue)}前备案，${d(c.filedDate)}才备案`
        : `应于${d(c.filingDue)}前备案，至今未备案`,
    }));
  return {
    count: records.length,
    records,
    note: `${year}年AB岗人员变动${changes.length}人次，未按时备案${records.length}人次`,
  };
}

/** The 年报 of the year before, due in this year: its 发布登记 entry, else its last export, else nothing recorded. */
async function annualReportLate(ctx: AppContext, year: number): Promise<Measured> {
  const reportYear = year - 1;
  const due = `${year}-${await reportDueMonthDay(ctx)}`;
  const published = (await listPublications(ctx, { year }))
    .filter((p) => p.title.includes(`${reportYear}`) && /政府信息公开.*年度报告/.test(p.title))
    .sort((a, b) => a.publishedDate.localeCompare(b.publishedDate))[0];
  const title = `${reportYear}年度政府信息公开工作年度报告`;
  if (published) {
    const late = published.publishedDate > due;
    return {
      count: late ? 1 : 0,
      records: late
        ? [
            {
              kind: '年度报告',
              refId: published.id,
              title: published.title,
              detail: `应于${d(due)}前发布，${d(published.publishedDate)}发布（信息发布登记）`,
            },
          ]
        : [],
      note: `${title}${d(published.publishedDate)}发布（信息发布登记），期限${d(due)}`,
    };
  }
  let exportedAt: string | null = null;
  try {
    exportedAt = (await reportView(ctx, reportYear)).exportedAt;
  } catch {
    // No bureau set up or the year cannot be drafted: nothing recorded about that report.
    exportedAt = null;
  }
  const exported = exportedAt ? exportedAt.slice(0, 10) : null;
  if (!exported)
    return {
      count: null,
      records: [],
      note: `信息发布登记中没有${title}，也没有它的导出记录，无法由记录判断是否按时发布`,
    };
  const late = exported > due;
  return {
    count: late ? 1 : 0,
    records: late
      ? [
          {
            kind: '年度报告',
            refId: null,
            title,
            detail: `应于${d(due)}前发布，最近一次导出在${d(exported)}（信息发布登记中没有发布记录）`,
          },
        ]
      : [],
    note: `${title}最近一次导出在${d(exported)}（信息发布登记中没有发布记录），期限${d(due)}`,
  };
}

const MEASURES: Record<RecordMeasure, (ctx: AppContext, year: number) => Promise<Measured>> = {
  overdueTasks,
  latePublications,
  unreviewedPublications,
  lateAnswers,
  training,
  abFiling,
  annualReportLate,
};

/** The records behind one measure for a year. */
export function measureRecords(ctx: AppContext, year: number, measure: RecordMeasure): Promise<Measured> {
  return MEASURES[measure](ctx, year);
}

/** Counts each measure once per call, however many indicators use it. */
export function measureCache(ctx: AppContext, year: number): (m: RecordMeasure) => Promise<Measured> {
  const seen = new Map<RecordMeasure, Promise<Measured>>();
  return (m) => {
    let p = seen.get(m);
    if (!p) seen.set(m, (p = measureRecords(ctx, year, m)));
    return p;
  };
}

/**
 * The 建议分 of a leaf: the records' count through the rule (proposedEntry), scored by the engine's scoreLeaf with the
 * leaf's own ceiling flag, so the proposal is exactly what saving it gives.
 */
export function toProposal(
  leaf: { rule: Rule; capped: boolean; ceilingRatio: number | null; points: number; ceilingOn: boolean },
  measure: RecordMeasure,
  m: Measured,
): Proposal {
  const label = RECORD_MEASURE_LABELS[measure];
  const unit = RECORD_MEASURE_UNITS[measure];
  const base = { measure, label, count: m.count, unit, records: m.records, note: m.note };
  if (m.count === null) return { ...base, entry: null, score: null, summary: `${m.note}。` };
  const entry = proposedEntry(leaf.rule, leaf.points, m.count);
  if (!entry)
    return {
      ...base,
      entry: null,
      score: null,
      summary:
        leaf.rule.kind === 'grade'
          ? `记录中有${label}${m.count}${unit}；本项按等次评分，请对照各等次的评分标准选择等次。`
          : `记录中有${label}${m.count}${unit}；本项按“${ruleLabel(leaf.rule, leaf.capped)}”评分，不能由次数直接换算，请对照评分标准评分。`,
    };
  const full: ScoreEntry = { rated: true, reason: '', measure: '', ceiling: leaf.ceilingOn, counts: null, ...entry };
  const score = round2(scoreLeaf(leaf, leaf.points, full).score);
  const how = `${label}${m.count}${unit}，按“${ruleLabel(leaf.rule, leaf.capped)}”计`;
  return {
    ...base,
    entry,
    score,
    // A 重大扣分 item has no points of its own: its 建议分 is what it takes off.
    summary:
      leaf.rule.kind === 'major'
        ? `${how}，建议扣${-score}分。`
        : `${how}，建议得${score}分（分值${round2(leaf.points)}分）。`,
  };
}

/** 扣分原因 written from the records when the person has not written one: "逾期任务2项：……、……". */
export function reasonFromRecords(p: Proposal): string {
  if (!p.count) return '';
  const names = p.records.slice(0, 3).map((r) => `“${r.title}”`);
  return `${p.label}${p.count}${p.unit}：${names.join('、')}${p.records.length > 3 ? '等' : ''}`;
}
