// The 工作总结 draft: paragraph templates built from the figures and lists of the summary's own period (the year, or
// 1 January–30 June for the 上半年总结). The structure is the one county bureaus use (开头 with the period's totals;
// 一、主要做法和成效 in （一）（二）… each "一是…二是…"; 二、存在的问题; 三、下一步工作打算). Rules the office head signs by:
// - a sentence is written only when its figure exists and says something: a zero is never printed as "0条" — a
//   paragraph with nothing to count is left out or becomes one plain sentence;
// - a sentence claiming compliance (同步发布, 及时, 按期, 全部, 保持稳定 …) is written only when the records bear it
//   out; otherwise the problem, with its figure, goes to 二、存在的问题 and 三、下一步 answers it;
// - it speaks of the bureau's work by name (documents and 解读 published, applications answered and how, trainings,
//   整改 closed, tasks done), never of the software's bookkeeping (progress entries, evidence files);
// - wording follows the numbers (progressBand); 下一步 plans only unfinished work and prints only dates after the period.
// Pure: the same input always gives the same paragraphs.
import { formatChineseDate } from './dates';
import { bareTitle } from './titles';
import { isVariedInterpretation, QUIET_MONTHS_LIMIT } from './disclosure';
import { abGapsPlan, abGapsText } from './ab';
import {
  hasFigure,
  numberOf,
  ph,
  phCompare,
  type Figures,
  type InterpretationItem,
  type SummaryKind,
  type SummaryLists,
} from './summary';

export interface DraftInput {
  year: number;
  kind: SummaryKind;
  bureau: { fullName: string; shortName: string };
  figures: Figures;
  lists: SummaryLists;
  /**
   * The day the figures were counted when it falls before the period's end (a 年度总结 made on 7 December): the
   * figures then count 1 January to that day (summaryPeriodOn), their counts are said as 今年以来's and compared with
   * 上年同期, and the period-end states (未完成, 未销号, 仍在办理 …) are that day's, said as "截至12月7日", never as
   * the year's end (结转下年度, 本年度尚未完成). Null or absent once the period is over.
   */
  asOf?: string | null;
}

export interface DraftParagraph {
  /** Stable across refreshes: what the paragraph is about. */
  key: string;
  level: 0 | 1 | 2;
  heading: string;
  template: string;
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ordinal = (i: number) => ORDINALS[i] ?? String(i + 1);

/** "一是…。二是…。": each item a sentence; `apart` puts each on its own line (a paragraph of its own in print). */
function enumerate(items: string[], apart = false): string {
  return items.map((s, i) => `${ordinal(i)}是${s}`).join(apart ? '\n' : '');
}

/** A task or problem title up to its first comma or full stop: titles copied from 要点 are often long sentences. */
const firstClause = (s: string) =>
  (s.replace(/\s+/g, '').split(/[，,；;。]/)[0] || s).replace(
    /^\s*(?:\d+[.．、]|（[一二三四五六七八九十\d]+）)\s*/,
    '',
  );

/** An indicator's own name from its path ("单项否决 / 发生泄密…" → "发生泄密…"). */
const leafName = (path: string) => bareTitle(path.split(' / ').pop() ?? path);

/** “…” around a title; quotes inside become ‘…’ as Chinese print does. */
const quote = (s: string) => `“${s.replace(/“/g, '‘').replace(/”/g, '’')}”`;

/** Titles quoted one after another, the first `max` of them, "等" when there are more. */
function titles(list: readonly string[], max: number): string {
  const shown = [...new Set(list)].slice(0, max);
  return `${shown.map(quote).join('')}${list.length > max ? '等' : ''}`;
}

/** A sentence of the records quoted whole (never cut): a progress note, a finding; too long ones are not quoted. */
function sentence(s: string, max: number): string | null {
  const t = s.replace(/\s+/g, '').replace(/[。；;，,]+$/, '');
  return t && [...t].length <= max ? t : null;
}

const positive = (f: Figures, name: string) => (numberOf(f, name) ?? 0) > 0;
const zero = (f: Figures, name: string) => hasFigure(f, name) && numberOf(f, name) === 0;

/** "{{name}}<unit>" when the figure is positive, for lists of parts ("予以公开2件、部分公开1件"). */
function parts(f: Figures, items: [string, string, string][]): string[] {
  return items.filter(([name]) => positive(f, name)).map(([name, words, unit]) => `${words}${ph(name)}${unit}`);
}

/** Keys of per-栏目/渠道 figures with something counted (`disclosure.column.<栏目名>`), in the provider's order. */
function prefixed(f: Figures, prefix: string): string[] {
  return Object.keys(f).filter((k) => k.startsWith(prefix) && positive(f, k));
}

/**
 * When the 解读 came out after their documents, as the register shows it: 同步发布 only when every one is linked and
 * came out the same day; otherwise how many the same day and how many working days later the others followed (a 解读
 * later than the limit is a problem of its own, said in 二、存在的问题). Empty when it cannot be said.
 */
function timing(list: readonly InterpretationItem[], f: Figures): string {
  if (
    !list.length ||
    list.some((i) => i.workingDaysAfter === null) ||
    positive(f, 'disclosure.interpretationsLate') ||
    positive(f, 'disclosure.interpretationsUnlinked')
  )
    return '';
  if (list.every((i) => i.workingDaysAfter === 0)) return '，做到政策文件与解读材料同步发布';
  const same = list.filter((i) => i.workingDaysAfter === 0).length;
  const later = list.map((i) => i.workingDaysAfter ?? 0).filter((d) => d > 0);
  const [lo, hi] = [Math.min(...later), Math.max(...later)];
  const days = lo === hi ? `${lo}` : `${lo}至${hi}`;
  return same
    ? `，其中${same}篇与所解读文件同日发布，${later.length}篇在文件公开后${days}个工作日内发布`
    : `，均在所解读文件公开后${days}个工作日内发布`;
}

/** A problem of 二、存在的问题 (its words) and the self-check deductions that are the same problem (indicator, reason). */
const SAME_PROBLEM: [RegExp, RegExp][] = [
  [/解读未在文件公开后/, /解读/],
  [/超过形成之日起20个工作日/, /20个工作日|超期公开|超期发布|公开时效|发布时效|及时公开|按时公开|逾期公开/],
  [/任务已超过完成时限|重点任务完成率偏低|重点任务推进较慢/, /完成时限|逾期任务|任务落实|任务.{0,6}未完成/],
  [/超过法定期限/, /答复期限|法定期限|超期答复|逾期答复/],
  [/备案/, /备案/],
  [/培训/, /培训|学时/],
  [/整改时限/, /整改时限|逾期.{0,4}整改/],
  [/三审/, /三审|审核签发|签发记录/],
];

export type ProgressBand = '扎实推进' | '有序推进' | '推进滞后';

/**
 * How the text may describe the plan's progress, from the completion rate at the period's end against what the period
 * should have reached (all of it by year end, half of it by 30 June) and the overdue tasks:
 * ≥ 90% of that and nothing overdue → 扎实推进; ≥ 60% → 有序推进; less → 推进滞后. Null without a rate.
 */
export function progressBand(rate: number | null, overdue: number, kind: SummaryKind): ProgressBand | null {
  if (rate === null) return null;
  const share = rate / (kind === '半年' ? 50 : 100);
  if (share >= 0.9 && overdue === 0) return '扎实推进';
  if (share >= 0.6) return '有序推进';
  // By 30 June only the tasks due by then can be late: with none overdue the plan is on schedule, whatever share of
  // the year's tasks is done (a plan whose tasks fall due in the autumn is not 滞后 in June), once something is done.
  if (kind === '半年' && overdue === 0 && rate > 0) return '有序推进';
  return '推进滞后';
}

export function buildSummaryDraft(input: DraftInput): DraftParagraph[] {
  const { year, kind, figures: f, lists } = input;
  const half = kind === '半年';
  const periodEnd = half ? `${year}-06-30` : `${year}-12-31`;
  const early = input.asOf && input.asOf < periodEnd ? input.asOf : null;
  // Counted to a day before the period's end, the counts are 今年以来's (1 January to that day), compared with the same
  // days a year earlier (较上年同期); 全年 and 上半年 only once the period is over. A half year is always compared with
  // the same half a year earlier, so it says 较上年同期 too ("较上年" would read as against the whole of last year).
  const period = early ? '今年以来' : half ? '上半年' : '全年';
  const cmp = (name: string, unit: string) => phCompare(name, unit, !!early || half);
  // How a state at the period's end is dated: the day counted to while the period runs, 6月底 for the half year.
  const stateAt = early
    ? `截至${Number(early.slice(5, 7))}月${Number(early.slice(8, 10))}日`
    : half
      ? '截至6月底'
      : null;
  const we = input.bureau.shortName.endsWith('局') ? '我局' : '我单位';
  const out: DraftParagraph[] = [];
  const para = (key: string, template: string) => out.push({ key, level: 0, heading: '', template });
  const heading1 = (key: string, heading: string) => out.push({ key, level: 1, heading, template: '' });
  let sub = 0;
  const heading2 = (key: string, heading: string, template: string) =>
    out.push({ key, level: 2, heading: `（${ordinal(sub++)}）${heading}`, template });

  const plan = positive(f, 'plan.tasks');
  const band = plan ? progressBand(numberOf(f, 'plan.completionRate'), numberOf(f, 'plan.overdue') ?? 0, kind) : null;
  const published = positive(f, 'disclosure.published');
  const interpretations = lists.interpretations ?? [];
  const lateInterpretations = interpretations.filter((i) => i.late);
  const requestsKnown = hasFigure(f, 'disclosure.requestsReceived');
  const requests = positive(f, 'disclosure.requestsReceived') || positive(f, 'disclosure.requestsCarriedIn');
  const trainingKnown = hasFigure(f, 'training.count');
  const trained = positive(f, 'training.count');
  const abPosts = positive(f, 'ab.posts');
  const abGaps = lists.abGaps ?? [];
  // A score is written only for a finished self-check (the grade is null until every indicator is rated).
  const scored = hasFigure(f, 'selfcheck.score') && hasFigure(f, 'selfcheck.grade');
  const vetoes = (lists.selfcheckProblems ?? []).filter((p) => p.vetoed);
  const rectified = positive(f, 'rectification.opened');
  // Earlier years' items still open: the 整改情况报告 lists them as 往年遗留, so the 总结 does not leave them out.
  const carried = positive(f, 'rectification.carriedOpen');
  // Any finding during the period rules out claiming the 栏目 were kept up to date; the unresolved ones are problems.
  const columnFindings = lists.columnFindings ?? [];
  const columnProblems = columnFindings.filter((c) => !c.resolved).map((c) => c.text);
  // Every item published within 20 working days of being formed (items without a formed date cannot be judged).
  const publishedOnTime =
    published && numberOf(f, 'disclosure.publishedOnTime') === numberOf(f, 'disclosure.published');

  // ---- 开头
  const totals: string[] = [];
  if (published) totals.push(`主动公开政府信息${ph('disclosure.published')}条${cmp('disclosure.published', '条')}`);
  if (positive(f, 'disclosure.interpretations')) totals.push(`发布政策解读${ph('disclosure.interpretations')}篇`);
  if (positive(f, 'disclosure.requestsAnswered'))
    totals.push(`办结政府信息公开申请${ph('disclosure.requestsAnswered')}件`);
  if (trained) totals.push(`举办政务公开培训${ph('training.count')}次`);
  if (plan && positive(f, 'plan.done'))
    totals.push(`完成实施方案重点任务${ph('plan.done')}项（共${ph('plan.tasks')}项）`);
  const manner = band === '扎实推进' ? '扎实推进' : band === '有序推进' ? '有序推进' : '推进';
  para(
    'opening',
    `${half ? `${year}年上半年` : `${year}年`}，${input.bureau.fullName}坚持以习近平新时代中国特色社会主义思想为指导，` +
      '认真贯彻落实《中华人民共和国政府信息公开条例》和上级政务公开工作部署，围绕本单位重点业务，' +
      `${manner}政务公开各项工作。` +
      (totals.length ? `${period}${totals.join('，')}。` : '') +
      '现将有关情况总结如下：',
  );

  // ---- 一、主要做法和成效
  heading1('practice', '一、主要做法和成效');

  const org: string[] = [];
  if (plan) {
    const title = hasFigure(f, 'plan.title') ? `制定《${ph('plan.title')}》` : '制定年度实施方案';
    const basis = positive(f, 'points.documents')
      ? `对照上级下发的${ph('points.documents')}份政务公开工作要点文件，`
      : '';
    const depts = positive(f, 'plan.departments') ? `，由${ph('plan.departments')}个科室牵头落实` : '';
    const sections = positive(f, 'plan.sections') ? `${ph('plan.sections')}个方面` : '';
    org.push(`细化任务分工。${basis}${title}，将年度工作分解为${sections}${ph('plan.tasks')}项重点任务${depts}。`);
  }
  if (abPosts) {
    let s = `落实AB岗工作制度。设置政务公开工作岗位${ph('ab.posts')}个`;
    if (hasFigure(f, 'ab.postsFilled'))
      s +=
        numberOf(f, 'ab.postsFilled') === numberOf(f, 'ab.posts')
          ? '，A岗、B岗均已配齐'
          : positive(f, 'ab.postsFilled')
            ? `，其中A岗、B岗配齐的${ph('ab.postsFilled')}个`
            : '';
    if (positive(f, 'ab.holders')) s += `，共有${ph('ab.holders')}名同志承担政务公开岗位职责`;
    if (positive(f, 'ab.changes')) {
      s += `；${period}岗位人员变动${ph('ab.changes')}人次`;
      if (positive(f, 'ab.filedOnTime')) s += `，按时备案${ph('ab.filedOnTime')}人次`;
      if (positive(f, 'ab.filingPending'))
        s += `，${early ? stateAt : ''}另有${ph('ab.filingPending')}人次正在备案时限内办理`;
    } else if (zero(f, 'ab.changes')) s += `，${period}岗位人员保持稳定`;
    org.push(`${s}。`);
    if (positive(f, 'ab.absences'))
      org.push(`执行不在岗登记制度。${period}登记A岗、B岗人员出差、休假等不在岗${ph('ab.absences')}人次。`);
  }
  if (org.length) heading2('practice.organisation', '加强组织领导，压实工作责任。', enumerate(org));

  if (plan) {
    const status: string[] = [];
    if (positive(f, 'plan.done')) status.push(`已完成${ph('plan.done')}项`);
    if (positive(f, 'plan.inProgress')) status.push(`正在推进${ph('plan.inProgress')}项`);
    if (positive(f, 'plan.notStarted')) status.push(`尚未启动${ph('plan.notStarted')}项`);
    if (!hasFigure(f, 'plan.inProgress') && positive(f, 'plan.unfinished') && positive(f, 'plan.done'))
      status.push(`尚未完成${ph('plan.unfinished')}项`);
    if (positive(f, 'plan.notApplicable')) status.push(`因情况变化不再适用${ph('plan.notApplicable')}项`);
    // The year's figures count to 31 December; the half year's to 30 June, or to the day counted (said so).
    const asOf = stateAt ? `${stateAt}，` : '';
    let s = positive(f, 'plan.done')
      ? `实行清单化管理、台账式推进。${asOf}${ph('plan.tasks')}项重点任务中${status.join('，')}`
      : `实行清单化管理、台账式推进。${asOf}${ph('plan.tasks')}项重点任务尚无已完成的${status.length ? `，其中${status.join('，')}` : ''}`;
    if (positive(f, 'plan.done') && hasFigure(f, 'plan.completionRate')) s += `，完成率${ph('plan.completionRate')}%`;
    // Counted before the year's end, nothing overdue is said so: the rest are not yet due.
    if (stateAt && positive(f, 'plan.unfinished') && zero(f, 'plan.overdue')) s += '，其余任务均未超过完成时限';
    s += '。';
    const done = lists.doneTasks ?? [];
    if (done.length) {
      s += `已完成${titles(
        done.map((t) => firstClause(t.title)),
        5,
      )}任务`;
      // What the office wrote when it closed a task: quoted whole, once, at most two.
      const notes = (lists.notableProgress ?? [])
        .map((n) => ({ task: firstClause(n.task), text: sentence(n.text, 70) }))
        .filter((n): n is { task: string; text: string } => n.text !== null)
        .filter((n, i, all) => all.findIndex((x) => x.text === n.text) === i)
        .slice(0, 2);
      s += notes.length ? `，其中${notes.map((n) => `${quote(n.task)}一项，${n.text}`).join('；')}。` : '。';
    }
    if (band === '推进滞后') s += `从完成情况看，部分任务推进滞后，需在${half ? '下半年' : '后续工作中'}加快推进。`;
    const headingOf: Record<ProgressBand, string> = {
      扎实推进: '狠抓任务落实，推动工作要点落地见效。',
      有序推进: '有序推进重点任务落实。',
      推进滞后: '推进重点任务落实，部分任务进度滞后。',
    };
    heading2('practice.tasks', band ? headingOf[band] : '抓好重点任务落实。', s);
  }

  if (hasFigure(f, 'disclosure.published')) {
    const items: string[] = [];
    if (published) {
      let s = `主动公开政府信息。${period}主动公开政府信息${ph('disclosure.published')}条${cmp('disclosure.published', '条')}`;
      const channels = prefixed(f, 'disclosure.channel.');
      if (channels.length > 1)
        s += `，其中${channels.map((k) => `通过${k.slice('disclosure.channel.'.length)}发布${ph(k)}条`).join('、')}`;
      if (publishedOnTime) s += '，均在信息形成之日起20个工作日内公开';
      items.push(`${s}。`);
      const key = lists.keyPublications ?? [];
      if (key.length) {
        // One document is named alone: "等政策文件" would claim others; it is called 政策文件 only when it is one (a
        // 规范性文件 or in the 政策文件 栏目: a 通知 with a 文号 is not always one).
        const single = key.length === 1 ? key[0] : null;
        let t = single
          ? `公开${single.normative || single.column === '政策文件' ? '政策文件' : ''}${quote(single.title)}`
          : `公开${titles(
              key.map((p) => p.title),
              4,
            )}等政策文件`;
        if (positive(f, 'disclosure.normativeIssued')) {
          t += `，制发行政规范性文件${ph('disclosure.normativeIssued')}件`;
          // 全部 only when the register holds as many published 规范性文件 as the 年报 says were issued.
          if ((numberOf(f, 'disclosure.normativePublished') ?? 0) >= (numberOf(f, 'disclosure.normativeIssued') ?? 0))
            t += '并全部向社会公开';
        }
        items.push(`${t}。`);
      }
      const columns = prefixed(f, 'disclosure.column.');
      if (columns.length) {
        let t = `按照主动公开目录维护栏目，在${columns
          .slice(0, 6)
          .map((k) => `“${k.slice('disclosure.column.'.length)}”栏目发布${ph(k)}条`)
          .join('、')}`;
        if (columns.length > 6) t += '等';
        // 及时更新 only when no finding names a stale 栏目, nothing was published late and no quarter went by
        // without an update.
        if (!columnFindings.length && publishedOnTime && (lists.quietMonths ?? 0) < QUIET_MONTHS_LIMIT)
          t += '，各栏目信息更新及时';
        items.push(`${t}。`);
      }
    }
    if (positive(f, 'disclosure.interpretations')) {
      let t = `做好政策解读。${period}发布政策解读${ph('disclosure.interpretations')}篇${cmp('disclosure.interpretations', '篇')}`;
      if (interpretations.length)
        t += `，包括${titles(
          interpretations.map((i) => i.title),
          3,
        )}`;
      t += timing(interpretations, f);
      items.push(`${t}。`);
    }
    if (items.length) heading2('practice.disclosure', '坚持以公开为常态，主动公开工作有序开展。', enumerate(items));
  }

  if (requestsKnown) {
    let s: string;
    if (requests) {
      const received = positive(f, 'disclosure.requestsReceived')
        ? `新收政府信息公开申请${ph('disclosure.requestsReceived')}件${cmp('disclosure.requestsReceived', '件')}`
        : '未新收政府信息公开申请';
      s = `${period}${received}`;
      if (positive(f, 'disclosure.requestsCarriedIn')) s += `，上年结转${ph('disclosure.requestsCarriedIn')}件`;
      // 结转下年度 is a fact only once the year is over; before, the open ones are that day's and said with whether
      // their 答复期限 has come.
      const open = positive(f, 'disclosure.requestsCarriedOut')
        ? 'disclosure.requestsCarriedOut'
        : positive(f, 'disclosure.requestsOpenAtEnd')
          ? 'disclosure.requestsOpenAtEnd'
          : null;
      const openCount = open ? (numberOf(f, open) ?? 0) : 0;
      const overdueOpen = numberOf(f, 'disclosure.requestsOpenOverdue') ?? 0;
      // How many of the open ones are past their 答复期限: "已超过" of the only one, "均" of all, "其中N件" of some.
      const pastDue = (at: string) =>
        overdueOpen <= 0
          ? ''
          : overdueOpen >= openCount
            ? `，${at}${openCount > 1 ? '均' : ''}已超过答复期限`
            : `，其中${ph('disclosure.requestsOpenOverdue')}件${at}已超过答复期限`;
      const total =
        (numberOf(f, 'disclosure.requestsReceived') ?? 0) + (numberOf(f, 'disclosure.requestsCarriedIn') ?? 0);
      if (open && !positive(f, 'disclosure.requestsAnswered') && openCount >= total) {
        // Nothing answered: the ones received are the ones still open, not "另有" others.
        const all = openCount > 1 ? '均' : '';
        if (open === 'disclosure.requestsCarriedOut' && !early)
          s += `，截至12月31日${all}尚在办理，结转下年度继续办理${pastDue('')}。`;
        else
          s += `，${stateAt}${all}尚在办理${zero(f, 'disclosure.requestsOpenOverdue') ? '（未到答复期限）' : pastDue('')}。`;
      } else {
        s += '。';
        if (positive(f, 'disclosure.requestsAnswered')) {
          const one = numberOf(f, 'disclosure.requestsAnswered') === 1;
          s += `办结${ph('disclosure.requestsAnswered')}件`;
          const outcomes: [string, string, string][] = [
            ['disclosure.requestsFullyDisclosed', '予以公开', '件'],
            ['disclosure.requestsPartlyDisclosed', '部分公开', '件'],
            ['disclosure.requestsNotDisclosed', '不予公开', '件'],
            ['disclosure.requestsUnavailable', '无法提供', '件'],
            ['disclosure.requestsNotProcessed', '不予处理', '件'],
            ['disclosure.requestsOtherHandling', '其他处理', '件'],
          ];
          const how = parts(f, outcomes);
          // The only one answered is said with its result, not "其中予以公开1件".
          if (one && how.length === 1) s += `，办理结果为${outcomes.find(([name]) => positive(f, name))![1]}`;
          else if (how.length) s += `，其中${how.join('、')}`;
          const late = numberOf(f, 'disclosure.requestsAnsweredLate') ?? 0;
          if (zero(f, 'disclosure.requestsAnsweredLate')) s += one ? '，在法定期限内答复' : '，均在法定期限内答复';
          else if (late > 0 && (one || late >= (numberOf(f, 'disclosure.requestsAnswered') ?? 0)))
            s += one ? '，超过法定期限答复' : '，均超过法定期限答复';
          else if (late > 0)
            s += `${how.length && !one ? '；' : '，其中'}${ph('disclosure.requestsAnsweredLate')}件超过法定期限答复`;
          s += '。';
        }
        if (open === 'disclosure.requestsCarriedOut' && !early) {
          s += `另有${ph(open)}件正在办理，结转下年度继续办理`;
          // Past its 答复期限 on 31 December: the 年报 says so too (its 总体情况).
          s += `${pastDue('截至12月31日')}。`;
        } else if (open) {
          s += `${stateAt}尚有${ph(open)}件正在办理`;
          if (zero(f, 'disclosure.requestsOpenOverdue')) s += '（未到答复期限）';
          else s += pastDue('');
          s += '。';
        }
      }
    } else {
      s = `${period}未收到政府信息公开申请。`;
    }
    if (positive(f, 'disclosure.reviews') || positive(f, 'disclosure.lawsuits')) {
      const cases = parts(f, [
        ['disclosure.reviews', '行政复议', '件'],
        ['disclosure.lawsuits', '行政诉讼', '件'],
      ]);
      s += `因政府信息公开引发${cases.join('、')}。`;
    } else if (zero(f, 'disclosure.reviews') && zero(f, 'disclosure.lawsuits')) {
      s += '未发生因政府信息公开引发的行政复议和行政诉讼。';
    }
    heading2('practice.requests', '规范依申请公开办理，依法保障群众知情权。', s);
  }

  // A year with no training at all has nothing to report as 做法 (its unmet requirement is a problem below).
  if (trained || positive(f, 'training.planned')) {
    const items: string[] = [];
    if (trained) {
      // Every training a 专题培训 (one, or all of them): said so, never "1次…其中专题培训1次".
      const count = numberOf(f, 'training.count');
      const allSpecial = count === numberOf(f, 'training.special');
      let s = `${period}举办政务公开培训${ph('training.count')}次`;
      if (allSpecial) s += `（${count === 1 ? '' : '均为'}政务公开专题培训）`;
      s += cmp('training.count', '次');
      if (positive(f, 'training.special') && !allSpecial) s += `，其中政务公开专题培训${ph('training.special')}次`;
      if (positive(f, 'training.hours')) s += `，累计${ph('training.hours')}学时`;
      if (positive(f, 'training.attendance'))
        s += `，参训${ph('training.attendance')}人次${cmp('training.attendance', '人次')}`;
      if (positive(f, 'training.people')) s += `，覆盖干部职工${ph('training.people')}人`;
      items.push(`${s}。`);
      const held = lists.trainings ?? [];
      if (held.length) {
        const forms = [...new Set(held.map((t) => t.form).filter(Boolean))];
        const how = forms.length ? `，采取${forms.join('、')}${forms.length > 1 ? '等' : ''}形式` : '';
        const named = titles(
          held.map((t) => t.title),
          6,
        );
        const distinct = new Set(held.map((t) => t.title)).size;
        // One training is not "先后举办"; a name already ending in 培训 is not followed by 培训 again.
        items.push(
          distinct === 1
            ? `坚持学用结合。举办${named}${held.length > 1 ? `${held.length}期` : ''}${how}。`
            : `坚持学用结合。先后举办${named}${distinct > 6 ? '' : '等'}培训${how}。`,
        );
      }
    } else {
      items.push(`${period}尚未举办政务公开培训。`);
    }
    // Only the parts of the requirement that are set are named (no 人均学时 check when no hours are required).
    if (f['training.requirementMet']?.value === '已达到') {
      const set: string[] = [];
      if (positive(f, 'training.requiredSpecial'))
        set.push(
          `每年至少举办政务公开专题培训${ph('training.requiredSpecial')}次${positive(f, 'training.special') ? `（${period}举办${ph('training.special')}次）` : ''}`,
        );
      if (positive(f, 'training.requiredHours'))
        set.push(`政务公开队伍成员每人学时不少于${ph('training.requiredHours')}学时`);
      // 均 only over two requirements; a year that is over has met them (已达到要求), one that runs has so far.
      if (set.length)
        items.push(
          `落实年度培训要求。本单位要求${set.join('，')}，${stateAt ?? ''}${set.length > 1 ? '均' : ''}已达到${stateAt ? '' : '要求'}。`,
        );
    }
    heading2('practice.training', '加强队伍建设，提升业务能力。', enumerate(items));
  }

  if (scored || rectified || carried || hasFigure(f, 'lookback.unfinished')) {
    let s = '';
    if (scored) {
      s += `对照年度政务公开考核指标开展自查自评，自评得分${ph('selfcheck.score')}分`;
      // 满分 is the base; a 细则 with 加分 says so apart ("满分100分，另设加分8分"), never "96/108".
      if (hasFigure(f, 'selfcheck.maxScore'))
        s += positive(f, 'selfcheck.maxBonus')
          ? `（满分${ph('selfcheck.maxScore')}分，另设加分${ph('selfcheck.maxBonus')}分）`
          : `（满分${ph('selfcheck.maxScore')}分）`;
      const lost =
        positive(f, 'selfcheck.deductedItems') && positive(f, 'selfcheck.deducted')
          ? `，${ph('selfcheck.deductedItems')}项指标失分，合计扣${ph('selfcheck.deducted')}分`
          : '';
      // A 单项否决 decides the grade whatever the points: the grade follows it, said with what happened.
      s += vetoes.length
        ? `${lost}；因${vetoes.map((p) => leafName(p.indicator)).join('、')}（单项否决），等次为“${ph('selfcheck.grade')}”`
        : `，等次为“${ph('selfcheck.grade')}”${lost}`;
      s += '。';
    }
    if (rectified) {
      s += `针对发现的问题建立整改台账，${period}登记整改事项${ph('rectification.opened')}项`;
      const state = parts(f, [
        ['rectification.closed', '已整改销号', '项'],
        ['rectification.awaitingClosure', '已完成整改待销号', '项'],
      ]);
      if (state.length) s += `，${early ? stateAt : '其中'}${state.join('、')}`;
      s += '。';
      const closed = lists.closedRectifications ?? [];
      if (closed.length)
        s += `${titles(
          closed.map((r) => firstClause(r.problem)),
          3,
        )}等问题已整改到位。`;
    }
    if (carried) {
      s += `${stateAt ? `${stateAt}，` : ''}往年遗留未销号整改事项${ph('rectification.carriedOpen')}项`;
      if (positive(f, 'rectification.carriedOverdue'))
        s += `，其中${ph('rectification.carriedOverdue')}项已超过整改时限仍未完成`;
      s += '。';
    }
    if (hasFigure(f, 'lookback.unfinished')) {
      // Says only what the 回头看 records show was done with the unfinished tasks, never that all were followed up.
      if (!positive(f, 'lookback.unfinished')) s += '对上年任务开展“回头看”，上年各项任务均已落实。';
      else {
        s += `对上年任务开展“回头看”，尚有${ph('lookback.unfinished')}项未完全落实`;
        const followed = numberOf(f, 'lookback.followedUp') ?? 0;
        const unfinished = numberOf(f, 'lookback.unfinished') ?? 0;
        if (followed > 0 && followed >= unfinished) s += '，已全部转为整改事项或纳入本年度实施方案持续推进。';
        else if (followed > 0) s += `，其中${ph('lookback.followedUp')}项已转为整改事项或纳入本年度实施方案。`;
        else s += '，将逐项分析原因、明确措施，抓好落实。';
      }
    }
    if (s) heading2('practice.selfcheck', '深化自查整改，以查促改提升实效。', s);
  }

  // ---- 二、存在的问题: what the records show went wrong, each with its figure; 三、下一步 answers each of them.
  heading1('problems', '二、存在的问题');
  const problems: string[] = [];
  const plans: string[] = [];

  if (positive(f, 'disclosure.interpretationsLate')) {
    const shown = lateInterpretations
      .slice(0, 2)
      .map((i) => `${quote(i.title)}在所解读文件公开${i.workingDaysAfter}个工作日后才发布`)
      .join('，');
    problems.push(
      `政策解读与政策文件发布还不够同步。${period}有${ph('disclosure.interpretationsLate')}篇解读未在文件公开后3个工作日内发布${shown ? `，其中${shown}` : ''}。`,
    );
    plans.push(
      '推动解读与文件同步发布。坚持政策文件与解读材料同步组织、同步审签、同步发布，发布前逐件核对解读是否配套。',
    );
  }
  if (positive(f, 'disclosure.publishedLate')) {
    const late = lists.latePublications ?? [];
    problems.push(
      `部分信息公开不够及时。${period}有${ph('disclosure.publishedLate')}条信息超过形成之日起20个工作日才公开${
        late.length ? `，如${quote(late[0].title)}在形成后第${late[0].workingDays}个工作日才公开` : ''
      }。`,
    );
    plans.push('严格落实公开时限。信息形成后及时履行审核程序，确保在20个工作日内公开。');
  }
  // The 年报's 五 names the same figure: the head signs both.
  if (positive(f, 'disclosure.reviewIncomplete')) {
    problems.push(
      `信息发布“三审”留痕还不到位。${period}有${ph('disclosure.reviewIncomplete')}条信息未留存完整的拟稿、审核、签发记录。`,
    );
    plans.push('落实信息发布“三审”留痕。每条信息发布前留存拟稿、审核、签发记录，做到先审后发、全程留痕。');
  }
  if (columnProblems.length) {
    problems.push(
      `栏目维护还不到位。自查和整改中发现：${columnProblems
        .slice(0, 3)
        .map((p) => p.replace(/[。；;]+$/, ''))
        .join('；')}。`,
    );
    plans.push('加强栏目日常维护。明确每个栏目的责任人和更新要求，定期巡查，发现空白、滞后的栏目及时补充更新。');
  }
  const overdueTasks = (lists.unfinishedTasks ?? []).filter((t) => t.overdue);
  if (positive(f, 'plan.overdue')) {
    problems.push(
      `部分重点任务推进滞后。${stateAt ? `${stateAt}，` : ''}${ph('plan.overdue')}项任务已超过完成时限仍未完成${
        overdueTasks.length
          ? `，如${titles(
              overdueTasks.map((t) => firstClause(t.title)),
              2,
            )}`
          : ''
      }，督办跟踪还不够有力。`,
    );
  } else if (band === '推进滞后') {
    problems.push(
      positive(f, 'plan.done')
        ? `重点任务完成率偏低。${stateAt ? `${stateAt}，` : ''}${ph('plan.tasks')}项重点任务完成${ph('plan.done')}项，完成率${ph('plan.completionRate')}%。`
        : `重点任务推进较慢。${stateAt ? `${stateAt}，` : ''}${ph('plan.tasks')}项重点任务尚无已完成的。`,
    );
  }
  if (positive(f, 'plan.unfinished')) {
    plans.push(
      half
        ? `加快推进未完成任务。对尚未完成的${ph('plan.unfinished')}项重点任务逐项明确进度安排，确保年底前完成。`
        : early
          ? `持续推进未完成任务。对${stateAt}尚未完成的${ph('plan.unfinished')}项重点任务逐项分析原因，年底前能够完成的抓紧完成，年内未能完成的纳入下一年度实施方案继续推进，做到件件有着落。`
          : `持续推进未完成任务。对本年度尚未完成的${ph('plan.unfinished')}项重点任务逐项分析原因，纳入下一年度实施方案继续推进，做到件件有着落。`,
    );
  }
  // Answered late, or still open past the 答复期限 on the day counted (the period's end, or today while it runs).
  const lateAnswers = parts(f, [
    ['disclosure.requestsAnsweredLate', '', '件申请超过法定期限答复'],
    ['disclosure.requestsOpenOverdue', stateAt ? `${stateAt}，` : '', '件申请已超过法定期限仍未答复'],
  ]);
  if (lateAnswers.length) {
    problems.push(`依申请公开办理时效有待提高，${lateAnswers.join('，')}。`);
    plans.push('严守依申请公开办理时限。对每件申请登记答复期限，临近期限提前提醒，确保在法定期限内答复。');
  }
  // Not filed yet is a problem only once the time limit has passed; a change still inside it is work in hand.
  if (positive(f, 'ab.filingOverdue') || positive(f, 'ab.filedLate')) {
    const parts: string[] = [];
    if (positive(f, 'ab.filingOverdue'))
      parts.push(`${early ? stateAt : ''}尚有${ph('ab.filingOverdue')}人次超过备案时限仍未备案`);
    if (positive(f, 'ab.filedLate')) parts.push(`${ph('ab.filedLate')}人次超过备案时限才备案`);
    problems.push(`人员变动备案还不够及时，${parts.join('，')}。`);
  }
  if (positive(f, 'ab.filingOverdue') || positive(f, 'ab.filedLate') || positive(f, 'ab.filingPending'))
    plans.push('及时办理AB岗人员变动备案，做到人员变动后在规定时限内完成交接和备案。');
  if (
    abPosts &&
    hasFigure(f, 'ab.postsFilled') &&
    (numberOf(f, 'ab.postsFilled') ?? 0) < (numberOf(f, 'ab.posts') ?? 0)
  ) {
    // Which posts lack which role, and whose 交接 is pending (lists.abGaps); the plan answers each.
    problems.push(
      abGaps.length
        ? `${abGaps.some((g) => g.leftName === null) ? 'AB岗配备还不齐全' : 'AB岗人员交接还不及时'}，${early ? `${stateAt}，` : ''}${abGapsText(abGaps)}。`
        : 'AB岗配备还不齐全，部分岗位A岗、B岗尚未配齐。',
    );
    if (abGaps.length) plans.push(`配齐AB岗人员。${abGapsPlan(abGaps)}，确保每个岗位A岗、B岗都有人在岗履职。`);
  }
  // The requirement is the year's: 未达到 once the year is over, 尚未达到 while it runs (counted to a day in it).
  const notYet = early ? '尚未' : '未';
  if (f['training.requirementMet']?.value === '未达到') {
    const short = (numberOf(f, 'training.special') ?? 0) < (numberOf(f, 'training.requiredSpecial') ?? 0);
    const hoursShort = positive(f, 'training.shortOfHours') && positive(f, 'training.requiredHours');
    const required = [
      ...(positive(f, 'training.requiredSpecial')
        ? [`每年至少举办政务公开专题培训${ph('training.requiredSpecial')}次`]
        : []),
      ...(positive(f, 'training.requiredHours')
        ? [`政务公开队伍成员每人学时不少于${ph('training.requiredHours')}学时`]
        : []),
    ];
    if (!trained && required.length) {
      // No training at all: one problem, the requirement it leaves unmet named (not "未举办" and "未达到" twice).
      problems.push(`${period}未举办政务公开培训，${notYet}达到本单位${required.join('、')}的要求。`);
    } else {
      const gaps: string[] = [];
      if (short)
        gaps.push(
          positive(f, 'training.special')
            ? `${period}举办政务公开专题培训${ph('training.special')}次，少于本单位要求的${ph('training.requiredSpecial')}次`
            : `${period}未举办政务公开专题培训（本单位要求至少${ph('training.requiredSpecial')}次）`,
        );
      if (hoursShort)
        gaps.push(`${ph('training.shortOfHours')}名队伍成员学时未达到每人${ph('training.requiredHours')}学时的要求`);
      if (gaps.length) problems.push(`年度培训要求${notYet}达到，${gaps.join('，')}。`);
    }
    if (required.length && (short || hoursShort || !trained))
      plans.push(
        early
          ? `抓紧落实年度培训要求。尽快组织政务公开专题培训，确保达到本单位${required.join('、')}的要求。`
          : `落实年度培训要求。制定${year + 1}年政务公开培训计划，分阶段组织实施，确保达到本单位${required.join('、')}的要求。`,
      );
  } else if (trainingKnown && !trained) problems.push(`${period}未举办政务公开培训，业务学习还不够系统。`);
  const lateThisYear = positive(f, 'rectification.overdue');
  const lateCarried = positive(f, 'rectification.carriedOverdue');
  if (lateThisYear && !lateCarried)
    problems.push(
      `整改推进还不够有力，${early ? stateAt : ''}${ph('rectification.overdue')}项整改事项已超过整改时限仍未完成。`,
    );
  else if (lateCarried) {
    const late = [
      ...(lateThisYear ? [`本年度${ph('rectification.overdue')}项`] : []),
      `往年遗留${ph('rectification.carriedOverdue')}项`,
    ];
    problems.push(
      `整改推进还不够有力，${early ? `${stateAt}，` : ''}${late.join('、')}整改事项已超过整改时限仍未完成。`,
    );
  }
  // Self-check deductions not already said above (a 栏目 finding, a late publication, an overdue task … is said once):
  // a deduction whose indicator or reason is about a problem already listed is that problem.
  const said = SAME_PROBLEM.filter(([problem]) => problems.some((p) => problem.test(p))).map(([, d]) => d);
  const deductions = (lists.selfcheckProblems ?? [])
    .filter(
      (p) =>
        p.deducted > 0 &&
        !columnFindings.some((c) => c.text === p.reason) &&
        !said.some((d) => d.test(`${p.indicator} ${p.reason}`)),
    )
    .sort((a, b) => b.deducted - a.deducted);
  if (deductions.length && problems.length < 5) {
    problems.push(
      `对照考核指标仍有失分。自查中${deductions
        .slice(0, 2)
        .map(
          (p) =>
            `${quote(bareTitle(p.indicator.split(' / ').pop() ?? p.indicator))}指标：${p.reason.replace(/[。；;]+$/, '')}`,
        )
        .join('；')}${deductions.length > 2 ? '等' : ''}。`,
    );
  }
  // A 单项否决 that happened is the gravest problem (the only reason for its grade): first, with what happened, and
  // answered first in 三、下一步.
  const vetoPlans: string[] = [];
  for (const p of vetoes) {
    const what = p.reason.replace(/[。；;，,]+$/, '');
    const name = leafName(p.indicator);
    problems.unshift(
      `发生单项否决情形。${what === '触发单项否决' ? '' : `${what}，`}触发${quote(name)}单项否决指标，自查等次为“${ph('selfcheck.grade')}”。`,
    );
    vetoPlans.push(
      `整改单项否决问题。针对${quote(name)}问题，${(p.measure || '深入查找原因，严格落实信息发布审核和保密审查制度').replace(/[。；;，,]+$/, '')}，杜绝类似问题再次发生。`,
    );
  }
  // When the records show few problems: weaknesses bureaus commonly report (domain-yearend B.3), only those the
  // records do not contradict (no 解读形式单一 when a 图解 or video was published).
  const varied = interpretations.some((i) => isVariedInterpretation(i.title));
  const teamGap =
    (abPosts &&
      hasFigure(f, 'ab.postsFilled') &&
      (numberOf(f, 'ab.postsFilled') ?? 0) < (numberOf(f, 'ab.posts') ?? 0)) ||
    f['training.requirementMet']?.value === '未达到' ||
    (trainingKnown && !trained);
  const generic = [
    ...(positive(f, 'disclosure.interpretations') && !varied
      ? ['政策解读形式还比较单一，图表图解、音视频等解读方式运用不多，解读的针对性和可读性有待增强。']
      : []),
    // What no record measures is said as where to improve, not as a finding; 队伍 and 业务能力 only when the AB岗 or
    // the training ledger shows a gap (a 总结 saying A岗、B岗均已配齐 and the training requirement met claims none).
    '在围绕群众切身利益和社会关注热点拓展公开内容的深度和广度方面还需进一步提升。',
    teamGap
      ? '政务公开工作力量还比较薄弱，工作人员业务能力与新形势新要求相比还有差距。'
      : '在运用政策解读、政务新媒体等方式增强公开实效方面还需进一步提升。',
  ];
  for (const g of generic) if (problems.length < 2) problems.push(g);
  para(
    'problems.list',
    `${half ? '上半年' : `${year}年`}，${we}政务公开工作取得了一定成效，但对照上级要求和群众期盼，仍存在一些不足：\n${enumerate(problems, true)}`,
  );

  // ---- 三、下一步工作打算: only unfinished work; a date is printed only when it falls after the period.
  heading1('next', '三、下一步工作打算');
  const next = half ? '下半年' : `${year + 1}年`;
  para(
    'next.intro',
    `${next}，${we}将以贯彻落实上级政务公开工作要点为牵引，以问题整改为抓手，以提升公开质量为目标，重点做好以下工作：`,
  );
  const list: string[] = [...vetoPlans];
  const rect = lists.openRectifications ?? [];
  if (rect.length) {
    list.push(
      `抓好问题整改落实。对尚未完成的整改事项逐项跟踪，重点推进${rect
        .slice(0, 3)
        .map((r) => {
          const measure = sentence(r.measure, 40);
          const due = r.deadline && r.deadline > periodEnd ? `，${formatChineseDate(r.deadline)}前完成` : '';
          return `${quote(firstClause(r.problem))}的整改${measure || due ? `（${measure ?? ''}${measure ? due : due.slice(1)}）` : ''}`;
        })
        .join('；')}${rect.length > 3 ? '等' : ''}，做到整改一项、销号一项。`,
    );
  }
  list.push(...plans);
  const points = lists.nextYearPoints ?? [];
  if (!half && points.length) {
    list.push(
      `落实${year + 1}年政务公开工作要点。对照上级部署，重点做好${titles(
        points.map((p) => bareTitle(p)),
        4,
      )}工作，及时制定年度实施方案，细化分解任务，明确责任科室和完成时限。`,
    );
  } else {
    list.push(
      half
        ? '持续推进政务公开要点落实。对照年度实施方案逐项梳理进度，确保各项要求落到实处。'
        : `落实${year + 1}年政务公开工作要点。认真学习领会上级部署，及时制定本单位年度实施方案，细化分解任务，明确责任科室和完成时限。`,
    );
  }
  // A period without any 解读 has no 方式 to 丰富: it plans the 解读 themselves.
  if (!positive(f, 'disclosure.interpretations'))
    list.push(
      '做好政策解读。出台政策文件时同步组织解读材料，运用图表图解、问答等形式解读政策，增强解读的针对性和可读性。',
    );
  else if (!positive(f, 'disclosure.interpretationsLate'))
    list.push('丰富政策解读方式。更多运用图表图解、问答、短视频等形式解读政策，增强解读的针对性和传播力。');
  // The training is planned above when the year's requirement was not met: this item then keeps to the AB岗.
  list.push(
    plans.some((p) => p.startsWith('落实年度培训要求') || p.startsWith('抓紧落实年度培训要求'))
      ? '加强队伍建设。落实AB岗工作制度，提高信息发布审核和依申请公开办理能力。'
      : '加强队伍建设和业务培训。分阶段、分批次组织政务公开业务培训，落实AB岗工作制度，提高信息发布审核和依申请公开办理能力。',
  );
  // One paragraph per plan, as offices print them (and the last one short enough to go with the 署名 to a new page).
  para('next.list', enumerate(list, true));
  return out;
}
