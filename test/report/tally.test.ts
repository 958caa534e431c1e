// RowTally: what report.html reads of every row, gathered in one pass — the same as reading the rows whole.
import { describe, expect, it } from 'vitest';
import { RowTally, MAX_TABLE_ROWS } from '../../host/report/render.ts';
import { rejectionsByReason } from '../../host/audit/render.ts';
import { STATUS_NAMES, type OrderRecord, type OrderReason } from '../../host/model/order.ts';
import type { Trade } from '../../host/model/trade.ts';
import type { Candles } from '../../host/report/series.ts';
import { streamedRows } from '../../host/report/read.ts';
import { encodeResult } from '../../host/audit/codec.ts';
import { statsOf } from '../audit/legacy-outputs.ts';
import { TradeLog } from '../../host/model/trade.ts';
import { OrderLog, REASONS as REASON_CODES } from '../../host/model/order.ts';

const REASONS: OrderReason[] = ['cash', 'end-of-data', 'margin-call', 'strategy'] as OrderReason[];
const order = (i: number): OrderRecord => ({
  id: i + 1, bar: i, time: BigInt(i) * 60_000_000_000n, symbol: 0, side: 1, type: 0, size: 1,
  // filled, rejected, cancelled and expired in turn, with reasons cycling on another period
  status: [1, 3, 2, 4][i % 4]!, reason: REASONS[i % 3]!, price: 1, units: 1,
});
const trade = (i: number): Trade => ({ symbol: i % 3, entryBar: i, exitBar: i + 1, entryTime: BigInt(i) * 60_000_000_000n, exitTime: BigInt(i + 1) * 60_000_000_000n, size: i % 2 ? 1 : -1, entryPrice: 1, exitPrice: 1, pnl: 0, returnPct: 0, commission: 0 });
const candles: Candles = { time: [0, 600, 1200], open: [1, 1, 1], high: [1, 1, 1], low: [1, 1, 1], close: [1, 1, 1], startNs: [0n, 600_000_000_000n, 1_200_000_000_000n], bars: 30 };

describe('RowTally', () => {
  it('counts rejections as rejectionsByReason does over every order, across its batches', () => {
    const orders = Array.from({ length: 20_011 }, (_, i) => order(i));
    const tally = RowTally.of([candles], { trades: [], orders, equity: new Float64Array(0), stats: {} as never });
    expect(tally.rejections()).toEqual(rejectionsByReason(orders));
    expect(tally.rejections().length).toBeGreaterThan(1);
    expect(tally.orders).toBe(20_011);
    expect(tally.firstOrders).toEqual(orders.slice(0, MAX_TABLE_ROWS));
    expect(STATUS_NAMES[orders[1]!.status]).toBe('rejected');
  });

  it('keeps the first table rows and marks every trade of a symbol that has candles (others and out-of-range symbols unmarked)', () => {
    const trades = Array.from({ length: 1200 }, (_, i) => trade(i));
    const tally = RowTally.of([candles, { ...candles, time: [], startNs: [] }], { trades, orders: [], equity: new Float64Array(0), stats: {} as never });
    expect(tally.trades).toBe(1200);
    expect(tally.firstTrades).toEqual(trades.slice(0, MAX_TABLE_ROWS));
    const [marks, none] = tally.markers();
    expect(none).toEqual([]);
    // symbol 0: trades 0, 3, 6, … (400); entries short when i is even; candles start at bars 0, 10, 20
    const total = marks!.reduce((n, m) => n + m[2], 0);
    expect(total).toBe(2 * 400);
    expect(marks!.filter((m) => m[1] === 2).reduce((n, m) => n + m[2], 0)).toBe(400);
    expect(marks![0]).toEqual([0, 0, 2]); // trades 3 and 9 enter long in candle 0 (bars 0–9)
  });

  it('read from result.pb\'s bytes (fields, no object per row) it is the tally of the same rows as objects', () => {
    // times past 2^32 ns and before 1970 too (their words' signs), more rows than the tables show, every status
    const trades = Array.from({ length: 1500 }, (_, i) => ({ ...trade(i), entryTime: BigInt(i - 700) * 60_000_000_000n, exitTime: BigInt(i - 699) * 60_000_000_000n }));
    const orders = Array.from({ length: 2345 }, (_, i) => ({ ...order(i), time: BigInt(i - 1000) * 60_000_000_000n }));
    const stats = statsOf({ trades: trades.length, equityFinal: 1 });
    const bytes = encodeResult({ trades, orders, equity: new Float64Array(3), stats });
    const early: Candles = { ...candles, startNs: [-30_000_000_000_000n, 0n, 1_200_000_000_000n] };
    const rows = streamedRows(bytes);
    // the bytes are read, not the rows as objects
    const unread = () => { throw new Error('rows iterated'); };
    Object.assign(rows.trades, { [Symbol.iterator]: unread });
    Object.assign(rows.orders, { [Symbol.iterator]: unread });
    const fromBytes = RowTally.of([early, candles], rows);
    const fromObjects = RowTally.of([early, candles], { trades, orders, equity: new Float64Array(3), stats });
    expect(fromBytes.trades).toBe(1500);
    expect(fromBytes.orders).toBe(2345);
    expect(fromBytes.firstTrades).toEqual(fromObjects.firstTrades);
    expect(fromBytes.firstOrders).toEqual(fromObjects.firstOrders);
    expect(fromBytes.firstTrades[999]).toEqual(trades[999]);
    expect(fromBytes.markers()).toEqual(fromObjects.markers());
    // every trade of symbols 0 and 1 (500 each) marked twice, entry and exit
    expect(fromBytes.markers().map((m) => m.reduce((n, x) => n + x[2], 0))).toEqual([1000, 1000]);
    expect(fromBytes.rejections()).toEqual(fromObjects.rejections());
    expect(fromBytes.rejections()).toEqual(rejectionsByReason(orders));
  });

  it('of the engine columns (on the guest thread, revived here) it is the tally of the result.pb written from them', () => {
    const trades = TradeLog.from(Array.from({ length: 1700 }, (_, i) => ({ ...trade(i), entryTime: BigInt(i - 700) * 60_000_000_000n, exitTime: BigInt(i - 699) * 60_000_000_000n })));
    const orders = new OrderLog(4);
    for (let i = 0; i < 2600; i++) {
      const k = orders.add();
      orders.bar[k] = i; orders.time[k] = BigInt(i - 1000) * 60_000_000_000n; orders.symbol[k] = i % 2; orders.side[k] = 1;
      // a rejected order's type as the guest gave it (result.pb holds it as x >>> 0): the tables show what result.pb holds
      orders.type[k] = [0, -1, 2.5, 4_294_967_301][i % 4]!; orders.size[k] = 1; orders.status[k] = [1, 3, 2, 4, 1][i % 5]!;
      orders.reason[k] = i % REASON_CODES.length; orders.price[k] = 1; orders.units[k] = 1;
    }
    const stats = statsOf({ trades: trades.length, equityFinal: 1 });
    const bytes = encodeResult({ trades, orders, equity: new Float64Array(3), stats });
    const early: Candles = { ...candles, startNs: [-30_000_000_000_000n, 0n, 1_200_000_000_000n] };
    const all = [early, candles, { ...candles, time: [], startNs: [] }];
    const fromBytes = RowTally.of(all, streamedRows(bytes));
    const fromColumns = RowTally.revive(all, structuredClone(RowTally.ofColumns(all, trades, orders).portable()));
    expect([fromColumns.trades, fromColumns.orders]).toEqual([1700, 2600]);
    expect(fromColumns.firstTrades).toEqual(fromBytes.firstTrades);
    expect(fromColumns.firstOrders).toEqual(fromBytes.firstOrders);
    expect(fromColumns.firstOrders.slice(0, 4).map((o) => o.type)).toEqual([0, 4_294_967_295, 2, 5]);
    expect(fromColumns.markers()).toEqual(fromBytes.markers());
    expect(fromColumns.markers().map((m) => m.reduce((n, x) => n + x[2], 0))).toEqual([2 * 567, 2 * 567, 0]);
    expect(fromColumns.rejections()).toEqual(fromBytes.rejections());
    expect(fromColumns.rejections().length).toBeGreaterThan(3);
  });
});
