// The statistics at the scale of a 10M-bar run and beyond: 12,000,000 bars of equity and 1,000,000
// trades, built here as columns (no backtest), on this thread. Before issue 11 the stats spread the
// per-trade arrays into Math.max(...) and died with "Maximum call stack size exceeded" past ~125k
// trades on a main thread. Each expected value below is worked out from how the data is built.
import { describe, expect, it } from 'vitest';
import { TIME_HI, TIME_LO, timeWords, type Bars } from '../../host/model/bars.ts';
import { TradeLog } from '../../host/model/trade.ts';
import { computeStats } from '../../host/engine/stats.ts';

const BARS = 12_000_000;
const TRADES = 1_000_000;
const MINUTE = 60_000_000_000;
const DAY = 86_400_000_000_000;
const START = 1_578_268_800_000_000_000n; // 2020-01-06T00:00:00Z, a Monday

describe('stats over 12M bars and 1M trades', () => {
  it('completes on this thread and gives the values the data was built to give', () => {
    const time = new BigInt64Array(BARS);
    const w = timeWords(time);
    // Minute bars: time i = START + i minutes, written as words: a minute is 13 · 2^32 + 4,165,425,152 ns.
    let hi = Number(START >> 32n), lo = Number(START & 0xffff_ffffn);
    for (let i = 0; i < BARS; i++) {
      w[2 * i + TIME_LO] = lo;
      w[2 * i + TIME_HI] = hi;
      hi += 13;
      lo += 4_165_425_152;
      if (lo >= 4_294_967_296) {
        lo -= 4_294_967_296;
        hi++;
      }
    }
    expect(time[BARS - 1]).toBe(START + BigInt(BARS - 1) * 60_000_000_000n);
    const close = new Float64Array(BARS).fill(100); // flat: Buy & Hold 0, no market variance
    const bars: Bars = { length: BARS, time, open: close, high: close, low: close, close, volume: close };
    // Equity in blocks of 1000 bars: block b opens at a new peak 1e6 + b, then dips j below it at bar j.
    const equity = new Float64Array(BARS);
    for (let i = 0; i < BARS; i++) {
      const b = Math.floor(i / 1000), j = i % 1000;
      equity[i] = 1_000_000 + b - j;
    }
    // Trade k spans bars 12k..12k+5 (disjoint), returns (k mod 1000) − 500 % (pnl the same), 0.5 commission;
    // the last trade is the best (+777 %) and the longest (bars 11,999,988..11,999,999).
    const trades = new TradeLog();
    for (let k = 0; k < TRADES; k++) {
      const r = k === TRADES - 1 ? 777 : (k % 1000) - 500;
      const from = 12 * k, to = k === TRADES - 1 ? BARS - 1 : 12 * k + 5;
      const t = trades.add();
      trades.symbol[t] = 0;
      trades.entryBar[t] = from;
      trades.exitBar[t] = to;
      trades.entryTime[t] = time[from]!;
      trades.exitTime[t] = time[to]!;
      trades.size[t] = 1;
      trades.entryPrice[t] = 100;
      trades.exitPrice[t] = 100 + r;
      trades.pnl[t] = r;
      trades.returnPct[t] = r;
      trades.commission[t] = 0.5;
    }
    const s = computeStats({ bars, equity, trades, initialCash: 1_000_000, rejectedOrders: 7 });

    expect(s.bars).toBe(BARS);
    expect(s.trades).toBe(TRADES);
    expect(s.durationDays).toBe(((BARS - 1) * MINUTE) / DAY);
    expect(s.equityFinal).toBe(1_000_000 + 11_999 - 999);
    expect(s.equityPeak).toBe(1_000_000 + 11_999);
    // The deepest dip is the first block's: 999 below a peak of 1e6.
    expect(s.maxDrawdownPct).toBe(-(1 - 999_001 / 1_000_000) * 100);
    // 12,000 drawdown periods: 11,999 of 1000 minutes (zero to zero), the last of 999 (to the last bar).
    expect(s.maxDrawdownDays).toBe((1000 * MINUTE) / DAY);
    expect(s.buyHoldReturnPct).toBe(0);
    expect(s.beta).toBeNaN(); // no variance in the market's returns
    // 6 bars per trade, 12 for the last.
    expect(s.exposurePct).toBe(((6 * (TRADES - 1) + 12) / BARS) * 100);
    expect(s.bestTradePct).toBe((777 / 100) * 100);
    expect(s.worstTradePct).toBe((-500 / 100) * 100);
    expect(s.maxTradeDays).toBe((11 * MINUTE) / DAY);
    expect(s.commissions).toBe(TRADES * 0.5);
    // Returns 1..499 win in each 1000 (and the last, 777, in place of 499): 499 per 1000.
    expect(s.winRatePct).toBe((499_000 / TRADES) * 100);
    expect(s.rejectedOrders).toBe(7);
    expect(s.periodsPerYear).toBe(365); // minute bars every day of the week
  });
});
