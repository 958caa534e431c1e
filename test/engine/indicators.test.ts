// Every SDK indicator, computed in AssemblyScript bar by bar, against the textbook formula computed
// here independently (plain loops over the whole window, no streaming tricks) on a real data file,
// and against backtrader's published test check points (test/vectors/backtrader-indicators.json).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildStrategy } from '../../host/build/asc.ts';
import { loadData } from '../../host/data/load.ts';
import type { Bars } from '../../host/model/bars.ts';

const N_OUT = 30;
let series: number[][] = []; // series[k][bar]
let H: number[] = [], L: number[] = [], C: number[] = [];
let random: () => number;
let cross: (aPrev: number, bPrev: number, a: number, b: number) => number;
let module: WebAssembly.Module;

/** A fresh probe instance fed every bar; series[k][bar] is output k after that bar. */
function probe(bars: Bars): number[][] {
  const ex = new WebAssembly.Instance(module, { env: { abort: () => { throw new Error('abort'); } } }).exports;
  const out: number[][] = Array.from({ length: N_OUT }, () => []);
  for (let i = 0; i < bars.length; i++) {
    (ex.push as Function)(bars.high[i], bars.low[i], bars.close[i]);
    for (let k = 0; k < N_OUT; k++) out[k]!.push((ex.get as Function)(k));
  }
  return out;
}

beforeAll(async () => {
  const built = await buildStrategy('test/fixtures/indicator-probe.ts', ['-O3', '--runtime', 'stub', '--noColors']);
  module = new WebAssembly.Module(built.wasm as BufferSource);
  const bars = (await loadData('test/data/orcl-1995-2014.txt')).bars;
  H = Array.from(bars.high); L = Array.from(bars.low); C = Array.from(bars.close);
  series = probe(bars);
  const ex = new WebAssembly.Instance(module, { env: { abort: () => { throw new Error('abort'); } } }).exports;
  random = ex.random as () => number;
  cross = ex.cross as typeof cross;
});

// ---- textbook formulas ----------------------------------------------------------------------
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const window = (xs: number[], i: number, n: number) => (i + 1 >= n ? xs.slice(i + 1 - n, i + 1) : null);
const smaAt = (xs: number[], i: number, n: number) => { const w = window(xs, i, n); return w ? mean(w) : NaN; };
function emaSeries(xs: number[], n: number, alpha = 2 / (n + 1)): number[] {
  const out: number[] = [];
  let v = NaN;
  xs.forEach((x, i) => {
    if (i < n - 1 || Number.isNaN(x)) out.push(NaN);
    else if (i === n - 1) out.push((v = mean(xs.slice(0, n))));
    else out.push((v = alpha * x + (1 - alpha) * v));
  });
  return out;
}
const wilder = (xs: number[], n: number) => emaSeries(xs, n, 1 / n);
/** True range; bar 0 has none (no previous close) unless `seed`, when it is high − low. */
const trueRange = (i: number, seed = false) => (i === 0 ? (seed ? H[0]! - L[0]! : NaN) : Math.max(H[i]! - L[i]!, Math.abs(H[i]! - C[i - 1]!), Math.abs(L[i]! - C[i - 1]!)));

function expectSeries(actual: number[], expected: number[], tolerance = 1e-9) {
  expect(actual.length).toBe(expected.length);
  let compared = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!, a = actual[i]!;
    if (Number.isNaN(e)) {
      expect(a, `bar ${i}`).toBeNaN();
      continue;
    }
    expect(Math.abs(a - e), `bar ${i}: ${a} vs ${e}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(e)));
    compared++;
  }
  expect(compared).toBeGreaterThan(4900);
}

describe('SDK indicators against textbook formulas (orcl-1995-2014, 5036 bars)', () => {
  it('SMA(10), EMA(10), SMMA(14), WMA(10)', () => {
    expectSeries(series[0]!, C.map((_, i) => smaAt(C, i, 10)));
    expectSeries(series[1]!, emaSeries(C, 10));
    expectSeries(series[2]!, wilder(C, 14));
    expectSeries(series[3]!, C.map((_, i) => { const w = window(C, i, 10); return w ? w.reduce((s, x, j) => s + (j + 1) * x, 0) / 55 : NaN; }));
  });

  it('RSI(14), Wilder', () => {
    const d = C.map((c, i) => (i === 0 ? NaN : c - C[i - 1]!));
    const gains = wilder(d.slice(1).map((x) => Math.max(x, 0)), 14);
    const losses = wilder(d.slice(1).map((x) => Math.max(-x, 0)), 14);
    const rsi = [NaN, ...gains.map((g, i) => { const l = losses[i]!; return Number.isNaN(g) ? NaN : l === 0 ? (g === 0 ? 50 : 100) : 100 - 100 / (1 + g / l); })];
    expectSeries(series[4]!, rsi);
  });

  it('MACD(12, 26, 9): line, signal, histogram', () => {
    const fast = emaSeries(C, 12), slow = emaSeries(C, 26);
    const line = C.map((_, i) => fast[i]! - slow[i]!);
    const signal = [...Array(25).fill(NaN), ...emaSeries(line.slice(25), 9)];
    const ready = (i: number) => !Number.isNaN(signal[i]!);
    expectSeries(series[5]!.map((v, i) => (ready(i) ? v : NaN)), line.map((v, i) => (ready(i) ? v : NaN)));
    expectSeries(series[6]!, signal);
    expectSeries(series[7]!, line.map((v, i) => v - signal[i]!));
  });

  it('Bollinger Bands(20, 2), population σ', () => {
    const mid = C.map((_, i) => smaAt(C, i, 20));
    const sd = C.map((_, i) => { const w = window(C, i, 20); if (!w) return NaN; const m = mean(w); return Math.sqrt(mean(w.map((x) => (x - m) ** 2))); });
    expectSeries(series[8]!, mid);
    expectSeries(series[9]!, mid.map((m, i) => m + 2 * sd[i]!), 1e-8);
    expectSeries(series[10]!, mid.map((m, i) => m - 2 * sd[i]!), 1e-8);
  });

  it('Highest(20), Lowest(20), ROC(12)', () => {
    expectSeries(series[11]!, H.map((_, i) => { const w = window(H, i, 20); return w ? Math.max(...w) : NaN; }), 0);
    expectSeries(series[12]!, L.map((_, i) => { const w = window(L, i, 20); return w ? Math.min(...w) : NaN; }), 0);
    expectSeries(series[13]!, C.map((c, i) => (i >= 12 ? (100 * (c - C[i - 12]!)) / C[i - 12]! : NaN)));
  });

  it('ATR(14), Stochastic(14, 3), Williams %R(14)', () => {
    // TA-Lib's and backtrader's convention: the first true range is on bar 1, the first ATR on bar 14.
    expectSeries(series[14]!, [NaN, ...wilder(C.slice(1).map((_, j) => trueRange(j + 1)), 14)]);
    expect(series[14]!.findIndex((v) => !Number.isNaN(v))).toBe(14);
    // The option: bar 0's true range is its high − low, so the first ATR comes on bar 13.
    expectSeries(series[29]!, wilder(C.map((_, i) => trueRange(i, true)), 14));
    expect(series[29]!.findIndex((v) => !Number.isNaN(v))).toBe(13);
    const k = C.map((c, i) => { const h = window(H, i, 14), l = window(L, i, 14); if (!h || !l) return NaN; const hh = Math.max(...h), ll = Math.min(...l); return hh === ll ? 50 : (100 * (c - ll)) / (hh - ll); });
    expectSeries(series[15]!, k);
    expectSeries(series[16]!, k.map((_, i) => (i >= 13 + 2 ? mean(k.slice(i - 2, i + 1)) : NaN)));
    expectSeries(series[17]!, C.map((c, i) => { const h = window(H, i, 14), l = window(L, i, 14); if (!h || !l) return NaN; const hh = Math.max(...h), ll = Math.min(...l); return hh === ll ? -50 : (-100 * (hh - c)) / (hh - ll); }));
  });

  it("CCI(20): Lambert's mean deviation (default) and backtrader's rolling one (option)", () => {
    const tp = C.map((c, i) => (H[i]! + L[i]! + c) / 3);
    const m = tp.map((_, i) => smaAt(tp, i, 20));
    expectSeries(series[18]!, tp.map((t, i) => { const w = window(tp, i, 20); if (!w) return NaN; const md = mean(w.map((x) => Math.abs(x - m[i]!))); return md === 0 ? 0 : (t - m[i]!) / (0.015 * md); }), 1e-8);
    // Each bar's |TP − its own SMA|, averaged over 20 bars: first reading on bar 38.
    const absDev = tp.map((t, i) => Math.abs(t - m[i]!));
    expectSeries(series[28]!, tp.map((t, i) => { if (i < 38) return NaN; const md = mean(absDev.slice(i - 19, i + 1)); return md === 0 ? 0 : (t - m[i]!) / (0.015 * md); }), 1e-8);
  });

  it('ADX(14) with +DI and −DI (Wilder)', () => {
    const tr = C.map((_, i) => trueRange(i)).slice(1);
    const plusDM = C.slice(1).map((_, j) => { const i = j + 1; const up = H[i]! - H[i - 1]!, down = L[i - 1]! - L[i]!; return up > down && up > 0 ? up : 0; });
    const minusDM = C.slice(1).map((_, j) => { const i = j + 1; const up = H[i]! - H[i - 1]!, down = L[i - 1]! - L[i]!; return down > up && down > 0 ? down : 0; });
    const atr = wilder(tr, 14), p = wilder(plusDM, 14), m = wilder(minusDM, 14);
    const pdi = atr.map((a, i) => (a === 0 ? 0 : (100 * p[i]!) / a));
    const mdi = atr.map((a, i) => (a === 0 ? 0 : (100 * m[i]!) / a));
    const dx = pdi.map((x, i) => { const s = x + mdi[i]!; return Number.isNaN(s) ? NaN : s === 0 ? 0 : (100 * Math.abs(x - mdi[i]!)) / s; });
    const adx = [NaN, ...[...Array(13).fill(NaN), ...wilder(dx.slice(13), 14)]];
    expectSeries(series[19]!, adx);
    expectSeries(series[20]!, [NaN, ...pdi]);
    expectSeries(series[21]!, [NaN, ...mdi]);
  });

  it("crossover/crossunder are backtesting.py's: strict on the previous bar and on this one", () => {
    // A tie on the previous bar is no cross (backtesting.py: a[-2] < b[-2] and a[-1] > b[-1]).
    expect(cross(1, 1, 2, 1)).toBe(0);
    expect(cross(1, 1, 0, 1)).toBe(0);
    expect(cross(0, 1, 1, 1)).toBe(0); // a tie now
    expect(cross(0, 1, 2, 1)).toBe(1);
    expect(cross(2, 1, 0, 1)).toBe(2);
    expect(cross(NaN, 1, 2, 1)).toBe(0);
    // Every (previous, now) pair over a grid full of ties, against backtesting.py's expression.
    const v = [-1, 0, 0.5, 1, NaN];
    for (const ap of v) for (const bp of v) for (const an of v) for (const bn of v) {
      const over = ap < bp && an > bn, under = bp < ap && bn > an; // crossover(b, a)
      expect(cross(ap, bp, an, bn), `${ap} ${bp} ${an} ${bn}`).toBe((over ? 1 : 0) | (under ? 2 : 0));
    }
  });

  it('Random is a fixed sequence for a fixed seed, uniform in [0, 1)', () => {
    const xs = Array.from({ length: 10_000 }, () => random());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Math.abs(mean(xs) - 0.5)).toBeLessThan(0.01);
    expect(xs.slice(0, 1000)).toEqual(referenceRandom(42n, 1000));
  });
});

describe("backtrader's published check points (test/vectors/backtrader-indicators.json, 2006-day-001)", () => {
  const vectors = JSON.parse(readFileSync('test/vectors/backtrader-indicators.json', 'utf8')) as {
    indicators: Record<string, { chkmin: number; lines: Record<string, [string, string, string]> }>;
  };
  let bt: number[][] = [];
  let l = 0;
  beforeAll(async () => {
    const bars = (await loadData('test/data/2006-day-001.txt')).bars;
    l = bars.length;
    bt = probe(bars);
  });
  // Our output for each of backtrader's lines (null: a line we do not offer), and a scale.
  const ours: Record<string, Record<string, [number, number] | null>> = {
    SMA: { sma: [22, 1] }, EMA: { ema: [23, 1] }, SMMA: { smma: [24, 1] }, WMA: { wma: [25, 1] },
    RSI: { rsi: [4, 1] }, ATR: { atr: [14, 1] }, CCI: { cci: [28, 1] },
    BBands: { mid: [8, 1], top: [9, 1], bot: [10, 1] },
    Highest: { highest: [26, 1] }, Lowest: { lowest: [27, 1] },
    Stochastic: { percK: [16, 1], percD: null }, // backtrader's slow %K is our %D (SMA(3) of %K)
    StochasticFull: { percK: [15, 1], percD: [16, 1], percDSlow: null },
    WilliamsR: { percR: [17, 1] }, ROC: { roc: [13, 0.01] },
    MACDHisto: { macd: [5, 1], signal: [6, 1], histo: [7, 1] },
    DM: { adx: [19, 1], adxr: null, plusDI: [20, 1], minusDI: [21, 1] },
  };

  it('the data and the vectors are the ones backtrader tested', () => {
    expect(l).toBe(255);
    expect(Object.keys(vectors.indicators).sort()).toEqual(Object.keys(ours).sort());
  });

  for (const name of Object.keys(ours)) {
    it(`${name}: every check point, to backtrader's printed precision`, () => {
      const v = vectors.indicators[name]!;
      // backtrader counts back from the last bar: ago 0, −l + chkmin, (−l + chkmin) // 2.
      const ago = [0, -l + v.chkmin, Math.floor((-l + v.chkmin) / 2)];
      const at = ago.map((a) => l - 1 + a);
      for (const [line, expected] of Object.entries(v.lines)) {
        const o = ours[name]![line];
        if (o === undefined) throw new Error(`no mapping for ${name}.${line}`);
        if (o === null) continue;
        const [k, scale] = o;
        expect(at.map((i) => (bt[k]![i]! * scale).toFixed(6)), `${name}.${line}`).toEqual(expected);
        // Not ready on the bar before backtrader's minimum period (skipped for the indicators some of
        // whose lines are ready earlier: backtrader gives every line the longest one).
        if (!['Stochastic', 'StochasticFull', 'DM', 'MACDHisto'].includes(name)) expect(bt[k]![v.chkmin - 2], `${name}.${line} warm-up`).toBeNaN();
      }
    });
  }
});

/** xoshiro128** seeded by SplitMix64 (Blackman & Vigna's reference algorithms), written here independently. */
function referenceRandom(seed: bigint, n: number): number[] {
  const M = (1n << 64n) - 1n;
  let z = seed;
  const split = () => {
    z = (z + 0x9e3779b97f4a7c15n) & M;
    let a = z;
    a = ((a ^ (a >> 30n)) * 0xbf58476d1ce4e5b9n) & M;
    a = ((a ^ (a >> 27n)) * 0x94d049bb133111ebn) & M;
    return a ^ (a >> 31n);
  };
  const a = split(), b = split();
  const s = [Number(a & 0xffffffffn), Number(a >> 32n), Number(b & 0xffffffffn), Number(b >> 32n)].map((x) => x >>> 0);
  const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;
  const next = () => {
    const result = Math.imul(rotl(Math.imul(s[1]!, 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1]! << 9) >>> 0;
    s[2] = (s[2]! ^ s[0]!) >>> 0; s[3] = (s[3]! ^ s[1]!) >>> 0; s[1] = (s[1]! ^ s[2]!) >>> 0; s[0] = (s[0]! ^ s[3]!) >>> 0;
    s[2] = (s[2]! ^ t) >>> 0;
    s[3] = rotl(s[3]!, 11);
    return result;
  };
  return Array.from({ length: n }, () => {
    const hi = next() >>> 5, lo = next() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  });
}
