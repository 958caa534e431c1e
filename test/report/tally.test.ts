// RowTally: what report.html reads of every row, gathered in one pass — the same as reading the rows whole.
import { describe, expect, it } from 'vitest';
import { RowTally, MAX_TABLE_ROWS } from '../../host/report/render.ts';
import { rejectionsByReason } from '../../host/audit/render.ts';
import { STATUS_NAMES, type OrderRecord, type OrderReason } from '../../host/model/order.ts';
import type { Trade } from '../../host/model/trade.ts';
import type { Candles } from '../../host/report/series.ts';

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
});
