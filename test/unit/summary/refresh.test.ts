// 刷新数据 on a stored draft: untouched paragraphs follow the data with the changed figures marked; a rewritten
// paragraph is never overwritten (the new version waits until the user takes it or keeps their words); a rewritten
// paragraph whose topic is gone stays; bad input is refused in Chinese and nothing is half-written.
import { describe, expect, it } from 'vitest';
import { listPosts } from '../../../main/services/team/ab';
import { paragraphText, type Summary } from '../../../shared/domain/summary';
import { exampleYearPerTest } from '../../helpers/example-year';

const t = exampleYearPerTest('2026-11-20');

const para = (s: Summary, key: string) => s.paragraphs.find((p) => p.key === key)!;
const textOf = (s: Summary, key: string) => paragraphText(para(s, key), s.figures);

async function addTraining(title: string) {
  const team = [
    ...new Set(
      (await listPosts(t().ws.context())).flatMap((p) => [p.a?.staffId, p.b?.staffId]).filter((x): x is number => !!x),
    ),
  ];
  return t().call('training.create', {
    date: '2026-11-18',
    title,
    kind: '政务公开专题培训',
    form: '集中授课',
    status: '已举办',
    hours: 1.5,
    attendees: team.slice(0, 3).map((staffId) => ({ staffId, present: true })),
  });
}

describe('刷新数据', () => {
  it('keeps a rewritten paragraph, updates the others and marks what changed', async () => {
    let s = (await t().call('summary.get', { year: 2026, kind: '年度' }))!;
    const countBefore = s.figures['training.count'].value as number;
    const mine = '一是全年由办公室统筹安排培训，分管领导带头参训。（用户改写）';
    s = await t().call('summary.updateParagraph', {
      id: para(s, 'practice.training').id,
      heading: para(s, 'practice.training').heading,
      text: mine,
    });
    expect(para(s, 'practice.training')).toMatchObject({ userText: mine, edited: true, pending: null });

    // Nothing changed in the data: nothing moves.
    let r = await t().call('summary.refresh', { id: s.id });
    expect(r).toMatchObject({ changed: [], updated: 0, waiting: 0 });
    expect(textOf(r.summary, 'practice.training')).toBe(mine);

    await addTraining('依申请公开办理实务培训');
    r = await t().call('summary.refresh', { id: s.id });
    expect(r.changed).toContainEqual({
      name: 'training.count',
      source: '培训台账：2026年1月1日至11月20日已举办的培训',
      from: countBefore,
      to: countBefore + 1,
    });
    expect(r.waiting).toBe(1);
    expect(r.updated).toBeGreaterThanOrEqual(1);
    // The user's words stay; the generated version waits with what changed.
    const training = para(r.summary, 'practice.training');
    expect(training.userText).toBe(mine);
    expect(training.pending?.template).toContain('{{training.count}}');
    expect(training.changes.map((c) => c.name)).toContain('training.count');
    // The untouched opening follows the data and marks the figure.
    expect(textOf(r.summary, 'opening')).toContain(`举办政务公开培训${countBefore + 1}次`);
    expect(para(r.summary, 'opening').changes).toContainEqual(
      expect.objectContaining({ name: 'training.count', from: countBefore, to: countBefore + 1 }),
    );
    expect(para(r.summary, 'opening').edited).toBe(false);

    // Keeping the words dismisses the new version; a later refresh without changes leaves it alone.
    s = await t().call('summary.keepParagraph', { id: training.id });
    expect(para(s, 'practice.training')).toMatchObject({ userText: mine, pending: null, changes: [] });
    r = await t().call('summary.refresh', { id: s.id });
    expect(r.waiting).toBe(0);
    expect(para(r.summary, 'practice.training').pending).toBeNull();

    // Another change, and this time the user takes the generated text.
    await addTraining('政务新媒体管理培训');
    r = await t().call('summary.refresh', { id: s.id });
    expect(para(r.summary, 'practice.training').pending).not.toBeNull();
    s = await t().call('summary.resetParagraph', { id: training.id });
    expect(para(s, 'practice.training')).toMatchObject({ userText: null, edited: false, pending: null });
    expect(textOf(s, 'practice.training')).toContain(`今年以来举办政务公开培训${countBefore + 2}次`);
  });

  it('keeps a rewritten paragraph whose topic is gone, and saving unchanged text is not an edit', async () => {
    let s = (await t().call('summary.get', { year: 2026, kind: '年度' }))!;
    const opening = para(s, 'opening');
    s = await t().call('summary.updateParagraph', { id: opening.id, heading: '', text: textOf(s, 'opening') });
    expect(para(s, 'opening').edited).toBe(false);

    const p = para(s, 'practice.training');
    const keysBefore = s.paragraphs.map((x) => x.key);
    const followed = keysBefore[keysBefore.indexOf('practice.training') - 1];
    s = await t().call('summary.updateParagraph', {
      id: p.id,
      heading: '（三）抓好学习培训。',
      text: '全年开展学习培训。',
    });
    // All of the year's trainings deleted: the area has no figures, its generated paragraph is gone.
    for (const tr of await t().call('training.list', { year: 2026 })) await t().call('training.delete', { id: tr.id });
    const r = await t().call('summary.refresh', { id: s.id });
    const kept = r.summary.paragraphs.find((x) => x.id === p.id)!;
    expect(kept).toMatchObject({ orphan: true, userText: '全年开展学习培训。', heading: '（三）抓好学习培训。' });
    expect(textOf(r.summary, 'opening')).not.toContain('举办政务公开培训');
    // It stays in its place, after the paragraph it followed.
    const keys = r.summary.paragraphs.map((x) => x.key);
    expect(keys.indexOf('practice.training')).toBe(keys.indexOf(followed) + 1);
    const after = await t().call('summary.resetParagraph', { id: p.id });
    expect(after.paragraphs.some((x) => x.id === p.id)).toBe(false);
  });

  it('refuses bad input in Chinese and writes nothing', async () => {
    const s = (await t().call('summary.get', { year: 2026, kind: '年度' }))!;
    await expect(t().call('summary.create', { year: 2026, kind: '年度' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('已经存在'),
    });
    await expect(t().call('summary.updateParagraph', { id: 999999, heading: '', text: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const heading = para(s, 'practice.organisation');
    await expect(t().call('summary.updateParagraph', { id: heading.id, heading: '', text: 'x' })).rejects.toMatchObject(
      { code: 'VALIDATION', message: '小标题不能为空。' },
    );
    await expect(
      t().call('summary.updateParagraph', { id: heading.id, heading: 'x', text: '字'.repeat(5001) }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('5000') });
    await expect(
      t().call('summary.saveMeta', {
        id: s.id,
        title: ' ',
        addressee: '',
        signatureOrg: '某县科学技术局',
        signatureDate: '2026-12-20',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('请填写标题') });
    await expect(t().call('summary.refresh', { id: 424242 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const again = (await t().call('summary.get', { year: 2026, kind: '年度' }))!;
    expect(again).toEqual(s);
    // A half-year draft is its own record.
    const half = await t().call('summary.create', { year: 2026, kind: '半年' });
    const bureau = (await t().call('app.status')).bureau!.fullName;
    expect(half.title).toBe(`${bureau}2026年上半年政务公开工作总结`);
    expect(textOf(half, 'next.intro')).toMatch(/^下半年，我局将/);
  });
});
