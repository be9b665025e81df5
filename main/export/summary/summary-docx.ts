// The 工作总结 as a 公文-format .docx (GB/T 9704): title, optional 主送, the body with its 一、/（一） headings, 附件说明,
// 落款 with the date, 附注（此件主动公开）, and the 附件 tables the text quotes. Pure: data in, Buffer out.
import { buildGongwenDocx, type GongwenAttachment, type GongwenBlock, type TableColumn } from '../gongwen/document';
import { CHART_MARK, insertCharts, PICTURE_MARK, type BarChartData, type PictureData } from './chart-xml';

interface SummaryDocParagraph {
  level: number;
  heading: string;
  text: string;
}

export interface SummaryDocTable {
  title: string;
  columns: TableColumn[];
  rows: string[][];
  /** A line under the table (e.g. where the numbers come from): kept on the page of the table's last row. */
  note?: string;
  /** Half-points; the 公文 tables' 小四 when absent. */
  fontSize?: number;
  /**
   * A chart of the same numbers, above the table: the picture when one could be drawn, else the native Word chart
   * with a line saying why it may look different.
   */
  chart?: { native: BarChartData; picture: PictureData | null };
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
    const lines = p.text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    if (p.level === 1) {
      if (p.heading.trim()) out.push({ kind: 'heading', level: 1, text: p.heading.trim() });
      if (lines.length) out.push({ kind: 'paragraph', text: lines.join('\n') });
    } else if (p.level === 2) {
      // "（一）小标题。" in 楷体 with its text running on in 仿宋 (as 实施方案 do); further lines are paragraphs.
      if (!p.heading.trim() && !lines.length) continue;
      if (p.heading.trim())
        out.push({ kind: 'heading', level: 2, text: p.heading.trim(), ...(lines[0] ? { body: lines[0] } : {}) });
      else if (lines[0]) out.push({ kind: 'paragraph', text: lines[0] });
      if (lines.length > 1) out.push({ kind: 'paragraph', text: lines.slice(1).join('\n') });
    } else if (lines.length) out.push({ kind: 'paragraph', text: lines.join('\n') });
  }
  return out;
}

/** A picture's height on the page, for the builder's page estimates (twips). */
const twipsOfCm = (cm: number) => Math.round((cm * 1440) / 2.54);

export async function buildSummaryDocx(data: SummaryDocData): Promise<Buffer> {
  const charts: BarChartData[] = [];
  const pictures: PictureData[] = [];
  const attachments: GongwenAttachment[] = data.tables
    .filter((t) => t.rows.length)
    .map((t, i, all) => {
      const blocks: GongwenBlock[] = [];
      if (t.chart?.picture) {
        // A marker paragraph the picture replaces after the document is built (insertCharts).
        const p = t.chart.picture;
        blocks.push({
          kind: 'paragraph',
          text: `${PICTURE_MARK}${pictures.length}⟧`,
          height: twipsOfCm((p.widthCm * p.height) / p.width),
        });
        pictures.push(t.chart.picture);
      } else if (t.chart) {
        blocks.push({
          kind: 'paragraph',
          text: `${CHART_MARK}${charts.length}⟧`,
          height: twipsOfCm(t.chart.native.heightCm),
        });
        blocks.push({
          kind: 'paragraph',
          text: '注：本机未能生成图表图片，上图为 Word 图表，在 WPS、LibreOffice 中的显示可能与 Word 不同。',
        });
        charts.push(t.chart.native);
      }
      blocks.push({
        kind: 'table',
        columns: t.columns,
        rows: t.rows.map((cells) => ({ cells })),
        ...(t.fontSize ? { fontSize: t.fontSize } : {}),
        keepWithNext: !!t.note,
      });
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
  return insertCharts(docx, charts, pictures);
}
