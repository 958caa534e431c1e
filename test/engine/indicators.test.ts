// Every SDK indicator, computed in AssemblyScript bar by bar, against the textbook formula computed
// here independently (plain loops over the whole window, no streaming tricks) on a real data file.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildStrategy } from '../../host/build/asc.ts';
import { loadData } from '../../host/data/load.ts';

const N_OUT = 22;
let series: number[][] = []; // series[k][bar]
let H: number[] = [], L: number[] = [], C: number[] = [];
let random: () => number;

beforeAll(async () => {
  const built = await buildStrategy('test/fixtures/indicator-probe.ts', ['-O3', '--runtime', 'stub', '--noColors']);
  const ex = new WebAssembly.Instance(new WebAssembly.Module(built.wasm as BufferSource), { env: { abort: () => { throw new Error('abort'); } } }).exports;
  const bars = (await loadData('test/data/orcl-1995-2014.txt')).bars;
  H = Array.from(bars.high); L = Array.from(bars.low); C = Array.from(bars.close);
  series = Array.from({ length: N_OUT }, () => []);
  for (let i = 0; i < C.length; i++) {
    (ex.push as Function)(H[i], L[i], C[i]);
    for (let k = 0; k < N_OUT; k++) series[k]!.push((ex.get as Function)(k));
  }
  random = ex.random as () => number;
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
const trueRange = (i: number) => (i === 0 ? H[0]! - L[0]! : Math.max(H[i]! - L[i]!, Math.abs(H[i]! - C[i - 1]!), Math.abs(L[i]! - C[i - 1]!)));

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
    expectSeries(series[14]!, wilder(C.map((_, i) => trueRange(i)), 14));
    const k = C.map((c, i) => { const h = window(H, i, 14), l = window(L, i, 14); if (!h || !l) return NaN; const hh = Math.max(...h), ll = Math.min(...l); return hh === ll ? 50 : (100 * (c - ll)) / (hh - ll); });
    expectSeries(series[15]!, k);
    expectSeries(series[16]!, k.map((_, i) => (i >= 13 + 2 ? mean(k.slice(i - 2, i + 1)) : NaN)));
    expectSeries(series[17]!, C.map((c, i) => { const h = window(H, i, 14), l = window(L, i, 14); if (!h || !l) return NaN; const hh = Math.max(...h), ll = Math.min(...l); return hh === ll ? -50 : (-100 * (hh - c)) / (hh - ll); }));
  });

  it('CCI(20)', () => {
    const tp = C.map((c, i) => (H[i]! + L[i]! + c) / 3);
    expectSeries(series[18]!, tp.map((t, i) => { const w = window(tp, i, 20); if (!w) return NaN; const m = mean(w); const md = mean(w.map((x) => Math.abs(x - m))); return md === 0 ? 0 : (t - m) / (0.015 * md); }), 1e-8);
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

  it('Random is a fixed sequence for a fixed seed, uniform in [0, 1)', () => {
    const xs = Array.from({ length: 10_000 }, () => random());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Math.abs(mean(xs) - 0.5)).toBeLessThan(0.01);
    expect(xs.slice(0, 1000)).toEqual(referenceRandom(42n, 1000));
  });
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
