/**
 * @module data/load
 * Reads a data file by its kind (a Lean .zip, or a CSV), with its content hash.
 */
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { DataError } from '../errors.ts';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { Bars, BarSource } from '../model/bars.ts';
import { CsvSource, hashFile, sourceOf } from './stream.ts';
import { CacheReader, CacheSource, CacheWriter, GROUP_ROWS, cacheDir, mayBeCached, writeCache, type CacheKey } from './cache.ts';
import { parseCsvBytes, parseCsvInput } from './csv.ts';
import { textInput, type ByteInput, type TextInput } from './lines.ts';
import { parseLeanZip } from './lean.ts';
import { checkDataOptions, type DataOptions } from './options.ts';
import { barsInWindow, sourceInWindow } from './window.ts';

export interface LoadedData {
  /** As given by the caller. */
  path: string;
  /** The symbol's name in a run (default: the file name without extension). */
  symbol: string;
  sha256: string;
  byteLength: number;
  bars: Bars;
  options: DataOptions;
  /** Rows kept under `duplicates: keep` although they repeat the previous row's time. */
  duplicatesKept?: number;
}

/** A data file too large to hold: its bars are streamed in chunks during the run. */
export interface StreamedData {
  path: string;
  symbol: string;
  sha256: string;
  byteLength: number;
  options: DataOptions;
  /** A fresh source over the file's bars. */
  open(): BarSource;
}

export type DataFeed = LoadedData | StreamedData;

/** CSV files above this size stream through a run instead of being loaded. */
export const STREAM_THRESHOLD = 64 << 20;

/** Largest file read whole into memory (a zip, or a CSV given to loadData): a DATA_LIMIT above. */
export const MAX_IN_MEMORY = 256 << 20;

function sizeOf(file: string): number {
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    throw new DataError('DATA_NOT_FOUND', `cannot read data file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
  }
  // A pipe or device would block the read or change between the hash pass and the parse: a run reads a file twice.
  if (!st.isFile()) throw new DataError('DATA_NOT_FOUND', `cannot read data file ${file}: it is not a regular file (a data file is read twice, to hash and to parse, so a pipe or device cannot be one)`);
  return st.size;
}

export const isStreamed = (d: DataFeed): d is StreamedData => !('bars' in d);

export function sourceOfFeed(d: DataFeed): BarSource {
  return isStreamed(d) ? d.open() : sourceOf(d.bars);
}

/** Loads a file, or — a CSV larger than `threshold` bytes — prepares to stream it. */
export async function openData(file: string, options: DataOptions = {}, threshold = STREAM_THRESHOLD): Promise<DataFeed> {
  checkDataOptions(options);
  if (!file.endsWith('.zip')) {
    if (sizeOf(file) > threshold) {
      const { sha256, byteLength } = hashFile(file);
      const feed = { path: file, symbol: path.basename(file).replace(/\.[^.]*$/, ''), sha256, byteLength, options };
      cacheStreamed(feed);
      return { ...feed, open: () => openStreamed(feed) };
    }
  }
  return loadData(file, options);
}

/**
 * A fresh source over a streamed CSV's bars: from its column cache when one matches (a worker thread
 * re-opening a StreamedData should call this with it), else parsed from the CSV.
 */
export function openStreamed(feed: Omit<StreamedData, 'open' | 'symbol'>): BarSource {
  const csv = () => new CsvSource(feed.path, path.basename(feed.path), feed.options);
  const reader = CacheReader.open(feed);
  const source = reader ? new CacheSource(reader, csv) : csv();
  return feed.options.window ? sourceInWindow(source, feed.options.window) : source;
}

/**
 * Makes the column cache of a CSV too large to hold, parsing it in groups (nothing held but one),
 * unless a valid one is there. Bad data leaves no cache: the run then parses the CSV and meets the
 * same error, at the same row, where it always did.
 */
function cacheStreamed(feed: Omit<StreamedData, 'open' | 'symbol'>): void {
  const valid = CacheReader.open(feed);
  if (valid) return valid.close();
  const writer = CacheWriter.create(feed);
  if (writer === null) return;
  const csv = new CsvSource(feed.path, path.basename(feed.path), feed.options, GROUP_ROWS);
  try {
    for (let chunk = csv.next(); chunk !== null; chunk = csv.next()) if (!writer.group(chunk)) return;
  } catch {
    writer.abort();
    return;
  }
  writer.finish(csv.duplicatesKept);
}

export function parseData(bytes: Uint8Array, file: string, options: DataOptions = {}): Bars {
  checkDataOptions(options);
  return file.endsWith('.zip') ? parseLeanZip(bytes, file, options) : parseCsvBytes(bytes, path.basename(file), options);
}

/** A file's bars (those inside `options.window` when there is one: data/window; the hash and size are the whole file's). */
export async function loadData(file: string, options: DataOptions = {}): Promise<LoadedData> {
  const whole = await loadWholeData(file, options);
  return options.window ? { ...whole, bars: barsInWindow(whole.bars, options.window) } : whole;
}

async function loadWholeData(file: string, options: DataOptions): Promise<LoadedData> {
  checkDataOptions(options);
  const size = sizeOf(file);
  if (size > MAX_IN_MEMORY)
    throw new DataError('DATA_LIMIT', `${file}: ${size} bytes is above the limit of ${MAX_IN_MEMORY} bytes on a file read whole${file.endsWith('.zip') ? '' : ' (openData streams a CSV this large)'}`);
  const symbol = path.basename(file).replace(/\.[^.]*$/, '');
  if (!file.endsWith('.zip')) {
    const csv = loadCsv(file, options, size);
    if (csv) return { path: file, symbol, ...csv, options };
  }
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (e) {
    throw new DataError('DATA_NOT_FOUND', `cannot read data file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
  }
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const bars = parseData(raw, file, options);
  const duplicatesKept = (bars as Bars & { duplicates?: number }).duplicates ?? 0;
  if (!file.endsWith('.zip')) writeCache({ sha256, byteLength: raw.length, options }, bars, duplicatesKept);
  return { path: file, symbol, sha256, byteLength: raw.length, bars, options, duplicatesKept };
}

type LoadedCsv = Pick<LoadedData, 'sha256' | 'byteLength' | 'bars' | 'duplicatesKept'>;

/** Block size of a CSV read to be parsed: what is held of the file at a time. */
const CSV_BLOCK = 8 << 20;

/**
 * A CSV file's bars without holding the file: hashed in blocks, then read from its column cache or,
 * on a miss, parsed as read in blocks and cached. Null when the file changed between the two reads
 * (the caller then reads it whole once). A file of a size (`size`, as stat gave it) no cache file has
 * cannot hit: it is read once, hashed as it is parsed, and cached under the hash of the bytes parsed.
 */
function loadCsv(file: string, options: DataOptions, size: number): LoadedCsv | null {
  if (!mayBeCached(size)) {
    // Nothing to look up (a new file, or the cache off): one read, the hash taken as the bytes are parsed.
    const parsed = parseHashedCsv(file, path.basename(file), options, null);
    if (parsed === null) return null;
    const bars = parsed.bars;
    if (cacheDir() !== null) writeCache({ sha256: parsed.sha256, byteLength: parsed.byteLength, options }, bars, bars.duplicates);
    return { sha256: parsed.sha256, byteLength: parsed.byteLength, bars, duplicatesKept: bars.duplicates };
  }
  const { sha256, byteLength } = hashFile(file);
  const key: CacheKey = { sha256, byteLength, options };
  const reader = CacheReader.open(key);
  const cached = reader && reader.readAll();
  if (cached) return { sha256, byteLength, bars: Object.assign(cached, { duplicates: reader!.duplicatesKept }), duplicatesKept: reader!.duplicatesKept };
  const parsed = parseHashedCsv(file, path.basename(file), options, key);
  if (parsed === null) return null;
  const bars = parsed.bars;
  writeCache(key, bars, bars.duplicates);
  return { sha256, byteLength, bars, duplicatesKept: bars.duplicates };
}

/**
 * The CSV `file` (named `name` in errors) parsed as read in blocks of `block` bytes, hashed as it is
 * read: its bars, SHA-256 and length when its bytes are the ones `expected` describes (any, when
 * null), null when they are not (it changed since it was hashed). So the bars are always those of
 * the bytes whose hash is recorded, and the file is never held whole (d/m/y dates without a format,
 * settled by reading them all, are the exception: read whole, and checked the same way).
 */
export function parseHashedCsv(
  file: string, name: string, options: DataOptions, expected: { sha256: string; byteLength: number } | null, block = CSV_BLOCK,
): { bars: Bars & { duplicates: number }; sha256: string; byteLength: number } | null {
  const input = HashedFile.open(file);
  const size = expected?.byteLength ?? sizeOf(file);
  let settledFrom: string | null = null;
  const text = (): TextInput => {
    const all = readFileSync(file);
    settledFrom = createHash('sha256').update(all).digest('hex');
    return textInput(all.toString('utf8'));
  };
  try {
    const bars = parseCsvInput(input, size, name, options, text, block) as Bars & { duplicates: number };
    const sha256 = input.digest();
    if (expected && (input.bytesRead !== expected.byteLength || sha256 !== expected.sha256)) return null;
    if (settledFrom !== null && settledFrom !== sha256) return null;
    return { bars, sha256, byteLength: input.bytesRead };
  } finally {
    input.close();
  }
}

/** A file's bytes in blocks, hashed as they are read. */
class HashedFile implements ByteInput {
  private fd: number | null;
  private readonly hash = createHash('sha256');
  bytesRead = 0;

  private constructor(fd: number) {
    this.fd = fd;
  }

  static open(file: string): HashedFile {
    try {
      return new HashedFile(openSync(file, 'r'));
    } catch (e) {
      throw new DataError('DATA_NOT_FOUND', `cannot read data file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
    }
  }

  read(into: Uint8Array, offset: number, length: number): number {
    if (this.fd === null) return 0;
    const n = readSync(this.fd, into, offset, length, null);
    this.hash.update(into.subarray(offset, offset + n));
    this.bytesRead += n;
    return n;
  }

  /** Hex SHA-256 of the bytes read. */
  digest(): string {
    return this.hash.digest('hex');
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
