/**
 * @module engine/growable
 * Memory for the engine's per-bar columns (equity, time) that grows in place: a resizable
 * ArrayBuffer reserves address space, not memory, and resize() commits pages as the bars come, so a
 * column that outgrows its first size is never copied (no transient second copy: 80 MB at 10M bars
 * for each column). The equity's buffer is then grown once more into result.pb's bytes around it
 * (audit/codec encodeResultAroundEquity). A small column (RESERVE_FROM_BYTES), or one where a runtime
 * cannot reserve that much, is a plain buffer that is copied when it grows.
 */

/**
 * Address space reserved per column: more than any run's result (verify reads files up to 1 GiB),
 * and below 4 GiB, the largest resizable buffer a thread can pass to another by copy (V8's
 * serializer writes the maximum as 32 bits; a transfer has no such limit).
 */
export const MAX_GROWABLE_BYTES = 2 ** 32 - 4096;

type Resizable = ArrayBuffer & { readonly resizable: boolean; readonly maxByteLength: number; resize(byteLength: number): void };
const ResizableArrayBuffer = ArrayBuffer as unknown as new (byteLength: number, options?: { maxByteLength: number }) => Resizable;

/**
 * Below this many bytes a column starts as a plain buffer (copied if it outgrows it: a copy this small
 * costs less than a reservation). Each reservation is a mapping of 4 GiB made and unmapped again, and
 * an unmapping flushes the TLB of every core running one of the process's threads: a sweep of many
 * short runs made three a run, which slowed its other worker thread each time (docs/BENCHMARKS.md, "Sweeps").
 */
export const RESERVE_FROM_BYTES = 1 << 22;

/** A buffer of `bytes` that can grow in place up to MAX_GROWABLE_BYTES (or a plain one, where that cannot be reserved or `bytes` is below RESERVE_FROM_BYTES). */
export function growableBuffer(bytes: number): ArrayBuffer {
  return bytes < RESERVE_FROM_BYTES ? new ArrayBuffer(bytes) : reservedBuffer(bytes);
}

/** A buffer of `bytes` that grows in place up to MAX_GROWABLE_BYTES, whatever its size (a plain one where that cannot be reserved). */
export function reservedBuffer(bytes: number): ArrayBuffer {
  try {
    return new ResizableArrayBuffer(bytes, { maxByteLength: MAX_GROWABLE_BYTES });
  } catch {
    return new ArrayBuffer(bytes);
  }
}

/** Whether `buffer` grows in place (resizable), and to how many bytes. */
export function growsInPlace(buffer: ArrayBufferLike, bytes: number): buffer is Resizable {
  const b = buffer as Partial<Resizable>;
  return b.resizable === true && bytes <= b.maxByteLength!;
}

/** `buffer` with `bytes` (more or fewer): itself resized where it grows in place, else a copy of its first bytes. */
export function resized(buffer: ArrayBuffer, bytes: number): ArrayBuffer {
  if (growsInPlace(buffer, bytes)) {
    buffer.resize(bytes);
    return buffer;
  }
  const next = growableBuffer(bytes);
  new Uint8Array(next).set(new Uint8Array(buffer, 0, Math.min(bytes, buffer.byteLength)));
  return next;
}
