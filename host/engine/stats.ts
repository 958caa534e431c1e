/**
 * @module engine/stats
 * Summary statistics over the equity curve and trades; formulas in docs/SEMANTICS.md. Every
 * reduction runs in bar order so the same inputs give the same bits.
 */
import { NS_PER_DAY, type Bars } from '../model/bars.ts';
import type { Stats, Trade } from '../model/trade.ts';

const DAYS_PER_YEAR = 365.25;

export interface StatsInput {
  bars: Bars;
  equity: Float64Array;
  trades: readonly Trade[];
  barsInMarket: number;
  initialCash: number;
  commissions: number;
  rejectedOrders: number;
}

export function computeStats(x: StatsInput): Stats {
  const { bars, equity, trades } = x;
  const n = bars.length;
  const start = bars.time[0]!;
  const end = bars.time[n - 1]!;
  const durationDays = Number(end - start) / Number(NS_PER_DAY);
  const final = equity[n - 1]!;
  let peak = -Infinity;
  let maxDrawdown = 0;
  for (let i = 0; i < n; i++) {
    const e = equity[i]!;
    if (e > peak) peak = e;
    const dd = e / peak - 1;
    if (dd < maxDrawdown) maxDrawdown = dd;
  }
  // Daily returns from the last equity of each UTC day.
  const daily: number[] = [];
  let weekend = false;
  let prevDay = bars.time[0]! / NS_PER_DAY;
  let prevEquity = x.initialCash;
  let lastEquity = equity[0]!;
  for (let i = 0; i < n; i++) {
    const day = bars.time[i]! / NS_PER_DAY;
    const weekday = Number((day + 4n) % 7n); // 1970-01-01 was a Thursday (4)
    if (weekday === 0 || weekday === 6) weekend = true;
    if (day !== prevDay) {
      daily.push(lastEquity / prevEquity - 1);
      prevEquity = lastEquity;
      prevDay = day;
    }
    lastEquity = equity[i]!;
  }
  daily.push(lastEquity / prevEquity - 1);
  const periods = weekend ? 365 : 252;
  let mean = 0;
  for (const r of daily) mean += r;
  mean /= daily.length;
  let ss = 0;
  for (const r of daily) ss += (r - mean) * (r - mean);
  const std = daily.length > 1 ? Math.sqrt(ss / (daily.length - 1)) : NaN;
  const years = durationDays / DAYS_PER_YEAR;
  const wins = trades.reduce((k, t) => k + (t.pnl > 0 ? 1 : 0), 0);
  return {
    start,
    end,
    durationDays,
    bars: n,
    exposurePct: (x.barsInMarket / n) * 100,
    equityFinal: final,
    equityPeak: Math.max(peak, x.initialCash),
    returnPct: (final / x.initialCash - 1) * 100,
    buyHoldReturnPct: (bars.close[n - 1]! / bars.close[0]! - 1) * 100,
    cagrPct: years > 0 ? (Math.pow(final / x.initialCash, 1 / years) - 1) * 100 : NaN,
    volatilityAnnPct: std * Math.sqrt(periods) * 100,
    sharpe: std > 0 ? (mean / std) * Math.sqrt(periods) : NaN,
    maxDrawdownPct: maxDrawdown * 100,
    trades: trades.length,
    winRatePct: trades.length > 0 ? (wins / trades.length) * 100 : NaN,
    commissions: x.commissions,
    rejectedOrders: x.rejectedOrders,
  };
}
