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
