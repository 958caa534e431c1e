import { describe, expect, it } from 'vitest';
import { TraceChunker, hashLeaf, merkleRoot, toHex } from '../../traces/index.ts';

describe('TraceChunker', () => {
  const stream = new Uint8Array(10_000).map((_, i) => (i * 31) & 0xff);

  it('cuts fixed-size leaves whatever the write pattern', () => {
    const expected = [];
    for (let i = 0; i < stream.length; i += 1024) expected.push(stream.subarray(i, i + 1024));
    const whole = new TraceChunker(1024);
    whole.write(stream);
    const pieces = new TraceChunker(1024);
    for (let at = 0, step = 1; at < stream.length; at += step, step = (step * 7) % 1500 + 1) pieces.write(stream.subarray(at, Math.min(at + step, stream.length)));
    const a = whole.finish();
    const b = pieces.finish();
    expect(a.leafHashes.map(toHex)).toEqual(expected.map((c) => toHex(hashLeaf(c))));
    expect(toHex(b.root)).toBe(toHex(a.root));
    expect(toHex(a.root)).toBe(toHex(merkleRoot(expected)));
    expect(a.byteLength).toBe(10_000);
    expect(a.leafHashes).toHaveLength(10);
  });

  it('commits an empty trace to the empty root', () => {
    const c = new TraceChunker(1024).finish();
    expect(c.leafHashes).toHaveLength(0);
    expect(toHex(c.root)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

import { ParallelChunker } from '../../traces/index.ts';

describe('ParallelChunker', () => {
  it('commits exactly what TraceChunker commits, hashing on a worker', () => {
    const big = new Uint8Array(5_300_001).map((_, i) => (i * 2654435761) >>> 24);
    const a = new TraceChunker(65536);
    const b = new ParallelChunker(65536);
    for (let at = 0, step = 1; at < big.length; at += step, step = (step * 31) % 2_500_000 + 7) {
      a.write(big.subarray(at, at + step));
      b.write(big.subarray(at, at + step));
    }
    const x = a.finish();
    const y = b.finish();
    expect(y.byteLength).toBe(big.length);
    expect(y.leafHashes.map(toHex)).toEqual(x.leafHashes.map(toHex));
    expect(toHex(y.root)).toBe(toHex(x.root));
  });

  it('commits an empty stream to the empty root', () => {
    const c = new ParallelChunker().finish();
    expect(c.leafHashes).toHaveLength(0);
    expect(c.byteLength).toBe(0);
    expect(toHex(c.root)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  // Slots hold a whole number of leaves: 16 of 4 bytes, 87,381 of 12, one of 3 MiB (a leaf larger than a slot's target).
  it.each([4, 12, 3 << 20])('commits what TraceChunker commits with %i-byte leaves', (chunkSize) => {
    const n = chunkSize === 4 ? 200_003 : chunkSize === 12 ? 1_000_003 : 7_000_001;
    const stream = new Uint8Array(n).map((_, i) => (i * 2246822519) >>> 24);
    const a = new TraceChunker(chunkSize);
    const b = new ParallelChunker(chunkSize);
    for (let at = 0, step = 3; at < n; at += step, step = (step * 13) % 1_700_000 + 1) {
      a.write(stream.subarray(at, Math.min(at + step, n)));
      b.write(stream.subarray(at, Math.min(at + step, n)));
    }
    const x = a.finish();
    const y = b.finish();
    expect(y.leafHashes).toHaveLength(Math.ceil(n / chunkSize));
    expect(y.leafHashes.map(toHex)).toEqual(x.leafHashes.map(toHex));
    expect(toHex(y.root)).toBe(toHex(x.root));
  });

  it('copies each write before returning: changing the bytes afterwards changes nothing', () => {
    const piece = new Uint8Array(3 << 20).map((_, i) => i & 0xff);
    const expected = new TraceChunker();
    expected.write(piece);
    const b = new ParallelChunker();
    b.write(piece);
    piece.fill(0xee);
    expect(toHex(b.finish().root)).toBe(toHex(expected.finish().root));
  });

  it('serves two chunkers at once and again after they finish (pooled workers)', () => {
    const s = new Uint8Array(2_500_000).map((_, i) => (i * 40503) >>> 8);
    const expected = toHex(merkleRoot(Array.from({ length: Math.ceil(s.length / 65536) }, (_, i) => s.subarray(i * 65536, (i + 1) * 65536))));
    for (let round = 0; round < 3; round++) {
      const a = new ParallelChunker();
      const b = new ParallelChunker();
      for (let at = 0; at < s.length; at += 300_000) {
        a.write(s.subarray(at, at + 300_000));
        b.write(s.subarray(at, at + 300_000));
      }
      expect([toHex(a.finish().root), toHex(b.finish().root)]).toEqual([expected, expected]);
    }
  });

  it('refuses a write after finish', () => {
    const c = new ParallelChunker();
    c.finish();
    expect(() => c.write(new Uint8Array(4))).toThrow('ParallelChunker used after finish');
  });
});
