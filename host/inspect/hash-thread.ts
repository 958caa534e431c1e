/**
 * @module inspect/hash-thread
 * The body of verify's hashing thread (inspect/hash-ahead): the SHA-256 and size of each file it is
 * sent, read in 1 MiB blocks (a block that stays in the CPU's cache between the read and the hash:
 * 8 MiB blocks measured ~1.6x slower here), answered file by file as each is done. A file it cannot
 * read whole as a regular file (with `regularOnly`, one that is a link too) is answered null: the
 * caller then reads it itself and meets the error. A file to be kept is read into one buffer (a block at
 * a time, each hashed as it is read) and handed over with its hash: the caller then decodes exactly the bytes that were hashed.
 * The thread runs HASH_THREAD_SOURCE, plain JavaScript evaluated as the worker's code, so it loads no
 * module loader or TypeScript stripper of its own (a worker started from this file measured +3 MB and
 * ~15 ms CPU with Node's compile cache warm, +20 MB and ~80 ms cold): `threadBody` therefore uses
 * nothing but the `require` it is given and globals.
 */

export interface HashJob {
  /** The index of the first file's answer (a thread may be sent several jobs: each answers after the one before). */
  first: number;
  /**
   * With `keepUpTo`, a file of at most that many bytes is answered with its bytes too (transferred, not copied);
   * with `census` too, with the census of its top-level protobuf fields (a result.pb's: ResultCensus).
   */
  files: { path: string; regularOnly: boolean; keepUpTo?: number; census?: boolean }[];
}
/**
 * A Result's top-level fields as the thread walked them (each a key, a length and that many bytes, all of wire
 * type 2, of fields 1 to 4): how many trades (1) and orders (4), and where the equity (2) and stats (3) fields lie
 * (from their key to their end; null when absent, or the last when repeated). Null when the bytes are not such fields.
 * It checks nothing else: verify uses it only for bytes whose rows it found canonical before (audit/rendering-cache).
 */
export interface ResultCensus { trades: number; orders: number; equity: [number, number] | null; stats: [number, number] | null }
export interface Hashed { sha256: string; byteLength: number; bytes?: ArrayBuffer; census?: ResultCensus | null }
export interface HashAnswer { index: number; hashed: Hashed | null }

function threadBody(require: (id: string) => unknown): void {
  const { closeSync, constants, fstatSync, lstatSync, openSync, readSync } = require('node:fs') as typeof import('node:fs');
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const { parentPort } = require('node:worker_threads') as typeof import('node:worker_threads');
  const BLOCK = 1 << 20;

  /** The census of the top-level fields of protobuf bytes `v` (ResultCensus), or null. */
  const censusOf = (v: Uint8Array): ResultCensus | null => {
    let pos = 0, trades = 0, orders = 0;
    let equity: [number, number] | null = null, stats: [number, number] | null = null;
    /** A varint of at most 5 bytes below 2^32 at pos, or -1. */
    const varint = (): number => {
      let x = 0;
      for (let shift = 0; shift < 35; shift += 7) {
        if (pos >= v.length) return -1;
        const b = v[pos++]!;
        x += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) return x < 2 ** 32 ? x : -1;
      }
      return -1;
    };
    while (pos < v.length) {
      const at = pos;
      const key = varint();
      if (key < 0 || key % 8 !== 2) return null;
      const len = varint();
      if (len < 0 || len > v.length - pos) return null;
      const field = (key - 2) / 8;
      if (field === 1) trades++;
      else if (field === 4) orders++;
      else if (field === 2) equity = [at, pos + len];
      else if (field === 3) stats = [at, pos + len];
      else return null;
      pos += len;
    }
    return { trades, orders, equity, stats };
  };

  /** The file's `size` bytes (as fstat said) in one buffer, each block hashed as it is read into it, or null when it holds another number of bytes. */
  const keptOf = (fd: number, size: number, census: boolean): Hashed | null => {
    const bytes = new ArrayBuffer(size);
    const view = new Uint8Array(bytes);
    const h = createHash('sha256');
    let total = 0;
    for (let n; total < size && (n = readSync(fd, view, total, Math.min(BLOCK, size - total), null)) > 0; total += n) h.update(view.subarray(total, total + n));
    if (total !== size || readSync(fd, Buffer.alloc(1), 0, 1, null) !== 0) return null;
    return { sha256: h.digest('hex'), byteLength: size, bytes, ...(census ? { census: censusOf(view) } : {}) };
  };

  const hashOf = (file: string, regularOnly: boolean, keepUpTo: number | undefined, census: boolean): Hashed | null => {
    let fd: number;
    try {
      if (regularOnly && !lstatSync(file).isFile()) return null;
      // (O_NONBLOCK: a FIFO put at the name is never waited on; it is then no regular file)
      fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch {
      return null;
    }
    try {
      const st = fstatSync(fd);
      if (!st.isFile()) return null;
      if (keepUpTo !== undefined) return st.size <= keepUpTo ? keptOf(fd, st.size, census) : null;
      const h = createHash('sha256');
      const buf = Buffer.allocUnsafe(BLOCK);
      let total = 0;
      for (let n; (n = readSync(fd, buf, 0, BLOCK, null)) > 0; total += n) h.update(buf.subarray(0, n));
      return { sha256: h.digest('hex'), byteLength: total };
    } catch {
      return null;
    } finally {
      closeSync(fd);
    }
  };

  parentPort!.on('message', (job: HashJob) => {
    for (const [k, f] of job.files.entries()) {
      const hashed = hashOf(f.path, f.regularOnly, f.keepUpTo, f.census === true);
      parentPort!.postMessage({ index: job.first + k, hashed } satisfies HashAnswer, hashed?.bytes ? [hashed.bytes] : []);
    }
  });
}

/** The thread's code: threadBody's text (types stripped, or compiled), called with the worker's require. */
export const HASH_THREAD_SOURCE = `(${threadBody.toString()})(require);`;
