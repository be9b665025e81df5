// .docx 细则 → tables: the body's top-level tables with merged cells (w:gridSpan, w:vMerge) filled and flagged, and
// the paragraphs before each table (the title). A table inside a cell is read as that cell's text. Pure.
import { importErrors } from '../points/errors';
import { openZip, readZipText } from '../points/zip';
import { attr, decodeXml, type SourceTable, type TableCell } from './cells';

const TAG = /<(\/?)(w:[A-Za-z]+)\b([^>]*?)(\/?)>|([^<]+)/g;

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
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const [, close, name, attrs, selfClose, text] = m;
    if (text !== undefined) {
      if (inText && !skip && para !== null) para += decodeXml(text);
      continue;
    }
    if (name === 'w:del' || name === 'w:instrText' || name === 'w:delText') {
      if (!selfClose) skip += close ? -1 : 1;
      continue;
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
        if (para !== null) para += ' ';
        break;
      case 'w:br':
        if (para !== null) para += '\n';
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
          for (let k = 0; k < t.span; k++) t.row.push({ text, cont: t.vCont || k > 0 });
          t.cell = null;
        }
        break;
      case 'w:gridSpan':
        if (t?.cell && t.cell.length === 0) t.span = Math.min(40, Math.max(1, Number(attr(attrs, 'w:val') ?? 1) || 1));
        break;
      case 'w:vMerge': {
        const v = attr(attrs, 'w:val');
        if (t?.cell && t.cell.length === 0) t.vCont = v === undefined || v === 'continue';
        break;
      }
      default:
        break;
    }
  }
  return out;
}
