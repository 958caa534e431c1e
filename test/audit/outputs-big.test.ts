// The output paths at scale without a long backtest (issue 11): a result of 1,000,000 trades, 100,000
// orders and 12,000,000 bars, built directly, goes through result.pb's writer and reader, the streamed
// CSV writers (written to disk as backtest and export write them) and verify's streamed comparison. The
// old renderers and protobufjs, too slow and too large for the whole, check exact bytes on samples; the
// whole is checked row by row against the values it was built from. (equity.csv alone is ~600 MB here:
// one string of it was past V8's limit before.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { checkResult, decodeResult, encodeResult, streamedResult } from '../../host/audit/codec.ts';
import { equityCsvChunks, ordersCsvChunks, tradesCsvChunks, type Chunks } from '../../host/audit/render.ts';
import type { BacktestResult, Trade } from '../../host/model/trade.ts';
import type { OrderReason, OrderRecord } from '../../host/model/order.ts';
import { writeChunks } from '../../host/run/rundir.ts';
import { expectRendering } from '../../host/inspect/verify.ts';
import { legacyEncodeResult, legacyIsoTime, legacyOrdersCsv, legacyTradesCsv, statsOf } from './legacy-outputs.ts';

const BARS = 12_000_000;
// A full collection where the test lets go of ~0.5 GB, so the next stage does not stack on top of its garbage.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const TRADES = 1_000_000;
const ORDERS = 100_000;
const T0 = 946_684_800_000_000_000n; // 2000-01-01
const MINUTE = 60_000_000_000n;

const timeAt = (i: number): bigint => T0 + BigInt(i) * MINUTE + (i % 1000 === 7 ? 123_456_789n : 0n);
const equityAt = (i: number): number => 1_000_000 + ((i * 7919) % 100_003) / 64 - (i % 3) * 0.1;
function tradeAt(k: number): Trade {
  const entryBar = k * 12;
  return {
    symbol: k % 3, entryBar, exitBar: entryBar + 5, entryTime: timeAt(entryBar), exitTime: timeAt(entryBar + 5),
    size: k % 2 ? 1 : -3, entryPrice: 100 + (k % 977) / 8, exitPrice: 100 + (k % 983) / 16, pnl: ((k % 211) - 105) / 3,
    returnPct: k % 5 === 0 ? 0 : ((k % 89) - 44) / 7, commission: 0.2 + (k % 13) / 100,
  };
}
const REASONS: OrderReason[] = ['', 'insufficient-margin', 'oco', 'end-of-data'];
function orderAt(k: number): OrderRecord {
  return {
    id: k + 1, bar: k === 0 ? -1 : k * 60, time: k === 0 ? 0n : timeAt(k * 60), symbol: (k % 4) - 1, side: [1, -1, 0][k % 3]!, type: k % 6,
    size: k % 7 === 0 ? 0.5 : 1, status: 1 + (k % 4), reason: REASONS[k % 4]!, price: k % 4 === 0 ? 100 + k / 1024 : 0, units: k % 4 === 0 ? (k % 2 ? 1 : -1) : 0,
  };
}

/**
 * Streams `chunks` through, counting rows and handing the sampled ones (by 0-based line index, the
 * header being line 0) to `check` as text.
 */
function* sampled(chunks: Chunks, sample: (line: number) => boolean, check: (line: number, text: string) => void, count: { lines: number; bytes: number }): Chunks {
  let line = 0;
  let carry: Buffer | null = null; // a sampled line's start, cut by a chunk's end (never happens: chunks end at a row's end)
  for (const chunk of chunks) {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    expect(carry).toBeNull();
    for (let at = 0; at < buf.length; ) {
      const nl = buf.indexOf(10, at);
      if (nl < 0) {
        carry = buf.subarray(at);
        break;
      }
      if (sample(line)) check(line, buf.toString('latin1', at, nl));
      line++;
      at = nl + 1;
    }
    count.bytes += chunk.length;
    yield chunk;
  }
  count.lines = line;
}

let dir: string;
let result: BacktestResult | null;
let times: BigInt64Array | null;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'backproof-big-outputs-'));
  const equity = new Float64Array(BARS);
  times = new BigInt64Array(BARS);
  for (let i = 0; i < BARS; i++) {
    equity[i] = equityAt(i);
    times[i] = timeAt(i);
  }
  // the trades and orders are built after equity.csv (the first test), so the two stages do not stack
  result = { trades: [], orders: [], equity, stats: statsOf({ start: T0, end: timeAt(BARS - 1), bars: BARS, trades: TRADES, equityFinal: equity[BARS - 1]!, sharpe: NaN }) };
}, 120_000);

function buildRows(r: BacktestResult): void {
  r.trades = new Array<Trade>(TRADES);
  for (let k = 0; k < TRADES; k++) r.trades[k] = tradeAt(k);
  r.orders = new Array<OrderRecord>(ORDERS);
  for (let k = 0; k < ORDERS; k++) r.orders[k] = orderAt(k);
}

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const edges = (n: number, k: number): boolean => k < 2000 || k > n - 2000 || k % 997 === 0;

describe(`outputs of ${TRADES} trades, ${ORDERS} orders and ${BARS} bars`, () => {
  it('equity.csv, trades.csv and orders.csv stream to disk; sampled rows are the old renderers\' bytes; verify\'s comparison passes on each', async () => {
    const r = result!;
    const t = times!;
    const files: [string, () => Chunks, number, (k: number) => string][] = [
      ['equity.csv', () => equityCsvChunks(r, t), BARS, (i) => `${i},${legacyIsoTime(t[i]!)},${r.equity[i]}`],
      ['trades.csv', () => tradesCsvChunks(r), TRADES, (k) => legacyTradesCsv({ ...r, trades: [r.trades[k]!] }).split('\n')[1]!],
      ['orders.csv', () => ordersCsvChunks(r), ORDERS, (k) => legacyOrdersCsv({ ...r, orders: [r.orders[k]!] }).split('\n')[1]!],
    ];
    for (const [name, chunks, rows, legacyRow] of files) {
      const count = { lines: 0, bytes: 0 };
      let checked = 0;
      const wrong: string[] = [];
      await writeChunks(path.join(dir, name), sampled(chunks(), (line) => line > 0 && edges(rows, line - 1), (line, text) => {
        checked++;
        if (text !== legacyRow(line - 1)) wrong.push(`${name} row ${line - 1}: ${text} vs ${legacyRow(line - 1)}`);
      }, count));
      expect(wrong.slice(0, 3)).toEqual([]);
      expect([count.lines, checked]).toEqual([rows + 1, rows < 4000 ? rows : expect.any(Number)]);
      expect(checked).toBeGreaterThan(4000);
      expect((await stat(path.join(dir, name))).size).toBe(count.bytes);
      await expectRendering('result', dir, name, chunks(), 'result.pb');
      if (name === 'equity.csv') {
        expect((await stat(path.join(dir, 'equity.csv'))).size).toBeGreaterThan(500_000_000);
        await rm(path.join(dir, 'equity.csv'));
        times = null;
        collect();
        buildRows(r);
      }
    }
  }, 300_000);

  it('result.pb: the trades and orders protobufjs writes for samples at its start and end; checked and streamed as verify reads it; every value read back', async () => {
    const bytes = encodeResult(result!);
    const { equity, stats } = result!;
    const noRows: BacktestResult = { trades: [], orders: [], equity: new Float64Array(0), stats };
    const statsLength = legacyEncodeResult(noRows).length;
    const head = legacyEncodeResult({ ...noRows, trades: result!.trades.slice(0, 20_000) });
    expect(Buffer.compare(bytes.subarray(0, head.length - statsLength), head.subarray(0, head.length - statsLength))).toBe(0);
    const tail = legacyEncodeResult({ ...noRows, orders: result!.orders.slice(-20_000) });
    expect(Buffer.compare(bytes.subarray(bytes.length - (tail.length - statsLength)), tail.subarray(statsLength))).toBe(0);
    // equity: one packed field, the array's bytes (little-endian doubles) exactly, right after the trades
    const equityBytes = Buffer.from(equity.buffer, equity.byteOffset, BARS * 8);
    const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).indexOf(equityBytes.subarray(0, 64));
    expect(Buffer.from(bytes.subarray(at - 5, at)).toString('hex')).toBe('1280b0e32d'); // key 0x12, length 96,000,000
    expect(Buffer.compare(bytes.subarray(at, at + BARS * 8), equityBytes)).toBe(0);
    const statsAt = at + BARS * 8;
    expect(Buffer.compare(bytes.subarray(statsAt, statsAt + statsLength), legacyEncodeResult(noRows))).toBe(0);

    // read back; the built rows are let go first (the decoded ones take their place)
    result = null;
    collect();
    // as verify and backtest read it: checked without keeping rows, the CSV files rendered from rows read as they go
    const checked = checkResult(bytes);
    expect([checked.trades, checked.orders, checked.equityPoints]).toEqual([TRADES, ORDERS, BARS]);
    const streamed = streamedResult(bytes, checked.equity, checked.stats);
    await expectRendering('result', dir, 'trades.csv', tradesCsvChunks(streamed), 'result.pb');
    await expectRendering('result', dir, 'orders.csv', ordersCsvChunks(streamed), 'result.pb');
    const back = decodeResult(bytes);
    expect([back.trades.length, back.orders.length, back.equity.length]).toEqual([TRADES, ORDERS, BARS]);
    const wrong: number[] = [];
    for (let k = 0; k < TRADES; k++) {
      const t = back.trades[k]!, want = tradeAt(k);
      if (t.entryBar !== want.entryBar || t.exitBar !== want.exitBar || t.entryTime !== want.entryTime || t.exitTime !== want.exitTime || t.symbol !== want.symbol
        || t.size !== want.size || t.entryPrice !== want.entryPrice || t.exitPrice !== want.exitPrice || !Object.is(t.pnl, want.pnl) || !Object.is(t.returnPct, want.returnPct) || t.commission !== want.commission) wrong.push(k);
    }
    const wrongOrders: number[] = [];
    for (let k = 0; k < ORDERS; k++) if (JSON.stringify(back.orders[k], (_, v) => (typeof v === 'bigint' ? `${v}n` : v)) !== JSON.stringify(orderAt(k), (_, v) => (typeof v === 'bigint' ? `${v}n` : v))) wrongOrders.push(k);
    expect(wrongOrders.slice(0, 5)).toEqual([]);
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(Buffer.compare(Buffer.from(back.equity.buffer), equityBytes)).toBe(0);
    expect(back.stats.bars).toBe(BARS);
    expect(Buffer.compare(encodeResult(back), bytes)).toBe(0);
  }, 300_000);
});
