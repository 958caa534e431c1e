// Two-symbol pairs trade on the ratio of closes: when its z-score over `window` bars leaves ±entry,
// sell the rich leg and buy the cheap one (half the equity each); close both when it comes back
// inside ±exit. Run with two data files (symbols 0 and 1) that share dates. It decides when both
// symbols have closed a bar of the same time, whichever closes last (at one instant the engine
// delivers closes in symbol-name order, not file order).
import { Bar, Strategy, param, run } from "../guest-sdk/index";
export * from "../guest-sdk/abi";

class Pairs extends Strategy {
  window: i32 = param("window", 20);
  entry: f64 = param("entry", 2.0);
  exit: f64 = param("exit", 0.5);
  ratios: StaticArray<f64> = new StaticArray<f64>(param("window", 20));
  count: i32 = 0;
  last0: f64 = NaN;
  last1: f64 = NaN;
  time0: i64 = i64.MIN_VALUE;
  time1: i64 = i64.MAX_VALUE;
  side: i32 = 0; // +1: long 0 / short 1; -1: short 0 / long 1

  onBar(bar: Bar): void {
    if (bar.symbol == 0) { this.last0 = bar.close; this.time0 = bar.time; }
    else { this.last1 = bar.close; this.time1 = bar.time; }
    if (this.time0 != this.time1) return; // decide once both have closed their bars of this time
    const r = this.last0 / this.last1;
    unchecked((this.ratios[this.count % this.window] = r));
    this.count++;
    if (this.count < this.window) return;
    let mean: f64 = 0;
    for (let i = 0; i < this.window; i++) mean += unchecked(this.ratios[i]);
    mean /= <f64>this.window;
    let v: f64 = 0;
    for (let i = 0; i < this.window; i++) v += (unchecked(this.ratios[i]) - mean) ** 2;
    const sd = Math.sqrt(v / <f64>this.window);
    if (sd == 0) return;
    const z = (r - mean) / sd;
    if (this.side == 0 && z > this.entry) {
      this.sellOn(0, 0.5); this.buyOn(1, 0.5); this.side = -1;
    } else if (this.side == 0 && z < -this.entry) {
      this.buyOn(0, 0.5); this.sellOn(1, 0.5); this.side = 1;
    } else if (this.side != 0 && Math.abs(z) < this.exit) {
      this.closeOn(0); this.closeOn(1); this.side = 0;
    }
  }
}

run(new Pairs());
