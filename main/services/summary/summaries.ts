// 年度工作总结: the draft per year and kind, created from every area's figures, edited paragraph by paragraph, and
// refreshed. A refresh recomputes the figures and the generated paragraphs: paragraphs the user has not touched follow
// the data (the figures that changed are marked), paragraphs the user rewrote are never changed: the new version waits
// beside them until the user takes it or keeps their own.
import type { Selectable, Transaction } from 'kysely';
import { buildSummaryDraft, type DraftParagraph } from '../../../shared/domain/summary-draft';
import {
  defaultSummaryTitle,
  diffFigures,
  figuresCountedTo,
  figuresUsed,
  paragraphInputSchema,
  paragraphText,
  renderTemplate,
  summaryDateIssues,
  summaryMetaInputSchema,
  textLength,
  type FigureChange,
  type Figures,
  type RefreshResult,
  type Summary,
  type SummaryKind,
  type SummaryLists,
  type SummaryMetaInput,
  type SummaryParagraph,
  summaryPeriodOn,
} from '../../../shared/domain/summary';
import { firstDateError } from '../../../shared/domain/disclosure-dates';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import type { Database } from '../../db/schema';
import { diffRecords, nowText, recordAudit } from '../audit';
import { getBureau } from '../org/bureau';
import { formatChineseDate, todayOf } from '../../../shared/domain/dates';
import { validateInput } from '../validate';
import type { AppContext } from '../workstation';
import { figuresFor, listsFor } from './figures';

export { collectFigures } from './figures';

async function bureauOf(ctx: AppContext) {
  const b = await getBureau(ctx);
  if (!b) throw new AppError(ErrorCode.NOT_READY, '尚未设置单位信息，请先完成首次设置。');
  return b;
}

async function draftOf(ctx: AppContext, year: number, kind: SummaryKind) {
  const bureau = await bureauOf(ctx);
  const today = todayOf(ctx);
  // The figures are counted today: while the period runs, to today.
  const period = summaryPeriodOn(year, kind, today);
  const [figures, lists] = [await figuresFor(ctx, period), await listsFor(ctx, period)];
  const paragraphs = buildSummaryDraft({
    year,
    kind,
    bureau: { fullName: bureau.fullName, shortName: bureau.shortName },
    figures,
    lists,
    asOf: today,
  });
  return { bureau, figures, lists, paragraphs };
}

/**
 * The date printed under the signature: today, kept to the month a summary of its kind is written in (July for the
 * 上半年总结, December for the year's), so a summary of January–June is never dated after 31 July.
 */
function defaultSummaryDate(today: string, year: number, kind: SummaryKind): string {
  const first = kind === '半年' ? `${year}-07-01` : `${year}-12-01`;
  const last = kind === '半年' ? `${year}-07-31` : `${year}-12-31`;
  return today > last ? last : today < first ? first : today;
}

type SummaryRow = Selectable<Database['summary']>;
type ParagraphRow = Selectable<Database['summary_paragraph']>;

function parseJson<T>(s: string, fallback: T): T {
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
}

function toParagraph(r: ParagraphRow): SummaryParagraph {
  return {
    id: r.id,
    key: r.key,
    level: r.level,
    heading: r.user_heading ?? r.heading,
    template: r.template,
    userText: r.user_text,
    edited: r.user_text !== null || r.user_heading !== null,
    pending:
      r.pending_template !== null ? { heading: r.pending_heading ?? r.heading, template: r.pending_template } : null,
    changes: parseJson<FigureChange[]>(r.changes_json, []),
    orphan: r.orphan === 1,
  };
}

function toSummary(s: SummaryRow, rows: ParagraphRow[]): Summary {
  const figures = parseJson<Figures>(s.figures_json, {});
  const paragraphs = rows.map(toParagraph);
  const length = paragraphs.reduce((n, p) => n + textLength(p.heading) + textLength(paragraphText(p, figures)), 0);
  return {
    id: s.id,
    year: s.year,
    kind: s.kind,
    title: s.title,
    addressee: s.addressee,
    signatureOrg: s.signature_org,
    signatureDate: s.signature_date,
    publicNote: s.public_note === 1,
    withTables: s.with_tables === 1,
    withCharts: s.with_charts === 1,
    figures,
    refreshedAt: s.refreshed_at,
    paragraphs,
    length,
  };
}

async function load(
  ctx: AppContext | Transaction<Database>,
  id: number,
): Promise<{ row: SummaryRow; paragraphs: ParagraphRow[] }> {
  const db = 'db' in ctx ? ctx.db : ctx;
  const row = await db.selectFrom('summary').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, '找不到这份总结草稿，可能已被删除，请刷新后重试。');
  const paragraphs = await db
    .selectFrom('summary_paragraph')
    .selectAll()
    .where('summary_id', '=', id)
    .orderBy('sort_order')
    .execute();
  return { row, paragraphs };
}

async function getSummaryById(ctx: AppContext, id: number): Promise<Summary> {
  const { row, paragraphs } = await load(ctx, id);
  return toSummary(row, paragraphs);
}

export async function getSummary(ctx: AppContext, year: number, kind: SummaryKind): Promise<Summary | null> {
  const row = await ctx.db
    .selectFrom('summary')
    .select('id')
    .where('year', '=', year)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row ? getSummaryById(ctx, row.id) : null;
}

/** The stored lists the text and the 附件 tables were built from (same moment as the figures snapshot). */
export async function summaryLists(ctx: AppContext, id: number): Promise<SummaryLists> {
  const r = await ctx.db.selectFrom('summary').select('lists_json').where('id', '=', id).executeTakeFirst();
  return parseJson<SummaryLists>(r?.lists_json ?? '{}', {});
}

async function insertParagraphs(
  trx: Transaction<Database>,
  summaryId: number,
  paragraphs: DraftParagraph[],
): Promise<void> {
  if (!paragraphs.length) return;
  await trx
    .insertInto('summary_paragraph')
    .values(
      paragraphs.map((p, i) => ({
        summary_id: summaryId,
        key: p.key,
        sort_order: (i + 1) * 10,
        level: p.level,
        heading: p.heading,
        template: p.template,
        orphan: 0,
        changes_json: '[]',
      })),
    )
    .execute();
}

/**
 * Stores the figures and lists a 总结 quotes, as counted now (a refresh or a redraft). The 落款日期 is never before the
 * day they count to: a 总结 dated 7 December and refreshed in January says 全年 and 结转下年度, which it could not say
 * on 7 December, so it is then dated as a new one would be (defaultSummaryDate). Returns the date it had and the one
 * it got, or null when it stands.
 */
async function storeFigures(
  trx: Transaction<Database>,
  ctx: AppContext,
  row: SummaryRow,
  figures: unknown,
  lists: unknown,
): Promise<{ from: string; to: string } | null> {
  const now = nowText(ctx);
  const today = todayOf(ctx);
  const counted = figuresCountedTo({ refreshedAt: now, year: row.year, kind: row.kind });
  const moved =
    row.signature_date < counted
      ? { from: row.signature_date, to: defaultSummaryDate(today, row.year, row.kind) }
      : null;
  await trx
    .updateTable('summary')
    .set({
      figures_json: JSON.stringify(figures),
      lists_json: JSON.stringify(lists),
      refreshed_at: now,
      updated_at: now,
      ...(moved ? { signature_date: moved.to } : {}),
    })
    .where('id', '=', row.id)
    .execute();
  return moved;
}

/** Creates the draft from the data of every area. */
type SummaryMeta = Pick<
  Summary,
  'title' | 'addressee' | 'signatureOrg' | 'signatureDate' | 'publicNote' | 'withTables' | 'withCharts'
>;

/** The 总结's own fields as its row stores them (a new draft's defaults, or what the user set). */
function metaRow(m: SummaryMeta) {
  return {
    title: m.title,
    addressee: m.addressee,
    signature_org: m.signatureOrg,
    signature_date: m.signatureDate,
    public_note: m.publicNote ? 1 : 0,
    with_tables: m.withTables ? 1 : 0,
    with_charts: m.withCharts ? 1 : 0,
  };
}

/** What a new draft starts with besides its paragraphs: one set of defaults for the stored and the unsaved draft. */
function newDraftFields(ctx: AppContext, year: number, kind: SummaryKind, bureauName: string) {
  return {
    title: defaultSummaryTitle(year, kind, bureauName),
    addressee: '',
    signatureOrg: bureauName,
    signatureDate: defaultSummaryDate(todayOf(ctx), year, kind),
    publicNote: true,
    withTables: true,
    withCharts: true,
  };
}

export async function createSummary(ctx: AppContext, year: number, kind: SummaryKind): Promise<Summary> {
  if (await getSummary(ctx, year, kind)) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `${year}年${kind === '半年' ? '上半年' : '年度'}工作总结草稿已经存在。如需按最新数据更新，请点“刷新数据”。`,
    );
  }
  const { bureau, figures, lists, paragraphs } = await draftOf(ctx, year, kind);
  // A year with nothing recorded would give a 总结 whose 主要做法和成效 is empty: nothing to sign, and nothing the draft
  // may make up. Say what to do first, as the 实施方案 and 自查 exports do.
  if (!paragraphs.some((p) => p.key.startsWith('practice.')))
    throw new AppError(
      ErrorCode.NOT_READY,
      `${year}年${kind === '半年' ? '上半年' : ''}还没有可写入工作总结的工作记录（实施方案、信息发布、依申请公开、培训、AB岗、自查整改），“主要做法和成效”无从写起。请先在各页面登记本年度的工作，再生成总结草稿。`,
    );
  const now = nowText(ctx);
  const d = newDraftFields(ctx, year, kind, bureau.fullName);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('summary')
      .values({
        year,
        kind,
        ...metaRow(d),
        figures_json: JSON.stringify(figures),
        lists_json: JSON.stringify(lists),
        refreshed_at: now,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertParagraphs(trx, r.id, paragraphs);
    await recordAudit(trx, ctx, {
      entity: 'summary',
      entityId: r.id,
      action: 'create',
      summary: `生成${year}年${kind}工作总结草稿（${paragraphs.length}段）`,
    });
    return r.id;
  });
  return getSummaryById(ctx, id);
}

/** The draft, created from the data when there is none yet (the command line's export uses this). */
export async function ensureSummary(ctx: AppContext, year: number, kind: SummaryKind): Promise<Summary> {
  return (await getSummary(ctx, year, kind)) ?? createSummary(ctx, year, kind);
}

/**
 * The 总结 as an export would print it, without saving anything: the stored draft, or, when there is none, the one
 * `ensureSummary` would create from today's records (null when the period has nothing to write). The 核对 reads this,
 * so a 总结 nobody has opened yet is checked as it will be exported.
 */
export async function summaryAsExported(ctx: AppContext, year: number, kind: SummaryKind): Promise<Summary | null> {
  const saved = await getSummary(ctx, year, kind);
  if (saved) return saved;
  const b = await getBureau(ctx);
  if (!b) return null;
  const { figures, paragraphs } = await draftOf(ctx, year, kind);
  if (!paragraphs.some((p) => p.key.startsWith('practice.'))) return null;
  const rows = paragraphs.map((p, i) => ({
    id: i + 1,
    key: p.key,
    level: p.level,
    heading: p.heading,
    template: p.template,
    userText: null,
    edited: false,
    pending: null,
    changes: [],
    orphan: false,
  }));
  return {
    id: 0,
    year,
    kind,
    ...newDraftFields(ctx, year, kind, b.fullName),
    figures,
    refreshedAt: nowText(ctx),
    paragraphs: rows,
    length: rows.reduce((n, p) => n + textLength(p.heading) + textLength(paragraphText(p, figures)), 0),
  };
}

/**
 * 刷新数据: new figures, new generated paragraphs. Untouched paragraphs follow; rewritten ones keep the user's words and
 * get the new version as `pending` when what it would say changed; rewritten paragraphs whose topic is gone stay,
 * marked as orphans. Each paragraph remembers which of its figures changed in this refresh.
 */
export async function refreshSummary(ctx: AppContext, id: number): Promise<RefreshResult> {
  const before = await load(ctx, id);
  const { figures, lists, paragraphs: draft } = await draftOf(ctx, before.row.year, before.row.kind);
  const oldFigures = parseJson<Figures>(before.row.figures_json, {});
  const changed = diffFigures(oldFigures, figures, [
    ...new Set([...Object.keys(oldFigures), ...Object.keys(figures)]),
  ]).filter((c) => c.from !== c.to);
  const oldByKey = new Map(before.paragraphs.map((p) => [p.key, p]));
  const draftKeys = new Set(draft.map((p) => p.key));
  const edited = (p: ParagraphRow) => p.user_text !== null || p.user_heading !== null;

  // Final order: the draft's, with kept orphans after the paragraph that preceded them.
  const order: string[] = draft.map((p) => p.key);
  let previousKey: string | null = null;
  for (const p of before.paragraphs) {
    if (!draftKeys.has(p.key) && edited(p)) {
      const at: number = previousKey === null ? 0 : order.indexOf(previousKey) + 1;
      order.splice(at, 0, p.key);
    }
    if (order.includes(p.key)) previousKey = p.key;
  }

  let updated = 0;
  let waiting = 0;
  let signatureDate: { from: string; to: string } | null = null;
  await ctx.db.transaction().execute(async (trx) => {
    for (const p of before.paragraphs) {
      if (!order.includes(p.key)) await trx.deleteFrom('summary_paragraph').where('id', '=', p.id).execute();
    }
    for (const p of draft) {
      const old = oldByKey.get(p.key);
      const sort = (order.indexOf(p.key) + 1) * 10;
      const names = [
        ...new Set([...figuresUsed(p.template), ...(old ? figuresUsed(old.pending_template ?? old.template) : [])]),
      ];
      const changes = diffFigures(oldFigures, figures, names);
      if (!old) {
        await trx
          .insertInto('summary_paragraph')
          .values({
            summary_id: id,
            key: p.key,
            sort_order: sort,
            level: p.level,
            heading: p.heading,
            template: p.template,
            orphan: 0,
            changes_json: JSON.stringify(changes),
          })
          .execute();
        updated++;
        continue;
      }
      if (!edited(old)) {
        const was = old.heading + renderTemplate(old.template, oldFigures);
        const now = p.heading + renderTemplate(p.template, figures);
        if (was !== now) updated++;
        await trx
          .updateTable('summary_paragraph')
          .set({
            sort_order: sort,
            level: p.level,
            heading: p.heading,
            template: p.template,
            pending_heading: null,
            pending_template: null,
            orphan: 0,
            changes_json: JSON.stringify(changes),
          })
          .where('id', '=', old.id)
          .execute();
        continue;
      }
      // The user's paragraph: compare what the generated version said at the last refresh with what it says now.
      const was =
        (old.pending_heading ?? old.heading) + renderTemplate(old.pending_template ?? old.template, oldFigures);
      const now = p.heading + renderTemplate(p.template, figures);
      const differs = was !== now;
      if (differs) waiting++;
      await trx
        .updateTable('summary_paragraph')
        .set({
          sort_order: sort,
          orphan: 0,
          ...(differs || old.pending_template !== null
            ? { pending_heading: p.heading, pending_template: p.template }
            : {}),
          ...(differs ? { changes_json: JSON.stringify(changes) } : {}),
        })
        .where('id', '=', old.id)
        .execute();
    }
    for (const p of before.paragraphs) {
      if (!draftKeys.has(p.key) && edited(p)) {
        await trx
          .updateTable('summary_paragraph')
          .set({
            sort_order: (order.indexOf(p.key) + 1) * 10,
            orphan: 1,
            pending_heading: null,
            pending_template: null,
          })
          .where('id', '=', p.id)
          .execute();
      }
    }
    signatureDate = await storeFigures(trx, ctx, before.row, figures, lists);
    await recordAudit(trx, ctx, {
      entity: 'summary',
      entityId: id,
      action: 'update',
      summary: `刷新${before.row.year}年${before.row.kind}工作总结数据：${changed.length}项数字有变化，自动更新${updated}段，${waiting}段已手动修改待确认${signatureDate ? `；落款日期由${formatChineseDate(signatureDate.from)}改为${formatChineseDate(signatureDate.to)}` : ''}`,
      changes: Object.fromEntries(changed.map((c) => [c.source || c.name, { from: c.from, to: c.to }])),
    });
  });
  return { summary: await getSummaryById(ctx, id), changed, updated, waiting, signatureDate };
}

async function paragraphRow(ctx: AppContext, id: number): Promise<ParagraphRow> {
  const p = await ctx.db.selectFrom('summary_paragraph').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw new AppError(ErrorCode.NOT_FOUND, '找不到这一段，可能已被删除，请刷新后重试。');
  return p;
}

/** Saves the user's words for a paragraph; saving the generated text unchanged keeps it following the data. */
export async function updateParagraph(ctx: AppContext, raw: unknown): Promise<Summary> {
  const input = validateInput(paragraphInputSchema, raw);
  const p = await paragraphRow(ctx, input.id);
  const figures = parseJson<Figures>(
    (await ctx.db.selectFrom('summary').select('figures_json').where('id', '=', p.summary_id).executeTakeFirstOrThrow())
      .figures_json,
    {},
  );
  if (p.level !== 0 && !input.heading) throw new AppError(ErrorCode.VALIDATION, '小标题不能为空。');
  const generatedText = renderTemplate(p.template, figures);
  const sameText = input.text === (p.user_text ?? generatedText).trim();
  const sameHeading = p.level === 0 || input.heading === (p.user_heading ?? p.heading);
  if (sameText && sameHeading) return getSummaryById(ctx, p.summary_id);
  const userText =
    p.level === 1 ? null : input.text === generatedText.trim() && p.user_text === null ? null : input.text;
  const userHeading = p.level === 0 || input.heading === p.heading ? null : input.heading;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('summary_paragraph')
      .set({ user_text: userText, user_heading: userHeading, edited_at: nowText(ctx) })
      .where('id', '=', p.id)
      .execute();
    await trx
      .updateTable('summary')
      .set({ updated_at: nowText(ctx) })
      .where('id', '=', p.summary_id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'summary',
      entityId: p.summary_id,
      action: 'update',
      summary: `修改工作总结段落：${(userHeading ?? p.heading) || input.text.slice(0, 20)}`,
      changes: { [p.key]: { from: p.user_text ?? generatedText, to: input.text } },
    });
  });
  return getSummaryById(ctx, p.summary_id);
}

/** Takes the generated version (the newest, when one is waiting) in place of the user's words. */
export async function resetParagraph(ctx: AppContext, id: number): Promise<Summary> {
  const p = await paragraphRow(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    if (p.orphan === 1) await trx.deleteFrom('summary_paragraph').where('id', '=', p.id).execute();
    else {
      await trx
        .updateTable('summary_paragraph')
        .set({
          heading: p.pending_heading ?? p.heading,
          template: p.pending_template ?? p.template,
          user_text: null,
          user_heading: null,
          edited_at: null,
          pending_heading: null,
          pending_template: null,
        })
        .where('id', '=', p.id)
        .execute();
    }
    await recordAudit(trx, ctx, {
      entity: 'summary',
      entityId: p.summary_id,
      action: 'update',
      summary:
        p.orphan === 1
          ? `删除工作总结中已无数据对应的段落：${p.heading || (p.user_text ?? '').slice(0, 20)}`
          : `工作总结段落改用按数据生成的文字：${p.heading || p.key}`,
      changes: { [p.key]: { from: p.user_text, to: null } },
    });
  });
  return getSummaryById(ctx, p.summary_id);
}

/** Keeps the user's words and dismisses the waiting generated version. */
export async function keepParagraph(ctx: AppContext, id: number): Promise<Summary> {
  const p = await paragraphRow(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    // The template moves on to the version just seen, so the next refresh compares against it.
    await trx
      .updateTable('summary_paragraph')
      .set({
        heading: p.pending_heading ?? p.heading,
        template: p.pending_template ?? p.template,
        pending_heading: null,
        pending_template: null,
        changes_json: '[]',
        orphan: 0,
      })
      .where('id', '=', p.id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'summary',
      entityId: p.summary_id,
      action: 'update',
      summary: `工作总结段落保留手动修改的文字：${p.heading || p.key}`,
    });
  });
  return getSummaryById(ctx, p.summary_id);
}

export async function saveSummaryMeta(ctx: AppContext, id: number, raw: SummaryMetaInput): Promise<Summary> {
  const m = validateInput(summaryMetaInputSchema, raw);
  const { row } = await load(ctx, id);
  // A 成文日期 before the day the figures count to: the document would contradict itself.
  const problem = firstDateError(
    summaryDateIssues(m, { refreshedAt: row.refreshed_at, year: row.year, kind: row.kind }),
  );
  if (problem) throw new AppError(ErrorCode.VALIDATION, problem, { field: 'signatureDate' });
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('summary')
      .set({
        ...metaRow(m),
        updated_at: nowText(ctx),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'summary',
      entityId: id,
      action: 'update',
      summary: `修改工作总结的标题、主送、落款或导出选项：${m.title}`,
      changes: diffRecords(
        {
          title: row.title,
          addressee: row.addressee,
          signatureOrg: row.signature_org,
          signatureDate: row.signature_date,
          publicNote: row.public_note === 1,
          withTables: row.with_tables === 1,
          withCharts: row.with_charts === 1,
        },
        m,
      ),
    });
  });
  return getSummaryById(ctx, id);
}

/** Throws the draft away and builds it again from the data (the screen asks first: every edit is lost). */
export async function regenerateSummary(ctx: AppContext, id: number): Promise<Summary> {
  const { row } = await load(ctx, id);
  const { paragraphs, figures, lists } = await draftOf(ctx, row.year, row.kind);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('summary_paragraph').where('summary_id', '=', id).execute();
    await insertParagraphs(trx, id, paragraphs);
    await storeFigures(trx, ctx, row, figures, lists);
    await recordAudit(trx, ctx, {
      entity: 'summary',
      entityId: id,
      action: 'update',
      summary: `按最新数据重新生成${row.year}年${row.kind}工作总结（原有修改已放弃）`,
    });
  });
  return getSummaryById(ctx, id);
}
