// The plan's documents: 实施方案 (.docx, with the task table as a landscape attachment), 重点任务分解表 (.xlsx and
// .docx) and 工作台账 (.xlsx). Pure builders over plain data; the plan service gathers the data.
import { buildGongwenDocx, type GongwenBlock, type TableColumn, type TableRowData } from '../gongwen/document';
import { formatChineseDate } from '../gongwen/format';
import { addTableSheet, newWorkbook, workbookToBuffer, type SheetColumn, type SheetRow } from '../xlsx/sheet';

export interface TaskExportRow {
  seq: number;
  title: string;
  measures: string;
  points: string;
  lead: string;
  support: string;
  owner: string;
  deadline: string;
  progress: string;
  status: string;
}

export interface PlanExportData {
  year: number;
  title: string;
  docNumber: string;
  /** ISO date of 成文日期, or null. */
  docDate: string | null;
  intro: string;
  closing: { heading: string; text: string }[];
  signatureOrg: string;
  sections: { title: string; tasks: TaskExportRow[] }[];
}

export interface LedgerExportData {
  year: number;
  title: string;
  /** e.g. "2026年1月1日至2026年6月30日"; empty for the whole year. */
  rangeLabel: string;
  bureau: string;
  tasks: (TaskExportRow & {
    section: string;
    entries: { date: string; text: string; percent: number | null; evidence: string[] }[];
  })[];
}

const CN_NUMERALS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 1 → 一, 12 → 十二, 21 → 二十一 (up to 99). */
export function chineseNumber(n: number): string {
  if (n <= 10) return CN_NUMERALS[n];
  if (n < 20) return `十${CN_NUMERALS[n - 10]}`;
  const t = Math.floor(n / 10), u = n % 10;
  return `${CN_NUMERALS[t]}十${u ? CN_NUMERALS[u] : ''}`;
}

export const TASK_TABLE_COLUMNS: (TableColumn & SheetColumn)[] = [
  { header: '序号', weight: 5, align: 'center' },
  { header: '工作任务', weight: 12 },
  { header: '具体措施', weight: 23 },
  { header: '对应要点', weight: 9 },
  { header: '牵头科室', weight: 8, align: 'center' },
  { header: '配合科室', weight: 8, align: 'center' },
  { header: '责任人', weight: 7, align: 'center' },
  { header: '完成时限', weight: 8, align: 'center' },
  { header: '进展情况', weight: 14 },
  { header: '状态', weight: 7, align: 'center' },
];

function taskCells(t: TaskExportRow): string[] {
  return [String(t.seq), t.title, t.measures, t.points, t.lead, t.support, t.owner, t.deadline, t.progress, t.status];
}

function taskRows(data: PlanExportData): (TableRowData & SheetRow)[] {
  const rows: (TableRowData & SheetRow)[] = [];
  data.sections.forEach((s, i) => {
    rows.push({ section: `${chineseNumber(i + 1)}、${s.title}` });
    for (const t of s.tasks) rows.push({ cells: taskCells(t) });
  });
  return rows;
}

const TASK_TABLE_TITLE = '重点任务分解表';

/** The 实施方案 in 公文 format: sections as 一、 headings, tasks as （一） run-in headings, closing sections after. */
export async function buildPlanDocx(data: PlanExportData): Promise<Buffer> {
  const body: GongwenBlock[] = [];
  if (data.intro.trim()) body.push({ kind: 'paragraph', text: data.intro });
  let n = 0;
  for (const s of data.sections) {
    body.push({ kind: 'heading', level: 1, text: `${chineseNumber(++n)}、${s.title}` });
    s.tasks.forEach((t, i) => {
      const duty = [t.lead && `牵头科室：${t.lead}`, t.support && `配合科室：${t.support}`, t.deadline && `完成时限：${t.deadline}`].filter(Boolean).join('；');
      const measures = t.measures.trim().replace(/\s*\n\s*/g, '');
      const title = t.title.replace(/[。.]$/, '');
      body.push({ kind: 'heading', level: 2, text: `（${chineseNumber(i + 1)}）${title}。`, body: `${measures}${duty ? `（${duty}）` : ''}` });
    });
  }
  for (const c of data.closing) {
    if (!c.heading.trim() && !c.text.trim()) continue;
    body.push({ kind: 'heading', level: 1, text: `${chineseNumber(++n)}、${c.heading}` });
    if (c.text.trim()) body.push({ kind: 'paragraph', text: c.text });
  }
  return buildGongwenDocx({
    title: data.title,
    docNumber: data.docNumber || undefined,
    body,
    signature: data.signatureOrg && data.docDate ? { org: data.signatureOrg, date: data.docDate } : undefined,
    attachments: [{ label: '附件', title: TASK_TABLE_TITLE, landscape: true, blocks: [{ kind: 'table', columns: TASK_TABLE_COLUMNS, rows: taskRows(data), fontSize: 21 }] }],
  });
}

/** 重点任务分解表 as a landscape .docx of its own. */
export async function buildTaskTableDocx(data: PlanExportData): Promise<Buffer> {
  return buildGongwenDocx({
    title: `${data.year}年政务公开${TASK_TABLE_TITLE}`,
    landscape: true,
    body: [{ kind: 'table', columns: TASK_TABLE_COLUMNS, rows: taskRows(data), fontSize: 21 }],
  });
}

/** 重点任务分解表 .xlsx: a merged row per section, A4 landscape, header repeated and frozen. */
export async function buildTaskTableXlsx(data: PlanExportData): Promise<Buffer> {
  const wb = newWorkbook();
  addTableSheet(wb, {
    sheetName: TASK_TABLE_TITLE,
    title: `${data.year}年政务公开${TASK_TABLE_TITLE}`,
    subtitle: data.signatureOrg ? `${data.signatureOrg}${data.docDate ? `\u3000${formatChineseDate(data.docDate)}` : ''}` : undefined,
    columns: TASK_TABLE_COLUMNS,
    rows: taskRows(data),
    orientation: 'landscape',
    fontSize: 10,
  });
  return workbookToBuffer(wb);
}

export const LEDGER_COLUMNS: SheetColumn[] = [
  { header: '序号', weight: 4, align: 'center' },
  { header: '工作任务', weight: 14 },
  { header: '牵头科室', weight: 8, align: 'center' },
  { header: '责任人', weight: 6, align: 'center' },
  { header: '完成时限', weight: 8, align: 'center' },
  { header: '状态', weight: 5, align: 'center' },
  { header: '进展日期', weight: 8, align: 'center' },
  { header: '进展情况', weight: 26 },
  { header: '完成比例', weight: 5, align: 'center' },
  { header: '佐证材料', weight: 14 },
];

/** 工作台账: every task with its progress entries (one row each) and evidence; task cells merged down. */
export async function buildLedgerXlsx(data: LedgerExportData): Promise<Buffer> {
  const wb = newWorkbook();
  const rows: SheetRow[] = [];
  const merges: { first: number; count: number }[] = [];
  let section: string | null = null;
  let sectionNo = 0;
  for (const t of data.tasks) {
    if (t.section !== section) {
      section = t.section;
      rows.push({ section: `${chineseNumber(++sectionNo)}、${section}` });
    }
    const task = [String(t.seq), t.title, t.lead, t.owner, t.deadline, t.status];
    const entries = t.entries.length ? t.entries : [{ date: '', text: '（期间无进展记录）', percent: null, evidence: [] as string[] }];
    merges.push({ first: rows.length, count: entries.length });
    for (const e of entries) {
      rows.push({ cells: [...task, e.date, e.text, e.percent === null ? '' : `${e.percent}%`, e.evidence.join('\n')] });
    }
  }
  const ws = addTableSheet(wb, {
    sheetName: '工作台账',
    title: data.title,
    subtitle: [data.bureau, data.rangeLabel].filter(Boolean).join('\u3000'),
    columns: LEDGER_COLUMNS,
    rows,
    orientation: 'landscape',
    fontSize: 10,
  });
  // Data rows follow the (frozen) header row in order.
  const firstDataRow = Number((ws.views[0] as { ySplit?: number }).ySplit ?? 1) + 1;
  for (const m of merges) {
    if (m.count < 2) continue;
    const top = firstDataRow + m.first;
    for (let c = 1; c <= 6; c++) ws.mergeCells(top, c, top + m.count - 1, c);
  }
  return workbookToBuffer(wb);
}
