// EMA crossover, long only: enter when the fast EMA crosses above the slow one, exit on the cross back.
import { Bar, Strategy, EMA, param, ema, crossover, crossunder, run } from "../guest-sdk/index";
export * from "../guest-sdk/abi";

class EmaCross extends Strategy {
  fast: EMA = ema(param("fast", 12));
  slow: EMA = ema(param("slow", 26));
  fraction: f64 = param("fraction", 0.5);

  onBar(bar: Bar): void {
    this.fast.update(bar.close);
    this.slow.update(bar.close);
    if (!this.slow.ready || !this.fast.ready) return;
    if (crossover(this.fast, this.slow) && this.position == 0) {
      this.buy(this.fraction);
    } else if (crossunder(this.fast, this.slow) && this.position > 0) {
      this.close();
    }
  }
}

run(new EmaCross());
