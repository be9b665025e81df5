import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  buildLedgerXlsx,
  buildPlanDocx,
  buildTaskTableDocx,
  buildTaskTableXlsx,
  PLAN_ATTACHMENT_COLUMNS,
  TASK_TABLE_COLUMNS,
} from '../../../main/export/plan/plan-exports';
import { paragraphsWith, readDocx, runsOf, sections } from './read-docx';
import { sampleLedger, samplePlan } from './sample-plan';

async function sheetOf(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb.worksheets[0];
}

describe('plan exports', () => {
  it('实施方案 .docx: sections as 一、 headings, tasks as （一） run-ins, closing sections, signature, landscape 附件 table', async () => {
    const plan = samplePlan(8);
    const x = await readDocx(await buildPlanDocx(plan));
    expect(runsOf(paragraphsWith(x.document, '一、加强重点领域信息公开')[0])[0].eastAsia).toBe('黑体');
    const task = paragraphsWith(x.document, '（一）推进科技项目信息公开。')[0];
    expect(runsOf(task).map((r) => r.eastAsia)).toEqual(['楷体_GB2312', '仿宋_GB2312']);
    expect(runsOf(task)[1].text).toContain('（牵头科室：高新技术科；配合科室：各科室；完成时限：');
    expect(paragraphsWith(x.document, '五、组织保障')).toHaveLength(1);
    expect(paragraphsWith(x.document, '六、监督检查')).toHaveLength(1);
    expect(paragraphsWith(x.document, '附件：重点任务分解表')).toHaveLength(1);
    expect(paragraphsWith(x.document, '2026年3月5日')).toHaveLength(1);
    const [, attachment] = sections(x.document);
    expect(attachment).toContain('w:orient="landscape"');
    const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(x.document)![0];
    // The attached 分解表 is the plan's: no 进展情况 or 状态 columns.
    expect([...tbl.matchAll(/<w:gridCol /g)]).toHaveLength(PLAN_ATTACHMENT_COLUMNS.length);
    expect(tbl).not.toContain('进展情况');
    expect(tbl).not.toContain('>状态<');
    expect(tbl).toContain('<w:tblW w:type="dxa" w:w="12756"/>');
    // 8 tasks in 4 sections: header + 4 section rows + 8 task rows.
    expect([...tbl.matchAll(/<w:tr>/g)]).toHaveLength(13);
  });

  it('重点任务分解表 .docx is one landscape section with the table', async () => {
    const x = await readDocx(await buildTaskTableDocx(samplePlan(8)));
    const s = sections(x.document);
    expect(s).toHaveLength(1);
    expect(s[0]).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    // The unit in the title (broken at a meaningful point), and the 填报单位/填报日期 line.
    const text = x.document.replace(/<[^>]+>/g, '');
    expect(text).toContain('2026年某县科学技术局政务公开重点任务分解表');
    expect(paragraphsWith(x.document, '填报单位：某县科学技术局（盖章）')).toHaveLength(1);
    expect(paragraphsWith(x.document, '填报日期：2026年12月7日')).toHaveLength(1);
    expect([...x.document.matchAll(/<w:gridCol /g)]).toHaveLength(TASK_TABLE_COLUMNS.length);
  });

  it('Word parts for WPS and Word: fonts declared with fallbacks, CJK runs marked zh-CN, 版头/落款/附注/版记 as asked', async () => {
    const buf = await buildPlanDocx({
      ...samplePlan(4),
      issue: { head: true, sealed: true, note: '此件主动公开', imprintIssuer: '某县科学技术局办公室' },
    });
    const x = await readDocx(buf);
    const zip = await (await import('jszip')).default.loadAsync(buf);
    const fonts = await zip.file('word/fontTable.xml')!.async('string');
    for (const [name, alt] of [
      ['仿宋_GB2312', '仿宋'],
      ['楷体_GB2312', '楷体'],
      ['方正小标宋简体', '宋体'],
    ]) {
      expect(fonts).toMatch(
        new RegExp(`<w:font w:name="${name}"><w:altName w:val="${alt}"/>.*?<w:charset w:val="86"/>`),
      );
    }
    expect(fonts).toContain('<w:font w:name="黑体">');
    const runs = [...x.document.matchAll(/<w:rPr>(.*?)<\/w:rPr>/g)]
      .map((m) => m[1])
      .filter((r) => r.includes('w:eastAsia="仿宋_GB2312"'));
    expect(runs.length).toBeGreaterThan(10);
    expect(runs.every((r) => r.includes('w:hint="eastAsia"') && r.includes('w:eastAsia="zh-CN"'))).toBe(true);
    // 版头: the 发文机关标志 in red, the 发文字号 under it on the line with the red rule, before the title.
    const text = x.document.replace(/<[^>]+>/g, '');
    expect(text.indexOf('某县科学技术局文件')).toBeLessThan(text.indexOf('县科技局发〔2026〕3号'));
    expect(text.indexOf('县科技局发〔2026〕3号')).toBeLessThan(text.indexOf('政务公开工作实施方案'));
    expect(paragraphsWith(x.document, '县科技局发〔2026〕3号')[0]).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
    // Sealed 落款: the date four characters from the right (4 × 315 twips), 附注 after it, 版记 last.
    expect(paragraphsWith(x.document, '2026年3月5日')[0]).toContain('<w:ind w:right="1260"/>');
    expect(text.indexOf('（此件主动公开）')).toBeGreaterThan(text.indexOf('2026年3月5日'));
    expect(text.lastIndexOf('2026年3月5日印发')).toBeGreaterThan(text.indexOf('重点任务分解表'));
  });

  it('重点任务分解表 .xlsx: the columns, a merged row per section, landscape A4 with print titles', async () => {
    const plan = samplePlan(8);
    const ws = await sheetOf(await buildTaskTableXlsx(plan));
    expect(ws.name).toBe('重点任务分解表');
    // Under the title: the unit to seal and the day the 进展/状态 columns stand on.
    expect(ws.getCell('A2').value).toBe(
      '填报单位：某县科学技术局（盖章）\u3000\u3000\u3000\u3000填报日期：2026年12月7日',
    );
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([
      '序号',
      '工作任务',
      '具体措施',
      '对应要点',
      '牵头科室',
      '配合科室',
      '责任人',
      '完成时限',
      '进展情况',
      '状态',
    ]);
    expect(ws.getCell('A4').value).toBe('一、加强重点领域信息公开');
    expect(ws.getCell('J4').isMerged).toBe(true);
    // 序号 a number, as the office sorts and sums it.
    expect(ws.getCell('A5').value).toBe(1);
    expect(ws.getCell('B5').value).toBe(plan.sections[0].tasks[0].title);
    expect(ws.getCell('H5').value).toBe(plan.sections[0].tasks[0].deadline);
    expect(ws.getCell('A7').value).toBe('二、深化政策解读和回应关切');
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
    });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  it('工作台账 .xlsx: one row per progress entry with evidence, task cells merged down', async () => {
    const data = sampleLedger(4);
    const ws = await sheetOf(await buildLedgerXlsx(data));
    expect(ws.getCell('A1').value).toBe('2026年政务公开工作台账');
    expect(ws.getCell('A2').value).toContain('填报日期：2026年12月7日\u3000\u3000统计期间：');
    expect(ws.getCell('A4').value).toBe('一、加强重点领域信息公开');
    // Task 1 has 2 entries (seq % 3 + 1): rows 5-6, merged in A..F.
    expect(ws.getCell('B5').value).toBe(data.tasks[0].title);
    // 进展日期 are Excel dates shown 2026年2月10日.
    expect(ws.getCell('G5').value).toEqual(new Date(Date.UTC(2026, 1, 10)));
    expect(ws.getCell('G5').numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(ws.getCell('G6').value).toEqual(new Date(Date.UTC(2026, 2, 11)));
    expect(ws.getCell('J6').value).toContain('佐证材料1.pdf');
    expect(ws.getCell('B6').isMerged).toBe(true);
    expect(ws.getCell('I5').value).toBe('30%');
    expect(ws.getCell('G5').isMerged).toBe(false);
  });
});
