/**
 * @module data/builder
 * Validates bars as a loader produces them and stores them by column in growable typed arrays:
 * prices finite and > 0, volume finite and >= 0, Low <= min(Open, Close), max(Open, Close) <= High,
 * times increasing. Every rejected bar names its source position; nothing is skipped silently.
 */
import { DataError } from '../errors.ts';
import { TIME_HI, TIME_LO, timeWords, type Bars } from '../model/bars.ts';
import { TIME_MAX_NS, TIME_MIN_NS, TIME_RANGE_TEXT } from './time.ts';


export class BarBuilder {
  private n = 0;
  private time = new BigInt64Array(1024);
  /** `time` as int32 word pairs: the fast path writes times without making a BigInt per bar. */
  private words = timeWords(this.time);
  private cols = Array.from({ length: 5 }, () => new Float64Array(1024));
  private readonly file: string;
  private readonly keepDuplicates: boolean;
  /** Bars sharing the previous bar's timestamp (kept under the 'keep' policy). */
  duplicates = 0;
  /** Time of the last bar pushed, across chunks, as words (hi signed, lo unsigned); `started` once one was. */
  private lastHi = 0;
  private lastLo = 0;
  private started = false;
  private readonly scratch = new BigInt64Array(1);
  private readonly scratchWords = timeWords(this.scratch);
  /** Bars pushed in all, across chunks. */
  total = 0;

  constructor(file: string, keepDuplicates: boolean) {
    this.file = file;
    this.keepDuplicates = keepDuplicates;
  }

  /** `where` names the source position, e.g. "line 12" (evaluated only on error). */
  push(time: bigint, open: number, high: number, low: number, close: number, volume: number, where: () => string): void {
    // The loaders refuse such a row naming its field (data/time checkTimeRange); never store a wrapped time.
    if (time < TIME_MIN_NS || time > TIME_MAX_NS)
      throw new DataError('DATA_MALFORMED', `${this.file}:${where()}: timestamp ${time} ns is outside the range Backproof can represent (${TIME_RANGE_TEXT})`);
    this.scratch[0] = time;
    this.pushWords(this.scratchWords[TIME_HI]!, this.scratchWords[TIME_LO]! >>> 0, open, high, low, close, volume, 0, where);
  }

  /**
   * The same bar with its time as int64 words (`hi` signed, `lo` unsigned) and its position as a
   * line number (`where`, when given, names it instead): no allocation per bar.
   */
  pushWords(hi: number, lo: number, open: number, high: number, low: number, close: number, volume: number, lineNo: number, where?: () => string): void {
    if (!(open > 0 && high > 0 && low > 0 && close > 0 && high < Infinity && open < Infinity && low < Infinity && close < Infinity &&
      low <= open && low <= close && open <= high && close <= high && volume >= 0 && volume < Infinity))
      this.check(open, high, low, close, volume, where ?? (() => `${lineNo}`));
    if (this.started && (hi < this.lastHi || (hi === this.lastHi && lo <= this.lastLo))) {
      if (hi !== this.lastHi || lo !== this.lastLo || !this.keepDuplicates) this.orderError(hi === this.lastHi && lo === this.lastLo, where ?? (() => `${lineNo}`));
      this.duplicates++;
    }
    this.append(hi, lo, open, high, low, close, volume);
  }

  private append(hi: number, lo: number, open: number, high: number, low: number, close: number, volume: number): void {
    if (this.n === this.time.length) this.grow();
    const n = this.n;
    this.words[2 * n + TIME_HI] = hi;
    this.words[2 * n + TIME_LO] = lo;
    this.cols[0]![n] = open;
    this.cols[1]![n] = high;
    this.cols[2]![n] = low;
    this.cols[3]![n] = close;
    this.cols[4]![n] = volume;
    this.n = n + 1;
    this.total++;
    this.lastHi = hi;
    this.lastLo = lo;
    this.started = true;
  }

  private orderError(same: boolean, where: () => string): never {
    throw new DataError('DATA_ORDER', `${this.file}:${where()}: timestamp is ${same ? 'the same as' : 'before'} the previous row's (rows must be in increasing time; pass --duplicates keep for equal times)`);
  }

  /** Throws the first rule a bar breaks, in a fixed order (prices, then their span, then volume). */
  private check(open: number, high: number, low: number, close: number, volume: number, where: () => string): void {
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
  }

  get length(): number {
    return this.n;
  }

  /**
   * The bars pushed since the last chunk, as a chunk; the ordering check carries over. `into`: a
   * chunk its reader is done with, whose columns take these bars when they are as long.
   */
  takeChunk(into?: Bars): Bars {
    const n = this.n;
    let chunk: Bars;
    if (into !== undefined && into.length === n) {
      into.time.set(this.time.subarray(0, n));
      const cols = [into.open, into.high, into.low, into.close, into.volume];
      for (let c = 0; c < 5; c++) cols[c]!.set(this.cols[c]!.subarray(0, n));
      chunk = into;
    } else chunk = this.slice();
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

  /** Makes room for `rows` bars in all (a loader's estimate: growing by doubling copies every bar twice more). */
  reserve(rows: number): void {
    if (rows > this.time.length) this.grow(rows);
  }

  private grow(rows = this.time.length * 2): void {
    const t = new BigInt64Array(rows);
    t.set(this.time);
    this.time = t;
    this.words = timeWords(t);
    this.cols = this.cols.map((c) => {
      const next = new Float64Array(rows);
      next.set(c);
      return next;
    });
  }

  /** All bars: views of the columns when at most an eighth of their room is unused (a copy would cost more than it frees). */
  build(): Bars {
    const n = this.n;
    if (n === 0) throw new DataError('DATA_EMPTY', `${this.file}: no bars`);
    if ((this.time.length - n) * 8 > n) return this.slice();
    const [open, high, low, close, volume] = this.cols.map((c) => c.subarray(0, n)) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    return { length: n, time: this.time.subarray(0, n), open, high, low, close, volume };
  }
}

/** Every column of `b` is a whole array of its length (not a view into a larger one, not detached). */
export function wholeColumns(b: Bars): boolean {
  for (const c of [b.time, b.open, b.high, b.low, b.close, b.volume]) if (c.length !== b.length || c.byteOffset !== 0 || c.byteLength !== c.buffer.byteLength) return false;
  return b.length > 0;
}
