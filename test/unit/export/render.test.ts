// Renders the 实施方案 with LibreOffice and measures the PDF (pdftotext -bbox): margins, 22 lines a page, 28
// characters a line, and the page number 7 mm below the type area. Skipped, with a note, where soffice is missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlanDocx } from '../../../main/export/plan/plan-exports';
import { makeTempDir } from '../../helpers/workstation';
import { samplePlan } from './sample-plan';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const canRender = has('soffice') && has('pdftotext');
if (!canRender) console.warn('未安装 LibreOffice（soffice）或 pdftotext，跳过排版测量测试。');

interface Word {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  text: string;
}
const MM = 25.4 / 72;

function pages(html: string): Word[][] {
  return html
    .split('<page ')
    .slice(1)
    .map((p) =>
      [...p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        (m) => ({ x1: +m[1] * MM, y1: +m[2] * MM, x2: +m[3] * MM, y2: +m[4] * MM, text: m[5] }),
      ),
    );
}

describe.skipIf(!canRender)('LibreOffice rendering of the 实施方案', () => {
  it('keeps the GB/T 9704 page: 28 mm left, 22 lines of up to 28 characters, "— n —" 7 mm below the type area', async () => {
    const dir = makeTempDir('zwgk-render-');
    try {
      const docx = path.join(dir, 'plan.docx');
      {
        fs.writeFileSync(docx, await buildPlanDocx(samplePlan(24)));
        const env = { ...process.env, FONTCONFIG_FILE: path.resolve('test/fixtures/fonts/fonts.conf') };
        const r = spawnSync(
          'soffice',
          [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
          { env, timeout: 120_000 },
        );
        expect(r.status, String(r.stderr)).toBe(0);
        spawnSync('pdftotext', ['-bbox', path.join(dir, 'plan.pdf'), path.join(dir, 'plan.html')]);
        const all = pages(fs.readFileSync(path.join(dir, 'plan.html'), 'utf8'));
        const portrait = all.filter((p) => p.every((w) => w.x2 < 211));
        const bodyOf = (p: Word[]) => p.filter((w) => w.y1 < 262.5);
        const lineTops = (p: Word[]) =>
          [...new Set(bodyOf(p).map((w) => Math.round(w.y1 * 10) / 10))].sort((a, b) => a - b);
        // The fullest page (a heading kept with its text may leave the last line of others empty).
        const page2 = portrait.slice(1).reduce((a, b) => (lineTops(b).length > lineTops(a).length ? b : a));
        const body = bodyOf(page2);
        // Left edge at the 28 mm 订口.
        expect(Math.min(...body.map((w) => w.x1))).toBeCloseTo(28, 0);
        // 22 lines to the 225 mm type area: a fixed 28.95 pt (10.21 mm) pitch, and a full page has 22.
        const tops = lineTops(page2);
        expect(tops.length).toBe(22);
        for (let i = 1; i < tops.length; i++) expect(tops[i] - tops[i - 1]).toBeCloseTo(10.21, 0);
        // The widest line holds 28 characters within 156 mm (a closing mark may hang in the margin as in Word).
        const byLine = new Map<number, Word[]>();
        for (const w of body) byLine.set(Math.round(w.y1), [...(byLine.get(Math.round(w.y1)) ?? []), w]);
        const lens = [...byLine.values()].map((ws) => ws.map((w) => w.text).join(''));
        // Width in characters: half-width digits and Latin letters count half.
        const width = (l: string) => [...l].reduce((n, ch) => n + (ch.charCodeAt(0) <= 0xff ? 0.5 : 1), 0);
        const longest = Math.max(...lens.map(width));
        expect(longest).toBeGreaterThanOrEqual(27);
        expect(longest).toBeLessThanOrEqual(29);
        // Page number: the dash 7 mm below the type area's bottom (262 mm), odd page at the right, even at the left.
        // The 一字线 is drawn at the middle of its glyph box.
        const dash = (p: Word[]) => p.filter((w) => w.text === '—');
        const mid = (w: Word) => (w.y1 + w.y2) / 2;
        expect(mid(dash(portrait[0])[0])).toBeGreaterThan(268.3);
        expect(mid(dash(portrait[0])[0])).toBeLessThan(269.7);
        expect(dash(portrait[0])[1].x2).toBeGreaterThan(175);
        expect(dash(portrait[1])[0].x1).toBeLessThan(40);
        // The attachment pages are landscape.
        expect(all.some((p) => p.some((w) => w.x2 > 211))).toBe(true);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
