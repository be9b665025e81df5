// 信息发布登记 from an .xlsx exported by the website's content system or kept by hand: the header row is found by
// names (标题, 发布日期/发布时间, 栏目/所属栏目, 链接, 文号, 来源/发布机构, 渠道), other columns are ignored, and every
// unusable row is named with its row number and reason. Pure: grid in, rows and problems out.
import { findHeader, parseDateText, readXlsxGrid, type GridSheet, type HeaderSpec, type RowProblem } from './grid';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';

interface PublicationSheetRow {
  row: number;
  title: string;
  publishedDate: string;
  formedDate: string | null;
  column: string;
  channel: string;
  link: string;
  docNumber: string;
  source: string;
}

type Field = 'title' | 'date' | 'column' | 'link' | 'docNumber' | 'source' | 'channel' | 'formed';
const PUBLICATION_HEADERS: Record<Field, HeaderSpec> = {
  title: { exact: ['标题', '信息标题', '文章标题', '题名', '标题名称', '信息名称'], contains: ['标题'] },
  date: {
    exact: ['发布日期', '发布时间', '公开日期', '公开时间', '发布日期时间', '日期'],
    contains: ['发布日期', '发布时间', '公开日期', '公开时间'],
  },
  column: {
    exact: ['栏目', '所属栏目', '栏目名称', '信息类别', '公开目录', '所属目录', '主题分类'],
    contains: ['栏目'],
  },
  link: { exact: ['链接', '网址', 'URL', 'url', '链接地址', '访问地址', '地址'], contains: ['链接', '网址'] },
  docNumber: { exact: ['文号', '发文字号', '发文文号', '文件编号', '索引号文号'], contains: ['文号'] },
  source: { exact: ['来源', '发布机构', '信息来源', '发布单位', '发文机关'], contains: ['来源', '发布机构'] },
  channel: { exact: ['渠道', '发布渠道', '公开渠道', '公开方式', '发布平台'], contains: ['渠道'] },
  formed: {
    exact: ['形成日期', '变更日期', '形成/变更日期', '形成或变更日期', '成文日期'],
    contains: ['形成日期', '成文日期'],
  },
};

export interface PublicationSheet {
  sheetName: string;
  headerRow: number;
  rows: PublicationSheetRow[];
  problems: RowProblem[];
}

function readPublicationGrid(sheets: GridSheet[], fileName: string): PublicationSheet {
  for (const sheet of sheets) {
    const h = findHeader<Field>(sheet, PUBLICATION_HEADERS, ['title', 'date']);
    if (!h) continue;
    const col = (f: Field) => h.columns[f];
    const label = (f: Field) => h.headers[col(f)!];
    const rows: PublicationSheetRow[] = [];
    const problems: RowProblem[] = [];
    for (const r of sheet.rows.slice(h.index + 1)) {
      const get = (f: Field) => (col(f) === undefined ? '' : (r.cells[col(f)!] ?? '').trim());
      const title = get('title').replace(/\s+/g, ' ');
      const dateText = get('date');
      if (!title && !dateText) continue;
      if (!title) {
        problems.push({ row: r.row, column: label('title'), message: '标题为空' });
        continue;
      }
      if (title.length > 300) {
        problems.push({ row: r.row, column: label('title'), message: '标题超过300字' });
        continue;
      }
      const publishedDate = parseDateText(dateText);
      if (!publishedDate) {
        problems.push({
          row: r.row,
          column: label('date'),
          message: dateText ? `“${dateText}”不是有效日期` : '发布日期为空',
        });
        continue;
      }
      const formedText = get('formed');
      const formedDate = formedText ? parseDateText(formedText) : null;
      if (formedText && !formedDate) {
        problems.push({ row: r.row, column: label('formed'), message: `“${formedText}”不是有效日期` });
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
      rows.push({
        row: r.row,
        title,
        publishedDate,
        formedDate,
        column: get('column').slice(0, 30),
        channel: get('channel').slice(0, 30),
        link: get('link').slice(0, 500),
        docNumber: get('docNumber').slice(0, 60),
        source: get('source').slice(0, 100),
      });
    }
    return { sheetName: sheet.name, headerRow: sheet.rows[h.index].row, rows, problems };
  }
  throw new AppError(
    ErrorCode.IMPORT_ROWS_INVALID,
    `在“${fileName}”中没有找到信息发布登记的表头：需要有“标题”和“发布日期”（或“发布时间”）两列。请检查表头行的列名后再导入。`,
  );
}

/** Runs in the parser worker (../parsers.ts); the result is plain data. Async so every failure is a rejection. */
export async function readPublicationsXlsx(buf: Buffer, fileName: string): Promise<PublicationSheet> {
  return readPublicationGrid(readXlsxGrid(buf, fileName), fileName);
}
