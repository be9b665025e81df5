import JSZip from 'jszip';
import { importErrors } from './errors';
import { MAX_COMPRESSION_RATIO, MAX_PART_BYTES, MAX_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES } from './limits';

export interface ZipEntryInfo {
  name: string;
  compressed: number;
  uncompressed: number;
  encrypted: boolean;
}

/**
 * Reads the zip's central directory (nothing is inflated) so sizes can be checked before any part is unpacked.
 * Throws FILE_DAMAGED when there is no readable directory.
 */
export function readCentralDirectory(b: Buffer, fileName: string): ZipEntryInfo[] {
  const minEocd = 22;
  if (b.length < minEocd) throw importErrors.damaged(fileName, '文件太短');
  let eocd = -1;
  for (let i = b.length - minEocd; i >= Math.max(0, b.length - minEocd - 0xffff); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw importErrors.damaged(fileName, '找不到压缩目录，文件可能只下载了一部分');
  const count = b.readUInt16LE(eocd + 10);
  const cdOffset = b.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw importErrors.zipBomb(fileName, '使用了超大压缩格式');
  if (count > MAX_ZIP_ENTRIES) throw importErrors.zipBomb(fileName, `包含 ${count} 个部件`);
  const out: ZipEntryInfo[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) throw importErrors.damaged(fileName, '压缩目录不完整');
    const flags = b.readUInt16LE(p + 8);
    const compressed = b.readUInt32LE(p + 20);
    const uncompressed = b.readUInt32LE(p + 24);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    const name = b.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    out.push({ name, compressed, uncompressed, encrypted: (flags & 1) === 1 });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Refuses a zip whose declared sizes would flood memory, before anything is inflated. */
export function checkZipLimits(entries: ZipEntryInfo[], fileName: string): void {
  let total = 0;
  for (const e of entries) {
    if (e.uncompressed === 0xffffffff) throw importErrors.zipBomb(fileName, `部件 ${e.name} 使用了超大压缩格式`);
    total += e.uncompressed;
    if (e.uncompressed > MAX_PART_BYTES) throw importErrors.zipBomb(fileName, `部件 ${e.name} 解压后 ${Math.round(e.uncompressed / 1024 / 1024)} MB`);
    if (e.uncompressed > 10 * 1024 * 1024 && e.uncompressed > Math.max(1, e.compressed) * MAX_COMPRESSION_RATIO) {
      throw importErrors.zipBomb(fileName, `部件 ${e.name} 压缩比超过 ${MAX_COMPRESSION_RATIO} 倍`);
    }
  }
  if (total > MAX_UNCOMPRESSED_BYTES) throw importErrors.zipBomb(fileName, `解压后共 ${Math.round(total / 1024 / 1024)} MB`);
}

/** Opens a .docx/.xlsx package after the size checks; inflating happens per part, on demand. */
export async function openZip(b: Buffer, fileName: string): Promise<{ zip: JSZip; entries: ZipEntryInfo[] }> {
  const entries = readCentralDirectory(b, fileName);
  checkZipLimits(entries, fileName);
  if (entries.some((e) => e.encrypted)) throw importErrors.encrypted(fileName);
  try {
    const zip = await JSZip.loadAsync(b, { checkCRC32: false });
    return { zip, entries };
  } catch (e) {
    throw importErrors.damaged(fileName, e instanceof Error ? shortReason(e.message) : '无法解压');
  }
}

/** Inflates one part as text; a part whose real size differs from what the directory said is refused. */
export async function readZipText(zip: JSZip, part: string, fileName: string): Promise<string | null> {
  const f = zip.file(part);
  if (!f) return null;
  try {
    return await f.async('string');
  } catch (e) {
    throw importErrors.damaged(fileName, e instanceof Error ? shortReason(e.message) : `无法解压 ${part}`);
  }
}

function shortReason(m: string): string {
  if (/size mismatch|crc32/i.test(m)) return '压缩数据校验失败';
  if (/invalid|corrupt|end of data|unexpected/i.test(m)) return '压缩数据不完整';
  return '无法解压';
}
