// verify reads a large data file's bars from its column cache group by group, handing each group back to
// the cache's reader once the next is read (inspect/verify recordedTimeline: the reader reads a later
// group into it). The times verify derives from recycled groups must be exactly those of the CSV: a run
// of 300,000 bars (5 groups, streamed: over verify's 4 MiB) with equity.csv exported from the CSV itself
// (the cache off) and snapshots, then verified from the column cache — every time is compared.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backtest } from '../../host/run/backtest.ts';
import { DEFAULT_CONFIG } from '../../host/run/config.ts';
import { exportRun } from '../../host/inspect/export.ts';
import { verifyRun } from '../../host/inspect/verify.ts';

const BARS = 300_000;
const saved = process.env.BACKPROOF_CACHE_DIR;
let work: string, run: string, cache: string;

/** Minute bars from 2000-01-01 UTC, a seeded walk (an LCG), with gaps: every 7th minute missing. */
function csvText(): string {
  const lines = ['Date,Open,High,Low,Close,Volume'];
  let seed = 12345, price = 100, minute = 0;
  for (let i = 0; i < BARS; i++) {
    minute += i % 7 === 6 ? 2 : 1;
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const open = price;
    price = Math.max(1, price + ((seed % 200) - 100) / 1000);
    const t = new Date(Date.UTC(2000, 0, 1) + minute * 60_000).toISOString().slice(0, 19);
    lines.push(`${t},${open.toFixed(3)},${(Math.max(open, price) + 0.01).toFixed(3)},${(Math.min(open, price) - 0.01).toFixed(3)},${price.toFixed(3)},100`);
  }
  return lines.join('\n') + '\n';
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-verify-recycled-'));
  run = path.join(work, 'run');
  cache = path.join(work, 'cache');
  const csv = path.join(work, 'walk.csv');
  await writeFile(csv, csvText());
  process.env.BACKPROOF_CACHE_DIR = cache;
  await backtest({ strategy: 'strategies-as/sma-cross.ts', data: [csv], config: { ...DEFAULT_CONFIG, params: { fast: 10, slow: 20 }, snapshotEvery: 40_000 }, key: null, out: run, timeoutMs: 300_000, report: false });
  // equity.csv's times from the CSV parsed again, no cache
  process.env.BACKPROOF_CACHE_DIR = 'off';
  await exportRun(run, { kinds: ['equity'] });
}, 600_000);

afterEach(() => {
  process.env.BACKPROOF_CACHE_DIR = saved;
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('verify over recycled column-cache groups', () => {
  it('every time read from the cache, group by group, is the CSV\'s: equity.csv and snapshots.json pass', async () => {
    expect((await readdir(path.join(cache, 'columns'))).filter((f) => f.endsWith('.bpcol'))).toHaveLength(1);
    process.env.BACKPROOF_CACHE_DIR = cache;
    const r = await verifyRun({ dir: run });
    expect(r.steps).toEqual(['record', 'signature', 'chain', 'config', 'strategy', 'data', 'trace', 'result', 'files']);
    process.env.BACKPROOF_CACHE_DIR = 'off';
    expect((await verifyRun({ dir: run })).steps).toEqual(r.steps);
  }, 300_000);
});
