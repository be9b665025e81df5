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
