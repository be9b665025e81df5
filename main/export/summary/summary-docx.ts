// The 工作总结 as a 公文-format .docx (GB/T 9704): title, optional 主送, the body with its 一、/（一） headings, 附件说明,
// 落款 with the date, 附注（此件主动公开）, and the 附件 tables the text quotes. Pure: data in, Buffer out.
import { buildGongwenDocx, type GongwenAttachment, type GongwenBlock, type TableColumn } from '../gongwen/document';
import { CHART_MARK, insertCharts, type BarChartData } from './chart-xml';

interface SummaryDocParagraph {
  level: number;
  heading: string;
  text: string;
}

export interface SummaryDocTable {
  title: string;
  columns: TableColumn[];
  rows: string[][];
  /** A line under the table (e.g. where the numbers come from). */
  note?: string;
  /** A chart of the same numbers, above the table. */
  chart?: BarChartData;
}

interface SummaryDocData {
  title: string;
  addressee: string;
  signatureOrg: string;
  signatureDate: string;
  publicNote: boolean;
  paragraphs: SummaryDocParagraph[];
  tables: SummaryDocTable[];
}

function summaryBlocks(paragraphs: SummaryDocParagraph[]): GongwenBlock[] {
  const out: GongwenBlock[] = [];
  for (const p of paragraphs) {
    const lines = p.text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    if (p.level === 1) {
      if (p.heading.trim()) out.push({ kind: 'heading', level: 1, text: p.heading.trim() });
      if (lines.length) out.push({ kind: 'paragraph', text: lines.join('\n') });
    } else if (p.level === 2) {
      // "（一）小标题。" in 楷体 with its text running on in 仿宋 (as 实施方案 do); further lines are paragraphs.
      if (!p.heading.trim() && !lines.length) continue;
      if (p.heading.trim()) out.push({ kind: 'heading', level: 2, text: p.heading.trim(), ...(lines[0] ? { body: lines[0] } : {}) });
      else if (lines[0]) out.push({ kind: 'paragraph', text: lines[0] });
      if (lines.length > 1) out.push({ kind: 'paragraph', text: lines.slice(1).join('\n') });
    } else if (lines.length) out.push({ kind: 'paragraph', text: lines.join('\n') });
  }
  return out;
}

export async function buildSummaryDocx(data: SummaryDocData): Promise<Buffer> {
  const charts: BarChartData[] = [];
  const attachments: GongwenAttachment[] = data.tables.filter((t) => t.rows.length).map((t, i, all) => {
    const blocks: GongwenBlock[] = [];
    if (t.chart) {
      // A marker paragraph the chart replaces after the document is built (insertCharts).
      blocks.push({ kind: 'paragraph', text: `${CHART_MARK}${charts.length}⟧` });
      charts.push(t.chart);
    }
    blocks.push({ kind: 'table', columns: t.columns, rows: t.rows.map((cells) => ({ cells })) });
    if (t.note) blocks.push({ kind: 'paragraph', text: t.note });
    return { label: all.length > 1 ? `附件${i + 1}` : '附件', title: t.title, blocks };
  });
  const docx = await buildGongwenDocx({
    title: data.title,
    addressee: data.addressee || undefined,
    body: summaryBlocks(data.paragraphs),
    signature: { org: data.signatureOrg, date: data.signatureDate },
    note: data.publicNote ? '此件主动公开' : undefined,
    attachments,
  });
  return insertCharts(docx, charts);
}
