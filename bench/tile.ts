// Builds a long series from a real data file by tiling it: even tiles run forward, odd tiles run
// backward (so prices stay in the file's own range), timestamps continue one minute apart (one day
// apart would overflow int64 nanoseconds after ~106,000 bars).
import type { Bars } from '../host/model/bars.ts';

export function tileBars(src: Bars, target: number): Bars {
  const n = target;
  const out = {
    length: n, time: new BigInt64Array(n), open: new Float64Array(n), high: new Float64Array(n),
    low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n),
  };
  const step = 60_000_000_000n;
  for (let i = 0; i < n; i++) {
    const tile = Math.floor(i / src.length);
    const k = i % src.length;
    const j = tile % 2 === 0 ? k : src.length - 1 - k;
    out.time[i] = src.time[0]! + BigInt(i) * step;
    out.open[i] = src.open[j]!;
    out.high[i] = src.high[j]!;
    out.low[i] = src.low[j]!;
    out.close[i] = src.close[j]!;
    out.volume[i] = src.volume[j]!;
  }
  return out;
}
