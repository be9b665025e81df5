import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildGongwenDocx, columnWidths } from '../../../main/export/gongwen/document';
import { chineseDatesIn, formatChineseDate, textWidthInChars } from '../../../main/export/gongwen/format';
import { cachePageFields } from '../../../main/export/gongwen/postprocess';
import { addTableSheet, estimateRowHeight, newWorkbook, workbookToBuffer } from '../../../main/export/xlsx/sheet';
import { paragraphsWith, readDocx, runsOf, sections } from './read-docx';

const doc = () =>
  buildGongwenDocx({
    title: '2026年县科技局政务公开工作实施方案',
    docNumber: '县科技局发〔2026〕3号',
    body: [
      { kind: 'paragraph', text: '为做好2026年政务公开工作，制定本方案。' },
      { kind: 'heading', level: 1, text: '一、总体要求' },
      { kind: 'heading', level: 2, text: '（一）加强政策解读。', body: '围绕重要政策开展解读。' },
      { kind: 'heading', level: 3, text: '1.做好解读' },
      { kind: 'heading', level: 4, text: '（1）同步解读' },
    ],
    signature: { org: '某县科学技术局', date: '2024-03-05' },
    attachments: [
      {
        label: '附件',
        title: '重点任务分解表',
        landscape: true,
        blocks: [
          {
            kind: 'table',
            columns: [
              { header: '序号', weight: 1 },
              { header: '工作任务', weight: 3 },
              { header: '完成时限', weight: 2 },
            ],
            rows: [{ section: '一、加强公开' }, { cells: ['1', '公开项目', '年底前'] }],
          },
        ],
      },
    ],
  });

describe('公文 .docx (GB/T 9704)', () => {
  it('has A4 pages, the standard margins and a 22-line grid; the attachment is a landscape section', async () => {
    const x = await readDocx(await doc());
    const [body, attachment] = sections(x.document);
    expect(body).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(body).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(body).toContain('w:linePitch="579"');
    expect(attachment).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(attachment).toContain('<w:type w:val="nextPage"/>');
    // Body lines are exactly 579 twips.
    expect(paragraphsWith(x.document, '为做好2026年')[0]).toContain('w:line="579" w:lineRule="exact"');
  });

  it('sets fonts per element: title 2号小标宋, body 3号仿宋 with a two-character indent, headings 黑体/楷体/仿宋', async () => {
    const x = await readDocx(await doc());
    const title = runsOf(paragraphsWith(x.document, '实施方案')[0]);
    expect(title[0]).toMatchObject({ eastAsia: '方正小标宋简体', size: '44' });
    expect(paragraphsWith(x.document, '实施方案')[0]).toContain('<w:jc w:val="center"/>');
    const body = paragraphsWith(x.document, '为做好2026年')[0];
    expect(runsOf(body)[0]).toMatchObject({ eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', size: '32' });
    expect(body).toMatch(/w:firstLineChars="200"/);
    expect(runsOf(paragraphsWith(x.document, '一、总体要求')[0])[0].eastAsia).toBe('黑体');
    const h2 = runsOf(paragraphsWith(x.document, '（一）加强政策解读')[0]);
    expect(h2.map((r) => r.eastAsia)).toEqual(['楷体_GB2312', '仿宋_GB2312']);
    expect(runsOf(paragraphsWith(x.document, '1.做好解读')[0])[0].eastAsia).toBe('仿宋_GB2312');
    expect(runsOf(paragraphsWith(x.document, '（1）同步解读')[0])[0].eastAsia).toBe('仿宋_GB2312');
    // Every run that carries text names its East Asian font.
    for (const m of x.document.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)) {
      if (/<w:t[ >]/.test(m[1])) expect(m[1]).toMatch(/w:eastAsia="[^"]+"/);
    }
    expect(x.styles).toMatch(/<w:docDefaults>[\s\S]*w:eastAsia="仿宋_GB2312"[\s\S]*<w:sz w:val="32"\/>/);
  });

  it('prints the signature and 成文日期 without leading zeros, the date two characters right of the signature', async () => {
    const x = await readDocx(await doc());
    expect(paragraphsWith(x.document, '2024年3月5日')).toHaveLength(1);
    expect(x.document).not.toContain('2024年03月05日');
    const sig = paragraphsWith(x.document, '某县科学技术局')[0];
    const date = paragraphsWith(x.document, '2024年3月5日')[0];
    const right = (p: string) => Number(/<w:ind w:right="(\d+)"/.exec(p)![1]);
    expect(sig).toContain('<w:jc w:val="right"/>');
    // Signature 7 characters, date about 7: the date sits two characters from the right and pushes the signature left.
    expect(right(date)).toBe(630);
    expect(right(sig)).toBeGreaterThan(right(date));
    expect(formatChineseDate('2026-10-01')).toBe('2026年10月1日');
    expect(textWidthInChars('某县科学技术局')).toBe(7);
  });

  it('numbers pages "— n —" in 4号宋体 with PAGE fields that carry a cached result; odd right, even left', async () => {
    const x = await readDocx(await doc());
    expect(x.settings).toContain('<w:evenAndOddHeaders/>');
    const body = sections(x.document)[0];
    const rid = (type: string) => new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"/>`).exec(body)![1];
    const target = (id: string) => `word/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(x.rels)![1]}`;
    const odd = x.footers[target(rid('default'))];
    const even = x.footers[target(rid('even'))];
    for (const [f, cached, jc] of [
      [odd, '1', 'right'],
      [even, '2', 'left'],
    ] as const) {
      expect(f).toContain(`<w:jc w:val="${jc}"/>`);
      expect(f).toMatch(
        new RegExp(
          `<w:instrText xml:space="preserve">PAGE</w:instrText>[\\s\\S]*fldCharType="separate"/></w:r><w:r>.*?<w:t>${cached}</w:t></w:r><w:r>.*?fldCharType="end"`,
        ),
      );
      expect(f).toContain('— ');
      expect(f).toMatch(/w:eastAsia="宋体"[\s\S]*<w:sz w:val="28"\/>/);
    }
    expect(cachePageFields(odd, '9')).toBe(odd); // already cached: left alone
  });

  it("numbers landscape pages in a turned text box on the page's left edge (§8); margins turned with the paper", async () => {
    const x = await readDocx(await doc());
    const attachment = sections(x.document)[1];
    // Landscape: top the 订口 28 mm, bottom the 切口 26 mm, left the portrait foot 35 mm, right the 天头 37 mm.
    expect(attachment).toMatch(/<w:pgMar w:top="1587" w:right="2098" w:bottom="1474" w:left="1984"/);
    const rid = (type: string) =>
      new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"/>`).exec(attachment)![1];
    const target = (id: string) => `word/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(x.rels)![1]}`;
    const mm = (emu: string) => Number(emu) / 36000;
    for (const [type, cached, jc] of [
      ['default', '1', 'right'],
      ['even', '2', 'left'],
    ] as const) {
      const f = x.footers[target(rid(type))];
      expect(f).toContain('<wps:bodyPr rot="0" vert="vert"');
      expect(f).toContain('<wp:positionH relativeFrom="page">');
      expect(f).toMatch(new RegExp(`<w:jc w:val="${jc}"/>`));
      expect(f).toMatch(
        new RegExp(`PAGE </w:instrText>[\\s\\S]*fldCharType="separate"/></w:r><w:r>.*?<w:t>${cached}</w:t>`),
      );
      // The box is centred 28 mm (+ LibreOffice's measured 0.6 mm) from the left edge, 10 mm wide.
      const left = mm(/<wp:positionH relativeFrom="page"><wp:posOffset>(\d+)</.exec(f)![1]);
      expect(left + 5).toBeCloseTo(28.6, 1);
      const top = mm(/<wp:positionV relativeFrom="page"><wp:posOffset>(\d+)</.exec(f)![1]);
      const length = mm(/<wp:extent cx="\d+" cy="(\d+)"/.exec(f)![1]);
      // Odd pages end 26 mm + one 4号 character above the foot; even pages start 28 mm + one character down.
      if (type === 'default') expect(top + length).toBeCloseTo(210 - 26 - (14 * 25.4) / 72, 1);
      else expect(top).toBeCloseTo(28 + (14 * 25.4) / 72, 1);
      expect(f).not.toContain('⟦');
    }
  });

  it('sets the 版记 as a frame at the foot of the type area, ruled 0.35 mm above and below', async () => {
    const x = await readDocx(
      await buildGongwenDocx({
        title: '关于做好政务公开工作的通知',
        body: [{ kind: 'paragraph', text: '请认真做好。' }],
        signature: { org: '某县科学技术局', date: '2026-03-05' },
        imprint: { issuer: '某县科学技术局办公室', date: '2026-03-05' },
      }),
    );
    const p = paragraphsWith(x.document, '2026年3月5日印发')[0];
    expect(p).toContain(
      '<w:framePr w:w="8845" w:wrap="around" w:vAnchor="margin" w:hAnchor="margin" w:xAlign="center" w:yAlign="bottom"/>',
    );
    expect(p).toMatch(
      /<w:top w:val="single" w:color="000000" w:sz="8"[^>]*\/><w:bottom w:val="single" w:color="000000" w:sz="8"/,
    );
    expect(
      runsOf(p)
        .map((r) => r.text)
        .join(''),
    ).toBe('某县科学技术局办公室2026年3月5日印发');
    expect(runsOf(p)[1]).toMatchObject({ eastAsia: '仿宋_GB2312', size: '28' });
    // One section: no page of its own without a landscape 附件.
    expect(sections(x.document)).toHaveLength(1);
  });

  it('rewrites the theme fonts away from Office defaults', async () => {
    const x = await readDocx(await doc());
    expect(x.theme).not.toMatch(/Calibri|等线|DengXian/);
    expect(x.theme).toMatch(/<a:minorFont><a:latin typeface="Times New Roman"\/><a:ea typeface="仿宋_GB2312"\/>/);
    expect(x.theme).toMatch(/<a:majorFont><a:latin typeface="Times New Roman"\/><a:ea typeface="黑体"\/>/);
  });

  it('writes tables with fixed layout and explicit widths on tblW, every gridCol and tcW; header repeats', async () => {
    const x = await readDocx(await doc());
    const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(x.document)![0];
    const widths = columnWidths([1, 3, 2], 12756);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(12756);
    expect(tbl).toContain('<w:tblW w:type="dxa" w:w="12756"/>');
    expect(tbl).toContain('<w:tblLayout w:type="fixed"/>');
    expect([...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))).toEqual(widths);
    const tcW = [...tbl.matchAll(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(tcW).toEqual([...widths, 12756, ...widths]); // header, merged section row, data row
    expect(tbl).toContain('<w:gridSpan w:val="3"/>');
    expect(tbl).toContain('<w:tblHeader/>');
    // No row (header, section or data) breaks across a page.
    const rows = [...tbl.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows.length).toBe(3);
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    // The landscape attachment has no line grid, so its table keeps its own line height.
    expect(sections(x.document)[1]).toContain('<w:docGrid w:type="default"');
    // A table in a portrait (gridded) section: its paragraphs leave the grid.
    const portrait = await readDocx(
      await buildGongwenDocx({
        title: '表',
        body: [{ kind: 'table', columns: [{ header: 'A', weight: 1 }], rows: [{ cells: ['1'] }] }],
      }),
    );
    expect(/<w:tbl>[\s\S]*?<\/w:tbl>/.exec(portrait.document)![0]).toContain('<w:pPr><w:snapToGrid w:val="0"/>');
    expect(/<w:tbl>[\s\S]*?<\/w:tbl>/.exec(x.document)![0]).not.toContain('snapToGrid');
    // 附件 label in 3号黑体 on the attachment's first line.
    expect(runsOf(paragraphsWith(x.document, '附件')[1])[0]).toMatchObject({
      text: '附件',
      eastAsia: '黑体',
      size: '32',
    });
  });
});

describe('print-ready .xlsx sheets', () => {
  it('sets A4, orientation, one page wide, repeated and frozen header, borders, wrapping and row heights', async () => {
    const wb = newWorkbook();
    addTableSheet(wb, {
      sheetName: '表',
      title: '标题',
      subtitle: '某县科学技术局',
      columns: [
        { header: '序号', weight: 1, align: 'center' },
        { header: '内容', weight: 6 },
        { header: '科室', weight: 2 },
        { header: 'a', weight: 1 },
        { header: 'b', weight: 1 },
        { header: 'c', weight: 1 },
        { header: 'd', weight: 1 },
      ],
      rows: [
        { section: '一、第一部分' },
        { cells: ['1', '很长的内容'.repeat(30), '办公室'] },
        { cells: ['2', '短', '办公室'] },
      ],
    });
    const buf = await workbookToBuffer(wb);
    const workbookXml = await (await JSZip.loadAsync(buf)).file('xl/workbook.xml')!.async('string');
    expect(workbookXml).toMatch(
      /<definedName name="_xlnm.Print_Titles" localSheetId="0">(&apos;)?表(&apos;)?!\$3:\$3<\/definedName>/,
    );
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const ws = back.getWorksheet('表')!;
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getCell('A1').value).toBe('标题');
    expect(ws.getCell('B3').value).toBe('内容');
    expect(ws.getCell('A4').value).toBe('一、第一部分');
    expect((ws as unknown as { _merges: Record<string, unknown> })._merges).toHaveProperty('A4');
    expect(ws.getCell('G4').isMerged).toBe(true);
    expect(ws.getCell('B5').alignment.wrapText).toBe(true);
    expect(ws.getCell('B5').border.top?.style).toBe('thin');
    expect(ws.getRow(5).height).toBeGreaterThan(ws.getRow(6).height * 3);
    const total = ws.columns.reduce((a, c) => a + (c.width ?? 0), 0);
    expect(total).toBeGreaterThan(120);
    expect(total).toBeLessThan(150);
  });

  it('estimates wrapped row heights from CJK width', () => {
    expect(estimateRowHeight(['短'], [20])).toBe(estimateRowHeight([''], [20]));
    expect(estimateRowHeight(['字'.repeat(40)], [21])).toBeGreaterThan(estimateRowHeight(['字'.repeat(10)], [21]) * 3);
  });

  it('counts a web address as wrapping at its slashes, with the room each break leaves', () => {
    // 11 units a line: "http://" (7), "www.tanxi.gov.cn/" (17, cut once), "kjj/" … take 5 lines; as many
    // characters that may break anywhere take 4; an address goes to the next line whole when it fits there.
    const url = 'http://www.tanxi.gov.cn/kjj/zwgk/ghjh/2026/';
    const lines = (h: number) => Math.round((h - 6) / (11 * 1.4));
    expect(lines(estimateRowHeight([url], [12]))).toBe(5);
    expect(lines(estimateRowHeight(['x'.repeat(url.length)], [12]))).toBe(4);
    expect(lines(estimateRowHeight(['已公开 http://a.cn'], [12]))).toBe(2);
  });
});

describe('dates and the 落款 in the 公文 builder', () => {
  it('writes every ISO date of a text in 公文 form, and leaves addresses, file names and non-dates alone', () => {
    expect(chineseDatesIn('已于2026-11-07销号（复核人：王局长）')).toBe('已于2026年11月7日销号（复核人：王局长）');
    expect(chineseDatesIn('已完成（2026-12-06），待复核')).toBe('已完成（2026年12月6日），待复核');
    expect(chineseDatesIn('2026-01-05至2026-06-30')).toBe('2026年1月5日至2026年6月30日');
    expect(chineseDatesIn('见http://www.example.gov.cn/2026-01-05/a.html')).toBe(
      '见http://www.example.gov.cn/2026-01-05/a.html',
    );
    expect(chineseDatesIn('通知2026-01-05.pdf')).toBe('通知2026-01-05.pdf');
    expect(chineseDatesIn('编号2026-13-40')).toBe('编号2026-13-40');
    expect(chineseDatesIn('12026-01-05')).toBe('12026-01-05');
  });

  it('prints dates in paragraphs and table cells in 公文 form, and widens a date column so a date keeps one line', async () => {
    const x = await readDocx(
      await buildGongwenDocx({
        title: '整改情况',
        body: [
          { kind: 'paragraph', text: '问题已于2026-11-07销号。' },
          {
            kind: 'table',
            columns: [
              { header: '序号', weight: 2 },
              { header: '问题', weight: 30 },
              { header: '时限', weight: 4 },
            ],
            rows: [{ cells: ['1', '栏目未更新', '2026-12-26'] }],
          },
        ],
      }),
    );
    const text = x.document.replace(/<[^>]+>/g, '');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).toContain('问题已于2026年11月7日销号。');
    expect(paragraphsWith(x.document, '2026年12月26日')).toHaveLength(1);
    const widths = [...x.document.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    // 小四 (12 pt = 240 twips a character): about 7 characters and the cell's margins.
    expect(widths[2]).toBeGreaterThanOrEqual(7 * 240 + 160);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(8845);
    // The width comes from the wide 问题 column: the narrow 序号 column, no wider than its heading, gives none.
    expect(widths[0]).toBe(columnWidths([2, 30, 4], 8845)[0]);
  });

  it('keeps the body’s last paragraph, the 附件说明 and the 落款 together, however long the last paragraph is', async () => {
    const keptOf = async (last: string) => {
      const x = await readDocx(
        await buildGongwenDocx({
          title: '报告',
          body: [
            { kind: 'paragraph', text: '第一段。' },
            { kind: 'paragraph', text: last },
          ],
          signature: { org: '某县科学技术局', date: '2026-12-16' },
          note: '此件主动公开',
          attachments: [{ label: '附件', title: '附表', blocks: [{ kind: 'paragraph', text: '（略）' }] }],
        }),
      );
      const paras = [...x.document.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
      const texts = paras.map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
      const from = texts.findIndex((t) => t.startsWith('第一段'));
      const to = texts.findIndex((t) => t.startsWith('（此件主动公开）'));
      return paras.slice(from, to + 1).map((p, i) => [texts[from + i], /<w:keepNext\/>/.test(p)] as const);
    };
    expect(await keptOf('最后一段，三行左右。'.repeat(8))).toEqual([
      ['第一段。', false],
      ['最后一段，三行左右。'.repeat(8), true],
      ['', true],
      ['附件：附表', true],
      ['', true],
      ['某县科学技术局', true],
      ['2026年12月16日', true],
      ['（此件主动公开）', false],
    ]);
    // Sixteen lines and the six of the 落款 do not fit on one page: the paragraph is kept all the same, and LibreOffice
    // splits it and takes its end over with the 落款 (test/unit/summary/export.test.ts renders 22 such lengths).
    const long = await keptOf('这是很长的最后一段。'.repeat(44));
    expect(long[1][1]).toBe(true);
    expect(long.slice(2).every(([t, kept]) => kept || t.startsWith('（'))).toBe(true);
  });

  it('sets the 版头 from exact line heights: the mark’s top 35 mm below the type area, the rule 4 mm below the 发文字号', async () => {
    const x = await readDocx(
      await buildGongwenDocx({
        title: '通知',
        orgMark: '某县科学技术局文件',
        docNumber: '县科技局发〔2026〕3号',
        body: [{ kind: 'paragraph', text: '正文。' }],
      }),
    );
    const head = x.document.slice(0, x.document.indexOf('县科技局发〔2026〕3号'));
    const lines = [...head.matchAll(/<w:spacing w:before="0" w:after="0" w:line="(\d+)" w:lineRule="exact"\/>/g)].map(
      (m) => Number(m[1]),
    );
    // An empty line, the mark's line (36 pt × 1.2), then the baseline 80 % down the mark's line: the characters'
    // top edge (0.86 em above the baseline) at 35 mm = 1984 twips.
    const [above, markLine] = lines;
    expect(markLine).toBe(864);
    expect(Math.abs(above + 0.8 * markLine - 0.86 * 720 - 1984)).toBeLessThanOrEqual(1);
    expect(head).toContain('<w:snapToGrid w:val="0"/>');
    expect(paragraphsWith(x.document, '县科技局发〔2026〕3号')[0]).toMatch(
      /<w:bottom w:val="single" w:color="FF0000" w:sz="18" w:space="6"\/>/,
    );
  });
});
