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
