/**
 * @module model/order
 * Every order a run saw, with how it ended: one row per order id (ids are 1, 2, … in placement order,
 * across symbols; an order rejected outright also takes an id). Rendered as orders.csv.
 */
import { timeWords } from './bars.ts';
import { widened } from './columns.ts';

export interface OrderRecord {
  id: number;
  /** The symbol's bar being processed when the order was placed (−1: before its first bar, e.g. in init). */
  bar: number;
  /** Time of that bar (0 when bar is −1). */
  time: bigint;
  /** Index of the order's symbol (−1 when the guest named no valid symbol). */
  symbol: number;
  /** +1 buy, −1 sell, 0 close the position. */
  side: number;
  /** engine/broker TYPE: market, limit, stop, stop-limit, trailing amount, trailing percent. */
  type: number;
  /** The size as requested (0 = all available equity, below 1 a fraction, else units); may be invalid when rejected. */
  size: number;
  /** engine/broker STATUS (0: still open — never at the end of a run). */
  status: number;
  /** Why it ended so: a RejectReason for rejections, else a CancelReason, '' for plain fills. */
  reason: OrderReason;
  /** Fill price and signed units (0 when not filled). */
  price: number;
  units: number;
}

/** Why an order was rejected. */
export type RejectReason =
  | 'invalid-kind' // not buy, sell or close
  | 'invalid-size' // negative, NaN or infinite
  | 'invalid-type'
  | 'invalid-tif'
  | 'invalid-price' // a missing or non-positive limit/stop, or bracket levels on the wrong side
  | 'unknown-symbol'
  | 'insufficient-margin' // a unit order that does not fit the available equity at the fill
  | 'zero-units' // a fraction (or all) of the available equity buys less than one lot
  | 'no-position'; // close with nothing to close

/** Why an order ended without a fill otherwise, or a note on a fill. */
export type CancelReason =
  | 'strategy' // cancelled by the strategy
  | 'oco' // its bracket sibling filled (or won the bar)
  | 'parent-cancelled'
  | 'parent-unfilled' // its bracket entry expired, was cancelled or rejected
  | 'not-immediate' // IOC/FOK that could not fill on its first bar
  | 'day-end' // a DAY order (status expired)
  | 'end-of-data' // still open after the last bar
  | 'margin-call'; // the engine's liquidation (status filled)

export type OrderReason = RejectReason | CancelReason | '';

/** Every reason, by the code OrderLog stores it as (0: none). */
export const REASONS: readonly OrderReason[] = [
  '', 'invalid-kind', 'invalid-size', 'invalid-type', 'invalid-tif', 'invalid-price', 'unknown-symbol', 'insufficient-margin', 'zero-units', 'no-position',
  'strategy', 'oco', 'parent-cancelled', 'parent-unfilled', 'not-immediate', 'day-end', 'end-of-data', 'margin-call',
];
const REASON_CODE = new Map<OrderReason, number>(REASONS.map((r, i) => [r, i]));
/** The code of a reason in OrderLog's reason column. */
export const reasonCode = (reason: OrderReason): number => REASON_CODE.get(reason)!;

/**
 * The order rows by column: how the engine records them during a run (no object, no BigInt per
 * order; the time is written as int32 words, model/bars `timeWords`). Row k is order id k + 1;
 * `at(k)` and `toArray()` give the OrderRecord objects the result's readers take.
 */
export class OrderLog {
  length = 0;
  bar: Int32Array;
  time: BigInt64Array;
  /** `time` as int32 words (a view of the same memory). */
  timeWords: Int32Array;
  symbol: Int32Array;
  side: Int8Array;
  /** As the guest gave it (a rejected order's may be any number). */
  type: Float64Array;
  size: Float64Array;
  status: Uint8Array;
  /** Index into REASONS. */
  reason: Uint8Array;
  price: Float64Array;
  units: Float64Array;

  constructor(capacity = 256) {
    this.bar = new Int32Array(capacity);
    this.time = new BigInt64Array(capacity);
    this.timeWords = timeWords(this.time);
    this.symbol = new Int32Array(capacity);
    this.side = new Int8Array(capacity);
    this.type = new Float64Array(capacity);
    this.size = new Float64Array(capacity);
    this.status = new Uint8Array(capacity);
    this.reason = new Uint8Array(capacity);
    this.price = new Float64Array(capacity);
    this.units = new Float64Array(capacity);
  }

  /** A new row's index, its status, reason, price and units 0 (the columns double when full); the caller writes the rest. */
  add(): number {
    if (this.length === this.bar.length) this.grow(2 * this.bar.length);
    return this.length++;
  }

  private grow(capacity: number): void {
    this.bar = widened(this.bar, capacity);
    this.time = widened(this.time, capacity);
    this.timeWords = timeWords(this.time);
    this.symbol = widened(this.symbol, capacity);
    this.side = widened(this.side, capacity);
    this.type = widened(this.type, capacity);
    this.size = widened(this.size, capacity);
    this.status = widened(this.status, capacity);
    this.reason = widened(this.reason, capacity);
    this.price = widened(this.price, capacity);
    this.units = widened(this.units, capacity);
  }

  /** Row k (order id k + 1) as an object. */
  at(k: number): OrderRecord {
    return {
      id: k + 1, bar: this.bar[k]!, time: this.time[k]!, symbol: this.symbol[k]!, side: this.side[k]!, type: this.type[k]!, size: this.size[k]!,
      status: this.status[k]!, reason: REASONS[this.reason[k]!]!, price: this.price[k]!, units: this.units[k]!,
    };
  }

  toArray(): OrderRecord[] {
    const out = new Array<OrderRecord>(this.length);
    for (let k = 0; k < this.length; k++) out[k] = this.at(k);
    return out;
  }
}

export const SIDE_NAMES: Record<number, string> = { 1: 'buy', [-1]: 'sell', 0: 'close' };
export const TYPE_NAMES = ['market', 'limit', 'stop', 'stop-limit', 'trailing-amount', 'trailing-percent'] as const;
export const STATUS_NAMES = ['open', 'filled', 'cancelled', 'rejected', 'expired'] as const;

export interface OrderEvent {
  id: number;
  status: number;
  price: number;
  units: number;
}

/** Order events waiting for the guest's on_order, by column (the engine's queue, drained at each delivery). */
export class OrderEvents {
  length = 0;
  id = new Int32Array(16);
  status = new Int32Array(16);
  price = new Float64Array(16);
  units = new Float64Array(16);

  /** A new event's index (the columns double when full); the caller writes its fields. */
  add(): number {
    if (this.length === this.id.length) {
      const capacity = 2 * this.length;
      this.id = widened(this.id, capacity);
      this.status = widened(this.status, capacity);
      this.price = widened(this.price, capacity);
      this.units = widened(this.units, capacity);
    }
    return this.length++;
  }

  /** Event k as an object. */
  at(k: number): OrderEvent {
    return { id: this.id[k]!, status: this.status[k]!, price: this.price[k]!, units: this.units[k]! };
  }

  /** Drops the first n events (those delivered), keeping any queued since. */
  shift(n: number): void {
    this.id.copyWithin(0, n, this.length);
    this.status.copyWithin(0, n, this.length);
    this.price.copyWithin(0, n, this.length);
    this.units.copyWithin(0, n, this.length);
    this.length -= n;
  }
}
