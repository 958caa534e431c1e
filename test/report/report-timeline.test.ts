// The report reads the bars' times from the engine's step-encoded timeline (engine/timeline), only the
// chart's points of it, instead of every time as a BigInt64Array (80 MB at 10M bars): the page's
// bytes are the same either way, on a streamed run of several chunks and two feeds whose times
// interleave, repeat and jump.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { executeRun, type RunOutcome } from '../../host/run/execute.ts';
import { loadStrategy } from '../../host/run/strategy.ts';
import { openData, sourceOfFeed, type DataFeed } from '../../host/data/load.ts';
import { DEFAULT_CONFIG, type RunConfig } from '../../host/run/config.ts';
import { writeRunDir } from '../../host/run/rundir.ts';
import { renderReport, downsampleEquity } from '../../host/report/index.ts';
import { TimeColumn } from '../../host/engine/timeline.ts';
import { GROUP_ROWS } from '../../host/data/cache.ts';

const BARS = 150_000; // three chunks of GROUP_ROWS and a part

/** Minute bars from `start` (UTC ms), a random-walk close; every 997th step is a 3-hour gap (the other feed's bars share its instants). */
function csv(bars: number, start: number, seed: number): string {
  const out = ['Date,Open,High,Low,Close,Volume'];
  let t = start, close = 100, s = seed;
  for (let i = 0; i < bars; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const open = close;
    close = Math.max(1, open + (s / 2147483648 - 0.5));
    const d = new Date(t).toISOString();
    out.push(`${d.slice(0, 10)} ${d.slice(11, 19)},${open.toFixed(4)},${(Math.max(open, close) + 0.05).toFixed(4)},${(Math.min(open, close) - 0.05).toFixed(4)},${close.toFixed(4)},${1000 + (i % 77)}`);
    t += i % 997 === 0 ? 3 * 3_600_000 : 60_000;
  }
  return out.join('\n') + '\n';
}

let work = '';
let outcome: RunOutcome;
let data: DataFeed[];
let recordPb: Uint8Array;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-report-timeline-'));
  const a = path.join(work, 'a.csv'), b = path.join(work, 'b.csv');
  await writeFile(a, csv(BARS, Date.UTC(2020, 0, 1), 7));
  await writeFile(b, csv(BARS - 10_000, Date.UTC(2020, 0, 1, 0, 30), 11));
  data = [await openData(a, {}, 0), await openData(b, {}, 0)]; // threshold 0: streamed in chunks
  data[0]!.symbol = 'A';
  data[1]!.symbol = 'B';
  const config: RunConfig = { ...DEFAULT_CONFIG, commission: 0.001 };
  const strategy = await loadStrategy('strategies-as/pairs.ts');
  outcome = executeRun({ strategy, data, config });
  await writeRunDir({
    dir: path.join(work, 'run'), force: false, outcome, strategy, config, key: null,
    beforePublish: async (_partial, pb) => { recordPb = pb.slice(); },
  });
}, 240_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the report from the timeline', () => {
  it('is the same page, byte for byte, as from every time as a BigInt64Array, on a streamed two-feed run of several chunks', () => {
    expect(outcome.result.equity.length).toBe(2 * BARS - 10_000);
    expect(outcome.result.equity.length).toBeGreaterThan(4 * GROUP_ROWS);
    expect(outcome.rows.trades.length).toBeGreaterThan(0);
    const feeds = data.map((d) => ({ open: () => sourceOfFeed(d) }));
    const result = { ...outcome.rows, equity: outcome.result.equity, stats: outcome.result.stats };
    const fromTimeline = renderReport({ recordPb, result, times: outcome.timeline, feeds });
    const fromTimes = renderReport({ recordPb, result, times: outcome.times, feeds });
    expect(fromTimeline).toBe(fromTimes);
    expect(fromTimeline).toContain(`points drawn for ${2 * BARS - 10_000} bars`);
  });

  it('downsampleEquity reads the same bucket times from a column as from the array (repeats, gaps, odd steps, any bucket size)', () => {
    const n = 20_011;
    const times = new BigInt64Array(n);
    let t = -86_400_000_000_123n; // before 1970, not a whole second
    for (let i = 0; i < n; i++) {
      times[i] = t;
      t += i % 5 === 0 ? 0n : i % 7 === 0 ? 3_600_000_000_000n : i % 11 === 0 ? 1_234_567n : i % 13 === 0 ? 1n << 50n : 60_000_000_000n;
    }
    const equity = Float64Array.from({ length: n }, (_, i) => 1000 + Math.sin(i / 50) * 100 + (i % 17));
    const column = TimeColumn.of(times);
    for (const max of [1, 3, 100, 4000, n, 2 * n]) expect(downsampleEquity(equity, column, max), String(max)).toEqual(downsampleEquity(equity, times, max));
    // a column longer than the equity: the equity's length bounds it, as with the array
    expect(downsampleEquity(equity.subarray(0, 999), column, 10)).toEqual(downsampleEquity(equity.subarray(0, 999), times, 10));
  });
});
