// 自查整改 speed, as ratios against a floor measured in the same run (never absolute times):
// 1. scoring a 500-leaf 细则 with mixed rules (caps, per-occurrence, veto, uncapped 重大扣分, gated 加分, a ceiling) with
//    the engine, against a bare walk that only sums points minus deductions over the same tree;
// 2. selfcheck.get (read the tree and entries, score, build the rows) against the bare SELECTs it runs;
// 3. the 自查评分表 .xlsx of that year against a bare exceljs dump of the same cells.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { maxLabel } from '../../shared/domain/selfcheck';
import type { IndicatorInput, Rule, ScoreEntry } from '../../shared/domain/selfcheck';
import { scoreTemplate, type ScoringNode } from '../../shared/domain/selfcheck-score';
import { toScoringNodes } from '../../shared/domain/selfcheck-tree';
import { buildScoreSheetXlsx } from '../../main/export/selfcheck/selfcheck-exports';
import { getSelfcheck, loadEntries, saveEntry } from '../../main/services/selfcheck/scores';
import { getTemplate, saveTemplate } from '../../main/services/selfcheck/templates';
import { Workstation } from '../../main/services/workstation';
import { pairedMedians, printTable, type BenchSection } from './types';

const RULES: Rule[] = [
  { kind: 'manual' },
  { kind: 'fixed', absentDeduct: 1 },
  { kind: 'perItem', deduct: 0.5, unit: '条' },
  { kind: 'perItem', deduct: 1, unit: '次' },
  { kind: 'fixed', absentDeduct: null },
];

/** 10 一级 × 5 二级 × 10 三级 = 500 leaves (+ a veto, a 重大扣分 and a gated 加分 under each 一级). */
function bigTemplate(): IndicatorInput[] {
  return Array.from({ length: 10 }, (_, a) => ({
    name: `一级指标${a + 1}`,
    points: 10,
    ceilingRatio: a % 3 === 0 ? 0.6 : null,
    children: [
      ...Array.from({ length: 5 }, (__, b) => ({
        name: `二级指标${a + 1}.${b + 1}`,
        points: 2,
        capped: b % 2 === 0,
        children: Array.from({ length: 10 }, (___, c) => ({
          name: `三级指标${a + 1}.${b + 1}.${c + 1}`,
          points: 0.2,
          criteria: `评分标准${c + 1}：每发现一处问题扣分，扣完为止。`,
          rule: RULES[c % RULES.length],
        })),
      })),
      { name: `否决项${a + 1}`, points: 0, rule: { kind: 'veto' as const } },
      { name: `重大扣分${a + 1}`, rule: { kind: 'major' as const, deduct: 2, unit: '次' } },
      {
        name: `加分${a + 1}`,
        points: 1,
        rule: { kind: 'bonus' as const, perItem: 0.5, threshold: 6, inclusive: true, unit: '次' },
      },
    ],
  }));
}

function entryFor(rule: Rule, i: number): ScoreEntry {
  const base = {
    rated: true,
    score: null,
    count: null,
    counts: null,
    flag: false,
    ceiling: false,
    reason: i % 4 === 0 ? `第${i}项问题明细` : '',
    measure: '',
  };
  switch (rule.kind) {
    case 'manual':
      return { ...base, score: 0.1 };
    case 'fixed':
      return { ...base, flag: i % 2 === 0 };
    case 'perItem':
    case 'major':
      return { ...base, count: i % 3 };
    case 'bonus':
      return { ...base, count: 1 };
    default:
      return base;
  }
}

/** The floor: points minus what the entries take, summed over the same tree, with no rules beyond that. */
function bareSum(nodes: readonly ScoringNode[], entries: ReadonlyMap<string, ScoreEntry>): number {
  let s = 0;
  const walk = (n: ScoringNode) => {
    if (!n.children.length) {
      const e = entries.get(n.key);
      s += (n.points ?? 0) - (e?.count ?? 0) * (n.rule.kind === 'perItem' ? n.rule.deduct : 0) - (e?.flag ? 1 : 0);
    } else n.children.forEach(walk);
  };
  nodes.forEach(walk);
  return s;
}

export const selfcheckBench: BenchSection = {
  name: 'selfcheck',
  title: '自查整改',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-bench-selfcheck-'));
    const ws = new Workstation({
      dbPath: path.join(dir, 'bench.sqlite'),
      host: 'cli',
      autoBackup: false,
      now: () => new Date('2026-11-20T09:00:00'),
      files: { deliver: async (fileName) => ({ fileName, status: 'saved' }) },
    }).open();
    try {
      const ctx = ws.context();
      await saveTemplate(ctx, {
        year: 2026,
        title: '500项末级指标的考核细则',
        total: 100,
        indicators: bigTemplate(),
        source: 'manual',
      });
      let view = await getSelfcheck(ctx, 2026);
      const leaves = view.rows.filter((r) => r.isLeaf);
      for (const [i, r] of leaves.entries()) {
        const e = entryFor(r.rule, i);
        if (r.rule.kind === 'veto') continue;
        await saveEntry(ctx, { indicatorId: r.id, score: e.score, count: e.count, flag: e.flag, reason: e.reason });
      }
      view = await getSelfcheck(ctx, 2026);
      console.log(
        `  细则：${view.rows.length} 项指标，其中末级 ${view.leaves} 项，已评 ${view.scoredLeaves} 项；已评指标得分 ${view.total}（满分 ${maxLabel(view.maxBase, view.maxBonus)}），等次：${view.grade ?? '未评完'}`,
      );

      // 1. The engine alone.
      const template = (await getTemplate(ctx, 2026))!;
      const nodes = toScoringNodes(template.indicators);
      const map = await loadEntries(ctx, template.id);
      const [engine, bare] = await pairedMedians(
        () => {
          for (let k = 0; k < 20; k++) scoreTemplate(nodes, map, { total: 100, grades: template.grades });
        },
        () => {
          for (let k = 0; k < 20; k++) bareSum(nodes, map);
        },
        15,
      );

      // 2. The whole read the screen makes, against its bare SELECTs.
      const bareRead = () => {
        ctx.raw.prepare('SELECT * FROM sc_indicator WHERE template_id = ? ORDER BY sort_order, id').all(template.id);
        ctx.raw
          .prepare('SELECT e.* FROM sc_entry e JOIN sc_indicator i ON i.id = e.indicator_id WHERE i.template_id = ?')
          .all(template.id);
        ctx.raw
          .prepare('SELECT v.* FROM sc_evidence v JOIN sc_indicator i ON i.id = v.indicator_id WHERE i.template_id = ?')
          .all(template.id);
      };
      const [read, readBare] = await pairedMedians(() => getSelfcheck(ctx, 2026), bareRead, 11);

      // 3. The 自查评分表 against a bare dump of the same cells.
      const data = {
        bureau: '某县科学技术局',
        year: 2026,
        title: template.title,
        total: view.total,
        maxBase: view.maxBase,
        maxBonus: view.maxBonus,
        deducted: 0,
        grade: view.grade,
        rated: view.scoredLeaves,
        leaves: view.leaves,
        vetoed: view.vetoed,
        vetoedBy: view.vetoedBy,
        rows: view.rows,
        measures: new Map<number, string>(),
      };
      const cells = view.rows.map((r) => [
        r.number,
        r.name,
        String(r.points),
        r.criteria,
        String(r.score),
        String(r.deducted),
        r.entry.reason,
        r.evidence.map((e) => e.title).join('；'),
        r.entry.measure,
      ]);
      const bareXlsx = async () => {
        const wb = new ExcelJS.Workbook();
        const sheet = wb.addWorksheet('自查评分表');
        sheet.addRow(['序号', '指标', '分值', '评分标准', '自评分', '扣分', '失分原因', '佐证材料', '整改措施']);
        for (const c of cells) sheet.addRow(c);
        return Buffer.from(await wb.xlsx.writeBuffer());
      };
      const [xlsx, xlsxBare] = await pairedMedians(() => buildScoreSheetXlsx(data), bareXlsx, 7);

      printTable([
        ['500项末级指标', '本程序(ms)', '下限(ms)', '倍数', '下限是什么'],
        [
          '评分引擎 scoreTemplate ×20',
          engine.toFixed(1),
          bare.toFixed(1),
          (engine / bare).toFixed(1),
          '同一棵树只做“分值−扣分”求和',
        ],
        [
          'selfcheck.get（读库+评分+行）',
          read.toFixed(1),
          readBare.toFixed(1),
          (read / readBare).toFixed(1),
          '它读的三条 SELECT',
        ],
        [
          '自查评分表 .xlsx',
          xlsx.toFixed(0),
          xlsxBare.toFixed(0),
          (xlsx / xlsxBare).toFixed(2),
          'exceljs 裸写同样单元格',
        ],
      ]);
      console.log(
        `  （机器负载 ${os
          .loadavg()
          .map((x) => x.toFixed(1))
          .join(' / ')}，${os.cpus().length} 核；两者交替计时，负载落在两边）`,
      );
    } finally {
      ws.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
