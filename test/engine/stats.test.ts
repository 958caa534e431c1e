// The stats of a real run, recomputed here independently from its equity curve and trades with
// backtesting.py's formulas written out plainly.
import { beforeAll, describe, expect, it } from 'vitest';
import { executeRun, loadData, loadStrategy, DEFAULT_CONFIG, type BacktestResult, type Bars } from '../../host/index.ts';

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
