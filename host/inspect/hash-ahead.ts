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
import path from 'node:path';
import { CacheReader, CacheTimes, type CacheKey, type TimeSource } from '../data/cache.ts';
import { openStreamed, type StreamedData } from '../data/load.ts';
import type { Rendered } from '../audit/rendering-cache.ts';
import { cachedDataKey, KEEP_LIMIT, startHashThread, type HashThread, type RecordedDataFile } from './hash-start.ts';
import type { Hashed, HashAnswer, HashJob, ResultCensus } from './hash-thread.ts';

// (the thread's start, before verify's modules load: inspect/hash-start)
export { dataFileHint, KEEP_LIMIT, startHashThread, type HashThread } from './hash-start.ts';

export interface HashAhead {
  /**
   * The data file hashed ahead: its feed over its column cache, named by the recorded SHA-256 and size
   * (not checked yet), its bars' times alone (the cache's time columns, when they check; else the
   * feed's bars), and the thread's hash; null when it is not.
   */
  data: { feed: StreamedData; times: () => TimeSource; hashed: Promise<Hashed | null> } | null;
  /** The bytes of the file of the run folder given as `kept` (exactly its expected size), their SHA-256 and the census of their fields (hash-thread ResultCensus); null when the thread could not read them. */
  kept: Promise<{ bytes: Uint8Array; sha256: Uint8Array; census: ResultCensus | null } | null>;
  /** Whether file `name` of the run folder is a regular file of `rendered`'s size and SHA-256 as the thread read it; null when it was not given it or could not say. */
  isRendered(name: string, rendered: Rendered): Promise<boolean | null>;
  /** Ends the thread (verify ended or failed first). */
  close(): void;
}

/** The data file's feed over the column cache of its recorded key, when verify would stream it and that cache is there; else null. */
function cachedFeed(files: readonly RecordedDataFile[], standIn: string | undefined, streamAbove: number): StreamedData | null {
  const key = cachedDataKey(files, standIn, streamAbove);
  return key && { ...key, symbol: path.basename(key.path).replace(/\.[^.]*$/, ''), open: () => openStreamed(key) };
}

/** The times of `key`'s bars, from its column cache's time columns alone while they check; else from its bars (data/load openStreamed). */
function cachedTimes(key: CacheKey & { path: string }): TimeSource {
  const reader = CacheReader.open(key);
  return reader ? new CacheTimes(reader, () => openStreamed(key)) : openStreamed(key);
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
    ...(keep && !early ? [{ path: keptPath!, regularOnly: false, keepUpTo: keep.size, census: true }] : []),
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
    kept: keptAnswer ? keptAnswer.then((h) => (h?.bytes && h.byteLength === keep!.size ? { bytes: new Uint8Array(h.bytes), sha256: new Uint8Array(Buffer.from(h.sha256, 'hex')), census: h.census ?? null } : null)) : Promise.resolve(null),
    async isRendered(name, rendered_) {
      const k = laterRenderings.indexOf(name);
      const given = renderings.includes(name) ? thread?.rendered.get(path.join(dir, name)) : undefined;
      const got = given ? await given : k < 0 ? null : await answers[rendered + k]!;
      return got === null ? null : got.byteLength === rendered_.size && got.sha256 === rendered_.sha256;
    },
    close: () => void worker.terminate(),
  };
}
