import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parsePointsFile } from '../../../main/import/points';
import type { ParsedPoints } from '../../../shared/domain/points';
import { scoreItems } from './score';
import { breakItems, hardWrap } from './neighbours';
import { buildDocx, buildXlsx, readSample, SAMPLE_NAMES, type SampleDoc } from './variants';

// Every sample in test/fixtures/samples with an expected.json must come out exactly as expected, from the text file
// and from the same document as .docx (typed / automatic numbering / in a table) and as an .xlsx 分工表.

const docNumbers: Record<string, string> = { 'work-points-province-2020': '黔府办发〔2020〕12号' };

async function fromText(name: string): Promise<ParsedPoints> {
  return parsePointsFile(`${name}.txt`, readSample(name).text);
}

function asDoc(name: string, parsed: ParsedPoints): SampleDoc {
  return {
    title: parsed.title.length > 8 ? parsed.title : '2020年全省政务公开工作要点',
    docNumber: docNumbers[name] ?? null,
    items: parsed.items,
  };
}

describe.each(SAMPLE_NAMES)('样例 %s', (name) => {
  const { expected } = readSample(name);

  it('从 .txt 读出的条目与 expected.json 完全一致', async () => {
    const parsed = await fromText(name);
    expect(scoreItems(parsed.items, expected)).toEqual([]);
    expect(parsed.year).toBe(expected.year);
  });

  it('GBK 编码和带 BOM 的 UTF-8 副本读出同样结果', async () => {
    const utf8 = await fromText(name);
    const text = readSample(name).text.toString('utf8');
    const gbk = await parsePointsFile(`${name}-gbk.txt`, iconv.encode(text, 'gbk'));
    const bom = await parsePointsFile(
      `${name}-bom.txt`,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    );
    expect(gbk.items).toEqual(utf8.items);
    expect(bom.items).toEqual(utf8.items);
  });

  it.each(['typed', 'auto', 'table'] as const)('做成 .docx（%s）后读出同样结果', async (mode) => {
    const doc = asDoc(name, await fromText(name));
    const parsed = await parsePointsFile(`${name}.docx`, await buildDocx(doc, mode));
    expect(scoreItems(parsed.items, expected)).toEqual([]);
    expect(parsed.sourceKind).toBe('docx');
    expect(parsed.title).toBe(doc.title);
    expect(parsed.docNumber).toBe(doc.docNumber);
    expect(parsed.year).toBe(expected.year);
    // The signature and date after the items are the document's, not part of its last item.
    expect(parsed.issuer).toBe('某某人民政府办公室');
    expect(parsed.issuedDate).toBe('2020-06-05');
    expect(parsed.items.at(-1)!.text).not.toMatch(/某某人民政府办公室|2020年6月5日/);
  });

  it('做成 .xlsx 分工表后读出同样结果', async () => {
    const doc = asDoc(name, await fromText(name));
    const parsed = await parsePointsFile(`${name}.xlsx`, await buildXlsx(doc));
    expect(scoreItems(parsed.items, expected)).toEqual([]);
    expect(parsed.sourceKind).toBe('xlsx');
  });
});

describe.each(SAMPLE_NAMES)('样例 %s 的行中断行', (name) => {
  const text = () => readSample(name).text.toString('utf8');
  // Copied from a PDF (28 characters a line in a 公文) or a narrow web page: every line hard-wrapped at one width.
  it.each([17, 18, 19, 20, 23, 28, 31, 45])('每行 %i 字硬换行：读出同样结果，正文里没有换行', async (width) => {
    const { expected } = readSample(name);
    const parsed = await parsePointsFile(`${name}.txt`, Buffer.from(hardWrap(text(), width)));
    expect(scoreItems(parsed.items, expected)).toEqual([]);
    // Not only the scored fields: the texts and titles are whole again, without the line breaks.
    expect(parsed.items).toEqual((await fromText(name)).items);
  });
  it('每条在不规则的位置断一次行（网页的 <br>）', async () => {
    const broken = breakItems(text(), (c, k) => 8 + ((k * 37) % Math.max(1, c.length - 16)));
    expect(broken).not.toBe(text());
    const parsed = await parsePointsFile(`${name}.txt`, Buffer.from(broken));
    expect(parsed.items).toEqual((await fromText(name)).items);
  });
  it('责任单位说明中间断行', async () => {
    const broken = text().replace(/([（(])责任单位/g, '$1责任\n单位');
    const parsed = await parsePointsFile(`${name}.txt`, Buffer.from(broken));
    expect(parsed.items).toEqual((await fromText(name)).items);
  });
});

describe.each(SAMPLE_NAMES)('样例 %s：编号后是空格', (name) => {
  it('“1 ”“一 ”读出同样的条目（各部分连续编号时也一样）', async () => {
    const text = readSample(name).text.toString('utf8');
    const changed = text.replace(/^(\d+)[.．、]/gm, '$1 ').replace(/^([一二三四五六七八九十]+)、/gm, '$1 ');
    const parsed = await parsePointsFile(`${name}.txt`, Buffer.from(changed));
    expect(parsed.items).toEqual((await fromText(name)).items);
  });
});

describe.each(SAMPLE_NAMES)('样例 %s：责任单位另起一行', (name) => {
  it('读出同样结果，说明不留在正文里', async () => {
    const text = readSample(name).text.toString('utf8');
    const changed = text.replace(/[（(]责任单位[:：]([^)）]*)[)）]/g, '\n责任单位：$1');
    const parsed = await parsePointsFile(`${name}.txt`, Buffer.from(changed));
    expect(parsed.items).toEqual((await fromText(name)).items);
  });
});
