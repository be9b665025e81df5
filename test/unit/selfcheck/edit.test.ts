// Editing a saved 细则 (an indicator's fields, adding and removing nodes, the grade bands) and the evidence files of
// 整改 progress, through the real dispatch on a real SQLite file: totals follow each edit, bad input is refused in
// Chinese with nothing written, every action leaves one audit line.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { buildXlsx, SAMPLE_HEADER, SAMPLE_ROWS } from './build-files';
import { rateRest } from './rate';

let t: TestWorkstation;
const NOW = new Date(2026, 10, 30, 10, 0, 0);
beforeEach(async () => {
  t = await openTestWorkstation({ year: 2026, now: () => NOW });
});
afterEach(() => t.cleanup());

async function importSample() {
  const buf = await buildXlsx({ title: '某县2026年政务公开考核评分细则', header: SAMPLE_HEADER, rows: SAMPLE_ROWS });
  const upload = { fileName: '细则.xlsx', dataBase64: buf.toString('base64') };
  const preview = await t.call('selfcheck.previewFile', { upload });
  await t.call('selfcheck.saveTemplate', {
    year: 2026,
    title: preview.title,
    total: 100,
    indicators: preview.indicators,
    source: 'import',
    upload,
  });
  return t.call('selfcheck.get', { year: 2026 });
}
type View = Awaited<ReturnType<typeof importSample>>;
const row = (v: View, name: string) => v.rows.find((r) => r.name === name)!;
const count = (table: string) => {
  const db = new Database(t.dbPath, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};
const fieldsOf = (r: View['rows'][number]) => ({
  name: r.name,
  points: r.points,
  weight: r.weight,
  criteria: r.criteria,
  rule: r.rule,
  capped: r.capped,
  ceilingRatio: r.ceilingRatio,
});
const file = (name: string, text: string) => ({ fileName: name, dataBase64: Buffer.from(text).toString('base64') });

describe('editing a saved 细则', () => {
  it('a leaf’s points and rule change the total; a child sum above its parent is warned, not refused', async () => {
    let v = await importSample();
    const leaf = row(v, '栏目更新时效');
    await t.call('selfcheck.saveEntry', { indicatorId: leaf.id, count: 3, reason: '3个栏目超期' });
    v = await rateRest(t, 2026);
    expect(v.total).toBe(97); // 100 − 3 × 1
    // 每个扣2分: 12 − 3 × 2 = 6 → total 94.
    const r1 = await t.call('selfcheck.updateIndicator', {
      id: leaf.id,
      ...fieldsOf(leaf),
      rule: { kind: 'perItem', deduct: 2, unit: '个' },
    });
    expect(r1.warnings).toEqual([]);
    v = await t.call('selfcheck.get', { year: 2026 });
    expect(row(v, '栏目更新时效').score).toBe(6);
    expect(v.total).toBe(94);
    // Points 12 → 15: 信息更新 sums 8 + 15 + 20 = 43 over 平台管理's 40: warned; the 一级 stays capped at 40.
    const r2 = await t.call('selfcheck.updateIndicator', {
      id: leaf.id,
      ...fieldsOf(row(v, '栏目更新时效')),
      points: 15,
    });
    expect(r2.warnings.join('；')).toContain('“平台管理与信息更新”的下级分值合计 43 分，超过其分值 40 分');
    v = await t.call('selfcheck.get', { year: 2026 });
    // 8 + (15 − 6) + 20 = 37, under the cap of 40 → total 100 − 3 = 97 again.
    expect(row(v, '平台管理与信息更新').score).toBe(37);
    expect(v.total).toBe(97);
    const audit = await t.call('audit.list', { entity: 'sc_indicator', entityId: leaf.id });
    expect(audit.filter((a) => a.action === 'update')).toHaveLength(2);
    expect(audit[0].summary).toContain('修改2026年考核细则指标：平台管理与信息更新 / 信息更新 / 栏目更新时效');
  });

  it('refuses points that are not numbers, both points and weight, and a leaf with neither; nothing changes', async () => {
    const v = await importSample();
    const leaf = row(v, '栏目更新时效');
    await expect(
      t.call('selfcheck.updateIndicator', { id: leaf.id, ...fieldsOf(leaf), points: '十二' as unknown as number }),
    ).rejects.toThrow('分值应为数字');
    await expect(t.call('selfcheck.updateIndicator', { id: leaf.id, ...fieldsOf(leaf), weight: 30 })).rejects.toThrow(
      '分值和权重只填一项',
    );
    await expect(t.call('selfcheck.updateIndicator', { id: leaf.id, ...fieldsOf(leaf), points: null })).rejects.toThrow(
      '请填写分值或权重',
    );
    await expect(t.call('selfcheck.updateIndicator', { id: leaf.id, ...fieldsOf(leaf), name: '  ' })).rejects.toThrow(
      '指标名称不能为空',
    );
    const after = await t.call('selfcheck.get', { year: 2026 });
    expect(fieldsOf(row(after, '栏目更新时效'))).toEqual(fieldsOf(leaf));
  });

  it('adds a node under a group and a new 一级; refuses a child under a scored leaf', async () => {
    let v = await importSample();
    const group = v.rows.find((r) => r.name === '信息更新' && !r.isLeaf)!;
    const added = await t.call('selfcheck.addIndicator', {
      year: 2026,
      parentId: group.id,
      name: '政策解读同步发布',
      points: 4,
      rule: { kind: 'perItem', deduct: 1, unit: '件' },
    });
    // 8 + 12 + 4 + 20 = 44 > 40.
    expect(added.warnings.join('；')).toContain('下级分值合计 44 分');
    v = await t.call('selfcheck.get', { year: 2026 });
    const n = row(v, '政策解读同步发布');
    expect([n.level, n.parentId, n.number, n.points]).toEqual([3, group.id, '2.1.3', 4]);
    await t.call('selfcheck.saveEntry', { indicatorId: n.id, count: 1 });
    v = await rateRest(t, 2026);
    // 8 + 12 + 3 + 20 = 43, capped at 40: the total stays 100.
    expect([row(v, '平台管理与信息更新').score, v.total]).toEqual([40, 100]);
    await expect(
      t.call('selfcheck.addIndicator', { year: 2026, parentId: n.id, name: '下级', points: 1 }),
    ).rejects.toThrow('已有自评分或佐证材料，不能在其下添加下级指标');
    const top = await t.call('selfcheck.addIndicator', { year: 2026, parentId: null, name: '依申请公开', points: 10 });
    v = await t.call('selfcheck.get', { year: 2026 });
    expect(row(v, '依申请公开').number).toBe('6');
    expect(top.warnings.join('；')).toContain('一级指标分值合计 110 分，与满分 100 分不一致');
    // The new 一级 is 未评: it counts nothing and the self-check is no longer complete.
    expect([v.total, v.complete, v.grade, row(v, '依申请公开').scored]).toEqual([100, false, null, false]);
  });

  it('removing a scored node needs confirmation and takes its scores, evidence and files; 整改 items stay', async () => {
    let v = await importSample();
    const leaf = row(v, '栏目更新时效');
    await t.call('selfcheck.saveEntry', { indicatorId: leaf.id, count: 2, reason: '2个栏目超期' });
    await t.call('selfcheck.addEvidence', {
      indicatorId: leaf.id,
      kind: 'attachment',
      upload: file('巡查记录.txt', '巡查'),
    });
    const rect = await t.call('selfcheck.rectify', { indicatorId: leaf.id });
    const attachments = count('attachment');
    const usage = await t.call('selfcheck.indicatorUsage', { id: leaf.id });
    expect(usage).toEqual({
      path: '平台管理与信息更新 / 信息更新 / 栏目更新时效',
      nodes: 1,
      scored: 1,
      evidence: 1,
      rectifications: 1,
    });
    await expect(t.call('selfcheck.removeIndicator', { id: leaf.id })).rejects.toThrow(
      '已有自评 1 项、佐证材料 1 项，删除后将一并删除',
    );
    expect(row(await t.call('selfcheck.get', { year: 2026 }), '栏目更新时效')).toBeDefined();
    await t.call('selfcheck.removeIndicator', { id: leaf.id, confirmed: true });
    v = await t.call('selfcheck.get', { year: 2026 });
    expect(v.rows.find((r) => r.name === '栏目更新时效')).toBeUndefined();
    expect(count('attachment')).toBe(attachments - 1);
    expect((await t.call('rectification.list', { year: 2026 })).find((r) => r.id === rect.id)?.indicatorId).toBeNull();
    // A whole 一级 with its children, unscored, goes without asking.
    const top = row(v, '政务新媒体（30分）') ?? row(v, '政务新媒体');
    await t.call('selfcheck.removeIndicator', { id: top.id });
    v = await t.call('selfcheck.get', { year: 2026 });
    expect(v.rows.some((r) => r.name === '更新频率')).toBe(false);
    const audit = await t.call('audit.list', { entity: 'sc_indicator', entityId: top.id });
    expect(audit[0].summary).toMatch(/删除指标：政务新媒体.*（含下级 3 项）/); // 内容保障 and its two items
  });

  it('grade bands: saved in order and the grade follows; limits out of order, duplicated or without 0 are refused', async () => {
    await importSample();
    const leafV = await t.call('selfcheck.get', { year: 2026 });
    await t.call('selfcheck.saveEntry', { indicatorId: row(leafV, '主要领导每年调度').id, score: 2 });
    await rateRest(t, 2026); // 92
    const bands = (a: number, b: number, c: number) => [
      { name: '优秀', min: a },
      { name: '良好', min: b },
      { name: '合格', min: c },
      { name: '不合格', min: 0 },
    ];
    expect((await t.call('selfcheck.get', { year: 2026 })).grade).toBe('优秀');
    await t.call('selfcheck.saveGrades', { year: 2026, grades: bands(95, 85, 60) });
    let v = await t.call('selfcheck.get', { year: 2026 });
    expect([v.total, v.grade, v.template!.grades[0]]).toEqual([92, '良好', { name: '优秀', min: 95 }]);
    await expect(t.call('selfcheck.saveGrades', { year: 2026, grades: bands(80, 85, 60) })).rejects.toThrow(
      '等次下限顺序不对：“良好”的下限 85 分应低于“优秀”的 80 分',
    );
    await expect(t.call('selfcheck.saveGrades', { year: 2026, grades: bands(120, 85, 60) })).rejects.toThrow(
      '高于满分 100 分',
    );
    await expect(
      t.call('selfcheck.saveGrades', {
        year: 2026,
        grades: [
          { name: '优秀', min: 90 },
          { name: '合格', min: 60 },
        ],
      }),
    ).rejects.toThrow('下限应为 0 分');
    await expect(
      t.call('selfcheck.saveGrades', {
        year: 2026,
        grades: [
          { name: '优秀', min: 90 },
          { name: '优秀', min: 0 },
        ],
      }),
    ).rejects.toThrow('重复');
    await expect(
      t.call('selfcheck.saveGrades', {
        year: 2026,
        grades: [
          { name: '优秀', min: '九十' as unknown as number },
          { name: '合格', min: 0 },
        ],
      }),
    ).rejects.toThrow('等次下限应为数字');
    v = await t.call('selfcheck.get', { year: 2026 });
    expect(v.template!.grades.map((g) => g.min)).toEqual([95, 85, 60, 0]);
    const audit = await t.call('audit.list', { entity: 'sc_template', entityId: v.template!.id });
    expect(audit.filter((a) => a.summary.startsWith('修改2026年考核细则等次'))).toHaveLength(1);
  });
});

describe('整改进展的佐证材料', () => {
  it('a progress entry takes several files and a link; more are added later; one is removed with its file', async () => {
    const item = await t.call('rectification.create', { year: 2026, problem: '政策解读不同步', kind: '立行立改' });
    const before = count('attachment');
    let r = await t.call('rectification.addProgress', {
      rectificationId: item.id,
      date: '2026-11-20',
      text: '已补发解读',
      files: [file('解读材料.txt', '解读'), file('发布截图.txt', '截图')],
      url: 'https://www.example.gov.cn/jd/1',
    });
    expect(r.state).toBe('整改中');
    expect(r.progress[0].evidence.map((e) => e.title)).toEqual([
      '解读材料.txt',
      '发布截图.txt',
      'https://www.example.gov.cn/jd/1',
    ]);
    expect(count('attachment')).toBe(before + 2);
    r = await t.call('rectification.addEvidence', {
      progressId: r.progress[0].id,
      files: [file('局务会纪要.txt', '纪要')],
    });
    expect(r.progress[0].evidence.map((e) => e.title)).toContain('局务会纪要.txt');
    const shot = r.progress[0].evidence.find((e) => e.title === '发布截图.txt')!;
    const got = await t.call('attachments.download', { id: shot.attachmentId! });
    expect(got.fileName).toBe('发布截图.txt');
    expect(Buffer.from(t.delivered.at(-1)!.data).toString()).toBe('截图');
    r = await t.call('rectification.removeEvidence', { id: shot.id });
    expect(r.progress[0].evidence.map((e) => e.title)).toEqual([
      '解读材料.txt',
      'https://www.example.gov.cn/jd/1',
      '局务会纪要.txt',
    ]);
    expect(count('attachment')).toBe(before + 2);
    const audit = await t.call('audit.list', { entity: 'rectification', entityId: item.id });
    expect(audit.map((a) => a.summary)).toEqual(
      expect.arrayContaining([
        '整改进展（2026-11-20）：已补发解读（佐证材料 3 项）',
        '整改进展（2026-11-20）添加佐证材料：局务会纪要.txt',
        '整改进展（2026-11-20）删除佐证材料：发布截图.txt',
      ]),
    );
    // Deleting the item takes every stored file with it.
    await t.call('rectification.delete', { id: item.id });
    expect(count('attachment')).toBe(before);
  });

  it('an empty or too large file is refused by name and nothing of the entry is written', async () => {
    const item = await t.call('rectification.create', { year: 2026, problem: '栏目未更新', kind: '立行立改' });
    const add = (files: { fileName: string; dataBase64: string }[]) =>
      t.call('rectification.addProgress', { rectificationId: item.id, date: '2026-11-20', text: '已更新', files });
    await expect(add([file('好.txt', '好'), { fileName: '空.txt', dataBase64: '' }])).rejects.toThrow(
      '文件“空.txt”是空的（0 字节）',
    );
    const big = { fileName: '视频.mp4', dataBase64: 'A'.repeat(Math.ceil((50 * 1024 * 1024) / 3) * 4 + 8) };
    await expect(add([big])).rejects.toThrow('文件“视频.mp4”超过 50 MB');
    const r = await t.call('rectification.list', { year: 2026 });
    expect([r[0].progress.length, r[0].state, count('attachment'), count('rectification_evidence')]).toEqual([
      0,
      '未开始',
      0,
      0,
    ]);
    const p = await t.call('rectification.addProgress', {
      rectificationId: item.id,
      date: '2026-11-20',
      text: '已更新',
    });
    await expect(t.call('rectification.addEvidence', { progressId: p.progress[0].id, files: [] })).rejects.toThrow(
      '请选择要上传的文件或填写链接',
    );
    await t.call('rectification.update', {
      id: item.id,
      item: { year: 2026, problem: '栏目未更新', kind: '立行立改', state: '已完成', completedOn: '2026-11-25' },
    });
    await t.call('rectification.signOff', { id: item.id, closedOn: '2026-11-26', closedBy: '王局长' });
    await expect(
      t.call('rectification.addEvidence', { progressId: p.progress[0].id, files: [file('补充.txt', '补')] }),
    ).rejects.toThrow('已于 2026-11-26 销号');
  });
});

describe('回头看 on the example data', () => {
  it('last year’s plan shows tasks done on time, late, unfinished with reasons, and last year’s open items', async () => {
    const d = await openTestWorkstation({ setup: false, now: () => NOW });
    try {
      await d.call('demo.load');
      const lb = await d.call('lookback.get', { year: 2026 });
      expect(lb.hasPlan).toBe(true);
      const by = (o: string) => lb.tasks.filter((x) => x.outcome === o);
      expect([by('按期完成').length, by('逾期完成').length, by('未完成').length, by('不适用').length]).toEqual([
        3, 2, 3, 1,
      ]);
      // Every late or unfinished task says why.
      for (const x of [...by('逾期完成'), ...by('未完成')]) expect(x.reason.length).toBeGreaterThan(5);
      const late = by('逾期完成').find((x) => x.title === '公开科技特派员选派和服务情况')!;
      expect([late.dueDate, late.completedOn]).toEqual(['2025-09-30', '2025-10-23']);
      expect(lb.openRectifications.map((r) => r.state).sort()).toEqual(['已完成', '整改中']);
      expect(lb.openRectifications.find((r) => r.state === '整改中')!.overdue).toBe(true);
      // This year's overdue count is the plan demo's, unchanged by last year's plan: its open tasks past a dated limit.
      const due = await d.call('tasks.due', { year: 2026 });
      const pastDue = d.ws
        .context()
        .raw.prepare(
          `SELECT count(*) AS n FROM plan_task t JOIN plan p ON p.id = t.plan_id WHERE p.year = 2026
           AND t.status NOT IN ('已完成', '不适用') AND t.deadline_kind = 'date' AND t.deadline_date < ?`,
        )
        .get('2026-11-30') as { n: number };
      expect(pastDue.n).toBeGreaterThan(0);
      expect(due.overdue).toHaveLength(pastDue.n);
    } finally {
      d.cleanup();
    }
  });
});
