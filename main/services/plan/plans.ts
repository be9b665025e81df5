// 实施方案: the year's plan (title, 文号, 成文日期, opening and closing text), its sections, copying last year's plan
// forward, and coverage (work points no task answers).
import { sql, type Transaction } from 'kysely';
import {
  CARRY_SECTION,
  closingSectionSchema,
  DEFAULT_PLAN_ISSUE,
  defaultPlanTitle,
  planIssueSchema,
  planInputSchema,
  shiftPlanYears,
  type ClosingSection,
  type Plan,
  type PointRef,
} from '../../../shared/domain/plan';
import type { Bureau } from '../../../shared/domain/org';
import type { WorkPoint } from '../../../shared/domain/points';
import type { Database } from '../../db/schema';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { nowText, recordAudit } from '../audit';
import { getBureau } from '../org/bureau';
import { listDocumentRefs, listWorkPoints, type DocumentRef } from '../points/documents';
import type { AppContext } from '../workstation';
import { pathLabels, taskItemsOf } from './structure';
import { validateInput } from '../validate';

const DEFAULT_CLOSING: ClosingSection[] = [
  {
    heading: '组织保障',
    text: '局政务公开工作领导小组统筹推进各项任务落实，分管领导具体负责，各科室明确专人，确保任务落到实处。',
  },
  { heading: '监督检查', text: '办公室定期对任务落实情况进行检查，年底开展“回头看”，检查结果纳入科室年度考核。' },
];

/** The setting holding how the year's plan is issued (版头, 落款, 附注, 版记). */
const issueKey = (year: number) => `plan.issue.${year}`;

function defaultIntro(year: number): string {
  return `为深入贯彻落实上级关于${year}年政务公开工作的部署要求，进一步做好本单位政务公开工作，结合工作实际，制定本方案。`;
}

/** "《2026年全省政务公开工作要点》（黔府办发〔2026〕5号）": how the opening paragraph cites a document. */
function citeDocument(d: Pick<DocumentRef, 'title' | 'docNumber'>): string {
  const title = d.title.trim().replace(/^《|》$/g, '');
  return `《${title}》${d.docNumber ? `（${d.docNumber.trim()}）` : ''}`;
}

/** The opening clause when no document of the year is imported: it cites none (no title or 文号 is made up). */
const UNCITED_CLAUSE = '为贯彻落实上级政务公开工作部署，';

/** The opening clause citing the documents the plan answers, or citing none. */
function citingClause(docs: readonly Pick<DocumentRef, 'title' | 'docNumber'>[]): string {
  const cited = docs.filter((d) => d.title.trim()).map(citeDocument);
  return cited.length ? `为深入贯彻落实${cited.join('和')}精神，` : UNCITED_CLAUSE;
}

/** The opening paragraph of a plan that answers the given documents. */
export function introCiting(year: number, docs: readonly Pick<DocumentRef, 'title' | 'docNumber'>[]): string {
  if (!docs.some((d) => d.title.trim())) return defaultIntro(year);
  return `${citingClause(docs)}进一步做好我局${year}年政务公开工作，结合工作实际，制定本方案。`;
}

/** Whether the opening paragraph is still one the program wrote (then generation may rewrite it). */
export function isGeneratedIntro(text: string, year: number): boolean {
  return (
    !text.trim() ||
    text === defaultIntro(year) ||
    /^为深入贯彻落实《[^\n]*》[^\n]*精神，进一步做好我局\d{4}年政务公开工作，结合工作实际，制定本方案。$/.test(text)
  );
}

/**
 * The clause an opening paragraph starts with that names what it carries out: documents cited ("为深入贯彻落实《…》
 * （…）和《…》精神，") or the higher level's 部署 without a document.
 */
const OPENING_CLAUSE =
  /^为(?:深入)?(?:贯彻落实|贯彻|落实)(?:(?:《[^》\n]*》(?:[（(][^）)\n]*[）)])?[和、及与]?)+(?:等文件)?精神|上级(?:关于\d{4}年)?政务公开工作(?:的)?部署(?:要求)?)[，,]/;

/**
 * The opening paragraph with its opening clause citing these documents (or none); null when the paragraph does not
 * start with such a clause (the user's own words, kept as they are).
 */
export function introWithCitations(
  intro: string,
  docs: readonly Pick<DocumentRef, 'title' | 'docNumber'>[],
): string | null {
  const m = OPENING_CLAUSE.exec(intro);
  return m ? citingClause(docs) + intro.slice(m[0].length) : null;
}

export async function getPlan(ctx: AppContext, year: number): Promise<Plan | null> {
  const p = await ctx.db.selectFrom('plan').selectAll().where('year', '=', year).executeTakeFirst();
  if (!p) return null;
  const sections = await ctx.db
    .selectFrom('plan_section as s')
    .select(['s.id', 's.title', 's.sort_order'])
    .select(sql<number>`(SELECT count(*) FROM plan_task t WHERE t.section_id = s.id)`.as('task_count'))
    .where('s.plan_id', '=', p.id)
    .orderBy('s.sort_order')
    .orderBy('s.id')
    .execute();
  const sources = await ctx.db
    .selectFrom('plan_source')
    .select('document_id')
    .where('plan_id', '=', p.id)
    .orderBy('document_id')
    .execute();
  const issueRow = await ctx.db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', issueKey(year))
    .executeTakeFirst();
  const issue = issueRow ? planIssueSchema.safeParse(JSON.parse(issueRow.value)) : null;
  return {
    issue: issue?.success ? issue.data : DEFAULT_PLAN_ISSUE,
    id: p.id,
    year: p.year,
    title: p.title,
    docNumber: p.doc_number,
    docDate: p.doc_date,
    intro: p.intro,
    closing: closingSectionSchema.array().parse(JSON.parse(p.closing_json)),
    signatureOrg: p.signature_org,
    sections: sections.map((s) => ({ id: s.id, title: s.title, sortOrder: s.sort_order, taskCount: s.task_count })),
    sourceDocumentIds: sources.map((s) => s.document_id),
  };
}

export async function requirePlan(ctx: AppContext, year: number): Promise<Plan> {
  const p = await getPlan(ctx, year);
  if (!p) throw new AppError(ErrorCode.NOT_FOUND, `${year}年还没有实施方案。请先“从上级要点生成”或“新建空白方案”。`);
  return p;
}

/** Inserts the year's plan with default texts inside the caller's transaction; returns its id. */
export async function insertPlan(
  trx: Transaction<Database>,
  ctx: AppContext,
  year: number,
  bureau: Bureau | null,
): Promise<number> {
  const now = nowText(ctx);
  const r = await trx
    .insertInto('plan')
    .values({
      year,
      title: defaultPlanTitle(year, bureau?.fullName || bureau?.shortName || '本单位'),
      doc_number: '',
      doc_date: null,
      intro: defaultIntro(year),
      closing_json: JSON.stringify(DEFAULT_CLOSING),
      signature_org: bureau?.fullName ?? '',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, { entity: 'plan', entityId: r.id, action: 'create', summary: `新建${year}年实施方案` });
  return r.id;
}

/** The year's plan id, creating the plan (with default texts) inside the caller's transaction when there is none. */
async function ensurePlanIn(
  trx: Transaction<Database>,
  ctx: AppContext,
  year: number,
  bureau: Bureau | null,
): Promise<number> {
  const r = await trx.selectFrom('plan').select('id').where('year', '=', year).executeTakeFirst();
  return r?.id ?? insertPlan(trx, ctx, year, bureau);
}

export async function savePlan(ctx: AppContext, year: number, input: unknown): Promise<Plan> {
  const p = validateInput(planInputSchema, input);
  const bureau = await getBureau(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const id = await ensurePlanIn(trx, ctx, year, bureau);
    await trx
      .updateTable('plan')
      .set({
        title: p.title,
        doc_number: p.docNumber,
        doc_date: p.docDate,
        intro: p.intro,
        closing_json: JSON.stringify(p.closing),
        signature_org: p.signatureOrg,
        updated_at: nowText(ctx),
      })
      .where('id', '=', id)
      .execute();
    const issue = JSON.stringify(p.issue);
    await trx
      .insertInto('setting')
      .values({ key: issueKey(year), value: issue })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: issue }))
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'plan',
      entityId: id,
      action: 'update',
      summary: `修改${year}年实施方案：${p.title}`,
    });
  });
  return (await getPlan(ctx, year))!;
}

// ---- sections ----

export async function createSection(ctx: AppContext, year: number, title: string): Promise<Plan> {
  const bureau = await getBureau(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const planId = await ensurePlanIn(trx, ctx, year, bureau);
    const max = await trx
      .selectFrom('plan_section')
      .select((eb) => eb.fn.max('sort_order').as('m'))
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    const r = await trx
      .insertInto('plan_section')
      .values({ plan_id: planId, title, sort_order: Number(max?.m ?? 0) + 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'plan_section',
      entityId: r.id,
      action: 'create',
      summary: `新增章节：${title}`,
    });
  });
  return (await getPlan(ctx, year))!;
}

export async function renameSection(ctx: AppContext, id: number, title: string): Promise<void> {
  const s = await ctx.db.selectFrom('plan_section').select(['title']).where('id', '=', id).executeTakeFirst();
  if (!s) throw new AppError(ErrorCode.NOT_FOUND, '找不到该章节，可能已被删除，请刷新后重试。');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('plan_section').set({ title }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      entity: 'plan_section',
      entityId: id,
      action: 'update',
      summary: `章节更名：${s.title} → ${title}`,
      changes: { title: { from: s.title, to: title } },
    });
  });
}

export async function deleteSection(ctx: AppContext, id: number): Promise<void> {
  const s = await ctx.db.selectFrom('plan_section').select(['title']).where('id', '=', id).executeTakeFirst();
  if (!s) throw new AppError(ErrorCode.NOT_FOUND, '找不到该章节，可能已被删除，请刷新后重试。');
  const n = await ctx.db
    .selectFrom('plan_task')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('section_id', '=', id)
    .executeTakeFirstOrThrow();
  if (Number(n.n) > 0)
    throw new AppError(
      ErrorCode.IN_USE,
      `章节“${s.title}”下还有 ${n.n} 项任务，不能删除。请先把任务移到其他章节或删除任务。`,
    );
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('plan_section').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      entity: 'plan_section',
      entityId: id,
      action: 'delete',
      summary: `删除章节：${s.title}`,
    });
  });
}

// ---- order ----

/**
 * Stores the order of a plan's sections or of one section's tasks as the user arranged it. The list must name exactly
 * the records there are now; otherwise someone changed them meanwhile and the order is refused.
 */
async function storeOrder(
  ctx: AppContext,
  table: 'plan_section' | 'plan_task',
  current: number[],
  ids: number[],
  stale: string,
  audit: { entity: string; entityId: number; summary: string },
): Promise<void> {
  const have = new Set(current);
  if (ids.length !== have.size || new Set(ids).size !== ids.length || ids.some((id) => !have.has(id))) {
    throw new AppError(ErrorCode.CONFLICT, stale);
  }
  await ctx.db.transaction().execute(async (trx) => {
    for (const [i, id] of ids.entries())
      await trx
        .updateTable(table)
        .set({ sort_order: i + 1 })
        .where('id', '=', id)
        .execute();
    await recordAudit(trx, ctx, { ...audit, action: 'update' });
  });
}

export async function reorderSections(ctx: AppContext, planId: number, ids: number[]): Promise<void> {
  const p = await ctx.db.selectFrom('plan').select('year').where('id', '=', planId).executeTakeFirst();
  if (!p) throw new AppError(ErrorCode.NOT_FOUND, '找不到该实施方案，可能已被删除，请刷新后重试。');
  const current = await ctx.db.selectFrom('plan_section').select('id').where('plan_id', '=', planId).execute();
  await storeOrder(
    ctx,
    'plan_section',
    current.map((s) => s.id),
    ids,
    '章节已有变化（新增、删除或已调整过顺序），请刷新后重新排序。',
    { entity: 'plan', entityId: planId, summary: `调整${p.year}年实施方案章节顺序` },
  );
}

/** The tasks of one section in a new order (序号 and every export follow it). */
export async function reorderTasks(ctx: AppContext, sectionId: number, ids: number[]): Promise<void> {
  const s = await ctx.db.selectFrom('plan_section').select('title').where('id', '=', sectionId).executeTakeFirst();
  if (!s) throw new AppError(ErrorCode.NOT_FOUND, '找不到该章节，可能已被删除，请刷新后重试。');
  const current = await ctx.db.selectFrom('plan_task').select('id').where('section_id', '=', sectionId).execute();
  await storeOrder(
    ctx,
    'plan_task',
    current.map((t) => t.id),
    ids,
    `章节“${s.title}”的任务已有变化（新增、删除或移到其他章节），请刷新后重新排序。`,
    { entity: 'plan_section', entityId: sectionId, summary: `调整章节“${s.title}”的任务顺序` },
  );
}

// ---- copy forward ----

function shiftYear(date: string | null, by: number): string | null {
  if (!date) return null;
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y + by, m, 0)).getUTCDate();
  return `${y + by}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * Starts the new year's plan from last year's: texts, sections and tasks with their 科室 and 责任人; deadlines move
 * by the years between, and so do years the words write relative to the plan year (shiftPlanYears); status, progress
 * and work-point links (they belong to last year's documents) start afresh. The opening cites only documents imported
 * for the new year (none imported: it cites none). 上年度结转任务 are last year's leftovers: only those not finished by
 * the end of last year move on (recorded as carried, so 回头看 does not offer them again); the rest are done.
 */
export async function copyPlanForward(ctx: AppContext, fromYear: number, toYear: number): Promise<Plan> {
  if (toYear <= fromYear) throw new AppError(ErrorCode.VALIDATION, '只能把往年的方案复制到之后的年度。');
  const from = await requirePlan(ctx, fromYear);
  const existing = await getPlan(ctx, toYear);
  if (existing && existing.sections.some((s) => s.taskCount > 0)) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `${toYear}年已有实施方案和任务，不能再复制。如需重来，请先删除${toYear}年方案中的任务。`,
    );
  }
  const by = toYear - fromYear;
  const now = nowText(ctx);
  const bureau = await getBureau(ctx);
  const words = (text: string) => shiftPlanYears(text, fromYear, toYear).text;
  const docs = await listDocumentRefs(ctx, { year: toYear });
  const intro = isGeneratedIntro(from.intro, fromYear)
    ? introCiting(toYear, docs)
    : (introWithCitations(words(from.intro), docs) ?? words(from.intro));
  const yearEnd = `${fromYear}-12-31`;
  await ctx.db.transaction().execute(async (trx) => {
    const toId = await ensurePlanIn(trx, ctx, toYear, bureau);
    await trx
      .updateTable('plan')
      .set({
        title: words(from.title),
        doc_number: '',
        doc_date: null,
        intro,
        closing_json: JSON.stringify(from.closing.map((c) => ({ heading: c.heading, text: words(c.text) }))),
        signature_org: from.signatureOrg,
        updated_at: now,
      })
      .where('id', '=', toId)
      .execute();
    await trx.deleteFrom('plan_section').where('plan_id', '=', toId).execute();
    for (const s of from.sections) {
      const carry = s.title === CARRY_SECTION;
      const tasks = (
        await trx.selectFrom('plan_task').selectAll().where('section_id', '=', s.id).orderBy('sort_order').execute()
      ).filter(
        (t) =>
          !carry ||
          (t.status !== '不适用' && !(t.status === '已完成' && t.completed_on !== null && t.completed_on <= yearEnd)),
      );
      // A 结转 section with every task done has nothing to carry.
      if (carry && !tasks.length) continue;
      const ns = await trx
        .insertInto('plan_section')
        .values({ plan_id: toId, title: s.title, sort_order: s.sortOrder })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const t of tasks) {
        const owner =
          t.owner_staff_id === null
            ? null
            : await trx.selectFrom('staff').select('status').where('id', '=', t.owner_staff_id).executeTakeFirst();
        const nt = await trx
          .insertInto('plan_task')
          .values({
            plan_id: toId,
            section_id: ns.id,
            sort_order: t.sort_order,
            title: words(t.title),
            measures: words(t.measures),
            deadline_kind: t.deadline_kind,
            deadline_date: shiftYear(t.deadline_date, by),
            deadline_recurrence: t.deadline_recurrence,
            deadline_days: t.deadline_days,
            deadline_text: t.deadline_text,
            event_date: null,
            status: '未开始',
            status_reason: '',
            completed_on: null,
            owner_staff_id: owner?.status === '在岗' ? t.owner_staff_id : null,
            unmapped_units_json: t.unmapped_units_json,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('plan_task_department')
          .columns(['task_id', 'department_id', 'role', 'sort_order'])
          .expression((eb) =>
            eb
              .selectFrom('plan_task_department')
              .select([sql<number>`${nt.id}`.as('task_id'), 'department_id', 'role', 'sort_order'])
              .where('task_id', '=', t.id),
          )
          .execute();
        if (carry)
          await trx
            .insertInto('lookback_note')
            .values({ task_id: t.id, reason: '', carried_task_id: nt.id, updated_at: now })
            .onConflict((oc) => oc.column('task_id').doUpdateSet({ carried_task_id: nt.id, updated_at: now }))
            .execute();
      }
    }
    await recordAudit(trx, ctx, {
      entity: 'plan',
      entityId: toId,
      action: 'create',
      summary: `以${fromYear}年方案为基础建立${toYear}年实施方案`,
    });
  });
  return (await getPlan(ctx, toYear))!;
}

// ---- coverage ----

interface Coverage {
  /** Work points that should be answered by a task (the task-level items of the plan's documents). */
  total: number;
  covered: number;
  gaps: PointRef[];
}

/** The task-level work points of the plan's source documents that no task of the plan links to. */
export async function planCoverage(ctx: AppContext, year: number): Promise<Coverage> {
  const plan = await getPlan(ctx, year);
  if (!plan || !plan.sourceDocumentIds.length) return { total: 0, covered: 0, gaps: [] };
  const points = await listWorkPoints(ctx, { documentIds: plan.sourceDocumentIds });
  const docTitle = new Map((await listDocumentRefs(ctx, { ids: plan.sourceDocumentIds })).map((d) => [d.id, d.title]));
  const linked = new Set(
    (
      await ctx.db
        .selectFrom('plan_task_point as tp')
        .innerJoin('plan_task as t', 't.id', 'tp.task_id')
        .select('tp.work_point_id')
        .where('t.plan_id', '=', plan.id)
        .execute()
    ).map((r) => r.work_point_id),
  );
  const labels = pathLabels(points);
  const items = taskItemsOf(points).map((x) => x.point);
  // A point counts as answered when it, or any item folded into it, is linked.
  const gaps = items.filter((p) => !linked.has(p.id));
  return {
    total: items.length,
    covered: items.length - gaps.length,
    gaps: gaps.map((p: WorkPoint) => ({
      id: p.id,
      label: labels.get(p.id) ?? p.label,
      title: p.title,
      documentTitle: docTitle.get(p.documentId) ?? '',
    })),
  };
}

/** The plan's documents' work points, labelled, for choosing the points a task answers. */
export async function planPointOptions(ctx: AppContext, year: number): Promise<(PointRef & { level: number })[]> {
  const plan = await getPlan(ctx, year);
  const docIds = plan?.sourceDocumentIds.length
    ? plan.sourceDocumentIds
    : (await listDocumentRefs(ctx, { year })).map((d) => d.id);
  if (!docIds.length) return [];
  const points = await listWorkPoints(ctx, { documentIds: docIds });
  const docs = new Map((await listDocumentRefs(ctx, { ids: docIds })).map((d) => [d.id, d.title]));
  const labels = pathLabels(points);
  return points.map((p) => ({
    id: p.id,
    level: p.level,
    label: labels.get(p.id) ?? p.label,
    title: p.title,
    documentTitle: docs.get(p.documentId) ?? '',
  }));
}
