/**
 * @module engine/backtest
 * The event loop. For each bar, in event time: (1) fill the orders placed on the previous bar at
 * this bar's open, (2) mark the account at this bar's close, (3) hand the completed bar to the
 * guest, (4) record equity. No wall clock and no randomness: the bars are the only clock.
 */
import type { Bars } from '../model/bars.ts';
import type { BacktestResult } from '../model/trade.ts';
import { Broker, DEFAULT_BROKER, type BrokerConfig } from './broker.ts';
import type { GuestPort } from './ports.ts';
import { computeStats } from './stats.ts';

/** Broker settings; `commission` is shorthand for a percentage-only cost model. */
export type EngineConfig = { cash: number; commission?: number; snapshotEvery?: number } & Partial<Omit<BrokerConfig, 'cash'>>;

export class Backtest {
  readonly bars: Bars;
  readonly broker: Broker;
  private readonly config: EngineConfig;
  /** Index of the bar being processed (for logs). */
  bar = -1;
  /** State snapshots taken every `snapshotEvery` bars: after bar `bar`, with the guest's hash. */
  readonly snapshots: { bar: number; hash: Uint8Array }[] = [];

  constructor(bars: Bars, config: EngineConfig) {
    this.bars = bars;
    this.config = config;
    const costs = config.costs ?? { ...DEFAULT_BROKER.costs, rate: config.commission ?? 0 };
    this.broker = new Broker({ ...DEFAULT_BROKER, ...config, costs });
  }

  run(guest: GuestPort): BacktestResult {
    const { time, open, high, low, close, volume, length } = this.bars;
    const broker = this.broker;
    const equity = new Float64Array(length);
    let barsInMarket = 0;
    const events = broker.events;
    const every = this.config.snapshotEvery ?? 0;
    for (let i = 0; i < length; i++) {
      this.bar = i;
      const t = time[i]!;
      broker.setBar(i, t);
      broker.onBarOpen(open[i]!, high[i]!, low[i]!);
      broker.price = close[i]!;
      if (events.length > 0 || broker.trades.length > broker.tradesReported) this.deliver(guest);
      guest.onBar(t, open[i]!, high[i]!, low[i]!, close[i]!, volume[i]!);
      broker.onBarClose(close[i]!);
      if (every > 0 && (i + 1) % every === 0 && guest.snapshot) this.snapshots.push({ bar: i, hash: guest.snapshot(i) });
      if (events.length > 0 || broker.trades.length > broker.tradesReported) this.deliver(guest);
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

  /** Reports order events and closed trades to the guest, in the order they happened. */
  private deliver(guest: GuestPort): void {
    const broker = this.broker;
    const events = broker.events.splice(0);
    if (guest.onOrder) for (const e of events) guest.onOrder(e.id, e.status, e.price, e.units);
    const trades = broker.trades;
    if (guest.onTrade) for (let k = broker.tradesReported; k < trades.length; k++) guest.onTrade(trades[k]!.size, trades[k]!.entryPrice, trades[k]!.exitPrice, trades[k]!.pnl);
    broker.tradesReported = trades.length;
  }
}
