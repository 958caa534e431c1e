// The run folder's outputs are written fast (issue 11) and byte for byte as before: isoTime against the
// Date-based original on a sweep of times, the streamed CSV files against the whole-string renderers,
// result.pb's hand-written codec against protobufjs on edge values, and its reader's refusals of every
// non-canonical form (each also refused by the protobufjs decode-and-re-encode check it replaces).
import { describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkResult, decodeCanonical, decodeResult, encodeResult, pb, resultRows } from '../../host/audit/codec.ts';
import { CHUNK_BYTES, equityCsvChunks, ordersCsvChunks, renderEquityCsv, renderOrdersCsv, renderTradesCsv, tradesCsvChunks } from '../../host/audit/render.ts';
import { isoTime, TIME_HI, TIME_LO, timeWords, writeIsoTimeWords } from '../../host/model/bars.ts';
import type { BacktestResult, Trade } from '../../host/model/trade.ts';
import type { OrderReason, OrderRecord } from '../../host/model/order.ts';
import { writeChunks } from '../../host/run/rundir.ts';
import { expectRendering } from '../../host/inspect/verify.ts';
import { legacyDecodeResult, legacyEncodeResult, legacyEquityCsv, legacyIsoTime, legacyOrdersCsv, legacyTradesCsv, statsOf } from './legacy-outputs.ts';

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

/** A seeded 64-bit LCG: the same values on every machine. */
function lcg(seed: bigint): () => bigint {
  let x = seed;
  return () => (x = (x * 6364136223846793005n + 1442695040888963407n) & ((1n << 64n) - 1n));
}

/** A rendering's bytes: each chunk copied as it comes (a chunk is valid until the next is asked for). */
function bytesOf(chunks: Iterable<Uint8Array>): Buffer {
  const parts: Buffer[] = [];
  for (const c of chunks) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}


const EDGE_NUMBERS = [0, -0, NaN, Infinity, -Infinity, 1, -1, 0.1, -2.5e-300, 1e21, 123456789012345.6, 2 ** 53, -(2 ** 31), 2 ** 32 - 1, 2 ** 32 + 5, 5e-324, Number.MAX_VALUE];
const EDGE_TIMES = [0n, 1n, -1n, 999_999_999n, 1_000_000_000n, -1_000_000_001n, 946_684_800_000_000_000n, 946_684_800_123_456_789n, INT64_MAX, INT64_MIN, -62_135_596_800_000_000_000n];

function edgeResult(): BacktestResult {
  const trades: Trade[] = [];
  const orders: OrderRecord[] = [];
  const reasons = ['', 'insufficient-margin', 'oco', 'é-unicode ✓', 'x'.repeat(200), '\ud800 lone'];
  let k = 0;
  for (const x of EDGE_NUMBERS)
    for (const t of EDGE_TIMES) {
      const i = k++;
      const int = [0, 1, -1, 2 ** 32 - 1, 2 ** 31, 127, 128, 16_383, 16_384][i % 9]!;
      trades.push({ symbol: int, entryBar: -int, exitBar: int + 1, entryTime: t, exitTime: -t, size: x, entryPrice: -x, exitPrice: x / 3, pnl: x * 7, returnPct: i % 2 ? 0 : x, commission: i % 3 ? -0 : x });
      orders.push({
        id: [0, 1, 2 ** 32 - 1, 2 ** 31 + 7][i % 4]!, bar: -int, time: t, symbol: int % 2 ? -1 : int, side: [1, -1, 0, 2, -7][i % 5]!, type: [0, 5, 9, 2 ** 32 - 1][i % 4]!,
        size: x, status: [0, 1, 2, 3, 4, 7][i % 6]!, reason: reasons[i % reasons.length] as OrderReason, price: x, units: -x,
      });
    }
  return {
    trades, orders, equity: new Float64Array([0, -0, NaN, 1e6, -1.5, Infinity]),
    stats: statsOf({ start: INT64_MIN, end: INT64_MAX, durationDays: -0, bars: 2 ** 32 - 1, trades: 7, equityFinal: NaN, sharpe: -Infinity, rejectedOrders: 0, periodsPerYear: 252 }),
  };
}

/** Times of every kind: edges and their neighbours, leap days, random int64s whole and cut to µs, s, min, 10 ms, days from 1967 to 1974. */
function timeSweep(): bigint[] {
  const times: bigint[] = [];
  for (const e of [...EDGE_TIMES, 86_400_000_000_000n, -86_400_000_000_000n, 951_782_400_000_000_000n /* 2000-02-29 */, 4_107_542_400_000_000_000n /* 2100-03-01 */])
    for (let d = -3n; d <= 3n; d++) if (e + d <= INT64_MAX && e + d >= INT64_MIN) times.push(e + d);
  const next = lcg(20261130n);
  for (let i = 0; i < 50_000; i++) {
    const r = BigInt.asIntN(64, next());
    times.push(r, r / 1000n, (r / 1_000_000_000n) * 1_000_000_000n, (r / 60_000_000_000n) * 60_000_000_000n, (r / 10_000_000n) * 1000n);
  }
  for (let s = -86_400n * 800n; s < 86_400n * 800n; s += 997n) times.push(s * 1_000_000_000n);
  return times;
}

describe('isoTime', () => {
  it('gives the Date-based text for every time: edges, negative and sub-second times, years 1 to 2262, a random sweep', () => {
    const times = timeSweep();
    const t = new BigInt64Array(1);
    const w = timeWords(t);
    const out = new Uint8Array(64);
    const wrong: string[] = [];
    for (const ns of times) {
      const want = legacyIsoTime(ns);
      t[0] = ns;
      const bytes = Buffer.from(out.subarray(0, writeIsoTimeWords(out, 0, w[TIME_HI]!, w[TIME_LO]!))).toString('latin1');
      if (isoTime(ns) !== want || bytes !== want) wrong.push(`${ns}: ${want} ${isoTime(ns)} ${bytes}`);
    }
    expect(times.length).toBeGreaterThan(250_000);
    expect(wrong).toEqual([]);
    expect([isoTime(0n), isoTime(-1n), isoTime(INT64_MAX), isoTime(-62_135_596_800_000_000_001n)]).toEqual([
      '1970-01-01T00:00:00Z', '1970-01-01T00:00:00.0000000-1Z', '2262-04-11T23:47:16.854775807Z', '0001-01-01T00:00:00.0000000-1Z',
    ]);
  });
});

describe('CSV renderings stream the bytes the whole-string renderers gave', () => {
  it("equity.csv's times (written a word at a time, the day's prefix kept) are isoTime's for every time of the sweep, in order and shuffled", () => {
    const sorted = timeSweep().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const next = lcg(3n);
    const shuffled = sorted.map((t) => [next(), t] as const).sort(([a], [b]) => (a < b ? -1 : 1)).map(([, t]) => t);
    for (const times of [sorted, shuffled]) {
      const time = BigInt64Array.from(times);
      const r: BacktestResult = { ...edgeResult(), equity: Float64Array.from(times, (_, i) => i / 7) };
      const want = legacyEquityCsv(r, time);
      expect(bytesOf(equityCsvChunks(r, time)).equals(Buffer.from(want))).toBe(true);
    }
  });

  it('edge values, one chunk', () => {
    const r = edgeResult();
    const times = new BigInt64Array([0n, -1n, INT64_MAX, 1_000_000_000n, 946_684_800_123_456_789n, INT64_MIN]);
    // as bytes: a lone surrogate in a reason is written as U+FFFD, by writeFile before as by the writer now
    expect(bytesOf(tradesCsvChunks(r)).equals(Buffer.from(legacyTradesCsv(r)))).toBe(true);
    expect(bytesOf(ordersCsvChunks(r)).equals(Buffer.from(legacyOrdersCsv(r)))).toBe(true);
    expect(bytesOf(equityCsvChunks(r, times)).equals(Buffer.from(legacyEquityCsv(r, times)))).toBe(true);
    expect(renderEquityCsv(r, null)).toBe(legacyEquityCsv(r, null));
    expect(renderTradesCsv(r)).toBe(legacyTradesCsv(r));
    expect(() => renderEquityCsv(r, times.subarray(0, 5))).toThrow(RangeError);
  });

  it('many chunks: each about CHUNK_BYTES, cut at a row end, together the same bytes', () => {
    const base = edgeResult();
    const trades = Array.from({ length: 40_000 }, (_, i) => ({ ...base.trades[i % base.trades.length]!, entryBar: i }));
    const orders = Array.from({ length: 40_000 }, (_, i) => ({ ...base.orders[i % base.orders.length]!, id: i + 1 }));
    const equity = Float64Array.from({ length: 60_000 }, (_, i) => 1e6 + Math.sin(i) * 1e3);
    const times = BigInt64Array.from({ length: 60_000 }, (_, i) => 946_684_800_000_000_000n + BigInt(i) * 60_000_000_001n);
    const r: BacktestResult = { trades, orders, equity, stats: base.stats };
    for (const [chunks, want] of [[tradesCsvChunks(r), legacyTradesCsv(r)], [ordersCsvChunks(r), legacyOrdersCsv(r)], [equityCsvChunks(r, times), legacyEquityCsv(r, times)]] as const) {
      const sizes: number[] = [];
      const parts: Buffer[] = [];
      for (const c of chunks) {
        sizes.push(c.length);
        parts.push(Buffer.from(c));
        expect(c[c.length - 1]).toBe(10);
      }
      expect(sizes.length).toBeGreaterThan(2);
      for (const n of sizes.slice(0, -1)) expect(n >= CHUNK_BYTES && n < CHUNK_BYTES + 4096).toBe(true);
      expect(Buffer.concat(parts).equals(Buffer.from(want))).toBe(true);
    }
  });

  it('a text cell that fills the room it asked for to the last byte (3-byte characters), then a comma and numbers: written whole', () => {
    const base = edgeResult();
    const row = (id: number, reason: string, symbol = -1): OrderRecord => ({ ...base.orders[1]!, id, symbol, reason: reason as OrderReason, price: 1 / 3, units: -2 / 3 });
    const rowBytes = Buffer.byteLength(legacyOrdersCsv({ ...base, orders: [row(99_999, 'oco')] }).split('\n')[1]!) + 1;
    const short = Array.from({ length: Math.floor(1_000_000 / rowBytes) }, (_, i) => row(i + 1, 'oco'));
    // the long reason starts where the first chunk's buffer (CHUNK_BYTES + 4096 bytes) has a multiple of 3 left (a symbol of 1, 2 or 3 digits shifts it)
    const startOf = (symbol: number): number => Buffer.byteLength(legacyOrdersCsv({ ...base, orders: short })) + Buffer.byteLength(legacyOrdersCsv({ ...base, orders: [row(short.length + 1, '', symbol)] }).split('\n')[1]!.split(',').slice(0, 7).join(',') + ',');
    const symbol = [0, 10, 100].find((x) => (CHUNK_BYTES + 4096 - startOf(x)) % 3 === 0)!;
    const n = (CHUNK_BYTES + 4096 - startOf(symbol)) / 3;
    expect(n).toBeGreaterThan(1000);
    const r: BacktestResult = { ...base, orders: [...short, row(short.length + 1, '✓'.repeat(n), symbol), row(short.length + 2, 'oco')] };
    expect(bytesOf(ordersCsvChunks(r)).equals(Buffer.from(legacyOrdersCsv(r)))).toBe(true);
  });

  it("verify's streamed comparison: equal passes, and a difference anywhere names its line with both texts", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'backproof-outputs-'));
    try {
      const equity = Float64Array.from({ length: 200_000 }, (_, i) => i / 7);
      const r: BacktestResult = { trades: [], orders: [], equity, stats: statsOf() };
      const file = path.join(dir, 'equity.csv');
      await writeChunks(file, equityCsvChunks(r, null));
      await expectRendering('result', dir, 'equity.csv', equityCsvChunks(r, null), 'result.pb');
      const text = legacyEquityCsv(r, null);
      const lines = text.split('\n');
      /** The text with line `k` (0-based) replaced; its number in messages is k + 1. */
      const edited = (k: number, line: string): string => [...lines.slice(0, k), line, ...lines.slice(k + 1)].join('\n');
      const flip = (line: string): string => line.slice(0, -1) + (line.endsWith('1') ? '2' : '1');
      // the line holding the first chunk's last byte, so the difference straddles two chunks
      let k = 0;
      for (let at = 0; at + Buffer.byteLength(lines[k]!) + 1 <= CHUNK_BYTES; k++) at += Buffer.byteLength(lines[k]!) + 1;
      expect(k).toBeGreaterThan(10_000);
      const cases: [string, string][] = [
        [edited(2, flip(lines[2]!)), `line 3 differs from result.pb: "${flip(lines[2]!)}" vs "${lines[2]}"`],
        [edited(k, flip(lines[k]!)), `line ${k + 1} differs from result.pb: "${flip(lines[k]!)}" vs "${lines[k]}"`],
        [edited(200_000, flip(lines[200_000]!)), `line 200001 differs from result.pb: "${flip(lines[200_000]!)}" vs "${lines[200_000]}"`],
        [lines.slice(0, -2).join('\n') + '\n', `ends after line 200000; result.pb has more lines: line 200001 is "${lines[200_000]}"`],
        [text + 'extra\n', 'has more lines than result.pb, which ends after line 200001: line 200002 is "extra"'],
      ];
      for (const [bad, message] of cases) {
        await writeFile(file, bad);
        await expect(expectRendering('result', dir, 'equity.csv', equityCsvChunks(r, null), 'result.pb')).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'result', message: `equity.csv ${message}` });
      }
      await rm(file);
      await expect(expectRendering('result', dir, 'equity.csv', equityCsvChunks(r, null), 'result.pb')).rejects.toMatchObject({ step: 'result', message: expect.stringContaining('equity.csv is missing') });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('result.pb: the hand-written codec writes and reads what protobufjs does', () => {
  it('edge values (0, -0, NaN, infinities, negative and huge ints, int64 extremes, empty, long and non-ASCII strings) encode to the same bytes', () => {
    const withSurrogate = edgeResult();
    const surrogateBytes = encodeResult(withSurrogate);
    expect(Buffer.compare(surrogateBytes, legacyEncodeResult(withSurrogate))).toBe(0);
    // a lone surrogate is written (as protobufjs writes it) but is not UTF-8: neither reader takes it
    expect(() => legacyDecodeResult(surrogateBytes)).toThrow();
    expect(() => decodeResult(surrogateBytes)).toThrow(/not in canonical encoding/);
    const r = { ...withSurrogate, orders: withSurrogate.orders.map((o) => ({ ...o, reason: o.reason.replace('\ud800', '\u{1F600}') as OrderReason })) };
    const bytes = encodeResult(r);
    expect(Buffer.compare(bytes, legacyEncodeResult(r))).toBe(0);
    expect(decodeResult(bytes)).toEqual(legacyDecodeResult(bytes));
    expect(Buffer.compare(encodeResult(decodeResult(bytes)), bytes)).toBe(0);
    // the last bytes written being a string, of one-byte and of longer lengths (sized exactly: nothing to spare at the end)
    for (const reason of ['oco', 'x'.repeat(300), 'é ✓']) {
      const last: BacktestResult = { trades: [], orders: [{ ...r.orders[1]!, reason: reason as OrderReason }], equity: new Float64Array([1]), stats: statsOf() };
      expect(Buffer.compare(encodeResult(last), legacyEncodeResult(last)), reason).toBe(0);
    }
    // the rows read one at a time from the bytes (how backtest writes the CSV files) are the rows decoded
    const rows = resultRows(bytes);
    expect([...rows.trades]).toEqual(decodeResult(bytes).trades);
    expect([...rows.orders]).toEqual(decodeResult(bytes).orders);
    // (as verify renders them: from result.pb, where a uint32 field holds x >>> 0 of what the run had)
    const streamed = { ...r, trades: rows.trades as Trade[], orders: rows.orders as OrderRecord[] };
    expect(bytesOf(tradesCsvChunks(streamed)).equals(bytesOf(tradesCsvChunks(decodeResult(bytes))))).toBe(true);
    expect(bytesOf(ordersCsvChunks(streamed)).equals(bytesOf(ordersCsvChunks(decodeResult(bytes))))).toBe(true);
    expect([...resultRows(new Uint8Array(0)).trades, ...resultRows(encodeResult({ ...r, trades: [] })).trades]).toEqual([]);
    const empty: BacktestResult = { trades: [], orders: [], equity: new Float64Array(0), stats: statsOf() };
    expect(Buffer.compare(encodeResult(empty), legacyEncodeResult(empty))).toBe(0);
    expect(Buffer.from(encodeResult(empty)).toString('hex')).toBe('1a00');
    expect(decodeResult(encodeResult(empty))).toEqual(legacyDecodeResult(encodeResult(empty)));
    // no stats message at all (never written, but readable as before): every statistic 0
    expect(decodeResult(new Uint8Array(0))).toEqual(legacyDecodeResult(new Uint8Array(0)));
  });

  it('random results: the same bytes, and the same values read back', () => {
    const next = lcg(7n);
    const f64 = new Float64Array(1);
    const u64 = new BigUint64Array(f64.buffer);
    const dbl = (): number => {
      const pick = Number(next() % 4n);
      if (pick === 0) return Number(BigInt.asIntN(32, next())) / 1024;
      u64[0] = next();
      return pick === 1 && !Number.isNaN(f64[0]!) ? f64[0]! : Number(next() % 1_000_000n) / 100;
    };
    const int = (): number => Number(BigInt.asIntN(Number(next() % 3n) === 0 ? 32 : 12, next()));
    for (let round = 0; round < 20; round++) {
      const trades: Trade[] = Array.from({ length: 50 }, () => ({
        symbol: int(), entryBar: int(), exitBar: int(), entryTime: BigInt.asIntN(64, next()), exitTime: BigInt.asIntN(Number(next() % 64n) + 1, next()),
        size: dbl(), entryPrice: dbl(), exitPrice: dbl(), pnl: dbl(), returnPct: dbl(), commission: dbl(),
      }));
      const orders: OrderRecord[] = Array.from({ length: 50 }, () => ({
        id: int(), bar: int(), time: BigInt.asIntN(64, next()), symbol: int(), side: int(), type: int(), size: dbl(), status: int(),
        reason: (['', 'oco', 'zero-units'][Number(next() % 3n)]) as OrderReason, price: dbl(), units: dbl(),
      }));
      const stats = statsOf({ start: BigInt.asIntN(64, next()), end: BigInt.asIntN(64, next()), bars: int(), trades: int(), rejectedOrders: int(), sharpe: dbl(), kelly: dbl() });
      const r: BacktestResult = { trades, orders, equity: Float64Array.from({ length: 30 }, dbl), stats };
      const bytes = encodeResult(r);
      expect(Buffer.compare(bytes, legacyEncodeResult(r))).toBe(0);
      expect(decodeResult(bytes)).toEqual(legacyDecodeResult(bytes));
    }
  });

  it('refuses every non-canonical form of a result, as the protobufjs decode-and-re-encode check did', () => {
    const ok = encodeResult({ trades: [{ symbol: 0, entryBar: 1, exitBar: 2, entryTime: 3n, exitTime: 4n, size: 1, entryPrice: 2, exitPrice: 3, pnl: 4, returnPct: 5, commission: 6 }], orders: [], equity: new Float64Array([1]), stats: statsOf({ bars: 1 }) });
    const hex = Buffer.from(ok).toString('hex');
    // trade: 0a 3e | 08 01 10 02 18 06 20 08 29.. 31.. 39.. 41.. 49.. 51.. ; equity: 12 08 <8> ; stats: 1a 02 20 01
    expect(hex.slice(0, 20)).toBe('0a3e0801100218062008');
    expect(hex.slice(-28)).toBe('1208000000000000f03f1a022001');
    const forms: [string, string][] = [
      ['an explicit zero (symbol 0)', hex.replace('0a3e08', '0a4008').replace('1208000000000000f03f', '58001208000000000000f03f')],
      ['a varint not in its shortest form', hex.replace('0a3e08011002', '0a3f0881001002')],
      ['fields out of order', hex.replace('080110021806', '100208011806')],
      ['an unknown field', hex.replace('1a022001', '1a052001a00201')],
      ['equity unpacked', hex.replace('1208000000000000f03f', '11000000000000f03f')],
      ['an empty equity field', hex.replace('1208000000000000f03f', '1200')],
      ['equity split in two', hex.replace('1208000000000000f03f', '1208000000000000f03f1208000000000000f03f')],
      ['stats twice', hex + '1a022001'],
      ['a field with the wrong wire type', hex.replace('1a022001', '1a022101')],
      ['a uint32 longer than 32 bits', hex.replace('1a022001', '1a0620ffffffff1f')],
      ['+0 written as a double', hex.replace('1a022001', '1a0b2001290000000000000000')],
    ];
    for (const [what, h] of forms) {
      const bad = Buffer.from(h, 'hex');
      expect(Buffer.compare(bad, ok), what).not.toBe(0);
      expect(() => decodeResult(bad), what).toThrow(/not in canonical encoding|truncated|runs past/);
      expect(() => checkResult(bad), what).toThrow(/not in canonical encoding|truncated|runs past/);
    }
    // protobufjs refused the same forms (it kept unknown fields, which are refused now as well)
    for (const [what, h] of forms.filter(([w]) => w !== 'an unknown field')) expect(() => decodeCanonical(pb.Result, Buffer.from(h, 'hex')), what).toThrow();
    expect(() => decodeResult(ok.subarray(0, ok.length - 1))).toThrow();
    expect(decodeResult(ok).trades[0]!.entryTime).toBe(3n);
    const checked = checkResult(ok);
    expect([checked.trades, checked.orders, checked.equityPoints, checked.equity(), checked.stats]).toEqual([1, 0, 1, new Float64Array([1]), decodeResult(ok).stats]);
  });
});
