// The parameter space: --grid specs (exact decimals, errors naming the option and position), the
// canonical order (names sorted, last fastest, --where keeps the order), --where's language (no
// property access, no calls: a closure tree), seeded random search (a fixed draw for a fixed seed),
// and the caps. Pure: no run.
import { describe, expect, it } from 'vitest';
import { combinationsOf, compileWhere, gridSize, parseGrid, parseGrids } from '../../host/sweep/index.ts';
import { splitMix64 } from '../../host/sweep/space.ts';
import type { SweepSpace } from '../../host/sweep/types.ts';

const usage = (f: () => unknown): { code: string; message: string } => {
  try {
    f();
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
  throw new Error('no error');
};
const space = (grids: string[], where: string | null = null, random: SweepSpace['random'] = null): SweepSpace => ({ grids: parseGrids(grids), where, random });

describe('--grid', () => {
  it('ranges, lists and single values; exact decimals; ascending, each once', () => {
    expect(parseGrid('fast=5..50:5').values).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50]);
    expect(parseGrid('x=1..4').values).toEqual([1, 2, 3, 4]);
    expect(parseGrid('x=0.1..0.3:0.1').values).toEqual([0.1, 0.2, 0.3]); // not 0.30000000000000004
    expect(parseGrid('x=0..1:0.3').values).toEqual([0, 0.3, 0.6, 0.9]); // B reached only if exactly
    expect(parseGrid('x=-1.5..-0.5:0.5').values).toEqual([-1.5, -1, -0.5]);
    expect(parseGrid('x=3,1,2,1.0').values).toEqual([1, 2, 3]);
    expect(parseGrid('x=7')).toEqual({ name: 'x', spec: '7', values: [7] });
  });

  it('errors are USAGE naming the option and the character position', () => {
    expect(usage(() => parseGrid('fast=5..x:5'))).toEqual({ code: 'USAGE', message: expect.stringMatching(/^--grid fast=5\.\.x:5: "x" at character 9 /) });
    expect(usage(() => parseGrid('fast=5..50:0')).message).toMatch(/the step 0 at character 12 must be greater than 0/);
    expect(usage(() => parseGrid('fast=50..5')).message).toMatch(/ends below its start/);
    expect(usage(() => parseGrid('fast=1,,2')).message).toMatch(/"" at character 8 /);
    expect(usage(() => parseGrid('fast=1e3')).message).toMatch(/"1e3" at character 6 is not a decimal/);
    expect(usage(() => parseGrid('fast')).message).toMatch(/expected NAME=SPEC/);
    expect(usage(() => parseGrid('__proto__=1'))).toEqual({ code: 'UNKNOWN_PARAM', message: '--grid __proto__=1: unknown param "__proto__": it is reserved (no strategy can read a param of that name)' });
    expect(usage(() => parseGrid('2x=1')).message).toMatch(/"2x" at character 1 is not a parameter name/);
    expect(usage(() => parseGrid('x=0..1000000')).message).toMatch(/1000001 values; an axis may have at most 100000/);
  });

  it('a parameter given twice is an error; axes sorted by name', () => {
    expect(usage(() => parseGrids(['slow=1', 'fast=2', 'slow=3']))).toEqual({ code: 'USAGE', message: expect.stringMatching(/^--grid slow is given twice/) });
    expect(parseGrids(['slow=1', 'fast=2']).map((g) => g.name)).toEqual(['fast', 'slow']);
    expect(usage(() => parseGrids([])).code).toBe('USAGE');
  });
});

describe('canonical order', () => {
  it('names sorted, the last varying fastest, --where keeping the order', () => {
    const all = combinationsOf(space(['slow=20,30', 'fast=5,10']), 100);
    expect(all).toEqual([
      { index: 0, params: { fast: 5, slow: 20 } }, { index: 1, params: { fast: 5, slow: 30 } },
      { index: 2, params: { fast: 10, slow: 20 } }, { index: 3, params: { fast: 10, slow: 30 } },
    ]);
    const kept = combinationsOf(space(['fast=5..50:5', 'slow=20..200:10'], 'fast < slow'), 10_000);
    expect(kept.length).toBe(174); // 10 × 19 = 190, minus the 16 with fast ≥ slow
    expect(kept.slice(0, 2).map((c) => c.params)).toEqual([{ fast: 5, slow: 20 }, { fast: 5, slow: 30 }]);
    expect(kept[173]).toEqual({ index: 173, params: { fast: 50, slow: 200 } });
    expect(gridSize(parseGrids(['a=1..10', 'b=1..10', 'c=1..10']))).toBe(1000n);
  });

  it('an empty space after --where, and more combinations than the cap, are USAGE errors', () => {
    expect(usage(() => combinationsOf(space(['fast=5,10'], 'fast > 100'), 100))).toEqual({ code: 'USAGE', message: expect.stringMatching(/rejects every combination/) });
    expect(usage(() => combinationsOf(space(['a=1..10', 'b=1..10']), 99))).toEqual({ code: 'USAGE', message: expect.stringMatching(/--max-combinations is 99/) });
    expect(combinationsOf(space(['a=1..10', 'b=1..10']), 100).length).toBe(100);
    expect(usage(() => combinationsOf(space(['a=1..10'], null, { samples: 11, seed: '1' }), 10)).message).toMatch(/11 \(--samples\)/);
  });
});

describe('--where', () => {
  const test = (expr: string, p: Record<string, number>): boolean => compileWhere(expr, ['fast', 'slow'])(p);
  it('arithmetic, comparisons, and/or/not with their precedence', () => {
    expect(test('fast < slow', { fast: 1, slow: 2 })).toBe(true);
    expect(test('fast * 2 <= slow - 1', { fast: 5, slow: 11 })).toBe(true);
    expect(test('fast * 2 <= slow - 1', { fast: 5, slow: 10 })).toBe(false);
    expect(test('not fast == 1 or slow != 2 and fast > 0', { fast: 1, slow: 2 })).toBe(false);
    expect(test('!(fast == 1) || slow != 2 && fast > 0', { fast: 1, slow: 3 })).toBe(true);
    expect(test('-fast + 10 / 4 > -slow', { fast: 1, slow: 0 })).toBe(true);
    expect(test('(fast + 1) * 2 == 4', { fast: 1, slow: 0 })).toBe(true);
  });

  it('errors name the position; nothing but names and numbers can be read', () => {
    const at = (expr: string): string => usage(() => compileWhere(expr, ['fast', 'slow'])).message;
    expect(at('fast <')).toBe('--where "fast <": the expression ends early at character 7');
    expect(at('fast < slow < 3')).toMatch(/do not chain; join them with "and" at character 13/);
    expect(at('fast + 1')).toMatch(/a comparison is needed .* at character 1$/);
    expect(at('fast < slow and 3')).toMatch(/at character 16$/);
    expect(at('foo < 1')).toBe('--where "foo < 1": "foo" is not a grid parameter (the grid has fast, slow) at character 1');
    expect(at('fast.constructor < 1')).toMatch(/unexpected "\." at character 5/);
    expect(at('constructor < 1')).toMatch(/"constructor" is not a grid parameter/);
    expect(at('fast(1) < 2')).toMatch(/^--where "fast\(1\) < 2": .* at character \d+$/);
    expect(at('fast < slow; process.exit()')).toMatch(/unexpected ";" at character 12/);
    expect(at('')).toMatch(/the expression is empty/);
    expect(at('(fast < slow')).toMatch(/expected "\)"/);
  });

  it('a long expression is quoted by its first 80 characters only (defect 11: a 5,000-term --where gave an 80 KB message)', () => {
    const long = Array.from({ length: 5000 }, () => 'fast < slow').join(' and ');
    const message = usage(() => compileWhere(long, ['fast', 'slow'])).message;
    expect(message).toBe(`--where "${long.slice(0, 80)}…": longer than 1000 characters at character 1001`);
    expect(usage(() => compileWhere(`${'fast < slow and '.repeat(4)}fast <`, ['fast', 'slow'])).message).toBe('--where "fast < slow and fast < slow and fast < slow and fast < slow and fast <": the expression ends early at character 71');
  });
});

/** The reference: the whole product as an array, shuffled in place by docs/SWEEP.md's draw, filtered, then sorted into grid order. */
function naiveSample(s: SweepSpace, samples: number, seed: bigint): Record<string, number>[] {
  const all = combinationsOf({ ...s, where: null, random: null }, 1_000_000).map((c) => c.params);
  const test = compileWhere(s.where!, s.grids.map((g) => g.name));
  const order = all.map((_, k) => k);
  const next = splitMix64(seed);
  const taken: number[] = [];
  for (let i = 0; i < order.length && taken.length < samples; i++) {
    const j = i + Number((next() * BigInt(order.length - i)) >> 64n);
    [order[i], order[j]] = [order[j]!, order[i]!];
    if (test(all[order[i]!]!)) taken.push(order[i]!);
  }
  return taken.sort((a, b) => a - b).map((k) => all[k]!);
}

describe('random search', () => {
  it('SplitMix64 is the reference generator (Vigna, seed 0: 0xe220a8397b1dcdaf first)', () => {
    const next = splitMix64(0n);
    expect(next().toString(16)).toBe('e220a8397b1dcdaf');
    expect(next().toString(16)).toBe('6e789e6aa1b965f4');
  });

  it('a fixed seed draws a fixed sample, in grid order, without repeats; --where filters the draws', () => {
    const s = space(['fast=5..50:5', 'slow=20..200:10'], 'fast < slow', { samples: 5, seed: '42' });
    const drawn = combinationsOf(s, 100);
    expect(drawn).toEqual(combinationsOf(s, 100));
    expect(drawn.map((c) => c.params)).toEqual(naiveSample(s, 5, 42n));
    expect(drawn.map((c) => c.params)).toEqual([
      { fast: 5, slow: 130 }, { fast: 10, slow: 140 }, { fast: 15, slow: 180 }, { fast: 20, slow: 120 }, { fast: 40, slow: 90 },
    ]);
    expect(drawn.map((c) => c.index)).toEqual([0, 1, 2, 3, 4]);
    const other = combinationsOf({ ...s, random: { samples: 5, seed: '43' } }, 100);
    expect(other).not.toEqual(drawn);
    // more samples than the space holds: all of it, in grid order
    const small = space(['a=1..3', 'b=1..2'], 'a != 2', { samples: 100, seed: '7' });
    expect(combinationsOf(small, 100)).toEqual(combinationsOf({ ...small, random: null }, 100));
  });
});
