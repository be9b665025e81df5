// The page number of a landscape page (GB/T 9704 §8, 横排表格): the sheet is printed and bound like every other
// page, so the number keeps the place it has on a portrait page: 7 mm below the type area, odd pages one character
// in from the right, even pages one character in from the left, reading upright when the sheet is turned back to
// portrait. The table's head lies on the 订口 (binding) side on odd pages and on the 切口 side on even pages, so on
// both the landscape page's top edge is the portrait page's left edge: the portrait page's foot is the landscape
// page's left edge, and the number stands there, turned a quarter clockwise (it reads top to bottom).
//
// Word, WPS and LibreOffice agree on a DrawingML text box with vertical text (bodyPr vert="vert") anchored to the
// page in the footer; a paragraph frame (w:framePr) cannot turn its text.
import { FONT, SIZE } from './format';

/** Marks the footer paragraph that the landscape page number replaces (postprocess.ts). */
export const ROTATED_NUMBER_MARK = '⟦横排页码';
export const ROTATED_NUMBER_MARK_END = '⟧';

const EMU_PER_MM = 36000;
const emu = (mm: number) => Math.round(mm * EMU_PER_MM);

/** Portrait page (mm): A4, the type area's foot, the 切口 (right white edge) and the 订口 (left). */
const PAGE_HEIGHT = 297;
const TYPE_AREA_FOOT = 37 + 225;
const LEFT_EDGE = 28;
const RIGHT_EDGE = 26;
/** One 4号 character (14 pt): the 空一字 beside the number. */
const ONE_CHAR = (14 * 25.4) / 72;
/** The 一字线's middle lies 7 mm below the type area (§7.5). */
const DASH_BELOW_TYPE_AREA = 7;

/** Where the landscape page's number stands, in mm on the landscape page (x across 297 mm, y down 210 mm). */
function landscapeNumberPlace(side: 'odd' | 'even'): { x: number; yStart: number; yEnd: number } {
  // Turned back to portrait, landscape x is the distance from the portrait foot and landscape y the portrait x.
  const x = PAGE_HEIGHT - (TYPE_AREA_FOOT + DASH_BELOW_TYPE_AREA);
  return side === 'odd'
    ? { x, yStart: 0, yEnd: 210 - RIGHT_EDGE - ONE_CHAR }
    : { x, yStart: LEFT_EDGE + ONE_CHAR, yEnd: 0 };
}

/**
 * LibreOffice centres the line's glyph box in the text box 0.6 mm off the portrait number's (measured with
 * pdftotext -bbox: the dash's box mid at 27.4 mm instead of 28 mm from the edge); the box is moved by that much.
 */
const CENTRE_CORRECTION = 0.6;
/** The text box's length along the edge: room for "— 999 —" and more. */
const BOX_LENGTH = 60;
/** Its width across the edge: wider than the 4号 line, which is centred in it. */
const BOX_WIDTH = 10;

function pageField(cached: string): string {
  const rPr = `<w:rPr><w:rFonts w:ascii="${FONT.pageNumber}" w:cs="${FONT.pageNumber}" w:eastAsia="${FONT.pageNumber}" w:hAnsi="${FONT.pageNumber}"/><w:sz w:val="${SIZE.si}"/><w:szCs w:val="${SIZE.si}"/></w:rPr>`;
  const r = (inner: string) => `<w:r>${rPr}${inner}</w:r>`;
  return (
    r('<w:t xml:space="preserve">— </w:t>') +
    r('<w:fldChar w:fldCharType="begin"/>') +
    r('<w:instrText xml:space="preserve"> PAGE </w:instrText>') +
    r('<w:fldChar w:fldCharType="separate"/>') +
    r(`<w:t>${cached}</w:t>`) +
    r('<w:fldChar w:fldCharType="end"/>') +
    r('<w:t xml:space="preserve"> —</w:t>')
  );
}

/**
 * The footer paragraph of a landscape section: empty itself, anchoring a text box (positioned on the page) whose
 * vertical line holds "— n —", ending one character before the portrait 切口 on odd pages and starting one
 * character after the 订口 on even pages.
 */
function rotatedPageNumberXml(side: 'odd' | 'even', id: number): string {
  const place = landscapeNumberPlace(side);
  const top = side === 'odd' ? place.yEnd - BOX_LENGTH : place.yStart;
  const left = place.x + CENTRE_CORRECTION - BOX_WIDTH / 2;
  const cx = emu(BOX_WIDTH),
    cy = emu(BOX_LENGTH);
  // In vertical text "right" is the line's end: the bottom of the box.
  const jc = side === 'odd' ? 'right' : 'left';
  const box = `<w:txbxContent><w:p><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:after="0" w:before="0" w:line="280" w:lineRule="exact"/><w:jc w:val="${jc}"/></w:pPr>${pageField(side === 'odd' ? '1' : '2')}</w:p></w:txbxContent>`;
  const drawing =
    `<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="${251659264 + id}" behindDoc="0" locked="1" layoutInCell="0" allowOverlap="1">` +
    '<wp:simplePos x="0" y="0"/>' +
    `<wp:positionH relativeFrom="page"><wp:posOffset>${emu(left)}</wp:posOffset></wp:positionH>` +
    `<wp:positionV relativeFrom="page"><wp:posOffset>${emu(top)}</wp:posOffset></wp:positionV>` +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>` +
    `<wp:docPr id="${id}" name="页码 ${id}"/><wp:cNvGraphicFramePr/>` +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">' +
    `<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>` +
    `<wps:txbx>${box}</wps:txbx>` +
    '<wps:bodyPr rot="0" vert="vert" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr" anchorCtr="0"><a:noAutofit/></wps:bodyPr>' +
    '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>';
  return `<w:p><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:after="0" w:before="0" w:line="20" w:lineRule="exact"/></w:pPr><w:r>${drawing}</w:r></w:p>`;
}

/** Replaces the marker paragraph of a footer part by the landscape page number. */
export function placeRotatedNumbers(xml: string, nextId: () => number): string {
  const re = new RegExp(
    `<w:p>(?:(?!<w:p>).)*?${ROTATED_NUMBER_MARK}(odd|even)${ROTATED_NUMBER_MARK_END}.*?</w:p>`,
    'gs',
  );
  return xml.replace(re, (_m, side: 'odd' | 'even') => rotatedPageNumberXml(side, nextId()));
}
