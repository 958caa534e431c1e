/**
 * @module inspect/result-stream
 * verify's check of a result.pb too large to hold (above hash-ahead's KEEP_LIMIT: 156 MB at 10M bars)
 * when nothing else reads its rows (the CSV files and report.html remembered; stats.json is rendered from the
 * stats alone): the file read once, in
 * blocks, each block hashed as it is read and checked through a window over them (audit/codec
 * ResultStreamCheck: the same errors at the same byte positions as checkResult), so the bytes checked
 * are the bytes hashed and the memory held is a block or two (and the longest row), not the file.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { checkResult, ResultStreamCheck } from '../audit/codec.ts';
import type { ResultCensus } from './hash-thread.ts';

/** The block read and hashed at a time (1 MiB: it stays in the CPU's cache between the read and the hash, as in inspect/hash-thread). */
export const RESULT_BLOCK = 1 << 20;

export interface StreamedResultCheck {
  sha256: Uint8Array;
  byteLength: number;
  /** What checkResult gives but the equity, or null when the bytes do not decode (`error` says why). */
  counts: ReturnType<ResultStreamCheck['counts']> | null;
  error: Error | null;
}

/**
 * File `file` hashed and checked (`rows` false: its rows counted, not read, as checkResult's `rows`),
 * read in blocks of `block` bytes; null when it is not a regular file of `size` bytes from start to end
 * of the read (missing, another size, or changed meanwhile): the caller then reads it whole, as
 * before, and meets whatever error that gives. A file that does not decode is still read to its end,
 * so its hash is known: the caller checks the hash first, as with the whole file.
 */
export function checkResultFile(file: string, size: number, rows: boolean, block = RESULT_BLOCK): StreamedResultCheck | null {
  let fd: number;
  try {
    // (O_NONBLOCK: a FIFO put at the name is never waited on; it is then no regular file)
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return null;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size !== size) return null;
    const hash = createHash('sha256');
    let window = Buffer.allocUnsafe(2 * block);
    let base = 0; // the file offset of window[0]
    let have = 0; // the bytes the window holds
    let read = 0;
    /** The next block onto the window's end, hashed; false at the file's end. */
    const more = (): boolean => {
      if (window.length - have < block) {
        const grown = Buffer.allocUnsafe(Math.max(2 * window.length, have + block));
        window.copy(grown, 0, 0, have);
        window = grown;
      }
      const n = readSync(fd, window, have, block, null);
      if (n === 0) return false;
      hash.update(window.subarray(have, have + n));
      have += n;
      read += n;
      return true;
    };
    /** The window's bytes before file offset `to` let go. */
    const drop = (to: number): void => {
      window.copyWithin(0, to - base, have);
      have -= to - base;
      base = to;
    };
    const check = new ResultStreamCheck(size, rows);
    let error: Error | null = null;
    try {
      for (let step = check.read(window, base, have); !('done' in step); step = check.read(window, base, have)) {
        if ('skip' in step) {
          // (the equity: hashed, not held)
          while (base + have < step.skip) {
            drop(base + have);
            if (!more()) return null;
          }
          drop(step.skip);
        } else {
          drop(step.from);
          while (base + have < step.need) if (!more()) return null;
        }
      }
    } catch (e) {
      error = e as Error;
    }
    // the rest after an error, or bytes past `size` (the file grew): hashed, to know the file's hash or that it changed
    for (drop(base + have); more(); drop(base + have));
    if (read !== size) return null;
    return { sha256: new Uint8Array(hash.digest()), byteLength: read, counts: error ? null : check.counts(), error };
  } finally {
    closeSync(fd);
  }
}

/**
 * checkResult(bytes, false) of a result.pb whose rows were found canonical before (remembered by the rendering
 * cache under these bytes' size and SHA-256: audit/rendering-cache), from the hashing thread's census of its
 * fields (inspect/hash-thread ResultCensus): its rows are not walked again here; its equity and its stats are
 * read from their own fields (each read as a Result of that one field, as checkResult reads them).
 */
export function countedFromCensus(bytes: Uint8Array, census: ResultCensus): ReturnType<typeof checkResult> {
  const equity = census.equity ? checkResult(bytes.subarray(census.equity[0], census.equity[1]), false) : null;
  const { stats } = checkResult(census.stats ? bytes.subarray(census.stats[0], census.stats[1]) : new Uint8Array(0), false);
  return { trades: census.trades, orders: census.orders, equityPoints: equity?.equityPoints ?? 0, equity: equity ? equity.equity : () => new Float64Array(0), stats };
}
