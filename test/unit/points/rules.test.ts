import { describe, expect, it } from 'vitest';
import { parsePointsText } from '../../../main/import/points';
import { extractDeadline } from '../../../shared/domain/point-deadlines';
import {
  formatChineseNumeral,
  parseChineseNumeral,
  pointPathLabel,
  printedLabel,
  readNumberMark,
} from '../../../shared/domain/point-numbering';
import { parseResponsibilityNote, splitResponsibility } from '../../../shared/domain/point-units';
import { COUNTY_POINTS, hardWrap } from './neighbours';

describe('编号样式决定层级', () => {
  it.each([
    ['一、总体要求', 1, '一'],
    ['十二、其他', 1, '十二'],
    ['(一)加强', 2, '一'],
    ['（三）加强', 2, '三'],
    ['1.进一步', 3, '1'],
    ['1．进一步', 3, '1'],
    ['1、进一步', 3, '1'],
    ['12. 进一步', 3, '12'],
    ['1.9月底前完成', 3, '1'],
    ['(1)公开', 4, '1'],
    ['（2）公开', 4, '2'],
    ['①加快', 5, '①'],
    ['5.2020年8月底前', 3, '5'],
    // Numbers joined by points: one level under 1. for each after the first, the label as written.
    ['1.1 及时发布', 4, '1.1'],
    ['2.3.1 公开', 5, '2.3.1'],
    ['1.到2026年底前完成', 3, '1'],
  ])('%s → 层级 %i，编号 %s', (text, level, label) => {
    expect(readNumberMark(text)).toMatchObject({ level, label });
  });
  it.each([
    '1.5倍',
    '2020年',
    '(国务院令第711号)',
    '(计划)',
    '统一、规范',
    '（一）至（十五）项规定的主动公开内容',
    '（一）、（二）项规定的内容',
    '（1）—（3）项',
  ])('“%s”不是编号', (text) => {
    expect(readNumberMark(text)).toBeNull();
  });
  it('“1.1”这样的编号照原文打印，路径里不重复上一级的数字', () => {
    expect(printedLabel(4, '1.1')).toBe('1.1');
    const nodes = new Map([
      [1, { level: 1, label: '二', parentId: null }],
      [2, { level: 3, label: '1', parentId: 1 }],
      [3, { level: 4, label: '1.1', parentId: 2 }],
    ]);
    expect(pointPathLabel(3, (id) => nodes.get(id))).toBe('二、1.1');
    expect(pointPathLabel(2, (id) => nodes.get(id))).toBe('二、1');
  });
  it('中文数字互转', () => {
    for (const n of [1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 999])
      expect(parseChineseNumeral(formatChineseNumeral(n))).toBe(n);
  });
});

describe('完成时限', () => {
  it.each([
    ['2021年9月底前完成', 2020, '2021-09-30', '2021年9月底前'],
    ['9月底前完成清单编制', 2021, '2021-09-30', '9月底前'],
    ['年底前完成', 2022, '2022-12-31', '年底前'],
    ['6月30日前报送', 2021, '2021-06-30', '6月30日前'],
    ['2月底前', 2024, '2024-02-29', '2月底前'],
    ['上半年完成', 2021, '2021-06-30', '上半年'],
    ['省政府办公厅年内将开展一次督查', 2020, '2020-12-31', '年内'],
  ])('%s（%i年）→ %s', (text, year, deadline, words) => {
    expect(extractDeadline(text, year)).toEqual({ deadline, deadlineText: words });
  });
  it.each([
    ['在10个工作日内答复', '10个工作日内'],
    ['每季度更新一次', '每季度'],
    ['每半年通报', '每半年'],
    ['持续推进', '持续推进'],
    ['文件公开后3个工作日内发布，年内解读不少于1次', '3个工作日内'],
  ])('%s 没有日期，只留时限说明', (text, words) => {
    expect(extractDeadline(text, 2021)).toEqual({ deadline: null, deadlineText: words });
  });
  it('相对时限在前、明确日期在后时取明确日期', () => {
    expect(extractDeadline('每季度更新，2021年9月底前完成全部梳理', 2021)).toEqual({
      deadline: '2021-09-30',
      deadlineText: '2021年9月底前',
    });
  });
  it('“每年3月底前”是周期性时限，不是日期', () => {
    expect(extractDeadline('每年3月底前报送', 2021).deadline).toBeNull();
  });
});

describe('责任单位说明', () => {
  it.each([
    ['责任单位:A、B,C', ['A', 'B', 'C'], []],
    [
      '责任单位：省直各部门，各市〔州〕政府，各县〔市、区、特区〕政府',
      ['省直各部门', '各市〔州〕政府', '各县〔市、区、特区〕政府'],
      [],
    ],
    ['A牵头负责,B、C配合', ['A'], ['B', 'C']],
    ['办公室牵头负责,各科室配合。', ['办公室'], ['各科室']],
    ['A、B分别抓好相关工作,C、D各负其责', ['A', 'B'], ['C', 'D']],
    ['A牵头,B参与', ['A'], ['B']],
    [
      '牵头单位：县人力资源和社会保障局；配合单位：县住房和城乡建设局、县财政局',
      ['县人力资源和社会保障局'],
      ['县住房和城乡建设局', '县财政局'],
    ],
    ['各县（市、区）人民政府负责', ['各县（市、区）人民政府'], []],
    // A role in brackets after one unit is that unit's; under a bare 责任单位 the units without one have the other
    // role, under a label that names a role they keep it.
    ['责任单位：县财政局（牵头）、县直各部门', ['县财政局'], ['县直各部门']],
    ['责任单位：县政府办〔牵头〕，县司法局', ['县政府办'], ['县司法局']],
    ['配合单位：县财政局、县司法局（牵头）', ['县司法局'], ['县财政局']],
    ['责任单位：县政府办（牵头）、县司法局（配合）、县财政局', ['县政府办', '县财政局'], ['县司法局']],
    ['责任单位：县政府办、县司法局（配合）', ['县政府办'], ['县司法局']],
    ['县数据局(牵头)、县政府办【配合】', ['县数据局'], ['县政府办']],
    ['责任单位：县政府办（县政务公开办）', ['县政府办（县政务公开办）'], []],
  ])('（%s）', (note, lead, support) => {
    expect(parseResponsibilityNote(note)).toEqual({ lead, support });
  });
  it.each(['国务院令第711号', '计划', '2020年版'])('（%s）不是责任单位说明，留在正文', (note) => {
    expect(parseResponsibilityNote(note)).toBeNull();
    const r = splitResponsibility(`贯彻落实《条例》（${note}）`);
    expect(r.text).toBe(`贯彻落实《条例》（${note}）`);
    expect(r.units).toBeNull();
  });
});

describe('真实文本中的杂项', () => {
  it('网站杂项、页脚、关键词行不成为条目；文号、发文单位、成文日期被识别', () => {
    const text = [
      '首页 > 政务公开 > 政策文件',
      '分享',
      '收藏',
      '2021 政务公开 工作 要点',
      '黔府办发〔2021〕8号',
      '2021年全省政务公开工作要点',
      '一、加强政策解读',
      '1. 9月底前完成清单编制（国务院令第711号）。(计划)',
      '2．做好解读工作。（省政府办公厅牵头，省直各部门配合）',
      '第1页 共2页',
      '（一）细化措施',
      '(1)每季度通报。(责任单位:各县〔市、区、特区〕政府)',
      '①持续推进网站建设。',
      '②10个工作日内答复。（省大数据局负责）',
      '附件：分工表',
      '贵州省人民政府办公厅',
      '2021年3月5日',
      '抄送：省委办公厅',
      '关键词: 政务公开',
      '上一篇：某某通知',
    ].join('\n');
    const p = parsePointsText(text);
    expect(p.title).toBe('2021年全省政务公开工作要点');
    expect(p.docNumber).toBe('黔府办发〔2021〕8号');
    expect(p.issuer).toBe('贵州省人民政府办公厅');
    expect(p.issuedDate).toBe('2021-03-05');
    expect(p.year).toBe(2021);
    expect(p.items.map((i) => `${i.level}${i.label}`)).toEqual(['1一', '31', '32', '2一', '41', '5①', '5②']);
    expect(p.items[1]).toMatchObject({
      text: '9月底前完成清单编制（国务院令第711号）。(计划)',
      deadline: '2021-09-30',
      lead: [],
    });
    expect(p.items[2]).toMatchObject({ title: '做好解读工作', lead: ['省政府办公厅'], support: ['省直各部门'] });
    expect(p.items[4]).toMatchObject({ deadline: null, deadlineText: '每季度', lead: ['各县〔市、区、特区〕政府'] });
    expect(p.items[5]).toMatchObject({ deadline: null, deadlineText: '持续推进' });
    // ② closes item (1)'s list but (1) has its own note, so ②'s note stays with ②.
    expect(p.items[6]).toMatchObject({
      text: '10个工作日内答复。',
      deadlineText: '10个工作日内',
      lead: ['省大数据局'],
    });
  });
  it('整篇文件挤在一行里也能按编号拆开', () => {
    const p = parsePointsText(
      '某局实施方案 一、总体要求 做好工作。 二、重点任务 (一)公开方面。 1.推进公开。(办公室牵头) 2.做好解读。(办公室负责) (二)解读方面。 1.加强解读。①做好一。②做好二。(高新科牵头负责)',
      { year: 2023 },
    );
    expect(p.items.map((i) => `${i.level}${i.label}`)).toEqual([
      '1一',
      '1二',
      '2一',
      '31',
      '32',
      '2二',
      '31',
      '5①',
      '5②',
    ]);
    expect(p.items[6].lead).toEqual(['高新科']);
    expect(p.title).toBe('某局实施方案');
  });
});

it('印发通知包着要点：通知的文号、发文单位、日期归文件；要点从“一、”开始', () => {
  const p = parsePointsText(
    [
      '国务院办公厅关于印发2020年政务公开工作要点的通知',
      '国办发〔2020〕17号',
      '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
      '《2020年政务公开工作要点》已经国务院同意，现印发给你们，请结合实际认真贯彻落实。',
      '国务院办公厅',
      '2020年6月18日',
      '（此件公开发布）',
      '2020年政务公开工作要点',
      '做好2020年政务公开工作，要坚持以习近平新时代中国特色社会主义思想为指导。',
      '一、围绕做好“六稳”工作、落实“六保”任务加强政策发布解读',
      '（一）做好政策发布解读。围绕做好“六稳”工作，加大政策解读力度。',
      '二、围绕优化营商环境加强信息公开',
      '（二）加强市场监管规则公开。2020年底前完成。',
      '附件：分工表',
    ].join('\n'),
  );
  expect(p).toMatchObject({
    docNumber: '国办发〔2020〕17号',
    issuer: '国务院办公厅',
    issuedDate: '2020-06-18',
    year: 2020,
  });
  expect(p.title).toMatch(/2020年政务公开工作要点/);
  expect(p.items.map((i) => `${i.level}${i.label}`)).toEqual(['1一', '2一', '1二', '2二']);
  expect(p.items[3]).toMatchObject({ text: '加强市场监管规则公开。2020年底前完成。', deadline: '2020-12-31' });
});

it('责任单位说明里带完成时限：时限不算单位，但算完成时限', () => {
  const p = parsePointsText(
    '1．编制标准目录。（牵头单位：县政府办；配合单位：各乡镇、县直各部门；完成时限：2021年6月底前）\n2、更新目录。\n（责任单位：县政务服务中心）\n3．落实条例（国务院令第711号）。(县司法局、县政府办按职责分工负责)',
  );
  expect(p.items.map((i) => [i.text, i.lead, i.support, i.deadline])).toEqual([
    ['编制标准目录。', ['县政府办'], ['各乡镇', '县直各部门'], '2021-06-30'],
    ['更新目录。', ['县政务服务中心'], [], null],
    ['落实条例（国务院令第711号）。', ['县司法局', '县政府办'], [], null],
  ]);
});

it('单位后面括号里的“牵头”“配合”只说这个单位，不把单位名称截断，也不丢后面的单位', () => {
  const p = parsePointsText(
    '一、工作任务\n1.事项甲。（责任单位：县财政局（牵头）、县直各部门）\n2.事项乙。（责任单位：县政府办〔牵头〕，县司法局（配合））',
  );
  expect(p.items.slice(1).map((i) => [i.text, i.lead, i.support])).toEqual([
    ['事项甲。', ['县财政局'], ['县直各部门']],
    ['事项乙。', ['县政府办'], ['县司法局']],
  ]);
});

it('“1.1”“1.2”式的编号是“1.”下面的条目，各有自己的单位，不并进上一条', () => {
  const p = parsePointsText(
    [
      '2026年檀溪县政务公开工作要点',
      '1.深化重点领域信息公开',
      '1.1 及时发布政策文件并同步解读。（责任单位：县政府办）',
      '1.2 6月底前完成政策文件库更新。（责任单位：县直各部门）',
      '2.加强平台建设',
      '2.1 第三季度完成网站栏目调整。（责任单位：县数据局）',
    ].join('\n'),
  );
  expect(p.items.map((i) => [i.level, i.label, i.text, i.lead.join('、'), i.deadline])).toEqual([
    [3, '1', '深化重点领域信息公开', '', null],
    [4, '1.1', '及时发布政策文件并同步解读。', '县政府办', null],
    [4, '1.2', '6月底前完成政策文件库更新。', '县直各部门', '2026-06-30'],
    [3, '2', '加强平台建设', '', null],
    [4, '2.1', '第三季度完成网站栏目调整。', '县数据局', '2026-09-30'],
  ]);
  // Run together on one line: "1.5 倍" in a sentence of item 2 is a number, not item 1.5.
  const line = parsePointsText(
    '一、重点任务 1.推进公开。1.1 编制目录。（办公室负责） 1.2 更新目录。（法规科负责） 2.做好解读，数量提高 1.5 倍。（办公室负责）',
  );
  expect(line.items.map((i) => `${i.label} ${i.text}`)).toEqual([
    '一 重点任务',
    '1 推进公开。',
    '1.1 编制目录。',
    '1.2 更新目录。',
    '2 做好解读，数量提高 1.5 倍。',
  ]);
});

it('PDF 断行后一行以“（一）至（十五）项”开头：是上一句的接续，不是新条目', () => {
  const p = parsePointsText(
    [
      '2026年檀溪县政务公开工作要点',
      '一、深化重点领域信息公开',
      '1.严格落实《中华人民共和国政府信息公开条例》第二十条',
      '（一）至（十五）项规定的主动公开内容，做好相关工作。（责',
      '任单位：县直各部门）',
      '2.完成本部门政策文件库更新。（责任单位：县政府办）',
    ].join('\n'),
  );
  expect(p.items.map((i) => [i.level, i.label, i.text, i.lead.join('、')])).toEqual([
    [1, '一', '深化重点领域信息公开', ''],
    [
      3,
      '1',
      '严格落实《中华人民共和国政府信息公开条例》第二十条（一）至（十五）项规定的主动公开内容，做好相关工作。',
      '县直各部门',
    ],
    [3, '2', '完成本部门政策文件库更新。', '县政府办'],
  ]);
});

it('每句后面各有一个责任单位说明：每个说明的单位都算，不只最后一个', () => {
  const p = parsePointsText(
    [
      '2026年檀溪县政务公开工作要点',
      '一、围绕稳经济促发展加强信息公开',
      '（一）加强经济政策发布解读。6月底前完成惠企政策集中梳理（县发改局牵头）。第三季度前完成专项检查（县财政局牵头，县审计局配合）。',
      '（二）加强政策发布解读。一是及时发布政策文件（责任单位：县政府办）；二是做好政策解读（责任单位：县司法局）；三是做好回应关切（责任单位：县融媒体中心）。',
      '（三）落实条例（国务院令第711号）要求，做好公开工作。（责任单位：县司法局）',
    ].join('\n'),
  );
  expect(p.items.slice(1).map((i) => [i.lead, i.support, i.deadline])).toEqual([
    [['县发改局', '县财政局'], ['县审计局'], '2026-06-30'],
    [['县政府办', '县司法局', '县融媒体中心'], [], null],
    [['县司法局'], [], null],
  ]);
});

it.each([
  ['檀政办发〔2026〕第5号', '檀政办发〔2026〕第5号'],
  ['檀政办发 〔2026〕 5号', '檀政办发〔2026〕5号'],
  ['檀政办发 〔 2026 〕 5 号', '檀政办发〔2026〕5号'],
])('文号写作“%s”也能识别', (written, docNumber) => {
  const p = parsePointsText(
    [
      '檀溪县人民政府办公室文件',
      written,
      '2026年檀溪县政务公开工作要点',
      '一、深化信息公开',
      '1.及时发布政策文件。（责任单位：县政府办）',
    ].join('\n'),
  );
  expect(p.docNumber).toBe(docNumber);
  expect(p.items).toHaveLength(2);
});

describe('同一份要点的不同写法读出同样的条目', () => {
  const base = () => parsePointsText(COUNTY_POINTS);

  it('基准文本：3 级 12 条，单位和时限齐全', () => {
    const p = base();
    expect(p.items.map((i) => `${i.level}${i.label}`)).toEqual([
      '1一',
      '2一',
      '31',
      '32',
      '2二',
      '31',
      '32',
      '33',
      '34',
      '1二',
      '2一',
      '31',
    ]);
    expect(p.items[2]).toMatchObject({
      title: '围绕县委县政府重大决策部署，及时发布政策文件并同步解读',
      lead: ['县政府办'],
      support: ['县司法局', '县融媒体中心'],
    });
  });

  it.each([
    ['责任单位另起一行', (t: string) => t.replace(/（责任单位：([^）]*)）/g, '\n责任单位：$1')],
    [
      '牵头单位、配合单位各占一行',
      (t: string) => t.replace(/（牵头单位：([^；]*)；配合单位：([^）]*)）/, '\n牵头单位：$1\n配合单位：$2'),
    ],
    ['括号说明另起一行', (t: string) => t.replace(/（(责任单位|牵头单位|县政府办牵头)/g, '\n（$1')],
    ['说明中间断行', (t: string) => t.replace(/（责任单位：/g, '（责任\n单位：')],
    ['说明全部另起一行且不带括号', (t: string) => t.replace(/。（(?:责任单位：)?([^）]*)）$/gm, '。\n责任单位：$1')],
    [
      '牵头、配合说明另起一行，不带括号和标签',
      (t: string) => t.replace('。（县政府办牵头，县数据局配合）', '。\n县政府办牵头，县数据局配合'),
    ],
  ])('%s', (_, change) => {
    const changed = change(COUNTY_POINTS);
    expect(changed).not.toBe(COUNTY_POINTS);
    expect(parsePointsText(changed).items).toEqual(base().items);
  });

  it('小标题下没有编号的段落：每段一条，各有单位和时限，不编造编号', () => {
    const changed = COUNTY_POINTS.replace(/^\d+\./gm, '');
    const want = base().items.map((i) => (i.level === 3 ? { ...i, label: '' } : i));
    expect(parsePointsText(changed).items).toEqual(want);
    // … also with the notes on lines of their own, and a break inside a paragraph.
    const notesBelow = changed.replace(/（责任单位：([^）]*)）/g, '\n责任单位：$1');
    expect(parsePointsText(notesBelow).items).toEqual(want);
    const broken = changed.replace(/政策文件库更新/, '政策文件\n库更新').replace(/答复文书/, '答复\n文书');
    expect(parsePointsText(broken).items).toEqual(want);
    for (const width of [17, 20, 28]) expect(parsePointsText(hardWrap(changed, width)).items).toEqual(want);
  });

  it('小标题下的段落都不带责任单位时是小标题的说明，不拆成条目', () => {
    const p = parsePointsText(
      '2026年某局政务公开工作要点\n一、总体要求\n以习近平新时代中国特色社会主义思想为指导。\n全面推进基层政务公开。\n二、重点任务\n1.做好公开。（办公室负责）',
    );
    expect(p.items.map((i) => [i.label, i.text])).toEqual([
      ['一', '总体要求\n以习近平新时代中国特色社会主义思想为指导。\n全面推进基层政务公开。'],
      ['二', '重点任务'],
      ['1', '做好公开。'],
    ]);
    expect(p.items[0].title).toBe('总体要求');
  });

  it.each([
    ['“1 ”（半角空格）', (t: string) => t.replace(/^(\d+)\./gm, '$1 ')],
    ['“1\t”（制表符）', (t: string) => t.replace(/^(\d+)\./gm, '$1\t')],
    ['“一　”（全角空格）', (t: string) => t.replace(/^([一二])、/gm, '$1\u3000')],
    ['“一 ”（半角空格）', (t: string) => t.replace(/^([一二])、/gm, '$1 ')],
    ['“1 ”与“一 ”', (t: string) => t.replace(/^(\d+)\./gm, '$1 ').replace(/^([一二])、/gm, '$1 ')],
    ['“1.\t”与“（一）　”', (t: string) => t.replace(/^(\d+)\./gm, '$1.\t').replace(/^（([一二])）/gm, '（$1）\u3000')],
  ])('编号后是空白而不是顿号或点：%s', (_, change) => {
    const changed = change(COUNTY_POINTS);
    expect(changed).not.toBe(COUNTY_POINTS);
    expect(parsePointsText(changed).items).toEqual(base().items);
  });

  it('以数字加空格开头的普通句子不是编号', () => {
    const p = parsePointsText(
      [
        '2026 年某局政务公开工作要点',
        '一 加强公开',
        '1 做好公开。',
        '1 月份完成清单编制。',
        '2026 年底前完成目录更新。',
        '3 个工作日内答复。',
        '5 年内不再调整。',
        '2 做好解读。',
        '5 做好回应。',
        '十 项任务全部完成。',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.level, i.label, i.text])).toEqual([
      [1, '一', '加强公开'],
      [3, '1', '做好公开。\n1 月份完成清单编制。\n2026 年底前完成目录更新。\n3 个工作日内答复。\n5 年内不再调整。'],
      [3, '2', '做好解读。\n5 做好回应。\n十 项任务全部完成。'],
    ]);
    expect(p.title).toBe('2026 年某局政务公开工作要点');
  });

  it('没有句号的一行之后，自带“注：”“完成时限：”的一行另起一行', () => {
    const p = parsePointsText(
      '2026年要点\n1.做好政务公开工作\n注：每季度报送一次进展。\n2.做好解读\n完成时限：6月底前',
    );
    expect(p.items.map((i) => [i.title, i.text, i.deadline])).toEqual([
      ['做好政务公开工作', '做好政务公开工作\n注：每季度报送一次进展。', null],
      // The 完成时限 line is the item's time note, read and kept out of its text as a 责任单位 line is.
      ['做好解读', '做好解读', '2026-06-30'],
    ]);
  });

  it('条目下另起一行的“完成时限：”和“责任单位：”一样不留在条目正文里', () => {
    const p = parsePointsText(
      '2026年檀溪县政务公开工作要点\n一、深化重点领域信息公开\n1.完成网站栏目调整。\n完成时限：2026年9月30日前\n' +
        '责任单位：县数据局\n2.规范政务新媒体。\n责任单位：县融媒体中心\n完成时限：9月底前',
    );
    expect(p.items.slice(1).map((i) => [i.text, i.lead.join('、'), i.deadline])).toEqual([
      ['完成网站栏目调整。', '县数据局', '2026-09-30'],
      ['规范政务新媒体。', '县融媒体中心', '2026-09-30'],
    ]);
  });

  it('最后一条以责任单位说明结束：后面的结束语、表格标题、“相关附件：”不接进这一条', () => {
    const head = '2026年檀溪县政务公开工作要点\n一、深化重点领域信息公开\n1.及时发布政策文件。（责任单位：县政府办）\n';
    for (const after of [
      '各单位要高度重视，确保各项任务落到实处。',
      '2026年政务公开重点任务分工表',
      '相关附件：',
      '各单位要高度重视。\n请于每季度末报送进展。',
    ]) {
      for (const last of [
        '2.6月30日前报送上半年工作情况。（责任单位：县直各部门）',
        '2.报送工作情况（县政府办牵头，县数据局配合）。',
      ]) {
        const p = parsePointsText(`${head}${last}\n${after}`);
        const item = p.items[p.items.length - 1];
        expect(item.text, after).not.toContain('\n');
        expect(item.lead.length, after).toBe(1);
      }
    }
    // A line broken inside a sentence still runs on; a note line under the closed item is still its own.
    const p = parsePointsText(`${head}2.6月30日前报送上半年\n工作情况。（责任单位：县直各部门）\n完成时限：6月30日前`);
    expect(p.items[2].text).toBe('6月30日前报送上半年工作情况。');
    expect(p.items[2].deadlineText).toBe('6月30日前');
  });

  it('不带标签的“某某牵头，某某配合”一行是说明；句子里的“牵头”“配合”不是', () => {
    const p = parsePointsText(
      [
        '2026年要点',
        '1.做好政策问答。',
        '县科技局牵头，各乡镇（街道）配合，2026年11月底前完成',
        '2.开展科技特派员服务。',
        '县科技局牵头开展科技特派员下乡服务。',
        '3.做好信息报送。',
        '各乡镇要积极配合',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.text, i.lead, i.support, i.deadline])).toEqual([
      ['做好政策问答。', ['县科技局'], ['各乡镇（街道）'], '2026-11-30'],
      ['开展科技特派员服务。\n县科技局牵头开展科技特派员下乡服务。', [], [], null],
      ['做好信息报送。\n各乡镇要积极配合', [], [], null],
    ]);
  });

  it('说明里的时限是条目的时限，正文中的日期可能只是其中一步', () => {
    const p = parsePointsText(
      [
        '2026年要点',
        '1.推进基层政务公开标准化规范化。2026年6月底前完成目录更新，年底前实现全覆盖。（县政务公开办牵头，各部门配合，2026年11月底前完成）',
        '2.2026年9月底前完成网站栏目调整。（县数据局负责）',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.lead, i.deadline, i.deadlineText])).toEqual([
      [['县政务公开办'], '2026-11-30', '2026年11月底前'],
      [['县数据局'], '2026-09-30', '2026年9月底前'],
    ]);
  });

  it('说明里的时限标签不是单位；【牵头单位】式的标签也是说明', () => {
    const p = parsePointsText(
      [
        '2026年要点',
        '1.加强政策文件解读。（责任单位：县政府办 完成时限：2026年6月底）',
        '2.规范依申请公开办理。（责任单位：县司法局，县政府办；时间：全年）',
        '3.开展政府开放日活动。【牵头单位】县科技局【配合单位】各乡镇【完成时限】2026年10月底前',
        '4.编印《政策问答手册》。',
        '【牵头单位】县政府办',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.text, i.lead, i.support, i.deadline])).toEqual([
      ['加强政策文件解读。', ['县政府办'], [], '2026-06-30'],
      ['规范依申请公开办理。', ['县司法局', '县政府办'], [], null],
      ['开展政府开放日活动。', ['县科技局'], ['各乡镇'], '2026-10-31'],
      ['编印《政策问答手册》。', ['县政府办'], [], null],
    ]);
  });

  it('句末不带括号的“责任单位：”“完成时限：”是说明；标签后不是单位的句子不是', () => {
    const p = parsePointsText(
      [
        '2026年要点',
        '1.加强政策文件解读。同步做好解读。责任单位：县政府办、县司法局。完成时限：2026年6月底前。',
        '2.做好政策问答。牵头单位：县政府办；配合单位：县融媒体中心。',
        '3.压实工作责任。责任单位：要压实主体责任。',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.text, i.lead, i.support, i.deadline])).toEqual([
      ['加强政策文件解读。同步做好解读。', ['县政府办', '县司法局'], [], '2026-06-30'],
      ['做好政策问答。', ['县政府办'], ['县融媒体中心'], null],
      ['压实工作责任。责任单位：要压实主体责任。', [], [], null],
    ]);
  });

  it('责任单位行之后的条目不受影响，说明不留在正文里', () => {
    const p = parsePointsText(COUNTY_POINTS.replace(/（责任单位：([^）]*)）/g, '\n责任单位：$1'));
    expect(p.items.some((i) => /责任单位|牵头单位|\n/.test(i.text))).toBe(false);
  });
});
