// 自查评分表 (.xlsx), 自查报告 (.docx, GB/T 9704 with the score table as 附件), 整改台账 (.xlsx) and 整改情况报告
// (.docx). Pure: plain data in, Buffer out. Scores are written as the app's values, so every sum printed equals the
// sum on screen (formulas would be recomputed by WPS/LibreOffice without the caps and gates the rules apply).
import { formatChineseNumeral } from '../../../shared/domain/point-numbering';
import {
  rectStateLabel,
  type Rectification,
  type ReportSections,
  type SelfcheckRow,
} from '../../../shared/domain/selfcheck';
import { buildGongwenDocx, type GongwenBlock, type TableRowData } from '../gongwen/document';
import { SIZE } from '../gongwen/format';
import { addTableSheet, newWorkbook, workbookToBuffer, type SheetRow } from '../xlsx/sheet';

/** Full-width spaces (U+3000): the gaps and indents a Chinese table uses. */
const FULL_SPACE = '\u3000';
const GAP = FULL_SPACE + FULL_SPACE;

const LEVEL_NAMES = ['一级指标', '二级指标', '三级指标', '四级指标', '五级指标', '六级指标'];

export interface ScoreSheetData {
  bureau: string;
  year: number;
  title: string;
  total: number;
  maxTotal: number;
  grade: string;
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
  return r.deducted > 0 || r.vetoed || (r.rule.kind === 'bonus' && r.score > 0) ? r.entry.reason : '';
}

function scoreCell(r: SelfcheckRow): number | string {
  if (r.rule.kind === 'veto') return r.vetoed ? '否决' : '未触发';
  if (r.gatedOut) return `${num(r.score)}（未达门槛不计）`;
  return num(r.score);
}

export async function buildScoreSheetXlsx(d: ScoreSheetData): Promise<Buffer> {
  const depth = Math.max(1, ...d.rows.map((r) => r.level));
  const wb = newWorkbook();
  const columns = [
    { header: '序号', weight: 5, align: 'center' as const },
    ...LEVEL_NAMES.slice(0, depth).map((h) => ({ header: h, weight: depth > 2 ? 10 : 13 })),
    { header: '分值', weight: 5, align: 'center' as const },
    { header: '评分标准', weight: 26 },
    { header: '自评分', weight: 6, align: 'center' as const },
    { header: '扣分', weight: 5, align: 'center' as const },
    { header: '失分原因', weight: 16 },
    { header: '佐证材料', weight: 16 },
    { header: '整改措施', weight: 16 },
  ];
  const rows: SheetRow[] = d.rows.map((r) => {
    const names = Array.from({ length: depth }, (_, i) => (i === r.level - 1 ? r.name : ''));
    const points =
      r.rule.kind === 'major' ? '不设上限' : r.rule.kind === 'bonus' ? `加分≤${num(r.points)}` : num(r.points);
    const criteria = r.isLeaf
      ? [r.criteria, r.rule.kind === 'manual' ? '' : `（${r.ruleLabel}）`].filter(Boolean).join('')
      : '';
    return {
      cells: [
        r.number,
        ...names,
        points,
        criteria,
        scoreCell(r),
        r.deducted ? num(r.deducted) : '',
        lossReason(r),
        evidenceText(r),
        d.measures.get(r.id) ?? '',
      ],
    };
  });
  rows.push({
    cells: [
      '合计',
      ...Array.from({ length: depth }, () => ''),
      num(d.maxTotal),
      d.vetoed ? `单项否决：${d.vetoedBy.join('；')}` : `等次：${d.grade}`,
      num(d.total),
      num(Math.max(0, d.maxTotal - d.total)),
      '',
      '',
      '',
    ],
  });
  addTableSheet(wb, {
    sheetName: '自查评分表',
    title: `${d.bureau}${d.year}年度政务公开工作自查评分表`,
    subtitle: `对照：${d.title}${GAP}自评总分：${num(d.total)}分（满分${num(d.maxTotal)}分）${GAP}等次：${d.grade}`,
    orientation: 'landscape',
    fontSize: 10,
    columns,
    rows,
  });
  return workbookToBuffer(wb);
}

/** Lines of drafted text as 公文 blocks: "（一）标题。正文" becomes a 楷体 heading with its body; the rest paragraphs. */
export function textBlocks(text: string): GongwenBlock[] {
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
  year: number;
  date: string;
  sections: ReportSections;
  sheet: ScoreSheetData;
}

function scoreTableBlock(d: ScoreSheetData): GongwenBlock {
  const rows: TableRowData[] = d.rows
    .filter((r) => r.level <= 2 || r.deducted > 0)
    .map((r) => ({
      cells: [
        r.number,
        `${FULL_SPACE.repeat(r.level - 1)}${r.name}`,
        r.rule.kind === 'major' ? '—' : String(num(r.points)),
        String(scoreCell(r)),
        r.deducted ? String(num(r.deducted)) : '',
        lossReason(r),
      ],
    }));
  rows.push({
    cells: [
      '',
      '合计',
      String(num(d.maxTotal)),
      String(num(d.total)),
      String(num(Math.max(0, d.maxTotal - d.total))),
      `等次：${d.grade}`,
    ],
  });
  return {
    kind: 'table',
    fontSize: SIZE.wu,
    columns: [
      { header: '序号', weight: 6, align: 'center' },
      { header: '指标', weight: 30 },
      { header: '分值', weight: 7, align: 'center' },
      { header: '自评分', weight: 8, align: 'center' },
      { header: '扣分', weight: 7, align: 'center' },
      { header: '失分原因', weight: 42 },
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
    ...textBlocks(s.problems || '经自查，未发现扣分问题。'),
    { kind: 'heading', level: 1, text: '三、整改措施' },
    ...textBlocks(s.measures || '无。'),
    { kind: 'heading', level: 1, text: '四、下一步工作打算' },
    ...textBlocks(s.next),
  ];
  return buildGongwenDocx({
    title: `${d.bureau}\n${d.year}年度政务公开工作自查报告`,
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

interface LedgerData {
  bureau: string;
  year: number;
  date: string;
  items: Rectification[];
}

function progressText(r: Rectification): string {
  const last = r.progress[r.progress.length - 1];
  // The evidence of every entry, by name: the printed ledger says what backs the progress (the files are in the app).
  // Links print as 网页链接: a long address wraps at its slashes beyond what the row height allows for.
  const evidence = r.progress.flatMap((p) => p.evidence.map((e) => (e.attachmentId ? e.title : '网页链接')));
  const parts = [last ? `${last.date} ${last.text}` : '', evidence.length ? `佐证材料：${evidence.join('、')}` : ''];
  if (r.explanation) parts.push('已发布情况说明');
  if (r.note) parts.push(r.note);
  return parts.filter(Boolean).join('\n');
}

function stateText(r: Rectification): string {
  if (r.state === '已销号') return `已销号\n${r.closedOn}`;
  if (r.state === '已完成') return `已完成\n${r.completedOn ?? ''}`;
  return rectStateLabel(r);
}

export async function buildLedgerXlsx(d: LedgerData): Promise<Buffer> {
  const wb = newWorkbook();
  addTableSheet(wb, {
    sheetName: '整改台账',
    title: `${d.bureau}${d.year}年度政务公开问题整改台账`,
    subtitle: `共${d.items.length}项，已销号${d.items.filter((r) => r.state === '已销号').length}项${GAP}统计日期：${d.date}`,
    orientation: 'landscape',
    fontSize: 10,
    columns: [
      { header: '序号', weight: 4, align: 'center' },
      { header: '问题来源', weight: 9, align: 'center' },
      { header: '关联指标或任务', weight: 11 },
      { header: '问题描述', weight: 18 },
      { header: '整改措施', weight: 18 },
      { header: '整改类型', weight: 7, align: 'center' },
      { header: '责任领导', weight: 6, align: 'center' },
      { header: '责任科室', weight: 8, align: 'center' },
      { header: '责任人', weight: 6, align: 'center' },
      { header: '整改时限', weight: 9, align: 'center' },
      { header: '进展情况', weight: 16 },
      { header: '状态', weight: 8, align: 'center' },
      { header: '复核人', weight: 6, align: 'center' },
    ],
    rows: d.items.map((r) => ({
      cells: [
        r.seq,
        r.source,
        r.origin,
        r.problem,
        r.measure,
        r.kind,
        r.leader,
        r.departmentName ?? '',
        r.ownerName ?? '',
        r.deadline ?? (r.kind === '长期坚持' ? '长期坚持' : ''),
        progressText(r),
        stateText(r),
        r.closedBy,
      ],
    })),
  });
  return workbookToBuffer(wb);
}

const cnIndex = (i: number) => formatChineseNumeral(i + 1);

export async function buildRectificationReportDocx(d: LedgerData): Promise<Buffer> {
  const count = (s: string) => d.items.filter((r) => r.state === s).length;
  const overdue = d.items.filter((r) => r.overdue).length;
  const intro = d.items.length
    ? `针对${d.year}年度政务公开自查、上级测评通报等发现的问题，我局逐项制定整改措施，明确责任领导、责任科室、责任人和整改时限，建立整改台账，实行对账销号。共梳理问题${d.items.length}个，已销号${count('已销号')}个、已完成待销号${count('已完成')}个、整改中${count('整改中')}个、未开始${count('未开始')}个${overdue ? `，其中已超过整改时限${overdue}个` : ''}。现将整改情况报告如下。`
    : `${d.year}年度暂未登记需要整改的问题。`;
  const items: GongwenBlock[] = d.items.flatMap((r, i) => {
    const state =
      r.state === '已销号'
        ? `已于${r.closedOn}销号（复核人：${r.closedBy}）`
        : r.state === '已完成'
          ? `已完成${r.completedOn ? `（${r.completedOn}）` : ''}，待复核销号`
          : `${rectStateLabel(r)}${r.deadline ? `，整改时限${r.deadline}` : ''}`;
    const last = r.progress[r.progress.length - 1];
    return [
      { kind: 'heading', level: 2, text: `（${cnIndex(i)}）${r.problem.replace(/[。；;]$/, '')}。` } as GongwenBlock,
      {
        kind: 'paragraph',
        text: `问题来源：${r.source}${r.origin ? `（${r.origin}）` : ''}。整改措施：${r.measure || '（未填写）'}${/[。！]$/.test(r.measure) ? '' : '。'}${last ? `整改进展：${last.text}${/[。！]$/.test(last.text) ? '' : '。'}` : ''}${r.explanation ? '因相关事项本年度未发生，已发布情况说明。' : ''}整改状态：${state}。`,
      } as GongwenBlock,
    ];
  });
  const open = d.items.filter((r) => r.state !== '已销号' && r.state !== '已完成').length;
  const body: GongwenBlock[] = [
    { kind: 'paragraph', text: intro },
    { kind: 'heading', level: 1, text: '一、整改落实情况' },
    ...(items.length ? items : [{ kind: 'paragraph', text: '无。' } as GongwenBlock]),
    { kind: 'heading', level: 1, text: '二、下一步打算' },
    {
      kind: 'paragraph',
      text: `${open ? `对尚未完成的${open}个问题，继续按整改时限逐项推进，完成一项、销号一项；` : ''}对已整改的问题开展“回头看”，防止问题反弹；把整改中形成的好做法固化为制度，持续提升政务公开工作质量。`,
    },
  ];
  return buildGongwenDocx({
    title: `${d.bureau}\n关于${d.year}年度政务公开问题整改情况的报告`,
    body,
    signature: { org: d.bureau, date: d.date },
    attachments: [
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
            rows: d.items.map((r) => ({
              cells: [String(r.seq), r.problem, r.measure, r.departmentName ?? '', r.deadline ?? r.kind, stateText(r)],
            })),
          },
        ],
      },
    ],
  });
}
