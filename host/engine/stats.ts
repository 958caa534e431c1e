/**
 * @module engine/stats
 * Summary statistics over the equity curve and trades: backtesting.py's full set, each meaning what
 * backtesting.py 0.6.6 computes (`compute_stats`); docs/SEMANTICS.md lists each formula and the few
 * places we differ, and test/golden/backtesting-py.test.ts pins backtesting.py's published values.
 * Every reduction runs in bar or trade order, so the same inputs give the same bits.
 */
import { dayOfWords, NS_PER_DAY, TIME_HI, TIME_LO, timeWords, type Bars } from '../model/bars.ts';
import { TradeLog, type Stats, type Trade } from '../model/trade.ts';
import { TimeColumn } from './timeline.ts';

const DAYS_PER_YEAR = 365.25;
const DAY = Number(NS_PER_DAY);

export interface StatsInput {
  /** The bar times unless `timeline` is given; `close` (the benchmark's close at each bar) unless `benchmark` is. */
  bars: Pick<Bars, 'length'> & { time?: BigInt64Array; close?: ArrayLike<number> };
  /** The bar times in order, as the engine keeps them (engine/timeline), in place of bars.time. */
  timeline?: TimeColumn;
  equity: Float64Array;
  /** The benchmark's sums kept as the bars went (BenchmarkSums), in place of a close per bar. */
  benchmark?: BenchmarkSums;
  /** The closed trades: the engine's columns, or objects (copied into columns). */
  trades: readonly Trade[] | TradeLog;
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

/** Sunday = 0 … Saturday = 6 of a day number (1970-01-01 was a Thursday). */
const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** Proleptic Gregorian year × 12 + month (0-based) of a day number (Hinnant's civil_from_days). */
function civilMonth(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 2 : mp - 10;
  return (yoe + era * 400 + (month < 2 ? 1 : 0)) * 12 + month;
}

/** The bucket a UTC day falls in: Monday-to-Sunday weeks, calendar months and years. */
function bucketOf(day: number, period: ReturnPeriod): number {
  if (period === 'day') return day;
  if (period === 'week') return Math.floor((day + 3) / 7); // 1969-12-29 was a Monday
  const m = civilMonth(day);
  return period === 'month' ? m : Math.floor(m / 12);
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
  const period = periodOf(time);
  return { period, perYear: perYearOf(period, scanDays(TimeColumn.of(asTimes(time)), period, null)) };
}

const asTimes = (time: ArrayLike<bigint>): BigInt64Array => (time instanceof BigInt64Array ? time : BigInt64Array.from(Array.from(time)));

/** One pass over the bar times: distinct times, those on a weekend, and the equity at each bucket's end. */
interface DayScan {
  distinct: number;
  weekendBars: number;
  /** The equity at the last bar of each return period (when an equity curve was given). */
  periodEquity: number[];
}

/**
 * Reads the times in order as int32 words (engine/timeline): no BigInt, and this runs over every
 * bar. A new UTC day starts at a bar whose day number is past the current one's (times are in
 * order); a new return period at a day in another bucket.
 */
function scanDays(times: TimeColumn, period: ReturnPeriod, equity: ArrayLike<number> | null): DayScan {
  const scan: DayScan = { distinct: 0, weekendBars: 0, periodEquity: [] };
  const r = times.reader();
  const n = times.length;
  // A day is 2^16 · 1,318,359,375 ns: a time reaches the next midnight when floor(time / 2^16), an exact
  // double from its words, reaches (day + 1) · 1,318,359,375; the day number is divided out only then.
  let nextMidnight = -Infinity;
  let bucket = NaN;
  let weekend = false;
  let prevHi = 0, prevLo = 0;
  let distinct = 0, weekendBars = 0;
  for (let i = 0; i < n; i++) {
    r.next();
    const hi = r.hi, lo = r.lo;
    if (i > 0 && hi === prevHi && lo === prevLo) continue;
    prevHi = hi;
    prevLo = lo;
    distinct++;
    if (hi * 65536 + (lo >>> 16) >= nextMidnight) {
      const d = dayOfWords(hi, lo);
      nextMidnight = (d + 1) * 1_318_359_375;
      const wd = weekday(d);
      weekend = wd === 0 || wd === 6;
      if (equity) {
        const b = bucketOf(d, period);
        if (b !== bucket) {
          if (i > 0) scan.periodEquity.push(equity[i - 1]!);
          bucket = b;
        }
      }
    }
    if (weekend) weekendBars++;
  }
  if (equity && n > 0) scan.periodEquity.push(equity[n - 1]!);
  scan.distinct = distinct;
  scan.weekendBars = weekendBars;
  return scan;
}

/** The return period from the median spacing of the last 100 distinct bar times. */
function periodOf(time: ArrayLike<bigint>): ReturnPeriod {
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
  return days === 7 ? 'week' : days >= 28 && days <= 31 ? 'month' : days === 365 || days === 366 ? 'year' : 'day';
}

function perYearOf(period: ReturnPeriod, scan: DayScan): number {
  const weekends = scan.distinct > 0 && scan.weekendBars / scan.distinct > (2 / 7) * 0.6;
  return period === 'day' && weekends ? 365 : PERIODS_PER_YEAR[period];
}

const wordsScratch = new BigInt64Array(1);
/** The time of words hi and lo as a BigInt. */
function timeOfWords(hi: number, lo: number): bigint {
  const w = timeWords(wordsScratch);
  w[TIME_HI] = hi;
  w[TIME_LO] = lo;
  return wordsScratch[0]!;
}

/** Number(b − a) of two times given as words: exact, as one rounding of the exact difference. */
const wordsDiff = (bHi: number, bLo: number, aHi: number, aLo: number): number => (bHi - aHi) * 4_294_967_296 + ((bLo >>> 0) - (aLo >>> 0));

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

/** Whether time (aHi, aLo) is before (bHi, bLo), as int64s given by words. */
const before = (aHi: number, aLo: number, bHi: number, bLo: number): boolean => aHi < bHi || (aHi === bHi && aLo >>> 0 < bLo >>> 0);

/**
 * backtesting.py's Exposure Time: the share of bars from some closed trade's entry bar to its exit
 * bar, both included. Bars are matched by time, so with several symbols a bar of the merged
 * timeline counts when any trade spans its time. Times are non-decreasing: the trades' spans, in
 * order of entry, are merged into disjoint spans, met in order by one pass over the bars (nothing
 * allocated per trade unless the entries are out of order).
 */
function exposedBars(times: TimeColumn, trades: TradeLog): number {
  const ew = trades.entryWords, xw = trades.exitWords;
  const m = trades.length;
  // One symbol's trades are in entry order; several symbols' may not be: then an index sorted by entry.
  let sorted = true;
  for (let k = 1; k < m && sorted; k++) sorted = !before(ew[2 * k + TIME_HI]!, ew[2 * k + TIME_LO]!, ew[2 * k - 2 + TIME_HI]!, ew[2 * k - 2 + TIME_LO]!);
  let order: Uint32Array | null = null;
  if (!sorted) {
    order = new Uint32Array(m);
    for (let k = 0; k < m; k++) order[k] = k;
    order.sort((a, b) => (before(ew[2 * a + TIME_HI]!, ew[2 * a + TIME_LO]!, ew[2 * b + TIME_HI]!, ew[2 * b + TIME_LO]!) ? -1 : before(ew[2 * b + TIME_HI]!, ew[2 * b + TIME_LO]!, ew[2 * a + TIME_HI]!, ew[2 * a + TIME_LO]!) ? 1 : 0));
  }
  // The current merged span [from, to] (words), and the next trade to merge: a span ends before an entry after its end.
  let s = 0;
  let fromHi = 0, fromLo = 0, toHi = 0, toLo = 0;
  const nextSpan = (): boolean => {
    if (s >= m) return false;
    let k = order ? order[s]! : s;
    fromHi = ew[2 * k + TIME_HI]!;
    fromLo = ew[2 * k + TIME_LO]!;
    toHi = xw[2 * k + TIME_HI]!;
    toLo = xw[2 * k + TIME_LO]!;
    for (s++; s < m; s++) {
      k = order ? order[s]! : s;
      if (before(toHi, toLo, ew[2 * k + TIME_HI]!, ew[2 * k + TIME_LO]!)) break;
      if (before(toHi, toLo, xw[2 * k + TIME_HI]!, xw[2 * k + TIME_LO]!)) {
        toHi = xw[2 * k + TIME_HI]!;
        toLo = xw[2 * k + TIME_LO]!;
      }
    }
    return true;
  };
  let count = 0;
  let open = nextSpan();
  const r = times.reader();
  for (let i = 0; i < times.length && open; i++) {
    r.next();
    const hi = r.hi, lo = r.lo;
    while (open && before(toHi, toLo, hi, lo)) open = nextSpan();
    if (open && !before(hi, lo, fromHi, fromLo)) count++;
  }
  return count;
}

/** Slots of BenchmarkSums.sums; the caller writes the benchmark's close at a bar into sums[BENCHMARK_CLOSE] before adding it. */
export const BENCHMARK_CLOSE = 0;
const CLOSE = BENCHMARK_CLOSE, FIRST = 1, PREV = 2, E0 = 3, M0 = 4, SE = 5, SM = 6, SEM = 7, SMM = 8, EPREV = 9;

/**
 * What the statistics need of the benchmark's close, summed bar by bar as the engine goes, so no
 * close is kept per bar (80 MB at 10M bars): its first and latest close (Buy & Hold) and Beta's
 * sums. Beta is from log returns of equity and of the close, per bar (np.cov, ddof 1), as sums
 * around the first returns (shifted sums keep the cancellation small); a ratio of exactly 1 (flat
 * equity, an unchanged close) has log 0, no Math.log call. The same operations in the same order
 * as one pass over columns: the same bits. The doubles live in a Float64Array (a double field
 * written every bar would be boxed).
 */
export class BenchmarkSums {
  readonly sums = new Float64Array(10);

  /** `firstClose`: the close before the benchmark has a bar of its own (its first close). */
  constructor(firstClose: number) {
    this.sums[CLOSE] = firstClose;
    this.sums[FIRST] = firstClose;
  }

  /** Bar `i` (0, 1, 2, … in turn): its equity is equity[at], its close sums[BENCHMARK_CLOSE] (the latest written). */
  add(equity: ArrayLike<number>, at: number, i: number): void {
    const s = this.sums;
    const c = s[CLOSE]!;
    const e = equity[at]!;
    if (i > 0) {
      if (i === 1) {
        s[E0] = Math.log(e / s[EPREV]!);
        s[M0] = Math.log(c / s[PREV]!);
      }
      const re = e / s[EPREV]!, rm = c / s[PREV]!;
      const le = (re === 1 ? 0 : Math.log(re)) - s[E0]!;
      const lm = (rm === 1 ? 0 : Math.log(rm)) - s[M0]!;
      s[SE] = s[SE]! + le;
      s[SM] = s[SM]! + lm;
      s[SEM] = s[SEM]! + le * lm;
      s[SMM] = s[SMM]! + lm * lm;
    }
    s[PREV] = c;
    s[EPREV] = e;
  }

  /** Beta over `n` bars added; NaN below three. */
  beta(n: number): number {
    if (n <= 2) return NaN;
    const s = this.sums;
    const k = n - 1;
    return (s[SEM]! - (s[SE]! * s[SM]!) / k) / (s[SMM]! - (s[SM]! * s[SM]!) / k);
  }
}

/**
 * The drawdown pass: dd = 1 − equity / running peak; periods run between bars where dd == 0 (and the
 * last bar), each with its deepest dd (the running max since the period began) and its length in days.
 * (computeStats' passes are functions of their own: V8 optimises each apart, where one function holding
 * them all took ~170 ms to optimise, again on every guest thread and after every deoptimisation.)
 */
function drawdownsOf(times: TimeColumn, equity: Float64Array, n: number): { peak: number; maxDd: number; periods: number; peakSum: number; daySum: number; dayMax: number } {
  let peak = -Infinity;
  let maxDd = 0;
  let ddPeriods = 0, ddPeakSum = 0, ddDaySum = 0, ddDayMax = -Infinity;
  let prevZero = -1, zeroHi = 0, zeroLo = 0;
  let worst = 0;
  const r = times.reader();
  // The equity read a block at a time through a plain array: V8 boxes each double read from the
  // engine's column (a resizable buffer's array), not from a copy of it.
  const part = new Float64Array(Math.min(n, 1 << 16));
  for (let i = 0; i < n; i++) {
    r.next();
    const j = i % part.length;
    if (j === 0) part.set(equity.subarray(i, Math.min(n, i + part.length)));
    const e = part[j]!;
    if (e > peak) peak = e;
    const dd = 1 - e / peak;
    if (dd > maxDd) maxDd = dd;
    if (dd > worst) worst = dd;
    if (dd !== 0 && i !== n - 1) continue;
    if (prevZero >= 0 && i > prevZero + 1) {
      const days = wordsDiff(r.hi, r.lo, zeroHi, zeroLo) / DAY;
      ddPeriods++;
      ddPeakSum += worst;
      ddDaySum += days;
      ddDayMax = Math.max(ddDayMax, days);
    }
    prevZero = i;
    zeroHi = r.hi;
    zeroLo = r.lo;
    worst = 0;
  }

  return { peak, maxDd, periods: ddPeriods, peakSum: ddPeakSum, daySum: ddDaySum, dayMax: ddDayMax };
}

/** Per trade, in trade order (each sum adds in the order the trades closed): r = returnPct / 100. */
function tradeSumsOf(trades: TradeLog) {
  const m = trades.length;
  const rp = trades.returnPct, pnl = trades.pnl, fee = trades.commission;
  const ew = trades.entryWords, xw = trades.exitWords;
  let wins = 0, winSum = 0, losses = 0, lossPnlSum = 0, gains = 0, lossSum = 0;
  let best = -Infinity, worstTrade = Infinity, rSum = 0, pnlSum = 0, commissions = 0;
  let dayMax = -Infinity, daySum = 0;
  let logs = 0, ruined = false;
  for (let k = 0; k < m; k++) {
    const r = rp[k]! / 100;
    const p = pnl[k]!;
    if (p > 0) {
      wins++;
      winSum += p;
    } else if (p < 0) {
      losses++;
      lossPnlSum += p;
    }
    if (r > 0) gains += r;
    else if (r < 0) lossSum += r;
    best = Math.max(best, r);
    worstTrade = Math.min(worstTrade, r);
    rSum += r;
    pnlSum += p;
    commissions += fee[k]!;
    const days = wordsDiff(xw[2 * k + TIME_HI]!, xw[2 * k + TIME_LO]!, ew[2 * k + TIME_HI]!, ew[2 * k + TIME_LO]!) / DAY;
    dayMax = Math.max(dayMax, days);
    daySum += days;
    // backtesting.py's geometric_mean: 0 once any 1 + r <= 0.
    if (!ruined) {
      const g = 1 + r;
      if (g > 0) logs += Math.log(g);
      else ruined = true;
    }
  }
  const pnlMean = m ? pnlSum / m : NaN;
  let pnlVar = NaN;
  if (m >= 2) {
    let ss = 0;
    for (let k = 0; k < m; k++) ss += (pnl[k]! - pnlMean) ** 2;
    pnlVar = ss / (m - 1);
  }
  return { wins, winSum, losses, lossPnlSum, gains, lossSum, best, worstTrade, rSum, commissions, dayMax, daySum, logs, ruined, pnlMean, pnlVar };
}

export function computeStats(x: StatsInput): Stats {
  const { bars, equity } = x;
  const trades = x.trades instanceof TradeLog ? x.trades : TradeLog.from(x.trades);
  const rf = x.riskFreeRate ?? 0;
  const n = bars.length;
  const times = x.timeline ?? TimeColumn.of(bars.time!);
  const start = n > 0 ? timeOfWords(times.firstHi, times.firstLo) : (undefined as unknown as bigint);
  const end = n > 0 ? timeOfWords(times.last[TIME_HI]!, times.last[TIME_LO]!) : (undefined as unknown as bigint);
  const durationDays = Number(end - start) / DAY;
  const first = x.initialCash;
  const final = equity[n - 1]!;

  const dd = drawdownsOf(times, equity, n);
  const { peak, maxDd } = dd;

  // Returns over calendar buckets (days, weeks, months or years), from the last equity of each,
  // as pandas' resample(freq).last().dropna().pct_change().dropna(); walked day by day.
  const period = periodOf(times.lastDistinct());
  const scan = scanDays(times, period, equity);
  const A = x.periodsPerYear ?? perYearOf(period, scan);
  const periodEquity = scan.periodEquity;
  // (in a Float64Array: an array of numbers is of small integers or of doubles by the run, and code
  // optimised for one kind was thrown away at the other)
  const periodReturns = new Float64Array(Math.max(0, periodEquity.length - 1));
  for (let i = 0; i < periodReturns.length; i++) periodReturns[i] = periodEquity[i + 1]! / periodEquity[i]! - 1;
  const gmean = geometricMeanReturn(periodReturns);
  const annReturn = (1 + gmean) ** A - 1;
  const annVol = Math.sqrt((variance(periodReturns) + (1 + gmean) ** 2) ** A - (1 + gmean) ** (2 * A));
  const downside = Math.sqrt(meanOf(periodReturns.map((r) => Math.min(r, 0) ** 2))) * Math.sqrt(A);

  // Beta and Buy & Hold from the benchmark's close: summed as the bars went (the engine), or here.
  let bench = x.benchmark;
  if (!bench) {
    const close = bars.close!;
    bench = new BenchmarkSums(close[0]!);
    for (let i = 0; i < n; i++) {
      bench.sums[CLOSE] = close[i]!;
      bench.add(equity, i, i);
    }
  }
  const beta = bench.beta(n);
  const returnPct = (final / first - 1) * 100;
  const from = x.buyHoldFromBar ?? 0;
  // The latest close is the last bar's; a later start than bar 0 needs the closes.
  const buyHoldReturnPct = (bench.sums[CLOSE]! / (from === 0 ? bench.sums[FIRST]! : bars.close![from]!) - 1) * 100;

  const m = trades.length;
  const { wins, winSum, losses, lossPnlSum, gains, lossSum, best, worstTrade, rSum, commissions, dayMax, daySum, logs, ruined, pnlMean, pnlVar } = tradeSumsOf(trades);
  const winRate = m ? wins / m : NaN;
  const avgWin = wins ? winSum / wins : NaN;
  const avgLoss = -(losses ? lossPnlSum / losses : NaN);
  const lossTotal = -lossSum;
  const years = durationDays / DAYS_PER_YEAR;
  const maxDrawdownPct = -maxDd * 100;

  return {
    start,
    end,
    durationDays,
    bars: n,
    exposurePct: (exposedBars(times, trades) / n) * 100,
    equityFinal: final,
    equityPeak: Math.max(peak, first),
    commissions,
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
    avgDrawdownPct: dd.periods ? -(dd.peakSum / dd.periods) * 100 : NaN,
    maxDrawdownDays: dd.periods ? dd.dayMax : NaN,
    avgDrawdownDays: dd.periods ? dd.daySum / dd.periods : NaN,
    trades: m,
    winRatePct: winRate * 100,
    bestTradePct: m ? best * 100 : NaN,
    worstTradePct: m ? worstTrade * 100 : NaN,
    avgTradePct: m ? (ruined ? 0 : Math.exp(logs / m) - 1) * 100 : NaN,
    maxTradeDays: m ? dayMax : NaN,
    avgTradeDays: m ? daySum / m : NaN,
    profitFactor: lossTotal > 0 ? gains / lossTotal : NaN,
    expectancyPct: m ? (rSum / m) * 100 : NaN,
    sqn: m > 1 && pnlVar > 0 ? (Math.sqrt(m) * pnlMean) / Math.sqrt(pnlVar) : NaN,
    kelly: wins && losses ? winRate - (1 - winRate) / (avgWin / avgLoss) : NaN,
    rejectedOrders: x.rejectedOrders,
    periodsPerYear: A,
  };
}
