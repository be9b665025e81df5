// The end of a letter or report as the office signs it: the text's last paragraph stays on the page of the 署名 and
// 成文日期, and a 附注 (the contact line) stays with the date, so no page holds only the 署名, the date or the note.
// Applied to the built .docx (gongwen/document.ts lays the signature out). Pure: data in, data out.
import JSZip from 'jszip';
import { zipParts } from '../zip';

/** Characters of a 3号 line on the 156 mm type area (GB/T 9704: 28), for guessing a paragraph's lines. */
const LINE_CHARS = 28;
/** A last paragraph up to this many lines moves whole with the 署名; a longer one is split where the page ends. */
const KEEP_WHOLE_LINES = 8;

/**
 * Keeps the text's last paragraph with the 署名 and 成文日期, so a page never holds only the 署名 and the date
 * (GB/T 9704 §7.3.5: the date is never left alone; text moves with it). The blank line before the 署名 and the last
 * body paragraph get keepNext; a short last paragraph also keepLines, because LibreOffice drops a keep chain whose
 * first paragraph is split across pages, while a whole short paragraph moves with what follows it. The 署名 is the
 * last paragraph holding the organisation's name (the 署名 already keeps with its date); when a paragraph follows
 * the date (the 附注), the date keeps with it too.
 */
export function keepTextWithSignature(xml: string, org: string): string {
  const esc = org.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const at = xml.lastIndexOf(`>${esc}</w:t>`);
  if (at < 0) return xml;
  const starts: number[] = [];
  for (const m of xml.slice(0, at).matchAll(/<w:p[ >]/g)) starts.push(m.index!);
  if (starts.length < 3) return xml;
  // starts: …, the body's last paragraph, the blank line, the 署名.
  const [last, blank] = starts.slice(-3, -1);
  const lastText = [...xml.slice(last, blank).matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const whole = Math.ceil(([...lastText].length + 2) / LINE_CHARS) <= KEEP_WHOLE_LINES;
  let out = xml;
  // The date, and a 附注 after it (the contact line): the date keeps with the note; gongwen writes keepNext off on it.
  const dateAt = at + out.slice(at).search(/<w:p[ >]/);
  const rest = out.slice(dateAt + 4);
  const nextParagraph = rest.search(/<w:p[ >]/);
  const section = rest.indexOf('<w:sectPr');
  if (dateAt > at && nextParagraph >= 0 && (section < 0 || nextParagraph < section)) {
    const end = out.indexOf('</w:pPr>', dateAt);
    const head = out.slice(dateAt, end);
    const kept = head.includes('<w:keepNext w:val="false"/>')
      ? head.replace('<w:keepNext w:val="false"/>', '<w:keepNext/>')
      : head.replace('<w:pPr>', '<w:pPr><w:keepNext/>');
    out = out.slice(0, dateAt) + kept + out.slice(end);
  }
  for (const [i, props] of [
    [blank, '<w:keepNext/>'],
    [last, whole ? '<w:keepNext/><w:keepLines/>' : '<w:keepNext/>'],
  ] as const) {
    const open = out.indexOf('>', i) + 1;
    out = out.startsWith('<w:pPr>', open)
      ? `${out.slice(0, open + 7)}${props}${out.slice(open + 7)}`
      : `${out.slice(0, open)}<w:pPr>${props}</w:pPr>${out.slice(open)}`;
  }
  return out;
}

/** Rewrites word/document.xml of a built .docx (the other parts are kept as they are, [Content_Types].xml first). */
export async function rewriteDocument(docx: Buffer, change: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const parts: [string, string | Uint8Array][] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    if (name === 'word/document.xml') parts.push([name, change(await zip.file(name)!.async('string'))]);
    else
      parts.push([
        name,
        /\.(xml|rels)$/.test(name) ? await zip.file(name)!.async('string') : await zip.file(name)!.async('uint8array'),
      ]);
  }
  parts.sort(([a], [b]) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0));
  return zipParts(parts);
}
