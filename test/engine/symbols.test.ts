// Several symbols: the merge order, the shared account, and no look-ahead across symbols.
import { describe, expect, it } from 'vitest';
import { Backtest, mergeFeeds } from '../../host/engine/backtest.ts';
import { ORDER_BUY } from '../../host/engine/broker.ts';
import type { Bars } from '../../host/model/bars.ts';

const H = 3_600_000_000_000n;
function feed(rows: [number, number][]): Bars {
  const n = rows.length;
  const b = { length: n, time: new BigInt64Array(n), open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n) };
  rows.forEach(([hour, price], i) => {
    b.time[i] = BigInt(hour) * H;
    b.open[i] = b.high[i] = b.low[i] = b.close[i] = price;
  });
  return b;
}

describe('several symbols', () => {
  it('merges feeds in time; equal times in feed order (stable)', () => {
    const a = feed([[1, 10], [2, 11], [4, 12]]);
    const b = feed([[0, 20], [2, 21], [3, 22], [4, 23]]);
    const m = mergeFeeds([a, b]);
    expect(Array.from(m.feed)).toEqual([1, 0, 0, 1, 1, 0, 1]);
    expect(Array.from(m.bar)).toEqual([0, 0, 1, 1, 2, 2, 3]);
  });

  it("an order on another symbol fills at that symbol's first bar after the deciding bar, and the account is shared", () => {
    // A and B both have a bar at hour 2; A comes first. Deciding on A's hour-2 bar, an order on B must not
    // fill at B's hour-2 open (that price is from the past): it fills at B's hour-3 bar.
    const a = feed([[1, 10], [2, 11], [4, 12]]);
    const b = feed([[1, 100], [2, 200], [3, 300], [4, 400]]);
    const bt = new Backtest([a, b], { cash: 1000 });
    const seen: string[] = [];
    bt.run({
      onBar: (t) => {
        seen.push(`${bt.feed}@${t / H}`);
        if (bt.feed === 0 && t === 2n * H) bt.brokers[1]!.submit(ORDER_BUY, 1);
      },
    });
    expect(seen).toEqual(['0@1', '1@1', '0@2', '1@2', '1@3', '0@4', '1@4']);
    expect(bt.account.trades).toEqual([]);
    expect(bt.brokers[1]!.position).toBe(1);
    expect(bt.account.cash).toBe(1000 - 300);
    expect(bt.account.equity()).toBe(1000 - 300 + 400);
  });
});
