// Ledgers as county offices keep them in Excel, built with exceljs for the register import tests: sheets of rows,
// merged ranges, cells typed as text, formatted empty rows under the table.
import ExcelJS from 'exceljs';

export type Cell = string | number | Date | null;

export interface SheetSpec {
  name: string;
  rows: Cell[][];
  /** [r1, c1, r2, c2], 1-based. */
  merges?: [number, number, number, number][];
  /** Cells written as text (numFmt @), "r,c". */
  textCells?: string[];
  /** Empty rows with borders under the table, as a ledger prepared for the rest of the year has. */
  emptyRows?: number;
}

export async function workbook(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((cells, i) =>
      cells.forEach((v, j) => {
        if (v === null) return;
        const cell = ws.getCell(i + 1, j + 1);
        cell.value = v;
        if (s.textCells?.includes(`${i + 1},${j + 1}`)) cell.numFmt = '@';
      }),
    );
    const width = Math.max(...s.rows.map((r) => r.length));
    for (let r = 0; r < (s.emptyRows ?? 0); r++)
      for (let c = 1; c <= width; c++) ws.getCell(s.rows.length + 1 + r, c).border = { top: { style: 'thin' } };
    for (const m of s.merges ?? []) ws.mergeCells(...m);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What the app's import handlers take. */
export const upload = (fileName: string, data: Buffer) => ({ fileName, dataBase64: data.toString('base64') });
