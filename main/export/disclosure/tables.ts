// The report's three tables as WordprocessingML with the format's merged headers (gridSpan / vMerge), which the
// shared table builder (gongwen/table-xml.ts, one header row) cannot express. Same conventions as that builder:
// fixed layout, widths on tblW/gridCol/tcW, 0.5 pt borders, header rows repeated on every page, no row split, cell
// paragraphs off the line grid, East Asian fonts on every run.
import {
  RESULT_ROWS,
  TABLE3_ROWS,
  LEGAL_TYPES,
  REVIEW_KINDS,
  type AnnualReport,
} from '../../../shared/domain/disclosure';
import { FONT, TEXT_WIDTH } from '../gongwen/format';

interface XCell {
  text: string;
  span?: number;
  vMerge?: 'restart' | 'continue';
  align?: 'left' | 'center';
  bold?: boolean;
}
export interface XRow {
  cells: XCell[];
  header?: boolean;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** 小五 (9 pt): the format's tables are wide; this is the size county reports print them in. */
const TABLE_FONT_SIZE = 18;

function cell(c: XCell, width: number, keepNext: boolean): string {
  const size = TABLE_FONT_SIZE;
  const face = c.bold ? FONT.heading1 : FONT.body;
  const line = Math.round(size * 10 * 1.3);
  const paras = (c.vMerge === 'continue' ? [''] : c.text.split('\n'))
    .map(
      (t) =>
        `<w:p><w:pPr>${keepNext ? '<w:keepNext/>' : ''}<w:snapToGrid w:val="0"/><w:spacing w:after="0" w:before="0" w:line="${line}" w:lineRule="exact"/><w:jc w:val="${c.align ?? 'center'}"/></w:pPr>` +
        `<w:r><w:rPr><w:rFonts w:ascii="${FONT.latin}" w:cs="${FONT.latin}" w:eastAsia="${face}" w:hAnsi="${FONT.latin}"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`,
    )
    .join('');
  const span = c.span && c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : '';
  const vm = c.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : c.vMerge === 'continue' ? '<w:vMerge/>' : '';
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${span}${vm}<w:vAlign w:val="center"/></w:tcPr>${paras}</w:tc>`;
}

/**
 * A table from rows of cells on a column grid (twips). Throws when a row does not fill the grid (a builder bug).
 * `keepTogether` keeps a short table on one page (every row's paragraphs keep with the next).
 */
export function mergedTableXml(grid: number[], rows: XRow[], opts: { keepTogether?: boolean } = {}): string {
  const total = grid.reduce((a, b) => a + b, 0);
  const border = 'w:val="single" w:color="000000" w:sz="4"';
  const tblPr = `<w:tblPr><w:tblW w:type="dxa" w:w="${total}"/><w:jc w:val="center"/><w:tblBorders><w:top ${border}/><w:left ${border}/><w:bottom ${border}/><w:right ${border}/><w:insideH ${border}/><w:insideV ${border}/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:type="dxa" w:w="30"/><w:left w:type="dxa" w:w="40"/><w:bottom w:type="dxa" w:w="30"/><w:right w:type="dxa" w:w="40"/></w:tblCellMar></w:tblPr>`;
  const body = rows
    .map((r, ri) => {
      let col = 0;
      const cells = r.cells
        .map((c) => {
          const span = c.span ?? 1;
          const w = grid.slice(col, col + span).reduce((a, b) => a + b, 0);
          col += span;
          return cell(c, w, !!opts.keepTogether && ri < rows.length - 1);
        })
        .join('');
      if (col !== grid.length) throw new Error(`table row ${ri} covers ${col} of ${grid.length} columns`);
      return `<w:tr><w:trPr><w:cantSplit/>${r.header ? '<w:tblHeader/>' : ''}</w:trPr>${cells}</w:tr>`;
    })
    .join('');
  return `<w:tbl>${tblPr}<w:tblGrid>${grid.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${body}</w:tbl>`;
}

/** Whole twips that add up exactly to `total`. */
function scale(weights: number[], total = TEXT_WIDTH): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const w = weights.map((x) => Math.floor((x / sum) * total));
  w[w.length - 1] += total - w.reduce((a, b) => a + b, 0);
  return w;
}

const num = (n: number) => String(n);
/** 万元 with up to four decimals, no trailing zeros. */
export function formatWan(n: number): string {
  return String(Math.round(n * 10000) / 10000);
}

/** Table 二: 第二十条第（一）（五）（六）（八）项, as the 2021 format lays it out. */
export function table2Rows(a: AnnualReport['active']): XRow[] {
  const block = (title: string): XRow => ({ cells: [{ text: title, span: 4, bold: true }] });
  const head = (cols: string[]): XRow => ({
    cells:
      cols.length === 2
        ? [
            { text: cols[0], bold: true },
            { text: cols[1], span: 3, bold: true },
          ]
        : cols.map((t) => ({ text: t, bold: true })),
  });
  const single = (label: string, v: string): XRow => ({ cells: [{ text: label }, { text: v, span: 3 }] });
  return [
    { ...block('第二十条第（一）项'), header: false },
    head(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']),
    {
      cells: [
        { text: '规章' },
        { text: num(a.rules.issued) },
        { text: num(a.rules.repealed) },
        { text: num(a.rules.inForce) },
      ],
    },
    {
      cells: [
        { text: '行政规范性文件' },
        { text: num(a.normativeDocuments.issued) },
        { text: num(a.normativeDocuments.repealed) },
        { text: num(a.normativeDocuments.inForce) },
      ],
    },
    block('第二十条第（五）项'),
    head(['信息内容', '本年处理决定数量']),
    single('行政许可', num(a.licensing)),
    block('第二十条第（六）项'),
    head(['信息内容', '本年处理决定数量']),
    single('行政处罚', num(a.punishment)),
    single('行政强制', num(a.enforcement)),
    block('第二十条第（八）项'),
    head(['信息内容', '本年收费金额（单位：万元）']),
    single('行政事业性收费', formatWan(a.feesWan)),
  ];
}
export const TABLE2_GRID = scale([34, 22, 22, 22]);

/** Table 三 grid: three label columns (一级 / 二级 / 三级) and the seven applicant columns. */
export const TABLE3_GRID = scale([560, 1250, 2900, 590, 590, 590, 590, 590, 590, 590]);

/**
 * Table 三's rows; `asOf` (the year not ended yet) labels row 四 as what it is on that day: applications still being
 * handled, not yet the 结转下年度 of the year's end.
 */
export function table3Rows(req: AnnualReport['requests'], asOf: string | null = null): XRow[] {
  const v = (k: string) => req.rows.find((r) => r.key === k)!.values.map((n) => ({ text: num(n) }));
  const rows: XRow[] = [
    {
      header: true,
      cells: [
        {
          text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
          span: 3,
          vMerge: 'restart',
          align: 'left',
        },
        { text: '申请人情况', span: 7, bold: true },
      ],
    },
    {
      header: true,
      cells: [
        { text: '', span: 3, vMerge: 'continue' },
        { text: '自然人', vMerge: 'restart', bold: true },
        { text: '法人或其他组织', span: 5, bold: true },
        { text: '总计', vMerge: 'restart', bold: true },
      ],
    },
    {
      header: true,
      cells: [
        { text: '', span: 3, vMerge: 'continue' },
        { text: '', vMerge: 'continue' },
        ...LEGAL_TYPES.map((t) => ({ text: t, bold: true })),
        { text: '', vMerge: 'continue' },
      ],
    },
    { cells: [{ text: '一、本年新收政府信息公开申请数量', span: 3, align: 'left' }, ...v('一')] },
    { cells: [{ text: '二、上年结转政府信息公开申请数量', span: 3, align: 'left' }, ...v('二')] },
  ];
  const groupRows = TABLE3_ROWS.filter((r) => r.key.startsWith('三.'));
  let first = true;
  let lastGroup: string | undefined;
  for (const r of groupRows) {
    const a: XCell = first ? { text: '三、本年度办理结果', vMerge: 'restart' } : { text: '', vMerge: 'continue' };
    first = false;
    if (!r.group) {
      rows.push({ cells: [a, { text: r.label, span: 2, align: 'left' }, ...v(r.key)] });
      lastGroup = undefined;
      continue;
    }
    const b: XCell =
      r.group !== lastGroup ? { text: r.group, vMerge: 'restart', align: 'left' } : { text: '', vMerge: 'continue' };
    lastGroup = r.group;
    rows.push({ cells: [a, b, { text: r.label, align: 'left' }, ...v(r.key)] });
  }
  const carried = asOf
    ? `四、结转下年度继续办理（截至${Number(asOf.slice(5, 7))}月${Number(asOf.slice(8, 10))}日尚在办理）`
    : '四、结转下年度继续办理';
  rows.push({ cells: [{ text: carried, span: 3, align: 'left' }, ...v('四')] });
  void RESULT_ROWS;
  return rows;
}

export const TABLE4_GRID = scale(new Array(15).fill(1));

export function table4Rows(values: number[]): XRow[] {
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return [
    {
      header: true,
      cells: [
        { text: '行政复议', span: 5, bold: true },
        { text: '行政诉讼', span: 10, bold: true },
      ],
    },
    {
      header: true,
      cells: [
        ...results.map((t) => ({ text: t, vMerge: 'restart' as const, bold: true })),
        { text: REVIEW_KINDS[1], span: 5, bold: true },
        { text: REVIEW_KINDS[2], span: 5, bold: true },
      ],
    },
    {
      header: true,
      cells: [
        ...results.map(() => ({ text: '', vMerge: 'continue' as const })),
        ...results.map((t) => ({ text: t, bold: true })),
        ...results.map((t) => ({ text: t, bold: true })),
      ],
    },
    { cells: values.map((n) => ({ text: num(n) })) },
  ];
}
