import * as env from "./env";

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
  /** Zero-based bar number. */
  index: i32 = -1;
}

export const ORDER_BUY: i32 = 1;
export const ORDER_SELL: i32 = 2;
export const ORDER_CLOSE: i32 = 3;

/**
 * Base class of every strategy. Override `init()` (once, before the first bar)
 * and `onBar(bar)` (once per bar, after the bar has closed). Orders placed in
 * `onBar` fill at the next bar's open.
 */
export abstract class Strategy {
  init(): void {}
  abstract onBar(bar: Bar): void;

  /** Go long. size 0 = all equity; 0 < size < 1 = that fraction of equity; size >= 1 = whole units. */
  buy(size: f64 = 0): void { env.order(ORDER_BUY, size); }
  /** Go short; size as in `buy`. */
  sell(size: f64 = 0): void { env.order(ORDER_SELL, size); }
  /** Close the open position at the next bar's open. */
  close(): void { env.order(ORDER_CLOSE, 0); }

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
  const value = env.param(changetype<usize>(name), name.length << 1, <f64>fallback);
  return <T>value;
}
