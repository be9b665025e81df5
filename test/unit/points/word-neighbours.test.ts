// The Word documents offices really receive, around the samples: tracked changes and comments, automatic numbering
// of every style with restarts and overrides, a 红头 公文 with its 版头 and 版记, 分工表 tables with merged cells,
// text boxes, headers and footers, soft line breaks, tabs and fields. Each is a real .docx built here with the docx
// library (XML the library cannot write is edited into its document.xml) and read by the real reader.

import JSZip from 'jszip';
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  Footer,
  Header,
  InsertedTextRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  HeadingLevel,
  VerticalMergeType,
  WidthType,
  type ILevelsOptions,
  type ParagraphChild,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { parsePointsFile, parsePointsText } from '../../../main/import/points';
import { COUNTY_POINTS } from './neighbours';

const REV = { author: '审核人', date: '2026-01-04T09:00:00Z' };
let revId = 100;
const ins = (text: string) => new InsertedTextRun({ text, id: revId++, ...REV });
const del = (text: string) => new DeletedTextRun({ text, id: revId++, ...REV });

/** Paragraphs (a string is one plain run) and tables into a .docx; `edit` rewrites its document.xml. */
async function word(
  children: (Paragraph | Table | string)[],
  opts: {
    levels?: ILevelsOptions[];
    header?: Paragraph[];
    footer?: Paragraph[];
    comments?: { id: number; text: string }[];
    edit?: (xml: string) => string;
    editNumbering?: (xml: string) => string;
  } = {},
): Promise<Buffer> {
  const doc = new Document({
    numbering: { config: opts.levels ? [{ reference: 'list', levels: opts.levels }] : [] },
    comments: opts.comments
      ? {
          children: opts.comments.map((c) => ({
            id: c.id,
            author: REV.author,
            date: new Date(REV.date),
            children: [new Paragraph(c.text)],
          })),
        }
      : undefined,
    sections: [
      {
        headers: opts.header ? { default: new Header({ children: opts.header }) } : undefined,
        footers: opts.footer ? { default: new Footer({ children: opts.footer }) } : undefined,
        children: children.map((c) => (typeof c === 'string' ? new Paragraph(c) : c)),
      },
    ],
  });
  const built = await Packer.toBuffer(doc);
  if (!opts.edit && !opts.editNumbering) return built;
  const zip = await JSZip.loadAsync(built);
  const patch = async (part: string, f?: (xml: string) => string) => {
    if (!f) return;
    const before = await zip.file(part)!.async('string');
    const after = f(before);
    expect(after, `${part} was edited`).not.toBe(before);
    zip.file(part, after);
  };
  await patch('word/document.xml', opts.edit);
  await patch('word/numbering.xml', opts.editNumbering);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const para = (...runs: (ParagraphChild | string)[]) =>
  new Paragraph({ children: runs.map((r) => (typeof r === 'string' ? new TextRun(r) : r)) });

const brief = (items: { level: number; label: string; text: string; lead: string[]; support: string[] }[]) =>
  items.map((i) => `${i.level}${i.label} ${i.text}｜${i.lead.join('、')}｜${i.support.join('、')}`);

describe('修订与批注', () => {
  it('删除的字不读、插入的字读；批注的内容不进条目', async () => {
    const doc = await word(
      [
        '2026年檀溪县政务公开工作要点',
        '一、深化重点领域信息公开',
        para(
          '1.',
          ins('围绕县委县政府重大决策部署，'),
          '及时发布政策文件',
          del('并印发解读'),
          ins('并同步解读'),
          '。（责任单位：县政府办',
          del('、县财政局'),
          ins('、县司法局'),
          '）',
        ),
        para(
          '2.',
          new CommentRangeStart(1),
          '2026年6月底前，完成本部门政策文件库更新。',
          new CommentRangeEnd(1),
          new TextRun({ children: [new CommentReference(1)] }),
          '（责任单位：各乡镇）',
        ),
        para(del('3.删掉的整条。（责任单位：县教育局）')),
        para(ins('3.新增的一条：每季度开展一次自查。（责任单位：县政府办）')),
      ],
      { comments: [{ id: 1, text: '请核实时限是否为6月底。（责任单位：批注人）' }] },
    );
    const r = await parsePointsFile('要点.docx', doc);
    expect(brief(r.items)).toEqual([
      '1一 深化重点领域信息公开｜｜',
      '31 围绕县委县政府重大决策部署，及时发布政策文件并同步解读。｜县政府办、县司法局｜',
      '32 2026年6月底前，完成本部门政策文件库更新。｜各乡镇｜',
      '33 新增的一条：每季度开展一次自查。｜县政府办｜',
    ]);
    expect(r.items[2].deadline).toBe('2026-06-30');
  });

  it('移动的段落只在新位置读；修订前的段落格式（旧编号）不算', async () => {
    const doc = await word(
      [
        '2026年檀溪县政务公开工作要点',
        para('一、加强平台建设'),
        para('@@MOVEFROM@@'),
        para('1.9月底前完成网站栏目调整。（县政府办牵头，县数据局配合）'),
        para('@@MOVETO@@'),
        new Paragraph({ numbering: { reference: 'list', level: 2 }, children: [new TextRun('@@PPRCHANGE@@')] }),
      ],
      {
        levels: [
          { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
          { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
          { level: 2, format: LevelFormat.DECIMAL, text: '%3.' },
        ],
        edit: (xml) =>
          xml
            .replace(
              /<w:r>(?:(?!<w:r>).)*?@@MOVEFROM@@<\/w:t><\/w:r>/,
              '<w:moveFrom w:id="1" w:author="a" w:date="2026-01-04T09:00:00Z"><w:r><w:t>2.整理档案。（责任单位：县档案馆）</w:t></w:r></w:moveFrom>',
            )
            .replace(
              /<w:r>(?:(?!<w:r>).)*?@@MOVETO@@<\/w:t><\/w:r>/,
              '<w:moveTo w:id="2" w:author="a" w:date="2026-01-04T09:00:00Z"><w:r><w:t>2.整理档案。（责任单位：县档案馆）</w:t></w:r></w:moveTo>',
            )
            .replace(
              /(<w:numPr>(?:(?!<\/w:pPr>).)*?<\/w:numPr>)((?:(?!<\/w:pPr>).)*?<\/w:pPr>(?:(?!<\/w:p>).)*?@@PPRCHANGE@@)/,
              '$1<w:pPrChange w:id="3" w:author="a" w:date="2026-01-04T09:00:00Z"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange>$2',
            )
            .replace('@@PPRCHANGE@@', '年内组织开展一次专题培训。（责任单位：县政府办）'),
      },
    );
    const r = await parsePointsFile('要点.docx', doc);
    expect(brief(r.items)).toEqual([
      '1一 加强平台建设｜｜',
      '31 9月底前完成网站栏目调整。｜县政府办｜县数据局',
      '32 整理档案。｜县档案馆｜',
      '31 年内组织开展一次专题培训。｜县政府办｜',
    ]);
  });
});

describe('Word 自动编号的各种写法', () => {
  const LEVELS: ILevelsOptions[] = [
    { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
    { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
    { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
    { level: 3, format: LevelFormat.DECIMAL, text: '(%4)' },
    { level: 4, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%5' },
  ];
  /** An automatically numbered paragraph; a new `instance` restarts the list (Word's “重新开始于1”). */
  const auto = (level: number, text: string, instance = 0) =>
    new Paragraph({ numbering: { reference: 'list', level, instance }, children: [new TextRun(text)] });

  it('一、（一）1.(1)① 五级，重新编号、级别替代（lvlOverride）、手工键入的编号夹在自动编号中', async () => {
    const doc = await word(
      [
        '2026年檀溪县政务公开工作要点',
        auto(0, '深化重点领域信息公开'),
        auto(1, '加强政策发布解读'),
        auto(2, '及时发布政策文件。（责任单位：县政府办）'),
        auto(3, '重大政策同步解读。（责任单位：县司法局）'),
        auto(4, '解读材料随文件一并报送。（责任单位：县融媒体中心）'),
        auto(4, '每季度更新政策问答库。（责任单位：县融媒体中心）'),
        auto(3, '开展政策吹风会。（责任单位：县司法局）'),
        auto(2, '2026年6月底前完成政策文件库更新。（责任单位：各乡镇）'),
        '（二）做好依申请公开',
        auto(2, '规范依申请公开办理流程。（责任单位：县政府办）', 1),
        auto(2, '每季度开展一次答复文书质量自查。（责任单位：县政府办）', 1),
        '3.手工编号的一条：年内组织一次专题培训。（责任单位：县直各部门）',
        auto(0, '加强平台建设'),
        auto(2, '9月底前完成网站栏目调整。（县政府办牵头，县数据局配合）'),
        auto(2, '从五起编的一条。（责任单位：县数据局）', 9),
        auto(2, '接着编号的一条。（责任单位：县数据局）', 9),
      ],
      {
        levels: LEVELS,
        // As Word writes them: “重新开始于1” overrides the start of the level restarted (instance 1, level 3); the
        // last instance (9) replaces its level 3 with one of its own, "%3、" from 5 (Word 2003's level override).
        editNumbering: (xml) => {
          const nums = [...xml.matchAll(/<w:num w:numId="(\d+)"><w:abstractNumId w:val="(\d+)"\/>/g)];
          const [restart, last] = nums.slice(-2);
          const num = (n: RegExpExecArray, override: string) =>
            `<w:num w:numId="${n[1]}"><w:abstractNumId w:val="${n[2]}"/><w:lvlOverride w:ilvl="2">${override}</w:lvlOverride></w:num>`;
          return xml
            .replace(
              new RegExp(`<w:num w:numId="${restart[1]}">.*?</w:num>`),
              num(restart, '<w:startOverride w:val="1"/>'),
            )
            .replace(
              new RegExp(`<w:num w:numId="${last[1]}">.*?</w:num>`),
              num(
                last,
                '<w:startOverride w:val="5"/><w:lvl w:ilvl="2"><w:start w:val="5"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3、"/></w:lvl>',
              ),
            );
        },
      },
    );
    const r = await parsePointsFile('要点.docx', doc);
    expect(r.items.map((i) => `${i.level}${i.label} ${i.text}｜${i.lead.join('、')}｜${i.deadline ?? ''}`)).toEqual([
      '1一 深化重点领域信息公开｜｜',
      '2一 加强政策发布解读｜｜',
      '31 及时发布政策文件。｜县政府办｜',
      '41 重大政策同步解读。｜县司法局｜',
      '5① 解读材料随文件一并报送。｜县融媒体中心｜',
      '5② 每季度更新政策问答库。｜县融媒体中心｜',
      '42 开展政策吹风会。｜县司法局｜',
      '32 2026年6月底前完成政策文件库更新。｜各乡镇｜2026-06-30',
      '2二 做好依申请公开｜｜',
      '31 规范依申请公开办理流程。｜县政府办｜',
      '32 每季度开展一次答复文书质量自查。｜县政府办｜',
      '33 手工编号的一条：年内组织一次专题培训。｜县直各部门｜2026-12-31',
      '1二 加强平台建设｜｜',
      '31 9月底前完成网站栏目调整。｜县政府办｜2026-09-30',
      '35 从五起编的一条。｜县数据局｜',
      '36 接着编号的一条。｜县数据局｜',
    ]);
  });

  it('删除修订的整条自动编号段落不占编号，后面的条目按 Word 显示的编号读', async () => {
    const doc = await word(
      [
        '2026年檀溪县政务公开工作要点',
        auto(0, '深化重点领域信息公开'),
        auto(2, '及时发布政策文件。（责任单位：县政府办）'),
        new Paragraph({
          numbering: { reference: 'list', level: 2 },
          children: [del('删掉的一条。（责任单位：县教育局）')],
        }),
        auto(2, '按时报送工作情况。（责任单位：县直各部门）'),
      ],
      {
        levels: LEVELS,
        // The deleted paragraph's mark is deleted too (the whole paragraph was removed with track changes on).
        edit: (xml) =>
          xml.replace(
            /(<w:p><w:pPr>(?:(?!<\/w:pPr>).)*?)(<\/w:pPr><w:del )/,
            `$1<w:rPr><w:del w:id="7" w:author="a" w:date="${REV.date}"/></w:rPr>$2`,
          ),
      },
    );
    const r = await parsePointsFile('要点.docx', doc);
    expect(r.items.map((i) => `${i.level}${i.label} ${i.text}`)).toEqual([
      '1一 深化重点领域信息公开',
      '31 及时发布政策文件。',
      '32 按时报送工作情况。',
    ]);
  });

  it('空的自动编号段落（多按的回车、文字全部删除修订而段落还在）不是条目，也不接进上一条', async () => {
    const doc = await word(
      [
        '2026年檀溪县政务公开工作要点',
        auto(0, '深化重点领域信息公开'),
        auto(2, ''),
        auto(2, '及时发布政策文件。（责任单位：县政府办）'),
        new Paragraph({
          numbering: { reference: 'list', level: 2 },
          children: [del('删掉的一条。（责任单位：县教育局）')],
        }),
        auto(2, '按时报送工作情况。（责任单位：县直各部门）'),
        auto(2, ''),
      ],
      { levels: LEVELS },
    );
    const r = await parsePointsFile('要点.docx', doc);
    // The empty lines keep their numbers on the page, so the labels are the ones Word shows.
    expect(r.items.map((i) => `${i.level}${i.label} ${i.text}｜${i.lead.join('、')}`)).toEqual([
      '1一 深化重点领域信息公开｜',
      '32 及时发布政策文件。｜县政府办',
      '34 按时报送工作情况。｜县直各部门',
    ]);
  });

  it('条目中的软回车、回车符（w:cr）在句号之后也接上；换行后的“完成时限：”是时限不是正文；条目后的表格标题不接进条目', async () => {
    const doc = await word(
      [
        '2026年檀溪县政务公开工作要点',
        auto(0, '深化重点领域信息公开'),
        auto(2, '规范依申请公开办理流程。@@CR@@每季度开展一次答复文书质量自查。（责任单位：县政府办）'),
        new Paragraph({
          numbering: { reference: 'list', level: 2 },
          children: [
            new TextRun('完成网站栏目调整。'),
            new TextRun({ text: '完成时限：2026年9月30日前', break: 1 }),
            new TextRun({ text: '责任单位：县数据局', break: 1 }),
          ],
        }),
        auto(2, '6月30日前报送上半年工作情况。（责任单位：县直各部门）'),
        new Paragraph({ pageBreakBefore: true, children: [new TextRun('2026年政务公开重点任务分工表')] }),
        '各单位要高度重视，确保各项任务落到实处。',
      ],
      {
        levels: LEVELS,
        edit: (xml) => xml.replace('@@CR@@', '</w:t><w:cr/><w:t xml:space="preserve">'),
      },
    );
    const r = await parsePointsFile('要点.docx', doc);
    expect(r.items.map((i) => `${i.level}${i.label} ${i.text}｜${i.lead.join('、')}｜${i.deadline}`)).toEqual([
      '1一 深化重点领域信息公开｜｜null',
      '31 规范依申请公开办理流程。每季度开展一次答复文书质量自查。｜县政府办｜null',
      '32 完成网站栏目调整。｜县数据局｜2026-09-30',
      '33 6月30日前报送上半年工作情况。｜县直各部门｜2026-06-30',
    ]);
  });
});

describe('红头公文', () => {
  /** One-column or two-column table rows, as the 版记 (抄送, 印发机关和印发日期) is set. */
  const table = (rows: string[][]) =>
    new Table({
      width: { size: 9000, type: WidthType.DXA },
      columnWidths: [4500, 4500],
      rows: rows.map(
        (cells) =>
          new TableRow({
            children: cells.map(
              (text) =>
                new TableCell({
                  columnSpan: cells.length === 1 ? 2 : undefined,
                  width: { size: cells.length === 1 ? 9000 : 4500, type: WidthType.DXA },
                  children: [new Paragraph(text)],
                }),
            ),
          }),
      ),
    });
  const items = COUNTY_POINTS.split('\n').slice(1);

  it.each([
    ['附件说明一行', ['附件：2026年政务公开重点任务分工表']],
    ['附件说明多行', ['附件：1.2026年政务公开重点任务分工表', '      2.政务公开工作联系人名单']],
    ['附件说明另起编号', ['附件：', '1.2026年政务公开重点任务分工表', '2.政务公开工作联系人名单']],
    ['正文以“特此通知。”结束', ['特此通知。', '附件：2026年政务公开重点任务分工表']],
  ])('版头、主送、落款、成文日期和版记都不是条目；标题和文号读出（%s）', async (_, attachments) => {
    const doc = await word([
      '檀溪县人民政府办公室文件',
      '檀政办发〔2026〕3号',
      '檀溪县人民政府办公室关于印发2026年政务公开工作要点的通知',
      '各乡镇人民政府，县直各部门：',
      ...items,
      ...attachments,
      '檀溪县人民政府办公室',
      '2026年1月5日',
      '（此件公开发布）',
      table([['抄送：县委办公室，县人大常委会办公室，县政协办公室。'], ['檀溪县人民政府办公室', '2026年1月5日印发']]),
    ]);
    const r = await parsePointsFile('通知.docx', doc);
    expect(r.items).toEqual(parsePointsText(COUNTY_POINTS).items);
    expect(r).toMatchObject({
      title: '檀溪县人民政府办公室关于印发2026年政务公开工作要点的通知',
      docNumber: '檀政办发〔2026〕3号',
      issuer: '檀溪县人民政府办公室',
      issuedDate: '2026-01-05',
      year: 2026,
    });
  });
});

describe('Word 表格中的分工表', () => {
  type C = { text: string; span?: number; merge?: 'restart' | 'continue' };
  const grid = (rows: (string | C)[][]) =>
    new Table({
      width: { size: 9000, type: WidthType.DXA },
      columnWidths: [1000, 4000, 2000, 2000],
      rows: rows.map(
        (cells) =>
          new TableRow({
            children: cells.map((c) => {
              const { text, span, merge } = typeof c === 'string' ? { text: c } : c;
              return new TableCell({
                columnSpan: span,
                verticalMerge:
                  merge === 'restart'
                    ? VerticalMergeType.RESTART
                    : merge === 'continue'
                      ? VerticalMergeType.CONTINUE
                      : undefined,
                children: [new Paragraph(text)],
              });
            }),
          }),
      ),
    });

  it('合并的序号单元格、合并单元格下面的空白单元格；一个文件里两个表格', async () => {
    const doc = await word([
      '2026年檀溪县政务公开重点任务分工',
      '表1 重点领域信息公开',
      grid([
        ['序号', '工作任务', '责任单位', '完成时限'],
        [{ text: '一、深化重点领域信息公开', span: 4 }],
        [
          { text: '1', merge: 'restart' },
          '及时发布政策文件。',
          { text: '县政府办', merge: 'restart' },
          '2026年6月底前',
        ],
        [{ text: '', merge: 'continue' }, '同步做好政策解读。', { text: '', merge: 'continue' }, ''],
        ['2', '更新政策文件库。', '', '9月底前'],
      ]),
      '表2 平台建设',
      grid([
        ['序号', '工作任务', '牵头单位', '完成时限'],
        ['1', '优化政府网站栏目。', '县数据局', '2026年10月底前'],
      ]),
      '檀溪县人民政府办公室',
      '2026年1月5日',
    ]);
    const r = await parsePointsFile('分工.docx', doc);
    expect(r.items.map((i) => `${i.level}${i.label} ${i.text}｜${i.lead.join('、')}｜${i.deadlineText ?? ''}`)).toEqual(
      [
        '1一 深化重点领域信息公开｜｜',
        // One 序号 merged over two rows numbers one task written in two rows.
        '31 及时发布政策文件。\n同步做好政策解读。｜县政府办｜2026年6月底前',
        '32 更新政策文件库。｜｜9月底前',
        '31 优化政府网站栏目。｜县数据局｜2026年10月底前',
      ],
    );
    expect(r.title).toBe('2026年檀溪县政务公开重点任务分工');
    expect(r.issuedDate).toBe('2026-01-05');
  });

  it('分工表分页后重复表头，续表先接着上一类的任务、再出现“二、”：“二、”仍是第一级', async () => {
    const header = ['序号', '工作任务', '牵头单位', '时间节点'];
    const doc = await word([
      '2026年檀溪县政务公开重点任务分工表',
      grid([
        header,
        [{ text: '一、深化重点领域信息公开', span: 4 }],
        ['1', '及时发布政策文件。', '县政府办', '6月底前'],
      ]),
      new Paragraph({ pageBreakBefore: true, children: [] }),
      grid([
        header,
        ['2', '规范依申请公开办理。', '县政府办', '每季度'],
        [{ text: '二、加强平台建设', span: 4 }],
        ['1', '完成网站栏目调整。', '县数据局', '第三季度'],
      ]),
    ]);
    const r = await parsePointsFile('分工表.docx', doc);
    expect(r.items.map((i) => `${i.level}${i.label} ${i.text}｜${i.lead.join('、')}｜${i.deadlineText ?? ''}`)).toEqual(
      [
        '1一 深化重点领域信息公开｜｜',
        '31 及时发布政策文件。｜县政府办｜6月底前',
        '32 规范依申请公开办理。｜县政府办｜每季度',
        '1二 加强平台建设｜｜',
        '31 完成网站栏目调整。｜县数据局｜第三季度',
      ],
    );
  });

  it('表格从一项任务开始，后面才有“二、”：任务不丢，“二、”是第一级', async () => {
    const doc = await word([
      '2026年檀溪县政务公开重点任务分工表',
      grid([
        ['序号', '工作任务', '牵头单位', '完成时限'],
        ['1', '规范依申请公开办理。', '县政府办', '每季度'],
        [{ text: '二、加强平台建设', span: 4 }],
        ['1', '完成网站栏目调整。', '县数据局', '第三季度'],
      ]),
    ]);
    const r = await parsePointsFile('分工表.docx', doc);
    expect(r.items.map((i) => `${i.level}${i.label} ${i.text}`)).toEqual([
      '31 规范依申请公开办理。',
      '1二 加强平台建设',
      '31 完成网站栏目调整。',
    ]);
  });

  it('序号列写“（一）”，小标题跨其余各列合并：小标题没有责任单位和时限', async () => {
    const doc = await word([
      '2026年檀溪县政务公开工作要点分工表',
      grid([
        ['序号', '工作任务', '责任单位', '完成时间'],
        [{ text: '一、深化重点领域信息公开', span: 4 }],
        ['（一）', { text: '加强政策发布解读', span: 3 }],
        ['1', '及时发布政策文件并同步解读。', '县政府办', '6月底前'],
        ['（二）', { text: '做好依申请公开', span: 3 }],
        ['2', '规范依申请公开办理流程。', '县政府办牵头，县司法局配合', '每季度'],
      ]),
    ]);
    const r = await parsePointsFile('分工表.docx', doc);
    expect(
      r.items.map(
        (i) => `${i.level}${i.label} ${i.text}｜${i.lead.join('、')}｜${i.support.join('、')}｜${i.deadlineText ?? ''}`,
      ),
    ).toEqual([
      '1一 深化重点领域信息公开｜｜｜',
      '2一 加强政策发布解读｜｜｜',
      '31 及时发布政策文件并同步解读。｜县政府办｜｜6月底前',
      '2二 做好依申请公开｜｜｜',
      '32 规范依申请公开办理流程。｜县政府办｜县司法局｜每季度',
    ]);
  });
});

describe('文本框、页眉页脚、软回车、制表符和域', () => {
  /** A Word 2010 text box (a shape holding paragraphs), with the VML copy older readers use. */
  const textBox = (text: string) => {
    const content = `<w:txbxContent><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:txbxContent>`;
    return `<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="1800000" cy="600000"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="9" name="文本框 9"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>${content}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape style="width:140pt;height:47pt"><v:textbox>${content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>`;
  };

  it('文本框里的注不进条目；软回车和编号后的制表符', async () => {
    const doc = await word(
      [
        '2026年檀溪县政务公开工作要点',
        '一、深化重点领域信息公开',
        para('（一）加强政策发布解读'),
        // A shape anchored in the item: a reviewer's note floating beside it.
        para(
          '1.',
          new TextRun('@@BOX@@'),
          '围绕县委县政府重大决策部署，及时发布政策文件并同步解读。（牵头单位：县政府办；配合单位：县司法局、县融媒体中心）',
        ),
        para(
          new TextRun('2.\t2026年6月底前，'),
          new TextRun({ text: '完成本部门政策文件库更新。', break: 1 }),
          '（责任单位：各乡镇、县直各部门）',
        ),
        '3.\t6月30日前报送上半年工作情况。（责任单位：县直各部门）',
      ],
      {
        edit: (xml) =>
          xml.replace(
            /<w:t xml:space="preserve">@@BOX@@<\/w:t>/,
            textBox('注：此项为今年新增任务（责任单位：县统计局）'),
          ),
      },
    );
    const r = await parsePointsFile('要点.docx', doc);
    expect(brief(r.items)).toEqual([
      '1一 深化重点领域信息公开｜｜',
      '2一 加强政策发布解读｜｜',
      '31 围绕县委县政府重大决策部署，及时发布政策文件并同步解读。｜县政府办｜县司法局、县融媒体中心',
      '32 2026年6月底前，完成本部门政策文件库更新。｜各乡镇、县直各部门｜',
      '33 6月30日前报送上半年工作情况。｜县直各部门｜',
    ]);
    expect(r.items[3].deadline).toBe('2026-06-30');
  });

  it('页眉页脚不读；正文中的页码域（Word 存了页码的、程序生成没存页码的）不进条目', async () => {
    const wordField =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const doc = await word(
      [
        '2026年檀溪县政务公开工作要点',
        '一、深化重点领域信息公开',
        '1.及时发布政策文件。（责任单位：县政府办）',
        para(new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })),
        '2.完成政策文件库更新。（责任单位：各乡镇）',
        para(new TextRun({ children: ['第', PageNumber.CURRENT, '页 共', PageNumber.TOTAL_PAGES, '页'] })),
        '3.报送上半年工作情况。（责任单位：县直各部门）',
        para('@@FIELD@@'),
        '4.开展专题培训。（责任单位：县政府办）',
        para('@@SIMPLE@@'),
      ],
      {
        header: [new Paragraph('1.页眉里的字')],
        footer: [new Paragraph({ children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })],
        edit: (xml) =>
          xml
            .replace(
              /<w:r>(?:(?!<w:r>).)*?@@FIELD@@<\/w:t><\/w:r>/,
              `<w:r><w:t>- </w:t></w:r>${wordField}<w:r><w:t> -</w:t></w:r>`,
            )
            .replace(
              /<w:r>(?:(?!<w:r>).)*?@@SIMPLE@@<\/w:t><\/w:r>/,
              '<w:r><w:t>第</w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple><w:r><w:t>页</w:t></w:r>',
            ),
      },
    );
    const r = await parsePointsFile('要点.docx', doc);
    expect(brief(r.items)).toEqual([
      '1一 深化重点领域信息公开｜｜',
      '31 及时发布政策文件。｜县政府办｜',
      '32 完成政策文件库更新。｜各乡镇｜',
      '33 报送上半年工作情况。｜县直各部门｜',
      '34 开展专题培训。｜县政府办｜',
    ]);
  });

  it('邮件合并的嵌套域（IF { MERGEFIELD 年份 } …）：只读域结果，不读嵌在域代码里的字', async () => {
    const nested =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD 年份 </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2026</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '<w:r><w:instrText xml:space="preserve"> = "" "" "x" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
      '<w:r><w:t>12月底前</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const doc = await word(['2026年檀溪县政务公开工作要点', '一、深化重点领域信息公开', para('@@FIELD@@')], {
      edit: (xml) =>
        xml.replace(
          /<w:r>(?:(?!<w:r>).)*?@@FIELD@@<\/w:t><\/w:r>/,
          `<w:r><w:t>1.年度报告于</w:t></w:r>${nested}<w:r><w:t>完成编制。（责任单位：县政府办）</w:t></w:r>`,
        ),
    });
    const r = await parsePointsFile('要点.docx', doc);
    expect(r.items[1]).toMatchObject({
      text: '年度报告于12月底前完成编制。',
      lead: ['县政府办'],
      deadline: '2026-12-31',
    });
  });
});

it('隐藏文字（字体设为“隐藏”）不读，和 Word 打印出来的一样', async () => {
  const doc = await word([
    '2026年檀溪县政务公开工作要点',
    '一、深化重点领域信息公开',
    para(
      '1.及时发布政策文件',
      new TextRun({ text: '（内部掌握：先报县领导审定）', vanish: true }),
      '。（责任单位：县政府办）',
    ),
    para(new TextRun({ text: '2.隐藏的一整条。（责任单位：县教育局）', vanish: true })),
    '2.完成政策文件库更新。（责任单位：各乡镇）',
  ]);
  const r = await parsePointsFile('要点.docx', doc);
  expect(brief(r.items)).toEqual([
    '1一 深化重点领域信息公开｜｜',
    '31 及时发布政策文件。｜县政府办｜',
    '32 完成政策文件库更新。｜各乡镇｜',
  ]);
});

it('印发通知，要点在附件里：通知正文、附件说明和落款不是条目，附件中的条目读出', async () => {
  const doc = await word([
    '檀溪县人民政府办公室文件',
    '檀政办发〔2026〕3号',
    '檀溪县人民政府办公室关于印发2026年政务公开工作要点的通知',
    '各乡镇人民政府，县直各部门：',
    '现将《2026年檀溪县政务公开工作要点》印发给你们，请结合实际认真贯彻落实。',
    '附件：2026年檀溪县政务公开工作要点',
    '檀溪县人民政府办公室',
    '2026年1月5日',
    '（此件公开发布）',
    new Paragraph({ pageBreakBefore: true, children: [new TextRun('附件')] }),
    ...COUNTY_POINTS.split('\n'),
  ]);
  const r = await parsePointsFile('通知.docx', doc);
  expect(r.items).toEqual(parsePointsText(COUNTY_POINTS).items);
  expect(r).toMatchObject({ docNumber: '檀政办发〔2026〕3号', year: 2026 });
  expect(r.title).toBe('檀溪县人民政府办公室关于印发2026年政务公开工作要点的通知');
});

it('分工表的序号列用 Word 自动编号', async () => {
  const cell = (children: Paragraph[]) => new TableCell({ children });
  const numbered = () => new Paragraph({ numbering: { reference: 'list', level: 0 }, children: [] });
  const doc = await word(
    [
      '2026年政务公开重点任务分工表',
      new Table({
        rows: [
          ['序号', '工作任务', '责任单位', '完成时限'],
          [null, '编制标准目录。', '县政府办牵头，各乡镇配合', '2026年6月底前'],
          [null, '更新公开指南。', '县直各部门', '持续推进'],
        ].map(
          (cells) => new TableRow({ children: cells.map((t) => cell([t === null ? numbered() : new Paragraph(t)])) }),
        ),
      }),
    ],
    { levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] },
  );
  const r = await parsePointsFile('分工表.docx', doc);
  expect(
    r.items.map((i) => `${i.level}${i.label} ${i.text}｜${i.lead.join('、')}｜${i.support.join('、')}｜${i.deadline}`),
  ).toEqual(['31 编制标准目录。｜县政府办｜各乡镇｜2026-06-30', '32 更新公开指南。｜县直各部门｜｜null']);
});

it('分工表在下一页另起一个没有表头的续表：续表的行按前一个表格的列读', async () => {
  const table = (rows: string[][]) =>
    new Table({
      rows: rows.map(
        (cells) => new TableRow({ children: cells.map((t) => new TableCell({ children: [new Paragraph(t)] })) }),
      ),
    });
  const doc = await word([
    '2026年政务公开重点任务分工表',
    table([
      ['序号', '工作任务', '责任单位', '完成时限'],
      ['1', '编制标准目录。', '县政府办', '2026年6月底前'],
      ['2', '更新公开指南。', '县直各部门', '持续推进'],
    ]),
    new Paragraph({ pageBreakBefore: true, children: [new TextRun('续表')] }),
    table([
      ['3', '开展专题培训。', '县政府办牵头，各乡镇配合', '2026年9月底前'],
      ['4', '做好年度报告。', '各乡镇', '2027年1月31日前'],
    ]),
  ]);
  const r = await parsePointsFile('分工表.docx', doc);
  expect(
    r.items.map(
      (i) => `${i.level}${i.label} ${i.text}｜${i.lead.join('、')}｜${i.support.join('、')}｜${i.deadlineText}`,
    ),
  ).toEqual([
    '31 编制标准目录。｜县政府办｜｜2026年6月底前',
    '32 更新公开指南。｜县直各部门｜｜持续推进',
    '33 开展专题培训。｜县政府办｜各乡镇｜2026年9月底前',
    '34 做好年度报告。｜各乡镇｜｜2027年1月31日前',
  ]);
});

it('整篇排在一个单元格的表格里（网页编辑器导出）：和逐段排版的读出同样的条目', async () => {
  const lines = COUNTY_POINTS.split('\n');
  const doc = await word([
    new Table({
      rows: [
        new TableRow({
          children: [
            new TableCell({
              children: lines.map((l) =>
                /^2\./.test(l)
                  ? para(new TextRun(l.slice(0, 12)), new TextRun({ text: l.slice(12), break: 1 }))
                  : new Paragraph(l),
              ),
            }),
          ],
        }),
      ],
    }),
  ]);
  const r = await parsePointsFile('要点.docx', doc);
  expect(r.items).toEqual(parsePointsText(COUNTY_POINTS).items);
  expect(r.title).toBe('2026年檀溪县政务公开工作要点');
});

it('发文机关标志在文本框里、标题分两行排', async () => {
  const doc = await word(
    [
      para('@@BOX@@'),
      '檀政办发〔2026〕3号',
      '檀溪县人民政府办公室关于印发',
      '2026年政务公开工作要点的通知',
      '各乡镇人民政府，县直各部门：',
      ...COUNTY_POINTS.split('\n').slice(1),
      '檀溪县人民政府办公室',
      '2026年1月5日',
    ],
    {
      edit: (xml) =>
        xml.replace(
          /<w:t xml:space="preserve">@@BOX@@<\/w:t>/,
          `<w:pict><v:shape style="width:400pt;height:60pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>檀溪县人民政府办公室文件</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>`,
        ),
    },
  );
  const r = await parsePointsFile('通知.docx', doc);
  expect(r.items).toEqual(parsePointsText(COUNTY_POINTS).items);
  expect(r).toMatchObject({
    title: '檀溪县人民政府办公室关于印发2026年政务公开工作要点的通知',
    docNumber: '檀政办发〔2026〕3号',
    issuedDate: '2026-01-05',
  });
});

it('PDF 转成的 Word：每段都在一个文本框里，条目照样读出', async () => {
  const lines = COUNTY_POINTS.split('\n');
  const doc = await word(
    lines.map((_, k) => para(`@@BOX${k}@@`)),
    {
      edit: (xml) =>
        xml.replace(
          /<w:t xml:space="preserve">@@BOX(\d+)@@<\/w:t>/g,
          (_, k: string) =>
            `<w:pict><v:shape style="width:400pt;height:20pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>${lines[Number(k)]}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>`,
        ),
    },
  );
  const r = await parsePointsFile('要点.docx', doc);
  expect(r.items).toEqual(parsePointsText(COUNTY_POINTS).items);
  expect(r.title).toBe('2026年檀溪县政务公开工作要点');
});

it('只用 Word 标题样式（标题 1、标题 2，或中文 Word 的样式名“1”“2”）不打编号：按层级读，正文段落是其下的条目，编号留空', async () => {
  const H1 = (t: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(t)] });
  const H2 = (t: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(t)] });
  const body = [
    '2026年檀溪县政务公开工作要点',
    H1('深化重点领域信息公开'),
    H2('加强政策发布解读'),
    '及时发布政策文件并同步解读。（责任单位：县政府办）',
    '2026年6月底前，完成本部门政策文件库更新。（责任单位：各乡镇、县直各部门）',
    H1('加强平台建设'),
    H2('优化政府网站'),
    '9月底前完成网站栏目调整。（县政府办牵头，县数据局配合）',
  ];
  const expected = [
    '1 深化重点领域信息公开｜｜',
    '2 加强政策发布解读｜｜',
    '3 及时发布政策文件并同步解读。｜县政府办｜',
    '3 2026年6月底前，完成本部门政策文件库更新。｜各乡镇、县直各部门｜',
    '1 加强平台建设｜｜',
    '2 优化政府网站｜｜',
    '3 9月底前完成网站栏目调整。｜县政府办｜县数据局',
  ];
  for (const edit of [
    undefined,
    (xml: string) => xml.replace(/w:val="Heading1"/g, 'w:val="1"').replace(/w:val="Heading2"/g, 'w:val="2"'),
  ]) {
    const r = await parsePointsFile('要点.docx', await word(body, { edit }));
    expect(r.title).toBe('2026年檀溪县政务公开工作要点');
    expect(brief(r.items)).toEqual(expected);
  }
});

it('正文后的附件分工表另起一组（以附件标题为名的第一级），不挂在正文最后一个小标题下', async () => {
  const table = () =>
    new Table({
      rows: [
        ['序号', '工作任务', '责任单位', '完成时限'],
        ['1', '及时发布政策文件并同步解读', '县政府办', '全年'],
        ['2', '答复文书质量自查', '县政府办', '每季度'],
      ].map((cells) => new TableRow({ children: cells.map((t) => new TableCell({ children: [new Paragraph(t)] })) })),
    });
  const body = [
    '2026年檀溪县政务公开工作要点',
    '一、深化重点领域信息公开',
    '（一）加强政策发布解读',
    '1.6月30日前报送上半年工作情况。（责任单位：县直各部门）',
  ];
  for (const between of [['附件', '2026年政务公开重点任务分工表'], ['附件1'], ['2026年政务公开重点任务分工表']]) {
    const r = await parsePointsFile('要点.docx', await word([...body, ...between, table()]));
    expect(brief(r.items), between.join('/')).toEqual([
      '1一 深化重点领域信息公开｜｜',
      '2一 加强政策发布解读｜｜',
      '31 6月30日前报送上半年工作情况。｜县直各部门｜',
      `1 ${between[between.length - 1]}｜｜`,
      '31 及时发布政策文件并同步解读｜县政府办｜',
      '32 答复文书质量自查｜县政府办｜',
    ]);
  }
});
