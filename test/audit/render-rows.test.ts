// The CSV renderers read a streamedResult's rows straight from result.pb (audit/codec ResultRowCursor:
// no object, BigInt or generator step per row) and write its doubles with audit/number-text: the bytes
// must be the pre-issue-11 renderers' (test/audit/legacy-outputs.ts) of the same result, on varied rows —
// negative, tiny and huge values, 15- to 17-digit doubles, NaN and infinities, times across years,
// before 1970, sub-second and at the int64 ends — in one chunk and in many.
import { describe, expect, it } from 'vitest';
import { checkResult, encodeResult, RESULT_BYTES, streamedResult, type ResultBytes } from '../../host/audit/codec.ts';
import { CHUNK_BYTES, equityCsvChunks, ordersCsvChunks, tradesCsvChunks } from '../../host/audit/render.ts';
import type { BacktestResult, Trade } from '../../host/model/trade.ts';
import type { OrderReason, OrderRecord } from '../../host/model/order.ts';
import { legacyDecodeResult, legacyEquityCsv, legacyOrdersCsv, legacyTradesCsv, statsOf } from './legacy-outputs.ts';

/** A seeded 64-bit LCG: the same values on every machine. */
function lcg(seed: bigint): () => bigint {
  let x = seed;
  return () => (x = (x * 6364136223846793005n + 1442695040888963407n) & ((1n << 64n) - 1n));
}

const bytesOf = (chunks: Iterable<Uint8Array>): Buffer => Buffer.concat([...chunks].map((c) => Buffer.from(c)));

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const EDGE_NUMBERS = [0, -0, NaN, Infinity, -Infinity, 1, -1, 0.1, 1e-7, -2.5e-300, 1e21, 123456789012345.6, 999999999999999.9, 1e15, 2 ** 53, -(2 ** 31), 5e-324, Number.MAX_VALUE, 100.025, -0.39291079999998846, 1 / 3];
const EDGE_TIMES = [0n, 1n, -1n, 999_999_999n, -1_000_000_001n, 946_684_800_000_000_000n, 946_684_800_123_456_789n, 1_704_067_199_999_999_999n, INT64_MAX, INT64_MIN, -62_135_596_800_000_000_000n];

/** Rows of every kind: edge values, then `n` seeded ones (prices, differences, ratios, raw bits, times from 1900 to 2200). */
function variedResult(n: number, seed: bigint): BacktestResult {
  const next = lcg(seed);
  const f64 = new Float64Array(1);
  const u64 = new BigUint64Array(f64.buffer);
  const unit = (): number => Number(next() >> 11n) / 2 ** 53;
  const dbl = (): number => {
    switch (Number(next() % 5n)) {
      case 0: return Math.round((50 + unit() * 150) * 1e4) / 1e4;
      case 1: return (unit() - 0.5) * 6;
      case 2: return ((unit() - 0.5) / (100 + unit())) * 100;
      case 3: u64[0] = next(); return f64[0]!;
      default: return EDGE_NUMBERS[Number(next() % BigInt(EDGE_NUMBERS.length))]!;
    }
  };
  const time = (): bigint => (next() % 4n === 0n ? EDGE_TIMES[Number(next() % BigInt(EDGE_TIMES.length))]! : -2_208_988_800_000_000_000n + BigInt.asUintN(62, next()) % 9_500_000_000_000_000_000n);
  const int = (): number => [0, 1, 7, 127, 128, 16_384, 2 ** 31 - 1, 2 ** 32 - 1, -1, -(2 ** 31)][Number(next() % 10n)]!;
  const reasons = ['', 'insufficient-margin', 'oco', 'end-of-data', 'é-unicode ✓'];
  const trades: Trade[] = [];
  const orders: OrderRecord[] = [];
  for (let i = 0; i < EDGE_NUMBERS.length * EDGE_TIMES.length + n; i++) {
    const edge = i < EDGE_NUMBERS.length * EDGE_TIMES.length;
    const x = edge ? EDGE_NUMBERS[i % EDGE_NUMBERS.length]! : dbl();
    const t = edge ? EDGE_TIMES[Math.floor(i / EDGE_NUMBERS.length)]! : time();
    trades.push({ symbol: int() >>> 0, entryBar: int() >>> 0, exitBar: i, entryTime: t, exitTime: edge ? -t : time(), size: x, entryPrice: dbl(), exitPrice: -x, pnl: dbl(), returnPct: dbl(), commission: edge ? x / 7 : dbl() });
    orders.push({
      id: i + 1, bar: edge && i % 3 === 0 ? -1 : int() | 0, time: edge && i % 3 === 0 ? 0n : t, symbol: int() | 0, side: [1, -1, 0, 2, -7][i % 5]!, type: [0, 1, 5, 2 ** 32 - 1][i % 4]!,
      size: x, status: [0, 1, 2, 3, 4, 9][i % 6]!, reason: reasons[i % reasons.length] as OrderReason, price: dbl(), units: edge ? -x : dbl(),
    });
  }
  const equity = Float64Array.from({ length: 2 * n + EDGE_NUMBERS.length }, (_, i) => (i < EDGE_NUMBERS.length ? EDGE_NUMBERS[i]! : 1e6 + (unit() - 0.5) * 1e4));
  return { trades, orders, equity, stats: statsOf({ bars: equity.length, trades: trades.length }) };
}

/** The streamed result of `r`'s result.pb, and the legacy renderings of what that result.pb holds. */
function streamedAndLegacy(r: BacktestResult): { streamed: BacktestResult; trades: string; orders: string; equity: (times: BigInt64Array | null) => string } {
  const bytes = encodeResult(r);
  const checked = checkResult(bytes);
  const decoded = legacyDecodeResult(bytes);
  return {
    streamed: streamedResult(bytes, checked.equity, checked.stats),
    trades: legacyTradesCsv(decoded),
    orders: legacyOrdersCsv(decoded),
    equity: (times) => legacyEquityCsv(decoded, times),
  };
}

describe("CSV renderings of result.pb's rows, read without objects", () => {
  it('trades.csv and orders.csv of a streamed result read its bytes, never its row iterables, and are the legacy bytes', () => {
    const { streamed, trades, orders } = streamedAndLegacy(variedResult(3000, 5n));
    // the iterables the result was made with: a renderer that iterates them fails here
    const source = (streamed as unknown as { [RESULT_BYTES]: ResultBytes })[RESULT_BYTES];
    for (const rows of [source.trades, source.orders])
      (rows as { [Symbol.iterator]: () => never })[Symbol.iterator] = () => { throw new Error('iterated'); };
    expect(bytesOf(tradesCsvChunks(streamed)).equals(Buffer.from(trades))).toBe(true);
    expect(bytesOf(ordersCsvChunks(streamed)).equals(Buffer.from(orders))).toBe(true);
  });

  it('a result whose rows are replaced (verify tallies them for report.html) is rendered from those rows, with the same bytes', () => {
    const { streamed, trades, orders } = streamedAndLegacy(variedResult(500, 6n));
    let seen = 0;
    const counted = Object.create(streamed, {
      trades: { value: { *[Symbol.iterator]() { for (const t of streamed.trades) { seen++; yield t; } } } },
      orders: { value: { *[Symbol.iterator]() { for (const o of streamed.orders) { seen++; yield o; } } } },
    }) as BacktestResult;
    expect(bytesOf(tradesCsvChunks(counted)).equals(Buffer.from(trades))).toBe(true);
    expect(bytesOf(ordersCsvChunks(counted)).equals(Buffer.from(orders))).toBe(true);
    expect(seen).toBe(2 * (EDGE_NUMBERS.length * EDGE_TIMES.length + 500));
  });

  it('many chunks (100,000 rows each): each about CHUNK_BYTES and ending a row, together the legacy bytes; equity.csv too', () => {
    const r = variedResult(100_000, 9n);
    const { streamed, trades, orders, equity } = streamedAndLegacy(r);
    const times = BigInt64Array.from({ length: r.equity.length }, (_, i) => -2_208_988_800_000_000_000n + BigInt(i) * 86_399_999_999_937n);
    for (const [chunks, want] of [[tradesCsvChunks(streamed), trades], [ordersCsvChunks(streamed), orders], [equityCsvChunks(streamed, times), equity(times)]] as const) {
      const parts = Array.from(chunks, (c) => Buffer.from(c)); // each copied as it comes: a chunk is valid until the next is asked for
      // every chunk but the last: CHUNK_BYTES and at most one row more, cut after a newline
      expect(parts.slice(0, -1).map((c) => c.length >= CHUNK_BYTES && c.length < CHUNK_BYTES + 4096 && c.at(-1) === 10)).toEqual([true, true, ...parts.slice(3).map(() => true)]);
      expect(Buffer.concat(parts).equals(Buffer.from(want))).toBe(true);
    }
  });
});
