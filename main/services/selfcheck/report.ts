// The 自查报告 text: drafted from the data (一、自查情况 per 一级指标 with its score and evidence, 二、存在的问题 numbered
// and tied to indicators, 三、整改措施 one per problem with the same numbers, 四、下一步工作打算), kept once edited.
import {
  levelOf,
  reportSectionsSchema,
  type Evidence,
  type Rectification,
  type ReportSections,
  type SelfcheckRow,
} from '../../../shared/domain/selfcheck';
import { formatChineseDate, todayOf } from '../../../shared/domain/dates';
import { deductionWords } from '../../../shared/domain/selfcheck-score';
import { formatChineseNumeral } from '../../../shared/domain/point-numbering';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { nowText, recordAudit } from '../audit';
import { getBureau } from '../org/bureau';
import { getSetting, SettingKey, writeSettingChange } from '../settings';
import { validateInput } from '../validate';
import type { AppContext } from '../workstation';
import { figuresFor } from '../summary/figures';
import { summaryPeriodOn } from '../../../shared/domain/summary';
import { carriedRectifications, listRectifications } from './rectification';
import { getSelfcheck } from './scores';

const n2 = (n: number) => String(Math.round(n * 100) / 100);

/** The problems found: each rated leaf that lost points (or a veto that happened), with its reason (未评 loses nothing). */
export async function selfcheckProblems(
  ctx: AppContext,
  year: number,
): Promise<{ indicator: string; reason: string; deducted: number; vetoed: boolean; measure: string }[]> {
  const v = await getSelfcheck(ctx, year);
  return v.rows
    .filter((r) => r.isLeaf && (r.deducted > 0 || r.vetoed))
    .map((r) => ({
      indicator: r.path,
      reason: lossWords(r),
      deducted: r.deducted,
      vetoed: r.vetoed,
      measure: r.entry.measure.trim(),
    }));
}

/** A problem of the year's self-check that no 整改 item of the year answers. */
export interface UnregisteredProblem {
  indicatorId: number;
  /** "主动公开—公开时效与要素": the indicator as the 自查报告's 存在的问题 names it. */
  indicator: string;
  reason: string;
  deducted: number;
  vetoed: boolean;
  measure: string;
}

/**
 * The self-check's problems (a leaf that lost points, a 单项否决 that happened) with no 整改 item of the year raised
 * against the indicator or a group above it: the 自查报告 lists them, so the 整改台账 owes them an item.
 */
export async function unregisteredProblems(ctx: AppContext, year: number): Promise<UnregisteredProblem[]> {
  const v = await getSelfcheck(ctx, year);
  const rects = await listRectifications(ctx, { year });
  const numbers = new Set(
    rects.map((x) => v.rows.find((r) => r.id === x.indicatorId)?.number).filter((n): n is string => !!n),
  );
  return v.rows
    .filter((r) => r.isLeaf && (r.deducted > 0 || r.vetoed))
    .filter((r) => ![...numbers].some((n) => r.number === n || r.number.startsWith(`${n}.`)))
    .map((r) => ({
      indicatorId: r.id,
      indicator: r.path.split(' / ').slice(-2).join('—'),
      reason: lossWords(r).replace(/[。；;，,]$/, ''),
      deducted: r.deducted,
      vetoed: r.vetoed,
      measure: r.entry.measure.trim(),
    }));
}

/** Why a rated leaf lost points, in words: the reason written, else what the rating itself says. */
function lossWords(r: SelfcheckRow): string {
  if (r.entry.reason) return r.entry.reason;
  if (r.vetoed) return '触发单项否决';
  const counted = deductionWords(r);
  if (counted) return counted;
  const level = levelOf(r.rule, r.entry.score);
  return level ? `自评等次为“${level.label}”（${n2(level.points)}分）` : '未达到评分标准';
}

/** "（满分100分，另设加分8分）": the base and the bonus apart, never one sum. */
function maxText(maxBase: number, maxBonus: number): string {
  return maxBonus > 0 ? `满分${n2(maxBase)}分，另设加分${n2(maxBonus)}分` : `满分${n2(maxBase)}分`;
}

/** The records an indicator's score rests on, in a sentence: "“工作任务落实”按记录核对，逾期任务7项，扣6分". */
function recordSentence(r: SelfcheckRow): string {
  const p = r.proposal;
  if (!p || !r.entry.rated || p.count === null) return '';
  let s = `“${r.name}”按记录核对，${p.label}${p.count}${p.unit}`;
  if (r.deducted > 0) s += `，扣${n2(r.deducted)}分`;
  if (r.decision === 'override' && r.overrideReason)
    s += `（建议分${n2(p.score ?? 0)}分，经核实改为${n2(r.score)}分：${r.overrideReason.replace(/[。；]$/, '')}）`;
  return s;
}

/** An indicator's evidence by name, as running text quotes it (no "任务：" kind, no leading date). */
function evidenceNames(r: SelfcheckRow, keep: (e: Evidence) => boolean): string[] {
  return r.evidence.filter(keep).map((e) => e.title.replace(/^[^：]+：/, '').replace(/^\d{4}-\d{2}-\d{2}\s*/, ''));
}

/** Where an 整改 item stands, in words: "已于2026年5月20日整改销号", "整改中，已超过整改时限2025年12月31日". */
function rectStateWords(r: Rectification): string {
  if (r.state === '已销号') return r.closedOn ? `已于${formatChineseDate(r.closedOn)}整改销号` : '已整改销号';
  if (r.state === '已完成')
    return `${r.completedOn ? `已于${formatChineseDate(r.completedOn)}` : '已'}完成整改，待复核销号`;
  if (!r.deadline) return r.state;
  return `${r.state}，${r.overdue ? '已超过整改时限' : '整改时限为'}${formatChineseDate(r.deadline)}`;
}

async function draftReport(ctx: AppContext, year: number): Promise<ReportSections> {
  const v = await getSelfcheck(ctx, year);
  if (!v.template)
    throw new AppError(
      ErrorCode.NOT_READY,
      `${year}年还没有考核细则，请先在“自查评分”中导入细则或使用内置模板并完成评分。`,
    );
  const bureau = await getBureau(ctx);
  const me = bureau?.shortName || '我局';
  const rects = await listRectifications(ctx, { year });
  const doneTasks = new Set(
    (
      await ctx.db
        .selectFrom('plan_task as t')
        .innerJoin('plan as p', 'p.id', 't.plan_id')
        .select('t.id')
        .where('p.year', '=', year)
        .where('t.status', '=', '已完成')
        .execute()
    ).map((t) => t.id),
  );
  // What was done, as the records show it: 佐证材料 only when some indicator has any; 整改措施 for the problems only
  // when every leaf that lost points has one (its own, or a 整改 item raised against it).
  const lostLeaves = v.rows.filter((r) => r.isLeaf && r.entry.rated && r.deducted > 0);
  const evidenced = v.rows.some((r) => r.evidence.length > 0);
  const measured =
    lostLeaves.length > 0 &&
    lostLeaves.every((r) => r.entry.measure.trim() || rects.some((x) => x.indicatorId === r.id && x.measure.trim()));
  const intro = `按照上级关于开展${year}年度政务公开工作自查的要求，${me}对照《${v.template.title.replace(/[《》]/g, '')}》，逐项开展自查自评${evidenced ? '，收集整理佐证材料' : ''}${measured ? '，并对发现的问题逐一制定整改措施' : ''}。现将自查情况报告如下。`;
  const unrated = v.leaves - v.scoredLeaves;
  // The total and the grade only as far as the ratings go: a grade while some indicator is unrated only when 暂定.
  const scorePart = v.complete
    ? `自评总分${n2(v.total)}分（${maxText(v.maxBase, v.maxBonus)}）`
    : `${v.leaves}项评分指标已评${v.scoredLeaves}项，已评指标得分${n2(v.total)}分（${maxText(v.maxBase, v.maxBonus)}）`;
  // A veto decides the grade whatever the points: said once, with the indicator it came from.
  const vetoWords = `因${v.vetoedBy.join('、')}（单项否决），等次为“${v.grade}”`;
  const gradePart = v.vetoed
    ? `${v.complete ? '' : `，尚有${unrated}项指标未评`}；${vetoWords}`
    : v.grade === null
      ? `，尚有${unrated}项指标未评，全部评完后确定总分和等次`
      : v.provisional
        ? `，暂定等次为“${v.grade}”（尚有${unrated}项指标未评）`
        : `，等次为“${v.grade}”`;
  const prevText =
    v.previous && v.previous.complete && v.complete
      ? `，较${v.previous.year}年（${n2(v.previous.total)}分）${v.total >= v.previous.total ? '提高' : '下降'}${n2(Math.abs(v.total - v.previous.total))}分`
      : '';
  const lines = [
    `经自查，${me}${year}年度政务公开工作${scorePart}${v.vetoed ? prevText + gradePart : gradePart + prevText}。`,
  ];
  // Figures from the year's records, so the report says what was done, not only the points: the registry's, counted
  // for the year (to today while it runs, and said so), as the 总结 and the home screen quote them — a task finished in
  // January of the next year is not one of the year's 已完成.
  const today = todayOf(ctx);
  const f = await figuresFor(ctx, summaryPeriodOn(year, '年度', today));
  const n = (name: string) => {
    const v = f[name]?.value;
    return typeof v === 'number' ? v : 0;
  };
  const asOf = today < `${year}-12-31` ? `截至${formatChineseDate(today).slice(5)}` : '';
  const facts = [
    n('plan.tasks') ? `本年度实施方案共${n('plan.tasks')}项任务，${asOf}已完成${n('plan.done')}项` : '',
    n('training.count') ? `举办政务公开培训${n('training.count')}次` : '',
  ].filter(Boolean);
  if (facts.length) lines.push(`${facts.join('，')}。`);
  const tops = v.rows.filter((r) => r.level === 1 && (r.points > 0 || r.rule.kind === 'bonus'));
  tops.forEach((t, i) => {
    const leaves = v.rows.filter((r) => r.isLeaf && (r.number === t.number || r.number.startsWith(`${t.number}.`)));
    const rated = leaves.filter((r) => r.entry.rated);
    const metLeaves = rated.filter(
      (r) => r.deducted === 0 && r.points > 0 && r.rule.kind !== 'bonus' && !r.proposal?.count,
    );
    const full = metLeaves.map((r) => r.name);
    // Evidence of meeting a standard comes only from the leaves that met it, and never a task still open: the
    // records of a leaf that lost points are the reason it lost them (said with the deduction below).
    const ev = [
      ...new Set(
        metLeaves.flatMap((r) =>
          evidenceNames(r, (e) => e.kind !== 'task' || (e.refId !== null && doneTasks.has(e.refId))),
        ),
      ),
    ].slice(0, 4);
    const scoreText =
      t.rule.kind === 'bonus'
        ? t.ratedLeaves
          ? `加分${n2(t.score)}分${t.gatedOut ? (v.complete ? '（基础得分未达到加分门槛，不计入）' : '（基础得分评完后再确定能否计入）') : ''}`
          : '加分项尚未评分'
        : !t.ratedLeaves
          ? `分值${n2(t.points)}分，尚未评分`
          : t.scored
            ? `分值${n2(t.points)}分，自评得分${n2(t.score)}分`
            : `分值${n2(t.points)}分，已评${t.ratedLeaves}项（共${t.leafCount}项）得分${n2(t.score)}分`;
    const prev = t.previousScore !== null && t.scored ? `，上年${n2(t.previousScore)}分` : '';
    const done = full.length ? `${full.slice(0, 6).join('、')}${full.length > 6 ? '等' : ''}方面达到评分标准` : '';
    const evText = ev.length ? `，佐证材料有${ev.join('、')}${ev.length >= 4 ? '等' : ''}` : '';
    const measured = rated.map(recordSentence).filter(Boolean);
    // A deduction with its reason and the records it rests on: "工作任务落实扣2分，原因是2项任务…（涉及…、…）".
    const lost = rated
      .filter((r) => r.deducted > 0 && !recordSentence(r))
      .map((r) => {
        const level = levelOf(r.rule, r.entry.score);
        // 分项扣分: what each finding took off, as the office writes it.
        const counted = deductionWords(r);
        const head = level
          ? `${r.name}评为“${level.label}”，扣${n2(r.deducted)}分`
          : `${r.name}扣${n2(r.deducted)}分${counted ? `（${counted}）` : ''}`;
        const why = r.entry.reason.trim().replace(/[。；;，,]$/, '');
        const records = evidenceNames(r, () => true).filter((x) => !why.includes(x));
        return `${head}${why ? `，原因是${why}` : ''}${records.length ? `（涉及${records.join('、')}）` : ''}`;
      });
    // A leaf that met its standard although a 整改 item of the year was raised against it: the finding and where
    // its 整改 stands, so that the full score is not read as "nothing was found".
    const found = metLeaves.flatMap((r) =>
      rects
        .filter((x) => x.indicatorId === r.id)
        .map(
          (x) =>
            `“${r.name}”年内经${x.origin || x.source}发现“${x.problem.replace(/[。；;]$/, '')}”，${rectStateWords(x)}`,
        ),
    );
    const open = leaves.filter((r) => !r.entry.rated).map((r) => `“${r.name}”`);
    const parts = [
      done + (done ? evText : ''),
      ...found,
      ...measured,
      ...lost,
      open.length && rated.length ? `${open.join('、')}尚未评分` : '',
    ].filter(Boolean);
    lines.push(
      `（${formatChineseNumeral(i + 1)}）${t.name}。${scoreText}${prev}。${parts.join('；')}${parts.length ? '。' : ''}`,
    );
  });
  const majors = v.rows.filter((r) => r.isLeaf && r.rule.kind === 'major' && r.deducted > 0);
  // Each named as the 细则 names it: a 重大扣分项 is 不设上限, a 扣分项 with a cap is not 重大.
  if (majors.length)
    lines.push(
      `另有${majors
        .map((r) => {
          const kind = r.rule.kind === 'major' && r.rule.cap !== undefined ? '扣分项' : '重大扣分项';
          return `${kind}“${r.name}”扣${n2(r.deducted)}分`;
        })
        .join('，')}。`,
    );
  const problems = v.rows.filter((r) => r.isLeaf && (r.deducted > 0 || r.vetoed));
  const problemLines = problems.map((r, i) => {
    const words = lossWords(r).replace(/[。；]$/, '');
    // Words that end on the points taken ("4次，扣8分；累计最多扣5分，计扣5分") are not followed by them again.
    // A veto takes no points: it is said as what it is (触发单项否决), never "扣0分".
    const taken = r.vetoed ? '触发单项否决' : `扣${n2(r.deducted)}分`;
    return `${i + 1}.${r.path.split(' / ').slice(-2).join('—')}：${words}${words.endsWith(taken) ? '' : `（${taken}）`}。`;
  });
  const measureLines = problems.map((r, i) => {
    const m =
      r.entry.measure ||
      rects.find((x) => x.indicatorId === r.id)?.measure ||
      '明确责任科室和责任人，限期整改到位，整改完成后对账销号';
    return `${i + 1}.针对“${r.name}”问题：${m.replace(/[。；]$/, '')}。`;
  });
  // Earlier years' 整改 items not yet 销号 are problems still open this year: numbered on, each with its year and
  // state, and answered 1:1 in 三、整改措施 (a 回头看 looks for them first).
  const carried = (await carriedRectifications(ctx, year)).filter((r) => r.state !== '已销号');
  carried.forEach((r, k) => {
    const n = problems.length + k + 1;
    const what = r.problem.replace(/[。；;]$/, '');
    problemLines.push(`${n}.往年遗留问题（${r.year}年度${r.source}）：${what}（${rectStateWords(r)}）。`);
    const m =
      r.state === '已完成'
        ? '已完成整改，复核整改效果后及时销号'
        : `${(r.measure || '明确责任科室和责任人，加快整改').replace(/[。；]$/, '')}${r.overdue ? '；已超过整改时限，明确新的完成时间，由责任领导督办' : ''}`;
    // Quotes inside a quotation are single (‘’).
    measureLines.push(`${n}.针对往年遗留的“${what.replace(/“/g, '‘').replace(/”/g, '’')}”问题：${m}。`);
  });
  return {
    intro,
    situation: lines.join('\n'),
    problems: problemLines.join('\n'),
    measures: measureLines.join('\n'),
    next: [
      '（一）持续加强学习。组织政务公开工作人员深入学习《政府信息公开条例》和上级工作要点，提升业务能力。',
      '（二）全面落实整改。对自查发现的问题建立整改台账，逐一明确整改措施、责任人和时限，完成一项、销号一项。',
      '（三）提升公开质量。落实信息发布审核和保密审查制度，做好政策解读和回应关切，不断提高政务公开的规范化水平。',
    ].join('\n'),
  };
}

/**
 * 主送机关 of the two 报告 (GB/T 9704 §7.2.4): the one set, or the government office of the bureau's county (区, 市),
 * which a county bureau's self-check and 整改 reports go to; none when neither is known (a set "" means none).
 */
export async function reportAddressee(ctx: AppContext): Promise<string> {
  const set = await getSetting(ctx, SettingKey.reportAddressee);
  if (set !== null) return set.trim().replace(/[:：]$/, '');
  const region = (await getBureau(ctx))?.region.trim() ?? '';
  return /[县区市旗]$/.test(region) ? `${region}人民政府办公室` : '';
}

/** The saved draft, or a fresh one from the data; and the 主送机关 it is sent to. */
export async function getReport(
  ctx: AppContext,
  year: number,
): Promise<{ sections: ReportSections; saved: boolean; updatedAt: string | null; addressee: string }> {
  const addressee = await reportAddressee(ctx);
  const r = await ctx.db.selectFrom('sc_report').selectAll().where('year', '=', year).executeTakeFirst();
  if (r) {
    const parsed = reportSectionsSchema.safeParse(JSON.parse(r.sections_json));
    if (parsed.success) return { sections: parsed.data, saved: true, updatedAt: r.updated_at, addressee };
  }
  return { sections: await draftReport(ctx, year), saved: false, updatedAt: null, addressee };
}

/** Saves the text and, when given, the 主送机关 (shared by the 整改情况报告): one transaction, audited. */
export async function saveReport(
  ctx: AppContext,
  year: number,
  raw: ReportSections,
  addressee?: string,
): Promise<void> {
  const sections = validateInput(reportSectionsSchema, raw);
  const now = nowText(ctx);
  const to = addressee?.trim().replace(/[:：]$/, '');
  const from = to === undefined ? to : await reportAddressee(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    if (to !== undefined && to !== from)
      await writeSettingChange(
        trx,
        ctx,
        SettingKey.reportAddressee,
        to,
        `修改自查报告和整改情况报告的主送机关：${to || '（不写主送机关）'}`,
      );
    await trx
      .insertInto('sc_report')
      .values({ year, sections_json: JSON.stringify(sections), updated_at: now })
      .onConflict((oc) => oc.column('year').doUpdateSet({ sections_json: JSON.stringify(sections), updated_at: now }))
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'sc_report',
      entityId: year,
      action: 'update',
      summary: `保存${year}年度自查报告文稿`,
    });
  });
}

export async function discardReport(ctx: AppContext, year: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sc_report').where('year', '=', year).execute();
    await recordAudit(trx, ctx, {
      entity: 'sc_report',
      entityId: year,
      action: 'delete',
      summary: `重新生成${year}年度自查报告文稿（放弃已编辑的文字）`,
    });
  });
}
