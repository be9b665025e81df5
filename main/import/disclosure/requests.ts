// 依申请公开 register from an .xlsx kept by hand or exported by the workstation: header names such as 收到日期, 申请人,
// 申请人类型, 申请方式, 申请内容, 答复日期, 办理结果, 经办人 (and the export's 联系方式, 信息处理费, 答复说明, 办理过程);
// results written with or without their category ("不予公开-属于国家秘密", "属于国家秘密", "不予公开（国家秘密）"; one that
// cannot be read is answered with the wordings of its group); an application still being
// handled (办理中, no 答复日期) comes in as one. Pure: grid in, rows and problems out.
import {
  APPLICANT_TYPES,
  NOT_OURS,
  RESULT_ROWS,
  resultLabel,
  type ApplicantType,
  type REQUEST_METHODS,
  type RequestStepValues,
} from '../../../shared/domain/disclosure';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import {
  DATE_HINT,
  findHeader,
  isSummaryRow,
  parseDateText,
  readXlsxGrid,
  yearOfSheet,
  type GridSheet,
  type HeaderSpec,
  type RowProblem,
} from '../sheet';
import { parseRequestSteps } from './request-steps';

interface RequestSheetRow {
  /** The sheet the row is on (a workbook may keep one sheet per month): `row` is that sheet's row number. */
  sheet: string;
  row: number;
  receivedDate: string;
  applicant: string;
  applicantType: ApplicantType;
  method: (typeof REQUEST_METHODS)[number];
  content: string;
  handler: string;
  answeredDate: string | null;
  result: string | null;
  contact: string;
  /** 信息处理费, whole yuan. */
  feeYuan: number;
  answerNote: string;
  steps: RequestStepValues[];
  /** 本机关不掌握 written as 非本机关/不属于本机关…: answered under 条例第三十六条第（五）项 (disclosure.ts NOT_OURS). */
  withheldReason: typeof NOT_OURS | null;
}

type Field =
  | 'received'
  | 'applicant'
  | 'type'
  | 'method'
  | 'content'
  | 'answered'
  | 'result'
  | 'handler'
  | 'contact'
  | 'fee'
  | 'note'
  | 'steps';
const REQUEST_HEADERS: Record<Field, HeaderSpec> = {
  received: {
    exact: ['收到日期', '收到申请日期', '申请日期', '受理日期', '收到时间', '申请时间', '登记日期'],
    contains: ['收到', '申请日期', '受理日期'],
  },
  applicant: {
    exact: ['申请人', '申请人姓名', '申请人名称', '申请人姓名或名称', '姓名名称'],
    contains: ['申请人姓名', '申请人名称'],
  },
  type: { exact: ['申请人类型', '申请人类别', '申请人情况', '类型', '主体类型'], contains: ['类型', '类别'] },
  method: { exact: ['申请方式', '申请渠道', '提交方式', '方式', '申请形式'], contains: ['方式', '渠道'] },
  content: {
    exact: ['申请内容', '申请公开内容', '所需信息', '申请事项', '内容', '所需政府信息的名称'],
    contains: ['内容', '所需信息'],
  },
  // The date the answer went out: 实际办结日期, 回复日期 …, never a 办结期限/答复时限 (the date it was due).
  answered: {
    exact: [
      '答复日期',
      '答复时间',
      '办结日期',
      '办结时间',
      '实际答复日期',
      '实际办结日期',
      '实际办结时间',
      '回复日期',
      '回复时间',
    ],
    contains: ['答复日期', '答复时间', '办结日期', '办结时间', '回复日期', '回复时间', '办结'],
    never: ['期限', '时限', '截止', '是否'],
  },
  result: { exact: ['办理结果', '答复结果', '处理结果', '答复类型', '回复结果', '结果'], contains: ['结果'] },
  handler: { exact: ['经办人', '承办人', '办理人', '承办科室'], contains: ['经办', '承办'] },
  contact: { exact: ['联系方式', '联系电话', '联系地址', '申请人联系方式'], contains: ['联系'] },
  fee: { exact: ['信息处理费', '收费', '信息处理费元'], contains: ['处理费'] },
  note: { exact: ['答复说明', '答复内容', '备注'], contains: ['答复说明'] },
  steps: { exact: ['办理过程', '办理步骤', '补正征求意见延期'], contains: ['办理过程'] },
};

/** What a register writes for an application not yet answered (the export writes 办理中). */
const PENDING = new Set(['办理中', '正在办理', '在办', '未办结', '待答复', '未答复', '受理中']);

// Numbering ("（三）", "1.") first, then spaces, quotes and punctuation: "不予公开—1.属于国家秘密" → "不予公开1属于国家秘密".
const squeeze = (s: string) =>
  s
    .trim()
    .replace(/^[（(][一二三四五六七八九十\d]+[）)]|^[一二三四五六七八九十\d]+[、.．]/, '')
    .replace(/[\s\u3000“”"'‘’「」、，,。.:：;；\-—－_/／()（）]/g, '');

const RESULT_ALIASES: Record<string, string> = {
  公开: '三.一',
  全部公开: '三.一',
  同意公开: '三.一',
  予以公开: '三.一',
  部分公开: '三.二',
  国家秘密: '三.三.1',
  信息不存在: '三.四.1',
  本机关不掌握: '三.四.1',
  不掌握: '三.四.1',
  非本机关: '三.四.1',
  非本机关信息: '三.四.1',
  需另行制作: '三.四.2',
  重复申请: '三.五.2',
  逾期不补正: '三.六.1',
  视为放弃: '三.六.1',
  逾期未缴费: '三.六.2',
  其他处理: '三.六.3',
  信访举报投诉: '三.五.1',
  信访举报投诉类: '三.五.1',
  已主动公开: '三.一',
  已公开: '三.一',
  涉及国家秘密: '三.三.1',
  涉密: '三.三.1',
  商业秘密: '三.三.4',
  个人隐私: '三.三.4',
  商业秘密个人隐私: '三.三.4',
  涉及商业秘密: '三.三.4',
  涉及个人隐私: '三.三.4',
  非本机关职责: '三.四.1',
  非本机关职责范围: '三.四.1',
  不属于本机关职责范围: '三.四.1',
  非本机关政府信息: '三.四.1',
  逾期未补正: '三.六.1',
  未补正: '三.六.1',
  公开出版物: '三.五.3',
  三安全一稳定: '三.三.3',
  第三方合法权益: '三.三.4',
  内部事务信息: '三.三.5',
  过程性信息: '三.三.6',
  行政执法案卷: '三.三.7',
  行政查询事项: '三.三.8',
};
const GROUP_WORDS = ['不予公开', '无法提供', '不予处理', '其他处理'];

/** The group word a result starts with ("不予公开（…）" → 不予公开), or null. */
function groupOf(s: string): string | null {
  return GROUP_WORDS.find((g) => s.startsWith(g)) ?? null;
}

/**
 * The table 三 row key of a result as written ("不予公开-属于国家秘密", "属于国家秘密", "（一）予以公开",
 * "不予公开（国家秘密）"); null if none fits.
 */
export function parseResultText(raw: string): string | null {
  const t = raw.trim();
  // A bracket naming the sub-reason ("不予公开（商业秘密）") is read with the words before it; one that only explains
  // the result ("部分公开（区分处理的，只计这一情形…）", "部分公开（涉及商业秘密）") is left off when that is all it is.
  const bracket = /[（(][^（）()]*[）)]$/.exec(t);
  return resultKey(squeeze(t)) ?? (bracket ? resultKey(squeeze(t.slice(0, bracket.index))) : null);
}

/** How to write a result that could not be read: the wordings of its group ("不予公开—属于国家秘密" …), or examples. */
function resultWordings(raw: string): string {
  const group = groupOf(squeeze(raw));
  const quote = (keys: string[]) => keys.map((k) => `“${resultLabel(k)}”`).join('');
  if (group)
    return `${group}应写作${quote(RESULT_ROWS.filter((r) => (r.group ?? '').includes(group)).map((r) => r.key))}之一`;
  return `请写作年报表三的办理结果，如${quote(['三.一', '三.二', '三.三.1', '三.四.1', '三.五.2', '三.六.3'])}`;
}

function resultKey(s: string): string | null {
  if (!s) return null;
  const full = RESULT_ROWS.find(
    (r) => squeeze(r.short!) === s || squeeze(`${r.group ?? ''}${r.short}`) === s || squeeze(r.label) === s,
  );
  if (full) return full.key;
  let rest = s;
  let group: string | null = null;
  for (const g of GROUP_WORDS)
    if (rest.startsWith(g)) {
      group = g;
      rest = rest.slice(g.length).replace(/^\d+/, '');
    }
  const inGroup = RESULT_ROWS.filter((r) => !group || (r.group ?? '').includes(group));
  const hit =
    inGroup.find((r) => squeeze(r.short!) === rest) ??
    inGroup.find((r) => rest.length >= 4 && squeeze(r.short!).includes(rest));
  if (hit) return hit.key;
  const alias = RESULT_ALIASES[rest] ?? RESULT_ALIASES[s];
  if (alias && (!group || (RESULT_ROWS.find((r) => r.key === alias)?.group ?? '').includes(group))) return alias;
  if (group === '其他处理' && rest === '其他') return '三.六.3';
  return null;
}

const TYPE_ALIASES: Record<string, ApplicantType> = {
  自然人: '自然人',
  公民: '自然人',
  个人: '自然人',
  群众: '自然人',
  商业企业: '商业企业',
  企业: '商业企业',
  公司: '商业企业',
  科研机构: '科研机构',
  高校: '科研机构',
  研究所: '科研机构',
  社会公益组织: '社会公益组织',
  公益组织: '社会公益组织',
  社会组织: '社会公益组织',
  法律服务机构: '法律服务机构',
  律师事务所: '法律服务机构',
  律所: '法律服务机构',
  其他: '其他',
  其他组织: '其他',
};

export function parseApplicantType(raw: string): ApplicantType | null {
  const s = squeeze(raw).replace(/^法人或其他组织/, '') || squeeze(raw);
  if ((APPLICANT_TYPES as readonly string[]).includes(s)) return s as ApplicantType;
  return TYPE_ALIASES[s] ?? null;
}

function parseMethod(raw: string): (typeof REQUEST_METHODS)[number] {
  const s = squeeze(raw);
  if (!s) return '其他';
  if (/当面|现场|窗口/.test(s)) return '当面提交';
  if (/邮件|email|邮箱/i.test(s)) return '电子邮件';
  if (/邮寄|信函|挂号|快递/.test(s)) return '邮寄';
  if (/网|在线|平台/.test(s)) return '网络平台';
  if (/传真/.test(s)) return '传真';
  return '其他';
}

export interface RequestSheet {
  /** Every sheet whose header was found, in the workbook's order (one per month, or one after a 说明 sheet). */
  sheets: { name: string; headerRow: number }[];
  rows: RequestSheetRow[];
  problems: (RowProblem & { sheet: string })[];
}

function readRequestGrid(sheets: GridSheet[], fileName: string, workingYear: number | null): RequestSheet {
  const out: RequestSheet = { sheets: [], rows: [], problems: [] };
  // Every sheet with the header is read: a register kept one sheet per month loses none of them.
  for (const sheet of sheets) {
    const h = findHeader<Field>(sheet, REQUEST_HEADERS, ['received', 'applicant', 'content']);
    if (!h) continue;
    // A date written without its year (3月5日) is in the year the sheet's title says, else the 工作年度.
    const year = yearOfSheet(sheet, h.index) ?? workingYear;
    const col = (f: Field) => h.columns[f];
    const label = (f: Field) => (col(f) === undefined ? REQUEST_HEADERS[f].exact[0] : h.headers[col(f)!]);
    const rows = out.rows;
    const problems: RowProblem[] = [];
    for (const r of sheet.rows.slice(h.index + 1)) {
      const get = (f: Field) => (col(f) === undefined ? '' : (r.cells[col(f)!] ?? '').trim());
      if ((!get('received') && !get('applicant') && !get('content')) || isSummaryRow(r.cells)) continue;
      const bad = (f: Field, message: string) => problems.push({ row: r.row, column: label(f), message });
      const receivedDate = parseDateText(get('received'), year);
      if (!receivedDate) {
        bad('received', get('received') ? `“${get('received')}”不是有效日期，${DATE_HINT}` : '收到日期为空');
        continue;
      }
      const applicant = get('applicant');
      if (!applicant) {
        bad('applicant', '申请人为空');
        continue;
      }
      const content = get('content');
      if (!content) {
        bad('content', '申请内容为空');
        continue;
      }
      const typeText = get('type');
      const applicantType = typeText ? parseApplicantType(typeText) : '自然人';
      if (!applicantType) {
        bad('type', `“${typeText}”不是年报的申请人类型（${APPLICANT_TYPES.join('、')}）`);
        continue;
      }
      const answeredText = get('answered');
      const answeredDate = answeredText ? parseDateText(answeredText, year) : null;
      if (answeredText && !answeredDate) {
        bad('answered', `“${answeredText}”不是有效日期，${DATE_HINT}`);
        continue;
      }
      if (answeredDate && answeredDate < receivedDate) {
        bad('answered', `答复日期 ${answeredDate} 早于收到日期 ${receivedDate}`);
        continue;
      }
      const rawResult = get('result');
      // "办理中" with no 答复日期 is an application still being handled, not a result.
      const resultText = PENDING.has(squeeze(rawResult)) && !answeredDate ? '' : rawResult;
      const result = resultText ? parseResultText(resultText) : null;
      if (resultText && !result) {
        bad('result', `“${resultText}”不是年报表三的21种办理结果之一，${resultWordings(resultText)}`);
        continue;
      }
      if (answeredDate && !result) {
        bad('result', '已有答复日期但办理结果为空');
        continue;
      }
      if (result && !answeredDate) {
        bad('answered', '已有办理结果但答复日期为空');
        continue;
      }
      const feeText = get('fee').replace(/元$/, '').trim();
      const feeYuan = feeText ? Number(feeText) : 0;
      if (!Number.isInteger(feeYuan) || feeYuan < 0 || feeYuan > 1_000_000) {
        bad('fee', `“${get('fee')}”不是信息处理费（应为不小于0的整数，单位元）`);
        continue;
      }
      const steps = parseRequestSteps(get('steps'));
      if ('problem' in steps) {
        bad('steps', steps.problem);
        continue;
      }
      rows.push({
        sheet: sheet.name,
        row: r.row,
        receivedDate,
        applicant: applicant.slice(0, 100),
        applicantType,
        method: parseMethod(get('method')),
        content: content.slice(0, 2000),
        handler: get('handler').slice(0, 30),
        answeredDate,
        result,
        contact: get('contact').slice(0, 200),
        feeYuan,
        answerNote: get('note').slice(0, 2000),
        steps: steps.steps,
        withheldReason: result === '三.四.1' && /非本机关|不属于本机关/.test(squeeze(resultText)) ? NOT_OURS : null,
      });
    }
    out.sheets.push({ name: sheet.name, headerRow: sheet.rows[h.index].row });
    out.problems.push(...problems.map((p) => ({ ...p, sheet: sheet.name })));
  }
  if (out.sheets.length) return out;
  throw new AppError(
    ErrorCode.IMPORT_ROWS_INVALID,
    `在“${fileName}”中没有找到依申请公开登记的表头：需要有“收到日期”“申请人”“申请内容”等列。请检查表头行的列名后再导入。`,
  );
}

/** Runs in the parser worker (../parsers.ts); the result is plain data. Async so every failure is a rejection. */
export async function readRequestsXlsx(
  buf: Buffer,
  fileName: string,
  workingYear: number | null = null,
): Promise<RequestSheet> {
  return readRequestGrid(readXlsxGrid(buf, fileName, '依申请公开登记表'), fileName, workingYear);
}
