/**
 * @module inspect/hash-ahead
 * What verify hashes without reading it for anything else, hashed ahead on a worker thread
 * (inspect/hash-thread) from verify's start, so the hashing overlaps verify's other steps on another core:
 * - the data file. Hashing it (58 MB at 1M bars, ~0.1 s) is the longest part of a verify whose
 *   renderings are remembered, and the bars' times come from the file's column cache, found by that
 *   hash. So when the run read one data file, a CSV that verify streams, and a column cache is there
 *   under its recorded SHA-256, size and options, the data step reads the times from that cache (its
 *   time columns alone, data/cache readTimes, when it draws no candles) while
 *   the thread hashes the file; the file's hash and size are then compared with the record exactly as
 *   before, and the step fails on the first of them that differs before anything read from the cache
 *   counts. So the times used are those of a file that hashes to the recorded SHA-256: the bars data/load
 *   openData would give. A file the thread cannot hash is opened by openData as without this, so it
 *   fails with the same error.
 * - result.pb, when it has its recorded size (and no more than KEEP_LIMIT bytes): read into one buffer and
 *   hashed there, and handed over with its hash, so the result step decodes exactly the bytes that were
 *   hashed; any other answer leaves it to be read as before (readRunFile, with its errors).
 * - the run folder's renderings (when the rendering cache is on): a file remembered as its rendering
 *   (audit/rendering-cache) is taken when the thread found it a regular file of the remembered size and
 *   SHA-256 (what isRendered checks); any other answer leaves it to be rendered and compared as before.
 * The thread starts with verify, before the record is opened (startHashThread), on the data file that
 * record.json names (dataFileHint: unbound until the record is open, so its answer is taken only for the
 * file the record names; another file is hashed then), the renderings and result.pb, in that order (the
 * order the steps ask for them): at 1M bars the data step then no longer waits for the data file's hash.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { toBigInt } from '../audit/codec.ts';
import type { Rendered } from '../audit/rendering-cache.ts';
import { CacheReader, CacheTimes, type CacheKey, type TimeSource } from '../data/cache.ts';
import { openStreamed, type StreamedData } from '../data/load.ts';
import { checkDataOptions } from '../data/options.ts';
import { toHex } from '../../traces/index.ts';
import { dataOptionsFromRecord, type RecordedDataFile } from './opened-record.ts';
import { HASH_THREAD_SOURCE, type Hashed, type HashAnswer, type HashJob } from './hash-thread.ts';

export interface HashAhead {
  /**
   * The data file hashed ahead: its feed over its column cache, named by the recorded SHA-256 and size
   * (not checked yet), its bars' times alone (the cache's time columns, when they check; else the
   * feed's bars), and the thread's hash; null when it is not.
   */
  data: { feed: StreamedData; times: () => TimeSource; hashed: Promise<Hashed | null> } | null;
  /** The bytes of the file of the run folder given as `kept` (exactly its expected size) and their SHA-256; null when the thread could not read them. */
  kept: Promise<{ bytes: Uint8Array; sha256: Uint8Array } | null>;
  /** Whether file `name` of the run folder is a regular file of `rendered`'s size and SHA-256 as the thread read it; null when it was not given it or could not say. */
  isRendered(name: string, rendered: Rendered): Promise<boolean | null>;
  /** Ends the thread (verify ended or failed first). */
  close(): void;
}

/**
 * The largest result.pb read on the thread: its buffer is held from then until the result step (15 MB at
 * 1M bars). A larger one (156 MB at 10M bars) is checked as it is read when nothing else reads its rows
 * (inspect/result-stream), else read by the result step.
 */
export const KEEP_LIMIT = 32 << 20;

/** The data file's feed over the column cache of its recorded key, when verify would stream it and that cache is there; else null. */
function cachedFeed(files: readonly RecordedDataFile[], standIn: string | undefined, streamAbove: number): StreamedData | null {
  if (files.length !== 1) return null;
  const df = files[0]!;
  const file = standIn ?? df.path;
  const options = dataOptionsFromRecord(df);
  let byteLength: number;
  try {
    byteLength = Number(toBigInt(df.size));
    checkDataOptions(options); // (options the data step refuses are refused there, as before)
  } catch {
    return null;
  }
  if (file.endsWith('.zip') || !(byteLength > streamAbove)) return null;
  const key = { path: file, sha256: toHex(df.sha256), byteLength, options };
  const reader = CacheReader.open(key);
  if (reader === null) return null;
  reader.close();
  return { ...key, symbol: path.basename(file).replace(/\.[^.]*$/, ''), open: () => openStreamed(key) };
}

/** The times of `key`'s bars, from its column cache's time columns alone while they check; else from its bars (data/load openStreamed). */
function cachedTimes(key: CacheKey & { path: string }): TimeSource {
  const reader = CacheReader.open(key);
  return reader ? new CacheTimes(reader, () => openStreamed(key)) : openStreamed(key);
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
 * `standIn` (--data) or the one file record.json names, when it is one verify would hash ahead (cachedFeed); else null. Only a
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
    return cachedFeed([recorded], standIn, streamAbove)?.path ?? null;
  } catch {
    return null; // (no record.json, or not one that reads: the thread waits for the record)
  }
}

/**
 * The hashing thread, started before its job is known (verify starts it before opening the record, so the
 * thread boots meanwhile, ~10-20 ms, on another core), and given at once `kept.path` to read and hash if it
 * is at most `kept.upTo` bytes (verify's result.pb, whose recorded size the record will tell: checked then,
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
  if (kept && kept.upTo >= 0) early.kept = { path: kept.path, answer: answerOf(files.push({ path: kept.path, regularOnly: false, keepUpTo: kept.upTo }) - 1) };
  if (files.length > 0) worker.postMessage({ first: 0, files } satisfies HashJob);
  return { worker, ...early };
}

/**
 * Starts the thread (`thread`, from startHashThread; a new one when not given) on the run's data file
 * (`standIn` for it, when given), if it is one CSV of more than `streamAbove` bytes (as recorded) with a
 * column cache under its recorded key, on file `kept.name` of run folder `dir` when it is expected to be
 * `kept.size` bytes (at most KEEP_LIMIT; the thread's answer for it when it was given it at its start), and
 * on its files `renderings` (none: the rendering cache is off); null when there is nothing to hash.
 */
export function startHashAhead(files: readonly RecordedDataFile[], standIn: string | undefined, streamAbove: number, dir: string, kept: { name: string; size: number } | null, renderings: readonly string[], thread?: HashThread | null): HashAhead | null {
  const feed = cachedFeed(files, standIn, streamAbove);
  const keep = kept && Number.isSafeInteger(kept.size) && kept.size >= 0 && kept.size <= KEEP_LIMIT ? kept : null;
  const keptPath = keep ? path.join(dir, keep.name) : null;
  const early = thread?.kept && thread.kept.path === keptPath ? thread.kept.answer : null;
  const earlyData = feed && thread?.data?.path === feed.path ? thread.data.answer : null;
  const first = (thread?.data ? 1 : 0) + (thread?.kept ? 1 : 0) + (thread?.rendered.size ?? 0); // (the index of this job's first answer)
  const laterRenderings = renderings.filter((name) => !thread?.rendered.has(path.join(dir, name)));
  const job: HashJob = { first, files: [
    ...(feed && !earlyData ? [{ path: feed.path, regularOnly: false }] : []),
    ...(keep && !early ? [{ path: keptPath!, regularOnly: false, keepUpTo: keep.size }] : []),
    ...laterRenderings.map((name) => ({ path: path.join(dir, name), regularOnly: true })),
  ] };
  if (job.files.length === 0 && !early && !earlyData && laterRenderings.length === renderings.length) {
    void thread?.worker.terminate();
    return null;
  }
  const worker = thread === undefined ? startHashThread()?.worker ?? null : thread?.worker ?? null;
  if (worker === null) return null; // (no threads here, e.g. under Node's permission model: everything is read as before)
  const settle: ((h: Hashed | null) => void)[] = [];
  const answers = job.files.map(() => new Promise<Hashed | null>((resolve) => settle.push(resolve)));
  // a thread that fails to start or dies leaves every file to be read as before
  const none = (): void => settle.forEach((resolve) => resolve(null));
  worker.on('message', (a: HashAnswer) => settle[a.index - first]?.(a.hashed));
  worker.once('error', none);
  worker.once('exit', none);
  if (job.files.length > 0) worker.postMessage(job);
  const keptAt = feed && !earlyData ? 1 : 0;
  const rendered = keptAt + (keep && !early ? 1 : 0);
  const keptAnswer = early ?? (keep ? answers[keptAt]! : null);
  return {
    data: feed ? { feed, times: () => cachedTimes(feed), hashed: earlyData ?? answers[0]! } : null,
    // (exactly the expected size: any other answer leaves the file to be read as before, and to fail there)
    kept: keptAnswer ? keptAnswer.then((h) => (h?.bytes && h.byteLength === keep!.size ? { bytes: new Uint8Array(h.bytes), sha256: new Uint8Array(Buffer.from(h.sha256, 'hex')) } : null)) : Promise.resolve(null),
    async isRendered(name, rendered_) {
      const k = laterRenderings.indexOf(name);
      const given = renderings.includes(name) ? thread?.rendered.get(path.join(dir, name)) : undefined;
      const got = given ? await given : k < 0 ? null : await answers[rendered + k]!;
      return got === null ? null : got.byteLength === rendered_.size && got.sha256 === rendered_.sha256;
    },
    close: () => void worker.terminate(),
  };
}
