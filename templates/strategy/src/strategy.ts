// An SMA crossover, long and short: buy when the fast average crosses above the slow one, sell when
// it crosses below. Parameters come from --param (or params: in backtest()), with these defaults.
import { Bar, Strategy, SMA, param, sma, crossover, crossunder, run } from "backproof/guest-sdk";
// The ABI the host calls (init, on_bar, ...): every strategy exports it.
export * from "backproof/guest-sdk/abi";

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
