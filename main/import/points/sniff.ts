// What a file really is, from its first bytes, whatever its name says.
import { looksLikeMhtml } from './mhtml';

type FileKind = 'zip' | 'ole' | 'pdf' | 'rtf' | 'html' | 'mhtml' | 'text' | 'image' | 'binary' | 'empty';

export const KIND_NAMES: Record<FileKind, string> = {
  zip: '压缩包（或新版 Office 文档）',
  ole: '旧版 Office 文档（.doc/.wps/.xls）或加密文档',
  pdf: 'PDF 文件',
  rtf: 'RTF 文档',
  html: '网页文件',
  mhtml: '单个文件网页（.mht）',
  text: '文本',
  image: '图片',
  binary: '无法识别的二进制数据',
  empty: '空文件',
};

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

export function sniffKind(b: Uint8Array): FileKind {
  if (b.length === 0) return 'empty';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(b, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf';
  if (
    startsWith(b, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(b, [0xff, 0xd8, 0xff]) ||
    startsWith(b, [0x47, 0x49, 0x46, 0x38])
  )
    return 'image';
  const head = Buffer.from(b.subarray(0, 2048))
    .toString('latin1')
    .replace(/^\xef\xbb\xbf/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  if (looksLikeMhtml(head)) return 'mhtml';
  return looksBinary(b) ? 'binary' : 'text';
}

/**
 * Text in any of the encodings we read (UTF-8, UTF-16 with BOM, GB18030) has almost no control bytes;
 * random or binary data has many (about one byte in eight).
 */
export function looksBinary(b: Uint8Array): boolean {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return false;
  const n = Math.min(b.length, 64 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0 || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b)) control++;
  }
  return control > n * 0.01;
}

/**
 * An OLE compound file that holds an encrypted OOXML package (a password-protected .docx/.xlsx): it has an
 * EncryptionInfo stream and an EncryptedPackage stream; either name is enough (an old .xls/.doc has neither).
 */
export function isEncryptedOoxml(b: Uint8Array): boolean {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  return ['EncryptionInfo', 'EncryptedPackage'].some((s) => buf.indexOf(Buffer.from(s, 'utf16le')) >= 0);
}
