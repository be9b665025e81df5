// Charts in the .docx: PNG pictures drawn from the dashboard's ECharts options (chart-image.ts), which look the same
// in Word, WPS and LibreOffice; and, where the picture cannot be made (the native rasteriser does not load), native
// Word charts (DrawingML c:chart parts with the numbers cached in the part) as before. Pure: data in, XML out.
import JSZip from 'jszip';

export interface BarChartData {
  title: string;
  categories: string[];
  series: { name: string; color: string; values: number[] }[];
  /** Horizontal bars (one per category), stacked. */
  stacked?: boolean;
  horizontal?: boolean;
  /** Size in centimetres. */
  widthCm: number;
  heightCm: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const EMU_PER_CM = 360000;

function textProps(size: number, bold = false): string {
  // 仿宋 for the labels, as the body text around it.
  return (
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"><a:solidFill><a:srgbClr val="262626"/></a:solidFill>` +
    '<a:latin typeface="Times New Roman"/><a:ea typeface="仿宋_GB2312"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>'
  );
}

function barChartXml(d: BarChartData): string {
  const strLit = (xs: string[]) =>
    `<c:strLit><c:ptCount val="${xs.length}"/>${xs.map((x, i) => `<c:pt idx="${i}"><c:v>${esc(x)}</c:v></c:pt>`).join('')}</c:strLit>`;
  const numLit = (xs: number[]) =>
    `<c:numLit><c:formatCode>General</c:formatCode><c:ptCount val="${xs.length}"/>${xs.map((x, i) => `<c:pt idx="${i}"><c:v>${x}</c:v></c:pt>`).join('')}</c:numLit>`;
  const series = d.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${esc(s.name)}</c:v></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${s.color.replace('#', '').toUpperCase()}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
        `<c:cat>${strLit(d.categories)}</c:cat><c:val>${numLit(s.values)}</c:val></c:ser>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<c:lang val="zh-CN"/><c:roundedCorners val="0"/><c:chart>' +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"><a:ea typeface="黑体"/></a:defRPr></a:pPr><a:r><a:rPr lang="zh-CN" sz="1200" b="1"><a:ea typeface="黑体"/></a:rPr><a:t>${esc(d.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    `<c:barChart><c:barDir val="${d.horizontal ? 'bar' : 'col'}"/><c:grouping val="${d.stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>${series}` +
    `<c:dLbls><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
    `<c:gapWidth val="60"/>${d.stacked ? '<c:overlap val="100"/>' : ''}<c:axId val="5001"/><c:axId val="5002"/></c:barChart>` +
    `<c:catAx><c:axId val="5001"/><c:scaling><c:orientation val="${d.horizontal ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${d.horizontal ? 'l' : 'b'}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textProps(900)}<c:crossAx val="5002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="5002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${d.horizontal ? 'b' : 'l'}"/>` +
    '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>' +
    `<c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textProps(900)}<c:crossAx val="5001"/><c:crosses val="${d.horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/><c:majorUnit val="1"/></c:valAx>` +
    '</c:plotArea>' +
    `<c:legend><c:legendPos val="t"/><c:overlay val="0"/>${textProps(900)}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:chartSpace>'
  );
}

/** The paragraph holding the chart: centred, not on the line grid (an exact line height would clip it). */
function chartParagraph(relId: string, docPrId: number, d: BarChartData): string {
  const cx = Math.round(d.widthCm * EMU_PER_CM);
  const cy = Math.round(d.heightCm * EMU_PER_CM);
  return (
    `<w:p><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="120" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>` +
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${docPrId}" name="${esc(d.title)}" descr="${esc(d.title)}"/><wp:cNvGraphicFramePr/>` +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${relId}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`
  );
}

export const CHART_MARK = '⟦图表';
export const PICTURE_MARK = '⟦图片';

/** A PNG picture of a chart, placed at `widthCm` with its own proportions. */
export interface PictureData {
  title: string;
  png: Buffer;
  /** Pixel size the picture was drawn at (its proportions). */
  width: number;
  height: number;
  widthCm: number;
}

/** The paragraph holding a picture: centred, not on the line grid (an exact line height would clip it). */
function pictureParagraph(relId: string, docPrId: number, d: PictureData): string {
  const cx = Math.round(d.widthCm * EMU_PER_CM);
  const cy = Math.round(((d.widthCm * d.height) / d.width) * EMU_PER_CM);
  return (
    `<w:p><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="120" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>` +
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${docPrId}" name="${esc(d.title)}" descr="${esc(d.title)}"/>` +
    '<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr>' +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    `<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="${docPrId}" name="${esc(d.title)}.png"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${relId}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>` +
    '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>'
  );
}

const markerParagraph = (mark: string, i: number) =>
  new RegExp(`<w:p>(?:(?!<w:p>)[\\s\\S])*?${mark}${i}⟧[\\s\\S]*?</w:p>`);

/**
 * Replaces each marker paragraph "⟦图表N⟧" with chart N (a native Word chart part) and "⟦图片N⟧" with picture N (a PNG
 * in word/media), adding their parts, relationships and content types.
 */
export async function insertCharts(
  docx: Buffer,
  charts: readonly BarChartData[],
  pictures: readonly PictureData[] = [],
): Promise<Buffer> {
  if (!charts.length && !pictures.length) return docx;
  const zip = await JSZip.loadAsync(docx);
  let doc = await zip.file('word/document.xml')!.async('string');
  let rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  let types = await zip.file('[Content_Types].xml')!.async('string');
  charts.forEach((c, i) => {
    const relId = `rIdSummaryChart${i + 1}`;
    zip.file(`word/charts/chart${i + 1}.xml`, barChartXml(c));
    rels = rels.replace(
      '</Relationships>',
      `<Relationship Id="${relId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart${i + 1}.xml"/></Relationships>`,
    );
    types = types.replace(
      '</Types>',
      `<Override PartName="/word/charts/chart${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
    );
    doc = doc.replace(markerParagraph(CHART_MARK, i), chartParagraph(relId, 900 + i, c));
  });
  if (pictures.length && !/<Default Extension="png"/i.test(types)) {
    types = types.replace('</Types>', '<Default Extension="png" ContentType="image/png"/></Types>');
  }
  pictures.forEach((p, i) => {
    const relId = `rIdSummaryPicture${i + 1}`;
    zip.file(`word/media/summary-chart${i + 1}.png`, p.png);
    rels = rels.replace(
      '</Relationships>',
      `<Relationship Id="${relId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/summary-chart${i + 1}.png"/></Relationships>`,
    );
    doc = doc.replace(markerParagraph(PICTURE_MARK, i), pictureParagraph(relId, 950 + i, p));
  });
  zip.file('word/document.xml', doc);
  zip.file('word/_rels/document.xml.rels', rels);
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
