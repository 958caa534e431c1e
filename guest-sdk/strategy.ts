import * as env from "./env";
import {
  ORDER_BUY, ORDER_SELL, ORDER_CLOSE, SIDE_BUY, SIDE_SELL,
  TYPE_LIMIT, TYPE_STOP, TYPE_STOP_LIMIT, TYPE_TRAILING_AMOUNT, TYPE_TRAILING_PERCENT,
  TIF_GTC, TIF_DAY, TIF_IOC, TIF_FOK, STATUS_FILLED, STATUS_CANCELLED, STATUS_REJECTED, STATUS_EXPIRED,
} from "./constants";

/** One OHLCV bar. The SDK reuses a single instance: copy fields you want to keep. */
@final
export class Bar {
  /** Bar open time, nanoseconds since the Unix epoch (UTC). */
  time: i64 = 0;
  open: f64 = 0;
  high: f64 = 0;
  low: f64 = 0;
  close: f64 = 0;
  volume: f64 = 0;
  /** Zero-based bar number (counting every symbol's bars). */
  index: i32 = -1;
  /** Which symbol this bar belongs to: its position among the run's data files. */
  symbol: i32 = 0;
}

/** Time in force. */
export const GTC: i32 = TIF_GTC;
export const DAY: i32 = TIF_DAY;
export const IOC: i32 = TIF_IOC;
export const FOK: i32 = TIF_FOK;

/** Order status in onOrder. */
export const FILLED: i32 = STATUS_FILLED;
export const CANCELLED: i32 = STATUS_CANCELLED;
export const REJECTED: i32 = STATUS_REJECTED;
export const EXPIRED: i32 = STATUS_EXPIRED;

/**
 * Base class of every strategy. Override `init()` (once, before the first bar)
 * and `onBar(bar)` (once per bar, after the bar has closed). Orders placed in
 * `onBar` fill at the next bar's open.
 */
export abstract class Strategy {
  init(): void {}
  abstract onBar(bar: Bar): void;
  /** An order was filled (price, signed units), cancelled, rejected or expired. Called before onBar. */
  onOrder(id: i32, status: i32, price: f64, units: f64): void {}
  /** A trade was closed. Called before onBar. */
  onTrade(size: f64, entryPrice: f64, exitPrice: f64, pnl: f64): void {}

  /** Go long. size 0 = all equity; 0 < size < 1 = that fraction of equity; size >= 1 = whole units. */
  buy(size: f64 = 0): void { env.order(ORDER_BUY, size); }
  /** Go short; size as in `buy`. */
  sell(size: f64 = 0): void { env.order(ORDER_SELL, size); }
  /** Close the open position at the next bar's open. */
  close(): void { env.order(ORDER_CLOSE, 0); }

  // Orders that net against the position; sizes as in buy(). Each returns an order id (or -1).
  buyLimit(limit: f64, size: f64 = 0, tif: i32 = GTC): i32 { return env.submit(SIDE_BUY, TYPE_LIMIT, size, limit, NaN, tif); }
  sellLimit(limit: f64, size: f64 = 0, tif: i32 = GTC): i32 { return env.submit(SIDE_SELL, TYPE_LIMIT, size, limit, NaN, tif); }
  buyStop(stop: f64, size: f64 = 0, tif: i32 = GTC): i32 { return env.submit(SIDE_BUY, TYPE_STOP, size, NaN, stop, tif); }
  sellStop(stop: f64, size: f64 = 0, tif: i32 = GTC): i32 { return env.submit(SIDE_SELL, TYPE_STOP, size, NaN, stop, tif); }
  buyStopLimit(stop: f64, limit: f64, size: f64 = 0, tif: i32 = GTC): i32 { return env.submit(SIDE_BUY, TYPE_STOP_LIMIT, size, limit, stop, tif); }
  sellStopLimit(stop: f64, limit: f64, size: f64 = 0, tif: i32 = GTC): i32 { return env.submit(SIDE_SELL, TYPE_STOP_LIMIT, size, limit, stop, tif); }
  /** A sell stop `distance` below the best close since placing it (a fraction of price when `percent`). */
  trailingStop(distance: f64, size: f64, percent: bool = false): i32 { return env.submit(SIDE_SELL, percent ? TYPE_TRAILING_PERCENT : TYPE_TRAILING_AMOUNT, size, NaN, distance, GTC); }
  /** Entry (at market, or at `limit`) with a stop-loss and a take-profit that cancel each other. */
  bracketBuy(size: f64, stopLoss: f64, takeProfit: f64, limit: f64 = NaN): i32 { return env.bracket(SIDE_BUY, size, limit, stopLoss, takeProfit, GTC); }
  bracketSell(size: f64, stopLoss: f64, takeProfit: f64, limit: f64 = NaN): i32 { return env.bracket(SIDE_SELL, size, limit, stopLoss, takeProfit, GTC); }
  cancel(id: i32): bool { return env.cancel(id) != 0; }

  // Several symbols: bars arrive merged in time; these act on a named symbol.
  get symbols(): i32 { return env.symbols(); }
  positionOf(symbol: i32): f64 { return env.position_of(symbol); }
  buyOn(symbol: i32, size: f64 = 0): void { env.order_on(symbol, ORDER_BUY, size); }
  sellOn(symbol: i32, size: f64 = 0): void { env.order_on(symbol, ORDER_SELL, size); }
  closeOn(symbol: i32): void { env.order_on(symbol, ORDER_CLOSE, 0); }
  modify(id: i32, size: f64 = NaN, limit: f64 = NaN, stop: f64 = NaN): bool { return env.modify(id, size, limit, stop) != 0; }

  /** Units held: > 0 long, < 0 short, 0 flat. */
  get position(): f64 { return env.position(); }
  get cash(): f64 { return env.cash(); }
  get equity(): f64 { return env.equity(); }

  log(message: string): void {
    env.log(changetype<usize>(message), message.length << 1);
  }
}

/**
 * A run parameter by name, with its default. The type follows the default:
 * `param("fast", 10)` is an i32, `param("k", 2.0)` an f64.
 */
export function param<T>(name: string, fallback: T): T {
  // An integer param is read through param_int, so the host can refuse `--param fast=10.5`.
  if (isInteger<T>()) return <T>env.param_int(changetype<usize>(name), name.length << 1, <f64>fallback);
  return <T>env.param(changetype<usize>(name), name.length << 1, <f64>fallback);
}
