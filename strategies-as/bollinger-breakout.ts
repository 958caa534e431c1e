// Bollinger breakout with bracket orders: on a close above the upper band, buy with a stop-loss at the
// middle band and a take-profit twice as far above the entry; one position at a time.
import { Bar, Strategy, BollingerBands, param, run } from "../guest-sdk/index";
export * from "../guest-sdk/abi";

class BollingerBreakout extends Strategy {
  bands: BollingerBands = new BollingerBands(param("period", 20), param("k", 2.0));
  reward: f64 = param("reward", 2.0);
  pending: bool = false;

  onOrder(id: i32, status: i32, price: f64, units: f64): void {
    this.pending = false;
  }

  onBar(bar: Bar): void {
    const mid = this.bands.update(bar.close);
    if (!this.bands.ready || this.position != 0 || this.pending) return;
    if (bar.close > this.bands.upper) {
      const risk = bar.close - mid;
      const id = this.bracketBuy(0.95, mid, bar.close + this.reward * risk);
      this.pending = id > 0;
    }
  }
}

run(new BollingerBreakout());
