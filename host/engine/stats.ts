/**
 * @module engine/stats
 * Summary statistics over the equity curve and trades: backtesting.py's full set, with its
 * formulas (docs/SEMANTICS.md lists each, and where we differ). Every reduction runs in bar or
 * trade order, so the same inputs give the same bits.
 */
import { NS_PER_DAY, type Bars } from '../model/bars.ts';
import type { Stats, Trade } from '../model/trade.ts';

const DAYS_PER_YEAR = 365.25;
const DAY = Number(NS_PER_DAY);

export interface StatsInput {
  bars: Bars;
  equity: Float64Array;
  trades: readonly Trade[];
  barsInMarket: number;
  initialCash: number;
  commissions: number;
  rejectedOrders: number;
  /** Annual risk-free rate as a fraction (backtesting.py's `risk_free_rate`). Default 0. */
  riskFreeRate?: number;
}

function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s;
}
const meanOf = (xs: ArrayLike<number>): number => (xs.length ? sum(xs) / xs.length : NaN);
/** Sample variance (ddof 1); NaN below two values. */
function variance(xs: ArrayLike<number>): number {
  if (xs.length < 2) return NaN;
  const m = meanOf(xs);
  let ss = 0;
  for (let i = 0; i < xs.length; i++) ss += (xs[i]! - m) ** 2;
  return ss / (xs.length - 1);
}
/** Geometric mean of (1 + r) − 1; NaN if any 1 + r <= 0 (as in backtesting.py). */
function geometricMeanReturn(rs: ArrayLike<number>): number {
  if (rs.length === 0) return 0;
  let logs = 0;
  for (let i = 0; i < rs.length; i++) {
    const g = 1 + rs[i]!;
    if (!(g > 0)) return NaN;
    logs += Math.log(g);
  }
  return Math.exp(logs / rs.length) - 1;
}

export function computeStats(x: StatsInput): Stats {
  const { bars, equity, trades } = x;
  const rf = x.riskFreeRate ?? 0;
  const n = bars.length;
  const start = bars.time[0]!;
  const end = bars.time[n - 1]!;
  const durationDays = Number(end - start) / DAY;
  const first = x.initialCash;
  const final = equity[n - 1]!;

  // Drawdown: dd = 1 − equity / running peak; periods run between bars where dd == 0 (and the last bar).
  let peak = -Infinity;
  let maxDd = 0;
  const dd = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = equity[i]!;
    if (e > peak) peak = e;
    dd[i] = 1 - e / peak;
    if (dd[i]! > maxDd) maxDd = dd[i]!;
  }
  const ddPeaks: number[] = [];
  const ddDays: number[] = [];
  let prevZero = -1;
  for (let i = 0; i < n; i++) {
    if (dd[i] !== 0 && i !== n - 1) continue;
    if (prevZero >= 0 && i > prevZero + 1) {
      let worst = 0;
      for (let j = prevZero; j <= i; j++) if (dd[j]! > worst) worst = dd[j]!;
      ddPeaks.push(worst);
      ddDays.push(Number(bars.time[i]! - bars.time[prevZero]!) / DAY);
    }
    prevZero = i;
  }

  // Daily returns from the last equity of each UTC day, as pandas' resample('D').last().pct_change().
  // Times are sorted, so a day changes only when a bar reaches the next midnight: one BigInt
  // comparison per bar, a division per day.
  const dayEquity: number[] = [];
  let weekend = false;
  let day = bars.time[0]! / NS_PER_DAY - (bars.time[0]! < 0n && bars.time[0]! % NS_PER_DAY !== 0n ? 1n : 0n);
  let nextMidnight = (day + 1n) * NS_PER_DAY;
  const isWeekend = (d: bigint) => { const w = Number((((d + 4n) % 7n) + 7n) % 7n); return w === 0 || w === 6; }; // 1970-01-01 was a Thursday
  if (isWeekend(day)) weekend = true;
  for (let i = 0; i < n; i++) {
    const t = bars.time[i]!;
    if (t >= nextMidnight) {
      dayEquity.push(equity[i - 1]!);
      day = t / NS_PER_DAY;
      nextMidnight = (day + 1n) * NS_PER_DAY;
      if (!weekend && isWeekend(day)) weekend = true;
    }
  }
  dayEquity.push(equity[n - 1]!);
  const dayReturns = dayEquity.slice(1).map((e, i) => e / dayEquity[i]! - 1);
  const A = weekend ? 365 : 252;
  const gmean = geometricMeanReturn(dayReturns);
  const annReturn = (1 + gmean) ** A - 1;
  const dayVar = dayReturns.length ? (dayReturns.length > 1 ? variance(dayReturns) : 0) : NaN;
  const annVol = Math.sqrt((dayVar + (1 + gmean) ** 2) ** A - (1 + gmean) ** (2 * A));
  const downside = Math.sqrt(meanOf(dayReturns.map((r) => Math.min(r, 0) ** 2))) * Math.sqrt(A);

  // Beta from log returns of equity and of the close, per bar (np.cov, ddof 1), in one pass of sums
  // around the first values (shifted sums keep the cancellation small).
  let beta = NaN;
  if (n > 2) {
    let se = 0, sm = 0, sem = 0, smm = 0;
    const e0 = Math.log(equity[1]! / equity[0]!), m0 = Math.log(bars.close[1]! / bars.close[0]!);
    for (let i = 1; i < n; i++) {
      const le = Math.log(equity[i]! / equity[i - 1]!) - e0;
      const lm = Math.log(bars.close[i]! / bars.close[i - 1]!) - m0;
      se += le;
      sm += lm;
      sem += le * lm;
      smm += lm * lm;
    }
    const k = n - 1;
    beta = (sem - (se * sm) / k) / (smm - (sm * sm) / k);
  }

  const returnPct = (final / first - 1) * 100;
  const buyHoldReturnPct = (bars.close[n - 1]! / bars.close[0]! - 1) * 100;
  const returns = trades.map((t) => t.returnPct / 100);
  const pnls = trades.map((t) => t.pnl);
  const tradeDays = trades.map((t) => Number(t.exitTime - t.entryTime) / DAY);
  const wins = pnls.filter((p) => p > 0);
  const losses = pnls.filter((p) => p < 0);
  const winRate = trades.length ? wins.length / trades.length : NaN;
  const gains = sum(returns.filter((r) => r > 0));
  const lossSum = -sum(returns.filter((r) => r < 0));
  const avgWin = meanOf(wins);
  const avgLoss = -meanOf(losses);
  const years = durationDays / DAYS_PER_YEAR;
  const maxDrawdownPct = -maxDd * 100;

  return {
    start,
    end,
    durationDays,
    bars: n,
    exposurePct: (x.barsInMarket / n) * 100,
    equityFinal: final,
    equityPeak: Math.max(peak, first),
    commissions: x.commissions,
    returnPct,
    buyHoldReturnPct,
    returnAnnPct: annReturn * 100,
    volatilityAnnPct: annVol * 100,
    cagrPct: years > 0 ? ((final / first) ** (1 / years) - 1) * 100 : NaN,
    sharpe: (annReturn - rf) / annVol,
    sortino: (annReturn - rf) / downside,
    calmar: maxDd > 0 ? annReturn / maxDd : NaN,
    alphaPct: returnPct - rf * 100 - beta * (buyHoldReturnPct - rf * 100),
    beta,
    maxDrawdownPct,
    avgDrawdownPct: ddPeaks.length ? -meanOf(ddPeaks) * 100 : NaN,
    maxDrawdownDays: ddDays.length ? Math.max(...ddDays) : NaN,
    avgDrawdownDays: ddDays.length ? meanOf(ddDays) : NaN,
    trades: trades.length,
    winRatePct: winRate * 100,
    bestTradePct: returns.length ? Math.max(...returns) * 100 : NaN,
    worstTradePct: returns.length ? Math.min(...returns) * 100 : NaN,
    avgTradePct: returns.length ? geometricMeanReturn(returns) * 100 : NaN,
    maxTradeDays: tradeDays.length ? Math.max(...tradeDays) : NaN,
    avgTradeDays: tradeDays.length ? meanOf(tradeDays) : NaN,
    profitFactor: lossSum > 0 ? gains / lossSum : NaN,
    expectancyPct: returns.length ? meanOf(returns) * 100 : NaN,
    sqn: pnls.length > 1 ? (Math.sqrt(pnls.length) * meanOf(pnls)) / Math.sqrt(variance(pnls)) : NaN,
    kelly: wins.length && losses.length ? winRate - (1 - winRate) / (avgWin / avgLoss) : NaN,
    rejectedOrders: x.rejectedOrders,
  };
}
