// Builds a long series from a real data file by tiling it: even tiles run forward, odd tiles run
// backward (so prices stay in the file's own range), timestamps continue one minute apart (one day
// apart would overflow int64 nanoseconds after ~106,000 bars).
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
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

/**
 * Writes `n` minute bars (Date,Open,High,Low,Close from 2000-01-01 00:00) tiled from a real file's rows the
 * same way, as a CSV at `file`, 100,000 rows a write: the streamed-data and report benchmarks' input.
 */
export function writeTiledCsv(file: string, n: number, source = 'test/data/orcl-1995-2014.txt'): void {
  const src = readFileSync(source, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').slice(1, 5).join(','));
  const fd = openSync(file, 'w');
  writeSync(fd, 'Date,Open,High,Low,Close\n');
  let t = Date.UTC(2000, 0, 1);
  let buf: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % src.length;
    buf.push(`${new Date(t).toISOString().slice(0, 19).replace('T', ' ')},${src[Math.floor(i / src.length) % 2 === 0 ? k : src.length - 1 - k]!}`);
    t += 60_000;
    if (buf.length === 100_000) {
      writeSync(fd, buf.join('\n') + '\n');
      buf = [];
    }
  }
  if (buf.length) writeSync(fd, buf.join('\n') + '\n');
  closeSync(fd);
}
