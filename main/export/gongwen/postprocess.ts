// Fix-ups on the zip that the docx library does not do itself, for WPS:
// - PAGE fields get a cached result between `separate` and `end`; without one some WPS versions print nothing
//   (or the field code) until fields are updated. Odd-page footers cache 1, even-page footers 2.
// - Paragraphs in table cells leave the page's line grid (<w:snapToGrid w:val="0"/>; the docx library has no
//   paragraph option for it), else every table line is stretched to the 29 pt body line pitch.
// - The theme's fonts must not fall back to Office's Calibri/等线 (WPS then reports missing fonts): the builder
//   sets them, and this checks that no default face is left anywhere in the theme.
import JSZip from 'jszip';
import { FONT } from './format';

const SEPARATE_RUN = /(<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:fldChar w:fldCharType="separate"\/><\/w:r>)(<w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:fldChar w:fldCharType="end"\/><\/w:r>)/gs;

/** Puts a cached number into every PAGE field of a part that has none. */
export function cachePageFields(xml: string, cached: string): string {
  return xml.replace(SEPARATE_RUN, (_m, sep: string, rPr: string | undefined, end: string) =>
    `${sep}<w:r>${rPr ?? ''}<w:t>${cached}</w:t></w:r>${end}`);
}

const OFFICE_DEFAULT_FACES = ['Calibri Light', 'Calibri', '等线 Light', '等线', 'DengXian Light', 'DengXian', '宋体'];

/** Replaces Office's default faces left in the theme's major/minor fonts by the 公文 faces. */
export function rewriteThemeFonts(xml: string): string {
  const fix = (block: string, eastAsia: string) => {
    let out = block;
    for (const face of OFFICE_DEFAULT_FACES) {
      out = out.replaceAll(`<a:latin typeface="${face}"`, `<a:latin typeface="${FONT.latin}"`)
        .replaceAll(`<a:ea typeface="${face}"`, `<a:ea typeface="${eastAsia}"`)
        .replaceAll(`script="Hans" typeface="${face}"`, `script="Hans" typeface="${eastAsia}"`);
    }
    return out.replace('<a:ea typeface=""/>', `<a:ea typeface="${eastAsia}"/>`);
  };
  return xml
    .replace(/<a:majorFont>[\s\S]*?<\/a:majorFont>/, (b) => fix(b, FONT.heading1))
    .replace(/<a:minorFont>[\s\S]*?<\/a:minorFont>/, (b) => fix(b, FONT.body));
}

/** Takes every paragraph inside a table cell off the document grid. */
export function unsnapTableParagraphs(xml: string): string {
  return xml.replace(/<w:tc>[\s\S]*?<\/w:tc>/g, (tc) => tc.replace(/<w:pPr>(?!<w:snapToGrid)/g, '<w:pPr><w:snapToGrid w:val="0"/>'));
}

/** Which footer parts are even-page footers, from the section properties and the relationships. */
function evenFooterTargets(documentXml: string, relsXml: string): Set<string> {
  const ids = new Set([...documentXml.matchAll(/<w:footerReference w:type="even" r:id="([^"]+)"\/>/g)].map((m) => m[1]));
  const targets = new Set<string>();
  for (const m of relsXml.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)) {
    if (ids.has(m[1])) targets.add(`word/${m[2]}`);
  }
  return targets;
}

export async function finishDocx(buf: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  const documentXml = unsnapTableParagraphs(await zip.file('word/document.xml')!.async('string'));
  zip.file('word/document.xml', documentXml);
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  const even = evenFooterTargets(documentXml, rels);
  for (const name of Object.keys(zip.files)) {
    if (/^word\/(footer|header)\d+\.xml$/.test(name)) {
      const xml = await zip.file(name)!.async('string');
      zip.file(name, cachePageFields(xml, even.has(name) ? '2' : '1'));
    }
  }
  const theme = zip.file('word/theme/theme1.xml');
  if (theme) zip.file('word/theme/theme1.xml', rewriteThemeFonts(await theme.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
