// 细则 files built the way a county office makes them: an Excel sheet with a merged title, merged 一级/二级 cells
// and a 合计 row; a Word table with vertically and horizontally merged cells. Used by the reader, CLI and e2e tests.
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import type { TableSpec } from '../grid/build-table';

export type Row = (string | number | null)[];

/** Rows under the header; a cell `null` is covered by the merge above (same column). */
export async function buildXlsx(opts: {
  title?: string;
  header: string[];
  rows: Row[];
  sheetName?: string;
  merges?: string[];
  /** Changes after the table is written (hidden rows and columns, a filter, a formula): sheet rows and columns. */
  edit?: (ws: ExcelJS.Worksheet) => void;
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheetName ?? '评分细则');
  let r = 1;
  if (opts.title) {
    ws.getCell(1, 1).value = opts.title;
    ws.mergeCells(1, 1, 1, opts.header.length);
    r = 2;
  }
  opts.header.forEach((h, i) => {
    ws.getCell(r, i + 1).value = h;
  });
  const first = r + 1;
  opts.rows.forEach((row, k) =>
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(first + k, c + 1).value = v;
    }),
  );
  // Vertical merges: a run of nulls below a value in the same column.
  for (let c = 0; c < opts.header.length; c++) {
    for (let k = 0; k < opts.rows.length; k++) {
      if (opts.rows[k][c] === null) continue;
      let end = k;
      while (end + 1 < opts.rows.length && opts.rows[end + 1][c] === null) end++;
      if (end > k) ws.mergeCells(first + k, c + 1, first + end, c + 1);
    }
  }
  for (const m of opts.merges ?? []) ws.mergeCells(m);
  opts.edit?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A Word table: `null` continues the vertical merge above; `{ span }` merges across columns. */
export async function buildDocx(opts: {
  title: string;
  header: string[];
  rows: (Row | { section: string })[];
}): Promise<Buffer> {
  const cell = (text: string, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
    new TableCell({
      children: [new Paragraph({ children: [new TextRun(text)] })],
      ...extra,
    });
  const rows = [new TableRow({ children: opts.header.map((h) => cell(h)) })];
  const bodies = opts.rows;
  bodies.forEach((row, k) => {
    if ('section' in row) {
      rows.push(new TableRow({ children: [cell(row.section, { columnSpan: opts.header.length })] }));
      return;
    }
    rows.push(
      new TableRow({
        children: row.map((v, c) => {
          if (v === null) return cell('', { verticalMerge: VerticalMergeType.CONTINUE });
          const next = bodies[k + 1];
          const merged = next && !('section' in next) && next[c] === null;
          return cell(String(v), merged ? { verticalMerge: VerticalMergeType.RESTART } : {});
        }),
      }),
    );
  });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(opts.title)] }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** A 108-point 细则 like 涞源 2023 (基础100 + 加分8), with every rule type somewhere. */
export const SAMPLE_HEADER = ['序号', '一级指标', '二级指标', '三级指标', '分值', '评分标准'];
export const SAMPLE_ROWS: Row[] = [
  [1, '制度建设（30分）', '人员管理制度', '主要领导负责、分管领导抓落实', 10, '有得10分，无扣2分'],
  [2, null, '相关制度', '审核、责任追究、发布管理制度', 10, '有得10分，没有制定扣2分'],
  [3, null, '上会部署', '主要领导每年调度', 10, '根据会议记录评分'],
  [4, '平台管理与信息更新（40分）', '信息更新', '年度信息总量200条', 8, '未完成扣2分'],
  [5, null, null, '栏目更新时效', 12, '动态栏目每半个月更新，每发现一个栏目未按时更新扣1分，扣完为止'],
  [
    6,
    null,
    '文件管理',
    '继续有效文件目录',
    20,
    '未梳理继续有效文件目录的，本栏目不高于及格分；规范性文件未发布PDF版本的每件扣2分',
  ],
  [7, '政务新媒体（30分）', '内容保障', '严重错别字、虚假或错误信息', 0, '出现的，单项否决'],
  [8, null, null, '更新频率', 30, '每发现一次超过2周未更新扣5分'],
  [9, '重大扣分项', '重大失误', '泄露国家秘密、工作秘密', null, '每次扣10分，不设上限'],
  [10, '加分项（8分）', '创新亮点', '获市级以上表彰', 8, '每次加2分，基础得分达到60分方可计入'],
];

// A 细则 scored by grade columns (按等次评分), as a table for ../grid/build-table (asXlsx, asDocx, asPasted).

/** The grade columns' headers, best first: [label, points]. */
export const GRADE_HEADS: [string, number][] = [
  ['优', 10],
  ['良', 8],
  ['一般', 6],
  ['差', 0],
];
/** The leaves and each one's words under the grade columns, in the columns' order. */
export const GRADE_LEAVES: { group: string; name: string; words: string[] }[] = [
  { group: '制度建设', name: '信息公开制度', words: ['制度健全', '制度较健全', '有制度', '无制度'] },
  { group: '制度建设', name: '保密审查制度', words: ['审查记录完整', '个别未审查', '多次未审查', '未建立'] },
  { group: '平台建设', name: '政府网站专栏', words: ['栏目齐全', '个别栏目空白', '多个栏目空白', '没有专栏'] },
];

/** 一级 | 二级 | 评分等次 over 优(10) | 良(8) | 一般(6) | 差(0); 制度建设 merged over its two rows. */
export const GRADE_TABLE: TableSpec = {
  before: ['某县2026年政务公开工作考核评分细则'],
  rows: [
    [
      { text: '一级指标', rowSpan: 2 },
      { text: '二级指标', rowSpan: 2 },
      { text: '评分等次', colSpan: 4 },
      null,
      null,
      null,
    ],
    [null, null, ...GRADE_HEADS.map(([l, p]) => `${l}(${p})`)],
    [{ text: '制度建设', rowSpan: 2 }, GRADE_LEAVES[0].name, ...GRADE_LEAVES[0].words],
    [null, GRADE_LEAVES[1].name, ...GRADE_LEAVES[1].words],
    [GRADE_LEAVES[2].group, GRADE_LEAVES[2].name, ...GRADE_LEAVES[2].words],
  ],
};

// A 细则 whose cells deduct per occurrence up to a written cap, or for several findings at once (分项扣分), with
// neighbours that stay 直接评分. Wordings as county 细则 write them (domain notes A.1, 5.2).
export const DEDUCTION_HEADER = ['序号', '一级指标', '二级指标', '分值', '评分标准'];
export const DEDUCTION_ROWS: Row[] = [
  [1, '政府信息公开（25分）', '公开时效', 5, '未按时公开的扣1分；内容不完整的每处扣0.5分。'],
  [2, null, '专栏建设', 5, '未设置专栏扣2分，栏目空白的每个扣1分，扣完为止。'],
  [3, null, '信息质量', 5, '每发现一处扣0.5分，最多扣2分。'],
  [4, null, '要素规范', 5, '每缺一项扣1分，累计扣分不超过3分。'],
  [5, null, '政策解读', 5, '未解读的扣1-3分；形式单一的酌情扣分。'],
  [6, '制度建设（5分）', '制度报送', 5, '未制定扣2分，未按要求报送扣1分，累计最多扣2.5分。'],
];
