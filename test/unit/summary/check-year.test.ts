// The 核对 (check-year) on the example year made on 7 December: the sentences the reviewer found wrong in the 总结,
// written back by hand, are each found; the generated draft has none of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../main/services/demo';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';

describe('核对 of a 总结 made before the year ends', () => {
  let t: TestWorkstation;
  const findings = async () =>
    (await t.call('yearcheck.findings', { year: 2026 })).findings.filter((f) => f.documents.includes('年度工作总结'));
  beforeAll(async () => {
    t = await openTestWorkstation({ year: 2026, now: () => new Date('2026-12-07T10:00:00') });
    await loadDemo(t.ws.context());
  });
  afterAll(() => t?.cleanup());

  it('finds 结转下年度, a per-person hours check nobody set and 同步发布 of 解读 that came out later', async () => {
    expect(await findings()).toEqual([]);
    const s = (await t.call('summary.get', { year: 2026, kind: '年度' }))!;
    const edit = async (key: string, text: string) => {
      const p = s.paragraphs.find((x) => x.key === key)!;
      await t.call('summary.updateParagraph', { id: p.id, heading: p.heading, text });
    };
    await edit('practice.requests', '全年新收政府信息公开申请3件。另有1件正在办理，结转下年度继续办理。');
    await edit(
      'practice.training',
      '一是落实年度培训要求。对照本单位政务公开专题培训次数和人均学时要求逐项核对，年度培训要求已达到。',
    );
    await edit('practice.disclosure', '一是做好政策解读。全年发布政策解读4篇，做到政策文件与解读材料同步发布。');
    const found = (await findings()).map((f) => f.message);
    expect(found.find((m) => m.includes('“结转下年度”'))).toContain('落款日期为2026年12月7日');
    expect(found.find((m) => m.includes('“人均学时”'))).toContain('没有队伍成员每人学时的要求');
    expect(found.find((m) => m.includes('与解读材料同步发布”'))).toMatch(/2篇政策解读不是与所解读文件同日发布/);
  });
});
