// Every reader of a user's .xlsx/.docx names the file for what it is: a password-protected file is encrypted (never
// "旧版 Excel（.xls）"), an old binary Office file is old, a text file is text (never "damaged"), and no reader but
// the 工作要点 one speaks of 工作要点 (the zip reader's size and damage messages are shared by all of them).
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { runParser } from '../../../main/import/worker/run';
import type { ParserKind } from '../../../main/import/parsers';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** What Office writes for a password-protected .docx/.xlsx: an OLE container holding EncryptionInfo and the package. */
const encrypted = Buffer.concat([
  Buffer.from(OLE),
  Buffer.alloc(504),
  Buffer.from('EncryptionInfo', 'utf16le'),
  Buffer.alloc(64),
  Buffer.from('EncryptedPackage', 'utf16le'),
  Buffer.alloc(2000),
]);
const oldBinary = Buffer.concat([Buffer.from(OLE), Buffer.alloc(3000)]);
const text = Buffer.from('姓名\t科室\n张三\t办公室\n这是从别处复制出来的一段文字，保存成了文本文件。\n');

const OTHERS: ParserKind[] = [
  'staff-xlsx',
  'disclosure-publications',
  'disclosure-requests',
  'ab-xlsx',
  'selfcheck-indicators',
];

async function refusal(kind: ParserKind, fileName: string, data: Buffer) {
  const e = await runParser(kind, fileName, data, kind === 'points-file' ? { fallbackYear: 2026 } : {}).then(
    () => null,
    (x: unknown) => x as { code: string; message: string },
  );
  expect(e, `${kind} ${fileName}`).not.toBeNull();
  return e!;
}

describe('what a reader says a wrong file is', () => {
  it('an encrypted .docx or .xlsx is encrypted, for every reader', async () => {
    for (const kind of [...OTHERS, 'points-file'] as ParserKind[])
      for (const name of ['加密.docx', '加密.xlsx']) {
        const e = await refusal(kind, name, encrypted);
        expect(e.code, `${kind} ${name}`).toBe('FILE_ENCRYPTED');
        expect(e.message, `${kind} ${name}`).toMatch(new RegExp(`“${name}”设置了打开密码`));
        expect(e.message).not.toMatch(/旧版/);
      }
  });

  it('a text file is text and an old binary file is old, never "damaged"', async () => {
    for (const kind of OTHERS) {
      for (const name of ['名单.txt', '名单.xlsx', '细则.docx']) {
        const e = await refusal(kind, name, text);
        // A 细则 may be the .txt of a table copied from a web page: read as one, and refused as not a 细则.
        if (kind === 'selfcheck-indicators' && name.endsWith('.txt'))
          expect(e.code, `${kind} ${name}`).not.toBe('FILE_DAMAGED');
        else expect(e.code, `${kind} ${name}`).toBe('FILE_TYPE_MISMATCH');
        expect(e.message, `${kind} ${name}`).not.toMatch(/损坏/);
      }
      const e = await refusal(kind, '旧表.xlsx', oldBinary);
      expect(e.message, kind).toMatch(/旧版 Excel/);
    }
  });

  it('no reader but the 工作要点 one speaks of 工作要点: a zip bomb and a damaged part', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(30 * 1024 * 1024, 0x20));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const damaged = Buffer.from(bomb);
    damaged.fill(0x41, 200, 600);
    for (const kind of OTHERS) {
      for (const [name, data] of [
        ['巨大.xlsx', bomb],
        ['损坏.xlsx', damaged],
      ] as const) {
        const e = await refusal(kind, name, data);
        expect(e.message, `${kind} ${name}`).not.toMatch(/工作要点|粘贴/);
      }
    }
  });
});
