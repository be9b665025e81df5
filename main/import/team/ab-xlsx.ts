// AB岗设置表 (.xlsx) read back: the table the workstation exports (岗位名称, 岗位职责, A岗人员, A岗科室及职务,
// A岗联系电话, B岗…, under a title and "截至2026年12月16日"), or one kept by hand with the same column names, becomes
// posts with their A and B holders, so a bureau's AB岗 moves to another data file without retyping. Pure: bytes in,
// plain rows out (runs in the parser worker, main/import/parsers.ts kind 'ab-xlsx'); the service matches the holders
// to the staff list.
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { findHeader, isSummaryRow, parseDateText, readXlsxGrid, type HeaderSpec, type RowProblem } from '../sheet';

export interface AbSheetHolder {
  name: string;
  /** 科室及职务 as written ("办公室 主任"). */
  detail: string;
  phone: string;
}

interface AbSheetRow {
  row: number;
  post: string;
  duties: string;
  a: AbSheetHolder | null;
  b: AbSheetHolder | null;
}

export interface AbSheet {
  sheetName: string;
  /** The day the table is as of ("截至…"), when it says. */
  asOf: string | null;
  rows: AbSheetRow[];
  problems: RowProblem[];
}

type Field = 'post' | 'duties' | 'aName' | 'aDetail' | 'aPhone' | 'bName' | 'bDetail' | 'bPhone';
const HEADERS: Record<Field, HeaderSpec> = {
  post: { exact: ['岗位名称', '岗位', '岗位名'], contains: ['岗位名称'] },
  duties: { exact: ['岗位职责', '职责', '主要职责'], contains: ['职责'] },
  aName: { exact: ['A岗人员', 'A岗', 'A岗姓名', 'A岗责任人'], contains: [] },
  aDetail: { exact: ['A岗科室及职务', 'A岗科室', 'A岗职务', 'A岗所在科室'], contains: [] },
  aPhone: { exact: ['A岗联系电话', 'A岗电话', 'A岗手机'], contains: [] },
  bName: { exact: ['B岗人员', 'B岗', 'B岗姓名', 'B岗责任人'], contains: [] },
  bDetail: { exact: ['B岗科室及职务', 'B岗科室', 'B岗职务', 'B岗所在科室'], contains: [] },
  bPhone: { exact: ['B岗联系电话', 'B岗电话', 'B岗手机'], contains: [] },
};

/** What the export writes for a role nobody holds, and what offices write for it (暂无, 暂未确定, —). */
const VACANT = /^[（(]?(空缺|空|无|暂无|暂缺|暂未确定|暂未设置|待定|待明确|—+|-+|\/)[）)]?$/;
/** Most posts one import takes: a bureau has a handful to a few dozen. */
const MAX_POSTS = 500;

const clean = (s: string) =>
  s
    .replace(/\u3000/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
/** Names spaced out to align in print ("张  三") lose their spaces when all Han. */
const cleanName = (s: string) => {
  const t = clean(s);
  return /^[\p{Script=Han}·•\s]+$/u.test(t) ? t.replace(/\s+/g, '') : t;
};

export async function readAbXlsx(buf: Buffer, fileName: string): Promise<AbSheet> {
  const sheets = readXlsxGrid(buf, fileName, 'AB岗设置表');
  for (const sheet of sheets) {
    const h = findHeader<Field>(sheet, HEADERS, ['post', 'aName']);
    if (!h) continue;
    // "截至2026年12月16日" in the rows above the header.
    let asOf: string | null = null;
    for (const r of sheet.rows.slice(0, h.index)) {
      for (const c of r.cells) {
        const m = /截至\s*(.+?日)/.exec(c.replace(/\s/g, ''));
        if (m && !asOf) asOf = parseDateText(m[1]);
      }
    }
    const col = (f: Field) => h.columns[f];
    const rows: AbSheetRow[] = [];
    const problems: RowProblem[] = [];
    const holder = (cells: string[], n: Field, d: Field, p: Field): AbSheetHolder | null => {
      const get = (f: Field) => (col(f) === undefined ? '' : (cells[col(f)!] ?? ''));
      const name = cleanName(get(n));
      if (!name || VACANT.test(name)) return null;
      return { name: name.slice(0, 30), detail: clean(get(d)).slice(0, 100), phone: clean(get(p)).slice(0, 40) };
    };
    for (const r of sheet.rows.slice(h.index + 1)) {
      const post = clean(col('post') === undefined ? '' : (r.cells[col('post')!] ?? ''));
      const a = holder(r.cells, 'aName', 'aDetail', 'aPhone');
      const b = holder(r.cells, 'bName', 'bDetail', 'bPhone');
      const duties = clean(col('duties') === undefined ? '' : (r.cells[col('duties')!] ?? ''));
      if ((!post && !a && !b && !duties) || isSummaryRow(r.cells)) continue;
      // A header repeated on a printed page's top.
      if (HEADERS.post.exact.includes(post.replace(/\s/g, ''))) continue;
      if (!post) {
        problems.push({ row: r.row, column: h.headers[col('post')!], message: '岗位名称为空' });
        continue;
      }
      if (post.length > 40) {
        problems.push({ row: r.row, column: h.headers[col('post')!], message: '岗位名称超过40个字' });
        continue;
      }
      rows.push({ row: r.row, post, duties: duties.slice(0, 1000), a, b });
      if (rows.length > MAX_POSTS)
        throw new AppError(
          ErrorCode.TOO_MANY_ITEMS,
          `“${fileName}”中的岗位超过 ${MAX_POSTS} 个，不像一份AB岗设置表。请确认选对了文件。`,
        );
    }
    return { sheetName: sheet.name, asOf, rows, problems };
  }
  throw new AppError(
    ErrorCode.IMPORT_ROWS_INVALID,
    `在“${fileName}”中没有找到AB岗设置表的表头：需要有“岗位名称”和“A岗人员”两列（可以有“岗位职责”“A岗科室及职务”“B岗人员”等）。请用本程序“导出设置表（Excel）”得到的表格，或按它的列名整理后再导入。`,
  );
}
