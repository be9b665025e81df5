// The year's self-check: entries per indicator, the engine's figures, 佐证材料 links and suggestions.
import { sql } from 'kysely';
import {
  EMPTY_ENTRY,
  evidenceInputSchema,
  ruleLabel,
  scoreInputSchema,
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
import { flattenTree, toScoringNodes } from '../../../shared/domain/selfcheck-tree';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { storeUpload } from '../attachments';
import { diffRecords, nowText, recordAudit } from '../audit';
import { decodeUpload } from '../uploads';
import { validateInput } from '../validate';
import type { AppContext } from '../workstation';
import { getTemplate, getTemplateInfo } from './templates';

export async function loadEntries(ctx: AppContext, templateId: number): Promise<Map<string, ScoreEntry>> {
  const rows = await ctx.db
    .selectFrom('sc_entry as e')
    .innerJoin('sc_indicator as i', 'i.id', 'e.indicator_id')
    .select(['e.indicator_id', 'e.score', 'e.occurrences', 'e.flag', 'e.ceiling', 'e.reason', 'e.measure'])
    .where('i.template_id', '=', templateId)
    .execute();
  return new Map(
    rows.map((r) => [
      String(r.indicator_id),
      {
        score: r.score,
        count: r.occurrences,
        flag: r.flag === 1,
        ceiling: r.ceiling === 1,
        reason: r.reason,
        measure: r.measure,
      },
    ]),
  );
}

/** The scored template of a year (null when the year has no template). */
export async function scoreYear(
  ctx: AppContext,
  year: number,
): Promise<{ template: Template; entries: Map<string, ScoreEntry>; result: ScoreResult } | null> {
  const template = await getTemplate(ctx, year);
  if (!template) return null;
  const entries = await loadEntries(ctx, template.id);
  const result = scoreTemplate(toScoringNodes(template.indicators), entries, {
    total: template.total,
    grades: template.grades,
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
    case 'training': {
      const r = await ctx.db.selectFrom('training').select(['date', 'title']).where('id', '=', id).executeTakeFirst();
      return r ? `培训：${r.date} ${r.title}（含签到表）` : null;
    }
    case 'ab_change': {
      const r = await ctx.db
        .selectFrom('ab_change as c')
        .innerJoin('ab_post as p', 'p.id', 'c.post_id')
        .select(['c.change_date', 'c.filed_date', 'p.name'])
        .where('c.id', '=', id)
        .executeTakeFirst();
      return r
        ? `AB岗变动备案：${r.name}（${r.change_date}${r.filed_date ? `，${r.filed_date}已备案` : '，未备案'}）`
        : null;
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

export async function getSelfcheck(ctx: AppContext, year: number): Promise<SelfcheckView> {
  const scored = await scoreYear(ctx, year);
  const prev = await scoreYear(ctx, year - 1);
  const previous = prev ? { year: year - 1, total: prev.result.total, grade: prev.result.grade } : null;
  if (!scored) {
    return {
      year,
      template: null,
      total: 0,
      maxTotal: 0,
      base: 0,
      bonus: 0,
      major: 0,
      grade: '',
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
  const prevTop = new Map((prev?.result.indicators ?? []).map((n) => [n.name, n.score]));
  const rows: SelfcheckRow[] = flat.map(({ node, level }) => {
    const s = scoredNodes.get(String(node.id))!;
    const e = entries.get(String(node.id)) ?? EMPTY_ENTRY;
    return {
      id: node.id,
      parentId: node.parentId,
      level,
      number: node.number,
      path: s.path,
      name: node.name,
      isLeaf: node.children.length === 0,
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
      entry: { ...e },
      evidence: evidence.get(node.id) ?? [],
      rectificationIds: rects.filter((r) => r.indicator_id === node.id).map((r) => r.id),
      previousScore: level === 1 && prevTop.has(node.name) ? prevTop.get(node.name)! : null,
    };
  });
  const problems = templateProblems(toScoringNodes(template.indicators), template.total).map((p) => p.message);
  const { indicators: _i, ...info } = template;
  return {
    year,
    template: info,
    total: result.total,
    maxTotal: result.maxTotal,
    base: result.base,
    bonus: result.bonus,
    major: result.major,
    grade: result.grade,
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

export async function saveEntry(ctx: AppContext, raw: ScoreInput): Promise<void> {
  const input = validateInput(scoreInputSchema, raw);
  const { node, points, path } = await indicatorContext(ctx, input.indicatorId);
  const kind = node.rule.kind;
  if (node.children.length && (input.score !== null || input.count !== null || input.flag)) {
    throw new AppError(ErrorCode.VALIDATION, `“${path}”有下级指标，得分由下级汇总，请给下级指标评分。`);
  }
  if (input.score !== null && input.score > points + 1e-9) {
    throw new AppError(
      ErrorCode.VALIDATION,
      `自评分：“${path}”的自评分 ${input.score} 分超过该指标分值 ${points} 分，请改为 0 到 ${points} 之间的分数。`,
    );
  }
  if (input.score !== null && kind !== 'manual' && kind !== 'bonus') {
    throw new AppError(
      ErrorCode.VALIDATION,
      `自评分：“${path}”按“${ruleLabel(node.rule, node.capped)}”计分，请填写${kind === 'perItem' || kind === 'major' ? '扣分次数' : '是否达到'}，不直接填自评分。`,
    );
  }
  if (input.ceiling && node.ceilingRatio === null) {
    throw new AppError(ErrorCode.VALIDATION, `“${path}”没有设置“不高于及格分”的封顶规则。`);
  }
  const now = nowText(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('sc_entry')
      .selectAll()
      .where('indicator_id', '=', input.indicatorId)
      .executeTakeFirst();
    const values = {
      score: input.score,
      occurrences: input.count,
      flag: input.flag ? 1 : 0,
      ceiling: input.ceiling ? 1 : 0,
      reason: input.reason.trim(),
      measure: input.measure.trim(),
      updated_at: now,
    };
    if (before) await trx.updateTable('sc_entry').set(values).where('indicator_id', '=', input.indicatorId).execute();
    else
      await trx
        .insertInto('sc_entry')
        .values({ indicator_id: input.indicatorId, ...values })
        .execute();
    await recordAudit(trx, ctx, {
      entity: 'sc_entry',
      entityId: input.indicatorId,
      action: before ? 'update' : 'create',
      summary: `自评：${path}`,
      changes: diffRecords(
        { score: before?.score ?? null, count: before?.occurrences ?? null, reason: before?.reason ?? '' },
        { score: input.score, count: input.count, reason: values.reason },
      ),
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
      push({ kind: 'training', refId: t.id, title: `培训：${t.date} ${t.title}（含签到表）`, why: '指标涉及培训' });
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

export { getTemplateInfo };
