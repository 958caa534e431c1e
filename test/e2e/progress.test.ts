// Progress (issue 10 §5): the engine's shared counter (engine/progress) — written every PROGRESS_EVERY
// events, exact at the end, never read by the run — and the CLI's bar on stderr, drawn from it.
import { describe, expect, it } from 'vitest';
import type { Bars } from '../../host/model/bars.ts';
import { Backtest } from '../../host/engine/backtest.ts';
import { sourceOf } from '../../host/data/stream.ts';
import type { GuestPort } from '../../host/engine/ports.ts';
import { PROGRESS_DONE, PROGRESS_ENDED, PROGRESS_EVERY, PROGRESS_TOTAL, progressCounter, readProgress } from '../../host/engine/progress.ts';

const MINUTE = 60_000_000_000n;

/** n minute bars of a zigzag price: enough trading for the broker to have work, no randomness. */
function minuteBars(n: number, start = 1_600_000_000_000_000_000n): Bars {
  const b = { length: n, time: new BigInt64Array(n), open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const p = 100 + (i % 50) - (i % 7);
    b.time[i] = start + BigInt(i) * MINUTE;
    b.open[i] = p; b.high[i] = p + 1; b.low[i] = p - 1; b.close[i] = p + 0.5; b.volume[i] = 1000;
  }
  return b;
}

/** A guest that notes the counter's DONE slot as each bar reaches it, and trades every 100 bars. */
function probe(bt: () => Backtest, counter: Int32Array | null): { port: GuestPort; seen: number[] } {
  const seen: number[] = [];
  let i = 0;
  const port: GuestPort = {
    onBar: () => {
      if (counter) seen.push(Atomics.load(counter, PROGRESS_DONE));
      // Buy 10 (kind 1) on even hundreds, close (kind 3) on odd ones: a trade every 200 bars.
      if (i % 100 === 0) bt().broker.submit((i / 100) % 2 === 0 ? 1 : 3, 10);
      i++;
    },
  };
  return { port, seen };
}

describe('engine progress counter', () => {
  it('is written every PROGRESS_EVERY events during the loop and exactly at its end', () => {
    const n = 3 * PROGRESS_EVERY + 123;
    const counter = progressCounter();
    expect(readProgress(counter)).toEqual({ done: 0, total: 0, ended: false });
    let bt!: Backtest;
    const { port, seen } = probe(() => bt, counter);
    bt = new Backtest(minuteBars(n), { cash: 10_000, progress: counter });
    bt.run(port);
    // Event k sees the count written after event k-1: the largest multiple of PROGRESS_EVERY below k (0 before the first write).
    expect(seen.length).toBe(n);
    for (let k = 0; k < n; k++) if (seen[k] !== (k <= PROGRESS_EVERY ? 0 : Math.floor((k - 1) / PROGRESS_EVERY) * PROGRESS_EVERY)) throw new Error(`event ${k} saw ${seen[k]}`);
    expect(readProgress(counter)).toEqual({ done: n, total: n, ended: true });
    expect([Atomics.load(counter, PROGRESS_TOTAL), Atomics.load(counter, PROGRESS_ENDED)]).toEqual([n, 1]);
  });

  it('announces the total before the first bar (in-memory feeds: exact; two feeds: the sum of their events)', () => {
    const counter = progressCounter();
    const totals: number[] = [];
    const a = minuteBars(5000), b = minuteBars(3000, 1_600_000_000_000_000_000n + 30n * MINUTE);
    const port: GuestPort = { onBar: () => { totals.push(Atomics.load(counter, PROGRESS_TOTAL)); } };
    new Backtest([a, b], { cash: 10_000, progress: counter, symbols: ['A', 'B'] }).run(port);
    expect(new Set(totals)).toEqual(new Set([8000]));
    expect(readProgress(counter)).toEqual({ done: 8000, total: 8000, ended: true });
  });

  it('a streamed source: the total starts as its estimate and ends exact', () => {
    const counter = progressCounter();
    const bars = minuteBars(10_000);
    // A source whose estimate is off (as a streamed file's is until read): the end corrects it.
    const src = { ...sourceOf(bars), estimatedLength: () => 7_000 };
    const totals: number[] = [];
    new Backtest({ sources: [src] }, { cash: 10_000, progress: counter }).run({ onBar: () => { totals.push(readProgress(counter).total); } });
    expect(totals[0]).toBe(7_000);
    expect(Math.max(...totals)).toBeLessThanOrEqual(10_000);
    expect(readProgress(counter)).toEqual({ done: 10_000, total: 10_000, ended: true });
  });

  it('changes nothing in the result', () => {
    const run = (counter?: Int32Array) => {
      let bt!: Backtest;
      const { port } = probe(() => bt, null);
      bt = new Backtest(minuteBars(20_000), { cash: 10_000, commission: 0.001, progress: counter });
      const r = bt.run(port);
      return { stats: r.stats, trades: r.trades, equity: Array.from(r.equity), times: Array.from(bt.times) };
    };
    const without = run();
    expect(without.trades.length).toBeGreaterThan(10);
    expect(run(progressCounter())).toEqual(without);
  });
});
