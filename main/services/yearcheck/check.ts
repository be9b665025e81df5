// 核对 (check-year): every disagreement between a year's documents and its records, before anything is filed —
// a figure a document states differently from the records (or from another document), a claim a record
// contradicts, a person not on the staff list, a placeholder, table 二's 现行有效 identity without a stated reason, a
// count below zero, a 勾稽 identity that fails, 结转 across years, contact lines the 年报 needs. Read-only.
import { figuresUsed, paragraphText, type Summary } from '../../../shared/domain/summary';
import { handoverNotice } from '../../../shared/domain/ab';
import { formatChineseDate, todayOf } from '../../../shared/domain/dates';
import { personKey } from '../../../shared/domain/org';
import { rectStateLabel } from '../../../shared/domain/rectification-label';
import type { Rectification } from '../../../shared/domain/selfcheck';
import { bookTitle } from '../../../shared/domain/titles';
import { findPlaceholder, quotedFigures, YEAR_DOCUMENTS, type Finding } from '../../../shared/domain/yearcheck';
import { lateInterpretations, listPublications } from '../disclosure/publications';
import { reportFindings, reportView } from '../disclosure/report';
import { listRequests } from '../disclosure/requests';
import { getBureau } from '../org/bureau';
import {
  findContradictions,
  rectificationContradictions,
  recordFacts,
  type Contradiction,
  type RecordFacts,
} from '../selfcheck/contradictions';
import { carriedRectifications, listRectifications } from '../selfcheck/rectification';
import { unregisteredProblems } from '../selfcheck/report';
import { listPosts } from '../team/ab';
import { summaryAsExported } from '../summary/summaries';
import { getTeamSettings } from '../team/common';
import { leftStaff } from '../team/left';
import type { AppContext } from '../workstation';
import { countYear, FIGURE_UNITS, NAMED_FIGURES, type CountedYear } from './counted';

/** A text that goes into one of the year's documents, and where the user finds it. */
interface DocText {
  documents: string[];
  /** Where it is, as the message names it: 年度报告“（一）主动公开”. */
  where: string;
  text: string;
  /** The user's own words (a figure in them is compared with the records; generated text follows the data). */
  edited: boolean;
  /** False for the 上半年 summary: its figures count half a year, so they are not compared with the year's. */
  fullYear: boolean;
  link: string;
  /**
   * The claims checked in it (all when absent). A 整改 item's measure is what is to be done, not a claim, except
   * the fact a finished item rests on ("本年度未承办建议提案，发布情况说明").
   */
  claims?: ClaimKey[];
}

const R = YEAR_DOCUMENTS;
const RECT_DOCS = [R.rectificationLedger, R.rectificationReport];

/** What the year's 整改 documents list: its own items, then earlier years' items not 销号 when it began. */
async function ledgerItems(ctx: AppContext, year: number): Promise<Rectification[]> {
  return [...(await listRectifications(ctx, { year })), ...(await carriedRectifications(ctx, year))];
}

/**
 * A saved 自查报告 whose 存在的问题 is silent on an earlier year's 整改 item still not 销号 (the draft lists each one):
 * the first thing a 回头看 looks for.
 */
async function carriedFindings(ctx: AppContext, year: number): Promise<Finding[]> {
  const saved = await ctx.db
    .selectFrom('sc_report')
    .select('sections_json')
    .where('year', '=', year)
    .executeTakeFirst();
  if (!saved) return [];
  let problems = '';
  try {
    const s = JSON.parse(saved.sections_json) as Record<string, unknown>;
    problems = `${typeof s.problems === 'string' ? s.problems : ''}`;
  } catch {
    return []; // an unreadable draft is the self-check screen's to report
  }
  const key = (t: string) => t.replace(/[\s，。、；：“”"（）()]/g, '');
  const text = key(problems);
  return (await carriedRectifications(ctx, year))
    .filter((r) => r.state !== '已销号' && !text.includes(key(r.problem).slice(0, 12)))
    .map((r) => ({
      kind: 'claim-contradicted' as const,
      documents: [R.selfcheckReport],
      message: `自查报告“存在的问题”没有写${r.year}年度整改台账第${r.seq}项“${r.problem.replace(/[。；]$/, '')}”，该问题至今未销号（${rectStateLabel(r)}）。请在存在的问题和整改措施中写明其整改情况，或重新生成自查报告文稿。`,
      link: 'selfcheck/report',
    }));
}

/**
 * Indicators the year's self-check lost points on (or whose 单项否决 happened) with no 整改 item of the year: the
 * 自查报告 lists them as problems, and the 整改情况报告 sent with it would have nothing to say about them.
 */
async function unregisteredFindings(ctx: AppContext, year: number): Promise<Finding[]> {
  return (await unregisteredProblems(ctx, year)).map((p) => ({
    kind: 'rectification-missing' as const,
    documents: [...RECT_DOCS],
    message: `${year}年度自查中“${p.indicator}”${p.vetoed ? '触发单项否决' : `扣${Math.round(p.deducted * 100) / 100}分`}${p.reason === '触发单项否决' ? '' : `（${p.reason}）`}，整改台账中没有针对它的整改事项。请在整改台账中登记这个问题的整改事项（关联该指标），或核对自评。`,
    link: `selfcheck/ledger/${year}`,
  }));
}

function summaryTexts(s: Summary, half: boolean): DocText[] {
  const doc = half ? R.halfSummary : R.summary;
  const base = { documents: [doc], fullYear: !half, link: 'summary' };
  const out: DocText[] = [
    { ...base, where: `${doc}的标题`, text: s.title, edited: true },
    { ...base, where: `${doc}的主送机关`, text: s.addressee, edited: true },
    { ...base, where: `${doc}的落款单位`, text: s.signatureOrg, edited: true },
  ];
  // A paragraph without a heading of its own is named by the part it is in (开头 before the first part), and the
  // part 三、下一步工作打算 says what is to be done: its words are aims, not claims (as a 整改 item's measure).
  let part = '开头';
  let plans = false;
  for (const p of s.paragraphs) {
    if (p.level === 1) {
      part = p.heading || part;
      plans = p.key === 'next';
    }
    const name = p.heading || (p.level === 0 ? part : p.key);
    out.push({
      ...base,
      where: `${doc}“${[...name].slice(0, 16).join('')}”段`,
      text: `${p.heading}${p.heading ? '\n' : ''}${paragraphText(p, s.figures)}`,
      edited: p.userText !== null,
      ...(plans ? { claims: [] } : {}),
    });
  }
  return out;
}

async function gatherTexts(ctx: AppContext, year: number): Promise<{ texts: DocText[]; summary: Summary | null }> {
  const texts: DocText[] = [];
  const view = await reportView(ctx, year);
  for (const s of view.sections)
    texts.push({
      documents: [R.report],
      where: `年度报告“${s.label}”`,
      text: s.text,
      edited: s.edited,
      fullYear: true,
      link: 'disclosure/report',
    });
  if (view.input.inForceNote)
    texts.push({
      documents: [R.report, R.reportTables],
      where: '年度报告“现行有效件数的说明”',
      text: view.input.inForceNote,
      edited: true,
      fullYear: true,
      link: 'disclosure/report',
    });
  // A 总结 not drafted yet is read as its export would print it (drafted from today's records).
  const summary = await summaryAsExported(ctx, year, '年度');
  if (summary) texts.push(...summaryTexts(summary, false));
  const half = await summaryAsExported(ctx, year, '半年');
  if (half) texts.push(...summaryTexts(half, true));

  const report = await ctx.db
    .selectFrom('sc_report')
    .select('sections_json')
    .where('year', '=', year)
    .executeTakeFirst();
  if (report) {
    let sections: Record<string, unknown> = {};
    try {
      sections = JSON.parse(report.sections_json) as Record<string, unknown>;
    } catch {
      /* an unreadable draft is the self-check screen's to report */
    }
    const labels: Record<string, string> = {
      intro: '开头',
      situation: '自查情况',
      problems: '存在的问题',
      measures: '整改措施',
      next: '下一步工作打算',
    };
    for (const [k, label] of Object.entries(labels))
      if (typeof sections[k] === 'string')
        texts.push({
          documents: [R.selfcheckReport],
          where: `自查报告“${label}”`,
          text: sections[k] as string,
          edited: true,
          fullYear: true,
          link: 'selfcheck/report',
        });
  }
  const template = await ctx.db.selectFrom('sc_template').select('title').where('year', '=', year).executeTakeFirst();
  if (template)
    texts.push({
      documents: [R.selfcheckReport, R.selfcheckTable],
      where: '考核细则的名称（自查评分表和自查报告引用）',
      text: template.title,
      edited: true,
      fullYear: true,
      link: 'selfcheck/score',
    });
  // The year's items and earlier years' items not 销号 when it began: the 整改台账 and 整改情况报告 print both.
  const rects = await ledgerItems(ctx, year);
  rects.forEach((r) => {
    const short = `${[...r.problem].slice(0, 14).join('')}${[...r.problem].length > 14 ? '…' : ''}`;
    const item =
      r.year === year ? `整改台账第${r.seq}项（${short}）` : `往年遗留整改事项（${r.year}年度第${r.seq}项，${short}）`;
    for (const [field, text] of [
      ['存在问题', r.problem],
      ['整改措施', r.measure],
      ['备注', r.note],
    ] as const)
      if (text)
        texts.push({
          documents: [...RECT_DOCS],
          where: `${item}的${field}`,
          text,
          edited: true,
          fullYear: true,
          // The item's own year's ledger, with the item marked (an earlier year's item is not in this year's).
          link: `selfcheck/ledger/${r.year}/${r.id}`,
          // Its closing words are read by the self-check's own check (rectificationContradictions), which knows
          // the item's own finding is not a contradiction of it.
          claims: [],
        });
  });
  const b = await getBureau(ctx);
  if (b)
    for (const [field, text] of [
      ['单位全称', b.fullName],
      ['单位简称', b.shortName],
      ['地址', b.address],
      ['网站', b.website],
    ] as const)
      if (text)
        texts.push({
          documents: [R.bureau, R.report],
          where: `单位信息的${field}`,
          text,
          edited: true,
          fullYear: true,
          link: 'org',
        });
  return { texts, summary };
}

// ---------------------------------------------------------------------------------------------------------------------

/**
 * Words that make a sentence an aim, not a claim ("下一步，将确保按期完成", "围绕群众关切及时发布信息" after 下一步): a
 * claim after one of them in the same sentence is not checked.
 */
const AIM =
  /确保|力争|争取|务必|需要|要求|应当|推动|督促|保证|以便|下一步|计划|拟于|拟在|拟将|将进一步|将继续|将持续|进一步/;

/** Whether a place in the text lies inside “…” or 《…》: a quoted title (a task named "按时发布年度报告") claims nothing. */
function quoted(before: string): boolean {
  const open = (o: string, c: string) => before.split(o).length - before.split(c).length;
  return open('“', '”') > 0 || open('《', '》') > 0;
}

/** The first claim of the pattern in the text that is not an aim or inside a quoted title, or null. */
function claimIn(text: string, re: RegExp): string | null {
  const g = new RegExp(re.source, 'g');
  for (const m of text.matchAll(g)) {
    const before = text.slice(0, m.index!);
    if (quoted(before)) continue;
    const sentence = before.slice(Math.max(...['。', '；', '！', '？', '\n'].map((c) => before.lastIndexOf(c))) + 1);
    if (!AIM.test(sentence)) return m[0];
  }
  return null;
}

/**
 * The first claim of the pattern in a sentence that also speaks of `about` (同步发布 said of 解读, not of a channel),
 * with that sentence.
 */
function claimAbout(text: string, re: RegExp, about: RegExp): { claim: string; sentence: string } | null {
  for (const sentence of text.split(/[。；！？\n]/)) {
    const claim = about.test(sentence) ? claimIn(sentence, re) : null;
    if (claim) return { claim, sentence };
  }
  return null;
}

type ClaimKey = keyof typeof CLAIMS;
const CLAIMS = {
  sync: /同步(?:发布|公开|部署|审签|组织|起草|解读|推出)|与(?:政策)?文件同步|同时发布解读/,
  timely: /(?:及时|按时)(?:公开|发布|更新)|均在[^。；]{0,20}20个工作日内(?:公开|发布)|无超期(?:公开|发布)/,
  answered: /(?:均|全部|都)(?:在法定期限内|按期|按时|依法按时)(?:答复|办结|办理)|所有申请均按照[^。；]*时限/,
  onSchedule: /(?:全部|均已|均|都|各项任务)(?:按期|按时|如期)完成|(?:按期|如期|按时)完成(?:了)?(?:全部|各项|所有)/,
  allDone: /(?:已全部|全部|均已|全面)完成/,
  rectified: /(?:已全部|全部|均已)整改(?:到位|完成)|整改(?:已)?全部(?:到位|完成)/,
  /** The claim about every 解读 of the year (a note on one document's 解读 says its own day). */
  allSync: /(?:政策)?文件与解读(?:材料)?同步(?:发布|推出)|解读(?:材料)?与(?:政策)?文件同步(?:发布|推出)/,
  hoursChecked: /人均学时|每人学时/,
  carriedOut: /结转下年度/,
};

interface Facts {
  /** 解读 published in the year (to today while it runs). */
  interpretations: number;
  lateInterpretations: Awaited<ReturnType<typeof lateInterpretations>>;
  /** 解读 of the year that came out after their document's day (not 同步), within the limit or not. */
  laterInterpretations: { title: string; days: number }[];
  /** The hours each team member should have (设置); 0 = no hours requirement. */
  minHoursPerPerson: number;
  latePublications: { title: string; publishedDate: string; delay: number }[];
  lateRequests: { who: string; state: string }[];
  /** 建议提案 答复 published, 栏目 found stale: what the self-check's contradiction check reads claims against. */
  records: RecordFacts;
  /** 整改 items whose closing words the records contradict (selfcheck/contradictions.ts), earlier years' included. */
  /** By item id: its year and what contradicts its closing words. */
  rectifications: Map<number, { year: number; found: Contradiction[] }>;
  /** Earlier years' 整改 items still not 销号 (the year's documents account for them too). */
  carriedOpen: number;
  counted: CountedYear;
}

const some = (xs: string[], n = 3) => `${xs.slice(0, n).join('、')}${xs.length > n ? `等${xs.length}项` : ''}`;

function claimFindings(texts: DocText[], f: Facts): Finding[] {
  const out: Finding[] = [];
  for (const t of texts) {
    if (!t.fullYear) continue;
    const say = (claim: string, why: string) =>
      out.push({
        kind: 'claim-contradicted',
        documents: t.documents,
        message: `${t.where}写“${claim}”，但${why}。请改写这句话，或核对记录。`,
        link: t.link,
      });
    // A text limited to some claims (a 整改 item) is not read for the others.
    if (t.claims) continue;
    // "未承办建议提案" with 答复 published, "栏目内容准确" with a 栏目 found stale: the self-check's one check.
    for (const x of findContradictions(t.text, t.where, f.records))
      out.push({ kind: 'claim-contradicted', documents: t.documents, message: x.message, link: t.link });
    let c: string | null;
    let about: { claim: string; sentence: string } | null;
    // A 解读 claimed (a progress note quoted in the 总结 included) when the register has none for the year.
    if (!f.interpretations && (about = claimAbout(t.text, CLAIMS.sync, /解读/)))
      say(
        about.claim,
        `信息发布登记中本年度没有发布政策解读${
          /规范性文件/.test(about.sentence) && f.counted.named.规范性文件制发.value === 0
            ? '，年度报告表二本年制发行政规范性文件0件'
            : ''
        }`,
      );
    else if (f.lateInterpretations.length && (c = claimIn(t.text, CLAIMS.sync)))
      say(
        c,
        `信息发布登记中有${f.lateInterpretations.length}篇政策解读晚于所解读文件3个工作日以上才发布（${some(f.lateInterpretations.map((x) => `${bookTitle(x.title)}晚${x.days}个工作日`))}）`,
      );
    else if (f.laterInterpretations.length && (c = claimIn(t.text, CLAIMS.allSync)))
      say(
        c,
        `信息发布登记中有${f.laterInterpretations.length}篇政策解读不是与所解读文件同日发布（${some(f.laterInterpretations.map((x) => `${bookTitle(x.title)}晚${x.days}个工作日`))}），同步发布指同日发布`,
      );
    if (!f.minHoursPerPerson && (c = claimIn(t.text, CLAIMS.hoursChecked)))
      say(c, '设置中没有队伍成员每人学时的要求（“培训要求”中每人学时为0），无从逐人核对学时');
    if (f.latePublications.length && (c = claimIn(t.text, CLAIMS.timely)))
      say(
        c,
        `信息发布登记中有${f.latePublications.length}条信息自形成之日起超过20个工作日才公开（${some(f.latePublications.map((x) => `${bookTitle(x.title)}${x.delay}个工作日`))}）`,
      );
    if (f.lateRequests.length && (c = claimIn(t.text, CLAIMS.answered)))
      say(
        c,
        `依申请公开登记中有${f.lateRequests.length}件申请超过答复期限（${some(f.lateRequests.map((x) => `${x.who}${x.state}`))}）`,
      );
    if (f.counted.overdueTasks && (c = claimIn(t.text, CLAIMS.onSchedule)))
      say(c, `实施方案中有${f.counted.overdueTasks}项任务逾期未完成`);
    else if (f.counted.unfinishedTasks && (c = claimIn(t.text, CLAIMS.allDone)) && !/整改/.test(c))
      say(c, `实施方案中还有${f.counted.unfinishedTasks}项任务未完成`);
    if ((f.counted.openRectifications || f.carriedOpen) && (c = claimIn(t.text, CLAIMS.rectified)))
      say(
        c,
        `整改台账中还有${f.counted.openRectifications + f.carriedOpen}项未销号${f.carriedOpen ? `（其中往年遗留${f.carriedOpen}项）` : ''}`,
      );
  }
  for (const [id, { year, found }] of f.rectifications)
    for (const x of found)
      out.push({
        kind: 'claim-contradicted',
        documents: [...RECT_DOCS],
        message: x.message,
        link: `selfcheck/ledger/${year}/${id}`,
      });
  return out;
}

function figureFindings(texts: DocText[], counted: CountedYear): Finding[] {
  const out: Finding[] = [];
  for (const t of texts) {
    if (!t.edited || !t.fullYear) continue;
    for (const name of NAMED_FIGURES) {
      const c = counted.named[name];
      if (c.value === null) continue;
      const wrong = quotedFigures(t.text, name).find((q) => q.value !== c.value);
      if (wrong)
        out.push({
          kind: 'figure-mismatch',
          documents: t.documents,
          message: `${t.where}写“${wrong.excerpt}”，而按记录统计的${name}为${c.value}${FIGURE_UNITS[name]}。请改正这段文字，或核对记录。`,
          link: t.link,
        });
    }
  }
  return out;
}

/**
 * 结转下年度 is a fact only once the year is over: a 年度总结 dated before 31 December that says it (outside an aim)
 * states as the year's end what is the state of its date.
 */
function carriedOutTooEarly(summary: Summary | null): Finding[] {
  if (!summary || summary.signatureDate >= `${summary.year}-12-31`) return [];
  const out: Finding[] = [];
  for (const t of summaryTexts(summary, false)) {
    if (!t.claims && claimIn(t.text, CLAIMS.carriedOut))
      out.push({
        kind: 'claim-contradicted',
        documents: t.documents,
        message: `${t.where}写“结转下年度”，但这份总结落款日期为${formatChineseDate(summary.signatureDate)}，年度尚未结束，未答复的申请此时尚在办理。请写“截至${Number(summary.signatureDate.slice(5, 7))}月${Number(summary.signatureDate.slice(8, 10))}日尚在办理”，或在年度结束后刷新数据。`,
        link: t.link,
      });
  }
  return out;
}

/** The 总结's generated paragraphs print the figures as of its last 刷新数据: say when they are out of date. */
function staleSummary(summary: Summary | null, counted: CountedYear): Finding[] {
  // A 总结 not saved yet (id 0, drafted for the 核对) has today's figures.
  if (!summary?.id) return [];
  const used = new Set(summary.paragraphs.filter((p) => p.userText === null).flatMap((p) => figuresUsed(p.template)));
  const out: Finding[] = [];
  for (const name of NAMED_FIGURES) {
    const c = counted.named[name];
    if (!c.key || c.value === null) continue;
    const shown = summary.figures[c.key]?.value;
    if (!used.has(c.key) || typeof shown !== 'number' || shown === c.value) continue;
    out.push({
      kind: 'figure-mismatch',
      documents: [R.summary],
      message: `年度工作总结中的${name}是${shown}${FIGURE_UNITS[name]}（上次刷新数据时的数字），按当前记录为${c.value}${FIGURE_UNITS[name]}。请在“年度总结”中点“刷新数据”。`,
      link: 'summary',
    });
  }
  return out;
}

async function personFindings(ctx: AppContext, year: number): Promise<Finding[]> {
  const staff = new Set((await ctx.db.selectFrom('staff').select('name').execute()).map((s) => personKey(s.name)));
  const groups = new Map<
    string,
    { field: string; name: string; count: number; example: string; finding: Omit<Finding, 'message'> }
  >();
  const note = (
    source: string,
    field: string,
    name: string,
    example: string,
    base: Omit<Finding, 'message' | 'kind'>,
  ) => {
    const n = name.trim();
    if (!n || staff.has(personKey(n))) return;
    const key = `${source}\u0000${field}\u0000${n}`;
    const g = groups.get(key);
    if (g) g.count++;
    else
      groups.set(key, {
        field: `${source}的${field}`,
        name: n,
        count: 1,
        example,
        finding: { kind: 'person-not-on-staff', ...base },
      });
  };
  const pubBase = { documents: [R.publications], link: 'disclosure/publications' };
  for (const p of await listPublications(ctx, { year }))
    for (const [field, name] of [
      ['拟稿人', p.drafter],
      ['审核人', p.reviewer],
      ['签发人', p.approver],
    ] as const)
      note('信息发布登记', field, name, bookTitle(p.title), pubBase);
  const reqBase = { documents: [R.requests], link: 'disclosure/requests' };
  for (const r of await listRequests(ctx, { year }))
    note(
      '依申请公开登记',
      '经办人',
      r.handler,
      `${formatChineseDate(r.receivedDate)}收到的${r.applicant}的申请`,
      reqBase,
    );
  for (const r of await ledgerItems(ctx, year)) {
    const ex = `“${[...r.problem].slice(0, 14).join('')}”`;
    // The first item naming the person, in its own year's ledger (an earlier year's item is not in this year's).
    const rectBase = { documents: [...RECT_DOCS], link: `selfcheck/ledger/${r.year}/${r.id}` };
    note('整改台账', '责任领导', r.leader, ex, rectBase);
    note('整改台账', '复核人', r.closedBy, ex, rectBase);
  }
  const b = await getBureau(ctx);
  if (b) {
    const base = { documents: [R.bureau], link: 'org' };
    note('单位信息', '主要负责人', b.head, '', base);
    note('单位信息', '分管负责人', b.leader, '', base);
    note('单位信息', '联系人', b.contact, '', base);
  }
  return [...groups.values()].map((g) => ({
    ...g.finding,
    message:
      g.count > 1
        ? `${g.field}“${g.name}”不在人员名单中（${g.count}条记录，如${g.example}）。请改选名单中的人员，或先在“单位与人员”中添加此人。`
        : `${g.field}“${g.name}”不在人员名单中${g.example ? `（${g.example}）` : ''}。请改选名单中的人员，或先在“单位与人员”中添加此人。`,
  }));
}

/**
 * People marked 离岗 (by the year's end) still named where the year's work depends on them: as an AB岗 holder never
 * handed over (the AB岗设置表 then prints them 待交接, the 总结 counts the post unfilled), or as the 责任人 of a task of
 * the year's plan not yet done (the 重点任务分解表 prints their name).
 */
async function leftStaffFindings(ctx: AppContext, year: number): Promise<Finding[]> {
  const left = await leftStaff(ctx);
  const gone = [...left].filter(([, since]) => since <= `${year}-12-31`).map(([id]) => id);
  if (!gone.length) return [];
  const staff = await ctx.db.selectFrom('staff').select(['id', 'name']).where('id', 'in', gone).execute();
  const posts = await listPosts(ctx);
  const out: Finding[] = [];
  for (const s of staff) {
    const notice = handoverNotice(s.id, s.name, posts);
    if (notice)
      out.push({
        kind: 'left-staff-named',
        documents: [R.ab, R.summary],
        message: `${s.name}已离岗，${notice.slice(s.name.length)}`,
        link: 'ab',
      });
  }
  const tasks = await ctx.db
    .selectFrom('plan_task as t')
    .innerJoin('plan as p', 'p.id', 't.plan_id')
    .select(['t.title', 't.owner_staff_id'])
    .where('p.year', '=', year)
    .where('t.owner_staff_id', 'in', gone)
    .where('t.status', 'not in', ['已完成', '不适用'])
    .orderBy('t.sort_order')
    .orderBy('t.id')
    .execute();
  for (const s of staff) {
    // A title's own quotes become single ones inside ours.
    const own = tasks
      .filter((t) => t.owner_staff_id === s.id)
      .map((t) => `“${t.title.replace(/“/g, '‘').replace(/”/g, '’')}”`);
    const named =
      own.length > 3
        ? `${own.slice(0, 2).join('')}等${own.length}项`
        : `${own.join('')}${own.length > 1 ? `${own.length}项` : ''}`;
    if (own.length)
      out.push({
        kind: 'left-staff-named',
        documents: [R.plan],
        message: `${s.name}已离岗，仍是${named}尚未完成任务的责任人。请在“实施方案与任务”中更换责任人。`,
        link: 'plan',
      });
  }
  return out;
}

function placeholderFindings(texts: DocText[]): Finding[] {
  const out: Finding[] = [];
  for (const t of texts) {
    const p = findPlaceholder(t.text);
    if (p)
      out.push({
        kind: 'placeholder',
        documents: t.documents,
        message: `${t.where}含有占位文字${p.name}（“${p.excerpt}”），请换成实际内容。`,
        link: t.link,
      });
  }
  return out;
}

async function contactFindings(ctx: AppContext): Promise<Finding[]> {
  const b = await getBureau(ctx);
  const missing = [
    !b?.address && '地址',
    !b?.postcode && '邮政编码',
    !b?.phone && '联系电话',
    !b?.website && '网站（政府信息公开专栏）',
  ].filter((x): x is string => !!x);
  return missing.length
    ? [
        {
          kind: 'missing-contact',
          documents: [R.report],
          message: `单位信息中${missing.join('、')}还没有填写，年度报告的引言要写明网站和联系方式（地址、邮编、电话），缺的一项不会印出。请在“单位与人员”的单位信息中填写。`,
          link: 'org',
        },
      ]
    : [];
}

async function facts(ctx: AppContext, year: number): Promise<Facts> {
  const pubs = await listPublications(ctx, { year });
  const requests = await listRequests(ctx, { year });
  // Earlier years' items are read against the records of their own year.
  const carried = await carriedRectifications(ctx, year);
  const rectifications = new Map<number, { year: number; found: Contradiction[] }>();
  for (const [id, found] of await rectificationContradictions(ctx, year)) rectifications.set(id, { year, found });
  for (const y of new Set(carried.map((r) => r.year)))
    for (const [id, found] of await rectificationContradictions(
      ctx,
      y,
      carried.filter((r) => r.year === y),
    ))
      rectifications.set(id, { year: y, found });
  return {
    interpretations: pubs.filter((p) => p.interpretation).length,
    lateInterpretations: await lateInterpretations(ctx, year),
    laterInterpretations: pubs
      .filter((p) => p.interpretation && (p.interpretationDelay ?? 0) > 0)
      .map((p) => ({ title: p.title, days: p.interpretationDelay ?? 0 })),
    minHoursPerPerson: (await getTeamSettings(ctx)).minHoursPerPerson,
    latePublications: pubs
      .filter((p) => p.late)
      .map((p) => ({ title: p.title, publishedDate: p.publishedDate, delay: p.publishDelay ?? 0 })),
    lateRequests: requests
      .filter(
        (r) =>
          (r.answeredDate?.startsWith(String(year)) && r.deadline.state === '逾期办结') ||
          (!r.answeredDate && r.deadline.state === '逾期'),
      )
      .map((r) => ({ who: `${r.applicant}的申请`, state: r.answeredDate ? '逾期答复' : '逾期未答复' })),
    records: await recordFacts(ctx, year),
    rectifications,
    carriedOpen: carried.filter((r) => r.state !== '已销号').length,
    counted: await countYear(ctx, year),
  };
}

/** Every finding of the year, in a stable order: the report's own, figures, claims, people, placeholders, contact. */
/**
 * Whether the year has anything to check: it has begun, and has a plan, a summary, a self-check, an 整改 item, or a
 * publication, training or application of the year (or one carried into it). Otherwise "核对一致，可以导出报送"
 * would say nothing true.
 */
export async function yearHasRecords(ctx: AppContext, year: number): Promise<boolean> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  if (start > todayOf(ctx)) return false;
  const row = ctx.raw
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM plan WHERE year = :year)
         OR EXISTS (SELECT 1 FROM summary WHERE year = :year)
         OR EXISTS (SELECT 1 FROM sc_template WHERE year = :year)
         OR EXISTS (SELECT 1 FROM rectification WHERE year = :year)
         OR EXISTS (SELECT 1 FROM publication WHERE published_date BETWEEN :start AND :end)
         OR EXISTS (SELECT 1 FROM training WHERE date BETWEEN :start AND :end)
         OR EXISTS (SELECT 1 FROM request WHERE received_date <= :end
                      AND (answered_date IS NULL OR answered_date >= :start)) AS any`,
    )
    .get({ year, start, end }) as { any: number };
  return row.any === 1;
}

export async function checkYear(ctx: AppContext, year: number): Promise<Finding[]> {
  const { texts, summary } = await gatherTexts(ctx, year);
  const f = await facts(ctx, year);
  const all = [
    ...(await reportFindings(ctx, year)),
    ...figureFindings(texts, f.counted),
    ...staleSummary(summary, f.counted),
    ...claimFindings(texts, f),
    ...carriedOutTooEarly(summary),
    ...(await carriedFindings(ctx, year)),
    ...(await unregisteredFindings(ctx, year)),
    ...(await personFindings(ctx, year)),
    ...(await leftStaffFindings(ctx, year)),
    ...placeholderFindings(texts),
    ...(await contactFindings(ctx)),
  ];
  // One sentence once (two texts of a document may say the same thing).
  const seen = new Set<string>();
  return all.filter((x) => {
    const k = `${x.kind}\u0000${x.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
