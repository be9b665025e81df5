// One table written three ways, as the office receives it: pasted from a web page (tab-separated, a merged cell's text
// in its first row and column and blank cells where the page merged it), an .xlsx with merged cells, and a Word table
// (w:gridSpan, w:vMerge). The table is described once as a full grid; `null` marks a position covered by a merge.
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import ExcelJS from 'exceljs';

type Spec = string | number | { text: string | number; rowSpan?: number; colSpan?: number } | null;

export interface TableSpec {
  /** Prose before the table (title, 主送), one paragraph each. */
  before?: string[];
  rows: Spec[][];
  /** Prose after it (印发 line, signature, date). */
  after?: string[];
}

interface Origin {
  r: number;
  c: number;
  text: string;
  rowSpan: number;
  colSpan: number;
}

function origins(spec: TableSpec): Origin[] {
  const out: Origin[] = [];
  spec.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === null) return;
      if (typeof cell === 'object')
        out.push({ r, c, text: String(cell.text), rowSpan: cell.rowSpan ?? 1, colSpan: cell.colSpan ?? 1 });
      else out.push({ r, c, text: String(cell), rowSpan: 1, colSpan: 1 });
    }),
  );
  return out;
}

const width = (spec: TableSpec) => Math.max(...spec.rows.map((r) => r.length));

/** As copied from a browser or WPS: tabs between cells, blank where merged, a cell with line breaks in quotes. */
export function asPasted(spec: TableSpec): string {
  const n = width(spec);
  const grid = spec.rows.map(() => Array.from({ length: n }, () => ''));
  for (const o of origins(spec)) grid[o.r][o.c] = /[\n\t"]/.test(o.text) ? `"${o.text.replace(/"/g, '""')}"` : o.text;
  return [...(spec.before ?? []), ...grid.map((r) => r.join('\t')), ...(spec.after ?? [])].join('\n');
}

export async function asXlsx(spec: TableSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表1');
  const n = width(spec);
  let r0 = 1;
  for (const line of spec.before ?? []) {
    ws.getCell(r0, 1).value = line;
    ws.mergeCells(r0, 1, r0, n);
    r0++;
  }
  for (const o of origins(spec)) {
    const cell = ws.getCell(r0 + o.r, o.c + 1);
    cell.value = /^\d+(\.\d+)?$/.test(o.text) ? Number(o.text) : o.text;
    if (o.rowSpan > 1 || o.colSpan > 1) ws.mergeCells(r0 + o.r, o.c + 1, r0 + o.r + o.rowSpan - 1, o.c + o.colSpan);
  }
  let r = r0 + spec.rows.length;
  for (const line of spec.after ?? []) ws.getCell(r++, 1).value = line;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function asDocx(spec: TableSpec): Promise<Buffer> {
  const all = origins(spec);
  const para = (text: string) => text.split('\n').map((t) => new Paragraph({ children: [new TextRun(t)] }));
  const rows = spec.rows.map((row, r) => {
    const cells: TableCell[] = [];
    for (let c = 0; c < row.length; c++) {
      const here = all.find((o) => o.r === r && o.c === c);
      if (here) {
        cells.push(
          new TableCell({
            width: { size: 1500 * here.colSpan, type: WidthType.DXA },
            columnSpan: here.colSpan > 1 ? here.colSpan : undefined,
            verticalMerge: here.rowSpan > 1 ? VerticalMergeType.RESTART : undefined,
            children: para(here.text),
          }),
        );
        continue;
      }
      // Covered: by a merge from above that starts in this column, a continuing cell; from the left, nothing.
      const above = all.find((o) => o.c === c && o.r < r && o.r + o.rowSpan > r);
      if (above)
        cells.push(
          new TableCell({
            width: { size: 1500 * above.colSpan, type: WidthType.DXA },
            columnSpan: above.colSpan > 1 ? above.colSpan : undefined,
            verticalMerge: VerticalMergeType.CONTINUE,
            children: [new Paragraph('')],
          }),
        );
    }
    return new TableRow({ children: cells });
  });
  const n = width(spec);
  const doc = new Document({
    sections: [
      {
        children: [
          ...(spec.before ?? []).flatMap(para),
          new Table({
            width: { size: 1500 * n, type: WidthType.DXA },
            columnWidths: Array.from({ length: n }, () => 1500),
            rows,
          }),
          ...(spec.after ?? []).flatMap(para),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
