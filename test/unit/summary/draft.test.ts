// The draft builder on its own (pure): figures from every area, including the two areas built elsewhere, faked here
// only as the plain numbers a provider returns. No database.
import { describe, expect, it } from 'vitest';
import { buildSummaryDraft, type DraftInput } from '../../../shared/domain/summary-draft';
import {
  compareWithPrevious,
  renderTemplate,
  textLength,
  type Figure,
  type Figures,
  type SummaryLists,
} from '../../../shared/domain/summary';

const fig = (value: number | string | null, previous: number | string | null = null): Figure => ({
  value,
  previous,
  source: '测试',
});

const PLAN: Figures = {
  'plan.title': fig('2026年县科技局政务公开工作实施方案'),
  'plan.tasks': fig(30),
  'plan.done': fig(21),
  'plan.inProgress': fig(6),
  'plan.notStarted': fig(1),
  'plan.notApplicable': fig(1),
  'plan.overdue': fig(2),
  'plan.unfinished': fig(8),
  'plan.completionRate': fig(72.4),
  'plan.sections': fig(2),
  'plan.departments': fig(4),
  'plan.progressEntries': fig(64),
  'plan.evidence': fig(41),
  'points.documents': fig(2),
  'plan.section.一、加强政策解读.tasks': fig(12),
  'plan.section.一、加强政策解读.done': fig(9),
  'plan.section.一、加强政策解读.inProgress': fig(3),
  'plan.section.一、加强政策解读.overdue': fig(0),
  'plan.section.二、深化重点领域信息公开.tasks': fig(18),
  'plan.section.二、深化重点领域信息公开.done': fig(12),
  'plan.section.二、深化重点领域信息公开.inProgress': fig(3),
  'plan.section.二、深化重点领域信息公开.overdue': fig(2),
};
const TEAM: Figures = {
  'training.count': fig(4, 2),
  'training.special': fig(2, 1),
  'training.hours': fig(7.5, 3),
  'training.attendance': fig(46, 20),
  'training.people': fig(15),
  'training.requirementMet': fig('已达到'),
  'ab.posts': fig(7),
  'ab.postsFilled': fig(7),
  'ab.holders': fig(11),
  'ab.changes': fig(3, 1),
  'ab.filed': fig(3),
  'ab.filedOnTime': fig(2),
  'ab.unfiled': fig(0),
  'ab.absences': fig(5),
};
const DISCLOSURE: Figures = {
  'disclosure.published': fig(137, 120),
  'disclosure.interpretations': fig(7, 5),
  'disclosure.normativeIssued': fig(1),
  'disclosure.requestsReceived': fig(3, 1),
  'disclosure.requestsAnswered': fig(3),
  'disclosure.requestsDisclosed': fig(2),
  'disclosure.requestsCarried': fig(0),
  'disclosure.reviews': fig(0),
  'disclosure.lawsuits': fig(0),
  'disclosure.lateAnswers': fig(0),
  'disclosure.column.工作动态': fig(78),
  'disclosure.column.通知公告': fig(32),
  'disclosure.channel.政府网站': fig(98),
  'disclosure.channel.政务新媒体': fig(39),
};
const SELFCHECK: Figures = {
  'selfcheck.score': fig(92.5),
  'selfcheck.maxScore': fig(100),
  'selfcheck.grade': fig('优秀'),
  'selfcheck.deducted': fig(7.5),
  'selfcheck.deductedItems': fig(3),
  'rectification.opened': fig(5),
  'rectification.closed': fig(3),
  'rectification.open': fig(2),
  'lookback.unfinished': fig(1),
};
const LISTS: SummaryLists = {
  sections: [
    { title: '一、加强政策解读', tasks: 12, done: 9, inProgress: 3, overdue: 0 },
    { title: '二、深化重点领域信息公开', tasks: 18, done: 12, inProgress: 3, overdue: 2 },
  ],
  notableProgress: [
    {
      task: '科技项目全流程公开',
      section: '二、深化重点领域信息公开',
      date: '2026-09-01',
      text: '已在门户网站公开项目申报指南、评审结果和立项清单。',
    },
  ],
  unfinishedTasks: [
    { title: '规范性文件清理结果公开', section: '二、深化重点领域信息公开', dueDate: '2026-06-30', overdue: true },
  ],
  trainings: [
    { date: '2026-03-10', title: '政府信息公开条例专题培训', kind: '政务公开专题培训', form: '集中授课', hours: 2 },
  ],
  selfcheckProblems: [{ indicator: '政策解读', reason: '解读材料未在文件公开后3个工作日内发布', deducted: 2 }],
  openRectifications: [
    { problem: '政策解读形式单一', measure: '增加图解和视频解读', deadline: '2026-12-31', state: '整改中' },
  ],
  nextYearPoints: ['一、围绕稳经济促发展加强政策发布解读', '二、围绕法治政府建设加强公开'],
};

const base = (figures: Figures, lists: SummaryLists = {}): DraftInput => ({
  year: 2026,
  kind: '年度',
  bureau: { fullName: '某县科学技术局', shortName: '县科技局' },
  figures,
  lists,
});

function fullText(input: DraftInput): string {
  return buildSummaryDraft(input)
    .map((p) => p.heading + renderTemplate(p.template, input.figures))
    .join('\n');
}

/** Every number the text prints must come from the input: a figure, a difference to last year, a year, a list. */
function numbersNotFromInput(text: string, input: DraftInput): string[] {
  const allowed = new Set<string>([String(input.year), String(input.year - 1), String(input.year + 1)]);
  const add = (v: unknown) => typeof v === 'number' && allowed.add(String(Math.round(v * 10) / 10));
  for (const f of Object.values(input.figures)) {
    add(f.value);
    if (typeof f.value === 'number' && typeof f.previous === 'number') add(Math.abs(f.value - f.previous));
    if (typeof f.value === 'string') for (const m of f.value.matchAll(/\d+(?:\.\d+)?/g)) allowed.add(m[0]);
  }
  const listText = JSON.stringify(input.lists);
  for (const m of listText.matchAll(/\d+(?:\.\d+)?/g)) allowed.add(String(Number(m[0])));
  return [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]).filter((n) => !allowed.has(String(Number(n))));
}

describe('the 工作总结 draft', () => {
  it('with every area present reads as a full summary: 开头, 一、（一）… 一是…二是…, 二、, 三、, 2,000–3,500 characters', () => {
    const input = base({ ...PLAN, ...TEAM, ...DISCLOSURE, ...SELFCHECK }, LISTS);
    const paragraphs = buildSummaryDraft(input);
    const text = fullText(input);
    expect(paragraphs.map((p) => p.key)).toEqual([
      'opening',
      'practice',
      'practice.organisation',
      'practice.tasks',
      'practice.disclosure',
      'practice.requests',
      'practice.training',
      'practice.selfcheck',
      'problems',
      'problems.list',
      'next',
      'next.intro',
      'next.list',
    ]);
    expect(paragraphs.filter((p) => p.level === 2).map((p) => p.heading.slice(0, 3))).toEqual([
      '（一）',
      '（二）',
      '（三）',
      '（四）',
      '（五）',
      '（六）',
    ]);
    expect(textLength(text)).toBeGreaterThanOrEqual(2000);
    expect(textLength(text)).toBeLessThanOrEqual(3500);
    expect(text).toContain('主动公开政府信息137条，较上年增加17条');
    expect(text).toContain('通过政府网站发布98条');
    expect(text).toContain('“工作动态”栏目78条');
    expect(text).toContain('自评得分92.5分（满分100分），等次为“优秀”');
    expect(text).toContain('组织开展政务公开培训4次，较上年增加2次');
    expect(text).toContain('未发生因政府信息公开引发的行政复议和行政诉讼');
    // 二、 starts from the self-check's deductions and the unfinished tasks; 三、 from open 整改 and next year's 要点.
    const problems = renderTemplate(paragraphs.find((p) => p.key === 'problems.list')!.template, input.figures);
    expect(problems).toMatch(/一是对照考核指标仍有失分。自查中“政策解读”解读材料未在文件公开后3个工作日内发布/);
    expect(problems).toContain('二是部分重点任务推进滞后。2项任务已超过完成时限仍未完成，如“规范性文件清理结果公开”等');
    const next = renderTemplate(paragraphs.find((p) => p.key === 'next.list')!.template, input.figures);
    expect(next).toContain(
      '一是抓好问题整改落实。对尚未完成的整改事项逐项跟踪，重点推进“政策解读形式单一”的整改（增加图解和视频解读，2026年12月底前完成）',
    );
    expect(next).toContain(
      '二是落实2027年政务公开工作要点。对照上级部署，重点做好“围绕稳经济促发展加强政策发布解读”“围绕法治政府建设加强公开”工作',
    );
    expect(numbersNotFromInput(text, input)).toEqual([]);
  });

  it('leaves out the sentences of an absent area or figure, and never prints a number it was not given', () => {
    const input = base({ ...PLAN, ...TEAM }, { sections: LISTS.sections, unfinishedTasks: LISTS.unfinishedTasks });
    const text = fullText(input);
    expect(text).not.toMatch(/主动公开政府信息|政府信息公开申请|自评得分|整改事项|回头看/);
    expect(buildSummaryDraft(input).map((p) => p.key)).not.toContain('practice.disclosure');
    expect(numbersNotFromInput(text, input)).toEqual([]);
    // A figure without last year's value: no comparison at all.
    const noPrev = base({ ...PLAN, 'training.count': fig(4), 'training.special': fig(1) });
    expect(fullText(noPrev)).toContain('组织开展政务公开培训4次，其中');
    expect(fullText(noPrev)).not.toContain('较上年');

    // Nothing recorded anywhere: the structure stands, with no figures in it.
    const empty = base({});
    const bare = fullText(empty);
    expect(bare).toContain('一、主要做法和成效');
    expect(bare).toContain('二、存在的问题');
    expect(bare).toContain('三、下一步工作打算');
    expect(bare).not.toMatch(/\d+(项|次|条|件|个|人)/);
    expect(numbersNotFromInput(bare, empty)).toEqual([]);
  });

  it('says plainly when there were no applications, and words a half-year summary for the half year', () => {
    const text = fullText(base({ ...DISCLOSURE, 'disclosure.requestsReceived': fig(0, 1) }));
    expect(text).toContain('全年未收到政府信息公开申请');
    const half = fullText({ ...base({ ...PLAN, ...TEAM }, LISTS), kind: '半年' });
    expect(half).toContain('2026年上半年，某县科学技术局');
    expect(half).toContain('下半年，我局将');
    expect(half).not.toContain('2027年');
  });

  it("says of last year's unfinished tasks only what the 回头看 records show was done with them", () => {
    const lookback = (unfinished: number, followedUp: number) =>
      fullText(
        base({ ...SELFCHECK, 'lookback.unfinished': fig(unfinished), 'lookback.followedUp': fig(followedUp) }, LISTS),
      );
    expect(lookback(3, 0)).toContain('尚有3项未完全落实，将逐项分析原因、明确措施，抓好落实。');
    expect(lookback(3, 0)).not.toMatch(/已全部转为|已纳入本年度/);
    expect(lookback(3, 1)).toContain('尚有3项未完全落实，其中1项已转为整改事项或纳入本年度实施方案。');
    expect(lookback(3, 3)).toContain('尚有3项未完全落实，已全部转为整改事项或纳入本年度实施方案持续推进。');
    expect(lookback(0, 0)).toContain('上年各项任务均已落实');
  });

  it('compares with last year in words', () => {
    expect(compareWithPrevious(fig(5, 3), '次')).toBe('较上年增加2次');
    expect(compareWithPrevious(fig(2.5, 4), '学时')).toBe('较上年减少1.5学时');
    expect(compareWithPrevious(fig(3, 3), '次')).toBe('与上年持平');
    expect(compareWithPrevious(fig(3, null), '次')).toBe('');
    expect(renderTemplate('培训{{t}}次{{t|比上年|次}}。', { t: fig(5, 3) })).toBe('培训5次，较上年增加2次。');
    expect(renderTemplate('培训{{t}}次{{t|比上年|次}}。', { t: fig(5, null) })).toBe('培训5次。');
  });
});
