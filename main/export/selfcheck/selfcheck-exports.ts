// 自查评分表 (.xlsx), 自查报告 (.docx, GB/T 9704 with the score table as 附件), 整改台账 (.xlsx) and 整改情况报告
// (.docx). Pure: plain data in, Buffer out. Scores are written as the app's values, so every sum printed equals the
// sum on screen (formulas would be recomputed by WPS/LibreOffice without the caps and gates the rules apply).
import { formatChineseDate } from '../../../shared/domain/dates';
import { formatChineseNumeral } from '../../../shared/domain/point-numbering';
import {
  levelOf,
  levelText,
  maxLabel,
  ratedLabel,
  RECT_SOURCES,
  type Rectification,
  type ReportSections,
  type SelfcheckRow,
} from '../../../shared/domain/selfcheck';
import { deductionWords } from '../../../shared/domain/selfcheck-score';
import { buildGongwenDocx, type GongwenBlock, type TableRowData } from '../gongwen/document';
import { SIZE } from '../gongwen/format';
import { addTableSheet, newWorkbook, workbookToBuffer, type LinkCell, type SheetRow } from '../xlsx/sheet';
import { rectStateLabel } from '../../../shared/domain/rectification-label';

/** Full-width spaces (U+3000): the gaps and indents a Chinese table uses. */
const FULL_SPACE = '\u3000';
const GAP = FULL_SPACE + FULL_SPACE;

const LEVEL_NAMES = ['一级指标', '二级指标', '三级指标', '四级指标', '五级指标', '六级指标'];

export interface ScoreSheetData {
  bureau: string;
  year: number;
  title: string;
  /** What the rated leaves give. */
  total: number;
  /** 满分 as base and bonus apart ("100＋加分8"). */
  maxBase: number;
  maxBonus: number;
  /** Points lost by the rated leaves (ordinary shortfalls and 重大扣分). */
  deducted: number;
  /** The grade as printed ("优秀", "良好（暂定）"), null while 未评完. */
  grade: string | null;
  rated: number;
  leaves: number;
  vetoed: boolean;
  vetoedBy: string[];
  rows: SelfcheckRow[];
  /** Measures per indicator id: the entry's planned measure or its 整改 item's. */
  measures: Map<number, string>;
}

const num = (n: number) => Math.round(n * 100) / 100;

function evidenceText(r: SelfcheckRow): string {
  return r.evidence.map((e) => e.title + (e.url ? `（${e.url}）` : '')).join('\n');
}

/** 失分原因: the reason where points were lost (or a veto or bonus happened), not the working notes of full items. */
function lossReason(r: SelfcheckRow): string {
  if (!r.entry.rated) return '';
  if (!(r.deducted > 0 || r.vetoed || (r.rule.kind === 'bonus' && r.score > 0))) return '';
  return [deductionWords(r), r.entry.reason].filter(Boolean).join('\n');
}

/** How the score came from the records: the 建议分 sentence and what the person did with it. */
function basisText(r: SelfcheckRow): string {
  const p = r.proposal;
  if (!p) return '';
  const decided = !r.entry.rated
    ? '（尚未评分）'
    : r.decision === 'accepted'
      ? '（采用建议分）'
      : r.decision === 'override'
        ? `（未采用建议分，理由：${r.overrideReason}）`
        : '';
  return `${p.summary}${decided}`;
}

/** The records behind a score, one per line: "1.标题：为什么算". */
function recordLines(r: SelfcheckRow): string[] {
  return (r.proposal?.records ?? []).map((x, i) => `${i + 1}.${x.title}：${x.detail}`);
}

/** "等次：优秀" / "等次：评完后确定（已评 12/15）" / "单项否决：…". */
function gradeCell(d: ScoreSheetData): string {
  if (d.vetoed) return `单项否决：${d.vetoedBy.join('；')}`;
  return d.grade === null ? `等次：评完后确定（${ratedLabel(d.rated, d.leaves)}）` : `等次：${d.grade}`;
}

function scoreCell(r: SelfcheckRow, complete: boolean): number | string {
  if ((r.isLeaf && !r.entry.rated) || (!r.isLeaf && r.leafCount > 0 && r.ratedLeaves === 0)) return '未评';
  if (r.rule.kind === 'veto') return r.vetoed ? '否决' : '未触发';
  // A grade indicator says which level it was rated at: "等次：良，8分".
  const level = r.isLeaf ? levelOf(r.rule, r.entry.score) : null;
  if (level) return level.points === r.score ? levelText(level) : `${levelText(level)}（计${num(r.score)}分）`;
  // Whether a bonus passes its gate is known only once the base it is gated on is fully rated.
  if (r.gatedOut) return `${num(r.score)}（${complete ? '未达门槛不计' : '门槛待评完确定'}）`;
  if (!r.isLeaf && !r.scored && r.leafCount > 0) return `${num(r.score)}（${ratedLabel(r.ratedLeaves, r.leafCount)}）`;
  return num(r.score);
}

export async function buildScoreSheetXlsx(d: ScoreSheetData): Promise<Buffer> {
  const depth = Math.max(1, ...d.rows.map((r) => r.level));
  const wb = newWorkbook();
  const columns = [
    { header: '序号', weight: 5, align: 'center' as const },
    ...LEVEL_NAMES.slice(0, depth).map((h) => ({ header: h, weight: depth > 2 ? 10 : 13 })),
    { header: '分值', weight: 7, align: 'center' as const },
    { header: '评分标准', weight: 22 },
    { header: '自评分', weight: 6, align: 'center' as const },
    { header: '扣分', weight: 5, align: 'center' as const },
    { header: '失分原因', weight: 15 },
    { header: '依据的记录', weight: 22 },
    { header: '佐证材料', weight: 14 },
    { header: '整改措施', weight: 14 },
  ];
  const rows: SheetRow[] = d.rows.map((r) => {
    const names = Array.from({ length: depth }, (_, i) => (i === r.level - 1 ? r.name : ''));
    const points =
      r.rule.kind === 'major'
        ? r.rule.cap !== undefined
          ? `最多扣${num(r.rule.cap)}`
          : '不设上限'
        : r.rule.kind === 'bonus'
          ? `加分≤${num(r.points)}`
          : num(r.points);
    const criteria = r.isLeaf
      ? [r.criteria, r.rule.kind === 'manual' ? '' : `（${r.ruleLabel}）`].filter(Boolean).join('')
      : '';
    return {
      cells: [
        r.number,
        ...names,
        points,
        criteria,
        scoreCell(r, d.rated === d.leaves),
        r.deducted ? num(r.deducted) : '',
        lossReason(r),
        [basisText(r), ...recordLines(r)].filter(Boolean).join('\n'),
        evidenceText(r),
        d.measures.get(r.id) ?? '',
      ],
    };
  });
  rows.push({
    cells: [
      '合计',
      ...Array.from({ length: depth }, () => ''),
      maxLabel(d.maxBase, d.maxBonus),
      gradeCell(d),
      num(d.total),
      d.deducted ? num(d.deducted) : '',
      '',
      '',
      '',
      '',
    ],
  });
  const gradeText = d.grade === null ? '评完全部指标后确定' : d.grade;
  // An indicator with sub-indicators heads them: it prints on the page of its first sub-indicator (with any heading
  // rows between), never alone at a page's foot.
  const keepTogether: { first: number; count: number }[] = [];
  for (let i = 0; i < d.rows.length; i++) {
    if (d.rows[i].isLeaf) continue;
    let end = i;
    while (end < d.rows.length && !d.rows[end].isLeaf) end++;
    if (end < d.rows.length) keepTogether.push({ first: i, count: end - i + 1 });
    i = end;
  }
  addTableSheet(wb, {
    sheetName: '自查评分表',
    title: `${d.bureau}${d.year}年度政务公开工作自查评分表`,
    subtitle: `对照：${d.title}${GAP}${d.rated < d.leaves ? '已评指标得分' : '自评总分'}：${num(d.total)}分（满分${maxLabel(d.maxBase, d.maxBonus)}分）${GAP}${ratedLabel(d.rated, d.leaves)}${GAP}等次：${gradeText}`,
    orientation: 'landscape',
    fontSize: 10,
    columns,
    rows,
    keepTogether,
  });
  return workbookToBuffer(wb);
}

/** Lines of drafted text as 公文 blocks: "（一）标题。正文" becomes a 楷体 heading with its body; the rest paragraphs. */
function textBlocks(text: string): GongwenBlock[] {
  const out: GongwenBlock[] = [];
  for (const line of text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const m = /^(（[一二三四五六七八九十]+）[^。：]*[。：]?)(.*)$/.exec(line);
    if (m) out.push({ kind: 'heading', level: 2, text: m[1], body: m[2] || undefined });
    else out.push({ kind: 'paragraph', text: line });
  }
  return out;
}

export interface ReportDocData {
  bureau: string;
  /** 主送机关 (without the colon); none when empty. */
  addressee?: string;
  year: number;
  date: string;
  sections: ReportSections;
  sheet: ScoreSheetData;
}

/** Rows of the 附件 score table: level 1–2, every leaf that lost points, is unrated or rests on records; each
 * record behind a score on its own row right under its indicator (a long list never makes one row taller than a page). */
function scoreTableBlock(d: ScoreSheetData): GongwenBlock {
  const rows: TableRowData[] = [];
  for (const r of d.rows) {
    if (!(r.level <= 2 || r.deducted > 0 || (r.isLeaf && !r.entry.rated) || r.proposal)) continue;
    rows.push({
      cells: [
        r.number,
        `${FULL_SPACE.repeat(r.level - 1)}${r.name}`,
        r.rule.kind === 'major' ? '—' : String(num(r.points)),
        String(scoreCell(r, d.rated === d.leaves)),
        r.deducted ? String(num(r.deducted)) : '',
        [lossReason(r), basisText(r)].filter(Boolean).join('\n'),
      ],
    });
    (r.proposal?.records ?? []).forEach((x, i) =>
      rows.push({ cells: ['', `${FULL_SPACE.repeat(r.level)}${i + 1}.${x.title}`, '', '', '', x.detail] }),
    );
  }
  rows.push({
    cells: [
      '',
      '合计',
      maxLabel(d.maxBase, d.maxBonus),
      String(num(d.total)),
      d.deducted ? String(num(d.deducted)) : '',
      // "已评 12/18" once: the grade cell of an unfinished self-check says it already.
      d.grade === null && !d.vetoed ? gradeCell(d) : `${ratedLabel(d.rated, d.leaves)}；${gradeCell(d)}`,
    ],
  });
  return {
    kind: 'table',
    fontSize: SIZE.wu,
    columns: [
      { header: '序号', weight: 6, align: 'center' },
      { header: '指标及依据的记录', weight: 30 },
      { header: '分值', weight: 9, align: 'center' },
      { header: '自评分', weight: 9, align: 'center' },
      { header: '扣分', weight: 6, align: 'center' },
      { header: '失分原因及计分依据', weight: 40 },
    ],
    rows,
  };
}

export async function buildSelfcheckReportDocx(d: ReportDocData): Promise<Buffer> {
  const s = d.sections;
  const body: GongwenBlock[] = [
    ...textBlocks(s.intro),
    { kind: 'heading', level: 1, text: '一、自查情况' },
    ...textBlocks(s.situation),
    { kind: 'heading', level: 1, text: '二、存在的问题' },
    ...textBlocks(s.problems || '经自查，已评指标中未发现扣分问题。'),
    { kind: 'heading', level: 1, text: '三、整改措施' },
    ...textBlocks(s.measures || '无。'),
    { kind: 'heading', level: 1, text: '四、下一步工作打算' },
    ...textBlocks(s.next),
  ];
  return buildGongwenDocx({
    title: `${d.bureau}\n${d.year}年度政务公开工作自查报告`,
    addressee: d.addressee || undefined,
    body,
    signature: { org: d.bureau, date: d.date },
    attachments: [
      {
        label: '附件',
        title: `${d.year}年度政务公开工作自查评分表`,
        landscape: true,
        blocks: [scoreTableBlock(d.sheet)],
      },
    ],
  });
}

/** A claim in an item's closing words that the records contradict (main/services/selfcheck/contradictions.ts). */
interface ItemContradiction {
  claim: string;
  /** "信息发布登记中2026年已发布建议提案答复2条" */
  basis: string;
  records: string[];
  message: string;
}

interface LedgerData {
  bureau: string;
  /** 主送机关 of the 整改情况报告 (without the colon); none when empty. */
  addressee?: string;
  year: number;
  date: string;
  items: Rectification[];
  /**
   * Earlier years' items not 销号 when the year began (上年度/往年遗留): a 回头看 looks for them first, so the year's
   * 台账 and 报告 list them apart, with their own year and state.
   */
  carried?: Rectification[];
  /** Per item id: what its closing words claim that the records contradict (never written as fact). */
  contradictions?: Map<number, ItemContradiction[]>;
  /** The year's self-check problems no item answers ("主动公开—公开时效与要素", why, points, 单项否决, measure). */
  unregistered?: { indicator: string; reason: string; deducted: number; vetoed: boolean; measure: string }[];
}

const closed = (r: Rectification) => r.state === '已完成' || r.state === '已销号';

function progressText(r: Rectification, contradicted: ItemContradiction[] = []): string {
  const last = r.progress[r.progress.length - 1];
  // The evidence of every entry: a file by its name (the file is in the app), a web page by its address, so that a
  // reader of the paper can check it.
  const evidence = r.progress.flatMap((p) => p.evidence.map((e) => (e.attachmentId ? e.title : (e.url ?? e.title))));
  const parts = [last ? `${last.date} ${last.text}` : '', evidence.length ? `佐证材料：${evidence.join('、')}` : ''];
  if (r.explanation) parts.push('已发布情况说明');
  if (r.note) parts.push(r.note);
  for (const c of contradicted) parts.push(`与记录不符：“${c.claim}”，但${c.basis}`);
  return parts.filter(Boolean).join('\n');
}

/** The 进展情况 cell: its text, opening the (first) web evidence when clicked; a cell holds one link only. */
function progressCell(r: Rectification, contradicted: ItemContradiction[] = []): string | LinkCell {
  const text = progressText(r, contradicted);
  const url = r.progress.flatMap((p) => p.evidence.filter((e) => !e.attachmentId && e.url)).map((e) => e.url!)[0];
  return url ? { text, hyperlink: url } : text;
}

function stateText(r: Rectification, contradicted = false): string {
  const check = contradicted && closed(r) ? '\n待重新核实' : '';
  if (r.state === '已销号') return `已销号\n${r.closedOn}${check}`;
  if (r.state === '已完成') return `已完成\n${r.completedOn ?? ''}${check}`;
  return rectStateLabel(r);
}

/**
 * Earlier years' items as the year's 整改 documents count them: those not 销号 when the year began. Not called
 * 往年遗留未销号: that is the figure rectification.carriedOpen (still not 销号 at the period's end), which the 总结 and
 * the home screen quote; an item 销号 during the year is one of these and not one of those.
 */
const CARRIED = '年初未销号的往年遗留问题';

/** 销号 within the year (本年度已销号), not after it (a 2026 report made in January 2027 may see a later 销号). */
const closedWithin = (r: Rectification, year: number) =>
  r.state === '已销号' && !!r.closedOn && r.closedOn <= `${year}-12-31`;

/** "另有年初未销号的往年遗留问题2项（本年度已销号1项）": earlier years' items, counted as the year began. */
function carriedCount(carried: Rectification[], unit: string, year: number): string {
  if (!carried.length) return '';
  const closedNow = carried.filter((r) => closedWithin(r, year)).length;
  return `另有${CARRIED}${carried.length}${unit}${closedNow ? `（本年度已销号${closedNow}${unit}）` : ''}`;
}

export async function buildLedgerXlsx(d: LedgerData): Promise<Buffer> {
  const wb = newWorkbook();
  const carried = d.carried ?? [];
  const row = (r: Rectification, seq: number, own: boolean): SheetRow => ({
    cells: [
      seq,
      own ? r.source : `${r.source}\n（${r.year}年度台账第${r.seq}项）`,
      r.origin,
      r.problem,
      r.measure,
      r.kind,
      r.leader,
      r.departmentName ?? '',
      r.ownerName ?? '',
      r.deadline ?? (r.kind === '长期坚持' ? '长期坚持' : ''),
      progressCell(r, d.contradictions?.get(r.id)),
      stateText(r, !!d.contradictions?.get(r.id)),
      r.closedBy,
    ],
  });
  const own = d.items.map((r) => row(r, r.seq, true));
  const rows: SheetRow[] = carried.length
    ? [
        { section: `一、${d.year}年度问题（${d.items.length}项）` },
        ...own,
        { section: `二、${CARRIED}（${carried.length}项）` },
        ...carried.map((r, i) => row(r, d.items.length + i + 1, false)),
      ]
    : own;
  const extra = carriedCount(carried, '项', d.year);
  addTableSheet(wb, {
    sheetName: '整改台账',
    title: `${d.bureau}${d.year}年度政务公开问题整改台账`,
    // A year without items says so (not "共0项，已销号0项").
    subtitle: `${
      d.items.length
        ? `共${d.items.length}项，已销号${d.items.filter((r) => r.state === '已销号').length}项`
        : `${d.year}年度未登记整改事项`
    }${extra ? `；${extra}` : ''}${GAP}统计日期：${d.date}`,
    orientation: 'landscape',
    fontSize: 10,
    columns: [
      { header: '序号', weight: 4, align: 'center' },
      { header: '问题来源', weight: 9, align: 'center' },
      { header: '关联指标或任务', weight: 11 },
      { header: '问题描述', weight: 16 },
      { header: '整改措施', weight: 16 },
      { header: '整改类型', weight: 7, align: 'center' },
      { header: '责任领导', weight: 6, align: 'center' },
      { header: '责任科室', weight: 8, align: 'center' },
      { header: '责任人', weight: 6, align: 'center' },
      { header: '整改时限', weight: 9, align: 'center' },
      { header: '进展情况', weight: 20 },
      { header: '状态', weight: 8, align: 'center' },
      { header: '复核人', weight: 6, align: 'center' },
    ],
    rows,
  });
  return workbookToBuffer(wb);
}

const cnIndex = (i: number) => formatChineseNumeral(i + 1);

/** Where the year's problems came from, as the ledger records them: "自查", "自查、上级测评通报等". */
function sourcesOf(items: Rectification[]): string {
  const sources = RECT_SOURCES.filter((x) => items.some((r) => r.source === x)).map((x) =>
    x === '其他' ? '其他方面' : x,
  );
  return sources.length > 1 ? `${sources.join('、')}等` : sources[0];
}

/** "明确责任领导、责任科室、责任人和整改时限，": only what every item of the year has. */
function settledOf(items: Rectification[]): string {
  const named = (
    [
      ['责任领导', (r: Rectification) => !!r.leader.trim()],
      ['责任科室', (r: Rectification) => !!r.departmentName],
      ['责任人', (r: Rectification) => !!r.ownerName],
      ['整改时限', (r: Rectification) => !!r.deadline || r.kind === '长期坚持'],
    ] as const
  )
    .filter(([, has]) => items.every(has))
    .map(([name]) => name);
  if (!named.length) return '';
  const last = named.pop()!;
  return `明确${named.length ? `${named.join('、')}和${last}` : last}，`;
}

/**
 * Where the year's items stand, and how many are past their 整改时限: only the states that occur ("其中已销号1个、
 * 整改中2个"; one item "目前正在整改"), never "未开始0个".
 */
function statesOf(items: Rectification[], overdue: number): string {
  const states = (['已销号', '已完成', '整改中', '未开始'] as const)
    .map((st) => [st, items.filter((r) => r.state === st).length] as const)
    .filter(([, n]) => n);
  if (states.length === 1) {
    const words = {
      已销号: '已整改销号',
      已完成: '已完成整改、待复核销号',
      整改中: '正在整改',
      未开始: '尚未开始整改',
    };
    const late = !overdue ? '' : items.length > 1 ? `，其中${overdue}个已超过整改时限` : '，已超过整改时限';
    return `，${items.length > 1 ? '均' : '目前'}${words[states[0][0]]}${late}`;
  }
  return `，其中${states.map(([st, n]) => `${st === '已完成' ? '已完成待销号' : st}${n}个`).join('、')}${overdue ? `，已超过整改时限${overdue}个` : ''}`;
}

export async function buildRectificationReportDocx(d: LedgerData): Promise<Buffer> {
  const against = (r: Rectification) => d.contradictions?.get(r.id) ?? [];
  const carried = d.carried ?? [];
  const unregistered = d.unregistered ?? [];
  const overdue = d.items.filter((r) => r.overdue).length;
  const doubtful = d.items.filter((r) => closed(r) && against(r).length).length;
  const own = d.items.length
    ? `针对${d.year}年度政务公开${sourcesOf(d.items)}发现的问题，我局逐项制定整改措施，${settledOf(d.items)}建立整改台账，实行对账销号。共梳理问题${d.items.length}个${statesOf(d.items, overdue)}${doubtful ? `；已办结的问题中有${doubtful}个的办结理由与记录不符，须重新核实` : ''}。`
    : unregistered.length
      ? `${d.year}年度政务公开自查中发现问题${unregistered.length}个，整改台账中尚未登记相应的整改事项。`
      : `${d.year}年度暂未登记需要整改的问题。`;
  const late = d.items.length && unregistered.length ? `自查中另有${unregistered.length}个问题尚未登记整改台账。` : '';
  // Earlier years' items: how many, of which years, where they stand (only the states that occur).
  const years = [...new Set(carried.map((r) => r.year))]
    .sort((a, b) => b - a)
    .map((y) => `${y}年度${carried.filter((r) => r.year === y).length}个`);
  const states = (
    [
      ['本年度已销号', (r) => closedWithin(r, d.year)],
      ['年度结束后已销号', (r) => r.state === '已销号' && !closedWithin(r, d.year)],
      ['已完成待销号', (r) => r.state === '已完成'],
      ['整改中', (r) => r.state === '整改中'],
      ['未开始', (r) => r.state === '未开始'],
    ] as const satisfies readonly (readonly [string, (r: Rectification) => boolean])[]
  )
    .map(([label, is]) => [label, carried.filter(is).length] as const)
    .filter(([, n]) => n)
    .map(([label, n]) => `${label}${n}个`);
  const carriedOverdue = carried.filter((r) => r.overdue).length;
  const old = carried.length
    ? `另有${CARRIED}${carried.length}个（${years.join('、')}），其中${states.join('、')}${carriedOverdue ? `，已超过整改时限${carriedOverdue}个` : ''}。`
    : '';
  const any = d.items.length || carried.length || unregistered.length;
  const intro = `${own}${late}${old}${any ? '现将整改情况报告如下。' : ''}`;
  const end = (t: string) => (/[。！]$/.test(t) ? t : `${t}。`);
  const itemBlocks = (r: Rectification, i: number, ownYear: boolean): GongwenBlock[] => {
    const wrong = against(r);
    const state =
      r.state === '已销号'
        ? `${wrong.length ? '台账记为' : '已于'}${formatChineseDate(r.closedOn!)}销号（复核人：${r.closedBy}）`
        : r.state === '已完成'
          ? `${wrong.length ? '台账记为' : ''}已完成${r.completedOn ? `（${formatChineseDate(r.completedOn)}）` : ''}，待复核销号`
          : `${rectStateLabel(r)}${r.deadline ? `，整改时限为${formatChineseDate(r.deadline)}` : ''}`;
    const last = r.progress[r.progress.length - 1];
    // An indicator's path as running text writes it ("主动公开—公开时效与要素", as the 自查报告 does), not as stored.
    const origin = r.origin ? `（${r.origin.replace(/\s*\/\s*/g, '—')}）` : '';
    const source = ownYear
      ? `问题来源：${r.source}${origin}。`
      : `问题来源：${r.year}年度${r.source}${origin}，${r.year}年度整改台账第${r.seq}项。`;
    // A closing reason the records contradict is reported as what the ledger says, with what the records hold.
    const text = wrong.length
      ? `${source}台账登记的整改措施为“${r.measure.replace(/[。；;]$/, '')}”${last ? `，整改进展为“${last.text.replace(/[。；;]$/, '')}”` : ''}。经核对，${wrong.map((c) => `${c.basis}（${c.records.slice(0, 3).join('、')}${c.records.length > 3 ? '等' : ''}），与“${c.claim}”不符`).join('；')}。整改状态：${state}，${closed(r) ? '其办结理由与记录不符，须重新核实' : '须核实后继续整改'}。`
      : `${source}${r.measure ? `整改措施：${end(r.measure)}` : ''}${last ? `整改进展：${end(last.text)}` : ''}${r.explanation ? '因相关事项本年度未发生，已发布情况说明。' : ''}整改状态：${state}。`;
    return [
      { kind: 'heading', level: 2, text: `（${cnIndex(i)}）${r.problem.replace(/[。；;]$/, '')}。` },
      { kind: 'paragraph', text },
    ];
  };
  // A self-check problem no item answers is reported as what it is: found, not yet in the ledger.
  const unregisteredBlocks = unregistered.flatMap((p, k): GongwenBlock[] => [
    { kind: 'heading', level: 2, text: `（${cnIndex(d.items.length + k)}）${p.indicator}：${end(p.reason)}` },
    {
      kind: 'paragraph',
      text: `问题来源：${d.year}年度自查（${p.vetoed ? '触发单项否决' : `扣${num(p.deducted)}分`}）。${p.measure ? `拟采取的整改措施：${end(p.measure)}` : ''}整改状态：尚未登记整改台账。`,
    },
  ]);
  const items = [...d.items.flatMap((r, i) => itemBlocks(r, i, true)), ...unregisteredBlocks];
  const oldItems = carried.flatMap((r, i) => itemBlocks(r, i, false));
  const isOpen = (r: Rectification) => r.state !== '已销号' && r.state !== '已完成';
  const open = d.items.filter(isOpen).length + carried.filter(isOpen).length;
  const none: GongwenBlock = { kind: 'paragraph', text: '本年度整改台账中没有登记整改事项。' };
  // Nothing registered and nothing found: the report says so and what is done next, without empty parts.
  if (!any)
    return buildGongwenDocx({
      title: `${d.bureau}\n关于${d.year}年度政务公开问题整改情况的报告`,
      addressee: d.addressee || undefined,
      body: [
        { kind: 'paragraph', text: intro },
        {
          kind: 'paragraph',
          text: '下一步，我局将定期对照考核指标开展自查，发现问题及时登记、限期整改，持续提升政务公开工作质量。',
        },
      ],
      signature: { org: d.bureau, date: d.date },
      attachments: [],
    });
  const body: GongwenBlock[] = [
    { kind: 'paragraph', text: intro },
    ...(carried.length
      ? [
          { kind: 'heading', level: 1, text: '一、本年度问题整改情况' } as GongwenBlock,
          ...(items.length ? items : [none]),
          { kind: 'heading', level: 1, text: '二、往年遗留问题整改情况' } as GongwenBlock,
          ...oldItems,
        ]
      : [{ kind: 'heading', level: 1, text: '一、整改落实情况' } as GongwenBlock, ...(items.length ? items : [none])]),
    { kind: 'heading', level: 1, text: `${carried.length ? '三' : '二'}、下一步打算` },
    {
      kind: 'paragraph',
      // "回头看" of what was fixed only when something was; a ledger with nothing in it plans the next 自查.
      text: `${unregistered.length ? `对自查发现、尚未登记整改台账的${unregistered.length}个问题，逐项明确整改措施、责任人和整改时限并登记整改台账，限期整改到位；` : ''}${open ? `对尚未完成的${open}个问题，继续按整改时限逐项推进，完成一项、销号一项；` : ''}${carriedOverdue ? `对超过整改时限的往年遗留问题，明确新的完成时间，由责任领导督办；` : ''}${
        [...d.items, ...carried].some(closed)
          ? '对已整改的问题开展“回头看”，防止问题反弹；'
          : d.items.length || carried.length
            ? ''
            : '定期对照考核指标开展自查，发现问题及时登记、限期整改，'
      }${d.items.length || carried.length ? '把整改中形成的好做法固化为制度，' : ''}持续提升政务公开工作质量。`,
    },
  ];
  const tableRow = (r: Rectification, seq: number): TableRowData => ({
    cells: [
      String(seq),
      r.problem,
      r.measure,
      r.departmentName ?? '',
      r.deadline ?? r.kind,
      stateText(r, !!d.contradictions?.get(r.id)),
    ],
  });
  const ownRows = d.items.map((r) => tableRow(r, r.seq));
  const rows: TableRowData[] = carried.length
    ? [
        { section: `一、${d.year}年度问题（${d.items.length}个）` },
        ...ownRows,
        { section: `二、${CARRIED}（${carried.length}个）` },
        ...carried.map((r, i) => tableRow(r, d.items.length + i + 1)),
      ]
    : ownRows;
  return buildGongwenDocx({
    title: `${d.bureau}\n关于${d.year}年度政务公开问题整改情况的报告`,
    addressee: d.addressee || undefined,
    body,
    signature: { org: d.bureau, date: d.date },
    // No 附件 of a ledger without rows: the report says there is nothing.
    attachments: rows.length
      ? [
          {
            label: '附件',
            title: `${d.year}年度政务公开问题整改台账`,
            landscape: true,
            blocks: [
              {
                kind: 'table',
                fontSize: SIZE.wu,
                columns: [
                  { header: '序号', weight: 5, align: 'center' },
                  { header: '问题描述', weight: 26 },
                  { header: '整改措施', weight: 26 },
                  { header: '责任科室', weight: 9, align: 'center' },
                  { header: '整改时限', weight: 10, align: 'center' },
                  { header: '状态', weight: 10, align: 'center' },
                ],
                rows,
              },
            ],
          },
        ]
      : [],
  });
}
