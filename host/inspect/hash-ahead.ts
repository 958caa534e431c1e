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
 */
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

/** The hashing thread, started before the record is opened, with the file it keeps (if any) already given to it. */
export interface HashThread {
  worker: Worker;
  /** The file given to keep at the start, and the thread's answer for it. */
  kept: { path: string; answer: Promise<Hashed | null> } | null;
}

/**
 * The hashing thread, started before its job is known (verify starts it before opening the record, so the
 * thread boots meanwhile, ~10-20 ms, on another core), and given at once `kept.path` to read and hash if it
 * is at most `kept.upTo` bytes (verify's result.pb, whose recorded size the record will tell: checked then,
 * startHashAhead); null when no thread can start here (e.g. under Node's permission model: everything is then
 * read as before). Ended by startHashAhead's close, or by `worker.terminate` when verify fails before.
 */
export function startHashThread(kept?: { path: string; upTo: number }): HashThread | null {
  let worker: Worker;
  try {
    worker = new Worker(HASH_THREAD_SOURCE, { eval: true });
  } catch {
    return null;
  }
  if (!kept || !(kept.upTo >= 0)) return { worker, kept: null };
  const answer = new Promise<Hashed | null>((resolve) => {
    const onAnswer = (a: HashAnswer): void => {
      if (a.index !== 0) return;
      worker.off('message', onAnswer);
      resolve(a.hashed);
    };
    worker.on('message', onAnswer);
    // a thread that fails to start or dies leaves the file to be read as before
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  worker.postMessage({ first: 0, files: [{ path: kept.path, regularOnly: false, keepUpTo: kept.upTo }] } satisfies HashJob);
  return { worker, kept: { path: kept.path, answer } };
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
  const first = thread?.kept ? 1 : 0; // (the index of this job's first answer)
  const job: HashJob = { first, files: [
    ...(feed ? [{ path: feed.path, regularOnly: false }] : []),
    ...(keep && !early ? [{ path: keptPath!, regularOnly: false, keepUpTo: keep.size }] : []),
    ...renderings.map((name) => ({ path: path.join(dir, name), regularOnly: true })),
  ] };
  if (job.files.length === 0 && !early) {
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
  const keptAt = feed ? 1 : 0;
  const rendered = keptAt + (keep && !early ? 1 : 0);
  const keptAnswer = early ?? (keep ? answers[keptAt]! : null);
  return {
    data: feed ? { feed, times: () => cachedTimes(feed), hashed: answers[0]! } : null,
    // (exactly the expected size: any other answer leaves the file to be read as before, and to fail there)
    kept: keptAnswer ? keptAnswer.then((h) => (h?.bytes && h.byteLength === keep!.size ? { bytes: new Uint8Array(h.bytes), sha256: new Uint8Array(Buffer.from(h.sha256, 'hex')) } : null)) : Promise.resolve(null),
    async isRendered(name, rendered_) {
      const k = renderings.indexOf(name);
      const got = k < 0 ? null : await answers[rendered + k]!;
      return got === null ? null : got.byteLength === rendered_.size && got.sha256 === rendered_.sha256;
    },
    close: () => void worker.terminate(),
  };
}
