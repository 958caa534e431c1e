// A streamed run reads each feed's column cache (or its CSV, with the cache off) into a few reused
// chunks (the event queue hands a chunk back to its source once it has moved past it:
// CacheSource.recycle, CsvSource.recycle), not fresh columns per chunk. The bars, the run's result and trace are exactly those of the same files held in memory,
// on two feeds of several chunks each; the report's candles too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { executeRun } from '../../host/run/execute.ts';
import { loadStrategy } from '../../host/run/strategy.ts';
import { openData, sourceOfFeed, type DataFeed } from '../../host/data/load.ts';
import { CacheSource, GROUP_ROWS } from '../../host/data/cache.ts';
import { CsvSource } from '../../host/data/stream.ts';
import { DEFAULT_CONFIG, type RunConfig } from '../../host/run/config.ts';
import { EventQueue } from '../../host/engine/events.ts';
import { downsampleCandles } from '../../host/report/index.ts';
import type { Bars, BarSource } from '../../host/model/bars.ts';
import { minuteCsv } from '../helpers/minute-csv.ts';

/** Six groups and five: three whole groups' buffers a feed, reused for the others but the short last one. */
const BARS = [5 * GROUP_ROWS + 1234, 4 * GROUP_ROWS + 777];
let work = '';
const files: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-chunk-reuse-'));
  for (const [k, n] of BARS.entries()) {
    files.push(path.join(work, `f${k}.csv`));
    await writeFile(files[k]!, minuteCsv(n, Date.UTC(2021, 5, 1, 0, 15 * k), 3 + k));
  }
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/**
 * Streamed feeds named A and B (threshold 0: the first open writes the column cache, which the run
 * then reads; with the cache off, the CSV is parsed in chunks as the run goes).
 */
async function streamed(cache: 'on' | 'off' = 'on'): Promise<DataFeed[]> {
  const was = process.env.BACKPROOF_CACHE_DIR;
  if (cache === 'off') process.env.BACKPROOF_CACHE_DIR = 'off';
  try {
    const feeds = [await openData(files[0]!, {}, 0), await openData(files[1]!, {}, 0)];
    feeds.forEach((f, k) => (f.symbol = 'AB'[k]!));
    return feeds;
  } finally {
    process.env.BACKPROOF_CACHE_DIR = was;
  }
}

/** `f` with the cache off (a source opened inside reads the CSV, not the column cache). */
function cacheOff<T>(f: () => T): T {
  const was = process.env.BACKPROOF_CACHE_DIR;
  process.env.BACKPROOF_CACHE_DIR = 'off';
  try {
    return f();
  } finally {
    process.env.BACKPROOF_CACHE_DIR = was;
  }
}

/** Every bar of a source, copied out of each chunk as it arrives. */
function copied(chunks: Bars[]): { time: bigint[]; close: number[] } {
  return { time: chunks.flatMap((c) => [...c.time]), close: chunks.flatMap((c) => [...c.close]) };
}

describe('chunks reused by a streamed run', () => {
  for (const cache of ['on', 'off'] as const)
  it(`the event queue gives the ${cache === 'on' ? 'column cache' : 'CSV'} source its chunks back: 3 buffers a feed for 5 and 4 whole chunks (and one for the short last one), the same bars as in memory`, async () => {
    const feeds = await streamed(cache);
    const sources = cache === 'on' ? feeds.map((f) => sourceOfFeed(f)) : cacheOff(() => feeds.map((f) => sourceOfFeed(f)));
    expect(sources.every((s) => s instanceof (cache === 'on' ? CacheSource : CsvSource))).toBe(true);
    const buffers = sources.map(() => new Set<ArrayBufferLike>());
    const seen: { time: bigint[]; close: number[] }[] = sources.map(() => ({ time: [], close: [] }));
    const watched = sources.map((s, g): BarSource & { recycle(c: Bars): void } => ({
      next: () => { const c = s.next(); if (c) buffers[g]!.add(c.time.buffer); return c; },
      recycle: (c) => (s as CacheSource | CsvSource).recycle(c),
    }));
    const q = new EventQueue(watched, [60_000_000_000n, 60_000_000_000n]);
    for (let f = q.next(); f >= 0; f = q.next()) {
      const c = q.chunks[f]!, j = q.at[f]!;
      if (q.phase[f] === 0) { q.phase[f] = 1; continue; } // the open; its close comes next
      seen[f]!.time.push(c.time[j]!);
      seen[f]!.close.push(c.close[j]!);
      q.advance(f);
    }
    expect(buffers.map((b) => b.size)).toEqual([4, 4]);
    for (const [g, file] of files.entries()) {
      const whole = await openData(file);
      expect('bars' in whole).toBe(true);
      const bars = (whole as { bars: Bars }).bars;
      expect(seen[g]!.time.length).toBe(BARS[g]);
      expect(seen[g]).toEqual(copied([bars]));
    }
  });

  it('a run of two streamed feeds (column cache, then CSV) gives the result, trace root and instructions of the same files in memory', async () => {
    const strategy = await loadStrategy('strategies-as/pairs.ts');
    const config: RunConfig = { ...DEFAULT_CONFIG, commission: 0.001 };
    const inMemory = [await openData(files[0]!), await openData(files[1]!)];
    inMemory.forEach((f, k) => (f.symbol = 'AB'[k]!));
    const b = executeRun({ strategy, data: inMemory, config });
    const fromCache = executeRun({ strategy, data: await streamed(), config });
    const offData = await streamed('off');
    const fromCsv = cacheOff(() => executeRun({ strategy, data: offData, config }));
    for (const a of [fromCache, fromCsv]) {
      expect(a.result.equity.length).toBe(BARS[0]! + BARS[1]!);
      expect(a.rows.trades.length).toBeGreaterThan(10);
      expect(Buffer.compare(a.resultBytes, b.resultBytes)).toBe(0);
      expect(Buffer.from(a.trace.root).toString('hex')).toBe(Buffer.from(b.trace.root).toString('hex'));
      expect(a.instructions).toBe(b.instructions);
    }
  }, 240_000);

  it("the report's candles from a recycling cache source are those of the bars in memory", async () => {
    const [feed] = await streamed();
    const whole = (await openData(files[0]!)) as { bars: Bars };
    const reused = downsampleCandles(sourceOfFeed(feed!), BARS[0]!, 1000);
    const once = downsampleCandles({ next: ((done = false) => () => (done ? null : ((done = true), whole.bars)))() }, BARS[0]!, 1000);
    expect(reused).toEqual(once);
    expect(reused.bars).toBe(BARS[0]);
  });
});
