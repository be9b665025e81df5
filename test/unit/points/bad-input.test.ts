import crypto from 'node:crypto';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_POINTS_FILE_BYTES } from '../../../main/import/points';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { buildDocx } from './variants';

// Every kind of bad input gets a clear Chinese message with a stable code, through the real dispatch(), and leaves
// the database exactly as it was (preview and save alike).

let t: TestWorkstation;
beforeEach(async () => {
  t = await openTestWorkstation({ year: 2021 });
});
afterEach(() => t.cleanup());

function snapshot(): Record<string, number> {
  const raw = t.ws.context().raw;
  const out: Record<string, number> = {};
  for (const table of ['source_document', 'work_point', 'attachment', 'audit_log']) {
    out[table] = (raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
  out.changes = (raw.prepare('PRAGMA data_version').get() as { data_version: number }).data_version;
  return out;
}

const upload = (fileName: string, data: Buffer) => ({ fileName, dataBase64: data.toString('base64') });

/** A minimal OLE compound file like the one Word writes for a password-protected .docx. */
function encryptedDocx(): Buffer {
  const sector = 512;
  const b = Buffer.alloc(sector * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  b.writeUInt16LE(0x3e, 24);
  b.writeUInt16LE(3, 26);
  b.writeUInt16LE(0xfffe, 28);
  b.writeUInt16LE(9, 30);
  b.writeUInt16LE(6, 32);
  b.writeUInt32LE(1, 44); // one FAT sector
  b.writeUInt32LE(1, 48); // directory starts at sector 1
  b.writeUInt32LE(0x1000, 56);
  b.writeUInt32LE(0xfffffffe, 60);
  b.writeUInt32LE(0xfffffffe, 68);
  b.writeUInt32LE(0, 76); // DIFAT[0] = sector 0
  for (let i = 1; i < 109; i++) b.writeUInt32LE(0xffffffff, 76 + i * 4);
  const fat = sector; // sector 0
  b.writeUInt32LE(0xfffffffd, fat);
  b.writeUInt32LE(0xfffffffe, fat + 4);
  for (let i = 2; i < 128; i++) b.writeUInt32LE(0xffffffff, fat + i * 4);
  const dir = sector * 2; // sector 1
  ['Root Entry', 'EncryptionInfo', 'EncryptedPackage'].forEach((name, i) => {
    const e = dir + i * 128;
    Buffer.from(`${name}\0`, 'utf16le').copy(b, e);
    b.writeUInt16LE((name.length + 1) * 2, e + 64);
    b[e + 66] = i === 0 ? 5 : 2;
  });
  return b;
}

async function zipBomb(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  // 80 MB of spaces compresses to well under 100 KB.
  zip.file('word/document.xml', Buffer.alloc(80 * 1024 * 1024, 0x20));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

const sampleDocx = () =>
  buildDocx(
    {
      title: '2021年政务公开工作要点',
      docNumber: null,
      items: [
        {
          level: 1,
          label: '一',
          title: '加强公开',
          text: '加强公开',
          lead: [],
          support: [],
          deadline: null,
          deadlineText: null,
        },
        {
          level: 3,
          label: '1',
          title: '做好公开',
          text: '做好公开。',
          lead: ['办公室'],
          support: [],
          deadline: null,
          deadlineText: null,
        },
      ],
    },
    'typed',
  );

const cases: { name: string; file: () => Promise<{ fileName: string; data: Buffer }>; code: string; words: RegExp }[] =
  [
    {
      name: '空文件',
      file: async () => ({ fileName: '要点.docx', data: Buffer.alloc(0) }),
      code: 'FILE_EMPTY',
      words: /是空的/,
    },
    {
      name: '空的 .txt',
      file: async () => ({ fileName: '要点.txt', data: Buffer.alloc(0) }),
      code: 'FILE_EMPTY',
      words: /是空的/,
    },
    {
      name: '扩展名是 .docx 的文本文件',
      file: async () => ({ fileName: '要点.docx', data: Buffer.from('一、加强公开\n1.做好公开。') }),
      code: 'FILE_TYPE_MISMATCH',
      words: /扩展名是 \.docx.*实际是文本/,
    },
    {
      name: '扩展名是 .txt 的 Word 文档',
      file: async () => ({ fileName: '要点.txt', data: await sampleDocx() }),
      code: 'FILE_TYPE_MISMATCH',
      words: /改为 \.docx/,
    },
    {
      name: '只下载了一半的 .docx',
      file: async () => {
        const d = await sampleDocx();
        return { fileName: '要点.docx', data: d.subarray(0, Math.floor(d.length / 2)) };
      },
      code: 'FILE_DAMAGED',
      words: /已损坏或不完整/,
    },
    {
      name: '没有正文的 .docx',
      file: async () => {
        const z = new JSZip();
        z.file('a.txt', 'x');
        return { fileName: '要点.docx', data: await z.generateAsync({ type: 'nodebuffer' }) };
      },
      code: 'FILE_DAMAGED',
      words: /document\.xml/,
    },
    {
      name: '加密的 .docx',
      file: async () => ({ fileName: '要点.docx', data: encryptedDocx() }),
      code: 'FILE_ENCRYPTED',
      words: /密码/,
    },
    {
      name: '压缩炸弹',
      file: async () => ({ fileName: '要点.docx', data: await zipBomb() }),
      code: 'ZIP_BOMB',
      words: /解压后异常巨大/,
    },
    {
      name: '50 MB 的文件',
      file: async () => ({ fileName: '要点.docx', data: Buffer.alloc(50 * 1024 * 1024, 0x41) }),
      code: 'FILE_TOO_LARGE',
      words: /超过/,
    },
    {
      name: '改名为 .txt 的二进制数据',
      file: async () => ({ fileName: '要点.txt', data: crypto.randomBytes(64 * 1024) }),
      code: 'FILE_TYPE_MISMATCH',
      words: /不是文本文件/,
    },
    {
      name: '没有编号条目的文件',
      file: async () => ({
        fileName: '通知.txt',
        data: Buffer.from('关于做好政务公开工作的通知\n各单位要高度重视，认真做好相关工作。\n'),
      }),
      code: 'NO_ITEMS',
      words: /没有找到编号的工作要点条目/,
    },
    {
      name: '旧版 .doc',
      file: async () => {
        const b = encryptedDocx();
        b.fill(0, 1024);
        return { fileName: '要点.doc', data: b };
      },
      code: 'FILE_UNSUPPORTED',
      words: /另存为.*\.docx/,
    },
    ...['要点.ofd', '要点.docx'].map((fileName) => ({
      name: `OFD 版式文件（${fileName}）`,
      file: async () => {
        const zip = new JSZip();
        zip.file('OFD.xml', '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0"/>');
        zip.file('Doc_0/Document.xml', '<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"/>');
        return { fileName, data: await zip.generateAsync({ type: 'nodebuffer' }) };
      },
      code: 'FILE_UNSUPPORTED',
      words: /OFD 版式文件，暂不能直接导入。请向发文单位索取 Word 版本；或用数科阅读器、WPS 打开它，“另存为”Word/,
    })),
    {
      name: 'PDF',
      file: async () => ({ fileName: '要点.pdf', data: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n') }),
      code: 'FILE_UNSUPPORTED',
      words: /PDF/,
    },
    {
      name: '条目多得不像要点',
      file: async () => ({
        fileName: '要点.txt',
        data: Buffer.from(
          Array.from({ length: 40 }, (_, s) =>
            [
              `${'一二三四五六七八九十'[s % 10]}、部分`,
              ...Array.from({ length: 99 }, (_, i) => `${i + 1}.条目。`),
            ].join('\n'),
          ).join('\n'),
        ),
      }),
      code: 'TOO_MANY_ITEMS',
      words: /超过上限/,
    },
  ];

describe.each(cases)('$name', ({ file, code, words }) => {
  it(`预览报 ${code}，数据不变`, async () => {
    const { fileName, data } = await file();
    const before = snapshot();
    const err = await t.call('points.preview', { source: { upload: upload(fileName, data) } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code });
    expect((err as Error).message).toMatch(words);
    expect((err as Error).message).toMatch(/[请]/);
    expect(snapshot()).toEqual(before);
  });
});

it('保存只接受预览过的文件：未知或失效的预览编号报 NOT_FOUND，什么也不存', async () => {
  const before = snapshot();
  const err = await t
    .call('points.save', {
      previewId: 'no-such-preview',
      meta: { title: '某要点', docNumber: null, issuer: null, issuedDate: null, year: 2021 },
      items: [
        {
          level: 3,
          label: '1',
          title: '做好公开',
          text: '做好公开。',
          lead: ['办公室'],
          support: [],
          deadline: null,
          deadlineText: null,
        },
      ],
    })
    .catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 'NOT_FOUND' });
  expect((err as Error).message).toMatch(/重新选择文件/);
  expect(snapshot()).toEqual(before);
});

it('粘贴空白内容给出提示', async () => {
  const err = await t.call('points.preview', { source: { pastedText: '   \n ' } }).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 'FILE_EMPTY' });
});

it('大小上限是具名常量，50 MB 远超上限', () => {
  expect(MAX_POINTS_FILE_BYTES).toBeLessThan(50 * 1024 * 1024);
});
