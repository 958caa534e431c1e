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
import { minuteCsv as csv } from '../helpers/minute-csv.ts';

const BARS = 150_000; // three chunks of GROUP_ROWS and a part

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
