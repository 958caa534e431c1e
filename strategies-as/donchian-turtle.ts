// Donchian/turtle: enter long on a 20-bar high breakout, exit on a 10-bar low; size so that one ATR(20)
// move risks 1 % of equity (units = 0.01 × equity / ATR), with a 2-ATR protective stop.
import { Bar, Strategy, Highest, Lowest, ATR, param, run } from "../guest-sdk/index";
export * from "../guest-sdk/abi";

class Turtle extends Strategy {
  entryHigh: Highest = new Highest(param("entry", 20));
  exitLow: Lowest = new Lowest(param("exit", 10));
  atr: ATR = new ATR(param("atr", 20));
  risk: f64 = param("risk", 0.01);
  stopId: i32 = -1;

  onBar(bar: Bar): void {
    const prevHigh = this.entryHigh.value;
    const prevLow = this.exitLow.value;
    this.entryHigh.update(bar.high);
    this.exitLow.update(bar.low);
    const n = this.atr.update(bar.high, bar.low, bar.close);
    if (!this.atr.ready || isNaN(prevHigh)) return;
    if (this.position == 0 && bar.close > prevHigh) {
      const units = Math.floor(this.risk * this.equity / n);
      if (units >= 1) {
        this.buy(units);
        this.stopId = this.sellStop(bar.close - 2.0 * n, units);
      }
    } else if (this.position > 0 && bar.close < prevLow) {
      if (this.stopId > 0) this.cancel(this.stopId);
      this.stopId = -1;
      this.close();
    }
  }
}

run(new Turtle());
