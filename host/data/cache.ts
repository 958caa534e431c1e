/**
 * @module data/cache
 * A CSV's parsed bars kept on disk by column, keyed by the CSV's SHA-256 and the options that change
 * bars, so a second run on the same data skips parsing. A cache only: never recorded, never trusted —
 * a file that is truncated, fails a checksum, has another format version or does not match its key
 * is ignored (and replaced), and a group that fails its checksum while streamed hands over to the
 * CSV parser. Written to a temporary file and renamed, so it is never seen half-written; a cache that
 * cannot be written is skipped silently. The format is in docs/DATA.md.
 */
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { homedir } from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import type { Bars, BarSource } from '../model/bars.ts';
import type { DataOptions } from './options.ts';
import { closeOwned, openRegular, own, WRITE_NONBLOCK } from './files.ts';
import { wholeColumns } from './builder.ts';

const MAGIC = 'BPCOLUMN';
export const CACHE_VERSION = 2;
/**
 * What the parser makes of a CSV: bump it whenever a change to data/csv, builder or time could give
 * other bars (or other errors) for the same bytes and options, so older caches are not used.
 */
const PARSER_VERSION = 2;
/** Rows per group: the chunk a streamed run reads at a time. */
export const GROUP_ROWS = 65536;
const FIXED = 80;
/** The columns of a group, in file order. */
const COLUMNS = 6;
/**
 * A group's bytes after its columns: the crc32 of each column, in column order (24 bytes: keeps
 * 8-byte alignment), so the time column can be read and checked alone (readTimes).
 */
const GROUP_TAIL = 4 * COLUMNS;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Chunks of bars' times only (what verify's data step reads when it draws no candles): a BarSource is
 * one. A chunk may be overwritten by the next call (CacheTimes reads every group into one buffer).
 */
export interface TimeSource {
  next(): { readonly time: BigInt64Array } | null;
}

export interface CacheKey {
  sha256: string;
  byteLength: number;
  options: DataOptions;
}

/**
 * The cache folder: columns/ in Backproof's cache folder — BACKPROOF_CACHE_DIR ("off": no cache),
 * else $XDG_CACHE_HOME/backproof, else ~/.cache/backproof, as for builds (build/cache). Null when
 * off, or on a big-endian host (the columns are stored little-endian, as they are held in memory).
 */
export function cacheDir(): string | null {
  const env = process.env.BACKPROOF_CACHE_DIR;
  if (env === 'off' || !LITTLE_ENDIAN) return null;
  const xdg = process.env.XDG_CACHE_HOME;
  const root = env ? path.resolve(env) : path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(homedir(), '.cache'), 'backproof');
  return path.join(root, 'columns');
}

/** The options that can change a CSV's bars, as one canonical text (time-zone data only when a zone is used). */
function optionsText(options: DataOptions): string {
  const timezone = options.timezone ?? 'UTC';
  return JSON.stringify({
    parser: PARSER_VERSION, timezone, dateFormat: options.dateFormat ?? null, duplicates: options.duplicates ?? 'error',
    tzdata: timezone === 'UTC' ? null : `${process.versions.tz ?? ''}/${process.versions.icu ?? ''}`,
  });
}

/**
 * The cache file of a CSV and its options, or null when the cache is off. Its name starts with the
 * CSV's size, so a CSV of a size no cache file has is known to miss before it is hashed (mayBeCached).
 */
export function cachePath(key: CacheKey): string | null {
  const dir = cacheDir();
  if (dir === null || !/^[0-9a-f]{64}$/.test(key.sha256) || !Number.isSafeInteger(key.byteLength) || key.byteLength < 0) return null;
  return path.join(dir, `${key.byteLength}-${key.sha256}-${createHash('sha256').update(optionsText(key.options)).digest('hex').slice(0, 16)}.bpcol`);
}

/**
 * False when no cache file is of a CSV of `byteLength` bytes (or the cache is off), so a load of a new
 * file can skip hashing it before parsing it (parsed, it is hashed as it is read); true when one may be.
 */
export function mayBeCached(byteLength: number): boolean {
  const dir = cacheDir();
  if (dir === null) return false;
  const prefix = `${byteLength}-`;
  try {
    return readdirSync(dir).some((name) => name.startsWith(prefix) && name.endsWith('.bpcol'));
  } catch {
    return false; // no folder yet: nothing cached
  }
}

/** A cache file's name before the CSV's size led it (format 2 files named so are never read again). */
const UNSIZED_NAME = /^[0-9a-f]{64}-[0-9a-f]{16}\.bpcol$/;

function headerBytes(options: string): number {
  return Math.ceil((FIXED + Buffer.byteLength(options) + 4) / 8) * 8;
}

function groupBytes(rows: number): number {
  return rows * 8 * COLUMNS + GROUP_TAIL;
}

function fileBytes(header: number, rows: number, group: number): number {
  const full = Math.floor(rows / group), rest = rows % group;
  return header + full * groupBytes(group) + (rest > 0 ? groupBytes(rest) : 0);
}

const bytesOf = (a: ArrayBufferView): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Writes a cache file group by group into a temporary file; `finish` renames it into place. */
export class CacheWriter {
  private fd: number | null;
  private readonly final: string;
  private readonly temp: string;
  private readonly key: CacheKey;
  private readonly options: string;
  private readonly header: number;
  private rows = 0;
  private last = false;

  private constructor(final: string, key: CacheKey, fd: number, temp: string) {
    this.final = final;
    this.key = key;
    this.fd = fd;
    this.temp = temp;
    this.options = optionsText(key.options);
    this.header = headerBytes(this.options);
    writeSync(fd, new Uint8Array(this.header)); // filled in by finish()
  }

  /** A writer for `key`'s cache file, or null when the cache is off or its folder cannot be written. */
  static create(key: CacheKey): CacheWriter | null {
    const final = cachePath(key);
    if (final === null) return null;
    const temp = `${final}.${process.pid}-${threadId}.tmp`;
    let fd: number | null = null;
    try {
      mkdirSync(path.dirname(final), { recursive: true });
      removeStale(path.dirname(final));
      fd = openSync(temp, WRITE_NONBLOCK);
      return new CacheWriter(final, key, fd, temp);
    } catch {
      if (fd !== null) discard(fd, temp);
      return null;
    }
  }

  /** Appends rows [from, to) of `bars` as one group: GROUP_ROWS rows, fewer only for the last. */
  group(bars: Bars, from = 0, to = bars.length): boolean {
    if (this.fd === null) return false;
    const n = to - from;
    if (this.last || n <= 0 || n > GROUP_ROWS) return this.abort();
    this.last = n < GROUP_ROWS;
    try {
      const tail = Buffer.alloc(GROUP_TAIL);
      columnsOf(bars).forEach((col, c) => {
        const bytes = bytesOf(col.subarray(from, to));
        tail.writeUInt32LE(crc32(bytes) >>> 0, 4 * c);
        writeAll(this.fd!, bytes);
      });
      writeAll(this.fd, tail);
      this.rows += n;
      return true;
    } catch {
      return this.abort();
    }
  }

  /** Writes the header and renames the file into place; false (and nothing left behind) on any failure. */
  finish(duplicatesKept: number): boolean {
    if (this.fd === null || this.rows === 0) return this.abort();
    try {
      const h = Buffer.alloc(this.header);
      h.write(MAGIC, 0, 'latin1');
      h.writeUInt32LE(CACHE_VERSION, 8);
      h.writeUInt32LE(this.header, 12);
      Buffer.from(this.key.sha256, 'hex').copy(h, 16);
      h.writeBigUInt64LE(BigInt(this.key.byteLength), 48);
      h.writeBigUInt64LE(BigInt(this.rows), 56);
      h.writeBigUInt64LE(BigInt(duplicatesKept), 64);
      h.writeUInt32LE(GROUP_ROWS, 72);
      h.writeUInt32LE(Buffer.byteLength(this.options), 76);
      h.write(this.options, FIXED, 'utf8');
      h.writeUInt32LE(crc32(h.subarray(0, this.header - 4)) >>> 0, this.header - 4);
      writeAll(this.fd, h, 0);
      closeSync(this.fd);
      this.fd = null;
      renameSync(this.temp, this.final);
      return true;
    } catch {
      return this.abort();
    }
  }

  abort(): false {
    if (this.fd !== null) discard(this.fd, this.temp);
    this.fd = null;
    return false;
  }
}

function writeAll(fd: number, bytes: Uint8Array, position?: number): void {
  let done = 0;
  while (done < bytes.length) {
    const n = writeSync(fd, bytes, done, bytes.length - done, position === undefined ? null : position + done);
    if (n <= 0) throw new Error('short write');
    done += n;
  }
}

function discard(fd: number, temp: string): void {
  try {
    closeSync(fd);
  } catch { /* already closed */ }
  try {
    unlinkSync(temp);
  } catch { /* already gone */ }
}

/** Temporary files a killed process left (over an hour old) and cache files of the unsized name: removed, best effort. */
function removeStale(dir: string): void {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(dir)) {
    if (UNSIZED_NAME.test(name)) {
      try {
        unlinkSync(path.join(dir, name));
      } catch { /* another process took it */ }
      continue;
    }
    if (!name.endsWith('.tmp')) continue;
    try {
      const p = path.join(dir, name);
      if (statSync(p).mtimeMs < hourAgo) unlinkSync(p);
    } catch { /* another process took it */ }
  }
}

/** Writes bars held in memory as a cache file; false when it could not (silently: it is only a cache). */
export function writeCache(key: CacheKey, bars: Bars, duplicatesKept: number): boolean {
  const w = CacheWriter.create(key);
  if (w === null) return false;
  for (let from = 0; from < bars.length; from += GROUP_ROWS)
    if (!w.group(bars, from, Math.min(bars.length, from + GROUP_ROWS))) return false;
  return w.finish(duplicatesKept);
}

/** An open cache file whose header matches its key; groups are checked as they are read. */
export class CacheReader {
  readonly rows: number;
  readonly duplicatesKept: number;
  readonly groups: number;
  private readonly groupRows: number;
  private readonly header: number;
  private fd: number | null;
  private readonly file: string;

  private constructor(file: string, fd: number, header: number, rows: number, duplicatesKept: number, groupRows: number) {
    this.file = file;
    this.fd = own(this, fd);
    this.header = header;
    this.rows = rows;
    this.duplicatesKept = duplicatesKept;
    this.groupRows = groupRows;
    this.groups = Math.ceil(rows / groupRows);
  }

  /** The cache file of `key` when it exists and its header is whole and matches; null otherwise. */
  static open(key: CacheKey): CacheReader | null {
    const file = cachePath(key);
    if (file === null) return null;
    const fd = openRegular(file);
    if (fd === null) return null;
    try {
      const reader = CacheReader.check(file, fd, key);
      if (reader) return reader;
    } catch { /* unreadable: as good as absent */ }
    closeSync(fd);
    return null;
  }

  private static check(file: string, fd: number, key: CacheKey): CacheReader | null {
    const options = optionsText(key.options);
    const header = headerBytes(options);
    const h = Buffer.alloc(header);
    if (readSync(fd, h, 0, header, 0) !== header) return null;
    if (h.toString('latin1', 0, 8) !== MAGIC || h.readUInt32LE(8) !== CACHE_VERSION || h.readUInt32LE(12) !== header) return null;
    if (h.readUInt32LE(header - 4) !== crc32(h.subarray(0, header - 4)) >>> 0) return null;
    if (h.toString('hex', 16, 48) !== key.sha256 || h.readBigUInt64LE(48) !== BigInt(key.byteLength)) return null;
    if (h.readUInt32LE(76) !== Buffer.byteLength(options) || h.toString('utf8', FIXED, FIXED + h.readUInt32LE(76)) !== options) return null;
    const rows = h.readBigUInt64LE(56), dups = h.readBigUInt64LE(64), groupRows = h.readUInt32LE(72);
    if (rows < 1n || rows > BigInt(Number.MAX_SAFE_INTEGER) || dups >= rows || groupRows < 1) return null;
    if (fstatSync(fd).size !== fileBytes(header, Number(rows), groupRows)) return null;
    return new CacheReader(file, fd, header, Number(rows), Number(dups), groupRows);
  }

  /** Rows of group k. */
  groupLength(k: number): number {
    return Math.min(this.groupRows, this.rows - k * this.groupRows);
  }

  /**
   * Reads group k into `into` at row `at` (fresh columns when none are given); null when a column
   * fails its checksum or the file ends early (the reader is then closed and the file removed).
   */
  readGroup(k: number, into?: Bars, at = 0): Bars | null {
    const out = into ?? newBars(this.groupLength(k));
    return this.readColumns(k, columnsOf(out), at) ? out : null;
  }

  /**
   * Reads the first `columns.length` columns of group k (in file order: time first) into `columns` at
   * row `at`, each checked against its own crc32; false when one fails or the file ends early (the
   * reader is then closed and the file removed).
   */
  private readColumns(k: number, columns: readonly (BigInt64Array | Float64Array)[], at: number): boolean {
    if (this.fd === null) return false;
    const n = this.groupLength(k);
    const start = this.header + k * groupBytes(this.groupRows);
    try {
      const tail = Buffer.alloc(GROUP_TAIL);
      if (readSync(this.fd, tail, 0, GROUP_TAIL, start + n * 8 * COLUMNS) !== GROUP_TAIL) return this.fail();
      for (const [c, col] of columns.entries()) {
        const bytes = bytesOf(col.subarray(at, at + n));
        if (readSync(this.fd, bytes, 0, bytes.length, start + c * n * 8) !== bytes.length) return this.fail();
        if (tail.readUInt32LE(4 * c) !== crc32(bytes) >>> 0) return this.fail();
      }
    } catch {
      return this.fail();
    }
    return true;
  }

  /** All rows as in-memory bars, or null when any group fails a checksum. */
  readAll(): Bars | null {
    const bars = newBars(this.rows);
    for (let k = 0; k < this.groups; k++) if (!this.readGroup(k, bars, k * this.groupRows)) return null;
    this.close();
    return bars;
  }

  /**
   * The times of group k, reading and checking only its time column (1/6 of its bytes: what verify
   * needs of the bars when it draws no candles), into `into` (fresh when not given or not of the group's
   * length); null when it fails its checksum or the file ends early (the reader is then closed and the
   * file removed). The other columns are not read, so damage to them is not seen here.
   */
  readTimes(k: number, into?: BigInt64Array): BigInt64Array | null {
    const n = this.groupLength(k);
    const out = into?.length === n ? into : new BigInt64Array(n);
    return this.readColumns(k, [out], 0) ? out : null;
  }

  close(): void {
    if (this.fd !== null) closeOwned(this, this.fd);
    this.fd = null;
  }

  /** A damaged group: the file is removed (best effort), so the next load writes a good one. */
  private fail(): false {
    this.close();
    try {
      unlinkSync(this.file);
    } catch { /* gone already */ }
    return false;
  }
}

/**
 * Bars streamed from a cache file, a group at a time. A group that fails its checksum hands over
 * to `fallback` (the CSV, parsed), which skips the rows already given: the bars are the CSV's either way.
 */
export class CacheSource implements BarSource {
  private readonly reader: CacheReader;
  private readonly fallback: () => BarSource;
  private k = 0;
  private given = 0;
  private csv: BarSource | null = null;
  /** Whole groups handed back by the reader (recycle), read into again instead of fresh columns. */
  private readonly free: Bars[] = [];

  constructor(reader: CacheReader, fallback: () => BarSource) {
    this.reader = reader;
    this.fallback = fallback;
  }

  next(): Bars | null {
    if (this.csv === null) {
      if (this.k >= this.reader.groups) {
        this.reader.close();
        return null;
      }
      const n = this.reader.groupLength(this.k);
      const reused = this.free.length > 0 && this.free[this.free.length - 1]!.length === n ? this.free.pop() : undefined;
      const group = this.reader.readGroup(this.k, reused);
      if (group !== null) {
        this.k++;
        this.given += group.length;
        return group;
      }
      this.csv = this.fallback();
      let skip = this.given;
      while (skip > 0) {
        const chunk = this.csv.next();
        if (chunk === null) return null;
        if (chunk.length > skip) return sliceBars(chunk, skip);
        skip -= chunk.length;
      }
    }
    return this.csv.next();
  }

  estimatedLength(): number {
    return this.reader.rows;
  }

  /**
   * The caller is done with `chunk`, one this source gave, and holds no view of it: its columns
   * take a later group (a run then reuses a few chunks' memory instead of ~3 MiB fresh per group,
   * which the allocator keeps after the thread ends). Only a group's whole columns are kept, two at most.
   */
  recycle(chunk: Bars): void {
    if (this.csv !== null || this.free.length >= 2 || !wholeColumns(chunk)) return;
    this.free.push(chunk);
  }
}

/** A chunk's columns in file order. */
const columnsOf = (b: Bars): (BigInt64Array | Float64Array)[] => [b.time, b.open, b.high, b.low, b.close, b.volume];

/**
 * The bars' times streamed from a cache file's time columns alone (CacheReader readTimes), every group
 * into one buffer (its pages touched once, not 8 MB fresh at 1M bars). A group that fails its checksum
 * hands over to `fallback` (the CSV, parsed), which skips the rows already given.
 */
export class CacheTimes implements TimeSource {
  private readonly reader: CacheReader;
  private readonly fallback: () => TimeSource;
  private k = 0;
  private given = 0;
  private buffer: BigInt64Array | undefined;
  private csv: TimeSource | null = null;

  constructor(reader: CacheReader, fallback: () => TimeSource) {
    this.reader = reader;
    this.fallback = fallback;
  }

  next(): { readonly time: BigInt64Array } | null {
    if (this.csv === null) {
      if (this.k >= this.reader.groups) {
        this.reader.close();
        return null;
      }
      const time = this.reader.readTimes(this.k, this.buffer);
      if (time !== null) {
        this.buffer = time;
        this.k++;
        this.given += time.length;
        return { time };
      }
      this.csv = this.fallback();
      let skip = this.given;
      while (skip > 0) {
        const chunk = this.csv.next();
        if (chunk === null) return null;
        if (chunk.time.length > skip) return { time: chunk.time.subarray(skip) };
        skip -= chunk.time.length;
      }
    }
    return this.csv.next();
  }
}

function newBars(n: number): Bars {
  return {
    length: n, time: new BigInt64Array(n), open: new Float64Array(n), high: new Float64Array(n),
    low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n),
  };
}

function sliceBars(b: Bars, from: number): Bars {
  return {
    length: b.length - from, time: b.time.slice(from), open: b.open.slice(from), high: b.high.slice(from),
    low: b.low.slice(from), close: b.close.slice(from), volume: b.volume.slice(from),
  };
}
