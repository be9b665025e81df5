// Editing a saved 考核细则 on the screen: one indicator's name, 分值/权重, 评分标准 and rule; adding and removing a
// node; the grade bands. Each is one transaction with its audit line. The self-check's figures are never stored:
// the next read scores the edited tree, so totals follow every edit. What the edit leaves to look at (a child's sum
// above its parent, weights not adding up) comes back as warnings; it does not stop the edit, as in the import preview.
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import {
  RULE_LABELS,
  gradesInputSchema,
  levelOf,
  indicatorAddSchema,
  indicatorPatchSchema,
  indicatorRemoveSchema,
  type GradeBand,
  type Indicator,
} from '../../../shared/domain/selfcheck';
import { templateProblems } from '../../../shared/domain/selfcheck-score';
import { flattenTree, toScoringNodes } from '../../../shared/domain/selfcheck-tree';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { diffRecords, nowText, recordAudit } from '../audit';
import type { Database } from '../../db/schema';
import { validateInput } from '../validate';
import type { AppContext } from '../workstation';
import { indicatorContext, readOccurrences } from './scores';
import { getTemplate, getTemplateInfo } from './templates';

const MAX_DEPTH = 6;

export interface EditResult {
  ok: true;
  warnings: string[];
}

/** Problems of the year's tree after an edit (nothing here undoes the edit). */
async function warningsOf(ctx: AppContext, year: number): Promise<string[]> {
  const t = await getTemplate(ctx, year);
  return t ? templateProblems(toScoringNodes(t.indicators), t.total).map((p) => p.message) : [];
}

function subtreeIds(node: Indicator): number[] {
  return [node.id, ...node.children.flatMap(subtreeIds)];
}

async function touchTemplate(trx: Transaction<Database>, ctx: AppContext, templateId: number): Promise<void> {
  await trx
    .updateTable('sc_template')
    .set({ updated_at: nowText(ctx) })
    .where('id', '=', templateId)
    .execute();
}

export async function updateIndicator(ctx: AppContext, raw: z.input<typeof indicatorPatchSchema>): Promise<EditResult> {
  const p = validateInput(indicatorPatchSchema, raw);
  const { template, node, path } = await indicatorContext(ctx, p.id);
  if (
    node.children.length &&
    (p.rule.kind === 'fixed' ||
      p.rule.kind === 'perItem' ||
      p.rule.kind === 'veto' ||
      p.rule.kind === 'grade' ||
      p.rule.kind === 'deductions')
  ) {
    throw new AppError(
      ErrorCode.VALIDATION,
      `“${path}”有下级指标，得分由下级汇总，不能按“${RULE_LABELS[p.rule.kind]}”计分。请把计分方式设在下级指标上。`,
    );
  }
  if (
    p.points === null &&
    p.weight === null &&
    !node.children.length &&
    p.rule.kind !== 'major' &&
    p.rule.kind !== 'veto'
  ) {
    throw new AppError(ErrorCode.VALIDATION, `分值：“${path}”是末级指标，请填写分值或权重。`);
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('sc_indicator')
      .set({
        name: p.name,
        points: p.points,
        weight: p.weight,
        criteria: p.criteria,
        rule_json: JSON.stringify(p.rule),
        capped: p.capped ? 1 : 0,
        ceiling_ratio: p.ceilingRatio,
      })
      .where('id', '=', p.id)
      .execute();
    // Another kind of rule asks another question (a score, a count, 达到 or not): the old answer no longer rates
    // the leaf, so it becomes 未评 (its reason, measure and evidence stay).
    const kindChanged = node.rule.kind !== p.rule.kind;
    const cleared = kindChanged
      ? Number(
          (
            await trx
              .updateTable('sc_entry')
              .set({ rated: 0, decision: null, override_reason: '', proposal_count: null })
              .where('indicator_id', '=', p.id)
              .where('rated', '=', 1)
              .executeTakeFirst()
          ).numUpdatedRows,
        )
      : 0;
    // Levels edited: a chosen level that is still there (by its label) keeps being chosen at its new points; one that
    // is gone leaves the leaf 未评, as a changed kind does.
    const relevel = !kindChanged && node.rule.kind === 'grade' && p.rule.kind === 'grade' ? p.rule : null;
    let regraded = 0;
    let ungraded = 0;
    if (relevel) {
      const entry = await trx
        .selectFrom('sc_entry')
        .select(['score'])
        .where('indicator_id', '=', p.id)
        .where('rated', '=', 1)
        .executeTakeFirst();
      const was = entry ? levelOf(node.rule, entry.score) : null;
      const now = was ? relevel.levels.find((l) => l.label === was.label) : undefined;
      if (entry && now && now.points !== entry.score) {
        await trx.updateTable('sc_entry').set({ score: now.points }).where('indicator_id', '=', p.id).execute();
        regraded = 1;
      } else if (entry && !now) {
        await trx
          .updateTable('sc_entry')
          .set({ rated: 0, decision: null, override_reason: '', proposal_count: null })
          .where('indicator_id', '=', p.id)
          .execute();
        ungraded = 1;
      }
    }
    // Findings edited: the counts follow their findings by name (amounts, caps and order may change); a finding that
    // was not counted before leaves the leaf 未评, as a changed kind does.
    let recounted = 0;
    if (!kindChanged && node.rule.kind === 'deductions' && p.rule.kind === 'deductions') {
      const entry = await trx
        .selectFrom('sc_entry')
        .select(['occurrences', 'finding_counts', 'rated'])
        .where('indicator_id', '=', p.id)
        .executeTakeFirst();
      const was = entry ? readOccurrences(entry).counts : null;
      if (entry && was && was.length === node.rule.items.length) {
        const byName = new Map(node.rule.items.map((x, i) => [x.finding, was[i]]));
        const now = p.rule.items.map((x) => byName.get(x.finding));
        const same = now.length === was.length && now.every((c, i) => c === was[i]);
        if (now.every((c) => c !== undefined)) {
          if (!same)
            await trx
              .updateTable('sc_entry')
              .set({ finding_counts: JSON.stringify(now) })
              .where('indicator_id', '=', p.id)
              .execute();
        } else {
          await trx
            .updateTable('sc_entry')
            .set({
              occurrences: null,
              finding_counts: null,
              rated: 0,
              decision: null,
              override_reason: '',
              proposal_count: null,
            })
            .where('indicator_id', '=', p.id)
            .execute();
          recounted = entry.rated;
        }
      }
    }
    await touchTemplate(trx, ctx, template.id);
    await recordAudit(trx, ctx, {
      entity: 'sc_indicator',
      entityId: p.id,
      action: 'update',
      summary: `修改${template.year}年考核细则指标：${path}${cleared ? '（计分方式已改，原自评改为未评）' : ''}${regraded ? '（原自评的等次按新的分值计分）' : ''}${ungraded ? '（原自评的等次已删除，改为未评）' : ''}${recounted ? '（增加了扣分情形，原自评改为未评）' : ''}`,
      changes: diffRecords(
        {
          name: node.name,
          points: node.points,
          weight: node.weight,
          criteria: node.criteria,
          rule: node.rule,
          capped: node.capped,
          ceilingRatio: node.ceilingRatio,
        },
        {
          name: p.name,
          points: p.points,
          weight: p.weight,
          criteria: p.criteria,
          rule: p.rule,
          capped: p.capped,
          ceilingRatio: p.ceilingRatio,
        },
      ),
    });
  });
  return { ok: true, warnings: await warningsOf(ctx, template.year) };
}

export async function addIndicator(
  ctx: AppContext,
  raw: z.input<typeof indicatorAddSchema>,
): Promise<EditResult & { id: number }> {
  const p = validateInput(indicatorAddSchema, raw);
  const info = await getTemplateInfo(ctx, p.year);
  if (!info) throw new AppError(ErrorCode.NOT_FOUND, `${p.year}年还没有考核细则，请先导入细则或使用内置模板。`);
  let level = 1;
  let parentPath = '';
  if (p.parentId !== null) {
    const parent = await indicatorContext(ctx, p.parentId);
    if (parent.template.id !== info.id)
      throw new AppError(ErrorCode.VALIDATION, '上级指标不属于该年度的考核细则，请刷新后重试。');
    level = parent.node.level + 1;
    parentPath = parent.path;
    if (level > MAX_DEPTH) throw new AppError(ErrorCode.VALIDATION, `指标层级不能超过 ${MAX_DEPTH} 级。`);
    if (!parent.node.children.length) {
      // A leaf that becomes a group loses what was scored on it: say so instead of hiding it.
      const entry = await ctx.db
        .selectFrom('sc_entry')
        .select('indicator_id')
        .where('indicator_id', '=', p.parentId)
        .executeTakeFirst();
      const ev = await ctx.db
        .selectFrom('sc_evidence')
        .select('id')
        .where('indicator_id', '=', p.parentId)
        .executeTakeFirst();
      if (entry || ev)
        throw new AppError(
          ErrorCode.CONFLICT,
          `“${parent.path}”已有自评分或佐证材料，不能在其下添加下级指标。请先在评分中清空它，或在同级添加指标。`,
        );
    }
  }
  if (p.points === null && p.weight === null && p.rule.kind !== 'major' && p.rule.kind !== 'veto') {
    throw new AppError(ErrorCode.VALIDATION, '分值：请填写新指标的分值或权重。');
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    let q = trx
      .selectFrom('sc_indicator')
      .select((eb) => eb.fn.max('sort_order').as('m'))
      .where('template_id', '=', info.id);
    q = p.parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', p.parentId);
    const max = await q.executeTakeFirst();
    const r = await trx
      .insertInto('sc_indicator')
      .values({
        template_id: info.id,
        parent_id: p.parentId,
        sort_order: Number(max?.m ?? 0) + 1,
        level,
        name: p.name,
        points: p.points,
        weight: p.weight,
        basis: null,
        criteria: p.criteria,
        rule_json: JSON.stringify(p.rule),
        capped: p.capped ? 1 : 0,
        ceiling_ratio: p.ceilingRatio,
        source: '手工添加',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await touchTemplate(trx, ctx, info.id);
    await recordAudit(trx, ctx, {
      entity: 'sc_indicator',
      entityId: r.id,
      action: 'create',
      summary: `${p.year}年考核细则添加指标：${parentPath ? `${parentPath} / ` : ''}${p.name}（${p.points !== null ? `${p.points}分` : p.weight !== null ? `权重${p.weight}%` : '不计分值'}）`,
    });
    return r.id;
  });
  return { ok: true, id, warnings: await warningsOf(ctx, p.year) };
}

/** What removing a node takes with it: scored leaves, evidence and 整改 items that point at it. */
export async function indicatorUsage(
  ctx: AppContext,
  id: number,
): Promise<{ path: string; nodes: number; scored: number; evidence: number; rectifications: number }> {
  const { node, path } = await indicatorContext(ctx, id);
  const ids = subtreeIds(node);
  const count = async (table: 'sc_entry' | 'sc_evidence' | 'rectification') =>
    Number(
      (
        await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('indicator_id', 'in', ids)
          .executeTakeFirst()
      )?.n ?? 0,
    );
  // Rated leaves only: an entry holding just a planned measure or a note is 未评.
  const rated = Number(
    (
      await ctx.db
        .selectFrom('sc_entry')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('indicator_id', 'in', ids)
        .where('rated', '=', 1)
        .executeTakeFirst()
    )?.n ?? 0,
  );
  return {
    path,
    nodes: ids.length,
    scored: rated,
    evidence: await count('sc_evidence'),
    rectifications: await count('rectification'),
  };
}

export async function removeIndicator(
  ctx: AppContext,
  raw: z.input<typeof indicatorRemoveSchema>,
): Promise<EditResult> {
  const p = validateInput(indicatorRemoveSchema, raw);
  const { template, node } = await indicatorContext(ctx, p.id);
  const u = await indicatorUsage(ctx, p.id);
  if (node.level === 1 && template.indicators.length === 1)
    throw new AppError(ErrorCode.VALIDATION, '细则中至少要保留一项一级指标。如要整体更换，请用“更换细则”。');
  if ((u.scored || u.evidence) && !p.confirmed) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `“${u.path}”${u.nodes > 1 ? `及其下 ${u.nodes - 1} 项指标` : ''}已有自评 ${u.scored} 项、佐证材料 ${u.evidence} 项，删除后将一并删除。请确认后再删除。`,
    );
  }
  const ids = subtreeIds(node);
  await ctx.db.transaction().execute(async (trx) => {
    const files = await trx
      .selectFrom('sc_evidence')
      .select('attachment_id')
      .where('indicator_id', 'in', ids)
      .where('attachment_id', 'is not', null)
      .execute();
    // Children go by ON DELETE CASCADE, with their entries and evidence; 整改 items stay (their indicator becomes empty).
    await trx.deleteFrom('sc_indicator').where('id', '=', p.id).execute();
    const att = files.map((f) => f.attachment_id!).filter(Boolean);
    if (att.length) await trx.deleteFrom('attachment').where('id', 'in', att).execute();
    await touchTemplate(trx, ctx, template.id);
    await recordAudit(trx, ctx, {
      entity: 'sc_indicator',
      entityId: p.id,
      action: 'delete',
      summary: `${template.year}年考核细则删除指标：${u.path}${u.nodes > 1 ? `（含下级 ${u.nodes - 1} 项）` : ''}${u.scored || u.evidence ? `，连同自评 ${u.scored} 项、佐证材料 ${u.evidence} 项` : ''}`,
      changes: {
        indicator: {
          from: {
            name: node.name,
            points: node.points,
            weight: node.weight,
            rule: node.rule,
            nodes: flattenTree([node]).length,
          },
          to: null,
        },
      },
    });
  });
  return { ok: true, warnings: await warningsOf(ctx, template.year) };
}

/**
 * The grade bands, highest first: each lower limit below the one before, the last one 0 (every score gets a grade),
 * none above the full score, names unique.
 */
function checkGrades(grades: readonly GradeBand[], total: number): void {
  const names = new Set<string>();
  grades.forEach((g, i) => {
    if (names.has(g.name)) throw new AppError(ErrorCode.VALIDATION, `等次名称“${g.name}”重复，请改成不同的名称。`);
    names.add(g.name);
    if (g.min > total)
      throw new AppError(ErrorCode.VALIDATION, `等次“${g.name}”的下限 ${g.min} 分高于满分 ${total} 分，请改小。`);
    if (i > 0 && g.min >= grades[i - 1].min) {
      throw new AppError(
        ErrorCode.VALIDATION,
        `等次下限顺序不对：“${g.name}”的下限 ${g.min} 分应低于“${grades[i - 1].name}”的 ${grades[i - 1].min} 分。请从高到低填写。`,
      );
    }
  });
  const last = grades[grades.length - 1];
  if (last.min !== 0)
    throw new AppError(
      ErrorCode.VALIDATION,
      `最低等次“${last.name}”的下限应为 0 分，否则低于 ${last.min} 分的得分没有等次。`,
    );
}

export async function saveGrades(ctx: AppContext, raw: z.input<typeof gradesInputSchema>): Promise<EditResult> {
  const p = validateInput(gradesInputSchema, raw);
  const info = await getTemplateInfo(ctx, p.year);
  if (!info) throw new AppError(ErrorCode.NOT_FOUND, `${p.year}年还没有考核细则，请先导入细则或使用内置模板。`);
  checkGrades(p.grades, info.total);
  const label = (g: readonly GradeBand[]) => g.map((x) => `${x.name}≥${x.min}`).join('、');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('sc_template')
      .set({ grades_json: JSON.stringify(p.grades), updated_at: nowText(ctx) })
      .where('id', '=', info.id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'sc_template',
      entityId: info.id,
      action: 'update',
      summary: `修改${p.year}年考核细则等次：${label(p.grades)}`,
      changes: { grades: { from: label(info.grades), to: label(p.grades) } },
    });
  });
  return { ok: true, warnings: [] };
}
