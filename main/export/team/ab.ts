// AB岗 documents: AB岗设置表 (.xlsx and 公文 .docx), 人员变动备案表 and 工作交接清单 (.docx).
// Pure builders on the shared 公文 and print-ready sheet helpers: plain data in, Buffer out.
import type { Change, Post } from '../../../shared/domain/ab';
import { buildGongwenDocx, type GongwenBlock } from '../gongwen/document';
import { formatChineseDate } from '../gongwen/format';
import { addTableSheet, newWorkbook, workbookToBuffer } from '../xlsx/sheet';

/** Full-width space (U+3000), the blank a form leaves for handwriting. */
const SP = '\u3000';

interface AbSheetData {
  bureau: string;
  /** ISO date the table is as of. */
  date: string;
  posts: Post[];
  /** Holdings whose holder has left (离岗 by the date) without a 交接: not certified as on duty. */
  gone?: readonly number[];
}

/** How the table names a role's holder: the name, "吴志刚（已离岗，待交接）" for one gone, "（空缺）". */
function holderName(h: Post['a'], gone: readonly number[]): string {
  if (!h) return '（空缺）';
  return gone.includes(h.holdingId) ? `${h.name}（已离岗，待交接）` : h.name;
}
/** 科室及职务 and phone of a holder on duty; none for one who has left (they are no longer reached there). */
function holderDetail(h: Post['a'], gone: readonly number[]): string {
  if (!h || gone.includes(h.holdingId)) return '';
  return [h.departmentName, h.title].filter(Boolean).join(' ');
}
function holderPhone(h: Post['a'], gone: readonly number[]): string {
  return h && !gone.includes(h.holdingId) ? h.phone : '';
}

export async function buildAbXlsx(d: AbSheetData): Promise<Buffer> {
  const gone = d.gone ?? [];
  const wb = newWorkbook();
  addTableSheet(wb, {
    sheetName: 'AB岗设置表',
    title: `${d.bureau}政务公开AB岗设置表`,
    subtitle: `截至${formatChineseDate(d.date)}`,
    orientation: 'landscape',
    columns: [
      { header: '序号', weight: 4, align: 'center' },
      { header: '岗位名称', weight: 12 },
      { header: '岗位职责', weight: 28 },
      { header: 'A岗人员', weight: 7, align: 'center' },
      { header: 'A岗科室及职务', weight: 11 },
      { header: 'A岗联系电话', weight: 10 },
      { header: 'B岗人员', weight: 7, align: 'center' },
      { header: 'B岗科室及职务', weight: 11 },
      { header: 'B岗联系电话', weight: 10 },
    ],
    rows: d.posts.map((p, i) => ({
      cells: [
        i + 1,
        p.name,
        p.duties,
        holderName(p.a, gone),
        holderDetail(p.a, gone),
        holderPhone(p.a, gone),
        holderName(p.b, gone),
        holderDetail(p.b, gone),
        holderPhone(p.b, gone),
      ],
    })),
  });
  return workbookToBuffer(wb);
}

export async function buildAbDocx(d: AbSheetData): Promise<Buffer> {
  const gone = d.gone ?? [];
  const cell = (h: Post['a']) =>
    [holderName(h, gone), holderDetail(h, gone), holderPhone(h, gone)].filter(Boolean).join('\n');
  return buildGongwenDocx({
    title: `${d.bureau}\n政务公开AB岗设置表`,
    landscape: true,
    body: [
      {
        kind: 'paragraph',
        text: `为保证政务公开工作连续、不断档，本单位对政务公开各岗位实行AB岗制度：A岗因出差、开会、学习、培训、休假、病（事）假等不在岗期间，由B岗代为履行职责。截至${formatChineseDate(d.date)}，各岗位设置情况如下。`,
      },
      {
        kind: 'table',
        columns: [
          { header: '序号', weight: 6, align: 'center' },
          { header: '岗位名称', weight: 19 },
          { header: '岗位职责', weight: 35 },
          { header: 'A岗', weight: 20 },
          { header: 'B岗', weight: 20 },
        ],
        rows: d.posts.map((p, i) => ({ cells: [String(i + 1), p.name, p.duties, cell(p.a), cell(p.b)] })),
      },
    ],
    signature: { org: d.bureau, date: d.date },
  });
}

export interface ChangeDocData {
  bureau: string;
  change: Change;
  /** 科室 and 职务 of the people involved, for the form. */
  fromDetail: string;
  toDetail: string;
  toPhone: string;
  filingWorkingDays: number;
  /** ISO date the form is filled in. */
  date: string;
}

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);

export async function buildFilingDocx(d: ChangeDocData): Promise<Buffer> {
  const c = d.change;
  // A submitted form carries no internal reminder (应于…前报备): 备案情况 only once filed. 填报日期 is the filing
  // date, written by hand when the form goes out before it is recorded.
  const filed = c.filedDate
    ? `已于${formatChineseDate(c.filedDate)}报${c.filedTo}备案${c.filedDocNumber ? `（${c.filedDocNumber}）` : ''}`
    : '';
  const body: GongwenBlock[] = [
    { kind: 'filing', text: `填报单位：${d.bureau}（盖章）` },
    {
      kind: 'filing',
      text: `填报日期：${c.filedDate ? formatChineseDate(c.filedDate) : `${SP.repeat(3)}年${SP.repeat(2)}月${SP.repeat(2)}日`}`,
    },
    {
      kind: 'table',
      columns: [
        { header: '项目', weight: 22, align: 'center' },
        { header: '内容', weight: 78 },
      ],
      rows: [
        { cells: ['岗位名称', c.postName] },
        { cells: ['岗位类别', `${c.role}岗${c.role === 'A' ? '（主岗）' : '（备岗）'}`] },
        { cells: ['原任人员', c.fromName ? [c.fromName, d.fromDetail].filter(Boolean).join('，') : '（空缺）'] },
        {
          cells: ['接任人员', [c.toName, d.toDetail, d.toPhone ? `电话 ${d.toPhone}` : ''].filter(Boolean).join('，')],
        },
        { cells: ['变动日期', formatChineseDate(c.changeDate)] },
        { cells: ['变动原因', c.reason || '—'] },
        {
          cells: [
            '工作交接',
            // A 交接 dated after the form (filed, or filled in today) has not happened yet: the form says it is planned.
            `${c.handoverDate > (c.filedDate ?? d.date) ? '拟于' : ''}${formatChineseDate(c.handoverDate)}完成交接${c.transitionEnd ? `，过渡期至${formatChineseDate(c.transitionEnd)}` : ''}`,
          ],
        },
        ...(filed ? [{ cells: ['备案情况', filed] }] : []),
        { cells: ['单位意见', `\n\n${SP.repeat(14)}（盖章）\n${SP.repeat(13)}年${SP}${SP}月${SP}${SP}日`] },
      ],
      fontSize: 28,
    },
  ];
  body.push({ kind: 'filing', text: `经办人：${SP.repeat(6)}联系电话：${SP.repeat(7)}负责人签字：` });
  return buildGongwenDocx({ title: '政务公开岗位人员变动备案表', body });
}

export async function buildHandoverDocx(d: ChangeDocData): Promise<Buffer> {
  const c = d.change;
  const items = lines(c.handoverItems);
  const body: GongwenBlock[] = [
    { kind: 'paragraph', text: `岗位：${c.postName}（${c.role}岗）` },
    { kind: 'paragraph', text: `移交人：${c.fromName ?? '（空缺）'}${SP}${SP}接收人：${c.toName}` },
    { kind: 'paragraph', text: `交接日期：${formatChineseDate(c.handoverDate)}` },
    { kind: 'paragraph', text: `过渡期至：${c.transitionEnd ? formatChineseDate(c.transitionEnd) : '无过渡期'}` },
    {
      kind: 'table',
      columns: [
        { header: '序号', weight: 10, align: 'center' },
        { header: '交接事项（文件、资料、账号、在办事项等）', weight: 70 },
        { header: '备注', weight: 20 },
      ],
      // Blank numbered rows after the items, for anything added by hand at the handover.
      rows: Array.from({ length: Math.max(items.length + 2, 8) }, (_, i) => ({
        cells: [String(i + 1), items[i] ?? '', ''],
      })),
      fontSize: 28,
    },
  ];
  if (c.handoverNote.trim()) body.push({ kind: 'paragraph', text: `说明：${c.handoverNote.trim()}` });
  body.push({ kind: 'blank' });
  body.push({ kind: 'paragraph', text: `移交人（签字）：${SP}${SP}${SP}${SP}${SP}接收人（签字）：` });
  body.push({
    kind: 'paragraph',
    text: `监交人（签字）：${SP}${SP}${SP}${SP}${SP}日期：${SP}${SP}年${SP}${SP}月${SP}${SP}日`,
  });
  return buildGongwenDocx({ title: '政务公开岗位工作交接清单', body });
}
