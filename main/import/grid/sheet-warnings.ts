// What a sheet's reader left out or read as blank, said to the user: hidden (or filtered-out) rows and columns holding
// values, and cells showing a formula's error value. Shared by the 要点 (../points/xlsx.ts) and 细则
// (../selfcheck/table.ts) readers, each naming what the user would miss (任务, 指标); the reader prefixes the file.
import { columnLetters, type Grid } from './grid';

/** "第3行、第5–9行": sheet rows as the user finds them, runs joined, at most ten runs named. */
function rowList(rows: number[]): string {
  const runs: [number, number][] = [];
  for (const r of rows) {
    const last = runs[runs.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else runs.push([r, r]);
  }
  const named = runs.slice(0, 10).map(([a, b]) => (a === b ? `第${a}行` : `第${a}–${b}行`));
  return runs.length > 10 ? `${named.join('、')}等` : named.join('、');
}

/**
 * The warnings for one sheet read as a table whose header ends above grid row `start` (0: no header): hidden rows
 * and columns with values, and error values under the header. None for a grid that is no sheet.
 */
export function sheetWarnings(grid: Grid, start: number, what: string): string[] {
  // The header's last row names a column (a header merged down two rows reads from its top cell).
  const headerRow = start > 0 ? grid.rowNumbers[start - 1] : 0;
  const column = (c: number) => {
    const name = headerRow && grid.sheetText ? grid.sheetText(headerRow, c).trim().replace(/\s+/g, '') : '';
    return `${columnLetters(c)}列${name ? `（${name.slice(0, 20)}）` : ''}`;
  };
  const out: string[] = [];
  const hidden = grid.hidden;
  if (hidden) {
    const parts: string[] = [];
    const rowsWord = hidden.filtered ? '筛选后没有显示的' : '隐藏的';
    if (hidden.rows.length) parts.push(`${rowsWord}${rowList(hidden.rows)}`);
    if (hidden.cols.length)
      parts.push(`隐藏的${hidden.cols.slice(0, 10).map(column).join('、')}${hidden.cols.length > 10 ? '等' : ''}`);
    const how = hidden.filtered
      ? `请在 Excel 中点“数据”—“清除筛选”${hidden.cols.length ? '，并选中整个表格右键“取消隐藏”' : ''}后保存，再重新导入`
      : '请在 Excel 中选中整个表格，右键“取消隐藏”（筛选过的表格点“清除筛选”）后保存，再重新导入';
    out.push(
      `${grid.where}${parts.join('和')}有内容，没有读取（和 Excel 显示、打印的一样）。如果其中有要导入的${what}，${how}。`,
    );
  }
  const errors = (grid.errors ?? []).filter((e) => e.r > headerRow);
  if (errors.length) {
    const named = errors.slice(0, 5).map((e) => `第${e.r}行${column(e.c)}的“${e.error}”`);
    out.push(
      `${grid.where}${named.join('、')}${errors.length > 5 ? '等多处' : ''}是公式的错误值，按空白读取。请在 Excel 中改正公式（或把该列复制后“选择性粘贴—数值”）后重新导入，或在预览中补上这些内容。`,
    );
  }
  return out;
}
