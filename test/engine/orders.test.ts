// Order types, fills, costs and margin on hand-made bars, with every expected price worked out here.
import { describe, expect, it } from 'vitest';
import { Backtest, type EngineConfig } from '../../host/engine/backtest.ts';
import { STATUS, TIF, TYPE, ORDER_BUY, ORDER_SELL, ORDER_CLOSE, DEFAULT_BROKER, type Broker } from '../../host/engine/broker.ts';
import type { Bars } from '../../host/model/bars.ts';
import { STATUS_NAMES, TYPE_NAMES } from '../../host/model/order.ts';
import { rejectionsByReason, renderOrdersCsv, renderStatsTable } from '../../host/audit/render.ts';
import { decodeResult, encodeResult } from '../../host/audit/codec.ts';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';

const DAY = 86_400_000_000_000n;
function bars(rows: [number, number, number, number][], step = DAY): Bars {
  const n = rows.length;
  const b = { length: n, time: new BigInt64Array(n), open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n) };
  rows.forEach(([o, h, l, c], i) => {
    b.time[i] = 1_600_000_000_000_000_000n - (1_600_000_000_000_000_000n % DAY) + BigInt(i) * step;
    b.open[i] = o; b.high[i] = h; b.low[i] = l; b.close[i] = c;
  });
  return b;
}

type Script = Record<number, (b: Broker) => void>;
function run(data: Bars, script: Script, config: Partial<EngineConfig> = {}) {
  const bt = new Backtest(data, { cash: 10_000, ...config });
  const events: [number, number, number, number][] = [];
  let i = -1;
  const r = bt.run({
    onBar: () => { i++; script[i]?.(bt.broker); },
    onOrder: (id, status, price, units) => events.push([id, status, price, units]),
  });
  return { r, broker: bt.broker, events };
}

//            open  high  low  close
const DATA = bars([
  [100, 101, 99, 100], // 0
  [100, 104, 98, 103], // 1
  [103, 106, 102, 105], // 2
  [95, 96, 90, 92], //    3: gap down
  [92, 99, 91, 98], //    4
  [98, 110, 97, 109], //  5
  [109, 111, 100, 101], // 6
]);

describe('limit, stop and stop-limit orders', () => {
  it('a buy limit fills at its price intrabar, or at the open when the bar gaps through it', () => {
    const a = run(DATA, { 0: (b) => b.place(ORDER_BUY, TYPE.limit, 10, 98.5, NaN, TIF.gtc) });
    expect(a.events[0]).toEqual([1, STATUS.filled, 98.5, 10]); // bar 1: low 98 reaches 98.5
    const g = run(DATA, { 2: (b) => b.place(ORDER_BUY, TYPE.limit, 10, 96, NaN, TIF.gtc) });
    expect(g.events[0]).toEqual([1, STATUS.filled, 95, 10]); // bar 3 opens at 95, below the limit
  });

  it('a sell stop triggers at its price, or at the open on a gap', () => {
    const s = run(DATA, { 0: (b) => b.submit(ORDER_BUY, 10), 1: (b) => b.place(ORDER_SELL, TYPE.stop, 10, NaN, 102.5, TIF.gtc) });
    expect(s.events.find((e) => e[0] === 2)).toEqual([2, STATUS.filled, 102.5, -10]); // bar 2: open 103, low 102 reaches 102.5
    const t = run(DATA, { 0: (b) => b.submit(ORDER_BUY, 10), 3: (b) => b.place(ORDER_SELL, TYPE.stop, 10, NaN, 91.5, TIF.gtc) });
    expect(t.events.find((e) => e[0] === 2)).toEqual([2, STATUS.filled, 91.5, -10]); // bar 4 low 91
  });

  it('a stop-limit triggers, then fills only at its limit or better', () => {
    // Buy stop 104 limit 104.5: bar 2 opens at 103, high 106 → triggers at 104, marketable → 104.
    const a = run(DATA, { 1: (b) => b.place(ORDER_BUY, TYPE.stopLimit, 5, 104.5, 104, TIF.gtc) });
    expect(a.events[0]).toEqual([1, STATUS.filled, 104, 5]);
    // Sell stop 93 limit 94 on bar 3: opens at 95, low 90 → triggers at 93 < limit 94: rests, then bar 4 high 99 ≥ 94 → 94.
    const b2 = run(DATA, { 0: (b) => b.submit(ORDER_BUY, 5), 2: (b) => b.place(ORDER_SELL, TYPE.stopLimit, 5, 94, 93, TIF.gtc) });
    expect(b2.events.find((e) => e[0] === 2)).toEqual([2, STATUS.filled, 94, -5]);
  });

  it('a trailing stop follows the best close and fires when the price falls back', () => {
    const t = run(DATA, { 0: (b) => b.submit(ORDER_BUY, 10), 1: (b) => b.place(ORDER_SELL, TYPE.trailingAmount, 10, NaN, 5, TIF.gtc) });
    // Placed at close 103 → stop 98; bar 2 close 105 → 100; bar 3 gaps to 95 ≤ 100 → fills at the open.
    expect(t.events.find((e) => e[0] === 2)).toEqual([2, STATUS.filled, 95, -10]);
  });
});

describe('brackets', () => {
  it('stop-loss and take-profit cancel each other', () => {
    const tp = run(DATA, { 3: (b) => b.bracket(ORDER_BUY, 10, NaN, 85, 108, TIF.gtc) });
    // Entry at bar 4 open 92; bar 5 high 110 ≥ 108 → take profit at 108; the stop is cancelled.
    expect(tp.events).toEqual([[1, STATUS.filled, 92, 10], [3, STATUS.filled, 108, -10], [2, STATUS.cancelled, NaN, 0]]);
    expect(tp.r.trades[0]!.pnl).toBe(160);
  });

  it('a filled take-profit removes the stop for good (the stop comes first in submission order)', () => {
    const d = bars([[100, 100, 100, 100], [100, 100, 100, 100], [100, 111, 100, 110], [110, 110, 110, 110], [80, 80, 80, 80]]);
    const r = run(d, { 0: (b) => b.bracket(ORDER_BUY, 1, NaN, 90, 110, TIF.gtc) });
    expect(r.r.trades.map((t) => [t.entryPrice, t.exitPrice])).toEqual([[100, 110]]);
    expect(r.broker.position).toBe(0); // the stop at 90 never fires on bar 4's 80
  });

  it('when one bar touches both, the stop wins unless told otherwise', () => {
    const wide = bars([[100, 100, 100, 100], [100, 100, 100, 100], [100, 112, 88, 100]]);
    const stop = run(wide, { 0: (b) => b.bracket(ORDER_BUY, 1, NaN, 90, 110, TIF.gtc) });
    expect(stop.r.trades.map((t) => t.exitPrice)).toEqual([90]);
    const target = run(wide, { 0: (b) => b.bracket(ORDER_BUY, 1, NaN, 90, 110, TIF.gtc) }, { bothTouched: 'target-first' });
    expect(target.r.trades.map((t) => t.exitPrice)).toEqual([110]);
  });

  it('children of a market entry filled at the open are live on that same bar', () => {
    const d = bars([[100, 100, 100, 100], [100, 101, 80, 90]]);
    const r = run(d, { 0: (b) => b.bracket(ORDER_BUY, 1, NaN, 95, 120, TIF.gtc) });
    expect(r.r.trades.map((t) => [t.entryPrice, t.exitPrice])).toEqual([[100, 95]]);
  });
});

describe('time in force, cancel and modify', () => {
  it('IOC is cancelled when it cannot fill on its first bar; DAY expires with the day', () => {
    const ioc = run(DATA, { 0: (b) => b.place(ORDER_BUY, TYPE.limit, 1, 90, NaN, TIF.ioc) });
    expect(ioc.events).toEqual([[1, STATUS.cancelled, NaN, 0]]);
    const intraday = bars([[100, 100, 100, 100], [100, 100, 100, 100], [100, 100, 100, 100], [90, 90, 90, 90]], 3_600_000_000_000n * 8n);
    const day = run(intraday, { 0: (b) => b.place(ORDER_BUY, TYPE.limit, 1, 95, NaN, TIF.day) });
    expect(day.events).toEqual([[1, STATUS.expired, NaN, 0]]); // bar 3 is the next day: the order never sees 90
  });

  it('cancel and modify act on open orders only', () => {
    const r = run(DATA, {
      0: (b) => { const id = b.place(ORDER_BUY, TYPE.limit, 1, 50, NaN, TIF.gtc); expect(b.modify(id, 2, 98.5, NaN)).toBe(true); },
      2: (b) => { expect(b.cancel(1)).toBe(false); expect(b.modify(99, 1, 1, 1)).toBe(false); },
    });
    expect(r.events[0]).toEqual([1, STATUS.filled, 98.5, 2]);
    const c = run(DATA, { 0: (b) => { const id = b.place(ORDER_BUY, TYPE.limit, 1, 50, NaN, TIF.gtc); expect(b.cancel(id)).toBe(true); } });
    expect(c.events).toEqual([[1, STATUS.cancelled, NaN, 0]]);
  });
});

describe('costs, lots, margin and the fill-at-close option', () => {
  it('commission = max(minimum, fixed + per unit + percentage); slippage on market fills only', () => {
    const costs = { ...DEFAULT_BROKER.costs, rate: 0.001, perUnit: 0.01, fixed: 1, minimum: 2, slippageBps: 10 };
    const r = run(DATA, { 0: (b) => b.submit(ORDER_BUY, 10), 1: (b) => b.place(ORDER_SELL, TYPE.limit, 10, 105, NaN, TIF.gtc) }, { costs });
    const entry = 100 * 1.001; // 10 bps against the buyer
    const c1 = Math.max(2, 1 + 0.1 + 0.001 * 10 * entry);
    const c2 = Math.max(2, 1 + 0.1 + 0.001 * 10 * 105);
    expect(r.r.trades[0]!.entryPrice).toBe(entry);
    expect(r.r.trades[0]!.exitPrice).toBe(105);
    expect(r.r.trades[0]!.commission).toBeCloseTo(c1 + c2, 12);
    expect(r.r.stats.commissions).toBeCloseTo(c1 + c2, 12);
  });

  it('fractional lots and leverage size the position', () => {
    const frac = run(DATA, { 0: (b) => b.submit(ORDER_BUY, 0) }, { lotSize: 0.001 });
    expect(frac.broker.position).toBe(100); // 10,000 / 100 exactly
    const lev = run(DATA, { 0: (b) => b.submit(ORDER_BUY, 0) }, { margin: 0.5 });
    expect(lev.broker.position).toBe(200);
  });

  it('a margin call liquidates at the next open', () => {
    const crash = bars([[100, 100, 100, 100], [100, 100, 100, 100], [60, 60, 60, 60], [50, 50, 50, 50], [40, 40, 40, 40]]);
    const r = run(crash, { 0: (b) => b.submit(ORDER_BUY, 0) }, { margin: 0.5, maintenanceMargin: 0.25 });
    // 200 units from bar 1; at bar 2's close equity = 10,000 − 200·40 = 2,000 < 0.25·200·60 = 3,000 → out at bar 3's open.
    expect(r.broker.marginCalls).toBe(1);
    expect(r.r.trades.map((t) => [t.entryBar, t.exitBar, t.exitPrice])).toEqual([[1, 3, 50]]);
    expect(r.broker.position).toBe(0);
  });

  it('fill-at-close fills a market order at the close of the bar that placed it', () => {
    const r = run(DATA, { 1: (b) => b.submit(ORDER_BUY, 10) }, { fillMarketAt: 'close' });
    expect(r.events[0]).toEqual([1, STATUS.filled, 103, 10]);
  });
});

describe('no look-ahead', () => {
  it('an oracle that knows the next bar cannot trade at a price it has already seen', () => {
    // The strategy "knows" bar i+1 will rally and tries to buy at bar i's low with a limit: it can
    // only ever fill on bar i+1 or later, at a price that bar actually trades.
    const up = bars([[100, 101, 95, 100], [110, 120, 109, 119], [119, 121, 118, 120]]);
    const r = run(up, { 0: (b) => b.place(ORDER_BUY, TYPE.limit, 10, 95, NaN, TIF.gtc), 1: () => {} });
    expect(r.events).toEqual([]); // bar 1 never trades at 95
    const m = run(up, { 0: (b) => b.submit(ORDER_BUY, 10) });
    expect(m.r.equity[2]! - 10_000).toBe(10 * (120 - 110)); // bought at bar 1's open, not bar 0's close
  });
});

describe('the per-bar due check', () => {
  // Broker.isDue decides, without allocating, whether the matching pass would act on an order; it
  // must agree with fillPrice (the pass's own rule) on every order type, side and bar shape.
  it('agrees with fillPrice for every type, side and price position, including gaps and NaN stops', () => {
    const bt = new Backtest(DATA, { cash: 10_000 });
    const broker = bt.brokers[0]! as unknown as {
      ohlc: Float64Array;
      isDue(o: object, day: number, stamp: number): boolean;
      fillPrice(o: object): boolean;
    };
    const levels = [NaN, 80, 95, 98, 99, 100, 101, 102, 104, 120];
    const shapes: [number, number, number][] = [[100, 104, 98], [95, 96, 90], [105, 106, 104], [100, 100, 100]];
    bt.brokers[0]!.setBar(0);
    let checked = 0;
    for (const type of [TYPE.market, TYPE.limit, TYPE.stop, TYPE.stopLimit, TYPE.trailingAmount, TYPE.trailingPercent])
      for (const side of [1, -1])
        for (const limit of levels)
          for (const stop of levels)
            for (const triggered of [false, true])
              for (const [open, high, low] of shapes) {
                const o = { id: 1, side, type, size: 1, limit, stop, trail: 1, tif: TIF.gtc, activeFrom: 0, after: 0, day: 0, exclusive: false, parent: 0, sibling: 0, triggered, marginCall: false };
                broker.ohlc.set([open, high, low]);
                const due = broker.isDue(o, 0, 1);
                const fills = broker.fillPrice({ ...o }); // on the bar in ohlc
                const triggers = type === TYPE.stopLimit && !triggered && broker.fillPrice({ ...o, type: TYPE.stop });
                expect([type, side, limit, stop, triggered, open, due]).toEqual([type, side, limit, stop, triggered, open, fills || triggers]);
                checked++;
              }
    expect(checked).toBe(6 * 2 * 10 * 10 * 2 * 4);
  });
});

describe('the fill path spelled without builtins (no boxed doubles in V8\'s middle tier)', () => {
  // The formulas as they were written with Number.isNaN, Math.sign, Math.min and Math.max: the
  // engine's comparisons must give the same double, bit for bit (Object.is), on every input.
  const limitRef = (side: number, limit: number, open: number, high: number, low: number) =>
    side > 0 ? (open <= limit ? open : low <= limit ? limit : NaN) : open >= limit ? open : high >= limit ? limit : NaN;
  const stopRef = (side: number, stop: number, open: number, high: number, low: number) =>
    side > 0 ? (open >= stop ? open : high >= stop ? stop : NaN) : open <= stop ? open : low <= stop ? stop : NaN;
  const levels = [NaN, -0, 0, 80, 95, 98, 99, 100, 101, 102, 104, 120, Infinity];
  const shapes: [number, number, number][] = [[100, 104, 98], [95, 96, 90], [105, 106, 104], [100, 100, 100], [NaN, 104, 98], [100, NaN, NaN]];

  it('limit and stop prices: the price each order type fills at, or NaN, as the conditional expressions gave', () => {
    const bt = new Backtest(DATA, { cash: 10_000 });
    const broker = bt.brokers[0]! as unknown as { ohlc: Float64Array; fillPrice(o: object): boolean };
    const fill = bt.account.fill;
    let checked = 0;
    for (const type of [TYPE.limit, TYPE.stop, TYPE.trailingAmount])
      for (const side of [1, -1])
        for (const level of levels)
          for (const [open, high, low] of shapes) {
            broker.ohlc.set([open, high, low]);
            fill[0] = 12345;
            const filled = broker.fillPrice({ side, type, limit: level, stop: level });
            const want = type === TYPE.limit ? limitRef(side, level, open, high, low) : stopRef(side, level, open, high, low);
            expect([type, side, level, open, high, low, filled, fill[0]]).toEqual([type, side, level, open, high, low, !Number.isNaN(want), want]);
            expect(Object.is(fill[0], want)).toBe(true);
            checked++;
          }
    expect(checked).toBe(3 * 2 * levels.length * shapes.length);
  });

  it('commission: max(minimum, fixed + per unit + percentage) on zeros of both signs, ties, NaN and the minimum', () => {
    const values = [NaN, -0, 0, 0.5, 1, 2, 2.3, -1];
    let checked = 0;
    for (const minimum of [0, -0, 2, NaN])
      for (const fixed of [0, -0, 1])
        for (const rate of [0, 0.001, 0.5])
          for (const units of values)
            for (const price of [100, -0, 0, NaN, 1.75]) {
              const costs = { rate, perUnit: 0.01, fixed, minimum, slippageBps: 0, slippageFixed: 0 };
              const broker = new Backtest(DATA, { cash: 10_000, costs }).brokers[0]! as unknown as { commissionFor(units: number, price: number): number };
              const u = Math.abs(units);
              const want = Math.max(minimum, fixed + 0.01 * u + rate * u * price);
              const got = broker.commissionFor(units, price);
              expect(Object.is(got, want), `${[minimum, fixed, rate, units, price]}: ${got} vs ${want}`).toBe(true);
              checked++;
            }
    expect(checked).toBe(4 * 3 * 3 * 8 * 5);
  });

  it('netting: adding, reducing, closing exactly and reversing give these positions, trades and cash', () => {
    // Bars open at 100, 100, 103, 95, 92, 98, 109: each order fills at the next bar's open.
    const r = run(DATA, {
      0: (b) => void b.place(ORDER_BUY, TYPE.market, 10, NaN, NaN, TIF.gtc), // +10 @100
      1: (b) => void b.place(ORDER_BUY, TYPE.market, 5, NaN, NaN, TIF.gtc), // +5 @103: 15 @ 101 on average
      2: (b) => void b.place(ORDER_SELL, TYPE.market, 4, NaN, NaN, TIF.gtc), // −4 @95: a trade of 4, 11 left
      3: (b) => void b.place(ORDER_SELL, TYPE.market, 11, NaN, NaN, TIF.gtc), // −11 @92: closes exactly
      4: (b) => void b.place(ORDER_SELL, TYPE.market, 3, NaN, NaN, TIF.gtc), // −3 @98: a short
      5: (b) => void b.place(ORDER_BUY, TYPE.market, 5, NaN, NaN, TIF.gtc), // +5 @109: closes 3, long 2
    }, { commission: 0.001 });
    expect(r.r.trades.map((t) => [t.size, t.entryPrice, t.exitPrice])).toEqual([[4, 101, 95], [11, 101, 92], [-3, 98, 109]]);
    expect(r.broker.position).toBe(2);
    expect(r.events.map((e) => [e[0], e[3]])).toEqual([[1, 10], [2, 5], [3, -4], [4, -11], [5, -3], [6, 5]]);
    const fee = (units: number, price: number) => 0.001 * units * price;
    // The entry commission of the long (10 @100 and 5 @103) is shared by the two closing trades, in proportion.
    const entryFees = fee(10, 100) + fee(5, 103);
    expect(r.r.trades[0]!.commission).toBe(entryFees * (4 / 15) + fee(4, 95));
    expect(r.r.trades[2]!.commission).toBe(fee(3, 98) + fee(5, 109) * (3 / 5));
    const cash = 10_000 - (10 * 100 + fee(10, 100)) - (5 * 103 + fee(5, 103)) + (4 * 95 - fee(4, 95)) + (11 * 92 - fee(11, 92)) + (3 * 98 - fee(3, 98)) - (5 * 109 + fee(5, 109));
    expect(r.broker.cash).toBeCloseTo(cash, 9);
  });
});

describe('order event delivery', () => {
  it('an event caused inside on_order waits for the next delivery, after the bar', () => {
    const bt = new Backtest(DATA, { cash: 10_000 });
    const log: string[] = [];
    let i = -1;
    bt.run({
      onBar: () => {
        i++;
        log.push(`bar ${i}`);
        if (i === 0) bt.broker.submit(ORDER_BUY, 1);
      },
      onOrder: (id, status) => {
        log.push(`order ${id} status ${status}`);
        if (id === 1) bt.broker.submit(ORDER_BUY, -1); // rejected at once: its event is queued
      },
    });
    // The rejected order takes an id (2) like any other: every order has a row in orders.csv.
    expect(log.slice(0, 5)).toEqual(['bar 0', `order 1 status ${STATUS.filled}`, 'bar 1', `order 2 status ${STATUS.rejected}`, 'bar 2']);
  });
});

describe('every order has a row (orders.csv)', () => {
  it('each rejection, cancellation, expiry and fill is recorded with its reason, and Rejected Orders counts the rejections', () => {
    const { r } = run(DATA, {
      0: (b) => {
        b.submit(ORDER_BUY, -5); // 1 invalid-size
        b.submit(ORDER_BUY, NaN); // 2 invalid-size
        b.submit(ORDER_BUY, 1e9); // 3 insufficient-margin (at bar 1's open)
        b.submit(ORDER_CLOSE, 0); // 4 no-position (at bar 1's open)
        b.submit(9, 1); // 5 invalid-kind
        b.place(ORDER_BUY, 9, 1, 100, NaN, TIF.gtc); // 6 invalid-type
        b.place(ORDER_BUY, TYPE.limit, 1, 100, NaN, 9); // 7 invalid-tif
        b.place(ORDER_BUY, TYPE.limit, 1, NaN, NaN, TIF.gtc); // 8 invalid-price
        b.bracket(ORDER_BUY, 1, NaN, 110, 90, TIF.gtc); // 9 invalid-price (stop above target)
        b.submit(ORDER_BUY, 0.00001); // 10 zero-units: a fraction that buys less than a lot
        b.place(ORDER_BUY, TYPE.limit, 1, 50, NaN, TIF.ioc); // 11 not-immediate
        b.place(ORDER_BUY, TYPE.limit, 1, 50, NaN, TIF.day); // 12 day-end (bar 1 is a later day)
      },
      1: (b) => {
        const id = b.place(ORDER_BUY, TYPE.limit, 1, 50, NaN, TIF.gtc); // 13 strategy
        b.cancel(id);
        b.bracket(ORDER_BUY, 2, NaN, 90, 104, TIF.gtc); // 14 entry filled at bar 2's open (103); 15 stop 90 oco; 16 target 104 filled on bar 2
      },
      3: (b) => void b.place(ORDER_SELL, TYPE.limit, 1, 500, NaN, TIF.gtc), // 17 end-of-data
    });
    const rows = r.orders.map((o) => [o.id, o.side, o.type, o.status, o.reason, o.price, o.units]);
    const { filled: F, cancelled: C, rejected: R, expired: E } = STATUS;
    expect(rows).toEqual([
      [1, 1, TYPE.market, R, 'invalid-size', 0, 0],
      [2, 1, TYPE.market, R, 'invalid-size', 0, 0],
      [3, 1, TYPE.market, R, 'insufficient-margin', 0, 0],
      [4, 0, TYPE.market, R, 'no-position', 0, 0],
      [5, 2, TYPE.market, R, 'invalid-kind', 0, 0],
      [6, 1, 9, R, 'invalid-type', 0, 0],
      [7, 1, TYPE.limit, R, 'invalid-tif', 0, 0],
      [8, 1, TYPE.limit, R, 'invalid-price', 0, 0],
      [9, 1, TYPE.market, R, 'invalid-price', 0, 0],
      [10, 1, TYPE.market, R, 'zero-units', 0, 0],
      [11, 1, TYPE.limit, C, 'not-immediate', 0, 0],
      [12, 1, TYPE.limit, E, 'day-end', 0, 0],
      [13, 1, TYPE.limit, C, 'strategy', 0, 0],
      [14, 1, TYPE.market, F, '', 103, 2],
      [15, -1, TYPE.stop, C, 'oco', 0, 0],
      [16, -1, TYPE.limit, F, '', 104, -2],
      [17, -1, TYPE.limit, C, 'end-of-data', 0, 0],
    ]);
    expect(r.orders.map((o) => Number.isNaN(o.size) ? 'NaN' : o.size).slice(0, 3)).toEqual([-5, 'NaN', 1e9]);
    // Rejected Orders: the 10 rejections and the order left open at the end.
    expect(r.stats.rejectedOrders).toBe(11);
    expect(rejectionsByReason(r.orders)).toEqual([
      ['end-of-data', 1], ['insufficient-margin', 1], ['invalid-kind', 1], ['invalid-price', 2], ['invalid-size', 2],
      ['invalid-tif', 1], ['invalid-type', 1], ['no-position', 1], ['zero-units', 1],
    ]);
  });

  it('a margin call is a row of its own', () => {
    const crash = bars([[100, 100, 100, 100], [100, 100, 100, 100], [100, 100, 40, 40], [40, 41, 39, 40], [40, 40, 40, 40]]);
    const { r } = run(crash, { 0: (b) => b.submit(ORDER_BUY, 0) }, { margin: 0.5, maintenanceMargin: 0.25 });
    expect(r.orders.map((o) => [o.id, o.side, o.status, o.reason])).toEqual([[1, 1, STATUS.filled, ''], [2, 0, STATUS.filled, 'margin-call']]);
  });

  it('orders.csv and the stats table, rendered from the result; the result bytes keep every order', () => {
    const { r } = run(DATA, { 0: (b) => { b.submit(ORDER_BUY, -5); b.submit(ORDER_BUY, 1); } });
    expect(renderOrdersCsv(r)).toBe([
      'Id,Time,Symbol,Side,Type,Size,Status,Reason,Price,Units',
      '1,2020-09-13T00:00:00Z,0,buy,market,-5,rejected,invalid-size,,',
      '2,2020-09-13T00:00:00Z,0,buy,market,1,filled,,100,1',
      '',
    ].join('\n'));
    const table = renderStatsTable(r.stats, r.orders).split('\n');
    const at = table.findIndex((l) => l.startsWith('Rejected Orders'));
    expect(table[at]).toMatch(/^Rejected Orders +1$/);
    expect(table[at + 1]).toMatch(/^ {2}invalid-size +1$/);
    const bytes = encodeResult(r);
    const back = decodeResult(bytes);
    expect(back.orders).toEqual(r.orders);
    expect(Buffer.compare(encodeResult(back), bytes)).toBe(0);
  });

  it('names in orders.csv follow the engine constants', () => {
    for (const [name, v] of Object.entries(STATUS)) expect(STATUS_NAMES[v]).toBe(name);
    expect(TYPE_NAMES.map((_, i) => i)).toEqual(Object.values(TYPE).sort());
    expect(TYPE_NAMES[TYPE.stopLimit]).toBe('stop-limit');
  });
});

describe('orders.csv in a run folder', () => {
  it('buy(-5), buy(NaN), buy(1e9) and the rest: exit 0, each with its reason in orders.csv and the stats table; verify checks orders.csv', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'bp-orders-'));
    const dir = path.join(work, 'run');
    const r = await cli('backtest', '--strategy', 'test/fixtures/bad-orders.ts', '--data', 'data/GOOG.csv', '--out', dir, '--unsigned', '--csv', 'orders');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Rejected Orders +7\n {2}end-of-data +1\n {2}insufficient-margin +1\n {2}invalid-price +1\n {2}invalid-size +2\n {2}no-position +1\n {2}unknown-symbol +1\n/);
    const csv = readFileSync(path.join(dir, 'orders.csv'), 'utf8').split('\n');
    expect(csv.slice(0, 8)).toEqual([
      'Id,Time,Symbol,Side,Type,Size,Status,Reason,Price,Units',
      '1,2004-08-19T00:00:00Z,0,buy,market,-5,rejected,invalid-size,,',
      '2,2004-08-19T00:00:00Z,0,buy,market,NaN,rejected,invalid-size,,',
      '3,2004-08-19T00:00:00Z,0,buy,market,1000000000,rejected,insufficient-margin,,',
      '4,2004-08-19T00:00:00Z,0,close,market,0,rejected,no-position,,',
      '5,2004-08-19T00:00:00Z,7,buy,market,1,rejected,unknown-symbol,,',
      '6,2004-08-19T00:00:00Z,0,buy,limit,1,rejected,invalid-price,,',
      '7,2004-08-23T00:00:00Z,0,buy,limit,1,cancelled,end-of-data,,',
    ]);
    expect((await cli('verify', dir)).code).toBe(0);
    writeFileSync(path.join(dir, 'orders.csv'), csv.join('\n').replace('invalid-price', 'invalid-size'));
    const v = await cli('verify', dir);
    expect(v.code).toBe(5);
    expect(v.err).toContain('orders.csv');
  }, 60_000);
});
