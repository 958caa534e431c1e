/**
 * @module data/stream
 * Streaming CSV: bars arrive in chunks of at most `chunkBars`, read from the file in blocks, so a
 * run over 10M bars never holds the file or its columns in memory. A first pass hashes the file
 * (the record needs the hash before the run); the second parses it, with the parser of a file held
 * in memory (data/csv), so both accept the same files. Slashed dates without --date-format are
 * settled, as in memory, by one more read of the file's dates.
 */
import { closeSync, openSync, readSync, fstatSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { DataError } from '../errors.ts';
import { wholeColumns } from './builder.ts';
import type { Bars, BarSource } from '../model/bars.ts';
import { StringDecoder } from 'node:string_decoder';
import { CsvParser } from './csv.ts';
import type { ByteInput, TextInput } from './lines.ts';
import type { DataOptions } from './options.ts';
import { closeOwned, own } from './files.ts';

const BLOCK = 8 << 20;
// Hashing reads smaller blocks: a 1 MiB buffer stays in the core's cache between read and hash
// (58 MB hashed in 54–57 ms of CPU against 84–100 ms with 8 MiB blocks, SHA-NI).
const HASH_BLOCK = 1 << 20;

function open(file: string): number {
  try {
    return openSync(file, 'r');
  } catch (e) {
    throw new DataError('DATA_NOT_FOUND', `cannot read data file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
  }
}

/** SHA-256 and size of a file, read in blocks. */
export function hashFile(file: string): { sha256: string; byteLength: number } {
  const fd = open(file);
  try {
    const h = createHash('sha256');
    const buf = Buffer.allocUnsafe(HASH_BLOCK);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, HASH_BLOCK, null);
      if (n === 0) break;
      h.update(buf.subarray(0, n));
      total += n;
    }
    return { sha256: h.digest('hex'), byteLength: total };
  } finally {
    closeSync(fd);
  }
}

/** A file's text in blocks, decoded as UTF-8 (a character split across two blocks is kept whole). */
class FileText implements TextInput {
  private fd: number | null;
  private readonly buf: Buffer;
  private readonly decoder = new StringDecoder('utf8');

  constructor(file: string, block: number) {
    this.fd = own(this, open(file));
    this.buf = Buffer.allocUnsafe(block);
  }

  get size(): number {
    return fstatSync(this.fd!).size;
  }

  read(): string | null {
    if (this.fd === null) return null;
    const n = readSync(this.fd, this.buf, 0, this.buf.length, null);
    if (n > 0) return this.decoder.write(this.buf.subarray(0, n));
    closeOwned(this, this.fd);
    this.fd = null;
    const rest = this.decoder.end();
    return rest === '' ? null : rest;
  }
}

/** A file's bytes in blocks. */
class FileBytes implements ByteInput {
  private fd: number | null;
  bytesRead = 0;

  constructor(file: string) {
    this.fd = own(this, open(file));
  }

  get size(): number {
    return fstatSync(this.fd!).size;
  }

  read(into: Uint8Array, offset: number, length: number): number {
    if (this.fd === null) return 0;
    const n = readSync(this.fd, into, offset, length, null);
    this.bytesRead += n;
    if (n === 0) {
      closeOwned(this, this.fd);
      this.fd = null;
    }
    return n;
  }
}

/** A CSV file as a source of bar chunks, parsed by the same CsvParser as a file held in memory. */
export class CsvSource implements BarSource {
  private readonly chunkBars: number;
  private readonly input: FileBytes | null;
  private readonly parser: CsvParser;
  private done = false;
  /** Chunks handed back (recycle), whole chunkBars long: the next chunks are copied into them. */
  private readonly free: Bars[] = [];
  /** Bytes in the file (for the record). */
  readonly byteLength: number;

  /**
   * `blockBytes`: how much is read at a time (tests make it small to cut lines, CRLFs and characters).
   * `exact`: every row parsed from its decoded text, never on the byte fast path (the reference
   * tests and bench/data.ts compare the fast path with).
   */
  constructor(file: string, name: string, options: DataOptions = {}, chunkBars = 65536, blockBytes = BLOCK, exact = false) {
    this.chunkBars = chunkBars;
    const text = () => new FileText(file, blockBytes);
    if (exact) {
      this.input = null;
      const first = text();
      this.byteLength = first.size;
      let firstUnused = true;
      this.parser = new CsvParser(name, options, () => (firstUnused ? ((firstUnused = false), first) : text()));
    } else {
      // Rows come from the file's bytes; settling d/m/y reads its text once more.
      this.input = new FileBytes(file);
      this.byteLength = this.input.size;
      this.parser = new CsvParser(name, options, text, this.input, blockBytes);
    }
  }

  next(): Bars | null {
    const bars = this.parser.bars;
    if (!this.done && !this.parser.fill(this.chunkBars)) this.done = true;
    if (bars.length === 0) {
      if (bars.total === 0) throw new DataError('DATA_EMPTY', `${this.parser.file}: no bars`);
      return null;
    }
    return bars.takeChunk(this.free.pop());
  }

  /**
   * The caller is done with `chunk`, one this source gave, and holds no view of it: a later chunk
   * of the same length is copied into its columns (the run's memory is a few chunks reused, not a
   * fresh ~3 MiB a chunk that the allocator keeps). Two at most are kept.
   */
  recycle(chunk: Bars): void {
    if (this.free.length < 2 && chunk.length === this.chunkBars && wholeColumns(chunk)) this.free.push(chunk);
  }

  /** Rows so far kept under `duplicates: keep` although they repeat the previous row's time. */
  get duplicatesKept(): number {
    return this.parser.bars.duplicates;
  }

  /** Bars so far, scaled by the bytes still unread (after the first chunk). */
  estimatedLength(): number {
    const parsedBytes = this.input ? this.input.bytesRead - this.parser.pending : 0;
    return parsedBytes > 0 ? Math.ceil((this.parser.bars.total * this.byteLength) / parsedBytes) : 0;
  }
}

/** In-memory bars as a one-chunk source. */
export function sourceOf(bars: Bars): BarSource {
  let done = false;
  return {
    estimatedLength: () => bars.length,
    next: () => {
      if (done) return null;
      done = true;
      return bars;
    },
  };
}
