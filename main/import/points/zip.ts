// Reading .docx/.xlsx packages safely. The central directory is read first (nothing inflated) and its declared
// sizes checked against the limits; each part is then inflated with zlib's maxOutputLength set to the size the
// directory declared, so a zip that lies about its sizes cannot inflate past what was checked.

import zlib from 'node:zlib';
import { importErrors } from './errors';
import { MAX_COMPRESSION_RATIO, MAX_PART_BYTES, MAX_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES } from './limits';

interface ZipEntryInfo {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  encrypted: boolean;
  /** Offset of the entry's local header. */
  offset: number;
}

export interface ZipPackage {
  fileName: string;
  buf: Buffer;
  entries: Map<string, ZipEntryInfo>;
}

/** Reads the central directory without inflating anything. Throws FILE_DAMAGED when it cannot be read. */
function readCentralDirectory(b: Buffer, fileName: string): ZipEntryInfo[] {
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
  if (count === 0xffff || cdOffset === 0xffffffff) throw importErrors.zipBomb(fileName, '使用了超大压缩格式（ZIP64）');
  if (count > MAX_ZIP_ENTRIES) throw importErrors.zipBomb(fileName, `包含 ${count} 个部件`);
  const out: ZipEntryInfo[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) throw importErrors.damaged(fileName, '压缩目录不完整');
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    out.push({
      name: b.subarray(p + 46, p + 46 + nameLen).toString('utf8'),
      method: b.readUInt16LE(p + 10),
      compressed: b.readUInt32LE(p + 20),
      uncompressed: b.readUInt32LE(p + 24),
      encrypted: (b.readUInt16LE(p + 8) & 1) === 1,
      offset: b.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Refuses a zip whose declared sizes would flood memory, before anything is inflated. */
function checkZipLimits(entries: ZipEntryInfo[], fileName: string): void {
  let total = 0;
  for (const e of entries) {
    if (e.uncompressed === 0xffffffff || e.compressed === 0xffffffff)
      throw importErrors.zipBomb(fileName, `部件 ${e.name} 使用了超大压缩格式`);
    total += e.uncompressed;
    if (e.uncompressed > MAX_PART_BYTES)
      throw importErrors.zipBomb(fileName, `部件 ${e.name} 解压后 ${Math.round(e.uncompressed / 1024 / 1024)} MB`);
    if (e.uncompressed > 10 * 1024 * 1024 && e.uncompressed > Math.max(1, e.compressed) * MAX_COMPRESSION_RATIO) {
      throw importErrors.zipBomb(fileName, `部件 ${e.name} 压缩比超过 ${MAX_COMPRESSION_RATIO} 倍`);
    }
  }
  if (total > MAX_UNCOMPRESSED_BYTES)
    throw importErrors.zipBomb(fileName, `解压后共 ${Math.round(total / 1024 / 1024)} MB`);
}

/** Opens a package: directory read and checked; parts are inflated on demand by readZipEntry. */
export function openZip(buf: Buffer, fileName: string): ZipPackage {
  const list = readCentralDirectory(buf, fileName);
  checkZipLimits(list, fileName);
  if (list.some((e) => e.encrypted)) throw importErrors.encrypted(fileName);
  return { fileName, buf, entries: new Map(list.map((e) => [e.name, e])) };
}

/** Inflates one part, never beyond the size the directory declared. Null when the part is not there. */
function readZipEntry(zip: ZipPackage, name: string): Buffer | null {
  const e = zip.entries.get(name);
  if (!e) return null;
  const b = zip.buf;
  if (e.offset + 30 > b.length || b.readUInt32LE(e.offset) !== 0x04034b50)
    throw importErrors.damaged(zip.fileName, `部件 ${name} 的位置不对`);
  const start = e.offset + 30 + b.readUInt16LE(e.offset + 26) + b.readUInt16LE(e.offset + 28);
  if (start + e.compressed > b.length) throw importErrors.damaged(zip.fileName, `部件 ${name} 不完整`);
  const data = b.subarray(start, start + e.compressed);
  if (e.method === 0) return Buffer.from(data);
  if (e.method !== 8) throw importErrors.damaged(zip.fileName, `部件 ${name} 使用了不支持的压缩方式`);
  try {
    const out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressed) });
    if (out.length !== e.uncompressed) throw importErrors.damaged(zip.fileName, `部件 ${name} 的大小与目录不符`);
    return out;
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw importErrors.zipBomb(zip.fileName, `部件 ${name} 实际解压后比声明的大`);
    }
    if (err instanceof Error && err.name === 'AppError') throw err;
    throw importErrors.damaged(zip.fileName, `部件 ${name} 的压缩数据已损坏`);
  }
}

export function readZipText(zip: ZipPackage, name: string): string | null {
  const b = readZipEntry(zip, name);
  return b ? b.toString('utf8') : null;
}

/** Inflates every part once, so a damaged or lying part is found before any of it is used. */
export function verifyAllEntries(zip: ZipPackage): void {
  for (const name of zip.entries.keys()) if (!name.endsWith('/')) readZipEntry(zip, name);
}
