// The year's self-check: entries per indicator, the engine's figures, 佐证材料 links and suggestions.
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import {
  EMPTY_ENTRY,
  evidenceInputSchema,
  levelOf,
  levelText,
  ruleLabel,
  scoreInputSchema,
  type Decision,
  type Rule,
  type Evidence,
  type EvidenceInput,
  type EvidenceKind,
  type EvidenceSuggestion,
  type Indicator,
  type ScoreEntry,
  type ScoreInput,
  type SelfcheckRow,
  type SelfcheckView,
  type Template,
} from '../../../shared/domain/selfcheck';
import {
  flattenScored,
  resolvePoints,
  round2,
  scoreTemplate,
  templateProblems,
  type ScoreResult,
} from '../../../shared/domain/selfcheck-score';
import {
  MEASURE_CHOICES,
  matchesProposal,
  measureOptionLabel,
  suggestMeasure,
  type MeasureChoice,
  type Proposal,
  type RecordMeasure,
} from '../../../shared/domain/selfcheck-measures';
import { flattenTree, toScoringNodes } from '../../../shared/domain/selfcheck-tree';
import type { Database } from '../../db/schema';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { storeUpload } from '../attachments';
import { diffRecords, nowText, recordAudit } from '../audit';
import { decodeUpload } from '../uploads';
import { validateInput } from '../validate';
import type { AppContext } from '../workstation';
import { measureCache, measureRecords, reasonFromRecords, toProposal } from './measures';
import { getTemplate, getTemplateInfo } from './templates';

/** An entry as stored: what the engine reads, and how the rating came about. */
export interface StoredEntry extends ScoreEntry {
  decision: Decision | null;
  overrideReason: string;
  proposalCount: number | null;
}

/**
 * An entry's counts as stored: sc_entry.occurrences holds the one count of a counted rule (按次扣分, 重大扣分, 加分),
 * sc_entry.finding_counts a 分项扣分 rule's count of each finding as a JSON list in the rule's order ("[1,2]").
 */
export function readOccurrences(e: { occurrences: number | null; finding_counts: string | null }): {
  count: number | null;
  counts: number[] | null;
} {
  if (e.finding_counts === null) return { count: e.occurrences, counts: null };
  try {
    const counts: unknown = JSON.parse(e.finding_counts);
    if (Array.isArray(counts) && counts.every((c) => Number.isInteger(c) && c >= 0))
      return { count: e.occurrences, counts: counts as number[] };
  } catch {
    // Not a list of counts: nothing rated by it.
  }
  return { count: e.occurrences, counts: null };
}

export async function loadEntries(ctx: AppContext, templateId: number): Promise<Map<string, StoredEntry>> {
  const rows = await ctx.db
    .selectFrom('sc_entry as e')
    .innerJoin('sc_indicator as i', 'i.id', 'e.indicator_id')
    .select([
      'e.indicator_id',
      'e.rated',
      'e.score',
      'e.occurrences',
      'e.finding_counts',
      'e.flag',
      'e.ceiling',
      'e.reason',
      'e.measure',
      'e.decision',
      'e.override_reason',
      'e.proposal_count',
    ])
    .where('i.template_id', '=', templateId)
    .execute();
  return new Map(
    rows.map((r) => [
      String(r.indicator_id),
      {
        rated: r.rated === 1,
        score: r.score,
        ...readOccurrences(r),
        flag: r.flag === 1,
        ceiling: r.ceiling === 1,
        reason: r.reason,
        measure: r.measure,
        decision: r.decision,
        overrideReason: r.override_reason,
        proposalCount: r.proposal_count,
      },
    ]),
  );
}

/** The scored template of a year (null when the year has no template). */
export async function scoreYear(
  ctx: AppContext,
  year: number,
): Promise<{ template: Template; entries: Map<string, StoredEntry>; result: ScoreResult } | null> {
  const template = await getTemplate(ctx, year);
  if (!template) return null;
  const entries = await loadEntries(ctx, template.id);
  const result = scoreTemplate(toScoringNodes(template.indicators), entries, {
    total: template.total,
    grades: template.grades,
    provisional: template.provisional,
  });
  return { template, entries, result };
}

/** Whether a table exists (the 信息发布登记 area may not be installed yet). */
async function hasTable(ctx: AppContext, name: string): Promise<boolean> {
  const r = await sql<{
    n: number;
  }>`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ${name}`.execute(ctx.db);
  return Number(r.rows[0]?.n ?? 0) > 0;
}

const REF_TABLES: Partial<Record<EvidenceKind, string>> = {
  task: 'plan_task',
  progress: 'plan_progress',
  training: 'training',
  ab_change: 'ab_change',
  publication: 'publication',
};

/**
 * A training as evidence, saying only what is on file: who was recorded present and the materials and photos
 * uploaded ("培训：2026-04-23 …（实到13人；未上传培训材料）"). A criterion asking for 签到表 or 培训材料 is met only
 * by what was uploaded; the title never claims more.
 */
async function trainingTitle(ctx: AppContext, id: number): Promise<string | null> {
  const r = await ctx.db.selectFrom('training').select(['date', 'title']).where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  const present = await ctx.db
    .selectFrom('training_attendee')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('training_id', '=', id)
    .where('present', '=', 1)
    .executeTakeFirstOrThrow();
  const files = await ctx.db
    .selectFrom('training_file')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('training_id', '=', id)
    .groupBy('kind')
    .execute();
  const count = (kind: string) => Number(files.find((f) => f.kind === kind)?.n ?? 0);
  const [materials, photos] = [count('材料'), count('照片')];
  const facts = [
    Number(present.n) ? `实到${present.n}人` : '未登记参训人员',
    materials ? `培训材料${materials}份` : '未上传培训材料',
    photos ? `照片${photos}张` : '',
  ].filter(Boolean);
  return `培训：${r.date} ${r.title}（${facts.join('；')}）`;
}

/** The current title of a referenced record, or null when it no longer exists. */
async function refTitle(ctx: AppContext, kind: EvidenceKind, id: number): Promise<string | null> {
  switch (kind) {
    case 'task': {
      const r = await ctx.db.selectFrom('plan_task').select('title').where('id', '=', id).executeTakeFirst();
      return r ? `任务：${r.title}` : null;
    }
    case 'progress': {
      const r = await ctx.db
        .selectFrom('plan_progress as p')
        .innerJoin('plan_task as t', 't.id', 'p.task_id')
        .select(['p.date', 'p.text', 't.title'])
        .where('p.id', '=', id)
        .executeTakeFirst();
      return r ? `进展：${r.title}（${r.date}）${r.text.slice(0, 30)}` : null;
    }
    case 'training':
      return trainingTitle(ctx, id);
    case 'ab_change': {
      const r = await ctx.db
        .selectFrom('ab_change as c')
        .innerJoin('ab_post as p', 'p.id', 'c.post_id')
        .select(['c.change_date', 'c.filed_date', 'p.name'])
        .where('c.id', '=', id)
        .executeTakeFirst();
      if (!r) return null;
      // Read without its "AB岗变动备案：" kind in the reports, so the post and both dates say what they are.
      const post = /岗位?$/.test(r.name) ? r.name : `${r.name}岗位`;
      return `AB岗变动备案：${post}人员变动（${r.change_date}变动，${r.filed_date ? `${r.filed_date}备案` : '未备案'}）`;
    }
    case 'publication': {
      if (!(await hasTable(ctx, 'publication'))) return null;
      const r = await sql<{ title: string }>`SELECT title FROM publication WHERE id = ${id}`
        .execute(ctx.db)
        .catch(() => ({ rows: [] as { title: string }[] }));
      return r.rows[0] ? `信息发布：${r.rows[0].title}` : null;
    }
    default:
      return null;
  }
}

async function listEvidence(ctx: AppContext, indicatorIds: number[]): Promise<Map<number, Evidence[]>> {
  const out = new Map<number, Evidence[]>();
  if (!indicatorIds.length) return out;
  const rows = await ctx.db
    .selectFrom('sc_evidence')
    .selectAll()
    .where('indicator_id', 'in', indicatorIds)
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const kind = r.kind as EvidenceKind;
    let title = r.title;
    let exists = true;
    if (r.ref_id !== null && REF_TABLES[kind]) {
      const t = await refTitle(ctx, kind, r.ref_id);
      exists = t !== null;
      title = t ?? `${r.title}（原记录已删除）`;
    }
    out.set(r.indicator_id, [
      ...(out.get(r.indicator_id) ?? []),
      { id: r.id, kind, refId: r.ref_id, attachmentId: r.attachment_id, url: r.url, title, exists },
    ]);
  }
  return out;
}

/** The chosen 记录口径 of each indicator of a template (absent: not chosen). */
async function loadMeasures(ctx: AppContext, templateId: number): Promise<Map<number, MeasureChoice>> {
  const rows = await ctx.db
    .selectFrom('sc_indicator')
    .select(['id', 'record_measure'])
    .where('template_id', '=', templateId)
    .where('record_measure', 'is not', null)
    .execute();
  const ok = new Set<string>(MEASURE_CHOICES);
  return new Map(
    rows
      .filter((r) => r.record_measure && ok.has(r.record_measure))
      .map((r) => [r.id, r.record_measure as MeasureChoice]),
  );
}

/** What a rated leaf with a chosen measure needs looked at, or null. */
function proposalAlert(e: StoredEntry | undefined, rule: Rule, p: Proposal | null): string | null {
  if (!p || !p.entry || !e?.rated) return null;
  const decided = e.decision === 'accepted' || e.decision === 'override';
  // The records changed since the 建议分 was accepted or overridden: say that first, it is why the two differ.
  if (decided && e.proposalCount !== null && p.count !== null && e.proposalCount !== p.count)
    return `${e.decision === 'override' ? '修改' : '采用'}建议分时${p.label}为${e.proposalCount}${p.unit}，现在为${p.count}${p.unit}，请重新核对。`;
  if (e.decision !== 'override' && !matchesProposal(rule, e, p))
    return `自评与按记录计算的建议分（${p.score}分）不一致，请采用建议分或填写修改理由。`;
  return null;
}

export async function getSelfcheck(ctx: AppContext, year: number): Promise<SelfcheckView> {
  const scored = await scoreYear(ctx, year);
  const prev = await scoreYear(ctx, year - 1);
  const previous = prev
    ? {
        year: year - 1,
        total: prev.result.total,
        grade: prev.result.grade,
        provisional: prev.result.provisional,
        complete: prev.result.complete,
      }
    : null;
  if (!scored) {
    return {
      year,
      template: null,
      total: 0,
      maxTotal: 0,
      maxBase: 0,
      maxBonus: 0,
      base: 0,
      bonus: 0,
      major: 0,
      grade: null,
      provisional: false,
      complete: false,
      band: '',
      vetoed: false,
      vetoedBy: [],
      leaves: 0,
      scoredLeaves: 0,
      rows: [],
      problems: [],
      previous,
    };
  }
  const { template, entries, result } = scored;
  const flat = flattenTree(template.indicators);
  const scoredNodes = new Map(flattenScored(result.indicators).map((n) => [n.key, n]));
  const evidence = await listEvidence(
    ctx,
    flat.map((f) => f.node.id),
  );
  const rects = await ctx.db
    .selectFrom('rectification')
    .select(['id', 'indicator_id'])
    .where('indicator_id', 'in', flat.length ? flat.map((f) => f.node.id) : [0])
    .execute();
  const measures = await loadMeasures(ctx, template.id);
  const measured = measureCache(ctx, year);
  // Only a complete (or 暂定) 一级 score of last year is worth comparing with.
  const prevTop = new Map(
    (prev?.result.indicators ?? []).filter((n) => n.scored).map((n) => [n.name, n.score] as const),
  );
  const rows: SelfcheckRow[] = [];
  for (const { node, level } of flat) {
    const s = scoredNodes.get(String(node.id))!;
    const stored = entries.get(String(node.id));
    const e = stored ?? EMPTY_ENTRY;
    const isLeaf = node.children.length === 0;
    const choice = measures.get(node.id) ?? null;
    const proposal =
      isLeaf && choice && choice !== 'none'
        ? toProposal({ ...node, points: s.points, ceilingOn: e.ceiling }, choice, await measured(choice))
        : null;
    rows.push({
      id: node.id,
      parentId: node.parentId,
      level,
      number: node.number,
      path: s.path,
      name: node.name,
      isLeaf,
      points: s.points,
      ownPoints: node.points,
      weight: node.weight,
      criteria: node.criteria,
      rule: node.rule,
      ruleLabel: ruleLabel(node.rule, node.capped),
      capped: node.capped,
      ceilingRatio: node.ceilingRatio,
      source: node.source,
      score: s.score,
      deducted: s.deducted,
      bonus: s.bonus,
      vetoed: s.vetoed,
      gatedOut: s.gatedOut,
      ceilingApplied: s.ceiling,
      scored: s.scored,
      ratedLeaves: s.ratedLeaves,
      leafCount: s.leafCount,
      entry: {
        rated: e.rated,
        score: e.score,
        count: e.count,
        counts: e.counts,
        flag: e.flag,
        ceiling: e.ceiling,
        reason: e.reason,
        measure: e.measure,
      },
      recordMeasure: choice,
      suggestedMeasure: isLeaf ? suggestMeasure(node.name, node.criteria) : null,
      proposal,
      decision: stored?.decision ?? null,
      overrideReason: stored?.overrideReason ?? '',
      proposalCount: stored?.proposalCount ?? null,
      proposalAlert: isLeaf ? proposalAlert(stored, node.rule, proposal) : null,
      evidence: evidence.get(node.id) ?? [],
      rectificationIds: rects.filter((r) => r.indicator_id === node.id).map((r) => r.id),
      previousScore: level === 1 && prevTop.has(node.name) ? prevTop.get(node.name)! : null,
    });
  }
  const problems = templateProblems(toScoringNodes(template.indicators), template.total).map((p) => p.message);
  const { indicators: _i, ...info } = template;
  return {
    year,
    template: info,
    total: result.total,
    maxTotal: result.maxTotal,
    maxBase: result.maxBase,
    maxBonus: result.maxBonus,
    base: result.base,
    bonus: result.bonus,
    major: result.major,
    grade: result.grade,
    provisional: result.provisional,
    complete: result.complete,
    band: result.band,
    vetoed: result.vetoed,
    vetoedBy: result.vetoedBy,
    leaves: result.leaves,
    scoredLeaves: result.scoredLeaves,
    rows,
    problems,
    previous,
  };
}

function findIndicator(nodes: Indicator[], id: number): Indicator | null {
  for (const n of nodes) {
    if (n.id === id) return n;
    const c = findIndicator(n.children, id);
    if (c) return c;
  }
  return null;
}

/** The indicator, its template and its resolved points; NOT_FOUND when gone. */
export async function indicatorContext(
  ctx: AppContext,
  indicatorId: number,
): Promise<{ template: Template; node: Indicator; points: number; path: string }> {
  const row = await ctx.db
    .selectFrom('sc_indicator as i')
    .innerJoin('sc_template as t', 't.id', 'i.template_id')
    .select('t.year')
    .where('i.id', '=', indicatorId)
    .executeTakeFirst();
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, '找不到该指标，可能细则已被替换，请刷新后重试。');
  const template = (await getTemplate(ctx, row.year))!;
  const node = findIndicator(template.indicators, indicatorId)!;
  const points = resolvePoints(toScoringNodes(template.indicators), template.total).get(String(indicatorId)) ?? 0;
  const path = flattenTree(template.indicators)
    .filter((f) => node.number === f.node.number || node.number.startsWith(`${f.node.number}.`))
    .map((f) => f.node.name)
    .join(' / ');
  return { template, node, points: round2(points), path };
}

/** Whether an entry's values rate its leaf: what the rule reads has been given. */
function ratesLeaf(
  rule: Rule,
  e: { score: number | null; count: number | null; counts: number[] | null; flag: boolean | null },
): boolean {
  switch (rule.kind) {
    case 'deductions':
      return e.counts !== null && e.counts.length === rule.items.length;
    case 'manual':
      return e.score !== null;
    case 'perItem':
    case 'major':
      return e.count !== null;
    case 'bonus':
      return e.score !== null || e.count !== null;
    case 'fixed':
    case 'veto':
      return e.flag !== null;
    case 'grade':
      return levelOf(rule, e.score) !== null;
  }
}

interface EntryWrite {
  indicatorId: number;
  rated: boolean;
  score: number | null;
  count: number | null;
  counts: number[] | null;
  flag: boolean;
  ceiling: boolean;
  reason: string;
  measure: string;
  decision: Decision | null;
  overrideReason: string;
  proposalCount: number | null;
}

/** Writes one entry and its audit line (inside the caller's transaction). */
async function writeEntry(
  trx: Transaction<Database>,
  ctx: AppContext,
  w: EntryWrite,
  summary: string,
  extra: Record<string, { from: unknown; to: unknown }> = {},
): Promise<void> {
  const before = await trx
    .selectFrom('sc_entry')
    .selectAll()
    .where('indicator_id', '=', w.indicatorId)
    .executeTakeFirst();
  const values = {
    rated: w.rated ? 1 : 0,
    score: w.score,
    occurrences: w.count,
    finding_counts: w.counts ? JSON.stringify(w.counts) : null,
    flag: w.flag ? 1 : 0,
    ceiling: w.ceiling ? 1 : 0,
    reason: w.reason.trim(),
    measure: w.measure.trim(),
    decision: w.decision,
    override_reason: w.overrideReason,
    proposal_count: w.proposalCount,
    updated_at: nowText(ctx),
  };
  if (before) await trx.updateTable('sc_entry').set(values).where('indicator_id', '=', w.indicatorId).execute();
  else
    await trx
      .insertInto('sc_entry')
      .values({ indicator_id: w.indicatorId, ...values })
      .execute();
  await recordAudit(trx, ctx, {
    entity: 'sc_entry',
    entityId: w.indicatorId,
    action: before ? 'update' : 'create',
    summary,
    changes: {
      ...diffRecords(
        {
          rated: before ? before.rated === 1 : false,
          score: before?.score ?? null,
          ...readOccurrences(before ?? { occurrences: null, finding_counts: null }),
          flag: before ? before.flag === 1 : false,
          reason: before?.reason ?? '',
          overrideReason: before?.override_reason ?? '',
        },
        {
          rated: w.rated,
          score: w.score,
          count: w.count,
          counts: w.counts,
          flag: w.flag,
          reason: values.reason,
          overrideReason: w.overrideReason,
        },
      ),
      ...extra,
    },
  });
}

/** The 建议分 of a leaf for the measure given (or its chosen one); null when it is not measured from the records. */
export async function proposalFor(
  ctx: AppContext,
  indicatorId: number,
  measure?: RecordMeasure,
  ceilingOn?: boolean,
): Promise<Proposal | null> {
  const { template, node, points } = await indicatorContext(ctx, indicatorId);
  if (node.children.length) return null;
  const choice = measure ?? (await loadMeasures(ctx, template.id)).get(indicatorId);
  if (!choice || choice === 'none') return null;
  const entry = (await loadEntries(ctx, template.id)).get(String(indicatorId));
  return toProposal(
    { ...node, points, ceilingOn: ceilingOn ?? entry?.ceiling ?? false },
    choice,
    await measureRecords(ctx, template.year, choice),
  );
}

export async function saveEntry(ctx: AppContext, raw: ScoreInput): Promise<void> {
  const input = validateInput(scoreInputSchema, raw);
  const { node, points, path } = await indicatorContext(ctx, input.indicatorId);
  const kind = node.rule.kind;
  if (
    node.children.length &&
    (input.score !== null ||
      input.count !== null ||
      input.counts !== null ||
      input.flag !== null ||
      input.level !== null)
  ) {
    throw new AppError(ErrorCode.VALIDATION, `“${path}”有下级指标，得分由下级汇总，请给下级指标评分。`);
  }
  if (input.score !== null && input.score > points + 1e-9) {
    throw new AppError(
      ErrorCode.VALIDATION,
      `自评分：“${path}”的自评分 ${input.score} 分超过该指标分值 ${points} 分，请改为 0 到 ${points} 之间的分数。`,
    );
  }
  if (input.score !== null && kind !== 'manual' && kind !== 'bonus' && kind !== 'grade') {
    throw new AppError(
      ErrorCode.VALIDATION,
      `自评分：“${path}”按“${ruleLabel(node.rule, node.capped)}”计分，请填写${kind === 'perItem' || kind === 'major' ? '扣分次数' : kind === 'deductions' ? '各扣分情形的次数' : '是否达到'}，不直接填自评分。`,
    );
  }
  let score = input.score;
  let count = input.count;
  let counts: number[] | null = null;
  if (node.rule.kind === 'deductions') {
    const findings = node.rule.items.map((x) => `“${x.finding}”`).join('、');
    if (input.count !== null)
      throw new AppError(
        ErrorCode.VALIDATION,
        `各情形次数：“${path}”分项扣分，请分别填写${findings}的次数（没有的填0），不填总次数。`,
      );
    if (input.counts !== null && input.counts.length !== node.rule.items.length)
      throw new AppError(
        ErrorCode.VALIDATION,
        `各情形次数：“${path}”有${node.rule.items.length}个扣分情形（${findings}），填了${input.counts.length}个次数，请逐项填写（没有的填0）。`,
      );
    counts = input.counts;
  } else if (input.counts !== null) {
    throw new AppError(
      ErrorCode.VALIDATION,
      `各情形次数：“${path}”按“${ruleLabel(node.rule, node.capped)}”计分，没有分项扣分情形，请不要填写各情形次数。`,
    );
  }
  if (kind === 'grade') {
    count = null;
    // The level chosen is stored as its points: each level's points are its own, so the score names the level.
    if (input.score !== null)
      throw new AppError(
        ErrorCode.VALIDATION,
        `自评分：“${path}”按等次评分，请选择等次（${node.rule.levels.map((l) => `${l.label}${l.points}分`).join('、')}），不直接填自评分。`,
      );
    const level = input.level === null ? null : node.rule.levels.find((l) => l.label === input.level);
    if (input.level !== null && !level)
      throw new AppError(
        ErrorCode.VALIDATION,
        `等次：“${path}”没有“${input.level}”这个等次，请从${node.rule.levels.map((l) => `“${l.label}”`).join('、')}中选择。`,
      );
    score = level ? level.points : null;
  } else if (input.level !== null) {
    throw new AppError(
      ErrorCode.VALIDATION,
      `等次：“${path}”按“${ruleLabel(node.rule, node.capped)}”计分，不按等次评分，请不要选择等次。`,
    );
  }
  if (input.ceiling && node.ceilingRatio === null) {
    throw new AppError(ErrorCode.VALIDATION, `“${path}”没有设置“不高于及格分”的封顶规则。`);
  }
  const flag = kind === 'fixed' || kind === 'veto' ? input.flag : null;
  const rated = node.children.length === 0 && ratesLeaf(node.rule, { score, count, counts, flag });
  let decision: Decision | null = rated ? 'entered' : null;
  let overrideReason = '';
  let proposalCount: number | null = null;
  const proposal = rated ? await proposalFor(ctx, input.indicatorId, undefined, input.ceiling) : null;
  if (proposal?.entry) {
    proposalCount = proposal.count;
    if (matchesProposal(node.rule, { rated, score, count, flag: !!flag }, proposal)) decision = 'accepted';
    else {
      if (!input.overrideReason)
        throw new AppError(
          ErrorCode.VALIDATION,
          `修改理由：“${path}”由记录计算的建议分为${proposal.score}分（${proposal.label}${proposal.count}${proposal.unit}），自评与之不同，请填写修改理由。`,
        );
      decision = 'override';
      overrideReason = input.overrideReason;
    }
  }
  const summary = !rated
    ? `自评：${path}（未评）`
    : decision === 'accepted'
      ? `自评：${path}（采用由记录计算的建议分 ${proposal!.score} 分）`
      : decision === 'override'
        ? `自评：${path}（修改建议分 ${proposal!.score} 分，理由：${overrideReason}）`
        : `自评：${path}${rated && kind === 'grade' ? `（${levelText(levelOf(node.rule, score)!)}）` : ''}`;
  await ctx.db.transaction().execute(async (trx) => {
    await writeEntry(
      trx,
      ctx,
      {
        indicatorId: input.indicatorId,
        rated,
        score,
        count,
        counts,
        flag: !!flag,
        ceiling: input.ceiling,
        reason: input.reason,
        measure: input.measure,
        decision,
        overrideReason,
        proposalCount,
      },
      summary,
    );
  });
}

/** Chooses what the records measure for an indicator (null: back to the suggestion; 'none': not from the records). */
export async function setMeasure(ctx: AppContext, indicatorId: number, measure: MeasureChoice | null): Promise<void> {
  const { node, path, template } = await indicatorContext(ctx, indicatorId);
  if (node.children.length)
    throw new AppError(ErrorCode.VALIDATION, `“${path}”有下级指标，得分由下级汇总，请为下级指标选择记录口径。`);
  const before = (await loadMeasures(ctx, template.id)).get(indicatorId) ?? null;
  if (before === measure) return;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('sc_indicator').set({ record_measure: measure }).where('id', '=', indicatorId).execute();
    await recordAudit(trx, ctx, {
      entity: 'sc_indicator',
      entityId: indicatorId,
      action: 'update',
      summary: `“${path}”的得分依据改为：${measure ? measureOptionLabel(measure) : '未选择'}`,
      changes: {
        recordMeasure: {
          from: before ? measureOptionLabel(before) : null,
          to: measure ? measureOptionLabel(measure) : null,
        },
      },
    });
  });
}

/**
 * 采用建议分: the measure becomes the indicator's, and the rating is the one its records give (count, flag or score),
 * with the records named as the 扣分原因 when none is written; one transaction, audited.
 */
export async function acceptProposal(
  ctx: AppContext,
  indicatorId: number,
  measure: RecordMeasure,
  texts: { reason?: string; measure?: string } = {},
): Promise<Proposal> {
  const { node, path, template } = await indicatorContext(ctx, indicatorId);
  if (node.children.length)
    throw new AppError(ErrorCode.VALIDATION, `“${path}”有下级指标，得分由下级汇总，请给下级指标评分。`);
  const entry = (await loadEntries(ctx, template.id)).get(String(indicatorId));
  const proposal = (await proposalFor(ctx, indicatorId, measure, entry?.ceiling ?? false))!;
  if (!proposal.entry)
    throw new AppError(
      ErrorCode.NOT_READY,
      `“${path}”：${proposal.summary.replace(/。$/, '')}，没有可采用的建议分。请直接评分。`,
    );
  const before = (await loadMeasures(ctx, template.id)).get(indicatorId) ?? null;
  await ctx.db.transaction().execute(async (trx) => {
    if (before !== measure)
      await trx.updateTable('sc_indicator').set({ record_measure: measure }).where('id', '=', indicatorId).execute();
    await writeEntry(
      trx,
      ctx,
      {
        indicatorId,
        rated: true,
        score: proposal.entry!.score,
        count: proposal.entry!.count,
        counts: null,
        flag: proposal.entry!.flag,
        ceiling: entry?.ceiling ?? false,
        reason: (texts.reason ?? entry?.reason ?? '').trim() || reasonFromRecords(proposal),
        measure: texts.measure ?? entry?.measure ?? '',
        decision: 'accepted',
        overrideReason: '',
        proposalCount: proposal.count,
      },
      `自评：${path}（采用由记录计算的建议分 ${proposal.score} 分：${proposal.label}${proposal.count}${proposal.unit}）`,
      before !== measure
        ? { recordMeasure: { from: before ? measureOptionLabel(before) : null, to: measureOptionLabel(measure) } }
        : {},
    );
  });
  return proposal;
}

/** 暂定: show (and write) the grade before every indicator is rated, labelled 暂定. */
export async function setProvisional(ctx: AppContext, year: number, provisional: boolean): Promise<void> {
  const t = await getTemplateInfo(ctx, year);
  if (!t) throw new AppError(ErrorCode.NOT_FOUND, `${year}年还没有考核细则，请先导入细则或使用内置模板。`);
  if (t.provisional === provisional) return;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('sc_template')
      .set({ provisional: provisional ? 1 : 0 })
      .where('id', '=', t.id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'sc_template',
      entityId: t.id,
      action: 'update',
      summary: provisional
        ? `${year}年自查标为暂定：未评完也显示等次（标注“暂定”）`
        : `${year}年自查取消暂定：评完全部指标后才显示等次`,
      changes: { provisional: { from: t.provisional, to: provisional } },
    });
  });
}

export async function addEvidence(ctx: AppContext, raw: EvidenceInput): Promise<Evidence[]> {
  const input = validateInput(evidenceInputSchema, raw);
  const { path } = await indicatorContext(ctx, input.indicatorId);
  let title = input.title;
  if (input.refId !== null && REF_TABLES[input.kind]) {
    const t = await refTitle(ctx, input.kind, input.refId);
    if (t === null) throw new AppError(ErrorCode.NOT_FOUND, '所选的记录已不存在，请刷新后重选。');
    title = title || t;
  }
  const data = input.upload ? decodeUpload(input.upload) : null;
  await ctx.db.transaction().execute(async (trx) => {
    const attachmentId =
      input.kind === 'attachment' && input.upload && data ? await storeUpload(trx, ctx, input.upload) : null;
    await trx
      .insertInto('sc_evidence')
      .values({
        indicator_id: input.indicatorId,
        kind: input.kind,
        ref_id: input.kind === 'attachment' || input.kind === 'link' ? null : input.refId,
        attachment_id: attachmentId,
        url: input.kind === 'link' ? input.url : null,
        title: title || input.upload?.fileName || input.url || '',
        created_at: nowText(ctx),
      })
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'sc_evidence',
      entityId: input.indicatorId,
      action: 'create',
      summary: `“${path}”添加佐证材料：${title || input.upload?.fileName || input.url}`,
    });
  });
  return (await listEvidence(ctx, [input.indicatorId])).get(input.indicatorId) ?? [];
}

export async function removeEvidence(ctx: AppContext, id: number): Promise<void> {
  const r = await ctx.db.selectFrom('sc_evidence').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError(ErrorCode.NOT_FOUND, '该佐证材料已不存在，请刷新。');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sc_evidence').where('id', '=', id).execute();
    if (r.attachment_id) await trx.deleteFrom('attachment').where('id', '=', r.attachment_id).execute();
    await recordAudit(trx, ctx, {
      entity: 'sc_evidence',
      entityId: r.indicator_id,
      action: 'delete',
      summary: `删除佐证材料：${r.title}`,
    });
  });
}

/** Words of an indicator worth matching against task titles (2+ characters, split at 、和与及等 and punctuation). */
function keywords(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、，。；：:,;\s和与及等（）()“”"]+/)
        .map((w) => w.trim())
        .filter((w) => w.length >= 2 && w.length <= 8),
    ),
  ];
}

/** Records of the year that obviously support an indicator (a 培训 leaf → the year's trainings, etc.). */
export async function suggestEvidence(ctx: AppContext, indicatorId: number): Promise<EvidenceSuggestion[]> {
  const { template, node } = await indicatorContext(ctx, indicatorId);
  const year = template.year;
  const linked = new Set(
    (
      await ctx.db
        .selectFrom('sc_evidence')
        .select(['kind', 'ref_id'])
        .where('indicator_id', '=', indicatorId)
        .execute()
    ).map((e) => `${e.kind}:${e.ref_id}`),
  );
  const text = `${node.name} ${node.criteria}`;
  const out: EvidenceSuggestion[] = [];
  const push = (s: EvidenceSuggestion) => {
    if (!linked.has(`${s.kind}:${s.refId}`) && out.length < 20) out.push(s);
  };
  if (/培训|学习/.test(text)) {
    const ts = await ctx.db
      .selectFrom('training')
      .select(['id', 'date', 'title'])
      .where('date', '>=', `${year}-01-01`)
      .where('date', '<=', `${year}-12-31`)
      .where('status', '=', '已举办')
      .orderBy('date')
      .execute();
    for (const t of ts)
      push({ kind: 'training', refId: t.id, title: (await trainingTitle(ctx, t.id))!, why: '指标涉及培训' });
  }
  if (/AB岗|人员|经办|承办|机构/.test(text)) {
    const cs = await ctx.db
      .selectFrom('ab_change as c')
      .innerJoin('ab_post as p', 'p.id', 'c.post_id')
      .select(['c.id', 'c.change_date', 'c.filed_date', 'p.name'])
      .where('c.change_date', '>=', `${year}-01-01`)
      .where('c.change_date', '<=', `${year}-12-31`)
      .execute();
    for (const c of cs)
      push({
        kind: 'ab_change',
        refId: c.id,
        title: `AB岗变动备案：${c.name}（${c.change_date}）`,
        why: '指标涉及人员和AB岗',
      });
  }
  const words = keywords(node.name);
  if (words.length) {
    const tasks = await ctx.db
      .selectFrom('plan_task as t')
      .innerJoin('plan as p', 'p.id', 't.plan_id')
      .select(['t.id', 't.title', 't.status'])
      .where('p.year', '=', year)
      .execute();
    for (const t of tasks) {
      const hit = words.find((w) => t.title.includes(w));
      if (hit) push({ kind: 'task', refId: t.id, title: `任务：${t.title}（${t.status}）`, why: `任务名称含“${hit}”` });
    }
  }
  // 信息发布登记 (publication) is linked by hand once that area exists; it has no suggestion yet.
  return out;
}
