/**
 * @module inspect/hash-start
 * Starting verify's hashing thread (inspect/hash-thread; what it is given: inspect/hash-ahead), from modules
 * that load no protobuf codec, no record decoder and no renderer: `backproof verify` starts it (inspect/index
 * verifyRun) before loading verify's own modules (~0.1 s of the command), so the thread hashes the data file
 * and result.pb meanwhile, on another core. Also the data options a record's data file was read with
 * (opened-record re-exports them), which the data file's hint needs to find its column cache.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CacheReader, type CacheKey } from '../data/cache.ts';
import { checkDataOptions, type DataOptions } from '../data/options.ts';
import { HASH_THREAD_SOURCE, type Hashed, type HashAnswer, type HashJob } from './hash-thread.ts';

/**
 * The largest result.pb read on the thread: its buffer is held from then until the result step (15 MB at
 * 1M bars). A larger one (156 MB at 10M bars) is checked as it is read when nothing else reads its rows
 * (inspect/result-stream), else read by the result step.
 */
export const KEEP_LIMIT = 32 << 20;

/**
 * verify needs each bar's time only, once: a CSV above this many bytes is streamed (through its column
 * cache), never held whole (openData's own threshold is for a run, which reads the bars many times).
 */
export const VERIFY_STREAM_THRESHOLD = 4 << 20;

/** The run folder's files the thread starts on, as run/rundir FILES names them (test/inspect/hash-ahead checks they agree). */
export const EARLY_FILES = { recordJson: 'record.json', result: 'result.pb' } as const;

export interface RecordedDataFile {
  path: string;
  symbol?: string;
  sha256: Uint8Array;
  size?: unknown;
  bars?: unknown;
  timezone?: string;
  dateFormat?: string;
  duplicates?: string;
  /** Bar period in ns as the run used it (absent in records made before periods were recorded: 0). */
  periodNs?: unknown;
  /** Only the bars in [fromNs, toNs) were read (data/window); absent: every bar. */
  window?: { fromNs?: unknown; toNs?: unknown } | null;
}

/** A recorded 64-bit integer (a Long, a decimal string as record.json gives it, or absent: 0) as a BigInt. */
const recordedBigInt = (v: unknown): bigint => (v === undefined || v === null ? 0n : BigInt(String(v)));

/** The options a data file was read with, as recorded. */
export function dataOptionsFromRecord(f: RecordedDataFile): DataOptions {
  const o: DataOptions = {};
  if (f.timezone) o.timezone = f.timezone;
  if (f.dateFormat === 'dmy' || f.dateFormat === 'mdy') o.dateFormat = f.dateFormat;
  if (f.duplicates === 'keep' || f.duplicates === 'error') o.duplicates = f.duplicates;
  o.period = recordedBigInt(f.periodNs);
  if (f.window) o.window = { from: recordedBigInt(f.window.fromNs), to: recordedBigInt(f.window.toNs) };
  return o;
}

/**
 * The column cache key of the run's data file (`standIn` for it, when given) when verify would stream it and
 * hash it ahead: one CSV of more than `streamAbove` bytes (as recorded) whose column cache is there; else null.
 */
export function cachedDataKey(files: readonly RecordedDataFile[], standIn: string | undefined, streamAbove: number): (CacheKey & { path: string }) | null {
  if (files.length !== 1) return null;
  const df = files[0]!;
  const file = standIn ?? df.path;
  const options = dataOptionsFromRecord(df);
  let byteLength: number;
  try {
    byteLength = Number(recordedBigInt(df.size));
    checkDataOptions(options); // (options the data step refuses are refused there, as before)
  } catch {
    return null;
  }
  if (file.endsWith('.zip') || !(byteLength > streamAbove) || options.window) return null; // (a window's bars are not the cache's times)
  const key = { path: file, sha256: Buffer.from(df.sha256).toString('hex'), byteLength, options };
  const reader = CacheReader.open(key);
  if (reader === null) return null;
  reader.close();
  return key;
}

/** The hashing thread, started before the record is opened, with the files given to it then. */
export interface HashThread {
  worker: Worker;
  /** The data file given at the start (record.json's, a hint: taken only for the file the record names), and the thread's answer for it. */
  data: { path: string; answer: Promise<Hashed | null> } | null;
  /** The file given to keep at the start, and the thread's answer for it. */
  kept: { path: string; answer: Promise<Hashed | null> } | null;
  /** The renderings given at the start (regular files only), by path, and the thread's answers for them. */
  rendered: Map<string, Promise<Hashed | null>>;
}

/** The largest record.json read for a hint (a run's is a few KB: a larger one gives none). */
const HINT_LIMIT = 1 << 20;

/** File `file`'s text when it is a regular file of at most `limit` bytes (a FIFO is never waited on), else null. */
function smallFileText(file: string, limit: number): string | null {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > limit) return null;
    const buf = Buffer.alloc(st.size);
    let got = 0;
    for (let n; got < buf.length && (n = readSync(fd, buf, got, buf.length - got, null)) > 0; ) got += n;
    return buf.subarray(0, got).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * The data file verify will hash on the thread, as the run folder's record.json (file `recordJson`) says
 * (not bound yet: the record is not open), so the thread can start on it before the record is opened:
 * `standIn` (--data) or the one file record.json names, when it is one verify would hash ahead (cachedDataKey); else null. Only a
 * hint: startHashAhead takes the thread's answer only for the file the opened record names.
 */
export function dataFileHint(recordJson: string, standIn: string | undefined, streamAbove: number): string | null {
  try {
    const text = smallFileText(recordJson, HINT_LIMIT);
    if (text === null) return null;
    const rec = JSON.parse(text) as { links?: { kind?: unknown; body?: { files?: Record<string, unknown>[] } }[] };
    const files = rec.links?.find((l) => l.kind === 'data')?.body?.files;
    if (!Array.isArray(files) || files.length !== 1) return null;
    const f = files[0]!;
    if (typeof f.path !== 'string' || typeof f.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(f.sha256)) return null;
    const recorded = { ...f, path: f.path, sha256: Buffer.from(f.sha256, 'hex') } as RecordedDataFile;
    return cachedDataKey([recorded], standIn, streamAbove)?.path ?? null;
  } catch {
    return null; // (no record.json, or not one that reads: the thread waits for the record)
  }
}

/**
 * The hashing thread, started before its job is known (verify starts it before opening the record, so the
 * thread boots meanwhile, ~10-20 ms, on another core), and given at once `kept.path` to read, hash and take the
 * census of (hash-thread ResultCensus) if it is at most `kept.upTo` bytes (verify's result.pb, whose recorded size the record will tell: checked then,
 * startHashAhead); null when no thread can start here (e.g. under Node's permission model: everything is then
 * read as before). Ended by startHashAhead's close, or by `worker.terminate` when verify fails before.
 */
export function startHashThread(kept?: { path: string; upTo: number }, data?: string | null, renderings: readonly string[] = []): HashThread | null {
  let worker: Worker;
  try {
    worker = new Worker(HASH_THREAD_SOURCE, { eval: true });
  } catch {
    return null;
  }
  const files: HashJob['files'] = [];
  /** The thread's answer for file `index` of this first job. */
  const answerOf = (index: number): Promise<Hashed | null> => new Promise<Hashed | null>((resolve) => {
    const onAnswer = (a: HashAnswer): void => {
      if (a.index !== index) return;
      worker.off('message', onAnswer);
      resolve(a.hashed);
    };
    worker.on('message', onAnswer);
    // a thread that fails to start or dies leaves the file to be read as before
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  // the data file first: the data step needs its hash before the result step needs result.pb
  // (then the renderings, small, then result.pb: the result step asks for both)
  const early: Pick<HashThread, 'data' | 'kept' | 'rendered'> = { data: null, kept: null, rendered: new Map() };
  if (data) early.data = { path: data, answer: answerOf(files.push({ path: data, regularOnly: false }) - 1) };
  for (const file of renderings) early.rendered.set(file, answerOf(files.push({ path: file, regularOnly: true }) - 1));
  if (kept && kept.upTo >= 0) early.kept = { path: kept.path, answer: answerOf(files.push({ path: kept.path, regularOnly: false, keepUpTo: kept.upTo, census: true }) - 1) };
  if (files.length > 0) worker.postMessage({ first: 0, files } satisfies HashJob);
  return { worker, ...early };
}

/**
 * verify's thread for run folder `dir`, started on the data file its record.json names (or `standIn`, --data)
 * and its result.pb (kept when at most `keepAbove` bytes, KEEP_LIMIT at most), with the renderings given.
 */
export function startVerifyThread(dir: string, standIn: string | undefined, keepAbove: number | undefined, renderings: readonly string[] = []): HashThread | null {
  const keepUpTo = Math.min(keepAbove ?? KEEP_LIMIT, KEEP_LIMIT);
  const dataHint = dataFileHint(path.join(dir, EARLY_FILES.recordJson), standIn, VERIFY_STREAM_THRESHOLD);
  return startHashThread({ path: path.join(dir, EARLY_FILES.result), upTo: keepUpTo }, dataHint, renderings.map((name) => path.join(dir, name)));
}
