// The stats of a real run, recomputed here independently from its equity curve and trades with
// backtesting.py's formulas written out plainly.
import { beforeAll, describe, expect, it } from 'vitest';
import { executeRun, loadData, loadStrategy, DEFAULT_CONFIG, type BacktestResult, type Bars, type Trade } from '../../host/index.ts';
import { computeStats, inferPeriods } from '../../host/engine/stats.ts';

let r: BacktestResult;
let bars: Bars;
beforeAll(async () => {
  const data = await loadData('data/GOOG.csv');
  bars = data.bars;
  r = executeRun({ strategy: await loadStrategy('strategies-as/sma-cross.ts'), data, config: { ...DEFAULT_CONFIG, commission: 0.002 } }).result;
});

const close = (a: number, b: number, tol = 1e-9) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sampleVar = (xs: number[]) => { const m = mean(xs); return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1); };

describe('stats (backtesting.py formulas) on the SMA run, commission 0.2 %', () => {
  it('returns, volatility, Sharpe, Sortino, Calmar', () => {
    const E = Array.from(r.equity);
    // resample('D').last(): daily bars here, so one equity per day; pct_change drops the first.
    const day = E.slice(1).map((e, i) => e / E[i]! - 1);
    const gmean = Math.exp(mean(day.map((x) => Math.log(1 + x)))) - 1;
    const A = 252; // GOOG has no weekend bars
    const ann = (1 + gmean) ** A - 1;
    const vol = Math.sqrt((sampleVar(day) + (1 + gmean) ** 2) ** A - (1 + gmean) ** (2 * A));
    close(r.stats.returnAnnPct, ann * 100);
    close(r.stats.volatilityAnnPct, vol * 100);
    close(r.stats.sharpe, ann / vol);
    close(r.stats.sortino, ann / (Math.sqrt(mean(day.map((x) => Math.min(x, 0) ** 2))) * Math.sqrt(A)));
    let peak = -Infinity, maxDd = 0;
    for (const e of E) { peak = Math.max(peak, e); maxDd = Math.max(maxDd, 1 - e / peak); }
    close(r.stats.maxDrawdownPct, -maxDd * 100);
    close(r.stats.calmar, ann / maxDd);
    close(r.stats.returnPct, (E[E.length - 1]! / 10_000 - 1) * 100);
  });

  it('alpha and beta from log returns', () => {
    const E = Array.from(r.equity), C = Array.from(bars.close);
    const le = E.slice(1).map((e, i) => Math.log(e / E[i]!));
    const lm = C.slice(1).map((c, i) => Math.log(c / C[i]!));
    const me = mean(le), mm = mean(lm);
    const cov = le.reduce((a, x, i) => a + (x - me) * (lm[i]! - mm), 0) / (le.length - 1);
    const beta = cov / sampleVar(lm);
    close(r.stats.beta, beta);
    close(r.stats.alphaPct, r.stats.returnPct - beta * r.stats.buyHoldReturnPct);
  });

  it('drawdown periods: average depth and durations', () => {
    const E = Array.from(r.equity);
    let peak = -Infinity;
    const dd = E.map((e) => { peak = Math.max(peak, e); return 1 - e / peak; });
    const zeros = [...dd.map((d, i) => (d === 0 ? i : -1)).filter((i) => i >= 0), dd.length - 1].filter((v, i, a) => a.indexOf(v) === i);
    const periods: [number, number][] = [];
    for (let k = 1; k < zeros.length; k++) if (zeros[k]! > zeros[k - 1]! + 1) periods.push([zeros[k - 1]!, zeros[k]!]);
    const depth = periods.map(([a, b]) => Math.max(...dd.slice(a, b + 1)));
    const days = periods.map(([a, b]) => Number(bars.time[b]! - bars.time[a]!) / 86_400e9);
    close(r.stats.avgDrawdownPct, -mean(depth) * 100);
    expect(r.stats.maxDrawdownDays).toBe(Math.max(...days));
    close(r.stats.avgDrawdownDays, mean(days));
  });

  it('trade statistics: win rate, best/worst/avg, durations, profit factor, expectancy, SQN, Kelly', () => {
    const t = r.trades;
    expect(r.stats.trades).toBe(93);
    const ret = t.map((x) => x.returnPct / 100);
    const pnl = t.map((x) => x.pnl);
    const wins = pnl.filter((p) => p > 0), losses = pnl.filter((p) => p < 0);
    const w = wins.length / t.length;
    close(r.stats.winRatePct, w * 100);
    close(r.stats.bestTradePct, Math.max(...ret) * 100);
    close(r.stats.worstTradePct, Math.min(...ret) * 100);
    close(r.stats.avgTradePct, (Math.exp(mean(ret.map((x) => Math.log(1 + x)))) - 1) * 100);
    const dur = t.map((x) => Number(x.exitTime - x.entryTime) / 86_400e9);
    expect(r.stats.maxTradeDays).toBe(Math.max(...dur));
    close(r.stats.avgTradeDays, mean(dur));
    close(r.stats.profitFactor, ret.filter((x) => x > 0).reduce((a, b) => a + b, 0) / -ret.filter((x) => x < 0).reduce((a, b) => a + b, 0));
    close(r.stats.expectancyPct, mean(ret) * 100);
    close(r.stats.sqn, (Math.sqrt(t.length) * mean(pnl)) / Math.sqrt(sampleVar(pnl)));
    close(r.stats.kelly, w - (1 - w) / (mean(wins) / -mean(losses)));
  });
});

// ---- periods per year, and the stats whose meaning follows backtesting.py -------------------------
const DAY_NS = 86_400_000_000_000n;
const dayOf = (iso: string) => BigInt(Date.parse(`${iso}T00:00:00Z`)) * 1_000_000n;
function barsOf(time: bigint[], close: number[]): Bars {
  const c = Float64Array.from(close);
  return { length: time.length, time: BigInt64Array.from(time), open: c, high: c, low: c, close: c, volume: c };
}
/** GOOG's daily bars as weekly bars (Monday-to-Sunday weeks, stamped with their first day, last close). */
function weekly(b: Bars): Bars {
  const time: bigint[] = [], close: number[] = [];
  let week = NaN;
  for (let i = 0; i < b.length; i++) {
    const w = Math.floor((Number(b.time[i]! / DAY_NS) + 3) / 7);
    if (w !== week) { time.push(b.time[i]!); close.push(b.close[i]!); week = w; }
    else close[close.length - 1] = b.close[i]!;
  }
  return barsOf(time, close);
}
const holdStats = (b: Bars, extra: Partial<Parameters<typeof computeStats>[0]> = {}) =>
  computeStats({ bars: b, equity: Float64Array.from(b.close, (c) => (c / b.close[0]!) * 10_000), trades: [], initialCash: 10_000, rejectedOrders: 0, ...extra });

describe('periods per year, inferred from the bar spacing as backtesting.py does', () => {
  it('daily GOOG: 252; the same bars weekly: weekly returns, 52 a year, agreeing with CAGR', () => {
    expect(inferPeriods(bars.time)).toEqual({ period: 'day', perYear: 252 });
    const w = weekly(bars);
    expect(w.length).toBe(446);
    expect(inferPeriods(w.time)).toEqual({ period: 'week', perYear: 52 });
    const s = holdStats(w);
    const E = Array.from(w.close, (c) => (c / w.close[0]!) * 10_000);
    const r = E.slice(1).map((e, i) => e / E[i]! - 1);
    const g = Math.exp(mean(r.map((x) => Math.log(1 + x)))) - 1;
    close(s.returnAnnPct, ((1 + g) ** 52 - 1) * 100);
    close(s.volatilityAnnPct, Math.sqrt((sampleVar(r) + (1 + g) ** 2) ** 52 - (1 + g) ** 104) * 100);
    // Annualised as if daily (252 a year) it was 3× the compound annual growth; now within 1 point.
    expect(Math.abs(s.returnAnnPct - s.cagrPct)).toBeLessThan(1);
  });

  it('monthly bars: 12 (also where the median spacing is 30 days, which backtesting.py would call daily)', () => {
    const starts = Array.from({ length: 40 }, (_, i) => dayOf(`${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`));
    expect(inferPeriods(starts)).toEqual({ period: 'month', perYear: 12 });
    const thirty = Array.from({ length: 40 }, (_, i) => dayOf('2001-01-01') + BigInt(i) * 30n * DAY_NS);
    expect(inferPeriods(thirty)).toEqual({ period: 'month', perYear: 12 });
    const years = [2001, 2002, 2003, 2004, 2005].map((y) => dayOf(`${y}-06-30`));
    expect(inferPeriods(years)).toEqual({ period: 'year', perYear: 1 });
    expect(inferPeriods(years.slice(2, 4))).toEqual({ period: 'year', perYear: 1 }); // 366 days apart
  });

  it('365 only when more than 0.6 × 2/7 of the bars fall on a weekend: one Saturday bar does not flip it', () => {
    const t = Array.from(bars.time);
    const saturday = dayOf('2004-08-21');
    const withSaturday = [t[0]!, t[1]!, saturday, ...t.slice(2)];
    expect(inferPeriods(withSaturday)).toEqual({ period: 'day', perYear: 252 });
    const everyDay = Array.from({ length: 60 }, (_, i) => dayOf('2020-01-06') + BigInt(i) * DAY_NS);
    expect(inferPeriods(everyDay)).toEqual({ period: 'day', perYear: 365 });
    // The bound is 0.6 × 2/7 = 17.14 %: 12 weekend bars in 69 are 17.4 % (over), 12 in 71 are 16.9 % (not).
    const weekdays = (n: number) => Array.from({ length: 200 }, (_, i) => dayOf('2021-01-04') + BigInt(i) * DAY_NS).filter((d) => { const w = Number(((d / DAY_NS) + 4n) % 7n); return w !== 0 && w !== 6; }).slice(0, n);
    const weekends = Array.from({ length: 6 }, (_, k) => [dayOf('2021-01-09') + BigInt(7 * k) * DAY_NS, dayOf('2021-01-10') + BigInt(7 * k) * DAY_NS]).flat();
    const mix = (n: number) => [...weekdays(n), ...weekends].sort((a, b) => (a < b ? -1 : 1));
    expect(inferPeriods(mix(57)).perYear).toBe(365);
    expect(inferPeriods(mix(59)).perYear).toBe(252);
  });

  it('a UTC day ends exactly at midnight, before 1970 too (the day is found from the time\'s words)', () => {
    const sunday = dayOf('1969-12-28'), monday = dayOf('1969-12-29');
    const hours = (day: bigint, h: number) => day + BigInt(h) * 3_600_000_000_000n;
    // One bar in the last nanosecond of a Sunday, one at Monday's first: 1 weekend bar.
    const edge = [hours(dayOf('1969-12-26'), 12), monday - 1n, monday, hours(monday, 12), hours(dayOf('1969-12-30'), 12)];
    expect(inferPeriods(edge)).toEqual({ period: 'day', perYear: 365 }); // 1 in 5 = 20 % > 17.14 %
    expect(inferPeriods([...edge, hours(dayOf('1969-12-31'), 12)])).toEqual({ period: 'day', perYear: 252 }); // 1 in 6 = 16.7 %
    // Had Monday 00:00 counted as Sunday, 2 in 6 would be weekend bars.
    expect(sunday + DAY_NS).toBe(monday);
  });

  it('monthly GOOG: returns month to month (last equity of each calendar month), 12 a year', () => {
    const time: bigint[] = [], lastTime: bigint[] = [], closes: number[] = [];
    let month = '';
    for (let i = 0; i < bars.length; i++) {
      const m = new Date(Number(bars.time[i]! / 1_000_000n)).toISOString().slice(0, 7);
      if (m !== month) { time.push(bars.time[i]!); lastTime.push(bars.time[i]!); closes.push(bars.close[i]!); month = m; }
      else { closes[closes.length - 1] = bars.close[i]!; lastTime[lastTime.length - 1] = bars.time[i]!; }
    }
    const m = barsOf(time, closes);
    expect(m.length).toBe(104);
    expect(inferPeriods(m.time)).toEqual({ period: 'month', perYear: 12 });
    // Stamped with their first or their last trading day, the bars fall in the same calendar months.
    const shifted = barsOf(lastTime, closes);
    for (const b of [m, shifted]) {
      const s = holdStats(b);
      const E = closes.map((c) => (c / closes[0]!) * 10_000);
      const r = E.slice(1).map((e, i) => e / E[i]! - 1);
      const g = Math.exp(mean(r.map((x) => Math.log(1 + x)))) - 1;
      close(s.returnAnnPct, ((1 + g) ** 12 - 1) * 100);
      expect(Math.abs(s.returnAnnPct - s.cagrPct)).toBeLessThan(1);
    }
  });

  it('equal times (several symbols at one instant) count once', () => {
    const t = Array.from(weekly(bars).time).flatMap((x) => [x, x]);
    expect(inferPeriods(t)).toEqual({ period: 'week', perYear: 52 });
  });

  it('an explicit periods per year replaces the inferred count, over the same returns', () => {
    const s = holdStats(bars, { periodsPerYear: 365 });
    const E = Array.from(bars.close, (c) => (c / bars.close[0]!) * 10_000);
    const r = E.slice(1).map((e, i) => e / E[i]! - 1);
    const g = Math.exp(mean(r.map((x) => Math.log(1 + x)))) - 1;
    close(s.returnAnnPct, ((1 + g) ** 365 - 1) * 100);
    close(s.sortino, ((1 + g) ** 365 - 1) / (Math.sqrt(mean(r.map((x) => Math.min(x, 0) ** 2))) * Math.sqrt(365)));
  });
});

describe("stats named like backtesting.py's mean what it computes", () => {
  const time = Array.from({ length: 10 }, (_, i) => dayOf('2020-01-06') + BigInt(i) * DAY_NS);
  const b = barsOf(time, [10, 11, 12, 11, 10, 12, 13, 12, 14, 15]);
  const trade = (entryBar: number, exitBar: number, pnl: number, commission: number, returnPct = 1): Trade => ({
    symbol: 0, entryBar, exitBar, entryTime: time[entryBar]!, exitTime: time[exitBar]!, size: 1, entryPrice: 10, exitPrice: 11, pnl, returnPct, commission,
  });
  const statsOf = (trades: Trade[], extra = {}) => computeStats({ bars: b, equity: new Float64Array(10).fill(10_000), trades, initialCash: 10_000, rejectedOrders: 0, ...extra });

  it('Exposure Time: bars from each closed trade’s entry bar to its exit bar, both included', () => {
    expect(statsOf([trade(1, 3, 1, 0), trade(3, 4, 1, 0), trade(7, 8, 1, 0)]).exposurePct).toBe(60);
    expect(statsOf([]).exposurePct).toBe(0);
  });

  it('Exposure Time over a merged timeline: every event whose time a closed trade spans, on any symbol', () => {
    // Two symbols' bars at the same instants: events 0..9 at days 0,0,1,1,2,2,3,3,4,4.
    const merged = Array.from({ length: 10 }, (_, i) => time[Math.floor(i / 2)]!);
    const mb = barsOf(merged, [10, 20, 11, 21, 12, 22, 11, 21, 10, 20]);
    const t: Trade = { ...trade(0, 0, 1, 0), symbol: 1, entryTime: time[1]!, exitTime: time[2]! };
    const s = computeStats({ bars: mb, equity: new Float64Array(10).fill(10_000), trades: [t], initialCash: 10_000, rejectedOrders: 0 });
    expect(s.exposurePct).toBe(40); // events 2..5: days 1 and 2, both symbols' bars
  });

  it('Commissions: of the closed trades', () => {
    expect(statsOf([trade(1, 3, 1, 0.5), trade(4, 5, 1, 0.25)]).commissions).toBe(0.75);
  });

  it('Buy & Hold from bar 0 unless told where the strategy starts', () => {
    expect(statsOf([]).buyHoldReturnPct).toBe(50);
    expect(statsOf([], { buyHoldFromBar: 4 }).buyHoldReturnPct).toBe(50);
    expect(statsOf([], { buyHoldFromBar: 2 }).buyHoldReturnPct).toBe(25);
  });

  it('Avg. Trade is 0 when a trade lost everything; Sharpe and SQN are NaN without dispersion', () => {
    const s = statsOf([trade(1, 2, -10, 0, -100), trade(3, 4, 5, 0, 50)]);
    expect(s.avgTradePct).toBe(0);
    expect(s.sharpe).toBeNaN(); // flat equity: zero volatility
    expect(statsOf([trade(1, 2, 5, 0), trade(3, 4, 5, 0)]).sqn).toBeNaN();
  });
});
