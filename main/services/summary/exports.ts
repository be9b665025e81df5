// The 工作总结 export: the stored draft (created from the data when there is none) with the 附件 tables built from the
// same figures snapshot and lists as its text, so the tables never disagree with the paragraphs.
import {
  compareWithPrevious, figureLabel, formatFigureValue, paragraphText, summaryFileName, type Figures, type Summary, type SummaryKind,
  type SummaryLists,
} from '../../../shared/domain/summary';
import { bareTitle } from '../../../shared/domain/summary-draft';
import { buildSummaryDocx, type SummaryDocTable } from '../../export/summary/summary-docx';
import type { Exporter } from '../exporter';
import type { AppContext } from '../workstation';
import { ensureSummary, summaryLists } from './summaries';

/** Figures that read as a line of the data table (titles and per-section numbers have their own tables). */
function tableFigures(figures: Figures): [string, Figures[string]][] {
  return Object.entries(figures).filter(([k, f]) => !k.startsWith('plan.section.') && k !== 'plan.title' && f.value !== null && typeof f.value === 'number');
}

function summaryTables(s: Summary, lists: SummaryLists): SummaryDocTable[] {
  const tables: SummaryDocTable[] = [];
  const period = s.kind === '半年' ? `${s.year}年上半年` : `${s.year}年`;
  const data = tableFigures(s.figures);
  if (data.length) {
    tables.push({
      title: `${period}政务公开工作主要数据`,
      columns: [{ header: '序号', weight: 3, align: 'center' }, { header: '项目', weight: 12 }, { header: `${s.year}年`, weight: 3, align: 'center' },
        { header: `${s.year - 1}年`, weight: 3, align: 'center' }, { header: '增减', weight: 5, align: 'center' }],
      rows: data.map(([name, f], i) => [String(i + 1), figureLabel(name, f), formatFigureValue(f.value), formatFigureValue(f.previous),
        compareWithPrevious(f, '').replace(/^较上年/, '') || '—']),
      note: '注：数字按实施方案、培训台账、AB岗等记录统计；“—”表示上年没有相应记录。',
    });
  }
  const sections = (lists.sections ?? []).filter((x) => x.tasks > 0);
  if (sections.length) {
    const sum = (k: 'tasks' | 'done' | 'inProgress' | 'overdue') => sections.reduce((a, x) => a + x[k], 0);
    const rate = (done: number, tasks: number) => (tasks ? `${formatFigureValue(Math.round((done / tasks) * 1000) / 10)}%` : '—');
    const short = (t: string) => ([...t].length > 12 ? `${[...t].slice(0, 12).join('')}…` : t);
    tables.push({
      title: `${period}重点任务完成情况`,
      ...(s.withCharts ? {
        chart: {
          title: '各方面重点任务完成情况（项）', horizontal: true, stacked: true, widthCm: 15.5, heightCm: Math.min(9, 2.6 + sections.length * 0.8),
          categories: sections.map((x) => short(bareTitle(x.title))),
          series: [
            { name: '已完成', color: '#52c41a', values: sections.map((x) => x.done) },
            { name: '进行中', color: '#1677ff', values: sections.map((x) => x.inProgress) },
            { name: '未开始等', color: '#bfbfbf', values: sections.map((x) => x.tasks - x.done - x.inProgress) },
          ],
        },
      } : {}),
      columns: [{ header: '序号', weight: 3, align: 'center' }, { header: '工作方面', weight: 11 }, { header: '任务数', weight: 3, align: 'center' },
        { header: '已完成', weight: 3, align: 'center' }, { header: '进行中', weight: 3, align: 'center' }, { header: '已逾期', weight: 3, align: 'center' },
        { header: '完成率', weight: 3, align: 'center' }],
      rows: [
        ...sections.map((x, i) => [String(i + 1), bareTitle(x.title), String(x.tasks), String(x.done), String(x.inProgress), String(x.overdue), rate(x.done, x.tasks)]),
        ['', '合计', String(sum('tasks')), String(sum('done')), String(sum('inProgress')), String(sum('overdue')), rate(sum('done'), sum('tasks'))],
      ],
    });
  }
  const trainings = lists.trainings ?? [];
  if (trainings.length) {
    tables.push({
      title: `${period}政务公开培训情况`,
      columns: [{ header: '序号', weight: 3, align: 'center' }, { header: '日期', weight: 4, align: 'center' }, { header: '培训名称', weight: 10 },
        { header: '类别', weight: 5, align: 'center' }, { header: '形式', weight: 3, align: 'center' }, { header: '学时', weight: 2, align: 'center' }],
      rows: trainings.map((t, i) => [String(i + 1), t.date, t.title, t.kind, t.form, formatFigureValue(t.hours)]),
    });
  }
  return tables;
}

async function summaryDocx(ctx: AppContext, year: number, kind: SummaryKind): Promise<{ fileName: string; data: Buffer }> {
  const s = await ensureSummary(ctx, year, kind);
  const lists = await summaryLists(ctx, s.id);
  const data = await buildSummaryDocx({
    title: s.title, addressee: s.addressee, signatureOrg: s.signatureOrg, signatureDate: s.signatureDate, publicNote: s.publicNote,
    paragraphs: s.paragraphs.map((p) => ({ level: p.level, heading: p.heading, text: paragraphText(p, s.figures) })),
    tables: s.withTables ? summaryTables(s, lists) : [],
  });
  return { fileName: summaryFileName(year, kind), data };
}

export const SUMMARY_EXPORT_OF_KIND: Record<SummaryKind, 'summary-docx' | 'summary-half-docx'> = { 年度: 'summary-docx', 半年: 'summary-half-docx' };

export const summaryExporters: Record<'summary-docx' | 'summary-half-docx', Exporter> = {
  'summary-docx': {
    label: '年度政务公开工作总结（公文格式 Word；没有草稿时按数据生成）',
    build: (ctx, a) => summaryDocx(ctx, a.year, '年度'),
  },
  'summary-half-docx': {
    label: '上半年政务公开工作总结（公文格式 Word；没有草稿时按数据生成）',
    build: (ctx, a) => summaryDocx(ctx, a.year, '半年'),
  },
};
