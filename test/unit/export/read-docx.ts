// Reading a .docx back for assertions: the XML parts as text.
import JSZip from 'jszip';

export interface DocxParts {
  document: string;
  styles: string;
  settings: string;
  theme: string;
  footers: Record<string, string>;
  rels: string;
}

export async function readDocx(buf: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buf);
  const text = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const footers: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (/^word\/footer\d+\.xml$/.test(name)) footers[name] = await text(name);
  return {
    document: await text('word/document.xml'),
    styles: await text('word/styles.xml'),
    settings: await text('word/settings.xml'),
    theme: await text('word/theme/theme1.xml'),
    footers,
    rels: await text('word/_rels/document.xml.rels'),
  };
}

/** The section property blocks in order. */
export function sections(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
}

/** Paragraphs (as XML) whose text contains `needle`. */
export function paragraphsWith(documentXml: string, needle: string): string[] {
  return [...documentXml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)]
    .map((m) => m[0])
    .filter((p) =>
      [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)]
        .map((t) => t[1])
        .join('')
        .includes(needle),
    );
}

/** The runs of a paragraph: text with its East Asian font and size. */
export function runsOf(
  paragraphXml: string,
): { text: string; eastAsia: string | null; ascii: string | null; size: string | null }[] {
  return [...paragraphXml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => ({
    text: [...m[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    eastAsia: /w:eastAsia="([^"]+)"/.exec(m[1])?.[1] ?? null,
    ascii: /w:ascii="([^"]+)"/.exec(m[1])?.[1] ?? null,
    size: /<w:sz w:val="(\d+)"/.exec(m[1])?.[1] ?? null,
  }));
}

/** The paragraphs of a .docx body (table cells too, each its own), as text; empty ones left out. */
export async function docxParagraphs(buf: Buffer): Promise<string[]> {
  const { document } = await readDocx(buf);
  return [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter(Boolean);
}
