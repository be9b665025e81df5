// A hostile-file corpus generated here (seeded, so every run reads the same files): random bytes, truncated and
// bit-flipped real .docx/.xlsx, zip bombs that lie about their sizes, unclosed-tag floods, huge merged ranges and
// row numbers, billion-laughs entities, wrong extensions and odd encodings. Every file goes through runParser (the
// worker every reader of a user's file runs in) and must be answered with a result or a Chinese error that is
// never INTERNAL and never the time/memory backstop (FILE_TOO_COMPLEX: the causes are gone, not only contained).
// Then the backstop itself is proven, and the web host is shown to keep answering app.status while it parses.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runParser, PARSE_LIMITS } from '../../../main/import/worker/run';
import { startWebHost, type WebHost } from '../../../main/web/server';
import { ErrorCode } from '../../../shared/ipc/errors';
import { AppError } from '../../../shared/ipc/result';
import { makeTempDir } from '../../helpers/workstation';
import { buildDocx, buildXlsx, readSample } from '../points/variants';
import {
  buildDocx as buildIndicatorsDocx,
  buildXlsx as buildTableXlsx,
  SAMPLE_HEADER,
  SAMPLE_ROWS,
} from '../selfcheck/build-files';
import { MAX_TABLE_CELLS } from '../../../main/import/selfcheck/docx';
import { buildAbXlsx } from '../../../main/export/team/ab';
import { rng } from '../../helpers/seeded';

const rand = rng(20261130);
const int = (n: number) => Math.floor(rand() * n);
const randomBytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));

async function pkg(parts: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(parts)) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
const docx = (body: string, extra: Record<string, string> = {}) =>
  pkg({
    '_rels/.rels': RELS,
    'word/document.xml': `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    ...extra,
  });

const WB =
  '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="人员" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WB_RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const inl = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
const xlsx = (sheetData: string, tail = '', extra: Record<string, string> = {}) =>
  pkg({
    'xl/workbook.xml': WB,
    'xl/_rels/workbook.xml.rels': WB_RELS,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData>${tail}</worksheet>`,
    ...extra,
  });
const STAFF_ROWS = `<row r="1">${inl('A1', '姓名')}${inl('B1', '科室')}</row><row r="2">${inl('A2', '张三')}${inl('B2', '办公室')}</row>`;

const LAUGHS = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>`;

/** A zip whose directory and local header both claim the part is 1000 bytes; it inflates to 30 MB. */
async function lyingBomb(part: string, extra: Record<string, string>): Promise<Buffer> {
  const b = await pkg({ ...extra, [part]: Buffer.alloc(30 * 1024 * 1024, 0x20) });
  let at = 0;
  for (;;) {
    const cd = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at);
    if (cd < 0) break;
    const nameLen = b.readUInt16LE(cd + 28);
    if (b.subarray(cd + 46, cd + 46 + nameLen).toString() === part) {
      b.writeUInt32LE(1000, cd + 24);
      b.writeUInt32LE(1000, b.readUInt32LE(cd + 42) + 22);
    }
    at = cd + 4;
  }
  return b;
}

const truncate = (b: Buffer) => b.subarray(0, 1 + int(b.length - 1));
function bitFlip(b: Buffer, flips: number): Buffer {
  const c = Buffer.from(b);
  for (let i = 0; i < flips; i++) c[int(c.length)] ^= 1 << int(8);
  return c;
}

interface Hostile {
  name: string;
  fileName: string;
  data: Buffer;
  staff?: boolean;
}

async function corpus(): Promise<Hostile[]> {
  const sample = readSample('work-points-province-2020');
  const sampleText = sample.text.toString('utf8');
  const sampleDoc = {
    title: '2020年全省政务公开工作要点',
    docNumber: null,
    items: (await import('../../../main/import/points')).parsePointsText(sampleText).items,
  };
  const realDocx = await buildDocx(sampleDoc, 'auto');
  const realXlsx = await buildXlsx(sampleDoc);
  const out: Hostile[] = [];
  for (const ext of ['docx', 'xlsx', 'txt', 'doc', '']) {
    for (let k = 0; k < 3; k++)
      out.push({
        name: `random bytes .${ext} #${k}`,
        fileName: `随机${k}${ext ? `.${ext}` : ''}`,
        data: randomBytes(1 + int(64 * 1024)),
        staff: ext === 'xlsx',
      });
  }
  // One numbered paragraph that runs on for pages without a 。 (clauses joined by ；): its title is shortened at a
  // clause, its text kept whole; and one beyond what an item may hold at all.
  const clauses = (n: number) =>
    Array.from({ length: n }, (_, i) => `推进第${i + 1}项重点领域信息公开并按要求做好解读回应工作`).join('；');
  out.push({
    name: 'numbered paragraph over 1,000 characters (.txt)',
    fileName: '长段落.txt',
    data: Buffer.from(`2026年政务公开工作要点\n一、总体要求\n（一）${clauses(60)}。\n（二）做好年度报告。\n`),
  });
  out.push({
    name: 'numbered paragraph over 1,000 characters (.docx)',
    fileName: '长段落.docx',
    data: await docx(
      `${para('2026年政务公开工作要点')}${para('一、总体要求')}${para(`（一）${clauses(60)}`)}${para('（二）做好年度报告。')}`,
    ),
  });
  out.push({
    name: 'numbered paragraph over 50,000 characters',
    fileName: '超长段落.txt',
    data: Buffer.from(`2026年政务公开工作要点\n一、${clauses(2500)}\n二、做好年度报告。\n`),
  });
  out.push({
    name: 'random bytes behind a zip signature',
    fileName: '伪装.docx',
    data: Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(20_000)]),
  });
  for (let k = 0; k < 6; k++) {
    out.push({ name: `truncated .docx #${k}`, fileName: `截断${k}.docx`, data: truncate(realDocx) });
    out.push({ name: `truncated .xlsx #${k}`, fileName: `截断${k}.xlsx`, data: truncate(realXlsx), staff: true });
    out.push({ name: `bit-flipped .docx #${k}`, fileName: `损坏${k}.docx`, data: bitFlip(realDocx, 1 + int(40)) });
    out.push({
      name: `bit-flipped .xlsx #${k}`,
      fileName: `损坏${k}.xlsx`,
      data: bitFlip(realXlsx, 1 + int(40)),
      staff: true,
    });
  }
  out.push({
    name: 'zip bomb lying about document.xml',
    fileName: '炸弹.docx',
    data: await lyingBomb('word/document.xml', { '_rels/.rels': RELS }),
  });
  out.push({
    name: 'zip bomb lying about a sheet',
    fileName: '炸弹.xlsx',
    data: await lyingBomb('xl/worksheets/sheet1.xml', { 'xl/workbook.xml': WB, 'xl/_rels/workbook.xml.rels': WB_RELS }),
    staff: true,
  });
  const flood = (tag: string, n = 40_000) => `<${tag} `.repeat(n);
  out.push({
    name: 'unclosed <w:p> flood in document.xml',
    fileName: '未闭合.docx',
    data: await docx(`${para('一、加强公开')}${'<w:p><w:r><w:t>x'.repeat(40_000)}`),
  });
  out.push({
    name: 'unclosed attribute flood in document.xml',
    fileName: '未闭合属性.docx',
    data: await docx(flood('w:p')),
  });
  out.push({
    name: 'unclosed abstractNum flood in numbering.xml',
    fileName: '编号.docx',
    data: await docx(para('一、加强公开'), {
      'word/numbering.xml': `<w:numbering ${W}>${'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">'.repeat(20_000)}`,
    }),
  });
  out.push({
    name: 'unclosed style flood in styles.xml',
    fileName: '样式.docx',
    data: await docx(para('一、加强公开'), {
      'word/styles.xml': `<w:styles ${W}>${'<w:style w:styleId="a">'.repeat(40_000)}`,
    }),
  });
  out.push({
    name: 'unclosed Relationship flood in _rels/.rels',
    fileName: '关系.docx',
    data: await pkg({
      '_rels/.rels': `<Relationships>${flood('Relationship Type="x/officeDocument" Target="')}`,
      'word/document.xml': `<w:document ${W}><w:body>${para('一、加强公开')}</w:body></w:document>`,
    }),
  });
  out.push({
    name: 'unclosed tags in sharedStrings.xml',
    fileName: '共享文字.xlsx',
    data: await xlsx(STAFF_ROWS, '', { 'xl/sharedStrings.xml': `<sst>${'<si><t>'.repeat(40_000)}` }),
    staff: true,
  });
  out.push({
    name: 'unclosed <script> flood in a saved web page',
    fileName: '网页.txt',
    data: Buffer.from(`<html><body><p>一、加强公开</p>${'<script>'.repeat(40_000)}`),
  });
  out.push({
    name: 'unclosed < flood in a saved web page',
    fileName: '网页2.txt',
    data: Buffer.from(`<!doctype html><p>一、加强公开</p>${'<p'.repeat(100_000)}`),
  });
  out.push({
    name: 'merge A1:XFD1048576',
    fileName: '合并.xlsx',
    data: await xlsx(STAFF_ROWS, '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
    staff: true,
  });
  out.push({
    name: 'merge A1:XFD1048576 over a wide, tall used range',
    fileName: '合并2.xlsx',
    data: await xlsx(
      `${STAFF_ROWS}<row r="3">${inl('XFD3', '远')}</row><row r="19999">${inl('A19999', '底')}</row>`,
      '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
    ),
    staff: true,
  });
  out.push({
    name: 'ten thousand overlapping whole-sheet merges',
    fileName: '合并3.xlsx',
    data: await xlsx(STAFF_ROWS, `<mergeCells>${'<mergeCell ref="A1:XFD1048576"/>'.repeat(10_001)}</mergeCells>`),
    staff: true,
  });
  out.push({
    name: 'a hundred thousand hidden whole-width column ranges',
    fileName: '隐藏列.xlsx',
    data: await xlsx(STAFF_ROWS, `<cols>${'<col min="1" max="16384" hidden="1"/>'.repeat(100_000)}</cols>`),
    staff: true,
  });
  out.push({
    name: 'a million hidden empty rows',
    fileName: '隐藏行.xlsx',
    data: await xlsx(
      `${STAFF_ROWS}${Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 3}" hidden="1"/>`).join('')}`,
    ),
    staff: true,
  });
  out.push({
    name: 'row r=2147483648',
    fileName: '行号.xlsx',
    data: await xlsx(`${STAFF_ROWS}<row r="2147483648">${inl('A2147483648', '王五')}</row>`),
    staff: true,
  });
  out.push({
    name: 'cell XFD1048576 with a value',
    fileName: '末格.xlsx',
    data: await xlsx(`${STAFF_ROWS}<row r="1048576">${inl('XFD1048576', '王五')}</row>`),
    staff: true,
  });
  out.push({
    name: 'cell reference ZZZZZZZ1',
    fileName: '列号.xlsx',
    data: await xlsx(`<row r="1">${inl('ZZZZZZZ1', '姓名')}</row>`),
    staff: true,
  });
  out.push({
    name: 'a million empty cells',
    fileName: '空格.xlsx',
    data: await xlsx(`${STAFF_ROWS}<row r="3">${'<c/>'.repeat(1_000_000)}</row>`),
    staff: true,
  });
  out.push({
    name: 'gridSpan of a billion',
    fileName: '跨列.docx',
    data: await docx(
      `<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000000000"/></w:tcPr>${para('一、加强公开')}</w:tc></w:tr></w:tbl>`,
    ),
  });
  out.push({
    name: 'list start of a billion in upperRoman',
    fileName: '起始.docx',
    data: await docx(
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="99"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>加强公开</w:t></w:r></w:p>`,
      {
        'word/numbering.xml': `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1000000000"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
      },
    ),
  });
  out.push({
    name: 'billion laughs in document.xml',
    fileName: '笑.docx',
    data: await pkg({
      '_rels/.rels': RELS,
      'word/document.xml': `<?xml version="1.0"?>${LAUGHS}<w:document ${W}><w:body>${para('一、加强公开&lol9;')}</w:body></w:document>`,
    }),
  });
  out.push({
    name: 'billion laughs in sharedStrings.xml',
    fileName: '笑.xlsx',
    data: await xlsx('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', '', {
      'xl/sharedStrings.xml': `<?xml version="1.0"?>${LAUGHS}<sst><si><t>&lol9;</t></si></sst>`,
    }),
    staff: true,
  });
  out.push({
    name: 'character reference above U+10FFFF in document.xml',
    fileName: '字符.docx',
    data: await docx(`${para('一、加强公开&#99999999;')}${para('1.做好公开&#x110000;。（办公室负责）')}`),
  });
  out.push({
    name: 'character reference above U+10FFFF in a web page',
    fileName: '字符.txt',
    data: Buffer.from('<html><body><p>一、加强公开&#99999999;</p><p>1.做好公开。（办公室负责）</p></body></html>'),
  });
  out.push({ name: '.docx named .xlsx', fileName: '要点.xlsx', data: realDocx, staff: true });
  out.push({ name: '.xlsx named .docx', fileName: '要点.docx', data: realXlsx });
  out.push({ name: '.docx named .txt', fileName: '要点.txt', data: realDocx });
  out.push({ name: 'text named .docx', fileName: '文本.docx', data: sample.text });
  out.push({
    name: 'text named .xlsx',
    fileName: '名单.xlsx',
    data: Buffer.from('姓名,科室\n张三,办公室\n'),
    staff: true,
  });
  out.push({ name: 'UTF-16LE without BOM', fileName: '无BOM.txt', data: iconv.encode(sampleText, 'utf-16le') });
  out.push({
    name: 'UTF-16BE with BOM',
    fileName: '大端.txt',
    data: Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(sampleText, 'utf-16be')]),
  });
  out.push({
    name: 'UTF-32LE with BOM',
    fileName: '32位.txt',
    data: Buffer.concat([
      Buffer.from([0xff, 0xfe, 0, 0]),
      Buffer.from(
        Array.from(sampleText.slice(0, 5000)).flatMap((ch) => {
          const b = Buffer.alloc(4);
          b.writeUInt32LE(ch.codePointAt(0)!);
          return [...b];
        }),
      ),
    ]),
  });
  out.push({ name: 'Big5', fileName: '繁体.txt', data: iconv.encode(sampleText, 'big5') });
  out.push({ name: 'Shift_JIS', fileName: '日文.txt', data: iconv.encode(sampleText, 'shift_jis') });
  out.push({
    name: 'UTF-8 with invalid sequences',
    fileName: '坏编码.txt',
    data: Buffer.concat([
      Buffer.from('一、加强公开\n'),
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc]),
      Buffer.from('\n1.做好公开。（办公室负责）\n'),
    ]),
  });
  out.push({
    name: 'a document.xml in UTF-16',
    fileName: '十六位.docx',
    data: await pkg({
      '_rels/.rels': RELS,
      'word/document.xml': Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        iconv.encode(
          `<?xml version="1.0" encoding="UTF-16"?><w:document ${W}><w:body>${para('一、加强公开')}</w:body></w:document>`,
          'utf-16le',
        ),
      ]),
    }),
  });
  return out;
}

const CJK = /[\u4e00-\u9fff]/;

async function answer(
  kind: 'points-file' | 'staff-xlsx',
  f: Hostile,
): Promise<{ ok: true } | { ok: false; code: string; message: string }> {
  try {
    if (kind === 'points-file') await runParser(kind, f.fileName, f.data, { fallbackYear: 2026 });
    else await runParser(kind, f.fileName, f.data, {});
    return { ok: true };
  } catch (e) {
    if (!(e instanceof AppError)) return { ok: false, code: `not an AppError: ${String(e)}`, message: '' };
    return { ok: false, code: e.code, message: e.message };
  }
}

describe('hostile files', () => {
  it('every file is answered with a result or a Chinese 错误[CODE] (never INTERNAL, never the time/memory backstop), memory bounded', async () => {
    const files = await corpus();
    expect(files.length).toBeGreaterThan(60);
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 25);
    const jobs = files.flatMap((f) => [
      answer('points-file', f).then((a) => ({ f, kind: 'points', a })),
      ...(f.staff ? [answer('staff-xlsx', f).then((a) => ({ f, kind: 'staff', a }))] : []),
    ]);
    const results = await Promise.all(jobs);
    clearInterval(sampler);
    const wrong = results
      .filter(({ f, kind, a }) => {
        if (a.ok) return false;
        const known = (Object.values(ErrorCode) as string[]).includes(a.code);
        const named = kind === 'staff' || a.message.includes(f.fileName);
        return (
          !known ||
          a.code === ErrorCode.INTERNAL ||
          a.code === ErrorCode.FILE_TOO_COMPLEX ||
          !CJK.test(a.message) ||
          !named
        );
      })
      .map(({ f, kind, a }) => `${kind} ${f.name}: ${a.ok ? '' : `${a.code} ${a.message}`}`);
    expect(wrong).toEqual([]);
    // The workers' heaps are capped by resourceLimits; inflated parts by the zip limits. The 13 KB sheet that used
    // to take 4.2 GB is in the corpus.
    expect(peak - baseline).toBeLessThan(1024 * 1024 * 1024);
  }, 600_000);

  it('repairs what it can: a reference outside Unicode becomes U+FFFD, an undefined entity stays as text', async () => {
    const files = await corpus();
    const refs = files.find((f) => f.name === 'character reference above U+10FFFF in document.xml')!;
    const r = await runParser('points-file', refs.fileName, refs.data, { fallbackYear: 2026 });
    expect(r.items.map((i) => [i.text, i.lead])).toEqual([
      ['加强公开\uFFFD', []],
      ['做好公开\uFFFD。', ['办公室']],
    ]);
    const page = files.find((f) => f.name === 'character reference above U+10FFFF in a web page')!;
    expect((await runParser('points-file', page.fileName, page.data, {})).items[0].text).toBe('加强公开\uFFFD');
    const laughs = files.find((f) => f.name === 'billion laughs in document.xml')!;
    // No DTD is ever expanded: the reference stays the few characters it was.
    expect((await runParser('points-file', laughs.fileName, laughs.data, {})).items.map((i) => i.text)).toEqual([
      '加强公开&lol9;',
    ]);
    const merged = files.find((f) => f.name === 'merge A1:XFD1048576')!;
    // The whole-sheet merge is cut to the used area A1:B2: every cell reads the master's 姓名, so no person is found.
    await expect(runParser('staff-xlsx', merged.fileName, merged.data, {})).rejects.toMatchObject({
      code: ErrorCode.NO_ITEMS,
    });
  }, 300_000);

  it('rows, columns, cells and merged ranges meet named limits with Chinese messages naming file and sheet', async () => {
    const files = await corpus();
    const byName = (n: string) => files.find((f) => f.name === n)!;
    const expectations: [string, string, RegExp][] = [
      ['row r=2147483648', ErrorCode.FILE_DAMAGED, /“行号\.xlsx”.*工作表“人员”的行号 2147483648 超出 Excel 的范围/],
      [
        'cell XFD1048576 with a value',
        ErrorCode.FILE_TOO_LARGE,
        /工作表“人员”第 1048576 行仍有内容（最多读取 20000 行）/,
      ],
      [
        'merge A1:XFD1048576 over a wide, tall used range',
        ErrorCode.FILE_TOO_LARGE,
        /合并单元格覆盖了超过 200000 个单元格/,
      ],
      ['ten thousand overlapping whole-sheet merges', ErrorCode.FILE_TOO_LARGE, /超过 10000 个合并单元格/],
      ['cell reference ZZZZZZZ1', ErrorCode.FILE_DAMAGED, /超出 Excel 的范围/],
      ['zip bomb lying about a sheet', ErrorCode.ZIP_BOMB, /“炸弹\.xlsx”.*实际解压后比声明的大/],
    ];
    for (const [name, code, words] of expectations) {
      const f = byName(name);
      const e = await runParser('staff-xlsx', f.fileName, f.data, {}).catch((x: unknown) => x);
      expect(e, name).toMatchObject({ code });
      expect((e as Error).message, name).toMatch(words);
    }
  }, 300_000);

  it('the backstop: a parse over its time limit or its memory limit is stopped with a Chinese message naming the file', async () => {
    const text = readSample('work-points-province-2020').text;
    const big = Buffer.concat(Array.from({ length: 60 }, () => text));
    // 12 MB of text (under the 20 MB file limit): decoding and splitting it needs far more than a 16 MB heap.
    const huge = Buffer.concat(Array.from({ length: Math.floor((12 * 1024 * 1024) / text.length) }, () => text));
    const slow = await runParser('points-file', '很慢的文件.txt', big, {}, { ...PARSE_LIMITS, timeoutMs: 1 }).catch(
      (e: unknown) => e,
    );
    expect(slow).toMatchObject({
      code: ErrorCode.FILE_TOO_COMPLEX,
      message: expect.stringContaining('“很慢的文件.txt”'),
    });
    expect((slow as Error).message).toMatch(/已停止读取/);
    const heavy = await runParser(
      'points-file',
      '很大的文件.txt',
      huge,
      {},
      { ...PARSE_LIMITS, resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 } },
    ).catch((e: unknown) => e);
    expect(heavy).toMatchObject({
      code: ErrorCode.FILE_TOO_COMPLEX,
      message: expect.stringContaining('“很大的文件.txt”'),
    });
    expect((heavy as Error).message).toMatch(/内存/);
    // The pool goes on: the next file is read normally.
    expect((await runParser('points-file', '要点.txt', text, {})).items.length).toBeGreaterThan(10);
  }, 300_000);
});

// The 信息公开 registers and the 考核细则 read users' files too: the same corpus, plus truncated and bit-flipped real
// files of their own (built as their tests build them) and floods aimed at their readers.
type OtherKind = 'disclosure-publications' | 'disclosure-requests' | 'selfcheck-indicators' | 'ab-xlsx';

async function otherCorpus(): Promise<(Hostile & { kinds: OtherKind[] })[]> {
  // The AB岗设置表 reader takes the registers' spreadsheets too.
  const registers: OtherKind[] = ['disclosure-publications', 'disclosure-requests', 'ab-xlsx'];
  const indicators: OtherKind[] = ['selfcheck-indicators'];
  const publications = await buildTableXlsx({
    title: '2026年信息发布登记',
    sheetName: '发布登记',
    header: ['标题', '发布日期', '栏目', '链接'],
    rows: Array.from({ length: 40 }, (_, i) => [
      `关于做好第${i + 1}项工作的通知`,
      `2026-03-${String(1 + (i % 28)).padStart(2, '0')}`,
      i % 2 ? '通知公告' : '政策文件',
      `http://example.gov.cn/${i}.html`,
    ]),
  });
  const requests = await buildTableXlsx({
    sheetName: '依申请登记',
    header: ['收到日期', '申请人', '申请人类型', '申请内容', '答复日期', '办理结果'],
    rows: Array.from({ length: 20 }, (_, i) => [
      '2026-04-01',
      `申请人${i + 1}`,
      '自然人',
      `申请公开第${i + 1}项信息`,
      '2026-04-10',
      '予以公开',
    ]),
  });
  const xlsxRules = await buildTableXlsx({
    title: '2026年政务公开考核评分细则',
    header: SAMPLE_HEADER,
    rows: SAMPLE_ROWS,
  });
  const docxRules = await buildIndicatorsDocx({
    title: '2026年政务公开考核评分细则',
    header: SAMPLE_HEADER,
    rows: SAMPLE_ROWS,
  });
  const all: OtherKind[] = [...registers, ...indicators];
  const out: (Hostile & { kinds: OtherKind[] })[] = (await corpus())
    .filter((f) => /\.(xlsx|docx)$|^[^.]*$/.test(f.fileName))
    .map((f) => ({ ...f, kinds: f.fileName.endsWith('.docx') ? indicators : all }));
  out.push({
    name: 'intact publications register',
    fileName: '发布登记.xlsx',
    data: publications,
    kinds: ['disclosure-publications'],
  });
  out.push({
    name: 'intact requests register',
    fileName: '依申请登记.xlsx',
    data: requests,
    kinds: ['disclosure-requests'],
  });
  out.push({
    name: 'intact AB岗设置表',
    fileName: 'AB岗设置表.xlsx',
    data: await buildAbXlsx({
      bureau: '某县科学技术局',
      date: '2026-12-01',
      posts: [
        {
          id: 1,
          name: '政务公开联络员',
          duties: '日常联络',
          sortOrder: 1,
          active: true,
          asOf: '2026-12-01',
          a: null,
          b: null,
          aNext: null,
          bNext: null,
        },
      ],
    }),
    kinds: ['ab-xlsx'],
  });
  out.push({ name: 'intact 细则 .xlsx', fileName: '细则.xlsx', data: xlsxRules, kinds: indicators });
  out.push({ name: 'intact 细则 .docx', fileName: '细则.docx', data: docxRules, kinds: indicators });
  for (let k = 0; k < 4; k++) {
    out.push({
      name: `truncated register #${k}`,
      fileName: `截断登记${k}.xlsx`,
      data: truncate(publications),
      kinds: registers,
    });
    out.push({
      name: `bit-flipped register #${k}`,
      fileName: `损坏登记${k}.xlsx`,
      data: bitFlip(k % 2 ? requests : publications, 1 + int(40)),
      kinds: registers,
    });
    out.push({
      name: `truncated 细则 .xlsx #${k}`,
      fileName: `截断细则${k}.xlsx`,
      data: truncate(xlsxRules),
      kinds: indicators,
    });
    out.push({
      name: `bit-flipped 细则 .xlsx #${k}`,
      fileName: `损坏细则${k}.xlsx`,
      data: bitFlip(xlsxRules, 1 + int(40)),
      kinds: indicators,
    });
    out.push({
      name: `truncated 细则 .docx #${k}`,
      fileName: `截断细则${k}.docx`,
      data: truncate(docxRules),
      kinds: indicators,
    });
    out.push({
      name: `bit-flipped 细则 .docx #${k}`,
      fileName: `损坏细则${k}.docx`,
      data: bitFlip(docxRules, 1 + int(40)),
      kinds: indicators,
    });
  }
  const head = `<row r="1">${inl('A1', '标题')}${inl('B1', '发布日期')}${inl('C1', '收到日期')}${inl('D1', '申请人')}${inl('E1', '申请内容')}${inl('F1', '一级指标')}${inl('G1', '分值')}</row>`;
  const body = `<row r="2">${inl('A2', '通知')}${inl('B2', '2026-03-05')}${inl('C2', '2026-03-05')}${inl('D2', '张三')}${inl('E2', '某文件')}${inl('F2', '公开平台')}${inl('G2', '10')}</row>`;
  out.push({
    name: 'register merge A1:XFD1048576',
    fileName: '登记合并.xlsx',
    data: await xlsx(head + body, '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
    kinds: all,
  });
  out.push({
    name: 'register merge over a tall used range',
    fileName: '登记合并2.xlsx',
    data: await xlsx(
      `${head}${body}<row r="19999">${inl('AZ19999', '底')}</row>`,
      '<mergeCells count="1"><mergeCell ref="A2:AZ19999"/></mergeCells>',
    ),
    kinds: all,
  });
  out.push({
    name: 'register row r=2147483648',
    fileName: '登记行号.xlsx',
    data: await xlsx(`${head}<row r="2147483648">${inl('A2147483648', '通知')}</row>`),
    kinds: all,
  });
  out.push({
    name: 'register row 1048576 with a value',
    fileName: '登记末行.xlsx',
    data: await xlsx(`${head}<row r="1048576">${inl('A1048576', '通知')}</row>`),
    kinds: all,
  });
  out.push({
    name: 'unclosed cell flood in a register sheet',
    fileName: '登记未闭合.xlsx',
    data: await xlsx(`${head}${'<row><c t="inlineStr"><is><t>x'.repeat(40_000)}`),
    kinds: all,
  });
  out.push({
    name: 'unclosed table flood in a 细则 .docx',
    fileName: '细则未闭合.docx',
    data: await docx(`${para('考核评分细则')}${'<w:tbl><w:tr><w:tc>'.repeat(40_000)}`),
    kinds: indicators,
  });
  out.push({
    name: 'unclosed run flood in a 细则 table cell',
    fileName: '细则未闭合2.docx',
    data: await docx(`<w:tbl><w:tr><w:tc>${'<w:p><w:r><w:t>一级指标'.repeat(40_000)}`),
    kinds: indicators,
  });
  out.push({
    name: 'spanned cells flood in a 细则 .docx',
    fileName: '细则跨列.docx',
    data: await docx(
      `<w:tbl><w:tr>${'<w:tc><w:tcPr><w:gridSpan w:val="40"/></w:tcPr><w:p/></w:tc>'.repeat(6_000)}</w:tr></w:tbl>`,
    ),
    kinds: indicators,
  });
  out.push({
    name: 'billion laughs in a 细则 .docx',
    fileName: '细则笑.docx',
    data: await pkg({
      '_rels/.rels': RELS,
      'word/document.xml': `<?xml version="1.0"?>${LAUGHS}<w:document ${W}><w:body><w:tbl><w:tr><w:tc>${para('一级指标&lol9;')}</w:tc></w:tr></w:tbl></w:body></w:document>`,
    }),
    kinds: indicators,
  });
  return out;
}

async function answerOther(
  kind: OtherKind,
  f: Hostile,
): Promise<{ ok: true } | { ok: false; code: string; message: string }> {
  try {
    await runParser(kind, f.fileName, f.data, {});
    return { ok: true };
  } catch (e) {
    if (!(e instanceof AppError)) return { ok: false, code: `not an AppError: ${String(e)}`, message: '' };
    return { ok: false, code: e.code, message: e.message };
  }
}

describe('hostile files for the 信息公开 registers and the 考核细则', () => {
  it('every file is answered with a result or a Chinese 错误[CODE] naming the file (never INTERNAL, never the backstop)', async () => {
    const files = await otherCorpus();
    expect(files.length).toBeGreaterThan(50);
    const results = await Promise.all(
      files.flatMap((f) => f.kinds.map((kind) => answerOther(kind, f).then((a) => ({ f, kind, a })))),
    );
    const wrong = results
      .filter(({ f, a }) => {
        if (a.ok) return false;
        const known = (Object.values(ErrorCode) as string[]).includes(a.code);
        return (
          !known ||
          a.code === ErrorCode.INTERNAL ||
          a.code === ErrorCode.FILE_TOO_COMPLEX ||
          !CJK.test(a.message) ||
          !a.message.includes(f.fileName)
        );
      })
      .map(({ f, kind, a }) => `${kind} ${f.name}: ${a.ok ? '' : `${a.code} ${a.message}`}`);
    expect(wrong).toEqual([]);
    // The real files still read: the corpus is not refusing everything.
    const ok = results.filter((r) => r.a.ok).map((r) => `${r.kind} ${r.f.name}`);
    for (const name of [
      'disclosure-publications intact publications register',
      'disclosure-requests intact requests register',
      'ab-xlsx intact AB岗设置表',
      'selfcheck-indicators intact 细则 .xlsx',
      'selfcheck-indicators intact 细则 .docx',
    ])
      expect(ok).toContain(name);
  }, 600_000);

  it('their limits answer with named codes and Chinese messages naming file, sheet or table', async () => {
    const files = await otherCorpus();
    const byName = (n: string) => files.find((f) => f.name === n)!;
    const expectations: [string, OtherKind, string, RegExp][] = [
      [
        'register row r=2147483648',
        'disclosure-requests',
        ErrorCode.FILE_DAMAGED,
        /“登记行号\.xlsx”.*工作表“人员”的行号 2147483648 超出 Excel 的范围/,
      ],
      [
        'register row 1048576 with a value',
        'disclosure-publications',
        ErrorCode.FILE_TOO_LARGE,
        /“登记末行\.xlsx”.*工作表“人员”第 1048576 行仍有内容（最多读取 20000 行）/,
      ],
      [
        'register row 1048576 with a value',
        'selfcheck-indicators',
        ErrorCode.FILE_TOO_LARGE,
        /工作表“人员”第 1048576 行仍有内容/,
      ],
      [
        'register merge over a tall used range',
        'disclosure-publications',
        ErrorCode.FILE_TOO_LARGE,
        /合并单元格覆盖了超过 200000 个单元格/,
      ],
      [
        'unclosed cell flood in a register sheet',
        'disclosure-requests',
        ErrorCode.FILE_DAMAGED,
        /“登记未闭合\.xlsx”已损坏或不完整（部件 xl\/worksheets\/sheet1\.xml/,
      ],
      [
        'unclosed table flood in a 细则 .docx',
        'selfcheck-indicators',
        ErrorCode.FILE_DAMAGED,
        /“细则未闭合\.docx”已损坏或不完整（部件 word\/document\.xml 的结构不正确/,
      ],
      [
        'spanned cells flood in a 细则 .docx',
        'selfcheck-indicators',
        ErrorCode.FILE_TOO_LARGE,
        new RegExp(`“细则跨列\\.docx”第1个表格起的单元格超过 ${MAX_TABLE_CELLS} 个`),
      ],
    ];
    for (const [name, kind, code, words] of expectations) {
      const f = byName(name);
      const e = await runParser(kind, f.fileName, f.data, {}).catch((x: unknown) => x);
      expect(e, `${kind} ${name}`).toMatchObject({ code });
      expect((e as Error).message, `${kind} ${name}`).toMatch(words);
    }
    // A whole-sheet merge is cut to the used area: the header row A1:G1 all reads 标题, so no register header is there.
    const merged = byName('register merge A1:XFD1048576');
    await expect(runParser('disclosure-requests', merged.fileName, merged.data, {})).rejects.toMatchObject({
      code: ErrorCode.IMPORT_ROWS_INVALID,
      message: expect.stringContaining('“登记合并.xlsx”中没有找到依申请公开登记的表头'),
    });
    // No DTD is expanded in a 细则 either: the reference stays its few characters, so no header is found.
    const laughs = byName('billion laughs in a 细则 .docx');
    await expect(runParser('selfcheck-indicators', laughs.fileName, laughs.data, {})).rejects.toMatchObject({
      code: ErrorCode.IMPORT_ROWS_INVALID,
    });
  }, 300_000);
});

describe('through the web host', () => {
  let dir: string;
  let host: WebHost;
  beforeAll(async () => {
    dir = makeTempDir();
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(rendererDir, { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>政务公开工作台</title>');
    host = await startWebHost({ dbPath: path.join(dir, 'zwgk.sqlite'), rendererDir });
  });
  afterAll(async () => {
    await host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const post = (method: string, body: unknown) =>
    new Promise<{ status: number; json: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }>(
      (resolve, reject) => {
        const data = Buffer.from(JSON.stringify(body));
        const req = http.request(
          {
            host: '127.0.0.1',
            port: host.port,
            method: 'POST',
            path: `/api/${method}`,
            headers: {
              Host: `127.0.0.1:${host.port}`,
              'Content-Type': 'application/json',
              'Content-Length': data.length,
              'X-Zwgk-Token': host.token,
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
            );
          },
        );
        req.on('error', reject);
        req.end(data);
      },
    );

  it("points.preview keeps its contract on every file of the corpus: never INTERNAL, a long paragraph's title shortened", async () => {
    const files = await corpus();
    const wrong: string[] = [];
    for (const f of files) {
      const r = await post('points.preview', {
        source: { upload: { fileName: f.fileName, dataBase64: f.data.toString('base64') } },
      });
      if (r.json.ok) continue;
      const e = r.json.error!;
      if (e.code === ErrorCode.INTERNAL || e.code === ErrorCode.FILE_TOO_COMPLEX || !CJK.test(e.message))
        wrong.push(`${f.name}: ${e.code} ${e.message}`);
    }
    expect(wrong).toEqual([]);
    type Preview = { parsed: { items: { title: string; text: string }[]; warnings: string[] } };
    for (const name of ['长段落.txt', '长段落.docx']) {
      const f = files.find((x) => x.fileName === name)!;
      const r = await post('points.preview', {
        source: { upload: { fileName: f.fileName, dataBase64: f.data.toString('base64') } },
      });
      expect(r.json.ok, name).toBe(true);
      const long = (r.json.value as Preview).parsed.items.find((i) => i.text.length > 1000)!;
      // Cut at a clause (；), marked, and the whole paragraph kept as the item's text.
      expect(long.title.length, name).toBeLessThanOrEqual(201);
      expect(long.title, name).toMatch(/^推进第1项重点领域信息公开.*工作…$/);
      expect(long.text, name).toContain('推进第60项重点领域信息公开并按要求做好解读回应工作');
    }
    const huge = files.find((x) => x.fileName === '超长段落.txt')!;
    const r = await post('points.preview', {
      source: { upload: { fileName: huge.fileName, dataBase64: huge.data.toString('base64') } },
    });
    expect(r.json.ok).toBe(true);
    expect((r.json.value as Preview).parsed.warnings.join('')).toMatch(/正文超过 50000 字/);
  }, 600_000);

  it('app.status keeps answering while hostile files are being parsed', async () => {
    await post('app.setup', {
      bureau: {
        fullName: '某县科学技术局',
        shortName: '县科技局',
        region: '某县',
        head: '',
        leader: '',
        contact: '',
        phone: '',
      },
      year: 2026,
    });
    const files = (await corpus()).filter((f) => /flood|bomb|merge|laughs/.test(f.name));
    // The largest paste a user may send (close to the 2,000,000-character limit) keeps a worker busy for a while.
    const paste = readSample('work-points-province-2020').text.toString('utf8').repeat(30).slice(0, 1_900_000);
    let parsing = true;
    const previews = Promise.all([
      post('points.preview', { source: { pastedText: paste } }),
      ...files.map((f) =>
        post('points.preview', { source: { upload: { fileName: f.fileName, dataBase64: f.data.toString('base64') } } }),
      ),
    ]).finally(() => {
      parsing = false;
    });
    let answeredMeanwhile = 0;
    while (parsing) {
      const s = await post('app.status', {});
      expect(s.json.ok).toBe(true);
      if (parsing) answeredMeanwhile++;
    }
    const answers = await previews;
    for (const a of answers) {
      if (a.json.ok) continue;
      expect(a.json.error!.code).not.toBe(ErrorCode.INTERNAL);
      expect(a.json.error!.code).not.toBe(ErrorCode.FILE_TOO_COMPLEX);
      expect(a.json.error!.message).toMatch(CJK);
    }
    // Parsed off the serving thread: status calls were answered while the files were still being read.
    expect(answeredMeanwhile).toBeGreaterThan(3);
  }, 600_000);
});
