/**
 * @module data/zip
 * Reads one entry of a zip archive (APPNOTE 6.3: end of central directory, central directory,
 * local header, zip64 entry sizes; stored or deflated; no encryption, no zip64 end record) with a
 * bound on what it inflates to.
 * The archive is hostile input: every offset and length is checked against its bytes before use,
 * the declared size against the limit before inflating, and inflation stops at the declared size
 * whatever the data holds; the result must then match the declared size and CRC-32.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { DataError } from '../errors.ts';

/** Largest decompressed entry accepted, in bytes (a day of SPY ticks is ~10 MB). */
export const MAX_UNZIPPED = 256 << 20;

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

function unreadable(file: string, why: string): never {
  throw new DataError('DATA_MALFORMED', `${file}: not a readable zip archive (${why})`);
}

/**
 * Sizes and offset too large for 32 bits (or written as if they were: Lean's zips) are 0xFFFFFFFF,
 * with the real values, in this order and only those, in the zip64 extra field (id 1, APPNOTE 4.5.3).
 */
function readZip64(zip: Uint8Array, at: number, len: number, entry: ZipEntry, file: string): void {
  for (let p = at; p + 4 <= at + len; ) {
    const id = u16(zip, p), size = u16(zip, p + 2);
    if (p + 4 + size > at + len) break;
    if (id === 1) {
      let q = p + 4;
      const u64 = (): number => {
        if (q + 8 > p + 4 + size) unreadable(file, `the zip64 field of ${entry.name} is too short`);
        const v = u32(zip, q) + u32(zip, q + 4) * 2 ** 32;
        q += 8;
        if (!Number.isSafeInteger(v)) unreadable(file, `a zip64 size of ${entry.name} is out of range`);
        return v;
      };
      if (entry.size === 0xffffffff) entry.size = u64();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = u64();
      if (entry.localOffset === 0xffffffff) entry.localOffset = u64();
      return;
    }
    p += 4 + size;
  }
  unreadable(file, `${entry.name} has no zip64 field for its 32-bit placeholders`);
}

/** The archive's entries, from its central directory. */
export function zipEntries(zip: Uint8Array, file: string): ZipEntry[] {
  // The end-of-central-directory record: 22 bytes and a comment of up to 65,535, at the very end.
  let eocd = -1;
  for (let at = zip.length - 22; at >= 0 && at >= zip.length - 22 - 0xffff; at--)
    if (u32(zip, at) === 0x06054b50) {
      eocd = at;
      break;
    }
  if (eocd < 0) unreadable(file, 'no end of central directory');
  const count = u16(zip, eocd + 10), cdSize = u32(zip, eocd + 12), cdOffset = u32(zip, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) unreadable(file, 'archives with a zip64 end of central directory are not supported');
  if (cdOffset + cdSize > eocd) unreadable(file, 'the central directory lies outside the archive');
  const entries: ZipEntry[] = [];
  const end = cdOffset + cdSize;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || u32(zip, p) !== 0x02014b50) unreadable(file, `central directory entry ${i + 1} is damaged`);
    const flags = u16(zip, p + 8), nameLen = u16(zip, p + 28), extraLen = u16(zip, p + 30), commentLen = u16(zip, p + 32);
    if (p + 46 + nameLen > end) unreadable(file, `central directory entry ${i + 1} is damaged`);
    const entry: ZipEntry = {
      name: Buffer.from(zip.buffer, zip.byteOffset + p + 46, nameLen).toString('utf8'),
      method: u16(zip, p + 10), crc: u32(zip, p + 16), compressedSize: u32(zip, p + 20), size: u32(zip, p + 24), localOffset: u32(zip, p + 42),
    };
    if (flags & 1) unreadable(file, `${entry.name} is encrypted`);
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff)
      readZip64(zip, p + 46 + nameLen, Math.min(extraLen, end - (p + 46 + nameLen)), entry, file);
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The bytes of `entry`, at most `limit` of them (DATA_LIMIT above). */
export function unzipEntry(zip: Uint8Array, entry: ZipEntry, file: string, limit = MAX_UNZIPPED): Uint8Array {
  const where = `${file}/${entry.name}`;
  if (entry.size > limit)
    throw new DataError('DATA_LIMIT', `${where}: decompresses to ${entry.size} bytes, above the limit of ${limit} bytes on a decompressed entry`);
  const h = entry.localOffset;
  if (h + 30 > zip.length || u32(zip, h) !== 0x04034b50) unreadable(file, `the local header of ${entry.name} is damaged`);
  const start = h + 30 + u16(zip, h + 26) + u16(zip, h + 28);
  const stop = start + entry.compressedSize;
  if (stop > zip.length) unreadable(file, `the data of ${entry.name} runs past the end of the archive`);
  const data = zip.subarray(start, stop);
  let out: Uint8Array;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) {
    try {
      // Inflation stops one byte past the declared size: a lying header cannot make it grow further.
      out = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        throw new DataError('DATA_MALFORMED', `${where}: inflates to more than the ${entry.size} bytes its header declares`);
      unreadable(file, `${entry.name}: ${(e as Error).message}`);
    }
  } else unreadable(file, `${entry.name} uses compression method ${entry.method} (only stored and deflated entries are read)`);
  if (out.length !== entry.size) throw new DataError('DATA_MALFORMED', `${where}: holds ${out.length} bytes, its header declares ${entry.size}`);
  if (crc32(out) !== entry.crc) throw new DataError('DATA_MALFORMED', `${where}: CRC-32 ${crc32(out).toString(16)} does not match the header's ${entry.crc.toString(16)}`);
  return out;
}
