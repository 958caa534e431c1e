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

  it('an empty feed gives no times', () => {
    expect(timelineOfOne(source([], 4), 0).length).toBe(0);
    expect(timelineOfSources([source([], 4)], [60n]).length).toBe(0);
  });
});
