// The engine records trades, order rows and order events by column (model/trade TradeLog, model/order
// OrderLog and OrderEvents) and makes the result's Trade/OrderRecord objects when first read. These
// tests pin what the columns give: the same objects, the same callbacks through onOrderAt/onTradeAt as
// through onOrder/onTrade, and the same rows past the columns' first doubling.
import { describe, expect, it } from 'vitest';
import { Backtest } from '../../host/engine/backtest.ts';
import { ORDER_BUY, ORDER_SELL, STATUS } from '../../host/engine/broker.ts';
import type { GuestPort } from '../../host/engine/ports.ts';
import type { Bars } from '../../host/model/bars.ts';
import { OrderLog } from '../../host/model/order.ts';
import { TradeLog } from '../../host/model/trade.ts';

const DAY = 86_400_000_000_000n;
const T0 = 1_600_000_000_000_000_000n;

/** n daily bars: open 100 + (i mod 7), high open + 2, low open − 2, close open + 1. */
function bars(n: number): Bars {
  const b = {
    length: n, time: new BigInt64Array(n), open: new Float64Array(n), high: new Float64Array(n),
    low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    b.time[i] = T0 + BigInt(i) * DAY;
    b.open[i] = 100 + (i % 7);
    b.high[i] = b.open[i]! + 2;
    b.low[i] = b.open[i]! - 2;
    b.close[i] = b.open[i]! + 1;
  }
  return b;
}

/** Buys 1 unit on even bars and sells 1 on odd ones, and a DAY limit far below every 3rd bar. */
function trader(bt: Backtest, port: Partial<GuestPort>): GuestPort {
  let i = -1;
  return {
    onBar() {
      i++;
      bt.broker.submit(i % 2 === 0 ? ORDER_BUY : ORDER_SELL, 1);
      if (i % 3 === 0) bt.broker.place(ORDER_BUY, 1, 1, 1, NaN, 1); // DAY limit at 1: expires
    },
    ...port,
  };
}

describe('columns of a run', () => {
  const data = bars(700); // > 256 orders and trades: the columns double past their first size

  it('onOrderAt/onTradeAt hear exactly what onOrder/onTrade hear, in the same order', () => {
    const plain: number[][] = [];
    const a = new Backtest(data, { cash: 10_000, commission: 0.001 });
    a.run(trader(a, {
      onOrder: (id, status, price, units) => void plain.push([id, status, price, units]),
      onTrade: (size, entry, exit, pnl) => void plain.push([size, entry, exit, pnl]),
    }));
    const at: number[][] = [];
    const b = new Backtest(data, { cash: 10_000, commission: 0.001 });
    b.run(trader(b, {
      onOrderAt: (ev, k) => void at.push([ev.id[k]!, ev.status[k]!, ev.price[k]!, ev.units[k]!]),
      onTradeAt: (t, k) => void at.push([t.size[k]!, t.entryPrice[k]!, t.exitPrice[k]!, t.pnl[k]!]),
    }));
    expect(at).toEqual(plain);
    // Bar 0 buys (id 1) and places the DAY limit (id 2); bar 1's open fills the buy at 101 and expires the limit.
    expect(plain.slice(0, 2)).toEqual([[1, STATUS.filled, 101, 1], [2, STATUS.expired, NaN, 0]]);
    expect(plain.length).toBeGreaterThan(900);
  });

  it('the result’s trades and orders are the columns’ rows as objects, made once', () => {
    const bt = new Backtest(data, { cash: 10_000, commission: 0 });
    const r = bt.run(trader(bt, {}));
    const log = bt.account.tradeLog, rows = bt.account.orders;
    // Each market order reverses the position (simple orders are exclusive): fills at bars 1..699, a trade between each two.
    expect(log.length).toBe(698);
    expect(rows.length).toBe(700 + 234);
    expect(r.trades).toBe(r.trades); // made on the first read, then kept
    expect(r.trades).toHaveLength(698);
    expect(r.trades[300]).toEqual(log.at(300));
    expect(r.trades[300]).toEqual({
      symbol: 0, entryBar: 301, exitBar: 302, entryTime: data.time[301], exitTime: data.time[302], size: 1,
      entryPrice: data.open[301], exitPrice: data.open[302], pnl: data.open[302]! - data.open[301]!,
      returnPct: ((data.open[302]! - data.open[301]!) / data.open[301]!) * 100, commission: 0,
    });
    expect(r.orders).toHaveLength(934);
    expect(r.orders[933]).toEqual({ id: 934, bar: 699, time: data.time[699], symbol: 0, side: 1, type: 1, size: 1, status: STATUS.cancelled, reason: 'end-of-data', price: 0, units: 0 });
    // A structured clone (how a result leaves the guest thread) carries the objects.
    const copy = structuredClone(r);
    expect(copy.trades).toEqual(r.trades);
    expect(copy.orders).toEqual(r.orders);
    // A reader may replace them.
    r.trades = [];
    expect(r.trades).toEqual([]);
  });

  it('TradeLog and OrderLog give back what was put in, across growth', () => {
    const trades = TradeLog.from([]);
    const rows = new OrderLog(1);
    for (let k = 0; k < 1000; k++) {
      const t = trades.add();
      trades.entryTime[t] = -BigInt(k) * DAY - 1n; // before 1970 too
      trades.exitTime[t] = BigInt(k) * DAY;
      trades.pnl[t] = k === 999 ? -0 : k / 3;
      const r = rows.add();
      rows.type[r] = k === 999 ? 7.5 : 1;
      rows.reason[r] = k % 18;
    }
    expect(trades.at(999).entryTime).toBe(-999n * DAY - 1n);
    expect(trades.at(500).pnl).toBe(500 / 3);
    expect(Object.is(trades.at(999).pnl, -0)).toBe(true);
    expect(rows.at(999)).toMatchObject({ id: 1000, type: 7.5, reason: 'no-position' }); // 999 mod 18 = 9
    expect(rows.at(17).reason).toBe('margin-call');
    expect(rows.at(0).reason).toBe('');
  });
});
