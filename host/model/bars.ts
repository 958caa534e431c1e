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

/**
 * ISO-8601 UTC text of a ns timestamp, exact to the second (sub-second digits only when present).
 * Non-negative times (every int64 one is before year 2262) take the fast path: the day's
 * "YYYY-MM-DDT" cached, the time of day by integer arithmetic on the 32-bit words. Others keep the
 * Date-based form, whose text for negative sub-second times is what it always was.
 */
export function isoTime(ns: bigint): string {
  if (ns < 0n || ns > INT64_MAX) return isoTimeByDate(ns);
  word64[0] = ns;
  const hi = words32[TIME_HI]!, lo = words32[TIME_LO]!;
  const day = dayOfWords(hi, lo);
  const nsOfDay = nsOfDayOfWords(hi, lo, day);
  const sec = Math.floor(nsOfDay / 1e9);
  const frac = nsOfDay - sec * 1e9;
  const h = Math.floor(sec / 3600), m = Math.floor((sec - h * 3600) / 60);
  const head = dayPrefix(day) + TWO_DIGITS[h] + ':' + TWO_DIGITS[m] + ':' + TWO_DIGITS[sec - h * 3600 - m * 60];
  return frac === 0 ? head + 'Z' : head + '.' + NINE_ZEROS.slice(String(frac).length) + frac + 'Z';
}

/**
 * isoTime's bytes written at `at` of `out` (≥ 40 bytes free), for a time given as its words
 * (timeWords): no BigInt and no string on the fast path. Returns the position after them.
 */
export function writeIsoTimeWords(out: Uint8Array, at: number, hi: number, lo: number): number {
  if (hi < 0) {
    words32[TIME_HI] = hi;
    words32[TIME_LO] = lo;
    const text = isoTime(word64[0]!);
    for (let k = 0; k < text.length; k++) out[at++] = text.charCodeAt(k);
    return at;
  }
  const day = dayOfWords(hi, lo);
  if (day !== bytesDay) {
    const p = dayPrefix(day);
    for (let k = 0; k < 11; k++) dayBytes[k] = p.charCodeAt(k);
    bytesDay = day;
  }
  for (let k = 0; k < 11; k++) out[at + k] = dayBytes[k]!;
  at += 11;
  const nsOfDay = nsOfDayOfWords(hi, lo, day);
  const sec = Math.floor(nsOfDay / 1e9);
  let frac = nsOfDay - sec * 1e9;
  const h = Math.floor(sec / 3600), m = Math.floor((sec - h * 3600) / 60), s = sec - h * 3600 - m * 60;
  out[at] = 48 + ((h / 10) | 0); out[at + 1] = 48 + (h % 10); out[at + 2] = 58;
  out[at + 3] = 48 + ((m / 10) | 0); out[at + 4] = 48 + (m % 10); out[at + 5] = 58;
  out[at + 6] = 48 + ((s / 10) | 0); out[at + 7] = 48 + (s % 10);
  at += 8;
  if (frac !== 0) {
    out[at] = 46;
    for (let k = 9; k >= 1; k--) {
      const q = Math.floor(frac / 10);
      out[at + k] = 48 + (frac - q * 10);
      frac = q;
    }
    at += 10;
  }
  out[at] = 90;
  return at + 1;
}

/** The Date-based isoTime: the reference, and the form of negative times. */
function isoTimeByDate(ns: bigint): string {
  const ms = Number(ns / 1_000_000n);
  const iso = new Date(ms).toISOString();
  const frac = ns % 1_000_000_000n;
  return frac === 0n ? iso.replace('.000Z', 'Z') : iso.slice(0, 19) + '.' + frac.toString().padStart(9, '0') + 'Z';
}

const INT64_MAX = (1n << 63n) - 1n;
const word64 = new BigInt64Array(1);
const words32 = new Int32Array(word64.buffer);
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const NINE_ZEROS = '000000000';
const dayBytes = new Uint8Array(11);
let bytesDay = NaN;
let lastDay = NaN;
let lastPrefix = '';
const prefixes = new Map<number, string>();

/** "YYYY-MM-DDT" of a day since the epoch (0 ≤ day, before year 10000): cached, as runs revisit few days. */
function dayPrefix(day: number): string {
  if (day === lastDay) return lastPrefix;
  let p = prefixes.get(day);
  if (p === undefined) {
    if (prefixes.size >= 4096) prefixes.clear();
    p = new Date(day * 86_400_000).toISOString().slice(0, 11);
    prefixes.set(day, p);
  }
  lastDay = day;
  lastPrefix = p;
  return p;
}

/** time − day·86,400·10^9 exactly (see dayOfWords: time >> 16 and its quotient are exact doubles). */
function nsOfDayOfWords(hi: number, lo: number, day: number): number {
  return (hi * 65536 + (lo >>> 16) - day * 1_318_359_375) * 65536 + (lo & 0xffff);
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
