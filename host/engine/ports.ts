/**
 * @module engine/ports
 * What the engine needs from the outside: a guest that receives bars, and a sink for guest logs.
 * The sandbox's GuestInstance satisfies GuestPort; tests may drive the engine with plain objects.
 */
import type { Bars } from '../model/bars.ts';

export interface GuestPort {
  onBar(time: bigint, open: number, high: number, low: number, close: number, volume: number): void;
  /**
   * `onBar` for bar `j` of `bars`, whose times are `words` (model/bars `timeWords`); used instead
   * when present. It lets a guest take the bar without a BigInt or boxed doubles per call.
   */
  onBarAt?(bars: Bars, words: Int32Array, j: number): void;
  /** An order was filled, cancelled, rejected or expired (optional). */
  onOrder?(id: number, status: number, price: number, units: number): void;
  /** Hashes (and commits) the guest's state after bar `bar` (optional). */
  snapshot?(bar: number): Uint8Array;
  /** A trade was closed (optional). */
  onTrade?(size: number, entryPrice: number, exitPrice: number, pnl: number): void;
}
