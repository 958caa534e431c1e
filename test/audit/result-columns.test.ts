// result.pb encoded from the engine's columns (model TradeLog, OrderLog), as a run encodes it: the same bytes as from
// the row objects the columns stand for (log.at), and as protobufjs writes for them, on edge values of every field.
import { describe, expect, it } from 'vitest';
import { decodeResult, encodeResult, encodeResultHoldingEquity } from '../../host/audit/codec.ts';
import { TradeLog, type Trade } from '../../host/model/trade.ts';
import { OrderLog, REASONS } from '../../host/model/order.ts';
import { reservedBuffer } from '../../host/engine/growable.ts';
import { legacyEncodeResult, statsOf } from './legacy-outputs.ts';

const TIMES = [0n, 1n, -1n, 86_400_000_000_000n, -(2n ** 63n), 2n ** 63n - 1n, 2n ** 32n, -(2n ** 32n), 946_684_800_000_000_000n];
const DOUBLES = [0, -0, 1, -1.5, 1e300, -1e-300, Number.MIN_VALUE, NaN, Infinity, -Infinity, 100.25];

function trades(n: number): TradeLog {
  const rows: Trade[] = Array.from({ length: n }, (_, k) => ({
    symbol: k % 3, entryBar: k * 977, exitBar: k === 5 ? 2 ** 31 - 1 : k * 100_003, entryTime: TIMES[k % TIMES.length]!, exitTime: TIMES[(k * 5 + 1) % TIMES.length]!,
    size: DOUBLES[k % DOUBLES.length]!, entryPrice: DOUBLES[(k + 1) % DOUBLES.length]!, exitPrice: DOUBLES[(k + 2) % DOUBLES.length]!,
    pnl: DOUBLES[(k + 3) % DOUBLES.length]!, returnPct: DOUBLES[(k + 4) % DOUBLES.length]!, commission: DOUBLES[(k + 5) % DOUBLES.length]!,
  }));
  return TradeLog.from(rows);
}

function orders(n: number): OrderLog {
  const log = new OrderLog(2); // grown past its capacity, as the engine's
  for (let k = 0; k < n; k++) {
    const i = log.add();
    log.bar[i] = k % 4 === 0 ? -1 : k * 31;
    log.time[i] = TIMES[(k * 3) % TIMES.length]!;
    log.symbol[i] = k % 5 === 4 ? -1 : k % 2;
    log.side[i] = [1, -1, 0][k % 3]!;
    // a rejected order's type is what the guest gave: any number (written as uint32, x >>> 0)
    log.type[i] = [0, 1, 5, 2.7, -1, 4_294_967_296 + 3, NaN][k % 7]!;
    log.size[i] = DOUBLES[k % DOUBLES.length]!;
    log.status[i] = k % 5;
    log.reason[i] = k % REASONS.length;
    log.price[i] = DOUBLES[(k + 6) % DOUBLES.length]!;
    log.units[i] = DOUBLES[(k + 7) % DOUBLES.length]!;
  }
  return log;
}

describe('result.pb from the engine columns', () => {
  it('the same bytes as from the rows the columns stand for, and as protobufjs writes', () => {
    for (const [t, o, e] of [[0, 0, 0], [1, 0, 3], [0, 1, 0], [23, 41, 17], [130, 260, 9], [2100, 3300, 50]] as const) {
      const tradeLog = trades(t), orderLog = orders(o);
      const equity = Float64Array.from({ length: e }, (_, i) => 1e6 - i * 0.5);
      const stats = statsOf({ trades: t, equityFinal: 1.25, start: -5n, end: 2n ** 40n });
      const rows = { trades: tradeLog.toArray(), orders: orderLog.toArray(), equity, stats };
      const fromColumns = encodeResult({ trades: tradeLog, orders: orderLog, equity, stats });
      expect(Buffer.compare(fromColumns, encodeResult(rows)), `${t} trades, ${o} orders`).toBe(0);
      expect(Buffer.compare(fromColumns, legacyEncodeResult(rows)), `${t} trades, ${o} orders`).toBe(0);
      const back = decodeResult(fromColumns);
      expect(back.trades.length).toBe(t);
      expect(back.orders.map((r) => r.type)).toEqual(rows.orders.map((r) => r.type >>> 0));
      expect(back.orders.map((r) => r.reason)).toEqual(rows.orders.map((r) => r.reason));
    }
  });

  it('rows passed on through the writer\'s chunk whatever their length: reason strings longer than the chunk and near its end', () => {
    const log = orders(2000);
    const rows = log.toArray().map((o, k) => (k % 500 === 7 ? { ...o, reason: 'é'.repeat(k === 7 ? 70_000 : 100 + k) as never } : o));
    const r = { trades: trades(900).toArray(), orders: rows, equity: new Float64Array([1, 2]), stats: statsOf() };
    expect(Buffer.compare(encodeResult(r), legacyEncodeResult(r))).toBe(0);
    expect(decodeResult(encodeResult(r)).orders[7]!.reason).toHaveLength(70_000);
  });

  it('made around the engine equity column, as a run makes it: the same bytes, the equity over them', () => {
    const tradeLog = trades(57), orderLog = orders(113);
    const n = 1000;
    const column = new Float64Array(reservedBuffer(n * 8), 0, n);
    for (let i = 0; i < n; i++) column[i] = 5e5 + i / 3;
    const copy = column.slice();
    const stats = statsOf({ trades: 57 });
    const expected = encodeResult({ trades: tradeLog.toArray(), orders: orderLog.toArray(), equity: copy, stats });
    const { bytes, equity } = encodeResultHoldingEquity({ trades: tradeLog, orders: orderLog, equity: column, stats }, { aroundEquity: true });
    expect(Buffer.compare(bytes, expected)).toBe(0);
    expect(bytes.buffer).toBe(column.buffer);
    expect([...equity]).toEqual([...copy]);
  });
});
