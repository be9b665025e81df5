// 考核细则 templates: preview an imported file, save (one per year), read back as a tree, copy last year's forward,
// start from the built-in template, and edit one indicator.
import type { Transaction } from 'kysely';
import {
  GRADE_DEFAULTS,
  defaultGrades,
  indicatorInputSchema,
  ruleSchema,
  templateInputSchema,
  type GradeBand,
  type Indicator,
  type IndicatorOutput,
  type IndicatorPreview,
  type Template,
  type TemplateInfo,
  type TemplateInput,
} from '../../../shared/domain/selfcheck';
import { resolvePoints, round2, templateProblems, type ProblemPlaces } from '../../../shared/domain/selfcheck-score';
import { STARTER_INDICATORS, STARTER_TITLE, STARTER_TOTAL } from '../../../shared/domain/selfcheck-starter';
import { flattenTree, toScoringNodes } from '../../../shared/domain/selfcheck-tree';
import type { Upload } from '../../../shared/domain/files';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import type { Database } from '../../db/schema';
import { runParser } from '../../import/worker/run';
import { storeAttachment } from '../attachments';
import { nowText, recordAudit } from '../audit';
import { decodeUpload } from '../uploads';
import { rememberedRoles, rememberRoles } from '../table-columns';
import { validateInput } from '../validate';
import type { ColumnRolesInput } from '../../../shared/domain/table-columns';
import type { AppContext } from '../workstation';
import { z } from 'zod';

const MAX_DEPTH = 6;

/**
 * Points summed per level and the problems to look at, for a tree not yet saved (`places`: the rows of the file it was
 * read from, named in the problems).
 */
export function describeTree(
  indicators: IndicatorOutput[],
  total: number,
  places?: ProblemPlaces,
): Pick<IndicatorPreview, 'problems' | 'levelSums'> {
  const nodes = toScoringNodes(indicators);
  const problems = templateProblems(nodes, total, places).map((p) => ({ number: p.key, message: p.message }));
  // Points as the engine resolves them (weights, groups summed from their items), ordinary nodes only.
  const points = resolvePoints(nodes, total);
  const levelSums: number[] = [];
  for (const { node, level } of flattenTree(nodes)) {
    if (node.rule.kind === 'bonus' || node.rule.kind === 'major') continue;
    levelSums[level - 1] = round2((levelSums[level - 1] ?? 0) + (points.get(node.key) ?? 0));
  }
  return { problems, levelSums: Array.from(levelSums, (v) => v ?? 0) };
}

/**
 * Reads a 细则 file for the preview, with the column roles remembered for its tables' headers and the ones the user
 * chose (then remembered); a table whose columns are not found gives its columns to choose instead of an error.
 */
export async function previewIndicators(
  ctx: AppContext,
  upload: Upload,
  roles: ColumnRolesInput = [],
): Promise<IndicatorPreview> {
  const data = decodeUpload(upload);
  // Read in the parser worker (time and memory limits), never on the thread serving calls.
  const parsed = await runParser('selfcheck-indicators', upload.fileName, data, {
    roles,
    remembered: await rememberedRoles(ctx),
    chooseRoles: true,
  });
  await rememberRoles(ctx, parsed.tables, roles);
  return { ...parsed, ...describeTree(parsed.indicators, parsed.total, parsed.places) };
}

function rowToIndicator(
  r: Omit<Database['sc_indicator'], 'id'> & { id: number },
): Omit<Indicator, 'number' | 'children'> {
  return {
    id: r.id,
    parentId: r.parent_id,
    level: r.level,
    name: r.name,
    points: r.points,
    weight: r.weight,
    basis: r.basis,
    criteria: r.criteria,
    rule: ruleSchema.parse(JSON.parse(r.rule_json)),
    capped: r.capped === 1,
    ceilingRatio: r.ceiling_ratio,
    source: r.source,
  };
}

function parseGrades(json: string): GradeBand[] {
  try {
    const g = z.array(z.object({ name: z.string(), min: z.number() })).parse(JSON.parse(json));
    return g.length ? g : [...GRADE_DEFAULTS];
  } catch {
    return [...GRADE_DEFAULTS];
  }
}

export async function getTemplateInfo(ctx: AppContext, year: number): Promise<TemplateInfo | null> {
  const t = await ctx.db.selectFrom('sc_template').selectAll().where('year', '=', year).executeTakeFirst();
  if (!t) return null;
  return {
    id: t.id,
    year: t.year,
    title: t.title,
    total: t.total,
    grades: parseGrades(t.grades_json),
    source: t.source,
    attachmentId: t.attachment_id,
    updatedAt: t.updated_at,
    provisional: t.provisional === 1,
  };
}

export async function getTemplate(ctx: AppContext, year: number): Promise<Template | null> {
  const info = await getTemplateInfo(ctx, year);
  if (!info) return null;
  const rows = await ctx.db
    .selectFrom('sc_indicator')
    .selectAll()
    .where('template_id', '=', info.id)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  const byParent = new Map<number | null, typeof rows>();
  for (const r of rows) byParent.set(r.parent_id, [...(byParent.get(r.parent_id) ?? []), r]);
  const build = (parent: number | null, prefix: string): Indicator[] =>
    (byParent.get(parent) ?? []).map((r, i) => {
      const number = `${prefix}${i + 1}`;
      return { ...rowToIndicator(r), number, children: build(r.id, `${number}.`) };
    });
  return { ...info, indicators: build(null, '') };
}

async function insertTree(
  trx: Transaction<Database>,
  templateId: number,
  nodes: IndicatorOutput[],
  parentId: number | null,
  level: number,
): Promise<number> {
  if (level > MAX_DEPTH) throw new AppError(ErrorCode.VALIDATION, `指标层级超过 ${MAX_DEPTH} 级，请检查细则结构。`);
  let count = 0;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    const r = await trx
      .insertInto('sc_indicator')
      .values({
        template_id: templateId,
        parent_id: parentId,
        sort_order: i + 1,
        level,
        name: n.name,
        points: n.points,
        weight: n.weight,
        basis: n.basis,
        criteria: n.criteria,
        rule_json: JSON.stringify(n.rule),
        capped: n.capped ? 1 : 0,
        ceiling_ratio: n.ceilingRatio,
        source: n.source,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    count += 1 + (await insertTree(trx, templateId, n.children, r.id, level + 1));
  }
  return count;
}

export async function saveTemplate(ctx: AppContext, raw: TemplateInput): Promise<TemplateInfo> {
  const input = validateInput(templateInputSchema, raw);
  const existing = await getTemplateInfo(ctx, input.year);
  if (existing && !input.replace) {
    const scored = await ctx.db
      .selectFrom('sc_entry as e')
      .innerJoin('sc_indicator as i', 'i.id', 'e.indicator_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('i.template_id', '=', existing.id)
      .where('e.rated', '=', 1)
      .executeTakeFirst();
    throw new AppError(
      ErrorCode.CONFLICT,
      `${input.year}年已有考核细则“${existing.title}”${Number(scored?.n ?? 0) ? `（已自评 ${scored!.n} 项）` : ''}。替换后原细则及其自评分、佐证材料将删除（整改台账保留），确认替换请勾选“替换本年度细则”。`,
    );
  }
  const data = input.upload ? decodeUpload(input.upload) : null;
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (existing) {
      await trx.deleteFrom('sc_template').where('id', '=', existing.id).execute();
      if (existing.attachmentId) await trx.deleteFrom('attachment').where('id', '=', existing.attachmentId).execute();
    }
    const attachmentId = data && input.upload ? await storeAttachment(trx, ctx, input.upload.fileName, data) : null;
    const now = nowText(ctx);
    const t = await trx
      .insertInto('sc_template')
      .values({
        year: input.year,
        title: input.title,
        total: input.total,
        grades_json: JSON.stringify(input.grades ?? defaultGrades(input.total)),
        source: input.source,
        attachment_id: attachmentId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const count = await insertTree(trx, t.id, input.indicators, null, 1);
    await recordAudit(trx, ctx, {
      entity: 'sc_template',
      entityId: t.id,
      action: existing ? 'update' : 'create',
      summary: `${existing ? '替换' : '保存'}${input.year}年考核细则：${input.title}（${count}项指标，满分${input.total}分）`,
    });
    return t.id;
  });
  void id;
  return (await getTemplateInfo(ctx, input.year))!;
}

function toInput(nodes: Indicator[]): IndicatorOutput[] {
  return nodes.map(({ id: _i, parentId: _p, level: _l, number: _n, children, ...rest }) => ({
    ...rest,
    children: toInput(children),
  }));
}

export async function copyTemplateForward(
  ctx: AppContext,
  fromYear: number,
  toYear: number,
  replace = false,
): Promise<TemplateInfo> {
  const from = await getTemplate(ctx, fromYear);
  if (!from) throw new AppError(ErrorCode.NOT_FOUND, `${fromYear}年没有考核细则可复制。请导入细则或使用内置模板。`);
  return saveTemplate(ctx, {
    year: toYear,
    title: from.title.replace(String(fromYear), String(toYear)),
    total: from.total,
    grades: from.grades,
    indicators: toInput(from.indicators),
    source: 'copy',
    replace,
  });
}

/** The built-in template as a preview (so it can be looked at and edited before saving). */
export function starterPreview(): IndicatorPreview {
  const indicators = validateInput(z.array(indicatorInputSchema), STARTER_INDICATORS);
  return { title: STARTER_TITLE, total: STARTER_TOTAL, indicators, ...describeTree(indicators, STARTER_TOTAL) };
}

export async function deleteTemplate(ctx: AppContext, year: number): Promise<void> {
  const t = await getTemplateInfo(ctx, year);
  if (!t) throw new AppError(ErrorCode.NOT_FOUND, `${year}年没有考核细则。`);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sc_template').where('id', '=', t.id).execute();
    if (t.attachmentId) await trx.deleteFrom('attachment').where('id', '=', t.attachmentId).execute();
    await recordAudit(trx, ctx, {
      entity: 'sc_template',
      entityId: t.id,
      action: 'delete',
      summary: `删除${year}年考核细则：${t.title}`,
    });
  });
}
