/**
 * Streaming indicators: O(1) work and no allocation per bar. Feed one value per
 * bar with `update(x)`; `value` holds the latest reading and `ready` tells whether
 * a full window has been seen. `prev` is the reading before the latest one.
 */
export abstract class Indicator {
  value: f64 = NaN;
  prev: f64 = NaN;
  ready: bool = false;
  abstract update(x: f64): f64;
}

/** Simple moving average over `period` values (running sum over a ring buffer). */
@final
export class SMA extends Indicator {
  private window: StaticArray<f64>;
  private sum: f64 = 0;
  private count: i32 = 0;
  private at: i32 = 0;

  constructor(public readonly period: i32) {
    super();
    assert(period > 0, "SMA period must be positive");
    this.window = new StaticArray<f64>(period);
  }

  update(x: f64): f64 {
    const at = this.at;
    if (this.count == this.period) this.sum -= unchecked(this.window[at]);
    else this.count++;
    unchecked((this.window[at] = x));
    this.sum += x;
    this.at = at + 1 == this.period ? 0 : at + 1;
    this.prev = this.value;
    this.ready = this.count == this.period;
    this.value = this.ready ? this.sum / <f64>this.period : NaN;
    return this.value;
  }
}

/** Exponential moving average, alpha = 2/(period+1), seeded with the SMA of the first `period` values. */
@final
export class EMA extends Indicator {
  private seedSum: f64 = 0;
  private count: i32 = 0;
  private alpha: f64;

  constructor(public readonly period: i32) {
    super();
    assert(period > 0, "EMA period must be positive");
    this.alpha = 2.0 / (<f64>period + 1.0);
  }

  update(x: f64): f64 {
    this.prev = this.value;
    if (this.count < this.period) {
      this.count++;
      this.seedSum += x;
      if (this.count == this.period) {
        this.ready = true;
        this.value = this.seedSum / <f64>this.period;
      }
    } else {
      this.value += this.alpha * (x - this.value);
    }
    return this.value;
  }
}

export function sma(period: i32): SMA { return new SMA(period); }
export function ema(period: i32): EMA { return new EMA(period); }

/** True on the bar where `a` moves from at-or-below `b` to above it (backtesting.py's `crossover`). */
export function crossover(a: Indicator, b: Indicator): bool {
  return a.prev <= b.prev && a.value > b.value;
}

/** True on the bar where `a` moves from at-or-above `b` to below it. */
export function crossunder(a: Indicator, b: Indicator): bool {
  return a.prev >= b.prev && a.value < b.value;
}
