// Reads a 工作要点 file (or pasted text) into a source document and its items. Bytes in, data out:
// no file system, no database. Used by the services (app) and by the CLI's parse-points.

import type { ParsedPoints } from '../../../shared/domain/points';
import type { ColumnRole, TableColumns } from '../../../shared/domain/table-columns';
import { gridFromRows, MAX_GRID_ROWS } from '../grid/grid';
import { readPointsGrid, TableTooLarge } from '../grid/points';
import { choiceFor, type TableChoices } from '../grid/header';
import { decodeText } from './decode-text';
import { readDocxBlocks } from './docx';
import { importErrors, PASTED_TABLE } from './errors';
import { MAX_PASTE_CHARS, MAX_POINT_ITEMS, MAX_POINTS_FILE_BYTES } from './limits';
import { parseBlocks, type SourceBlock } from './parse-text';
import { tabSeparatedRows } from './pasted-table';
import { htmlPartOf } from './mhtml';
import { isEncryptedOoxml, KIND_NAMES, sniffKind } from './sniff';
import { readXlsxBlocks } from './xlsx';

export { MAX_POINTS_FILE_BYTES } from './limits';

export interface ReadOptions {
  /** --year or the user's choice. */
  year?: number;
  /** The working year, used when the document names none. */
  fallbackYear?: number;
  /** Column roles the user chose in the preview, per table (its place among the file's tables). */
  roles?: { table: number; roles: ColumnRole[] }[];
  /** Column roles chosen before, by header signature (setting import.columnRoles). */
  remembered?: Record<string, ColumnRole[]>;
  /**
   * The preview: a file whose only table has columns that cannot be found gives no items and that table's columns
   * to choose, instead of an error. parse-points leaves it off and keeps its error.
   */
  chooseRoles?: boolean;
}

const SAVE_AS_DOCX =
  '请用 Word 或 WPS 打开它，选择“文件—另存为”，保存类型选“Word 文档（*.docx）”，再导入新文件；也可以复制全文，用“粘贴文本”导入。';

function extensionOf(fileName: string): string {
  const m = /\.([^.\\/]+)$/.exec(fileName);
  return m ? m[1].toLowerCase() : '';
}

/**
 * A pasted 分工表 (tab-separated rows; the .txt of a table too): lines of prose before and after it (主送, 印发, a date)
 * stay paragraphs. Null for plain text. `blocks` is null when the table's columns are not found: the text is then read
 * as prose, and the columns are offered to choose.
 */
function pastedTable(
  text: string,
  choices: TableChoices,
): { blocks: SourceBlock[] | null; tables: TableColumns[] } | null {
  const rows = tabSeparatedRows(text);
  // Tens of thousands of tab-separated lines are no 分工表: the text is read as prose.
  if (!rows || rows.length > MAX_GRID_ROWS) return null;
  const first = rows.findIndex((r) => r.length >= 2);
  let last = rows.length - 1;
  while (last > first && rows[last].length < 2) last--;
  const grid = gridFromRows(rows.slice(first, last + 1), PASTED_TABLE, {
    rowNumbers: rows.slice(first, last + 1).map((_, i) => first + i + 1),
  });
  const read = readPointsGrid(grid, 0, choiceFor(choices, 0));
  const tables = read.columns ? [read.columns] : [];
  if (!read.blocks) return { blocks: null, tables };
  const para = (r: string[]): SourceBlock => ({ kind: 'para', text: r.join(' ') });
  return {
    blocks: [...rows.slice(0, first).map(para), ...read.blocks, ...rows.slice(last + 1).map(para)],
    tables,
  };
}

/** Text that may hold a pasted table: the table's items, or the whole text as prose. */
function textBlocks(text: string, choices: TableChoices): { blocks: SourceBlock[]; tables: TableColumns[] } {
  const table = pastedTable(text, choices);
  return {
    blocks: table?.blocks ?? [{ kind: 'para', text, wrapped: true }],
    tables: table?.tables ?? [],
  };
}

/** A table too large to import, said with the file's name (the table reader knows only the table's place). */
function tableError(name: string, e: unknown): unknown {
  return e instanceof TableTooLarge ? importErrors.tooManyInTable(name, e.where, e.rows, MAX_POINT_ITEMS) : e;
}
function namingTable<T>(name: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    throw tableError(name, e);
  }
}
async function namingTableAsync<T>(name: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    throw tableError(name, e);
  }
}

/** A table left to the user's choice: no items yet is an answer (the preview), not an error. */
const awaitingRoles = (opts: ReadOptions, tables: TableColumns[]) => !!opts.chooseRoles && tables.some((t) => !t.found);

/** Pasted text: the same reader as a .txt file; a pasted 分工表 is read as a table. */
export function parsePointsText(text: string, opts: ReadOptions & { name?: string } = {}): ParsedPoints {
  const name = opts.name ?? '粘贴文本';
  if (!text.trim()) throw importErrors.empty(name);
  if (text.length > MAX_PASTE_CHARS) throw importErrors.tooLarge(name, text.length * 2, MAX_PASTE_CHARS * 2);
  const { blocks, tables } = namingTable(name, () => textBlocks(text, opts));
  const parseOpts = {
    fileName: name,
    sourceKind: 'paste' as const,
    year: opts.year,
    fallbackYear: opts.fallbackYear ?? new Date().getFullYear(),
    allowEmpty: awaitingRoles(opts, tables),
  };
  return { ...parseBlocks(blocks, parseOpts), tables };
}

/**
 * Reads a file by what it really is, checked against its extension: .docx, .xlsx, .txt (UTF-8/GB18030).
 * Old binary formats, PDF and mislabelled files get a message that says what to do.
 */
export async function parsePointsFile(
  fileName: string,
  data: Uint8Array,
  opts: ReadOptions = {},
): Promise<ParsedPoints> {
  if (data.length === 0) throw importErrors.empty(fileName);
  if (data.length > MAX_POINTS_FILE_BYTES) throw importErrors.tooLarge(fileName, data.length, MAX_POINTS_FILE_BYTES);
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const ext = extensionOf(fileName);
  const kind = sniffKind(buf);
  const common = { fileName, year: opts.year, fallbackYear: opts.fallbackYear ?? new Date().getFullYear() };
  const extLabel = ext ? `.${ext}` : '（无）';

  // OFD (GB/T 33190, the 版式 format offices use beside PDF): a zip of page descriptions, no Word parts.
  if (ext === 'ofd' || (kind === 'zip' && buf.subarray(0, 4096).includes('OFD.xml'))) {
    throw importErrors.unsupported(
      fileName,
      'OFD 版式文件',
      '请向发文单位索取 Word 版本；或用数科阅读器、WPS 打开它，“另存为”Word 文档（*.docx）后导入；也可以复制其中的文字，用“粘贴文本”导入。',
    );
  }
  if (kind === 'pdf') {
    throw importErrors.unsupported(
      fileName,
      'PDF 文件',
      'PDF 中的文字顺序和编号无法可靠还原。请向发文单位索取 Word 版本；或用 WPS 把 PDF 转为 Word 后导入；也可以复制 PDF 中的文字，用“粘贴文本”导入。',
    );
  }
  if (kind === 'ole') {
    if (isEncryptedOoxml(buf)) throw importErrors.encrypted(fileName);
    if (ext === 'doc' || ext === 'wps' || ext === 'docx')
      throw importErrors.unsupported(fileName, '旧版 Word/WPS 文档（.doc/.wps 格式）', SAVE_AS_DOCX);
    if (ext === 'xls' || ext === 'et' || ext === 'xlsx')
      throw importErrors.unsupported(
        fileName,
        '旧版 Excel/WPS 表格（.xls/.et 格式）',
        '请用 Excel 或 WPS 打开它，“另存为”Excel 工作簿（*.xlsx）后再导入。',
      );
    throw importErrors.mismatch(fileName, extLabel, KIND_NAMES.ole, SAVE_AS_DOCX);
  }
  // A .doc that is a web page (a site's "下载Word", Word's 单个文件网页) is read as the page.
  if (ext === 'doc' || ext === 'wps') {
    if (kind !== 'zip' && kind !== 'html' && kind !== 'mhtml')
      throw importErrors.unsupported(fileName, '旧版 Word/WPS 文档', SAVE_AS_DOCX);
  }
  if (ext === 'pdf') throw importErrors.mismatch(fileName, extLabel, KIND_NAMES[kind], '请确认选对了文件。');
  if (ext === 'xls' || ext === 'et') {
    if (kind !== 'zip')
      throw importErrors.unsupported(
        fileName,
        '旧版 Excel/WPS 表格',
        '请用 Excel 或 WPS 打开它，“另存为”Excel 工作簿（*.xlsx）后再导入。',
      );
  }

  if (kind === 'zip') {
    if (ext === 'txt' || ext === 'text') {
      throw importErrors.mismatch(
        fileName,
        extLabel,
        KIND_NAMES.zip,
        '如果它其实是 Word 或 Excel 文件，请把扩展名改为 .docx 或 .xlsx 后再导入。',
      );
    }
    const wantSheet = ext === 'xlsx' || ext === 'xlsm' || ext === 'xls' || ext === 'et';
    const sourceKind = wantSheet ? ('xlsx' as const) : ('docx' as const);
    const { blocks, tables } = await namingTableAsync(fileName, () =>
      wantSheet ? readXlsxBlocks(buf, fileName, opts) : readDocxBlocks(buf, fileName, opts),
    );
    const allowEmpty = awaitingRoles(opts, tables);
    // A workbook without any sheet whose columns are found: nothing to read (the preview offers the choice).
    if (wantSheet && !blocks.length && !allowEmpty) throw importErrors.noTable(fileName);
    return { ...parseBlocks(blocks, { ...common, sourceKind, allowEmpty }), tables };
  }

  if (ext === 'docx' || ext === 'xlsx' || ext === 'xlsm') {
    const todo =
      kind === 'text' || kind === 'html'
        ? `请用 ${ext === 'docx' ? 'Word 或 WPS' : 'Excel 或 WPS'} 打开原文件后重新“另存为”.${ext}；如果它本来就是文本，请把扩展名改为 .txt，或复制内容用“粘贴文本”导入。`
        : '文件可能已损坏或不是 Office 文档，请向发文单位重新索取文件。';
    throw importErrors.mismatch(fileName, extLabel, KIND_NAMES[kind], todo);
  }
  if (kind === 'image')
    throw importErrors.mismatch(
      fileName,
      extLabel,
      KIND_NAMES.image,
      '图片中的文字无法读取，请索取 Word 版本或手工录入。',
    );
  if (kind === 'rtf') throw importErrors.unsupported(fileName, 'RTF 文档', SAVE_AS_DOCX);
  if (kind === 'binary' || kind === 'empty') throw importErrors.notText(fileName);

  // Text (.txt, .html copied pages, .mht, no extension): decode and read.
  const page = kind === 'mhtml' ? htmlPartOf(buf) : buf;
  if (!page)
    throw importErrors.unsupported(
      fileName,
      KIND_NAMES.mhtml,
      '其中没有网页正文。请在浏览器中打开原网页，复制全文，用“粘贴文本”导入。',
    );
  const { text } = await decodeText(page, fileName);
  const plain = kind === 'html' || kind === 'mhtml' ? htmlToText(text) : text;
  if (!plain.trim()) throw importErrors.empty(fileName);
  const { blocks, tables } = namingTable(fileName, () => textBlocks(plain, opts));
  return {
    ...parseBlocks(blocks, { ...common, sourceKind: 'txt', allowEmpty: awaitingRoles(opts, tables) }),
    tables,
  };
}

const HTML_ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', quot: '"', amp: '&', apos: "'" };
const BREAK_TAGS = /^\/?(br|p|div|li|tr|h\d)\b/i;

/** A numeric reference as its character; outside Unicode (`&#99999999;`) it becomes U+FFFD, as browsers do. */
function charRef(n: number): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff)
    ? String.fromCodePoint(n)
    : '\uFFFD';
}

/**
 * A saved web page: paragraphs and line breaks become lines, tags go, entities are decoded. One pass with
 * indexOf (linear): the former lazy regular expressions took quadratic time on a page of unclosed `<script` tags.
 */
function htmlToText(html: string): string {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out.push(html.slice(i));
      break;
    }
    out.push(html.slice(i, lt));
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) break; // an unclosed tag runs to the end: nothing after it is text
    const tag = html.slice(lt + 1, gt);
    const skip = /^(script|style)\b/i.exec(tag);
    if (skip) {
      const end = lower.indexOf(`</${skip[1].toLowerCase()}`, gt);
      if (end < 0) break;
      const endGt = html.indexOf('>', end);
      i = endGt < 0 ? html.length : endGt + 1;
      continue;
    }
    if (BREAK_TAGS.test(tag) && (tag.startsWith('/') || /^br/i.test(tag))) out.push('\n');
    i = gt + 1;
  }
  return out.join('').replace(/&(#x[0-9a-f]{1,8}|#\d{1,10}|[a-z]{2,6});/gi, (whole, e: string) => {
    if (e[0] === '#') return charRef(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return HTML_ENTITIES[e.toLowerCase()] ?? whole;
  });
}
