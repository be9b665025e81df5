// The 自查报告 as printed (LibreOffice, measured with pdftotext -bbox): the title where GB/T 9704 puts it (centred on
// the type area, its first line at the top of the type area, 37 mm 天头), and for every body length from "ends high on
// a page" to "ends at its foot" no page holding only the 署名 and the 成文日期. Skipped, with a note, without soffice.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatChineseDate } from '../../../shared/domain/dates';
import { buildSelfcheckReportDocx, type ScoreSheetData } from '../../../main/export/selfcheck/selfcheck-exports';
import { makeTempDir } from '../../helpers/workstation';
import { canRender, linesOf, renderPages } from '../export/render-helpers';

if (!canRender) console.warn('未安装 LibreOffice（soffice）或 pdftotext，跳过自查报告的版面测量。');

const BUREAU = '某县科学技术局';
const DATE = '2026-12-16';
const sheet: ScoreSheetData = {
  bureau: BUREAU,
  year: 2026,
  title: '某县2026年政务公开考核评分细则',
  total: 58,
  maxBase: 100,
  maxBonus: 8,
  deducted: 2,
  grade: null,
  rated: 6,
  leaves: 10,
  vetoed: false,
  vetoedBy: [],
  rows: [],
  measures: new Map(),
};

describe.skipIf(!canRender)('the 自查报告 on paper', () => {
  it('title at the head of page 1; the 署名 and date never alone on a page, whatever the length', async () => {
    const dir = makeTempDir('zwgk-selfcheck-report-');
    try {
      const files: Record<string, Buffer> = {};
      // 22 lines a page: twelve lengths, one line apart, walk the end of the text across a whole page foot.
      for (let n = 0; n < 12; n++) {
        const situation = Array.from(
          { length: 8 + n },
          (_, i) => `（${i + 1}）第${i + 1}项。对照评分标准逐项核对，已评指标的得分与扣分均有记录可查。`,
        ).join('\n');
        files[`report-${n}.docx`] = await buildSelfcheckReportDocx({
          bureau: BUREAU,
          year: 2026,
          date: DATE,
          sections: {
            intro: '按照县政务公开办的要求，我局对照考核评分细则开展了自查。现将自查情况报告如下。',
            situation,
            problems: '1.工作任务落实：逾期任务2项（扣2分）。',
            measures: '1.针对“工作任务落实”问题：逐项督办，限期完成。',
            next: '（一）持续加强学习。组织工作人员学习条例。',
          },
          sheet,
        });
      }
      const rendered = renderPages(dir, files);
      const date = formatChineseDate(DATE);
      let alone = 0;
      let signatureNotLast = 0;
      for (const [name, pages] of Object.entries(rendered)) {
        const portrait = pages.filter((p) => p.every((w) => w.x2 < 211));
        // The title: the first line of page 1, 2号 centred on the 156 mm type area (28 … 184 mm), at its top.
        const title = linesOf(portrait[0])[0];
        expect(title.text, name).toBe(BUREAU);
        const centre = (title.words[0].x1 + title.words.at(-1)!.x2) / 2;
        expect(Math.abs(centre - 106), name).toBeLessThan(2);
        expect(title.y, name).toBeGreaterThan(37);
        expect(title.y, name).toBeLessThan(46);
        // The page with the 成文日期 holds more than the 署名, the date and the page number.
        const withDate = portrait.filter((p) => linesOf(p).some((l) => l.text === date));
        expect(withDate, name).toHaveLength(1);
        const others = linesOf(withDate[0]).filter(
          (l) => l.text !== BUREAU && l.text !== date && !/^—\d+—$/.test(l.text),
        );
        if (others.length === 0) alone++;
        if (withDate[0] !== portrait.at(-1)) signatureNotLast++;
      }
      expect(alone).toBe(0);
      expect(signatureNotLast).toBe(0);
    } finally {
      if (!process.env.KEEP_RENDER) fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
