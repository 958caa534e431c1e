/**
 * @module report/series
 * The chart series of a report, downsampled to at most `maxPoints` points each so a page over a
 * million bars still draws at once. Only the charts are downsampled, never the tables or stats:
 * candles are aggregated in OHLC fashion (first open, highest high, lowest low, last close), so
 * no high or low is lost; the equity line keeps each bucket's last value and the drawdown its
 * deepest. Buckets are runs of consecutive points; chart time is whole UTC seconds, so buckets
 * that fall in the same second are merged (sub-second bars, several symbols at one instant).
 * Pure and deterministic: the same input gives the same numbers.
 */
import type { Bars, BarSource } from '../model/bars.ts';
import type { TimeColumn } from '../engine/timeline.ts';
import type { Recycling } from '../engine/events.ts';

/** Chart points per series at most (the page's canvas is a few thousand pixels wide at best). */
export const MAX_CHART_POINTS = 4000;

const NS_PER_S = 1_000_000_000n;
/** Whole seconds (floor) of a ns time, exactly (a float division can round across a second). */
export const secondsOf = (ns: bigint): number => {
  const q = ns / NS_PER_S;
  return Number(ns % NS_PER_S < 0n ? q - 1n : q);
};

/** Bars per bucket so that `n` points make at most `max` buckets. */
export const bucketSize = (n: number, max: number): number => Math.max(1, Math.ceil(n / max));

export interface Candles {
  /** Chart time (UTC seconds) of each candle. */
  time: number[];
  open: number[];
  high: number[];
  low: number[];
  close: number[];
  /** The first bar's time (ns) of each candle, for placing trade markers. */
  startNs: bigint[];
  /** Bars read. */
  bars: number;
}

/**
 * Streams a symbol's bars into at most about `max` candles; `expected` is the recorded bar count.
 * Each chunk goes back to a source that takes chunks back (engine/events Recycling) once added, so
 * a column cache reads the next group into it: a few chunks' memory, not ~3 MiB fresh a group.
 */
export function downsampleCandles(source: BarSource, expected: number, max = MAX_CHART_POINTS): Candles {
  const c = new CandleBuilder(expected, max);
  const recycle = (source as Recycling).recycle?.bind(source);
  for (let chunk = source.next(); chunk; chunk = source.next()) {
    c.add(chunk);
    recycle?.(chunk);
  }
  return c.candles;
}

/**
 * downsampleCandles fed chunk by chunk, for a reader that reads the bars for something else too
 * (verify builds the timeline and the candles in one pass): `candles` once every chunk is added.
 */
export class CandleBuilder {
  readonly candles: Candles = { time: [], open: [], high: [], low: [], close: [], startNs: [], bars: 0 };
  private readonly size: number;
  private inBucket = 0;

  constructor(expected: number, max = MAX_CHART_POINTS) {
    this.size = bucketSize(expected, max);
  }

  add(chunk: Bars): void {
    const c = this.candles, size = this.size;
    const { time, open, high, low, close } = chunk;
    const n = chunk.length;
    let inBucket = this.inBucket;
    for (let i = 0; i < n; ) {
      if (inBucket > 0) {
        // the rest of the open bucket (or of this chunk) into the last candle, its extremes kept in locals
        const end = Math.min(n, i + size - inBucket);
        const last = c.time.length - 1;
        let hi = c.high[last]!, lo = c.low[last]!;
        for (let j = i; j < end; j++) {
          const h = high[j]!, l = low[j]!;
          if (h > hi) hi = h;
          if (l < lo) lo = l;
        }
        c.high[last] = hi; c.low[last] = lo; c.close[last] = close[end - 1]!;
        inBucket += end - i;
        if (inBucket === size) inBucket = 0;
        i = end;
        continue;
      }
      const h = high[i]!, l = low[i]!;
      const last = c.time.length - 1;
      const ns = time[i]!;
      const t = secondsOf(ns);
      if (last >= 0 && c.time[last] === t) {
        // same second as the previous candle: one candle
        if (h > c.high[last]!) c.high[last] = h;
        if (l < c.low[last]!) c.low[last] = l;
        c.close[last] = close[i]!;
      } else {
        c.time.push(t); c.open.push(open[i]!); c.high.push(h); c.low.push(l); c.close.push(close[i]!); c.startNs.push(ns);
      }
      inBucket = size === 1 ? 0 : 1;
      i++;
    }
    c.bars += n;
    this.inBucket = inBucket;
  }
}

export interface EquityLines {
  time: number[];
  /** The last equity of each bucket. */
  equity: number[];
  /** The deepest drawdown (percent below the running peak, ≤ 0) within each bucket. */
  drawdownPct: number[];
}

/**
 * Each equity point's bar time: every time, or the engine's step-encoded column (engine/timeline),
 * from which only the bucket starts are read, in order (no 8 bytes a bar made: 80 MB at 10M bars).
 */
export type EquityTimes = BigInt64Array | TimeColumn;

/** Time `i` of `times`, for increasing `i` only (a column is read forward, once). */
function timesInOrder(times: EquityTimes): (i: number) => bigint {
  if (times instanceof BigInt64Array) return (i) => times[i]!;
  const r = times.reader();
  let read = 0; // times read so far: r holds time read - 1
  return (i) => {
    for (; read <= i; read++) r.next();
    return BigInt.asIntN(64, (BigInt(r.hi) << 32n) | BigInt(r.lo >>> 0));
  };
}

/** The equity curve and its drawdown, each point at its bar's time, downsampled to at most about `max` points. */
export function downsampleEquity(equity: Float64Array, times: EquityTimes, max = MAX_CHART_POINTS): EquityLines {
  const n = Math.min(equity.length, times.length);
  const size = bucketSize(n, max);
  const timeAt = timesInOrder(times);
  const out: EquityLines = { time: [], equity: [], drawdownPct: [] };
  let peak = -Infinity;
  for (let i = 0; i < n; i += size) {
    const end = Math.min(n, i + size);
    let deepest = 0;
    for (let j = i; j < end; j++) {
      const e = equity[j]!;
      if (e > peak) peak = e;
      const dd = peak > 0 ? (e / peak - 1) * 100 : 0;
      if (dd < deepest) deepest = dd;
    }
    const t = secondsOf(timeAt(i));
    const last = out.time.length - 1;
    if (last >= 0 && out.time[last] === t) {
      out.equity[last] = equity[end - 1]!;
      if (deepest < out.drawdownPct[last]!) out.drawdownPct[last] = deepest;
    } else {
      out.time.push(t); out.equity.push(equity[end - 1]!); out.drawdownPct.push(deepest);
    }
  }
  return out;
}

/** Index of the candle holding time `ns`: the last one starting at or before it (0 before the first). */
export function candleAt(c: Candles, ns: bigint): number {
  let lo = 0, hi = c.startNs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (c.startNs[mid]! <= ns) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
