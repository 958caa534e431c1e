// The report on a 1M-bar run: SMA(10/20) crossover over 1,000,000 minute bars tiled from a real file
// (test/data/orcl-1995-2014.txt, as bench/big.ts), written as a CSV, run audited into a run folder.
// Times, over 3 rounds (median): reading the folder for the report (record, result, the data file
// parsed again, the bars' order), rendering the page (charts downsampled, tables capped), writing it;
// and the page's size. Run: node bench/report.ts [bars]
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backtest } from '../host/run/backtest.ts';
import { DEFAULT_CONFIG } from '../host/run/config.ts';
import { MAX_CHART_POINTS, MAX_TABLE_ROWS, readReportInput, renderReport, writeFileAtomic } from '../host/report/index.ts';
import { writeTiledCsv } from './tile.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(path.join(tmpdir(), 'backproof-bench-report-'));
const file = path.join(dir, 'bars.csv');
writeTiledCsv(file, N);

const run = path.join(dir, 'run');
const seconds = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e9;
let t0 = process.hrtime.bigint();
const r = await backtest({ strategy: 'strategies-as/sma-cross.ts', data: [file], config: { ...DEFAULT_CONFIG, params: { fast: 10, slow: 20 } }, key: null, out: run, timeoutMs: 3_600_000, logLevel: 'silent' });
const withReport = seconds(t0);
const trades = r.outcome.result.trades.length, orders = r.outcome.result.orders.length;
console.log(`report: ${N.toLocaleString('en-US')} bars, ${trades.toLocaleString('en-US')} trades, ${orders.toLocaleString('en-US')} orders; backtest with its report ${withReport.toFixed(1)} s`);

const rounds: { read: number; render: number; write: number }[] = [];
let size = 0;
for (let round = 0; round < 3; round++) {
  t0 = process.hrtime.bigint();
  const input = await readReportInput(run);
  const read = seconds(t0);
  t0 = process.hrtime.bigint();
  const html = renderReport(input);
  const render = seconds(t0);
  t0 = process.hrtime.bigint();
  await writeFileAtomic(path.join(dir, 'report.html'), html);
  rounds.push({ read, render, write: seconds(t0) });
  size = statSync(path.join(dir, 'report.html')).size;
}
const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const m = { read: median(rounds.map((x) => x.read)), render: median(rounds.map((x) => x.render)), write: median(rounds.map((x) => x.write)) };
console.log(`report: read ${m.read.toFixed(2)} s + render ${m.render.toFixed(2)} s + write ${m.write.toFixed(3)} s = ${(m.read + m.render + m.write).toFixed(2)} s (median of 3); page ${(size / 1e6).toFixed(2)} MB, charts ≤ ${MAX_CHART_POINTS} points a series, tables ≤ ${MAX_TABLE_ROWS} rows`);
console.log(`report: identical to the page backtest wrote: ${readFileSync(path.join(dir, 'report.html'), 'utf8') === readFileSync(path.join(run, 'report.html'), 'utf8')}`);
rmSync(dir, { recursive: true, force: true });
