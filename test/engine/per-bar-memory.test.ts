// What the engine keeps per bar (issue 11, 10M bars in < 500 MB): the equity in a buffer that grows
// in place, the times as steps (engine/timeline), the benchmark's close as running sums
// (stats BenchmarkSums). These pin that each gives the statistics and result.pb the engine gave when
// it kept a time and a close per bar: the same bits.
import { describe, expect, it } from 'vitest';
import { Backtest } from '../../host/engine/backtest.ts';
import { ORDER_BUY, ORDER_SELL } from '../../host/engine/broker.ts';
import { BENCHMARK_CLOSE, BenchmarkSums, computeStats } from '../../host/engine/stats.ts';
import { TimeColumn } from '../../host/engine/timeline.ts';
import { encodeResultHoldingEquity, encodeResult } from '../../host/audit/codec.ts';
import type { Bars, BarSource } from '../../host/model/bars.ts';
import { TradeLog, type Trade } from '../../host/model/trade.ts';
import { rng } from '../helpers/generate.ts';

const MIN = 60_000_000_000n;
const T0 = 1_600_000_000_000_000_000n;

/** n bars of a random walk, `perInstant` bars at each minute (several symbols' merged timeline), Saturdays included. */
function walk(n: number, perInstant: number, seed: number): { time: BigInt64Array; close: Float64Array; equity: Float64Array } {
  const next = rng(seed);
  const time = new BigInt64Array(n), close = new Float64Array(n), equity = new Float64Array(n);
  let c = 100, e = 1e6;
  for (let i = 0; i < n; i++) {
    time[i] = T0 + BigInt(Math.floor(i / perInstant)) * (next() < 0.01 ? 3n * MIN : MIN) * 97n;
    if (i > 0 && time[i]! < time[i - 1]!) time[i] = time[i - 1]!;
    c *= next() < 0.1 ? 1 : 1 + (next() - 0.5) / 50;
    e = next() < 0.2 ? e : e * (1 + (next() - 0.5) / 40);
    close[i] = c;
    equity[i] = e;
  }
  return { time, close, equity };
}

/** Closed trades spanning bars of `time`, entries out of order (several symbols), spans overlapping and apart. */
function tradesOver(time: BigInt64Array, m: number, seed: number): Trade[] {
  const next = rng(seed);
  return Array.from({ length: m }, (_, k) => {
    const a = Math.floor(next() * time.length), b = Math.min(time.length - 1, a + Math.floor(next() * 40));
    return { symbol: k % 2, entryBar: a, exitBar: b, entryTime: time[a]!, exitTime: time[b]!, size: 1, entryPrice: 100, exitPrice: 100 + next(), pnl: next() - 0.5, returnPct: (next() - 0.5) * 3, commission: 0.1 };
  });
}

/** backtesting.py's Exposure Time, counted the plain way: bars whose time lies in some trade's [entry, exit]. */
function exposedPlainly(time: BigInt64Array, trades: Trade[]): number {
  let n = 0;
  for (const t of time) if (trades.some((x) => x.entryTime <= t && t <= x.exitTime)) n++;
  return n;
}

describe('statistics from what the engine keeps per bar', () => {
  it('the times as steps and the benchmark as sums give the statistics of the columns, bit for bit (duplicate instants, trades out of order)', () => {
    for (const [n, per, m] of [[5_000, 1, 300], [6_000, 2, 500], [2, 1, 0], [1, 1, 0], [300, 3, 1]] as const) {
      const { time, close, equity } = walk(n, per, n + per);
      const trades = tradesOver(time, m, n);
      const fromColumns = computeStats({ bars: { length: n, time, close }, equity, trades, initialCash: 1e6, rejectedOrders: 2 });
      const sums = new BenchmarkSums(close[0]!);
      const timeline = new TimeColumn(16);
      const words = new Int32Array(time.buffer);
      for (let i = 0; i < n; i++) {
        sums.sums[BENCHMARK_CLOSE] = close[i]!;
        sums.add(equity, i, i);
        timeline.add(words, i);
      }
      const streamed = computeStats({ bars: { length: n }, timeline, benchmark: sums, equity, trades: TradeLog.from(trades), initialCash: 1e6, rejectedOrders: 2 });
      for (const [k, v] of Object.entries(fromColumns)) expect(Object.is(streamed[k as keyof typeof streamed], v), `${k}: ${String(streamed[k as keyof typeof streamed])} vs ${String(v)}`).toBe(true);
      if (n > 2) expect(fromColumns.exposurePct).toBe((exposedPlainly(time, trades) / n) * 100);
    }
  });
});

/** A feed read in chunks of `chunk` bars that says it is `estimate` bars long. */
function source(b: Bars, chunk: number, estimate: number): BarSource {
  let at = 0;
  return {
    next(): Bars | null {
      if (at >= b.length) return null;
      const end = Math.min(b.length, at + chunk);
      const part = { length: end - at, time: b.time.subarray(at, end), open: b.open.subarray(at, end), high: b.high.subarray(at, end), low: b.low.subarray(at, end), close: b.close.subarray(at, end), volume: b.volume.subarray(at, end) };
      at = end;
      return part;
    },
    estimatedLength: () => estimate,
  };
}

describe('the engine\'s per-bar memory', () => {
  it('a streamed run whose feed underestimates its length grows its columns in place: the result.pb, stats and times of the in-memory run', () => {
    const n = 150_000; // past the first room of 65,536 bars: the equity grows twice or more
    const { time, close } = walk(n, 1, 5);
    const bars: Bars = { length: n, time, open: close, high: close.map((c) => c + 1), low: close.map((c) => c - 1), close, volume: close.map(() => 10) };
    const trader = (bt: Backtest) => {
      let i = 0;
      return { onBar: () => void (i++ % 97 === 0 && bt.broker.submit(i % 2 ? ORDER_BUY : ORDER_SELL, 1)) };
    };
    const run = (data: Bars | { sources: BarSource[] }) => {
      const bt = new Backtest(data, { cash: 1e6, commission: 0.001 });
      const r = bt.run(trader(bt));
      const encoded = encodeResultHoldingEquity({ trades: r.trades, orders: r.orders, equity: r.equity, stats: r.stats }, { aroundEquity: true });
      return { bt, r, bytes: encoded.bytes, equity: encoded.equity };
    };
    const mem = run(bars);
    const streamed = run({ sources: [source(bars, 4096, 1000)] });
    expect(streamed.r.trades.length).toBeGreaterThan(700);
    expect(Buffer.compare(streamed.bytes, mem.bytes)).toBe(0);
    expect(streamed.r.stats).toEqual(mem.r.stats);
    expect([...streamed.equity]).toEqual([...mem.equity]);
    expect(Array.from(streamed.bt.times)).toEqual(Array.from(time));
    expect(streamed.bt.timeline.used).toBeLessThan(n * 1.1); // ~1 byte a bar, not 8
    // the bytes made around the engine's equity are the bytes made from a copy of it
    expect(Buffer.compare(mem.bytes, encodeResult({ trades: mem.r.trades, orders: mem.r.orders, equity: Float64Array.from(mem.equity), stats: mem.r.stats }))).toBe(0);
  });
});
