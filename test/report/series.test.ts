// The report's chart series: downsampled OHLC-wise (no high or low lost), the equity's last value
// and the drawdown's deepest per bucket, buckets of one second merged. A naive reference checks them.
import { describe, expect, it } from 'vitest';
import { candleAt, downsampleCandles, downsampleEquity, secondsOf } from '../../host/report/series.ts';
import type { Bars, BarSource } from '../../host/model/bars.ts';

const DAY = 86_400_000_000_000n;
function bars(n: number, step = DAY, start = 1_600_000_000_000_000_000n): Bars {
  const time = new BigInt64Array(n), open = new Float64Array(n), high = new Float64Array(n), low = new Float64Array(n), close = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    time[i] = start + BigInt(i) * step;
    const mid = 100 + 10 * Math.sin(i / 7) + (i % 13);
    open[i] = mid; close[i] = mid + ((i % 3) - 1); high[i] = mid + 2 + (i % 5); low[i] = mid - 2 - (i % 4);
  }
  return { length: n, time, open, high, low, close, volume: new Float64Array(n) };
}
/** The bars in chunks of `size`, as a streamed file arrives. */
function chunked(b: Bars, size: number): BarSource {
  let at = 0;
  return {
    next: () => {
      if (at >= b.length) return null;
      const end = Math.min(b.length, at + size), s = at;
      at = end;
      return { length: end - s, time: b.time.subarray(s, end), open: b.open.subarray(s, end), high: b.high.subarray(s, end), low: b.low.subarray(s, end), close: b.close.subarray(s, end), volume: b.volume.subarray(s, end) };
    },
  };
}

describe('downsampleCandles', () => {
  it('10 000 bars into 100 candles of 100 bars: first open, highest high, lowest low, last close, whatever the chunking', () => {
    const b = bars(10_000);
    for (const chunk of [10_000, 333, 1]) {
      const c = downsampleCandles(chunked(b, chunk), b.length, 100);
      expect(c.bars).toBe(10_000);
      expect(c.time.length).toBe(100);
      for (let k = 0; k < 100; k++) {
        const s = k * 100, e = s + 100;
        expect([c.open[k], c.high[k], c.low[k], c.close[k]]).toEqual([b.open[s], Math.max(...b.high.subarray(s, e)), Math.min(...b.low.subarray(s, e)), b.close[e - 1]]);
        expect(c.time[k]).toBe(Number(b.time[s]! / 1_000_000_000n));
      }
    }
  });

  it('fewer bars than the limit: every bar is its own candle', () => {
    const b = bars(50);
    const c = downsampleCandles(chunked(b, 7), 50, 100);
    expect(c.close).toEqual([...b.close]);
    expect(c.high).toEqual([...b.high]);
  });

  it('bars within one second (ticks) become one candle: chart times are whole seconds, strictly increasing', () => {
    const b = bars(30, 100_000_000n); // 10 bars a second
    const c = downsampleCandles(chunked(b, 4), 30, 1000);
    expect(c.time.length).toBe(3);
    expect(c.high[0]).toBe(Math.max(...b.high.subarray(0, 10)));
    expect(c.close[2]).toBe(b.close[29]);
    expect(c.time.every((t, i) => i === 0 || t > c.time[i - 1]!)).toBe(true);
  });

  it('a trade is marked on the candle holding its bar', () => {
    const b = bars(1000);
    const c = downsampleCandles(chunked(b, 1000), 1000, 10);
    expect(candleAt(c, b.time[0]!)).toBe(0);
    expect(candleAt(c, b.time[250]!)).toBe(2);
    expect(candleAt(c, b.time[999]!)).toBe(9);
  });
});

describe('downsampleEquity', () => {
  it('the last equity of each bucket, and the deepest drawdown below the running peak', () => {
    const equity = Float64Array.from({ length: 1000 }, (_, i) => 100 + (i < 500 ? i : 999 - i) - (i === 777 ? 300 : 0));
    const times = bars(1000).time;
    const e = downsampleEquity(equity, times, 10);
    expect(e.time.length).toBe(10);
    expect(e.equity).toEqual(Array.from({ length: 10 }, (_, k) => equity[k * 100 + 99]));
    // naive reference: the running peak over all bars, the deepest drawdown in each bucket
    let peak = -Infinity;
    const dd = equity.map((v) => ((peak = Math.max(peak, v)), (v / peak - 1) * 100));
    expect(e.drawdownPct).toEqual(Array.from({ length: 10 }, (_, k) => Math.min(0, ...dd.subarray(k * 100, k * 100 + 100))));
    expect(Math.min(...e.drawdownPct)).toBe(Math.min(...dd));
  });

  it('secondsOf floors exactly, also before 1970', () => {
    expect(secondsOf(1_999_999_999n)).toBe(1);
    expect(secondsOf(-1n)).toBe(-1);
    expect(secondsOf(1_700_000_000_999_999_999n)).toBe(1_700_000_000); // a float division rounds this up to the next second
  });
});
