/**
 * Streaming indicators: no allocation per bar and O(1) work per bar (amortized for Highest/Lowest;
 * CCI's Lambert mean deviation is O(period)). Feed one value per bar with `update(x)` — or, for indicators
 * of a whole bar, `update(high, low, close)`; `value` holds the latest reading, `prev` the one before,
 * and `ready` tells whether enough bars have been seen. Before that, `value` is NaN.
 * Conventions (docs/SEMANTICS.md): EMA and Wilder smoothing are seeded with the SMA of their first
 * `period` inputs; Bollinger Bands use the population standard deviation; ATR's first true range
 * needs a previous close and CCI's mean deviation is Lambert's (TA-Lib's) unless asked otherwise.
 */

/** Anything with a latest and a previous reading. */
export abstract class Series {
  value: f64 = NaN;
  prev: f64 = NaN;
  ready: bool = false;

  protected set(v: f64): f64 {
    this.prev = this.value;
    this.value = v;
    return v;
  }
}

/** An indicator of one input series. */
export abstract class Indicator extends Series {
  abstract update(x: f64): f64;
}

/** An indicator of whole bars. */
export abstract class BarIndicator extends Series {
  abstract update(high: f64, low: f64, close: f64): f64;
}

/** The last `size` inputs. */
@final
export class Window {
  private data: StaticArray<f64>;
  private at: i32 = 0;
  count: i32 = 0;
  constructor(public readonly size: i32) {
    assert(size > 0, "window size must be positive");
    this.data = new StaticArray<f64>(size);
  }
  /** Adds x; returns the value that fell out (NaN until the window is full). */
  push(x: f64): f64 {
    const at = this.at;
    const out = this.count == this.size ? unchecked(this.data[at]) : NaN;
    if (this.count < this.size) this.count++;
    unchecked((this.data[at] = x));
    this.at = at + 1 == this.size ? 0 : at + 1;
    return out;
  }
  get full(): bool { return this.count == this.size; }
  /** The i-th newest value (0 = newest). */
  ago(i: i32): f64 {
    let j = this.at - 1 - i;
    if (j < 0) j += this.size;
    return unchecked(this.data[j]);
  }
}

/** Simple moving average: a running sum over a ring buffer (kept inline: it is the hottest indicator). */
@final
export class SMA extends Indicator {
  private ring: StaticArray<f64>;
  private sum: f64 = 0;
  private count: i32 = 0;
  private at: i32 = 0;
  constructor(public readonly period: i32) {
    super();
    assert(period > 0, "SMA period must be positive");
    this.ring = new StaticArray<f64>(period);
  }
  update(x: f64): f64 {
    const at = this.at;
    if (this.count == this.period) this.sum -= unchecked(this.ring[at]);
    else this.count++;
    unchecked((this.ring[at] = x));
    this.sum += x;
    this.at = at + 1 == this.period ? 0 : at + 1;
    this.prev = this.value;
    this.ready = this.count == this.period;
    this.value = this.ready ? this.sum / <f64>this.period : NaN;
    return this.value;
  }
}

/** v ← v + alpha·(x − v), seeded with the SMA of the first `period` inputs: EMA and Wilder's smoothing. */
export abstract class Smoother extends Indicator {
  private seedSum: f64 = 0;
  private count: i32 = 0;
  constructor(public readonly period: i32, private readonly alpha: f64) {
    super();
    assert(period > 0, "period must be positive");
  }
  update(x: f64): f64 {
    if (this.count < this.period) {
      this.count++;
      this.seedSum += x;
      if (this.count < this.period) return this.set(NaN);
      this.ready = true;
      return this.set(this.seedSum / <f64>this.period);
    }
    return this.set(this.value + this.alpha * (x - this.value));
  }
}

/** Exponential moving average, alpha = 2 / (period + 1). */
@final
export class EMA extends Smoother {
  constructor(period: i32) { super(period, 2.0 / (<f64>period + 1.0)); }
}

/** Wilder's smoothing (SMMA, RMA), alpha = 1 / period: v = (v·(period − 1) + x) / period. */
@final
export class SMMA extends Smoother {
  constructor(period: i32) { super(period, 1.0 / <f64>period); }
}

/** Linearly weighted moving average: weights 1 (oldest) … period (newest). */
@final
export class WMA extends Indicator {
  private window: Window;
  private sum: f64 = 0;
  private weighted: f64 = 0;
  private divisor: f64;
  constructor(public readonly period: i32) {
    super();
    this.window = new Window(period);
    this.divisor = <f64>period * <f64>(period + 1) / 2.0;
  }
  update(x: f64): f64 {
    const n = <f64>this.period;
    if (this.window.full) {
      // Shift every weight down by one and add x at weight n: W' = W − S + n·x.
      const out = this.window.push(x);
      this.weighted = this.weighted - this.sum + n * x;
      this.sum = this.sum - out + x;
    } else {
      this.window.push(x);
      this.weighted += <f64>this.window.count * x;
      this.sum += x;
    }
    this.ready = this.window.full;
    return this.set(this.ready ? this.weighted / this.divisor : NaN);
  }
}

/** Relative Strength Index with Wilder's smoothing (needs period + 1 inputs). 50 when nothing moved. */
@final
export class RSI extends Indicator {
  private gain: SMMA;
  private loss: SMMA;
  private last: f64 = NaN;
  constructor(public readonly period: i32) {
    super();
    this.gain = new SMMA(period);
    this.loss = new SMMA(period);
  }
  update(x: f64): f64 {
    const last = this.last;
    this.last = x;
    if (isNaN(last)) return this.set(NaN);
    const d = x - last;
    const g = this.gain.update(d > 0 ? d : 0);
    const l = this.loss.update(d < 0 ? -d : 0);
    if (!this.gain.ready) return this.set(NaN);
    this.ready = true;
    if (l == 0) return this.set(g == 0 ? 50.0 : 100.0);
    return this.set(100.0 - 100.0 / (1.0 + g / l));
  }
}

/** MACD: EMA(fast) − EMA(slow); `signal` = EMA(signalPeriod) of MACD; `histogram` = MACD − signal. */
@final
export class MACD extends Indicator {
  private fast: EMA;
  private slow: EMA;
  private signalEma: EMA;
  signal: f64 = NaN;
  histogram: f64 = NaN;
  constructor(fast: i32 = 12, slow: i32 = 26, signal: i32 = 9) {
    super();
    this.fast = new EMA(fast);
    this.slow = new EMA(slow);
    this.signalEma = new EMA(signal);
  }
  update(x: f64): f64 {
    const f = this.fast.update(x);
    const s = this.slow.update(x);
    if (!this.slow.ready || !this.fast.ready) return this.set(NaN);
    const m = f - s;
    this.signal = this.signalEma.update(m);
    this.histogram = this.signalEma.ready ? m - this.signal : NaN;
    this.ready = this.signalEma.ready;
    return this.set(m);
  }
}

/** Bollinger Bands: `value` is the middle band (SMA); upper/lower = middle ± k·σ (population σ). */
@final
export class BollingerBands extends Indicator {
  private window: Window;
  private sum: f64 = 0;
  private sumSq: f64 = 0;
  upper: f64 = NaN;
  lower: f64 = NaN;
  constructor(public readonly period: i32 = 20, public readonly k: f64 = 2.0) {
    super();
    this.window = new Window(period);
  }
  update(x: f64): f64 {
    const out = this.window.push(x);
    this.sum += x;
    this.sumSq += x * x;
    if (!isNaN(out)) {
      this.sum -= out;
      this.sumSq -= out * out;
    }
    this.ready = this.window.full;
    if (!this.ready) return this.set(NaN);
    const n = <f64>this.period;
    const mean = this.sum / n;
    const variance = Math.max(this.sumSq / n - mean * mean, 0);
    const sd = Math.sqrt(variance);
    this.upper = mean + this.k * sd;
    this.lower = mean - this.k * sd;
    return this.set(mean);
  }
}

/** The highest (or lowest) of the last `period` inputs: a monotonic deque, O(1) amortized. */
class Extremum extends Indicator {
  private values: StaticArray<f64>;
  private stamps: StaticArray<i32>;
  private head: i32 = 0;
  private size: i32 = 0;
  private t: i32 = 0;
  constructor(public readonly period: i32, private readonly highest: bool) {
    super();
    assert(period > 0, "period must be positive");
    this.values = new StaticArray<f64>(period);
    this.stamps = new StaticArray<i32>(period);
  }
  update(x: f64): f64 {
    const cap = this.period;
    // Drop the expired front, then every back element the new value dominates.
    if (this.size > 0 && unchecked(this.stamps[this.head]) <= this.t - cap) {
      this.head = this.head + 1 == cap ? 0 : this.head + 1;
      this.size--;
    }
    while (this.size > 0) {
      let back = this.head + this.size - 1;
      if (back >= cap) back -= cap;
      const v = unchecked(this.values[back]);
      if (this.highest ? v <= x : v >= x) this.size--;
      else break;
    }
    let slot = this.head + this.size;
    if (slot >= cap) slot -= cap;
    unchecked((this.values[slot] = x));
    unchecked((this.stamps[slot] = this.t));
    this.size++;
    this.t++;
    this.ready = this.t >= cap;
    return this.set(this.ready ? unchecked(this.values[this.head]) : NaN);
  }
}

@final export class Highest extends Extremum { constructor(period: i32) { super(period, true); } }
@final export class Lowest extends Extremum { constructor(period: i32) { super(period, false); } }

/** Rate of change, in percent: 100·(x − x[period ago]) / x[period ago]. */
@final
export class ROC extends Indicator {
  private window: Window;
  constructor(public readonly period: i32) {
    super();
    this.window = new Window(period + 1);
  }
  update(x: f64): f64 {
    this.window.push(x);
    this.ready = this.window.full;
    if (!this.ready) return this.set(NaN);
    const then = this.window.ago(this.period);
    return this.set(100.0 * (x - then) / then);
  }
}

/**
 * Average True Range: Wilder's smoothing of the true range, max(high, previous close) −
 * min(low, previous close). By default the first bar has no true range (there is no previous
 * close), so the first reading comes on bar `period` — as in TA-Lib and backtrader. With
 * `seedFirstBar`, bar 0's true range is its high − low and the first reading comes a bar earlier.
 */
@final
export class ATR extends BarIndicator {
  private smooth: SMMA;
  private lastClose: f64 = NaN;
  constructor(public readonly period: i32 = 14, public readonly seedFirstBar: bool = false) {
    super();
    this.smooth = new SMMA(period);
  }
  update(high: f64, low: f64, close: f64): f64 {
    const pc = this.lastClose;
    this.lastClose = close;
    if (isNaN(pc) && !this.seedFirstBar) return this.set(NaN);
    const tr = isNaN(pc) ? high - low : Math.max(high - low, Math.max(Math.abs(high - pc), Math.abs(low - pc)));
    const v = this.smooth.update(tr);
    this.ready = this.smooth.ready;
    return this.set(v);
  }
}

/** Stochastic oscillator: %K = 100·(close − lowest low) / (highest high − lowest low) over `period`; %D = SMA(dPeriod) of %K. */
@final
export class Stochastic extends BarIndicator {
  private hh: Highest;
  private ll: Lowest;
  private dSma: SMA;
  d: f64 = NaN;
  constructor(public readonly period: i32 = 14, dPeriod: i32 = 3) {
    super();
    this.hh = new Highest(period);
    this.ll = new Lowest(period);
    this.dSma = new SMA(dPeriod);
  }
  update(high: f64, low: f64, close: f64): f64 {
    const h = this.hh.update(high);
    const l = this.ll.update(low);
    if (!this.hh.ready) return this.set(NaN);
    const k = h == l ? 50.0 : 100.0 * (close - l) / (h - l);
    this.d = this.dSma.update(k);
    this.ready = true;
    return this.set(k);
  }
}

/** Williams %R: −100·(highest high − close) / (highest high − lowest low) over `period`. */
@final
export class WilliamsR extends BarIndicator {
  private hh: Highest;
  private ll: Lowest;
  constructor(public readonly period: i32 = 14) {
    super();
    this.hh = new Highest(period);
    this.ll = new Lowest(period);
  }
  update(high: f64, low: f64, close: f64): f64 {
    const h = this.hh.update(high);
    const l = this.ll.update(low);
    if (!this.hh.ready) return this.set(NaN);
    this.ready = true;
    return this.set(h == l ? -50.0 : -100.0 * (h - close) / (h - l));
  }
}

/**
 * Commodity Channel Index: (TP − SMA(TP)) / (0.015 · mean deviation), TP = (high + low + close) / 3.
 * By default the mean deviation is Lambert's, as in TA-Lib: the mean |TP − SMA(TP)| over the last
 * `period` bars, all measured from the current SMA (first reading on bar period − 1). With
 * `rollingMeanDev`, it is backtrader's: the SMA over `period` bars of each bar's |TP − its own
 * SMA(TP)| (first reading on bar 2·period − 2).
 */
@final
export class CCI extends BarIndicator {
  private window: Window;
  private sum: f64 = 0;
  private absDev: SMA;
  constructor(public readonly period: i32 = 20, public readonly rollingMeanDev: bool = false) {
    super();
    this.window = new Window(period);
    this.absDev = new SMA(period);
  }
  update(high: f64, low: f64, close: f64): f64 {
    const tp = (high + low + close) / 3.0;
    const out = this.window.push(tp);
    this.sum += tp;
    if (!isNaN(out)) this.sum -= out;
    if (!this.window.full) return this.set(NaN);
    const n = this.period;
    const mean = this.sum / <f64>n;
    let dev: f64 = 0;
    if (this.rollingMeanDev) {
      dev = this.absDev.update(Math.abs(tp - mean));
      if (!this.absDev.ready) return this.set(NaN);
    } else {
      for (let i = 0; i < n; i++) dev += Math.abs(this.window.ago(i) - mean);
      dev /= <f64>n;
    }
    this.ready = true;
    return this.set(dev == 0 ? 0.0 : (tp - mean) / (0.015 * dev));
  }
}

/** Average Directional Index (Wilder): `value` = ADX; `plusDI`, `minusDI` the directional indicators. */
@final
export class ADX extends BarIndicator {
  private tr: SMMA;
  private plus: SMMA;
  private minus: SMMA;
  private dx: SMMA;
  private lastHigh: f64 = NaN;
  private lastLow: f64 = NaN;
  private lastClose: f64 = NaN;
  plusDI: f64 = NaN;
  minusDI: f64 = NaN;
  constructor(public readonly period: i32 = 14) {
    super();
    this.tr = new SMMA(period);
    this.plus = new SMMA(period);
    this.minus = new SMMA(period);
    this.dx = new SMMA(period);
  }
  update(high: f64, low: f64, close: f64): f64 {
    const ph = this.lastHigh, pl = this.lastLow, pc = this.lastClose;
    this.lastHigh = high;
    this.lastLow = low;
    this.lastClose = close;
    if (isNaN(pc)) return this.set(NaN);
    const up = high - ph;
    const down = pl - low;
    const tr = Math.max(high - low, Math.max(Math.abs(high - pc), Math.abs(low - pc)));
    const atr = this.tr.update(tr);
    const p = this.plus.update(up > down && up > 0 ? up : 0);
    const m = this.minus.update(down > up && down > 0 ? down : 0);
    if (!this.tr.ready) return this.set(NaN);
    this.plusDI = atr == 0 ? 0 : 100.0 * p / atr;
    this.minusDI = atr == 0 ? 0 : 100.0 * m / atr;
    const sum = this.plusDI + this.minusDI;
    const adx = this.dx.update(sum == 0 ? 0 : 100.0 * Math.abs(this.plusDI - this.minusDI) / sum);
    this.ready = this.dx.ready;
    return this.set(adx);
  }
}

export function sma(period: i32): SMA { return new SMA(period); }
export function ema(period: i32): EMA { return new EMA(period); }

/**
 * True on the bar where `a` crosses above `b`: strictly below on the previous bar, strictly above
 * now — exactly backtesting.py's `crossover` (`a[-2] < b[-2] and a[-1] > b[-1]`). A tie on the
 * previous bar is not a cross; false while either previous value is NaN.
 */
export function crossover(a: Series, b: Series): bool {
  return a.prev < b.prev && a.value > b.value;
}

/** True on the bar where `a` crosses below `b`: backtesting.py's `crossover(b, a)`, strict on both bars. */
export function crossunder(a: Series, b: Series): bool {
  return a.prev > b.prev && a.value < b.value;
}

/** A deterministic PRNG (xoshiro128** ), seeded explicitly: the same seed gives the same numbers everywhere. */
@final
export class Random {
  private s0: u32;
  private s1: u32;
  private s2: u32;
  private s3: u32;
  constructor(seed: u64) {
    // SplitMix64 expands the seed into the state.
    let z = seed;
    z += 0x9e3779b97f4a7c15; let a = z; a = (a ^ (a >> 30)) * 0xbf58476d1ce4e5b9; a = (a ^ (a >> 27)) * 0x94d049bb133111eb; a ^= a >> 31;
    z += 0x9e3779b97f4a7c15; let b = z; b = (b ^ (b >> 30)) * 0xbf58476d1ce4e5b9; b = (b ^ (b >> 27)) * 0x94d049bb133111eb; b ^= b >> 31;
    this.s0 = <u32>a; this.s1 = <u32>(a >> 32); this.s2 = <u32>b; this.s3 = <u32>(b >> 32);
    if ((this.s0 | this.s1 | this.s2 | this.s3) == 0) this.s0 = 1;
  }
  /** The next 32 random bits. */
  nextU32(): u32 {
    const result = rotl<u32>(this.s1 * 5, 7) * 9;
    const t = this.s1 << 9;
    this.s2 ^= this.s0; this.s3 ^= this.s1; this.s1 ^= this.s2; this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl<u32>(this.s3, 11);
    return result;
  }
  /** Uniform in [0, 1) with 53 random bits. */
  next(): f64 {
    const hi = <u64>(this.nextU32() >> 5);
    const lo = <u64>(this.nextU32() >> 6);
    return <f64>((hi << 26) | lo) / 9007199254740992.0;
  }
}
