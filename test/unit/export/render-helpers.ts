// Renders exports with LibreOffice (one run for several files, its own profile, the repository's font mapping) and
// reads the pages back with pdftotext -bbox, in millimetres, for tests that check what a printed page shows.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
export const canRender = has('soffice') && has('pdftotext');

export interface Word {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  text: string;
}
const MM = 25.4 / 72;

function pagesOf(html: string): Word[][] {
  return html
    .split('<page ')
    .slice(1)
    .map((p) =>
      [...p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        (m) => ({ x1: +m[1] * MM, y1: +m[2] * MM, x2: +m[3] * MM, y2: +m[4] * MM, text: m[5].replace(/&amp;/g, '&') }),
      ),
    );
}

/** Writes the files into `dir`, converts them all to PDF in one LibreOffice run, and returns each one's pages. */
export function renderPages(dir: string, files: Record<string, Buffer>): Record<string, Word[][]> {
  const paths = Object.entries(files).map(([name, data]) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, data);
    return p;
  });
  const env = { ...process.env, FONTCONFIG_FILE: path.resolve('test/fixtures/fonts/fonts.conf') };
  const r = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...paths],
    { env, timeout: 240_000 },
  );
  if (r.status !== 0) throw new Error(`LibreOffice 转换失败：${String(r.stderr)}`);
  const out: Record<string, Word[][]> = {};
  for (const name of Object.keys(files)) {
    const base = name.replace(/\.[^.]+$/, '');
    spawnSync('pdftotext', ['-bbox', path.join(dir, `${base}.pdf`), path.join(dir, `${base}.html`)]);
    out[name] = pagesOf(fs.readFileSync(path.join(dir, `${base}.html`), 'utf8'));
  }
  return out;
}

/** The lines of a page, top to bottom: words grouped by their top edge (1 mm tolerance), each line's text joined. */
export function linesOf(page: Word[]): { y: number; text: string; words: Word[] }[] {
  const sorted = [...page].sort((a, b) => a.y1 - b.y1 || a.x1 - b.x1);
  const lines: { y: number; text: string; words: Word[] }[] = [];
  for (const w of sorted) {
    const line = lines.find((l) => Math.abs(l.y - w.y1) < 1);
    if (line) line.words.push(w);
    else lines.push({ y: w.y1, text: '', words: [w] });
  }
  for (const l of lines)
    l.text = l.words
      .sort((a, b) => a.x1 - b.x1)
      .map((w) => w.text)
      .join('');
  return lines.sort((a, b) => a.y - b.y);
}

/** The centre of the page number's first 一字线 on a page ("— n —"), in mm from the top, and its left edge. */
export function pageNumberDash(page: Word[]): { y: number; x: number } | null {
  const dash = page.filter((w) => w.text === '—').sort((a, b) => a.x1 - b.x1)[0];
  return dash ? { y: (dash.y1 + dash.y2) / 2, x: dash.x1 } : null;
}

/** A run of pixel rows that hold ink of one kind: top and bottom edge (mm from the page's top) and widest extent. */
export interface InkBand {
  top: number;
  bottom: number;
  /** Leftmost and rightmost inked pixel in the band, mm from the page's left edge. */
  left: number;
  right: number;
}

/**
 * Where a page of a PDF is inked, drawn with pdftoppm at 254 dpi (10 px a millimetre): the bands of red pixels (the
 * 版头's 发文机关标志 and separator line) and of dark ones (black text), top to bottom. This reads the drawing
 * itself, so a character's top edge is where its strokes begin, not the font box pdftotext reports.
 */
export function inkBands(pdf: string, page: number): { red: InkBand[]; dark: InkBand[] } {
  const base = `${pdf.replace(/\.pdf$/, '')}-ink-${page}`;
  spawnSync('pdftoppm', ['-r', '254', '-f', String(page), '-l', String(page), '-singlefile', pdf, base]);
  const data = fs.readFileSync(`${base}.ppm`);
  // P6 header: magic, width height, max value, each followed by whitespace; then RGB triples.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 40).toString('latin1'))!;
  const [w, h] = [Number(header[1]), Number(header[2])];
  const px = data.subarray(header[0].length);
  const perMm = 10;
  const bands: { red: InkBand[]; dark: InkBand[] } = { red: [], dark: [] };
  const open: Partial<Record<'red' | 'dark', InkBand>> = {};
  for (let y = 0; y < h; y++) {
    const row: Record<'red' | 'dark', [number, number] | null> = { red: null, dark: null };
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      const [r, g, b] = [px[i], px[i + 1], px[i + 2]];
      const kind = r > 180 && g < 110 && b < 110 ? 'red' : r < 110 && g < 110 && b < 110 ? 'dark' : null;
      if (!kind) continue;
      const cur = row[kind];
      row[kind] = cur ? [cur[0], x] : [x, x];
    }
    for (const kind of ['red', 'dark'] as const) {
      const span = row[kind];
      const band = open[kind];
      if (span && band) {
        band.bottom = (y + 1) / perMm;
        band.left = Math.min(band.left, span[0] / perMm);
        band.right = Math.max(band.right, (span[1] + 1) / perMm);
      } else if (span) {
        open[kind] = { top: y / perMm, bottom: (y + 1) / perMm, left: span[0] / perMm, right: (span[1] + 1) / perMm };
        bands[kind].push(open[kind]!);
      } else open[kind] = undefined;
    }
  }
  return bands;
}
