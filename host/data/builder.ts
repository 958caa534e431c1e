/**
 * @module data/builder
 * Validates bars as a loader produces them and stores them by column in growable typed arrays:
 * prices finite and > 0, volume finite and >= 0, Low <= min(Open, Close), max(Open, Close) <= High,
 * times increasing. Every rejected bar names its source position; nothing is skipped silently.
 */
import { DataError } from '../errors.ts';
import type { Bars } from '../model/bars.ts';

export class BarBuilder {
  private n = 0;
  private time = new BigInt64Array(1024);
  private cols = Array.from({ length: 5 }, () => new Float64Array(1024));
  private readonly file: string;
  private readonly keepDuplicates: boolean;
  /** Bars sharing the previous bar's timestamp (kept under the 'keep' policy). */
  duplicates = 0;
  /** Time of the last bar pushed, across chunks. */
  private last: bigint | null = null;
  /** Bars pushed in all, across chunks. */
  total = 0;

  constructor(file: string, keepDuplicates: boolean) {
    this.file = file;
    this.keepDuplicates = keepDuplicates;
  }

  /** `where` names the source position, e.g. "line 12" (evaluated only on error). */
  push(time: bigint, open: number, high: number, low: number, close: number, volume: number, where: () => string): void {
    if (!(open > 0 && high > 0 && low > 0 && close > 0 && high < Infinity && open < Infinity && low < Infinity && close < Infinity)) {
      const names = ['Open', 'High', 'Low', 'Close'];
      const prices = [open, high, low, close];
      for (let k = 0; k < 4; k++)
        if (!(prices[k]! > 0) || !Number.isFinite(prices[k]!))
          throw new DataError('DATA_MALFORMED', `${this.file}:${where()}: ${names[k]} ${prices[k]} is not a positive number`);
    }
    // A bar spans its prices: Low <= Open, Close <= High (so Low <= High). No lenient mode: a bar
    // that breaks this is a data error, never clipped or skipped.
    if (!(low <= open && low <= close && open <= high && close <= high)) {
      if (high < low) throw new DataError('DATA_MALFORMED', `${this.file}:${where()}: High ${high} is below Low ${low}`);
      for (const [name, v] of [['Open', open], ['Close', close]] as const) {
        if (v > high) throw new DataError('DATA_MALFORMED', `${this.file}:${where()}: ${name} ${v} is above High ${high}`);
        if (v < low) throw new DataError('DATA_MALFORMED', `${this.file}:${where()}: ${name} ${v} is below Low ${low}`);
      }
    }
    if (!(volume >= 0) || !Number.isFinite(volume)) throw new DataError('DATA_MALFORMED', `${this.file}:${where()}: Volume ${volume} is not a non-negative number`);
    if (this.last !== null) {
      const last = this.last;
      if (time < last || (time === last && !this.keepDuplicates))
        throw new DataError('DATA_ORDER', `${this.file}:${where()}: timestamp is ${time === last ? 'the same as' : 'before'} the previous row's (rows must be in increasing time; pass --duplicates keep for equal times)`);
      if (time === last) this.duplicates++;
    }
    if (this.n === this.time.length) this.grow();
    this.time[this.n] = time;
    this.cols[0]![this.n] = open;
    this.cols[1]![this.n] = high;
    this.cols[2]![this.n] = low;
    this.cols[3]![this.n] = close;
    this.cols[4]![this.n] = volume;
    this.n++;
    this.total++;
    this.last = time;
  }

  get length(): number {
    return this.n;
  }

  /** The bars pushed since the last chunk, as a chunk; the ordering check carries over. */
  takeChunk(): Bars {
    const chunk = this.slice();
    this.n = 0;
    return chunk;
  }

  private slice(): Bars {
    const n = this.n;
    return {
      length: n,
      time: this.time.slice(0, n),
      open: this.cols[0]!.slice(0, n),
      high: this.cols[1]!.slice(0, n),
      low: this.cols[2]!.slice(0, n),
      close: this.cols[3]!.slice(0, n),
      volume: this.cols[4]!.slice(0, n),
    };
  }

  private grow(): void {
    const t = new BigInt64Array(this.time.length * 2);
    t.set(this.time);
    this.time = t;
    this.cols = this.cols.map((c) => {
      const next = new Float64Array(c.length * 2);
      next.set(c);
      return next;
    });
  }

  build(): Bars {
    if (this.n === 0) throw new DataError('DATA_EMPTY', `${this.file}: no bars`);
    return this.slice();
  }
}
