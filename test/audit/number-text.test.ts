// audit/number-text writes String(x) of a double as bytes: compared with String on edge values and on
// millions of seeded doubles of every kind the renderers meet (prices, differences, ratios, raw bit
// patterns across the fixed-notation range); the doubles it leaves to String are named exactly, and the
// share it decides itself is checked, so the comparison is of its own digits.
import { describe, expect, it } from 'vitest';
import { writeInt32, writeNumber, writeShortestDouble } from '../../host/audit/number-text.ts';

/** A seeded 64-bit LCG: the same values on every machine. */
function lcg(seed: bigint): () => bigint {
  let x = seed;
  return () => (x = (x * 6364136223846793005n + 1442695040888963407n) & ((1n << 64n) - 1n));
}

const out = new Uint8Array(64);
const textOf = (x: number): string | null => {
  const end = writeShortestDouble(out, 3, x);
  return end < 0 ? null : Buffer.from(out.subarray(3, end)).toString('latin1');
};

/** x and the doubles just above and below it. */
function* andNeighbours(x: number): Generator<number> {
  const f = new Float64Array([x]);
  const u = new BigInt64Array(f.buffer);
  const bits = u[0]!;
  yield x;
  u[0] = bits + 1n;
  yield f[0]!;
  u[0] = bits - 1n;
  yield f[0]!;
}

/** Each x's text against String(x); how many it decided itself. */
function compare(xs: Iterable<number>): { decided: number; total: number; wrong: string[] } {
  let decided = 0, total = 0;
  const wrong: string[] = [];
  for (const x of xs) {
    total++;
    const got = textOf(x);
    if (got === null) continue;
    decided++;
    if (got !== String(x) && wrong.length < 10) wrong.push(`${String(x)} written as ${got}`);
  }
  return { decided, total, wrong };
}

describe('writeShortestDouble', () => {
  it('leaves to String exactly: NaN, the infinities, zeros, |x| below 1e-6 or from 1e15, powers of two of more than six decimals or from 10^9, subnormals', () => {
    for (const x of [NaN, Infinity, -Infinity, 0, -0, 9.99e-7, -5e-7, 1e15, -1e15, 1e21, 2 ** 60, 5e-324, Number.MAX_VALUE, -(2 ** 40), 2 ** -19, 2 ** -7])
      expect([x, writeShortestDouble(out, 0, x)]).toEqual([x, -1]);
    // just inside the range, written here
    for (const [x, text] of [[1.5e-6, '0.0000015'], [-0.000001234, '-0.000001234'], [999999999999999.9, '999999999999999.9'], [3, '3'], [-7, '-7'], [0.1, '0.1'], [100.025, '100.025'], [1 / 3, '0.3333333333333333'], [2 / 3, '0.6666666666666666'], [0.39291079999998846, '0.39291079999998846'], [0.5, '0.5'], [-0.25, '-0.25'], [1, '1'], [1024, '1024'], [2 ** -6, '0.015625'], [2 ** 29, '536870912'], [100.1234, '100.1234'], [-0.000001, '-0.000001'], [999999999.999999, '999999999.999999'], [123456789.000001, '123456789.000001']] as const)
      expect([x, textOf(x)]).toEqual([x, text]);
  });

  it('writes String(x) at the position given and returns the end; bytes before it and from 25 past it untouched', () => {
    for (const [x, text] of [[-12.5, '-12.5'], [1e-6 * 1.5, '0.0000015'], [-123456.78901234567, '-123456.78901234567'], [1234.5, '1234.5'], [1200.000000001, '1200.000000001']] as const) {
      const buf = new Uint8Array(60).fill(120);
      expect(writeShortestDouble(buf, 5, x)).toBe(5 + text.length);
      expect(Buffer.from(buf.subarray(5, 5 + text.length)).toString('latin1')).toBe(text);
      expect([...buf.subarray(0, 5), ...buf.subarray(30)].every((b) => b === 120)).toBe(true);
    }
  });

  it('edges: powers of ten and their neighbours, ties of the last digit, 15-, 16- and 17-digit values, the 1e-6 and 1e15 bounds', () => {
    const xs: number[] = [];
    const f = new Float64Array(1);
    const u = new BigInt64Array(f.buffer);
    for (let e = -7; e <= 15; e++)
      for (const m of ['1', '9.999999999999999', '9.9999999999999999', '1.0000000000000002', '5', '2.5', '1.25', '4.35', '0.3', '123456789012345', '1234567890123456', '12345678901234567']) {
        const x = Number(`${m}e${e}`);
        f[0] = x;
        const bits = u[0]!;
        for (let d = -3n; d <= 3n; d++) {
          u[0] = bits + d;
          xs.push(f[0]!, -f[0]!);
        }
      }
    const { wrong } = compare(xs);
    expect(wrong).toEqual([]);
    // those in its range (1e-6 ≤ |x| < 1e15, not a power of two) it writes itself, but for near-ties
    const inRange = xs.filter((x) => Math.abs(x) >= 1e-6 && Math.abs(x) < 1e15 && Math.log2(Math.abs(x)) % 1 !== 0);
    expect(inRange.length).toBeGreaterThan(2000);
    expect(compare(inRange).decided).toBeGreaterThan(inRange.length * 0.99);
  });

  it('seeded doubles: prices, their differences and ratios, commissions, equity, raw bit patterns from 1e-6 to 1e15 (2,000,000 values)', () => {
    const next = lcg(11n);
    const f = new Float64Array(1);
    const u = new BigUint64Array(f.buffer);
    const unit = (): number => Number(next() >> 11n) / 2 ** 53;
    const kinds: (() => number)[] = [
      () => Math.round((50 + unit() * 150) * 1e4) / 1e4, // a price with 4 decimals
      () => Math.round(unit() * 1e8) / 10 ** Number(next() % 9n), // up to 8 decimals
      () => { const a = 100 + unit() * 3, b = 100 + unit() * 3; return a - b; },
      () => { const a = 100 + unit() * 3, b = 100 + unit() * 3; return ((a - b) / a) * 100; },
      () => 0.002 * (100 + unit() * 3 + 100 + unit() * 3),
      () => 1e6 + (unit() - 0.5) * 1e4,
      () => {
        // any bit pattern whose exponent puts it between 2^-20 and 2^50
        u[0] = (next() & ((1n << 52n) - 1n)) | (BigInt(1023 - 20 + Number(next() % 70n)) << 52n) | (next() & (1n << 63n));
        return f[0]!;
      },
    ];
    const xs = function* (): Generator<number> {
      for (let i = 0; i < 2_000_000; i++) yield kinds[i % kinds.length]!();
    };
    const { decided, total, wrong } = compare(xs());
    expect(wrong).toEqual([]);
    // all but the out-of-range bit patterns (exponents below 1e-6 or from 1e15: ~11 of 70) are decided here
    expect(decided / total).toBeGreaterThan(0.97);
  });

  it('decimals of 1 to 17 significant digits at every exponent from 1e-6 to 1e15, and their neighbours (1,200,000 values)', () => {
    // Number(text) of a random k-digit decimal: its shortest form has at most k digits, the case each of the
    // 15-, 16- and 17-digit tries must get right (and the trailing zeros, the point's place, the carries)
    const next = lcg(97n);
    const xs = function* (): Generator<number> {
      for (let i = 0; i < 400_000; i++) {
        const k = 1 + Number(next() % 17n);
        const digits = (next() % 10n ** BigInt(k)).toString().padStart(k, '9');
        const x = Number(`${next() % 2n ? '-' : ''}${digits}e${Number(next() % 22n) - 6 - k}`);
        yield* andNeighbours(x);
      }
    };
    const { decided, total, wrong } = compare(xs());
    expect(wrong).toEqual([]);
    expect(total).toBe(1_200_000);
    expect(decided / total).toBeGreaterThan(0.9);
  });

  it('six decimals or fewer (the one-division path): m / 10^6 for m of 1 to 15 digits, at its edges, and the neighbours (900,000 values)', () => {
    const next = lcg(61n);
    const ms = [1, 9, 10, 999_999, 1_000_000, 1_000_001, 999_999_999_999_999, 999_999_999_999_990, 100_000_000_000_000, 123_456_789_012_345];
    const xs = function* (): Generator<number> {
      for (let i = 0; i < 300_000; i++) {
        const m = i < ms.length ? ms[i]! : Number(next() % 10n ** BigInt(1 + Number(next() % 15n)));
        const x = (i % 2 ? -m : m) / 10 ** Number(next() % 7n);
        yield* andNeighbours(x);
      }
    };
    const { decided, total, wrong } = compare(xs());
    expect(wrong).toEqual([]);
    expect(total).toBe(900_000);
    expect(decided / total).toBeGreaterThan(0.95);
  });
});

describe('writeNumber', () => {
  const textOfNumber = (x: number): string => {
    const end = writeNumber(out, 3, x);
    return end < 0 ? 'undecided' : Buffer.from(out.subarray(3, end)).toString('latin1');
  };

  it('int32s by their digits, every length and both ends; -0 as "0"', () => {
    const xs = [0, -0, 1, -1, 9, 10, 99, 100, 999, 1000, 9999, 10_000, 99_999, 100_000, 9_999_999, 10_000_000, 99_999_999, 100_000_000, 999_999_999, 1_000_000_000, 2 ** 31 - 1, -(2 ** 31), -(2 ** 31) + 1];
    const next = lcg(5n);
    for (let i = 0; i < 200_000; i++) xs.push(Number(BigInt.asIntN(32, next())) >> Number(next() % 32n));
    const wrong = xs.filter((x) => textOfNumber(x) !== String(x));
    expect(wrong).toEqual([]);
    expect(textOfNumber(-0)).toBe('0');
    // int32s only: writeInt32 gives the same
    const end = writeInt32(out, 0, -(2 ** 31));
    expect(Buffer.from(out.subarray(0, end)).toString('latin1')).toBe('-2147483648');
  });

  it('other doubles as writeShortestDouble: written or left to String exactly as it leaves them', () => {
    for (const x of [0.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 32 + 5, 1e15, NaN, Infinity, 5e-324, 100.025, -1 / 3, 4294967295.5])
      expect([x, writeNumber(out, 3, x)]).toEqual([x, writeShortestDouble(out, 3, x)]);
    expect(textOfNumber(2 ** 32 + 5)).toBe('4294967301');
    expect(textOfNumber(-1 / 3)).toBe('-0.3333333333333333');
  });
});
