// gridFromSheet with hidden rows and columns (what Excel shows and prints): a merged cell whose top-left cell is
// hidden keeps its value in the visible cells it covers; one wholly hidden is hidden content. Sheets built with
// exceljs and read by the real sheet reader.
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { GridView, gridFromSheet } from '../../../main/import/grid/grid';
import { readXlsxSheets } from '../../../main/import/xlsx-read';

async function gridOf(fill: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('表'));
  const [sheet] = readXlsxSheets(Buffer.from(await wb.xlsx.writeBuffer()), '表.xlsx');
  return gridFromSheet(sheet, '工作表“表”', 40, { skipHidden: true });
}
const texts = (view: GridView) =>
  Array.from({ length: view.rows }, (_, r) => Array.from({ length: view.cols }, (_, c) => view.text(r, c)));

it('合并单元格的左上角在隐藏的行里：看得见的行仍显示它的值，跨过看得见的行', async () => {
  const grid = await gridOf((ws) => {
    ws.addRow(['类别', '指标']);
    ws.addRow(['制度建设', '旧指标']);
    ws.addRow([null, '人员管理']);
    ws.addRow([null, '上会部署']);
    ws.addRow(['平台建设', '信息更新']);
    ws.mergeCells('A2:A4');
    ws.getRow(2).hidden = true;
  });
  expect(grid.rowNumbers).toEqual([1, 3, 4, 5]);
  expect(texts(new GridView(grid))).toEqual([
    ['类别', '指标'],
    ['制度建设', '人员管理'],
    ['制度建设', '上会部署'],
    ['平台建设', '信息更新'],
  ]);
  expect(grid.cells.find((c) => c.text === '制度建设')).toMatchObject({ row: 1, col: 0, rowSpan: 2, colSpan: 1 });
  expect(grid.hidden).toEqual({ rows: [2], cols: [], filtered: false });
});

it('合并单元格的左上角在隐藏的列里：标题从第一个看得见的列起，列号是表格的列', async () => {
  const grid = await gridOf((ws) => {
    ws.addRow(['某县考核细则']);
    ws.addRow(['序号', '指标', '分值']);
    ws.addRow([1, '人员管理', 10]);
    ws.mergeCells('A1:C1');
    ws.getColumn(1).hidden = true;
  });
  expect(grid.colNumbers).toEqual([2, 3]);
  expect(texts(new GridView(grid))).toEqual([
    ['某县考核细则', '某县考核细则'],
    ['指标', '分值'],
    ['人员管理', '10'],
  ]);
  expect(grid.hidden).toEqual({ rows: [], cols: [1], filtered: false });
});

it('整个合并单元格都隐藏：不读，算隐藏的内容', async () => {
  const grid = await gridOf((ws) => {
    ws.addRow(['指标', '分值']);
    ws.addRow(['旧类别', null]);
    ws.addRow(['人员管理', 10]);
    ws.mergeCells('A2:B2');
    ws.getRow(2).hidden = true;
  });
  expect(texts(new GridView(grid))).toEqual([
    ['指标', '分值'],
    ['人员管理', '10'],
  ]);
  expect(grid.hidden?.rows).toEqual([2]);
});
