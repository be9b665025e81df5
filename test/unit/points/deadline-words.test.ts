// The 完成时限 wordings offices write, each read where it is written (a 分解表's 完成时限 cell, a 责任单位 note's
// 完成时限：…, an .xlsx sheet through the real reader) and followed into the plan: the task's kind of deadline, the
// words the 分解表 prints, whether it is a time limit somebody gave, and the date its light warns about.
// Open limits (全年, 持续推进, 长期坚持 …) are treated as 持续推进 is everywhere: no due date, no warning, printed as
// written. Year of the document: 2026.

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePointsFile, parsePointsText } from '../../../main/import/points';
import { computeLight, deadlineFromPoint, deadlineLabel, hasRealDeadline } from '../../../shared/domain/plan';
import { extractDeadline, parseDeadlineCell } from '../../../shared/domain/point-deadlines';

const YEAR = 2026;

interface Wording {
  words: string;
  /** The date the words give, and the words a note keeps (the cell keeps all of them). */
  deadline: string | null;
  noteText?: string;
  /** The plan task: its kind, the printed words, whether somebody gave a limit, the date warned about on 1 July. */
  kind: 'date' | 'yearEnd' | 'recurring' | 'ongoing' | 'afterEvent';
  label?: string;
  real?: boolean;
  due: string | null;
}

const FAMILY: Wording[] = [
  { words: '全年', deadline: null, kind: 'ongoing', due: null },
  { words: '全年持续', deadline: null, kind: 'ongoing', due: null },
  { words: '长期坚持', deadline: null, kind: 'ongoing', due: null },
  { words: '持续推进', deadline: null, kind: 'ongoing', due: null },
  { words: '常态化', deadline: null, kind: 'ongoing', due: null },
  { words: '年内', deadline: '2026-12-31', kind: 'yearEnd', due: '2026-12-31' },
  { words: '年底前', deadline: '2026-12-31', kind: 'yearEnd', due: '2026-12-31' },
  { words: '上半年', deadline: '2026-06-30', kind: 'date', due: '2026-06-30' },
  { words: '下半年', deadline: '2026-12-31', kind: 'date', due: '2026-12-31' },
  { words: '一季度', deadline: '2026-03-31', kind: 'date', due: '2026-03-31' },
  { words: '第三季度末', deadline: '2026-09-30', kind: 'date', due: '2026-09-30' },
  // Recurring: due at the end of the first period not met (none has progress here), the first quarter's.
  { words: '每季度', deadline: null, kind: 'recurring', due: '2026-03-31' },
  { words: '每月', deadline: null, kind: 'recurring', due: '2026-01-31' },
  { words: '每半年', deadline: null, kind: 'recurring', due: '2026-06-30' },
  // The higher level will say when: the words are kept and printed, the task still asks for a time limit.
  { words: '按上级要求', deadline: null, kind: 'ongoing', real: false, due: null },
  { words: '按时间节点', deadline: null, kind: 'ongoing', real: false, due: null },
  { words: '即时', deadline: null, kind: 'ongoing', due: null },
  // N working days after an event the task names; no due date until the event is entered.
  { words: '10个工作日内', deadline: null, kind: 'afterEvent', label: '事项发生后10个工作日内', due: null },
  {
    words: '6月底前完成并长期坚持',
    deadline: '2026-06-30',
    noteText: '6月底前',
    kind: 'date',
    due: '2026-06-30',
  },
  { words: '2026年6月—12月', deadline: '2026-12-31', kind: 'date', due: '2026-12-31' },
  // A month or a day alone, as a date cell of a sheet reads: due at the month's end, on the day.
  { words: '2026年12月', deadline: '2026-12-31', kind: 'date', due: '2026-12-31' },
  { words: '12月', deadline: '2026-12-31', kind: 'date', due: '2026-12-31' },
  { words: '2026年10月31日', deadline: '2026-10-31', kind: 'date', due: '2026-10-31' },
  // Two steps: the work is complete at the last.
  {
    words: '6月底前完成梳理，9月底前完成调整',
    deadline: '2026-09-30',
    noteText: '9月底前',
    kind: 'date',
    due: '2026-09-30',
  },
  { words: '6月30日前', deadline: '2026-06-30', kind: 'date', due: '2026-06-30' },
  { words: '9月份', deadline: '2026-09-30', kind: 'date', due: '2026-09-30' },
  { words: '年底', deadline: '2026-12-31', kind: 'yearEnd', due: '2026-12-31' },
  { words: '12月中旬', deadline: '2026-12-20', kind: 'date', due: '2026-12-20' },
  { words: '11月上旬', deadline: '2026-11-10', kind: 'date', due: '2026-11-10' },
  // Months in Chinese numerals, as many notices write them.
  { words: '十一月底前', deadline: '2026-11-30', kind: 'date', due: '2026-11-30' },
  { words: '三月份', deadline: '2026-03-31', kind: 'date', due: '2026-03-31' },
  { words: '十二月中旬', deadline: '2026-12-20', kind: 'date', due: '2026-12-20' },
  // A bare 长期 in a time note or cell is an open limit (in a sentence, "长期向好" is not).
  { words: '长期', deadline: null, kind: 'ongoing', due: null },
  // The year after the document's (a 年度报告 is due the next January); the plan prints the year.
  { words: '次年1月31日前', deadline: '2027-01-31', kind: 'date', label: '2027年1月31日前', due: '2027-01-31' },
  { words: '次年1月底前', deadline: '2027-01-31', kind: 'date', label: '2027年1月31日前', due: '2027-01-31' },
];

describe.each(FAMILY)('完成时限“$words”', (w) => {
  it(`分解表的完成时限单元格：日期 ${w.deadline ?? '无'}，时限说明照原文`, () => {
    expect(parseDeadlineCell(w.words, YEAR)).toEqual({ deadline: w.deadline, deadlineText: w.words });
  });

  it(`条目末尾的说明“（责任单位：县政府办；完成时限：${w.words}）”：日期 ${w.deadline ?? '无'}`, () => {
    const text = [
      '2026年檀溪县政务公开工作要点',
      '一、加强政务公开工作',
      `1.做好政务公开有关工作。（责任单位：县政府办；完成时限：${w.words}）`,
    ].join('\n');
    const item = parsePointsText(text).items[1];
    expect([item.deadline, item.deadlineText, item.lead]).toEqual([w.deadline, w.noteText ?? w.words, ['县政府办']]);
  });

  it(`实施方案的任务：${w.kind}，打印“${w.label ?? w.words}”，7月1日的预警看 ${w.due ?? '无'}`, () => {
    const item = parseDeadlineCell(w.words, YEAR);
    const d = deadlineFromPoint(YEAR, item.deadline, item.deadlineText);
    expect(d.kind).toBe(w.kind);
    expect(deadlineLabel(d)).toBe(w.label ?? w.words);
    expect(hasRealDeadline(d)).toBe(w.real ?? true);
    const light = computeLight({ status: '进行中', deadline: d, progressDates: [] }, YEAR, '2026-07-01', 5);
    expect(light.dueDate).toBe(w.due);
    if (!w.due) expect(light.light).toBe('none');
  });
});

it('.xlsx 分解表的完成时限列里每种写法读出同样的日期和原文', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('分解表');
  ws.addRow(['2026年政务公开重点任务分解表']);
  ws.addRow(['序号', '工作任务', '责任单位', '完成时限']);
  FAMILY.forEach((w, k) => ws.addRow([k + 1, `第${k + 1}项工作。`, '县政府办', w.words]));
  const p = await parsePointsFile('分解表.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  expect(p.items.map((i) => [i.deadline, i.deadlineText])).toEqual(FAMILY.map((w) => [w.deadline, w.words]));
});

describe('只在时限说明里算时限的写法', () => {
  it.each([
    ['全年开展不少于2次专题培训。', null],
    ['推动政务公开常态化。', null],
    ['按照上级要求做好信息报送。', null],
    ['政务舆情即时回应。', null],
    // An explicit open limit counts in a sentence too.
    ['政务新媒体全年持续推进日常巡查。', '全年持续推进'],
  ])('条目正文“%s”：时限说明 %s', (text, words) => {
    expect(extractDeadline(text, YEAR)).toEqual({ deadline: null, deadlineText: words });
  });

  it('说明里的“全年”和正文里的日期：以说明为准', () => {
    const p = parsePointsText(
      [
        '2026年政务公开工作要点',
        '一、加强公开',
        '1.6月底前完成目录梳理，此后持续更新。（县政府办牵头；时间：全年）',
      ].join('\n'),
    );
    expect([p.items[1].deadline, p.items[1].deadlineText]).toEqual([null, '全年']);
  });

  it('说明里的“全年”和“每季度”：周期性时限比“全年”具体', () => {
    expect(extractDeadline('时间：全年，每季度报送一次', YEAR, { note: true })).toEqual({
      deadline: null,
      deadlineText: '每季度',
    });
  });

  it('“1月份以来”“6月份起”是开始，不是时限', () => {
    expect(extractDeadline('1月份以来共发布信息30条', YEAR).deadline).toBeNull();
    expect(extractDeadline('自6月份起每月通报', YEAR)).toEqual({ deadline: null, deadlineText: '每月' });
  });

  it('单元格里只写月份：9月、2026年9月、2026.9 都是当月月底', () => {
    for (const cell of ['9月', '2026年9月', '2026.9'])
      expect(parseDeadlineCell(cell, YEAR), cell).toEqual({ deadline: '2026-09-30', deadlineText: cell });
  });

  it('跨年度的时间段以结束的月份为准：2026年11月—2027年3月', () => {
    expect(parseDeadlineCell('2026年11月—2027年3月', YEAR).deadline).toBe('2027-03-31');
    expect(parseDeadlineCell('6—9月', YEAR).deadline).toBe('2026-09-30');
    expect(parseDeadlineCell('6月1日至6月15日', YEAR).deadline).toBe('2026-06-15');
    expect(parseDeadlineCell('11月—次年3月', YEAR).deadline).toBe('2027-03-31');
  });

  it('正文里的“次年1月31日前”是下一年的1月31日，时限说明保留“次年”', () => {
    const p = parsePointsText(
      [
        '2026年政务公开工作要点',
        '一、加强公开',
        '1.编制发布年度报告，次年1月31日前在政府网站公开。（县直各部门负责）',
      ].join('\n'),
    );
    expect([p.items[1].deadline, p.items[1].deadlineText]).toEqual(['2027-01-31', '次年1月31日前']);
  });
});
