// Scale, end to end (issue 11): 12,000,000 minute bars and 1,200,000 orders making 1,199,998 trades,
// through every path a user takes — `backproof backtest` (the data streamed, the audited run, the stats,
// the run folder and its report), `backproof backtest --csv` (trades.csv, orders.csv), `backproof export` (equity.csv streamed from
// result.pb) and `backproof verify` — as child processes of the CLI, each within 1.5 GB. The CSV is
// written here (prices tiled from test/data, as bench/tile.ts does); the counts and the stats below are
// derived from what was written, not from a run: the strategy (test/fixtures/flip-every.ts) flips one
// unit long/short every 10 bars, each order filling at the next bar's open. Not a timing test: CI has
// ~90 s for it on 2 cores, and the figures are printed, not asserted.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(REPO, 'bin', 'backproof.js');
const BARS = 12_000_000;
const EVERY = 10;
const CASH = 100_000;
const MAX_RSS_MB = 1536;

let work: string;
let csv: string;
/** What the written data makes of the strategy, computed here. */
let expected: { orders: number; trades: number; wins: number; pnl: number; equityFinal: number };

/**
 * Writes `n` minute bars from 2000-01-01 00:00 UTC, prices tiled from a real file's rows (even tiles
 * forward, odd tiles backward, so prices stay in its range), and returns the open of every bar an
 * order fills at (bars EVERY, 2·EVERY, …) and the last close.
 */
function writeBars(file: string, n: number): { fillOpens: number[]; lastClose: number } {
  const rows = readFileSync(path.join(REPO, 'test/data/orcl-1995-2014.txt'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').slice(1, 5));
  const text = rows.map((r) => r.join(','));
  const opens = rows.map((r) => Number(r[0]));
  const closes = rows.map((r) => Number(r[3]));
  const minutes = Array.from({ length: 1440 }, (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00,`);
  const fd = openSync(file, 'w');
  writeSync(fd, 'Date,Open,High,Low,Close\n');
  const fillOpens: number[] = [];
  let lastClose = NaN;
  let chunk = '';
  let day = '';
  for (let i = 0; i < n; i++) {
    const m = i % 1440;
    if (m === 0) day = `${new Date(Date.UTC(2000, 0, 1) + (i / 1440) * 86_400_000).toISOString().slice(0, 10)} `;
    const k = i % rows.length;
    const j = Math.floor(i / rows.length) % 2 === 0 ? k : rows.length - 1 - k;
    chunk += `${day}${minutes[m]}${text[j]}\n`;
    if (i > 0 && i % EVERY === 0) fillOpens.push(opens[j]!);
    if (i === n - 1) lastClose = closes[j]!;
    if (chunk.length > 1 << 22) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
  return { fillOpens, lastClose };
}

/** Lines of a file (each ends in a newline), counted in blocks. */
function lineCount(file: string): number {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(1 << 22);
  let lines = 0;
  for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; )
    for (let i = buf.indexOf(10); i >= 0 && i < n; i = buf.indexOf(10, i + 1)) lines++;
  closeSync(fd);
  return lines;
}

// In the child, at exit: its resource usage (peak RSS of the whole process, every thread), to a file.
const PROBE = 'data:text/javascript,' + encodeURIComponent(
  'import { writeFileSync } from "node:fs"; const out = process.env.BACKPROOF_TEST_USAGE; ' +
  'if (out) process.on("exit", () => writeFileSync(out, JSON.stringify(process.resourceUsage())));',
);

let calls = 0;
/** The CLI as a child process: exit code, stdout, stderr, wall seconds and peak RSS in MB. */
function cli(...args: string[]): Promise<{ code: number | null; out: string; err: string; seconds: number; rssMb: number }> {
  const usage = path.join(work, `usage-${calls++}.json`);
  const t0 = performance.now();
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, BACKPROOF_TEST_USAGE: usage };
    delete env.VITEST;
    const child = spawn(process.execPath, ['--import', PROBE, BIN, ...args], { cwd: REPO, env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      let rssMb = NaN;
      try {
        rssMb = (JSON.parse(readFileSync(usage, 'utf8')) as NodeJS.ResourceUsage).maxRSS / 1024;
      } catch { /* it died before its exit handler */ }
      resolve({ code, out, err, seconds: (performance.now() - t0) / 1000, rssMb });
    });
  });
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'backproof-scale-'));
  csv = path.join(work, 'bars-12m.csv');
  const { fillOpens, lastClose } = writeBars(csv, BARS);
  // Orders on bars EVERY−1, 2·EVERY−1, …; each fills at the next bar's open, but one placed on the last bar is cancelled.
  const orders = Math.floor(BARS / EVERY);
  const fills = fillOpens.length;
  expect(fills).toBe(BARS % EVERY === 0 ? orders - 1 : orders);
  // Fill f opens a position of one unit (long when f is even); fill f + 1 closes it: trade f.
  let pnl = 0;
  let wins = 0;
  for (let f = 0; f + 1 < fills; f++) {
    const p = (f % 2 === 0 ? 1 : -1) * (fillOpens[f + 1]! - fillOpens[f]!);
    pnl += p;
    if (p > 0) wins++;
  }
  const last = fills - 1;
  const open = (last % 2 === 0 ? 1 : -1) * (lastClose - fillOpens[last]!); // the position left open, marked at the last close
  expected = { orders, trades: fills - 1, wins, pnl, equityFinal: CASH + pnl + open };
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('12M bars and 1.2M trades through backtest, stats, outputs and verify', () => {
  it('backtest, export and verify at scale: exact counts, the stats the data implies, each process within 1.5 GB', async () => {
    expect(expected.trades).toBe(1_199_998);
    const run = path.join(work, 'run');
    const bt = await cli('backtest', '--strategy', 'test/fixtures/flip-every.ts', '--data', csv, '--cash', String(CASH), '--max-orders', '2000000',
      '--out', run, '--unsigned', '--quiet', '--json', '--csv', 'trades,orders');
    console.log(`scale: backtest ${BARS.toLocaleString('en-US')} bars, ${expected.trades.toLocaleString('en-US')} trades: ${bt.seconds.toFixed(1)} s, peak RSS ${bt.rssMb.toFixed(0)} MB`);
    expect(bt.err).toBe('');
    expect(bt.code).toBe(0);
    const doc = JSON.parse(bt.out) as { stats: Record<string, number>; rejections: Record<string, number> };
    expect(doc.stats.bars).toBe(BARS);
    expect(doc.stats.trades).toBe(expected.trades);
    expect(doc.stats.commissions).toBe(0);
    expect(doc.stats.rejectedOrders).toBe(BARS % EVERY === 0 ? 1 : 0);
    expect(doc.rejections).toEqual(BARS % EVERY === 0 ? { 'end-of-data': 1 } : {});
    expect(doc.stats.winRatePct).toBeCloseTo((100 * expected.wins) / expected.trades, 9);
    // Sums in another order than the engine's: equal to a cent's millionth, not to the bit.
    expect(Math.abs(doc.stats.equityFinal! - expected.equityFinal)).toBeLessThan(1e-6 * CASH);
    expect(JSON.parse(readFileSync(path.join(run, 'stats.json'), 'utf8')).trades).toBe(expected.trades);
    expect(bt.rssMb).toBeLessThan(MAX_RSS_MB);

    // The outputs: trades.csv and orders.csv as backtest --csv wrote them, equity.csv exported from result.pb.
    expect(lineCount(path.join(run, 'trades.csv'))).toBe(expected.trades + 1);
    expect(lineCount(path.join(run, 'orders.csv'))).toBe(expected.orders + 1);
    const ex = await cli('export', run, '--equity', '--quiet');
    console.log(`scale: export equity.csv ${ex.seconds.toFixed(1)} s, peak RSS ${ex.rssMb.toFixed(0)} MB`);
    expect([ex.code, ex.err]).toEqual([0, '']);
    expect(lineCount(path.join(run, 'equity.csv'))).toBe(BARS + 1);
    expect(ex.rssMb).toBeLessThan(MAX_RSS_MB);

    // verify: every file of the folder (equity.csv included) against the record.
    const v = await cli('verify', run, '--json', '--quiet');
    console.log(`scale: verify ${v.seconds.toFixed(1)} s, peak RSS ${v.rssMb.toFixed(0)} MB`);
    expect([v.code, v.err]).toEqual([0, '']);
    expect(JSON.parse(v.out)).toMatchObject({ ok: true, unverified: [] });
    expect(v.rssMb).toBeLessThan(MAX_RSS_MB);
  }, 600_000);
});
