import { importErrors } from './errors';
import { looksBinary } from './sniff';

type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * The platform's decoder (Node and Electron ship full ICU, which has GB18030 and UTF-16): the reader worker then
 * does not load iconv-lite's tables at start. iconv-lite only where a build lacks the encoding.
 */
async function decodeAs(b: Buffer, encoding: 'utf-16le' | 'utf-16be' | 'gb18030'): Promise<string> {
  try {
    return new TextDecoder(encoding).decode(b);
  } catch {
    const { default: iconv } = await import('iconv-lite');
    return iconv.decode(b, encoding);
  }
}

/**
 * Decodes a text file without asking: BOMs first, then strict UTF-8, else GB18030 (a superset of GBK/GB2312,
 * what Windows Notepad and older systems save as "ANSI" in China).
 */
export async function decodeText(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ text: string; encoding: TextEncoding }> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length === 0) throw importErrors.empty(fileName);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
    return { text: b.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: await decodeAs(b.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: await decodeAs(b.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  if (looksBinary(b)) throw importErrors.notText(fileName);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8' };
  } catch {
    const text = await decodeAs(b, 'gb18030');
    // Bytes that are not GB18030 either come out as U+FFFD: a few are a slip, many mean it is not text.
    const bad = (text.match(/\uFFFD/g) ?? []).length;
    if (bad > Math.max(3, text.length * 0.01)) throw importErrors.notText(fileName);
    return { text, encoding: 'gb18030' };
  }
}
