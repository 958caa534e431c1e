/**
 * @module engine/stats
 * Summary statistics over the equity curve and trades: backtesting.py's full set, each meaning what
 * backtesting.py 0.6.6 computes (`compute_stats`); docs/SEMANTICS.md lists each formula and the few
 * places we differ, and test/golden/backtesting-py.test.ts pins backtesting.py's published values.
 * Every reduction runs in bar or trade order, so the same inputs give the same bits.
 */
import { NS_PER_DAY, type Bars } from '../model/bars.ts';
import type { Stats, Trade } from '../model/trade.ts';

const DAYS_PER_YEAR = 365.25;
const DAY = Number(NS_PER_DAY);

export interface StatsInput {
  bars: Bars;
  equity: Float64Array;
  trades: readonly Trade[];
  initialCash: number;
  rejectedOrders: number;
  /** Annual risk-free rate as a fraction (backtesting.py's `risk_free_rate`). Default 0. */
  riskFreeRate?: number;
  /** Periods per year for the annualised stats; inferred from the bar spacing when absent (`inferPeriods`). */
  periodsPerYear?: number;
  /**
   * The bar Buy & Hold starts at. backtesting.py starts it where its strategy's indicators are
   * first all ready; the engine cannot see a guest's indicators and starts at bar 0. Default 0.
   */
  buyHoldFromBar?: number;
}

/** Calendar buckets the equity is sampled in for the annualised stats (pandas' resample rules D, W, ME, YE). */
export type ReturnPeriod = 'day' | 'week' | 'month' | 'year';

export interface Periods {
  /** The bucket returns are taken over. */
  period: ReturnPeriod;
  /** A: how many such returns make a year. */
  perYear: number;
}

const PERIODS_PER_YEAR: Record<ReturnPeriod, number> = { day: 252, week: 52, month: 12, year: 1 };

/** Days since 1970-01-01 of a UTC time (floor, also before 1970). */
function dayNumber(t: bigint): bigint {
  const d = t / NS_PER_DAY;
  return t < 0n && d * NS_PER_DAY !== t ? d - 1n : d;
}

/** Sunday = 0 … Saturday = 6 (1970-01-01 was a Thursday). */
const weekday = (day: bigint): number => Number((((day + 4n) % 7n) + 7n) % 7n);

/** Proleptic Gregorian year and month (0-based) of a day number (Hinnant's civil_from_days). */
function civil(day: bigint): { year: number; month: number } {
  const z = Number(day) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 2 : mp - 10;
  return { year: yoe + era * 400 + (month < 2 ? 1 : 0), month };
}

/** The bucket a UTC day falls in: Monday-to-Sunday weeks, calendar months and years. */
function bucketOf(day: bigint, period: ReturnPeriod): number {
  if (period === 'day') return Number(day);
  if (period === 'week') return Math.floor((Number(day) + 3) / 7); // 1969-12-29 was a Monday
  const { year, month } = civil(day);
  return period === 'month' ? year * 12 + month : year;
}

/**
 * backtesting.py's inference (`compute_stats`, `_data_period`): the bar period is the median
 * spacing of the last 100 bar times, in whole days; 7 days → weekly returns, 52 a year; 31 →
 * monthly, 12; 365 → yearly, 1; anything else → daily returns, 365 a year when more than
 * 0.6 × 2/7 of the bars fall on a Saturday or Sunday (UTC), else 252. Where backtesting.py would
 * fall back to daily for monthly or yearly bars we do not: 28–30 days count as monthly and 366 as
 * yearly. Equal times (several symbols' bars at one instant) count once.
 */
export function inferPeriods(time: ArrayLike<bigint>): Periods {
  return periodsOf(time, scanDays(time));
}

/** One pass over the bar times: distinct times, those on a weekend, and where each UTC day starts. */
interface DayScan {
  distinct: number;
  weekendBars: number;
  /** Index of the first bar of each day, and that day's number. */
  starts: number[];
  days: bigint[];
}

function scanDays(time: ArrayLike<bigint>): DayScan {
  const scan: DayScan = { distinct: 0, weekendBars: 0, starts: [], days: [] };
  // One BigInt comparison per bar; a division only when a bar reaches the next midnight.
  let nextMidnight = -1n << 63n;
  let weekend = false;
  let prev = 0n;
  for (let i = 0; i < time.length; i++) {
    const t = time[i]!; // one read per bar: each read of a BigInt64Array makes a BigInt
    if (i > 0 && t === prev) continue;
    prev = t;
    scan.distinct++;
    if (t >= nextMidnight) {
      const day = dayNumber(t);
      nextMidnight = (day + 1n) * NS_PER_DAY;
      const w = weekday(day);
      weekend = w === 0 || w === 6;
      scan.starts.push(i);
      scan.days.push(day);
    }
    if (weekend) scan.weekendBars++;
  }
  return scan;
}

function periodsOf(time: ArrayLike<bigint>, scan: DayScan): Periods {
  const gaps: bigint[] = [];
  for (let i = time.length - 1, kept = 1; i > 0 && kept < 100; i--) {
    if (time[i] === time[i - 1]) continue;
    gaps.push(time[i]! - time[i - 1]!);
    kept++;
  }
  gaps.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const m = gaps.length;
  // pandas' median: the middle value, or the mean of the two middle values.
  const median = m === 0 ? 0n : m % 2 ? gaps[(m - 1) / 2]! : (gaps[m / 2 - 1]! + gaps[m / 2]!) / 2n;
  const days = Number(median / NS_PER_DAY);
  const period: ReturnPeriod = days === 7 ? 'week' : days >= 28 && days <= 31 ? 'month' : days === 365 || days === 366 ? 'year' : 'day';
  const weekends = scan.distinct > 0 && scan.weekendBars / scan.distinct > (2 / 7) * 0.6;
  return { period, perYear: period === 'day' && weekends ? 365 : PERIODS_PER_YEAR[period] };
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
/** backtesting.py's `geometric_mean`: of (1 + r) − 1; 0 if any 1 + r <= 0; NaN for no returns. */
function geometricMeanReturn(rs: ArrayLike<number>): number {
  if (rs.length === 0) return NaN;
  let logs = 0;
  for (let i = 0; i < rs.length; i++) {
    const g = 1 + rs[i]!;
    if (!(g > 0)) return 0;
    logs += Math.log(g);
  }
  return Math.exp(logs / rs.length) - 1;
}

/**
 * backtesting.py's Exposure Time: the share of bars from some closed trade's entry bar to its exit
 * bar, both included. Bars are matched by time, so with several symbols a bar of the merged
 * timeline counts when any trade spans its time. Times are non-decreasing: the trades' spans are
 * merged, and each counted by binary search (no pass over every bar).
 */
function exposedBars(time: ArrayLike<bigint>, trades: readonly Trade[]): number {
  const spans = trades.map((t) => [t.entryTime, t.exitTime] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  /** The first index whose time is > t (or >= t when `strict` is false). */
  const bound = (t: bigint, strict: boolean): number => {
    let lo = 0, hi = time.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const v = time[mid]!;
      if (strict ? v <= t : v < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let count = 0;
  for (let s = 0; s < spans.length; ) {
    const from = spans[s]![0];
    let to = spans[s]![1];
    for (s++; s < spans.length && spans[s]![0] <= to; s++) if (spans[s]![1] > to) to = spans[s]![1];
    count += bound(to, true) - bound(from, false);
  }
  return count;
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

  // Returns over calendar buckets (days, weeks, months or years), from the last equity of each,
  // as pandas' resample(freq).last().dropna().pct_change().dropna(); walked day by day.
  const scan = scanDays(bars.time);
  const inferred = periodsOf(bars.time, scan);
  const A = x.periodsPerYear ?? inferred.perYear;
  const periodEquity: number[] = [];
  let bucket = NaN;
  for (let d = 0; d < scan.days.length; d++) {
    const b = bucketOf(scan.days[d]!, inferred.period);
    if (b === bucket) continue;
    if (d > 0) periodEquity.push(equity[scan.starts[d]! - 1]!);
    bucket = b;
  }
  periodEquity.push(equity[n - 1]!);
  const periodReturns = periodEquity.slice(1).map((e, i) => e / periodEquity[i]! - 1);
  const gmean = geometricMeanReturn(periodReturns);
  const annReturn = (1 + gmean) ** A - 1;
  const annVol = Math.sqrt((variance(periodReturns) + (1 + gmean) ** 2) ** A - (1 + gmean) ** (2 * A));
  const downside = Math.sqrt(meanOf(periodReturns.map((r) => Math.min(r, 0) ** 2))) * Math.sqrt(A);

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
  const from = x.buyHoldFromBar ?? 0;
  const buyHoldReturnPct = (bars.close[n - 1]! / bars.close[from]! - 1) * 100;
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
    exposurePct: (exposedBars(bars.time, trades) / n) * 100,
    equityFinal: final,
    equityPeak: Math.max(peak, first),
    commissions: sum(trades.map((t) => t.commission)),
    returnPct,
    buyHoldReturnPct,
    returnAnnPct: annReturn * 100,
    volatilityAnnPct: annVol * 100,
    cagrPct: years > 0 ? ((final / first) ** (1 / years) - 1) * 100 : NaN,
    sharpe: annVol !== 0 ? (annReturn - rf) / annVol : NaN,
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
    sqn: pnls.length > 1 && variance(pnls) > 0 ? (Math.sqrt(pnls.length) * meanOf(pnls)) / Math.sqrt(variance(pnls)) : NaN,
    kelly: wins.length && losses.length ? winRate - (1 - winRate) / (avgWin / avgLoss) : NaN,
    rejectedOrders: x.rejectedOrders,
    periodsPerYear: A,
  };
}
