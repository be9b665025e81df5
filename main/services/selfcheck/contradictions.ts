// Sentences the records contradict. A 自查报告, 整改报告, 年报 or 总结 signed by the office head may claim only what the
// records bear out; these checks find two claims that are easy to write and easy to get wrong:
// - "本年度未承办建议提案" (or 无人大代表建议…) while the 信息发布登记 holds published 建议/提案 答复 of the year;
// - "栏目内容准确" / "栏目及时更新" while a 自查 finding or an 整改 item of the year names a 栏目 not updated or empty.
// `contradictionsInText` is the reusable entry point (the 核对 of other documents calls it with their text);
// `rectificationContradictions` checks every 整改 item's closing words (措施、进展、备注) for the 整改报告 and the ledger.
import { formatChineseDate } from '../../../shared/domain/dates';
import type { Contradiction, Rectification, SelfcheckRow } from '../../../shared/domain/selfcheck';
import { listPublications } from '../disclosure/publications';
import type { AppContext } from '../workstation';
import { listRectifications } from './rectification';
import { getReport } from './report';
import { measureCache, type Measured } from './measures';
import { getSelfcheck } from './scores';
import type { RecordMeasure } from '../../../shared/domain/selfcheck-measures';

export type { Contradiction };

/** What the year's records hold that the claims below are checked against. */
export interface RecordFacts {
  year: number;
  /** Published 建议/提案 答复 of the year (信息发布登记). */
  proposalAnswers: { id: number; title: string; publishedDate: string }[];
  /** 自查 findings and 整改 items of the year naming a 栏目 not updated or empty. */
  staleColumns: { rectificationId: number | null; source: string; text: string }[];
}

/** Saying that no 建议/提案 was handled: "本年度未承办建议提案", "无人大代表建议和政协提案". */
const NO_PROPOSALS =
  /(?:本年度|本年|今年|全年|年内)?(?:未|没有|无)[^，。；,;]{0,8}?(?:建议提案|提案|代表建议)[^，。；,;]{0,6}/g;
/** Saying the 栏目 are accurate or kept up to date. */
const COLUMNS_OK =
  /栏目内容准确|内容准确|栏目[^，。；,;]{0,10}(?:更新及时|及时更新|按时更新|均已更新|无空白|没有空白)|(?:及时|按时)更新[^，。；,;]{0,10}栏目/g;
/**
 * A finding naming a 栏目 not kept up to date, empty, or missing what it should show: the 总结 (figures.ts) and the
 * claim checks below read findings with this one pattern.
 */
export const STALE_COLUMN =
  /栏目[^。；;]{0,20}(?:未(?:按时|及时)?更新|更新不及时|不及时|没有更新|为空|空白|空栏目|过期|滞后|缺少|不全|不准确|错误)|(?:未(?:按时|及时)?更新|更新不及时|空白|为空)[^。；;]{0,10}栏目/;

const d = (iso: string) => formatChineseDate(iso);

/** Counts the year's facts once; pass the result to findContradictions for as many texts as needed. */
export async function recordFacts(ctx: AppContext, year: number): Promise<RecordFacts> {
  const pubs = await listPublications(ctx, { year });
  const proposalAnswers = pubs
    .filter((p) => /建议|提案/.test(`${p.title}${p.columnName}`) && /答复/.test(p.title))
    .map((p) => ({ id: p.id, title: p.title, publishedDate: p.publishedDate }))
    .sort((a, b) => a.publishedDate.localeCompare(b.publishedDate));
  const staleColumns: RecordFacts['staleColumns'] = [];
  const v = await getSelfcheck(ctx, year);
  for (const r of v.rows.filter((x) => x.isLeaf && x.entry.rated && x.deducted > 0))
    if (STALE_COLUMN.test(r.entry.reason))
      staleColumns.push({ rectificationId: null, source: `自查“${r.name}”`, text: r.entry.reason });
  for (const r of await listRectifications(ctx, { year }))
    if (STALE_COLUMN.test(r.problem))
      staleColumns.push({ rectificationId: r.id, source: `整改台账第${r.seq}项`, text: r.problem });
  return { year, proposalAnswers, staleColumns };
}

/**
 * The claims in `text` the facts contradict. Pure. `ownRectificationId`: the text belongs to that 整改 item, whose
 * own problem does not contradict its own account of fixing it.
 */
export function findContradictions(
  text: string,
  where: string,
  facts: RecordFacts,
  ownRectificationId: number | null = null,
): Contradiction[] {
  const out: Contradiction[] = [];
  const answers = facts.proposalAnswers;
  if (answers.length) {
    for (const m of text.matchAll(NO_PROPOSALS)) {
      const claim = m[0].replace(/[，。；,;]$/, '');
      const records = answers.map((a) => `${d(a.publishedDate)}发布的“${a.title}”`);
      const basis = `信息发布登记中${facts.year}年已发布建议提案答复${answers.length}条`;
      out.push({
        where,
        claim,
        basis,
        records,
        message: `${where}写有“${claim}”，但${basis}（${records.slice(0, 3).join('、')}${records.length > 3 ? '等' : ''}），请核实后改正。`,
      });
      break;
    }
  }
  const stale = facts.staleColumns.filter(
    (s) => s.rectificationId === null || s.rectificationId !== ownRectificationId,
  );
  if (stale.length) {
    for (const m of text.matchAll(COLUMNS_OK)) {
      const claim = m[0];
      const records = stale.map((s) => `${s.source}：${s.text.replace(/[。；;]$/, '')}`);
      const basis = `${facts.year}年的自查和整改记录中有${stale.length}处指出栏目未更新或为空`;
      out.push({
        where,
        claim,
        basis,
        records,
        message: `${where}写有“${claim}”，但${basis}（${records.slice(0, 2).join('；')}${records.length > 2 ? '等' : ''}），请核实后改正。`,
      });
      break;
    }
  }
  return out;
}

/** The claims in any texts (a report's paragraphs, a summary's sections) that the year's records contradict. */
export async function contradictionsInText(
  ctx: AppContext,
  year: number,
  texts: { where: string; text: string }[],
): Promise<Contradiction[]> {
  const facts = await recordFacts(ctx, year);
  return texts.flatMap((t) => findContradictions(t.text, t.where, facts));
}

/** The words an item was fixed or closed with: its measure, its progress and its note. */
function closingText(r: Rectification): string {
  return [r.measure, ...r.progress.map((p) => p.text), r.note].filter(Boolean).join('。');
}

/**
 * Record measures whose records are a state that fixing ends (a task finished is no longer overdue): while the measure
 * still finds them, an item raised on its indicator is not fixed. A late publication or a late 备案 stays late for
 * good, so its measure says nothing about the 整改.
 */
const STILL_OPEN = new Set<RecordMeasure>(['overdueTasks']);

/**
 * An item 已完成 or 已销号 whose indicator's record measure (the one chosen, else the one its name suggests) still
 * finds records today ("2项任务超过完成时限仍未完成" 销号 while tasks are still overdue): its 完成/销号 claims what the
 * records do not bear out.
 */
async function stillFound(
  r: Rectification,
  rows: SelfcheckRow[],
  measured: (m: RecordMeasure) => Promise<Measured>,
): Promise<Contradiction | null> {
  if (r.state !== '已销号' && r.state !== '已完成') return null;
  const row = rows.find((x) => x.id === r.indicatorId);
  const measure = row?.recordMeasure && row.recordMeasure !== 'none' ? row.recordMeasure : row?.suggestedMeasure;
  if (!measure || !STILL_OPEN.has(measure)) return null;
  const m = await measured(measure);
  if (!m.count) return null;
  const claim =
    r.state === '已销号'
      ? `${r.closedOn ? `已于${d(r.closedOn)}` : '已'}销号`
      : `${r.completedOn ? `已于${d(r.completedOn)}` : '已'}完成整改`;
  const records = m.records.map((x) => `“${x.title.replace(/“/g, '‘').replace(/”/g, '’')}”`);
  return {
    where: `整改台账第${r.seq}项的整改情况`,
    claim,
    basis: m.note,
    records,
    message: `整改台账第${r.seq}项“${r.problem.replace(/[。；;]$/, '')}”${claim}，但${m.note}（${records.slice(0, 2).join('、')}${records.length > 2 ? '等' : ''}），问题仍在。请核实后撤销${r.state === '已销号' ? '销号' : '完成'}、继续整改，或核对记录。`,
  };
}

/** Per 整改 item of the year (id → contradictions), only items with any. */
export async function rectificationContradictions(
  ctx: AppContext,
  year: number,
  items?: Rectification[],
): Promise<Map<number, Contradiction[]>> {
  const list = items ?? (await listRectifications(ctx, { year }));
  const facts = await recordFacts(ctx, year);
  // The self-check is scored only when an item claims to be fixed on an indicator (stillFound reads nothing else).
  const claims = list.some((r) => r.indicatorId !== null && (r.state === '已销号' || r.state === '已完成'));
  const rows = claims ? (await getSelfcheck(ctx, year)).rows : [];
  const measured = measureCache(ctx, year);
  const out = new Map<number, Contradiction[]>();
  for (const r of list) {
    const found = findContradictions(closingText(r), `整改台账第${r.seq}项的整改情况`, facts, r.id);
    const open = await stillFound(r, rows, measured);
    if (open) found.push(open);
    if (found.length) out.set(r.id, found);
  }
  return out;
}

/**
 * Everything of the year's self-check the records contradict: the 自查报告's text (saved or drafted) part by part,
 * then each 整改 item's closing words. What the 自查报告 and 整改台账 screens warn about.
 */
export async function selfcheckContradictions(ctx: AppContext, year: number): Promise<Contradiction[]> {
  const facts = await recordFacts(ctx, year);
  const out: Contradiction[] = [];
  const template = await ctx.db.selectFrom('sc_template').select('id').where('year', '=', year).executeTakeFirst();
  if (template) {
    const { sections } = await getReport(ctx, year);
    const parts: [keyof typeof sections, string][] = [
      ['intro', '自查报告开头'],
      ['situation', '自查报告“一、自查情况”'],
      ['problems', '自查报告“二、存在的问题”'],
      ['measures', '自查报告“三、整改措施”'],
      ['next', '自查报告“四、下一步工作打算”'],
    ];
    for (const [key, where] of parts) out.push(...findContradictions(sections[key], where, facts));
    // A saved text may name a grade the ratings no longer give (written before 未评, or before a score changed).
    const v = await getSelfcheck(ctx, year);
    const said = [...`${sections.intro}${sections.situation}`.matchAll(/等次(?:为|暂定为|是)“([^”]+)”/g)];
    for (const m of said) {
      if (v.grade !== null && m[1] === v.grade) continue;
      const now =
        v.grade === null
          ? `${v.leaves}项评分指标已评${v.scoredLeaves}项，评完前不能确定等次`
          : `按现有评分等次为“${v.grade}”${v.provisional ? '（暂定）' : ''}`;
      out.push({
        where: '自查报告“一、自查情况”',
        claim: m[0],
        basis: now,
        records: [],
        message: `自查报告“一、自查情况”写明等次为“${m[1]}”，但${now}，请按最新评分重新生成或改正。`,
      });
    }
  }
  for (const found of (await rectificationContradictions(ctx, year)).values()) out.push(...found);
  return out;
}
