// A realistic plan as export data, for export tests, the render script and the benchmark.
import type { LedgerExportData, PlanExportData, TaskExportRow } from '../../../main/export/plan/plan-exports';

const SECTIONS = ['加强重点领域信息公开', '深化政策解读和回应关切', '强化政务公开平台建设', '夯实政务公开工作基础'];
const TASKS = [
  [
    '推进科技项目信息公开',
    '及时公开科技计划项目申报指南、立项结果、资金安排等信息，涉及公共利益的项目在确定立项前进行公示，公示期不少于5个工作日。',
  ],
  [
    '做好政策文件解读',
    '坚持政策文件与解读方案、解读材料同步组织、同步审签、同步部署，通过图表图解、视频动漫等形式开展多元化解读。',
  ],
  [
    '规范依申请公开办理',
    '严格按照《中华人民共和国政府信息公开条例》规定的时限和程序办理依申请公开，答复书规范率100%。',
  ],
  ['加强政府网站信息发布', '落实信息发布三审制度，确保信息发布及时、准确、规范，无错敏信息。'],
  ['开展政务公开专题培训', '年内至少开展1次政务公开专题培训，提高工作人员业务能力。'],
];

export function samplePlan(taskCount = 20, year = 2026): PlanExportData {
  const perSection = Math.ceil(taskCount / SECTIONS.length);
  let seq = 0;
  const sections = SECTIONS.map((title, si) => {
    const tasks: TaskExportRow[] = [];
    for (let i = 0; i < perSection && seq < taskCount; i++) {
      const [t, m] = TASKS[(si + i) % TASKS.length];
      seq++;
      tasks.push({
        seq,
        title: t,
        measures: m,
        points: `一（${'一二三'[i % 3]}）${i + 1}`,
        lead: si % 2 ? '办公室' : '高新技术科',
        support: '各科室',
        owner: ['张三', '李四', '王五'][seq % 3],
        deadline: ['2026年6月30日前', '年底前', '每季度', '持续推进'][seq % 4],
        progress: seq % 3 ? '已按要求公开相关信息12条，正在整理佐证材料。' : '',
        status: ['未开始', '进行中', '已完成'][seq % 3],
      });
    }
    return { title, tasks };
  });
  return {
    year,
    bureau: '某县科学技术局',
    filedOn: '2026-12-07',
    title: `${year}年某县科学技术局政务公开工作实施方案`,
    docNumber: `县科技局发〔${year}〕3号`,
    docDate: `${year}-03-05`,
    intro: `为深入贯彻落实上级关于政务公开工作的部署要求，进一步做好${year}年政务公开工作，结合我局实际，制定本方案。`,
    closing: [
      { heading: '组织保障', text: '局政务公开工作领导小组统筹推进各项任务，各科室明确专人负责，确保任务落到实处。' },
      { heading: '监督检查', text: '办公室每季度对任务落实情况进行检查，年底开展“回头看”，检查结果纳入年度考核。' },
    ],
    signatureOrg: '某县科学技术局',
    sections,
  };
}

export function sampleLedger(taskCount = 12): LedgerExportData {
  const plan = samplePlan(taskCount);
  return {
    year: plan.year,
    title: `${plan.year}年政务公开工作台账`,
    rangeLabel: '2026年1月1日至2026年12月31日',
    bureau: '某县科学技术局',
    filedOn: '2026-12-07',
    tasks: plan.sections.flatMap((s) =>
      s.tasks.map((t) => ({
        ...t,
        section: s.title,
        entries:
          t.seq % 4 === 0
            ? []
            : Array.from({ length: (t.seq % 3) + 1 }, (_, k) => ({
                date: `2026-0${k + 2}-1${k}`,
                text: `第${k + 1}次进展：完成相关信息公开并留存佐证。`,
                percent: (k + 1) * 30,
                evidence: k ? [`佐证材料${k}.pdf`, 'https://www.example.gov.cn/zwgk/2026/01.html'] : [],
              })),
      })),
    ),
  };
}
