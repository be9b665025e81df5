// What the workstation exports, it imports (issue 19): the 自查评分表 .xlsx, scored and all, imported into a new data
// file as a 细则 gives the same indicator tree: names, points, rules and criteria as far as the sheet carries them
// (a weight is printed as the points it resolves to; scores, reasons, evidence and measures are not a 细则's).
import { afterEach, expect, it } from 'vitest';
import { resolvePoints } from '../../../shared/domain/selfcheck-score';
import type { Indicator } from '../../../shared/domain/selfcheck';
import { toScoringNodes } from '../../../shared/domain/selfcheck-tree';
import { getTemplate } from '../../../main/services/selfcheck/templates';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { buildXlsx, DEDUCTION_HEADER, DEDUCTION_ROWS, SAMPLE_HEADER, SAMPLE_ROWS } from './build-files';

const open: TestWorkstation[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.cleanup();
});

async function workstation(): Promise<TestWorkstation> {
  const t = await openTestWorkstation({ year: 2026, now: () => new Date(2026, 10, 30, 10, 0, 0) });
  open.push(t);
  return t;
}

const upload = (fileName: string, data: Buffer) => ({ fileName, dataBase64: data.toString('base64') });

async function importFile(t: TestWorkstation, fileName: string, data: Buffer, total?: number) {
  const preview = await t.call('selfcheck.previewFile', { upload: upload(fileName, data) });
  await t.call('selfcheck.saveTemplate', {
    year: 2026,
    title: preview.title,
    total: total ?? preview.total,
    indicators: preview.indicators,
    source: 'import',
    upload: upload(fileName, data),
  });
  return preview;
}

/** The tree as a 细则 states it: names, the points each node counts (weights resolved), rules and criteria. */
async function statedTree(t: TestWorkstation) {
  const template = (await getTemplate(t.ws.context(), 2026))!;
  const points = resolvePoints(toScoringNodes(template.indicators), template.total);
  const keyed = toScoringNodes(template.indicators);
  const walk = (xs: Indicator[], ks: typeof keyed): unknown[] =>
    xs.map((n, i) => ({
      name: n.name,
      points: points.get(ks[i].key),
      rule: n.rule,
      capped: n.rule.kind === 'perItem' ? n.capped : undefined,
      ceilingRatio: n.ceilingRatio,
      criteria: n.criteria,
      children: walk(n.children, ks[i].children),
    }));
  return { title: template.title, tree: walk(template.indicators, keyed) };
}

it('自查评分表 .xlsx → 细则 in a new file: the same tree, scores and notes left out', async () => {
  const first = await workstation();
  const source = await buildXlsx({
    title: '某县2026年政务公开考核评分细则',
    header: SAMPLE_HEADER,
    rows: SAMPLE_ROWS,
  });
  await importFile(first, '细则.xlsx', source, 100);
  // Scored, with reasons and a measure: the sheet then has every column filled.
  const v = await first.call('selfcheck.get', { year: 2026 });
  const leaf = (name: string) => v.rows.find((r) => r.name === name)!.id;
  await first.call('selfcheck.saveEntry', { indicatorId: leaf('栏目更新时效'), count: 3, reason: '3个栏目超期' });
  await first.call('selfcheck.saveEntry', {
    indicatorId: leaf('主要领导每年调度'),
    score: 7,
    reason: '调度记录不全',
    measure: '每季度调度一次',
  });
  await first.call('selfcheck.export', { kind: 'selfcheck-xlsx', year: 2026 });
  const sheet = first.delivered.at(-1)!;
  expect(sheet.fileName).toMatch(/\.xlsx$/);

  const second = await workstation();
  const preview = await importFile(second, sheet.fileName, sheet.data, 100);
  expect(preview.problems).toEqual([]);
  // The sheet's 合计 is its 满分 with the 加分 (108); the 满分 read back is the 100 without.
  expect(v.maxTotal).toBe(108);
  expect(preview.total).toBe(100);
  const a = await statedTree(first);
  const b = await statedTree(second);
  expect(b.title).toBe(a.title);
  expect(b.tree).toEqual(a.tree);
  // Nothing of the scoring came along.
  const all = JSON.stringify(b.tree);
  for (const note of ['3个栏目超期', '调度记录不全', '每季度调度一次']) expect(all).not.toContain(note);
});

it('rules set by hand, not written in the criteria, come back from the words the sheet prints after them', async () => {
  const first = await workstation();
  await first.call('selfcheck.saveTemplate', {
    year: 2026,
    title: '某局2026年政务公开自查细则',
    total: 100,
    source: 'manual',
    indicators: [
      {
        name: '组织保障',
        points: 20,
        children: [
          { name: '工作机构', points: 10, criteria: '明确分管领导', rule: { kind: 'fixed', absentDeduct: null } },
          { name: '信息发布', points: 10, rule: { kind: 'perItem', deduct: 0.5, unit: '条' }, capped: false },
        ],
      },
      {
        name: '依申请公开',
        weight: 80,
        children: [
          { name: '按时答复', weight: 50, criteria: '见办理台账', rule: { kind: 'perItem', deduct: 5, unit: '件' } },
          { name: '答复规范', weight: 50, rule: { kind: 'fixed', absentDeduct: 4 } },
        ],
      },
      { name: '重大失误', rule: { kind: 'major', deduct: 5, unit: '次' } },
      {
        name: '创新工作',
        points: 5,
        rule: { kind: 'bonus', perItem: null, threshold: 90, inclusive: false, unit: '次' },
        children: [
          {
            name: '获表彰',
            points: 5,
            rule: { kind: 'bonus', perItem: 1, threshold: 90, inclusive: false, unit: '项' },
          },
        ],
      },
    ],
  });
  await first.call('selfcheck.export', { kind: 'selfcheck-xlsx', year: 2026 });
  const sheet = first.delivered.at(-1)!;
  const second = await workstation();
  await importFile(second, sheet.fileName, sheet.data, 100);
  const a = await statedTree(first);
  const b = await statedTree(second);
  expect(b).toEqual(a);
});

it('grade rules (按等次评分) come back with the same levels, their words and order, from the sheet’s words', async () => {
  const first = await workstation();
  await first.call('selfcheck.saveTemplate', {
    year: 2026,
    title: '某局2026年政务公开等次评分细则',
    total: 30,
    source: 'manual',
    indicators: [
      {
        name: '制度建设',
        children: [
          {
            name: '信息公开制度',
            criteria: '查阅制度文本',
            rule: {
              kind: 'grade',
              levels: [
                { label: '优', points: 10, criteria: '制度健全（含保密审查）；执行到位' },
                { label: '良', points: 8, criteria: '制度较健全' },
                { label: '一般', points: 6 },
                { label: '差', points: 0, criteria: '无制度' },
              ],
            },
          },
          {
            name: '平台建设',
            rule: {
              kind: 'grade',
              levels: [
                { label: '较差', points: 0 },
                { label: '优秀', points: 10 },
                { label: '良好', points: 7.5 },
              ],
            },
          },
        ],
      },
      {
        name: '依申请公开',
        points: 10,
        criteria: '超期答复每件扣5分',
        rule: { kind: 'perItem', deduct: 5, unit: '件' },
      },
    ],
  });
  const v = await first.call('selfcheck.get', { year: 2026 });
  await first.call('selfcheck.saveEntry', {
    indicatorId: v.rows.find((r) => r.name === '平台建设')!.id,
    level: '良好',
  });
  await first.call('selfcheck.export', { kind: 'selfcheck-xlsx', year: 2026 });
  const sheet = first.delivered.at(-1)!;
  const second = await workstation();
  const preview = await importFile(second, sheet.fileName, sheet.data, 30);
  expect(preview.problems).toEqual([]);
  const a = await statedTree(first);
  const b = await statedTree(second);
  expect(b).toEqual(a);
  // Stored best first whatever order they were given in.
  const platform = (a.tree[0] as { children: { rule: unknown }[] }).children[1].rule;
  expect(platform).toEqual({
    kind: 'grade',
    levels: [
      { label: '优秀', points: 10 },
      { label: '良好', points: 7.5 },
      { label: '较差', points: 0 },
    ],
  });
});

it('capped and several deductions (按次扣分 最多扣, 分项扣分) come back as the same rules from the sheet’s words', async () => {
  const first = await workstation();
  const source = await buildXlsx({
    title: '某县2026年政务公开考核评分细则',
    header: DEDUCTION_HEADER,
    rows: DEDUCTION_ROWS,
  });
  await importFile(first, '细则.xlsx', source);
  // Rules set by hand too, whose words are not in the criteria: findings with brackets, a finding's own cap.
  const v = await first.call('selfcheck.get', { year: 2026 });
  const leaf = (name: string) => v.rows.find((r) => r.name === name)!;
  const policy = leaf('政策解读');
  await first.call('selfcheck.updateIndicator', {
    id: policy.id,
    name: policy.name,
    points: 5,
    criteria: '查阅解读材料',
    rule: {
      kind: 'deductions',
      items: [
        { finding: '重要政策（规范性文件）未解读', deduct: 2 },
        { finding: '解读形式单一', deduct: 0.5, unit: '篇', cap: 1.5 },
      ],
      cap: 3,
    },
  });
  await first.call('selfcheck.saveEntry', { indicatorId: leaf('公开时效').id, counts: [1, 2], reason: '见台账' });
  await first.call('selfcheck.saveEntry', { indicatorId: leaf('信息质量').id, count: 6 });
  await first.call('selfcheck.export', { kind: 'selfcheck-xlsx', year: 2026 });
  const sheet = first.delivered.at(-1)!;
  const second = await workstation();
  const preview = await importFile(second, sheet.fileName, sheet.data);
  expect(preview.problems).toEqual([]);
  const a = await statedTree(first);
  const b = await statedTree(second);
  expect(b).toEqual(a);
  const rules = (b.tree as { children: { rule: { kind: string } }[] }[]).flatMap((g) =>
    g.children.map((c) => c.rule.kind),
  );
  expect(rules).toEqual(['deductions', 'deductions', 'perItem', 'perItem', 'deductions', 'deductions']);
});
