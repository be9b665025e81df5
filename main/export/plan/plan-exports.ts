// The plan's documents: 实施方案 (.docx, with the task table as a landscape attachment), 重点任务分解表 (.xlsx and
// .docx) and 工作台账 (.xlsx). Pure builders over plain data; the plan service gathers the data.
import { buildGongwenDocx, type GongwenBlock, type TableColumn, type TableRowData } from '../gongwen/document';
import { formatChineseNumeral } from '../../../shared/domain/point-numbering';
import { formatChineseDate } from '../../../shared/domain/dates';
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
  /** The bureau's full name: in the tables' titles and their 填报单位 line. */
  bureau: string;
  /** ISO date the export is made: the 分解表's 填报日期, the day its 进展 and 状态 columns stand on. */
  filedOn: string;
  /** How the plan is issued: 版头, 加盖印章, 附注, 版记. */
  issue?: PlanIssueOptions;
  sections: { title: string; tasks: TaskExportRow[] }[];
}

interface PlanIssueOptions {
  /** 发文机关标志 with the 发文字号 under it above the red line (only with a 文号). */
  head: boolean;
  /** 加盖印章的落款 (§7.3.5.1) instead of the unsealed one. */
  sealed: boolean;
  /** 附注 text without parentheses, e.g. 此件主动公开; empty for none. */
  note: string;
  /** 版记: 印发机关 (empty for none); 印发日期 is the 成文日期. */
  imprintIssuer: string;
}

export interface LedgerExportData {
  year: number;
  title: string;
  /** e.g. "2026年1月1日至2026年6月30日"; empty for the whole year. */
  rangeLabel: string;
  bureau: string;
  /** ISO date the export is made: its 填报日期. */
  filedOn: string;
  tasks: (TaskExportRow & {
    section: string;
    entries: { date: string; text: string; percent: number | null; evidence: string[] }[];
  })[];
}

/** 1 → 一, 12 → 十二, 21 → 二十一: the one numeral writer of the workstation. */
const chineseNumber = formatChineseNumeral;

export const TASK_TABLE_COLUMNS: (TableColumn & SheetColumn)[] = [
  { header: '序号', weight: 5, align: 'center' },
  { header: '工作任务', weight: 12 },
  { header: '具体措施', weight: 20 },
  { header: '对应要点', weight: 9 },
  { header: '牵头科室', weight: 8, align: 'center' },
  { header: '配合科室', weight: 8, align: 'center' },
  { header: '责任人', weight: 7, align: 'center' },
  { header: '完成时限', weight: 8, align: 'center' },
  { header: '进展情况', weight: 14 },
  // Wide enough for 进行中（已逾期，已转入2027年实施方案） in three lines.
  { header: '状态', weight: 10, align: 'center' },
];

function taskCells(t: TaskExportRow): string[] {
  return [String(t.seq), t.title, t.measures, t.points, t.lead, t.support, t.owner, t.deadline, t.progress, t.status];
}

/**
 * The 分解表 attached to the plan: what is to be done, by whom, by when. No 进展情况/状态: a plan dated in March
 * cannot show November's progress.
 */
export const PLAN_ATTACHMENT_COLUMNS: (TableColumn & SheetColumn)[] = [
  { header: '序号', weight: 5, align: 'center' },
  { header: '工作任务', weight: 16 },
  { header: '具体措施', weight: 38 },
  { header: '牵头科室', weight: 10, align: 'center' },
  { header: '配合科室', weight: 12, align: 'center' },
  { header: '完成时限', weight: 10, align: 'center' },
];

function attachmentCells(t: TaskExportRow): string[] {
  return [String(t.seq), t.title, t.measures, t.lead, t.support, t.deadline];
}

function taskRows(
  data: PlanExportData,
  cells: (t: TaskExportRow) => string[] = taskCells,
): (TableRowData & SheetRow)[] {
  const rows: (TableRowData & SheetRow)[] = [];
  data.sections.forEach((s, i) => {
    rows.push({ section: `${chineseNumber(i + 1)}、${s.title}` });
    for (const t of s.tasks) rows.push({ cells: cells(t) });
  });
  return rows;
}

const TASK_TABLE_TITLE = '重点任务分解表';

/** "2026年某县科学技术局政务公开重点任务分解表": a table filed on its own names its unit. */
function taskTableTitle(year: number, bureau: string): string {
  return `${year}年${bureau}政务公开${TASK_TABLE_TITLE}`;
}

/**
 * The line under a filed table's title: 填报单位 (to be sealed) and 填报日期, the day the table is made. Its 进展 and
 * 状态 columns are as of that day, so the date is printed rather than left blank for a pen.
 */
function filingLine(bureau: string, filedOn: string): string {
  return `填报单位：${bureau || '\u3000'.repeat(8)}（盖章）\u3000\u3000\u3000\u3000填报日期：${formatChineseDate(filedOn)}`;
}

/** The 实施方案 in 公文 format: sections as 一、 headings, tasks as （一） run-in headings, closing sections after. */
export async function buildPlanDocx(data: PlanExportData): Promise<Buffer> {
  const body: GongwenBlock[] = [];
  if (data.intro.trim()) body.push({ kind: 'paragraph', text: data.intro });
  let n = 0;
  for (const s of data.sections) {
    body.push({ kind: 'heading', level: 1, text: `${chineseNumber(++n)}、${s.title}` });
    s.tasks.forEach((t, i) => {
      const duty = [
        t.lead && `牵头科室：${t.lead}`,
        t.support && `配合科室：${t.support}`,
        t.deadline && `完成时限：${t.deadline}`,
      ]
        .filter(Boolean)
        .join('；');
      const measures = t.measures.trim().replace(/\s*\n\s*/g, '');
      const title = t.title.replace(/[。.]$/, '');
      body.push({
        kind: 'heading',
        level: 2,
        text: `（${chineseNumber(i + 1)}）${title}。`,
        body: `${measures}${duty ? `（${duty}）` : ''}`,
      });
    });
  }
  for (const c of data.closing) {
    if (!c.heading.trim() && !c.text.trim()) continue;
    body.push({ kind: 'heading', level: 1, text: `${chineseNumber(++n)}、${c.heading}` });
    if (c.text.trim()) body.push({ kind: 'paragraph', text: c.text });
  }
  const issue = data.issue;
  const org = data.signatureOrg || data.bureau;
  return buildGongwenDocx({
    title: data.title,
    author: data.bureau || undefined,
    orgMark: issue?.head && data.docNumber && org ? `${org}文件` : undefined,
    docNumber: data.docNumber || undefined,
    body,
    signature:
      data.signatureOrg && data.docDate
        ? { org: data.signatureOrg, date: data.docDate, sealed: issue?.sealed }
        : undefined,
    note: issue?.note.trim() || undefined,
    imprint:
      issue?.imprintIssuer.trim() && data.docDate
        ? { issuer: issue.imprintIssuer.trim(), date: data.docDate }
        : undefined,
    attachments: [
      {
        label: '附件',
        title: TASK_TABLE_TITLE,
        landscape: true,
        blocks: [
          { kind: 'table', columns: PLAN_ATTACHMENT_COLUMNS, rows: taskRows(data, attachmentCells), fontSize: 21 },
        ],
      },
    ],
  });
}

/** 重点任务分解表 as a landscape .docx of its own, with the unit in its title and a 填报单位/填报日期 line. */
export async function buildTaskTableDocx(data: PlanExportData): Promise<Buffer> {
  return buildGongwenDocx({
    title: taskTableTitle(data.year, data.bureau),
    author: data.bureau || undefined,
    landscape: true,
    body: [
      { kind: 'filing', text: filingLine(data.bureau, data.filedOn) },
      { kind: 'table', columns: TASK_TABLE_COLUMNS, rows: taskRows(data), fontSize: 21 },
    ],
  });
}

/** 重点任务分解表 .xlsx: a merged row per section, A4 landscape, header repeated and frozen. */
export async function buildTaskTableXlsx(data: PlanExportData): Promise<Buffer> {
  const wb = newWorkbook(data.bureau || undefined, taskTableTitle(data.year, data.bureau));
  addTableSheet(wb, {
    sheetName: TASK_TABLE_TITLE,
    title: taskTableTitle(data.year, data.bureau),
    subtitle: filingLine(data.bureau, data.filedOn),
    columns: TASK_TABLE_COLUMNS,
    rows: taskRows(data),
    orientation: 'landscape',
    fontSize: 10,
  });
  return workbookToBuffer(wb);
}

const LEDGER_COLUMNS: SheetColumn[] = [
  { header: '序号', weight: 4, align: 'center' },
  { header: '工作任务', weight: 12 },
  { header: '牵头科室', weight: 8, align: 'center' },
  { header: '责任人', weight: 6, align: 'center' },
  { header: '完成时限', weight: 7, align: 'center' },
  { header: '状态', weight: 8, align: 'center' },
  { header: '进展日期', weight: 8, align: 'center' },
  { header: '进展情况', weight: 19 },
  { header: '完成比例', weight: 5, align: 'center' },
  // Evidence names a document and its address, which breaks only at its slashes: the row's tallest cell.
  { header: '佐证材料', weight: 20 },
];

/** 工作台账: every task with its progress entries (one row each) and evidence; task cells merged down. */
export async function buildLedgerXlsx(data: LedgerExportData): Promise<Buffer> {
  const wb = newWorkbook(data.bureau || undefined, data.title);
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
    const entries = t.entries.length
      ? t.entries
      : [{ date: '', text: '（期间无进展记录）', percent: null, evidence: [] as string[] }];
    merges.push({ first: rows.length, count: entries.length });
    for (const e of entries) {
      rows.push({ cells: [...task, e.date, e.text, e.percent === null ? '' : `${e.percent}%`, e.evidence.join('\n')] });
    }
  }
  const ws = addTableSheet(wb, {
    sheetName: '工作台账',
    title: data.title,
    subtitle: `${filingLine(data.bureau, data.filedOn)}\u3000\u3000统计期间：${data.rangeLabel}`,
    columns: LEDGER_COLUMNS,
    rows,
    orientation: 'landscape',
    fontSize: 10,
    keepTogether: merges,
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
