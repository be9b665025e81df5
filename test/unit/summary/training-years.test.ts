// Thin training years read as the office head who signs their documents, on 8 December 2026: the example data with
// one year's trainings deleted (through the training service), or all but its one 专题培训. With none: Last year (2025) is over: its 培训台账 says the
// requirement was 未达到 and its 总结 names it in 存在的问题 and answers it in 下一步. This year (still running): 尚未达到,
// said once, and no claim that it was met.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../main/services/demo';
import { collectFigures } from '../../../main/services/summary/figures';
import { summaryDocx } from '../../../main/services/summary/exports';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { readDocx } from '../export/read-docx';

const noChart = () => Promise.resolve(null);
const textOf = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

/** The 总结's running text (before the 附件 tables), in its three parts. */
async function parts(t: TestWorkstation, year: number) {
  const { document } = await readDocx((await summaryDocx(t.ws.context(), year, '年度', noChart)).data);
  const body = textOf(document.split('<w:tbl>')[0]);
  const at = (h: string) => body.indexOf(h);
  return {
    practice: body.slice(at('一、主要做法和成效'), at('二、存在的问题')),
    problems: body.slice(at('二、存在的问题'), at('三、下一步工作打算')),
    next: body.slice(at('三、下一步工作打算')),
  };
}

async function withoutTrainings(year: number, keep: (x: { kind: string }) => boolean = () => false) {
  const t = await openTestWorkstation({ year: 2026, now: () => new Date('2026-12-08T10:00:00') });
  await loadDemo(t.ws.context());
  const held = await t.call('training.list', { year });
  expect(held.length).toBeGreaterThan(0);
  for (const x of held) if (!keep(x)) await t.call('training.delete', { id: x.id });
  // Draft the 总结 afresh from the records (the example's saved one was written before the deletion).
  t.ws.context().raw.prepare('DELETE FROM summary WHERE year = ?').run(year);
  return t;
}

describe('a finished year without any training (2025)', () => {
  let t: TestWorkstation;
  beforeAll(async () => {
    t = await withoutTrainings(2025);
  });
  afterAll(() => t?.cleanup());

  it('has figures: 0 trainings and the requirement not met', async () => {
    const f = await collectFigures(t.ws.context(), 2025);
    expect(f['training.count']?.value).toBe(0);
    expect(f['training.special']?.value).toBe(0);
    expect(f['training.requirementMet']?.value).toBe('未达到');
    expect(f['training.requiredSpecial']?.value).toBe(1);
  });

  it('the 培训台账 says 未达到要求, not 尚未 (the year is over)', async () => {
    await t.call('team.export', { kind: 'training-xlsx', year: 2025 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.delivered[t.delivered.length - 1].data as unknown as ExcelJS.Buffer);
    const texts: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => void texts.push(c.text))));
    expect(texts).toContain('2025年未开展政务公开专题培训，要求至少1次，未达到要求。');
    expect(texts.join('\n')).not.toContain('尚未达到');
  });

  it('the 总结 names the unmet requirement once in 存在的问题 and answers it in 下一步', async () => {
    const s = await parts(t, 2025);
    expect(s.problems).toContain('全年未举办政务公开培训，未达到本单位每年至少举办政务公开专题培训1次的要求。');
    expect(s.problems.match(/培训/g)).toHaveLength(2);
    expect(s.next).toContain(
      '落实年度培训要求。制定2026年政务公开培训计划，分阶段组织实施，确保达到本单位每年至少举办政务公开专题培训1次的要求。',
    );
    // Nothing to report as 做法: no "0次", no training paragraph among the 成效.
    expect(s.practice).not.toContain('培训');
  });
});

describe('the running year without any training (2026, on 8 December)', () => {
  let t: TestWorkstation;
  beforeAll(async () => {
    t = await withoutTrainings(2026);
  });
  afterAll(() => t?.cleanup());

  it('the 总结 says 尚未达到 once and never that the requirement was met', async () => {
    const f = await collectFigures(t.ws.context(), 2026);
    expect(f['training.requirementMet']?.value).toBe('未达到');
    const s = await parts(t, 2026);
    expect(s.problems).toContain('今年以来未举办政务公开培训，尚未达到本单位每年至少举办政务公开专题培训1次的要求。');
    expect(s.problems).not.toContain('业务学习还不够系统');
    expect(s.next).toContain('抓紧落实年度培训要求。尽快组织政务公开专题培训');
    expect(`${s.practice}${s.problems}`).not.toMatch(/均已达到|培训0次|举办政务公开培训\d/);
  });
});

describe('a year with one training, a 专题培训 (2026, on 8 December)', () => {
  let t: TestWorkstation;
  beforeAll(async () => {
    t = await withoutTrainings(2026, (x) => x.kind === '政务公开专题培训');
  });
  afterAll(() => t?.cleanup());

  it('says the one training is the 专题培训 once, and the one requirement 已达到 without 均', async () => {
    expect(await t.call('training.list', { year: 2026 })).toHaveLength(1);
    const s = await parts(t, 2026);
    // Last year's same days held 2 trainings (one 专题).
    expect(s.practice).toContain('今年以来举办政务公开培训1次（政务公开专题培训），较上年同期减少1次，累计');
    expect(s.practice).not.toContain('其中政务公开专题培训');
    expect(s.practice).toContain(
      '落实年度培训要求。本单位要求每年至少举办政务公开专题培训1次（今年以来举办1次），截至12月8日已达到。',
    );
    expect(s.practice).not.toContain('均已达到');
  });
});

describe('a finished year whose requirement was met (the example’s 2025)', () => {
  let t: TestWorkstation;
  beforeAll(async () => {
    t = await withoutTrainings(2025, () => true);
  });
  afterAll(() => t?.cleanup());

  it('says the requirement 已达到要求, not 全年已达到 nor a date within the year', async () => {
    const s = await parts(t, 2025);
    expect(s.practice).toContain('本单位要求每年至少举办政务公开专题培训1次（全年举办1次），已达到要求。');
    expect(s.practice).not.toContain('全年已达到');
  });
});
