// Printed pages of the 公文 builder measured in LibreOffice's rendering (the witness for how Word and WPS lay out the
// same .docx):
// - 版头 (GB/T 9704 §7.2): the 发文机关标志's top edge 35 mm below the type area's top (37 + 35 = 72 mm from the
//   page's top), the red separator line 4 mm below the 发文字号 and as wide as the type area (28–184 mm), read off
//   the drawing (pdftoppm) within ±1 mm;
// - the 署名 and 成文日期 never stand alone: documents whose body ends at every line near a page's foot, and the
//   example year's 总结, 年报, 自查报告 and the other signed documents, all have body text on the page that holds the
//   署名 and date.
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGongwenDocx, type GongwenBlock } from '../../../main/export/gongwen/document';
import { loadDemo } from '../../../main/services/demo';
import { makeTempDir, openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { canRender, inkBands, linesOf, renderPages, type Word } from './render-helpers';
import { areaServices } from '../../../main/areas';

if (!canRender) console.warn('未安装 LibreOffice（soffice）或 pdftotext，跳过版头与落款排版测试。');

/** The type area's top edge: 天头 37 mm. */
const TYPE_TOP = 37;
const CHINESE_DATE = /^\d{4}年\d{1,2}月\d{1,2}日$/;

/** The 版头 measured on a page: the mark's top edge, the rule (middle, ends) and the 发文字号's foot above the rule. */
function headOf(pdf: string) {
  const { red, dark } = inkBands(pdf, 1);
  const rule = red.find((b) => b.bottom - b.top < 1.5 && b.right - b.left > 150);
  const mark = red[0];
  expect(rule, '红色分隔线').toBeDefined();
  expect(mark.top).toBeLessThan(rule!.top);
  const number = dark.filter((b) => b.bottom <= rule!.top && b.top > mark.bottom).at(-1);
  return {
    markTop: mark.top,
    rule: { middle: (rule!.top + rule!.bottom) / 2, left: rule!.left, right: rule!.right },
    numberFoot: number?.bottom ?? null,
  };
}

/**
 * Where the 落款 is: the page and line of the 署名 (`org`) with the 成文日期 on the line after it, and the lines above
 * it on that page that are body text (not the 附件说明 between the body and the 落款, not the page number).
 */
function signatureOf(pages: Word[][], org: string) {
  for (let p = 0; p < pages.length; p++) {
    const lines = linesOf(pages[p]).filter((l) => l.y < 262);
    const i = lines.findIndex(
      (l, k) => l.text === org && CHINESE_DATE.test(lines[k + 1]?.text ?? '') && lines[k + 1].y - l.y < 12,
    );
    if (i < 0) continue;
    const above = lines.slice(0, i);
    const notes = above.findIndex((l) => l.text.startsWith('附件：'));
    const body = notes < 0 ? above : above.slice(0, notes);
    return { page: p, body: body.map((l) => l.text), linesBefore: p > 0 ? linesOf(pages[p - 1]) : [] };
  }
  return null;
}

describe.skipIf(!canRender)('版头 and 落款 in LibreOffice rendering', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir('zwgk-render-gongwen-');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('版头: the 发文机关标志 35 mm below the type area, the red line 4 mm below the 发文字号, as wide as the type area', async () => {
    const body: GongwenBlock[] = [{ kind: 'paragraph', text: '为做好2026年政务公开工作，现将有关事项通知如下。' }];
    const files = {
      'head-short.docx': await buildGongwenDocx({
        title: '关于做好2026年政务公开工作的通知',
        orgMark: '某县科学技术局文件',
        docNumber: '县科技局发〔2026〕3号',
        body,
        signature: { org: '某县科学技术局', date: '2026-12-16' },
      }),
      // Too long for 小初 on one line: set in 一号, the same measures.
      'head-long.docx': await buildGongwenDocx({
        title: '关于做好2026年政务公开工作的通知',
        orgMark: '某县科学技术局政务公开工作领导小组文件',
        docNumber: '县科技局公开组〔2026〕12号',
        body,
        signature: { org: '某县科学技术局', date: '2026-12-16', sealed: true },
      }),
    };
    const pages = renderPages(dir, files);
    for (const name of Object.keys(files)) {
      const h = headOf(path.join(dir, name.replace('.docx', '.pdf')));
      expect(Math.abs(h.markTop - (TYPE_TOP + 35)), `${name} 发文机关标志上边缘 ${h.markTop} mm`).toBeLessThanOrEqual(
        1,
      );
      expect(h.numberFoot, `${name} 发文字号`).not.toBeNull();
      expect(Math.abs(h.rule.middle - h.numberFoot! - 4), `${name} 分隔线距发文字号`).toBeLessThanOrEqual(1);
      expect(Math.abs(h.rule.left - 28)).toBeLessThanOrEqual(1);
      expect(Math.abs(h.rule.right - 184)).toBeLessThanOrEqual(1);
      // The text under the drawing: the 发文字号 between the mark and the rule, the title below the rule.
      const lines = linesOf(pages[name][0]);
      const number = lines.find((l) => l.text.includes('〔2026〕'))!;
      expect(number.y).toBeGreaterThan(h.markTop);
      expect(number.y).toBeLessThan(h.rule.middle);
      expect(lines.find((l) => l.text.startsWith('关于做好'))!.y).toBeGreaterThan(h.rule.middle);
    }
  }, 180_000);

  it('落款: a body ending at any line near the page foot takes its last lines over to the 署名 and 成文日期', async () => {
    const kinds: Record<string, { sealed?: boolean; note?: string; attachments?: number }> = {
      plain: {},
      sealed: { sealed: true, note: '此件主动公开' },
      attached: { note: '此件主动公开', attachments: 2 },
    };
    const files: Record<string, Buffer> = {};
    // 1-line paragraphs before a last paragraph of 1 or 3 lines: the sweep puts the end of the body on every line
    // from well above the page foot to past it.
    for (const [kind, opts] of Object.entries(kinds))
      for (const last of [1, 3])
        for (let n = 11; n <= 21; n++) {
          const text =
            `最后一段${'按照上级要求认真落实政务公开各项工作任务'.repeat(last * 2)}`.slice(0, last * 28 - 4) + '。';
          const body: GongwenBlock[] = [
            ...Array.from({ length: n }, (_, i) => ({ kind: 'paragraph' as const, text: `第${i + 1}项工作已完成。` })),
            { kind: 'paragraph', text },
          ];
          files[`${kind}-${last}-${n}.docx`] = await buildGongwenDocx({
            title: '关于政务公开工作情况的报告',
            body,
            signature: { org: '某县科学技术局', date: '2026-12-16', sealed: opts.sealed },
            note: opts.note,
            attachments: Array.from({ length: opts.attachments ?? 0 }, (_, i) => ({
              label: `附件${i + 1}`,
              title: `附表${i + 1}`,
              blocks: [{ kind: 'paragraph' as const, text: '（略）' }],
            })),
          });
        }
    const rendered = renderPages(dir, files);
    const carried = new Set<string>();
    for (const [name, pages] of Object.entries(rendered)) {
      const s = signatureOf(pages, '某县科学技术局');
      expect(s, `${name}: 署名和成文日期`).not.toBeNull();
      expect(s!.body.length, `${name}: 第${s!.page + 1}页只有落款`).toBeGreaterThan(0);
      // The 落款 went over to page 2: the body's end came with it.
      if (s!.page > 0) {
        expect(
          s!.body.some((t) => t.startsWith('最后一段')),
          name,
        ).toBe(true);
        carried.add(name.replace(/-\d+\.docx$/, ''));
      }
    }
    // Each kind and length reached the boundary (else the sweep proves nothing).
    expect([...carried].sort()).toEqual(
      Object.keys(kinds)
        .flatMap((k) => [`${k}-1`, `${k}-3`])
        .sort(),
    );
  }, 240_000);
});

describe.skipIf(!canRender)('the example year rendered: 落款 and 版头', () => {
  let t: TestWorkstation;
  let dir: string;
  beforeAll(async () => {
    t = await openTestWorkstation({ year: 2026, now: () => new Date('2026-12-16T10:00:00') });
    await loadDemo(t.ws.context());
    dir = makeTempDir('zwgk-render-example-');
  });
  afterAll(() => {
    t?.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('总结, 年报, 自查报告 and every other signed document: body text on the page of the 署名 and date', async () => {
    const exporters = await areaServices.exporters();
    const ctx = t.ws.context();
    const bureau = (await ctx.db.selectFrom('bureau').select('full_name').executeTakeFirstOrThrow()).full_name;
    const answered = await ctx.db.selectFrom('request').select('id').where('answered_date', 'is not', null).execute();
    const files: Record<string, Buffer> = {};
    for (const kind of [
      'summary-docx',
      'summary-half-docx',
      'annual-report-docx',
      'selfcheck-docx',
      'rectification-docx',
      'plan-docx',
      'ab-docx',
    ])
      files[`${kind}.docx`] = (await exporters[kind].build(ctx, { year: 2026 })).data;
    for (const { id } of answered)
      files[`answer-${id}.docx`] = (await exporters['request-answer-docx'].build(ctx, { year: 2026, id })).data;
    const plan = await ctx.db.selectFrom('plan').select('signature_org').where('year', '=', 2026).executeTakeFirst();
    const rendered = renderPages(dir, files);
    for (const [name, pages] of Object.entries(rendered)) {
      const org = name === 'plan-docx.docx' && plan?.signature_org ? plan.signature_org : bureau;
      const s = signatureOf(pages, org);
      expect(s, `${name}: 署名和成文日期`).not.toBeNull();
      expect(s!.body.length, `${name}: 第${s!.page + 1}页只有落款`).toBeGreaterThan(0);
    }
    // The reports carry no 版头: their title stands on the type area's first line (one 10.2 mm line), nothing red.
    for (const name of ['summary-docx.docx', 'annual-report-docx.docx', 'selfcheck-docx.docx']) {
      expect(inkBands(path.join(dir, name.replace('.docx', '.pdf')), 1).red, name).toHaveLength(0);
      expect(linesOf(rendered[name][0])[0].y).toBeLessThan(TYPE_TOP + 10.2);
    }
    // The 实施方案 is issued with its 版头: measured as above.
    const h = headOf(path.join(dir, 'plan-docx.pdf'));
    expect(Math.abs(h.markTop - (TYPE_TOP + 35))).toBeLessThanOrEqual(1);
    expect(Math.abs(h.rule.middle - h.numberFoot! - 4)).toBeLessThanOrEqual(1);
  }, 240_000);
});
