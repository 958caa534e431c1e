/**
 * @module engine/backtest
 * The event loop. For each bar, in event time: (1) fill the orders placed on the previous bar at
 * this bar's open, (2) mark the account at this bar's close, (3) hand the completed bar to the
 * guest, (4) record equity. No wall clock and no randomness: the bars are the only clock.
 */
import type { Bars } from '../model/bars.ts';
import type { BacktestResult } from '../model/trade.ts';
import { Broker } from './broker.ts';
import type { GuestPort } from './ports.ts';
import { computeStats } from './stats.ts';

export interface EngineConfig {
  cash: number;
  /** Fraction of traded value, e.g. 0.002 for 0.2 %. */
  commission: number;
}

export class Backtest {
  readonly bars: Bars;
  readonly broker: Broker;
  private readonly config: EngineConfig;
  /** Index of the bar being processed (for logs). */
  bar = -1;

  constructor(bars: Bars, config: EngineConfig) {
    this.bars = bars;
    this.config = config;
    this.broker = new Broker(config.cash, config.commission);
  }

  run(guest: GuestPort): BacktestResult {
    const { time, open, high, low, close, volume, length } = this.bars;
    const broker = this.broker;
    const equity = new Float64Array(length);
    let barsInMarket = 0;
    for (let i = 0; i < length; i++) {
      this.bar = i;
      const t = time[i]!;
      broker.fillPending(i, t, open[i]!);
      broker.price = close[i]!;
      guest.onBar(t, open[i]!, high[i]!, low[i]!, close[i]!, volume[i]!);
      equity[i] = broker.equity();
      if (broker.position !== 0) barsInMarket++;
    }
    broker.rejectedOrders += broker.cancelPending();
    const stats = computeStats({
      bars: this.bars,
      equity,
      trades: broker.trades,
      barsInMarket,
      initialCash: this.config.cash,
      commissions: broker.commissions,
      rejectedOrders: broker.rejectedOrders,
    });
    return { trades: broker.trades, equity, stats };
  }
}
