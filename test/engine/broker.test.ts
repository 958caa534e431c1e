import { describe, expect, it } from 'vitest';
import { Backtest } from '../../host/engine/backtest.ts';
import { Broker, ORDER_BUY, ORDER_CLOSE, ORDER_SELL } from '../../host/engine/broker.ts';
import type { Bars } from '../../host/model/bars.ts';

const DAY = 86_400_000_000_000n;
function bars(rows: [number, number, number, number][]): Bars {
  const n = rows.length;
  const b = {
    length: n, time: new BigInt64Array(n), open: new Float64Array(n), high: new Float64Array(n),
    low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n),
  };
  rows.forEach(([o, h, l, c], i) => {
    b.time[i] = 1_600_000_000_000_000_000n + BigInt(i) * DAY;
    b.open[i] = o; b.high[i] = h; b.low[i] = l; b.close[i] = c;
  });
  return b;
}

/** A scripted guest: orders to place at given bar indices. */
function script(broker: () => Broker, plan: Record<number, [number, number][]>) {
  let i = -1;
  return {
    onBar() {
      i++;
      for (const [kind, size] of plan[i] ?? []) broker().submit(kind, size);
    },
  };
}

describe('broker fills', () => {
  const data = bars([[10, 11, 9, 10], [12, 13, 11, 12], [15, 16, 14, 15], [14, 15, 13, 13], [20, 21, 19, 20]]);

  it('fills a market order at the next bar open, sizing whole units from equity', () => {
    const bt = new Backtest(data, { cash: 1000, commission: 0 });
    const r = bt.run(script(() => bt.broker, { 0: [[ORDER_BUY, 0]], 2: [[ORDER_CLOSE, 0]] }));
    // Buy at bar 1 open 12: floor(1000/12) = 83 units, cash 4. Close at bar 3 open 14.
    expect(r.trades).toEqual([
      { symbol: 0, entryBar: 1, exitBar: 3, entryTime: data.time[1], exitTime: data.time[3], size: 83, entryPrice: 12, exitPrice: 14, pnl: 166, returnPct: (166 / (83 * 12)) * 100, commission: 0 },
    ]);
    expect(Array.from(r.equity)).toEqual([1000, 4 + 83 * 12, 4 + 83 * 15, 1166, 1166]);
    expect(r.stats.exposurePct).toBe(60); // backtesting.py's: bars 1 to 3, entry and exit bars included
    expect(r.stats.trades).toBe(1);
    expect(r.stats.winRatePct).toBe(100);
  });

  it('never fills on the bar the order was placed (no look-ahead)', () => {
    const bt = new Backtest(data, { cash: 1000, commission: 0 });
    // An order placed on bar 3 (close 13) that "knows" bar 4 jumps to 20 can only get bar 4's open.
    const r = bt.run(script(() => bt.broker, { 3: [[ORDER_BUY, 0]] }));
    expect(r.trades).toEqual([]);
    expect(bt.broker.position).toBe(50); // floor(1000 / 20) at bar 4's open
    expect(r.equity[4]).toBe(1000);
  });

  it('reverses a long into a short and charges commission on every fill', () => {
    const bt = new Backtest(data, { cash: 1000, commission: 0.01 });
    const r = bt.run(script(() => bt.broker, { 0: [[ORDER_BUY, 10]], 1: [[ORDER_SELL, 0.5]] }));
    // Bar 1: buy 10 @12, commission 1.2 -> cash 878.8. Bar 2: close 10 @15 (commission 1.5) -> cash 1027.3,
    // then short floor(0.5 * 1027.3 / (15 * 1.01)) = 33 units, commission 4.95.
    expect(r.trades).toHaveLength(1);
    expect(r.trades[0]!.pnl).toBeCloseTo(10 * 3 - 1.2 - 1.5, 12);
    expect(bt.broker.position).toBe(-33);
    expect(bt.broker.cash).toBeCloseTo(1027.3 + 33 * 15 - 4.95, 9);
    expect(r.stats.commissions).toBeCloseTo(1.2 + 1.5, 12); // the closed trade's (backtesting.py's); the open short's 4.95 is in cash
    expect(r.equity[4]).toBeCloseTo(1027.3 + 33 * 15 - 4.95 - 33 * 20, 9);
  });

  it('rejects orders it cannot fill and counts them, with orders left at the end', () => {
    const bt = new Backtest(data, { cash: 100, commission: 0 });
    const r = bt.run(script(() => bt.broker, { 0: [[ORDER_BUY, 1000], [ORDER_CLOSE, 0], [9, 1], [ORDER_BUY, -1]], 4: [[ORDER_BUY, 0]] }));
    expect(r.stats.rejectedOrders).toBe(5);
    expect(r.trades).toEqual([]);
  });
});
