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
import { checkResultFile } from '../../host/inspect/result-stream.ts';
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
