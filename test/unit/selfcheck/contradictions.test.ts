// A 细则 whose figures contradict each other (the 合计 row against the rows, a parent's points against its items') is
// read, and the preview (the 自查 screen's import) and the command line's stderr say so naming the row and both
// figures; parse-indicators' JSON stays as it is. Through the real dispatch and the real CLI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { asDocx, asPasted, asXlsx, type TableSpec } from '../grid/build-table';

const ROOT = path.resolve(__dirname, '../../..');
const HEADER = ['一级指标', '二级指标', '分值', '评分标准'];

/** 合计 says 100; the rows say 4 + 6 + 20. */
const TOTAL_MISMATCH: TableSpec = {
  before: ['某县2026年度政务公开工作考核评分细则'],
  rows: [
    HEADER,
    [{ text: '组织保障', rowSpan: 2 }, '领导重视', 4, '未听取汇报的扣4分。'],
    [null, '机构人员', 6, '未明确工作机构的扣3分。'],
    ['主动公开', '政策解读', 20, '每件扣1分，扣完为止。'],
    ['合计', '', 100, ''],
  ],
};
/** 组织保障（10分） over 4 + 3; 主动公开（20分） over 10; 依申请公开（5分） over 3 + 4 (more than its points). */
const CHILDREN_MISMATCH: TableSpec = {
  before: ['某县2026年度政务公开工作考核评分细则'],
  rows: [
    HEADER,
    [{ text: '组织保障（10分）', rowSpan: 2 }, '领导重视', 4, '未听取汇报的扣4分。'],
    [null, '机构人员', 3, '未明确工作机构的扣3分。'],
    ['主动公开（20分）', '政策解读', 10, '每件扣1分，扣完为止。'],
    [{ text: '依申请公开（5分）', rowSpan: 2 }, '按时答复', 3, '超期答复的每件扣1分。'],
    [null, '规范答复', 4, '答复不规范的每件扣1分。'],
  ],
};

/** The points a spec's column 分值 gives, by hand: the leaves' sum and each parent's items' sum. */
const cellNumber = (c: TableSpec['rows'][number][number]) =>
  typeof c === 'number' ? c : c && typeof c === 'object' && typeof c.text === 'number' ? c.text : 0;
const leafSum = (spec: TableSpec) =>
  spec.rows.slice(1).reduce((a, r) => a + (String(r[0] ?? '') === '合计' ? 0 : cellNumber(r[2])), 0);

/** Where each form puts data row k (0 = the header): the file's own row numbers, a Word table's rows. */
const FORMS = [
  { form: '.xlsx', file: '细则.xlsx', build: asXlsx, place: (k: number) => `工作表“表1”第${k + 2}行` },
  {
    form: '.txt',
    file: '细则.txt',
    build: async (s: TableSpec) => Buffer.from(asPasted(s)),
    place: (k: number) => `粘贴的表格第${k + 2}行`,
  },
  { form: '.docx', file: '细则.docx', build: asDocx, place: (k: number) => `第1个表格第${k + 1}行` },
];

describe('the preview (自查 → 导入细则)', () => {
  let t: TestWorkstation;
  beforeEach(async () => {
    t = await openTestWorkstation({ year: 2026 });
  });
  afterEach(() => t.cleanup());
  const preview = async (file: string, data: Buffer) =>
    t.call('selfcheck.previewFile', { upload: { fileName: file, dataBase64: data.toString('base64') } });

  it('a 合计 row that is not the sum of the rows: the row, its figure and the sum', async () => {
    const sum = leafSum(TOTAL_MISMATCH);
    expect(sum).toBe(30);
    for (const { form, file, build, place } of FORMS) {
      const p = await preview(file, await build(TOTAL_MISMATCH));
      expect({ form, total: p.total, problems: p.problems }).toEqual({
        form,
        total: 100,
        problems: [{ number: null, message: `一级指标分值合计 ${sum} 分，与满分 100 分（${place(4)}“合计”）不一致` }],
      });
    }
  });

  it('a parent whose items add up to less, or more, than its points: its row, its points and their sum', async () => {
    for (const { form, file, build, place } of FORMS) {
      const p = await preview(file, await build(CHILDREN_MISMATCH));
      expect({ form, problems: p.problems }).toEqual({
        form,
        problems: [
          {
            number: '1',
            message: `“组织保障”（${place(1)}）的下级分值合计 ${4 + 3} 分，少于其分值 10 分（本项最多只能得 ${4 + 3} 分）`,
          },
          {
            number: '2',
            message: `“主动公开”（${place(3)}）的下级分值合计 10 分，少于其分值 20 分（本项最多只能得 10 分）`,
          },
          { number: '3', message: `“依申请公开”（${place(4)}）的下级分值合计 ${3 + 4} 分，超过其分值 5 分` },
        ],
      });
    }
  });

  it('a leaf without points and weights that do not add up to 100%: their rows too', async () => {
    const spec: TableSpec = {
      rows: [
        ['一级指标', '二级指标', '权重', '评分标准'],
        [{ text: '组织保障', rowSpan: 2 }, '领导重视', '40%', '未听取汇报的扣4分。'],
        [null, '机构人员', '50%', '未明确工作机构的扣3分。'],
        ['主动公开', '政策解读', '', '每件扣1分，扣完为止。'],
      ],
    };
    const p = await preview('细则.xlsx', await asXlsx(spec));
    const messages = p.problems.map((x) => x.message);
    expect(messages).toContain(`“组织保障”（工作表“表1”第2行）的下级权重合计 ${40 + 50}%，不是 100%`);
    expect(messages).toContain('“主动公开 / 政策解读”（工作表“表1”第4行）没有分值或权重，请补上');
  });

  it('figures that agree: no problem', async () => {
    const agree: TableSpec = {
      rows: [
        HEADER,
        [{ text: '组织保障（7分）', rowSpan: 2 }, '领导重视', 4, '未听取汇报的扣4分。'],
        [null, '机构人员', 3, '未明确工作机构的扣3分。'],
        ['合计', '', 7, ''],
      ],
    };
    const p = await preview('细则.xlsx', await asXlsx(agree));
    expect(p.problems).toEqual([]);
  });
});

describe('the command line', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir('zwgk-selfcheck-contra-');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'main/cli.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('parse-indicators: the JSON as before on stdout, each contradiction a 提示 line on stderr', async () => {
    const file = path.join(dir, '细则.xlsx');
    fs.writeFileSync(file, await asXlsx(TOTAL_MISMATCH));
    const r = cli('parse-indicators', file);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['title', 'total', 'indicators']);
    expect(out.total).toBe(100);
    expect(r.stderr).toBe(
      `提示：一级指标分值合计 ${leafSum(TOTAL_MISMATCH)} 分，与满分 100 分（工作表“表1”第6行“合计”）不一致\n`,
    );

    fs.writeFileSync(file, await asXlsx(CHILDREN_MISMATCH));
    const c = cli('parse-indicators', file);
    expect(c.code, c.stderr).toBe(0);
    expect(Object.keys(JSON.parse(c.stdout))).toEqual(['title', 'total', 'indicators']);
    expect(c.stderr.split('\n').filter(Boolean)).toEqual([
      '提示：“组织保障”（工作表“表1”第3行）的下级分值合计 7 分，少于其分值 10 分（本项最多只能得 7 分）',
      '提示：“主动公开”（工作表“表1”第5行）的下级分值合计 10 分，少于其分值 20 分（本项最多只能得 10 分）',
      '提示：“依申请公开”（工作表“表1”第6行）的下级分值合计 7 分，超过其分值 5 分',
    ]);
  });
});
