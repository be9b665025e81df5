// The Excel 分解表 offices really send, around one base table: a title and a 文号 above the header, a header over two
// rows, a category column merged down its rows or left blank under its first cell, items without numbers, 一、 rows in
// the 序号 column, units in one column, hidden rows and columns, a second sheet, notes and 填表人 under the table, line
// breaks inside cells, dates as dates, words and numbers, other names and orders of the columns, blank rows. Each is a
// real .xlsx written here with exceljs and read by the real reader; the same table pasted as Excel and Word copy it.
// What each must read is counted from the base table's data in this file, never copied from the reader's output.

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePointsFile, parsePointsText } from '../../../main/import/points';
import type { ParsedPoints } from '../../../shared/domain/points';

interface Task {
  text: string;
  lead: string[];
  support: string[];
  /** The 完成时限 cell as written, and what it means. */
  due: string;
  deadline: string | null;
}
interface Section {
  label: string;
  title: string;
  tasks: Task[];
}

const TITLE = '2026年檀溪县政务公开重点任务分解表';
const DOC_NUMBER = '檀政办发〔2026〕3号';

/** The base table: two sections, six tasks, the 完成时限 kinds a 分解表 has. */
const SECTIONS: Section[] = [
  {
    label: '一',
    title: '深化重点领域信息公开',
    tasks: [
      {
        text: '围绕县委县政府重大决策部署，及时发布政策文件并同步解读。',
        lead: ['县政府办'],
        support: ['县司法局', '县融媒体中心'],
        due: '2026年6月底前',
        deadline: '2026-06-30',
      },
      {
        text: '完成本部门政策文件库更新。',
        lead: ['各乡镇', '县直各部门'],
        support: [],
        due: '2026年9月30日',
        deadline: '2026-09-30',
      },
      {
        text: '规范依申请公开办理流程，每季度开展一次答复文书质量自查。',
        lead: ['县政府办'],
        support: [],
        due: '每季度',
        deadline: null,
      },
      {
        text: '组织开展一次政务公开专题培训。',
        lead: ['县政府办'],
        support: [],
        due: '年内',
        deadline: '2026-12-31',
      },
    ],
  },
  {
    label: '二',
    title: '加强平台建设',
    tasks: [
      { text: '完成网站栏目调整。', lead: ['县数据局'], support: ['县政府办'], due: '9月底前', deadline: '2026-09-30' },
      {
        text: '做好政务新媒体日常巡查，发现问题及时整改。',
        lead: ['县融媒体中心'],
        support: ['各乡镇'],
        due: '持续推进',
        deadline: null,
      },
    ],
  },
];

const TASKS = SECTIONS.flatMap((s) => s.tasks);
const SECTION_COUNT = SECTIONS.length;
const TASK_COUNT = TASKS.length;

/** One line per item: depth (1 = top), label, text, 牵头, 配合, deadline, deadlineText. */
type Line = [number, string, string, string, string, string | null, string | null];

/** What the base table must read as, counted from SECTIONS; `labels: false` for a table without numbers. */
function expected(opts: { labels?: boolean; numberAcross?: boolean } = {}): Line[] {
  const out: Line[] = [];
  let n = 0;
  for (const s of SECTIONS) {
    out.push([1, opts.labels === false ? '' : s.label, s.title, '', '', null, null]);
    s.tasks.forEach((t, k) => {
      n++;
      const label = opts.labels === false ? '' : String(opts.numberAcross ? n : k + 1);
      out.push([2, label, t.text, t.lead.join('、'), t.support.join('、'), t.deadline, t.due]);
    });
  }
  return out;
}

/** The items as lines, levels as depths (the distinct levels in order: 1 and 3 become 1 and 2). */
function lines(p: ParsedPoints): Line[] {
  const depth = [...new Set(p.items.map((i) => i.level))].sort((a, b) => a - b);
  return p.items.map((i) => [
    depth.indexOf(i.level) + 1,
    i.label,
    i.text,
    i.lead.join('、'),
    i.support.join('、'),
    i.deadline,
    i.deadlineText,
  ]);
}

type Row = (string | number | Date | null)[];
type Build = (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void;

async function xlsx(build: Build): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('分解表');
  build(ws, wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const read = async (build: Build) => parsePointsFile('分解表.xlsx', await xlsx(build), { fallbackYear: 2025 });

/** Adds rows and returns the number of the first one. */
function add(ws: ExcelJS.Worksheet, rows: Row[]): number {
  const first = ws.rowCount + 1;
  for (const r of rows) ws.addRow(r);
  return first;
}

const COLS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
/** A row merged across `width` columns. */
function mergedRow(ws: ExcelJS.Worksheet, text: string, width: number): number {
  const n = add(ws, [[text]]);
  ws.mergeCells(`A${n}:${COLS[width - 1]}${n}`);
  return n;
}

const HEADER = ['序号', '工作任务', '牵头单位', '配合单位', '完成时限'];

/**
 * The base: 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限, each section a row merged across, the 序号 a number.
 * `due` writes a task's 完成时限 cell (the words, by default).
 */
function baseTable(ws: ExcelJS.Worksheet, opts: { due?: (t: Task) => Row[number]; blankRows?: boolean } = {}): void {
  add(ws, [HEADER]);
  for (const s of SECTIONS) {
    mergedRow(ws, `${s.label}、${s.title}`, HEADER.length);
    s.tasks.forEach((t, k) => {
      if (opts.blankRows && k === 1) add(ws, [[]]);
      add(ws, [[k + 1, t.text, t.lead.join('、'), t.support.join('、'), opts.due ? opts.due(t) : t.due]]);
    });
  }
}

it('基础表：读出两个分类、六项任务，牵头、配合单位和完成时限', async () => {
  const p = await read((ws) => {
    mergedRow(ws, TITLE, HEADER.length);
    baseTable(ws);
  });
  expect(lines(p)).toEqual(expected());
  expect(p.items).toHaveLength(SECTION_COUNT + TASK_COUNT);
  expect(p).toMatchObject({ title: TITLE, year: 2026, sourceKind: 'xlsx' });
  expect(p.warnings).toEqual([]);
});

describe('表头上面和下面的内容', () => {
  it('“附件”、标题和文号在表头上面：标题和文号读出，都不是条目', async () => {
    const p = await read((ws) => {
      add(ws, [['附件1']]);
      mergedRow(ws, TITLE, HEADER.length);
      mergedRow(ws, DOC_NUMBER, HEADER.length);
      baseTable(ws);
    });
    expect(lines(p)).toEqual(expected());
    expect(p).toMatchObject({ title: TITLE, docNumber: DOC_NUMBER, year: 2026 });
  });

  it('表头下面一行是“说明：…”', async () => {
    const p = await read((ws) => {
      add(ws, [HEADER]);
      mergedRow(ws, '说明：以下任务均为2026年度重点任务。', HEADER.length);
      for (const s of SECTIONS) {
        mergedRow(ws, `${s.label}、${s.title}`, HEADER.length);
        s.tasks.forEach((t, k) => add(ws, [[k + 1, t.text, t.lead.join('、'), t.support.join('、'), t.due]]));
      }
    });
    expect(lines(p)).toEqual(expected());
  });

  it('填报单位和日期在标题下面一行的两个单元格里', async () => {
    const p = await read((ws) => {
      mergedRow(ws, TITLE, HEADER.length);
      add(ws, [['填报单位（盖章）：', null, null, null, '2026年1月10日']]);
      baseTable(ws);
    });
    expect(lines(p)).toEqual(expected());
    expect(p.title).toBe(TITLE);
  });

  it('表格下面的备注和填表人（合并成一行的，分在几个单元格里的）不是条目', async () => {
    const p = await read((ws) => {
      mergedRow(ws, TITLE, HEADER.length);
      baseTable(ws);
      add(ws, [[]]);
      mergedRow(ws, '备注：1.完成时限为“持续推进”的，每季度末报送进展；2.请于每月25日前报送进展情况。', HEADER.length);
      add(ws, [['注：'], [1, '本表由各牵头单位填报。'], [2, '请于每月25日前报送进展情况。']]);
      add(ws, [['填表人：张三', null, '联系电话：0710-1234567', null, '审核人：李四']]);
      add(ws, [['填报日期：', '2026年1月10日']]);
    });
    expect(lines(p)).toEqual(expected());
  });
});

describe('表头', () => {
  it('两行表头：“责任单位”跨在“牵头单位”“配合单位”上面，其他列上下合并', async () => {
    const p = await read((ws) => {
      mergedRow(ws, TITLE, 5);
      const h = add(ws, [
        ['序号', '工作任务', '责任单位', null, '完成时限'],
        [null, null, '牵头单位', '配合单位', null],
      ]);
      ws.mergeCells(`C${h}:D${h}`);
      for (const c of ['A', 'B', 'E']) ws.mergeCells(`${c}${h}:${c}${h + 1}`);
      for (const s of SECTIONS) {
        mergedRow(ws, `${s.label}、${s.title}`, 5);
        s.tasks.forEach((t, k) => add(ws, [[k + 1, t.text, t.lead.join('、'), t.support.join('、'), t.due]]));
      }
    });
    expect(lines(p)).toEqual(expected());
  });

  it('两行表头，上面一行没有上下合并（WPS 只合并了“责任单位”）', async () => {
    const p = await read((ws) => {
      const h = add(ws, [
        ['序号', '工作任务', '责任单位', null, '完成时限'],
        [null, null, '牵头单位', '配合单位', null],
      ]);
      ws.mergeCells(`C${h}:D${h}`);
      for (const s of SECTIONS) {
        mergedRow(ws, `${s.label}、${s.title}`, 5);
        s.tasks.forEach((t, k) => add(ws, [[k + 1, t.text, t.lead.join('、'), t.support.join('、'), t.due]]));
      }
    });
    expect(lines(p)).toEqual(expected());
  });

  it('表头单元格里有 Alt+Enter 换行和括号里的说明', async () => {
    const p = await read((ws) => {
      add(ws, [['序号', '工作\n任务', '牵头\n单位', '配合\n单位', '完成时限\n（2026年）']]);
      for (const s of SECTIONS) {
        mergedRow(ws, `${s.label}、${s.title}`, 5);
        s.tasks.forEach((t, k) => add(ws, [[k + 1, t.text, t.lead.join('、'), t.support.join('、'), t.due]]));
      }
    });
    expect(lines(p)).toEqual(expected());
  });

  it.each(['时间要求', '完成时间', '时限', '时限要求', '完成期限', '时间节点', '完成时限要求'])(
    '完成时限一列的表头写作“%s”',
    async (name) => {
      const p = await read((ws) => {
        add(ws, [['序号', '工作任务', '牵头单位', '配合单位', name]]);
        for (const s of SECTIONS) {
          mergedRow(ws, `${s.label}、${s.title}`, 5);
          s.tasks.forEach((t, k) => add(ws, [[k + 1, t.text, t.lead.join('、'), t.support.join('、'), t.due]]));
        }
      });
      expect(lines(p)).toEqual(expected());
    },
  );

  it.each([
    ['重点工作', '主办单位', '协办单位', '办结时限'],
    ['具体工作', '责任股室', '配合股室', '截止时间'],
    ['工作内容', '牵头部门', '配合部门', '截止日期'],
    ['任务内容', '承办科室', '协助科室', '完成时间节点'],
    ['工作举措', '实施单位', '协同单位', '推进时限'],
    ['具体举措', '承担单位', '协同部门', '时间进度'],
    ['主要举措', '主管部门', '协作单位', '完成节点'],
    ['落实举措', '责任单位及责任人', '参加单位', '进度要求'],
    ['主要措施', '牵头责任单位', '配合责任单位', '时限安排'],
    ['任务分工', '责任分工', '责任单位（配合）', '推进时间'],
    ['工作目标', '责任单位（牵头）', '其他责任单位', '完成时限'],
    ['具体事项', '责任单位', '配合单位', '完成时限'],
    ['任务清单', '责任单位', '配合单位', '完成时限'],
    ['目标要求', '责任单位', '配合单位', '完成时限'],
  ])('表头写作 序号 | %s | %s | %s | %s', async (task, lead, support, due) => {
    const p = await read((ws) => {
      add(ws, [['序号', task, lead, support, due]]);
      for (const s of SECTIONS) {
        mergedRow(ws, `${s.label}、${s.title}`, 5);
        s.tasks.forEach((t, k) => add(ws, [[k + 1, t.text, t.lead.join('、'), t.support.join('、'), t.due]]));
      }
    });
    expect(lines(p)).toEqual(expected());
  });

  it('列的顺序和我们的不同：序号 | 完成时限 | 牵头单位 | 配合单位 | 重点任务', async () => {
    const p = await read((ws) => {
      add(ws, [['序号', '完成时限', '牵头单位', '配合单位', '重点任务']]);
      for (const s of SECTIONS) {
        mergedRow(ws, `${s.label}、${s.title}`, 5);
        s.tasks.forEach((t, k) => add(ws, [[k + 1, t.due, t.lead.join('、'), t.support.join('、'), t.text]]));
      }
    });
    expect(lines(p)).toEqual(expected());
  });

  it('列的顺序：工作任务 | 责任单位 | 完成时限 在前，序号在第二列', async () => {
    const p = await read((ws) => {
      add(ws, [['分类', '序号', '具体任务', '完成时限', '牵头单位', '配合单位']]);
      for (const s of SECTIONS) {
        const first = ws.rowCount + 1;
        s.tasks.forEach((t, k) =>
          add(ws, [[`${s.label}、${s.title}`, k + 1, t.text, t.due, t.lead.join('、'), t.support.join('、')]]),
        );
        ws.mergeCells(`A${first}:A${ws.rowCount}`);
      }
    });
    expect(lines(p)).toEqual(expected());
  });
});

describe('分类和编号', () => {
  /** 类别 | 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限, the 类别 cell written once per section. */
  function categoryColumn(ws: ExcelJS.Worksheet, how: 'merged' | 'blank', header = '类别') {
    add(ws, [[header, '序号', '工作任务', '牵头单位', '配合单位', '完成时限']]);
    for (const s of SECTIONS) {
      const first = ws.rowCount + 1;
      s.tasks.forEach((t, k) =>
        add(ws, [
          [k === 0 ? `${s.label}、${s.title}` : null, k + 1, t.text, t.lead.join('、'), t.support.join('、'), t.due],
        ]),
      );
      if (how === 'merged') ws.mergeCells(`A${first}:A${ws.rowCount}`);
    }
  }

  it('分类列“一、…”上下合并，跨它的几项任务', async () => {
    expect(lines(await read((ws) => categoryColumn(ws, 'merged')))).toEqual(expected());
  });

  it('“序号”表头跨两列：左边一列是上下合并的“一、…”，右边一列是任务的编号', async () => {
    const p = await read((ws) => {
      const h = add(ws, [['序号', null, '工作任务', '牵头单位', '配合单位', '完成时限']]);
      ws.mergeCells(`A${h}:B${h}`);
      for (const s of SECTIONS) {
        const first = ws.rowCount + 1;
        s.tasks.forEach((t, k) =>
          add(ws, [[`${s.label}、${s.title}`, k + 1, t.text, t.lead.join('、'), t.support.join('、'), t.due]]),
        );
        ws.mergeCells(`A${first}:A${ws.rowCount}`);
      }
    });
    expect(lines(p)).toEqual(expected());
  });

  it('分类列只在第一行写“一、…”，下面的单元格空着', async () => {
    expect(lines(await read((ws) => categoryColumn(ws, 'blank')))).toEqual(expected());
  });

  it('分类列的表头空着', async () => {
    expect(lines(await read((ws) => categoryColumn(ws, 'merged', '')))).toEqual(expected());
  });

  it('序号列里的“一、…”上下合并，任务的编号写在任务前面（1.…）', async () => {
    const p = await read((ws) => {
      add(ws, [['序号', '工作任务', '牵头单位', '配合单位', '完成时限']]);
      for (const s of SECTIONS) {
        const first = ws.rowCount + 1;
        s.tasks.forEach((t, k) =>
          add(ws, [[`${s.label}、${s.title}`, `${k + 1}.${t.text}`, t.lead.join('、'), t.support.join('、'), t.due]]),
        );
        ws.mergeCells(`A${first}:A${ws.rowCount}`);
      }
    });
    expect(lines(p)).toEqual(expected());
  });

  it('序号列写“一”，分类名称在工作任务列，其余空着', async () => {
    const p = await read((ws) => {
      add(ws, [HEADER]);
      for (const s of SECTIONS) {
        add(ws, [[s.label, s.title]]);
        s.tasks.forEach((t, k) => add(ws, [[k + 1, t.text, t.lead.join('、'), t.support.join('、'), t.due]]));
      }
    });
    expect(lines(p)).toEqual(expected());
  });

  it('序号列写“（一）”，分类名称从工作任务列跨到最后一列合并：分类没有单位和时限', async () => {
    const p = await read((ws) => {
      add(ws, [HEADER]);
      for (const s of SECTIONS) {
        const r = add(ws, [[`（${s.label}）`, s.title]]);
        ws.mergeCells(`B${r}:E${r}`);
        s.tasks.forEach((t, k) => add(ws, [[k + 1, t.text, t.lead.join('、'), t.support.join('、'), t.due]]));
      }
    });
    expect(lines(p)).toEqual(expected());
  });

  it('序号列写“一、深化…”，这一行其他单元格空着（没有合并）', async () => {
    const p = await read((ws) => {
      add(ws, [HEADER]);
      for (const s of SECTIONS) {
        add(ws, [[`${s.label}、${s.title}`]]);
        s.tasks.forEach((t, k) => add(ws, [[k + 1, t.text, t.lead.join('、'), t.support.join('、'), t.due]]));
      }
    });
    expect(lines(p)).toEqual(expected());
  });

  it('第一个分类前面先有一项任务：任务照读，后面的分类仍是第一级', async () => {
    const p = await read((ws) => {
      add(ws, [HEADER, [1, '加强组织领导，明确分管领导。', '各乡镇、县直各部门', '', '3月底前']]);
      for (const s of SECTIONS) {
        mergedRow(ws, `${s.label}、${s.title}`, HEADER.length);
        s.tasks.forEach((t, k) => add(ws, [[k + 1, t.text, t.lead.join('、'), t.support.join('、'), t.due]]));
      }
    });
    const first: Line = [2, '1', '加强组织领导，明确分管领导。', '各乡镇、县直各部门', '', '2026-03-31', '3月底前'];
    expect(lines(p)).toEqual([first, ...expected()]);
  });

  it('序号写“1”“1.1”“1.2”：分类一行只有序号和名称，任务的编号照原文', async () => {
    const p = await read((ws) => {
      add(ws, [['序号', '工作任务', '具体措施', '责任单位', '完成时限']]);
      SECTIONS.forEach((s, n) => {
        add(ws, [[n + 1, s.title, '', '', '']]);
        s.tasks.forEach((t, k) => add(ws, [[`${n + 1}.${k + 1}`, '', t.text, t.lead.join('、'), t.due]]));
      });
    });
    expect(p.items.map((i) => [i.level, i.label, i.text, i.lead.join('、'), i.deadline])).toEqual(
      SECTIONS.flatMap((s, n) => [
        [3, String(n + 1), s.title, '', null],
        ...s.tasks.map((t, k) => [4, `${n + 1}.${k + 1}`, t.text, t.lead.join('、'), t.deadline]),
      ]),
    );
  });

  it('序号和工作任务上下合并，跨几行具体内容，每行有自己的单位和时限：每行一项措施，都在任务下面', async () => {
    const p = await read((ws) => {
      add(ws, [['序号', '工作任务', '具体内容', '牵头单位', '配合单位', '完成时限']]);
      SECTIONS.forEach((s, n) => {
        const first = ws.rowCount + 1;
        s.tasks.forEach((t) => add(ws, [[n + 1, s.title, t.text, t.lead.join('、'), t.support.join('、'), t.due]]));
        for (const c of ['A', 'B']) ws.mergeCells(`${c}${first}:${c}${ws.rowCount}`);
      });
    });
    expect(p.items.map((i) => [i.level, i.label, i.text, i.lead.join('、'), i.support.join('、'), i.deadline])).toEqual(
      SECTIONS.flatMap((s, n) => [
        [3, String(n + 1), s.title, '', '', null],
        ...s.tasks.map((t) => [4, '', t.text, t.lead.join('、'), t.support.join('、'), t.deadline]),
      ]),
    );
  });

  it('序号从头编到尾（1–6），不按分类重新编', async () => {
    const p = await read((ws) => {
      add(ws, [HEADER]);
      let n = 0;
      for (const s of SECTIONS) {
        mergedRow(ws, `${s.label}、${s.title}`, 5);
        for (const t of s.tasks) add(ws, [[++n, t.text, t.lead.join('、'), t.support.join('、'), t.due]]);
      }
    });
    expect(lines(p)).toEqual(expected({ numberAcross: true }));
  });

  it('序号是公式（=ROW()-2）', async () => {
    const p = await read((ws) => {
      add(ws, [HEADER]);
      for (const s of SECTIONS) {
        mergedRow(ws, `${s.label}、${s.title}`, 5);
        const first = ws.rowCount + 1;
        s.tasks.forEach((t, k) => {
          const r = add(ws, [[null, t.text, t.lead.join('、'), t.support.join('、'), t.due]]);
          ws.getCell(`A${r}`).value = { formula: `ROW()-${first - 1}`, result: k + 1 };
        });
      }
    });
    expect(lines(p)).toEqual(expected());
  });

  it('分类没有编号、任务没有编号：分类行合并，任务在它下面一级', async () => {
    const p = await read((ws) => {
      add(ws, [['工作任务', '牵头单位', '配合单位', '完成时限']]);
      for (const s of SECTIONS) {
        mergedRow(ws, s.title, 4);
        for (const t of s.tasks) add(ws, [[t.text, t.lead.join('、'), t.support.join('、'), t.due]]);
      }
    });
    expect(lines(p)).toEqual(expected({ labels: false }));
  });

  it('分类有编号、任务没有编号也没有序号列', async () => {
    const p = await read((ws) => {
      add(ws, [['工作任务', '牵头单位', '配合单位', '完成时限']]);
      for (const s of SECTIONS) {
        mergedRow(ws, `${s.label}、${s.title}`, 4);
        for (const t of s.tasks) add(ws, [[t.text, t.lead.join('、'), t.support.join('、'), t.due]]);
      }
    });
    expect(lines(p)).toEqual(expected().map((l) => (l[0] === 2 ? ([...l.slice(0, 1), '', ...l.slice(2)] as Line) : l)));
  });

  it('分类列没有编号，任务也没有编号', async () => {
    const p = await read((ws) => {
      add(ws, [['类别', '工作任务', '牵头单位', '配合单位', '完成时限']]);
      for (const s of SECTIONS) {
        const first = ws.rowCount + 1;
        for (const t of s.tasks) add(ws, [[s.title, t.text, t.lead.join('、'), t.support.join('、'), t.due]]);
        ws.mergeCells(`A${first}:A${ws.rowCount}`);
      }
    });
    expect(lines(p)).toEqual(expected({ labels: false }));
  });
});

describe('单元格的内容', () => {
  it('责任单位在一列：“县政府办牵头，县司法局、县融媒体中心配合”', async () => {
    const p = await read((ws) => {
      add(ws, [['序号', '工作任务', '责任单位', '完成时限']]);
      for (const s of SECTIONS) {
        mergedRow(ws, `${s.label}、${s.title}`, 4);
        s.tasks.forEach((t, k) =>
          add(ws, [
            [
              k + 1,
              t.text,
              t.support.length ? `${t.lead.join('、')}牵头，${t.support.join('、')}配合` : t.lead.join('、'),
              t.due,
            ],
          ]),
        );
      }
    });
    expect(lines(p)).toEqual(expected());
  });

  it('责任单位在一列，单位后面用括号注明“（牵头）”“（配合）”：两种都注明时没注明的按列名（牵头）', async () => {
    const p = await read((ws) => {
      add(ws, [['序号', '工作任务', '责任单位', '完成时限']]);
      for (const s of SECTIONS) {
        mergedRow(ws, `${s.label}、${s.title}`, 4);
        s.tasks.forEach((t, k) => {
          // Only （牵头） written: the units without it would be the 配合 ones, so each 牵头 unit says so.
          const units = [
            ...t.lead.map((u, i) => (i === 0 || !t.support.length ? `${u}（牵头）` : u)),
            ...t.support.map((u) => `${u}（配合）`),
          ];
          add(ws, [[k + 1, t.text, units.join('\n'), t.due]]);
        });
      }
    });
    expect(lines(p)).toEqual(expected());
    // Only one unit marked （牵头）: the others in the cell are 配合.
    const one = await read((ws) => {
      add(ws, [['序号', '工作任务', '责任单位', '完成时限']]);
      add(ws, [[1, '做好政策解读。', '县财政局（牵头）\n县直各部门', '6月底前']]);
    });
    expect(one.items.map((i) => [i.lead, i.support])).toEqual([[['县财政局'], ['县直各部门']]]);
  });

  it('任务中间有 Alt+Enter 换行，单位之间用换行分开', async () => {
    const p = await read((ws) => {
      add(ws, [HEADER]);
      for (const s of SECTIONS) {
        mergedRow(ws, `${s.label}、${s.title}`, 5);
        s.tasks.forEach((t, k) => {
          // Broken after the first comma, inside the sentence, as a narrow column is typed.
          const text = t.text.replace(/，/, '，\n');
          add(ws, [[k + 1, text, t.lead.join('\n'), t.support.join('\n'), t.due]]);
        });
      }
    });
    expect(lines(p)).toEqual(expected());
  });

  it('单元格是带格式的文字（一部分加粗），前后有空格', async () => {
    const p = await read((ws) => {
      add(ws, [HEADER]);
      for (const s of SECTIONS) {
        mergedRow(ws, `${s.label}、${s.title}`, 5);
        s.tasks.forEach((t, k) => {
          const r = add(ws, [[k + 1, null, ` ${t.lead.join('、')}\u3000`, t.support.join('、'), ` ${t.due} `]]);
          const cut = Math.floor(t.text.length / 2);
          ws.getCell(`B${r}`).value = {
            richText: [{ font: { bold: true }, text: t.text.slice(0, cut) }, { text: t.text.slice(cut) }],
          };
        });
      }
    });
    expect(lines(p)).toEqual(expected());
  });

  it.each([
    ['中文逗号', '，'],
    ['分号', '；'],
    ['空格', ' '],
    ['全角空格', '\u3000'],
    ['斜杠', '/'],
  ])('单位之间用%s分开', async (_, sep) => {
    const p = await read((ws) => {
      add(ws, [HEADER]);
      for (const s of SECTIONS) {
        mergedRow(ws, `${s.label}、${s.title}`, 5);
        s.tasks.forEach((t, k) => add(ws, [[k + 1, t.text, t.lead.join(sep), t.support.join(sep), t.due]]));
      }
    });
    expect(lines(p)).toEqual(expected());
  });

  it('为了对齐在单位名称的字中间加的空格不是分隔', async () => {
    const p = await read((ws) => {
      add(ws, [HEADER]);
      add(ws, [[1, '完成网站栏目调整。', '办 公 室', '政 策 法 规 科', '9月底前']]);
    });
    expect(p.items.map((i) => [i.lead, i.support])).toEqual([[['办公室'], ['政策法规科']]]);
  });

  it('表格中间有空行', async () => {
    expect(lines(await read((ws) => baseTable(ws, { blankRows: true })))).toEqual(expected());
  });
});

describe('完成时限是日期', () => {
  /** 2026年9月30日 as Excel counts days (from 1899-12-30). */
  const SERIAL = Math.round((Date.UTC(2026, 8, 30) - Date.UTC(1899, 11, 30)) / 86_400_000);
  const dated = TASKS.findIndex((t) => t.due === '2026年9月30日');

  it.each([
    ['Excel 日期，格式 yyyy"年"m"月"d"日"', new Date(Date.UTC(2026, 8, 30)), 'yyyy"年"m"月"d"日"'],
    ['Excel 日期，格式 yyyy/m/d', new Date(Date.UTC(2026, 8, 30)), 'yyyy/m/d'],
    ['Excel 日期，格式 m月d日', new Date(Date.UTC(2026, 8, 30)), 'm"月"d"日"'],
    ['日期序号（常规格式的数字）', SERIAL, undefined],
  ])('%s：读作 2026年9月30日', async (_, value, numFmt) => {
    const p = await read((ws) => {
      baseTable(ws, { due: (t) => (TASKS.indexOf(t) === dated ? value : t.due) });
      ws.eachRow((row) => {
        const cell = row.getCell(HEADER.length);
        if (cell.value === value && numFmt) cell.numFmt = numFmt;
      });
    });
    expect(lines(p)).toEqual(expected());
  });

  it('日期写成文字 2026.9.30、2026/9/30 照原样，2026-09-30 写作 2026年9月30日', async () => {
    for (const [due, words] of [
      ['2026.9.30', '2026.9.30'],
      ['2026/9/30', '2026/9/30'],
      ['2026-09-30', '2026年9月30日'],
    ]) {
      const p = await read((ws) => baseTable(ws, { due: (t) => (t.due === '2026年9月30日' ? due : t.due) }));
      const got = p.items.find((i) => i.text === TASKS[dated].text)!;
      expect([got.deadline, got.deadlineText], due).toEqual(['2026-09-30', words]);
    }
  });

  it('日期序号只在完成时限列读作日期：序号列、任务列里的数字照原样', async () => {
    const p = await read((ws) => {
      add(ws, [HEADER]);
      add(ws, [[1, `投入${SERIAL}元完成网站改版。`, '县数据局', '', SERIAL]]);
    });
    expect(lines(p)).toEqual([
      [1, '1', `投入${SERIAL}元完成网站改版。`, '县数据局', '', '2026-09-30', '2026年9月30日'],
    ]);
  });
});

describe('隐藏的行、列和别的工作表', () => {
  it('隐藏的列不读（Excel 打印时也不印），隐藏的行不读，并提示哪些行没有读', async () => {
    const buf = await xlsx((ws) => {
      add(ws, [['序号', '工作任务', '内部备注', '牵头单位', '配合单位', '完成时限']]);
      for (const s of SECTIONS) {
        mergedRow(ws, `${s.label}、${s.title}`, 6);
        s.tasks.forEach((t, k) =>
          add(ws, [[k + 1, t.text, '县领导已审定', t.lead.join('、'), t.support.join('、'), t.due]]),
        );
      }
      const hiddenRow = add(ws, [[9, '删去的一项任务。', '不再列入', '县教育局', '', '2026年3月底前']]);
      ws.getRow(hiddenRow).hidden = true;
      ws.getColumn(3).hidden = true;
    });
    const p = await parsePointsFile('分解表.xlsx', buf, { fallbackYear: 2025 });
    expect(lines(p)).toEqual(expected());
    expect(p.warnings).toEqual([
      '“分解表.xlsx”中的工作表“分解表”隐藏的第10行和隐藏的C列（内部备注）有内容，没有读取（和 Excel 显示、打印的一样）。如果其中有要导入的任务，请在 Excel 中选中整个表格，右键“取消隐藏”（筛选过的表格点“清除筛选”）后保存，再重新导入。',
    ]);
  });

  it('公式的错误值（#REF!）按空白读，并提示在哪一行哪一列', async () => {
    const p = await read((ws) => {
      baseTable(ws);
      // The first task's 牵头单位 looked up in a workbook the sender did not send.
      ws.getCell('C3').value = { formula: "VLOOKUP(A3,'[单位.xlsx]表1'!A:B,2,0)", result: { error: '#REF!' } };
    });
    const want = expected();
    want[1] = [...want[1].slice(0, 3), '', ...want[1].slice(4)] as Line;
    expect(lines(p)).toEqual(want);
    expect(p.warnings).toEqual([
      '“分解表.xlsx”中的工作表“分解表”第3行C列（牵头单位）的“#REF!”是公式的错误值，按空白读取。请在 Excel 中改正公式（或把该列复制后“选择性粘贴—数值”）后重新导入，或在预览中补上这些内容。',
    ]);
  });

  it('隐藏的工作表不读；第二个工作表是填表说明或联系人名单，不是条目', async () => {
    const p = await read((ws, wb) => {
      baseTable(ws);
      const note = wb.addWorksheet('填表说明');
      note.addRow(['填表说明']);
      note.addRow(['1.请各单位按时限报送进展情况。']);
      note.addRow(['2.完成时限为“持续推进”的，每季度末报送一次。']);
      const contacts = wb.addWorksheet('附件2 联系人');
      contacts.addRow(['序号', '单位', '联系人', '联系电话']);
      contacts.addRow([1, '县政府办', '张三', '0710-1234567']);
      contacts.addRow([2, '县数据局', '李四', '0710-7654321']);
      const hidden = wb.addWorksheet('旧表');
      hidden.state = 'hidden';
      hidden.addRow(HEADER);
      hidden.addRow([1, '去年的任务。', '县政府办', '', '2025年底前']);
    });
    expect(lines(p)).toEqual(expected());
  });

  it('说明在前一个工作表，分解表在第二个', async () => {
    const p = await parsePointsFile(
      '分解表.xlsx',
      await (async () => {
        const wb = new ExcelJS.Workbook();
        const note = wb.addWorksheet('说明');
        note.addRow(['说明：本表所列任务请各单位认真落实，完成时限为持续推进的长期坚持。']);
        baseTable(wb.addWorksheet('分解表'));
        return Buffer.from(await wb.xlsx.writeBuffer());
      })(),
      { fallbackYear: 2025 },
    );
    expect(lines(p)).toEqual(expected());
  });
});

// ---- pasted from Excel, WPS or Word -------------------------------------------------------------------------------

/** A cell as Excel and WPS put it on the clipboard: quoted when it holds a line break, a tab or a quote. */
const excelCell = (v: string) => (/[\n\t"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const excelRow = (cells: string[]) => cells.map(excelCell).join('\t');

/** The base table as Excel copies it: CRLF, merged rows as their text and tabs, blank cells empty. */
function excelCopy(opts: { title?: boolean; notes?: boolean; blank?: boolean; edit?: (t: Task) => Task } = {}): string {
  const rows: string[] = [];
  const blankTail = '\t'.repeat(HEADER.length - 1);
  if (opts.title) rows.push(`${TITLE}${blankTail}`, `${DOC_NUMBER}${blankTail}`);
  rows.push(excelRow(HEADER));
  for (const s of SECTIONS) {
    rows.push(`${s.label}、${s.title}${blankTail}`);
    s.tasks.forEach((task, k) => {
      const t = opts.edit ? opts.edit(task) : task;
      if (opts.blank && k === 1) rows.push(blankTail);
      rows.push(excelRow([String(k + 1), t.text, t.lead.join('、'), t.support.join('、'), t.due]));
    });
  }
  if (opts.notes)
    rows.push(
      `备注：完成时限为“持续推进”的，每季度末报送进展。${blankTail}`,
      `填表人：张三\t\t联系电话：0710-1234567\t\t`,
    );
  return rows.join('\r\n') + '\r\n';
}

describe('从 Excel、WPS、Word 复制粘贴的表格', () => {
  it('Excel 复制：表头一行，标题和文号在上面，备注和填表人在下面，中间有空行', () => {
    const p = parsePointsText(excelCopy({ title: true, notes: true, blank: true }), { fallbackYear: 2025 });
    expect(lines(p)).toEqual(expected());
    expect(p).toMatchObject({ title: TITLE, docNumber: DOC_NUMBER, year: 2026 });
  });

  it('单元格里有换行和英文引号：Excel 加上引号、引号成对', () => {
    const edit = (t: Task): Task => ({ ...t, text: t.text.replace(/，/, '，\n'), lead: t.lead, support: t.support });
    const p = parsePointsText(excelCopy({ edit }), { fallbackYear: 2026 });
    expect(lines(p)).toEqual(expected());
    const quoted = parsePointsText(
      excelCopy({ edit: (t) => (t.due === '持续推进' ? { ...t, text: '做好"两微一端"日常巡查。' } : t) }),
      { fallbackYear: 2026 },
    );
    expect(quoted.items.map((i) => i.text)).toContain('做好"两微一端"日常巡查。');
  });

  it('责任单位在一列（“牵头，…配合”），分类列只在第一行写', () => {
    const rows = [excelRow(['类别', '序号', '工作任务', '责任单位', '完成时限'])];
    for (const s of SECTIONS)
      s.tasks.forEach((t, k) =>
        rows.push(
          excelRow([
            k === 0 ? `${s.label}、${s.title}` : '',
            String(k + 1),
            t.text,
            t.support.length ? `${t.lead.join('、')}牵头，${t.support.join('、')}配合` : t.lead.join('、'),
            t.due,
          ]),
        ),
      );
    expect(lines(parsePointsText(rows.join('\r\n'), { fallbackYear: 2026 }))).toEqual(expected());
  });

  it('序号列写“一”、分类名称在工作任务列', () => {
    const rows = [excelRow(HEADER)];
    for (const s of SECTIONS) {
      rows.push(excelRow([s.label, s.title, '', '', '']));
      s.tasks.forEach((t, k) =>
        rows.push(excelRow([String(k + 1), t.text, t.lead.join('、'), t.support.join('、'), t.due])),
      );
    }
    expect(lines(parsePointsText(rows.join('\n'), { fallbackYear: 2026 }))).toEqual(expected());
  });

  it('日期格式的完成时限复制出来是 2026/9/30，常规格式的是日期序号', () => {
    const serial = String(Math.round((Date.UTC(2026, 8, 30) - Date.UTC(1899, 11, 30)) / 86_400_000));
    for (const due of ['2026/9/30', serial]) {
      const p = parsePointsText(excelCopy({ edit: (t) => (t.due === '2026年9月30日' ? { ...t, due } : t) }), {
        fallbackYear: 2026,
      });
      const got = p.items.find((i) => i.text === '完成本部门政策文件库更新。')!;
      expect(got.deadline, due).toBe('2026-09-30');
    }
  });

  it('两行表头（“责任单位”下分“牵头单位”“配合单位”）复制出来是两行', () => {
    const rows = [
      excelRow(['序号', '工作任务', '责任单位', '', '完成时限']),
      excelRow(['', '', '牵头单位', '配合单位', '']),
    ];
    for (const s of SECTIONS) {
      rows.push(`${s.label}、${s.title}\t\t\t\t`);
      s.tasks.forEach((t, k) =>
        rows.push(excelRow([String(k + 1), t.text, t.lead.join('、'), t.support.join('、'), t.due])),
      );
    }
    expect(lines(parsePointsText(rows.join('\r\n'), { fallbackYear: 2026 }))).toEqual(expected());
  });

  it('表格从 B 列开始、连 A 列一起复制：每行前面多一个制表符', () => {
    const text = excelCopy({ title: true, notes: true })
      .split('\r\n')
      .map((l) => (l ? `\t${l}` : l))
      .join('\r\n');
    const p = parsePointsText(text, { fallbackYear: 2025 });
    expect(lines(p)).toEqual(expected());
    expect(p).toMatchObject({ title: TITLE, docNumber: DOC_NUMBER });
  });

  it('Word 复制的表格：单元格里的换行不加引号，行在换行处断开', () => {
    const rows = [HEADER.join('\t')];
    for (const s of SECTIONS) {
      rows.push(`${s.label}、${s.title}`);
      s.tasks.forEach((t, k) =>
        rows.push(
          [String(k + 1), t.text.replace(/，/, '，\n'), t.lead.join('、'), t.support.join('、'), t.due].join('\t'),
        ),
      );
    }
    expect(lines(parsePointsText(rows.join('\n'), { fallbackYear: 2026 }))).toEqual(expected());
  });
});
