/**
 * @module engine/ports
 * What the engine needs from the outside: a guest that receives bars, and a sink for guest logs.
 * The sandbox's GuestInstance satisfies GuestPort; tests may drive the engine with plain objects.
 */
import type { Bars } from '../model/bars.ts';
import type { OrderEvents } from '../model/order.ts';
import type { TradeLog } from '../model/trade.ts';

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
  /**
   * `onOrder` for event k of `events` (its id, status, price and units columns); used instead when
   * present. Like onBarAt, it lets a guest take the event without boxed doubles per call.
   */
  onOrderAt?(events: OrderEvents, k: number): void;
  /** `onTrade` for trade k of `trades` (its size, entryPrice, exitPrice and pnl columns); used instead when present. */
  onTradeAt?(trades: TradeLog, k: number): void;
}
