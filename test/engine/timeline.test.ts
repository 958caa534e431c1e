// The engine's compact time column (engine/timeline): every time given back exactly, in order, from
// steps of one byte for regular bars; the column never goes back; it survives a thread crossing.
import { describe, expect, it } from 'vitest';
import { TimeColumn } from '../../host/engine/timeline.ts';
import { timeWords } from '../../host/model/bars.ts';
import { rng } from '../helpers/generate.ts';

const MIN = 60_000_000_000n;
const MAX = 2n ** 63n - 1n, MIN64 = -(2n ** 63n);

/** The column as the engine fills it: each time appended from its words. */
function columnOf(times: bigint[], room = 0): TimeColumn {
  const t = BigInt64Array.from(times);
  const c = new TimeColumn(room);
  const w = timeWords(t);
  for (let i = 0; i < t.length; i++) c.add(w, i);
  return c;
}

/** What the column must give back: each time, or the latest one when it is earlier. */
const clamped = (times: bigint[]): bigint[] => times.map(((top) => (t: bigint, i: number) => (top = i === 0 || t > top! ? t : top!))(undefined as bigint | undefined));

describe('the compact time column', () => {
  it('gives back every time exactly: repeats, seconds, nanoseconds, days apart, the int64 ends, before 1970, a step that needs 8 bytes', () => {
    const next = rng(11);
    const cases: bigint[][] = [
      [],
      [0n],
      [MIN64, MIN64, -1n, 0n, 1n, MAX - 1n, MAX],
      [MIN64, MAX], // a step of 2^64 - 1: written as the time itself
      Array.from({ length: 1000 }, (_, i) => -86_400_000_000_000n * 365n * 50n + BigInt(i) * MIN), // minute bars in 1920
    ];
    // random walks of mixed steps: 0, a repeat, whole seconds, odd nanoseconds, weeks, ~100 years
    const walk: bigint[] = [946_684_800_000_000_000n];
    const steps = [0n, MIN, MIN, MIN, 1n, 999_999_999n, 1_000_000_001n, 7n * 86_400n * 1_000_000_000n, 2n ** 49n, 2n ** 52n + 3n, 100n * 365n * 86_400n * 1_000_000_000n];
    for (let i = 0; i < 20_000; i++) walk.push(walk[walk.length - 1]! + steps[Math.floor(next() * steps.length)]!);
    cases.push(walk.filter((t) => t <= MAX));
    for (const times of cases) {
      const c = columnOf(times);
      expect(c.length).toBe(times.length);
      expect(Array.from(c.toArray())).toEqual(times);
      const r = c.reader();
      for (const t of times) {
        r.next();
        expect((BigInt(r.hi) << 32n) | BigInt(r.lo >>> 0)).toBe(t);
      }
    }
  });

  it('costs one byte a bar for regular bars and for several symbols at one instant; grows in place past its first room', () => {
    const minutes = Array.from({ length: 200_000 }, (_, i) => 946_684_800_000_000_000n + BigInt(i) * MIN);
    const c = columnOf(minutes, 64);
    expect(c.used).toBe(minutes.length - 1 + 1); // the first step (a minute) takes two bytes, every repeat one
    expect(Array.from(c.toArray())).toEqual(minutes);
    const twoSymbols = minutes.slice(0, 1000).flatMap((t) => [t, t]);
    expect(columnOf(twoSymbols).used).toBe(twoSymbols.length - 1 + 1);
  });

  it('never goes back: an earlier time (a later feed behind the others) takes the latest one, as the engine\'s time column always did', () => {
    const times = [5n * MIN, 3n * MIN, 7n * MIN, 7n * MIN - 1n, 8n * MIN, MIN64];
    expect(Array.from(columnOf(times).toArray())).toEqual(clamped(times));
    expect(clamped(times)).toEqual([5n * MIN, 5n * MIN, 7n * MIN, 7n * MIN, 8n * MIN, 8n * MIN]);
  });

  it('keeps the last 100 distinct times for the period inference', () => {
    const times = Array.from({ length: 500 }, (_, i) => BigInt(Math.floor(i / 3)) * MIN); // each time three times
    expect(Array.from(columnOf(times).lastDistinct())).toEqual(Array.from({ length: 100 }, (_, k) => BigInt(67 + k) * MIN));
    expect(Array.from(columnOf(times.slice(0, 30)).lastDistinct())).toEqual(Array.from({ length: 10 }, (_, k) => BigInt(k) * MIN));
  });

  it('is the same column after a structured clone (a guest thread\'s reply)', () => {
    const times = Array.from({ length: 70_000 }, (_, i) => BigInt(i) * (i % 7 === 0 ? 1n : MIN));
    const c = columnOf(times);
    const copy = TimeColumn.revive(structuredClone(c));
    expect(Array.from(copy.toArray())).toEqual(Array.from(c.toArray()));
    expect(Array.from(copy.lastDistinct())).toEqual(Array.from(c.lastDistinct()));
  });
});
