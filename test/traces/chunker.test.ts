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

  it('commits an empty stream without starting a worker', () => {
    expect(toHex(new ParallelChunker().finish().root)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
