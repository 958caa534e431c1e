/**
 * @module model/bars
 * Bars are stored by column: timestamps as int64 nanoseconds since the Unix epoch (UTC), prices
 * and volume as float64. Columns keep the per-bar loop free of allocation.
 */
export interface Bars {
  readonly length: number;
  /** Bar time, ns since 1970-01-01T00:00:00Z. Strictly increasing. */
  readonly time: BigInt64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

/** Bars in successive chunks (each non-empty, in time order): how large files stream through a run. */
export interface BarSource {
  /** The next chunk, or null at the end. */
  next(): Bars | null;
  /** An estimate of the bars in all (lets a run size its arrays once). */
  estimatedLength?(): number;
}

export const NS_PER_DAY = 86_400_000_000_000n;

/** ISO-8601 UTC text of a ns timestamp, exact to the second (sub-second digits only when present). */
export function isoTime(ns: bigint): string {
  const ms = Number(ns / 1_000_000n);
  const iso = new Date(ms).toISOString();
  const frac = ns % 1_000_000_000n;
  return frac === 0n ? iso.replace('.000Z', 'Z') : iso.slice(0, 19) + '.' + frac.toString().padStart(9, '0') + 'Z';
}

// The per-bar path reads times as 32-bit word pairs: reading a BigInt64Array element makes a BigInt,
// a heap object, and the engine must not allocate per bar.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Index of a time's low (unsigned) and high (signed) 32-bit word within its pair in `timeWords`. */
export const TIME_LO = LITTLE_ENDIAN ? 0 : 1;
export const TIME_HI = 1 - TIME_LO;

/** A view of the times as int32 words: time k is words[2k + TIME_HI] · 2^32 + (words[2k + TIME_LO] >>> 0). */
export function timeWords(time: BigInt64Array): Int32Array {
  return new Int32Array(time.buffer, time.byteOffset, time.length * 2);
}

/**
 * floor(time / 1 day) of a time given as words, exact without BigInt: 86,400·10^9 ns = 2^16 ·
 * 1,318,359,375, and time >> 16 = hi·2^16 + (lo >>> 16) is below 2^47 in magnitude, so it is an exact
 * double; dividing it by the odd factor cannot round across an integer (the quotient's distance to
 * one is ≥ 1/1,318,359,375, far above its ulp), so Math.floor gives the exact floor.
 */
export function dayOfWords(hi: number, lo: number): number {
  return Math.floor((hi * 65536 + (lo >>> 16)) / 1_318_359_375);
}
