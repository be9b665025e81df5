// The draft builder on its own (pure): figures and lists as the providers give them, faked here only as plain numbers
// and records. No database (the same rules against real records: truth.test.ts).
import { describe, expect, it } from 'vitest';
import { buildSummaryDraft, progressBand, type DraftInput } from '../../../shared/domain/summary-draft';
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
  'plan.done': fig(27),
  'plan.inProgress': fig(2),
  'plan.notStarted': fig(0),
  'plan.notApplicable': fig(1),
  'plan.overdue': fig(0),
  'plan.unfinished': fig(2),
  'plan.completionRate': fig(93.1),
  'plan.sections': fig(2),
  'plan.departments': fig(4),
  'points.documents': fig(2),
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
  'disclosure.publishedLate': fig(0),
  'disclosure.publishedOnTime': fig(137),
  'disclosure.interpretations': fig(7, 5),
  'disclosure.interpretationsLate': fig(0),
  'disclosure.interpretationsUnlinked': fig(0),
  'disclosure.normativePublished': fig(1),
  'disclosure.normativeIssued': fig(1),
  'disclosure.requestsReceived': fig(3, 1),
  'disclosure.requestsCarriedIn': fig(1),
  'disclosure.requestsAnswered': fig(3),
  'disclosure.requestsFullyDisclosed': fig(2),
  'disclosure.requestsPartlyDisclosed': fig(1),
  'disclosure.requestsFullyOrPartlyDisclosed': fig(3),
  'disclosure.requestsNotDisclosed': fig(0),
  'disclosure.requestsUnavailable': fig(0),
  'disclosure.requestsNotProcessed': fig(0),
  'disclosure.requestsOtherHandling': fig(0),
  'disclosure.requestsCarriedOut': fig(1),
  'disclosure.requestsAnsweredLate': fig(0),
  'disclosure.reviews': fig(0),
  'disclosure.lawsuits': fig(0),
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
  'rectification.awaitingClosure': fig(0),
  'rectification.open': fig(2),
  'rectification.overdue': fig(0),
  'lookback.unfinished': fig(1),
};
const LISTS: SummaryLists = {
  sections: [
    { title: '一、加强政策解读', tasks: 12, done: 11, inProgress: 1, unfinished: 1, overdue: 0 },
    { title: '二、深化重点领域信息公开', tasks: 18, done: 16, inProgress: 1, unfinished: 1, overdue: 0 },
  ],
  doneTasks: [
    { title: '科技项目全流程公开，按季度发布进展', section: '二、深化重点领域信息公开', completedOn: '2026-09-01' },
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
    { title: '规范性文件清理结果公开', section: '二、深化重点领域信息公开', dueDate: '2026-12-31', overdue: false },
  ],
  trainings: [
    { date: '2026-03-10', title: '政府信息公开条例专题培训', kind: '政务公开专题培训', form: '集中授课', hours: 2 },
  ],
  keyPublications: [
    {
      title: '关于印发《县科技创新券管理办法》的通知',
      date: '2026-03-02',
      column: '政策文件',
      normative: true,
      docNumber: '县科发〔2026〕4号',
    },
  ],
  interpretations: [
    {
      title: '一图读懂《县科技创新券管理办法》',
      date: '2026-03-02',
      documentTitle: '关于印发《县科技创新券管理办法》的通知',
      workingDaysAfter: 0,
      late: false,
    },
  ],
  selfcheckProblems: [
    { indicator: '主动公开 / 政策解读', reason: '解读材料未在文件公开后3个工作日内发布', deducted: 2 },
  ],
  openRectifications: [
    { problem: '政策解读形式单一', measure: '增加图解和视频解读', deadline: '2026-12-31', state: '整改中' },
    { problem: '公开指南未按新条例更新', measure: '修订公开指南', deadline: '2027-03-31', state: '未开始' },
  ],
  closedRectifications: [{ problem: '“人大代表建议”栏目为空', closedOn: '2026-10-10' }],
  nextYearPoints: ['一、围绕稳经济促发展加强政策发布解读', '二、围绕法治政府建设加强公开'],
};

const base = (figures: Figures, lists: SummaryLists = {}): DraftInput => ({
  year: 2026,
  kind: '年度',
  bureau: { fullName: '某县科学技术局', shortName: '县科技局' },
  figures,
  lists,
});

function textOf(input: DraftInput, key?: string): string {
  return buildSummaryDraft(input)
    .filter((p) => !key || p.key === key)
    .map((p) => p.heading + renderTemplate(p.template, input.figures))
    .join('\n');
}

/** The text up to 二、存在的问题: where the bureau's work is described (claims live here). */
const practice = (input: DraftInput) => textOf(input).split('二、存在的问题')[0];

/** Every number the text prints must come from the input: a figure, a difference to last year, a year, a list. */
function numbersNotFromInput(text: string, input: DraftInput): string[] {
  const allowed = new Set<string>([String(input.year), String(input.year - 1), String(input.year + 1), '20']);
  const add = (v: unknown) => typeof v === 'number' && allowed.add(String(Math.round(v * 10) / 10));
  for (const f of Object.values(input.figures)) {
    add(f.value);
    if (typeof f.value === 'number' && typeof f.previous === 'number') add(Math.abs(f.value - f.previous));
    if (typeof f.value === 'string') for (const m of f.value.matchAll(/\d+(?:\.\d+)?/g)) allowed.add(m[0]);
  }
  for (const m of JSON.stringify(input.lists).matchAll(/\d+(?:\.\d+)?/g)) allowed.add(String(Number(m[0])));
  return [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]).filter((n) => !allowed.has(String(Number(n))));
}

/** A zero printed as a count ("0条", "0件" …): never in a draft. */
const ZERO_COUNT = /(?<![\d.])0(?:\.0)?(条|件|次|项|人次|人|个|学时|篇|份|%|分)/;

describe('the 工作总结 draft', () => {
  it('with every area present reads as a full summary: 开头, 一、（一）… 一是…二是…, 二、, 三、', () => {
    const input = base({ ...PLAN, ...TEAM, ...DISCLOSURE, ...SELFCHECK }, LISTS);
    const paragraphs = buildSummaryDraft(input);
    const text = textOf(input);
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
    expect(textLength(text)).toBeGreaterThanOrEqual(1500);
    expect(text).toContain('主动公开政府信息137条，较上年增加17条');
    expect(text).toContain('通过政府网站发布98条');
    expect(text).toContain('“工作动态”栏目发布78条');
    expect(text).toContain('自评得分92.5分（满分100分），等次为“优秀”');
    expect(text).toContain('举办政务公开培训4次，较上年增加2次');
    // One training held under that name: named once, not "先后举办…培训".
    expect(text).toContain('坚持学用结合。举办“政府信息公开条例专题培训”，采取集中授课形式。');
    const two = textOf(
      base(
        { ...PLAN, ...TEAM, ...DISCLOSURE, ...SELFCHECK },
        {
          ...LISTS,
          trainings: [
            ...LISTS.trainings!,
            { date: '2026-09-02', title: '依申请公开答复文书业务学习', kind: '业务学习', form: '会议', hours: 1 },
          ],
        },
      ),
    );
    expect(two).toContain(
      '坚持学用结合。先后举办“政府信息公开条例专题培训”“依申请公开答复文书业务学习”等培训，采取集中授课、会议等形式。',
    );
    expect(text).toContain('未发生因政府信息公开引发的行政复议和行政诉讼');
    // The applications as the 年报 counts them: 上年结转 (表三 二) and 结转下年度 (表三 四) each by their name,
    // 予以公开 and 部分公开 apart.
    expect(text).toContain(
      '新收政府信息公开申请3件，较上年增加2件，上年结转1件。办结3件，其中予以公开2件、部分公开1件',
    );
    expect(text).toContain('另有1件正在办理，结转下年度继续办理');
    // The bureau's work by name: documents, 解读, tasks, 整改.
    // One document is named alone, not "…等政策文件".
    expect(text).toContain('公开政策文件“关于印发《县科技创新券管理办法》的通知”，制发行政规范性文件');
    expect(text).toContain('包括“一图读懂《县科技创新券管理办法》”');
    expect(text).toContain('已完成“科技项目全流程公开”任务');
    expect(text).toContain('“‘人大代表建议’栏目为空”等问题已整改到位');
    // Bookkeeping never appears.
    expect(text).not.toMatch(/进展记录|佐证材料|进展\d+条/);
    expect(numbersNotFromInput(text, input)).toEqual([]);
    expect(text).not.toMatch(ZERO_COUNT);
    expect(text).not.toContain('…');
  });

  it('claims 同步发布, 及时, 全部 only when the records bear them out; otherwise the problem with its figure', () => {
    const good = base({ ...DISCLOSURE }, LISTS);
    expect(practice(good)).toContain('做到政策文件与解读材料同步发布');
    expect(practice(good)).toContain('均在信息形成之日起20个工作日内公开');
    expect(practice(good)).toContain('制发行政规范性文件1件并全部向社会公开');
    expect(practice(good)).toContain('各栏目信息更新及时');
    expect(practice(good)).toContain('均在法定期限内答复');

    // A 解读 23 working days after its document, an item published late, a 栏目 finding, a 规范性文件 not in the register.
    const bad = base(
      {
        ...DISCLOSURE,
        'disclosure.interpretationsLate': fig(1),
        'disclosure.publishedLate': fig(1),
        'disclosure.publishedOnTime': fig(136),
        'disclosure.normativePublished': fig(0),
        'disclosure.requestsAnsweredLate': fig(1),
      },
      {
        ...LISTS,
        interpretations: [{ ...LISTS.interpretations![0], date: '2026-04-05', workingDaysAfter: 23, late: true }],
        latePublications: [
          {
            title: '关于组织申报科技计划项目的通知',
            formedDate: '2026-02-01',
            publishedDate: '2026-03-20',
            workingDays: 24,
          },
        ],
        columnFindings: [{ text: '“工作动态”栏目超过半个月未更新', resolved: false }],
      },
    );
    const said = practice(bad);
    for (const claim of ['同步', '20个工作日内公开', '全部向社会公开', '更新及时', '均在法定期限内答复'])
      expect(said).not.toContain(claim);
    expect(said).toContain('其中予以公开2件、部分公开1件；1件超过法定期限答复');
    const problems = textOf(bad, 'problems.list');
    expect(problems).toContain(
      '政策解读与政策文件发布还不够同步。全年有1篇解读未在文件公开后3个工作日内发布，其中“一图读懂《县科技创新券管理办法》”在所解读文件公开23个工作日后才发布',
    );
    expect(problems).toContain(
      '全年有1条信息超过形成之日起20个工作日才公开，如“关于组织申报科技计划项目的通知”在形成后第24个工作日才公开',
    );
    expect(problems).toContain('栏目维护还不到位。自查和整改中发现：“工作动态”栏目超过半个月未更新');
    expect(problems).toContain('1件申请超过法定期限答复');
    // 下一步 answers each problem.
    const next = textOf(bad, 'next.list');
    expect(next).toContain('推动解读与文件同步发布');
    expect(next).toContain('严格落实公开时限');
    expect(next).toContain('加强栏目日常维护');
    expect(next).toContain('严守依申请公开办理时限');

    // A finding resolved (销号) during the year: not a problem any more, but the 栏目 were not always up to date.
    const resolved = base(DISCLOSURE, { ...LISTS, columnFindings: [{ text: '“工作动态”栏目为空', resolved: true }] });
    expect(practice(resolved)).not.toContain('更新及时');
    expect(textOf(resolved, 'problems.list')).not.toContain('栏目维护');
    // A 解读 without a linked document cannot be shown to be 同步.
    const unlinked = base({ ...DISCLOSURE, 'disclosure.interpretationsUnlinked': fig(1) }, LISTS);
    expect(practice(unlinked)).not.toContain('同步');
  });

  it('words the plan by its completion rate: 扎实推进 / 有序推进 / 推进滞后, with the thresholds for each kind', () => {
    expect(progressBand(95, 0, '年度')).toBe('扎实推进');
    expect(progressBand(90, 0, '年度')).toBe('扎实推进');
    expect(progressBand(95, 1, '年度')).toBe('有序推进');
    expect(progressBand(89.9, 0, '年度')).toBe('有序推进');
    expect(progressBand(60, 3, '年度')).toBe('有序推进');
    expect(progressBand(59.9, 0, '年度')).toBe('推进滞后');
    expect(progressBand(25, 0, '年度')).toBe('推进滞后');
    // By 30 June half of the plan is what the period should reach.
    expect(progressBand(45, 0, '半年')).toBe('扎实推进');
    expect(progressBand(30, 0, '半年')).toBe('有序推进');
    // …but with nothing overdue by 30 June the plan is on schedule, however few of the year's tasks are done.
    expect(progressBand(25, 0, '半年')).toBe('有序推进');
    expect(progressBand(25, 1, '半年')).toBe('推进滞后');
    expect(progressBand(null, 0, '年度')).toBeNull();

    const firm = textOf(base(PLAN, LISTS));
    expect(firm).toContain('扎实推进政务公开各项工作');
    expect(firm).toContain('（一）加强组织领导');
    expect(firm).toContain('狠抓任务落实');
    // 25% done in December: never 扎实推进; the shortfall is a problem with its figures.
    const behind = base(
      {
        ...PLAN,
        'plan.done': fig(7),
        'plan.unfinished': fig(22),
        'plan.completionRate': fig(24.1),
        'plan.inProgress': fig(9),
        'plan.notStarted': fig(13),
      },
      LISTS,
    );
    const text = textOf(behind);
    expect(text).not.toMatch(/扎实推进|有序推进/);
    expect(text).toContain('推进重点任务落实，部分任务进度滞后');
    expect(textOf(behind, 'problems.list')).toContain('重点任务完成率偏低。30项重点任务完成7项，完成率24.1%');
  });

  it('leaves out the sentences of an absent area or figure, and never prints a zero count', () => {
    const input = base({ ...PLAN, ...TEAM }, { sections: LISTS.sections, unfinishedTasks: LISTS.unfinishedTasks });
    const text = textOf(input);
    expect(text).not.toMatch(/主动公开政府信息|政府信息公开申请|自评得分|整改事项|回头看/);
    expect(buildSummaryDraft(input).map((p) => p.key)).not.toContain('practice.disclosure');
    expect(numbersNotFromInput(text, input)).toEqual([]);

    // Registers with nothing in them: one plain sentence each, no "0条", "0件", "0次".
    const zeros = base({
      ...Object.fromEntries(Object.keys(DISCLOSURE).map((k) => [k, fig(0)])),
      'training.count': fig(0),
      'training.special': fig(0),
      'training.hours': fig(0),
      'training.attendance': fig(0),
      'training.people': fig(0),
      'training.planned': fig(1),
      'plan.tasks': fig(5),
      'plan.done': fig(0),
      'plan.unfinished': fig(5),
      'plan.completionRate': fig(0),
      'plan.overdue': fig(0),
      'rectification.opened': fig(0),
    });
    const bare = textOf(zeros);
    expect(bare).not.toMatch(ZERO_COUNT);
    expect(bare).toContain('全年未收到政府信息公开申请');
    expect(bare).toContain('全年尚未举办政务公开培训');
    expect(bare).toContain('5项重点任务尚无已完成的');
    expect(bare).not.toContain('主动公开政府信息');

    // Nothing recorded anywhere: a short honest draft, the structure stands, no figures in it.
    const empty = base({});
    const none = textOf(empty);
    expect(none).toContain('一、主要做法和成效');
    expect(none).toContain('二、存在的问题');
    expect(none).toContain('三、下一步工作打算');
    expect(none).not.toMatch(/\d+(项|次|条|件|个|人)/);
    expect(none).not.toMatch(/扎实推进|有序推进/);
    expect(numbersNotFromInput(none, empty)).toEqual([]);
  });

  it('下一步 plans only unfinished work, and prints only dates after the period', () => {
    const next = textOf(base({ ...PLAN, ...SELFCHECK }, LISTS), 'next.list');
    // An 整改 due this year: planned without its (past) date; one due next year keeps it.
    expect(next).toContain('“政策解读形式单一”的整改（增加图解和视频解读）');
    expect(next).toContain('“公开指南未按新条例更新”的整改（修订公开指南，2027年3月31日前完成）');
    expect(next).not.toMatch(/2026年\d+月/);
    expect(next).not.toContain('人大代表建议');
    expect(next).toContain('落实2027年政务公开工作要点');
    expect(next).toContain('对本年度尚未完成的2项重点任务');
    // The half year plans the second half: a 31 December deadline is after its period.
    const half = textOf({ ...base({ ...PLAN, ...SELFCHECK }, LISTS), kind: '半年' }, 'next.list');
    expect(half).toContain('（增加图解和视频解读，2026年12月31日前完成）');
    expect(half).toContain('确保年底前完成');
  });

  it('says plainly when there were no applications, and words a half-year summary for the half year', () => {
    const text = textOf(
      base({ ...DISCLOSURE, 'disclosure.requestsReceived': fig(0, 1), 'disclosure.requestsCarriedIn': fig(0) }),
    );
    expect(text).toContain('全年未收到政府信息公开申请');
    const half = textOf({ ...base({ ...PLAN, ...TEAM }, { ...LISTS, openRectifications: [] }), kind: '半年' });
    expect(half).toContain('2026年上半年，某县科学技术局');
    expect(half).toContain('下半年，我局将');
    expect(half).toContain('截至6月底，30项重点任务中');
    expect(half).not.toContain('2027年');
    // Its figures are compared with last year's first half, and say so.
    const published = textOf({ ...base(DISCLOSURE), kind: '半年' });
    expect(published).toContain('主动公开政府信息137条，较上年同期增加17条');
    expect(published).not.toMatch(/较上年(?!同期)/);
  });

  it('names a generic weakness only when the records do not contradict it', () => {
    const few = base({ 'disclosure.published': fig(3), 'disclosure.interpretations': fig(1) });
    // No 解读 in a varied form recorded: 解读形式单一 may be said.
    expect(textOf(few, 'problems.list')).toContain('政策解读形式还比较单一');
    // A 图解 was published: not 单一.
    const varied = base(
      { 'disclosure.published': fig(3), 'disclosure.interpretations': fig(1) },
      { interpretations: LISTS.interpretations },
    );
    expect(textOf(varied, 'problems.list')).not.toContain('形式还比较单一');
    expect(textOf(varied, 'problems.list')).toMatch(/一是.+\n二是/);
  });

  it("says of last year's unfinished tasks only what the 回头看 records show was done with them", () => {
    const lookback = (unfinished: number, followedUp: number) =>
      textOf(
        base({ ...SELFCHECK, 'lookback.unfinished': fig(unfinished), 'lookback.followedUp': fig(followedUp) }, LISTS),
      );
    expect(lookback(3, 0)).toContain('尚有3项未完全落实，将逐项分析原因、明确措施，抓好落实。');
    expect(lookback(3, 0)).not.toMatch(/已全部转为|已纳入本年度/);
    expect(lookback(3, 1)).toContain('尚有3项未完全落实，其中1项已转为整改事项或纳入本年度实施方案。');
    expect(lookback(3, 3)).toContain('尚有3项未完全落实，已全部转为整改事项或纳入本年度实施方案持续推进。');
    expect(lookback(0, 0)).toContain('上年各项任务均已落实');
  });

  it('writes no score or grade while the self-check has none (grade null = not finished)', () => {
    const text = textOf(base({ ...SELFCHECK, 'selfcheck.grade': fig(null) }, LISTS));
    expect(text).not.toContain('自评得分');
    expect(text).not.toContain('等次');
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

describe('a 总结 made before its period ends', () => {
  const ALL = { ...PLAN, ...TEAM, ...DISCLOSURE, 'plan.overdue': fig(1) };
  it('says 结转下年度 only once the year is over; before, the open ones of the day with their 答复期限', () => {
    const after = textOf({ ...base(ALL, LISTS), asOf: '2027-01-05' });
    expect(after).toContain('另有1件正在办理，结转下年度继续办理。');
    // One of them past its 答复期限 on 31 December: said, as the 年报 says it.
    const lateAtEnd = textOf({
      ...base({ ...ALL, 'disclosure.requestsOpenOverdue': fig(1) }, LISTS),
      asOf: '2027-01-05',
    });
    expect(lateAtEnd).toContain('另有1件正在办理，结转下年度继续办理，截至12月31日已超过答复期限。');
    expect(after).toContain('对本年度尚未完成的2项重点任务');
    const early = { ...base(ALL, LISTS), asOf: '2026-12-07' };
    const text = textOf(early);
    expect(text).not.toContain('结转下年度');
    expect(text).not.toContain('本年度尚未完成');
    expect(text).toContain('截至12月7日尚有1件正在办理。');
    expect(text).toContain('截至12月7日，30项重点任务中已完成27项');
    expect(text).toContain('对截至12月7日尚未完成的2项重点任务');
    // The counts are 今年以来's (1 January to the day counted); 全年 only once the year is over.
    expect(text).toMatch(/今年以来主动公开政府信息\d+条/);
    expect(text).not.toContain('全年');
    expect(after).toMatch(/全年主动公开政府信息\d+条/);
    expect(after).not.toContain('今年以来');
    expect(text).toContain('截至12月7日，1项任务已超过完成时限仍未完成');
    // Whether the open ones are inside their 答复期限 is said only when it is counted.
    const inside = textOf({ ...early, figures: { ...ALL, 'disclosure.requestsOpenOverdue': fig(0) } });
    expect(inside).toContain('截至12月7日尚有1件正在办理（未到答复期限）。');
    const overdue = { ...early, figures: { ...ALL, 'disclosure.requestsOpenOverdue': fig(1) } };
    expect(textOf(overdue)).toContain('截至12月7日尚有1件正在办理，已超过答复期限。');
    // And it is a problem of the day, with its figure.
    expect(textOf(overdue, 'problems.list')).toContain('截至12月7日，1件申请已超过法定期限仍未答复');
  });

  it('says 同步发布 only when every 解读 came out the day of its document; otherwise when they did', () => {
    const interp = (workingDaysAfter: number) => ({ ...LISTS.interpretations![0], workingDaysAfter });
    const of = (days: number[]) =>
      practice(
        base({ ...DISCLOSURE, 'disclosure.interpretations': fig(days.length) }, { interpretations: days.map(interp) }),
      );
    expect(of([0, 0])).toContain('做到政策文件与解读材料同步发布');
    const mixed = of([0, 1, 2, 0]);
    expect(mixed).not.toContain('同步');
    expect(mixed).toContain('其中2篇与所解读文件同日发布，2篇在文件公开后1至2个工作日内发布');
    expect(of([1, 1])).toContain('均在所解读文件公开后1个工作日内发布');
  });
});
