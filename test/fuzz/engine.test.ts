// Engine invariants on random order streams (test/fuzz/properties/engine.ts, docs/FUZZING.md), and
// the defects fuzzing found there, as plain examples.
import { describe, expect, it } from 'vitest';
import { engineProperties, engineTally, drive, type Scenario } from './properties/engine.ts';
import { fuzzSuite } from './suite.ts';

let reached: typeof engineTally | undefined;
fuzzSuite(engineProperties, (name) => name === 'engine-invariants' && (reached = { ...engineTally }));

describe('what the engine fuzzing reaches and found', () => {
  it('the fixed-seed runs reach fills at the open, on ticks, at the close and of orders placed before the first bar, bracket legs, cross-symbol orders, margin calls and rejections', () => {
    // Filled by the engine-invariants test above (vitest runs a file's tests in order); exact under the fixed seed.
    expect(reached).toEqual({ runs: 2000, fills: 4644, fillsOfInitOrders: 1178, fillsOnTicks: 780, fillsAtClose: 514, crossSymbolOrders: 4215, bracketLegFills: 679, marginCalls: 141, rejected: 3236 });
  });

  it('a symbol filled before its first close is marked at its fill, not NaN, until that close', () => {
    // Found by engine-invariants under the CI seed: B's first bar opens at hour 1, when A's first bar closes
    // and places a buy on B; B fills at that open, and A's next close (hour 2, before B's: name order) summed
    // 1 × B's price, NaN until B's first close: the equity, and every later sizing's exposure, were NaN.
    const bar = { gap: 1, open: 500, close: 500, high: 500, low: 500 };
    const s: Scenario = {
      feeds: [{ start: 0, bars: [bar, bar] }, { start: 1, bars: [bar, { ...bar, close: 510, high: 510 }] }],
      actions: [{ op: 'submit', at: 0, sym: 1, kind: 1, size: 1 }],
      config: { cash: 1000, rate: 0, perUnit: 0, fixed: 0, minimum: 0, slippageBps: 0, slippageFixed: 0, lotSize: 1, margin: 1, maintenanceMargin: 0, fillMarketAt: 'open', bothTouched: 'stop-first', names: ['A', 'B', 'C'] },
    };
    const o = drive(s);
    // Events: A@0h closes at 1h (the order), A@1h closes at 2h (B marked at its fill, 5), B@1h closes at 2h (5), B@2h (5.10).
    expect([...o.equity]).toEqual([1000, 1000, 1000, 1000 - 5 + 5.1]);
    expect(o.bt.account.orders.toArray().map((r) => [r.symbol, r.price, r.units])).toEqual([[1, 5, 1]]);
  });

  it('a bracket leg closes exactly its entry\'s units when they are below 1 (fractional lots), not that fraction of the equity', () => {
    // Found by engine-invariants (saved case engine-invariants-1.json, another case of it): the stop-loss of an entry of 0.2 units
    // sold 0.36 (0.2 read as "20 % of the available equity").
    const bar = { gap: 1, open: 500, close: 500, high: 500, low: 500 };
    const s: Scenario = {
      feeds: [{ start: 0, bars: [bar, { ...bar, low: 498 }] }],
      actions: [{ op: 'submit', at: 0, sym: 0, kind: 1, size: 0.99 }, { op: 'bracket', at: 0, sym: 0, side: 1, size: 0.1, market: false, limit: 0, sl: 50, tp: 50, tif: 0 }],
      config: { cash: 1000, rate: 0, perUnit: 0, fixed: 0, minimum: 0, slippageBps: 0, slippageFixed: 0, lotSize: 0, margin: 1, maintenanceMargin: 0, fillMarketAt: 'open', bothTouched: 'stop-first', names: ['A', 'B', 'C'] },
    };
    const rows = drive(s).bt.account.orders.toArray().map((r) => [r.id, r.status, r.reason, r.price, r.units]);
    // 1: buy 99 % = 198 units at 5; 2: the entry, 10 % of what is left (1000 − 990 = 10 → 0.2 units at 5);
    // 3: its stop-loss at 4.98 (5 − 0.5 %) sells exactly 0.2; 4: the take-profit, cancelled (oco).
    expect(rows).toEqual([[1, 1, '', 5, 198], [2, 1, '', 5, 0.2], [3, 1, '', 4.98, -0.2], [4, 2, 'oco', 0, 0]]);
  });
});
