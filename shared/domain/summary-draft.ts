// The 工作总结 draft: paragraph templates built from whatever figures and lists the areas provide. The structure is the
// one county bureaus use (开头 with the year's totals; 一、主要做法和成效 in （一）（二）… each "一是…二是…"; 二、存在的问题;
// 三、下一步工作打算). A sentence is written only when its figure exists: an area that is absent, or a figure that is
// null, leaves its sentence out; no number is ever made up. Pure: the same input always gives the same paragraphs.
import { hasFigure, numberOf, ph, phCompare, type Figures, type SummaryKind, type SummaryLists } from './summary';

export interface DraftInput {
  year: number;
  kind: SummaryKind;
  bureau: { fullName: string; shortName: string };
  figures: Figures;
  lists: SummaryLists;
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

/** "一是…。二是…。": each item a sentence. */
function enumerate(items: string[]): string {
  return items.map((s, i) => `${ordinal(i)}是${s}`).join('');
}

/** Section titles as printed in the plan carry their own numbers ("一、加强政策解读"): the summary words them itself. */
export function bareTitle(title: string): string {
  return title
    .replace(/^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])\s*/, '')
    .replace(/[。；;，,]+$/, '')
    .trim();
}

const clip = (s: string, n: number) => {
  const t = s.replace(/\s+/g, '').replace(/[。；;]+$/, '');
  return [...t].length > n ? `${[...t].slice(0, n).join('')}…` : t;
};

/** A task title up to its first comma: task titles copied from 要点 are often long sentences. */
const firstClause = (s: string) => s.split(/[，,；;。]/)[0] || s;

/** “…” around a title; quotes inside become ‘…’ as Chinese print does. */
const quote = (s: string) => `“${s.replace(/“/g, '‘').replace(/”/g, '’')}”`;

const positive = (f: Figures, name: string) => (numberOf(f, name) ?? 0) > 0;

/** Keys of per-栏目/渠道 figures (`disclosure.column.<栏目名>`), in the provider's order. */
function prefixed(f: Figures, prefix: string): string[] {
  return Object.keys(f).filter((k) => k.startsWith(prefix) && hasFigure(f, k));
}

export function buildSummaryDraft(input: DraftInput): DraftParagraph[] {
  const { year, kind, figures: f, lists } = input;
  const half = kind === '半年';
  const period = half ? '上半年' : '全年';
  const we = input.bureau.shortName.endsWith('局') ? '我局' : '我单位';
  const out: DraftParagraph[] = [];
  const para = (key: string, template: string) => out.push({ key, level: 0, heading: '', template });
  const heading1 = (key: string, heading: string) => out.push({ key, level: 1, heading, template: '' });
  let sub = 0;
  const heading2 = (key: string, heading: string, template: string) =>
    out.push({ key, level: 2, heading: `（${ordinal(sub++)}）${heading}`, template });

  const plan = hasFigure(f, 'plan.tasks') && positive(f, 'plan.tasks');
  const disclosure = hasFigure(f, 'disclosure.published');
  const requests = hasFigure(f, 'disclosure.requestsReceived');
  const training = hasFigure(f, 'training.count');
  const selfcheck = hasFigure(f, 'selfcheck.score');
  const rectification = hasFigure(f, 'rectification.opened');

  // ---- 开头
  const totals: string[] = [];
  if (plan) totals.push(`分解落实重点任务${ph('plan.tasks')}项，已完成${ph('plan.done')}项`);
  if (disclosure)
    totals.push(`主动公开政府信息${ph('disclosure.published')}条${phCompare('disclosure.published', '条')}`);
  if (requests && positive(f, 'disclosure.requestsReceived'))
    totals.push(`办理政府信息公开申请${ph('disclosure.requestsReceived')}件`);
  if (training && positive(f, 'training.count')) totals.push(`组织政务公开培训${ph('training.count')}次`);
  if (positive(f, 'ab.posts')) totals.push(`设置政务公开AB岗位${ph('ab.posts')}个`);
  if (selfcheck) totals.push(`年度自查自评得分${ph('selfcheck.score')}分`);
  para(
    'opening',
    `${half ? `${year}年上半年` : `${year}年`}，${input.bureau.fullName}坚持以习近平新时代中国特色社会主义思想为指导，` +
      '认真贯彻落实党中央、国务院关于全面推进政务公开的决策部署和《中华人民共和国政府信息公开条例》，按照上级政务公开工作要点要求，' +
      '紧紧围绕县委、县政府中心工作和本单位重点业务，以公开促落实、以公开促规范、以公开促服务，扎实推进政务公开各项工作。' +
      (totals.length ? `${period}${totals.join('，')}，政务公开工作的规范化、标准化水平进一步提升。` : '') +
      '现将有关情况总结如下：',
  );

  // ---- 一、主要做法和成效
  heading1('practice', '一、主要做法和成效');

  const org: string[] = [
    '健全工作机制。坚持主要负责人亲自抓、分管负责人具体抓、办公室牵头协调、各科室分工负责的工作格局，把政务公开工作纳入年度重点工作统筹推进，及时研究解决工作中遇到的困难和问题。',
  ];
  if (plan) {
    const basis = positive(f, 'points.documents')
      ? `对照上级下发的${ph('points.documents')}份政务公开工作文件，`
      : '对照上级政务公开工作要点，';
    const title = hasFigure(f, 'plan.title') ? `制定印发《${ph('plan.title')}》，` : '制定年度实施方案，';
    const depts = (numberOf(f, 'plan.departments') ?? 0) > 1 ? `，涉及${ph('plan.departments')}个科室` : '';
    org.push(
      `细化任务分工。${basis}${title}将年度工作分解为${ph('plan.sections')}个方面${ph('plan.tasks')}项重点任务，逐项明确牵头科室、责任人和完成时限${depts}，做到任务到岗、责任到人。`,
    );
  }
  if (hasFigure(f, 'ab.posts') && positive(f, 'ab.posts')) {
    let s = `落实AB岗工作制度。设置政务公开工作岗位${ph('ab.posts')}个，其中A岗、B岗配备齐全的${ph('ab.postsFilled')}个，共有${ph('ab.holders')}名同志承担政务公开岗位职责`;
    if (positive(f, 'ab.changes')) {
      s += `；${period}岗位人员变动${ph('ab.changes')}人次，均办理了工作交接，按时备案${ph('ab.filedOnTime')}人次`;
      if (positive(f, 'ab.unfiled')) s += `，尚有${ph('ab.unfiled')}人次待备案`;
    } else if (hasFigure(f, 'ab.changes')) s += `，${period}岗位人员保持稳定`;
    org.push(`${s}，确保人员变动时工作不断档、不断线。`);
    if (positive(f, 'ab.absences')) {
      org.push(
        `严格执行不在岗登记和顶岗制度。${period}登记A岗、B岗人员出差、休假等不在岗${ph('ab.absences')}人次，不在岗期间由另一岗位人员及时顶岗，政务公开日常工作没有因人员不在岗而中断。`,
      );
    }
  }
  heading2('practice.organisation', '加强组织领导，压实工作责任。', enumerate(org));

  if (plan) {
    const status = [`已完成${ph('plan.done')}项`];
    if (positive(f, 'plan.inProgress')) status.push(`正在推进${ph('plan.inProgress')}项`);
    if (positive(f, 'plan.notStarted')) status.push(`尚未启动${ph('plan.notStarted')}项`);
    if (positive(f, 'plan.notApplicable')) status.push(`因情况变化不再适用${ph('plan.notApplicable')}项`);
    let s = `坚持清单化管理、台账式推进，按工作日对每项任务亮灯预警，及时跟踪督办。截至目前，${ph('plan.tasks')}项重点任务中，${status.join('，')}`;
    if (hasFigure(f, 'plan.completionRate')) s += `，完成率${ph('plan.completionRate')}%`;
    s += '。';
    if (positive(f, 'plan.progressEntries')) {
      s += `${period}记录工作进展${ph('plan.progressEntries')}条${positive(f, 'plan.evidence') ? `，留存佐证材料${ph('plan.evidence')}份` : ''}，做到过程可查、结果可溯。`;
    }
    const items: string[] = [];
    // A progress note is quoted once: offices often write the same words for several tasks.
    const quoted = new Set<string>();
    for (const sec of (lists.sections ?? []).filter((x) => x.tasks > 0).slice(0, 6)) {
      const k = (what: string) => `plan.section.${sec.title}.${what}`;
      if (!hasFigure(f, k('tasks'))) continue;
      const topic = bareTitle(sec.title);
      let t = `${/^(围绕|聚焦|突出|加强|强化|推进|深化|做好|抓好)/.test(topic) ? topic : `在${topic}方面`}，${ph(k('tasks'))}项任务已完成${ph(k('done'))}项`;
      if (sec.inProgress > 0 && hasFigure(f, k('inProgress'))) t += `、正在推进${ph(k('inProgress'))}项`;
      if (sec.overdue > 0 && hasFigure(f, k('overdue'))) t += `，另有${ph(k('overdue'))}项已超过完成时限`;
      const note = (lists.notableProgress ?? []).find((n) => n.section === sec.title && !quoted.has(clip(n.text, 60)));
      if (note) {
        quoted.add(clip(note.text, 60));
        t += `；其中${quote(clip(firstClause(note.task), 30))}一项，${clip(note.text, 60)}`;
      }
      items.push(`${t}。`);
    }
    heading2('practice.tasks', '狠抓任务落实，推动工作要点落地见效。', s + enumerate(items));
  }

  if (disclosure) {
    const items: string[] = [];
    const channels = prefixed(f, 'disclosure.channel.');
    let s = `拓展公开渠道。${period}主动公开政府信息${ph('disclosure.published')}条${phCompare('disclosure.published', '条')}`;
    if (channels.length)
      s += `，其中${channels.map((k) => `通过${k.slice('disclosure.channel.'.length)}发布${ph(k)}条`).join('、')}`;
    items.push(`${s}。`);
    const columns = prefixed(f, 'disclosure.column.');
    if (columns.length) {
      items.push(
        `规范栏目维护。按照主动公开目录及时更新各栏目内容，${columns
          .slice(0, 8)
          .map((k) => `“${k.slice('disclosure.column.'.length)}”栏目${ph(k)}条`)
          .join('、')}，做到应公开尽公开。`,
      );
    }
    if (hasFigure(f, 'disclosure.interpretations')) {
      let t = `强化政策解读。坚持政策文件与解读材料同步组织、同步审签、同步发布，${period}发布政策解读${ph('disclosure.interpretations')}篇${phCompare('disclosure.interpretations', '篇')}`;
      if (hasFigure(f, 'disclosure.normativeIssued'))
        t += positive(f, 'disclosure.normativeIssued')
          ? `，制发行政规范性文件${ph('disclosure.normativeIssued')}件并全部向社会公开`
          : '，未制发行政规范性文件';
      items.push(`${t}。`);
    }
    heading2('practice.disclosure', '坚持应公开尽公开，主动公开质量持续提升。', enumerate(items));
  }

  if (requests) {
    let s: string;
    if (positive(f, 'disclosure.requestsReceived')) {
      s = `${period}共收到政府信息公开申请${ph('disclosure.requestsReceived')}件${phCompare('disclosure.requestsReceived', '件')}`;
      if (positive(f, 'disclosure.requestsCarried')) s += `，另有上年结转${ph('disclosure.requestsCarried')}件`;
      if (hasFigure(f, 'disclosure.requestsAnswered')) s += `，已办结答复${ph('disclosure.requestsAnswered')}件`;
      if (hasFigure(f, 'disclosure.requestsDisclosed')) s += `，其中予以公开${ph('disclosure.requestsDisclosed')}件`;
      s += '。严格按照法定程序登记、审核、答复，答复文书做到要素齐全、依据充分';
      s += positive(f, 'disclosure.lateAnswers') ? `，但仍有${ph('disclosure.lateAnswers')}件超过法定期限答复。` : '。';
    } else {
      s = `${period}未收到政府信息公开申请。已在政府信息公开专栏公布依申请公开受理渠道、办理流程和联系方式，确保申请渠道畅通。`;
    }
    if (hasFigure(f, 'disclosure.reviews') && hasFigure(f, 'disclosure.lawsuits')) {
      s +=
        positive(f, 'disclosure.reviews') || positive(f, 'disclosure.lawsuits')
          ? `因政府信息公开引发行政复议${ph('disclosure.reviews')}件、行政诉讼${ph('disclosure.lawsuits')}件。`
          : '未发生因政府信息公开引发的行政复议和行政诉讼。';
    }
    heading2('practice.requests', '规范依申请公开办理，依法保障群众知情权。', s);
  }

  if (training) {
    const items: string[] = [];
    if (positive(f, 'training.count')) {
      let s = `组织开展政务公开培训${ph('training.count')}次${phCompare('training.count', '次')}`;
      if (hasFigure(f, 'training.special')) s += `，其中政务公开专题培训${ph('training.special')}次`;
      if (hasFigure(f, 'training.hours')) s += `，累计${ph('training.hours')}学时`;
      if (hasFigure(f, 'training.attendance'))
        s += `，参训${ph('training.attendance')}人次${phCompare('training.attendance', '人次')}`;
      if (positive(f, 'training.people')) s += `，覆盖干部职工${ph('training.people')}人`;
      items.push(`${s}。`);
      const held = lists.trainings ?? [];
      if (held.length) {
        const names = held
          .slice(0, 3)
          .map((t) => `${quote(clip(t.title, 30))}`)
          .join('');
        const forms = [...new Set(held.map((t) => t.form).filter(Boolean))];
        items.push(
          `坚持学用结合。先后举办${names}${held.length > 3 ? '等培训' : ''}${forms.length ? `，采取${forms.join('、')}等形式` : ''}，围绕政府信息公开条例、主动公开目录、依申请公开办理和政务新媒体管理等内容开展学习，工作人员依法公开意识和业务能力进一步增强。`,
        );
      }
    } else {
      items.push(`${period}尚未组织开展政务公开培训，业务学习主要依靠个人自学。`);
    }
    if (hasFigure(f, 'training.requirementMet')) {
      items.push(
        f['training.requirementMet'].value === '已达到'
          ? `落实年度培训要求。对照本单位政务公开专题培训次数和人均学时要求逐项核对，年度培训要求${ph('training.requirementMet')}。`
          : `对照本单位政务公开专题培训次数和人均学时要求，年度培训要求${ph('training.requirementMet')}，将在后续工作中补足。`,
      );
    }
    heading2('practice.training', '加强队伍建设，提升业务能力。', enumerate(items));
  }

  if (selfcheck || rectification) {
    let s = '';
    if (selfcheck) {
      s += `对照年度政务公开考核指标开展自查自评，自评得分${ph('selfcheck.score')}分`;
      if (hasFigure(f, 'selfcheck.maxScore')) s += `（满分${ph('selfcheck.maxScore')}分）`;
      if (hasFigure(f, 'selfcheck.grade')) s += `，等次为“${ph('selfcheck.grade')}”`;
      if (positive(f, 'selfcheck.deducted'))
        s += hasFigure(f, 'selfcheck.deductedItems')
          ? `，${ph('selfcheck.deductedItems')}项指标扣分，合计扣${ph('selfcheck.deducted')}分`
          : `，合计扣${ph('selfcheck.deducted')}分`;
      s += '。';
    }
    if (rectification) {
      s += `针对发现的问题建立整改台账，逐项明确整改措施、责任科室和完成时限，${period}登记整改事项${ph('rectification.opened')}项`;
      if (hasFigure(f, 'rectification.closed')) s += `，已完成整改${ph('rectification.closed')}项`;
      if (positive(f, 'rectification.open')) s += `，正在整改${ph('rectification.open')}项`;
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
    heading2('practice.selfcheck', '深化自查整改，以查促改提升实效。', s);
  }

  // ---- 二、存在的问题
  heading1('problems', '二、存在的问题');
  const problems: string[] = [];
  const deductions = (lists.selfcheckProblems ?? [])
    .filter((p) => p.deducted > 0)
    .sort((a, b) => b.deducted - a.deducted);
  if (deductions.length) {
    problems.push(
      `对照考核指标仍有失分。自查中${deductions
        .slice(0, 3)
        .map((p) => `${quote(clip(p.indicator, 20))}${clip(p.reason, 40)}`)
        .join('；')}${deductions.length > 3 ? '等' : ''}，反映出日常工作还有不够细致的地方。`,
    );
  }
  const overdue = (lists.unfinishedTasks ?? []).filter((t) => t.overdue);
  if (positive(f, 'plan.overdue')) {
    problems.push(
      `部分重点任务推进滞后。${ph('plan.overdue')}项任务已超过完成时限仍未完成${
        overdue.length
          ? `，如${overdue
              .slice(0, 2)
              .map((t) => `${quote(clip(t.title, 30))}`)
              .join('')}等`
          : ''
      }，督办跟踪还不够有力。`,
    );
  }
  if (positive(f, 'disclosure.lateAnswers'))
    problems.push(`依申请公开办理时效有待提高，${ph('disclosure.lateAnswers')}件申请超过法定期限答复。`);
  if (positive(f, 'ab.unfiled'))
    problems.push(`人员变动备案还不够及时，尚有${ph('ab.unfiled')}人次岗位变动未按时限完成备案。`);
  if (training && !positive(f, 'training.count'))
    problems.push('业务培训开展不够，工作人员对政务公开新要求学习掌握还不够系统。');
  // The recurring weaknesses bureaus report (domain-yearend B.3), to be confirmed or rewritten by the office.
  const generic = [
    '政策解读形式还比较单一，图表图解、音视频等解读方式运用不多，解读的针对性和可读性有待增强。',
    '政务公开工作力量还比较薄弱，工作人员多为兼职，专业能力和工作精力与新形势新要求相比还有差距。',
    '公开内容的深度和广度还不够，涉及群众切身利益、社会关注度高的信息公开还不够全面及时。',
  ];
  for (const g of generic) if (problems.length < 3) problems.push(g);
  para(
    'problems.list',
    `${half ? '上半年' : `${year}年`}，${we}政务公开工作取得了一定成效，但对照上级要求和群众期盼，仍存在一些不足：${enumerate(problems)}`,
  );

  // ---- 三、下一步工作打算
  heading1('next', '三、下一步工作打算');
  const next = half ? '下半年' : `${year + 1}年`;
  para(
    'next.intro',
    `${next}，${we}将以贯彻落实上级政务公开工作要点为牵引，以问题整改为抓手，以提升公开质量为目标，重点做好以下工作：`,
  );
  const plans: string[] = [];
  const rect = lists.openRectifications ?? [];
  if (rect.length) {
    plans.push(
      `抓好问题整改落实。对尚未完成的整改事项逐项跟踪，重点推进${rect
        .slice(0, 3)
        .map(
          (r) =>
            `${quote(clip(r.problem, 24))}的整改（${clip(r.measure, 30)}${r.deadline ? `，${formatDeadline(r.deadline)}前完成` : ''}）`,
        )
        .join('；')}，做到整改一项、销号一项，防止问题反弹。`,
    );
  }
  const points = lists.nextYearPoints ?? [];
  if (!half && points.length) {
    plans.push(
      `落实${year + 1}年政务公开工作要点。对照上级部署，重点做好${points
        .slice(0, 4)
        .map((p) => `${quote(clip(bareTitle(p), 24))}`)
        .join('')}${points.length > 4 ? '等' : ''}工作，及时制定年度实施方案，细化分解任务，明确责任科室和完成时限。`,
    );
  } else {
    plans.push(
      `持续推进政务公开要点落实。认真学习领会上级政务公开工作要点，${half ? '对照年度实施方案逐项梳理进度' : '及时制定本单位年度实施方案'}，细化分解任务，明确责任科室和完成时限，确保各项要求落到实处。`,
    );
  }
  if (positive(f, 'plan.unfinished')) {
    plans.push(
      `持续跟踪未完成任务。对${half ? '' : '本年度'}尚未完成的${ph('plan.unfinished')}项重点任务逐项分析原因、明确时限，${half ? '确保年底前全部完成' : '纳入下一年度台账持续推进，做到件件有着落'}。`,
    );
  }
  plans.push(
    '丰富政策解读和回应方式。坚持政策文件与解读材料同步起草、同步审签、同步发布，更多运用图表图解、问答、短视频等群众喜闻乐见的形式，增强解读的针对性和传播力。',
  );
  plans.push(
    '加强队伍建设和业务培训。分阶段、分批次组织政务公开业务培训，力争做到全覆盖，落实AB岗工作制度，提高工作人员政策把握、信息发布审核和依申请公开办理能力。',
  );
  para('next.list', enumerate(plans));
  return out;
}

/** "2026-12-31" → "2026年12月底"; other days as "2026年6月15日". */
function formatDeadline(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return Number(m[3]) === last ? `${m[1]}年${Number(m[2])}月底` : `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}
