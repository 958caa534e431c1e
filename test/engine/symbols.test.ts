// Several symbols: the merge order, the shared account, and no look-ahead across symbols.
import { describe, expect, it } from 'vitest';
import { Backtest, mergeFeeds } from '../../host/engine/backtest.ts';
import { eventTimes, oneChunk, symbolRanks } from '../../host/engine/events.ts';
import { ORDER_BUY, ORDER_CLOSE, STATUS } from '../../host/engine/broker.ts';
import { loadData } from '../../host/data/load.ts';
import { isoTime, type Bars } from '../../host/model/bars.ts';
import { executeRun, loadStrategy, DEFAULT_CONFIG } from '../../host/index.ts';

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

  it('with symbol names, equal times go in name order (byte order), whatever the feed order', () => {
    const a = feed([[1, 10], [2, 11], [4, 12]]);
    const b = feed([[0, 20], [2, 21], [3, 22], [4, 23]]);
    // b is named "ORCL" and a "orcl": "O" (0x4f) < "o" (0x6f), so b's bars come first at hours 2 and 4.
    expect(Array.from(symbolRanks(['orcl', 'ORCL']))).toEqual([1, 0]);
    expect(Array.from(symbolRanks(['é', 'z', 'Z']))).toEqual([2, 1, 0]); // UTF-8 bytes: é is 0xc3 0xa9
    const m = mergeFeeds([a, b], undefined, symbolRanks(['orcl', 'ORCL']));
    expect(Array.from(m.feed)).toEqual([1, 0, 1, 0, 1, 1, 0]);
    expect(Array.from(m.bar)).toEqual([0, 0, 1, 1, 2, 3, 2]);
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

// Real daily files whose bars share timestamps (00:00 UTC): ORCL, GOOG and the 2006 index.
const FILES = { ORCL: 'test/data/orcl-1995-2014.txt', GOOG: 'data/GOOG.csv', IDX: 'test/data/2006-day-001.txt' } as const;
type Name = keyof typeof FILES;
const loaded = Promise.all((Object.keys(FILES) as Name[]).map(async (n) => [n, (await loadData(FILES[n])).bars] as const));

/**
 * Holds 10 units of ORCL and IDX (bought before the first bar), and trades GOOG by fraction of the
 * available equity — which values the other two symbols — every 5th GOOG bar of 2006: in at 50 %,
 * out 5 bars later. Decisions read only GOOG's own bars, so nothing but the engine can make the
 * order of the files matter. Returns GOOG's fills and the last equity at each instant.
 */
function tradeGoog(order: Name[], all: Map<Name, Bars>, edit?: (n: Name, b: Bars) => Bars) {
  const feeds = order.map((n) => (edit ? edit(n, all.get(n)!) : all.get(n)!));
  // Margin 0.5: available equity = 2 × equity − gross exposure, so the other symbols' prices count.
  const bt = new Backtest(feeds, { cash: 100_000, margin: 0.5 });
  order.forEach((n, i) => n !== 'GOOG' && bt.brokers[i]!.submit(ORDER_BUY, 10));
  const g = order.indexOf('GOOG');
  const fills: [number, number][] = [];
  const equityAt = new Map<bigint, number>();
  let n = 0;
  bt.run({
    onBar: (t) => {
      equityAt.set(t, bt.account.equity());
      if (bt.feed !== g || t < 1_136_073_600_000_000_000n /* 2006-01-01 */ || t >= 1_167_609_600_000_000_000n) return;
      if (++n % 5 === 0) bt.brokers[g]!.submit(n % 10 === 0 ? ORDER_CLOSE : ORDER_BUY, 0.5);
    },
    onOrder: (_id, status, price, units) => {
      if (status === STATUS.filled && units !== 10) fills.push([price, units]);
    },
  });
  const goog = bt.account.trades.filter((t) => t.symbol === g).map((t) => [isoTime(t.entryTime), t.size, t.entryPrice, t.exitPrice]);
  return { fills, goog, final: bt.account.equity(), equityAt, position: order.map((n, i) => [n, bt.brokers[i]!.position]) };
}

describe('no look-ahead across symbols', () => {
  it('every order of the --data files gives the same fills, trades and equity (3 real daily files, 6 orders)', async () => {
    const all = new Map<Name, Bars>(await loaded);
    const orders: Name[][] = [['ORCL', 'GOOG', 'IDX'], ['ORCL', 'IDX', 'GOOG'], ['GOOG', 'ORCL', 'IDX'], ['GOOG', 'IDX', 'ORCL'], ['IDX', 'ORCL', 'GOOG'], ['IDX', 'GOOG', 'ORCL']];
    const runs = orders.map((o) => tradeGoog(o, all));
    const first = runs[0]!;
    expect(first.goog.length).toBe(25);
    // The first GOOG entry of 2006: decided at the close of 2006-01-09 (GOOG's 5th bar of the year),
    // filled at the open of 2006-01-10, 464.42, sized on the prices known then: ORCL's and IDX's
    // closes of 01-09 — not their closes of 01-10, which come from bars that open with the fill.
    const close = (n: Name, iso: string) => { const b = all.get(n)!; for (let j = 0; j < b.length; j++) if (isoTime(b.time[j]!) === iso) return b.close[j]!; throw new Error(iso); };
    const cash = 100_000 - 10 * all.get('ORCL')!.open[0]! - 10 * all.get('IDX')!.open[0]!;
    const available = 2 * (cash + 10 * close('ORCL', '2006-01-09T00:00:00Z') + 10 * close('IDX', '2006-01-09T00:00:00Z')) - 10 * close('ORCL', '2006-01-09T00:00:00Z') - 10 * close('IDX', '2006-01-09T00:00:00Z');
    expect(first.goog[0]).toEqual(['2006-01-10T00:00:00Z', Math.floor((0.5 * available) / 464.42), 464.42, first.goog[0]![3]]);
    for (const r of runs.slice(1)) {
      expect(r.goog).toEqual(first.goog);
      expect(r.fills).toEqual(first.fills);
      // Equity sums the positions in file order: the same up to the last bits of a float sum.
      expect(r.final).toBeCloseTo(first.final, 8);
      expect([...r.equityAt.keys()]).toEqual([...first.equityAt.keys()]);
      for (const [t, e] of r.equityAt) expect(Math.abs(e - first.equityAt.get(t)!)).toBeLessThan(1e-8);
    }
  });

  it('symbols competing for cash at one instant (real asc strategy, fraction sizing): all 6 orders give the same fills, trades and equity, exactly', async () => {
    // Each symbol buys 45 % of equity on every 7th of its bars: on 2006-03-01 GOOG and IDX buy at the
    // same open, and the first to fill takes the cash the other would have had. Ties at an instant go
    // by symbol name (GOOG < IDX < ORCL), so the order of the --data files changes nothing.
    const strategy = await loadStrategy('test/fixtures/cash-race.ts');
    const data = new Map(await Promise.all((Object.keys(FILES) as Name[]).map(async (n) => [n, await loadData(FILES[n])] as const)));
    const orders: Name[][] = [['ORCL', 'GOOG', 'IDX'], ['ORCL', 'IDX', 'GOOG'], ['GOOG', 'ORCL', 'IDX'], ['GOOG', 'IDX', 'ORCL'], ['IDX', 'ORCL', 'GOOG'], ['IDX', 'GOOG', 'ORCL']];
    const runs = orders.map((order) => {
      const r = executeRun({ strategy, data: order.map((n) => ({ ...data.get(n)!, symbol: n })), config: DEFAULT_CONFIG }).result;
      // Per symbol name: the symbol index is the file's position, the one thing that may differ.
      const trades = r.trades.map((t) => ({ ...t, symbol: order[t.symbol] }));
      const fills = r.orders.map((o) => ({ ...o, symbol: order[o.symbol] }));
      return { trades, fills, final: r.stats.equityFinal, equity: Array.from(r.equity) };
    });
    const first = runs[0]!;
    expect(first.trades.length).toBe(1035);
    // The tester's instant: decided at the closes of 2006-02-28, GOOG's buy fills first at the open of
    // 03-01 (13 units at 368.56) and IDX's, sized on the cash left, gets zero units — in every order.
    const at = first.fills.filter((o) => isoTime(o.time) === '2006-02-28T00:00:00Z').map((o) => [o.symbol, o.status, o.reason, o.price, o.units]);
    expect(at).toEqual([['GOOG', STATUS.filled, '', 368.56, 13], ['IDX', STATUS.rejected, 'zero-units', 0, 0]]);
    expect(first.final).toBe(25286.53562899996);
    for (const r of runs.slice(1)) {
      expect(r.trades).toEqual(first.trades);
      expect(r.fills).toEqual(first.fills);
      expect(r.final).toBe(first.final);
      expect(r.equity).toEqual(first.equity);
    }
  });

  it('a fill does not depend on any price after it: another close at the fill instant changes nothing', async () => {
    const all = new Map<Name, Bars>(await loaded);
    const base = tradeGoog(['ORCL', 'GOOG', 'IDX'], all);
    // Change ORCL's and IDX's close (and high) on the day of every GOOG entry: those bars open with
    // the fill and close after it, so the fills must not move.
    const entries = new Set(base.goog.map((t) => t[0] as string));
    const edit = (n: Name, b: Bars): Bars => {
      if (n === 'GOOG') return b;
      const close = Float64Array.from(b.close), high = Float64Array.from(b.high);
      for (let j = 0; j < b.length; j++) if (entries.has(isoTime(b.time[j]!))) high[j] = close[j] = close[j]! * 3;
      return { ...b, close, high };
    };
    const changed = tradeGoog(['ORCL', 'GOOG', 'IDX'], all, edit);
    expect(changed.goog).toEqual(base.goog);
    expect(changed.fills).toEqual(base.fills);
  });
});

describe('mixed bar periods: a bar is known at its close', () => {
  const DAY = 86_400_000_000_000n, H12 = DAY / 2n;
  /** 12-hour bars (00:00 and 12:00 UTC) aggregated from real 5-minute bars. */
  function twelveHour(b: Bars): Bars {
    const rows: number[][] = [];
    const times: bigint[] = [];
    for (let j = 0; j < b.length; j++) {
      const t = (b.time[j]! / H12) * H12;
      const r = rows.at(-1);
      if (times.at(-1) === t && r) {
        r[1] = Math.max(r[1]!, b.high[j]!); r[2] = Math.min(r[2]!, b.low[j]!); r[3] = b.close[j]!; r[4]! += b.volume[j]!;
      } else {
        times.push(t);
        rows.push([b.open[j]!, b.high[j]!, b.low[j]!, b.close[j]!, b.volume[j]!]);
      }
    }
    const col = (i: number) => Float64Array.from(rows, (r) => r[i]!);
    return { length: rows.length, time: BigInt64Array.from(times), open: col(0), high: col(1), low: col(2), close: col(3), volume: col(4) };
  }
  const iso = (t: bigint) => isoTime(t);

  it("equity.csv's time column (eventTimes, rebuilt by verify) follows the run's name order where closes tie", async () => {
    const daily = (await loadData('test/data/2006-day-001.txt')).bars;
    const half = twelveHour((await loadData('test/data/2006-min-005.txt')).bars);
    // The daily bar of 00:00 and the 12-hour bar of 12:00 close together; named so the 12-hour one goes first.
    const symbols = ['DAY', 'ABC'];
    const bt = new Backtest([daily, half], { cash: 1e6, symbols });
    bt.run({ onBar: () => {} });
    const periods = [DAY, H12];
    expect(Array.from(eventTimes([daily, half].map(oneChunk), periods, symbolRanks(symbols)))).toEqual(Array.from(bt.times));
    // In file order the column differs: the ranks are needed to rebuild it.
    expect(Array.from(eventTimes([daily, half].map(oneChunk), periods))).not.toEqual(Array.from(bt.times));
  });

  it('daily + 12-hour + 5-minute feeds: each bar reaches the guest after its close, and orders fill at the first open after the decision', async () => {
    const daily = (await loadData('test/data/2006-day-001.txt')).bars;
    const minute = (await loadData('test/data/2006-min-005.txt')).bars;
    const half = twelveHour(minute);
    const bt = new Backtest([daily, half, minute], { cash: 1e6 });
    expect(bt.periods).toEqual([DAY, H12, 300_000_000_000n]); // inferred: the most common spacing
    const seen: [number, bigint][] = [];
    const fills: Record<number, string> = {};
    const placed: Record<number, string> = {};
    let late = 0;
    bt.run({
      onBar: (t) => {
        const f = bt.feed;
        // Nothing delivered before this bar may have closed after it: a daily bar follows its day's minutes.
        const end = t + bt.periods[f]!;
        for (const [g, u] of seen.slice(-50)) if (u + bt.periods[g]! > end && bt.periods[g]! <= bt.periods[f]!) late++;
        seen.push([f, t]);
        const id = bt.account.nextId;
        // On the daily bar of 2006-01-03: buy the 12-hour and the minute symbol.
        if (f === 0 && t === 1_136_246_400_000_000_000n) {
          bt.brokers[1]!.submit(ORDER_BUY, 1); placed[id] = 'half';
          bt.brokers[2]!.submit(ORDER_BUY, 1); placed[id + 1] = 'minute';
        }
        // On the 5-minute bar of 2006-01-05 10:00: buy the daily symbol.
        if (f === 2 && iso(t) === '2006-01-05T10:00:00Z') { bt.brokers[0]!.submit(ORDER_BUY, 1); placed[id] = 'daily'; }
      },
      onOrder: (id, status, price) => { if (status === STATUS.filled) fills[id] = `${placed[id]} ${price}`; },
    });
    expect(late).toBe(0);
    // The daily bar stamped 2006-01-03 00:00 closes at 01-04 00:00: it comes after every minute of 01-03.
    const at = seen.findIndex(([f, t]) => f === 0 && t === 1_136_246_400_000_000_000n);
    const minutesOf03 = seen.filter(([f, t]) => f === 2 && iso(t).startsWith('2006-01-03'));
    expect(minutesOf03.length).toBeGreaterThan(90);
    expect(seen.findIndex(([f, t]) => f === 2 && iso(t) === '2006-01-03T17:30:00Z')).toBeLessThan(at);
    expect(seen.findIndex(([f, t]) => f === 1 && iso(t) === '2006-01-03T00:00:00Z')).toBeLessThan(at);
    // The 12-hour bar of 01-03 12:00 closes at the same instant: equal closes go in file order.
    expect(seen.findIndex(([f, t]) => f === 1 && iso(t) === '2006-01-03T12:00:00Z')).toBe(at + 1);
    // Its orders fill at the first opens at or after 01-04 00:00: the 12-hour bar of 01-04 00:00 (not 01-03 12:00)
    // and the first minute of 01-04; the daily order placed at 01-05 10:00 fills at the open of 01-06.
    const open = (b: Bars, when: string) => { for (let j = 0; j < b.length; j++) if (iso(b.time[j]!) === when) return b.open[j]!; throw new Error(when); };
    const firstMinute04 = (() => { for (let j = 0; j < minute.length; j++) if (iso(minute.time[j]!).startsWith('2006-01-04')) return minute.open[j]!; return NaN; })();
    expect(Object.values(fills).sort()).toEqual([
      `daily ${open(daily, '2006-01-06T00:00:00Z')}`,
      `half ${open(half, '2006-01-04T00:00:00Z')}`,
      `minute ${firstMinute04}`,
    ].sort());
    expect(open(half, '2006-01-04T00:00:00Z')).not.toBe(open(half, '2006-01-03T12:00:00Z'));
  });
});
