// A 分工表 copied from a web page, WPS or Excel and pasted: rows of tab-separated cells. Excel and WPS put a cell
// holding line breaks or tabs in double quotes ("" inside for a quote); a browser breaks the row at such a cell's
// line breaks. Rows and cells only: what they mean is the grid reader's business (../grid).

import { MAX_GRID_COLUMNS } from '../grid/grid';

/** The rows of a pasted table, or null when the text is not one (fewer than two lines with a tab). */
export function tabSeparatedRows(text: string): string[][] | null {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.filter((l) => l.includes('\t')).length < 2) return null;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/\r\n?/g, '\n');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  row.push(cell);
  rows.push(row);
  // A browser writes a cell with line breaks over several lines, the row going on after it: "a\tb(1)" + "b(2)\tc".
  // Short rows are joined with the next while together they do not exceed the table's width. The width is counted
  // up to the columns a table can have (../grid/grid.ts), so one line of a million tabs cannot make every other line
  // a fragment to join (which took minutes); a loop, not Math.max(...rows), which overflows the stack on many lines.
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  width = Math.min(width, MAX_GRID_COLUMNS);
  const blank = (r: string[]) => r.every((c) => !c.trim());
  const out: string[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (blank(r)) continue;
    while (
      r.length >= 2 &&
      r.length < width &&
      i + 1 < rows.length &&
      r.length + rows[i + 1].length - 1 <= width &&
      !blank(rows[i + 1])
    ) {
      const next = rows[++i];
      r[r.length - 1] = `${r[r.length - 1]}\n${next[0]}`;
      for (let k = 1; k < next.length; k++) r.push(next[k]);
    }
    // A full row whose last cell a browser broke: the next line, with no tab, goes on with that cell when the cell
    // stops mid-list ("1.每发现一处错别字扣0.5分；" + "2.每发现一处超期发布扣1分。"). A line after a finished
    // sentence stays a row of its own (a section: "二、主动公开").
    while (
      r.length === width &&
      i + 1 < rows.length &&
      rows[i + 1].length === 1 &&
      !blank(rows[i + 1]) &&
      /[；;，,、：:]\s*$/.test(r[r.length - 1])
    )
      r[r.length - 1] = `${r[r.length - 1]}\n${rows[++i][0]}`;
    out.push(r);
  }
  return out;
}
