/**
 * @module data/load
 * Reads a data file by its kind (a Lean .zip, or a CSV), with its content hash.
 */
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { DataError } from '../errors.ts';
import { statSync } from 'node:fs';
import type { Bars, BarSource } from '../model/bars.ts';
import { CsvSource, hashFile, sourceOf } from './stream.ts';
import { CacheReader, CacheSource, CacheWriter, GROUP_ROWS, writeCache, type CacheKey } from './cache.ts';
import { parseCsvBytes } from './csv.ts';
import { parseLeanZip } from './lean.ts';
import { checkDataOptions, type DataOptions } from './options.ts';

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
  return reader ? new CacheSource(reader, csv) : csv();
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

export async function loadData(file: string, options: DataOptions = {}): Promise<LoadedData> {
  checkDataOptions(options);
  const size = sizeOf(file);
  if (size > MAX_IN_MEMORY)
    throw new DataError('DATA_LIMIT', `${file}: ${size} bytes is above the limit of ${MAX_IN_MEMORY} bytes on a file read whole${file.endsWith('.zip') ? '' : ' (openData streams a CSV this large)'}`);
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (e) {
    throw new DataError('DATA_NOT_FOUND', `cannot read data file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
  }
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const symbol = path.basename(file).replace(/\.[^.]*$/, '');
  const key: CacheKey | null = file.endsWith('.zip') ? null : { sha256, byteLength: raw.length, options };
  const reader = key && CacheReader.open(key);
  const cached = reader && reader.readAll();
  if (cached) return { path: file, symbol, sha256, byteLength: raw.length, bars: Object.assign(cached, { duplicates: reader!.duplicatesKept }), options, duplicatesKept: reader!.duplicatesKept };
  const bars = parseData(raw, file, options);
  const duplicatesKept = (bars as Bars & { duplicates?: number }).duplicates ?? 0;
  if (key) writeCache(key, bars, duplicatesKept);
  return { path: file, symbol, sha256, byteLength: raw.length, bars, options, duplicatesKept };
}
