import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePointsFile, parsePointsText } from '../../../main/import/points';
import { COUNTY_POINTS } from './neighbours';

// Reader details beyond the samples: Word numbering from styles, restarts and overrides; Word tables that are
// 分工表; spreadsheets with a single 责任单位 column; other text encodings; zips that lie about their sizes.

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A .docx written by hand, to control numbering.xml and styles.xml exactly as Word or WPS write them. */
async function handDocx(body: string, numbering: string, styles = ''): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  zip.file('word/numbering.xml', `<?xml version="1.0"?><w:numbering ${W}>${numbering}</w:numbering>`);
  if (styles) zip.file('word/styles.xml', `<?xml version="1.0"?><w:styles ${W}>${styles}</w:styles>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const lvl = (ilvl: number, fmt: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/>${extra}<w:lvlText w:val="${text}"/></w:lvl>`;
const p = (text: string, numId?: number, ilvl = 0, style?: string) =>
  `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${numId !== undefined ? `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>` : ''}</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

describe('Word 自动编号', () => {
  it('多级列表：一、/（一）/1. 按级别重新计数；样式里的编号；删除修订不算', async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const styles = `<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>`;
    const body = [
      p('2021年政务公开工作要点'),
      p('加强公开', undefined, 0, 'H1'),
      p('公开方面', undefined, 0, 'H2'),
      p('做好公开。（办公室负责）', 1, 2),
      p('做好解读。（办公室负责）', 1, 2),
      '<w:del><w:r><w:delText>删掉的字</w:delText></w:r></w:del>',
      p('解读方面', 1, 1),
      p('加强解读。（高新科负责）', 1, 2),
      p('强化保障', 1, 0),
      p('落实责任。（各科室负责）', 1, 2),
    ].join('');
    const r = await parsePointsFile('要点.docx', await handDocx(body, numbering, styles));
    expect(r.items.map((i) => `${i.level}${i.label}`)).toEqual(['1一', '2一', '31', '32', '2二', '31', '1二', '31']);
    expect(r.items[2]).toMatchObject({ text: '做好公开。', lead: ['办公室'] });
    expect(r.items.some((i) => i.text.includes('删掉的字'))).toBe(false);
  });

  it('lvlRestart=0 连续编号、startOverride 从指定数字起、isLgl 与自定义 lvlText', async () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'decimal', '%2.', '<w:lvlRestart w:val="0"/>')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '（%1）')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="2">${lvl(0, 'decimalEnclosedCircle', '%1')}</w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
      '<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>';
    const body = [
      p('甲', 1, 0),
      p('条目一。', 1, 1),
      p('条目二。', 1, 1),
      p('乙', 1, 0),
      p('条目三。', 1, 1),
      p('第三小项。', 2, 0),
      p('第四小项。', 2, 0),
      p('圈一。', 3, 0),
      p('圈二。', 3, 0),
    ].join('');
    const r = await parsePointsFile('要点.docx', await handDocx(body, numbering));
    expect(r.items.map((i) => `${i.level}${i.label}`)).toEqual([
      '1一',
      '31',
      '32',
      '1二',
      '33',
      '43',
      '44',
      '5①',
      '5②',
    ]);
  });
});

describe('Word 表格', () => {
  it('带“序号/工作任务/责任单位/完成时限”表头的表格按分工表读取，纵向合并的单元格取上方的值', async () => {
    const cell = (text: string, merge?: 'restart' | 'continue') =>
      new TableCell({
        width: { size: 2000, type: WidthType.DXA },
        verticalMerge:
          merge === 'restart'
            ? VerticalMergeType.RESTART
            : merge === 'continue'
              ? VerticalMergeType.CONTINUE
              : undefined,
        children: [new Paragraph(text)],
      });
    const row = (...cells: TableCell[]) => new TableRow({ children: cells });
    const table = new Table({
      width: { size: 8000, type: WidthType.DXA },
      columnWidths: [2000, 2000, 2000, 2000],
      rows: [
        row(cell('序号'), cell('工作任务'), cell('责任单位'), cell('完成时限')),
        row(cell('1'), cell('编制标准目录。'), cell('办公室牵头，各科室配合', 'restart'), cell('2021年6月底前')),
        row(cell('2'), cell('更新目录。'), cell('', 'continue'), cell('每季度')),
      ],
    });
    const doc = new Document({
      sections: [{ children: [new Paragraph({ children: [new TextRun('2021年分工方案')] }), table] }],
    });
    const r = await parsePointsFile('分工.docx', await Packer.toBuffer(doc));
    expect(r.items).toEqual([
      {
        level: 3,
        label: '1',
        title: '编制标准目录',
        text: '编制标准目录。',
        lead: ['办公室'],
        support: ['各科室'],
        deadline: '2021-06-30',
        deadlineText: '2021年6月底前',
      },
      {
        level: 3,
        label: '2',
        title: '更新目录',
        text: '更新目录。',
        lead: ['办公室'],
        support: ['各科室'],
        deadline: null,
        deadlineText: '每季度',
      },
    ]);
    expect(r.title).toBe('2021年分工方案');
  });
});

describe('Excel 分工表', () => {
  it('表头不在第一行、只有“责任单位”一列、空行和合并的分组行', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['2022年政务公开重点任务分工表']);
    ws.mergeCells('A1:E1');
    ws.addRow(['序号', '工作任务', '工作要求', '责任单位', '时限要求']);
    ws.addRow(['一、加强政策解读']);
    ws.mergeCells('A3:E3');
    ws.addRow([1, '解读政策', '重要政策同步解读。', '办公室、政策法规科', '持续推进']);
    ws.addRow([]);
    ws.addRow([2, '回应关切', '24小时内回应。', '县融媒体中心牵头，各科室配合', new Date(Date.UTC(2022, 8, 30))]);
    const r = await parsePointsFile('分工表.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.items.map((i) => [i.level, i.label, i.text, i.lead, i.support, i.deadline, i.deadlineText])).toEqual([
      [1, '一', '加强政策解读', [], [], null, null],
      [3, '1', '解读政策。重要政策同步解读。', ['办公室', '政策法规科'], [], null, '持续推进'],
      [3, '2', '回应关切。24小时内回应。', ['县融媒体中心'], ['各科室'], '2022-09-30', '2022年9月30日'],
    ]);
    expect(r.title).toBe('2022年政务公开重点任务分工表');
    expect(r.year).toBe(2022);
  });

  it('没有分工表表头时说明需要哪些列', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['姓名', '电话']);
    await expect(parsePointsFile('名单.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))).rejects.toMatchObject({
      code: 'IMPORT_ROWS_INVALID',
    });
  });
});

describe('文本编码与网页', () => {
  const text = '2021年要点\n一、加强公开\n1.做好公开。（办公室负责）\n';
  it.each([
    ['UTF-16LE 带 BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
    ['GB18030', iconv.encode(text, 'gb18030')],
    [
      '保存的网页',
      Buffer.from(
        `<!DOCTYPE html><html><body><p>2021年要点</p><p>一、加强公开</p><div>1.做好公开。（办公室负责）</div><script>var x=1;</script></body></html>`,
      ),
    ],
  ])('%s', async (_, data) => {
    const r = await parsePointsFile('要点.txt', data);
    expect(r.items.map((i) => [i.label, i.text, i.lead])).toEqual([
      ['一', '加强公开', []],
      ['1', '做好公开。', ['办公室']],
    ]);
  });
});

describe('从政府网站复制或保存的通知页面', () => {
  const page = (meta: string, files: string[]) =>
    [
      '首页 > 政务公开 > 政策文件',
      '某县人民政府办公室关于印发2026年政务公开工作要点的通知',
      meta,
      '字号：【大 中 小】',
      '各乡镇人民政府，县政府各部门：',
      '现将《2026年某县政务公开工作要点》印发给你们，请认真贯彻落实。',
      '某县人民政府办公室',
      '2026年3月4日',
      '2026年某县政务公开工作要点',
      '一、加强政策发布解读',
      '1.做好政策文件公开。（责任单位：县政府办，县直各部门；完成时限：6月底前）',
      '2.强化政策解读。（责任单位：县直各部门；完成时限：长期坚持）',
      ...files,
    ].join('\n');
  const items = [
    ['一', '加强政策发布解读', []],
    ['1', '做好政策文件公开。', ['县政府办', '县直各部门']],
    ['2', '强化政策解读。', ['县直各部门']],
  ];
  it.each([
    [
      '“文号：”在发布信息一行，“相关附件：”下编号的文件名',
      '发布时间：2026-03-05 10:21 | 来源：县政府办公室 | 文号：某政办发〔2026〕5号 | 浏览次数：1234',
      ['相关附件：', '1.2026年某县政务公开工作要点.docx', '2.重点任务分解表.xlsx', '【打印本页】【关闭窗口】'],
    ],
    [
      '“发文字号：”，“附件下载：”下不编号的文件名',
      '索引号：11341000MB1234567X/2026-00012 | 发文字号：某政办发〔2026〕5号 | 发布机构：县政府办公室',
      ['附件下载：', '2026年某县政务公开工作要点.docx', '重点任务分解表.xlsx', '【打印】 【关闭】'],
    ],
    [
      '“相关附件：”与文件名同一行',
      '发布日期：2026-03-05 | 文号：某政办发〔2026〕5号',
      ['相关附件：2026年某县政务公开工作要点.pdf'],
    ],
  ])('%s：文号读出，文件名和页面按钮不是条目', async (_, meta, files) => {
    const text = page(meta, files);
    for (const [name, data] of [
      ['要点.txt', Buffer.from(text)],
      [
        '要点.html',
        Buffer.from(
          `<html><body>${text
            .split('\n')
            .map((l) => `<p>${l}</p>`)
            .join('')}</body></html>`,
        ),
      ],
    ] as const) {
      const r = await parsePointsFile(name, data);
      expect(r.docNumber, name).toBe('某政办发〔2026〕5号');
      expect(
        r.items.map((i) => [i.label, i.text, i.lead]),
        name,
      ).toEqual(items);
    }
  });
});

it('标题的发文机关另起一行（联合发文两个机关各占一行）：标题以机关开头，不丢', async () => {
  const body = (organs: string[]) =>
    [
      '某县人民政府办公室',
      '某县财政局',
      '文件',
      '某政办发〔2026〕8号',
      ...organs,
      '关于印发2026年政务公开工作要点的通知',
      '各乡镇人民政府，县直各部门：',
      '一、加强政策发布解读',
      '1.做好政策文件公开。（责任单位：县政府办）',
    ].join('\n');
  const joint = '某县人民政府办公室 某县财政局关于印发2026年政务公开工作要点的通知';
  expect(parsePointsText(body(['某县人民政府办公室', '某县财政局'])).title).toBe(joint);
  expect(parsePointsText(body(['某县人民政府办公室 某县财政局'])).title).toBe(joint);
  expect(parsePointsText(body(['某县人民政府办公室'])).title).toBe(
    '某县人民政府办公室关于印发2026年政务公开工作要点的通知',
  );
  // The 版头 and 文号 above are not part of it.
  expect(parsePointsText(body([])).title).toBe('关于印发2026年政务公开工作要点的通知');
});

describe('存为单个文件的网页（.mht）和网页另存的 .doc', () => {
  const page =
    '<html><head><meta charset="gb2312"></head><body><p>2021年要点</p><p>一、加强公开</p><p>1.做好公开。（办公室负责）</p></body></html>';
  /** A MIME message as a browser or Word saves it: the page, then an image part. */
  const mht = (encoding: 'quoted-printable' | 'base64', body: string) =>
    Buffer.concat([
      Buffer.from(
        'From: <Saved by Blink>\r\nSubject: 要点\r\nMIME-Version: 1.0\r\n' +
          'Content-Type: multipart/related; type="text/html"; boundary="----MultipartBoundary--abc"\r\n\r\n' +
          '------MultipartBoundary--abc\r\nContent-Type: text/html\r\n' +
          `Content-Transfer-Encoding: ${encoding}\r\nContent-Location: http://www.example.gov.cn/1.html\r\n\r\n`,
        'latin1',
      ),
      Buffer.from(body, 'latin1'),
      Buffer.from(
        '\r\n------MultipartBoundary--abc\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------MultipartBoundary--abc--\r\n',
        'latin1',
      ),
    ]);
  const gb = iconv.encode(page, 'gb18030');
  /** Quoted-printable as Blink writes it: bytes above 0x7e as =XX, lines cut at 76 with a soft break. */
  const qp = [...gb]
    .map((c) => (c > 0x7e || c === 0x3d ? `=${c.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(c)))
    .join('')
    .replace(/.{1,73}(?=.)/g, (line) => `${line}=\r\n`);

  it.each([
    ['.mht（quoted-printable，GB2312）', '要点.mht', mht('quoted-printable', qp)],
    [
      '.mhtml（base64，UTF-8）',
      '要点.mhtml',
      mht('base64', Buffer.from(page.replace('gb2312', 'utf-8')).toString('base64')),
    ],
    ['网站“下载Word”得到的 .doc（其实是网页）', '要点.doc', Buffer.from(page.replace('gb2312', 'utf-8'))],
    ['Word 另存的单个文件网页，扩展名 .doc', '要点.doc', mht('quoted-printable', qp)],
  ])('%s', async (_, name, data) => {
    const r = await parsePointsFile(name, data);
    expect(r.items.map((i) => [i.label, i.text, i.lead])).toEqual([
      ['一', '加强公开', []],
      ['1', '做好公开。', ['办公室']],
    ]);
  });

  it('没有网页正文的 .mht：说明是什么文件、怎么办', async () => {
    const data = Buffer.from(
      'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n',
    );
    await expect(parsePointsFile('要点.mht', data)).rejects.toThrow(/单个文件网页.*复制全文，用“粘贴文本”导入/);
  });
});

it('压缩目录谎报大小的压缩包：解压到声明大小即停止，报压缩炸弹', async () => {
  const zip = new JSZip();
  zip.file('word/document.xml', Buffer.alloc(30 * 1024 * 1024, 0x20));
  const b = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  // Declare 1000 bytes in both the local header and the central directory.
  const cd = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  b.writeUInt32LE(1000, cd + 24);
  b.writeUInt32LE(1000, 22);
  const t0 = Date.now();
  await expect(parsePointsFile('要点.docx', b)).rejects.toMatchObject({ code: 'ZIP_BOMB' });
  expect(Date.now() - t0).toBeLessThan(2000);
});

it('LibreOffice/WPS 的写法：空的 lvlOverride、续用同一列表的 num 不带 startOverride', async () => {
  const levels = `${lvl(0, 'chineseCountingThousand', '%1、')}${lvl(1, 'chineseCountingThousand', '（%2）')}${lvl(2, 'decimal', '%3.')}`;
  const numbering =
    `<w:abstractNum w:abstractNumId="1">${levels}</w:abstractNum><w:abstractNum w:abstractNumId="3">${levels}</w:abstractNum>` +
    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>' +
    '<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>' +
    '<w:num w:numId="12"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"/><w:lvlOverride w:ilvl="1"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
    '<w:num w:numId="14"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"/><w:lvlOverride w:ilvl="1"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
    '<w:num w:numId="15"><w:abstractNumId w:val="3"/></w:num>';
  const body = [
    p('甲方面', 1, 1),
    p('一项。', 12, 2),
    p('二项。', 3, 2),
    p('三项。', 3, 2),
    p('乙方面', 1, 1),
    p('又一项。', 14, 2),
    p('又二项。', 15, 2),
  ].join('');
  const r = await parsePointsFile('要点.docx', await handDocx(body, numbering));
  expect(r.items.map((i) => `${i.level}${i.label}`)).toEqual(['2一', '31', '32', '33', '2二', '31', '32']);
});

describe('Word 段落的不同写法与文本读出同样的条目', () => {
  /** One Word paragraph per line of `text`; `runs` splits a line into runs (a run may start with a line break). */
  const wordOf = (text: string, runs: (line: string) => TextRun[] = (l) => [new TextRun(l)]) =>
    Packer.toBuffer(
      new Document({ sections: [{ children: text.split('\n').map((l) => new Paragraph({ children: runs(l) })) }] }),
    );

  it('责任单位另占一段', async () => {
    const text = COUNTY_POINTS.replace(/^(.*。)（(?:责任单位：)?([^）]*)）$/gm, '$1\n责任单位：$2');
    expect(text.match(/^责任单位：/gm)).toHaveLength(7);
    const r = await parsePointsFile('要点.docx', await wordOf(text));
    expect(r.items).toEqual(parsePointsText(COUNTY_POINTS).items);
  });

  it.each([
    ['小标题中间', (l: string) => (/^（一）加强/.test(l) ? 6 : -1)],
    ['责任单位说明中间', (l: string) => (l.includes('（责任') ? l.indexOf('（责任') + 3 : -1)],
    ['责任单位说明之前', (l: string) => (l.includes('。（') ? l.indexOf('。（') + 1 : -1)],
  ])('段落内软回车在%s', async (_, at) => {
    const r = await parsePointsFile(
      '要点.docx',
      await wordOf(COUNTY_POINTS, (l) => {
        const i = at(l);
        return i < 0 ? [new TextRun(l)] : [new TextRun(l.slice(0, i)), new TextRun({ text: l.slice(i), break: 1 })];
      }),
    );
    expect(r.items).toEqual(parsePointsText(COUNTY_POINTS).items);
  });

  it('条目中间的软回车（Shift+Enter）：标题是整句，正文里没有换行', async () => {
    const r = await parsePointsFile(
      '要点.docx',
      await wordOf(COUNTY_POINTS, (l) => {
        if (!/^\d+\./.test(l)) return [new TextRun(l)];
        const c = [...l];
        const at = Math.floor(c.length / 2);
        return [new TextRun(c.slice(0, at).join('')), new TextRun({ text: c.slice(at).join(''), break: 1 })];
      }),
    );
    expect(r.items).toEqual(parsePointsText(COUNTY_POINTS).items);
  });
});

it('Excel 单元格里的 Alt+Enter 换行：标题是整句，正文里没有换行', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['序号', '工作任务', '责任单位', '完成时限']);
  ws.addRow([1, '及时发布政策文件\n并同步解读', '县政府办\n县司法局', '长期坚持']);
  ws.addRow([2, '完成本部门政策文件库更新。\n每季度检查一次。', '各乡镇', '2026年6月底前']);
  const r = await parsePointsFile('分工表.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  expect(r.items.map((i) => [i.title, i.text, i.lead])).toEqual([
    ['及时发布政策文件并同步解读', '及时发布政策文件并同步解读', ['县政府办', '县司法局']],
    ['完成本部门政策文件库更新', '完成本部门政策文件库更新。\n每季度检查一次。', ['各乡镇']],
  ]);
});
