// .docx 细则 → tables: the body's top-level tables with merged cells (w:gridSpan, w:vMerge) filled and flagged, and
// the paragraphs before each table (the title). A table inside a cell is read as that cell's text. Pure; runs in the
// parser worker. word/document.xml is streamed through saxes (../xml.ts: linear, depth-limited), not scanned with
// a regular expression, and the zip opened with the shared inflate limits (../points/zip.ts).
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { importErrors } from '../points/errors';
import { openZip, readZipText } from '../points/zip';
import { readXml } from '../xml';
import type { SourceTable, TableCell } from './cells';

/** Table cells in one document (merged spans counted out); a 细则 has hundreds to a few thousand. */
export const MAX_TABLE_CELLS = 200_000;

interface TableState { rows: TableCell[][]; row: TableCell[] | null; cell: string[] | null; span: number; vCont: boolean }

export function readDocxTables(buf: Buffer, fileName: string): SourceTable[] {
  const zip = openZip(buf, fileName);
  const xml = readZipText(zip, 'word/document.xml');
  if (!xml) {
    if (zip.entries.has('xl/workbook.xml')) throw importErrors.mismatch(fileName, '.docx', 'Excel 表格（.xlsx）', '请把扩展名改为 .xlsx 后再导入。');
    throw importErrors.damaged(fileName, '缺少 Word 正文部件 word/document.xml');
  }
  const out: SourceTable[] = [];
  const stack: TableState[] = [];
  let paragraphs: string[] = [];
  let para: string | null = null;
  let inText = false;
  let skip = 0;
  let cells = 0;
  const tag = (close: boolean, name: string, attrs: Record<string, string>, selfClose: boolean) => {
    if (name === 'w:del' || name === 'w:instrText' || name === 'w:delText') {
      if (!selfClose) skip += close ? -1 : 1;
      return;
    }
    const t = stack[stack.length - 1];
    switch (name) {
      case 'w:p':
        if (!close && !selfClose) para = '';
        else if (close && para !== null) {
          if (t?.cell) t.cell.push(para);
          else if (para.trim()) paragraphs.push(para.trim());
          para = null;
        }
        break;
      case 'w:t':
        inText = !close && !selfClose;
        break;
      case 'w:tab':
        if (!close && para !== null) para += ' ';
        break;
      case 'w:br':
        if (!close && para !== null) para += '\n';
        break;
      case 'w:tbl':
        if (!close) stack.push({ rows: [], row: null, cell: null, span: 1, vCont: false });
        else {
          const done = stack.pop();
          if (!done) break;
          const outer = stack[stack.length - 1];
          if (outer?.cell) outer.cell.push(done.rows.map((r) => r.filter((c) => !c.cont).map((c) => c.text).join(' ')).join('\n'));
          else {
            out.push({ where: `第${out.length + 1}个表格`, before: paragraphs.slice(-3), rows: done.rows, rowNumbers: done.rows.map((_, i) => i + 1) });
            paragraphs = [];
          }
        }
        break;
      case 'w:tr':
        if (!t) break;
        if (!close) t.row = [];
        else if (t.row) {
          t.rows.push(t.row);
          t.row = null;
        }
        break;
      case 'w:tc':
        if (!t?.row) break;
        if (!close) {
          t.cell = [];
          t.span = 1;
          t.vCont = false;
        } else if (t.cell) {
          const col = t.row.length;
          const text = t.vCont ? t.rows[t.rows.length - 1]?.[col]?.text ?? '' : t.cell.join('\n').trim();
          cells += t.span;
          if (cells > MAX_TABLE_CELLS) {
            throw new AppError(ErrorCode.FILE_TOO_LARGE, `文件“${fileName}”第${out.length + 1}个表格起的单元格超过 ${MAX_TABLE_CELLS} 个，不像考核细则。请确认选对了文件；如确是细则，请只保留评分表另存为新的 .docx 再导入。`);
          }
          for (let k = 0; k < t.span; k++) t.row.push({ text, cont: t.vCont || k > 0 });
          t.cell = null;
        }
        break;
      case 'w:gridSpan':
        if (t?.cell && t.cell.length === 0) t.span = Math.min(40, Math.max(1, Number(attrs['w:val'] ?? 1) || 1));
        break;
      case 'w:vMerge': {
        const v = attrs['w:val'];
        if (t?.cell && t.cell.length === 0) t.vCont = v === undefined || v === 'continue';
        break;
      }
      default:
        break;
    }
  };
  readXml(xml, fileName, 'word/document.xml', {
    open: (name, attrs, self) => tag(false, name, attrs, self),
    // A self-closing element was handled as one event when it opened.
    close: (name, self) => { if (!self) tag(true, name, {}, false); },
    text: (text) => { if (inText && !skip && para !== null) para += text; },
  });
  return out;
}
