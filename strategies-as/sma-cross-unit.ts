// Provenance: copied byte for byte from the benchmark kit (shared/bench/sma-cross-unit.ts, 2026-11-30) below this line;
// the strategy of the issue-11 comparison with backtesting.py and backtrader (docs/BENCHMARKS.md).
// SMA(10/20) crossover, always in the market after the first cross, fixed size (param "size", default 1 unit):
// the repo's strategies-as/sma-cross.ts with an explicit size, so the three tools trade the same units and
// nobody goes bust on 0.2% commission (all-equity sizing on a random walk would).
import { Bar, Strategy, SMA, param, sma, crossover, crossunder, run } from "../guest-sdk/index";
export * from "../guest-sdk/abi";

class SmaCrossUnit extends Strategy {
  fast: SMA = sma(param("fast", 10));
  slow: SMA = sma(param("slow", 20));
  size: f64 = param("size", 1.0);

  onBar(bar: Bar): void {
    this.fast.update(bar.close);
    this.slow.update(bar.close);
    if (!this.slow.ready) return;
    if (crossover(this.fast, this.slow)) {
      this.buy(this.size);
    } else if (crossunder(this.fast, this.slow)) {
      this.sell(this.size);
    }
  }
}

run(new SmaCrossUnit());
