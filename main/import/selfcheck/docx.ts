// .docx 细则 → grids: the body's top-level tables with their merged cells as spans (../docx.ts, shared with the 上级要点
// reader; ../grid), and the paragraphs before each table (the title). Pure; runs in the parser worker.
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { DocxTables, openDocxBody, readVisibleXml } from '../docx';
import { gridFromDocxRows, type Grid } from '../grid/grid';

/** Table cells in one document (merged spans counted out); a 细则 has hundreds to a few thousand. */
export const MAX_TABLE_CELLS = 200_000;

export function readDocxGrids(buf: Buffer, fileName: string): Grid[] {
  const { part, xml } = openDocxBody(buf, fileName);
  const out: Grid[] = [];
  const tables = new DocxTables({
    cells: MAX_TABLE_CELLS,
    error: (n) =>
      new AppError(
        ErrorCode.FILE_TOO_LARGE,
        `文件“${fileName}”第${n}个表格起的单元格超过 ${MAX_TABLE_CELLS} 个，不像考核细则。请确认选对了文件；如确是细则，请只保留评分表另存为新的 .docx 再导入。`,
      ),
  });
  let paragraphs: string[] = [];
  let para: string | null = null;
  let inText = false;
  readVisibleXml(xml, fileName, part, {
    tag(close, name, attrs, selfClose) {
      switch (name) {
        case 'w:p':
          if (!close && !selfClose) para = '';
          else if (close && para !== null) {
            const cell = tables.cell;
            if (cell) cell.push(para);
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
        default: {
          const rows = tables.tag(close, name, attrs, selfClose);
          if (rows) {
            const grid = gridFromDocxRows(rows, `第${out.length + 1}个表格`, paragraphs.slice(-3));
            if (grid.rows) out.push(grid);
            paragraphs = [];
          }
        }
      }
    },
    text: (text) => {
      if (inText && para !== null) para += text;
    },
  });
  return out;
}
