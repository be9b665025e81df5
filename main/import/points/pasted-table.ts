// A 分工表 copied from a web page, WPS or Excel and pasted: rows of tab-separated cells. Excel and WPS put a cell
// holding line breaks or tabs in double quotes ("" inside for a quote); a browser breaks the row at such a cell's
// line breaks. Rows and cells only: what they mean is task-table.ts's business.

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
  // Short rows are joined with the next while together they do not exceed the table's width.
  const width = Math.max(...rows.map((r) => r.length));
  const out: string[][] = [];
  for (let i = 0; i < rows.length; i++) {
    let r = rows[i];
    if (!r.join('').trim()) continue;
    while (
      r.length >= 2 &&
      r.length < width &&
      i + 1 < rows.length &&
      r.length + rows[i + 1].length - 1 <= width &&
      rows[i + 1].join('').trim()
    ) {
      const next = rows[++i];
      r = [...r.slice(0, -1), `${r[r.length - 1]}\n${next[0]}`, ...next.slice(1)];
    }
    out.push(r);
  }
  return out;
}
