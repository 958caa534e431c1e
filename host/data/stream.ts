/**
 * @module data/stream
 * Streaming CSV: bars arrive in chunks of at most `chunkBars`, read from the file in blocks, so a
 * run over 10M bars never holds the file or its columns in memory. A first pass hashes the file
 * (the record needs the hash before the run); the second parses it. Dates written d/m/y need an
 * explicit --date-format here (there is no whole-file look to settle them).
 */
import { closeSync, openSync, readSync, fstatSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { DataError } from '../errors.ts';
import type { Bars, BarSource } from '../model/bars.ts';
import { BarBuilder } from './builder.ts';
import { CsvLayout } from './csv.ts';
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

/** A CSV file as a source of bar chunks. */
export class CsvSource implements BarSource {
  private readonly name: string;
  private readonly options: DataOptions;
  private readonly chunkBars: number;
  private fd: number | null;
  private readonly buf = Buffer.allocUnsafe(BLOCK);
  /** Text read but not yet parsed starts at `pos`. */
  private text = '';
  private pos = 0;
  private lineNo = 0;
  private layout: CsvLayout | null = null;
  private readonly bars: BarBuilder;
  private eof = false;
  /** Bytes in the file (for the record). */
  readonly byteLength: number;

  constructor(file: string, name: string, options: DataOptions = {}, chunkBars = 65536) {
    this.name = name;
    this.options = options;
    this.chunkBars = chunkBars;
    this.fd = open(file);
    this.byteLength = fstatSync(this.fd).size;
    this.bars = new BarBuilder(name, options.duplicates === 'keep');
  }

  next(): Bars | null {
    while (this.bars.length < this.chunkBars) {
      if (!this.parseLines()) {
        if (this.eof) break;
        this.readBlock();
      }
    }
    if (this.bars.length === 0) {
      if (this.bars.total === 0) throw new DataError('DATA_EMPTY', `${this.name}: no bars`);
      return null;
    }
    return this.bars.takeChunk();
  }

  /** Parses complete lines until the chunk is full; false when the text needs another block. */
  private parseLines(): boolean {
    const text = this.text;
    while (this.bars.length < this.chunkBars) {
      const nl = text.indexOf('\n', this.pos);
      if (nl < 0) return false;
      const pos = this.pos;
      const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.lineNo++;
      if (this.lineNo === 1) this.layout = new CsvLayout(text.slice(pos, end), this.name, this.options);
      else if (end > pos) this.layout!.row(text, pos, end, this.lineNo, this.bars);
      this.pos = nl + 1;
    }
    return true;
  }

  /** Bars so far, scaled by the bytes still unread (after the first chunk). */
  estimatedLength(): number {
    const parsedBytes = this.bytesRead - (this.text.length - this.pos);
    return parsedBytes > 0 ? Math.ceil((this.bars.total * this.byteLength) / parsedBytes) : 0;
  }

  private bytesRead = 0;

  private readBlock(): void {
    const n = readSync(this.fd!, this.buf, 0, BLOCK, null);
    this.bytesRead += n;
    let text = this.text.slice(this.pos) + this.buf.toString('latin1', 0, n);
    if (n === 0) {
      this.eof = true;
      closeSync(this.fd!);
      this.fd = null;
      if (text.length > 0 && !text.endsWith('\n')) text += '\n';
      if (this.lineNo === 0 && text.length === 0) throw new DataError('DATA_EMPTY', `${this.name}: the file is empty`);
    }
    this.text = text;
    this.pos = 0;
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
