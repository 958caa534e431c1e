// engine/events computes spacings and close instants in int32 words (no BigInt, no per-bar
// allocation). These pin the word arithmetic against a naive BigInt reference on seeded inputs that
// reach its edges: carries out of the low word, spacings of 2^32 ± 1, chunk boundaries, and
// saturation at the largest int64 time.
import { describe, expect, it } from 'vitest';
import { EventQueue, inferPeriod } from '../../host/engine/events.ts';
import type { Bars } from '../../host/model/bars.ts';

const MAX = 2n ** 63n - 1n;

/** Reference: the most common spacing, ties to the shorter; 0 with a repeated time or no spacing. */
function naivePeriod(t: readonly bigint[]): bigint {
  if (t.length < 2) return 0n;
  const counts = new Map<bigint, number>();
  for (let j = 1; j < t.length; j++) {
    const d = t[j]! - t[j - 1]!;
    if (d === 0n) return 0n;
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best = 0n, n = 0;
  for (const [d, c] of counts) if (c > n || (c === n && d < best)) [best, n] = [d, c];
  return best;
}

/** Reference: min(open + period saturated at MAX, next open). */
const naiveClose = (t: readonly bigint[], j: number, p: bigint): bigint => {
  const end = t[j]! + p > MAX ? MAX : t[j]! + p;
  return j + 1 < t.length && t[j + 1]! < end ? t[j + 1]! : end;
};

function seeded(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const STEPS = [1n, 60n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 32n + 1n, 86_400n * 10n ** 9n, 2n ** 40n];
const BASES = [0n, -(2n ** 62n), MAX - 10n ** 15n, 2n ** 32n - 5n, 1_700_000_000n * 10n ** 9n];

function series(rnd: () => number): bigint[] {
  const out: bigint[] = [];
  let x = BASES[Math.floor(rnd() * BASES.length)]!;
  const steps = STEPS.slice(0, 1 + Math.floor(rnd() * STEPS.length));
  for (let n = 1 + Math.floor(rnd() * 40); n > 0 && x <= MAX; n--) {
    out.push(x);
    x += steps[Math.floor(rnd() * steps.length)]!;
  }
  return out;
}

const chunk = (t: readonly bigint[]): Bars => {
  const f = new Float64Array(t.length);
  return { length: t.length, time: BigInt64Array.from(t), open: f, high: f, low: f, close: f, volume: f };
};

describe('event times in int32 words', () => {
  it('inferPeriod is the naive most common spacing', () => {
    const rnd = seeded(7);
    for (let i = 0; i < 5000; i++) {
      const t = series(rnd);
      if (rnd() < 0.1 && t.length > 2) t.splice(1, 0, t[1]!); // a repeated time
      expect(inferPeriod(BigInt64Array.from(t))).toBe(naivePeriod(t));
    }
  });

  it('each bar closes at min(open + period, next open), across chunks and saturating at the largest time', () => {
    const rnd = seeded(11);
    const periods = [0n, 1n, 60n * 10n ** 9n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 33n + 7n, 2n ** 62n, MAX];
    let saturated = 0;
    for (let i = 0; i < 5000; i++) {
      const t = series(rnd);
      const p = periods[Math.floor(rnd() * periods.length)]!;
      const cut = Math.floor(rnd() * t.length);
      const chunks = [t.slice(0, cut), t.slice(cut)].filter((c) => c.length > 0).map(chunk);
      let k = 0;
      const q = new EventQueue([{ next: () => chunks[k++] ?? null }], [p]);
      const closes: bigint[] = [];
      while (q.chunks[0]) {
        const w = q.closes[0]!;
        closes.push(new BigInt64Array(w.buffer, w.byteOffset, w.length / 2)[q.at[0]!]!);
        q.advance(0);
      }
      const expected = t.map((_, j) => naiveClose(t, j, p));
      expect(closes).toEqual(expected);
      saturated += expected.filter((c) => c === MAX).length;
    }
    expect(saturated).toBeGreaterThan(0);
  });
});
