/**
 * @module model/order
 * Every order a run saw, with how it ended: one row per order id (ids are 1, 2, … in placement order,
 * across symbols; an order rejected outright also takes an id). Rendered as orders.csv.
 */
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

export const SIDE_NAMES: Record<number, string> = { 1: 'buy', [-1]: 'sell', 0: 'close' };
export const TYPE_NAMES = ['market', 'limit', 'stop', 'stop-limit', 'trailing-amount', 'trailing-percent'] as const;
export const STATUS_NAMES = ['open', 'filled', 'cancelled', 'rejected', 'expired'] as const;
