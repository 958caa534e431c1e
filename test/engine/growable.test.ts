// The engine's column memory: small columns are plain buffers (no 4 GiB reservation made and unmapped
// per run: a sweep's many short runs), large ones reserve and grow in place; either keeps its bytes when it grows.
import { describe, expect, it } from 'vitest';
import { growableBuffer, MAX_GROWABLE_BYTES, RESERVE_FROM_BYTES, reservedBuffer, resized } from '../../host/engine/growable.ts';

const resizable = (b: ArrayBuffer): boolean => (b as ArrayBuffer & { resizable: boolean }).resizable;
const maxOf = (b: ArrayBuffer): number => (b as ArrayBuffer & { maxByteLength: number }).maxByteLength;

describe('growableBuffer', () => {
  it('is a plain buffer below RESERVE_FROM_BYTES and a reserved one from it', () => {
    expect(RESERVE_FROM_BYTES).toBe(4 * 1024 * 1024);
    const small = growableBuffer(RESERVE_FROM_BYTES - 8);
    expect(resizable(small)).toBe(false);
    expect(small.byteLength).toBe(RESERVE_FROM_BYTES - 8);
    const large = growableBuffer(RESERVE_FROM_BYTES);
    expect(resizable(large)).toBe(true);
    expect(maxOf(large)).toBe(MAX_GROWABLE_BYTES);
    expect(large.byteLength).toBe(RESERVE_FROM_BYTES);
    expect(resizable(reservedBuffer(64))).toBe(true);
  });

  it('keeps its bytes when it grows: copied while small, in place once reserved', () => {
    const a = growableBuffer(16);
    new Uint8Array(a).set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    const b = resized(a, 1024);
    expect(b).not.toBe(a);
    expect(resizable(b)).toBe(false);
    expect([...new Uint8Array(b, 0, 17)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 0]);
    const c = resized(b, RESERVE_FROM_BYTES + 8);
    expect(resizable(c)).toBe(true);
    expect([...new Uint8Array(c, 0, 3)]).toEqual([1, 2, 3]);
    const d = resized(c, RESERVE_FROM_BYTES * 2);
    expect(d).toBe(c); // grown in place
    expect(d.byteLength).toBe(RESERVE_FROM_BYTES * 2);
    expect(new Uint8Array(d)[15]).toBe(16);
  });
});
