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
import type { Bars, BarSource } from '../model/bars.ts';
import { StringDecoder } from 'node:string_decoder';
import { CsvParser } from './csv.ts';
import type { TextInput } from './lines.ts';
import type { DataOptions } from './options.ts';

const BLOCK = 8 << 20;

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
    const buf = Buffer.allocUnsafe(BLOCK);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, BLOCK, null);
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
  bytesRead = 0;

  constructor(file: string, block: number) {
    this.fd = open(file);
    this.buf = Buffer.allocUnsafe(block);
  }

  get size(): number {
    return fstatSync(this.fd!).size;
  }

  read(): string | null {
    if (this.fd === null) return null;
    const n = readSync(this.fd, this.buf, 0, this.buf.length, null);
    this.bytesRead += n;
    if (n > 0) return this.decoder.write(this.buf.subarray(0, n));
    closeSync(this.fd);
    this.fd = null;
    const rest = this.decoder.end();
    return rest === '' ? null : rest;
  }
}

/** A CSV file as a source of bar chunks, parsed by the same CsvParser as a file held in memory. */
export class CsvSource implements BarSource {
  private readonly chunkBars: number;
  private readonly input: FileText;
  private readonly parser: CsvParser;
  private done = false;
  /** Bytes in the file (for the record). */
  readonly byteLength: number;

  /** `blockBytes`: how much is read at a time (tests make it small to cut lines, CRLFs and characters). */
  constructor(file: string, name: string, options: DataOptions = {}, chunkBars = 65536, blockBytes = BLOCK) {
    this.chunkBars = chunkBars;
    let first: FileText | null = new FileText(file, blockBytes);
    this.input = first;
    this.byteLength = first.size;
    // The first view is this source's; a second pass (settling d/m/y) opens the file again.
    this.parser = new CsvParser(name, options, () => {
      const view = first ?? new FileText(file, blockBytes);
      first = null;
      return view;
    });
  }

  next(): Bars | null {
    const bars = this.parser.bars;
    if (!this.done && !this.parser.fill(this.chunkBars)) this.done = true;
    if (bars.length === 0) {
      if (bars.total === 0) throw new DataError('DATA_EMPTY', `${this.parser.file}: no bars`);
      return null;
    }
    return bars.takeChunk();
  }

  /** Bars so far, scaled by the bytes still unread (after the first chunk). */
  estimatedLength(): number {
    const parsedBytes = this.input.bytesRead - this.parser.pending;
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
