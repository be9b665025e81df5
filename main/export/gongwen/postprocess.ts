// Fix-ups on the zip that the docx library does not do itself, for WPS:
// - PAGE fields get a cached result between `separate` and `end`; without one some WPS versions print nothing
//   (or the field code) until fields are updated. Odd-page footers cache 1, even-page footers 2.
// - Paragraphs in table cells leave the page's line grid (<w:snapToGrid w:val="0"/>; the docx library has no
//   paragraph option for it), else every table line is stretched to the 29 pt body line pitch.
// - The theme's fonts must not fall back to Office's Calibri/等线 (WPS then reports missing fonts): the builder
//   sets them, and this checks that no default face is left anywhere in the theme.
import { Packer, type Document } from 'docx';
import JSZip from 'jszip';
import { zipParts } from '../zip';
import { FONT } from './format';
import { placeRotatedNumbers } from './page-number';

const SEPARATE_RUN =
  /(<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:fldChar w:fldCharType="separate"\/><\/w:r>)(<w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:fldChar w:fldCharType="end"\/><\/w:r>)/gs;

/** Puts a cached number into every PAGE field of a part that has none. */
export function cachePageFields(xml: string, cached: string): string {
  return xml.replace(
    SEPARATE_RUN,
    (_m, sep: string, rPr: string | undefined, end: string) =>
      `${sep}<w:r>${rPr ?? ''}<w:t>${cached}</w:t></w:r>${end}`,
  );
}

const OFFICE_DEFAULT_FACES = ['Calibri Light', 'Calibri', '等线 Light', '等线', 'DengXian Light', 'DengXian', '宋体'];

/** Replaces Office's default faces left in the theme's major/minor fonts by the 公文 faces. */
function rewriteThemeFonts(xml: string): string {
  const fix = (block: string, eastAsia: string) => {
    let out = block;
    for (const face of OFFICE_DEFAULT_FACES) {
      out = out
        .replaceAll(`<a:latin typeface="${face}"`, `<a:latin typeface="${FONT.latin}"`)
        .replaceAll(`<a:ea typeface="${face}"`, `<a:ea typeface="${eastAsia}"`)
        .replaceAll(`script="Hans" typeface="${face}"`, `script="Hans" typeface="${eastAsia}"`);
    }
    return out.replace('<a:ea typeface=""/>', `<a:ea typeface="${eastAsia}"/>`);
  };
  return xml
    .replace(/<a:majorFont>[\s\S]*?<\/a:majorFont>/, (b) => fix(b, FONT.heading1))
    .replace(/<a:minorFont>[\s\S]*?<\/a:minorFont>/, (b) => fix(b, FONT.body));
}

/**
 * The fonts the document uses, declared with what Word and WPS should fall back to on a PC without them: the
 * GB2312 faces to the plain ones (仿宋, 楷体), 方正小标宋简体 to 宋体; charset 86 (GB2312) and the CJK panose, so a
 * missing face is replaced by a Chinese one of the same kind, not by a Latin default.
 */
const FONT_DECLARATIONS: {
  name: string;
  alt?: string;
  panose: string;
  charset: string;
  family: string;
  pitch: string;
}[] = [
  { name: FONT.body, alt: '仿宋', panose: '02010609030101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONT.heading2, alt: '楷体', panose: '02010609030101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONT.title, alt: '宋体', panose: '02000000000000000000', charset: '86', family: 'auto', pitch: 'variable' },
  {
    name: FONT.heading1,
    alt: 'SimHei',
    panose: '02010609060101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
  },
  { name: '仿宋', alt: 'FangSong', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: '楷体', alt: 'KaiTi', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: '宋体', alt: 'SimSun', panose: '02010600030101010101', charset: '86', family: 'auto', pitch: 'variable' },
  { name: FONT.latin, panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable' },
];

function fontTableXml(): string {
  const fonts = FONT_DECLARATIONS.map(
    (f) =>
      `<w:font w:name="${f.name}">${f.alt ? `<w:altName w:val="${f.alt}"/>` : ''}<w:panose1 w:val="${f.panose}"/><w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`;
}

/**
 * Runs with an East Asian face are marked as East Asian text (w:hint="eastAsia") in Chinese (zh-CN): Word then sets
 * the characters both scripts share (“”‘’…—) in the Chinese face, full width, as WPS does.
 */
function markEastAsianRuns(xml: string): string {
  return xml.replace(/<w:rPr>((?:(?!<\/w:rPr>).)*?)<\/w:rPr>/gs, (m, inner: string) => {
    if (!/<w:rFonts [^>]*w:eastAsia="/.test(inner)) return m;
    let out = inner.replace(/<w:rFonts (?![^>]*w:hint=)/, '<w:rFonts w:hint="eastAsia" ');
    if (!out.includes('<w:lang ')) out += '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>';
    return `<w:rPr>${out}</w:rPr>`;
  });
}

/** Marks a paragraph that stands for a table rendered as XML (table-xml.ts). */
export const TABLE_MARK = '⟦表格';
export const TABLE_MARK_END = '⟧';

type Parts = Map<string, string | Uint8Array>;

/** The fix-ups on the parts, as strings, before zipping. */
function finishParts(parts: Parts, tables: readonly string[] = []): void {
  const doc = parts.get('word/document.xml');
  if (typeof doc === 'string' && tables.length) {
    const re = new RegExp(`<w:p>(?:(?!<w:p>).)*?${TABLE_MARK}(\\d+)${TABLE_MARK_END}.*?</w:p>`, 'gs');
    parts.set(
      'word/document.xml',
      doc.replace(re, (_m, i: string) => tables[Number(i)]),
    );
  }
  // Drawing ids are unique in the document: the landscape page numbers' text boxes count from 1001.
  let drawingId = 1000;
  for (const [name, xml] of parts) {
    if (typeof xml !== 'string') continue;
    if (/^word\/footer\d+\.xml$/.test(name))
      parts.set(
        name,
        placeRotatedNumbers(xml, () => ++drawingId),
      );
    // The builder puts even-page numbers on the left: cache 2 there, 1 on odd pages.
    if (/^word\/(footer|header)\d+\.xml$/.test(name)) {
      const x = parts.get(name) as string;
      parts.set(name, cachePageFields(x, x.includes('<w:jc w:val="left"/>') ? '2' : '1'));
    }
    if (name === 'word/theme/theme1.xml') parts.set(name, rewriteThemeFonts(xml));
    if (name === 'word/fontTable.xml') parts.set(name, fontTableXml());
    if (/^word\/(document|styles|footer\d+|header\d+)\.xml$/.test(name))
      parts.set(name, markEastAsianRuns(parts.get(name) as string));
  }
}

interface DocxCompiler {
  compile(file: unknown, prettify: undefined, overrides: unknown[]): Parts;
}

/**
 * Compiles the document to its parts, applies the fix-ups and zips once with native deflate. docx 9 keeps its
 * compiler on Packer; should a later version not, the packed file is unzipped and handled the same way.
 */
export async function packDocx(doc: Document, tables: readonly string[] = []): Promise<Buffer> {
  const compiler = (Packer as unknown as { compiler?: DocxCompiler }).compiler;
  let parts: Parts;
  if (compiler && typeof compiler.compile === 'function') parts = new Map(compiler.compile(doc, undefined, []));
  else {
    const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
    parts = new Map();
    for (const name of Object.keys(zip.files))
      if (!zip.files[name].dir) parts.set(name, await zip.file(name)!.async('string'));
  }
  finishParts(parts, tables);
  // [Content_Types].xml first, as Office writes it.
  const ordered = [...parts.entries()].sort(([a], [b]) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0,
  );
  return zipParts(ordered);
}
