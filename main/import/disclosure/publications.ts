// 信息发布登记 from an .xlsx exported by the website's content system, kept by hand, or exported by the workstation: the
// header row is found by names (标题, 发布日期/发布时间, 栏目/所属栏目, 链接, 文号, 来源/发布机构, 渠道, and the export's
// 类型, 拟稿, 审核, 签发, 解读对象, 备注), other columns are ignored, and every unusable row is named with its row number
// and reason. Pure: grid in, rows and problems out.
import {
  DATE_HINT,
  findHeader,
  headingRowText,
  HEADING_NUMBER,
  isSummaryRow,
  parseDateText,
  readXlsxGrid,
  yearOfSheet,
  type GridSheet,
  type HeaderSpec,
  type RowProblem,
} from '../sheet';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';

interface PublicationSheetRow {
  /** The sheet the row is on (a workbook may keep one sheet per month): `row` is that sheet's row number. */
  sheet: string;
  row: number;
  title: string;
  publishedDate: string;
  formedDate: string | null;
  column: string;
  channel: string;
  link: string;
  docNumber: string;
  source: string;
  /** 类型 says 规范性文件 / 政策解读 (the export writes "规范性文件、政策解读"). */
  normative: boolean;
  interpretation: boolean;
  /** The 三审 record: who and when, each from one cell ("张三\n2026-03-01"). */
  drafter: string;
  draftedDate: string | null;
  reviewer: string;
  reviewedDate: string | null;
  approver: string;
  approvedDate: string | null;
  /** Title of the document a 政策解读 interprets (matched to a registered one on import). */
  interprets: string;
  note: string;
}

type Field =
  | 'title'
  | 'date'
  | 'column'
  | 'category'
  | 'link'
  | 'docNumber'
  | 'source'
  | 'channel'
  | 'formed'
  | 'kind'
  | 'drafter'
  | 'reviewer'
  | 'approver'
  | 'interprets'
  | 'note';
const PUBLICATION_HEADERS: Record<Field, HeaderSpec> = {
  title: {
    exact: ['标题', '信息标题', '文章标题', '题名', '标题名称', '信息名称', '文件名称', '文件标题', '政府信息名称'],
    contains: ['标题'],
  },
  date: {
    exact: ['发布日期', '发布时间', '公开日期', '公开时间', '发布日期时间', '日期', '上网日期', '上网时间'],
    contains: ['发布日期', '发布时间', '公开日期', '公开时间'],
  },
  // A column that names 栏目 (or the 公开目录 the 栏目 belong to) is the 栏目; a 信息类别/主题分类 column only stands in
  // for it in a file without one (a website's 主题分类 “科技” is no 栏目 when 所属栏目 says 通知公告).
  column: {
    exact: ['栏目', '所属栏目', '栏目名称', '公开栏目', '发布栏目', '公开目录', '所属目录'],
    contains: ['栏目'],
  },
  category: { exact: ['信息类别', '主题分类', '信息分类', '类别', '分类'], contains: ['类别', '分类'] },
  link: { exact: ['链接', '网址', 'URL', 'url', '链接地址', '访问地址', '地址'], contains: ['链接', '网址'] },
  docNumber: { exact: ['文号', '发文字号', '发文文号', '文件编号', '索引号文号'], contains: ['文号'] },
  source: { exact: ['来源', '发布机构', '信息来源', '发布单位', '发文机关'], contains: ['来源', '发布机构'] },
  channel: { exact: ['渠道', '发布渠道', '公开渠道', '公开方式', '发布平台'], contains: ['渠道'] },
  formed: {
    exact: ['形成日期', '变更日期', '形成/变更日期', '形成或变更日期', '成文日期'],
    contains: ['形成日期', '成文日期'],
  },
  kind: { exact: ['类型', '信息类型', '文件类型'], contains: [] },
  // Exact names only: a website's "审核状态" (已审核) is not a person.
  drafter: { exact: ['拟稿', '拟稿人', '拟稿人及日期'], contains: [] },
  reviewer: { exact: ['审核', '审核人', '保密审查', '保密审查人', '审核人及日期'], contains: [] },
  approver: { exact: ['签发', '签发人', '签发人及日期'], contains: [] },
  interprets: { exact: ['解读对象', '被解读文件', '解读的文件'], contains: ['解读对象', '被解读'] },
  note: { exact: ['备注', '说明'], contains: [] },
};

/** "张三\n2026-03-01", "张三 2026-03-01", "张三" or "2026-03-01": who and when of one of the three reviews. */
function personAndDate(cell: string, year: number | null): { name: string; date: string | null } | null {
  const parts = cell
    .split(/[\r\n]+|\s{1,}(?=\d{4}\s*[-/.年])/)
    .map((x) => x.trim())
    .filter(Boolean);
  let name = '';
  let date: string | null = null;
  for (const p of parts) {
    const d = parseDateText(p, year);
    if (d && !date) date = d;
    else if (!name) name = p;
    else return null;
  }
  return name.length > 30 ? null : { name, date };
}

export interface PublicationSheet {
  /** Every sheet whose header was found, in the workbook's order (one per month, or one after a 说明 sheet). */
  sheets: { name: string; headerRow: number }[];
  rows: PublicationSheetRow[];
  problems: (RowProblem & { sheet: string })[];
}

function readPublicationGrid(sheets: GridSheet[], fileName: string, workingYear: number | null): PublicationSheet {
  const out: PublicationSheet = { sheets: [], rows: [], problems: [] };
  // Every sheet with the header is read: a register kept one sheet per month loses none of them.
  for (const sheet of sheets) {
    const h = findHeader<Field>(sheet, PUBLICATION_HEADERS, ['title', 'date']);
    if (!h) continue;
    // A date written without its year (3月5日) is in the year the sheet's title says, else the 工作年度.
    const year = yearOfSheet(sheet, h.index) ?? workingYear;
    const date = (text: string) => parseDateText(text, year);
    const col = (f: Field) => h.columns[f];
    const label = (f: Field) => h.headers[col(f)!];
    const rows = out.rows;
    const problems: RowProblem[] = [];
    // A register without a 栏目 column may group its rows under heading rows ("一、通知公告" merged across): the
    // rows under one are in that 栏目. A heading naming a month or a quarter ("三月份") groups by time, not 栏目.
    let section = '';
    for (const r of sheet.rows.slice(h.index + 1)) {
      const get = (f: Field) => (col(f) === undefined ? '' : (r.cells[col(f)!] ?? '').trim());
      const heading = headingRowText(r);
      if (heading && !parseDateText(heading, year)) {
        const name = heading.replace(HEADING_NUMBER, '').trim();
        section = /[月季年]度?(?:份)?$|^\d/.test(name) ? '' : name;
        continue;
      }
      const title = get('title').replace(/\s+/g, ' ');
      const dateText = get('date');
      if ((!title && !dateText) || isSummaryRow(r.cells)) continue;
      if (!title) {
        problems.push({ row: r.row, column: label('title'), message: '标题为空' });
        continue;
      }
      if (title.length > 300) {
        problems.push({ row: r.row, column: label('title'), message: '标题超过300字' });
        continue;
      }
      const publishedDate = date(dateText);
      if (!publishedDate) {
        problems.push({
          row: r.row,
          column: label('date'),
          message: dateText ? `“${dateText}”不是有效日期，${DATE_HINT}` : '发布日期为空',
        });
        continue;
      }
      const formedText = get('formed');
      const formedDate = formedText ? date(formedText) : null;
      if (formedText && !formedDate) {
        problems.push({ row: r.row, column: label('formed'), message: `“${formedText}”不是有效日期，${DATE_HINT}` });
        continue;
      }
      if (formedDate && formedDate > publishedDate) {
        problems.push({
          row: r.row,
          column: label('formed'),
          message: `形成日期 ${formedDate} 晚于发布日期 ${publishedDate}`,
        });
        continue;
      }
      const review: Record<'drafter' | 'reviewer' | 'approver', { name: string; date: string | null }> = {
        drafter: { name: '', date: null },
        reviewer: { name: '', date: null },
        approver: { name: '', date: null },
      };
      let unreadable: Field | null = null;
      for (const f of ['drafter', 'reviewer', 'approver'] as const) {
        const read = personAndDate(get(f), year);
        if (read) review[f] = read;
        else unreadable = f;
      }
      if (unreadable) {
        problems.push({
          row: r.row,
          column: label(unreadable),
          message: `“${get(unreadable).replace(/\s+/g, ' ')}”应为姓名和日期（如“张三 2026-03-01”）`,
        });
        continue;
      }
      // 类型 (the export's), or a 信息类别 column that says 规范性文件 / 政策解读.
      const kind = `${get('kind')} ${get('category')}`;
      rows.push({
        sheet: sheet.name,
        row: r.row,
        title,
        publishedDate,
        formedDate,
        column: ((col('column') === undefined ? get('category') : get('column')) || section).slice(0, 30),
        channel: get('channel').slice(0, 30),
        link: get('link').slice(0, 500),
        docNumber: get('docNumber').slice(0, 60),
        source: get('source').slice(0, 100),
        normative: kind.includes('规范性文件'),
        interpretation: kind.includes('解读'),
        drafter: review.drafter.name,
        draftedDate: review.drafter.date,
        reviewer: review.reviewer.name,
        reviewedDate: review.reviewer.date,
        approver: review.approver.name,
        approvedDate: review.approver.date,
        interprets: get('interprets').replace(/\s+/g, ' ').slice(0, 300),
        note: get('note').slice(0, 500),
      });
    }
    out.sheets.push({ name: sheet.name, headerRow: sheet.rows[h.index].row });
    out.problems.push(...problems.map((p) => ({ ...p, sheet: sheet.name })));
  }
  if (out.sheets.length) return out;
  throw new AppError(
    ErrorCode.IMPORT_ROWS_INVALID,
    `在“${fileName}”中没有找到信息发布登记的表头：需要有“标题”和“发布日期”（或“发布时间”）两列。请检查表头行的列名后再导入。`,
  );
}

/** Runs in the parser worker (../parsers.ts); the result is plain data. Async so every failure is a rejection. */
export async function readPublicationsXlsx(
  buf: Buffer,
  fileName: string,
  workingYear: number | null = null,
): Promise<PublicationSheet> {
  return readPublicationGrid(readXlsxGrid(buf, fileName, '信息发布登记表'), fileName, workingYear);
}
