// node bench/outputs.ts [BARS]: the run folder's result outputs at BARS bars (default 1,000,000; one trade
// per 18 bars and two orders per trade, as the SMA example on the random walk): each CSV rendered and
// written to a file, result.pb encoded and decoded — the streamed writers and the hand-written codec
// against the renderers and protobufjs codec they replaced (test/audit/legacy-outputs.ts); the CSV files
// also as `backproof export`, verify and `backtest --csv` write them, from result.pb's rows (streamedResult: no
// object per row), and what a backtest writes of its result by default (result.pb; before issue 11's fifth
// session also trades.csv and orders.csv, which are now written on demand), in paired
// rounds (old, new, old, new, …; best of 3 by CPU time: user + system of this process, which writes
// synchronously or awaits each chunk, so CPU time is its work whatever the machine's load; a case that takes
// less than 0.25 s is repeated to fill that, and its mean run counted).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkResult, decodeResult, encodeResult, streamedResult } from '../host/audit/codec.ts';
import { equityCsvChunks, ordersCsvChunks, tradesCsvChunks } from '../host/audit/render.ts';
import { writeChunks } from '../host/run/rundir.ts';
import type { BacktestResult, Trade } from '../host/model/trade.ts';
import type { OrderReason, OrderRecord } from '../host/model/order.ts';
import { legacyDecodeResult, legacyEncodeResult, legacyEquityCsv, legacyOrdersCsv, legacyTradesCsv, statsOf } from '../test/audit/legacy-outputs.ts';

const BARS = Number(process.argv[2] ?? 1_000_000);
const TRADES = Math.floor(BARS / 18);
const T0 = 946_684_800_000_000_000n;
const MINUTE = 60_000_000_000n;

const times = new BigInt64Array(BARS);
const equity = new Float64Array(BARS);
let price = 100;
for (let i = 0; i < BARS; i++) {
  times[i] = T0 + BigInt(i) * MINUTE;
  price += Math.sin(i * 12.9898) * 0.05;
  equity[i] = 1_000_000 + (price - 100) * 37.5;
}
const trades: Trade[] = [];
const orders: OrderRecord[] = [];
for (let k = 0; k < TRADES; k++) {
  const entryBar = k * 18, exitBar = entryBar + 11;
  const entryPrice = Math.round((100 + Math.sin(k) * 3) * 1e4) / 1e4, exitPrice = Math.round((100 + Math.cos(k) * 3) * 1e4) / 1e4;
  const side = k % 2 ? 1 : -1;
  const commission = 0.002 * (entryPrice + exitPrice);
  const pnl = side * (exitPrice - entryPrice) - commission;
  trades.push({ symbol: 0, entryBar, exitBar, entryTime: times[entryBar]!, exitTime: times[exitBar]!, size: side, entryPrice, exitPrice, pnl, returnPct: (pnl / entryPrice) * 100, commission });
  for (const [bar, p] of [[entryBar, entryPrice], [exitBar, exitPrice]] as const)
    orders.push({ id: orders.length + 1, bar, time: times[bar]!, symbol: 0, side: bar === entryBar ? side : 0, type: 0, size: 1, status: 1, reason: '' as OrderReason, price: p, units: bar === entryBar ? side : -side });
}
const result: BacktestResult = { trades, orders, equity, stats: statsOf({ start: T0, end: times[BARS - 1]!, bars: BARS, trades: TRADES, equityFinal: equity[BARS - 1]!, sharpe: NaN }) };

const work = mkdtempSync(path.join(tmpdir(), 'backproof-bench-outputs-'));
const file = path.join(work, 'out.csv');
/** CPU seconds of one f(): f repeated until the whole takes ≥ 0.25 s (a case of 0.04 s is too short to time alone), their mean. */
const cpu = async (f: () => unknown): Promise<number> => {
  const c0 = process.cpuUsage();
  let runs = 0, s = 0;
  do {
    await f();
    runs++;
    const c = process.cpuUsage(c0);
    s = (c.user + c.system) / 1e6;
  } while (s < 0.25);
  return s / runs;
};

const bytes = encodeResult(result);
const checked = checkResult(bytes);
const streamed = streamedResult(bytes, checked.equity, checked.stats);
const decoded = decodeResult(bytes);
const resultFile = path.join(work, 'result.pb');
/** What a backtest writes of its result: result.pb encoded and written, and (before) trades.csv and orders.csv rendered from it. */
const runOutputs = (csv: boolean) => async (): Promise<void> => {
  const encoded = encodeResult(result);
  writeFileSync(resultFile, encoded);
  if (!csv) return;
  const rows = streamedResult(encoded, checked.equity, checked.stats);
  await writeChunks(file, tradesCsvChunks(rows));
  await writeChunks(file, ordersCsvChunks(rows));
};
const cases: [string, number, () => unknown, () => unknown][] = [
  ['equity.csv (render + write)', BARS, () => writeFileSync(file, legacyEquityCsv(result, times)), () => writeChunks(file, equityCsvChunks(result, times))],
  ['trades.csv (render + write)', TRADES, () => writeFileSync(file, legacyTradesCsv(result)), () => writeChunks(file, tradesCsvChunks(result))],
  ['orders.csv (render + write)', orders.length, () => writeFileSync(file, legacyOrdersCsv(result)), () => writeChunks(file, ordersCsvChunks(result))],
  ['trades.csv from result.pb (decode, render, write)', TRADES, () => writeFileSync(file, legacyTradesCsv(legacyDecodeResult(bytes))), () => writeChunks(file, tradesCsvChunks(streamed))],
  ['orders.csv from result.pb (decode, render, write)', orders.length, () => writeFileSync(file, legacyOrdersCsv(decoded)), () => writeChunks(file, ordersCsvChunks(streamed))],
  ['result.pb check (verify: canonical, no rows kept)', BARS, () => legacyDecodeResult(bytes), () => checkResult(bytes)],
  ['result.pb encode', BARS, () => legacyEncodeResult(result), () => encodeResult(result)],
  ['result.pb decode', BARS, () => legacyDecodeResult(bytes), () => decodeResult(bytes)],
  ['a backtest\'s result outputs (before: result.pb + trades.csv + orders.csv; now: result.pb)', BARS, runOutputs(true), runOutputs(false)],
];
console.log(`outputs at ${BARS} bars, ${TRADES} trades, ${orders.length} orders (result.pb ${(bytes.length / 1e6).toFixed(1)} MB); CPU s, best of 3 paired rounds (each ≥ 0.25 s: short cases repeated)`);
console.log(['what', 'rows', 'before s', 'now s', 'now rows/s', 'speed-up'].join(' | '));
for (const [what, rows, before, now] of cases) {
  let b = Infinity, n = Infinity;
  for (let round = 0; round < 3; round++) {
    b = Math.min(b, await cpu(before));
    n = Math.min(n, await cpu(now));
  }
  console.log([what, rows, b.toFixed(3), n.toFixed(3), `${(rows / n / 1e6).toFixed(2)}M`, `${(b / n).toFixed(1)}x`].join(' | '));
}
rmSync(work, { recursive: true, force: true });
