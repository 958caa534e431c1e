// SMA crossover, long and short: the classic backtesting.py example strategy.
import { Bar, Strategy, SMA, param, sma, crossover, crossunder, run } from "../guest-sdk/index";
export * from "../guest-sdk/abi";

class SmaCross extends Strategy {
  fast: SMA = sma(param("fast", 10));
  slow: SMA = sma(param("slow", 20));

  onBar(bar: Bar): void {
    this.fast.update(bar.close);
    this.slow.update(bar.close);
    if (!this.slow.ready) return;
    if (crossover(this.fast, this.slow)) {
      this.buy();
    } else if (crossunder(this.fast, this.slow)) {
      this.sell();
    }
  }
}

run(new SmaCross());
