// 培训 documents: 培训台账 (.xlsx, with a per-person hours sheet), 签到表 and 培训记录 (.docx).
import type { Training, TrainingRequirement } from '../../../shared/domain/training';
import { buildGongwenDocx, type GongwenBlock } from '../gongwen/document';
import { formatChineseDate } from '../gongwen/format';
import { addTableSheet, newWorkbook, workbookToBuffer } from '../xlsx/sheet';

/** Full-width space (U+3000), the blank a form leaves for handwriting. */
const SP = '\u3000';

interface TrainingLedgerData {
  bureau: string;
  year: number;
  trainings: Training[];
  requirement: TrainingRequirement;
}

export async function buildTrainingLedgerXlsx(d: TrainingLedgerData): Promise<Buffer> {
  const wb = newWorkbook();
  const rows = [...d.trainings].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
  addTableSheet(wb, {
    sheetName: '培训台账',
    title: `${d.bureau}${d.year}年政务公开培训台账`,
    // No training registered: the line above the table says so (未开展…), and there is no 合计 of zeros.
    subtitle: d.requirement.message,
    orientation: 'landscape',
    columns: [
      { header: '序号', weight: 4, align: 'center' },
      { header: '日期', weight: 7, align: 'center' },
      { header: '培训名称', weight: 14 },
      { header: '类别', weight: 9 },
      { header: '形式', weight: 6, align: 'center' },
      { header: '主办单位', weight: 10 },
      { header: '授课人', weight: 7 },
      { header: '地点', weight: 9 },
      { header: '学时', weight: 4, align: 'center' },
      { header: '参训人数', weight: 5, align: 'center' },
      // Who attended, by name: the ledger shows it, and 从 Excel 导入 reads it back (each person's 学时 with it).
      { header: '参训人员', weight: 14 },
      { header: '缺席人员', weight: 8 },
      { header: '内容摘要', weight: 18 },
      { header: '状态', weight: 7, align: 'center' },
    ],
    rows: rows.map((t, i) => {
      const present = t.attendees.filter((a) => a.present);
      const absent = t.attendees
        .filter((a) => !a.present)
        .map((a) => a.name)
        .join('、');
      return {
        cells: [
          i + 1,
          t.date,
          t.title,
          t.kind,
          t.form,
          t.organiser,
          t.trainer,
          t.place,
          t.hours,
          present.length,
          present.map((a) => a.name).join('、'),
          absent,
          t.summary,
          t.status,
        ],
      };
    }),
    // 合计: trainings, 学时 and 人次 of the year.
    totalRow: rows.length
      ? [
          '合计',
          '',
          `共${rows.length}次`,
          '',
          '',
          '',
          '',
          '',
          rows.reduce((n, t) => n + t.hours, 0),
          rows.reduce((n, t) => n + t.attendees.filter((a) => a.present).length, 0),
          '',
          '',
          '',
          '',
        ]
      : undefined,
  });
  const required = d.requirement.minHours > 0;
  addTableSheet(wb, {
    sheetName: '个人学时',
    title: `${d.year}年个人参训学时`,
    subtitle:
      d.requirement.minHours > 0 ? `要求：队伍成员每人不少于${d.requirement.minHours}学时` : '未设置个人学时要求',
    orientation: 'portrait',
    columns: [
      { header: '序号', weight: 5, align: 'center' },
      { header: '姓名', weight: 10, align: 'center' },
      { header: '科室', weight: 14 },
      { header: '队伍成员', weight: 8, align: 'center' },
      { header: '参训次数', weight: 8, align: 'center' },
      { header: '学时', weight: 8, align: 'center' },
      // Without a requirement there is nothing to meet: no column of dashes.
      ...(required ? [{ header: '是否达标', weight: 8, align: 'center' as const }] : []),
    ],
    rows: d.requirement.people.map((p, i) => ({
      cells: [
        i + 1,
        p.name,
        p.departmentName ?? '',
        p.inTeam ? '是' : '',
        p.trainings,
        p.hours,
        ...(required ? [p.met === null ? '不要求' : p.met ? '达标' : '未达标'] : []),
      ],
    })),
  });
  return workbookToBuffer(wb);
}

/**
 * 签到表 rows: the attendees first, then empty rows so that the last page is full (people who come unannounced
 * sign there). Each row is two text lines high so a handwritten name fits.
 */
const SIGNIN_ROWS_FIRST_PAGE = 11;
const SIGNIN_ROWS_PER_PAGE = 16;

export function signInRowCount(attendees: number): number {
  if (attendees <= SIGNIN_ROWS_FIRST_PAGE) return SIGNIN_ROWS_FIRST_PAGE;
  const rest = attendees - SIGNIN_ROWS_FIRST_PAGE;
  return SIGNIN_ROWS_FIRST_PAGE + Math.ceil(rest / SIGNIN_ROWS_PER_PAGE) * SIGNIN_ROWS_PER_PAGE;
}

export async function buildSignInDocx(d: { bureau: string; training: Training }): Promise<Buffer> {
  const t = d.training;
  const people = t.attendees;
  const n = signInRowCount(people.length);
  const rows = Array.from({ length: n }, (_, i) => {
    const p = people[i];
    return { cells: [String(i + 1), p?.name ?? '', p?.departmentName ?? '', p?.title ?? '', '\n'] };
  });
  const body: GongwenBlock[] = [
    { kind: 'paragraph', text: `时间：${formatChineseDate(t.date)}${SP}${SP}地点：${t.place || '—'}` },
    { kind: 'paragraph', text: `主办：${t.organiser || d.bureau}${SP}${SP}形式：${t.form}` },
    {
      kind: 'table',
      columns: [
        // 职务 such as 政务公开联络员 fits one line; 签名 keeps room for a handwritten name.
        { header: '序号', weight: 9, align: 'center' },
        { header: '姓名', weight: 14, align: 'center' },
        { header: '科室', weight: 21, align: 'center' },
        { header: '职务', weight: 27, align: 'center' },
        { header: '签名', weight: 29, align: 'center' },
      ],
      rows,
    },
  ];
  return buildGongwenDocx({ title: `${t.title}\n签到表`, body });
}

export async function buildTrainingRecordDocx(d: { bureau: string; training: Training }): Promise<Buffer> {
  const t = d.training;
  const present = t.attendees.filter((a) => a.present).map((a) => a.name);
  const absent = t.attendees.filter((a) => !a.present).map((a) => a.name);
  const files = t.files.map((f) => `${f.kind}：${f.fileName}`);
  const body: GongwenBlock[] = [
    { kind: 'paragraph', text: `单位：${d.bureau}` },
    {
      kind: 'table',
      columns: [
        { header: '项目', weight: 20, align: 'center' },
        { header: '内容', weight: 80 },
      ],
      rows: [
        { cells: ['培训名称', t.title] },
        { cells: ['培训时间', formatChineseDate(t.date)] },
        { cells: ['培训地点', t.place || '—'] },
        { cells: ['类别及形式', `${t.kind}，${t.form}`] },
        { cells: ['主办单位', t.organiser || d.bureau] },
        { cells: ['授课人', t.trainer || '—'] },
        { cells: ['学时', `${t.hours}学时`] },
        { cells: ['参训人员', `应到${t.attendees.length}人，实到${present.length}人。${present.join('、')}`] },
        { cells: ['缺席人员', absent.length ? absent.join('、') : '无'] },
        { cells: ['培训内容', t.summary || '—'] },
        { cells: ['附件材料', files.length ? files.join('\n') : '无'] },
      ],
      fontSize: 28,
    },
  ];
  return buildGongwenDocx({ title: '政务公开培训记录', body });
}
