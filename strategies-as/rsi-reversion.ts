// RSI mean reversion, long only: buy when RSI(14) falls below 30, sell when it rises above 70.
import { Bar, Strategy, RSI, param, run } from "../guest-sdk/index";
export * from "../guest-sdk/abi";

class RsiReversion extends Strategy {
  rsi: RSI = new RSI(param("period", 14));
  low: f64 = param("low", 30.0);
  high: f64 = param("high", 70.0);

  onBar(bar: Bar): void {
    const r = this.rsi.update(bar.close);
    if (!this.rsi.ready) return;
    if (this.position == 0 && r < this.low) this.buy();
    else if (this.position > 0 && r > this.high) this.close();
  }
}

run(new RsiReversion());
