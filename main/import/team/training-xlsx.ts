// 培训台账 (.xlsx) read in: the ledger an office kept in Excel before the workstation (日期, 培训名称, 类别, 形式,
// 主办单位, 授课人, 地点, 学时, 参训人员, 缺席人员, 内容摘要 …, in any order, under a title such as
// "2026年政务公开培训台账"), or the one the workstation exports (导出台账), so a year's trainings need not be typed
// again. Pure: bytes in, plain rows out (runs in the parser worker, main/import/parsers.ts kind 'training-xlsx'); the
// service matches the people to the staff list and says what each row becomes.
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import {
  DATE_HINT,
  findHeader,
  isSummaryRow,
  parseDateText,
  readXlsxGrid,
  yearOfSheet,
  type HeaderSpec,
  type RowProblem,
} from '../sheet';

export interface TrainingSheetRow {
  row: number;
  date: string;
  title: string;
  /** 类别 and 形式 as written ('' when the column is missing or blank): the service maps them to the ledger's lists. */
  kind: string;
  form: string;
  organiser: string;
  trainer: string;
  place: string;
  hours: number;
  /** Names as written in 参训人员 (null: the sheet has no such column) and 缺席人员. */
  present: string[] | null;
  absent: string[];
  /** 参训人数 as written, to check against the names (null when not given). */
  headcount: number | null;
  summary: string;
  /** 状态 as written (计划 / 已举办 / ''). */
  status: string;
}

export interface TrainingSheet {
  sheetName: string;
  rows: TrainingSheetRow[];
  problems: RowProblem[];
  /** Whether the sheet names who attended (a 参训人员 column). */
  hasNames: boolean;
}

type Field =
  | 'date'
  | 'title'
  | 'kind'
  | 'form'
  | 'organiser'
  | 'trainer'
  | 'place'
  | 'hours'
  | 'present'
  | 'absent'
  | 'headcount'
  | 'summary'
  | 'status';

const HEADERS: Record<Field, HeaderSpec> = {
  date: {
    exact: ['日期', '培训日期', '培训时间', '时间', '举办时间', '举办日期', '学习时间', '学习日期'],
    contains: [],
  },
  title: {
    exact: ['培训名称', '培训主题', '培训题目', '名称', '主题', '培训项目', '学习主题', '学习内容', '培训内容'],
    contains: ['培训名称', '培训主题'],
  },
  kind: { exact: ['类别', '培训类别', '类型', '培训类型'], contains: [] },
  form: { exact: ['形式', '培训形式', '方式', '培训方式', '学习形式', '学习方式'], contains: [] },
  organiser: { exact: ['主办单位', '主办', '组织单位', '举办单位', '承办单位', '组织部门'], contains: ['主办'] },
  trainer: { exact: ['授课人', '主讲人', '授课老师', '主讲', '授课', '讲师', '主讲人员'], contains: ['授课', '主讲'] },
  place: { exact: ['地点', '培训地点', '学习地点', '举办地点'], contains: ['地点'] },
  hours: { exact: ['学时', '课时', '培训学时', '学时数', '时长', '培训时长'], contains: ['学时', '课时'] },
  present: {
    exact: [
      '参训人员',
      '参加人员',
      '参训人员名单',
      '参加人员名单',
      '实到人员',
      '参训对象',
      '参学人员',
      '参会人员',
      // 人员 under a 参训情况 group (its 人数 beside it).
      '参训情况人员',
      '参加情况人员',
    ],
    contains: ['参训人员', '参加人员', '人员名单'],
  },
  absent: { exact: ['缺席人员', '缺席', '未参加人员', '请假人员', '缺勤人员'], contains: ['缺席'] },
  headcount: { exact: ['参训人数', '参加人数', '人数', '实到人数', '参训人次'], contains: ['人数'] },
  summary: { exact: ['内容摘要', '主要内容', '培训内容摘要', '内容', '摘要', '备注'], contains: ['摘要'] },
  status: { exact: ['状态', '举办状态'], contains: [] },
};

/** Most trainings one import takes: an office holds a few dozen a year at most. */
const MAX_TRAININGS = 1000;

const clean = (s: string) =>
  s
    .replace(/\u3000/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();

/**
 * "张三、李四，王 五" → names. Between the separators, white space either parts names ("张三 李四") or spaces one out to
 * align in print ("王  五", "欧阳 修"): a run of single characters is one name, and a lone one belongs to the name before.
 */
export function splitNames(cell: string): string[] {
  const names: string[] = [];
  for (const part of cell.normalize('NFKC').split(/[、,，;；\n\r/]+/)) {
    const words = part.trim().split(/\s+/).filter(Boolean);
    const merged: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      const single = [...w].length === 1;
      const prevSingle = i > 0 && [...words[i - 1]].length === 1;
      const nextSingle = i + 1 < words.length && [...words[i + 1]].length === 1;
      if (single && merged.length && (prevSingle || !nextSingle)) merged[merged.length - 1] += w;
      else merged.push(w);
    }
    names.push(...merged);
  }
  return names.filter((n) => n && !/^(无|—|-|\/)$/.test(n));
}

/**
 * The day of a 培训时间 as ledgers write it: "3月5日上午", "2026年3月5日 9:00-11:30", "3月5日（周四）", and a training over
 * two days ("3月5日-6日", "3月5日至6日") by its first day.
 */
function trainingDay(s: string): string {
  return s
    .normalize('NFKC')
    .trim()
    .replace(/\s*[(（][^)）]*[)）]\s*$/, '')
    .replace(/\s*(上午|下午|晚上|全天|\d{1,2}[:：]\d{2}).*$/, '')
    .replace(/\s*[-—~～至到]\s*\d{1,2}\s*[日号]$/, '');
}

/** "2", "1.5学时", "3 小时", "２" → hours; null when not a number of hours. */
function readHours(s: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(学时|课时|小时|h)?$/i.exec(s.normalize('NFKC').trim());
  return m ? Number(m[1]) : null;
}

export async function readTrainingXlsx(
  buf: Buffer,
  fileName: string,
  workingYear: number | null,
): Promise<TrainingSheet> {
  const sheets = readXlsxGrid(buf, fileName, '培训台账');
  for (const sheet of sheets) {
    const h = findHeader<Field>(sheet, HEADERS, ['date', 'title']);
    if (!h) continue;
    // A date written without its year (3月5日) is in the year the sheet's title says, else the 工作年度.
    const year = yearOfSheet(sheet, h.index) ?? workingYear;
    const col = (f: Field) => h.columns[f];
    const label = (f: Field) => h.headers[col(f)!];
    const rows: TrainingSheetRow[] = [];
    const problems: RowProblem[] = [];
    for (const r of sheet.rows.slice(h.index + 1)) {
      const get = (f: Field) => (col(f) === undefined ? '' : clean(r.cells[col(f)!] ?? ''));
      const title = get('title').replace(/\s+/g, ' ');
      const dateText = get('date');
      if ((!title && !dateText) || isSummaryRow(r.cells)) continue;
      // A header repeated at a printed page's top.
      if (title === label('title')) continue;
      const problem = (f: Field, message: string) => problems.push({ row: r.row, column: label(f), message });
      if (!title) {
        problem('title', '培训名称为空');
        continue;
      }
      if (title.length > 100) {
        problem('title', '培训名称超过100个字，请缩短后再导入');
        continue;
      }
      const date = parseDateText(trainingDay(dateText), year);
      if (!date) {
        problem('date', dateText ? `“${dateText}”不是有效日期，${DATE_HINT}` : '培训日期为空');
        continue;
      }
      const hoursText = get('hours');
      const hours = readHours(hoursText);
      if (col('hours') === undefined) {
        problems.push({ row: r.row, message: '表中没有“学时”列，请加上每次培训的学时后再导入' });
        continue;
      }
      if (hours === null || hours <= 0 || hours > 200 || Math.abs(Math.round(hours * 10) - hours * 10) > 1e-9) {
        problem(
          'hours',
          hoursText ? `“${hoursText}”不是有效学时，请写成大于0、最多一位小数的数字（如“2”或“1.5”）` : '学时为空',
        );
        continue;
      }
      const headcountText = get('headcount');
      const headcount = /^\d+$/.test(headcountText.normalize('NFKC')) ? Number(headcountText.normalize('NFKC')) : null;
      rows.push({
        row: r.row,
        date,
        title,
        kind: get('kind'),
        form: get('form'),
        organiser: get('organiser').slice(0, 100),
        trainer: get('trainer').slice(0, 60),
        place: get('place').slice(0, 100),
        hours,
        present: col('present') === undefined ? null : splitNames(get('present')),
        absent: splitNames(get('absent')),
        headcount,
        summary: get('summary').slice(0, 4000),
        status: get('status'),
      });
      if (rows.length > MAX_TRAININGS)
        throw new AppError(
          ErrorCode.TOO_MANY_ITEMS,
          `“${fileName}”中的培训超过 ${MAX_TRAININGS} 次，不像一份培训台账。请确认选对了文件。`,
        );
    }
    return { sheetName: sheet.name, rows, problems, hasNames: col('present') !== undefined };
  }
  throw new AppError(
    ErrorCode.IMPORT_ROWS_INVALID,
    `在“${fileName}”中没有找到培训台账的表头：需要有“日期”（或“培训日期”“培训时间”）和“培训名称”（或“培训主题”）两列，另有“学时”列（可以有“类别”“形式”“参训人员”“缺席人员”等）。请用本程序“导出培训台账”得到的表格，或按它的列名整理后再导入。`,
  );
}
