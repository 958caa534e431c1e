/**
 * @module inspect/data-ahead
 * verify's data step, begun ahead. Hashing a large data file (58 MB at 1M bars, ~0.1 s) is the longest
 * part of a verify whose renderings are remembered, and the bars' times come from the file's column cache,
 * found by that hash. So when the run read one data file, a CSV that verify streams, and a column cache is
 * there under its recorded SHA-256, size and options, a worker thread (inspect/hash-thread) hashes the file
 * from verify's start while the data step reads the times from that cache; the file's hash and size are
 * then compared with the record exactly as before, and the step fails on the first of them that differs
 * before anything read from the cache counts. So the times used are those of a file that hashes to the
 * recorded SHA-256: the bars data/load openData would give. A file the thread cannot hash is opened by
 * openData as without this, so it fails with the same error.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { toBigInt } from '../audit/codec.ts';
import { CacheReader } from '../data/cache.ts';
import { openStreamed, type StreamedData } from '../data/load.ts';
import { checkDataOptions } from '../data/options.ts';
import { siblingModule } from '../paths.ts';
import { toHex } from '../../traces/index.ts';
import { dataOptionsFromRecord, type RecordedDataFile } from './opened-record.ts';
import type { HashAnswer, HashJob } from './hash-thread.ts';

export interface DataAhead {
  /** The data file's feed over its column cache, named by the recorded SHA-256 and size: not checked yet. */
  feed: StreamedData;
  /** The file's SHA-256 and size as the thread read them; null when it could not. */
  hashed: Promise<HashAnswer['hashed']>;
  /** Ends the thread (verify ended or failed first). */
  close(): void;
}

/**
 * Starts hashing the run's data file (`standIn` for it, when given) if it is one CSV of more than
 * `streamAbove` bytes (as recorded) with a column cache under its recorded key; null otherwise (the data
 * step then opens it as before).
 */
export function startDataAhead(files: readonly RecordedDataFile[], standIn: string | undefined, streamAbove: number): DataAhead | null {
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
  const worker = new Worker(siblingModule('hash-thread', import.meta.url));
  const hashed = new Promise<HashAnswer['hashed']>((resolve) => {
    worker.once('message', (a: HashAnswer) => resolve(a.hashed));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  worker.postMessage({ files: [file] } satisfies HashJob);
  return {
    feed: { ...key, symbol: path.basename(file).replace(/\.[^.]*$/, ''), open: () => openStreamed(key) },
    hashed,
    close: () => void worker.terminate(),
  };
}
