// verify's timeline of a single feed (timelineOfOne) is the event queue's (run/rundir timelineOfSources) without it.
import { describe, expect, it } from 'vitest';
import { timelineOfOne } from '../../host/inspect/verify.ts';
import { timelineOfSources } from '../../host/run/rundir.ts';
import type { Bars, BarSource } from '../../host/model/bars.ts';

/** A source of `times` in chunks of `size` bars (prices unused by the timeline). */
function source(times: readonly bigint[], size: number): BarSource {
  let at = 0;
  return {
    next(): Bars | null {
      if (at >= times.length) return null;
      const time = BigInt64Array.from(times.slice(at, at + size));
      at += size;
      const zeros = new Float64Array(time.length);
      return { length: time.length, time, open: zeros, high: zeros, low: zeros, close: zeros, volume: zeros };
    },
  };
}

describe('timelineOfOne', () => {
  // repeated times (duplicates kept) and a time earlier than the one before it, across chunk boundaries
  const times = [5n, 7n, 7n, 9n, 8n, 12n, 12n, 3n, 20n, -4n, 21n];
  for (const size of [1, 3, 4, 64])
    it(`gives the event queue's times in chunks of ${size}, for an exact, a short and a long expected length`, () => {
      const want = [...timelineOfSources([source(times, size)], [60n])];
      expect(want).toEqual([5n, 7n, 7n, 9n, 9n, 12n, 12n, 12n, 20n, 20n, 21n]);
      for (const expected of [times.length, 2, 1000]) expect([...timelineOfOne(source(times, size), expected)]).toEqual(want);
    });

  for (const size of [1, 3, 64])
    it(`keeps only the bars asked for (ascending, repeated, past the end), in chunks of ${size}`, () => {
      const all = timelineOfOne(source(times, size), times.length);
      for (const keep of [[], [0], [3, 4, 4, 10], [1, 2, 5, 7, 9, 11, 40], [...times.keys()]]) {
        const sparse = timelineOfOne(source(times, size), 2, keep);
        expect(sparse.length).toBe(times.length);
        for (let bar = 0; bar < times.length + 2; bar++)
          expect([bar, sparse.get(bar)]).toEqual([bar, bar >= times.length ? null : keep.includes(bar) ? all[bar] : undefined]);
      }
    });

  it('times of every int64 range compare as the BigInts do (negative, across the 2^31 and 2^32 word bounds)', () => {
    const edges = [-(2n ** 63n), -(2n ** 32n) - 1n, -(2n ** 32n), -1n, 0n, 2n ** 31n - 1n, 2n ** 31n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 32n + 2n ** 31n, 2n ** 63n - 1n];
    const mixed = [...edges, ...edges.slice().reverse(), ...edges.map((t, i) => edges[(i * 7) % edges.length]!)];
    const want = [...timelineOfSources([source(mixed, 5)], [60n])];
    expect([...timelineOfOne(source(mixed, 5), 4)]).toEqual(want);
    expect(want.at(-1)).toBe(2n ** 63n - 1n);
  });

  it('an empty feed gives no times', () => {
    expect(timelineOfOne(source([], 4), 0).length).toBe(0);
    expect(timelineOfSources([source([], 4)], [60n]).length).toBe(0);
  });
});
