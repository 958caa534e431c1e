// verify checks a result.pb too large to hold as it reads it (inspect/result-stream over audit/codec
// ResultStreamCheck): a window over blocks, each hashed as read. Whatever the block size, so wherever a
// block boundary falls (inside a key, a length, a row, the equity or the stats), it must give what
// checkResult gives on the whole bytes: the same counts and stats, or the same error at the same byte
// position, for every truncation and every changed byte, and the SHA-256 of every byte of the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkResult, encodeResult } from '../../host/audit/codec.ts';
import { checkResultFile, countedFromCensus } from '../../host/inspect/result-stream.ts';
import { startHashThread } from '../../host/inspect/hash-start.ts';
import type { BacktestResult, Trade } from '../../host/model/trade.ts';
import type { OrderReason, OrderRecord } from '../../host/model/order.ts';
import { statsOf } from '../audit/legacy-outputs.ts';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-result-stream-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const trade = (k: number): Trade => ({
  symbol: k % 3, entryBar: k * 37 + 1, exitBar: k * 1001 + 2, entryTime: BigInt(k + 1) * 86_400_000_000_000n, exitTime: BigInt(k + 2) ** 5n,
  size: k - 2.5, entryPrice: 100 + k, exitPrice: 101.5, pnl: -k - 0.5, returnPct: k / 7 + 1, commission: 0.25,
});
const order = (k: number): OrderRecord => ({
  id: k + 1, bar: k * 3 - 4, time: BigInt(k) * 60_000_000_000n - 7n, symbol: k % 2, side: k % 2 ? 1 : -1, type: k % 3, size: k + 0.5, status: 1 + (k % 3),
  reason: (['', 'oco', 'zero-units'][k % 3]) as OrderReason, price: k * 1.25 + 1, units: k - 3.5,
});
const result: BacktestResult = {
  trades: Array.from({ length: 6 }, (_, k) => trade(k)),
  orders: Array.from({ length: 5 }, (_, k) => order(k)),
  equity: Float64Array.from({ length: 9 }, (_, i) => 1e6 + i * 0.1),
  stats: statsOf({ start: 5n, end: 99n, bars: 9, trades: 6, equityFinal: 1000004, sharpe: -0.5 }),
};
const bytes = encodeResult(result);

/** checkResult on the whole bytes: what it gives (without the equity), or its error's message. */
function whole(b: Uint8Array, rows: boolean): unknown {
  try {
    const { trades, orders, equityPoints, stats } = checkResult(b, rows);
    return { trades, orders, equityPoints, stats };
  } catch (e) {
    return (e as Error).message;
  }
}

let files = 0;
/** The same bytes as a file, checked in blocks of `block` bytes; its SHA-256 and length checked too. */
function streamed(b: Uint8Array, rows: boolean, block: number): unknown {
  const file = path.join(work, `r${files++ % 8}.pb`);
  writeFileSync(file, b);
  const got = checkResultFile(file, b.length, rows, block);
  expect(got).not.toBeNull();
  expect(Buffer.from(got!.sha256).toString('hex')).toBe(createHash('sha256').update(b).digest('hex'));
  expect(got!.byteLength).toBe(b.length);
  return got!.counts ?? got!.error!.message;
}

describe('result.pb checked as it is read', () => {
  it('gives checkResult\'s counts and stats, rows read or counted, for every block size', () => {
    expect(bytes.length).toBeGreaterThan(400);
    const expected = whole(bytes, true);
    expect(expected).toMatchObject({ trades: 6, orders: 5, equityPoints: 9 });
    for (const block of [1, 2, 3, 5, 7, 8, 13, 64, 333, 4096, 1 << 20])
      for (const rows of [true, false]) expect(streamed(bytes, rows, block), `block ${block}`).toEqual(expected);
  });

  it('a result cut at any byte gives checkResult\'s outcome on it, at every block boundary', () => {
    const outcomes = new Set<string>();
    for (let n = 0; n < bytes.length; n++) {
      const cut = bytes.subarray(0, n);
      const expected = whole(cut, true);
      outcomes.add(typeof expected === 'string' ? expected.replace(/[0-9]+/g, 'N') : 'ok');
      for (const block of [1, 6]) expect(streamed(cut, true, block), `${n} bytes, block ${block}`).toEqual(expected);
    }
    // (cut inside a key or a length, inside a row, inside the equity, between rows: each way it can end)
    expect([...outcomes].sort()).toEqual([
      'Result: a field of N bytes at byte N runs past its end',
      'Result: truncated at byte N',
      'ok',
    ]);
  });

  it('a result with any one byte changed gives checkResult\'s outcome on it, rows read or counted', () => {
    const outcomes = new Set<string>();
    for (let i = 0; i < bytes.length; i++) {
      for (const value of [bytes[i]! ^ 0x80, i % 2 ? 0 : 0xff]) {
        const changed = Uint8Array.from(bytes);
        changed[i] = value;
        for (const rows of value === 0 ? [true, false] : [i % 3 !== 0]) {
          const expected = whole(changed, rows);
          outcomes.add(typeof expected === 'string' ? expected.replace(/[0-9]+/g, 'N') : 'ok');
          expect(streamed(changed, rows, 1 + (i % 9)), `byte ${i} = ${value}, rows ${rows}`).toEqual(expected);
        }
      }
    }
    expect(outcomes.size).toBeGreaterThan(8);
  });

  it('a file that is not a regular file of the given size is left to the caller (null)', async () => {
    const file = path.join(work, 'sized.pb');
    await writeFile(file, bytes);
    expect(checkResultFile(file, bytes.length + 1, true, 64)).toBeNull();
    expect(checkResultFile(file, bytes.length - 1, true, 64)).toBeNull();
    expect(checkResultFile(path.join(work, 'missing.pb'), bytes.length, true, 64)).toBeNull();
    await mkdir(path.join(work, 'dir.pb'));
    expect(checkResultFile(path.join(work, 'dir.pb'), 0, true, 64)).toBeNull();
    expect(checkResultFile(file, bytes.length, true, 64)?.counts).toMatchObject({ trades: 6, orders: 5, equityPoints: 9 });
  });
});

describe('the hashing thread\'s census of a result.pb (taken for rows found canonical before)', () => {
  /** The thread's census of `b` (written to a file), and its bytes. */
  async function censusOf(b: Uint8Array, name: string): Promise<{ bytes: Uint8Array; census: unknown }> {
    const file = path.join(work, name);
    await writeFile(file, b);
    const thread = startHashThread({ path: file, upTo: b.length })!;
    try {
      const h = await thread.kept!.answer;
      return { bytes: new Uint8Array(h!.bytes!), census: h!.census };
    } finally {
      void thread.worker.terminate();
    }
  }
  const noRows: BacktestResult = { trades: [], orders: [], equity: new Float64Array(0), stats: statsOf({}) };
  const cases: [string, Uint8Array][] = [
    ['rows, equity and stats', bytes],
    ['no rows, no equity, zero stats', encodeResult(noRows)],
    ['orders only', encodeResult({ ...noRows, orders: [order(3)], stats: statsOf({ bars: 0, sharpe: Number.NaN }) })],
    ['equity only', encodeResult({ ...noRows, equity: new Float64Array([1, -0, Number.NaN]), stats: statsOf({ bars: 3 }) })],
  ];
  it('gives what checkResult(bytes, false) gives: counts, equity and stats', async () => {
    for (const [what, b] of cases) {
      const { bytes: read, census } = await censusOf(b, `census-${what.replace(/\W+/g, '-')}.pb`);
      expect(census, what).not.toBeNull();
      const got = countedFromCensus(read, census as never);
      const want = checkResult(b, false);
      expect([got.trades, got.orders, got.equityPoints, got.stats], what).toEqual([want.trades, want.orders, want.equityPoints, want.stats]);
      expect(Buffer.from(got.equity().buffer), what).toEqual(Buffer.from(want.equity().buffer));
    }
    expect((await censusOf(bytes, 'census-counts.pb')).census).toEqual({ trades: 6, orders: 5, equity: expect.any(Array), stats: expect.any(Array) });
  });
  it('is null for bytes that are not length-delimited fields 1 to 4 (a field 5, a varint field, a length past the end, a cut key)', async () => {
    for (const [what, b] of [['field 5', [0x2a, 0x00]], ['a varint field', [0x08, 0x01]], ['a length past the end', [0x0a, 0x05, 0x00]], ['a cut key', [0x0a, 0x01, 0x00, 0x80]]] as const)
      expect((await censusOf(new Uint8Array(b), `census-bad-${what.replace(/\W+/g, '-')}.pb`)).census, what).toBeNull();
  });
});
