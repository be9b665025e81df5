// Printed pages measured (LibreOffice → PDF → pdftotext -bbox, and the rules read off a greyscale rendering):
// - landscape pages (the plan's 附件, the 分解表 .docx, the AB岗设置表 .docx) carry their page number where it is on a
//   portrait page once the sheet is turned back for binding (GB/T 9704 §8): on the landscape page's left edge, its
//   一字线 28 mm from that edge (= 7 mm below the portrait type area's foot at 262 mm of 297), turned to read top to
//   bottom; odd pages end one 4号 character (4.94 mm) before the portrait 切口 (26 mm), i.e. at 210 − 26 − 4.94 =
//   179.06 mm down the landscape page; even pages start one character after the 订口 (28 mm), at 32.94 mm;
// - the 版记 lies at the foot of the last page, its last rule on the type area's lower edge (262 mm), also when the
//   document has no 附件, and a document whose last page is full gets the 版记 on the next page, no empty page.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGongwenDocx, type GongwenBlock } from '../../../main/export/gongwen/document';
import { buildPlanDocx, buildTaskTableDocx } from '../../../main/export/plan/plan-exports';
import { buildAbDocx } from '../../../main/export/team/ab';
import type { Post } from '../../../shared/domain/ab';
import { makeTempDir } from '../../helpers/workstation';
import { canRender, linesOf, renderPages, type Word } from './render-helpers';
import { samplePlan } from './sample-plan';

if (!canRender) console.warn('未安装 LibreOffice（soffice）或 pdftotext，跳过横排页码与版记位置测试。');

const isLandscape = (p: Word[]) => p.some((w) => w.x2 > 211);

/** The page number of a landscape page: the words standing in the strip along its left edge (before the table). */
function landscapeNumber(page: Word[]): { words: Word[]; value: number } | null {
  const words = page.filter((w) => w.x2 < 33 && w.x1 > 18).sort((a, b) => a.y1 - b.y1);
  const digits = words.filter((w) => /^\d+$/.test(w.text));
  return digits.length === 1 ? { words, value: Number(digits[0].text) } : null;
}

/** Horizontal rules (mm from the top) across the middle of the portrait type area, read from a 254 dpi grey page. */
function rulesOf(pdf: string, pageNo: number, dir: string): number[] {
  const base = path.join(dir, `rules-${pageNo}`);
  spawnSync('pdftoppm', ['-gray', '-r', '254', '-f', String(pageNo), '-l', String(pageNo), '-singlefile', pdf, base]);
  const data = fs.readFileSync(`${base}.pgm`);
  // P5 header: magic, width height, max value, each followed by whitespace.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 40).toString('latin1'))!;
  const [w, h] = [Number(header[1]), Number(header[2])];
  const pixels = data.subarray(header[0].length);
  const perMm = 10;
  const [x0, x1] = [40 * perMm, 170 * perMm];
  const rows: number[] = [];
  for (let y = 0; y < h; y++) {
    let dark = 0;
    for (let x = x0; x < x1; x++) if (pixels[y * w + x] < 128) dark++;
    if (dark > 0.95 * (x1 - x0)) rows.push(y / perMm);
  }
  // Adjacent dark rows are one rule: its middle.
  const rules: number[][] = [];
  for (const r of rows) {
    const last = rules.at(-1);
    if (last && r - last.at(-1)! < 0.25) last.push(r);
    else rules.push([r]);
  }
  return rules.map((g) => (g[0] + g.at(-1)!) / 2);
}

const holder = (name: string, dept: string): Post['a'] => ({
  holdingId: 1,
  staffId: 1,
  name,
  departmentName: dept,
  title: '科员',
  phone: '0851-1234567',
  staffStatus: '在岗',
  startDate: '2026-01-01',
  endDate: null,
  awayUntil: null,
  awayKind: null,
});

function abPosts(n: number): Post[] {
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    name: `政务公开岗位${i + 1}`,
    duties: '负责本单位政府信息主动公开、依申请公开答复、政府网站信息发布审核等工作，按时报送各类报表和总结。',
    sortOrder: i,
    active: true,
    asOf: '2026-03-05',
    a: holder(`张${i + 1}`, '办公室'),
    b: holder(`李${i + 1}`, '政策法规科'),
    aNext: null,
    bNext: null,
  }));
}

const paragraphs = (n: number): GongwenBlock[] =>
  Array.from({ length: n }, (_, i) => ({
    kind: 'paragraph',
    text: `第${i + 1}段。为深入贯彻落实上级关于政务公开工作的部署要求，进一步做好政务公开工作，结合我局实际，制定本方案。`,
  }));

const notice = (n: number) =>
  buildGongwenDocx({
    title: '关于做好政务公开工作的通知',
    addressee: '局机关各科室',
    body: paragraphs(n),
    signature: { org: '某县科学技术局', date: '2026-03-05' },
    note: '此件主动公开',
    imprint: { issuer: '某县科学技术局办公室', date: '2026-03-05' },
  });

describe.skipIf(!canRender)('landscape page numbers and the 版记 on printed pages (LibreOffice)', () => {
  it("puts a landscape page's number on its left edge where the portrait number is; the 版记 at the last page's foot", async () => {
    const dir = makeTempDir('zwgk-render-landscape-');
    try {
      const plan = samplePlan(24);
      const pages = renderPages(dir, {
        'plan.docx': await buildPlanDocx({
          ...plan,
          issue: { head: true, sealed: true, note: '此件主动公开', imprintIssuer: '某县科学技术局办公室' },
        }),
        'tasks.docx': await buildTaskTableDocx(plan),
        'ab.docx': await buildAbDocx({ bureau: '某县科学技术局', date: '2026-03-05', posts: abPosts(9) }),
        // A short notice (版记 on page 1), and one whose 附注 fills the last line of page 2 (版记 on page 3).
        'notice-short.docx': await notice(3),
        'notice-full.docx': await notice(18),
      });

      let odd = 0,
        even = 0;
      for (const name of ['plan.docx', 'tasks.docx', 'ab.docx']) {
        const landscape = pages[name].map((p, i) => ({ p, no: i + 1 })).filter(({ p }) => isLandscape(p));
        expect(landscape.length, name).toBeGreaterThan(1);
        for (const { p, no } of landscape) {
          const n = landscapeNumber(p);
          expect(n, `${name} 第${no}页的页码`).not.toBeNull();
          expect(n!.value, `${name} 第${no}页`).toBe(no);
          const dashes = n!.words.filter((w) => w.text === '—');
          expect(dashes, `${name} 第${no}页`).toHaveLength(2);
          // Turned: each word is taller than wide; the 一字线's middle 28 mm from the left edge.
          for (const d of dashes) {
            expect(d.y2 - d.y1).toBeGreaterThan(d.x2 - d.x1 - 3);
            expect((d.x1 + d.x2) / 2, `${name} 第${no}页一字线`).toBeGreaterThan(27.3);
            expect((d.x1 + d.x2) / 2, `${name} 第${no}页一字线`).toBeLessThan(28.7);
          }
          if (no % 2) {
            odd++;
            // Odd: ends one character before the portrait 切口; lower half of the edge.
            expect(dashes[1].y2, `${name} 第${no}页（单页）`).toBeGreaterThan(178.1);
            expect(dashes[1].y2, `${name} 第${no}页（单页）`).toBeLessThan(180.1);
          } else {
            even++;
            expect(dashes[0].y1, `${name} 第${no}页（双页）`).toBeGreaterThan(31.9);
            expect(dashes[0].y1, `${name} 第${no}页（双页）`).toBeLessThan(33.9);
          }
          // Nothing of the table stands in the number's strip.
          expect(
            p.filter((w) => w.x1 < 34 && !n!.words.includes(w)),
            `${name} 第${no}页`,
          ).toEqual([]);
        }
      }
      expect(odd).toBeGreaterThan(1);
      expect(even).toBeGreaterThan(1);

      // 版记 without 附件: one page, the 印发 line in the last line of the type area, its rules 0.35 mm at 251 and
      // 262 mm (the lower one on the type area's edge), far below the 附注.
      const short = pages['notice-short.docx'];
      expect(short).toHaveLength(1);
      const lines = linesOf(short[0]);
      const imprint = lines.find((l) => l.text.endsWith('2026年3月5日印发'))!;
      expect(imprint.text.startsWith('某县科学技术局办公室')).toBe(true);
      expect(imprint.words.at(-1)!.y2).toBeGreaterThan(258);
      expect(imprint.words.at(-1)!.y2).toBeLessThan(262);
      expect(lines.find((l) => l.text === '（此件主动公开）')!.y).toBeLessThan(200);
      const rules = rulesOf(path.join(dir, 'notice-short.pdf'), 1, dir);
      expect(rules).toHaveLength(2);
      expect(rules[1]).toBeGreaterThan(261.3);
      expect(rules[1]).toBeLessThan(262.5);
      expect(rules[1] - rules[0]).toBeGreaterThan(9);
      expect(rules[1] - rules[0]).toBeLessThan(11.5);

      // The 附注 takes page 2's last line: the 版记 goes to page 3's foot, and no page is empty.
      const full = pages['notice-full.docx'];
      expect(full).toHaveLength(3);
      expect(linesOf(full[1]).some((l) => l.text === '（此件主动公开）')).toBe(true);
      const last = linesOf(full[2]).filter((l) => l.y < 262);
      expect(last.map((l) => l.text)).toEqual(['某县科学技术局办公室2026年3月5日印发']);
      expect(last[0].words[0].y2).toBeGreaterThan(258);
      const fullRules = rulesOf(path.join(dir, 'notice-full.pdf'), 3, dir);
      expect(fullRules.at(-1)).toBeGreaterThan(261.3);
      expect(fullRules.at(-1)).toBeLessThan(262.5);

      // After the landscape 附件 the 版记 has a portrait page of its own, at its foot.
      const planPages = pages['plan.docx'];
      const lastPlan = planPages.at(-1)!;
      expect(isLandscape(lastPlan)).toBe(false);
      expect(
        linesOf(lastPlan)
          .filter((l) => l.y < 262)
          .map((l) => l.text),
      ).toEqual(['某县科学技术局办公室2026年3月5日印发']);
      const planRules = rulesOf(path.join(dir, 'plan.pdf'), planPages.length, dir);
      expect(planRules.at(-1)).toBeGreaterThan(261.3);
      expect(planRules.at(-1)).toBeLessThan(262.5);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
